package export

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/exoscreen/exoscreen/internal/eawidth"
	"github.com/exoscreen/exoscreen/screening"
)

// checkText checks the rules of the printed summary on every line: at most 80 cells, no
// control characters or escape sequences, no East-Asian-ambiguous glyphs (two cells on some
// Japanese terminals and printers), no line starting with a closing bracket or Japanese
// punctuation, none ending with an opening bracket.
func checkText(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("summary is not UTF-8")
	}
	if !strings.HasSuffix(s, "\n") {
		t.Errorf("summary does not end with a newline")
	}
	for i, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if w := uniseg.StringWidth(line); w > TextWidth {
			t.Errorf("line %d is %d cells wide: %q", i+1, w, line)
		}
		for _, r := range line {
			switch {
			case r == '\t' || unicode.IsControl(r) || r == 0xfffd:
				t.Errorf("line %d holds control character %U: %q", i+1, r, line)
			case eawidth.Ambiguous(r):
				t.Errorf("line %d holds East-Asian-ambiguous %q (%U): %q", i+1, r, r, line)
			}
		}
		body := strings.TrimLeft(line, " ")
		if r, _ := utf8.DecodeRuneInString(body); body != "" && strings.ContainsRune("。、，．」』）〕】！？ー・", r) {
			t.Errorf("line %d starts with %q: %q", i+1, r, line)
		}
		if r, _ := utf8.DecodeLastRuneInString(line); line != "" && strings.ContainsRune("「『（〔［｛〈《【〘〖([{", r) {
			t.Errorf("line %d ends with %q: %q", i+1, r, line)
		}
		if line != strings.TrimRight(line, " ") {
			t.Errorf("line %d has trailing spaces: %q", i+1, line)
		}
	}
}

// TestTextSpread renders many answer sets in both languages and checks every line, and that
// the summary holds what it must.
func TestTextSpread(t *testing.T) {
	rs := defaultRules(t)
	for i, a := range spread(t, rs, 150) {
		res := evaluate(t, rs, a)
		for _, lang := range testLangs {
			var b bytes.Buffer
			m := Meta{Lang: lang, Time: fixedTime, Clinic: "Clinic\x1b[31m", Patient: &Patient{Name: "Jane\x07 Doe"}}
			if err := WriteText(&b, res, m); err != nil {
				t.Fatal(err)
			}
			s := b.String()
			checkText(t, s)
			if t.Failed() {
				t.Fatalf("record %d (%s):\n%s", i, lang, s)
			}
			for _, want := range []string{
				res.Verdict.Label().In(lang), rs.ID + " " + rs.Version, rs.SHA256, "2026-11-21 10:30 JST (UTC+09:00)",
				`Clinic\x1b[31m`, `Jane\x07 Doe`,
			} {
				if !strings.Contains(s, want) {
					t.Fatalf("record %d (%s): summary lacks %q", i, lang, want)
				}
			}
			flat := unwrap(s)
			for _, f := range res.Findings {
				if !strings.Contains(flat, unwrap(f.Reason(lang))) {
					t.Fatalf("record %d (%s): reason of %s missing", i, lang, f.Question.ID)
				}
			}
			for _, src := range rs.Sources {
				if !strings.Contains(s, "["+src.Key+"]") {
					t.Fatalf("record %d (%s): source %s missing from the list", i, lang, src.Key)
				}
			}
			if n := res.NeedsConfirmation(); strings.Count(s, wordsFor(lang).confirmMark) != n {
				t.Fatalf("record %d (%s): %d confirmation marks, want %d", i, lang, strings.Count(s, wordsFor(lang).confirmMark), n)
			}
		}
	}
}

// unwrap joins wrapped lines back (removing the break and the indent) for comparison.
func unwrap(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		b.WriteString(strings.TrimSpace(l))
	}
	return strings.ReplaceAll(b.String(), " ", "")
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		name, first, rest, text string
		width                   int
		want                    string
	}{
		{"fits", "", "", "短い文。", 20, "短い文。\n"},
		{"no line starts with 。", "", "", "あいうえおかきくけこ。さしすせそ", 20, "あいうえ\nおかきくけこ。\nさしすせそ\n"},
		{"no line starts with 」", "", "", "あいうえおかきくけ「こ」たちつ", 20, "あいうえおかきくけ\n「こ」たちつ\n"},
		{"no line ends with 「", "", "", "あいうえおかきくけ「こさ」", 20, "あいうえおかきくけ\n「こさ」\n"},
		{"no line starts with ー", "", "", "あいうえおかきくけコー", 20, "あいうえ\nおかきくけコー\n"},
		{"small kana stays", "", "", "あいうえおかきくけしょう", 20, "あいうえ\nおかきくけしょう\n"},
		{"latin words whole", "", "", "the quick brown fox jumps", 10, "the quick\nbrown fox\njumps\n"},
		{"hanging indent", "- ", "  ", "alpha beta gamma delta", 12, "- alpha beta\n  gamma\n  delta\n"},
		{"japanese then latin", "", "", "出典は tokushu-2025 です。", 16, "出典は\ntokushu-2025\nです。\n"},
		{"long run is cut", "", "", "https://example.org/abcdefghijklmnop", 12, "https://\nexample.org/\nabcdefghijkl\nmnop\n"},
		{"hyphenated word whole", "", "", "under follow-up now", 14, "under\nfollow-up now\n"},
		{"mandatory break", "", "  ", "a\nb", 10, "a\n  b\n"},
		{"empty", "x: ", "", "", 10, "x:\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(AppendWrapped(nil, tc.first, tc.rest, tc.text, tc.width))
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			for _, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
				if uniseg.StringWidth(l) > tc.width {
					t.Errorf("line %q wider than %d", l, tc.width)
				}
			}
		})
	}
}

// TestWrapKeepsWords wraps English reasons at many widths: every word must come out whole.
func TestWrapKeepsWords(t *testing.T) {
	rs := defaultRules(t)
	for _, q := range rs.Questions {
		for _, r := range q.Rules {
			text := r.Reason[screening.EN]
			for w := 40; w <= 80; w += 3 {
				got := string(AppendWrapped(nil, "    Reason: ", "            ", text, w))
				var words []string
				for _, l := range strings.Split(got, "\n") {
					words = append(words, strings.Fields(strings.TrimPrefix(strings.TrimPrefix(l, "    Reason: "), "            "))...)
				}
				if strings.Join(words, " ") != strings.Join(strings.Fields(text), " ") {
					t.Fatalf("width %d split a word:\n%s", w, got)
				}
			}
		}
	}
}

func TestFormatTime(t *testing.T) {
	for _, tc := range []struct {
		t    string
		loc  *time.Location
		want string
	}{
		{"2026-11-21T10:30:00+09:00", jst, "2026-11-21 10:30 JST (UTC+09:00)"},
		{"2026-11-21T01:30:00Z", time.UTC, "2026-11-21 01:30 UTC (UTC+00:00)"},
		{"2026-11-21T10:30:00+09:00", nil, "2026-11-21 10:30 (UTC+09:00)"},
	} {
		tm, _ := time.Parse(time.RFC3339, tc.t)
		if tc.loc != nil {
			tm = tm.In(tc.loc)
		}
		if got := formatTime(tm); got != tc.want {
			t.Errorf("formatTime(%s) = %q, want %q", tc.t, got, tc.want)
		}
	}
}
