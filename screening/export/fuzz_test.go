package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// FuzzReadQuestionnaireResponse feeds outside FHIR JSON to the reader: it must never panic,
// and whatever it accepts must be complete answers that evaluate.
func FuzzReadQuestionnaireResponse(f *testing.F) {
	rs := defaultRules(f)
	files, _ := filepath.Glob(filepath.Join("testdata", "fhir", "*.json"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"QuestionnaireResponse"}}]}`))
	f.Add([]byte(`{"resourceType":"QuestionnaireResponse","item":[{"linkId":"x","answer":[{}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ReadQuestionnaireResponse(rs, data, "")
		if err != nil {
			return
		}
		if _, err := rs.Evaluate(a); err != nil {
			t.Fatalf("accepted answers do not evaluate: %v", err)
		}
	})
}

// FuzzWrap: every line fits, no text is lost (spaces aside), and nothing panics.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"あいうえお。かきくけこ「さしすせそ」", "the quick brown fox", "https://example.org/" + strings.Repeat("x", 200),
		"a\nb\n\nc", "混在 mixed テキスト with-hyphens and/or 記号（括弧）。", "\u0301\u200d👩‍👩‍👧", ""} {
		f.Add(s, uint8(20))
	}
	f.Fuzz(func(t *testing.T, s string, w uint8) {
		width := 8 + int(w)%80
		s = Sanitize(strings.ToValidUTF8(s, "?"))
		got := string(AppendWrapped(nil, "- ", "  ", s, width))
		if !utf8.ValidString(got) || !strings.HasSuffix(got, "\n") {
			t.Fatalf("bad output %q", got)
		}
		for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
			if uniseg.StringWidth(l) > width {
				// Only a single grapheme cluster wider than the room may overflow.
				if uniseg.GraphemeClusterCount(strings.TrimLeft(l, "- ")) > 1 {
					t.Fatalf("line %q is wider than %d", l, width)
				}
			}
		}
		strip := func(x string) string {
			return strings.Map(func(r rune) rune {
				if r == ' ' || r == '\n' || r == '-' {
					return -1
				}
				return r
			}, x)
		}
		if strip(got) != strip(s) {
			t.Fatalf("text changed:\n%q\n%q", s, got)
		}
	})
}
