package outbox_test

import (
	"strings"
	"testing"
	"time"

	"github.com/rivo/uniseg"

	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// TestChinesePatientSummaryInJapanese: a patient screened in 简体中文 leaves an outbox summary
// for the physician in the clinic's language (ja), naming the patient's language, with every
// question and answer also as the patient read them, and the unreviewed-translation notice
// in both languages; the JSON result records zh-Hans.
func TestChinesePatientSummaryInJapanese(t *testing.T) {
	rs := testrules.LoadMulti(t)
	res := outboxtest.Result(t, rs, map[string]any{"pregnancy": "unsure", "pregnancy_planned": nil})
	result, summary, err := outbox.Render(res, export.Meta{Lang: screening.ZhHans, Time: time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	s := string(summary)
	q := rs.Question("pregnancy")
	for _, want := range []string{
		"幹細胞培養上清液・エクソソーム治療 事前問診の結果", // the Japanese title
		"患者の言語: 简体中文 (zh-Hans)",
		"注意: この言語の訳は、まだこの言語の医師による確認を受けていません。",
		"注意: 本译文尚未经过以此语言为母语的医生审核。",
		"* [要確認] " + q.Text[screening.JA],
		"    回答: " + q.Option("unsure").Text[screening.JA],
		"    患者の表示: " + q.Text[screening.ZhHans],
		"                " + q.Option("unsure").Text[screening.ZhHans],
		"確認した医師:",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	for _, l := range strings.Split(s, "\n") {
		if w := uniseg.StringWidth(l); w > export.TextWidth {
			t.Errorf("line %d cells wide: %q", w, l)
		}
	}
	if !strings.Contains(string(result), `"lang":"zh-Hans"`) {
		t.Errorf("JSON result lacks the patient's language: %s", result)
	}
	// The JSON result reads in every declared language: each finding has its texts in each.
	r, prob := outbox.ParseResult(result)
	if prob != nil {
		t.Fatal(prob)
	}
	for _, f := range r.Findings {
		if f.Texts == nil {
			t.Fatalf("finding %s has no texts in every language", f.Question)
		}
		for _, l := range rs.Languages {
			if f.Texts.QuestionText[l.Tag] != rs.Question(f.Question).Text.In(l.Tag) || f.Texts.Reason[l.Tag] == "" || f.Texts.AnswerText[l.Tag] == "" {
				t.Errorf("finding %s: texts in %s missing or wrong: %+v", f.Question, l.Tag, f.Texts)
			}
		}
	}
}
