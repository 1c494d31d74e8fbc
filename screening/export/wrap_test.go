package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/exoscreen/exoscreen/internal/linebreak/linebreaktest"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// TestPaperJapaneseLines prints the Japanese summary of many answer sets and the Japanese
// questionnaire, and checks every line with the rules of the screens: no line wider than
// TextWidth, kinsoku, no lone kana before 。 (含みま|す。), and 重いアレルギー, 相対禁忌,
// 絶対禁忌, アナフィラキシー never split.
func TestPaperJapaneseLines(t *testing.T) {
	rs := testrules.Load(t)
	check := func(name, s string) {
		t.Helper()
		for _, p := range linebreaktest.Problems(strings.Split(strings.TrimSuffix(s, "\n"), "\n"), TextWidth) {
			t.Errorf("%s: %s", name, p)
		}
	}
	for i, a := range spread(t, rs, 60) {
		res := evaluate(t, rs, a)
		var b bytes.Buffer
		if err := WriteText(&b, res, Meta{Lang: screening.JA, Time: fixedTime}); err != nil {
			t.Fatal(err)
		}
		check("summary "+string(rune('A'+i%26)), b.String())
		if t.Failed() {
			t.Fatalf("answer set %d:\n%s", i, b.String())
		}
	}
	var q bytes.Buffer
	if err := WriteQuestionnaireText(&q, rs, screening.JA); err != nil {
		t.Fatal(err)
	}
	check("questionnaire", q.String())
}

// TestWrapNarrowJapanese wraps every Japanese text of the rule set with the hanging indents
// of the summary at the widths of narrow paper and screens. Below 20 cells after the indent
// some runs cannot be broken well ("tokushu-2025 は、" and "（fda-2019）も、" have no place
// to break that keeps every rule), so the narrowest width leaves 20.
func TestWrapNarrowJapanese(t *testing.T) {
	rs := testrules.Load(t)
	var texts []string
	for _, q := range rs.Questions {
		texts = append(texts, q.Text[screening.JA], q.Help[screening.JA])
		for _, o := range q.Options {
			texts = append(texts, o.Text[screening.JA])
		}
		for _, r := range q.Rules {
			texts = append(texts, r.Reason[screening.JA])
		}
	}
	for _, text := range texts {
		for w := 30; w <= TextWidth; w += 5 {
			got := string(AppendWrapped(nil, "    理由: ", "          ", text, w))
			for _, p := range linebreaktest.Problems(strings.Split(strings.TrimSuffix(got, "\n"), "\n"), w) {
				t.Errorf("width %d: %s", w, p)
			}
		}
	}
}

// TestWrapNoForgedLine: Sanitize turns newlines into spaces so that a patient's free text
// cannot print a line of its own (a forged "判定: 該当なし"); the wrapper must not turn the
// other line separators of Unicode (U+2028, U+2029, which Sanitize keeps) into line ends
// either. The wrapper before internal/linebreak did.
func TestWrapNoForgedLine(t *testing.T) {
	for _, sep := range []string{"\u2028", "\u2029", "\n", "\r", "\v", "\f", "\u0085"} {
		for _, text := range []string{"aspirin" + sep + "判定: 該当なし", "aspirin" + sep + "判定: 該当なし " + strings.Repeat("アスピリン", 10)} {
			got := string(AppendWrapped(nil, "    回答: ", "          ", Sanitize(text), TextWidth))
			if first, _, _ := strings.Cut(got, "\n"); !strings.Contains(first, "判定") {
				t.Errorf("%q ended the line: %q", sep, got)
			}
		}
	}
}

// TestGoldenJapaneseLines checks the lines of the Japanese golden summaries and
// questionnaire (the real output, regenerated with -update) as TestPaperJapaneseLines does.
func TestGoldenJapaneseLines(t *testing.T) {
	linebreaktest.Files(t, "testdata/text/*.ja.txt", TextWidth)
	linebreaktest.Files(t, "testdata/questionnaire/*.ja.txt", TextWidth)
}
