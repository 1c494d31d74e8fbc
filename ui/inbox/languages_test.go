package inbox

import (
	"strings"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// TestResultTextAnyLanguage: a Korean patient's result whose summary file is gone is shown
// from its JSON in the inbox's language (ja), naming the patient's language in itself; the
// same result opened in a Korean inbox reads in Korean.
func TestResultTextAnyLanguage(t *testing.T) {
	rs := testrules.LoadMulti(t)
	res := outboxtest.Result(t, rs, nil)
	data, _, err := outbox.Render(res, export.Meta{Lang: screening.KO, Time: time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	r, p := outbox.ParseResult(data)
	if p != nil {
		t.Fatal(p)
	}
	f := res.Findings[0]
	for _, tc := range []struct {
		lang screening.Lang
		want []string
		not  string
	}{
		{screening.JA, []string{"患者の言語: 한국어 (ko)", "  " + f.Question.Text[screening.JA], "  回答: " + f.Question.Option(f.Answer.Code).Text[screening.JA], "  理由: " + f.Rule.Reason[screening.JA]}, f.Rule.Reason[screening.KO]},
		{screening.KO, []string{"환자의 언어: 한국어 (ko)", "  " + f.Question.Text[screening.KO], "  답변: " + f.Question.Option(f.Answer.Code).Text[screening.KO], "  이유: " + f.Rule.Reason[screening.KO]}, f.Rule.Reason[screening.JA]},
		{screening.ZhHant, []string{"患者的語言: 한국어 (ko)", "  理由: " + f.Rule.Reason[screening.ZhHant]}, f.Rule.Reason[screening.KO]},
	} {
		got := ResultText(r, tc.lang)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: lacks %q:\n%s", tc.lang, w, got)
			}
		}
		if strings.Contains(got, tc.not) {
			t.Errorf("%s: shows a text in another language (%q):\n%s", tc.lang, tc.not, got)
		}
	}
	if got := langName("vi"); got != "Tiếng Việt" {
		t.Errorf("langName(vi) = %q", got)
	}
	if got := langName("zh-Hans"); got != "简体中文" {
		t.Errorf("langName(zh-Hans) = %q", got)
	}
}
