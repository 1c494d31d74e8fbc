package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// questionnaireFormats are the values of questionnaire's --format, the default first.
var questionnaireFormats = []outputFormat{
	{"fhir", screening.Text{
		JA:     "FHIR R4 の Questionnaire（JSON）",
		EN:     "a FHIR R4 Questionnaire (JSON)",
		ZhHans: "FHIR R4 Questionnaire（JSON）",
		ZhHant: "FHIR R4 Questionnaire（JSON）",
		KO:     "FHIR R4 Questionnaire(JSON)",
	}},
	{"json", screening.Text{
		JA:     "Web の問診票向けの JSON（質問、選択肢のコード、出典、注意書き）",
		EN:     "JSON for a web intake form (questions, option codes, sources, notices)",
		ZhHans: "供网页问诊表使用的 JSON（问题、选项代码、出处、注意事项）",
		ZhHant: "供網頁問診表使用的 JSON（問題、選項代碼、出處、注意事項）",
		KO:     "웹 문진표용 JSON(질문, 선택지 코드, 출처, 안내)",
	}},
	{"text", screening.Text{
		JA:     "確認用のテキスト",
		EN:     "text, to review",
		ZhHans: "供核对的文本",
		ZhHant: "供核對的文字",
		KO:     "확인용 텍스트",
	}},
}

func questionnaireFormatList() []outputFormat { return questionnaireFormats }

// questionnaire writes the rule set's questions: as a FHIR R4 Questionnaire (the default),
// as JSON, or as text for people to review.
func (e *env) questionnaire(o *options, pos []string) int {
	c := &o.common
	if len(pos) > 0 { // parseArgs refuses them
		return e.usageError("questionnaire", c.lang, fmt.Errorf("unexpected argument %q", pos[0]))
	}
	if err := export.CheckFHIRBase(o.fhirBase); err != nil {
		return e.usageError("questionnaire", c.lang, err)
	}
	rs, err := c.loadRules()
	if err != nil {
		return e.loadError("questionnaire", c.lang, err)
	}
	out := bufio.NewWriter(e.stdout)
	switch o.format {
	case "fhir":
		var raw []byte
		raw, err = export.AppendQuestionnaire(nil, rs, c.lang, o.fhirBase)
		var qe *export.QuestionnaireError
		if errors.As(err, &qe) {
			fmt.Fprintf(e.stderr, "exoscreen questionnaire: %v\n", err)
			return exitUsage
		}
		if err == nil {
			// One resource for people to read too: indented.
			var buf bytes.Buffer
			if err = json.Indent(&buf, raw, "", "  "); err == nil {
				buf.WriteByte('\n')
				_, err = out.Write(buf.Bytes())
			}
		}
	case "json":
		var b []byte
		b, err = json.MarshalIndent(export.NewQuestionnaireJSON(rs, c.lang), "", "  ")
		if err == nil {
			_, err = out.Write(append(b, '\n'))
		}
	default:
		err = export.WriteQuestionnaireText(out, rs, c.lang)
	}
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "exoscreen questionnaire: %v\n", err)
		return exitFail
	}
	return exitOK
}
