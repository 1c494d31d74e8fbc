package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/exoscreen/exoscreen/screening/export"
)

// questionnaireFormats are the values of questionnaire's --format, the default first.
var questionnaireFormats = []outputFormat{
	{"fhir", txt("FHIR R4 の Questionnaire（JSON）", "a FHIR R4 Questionnaire (JSON)")},
	{"json", txt("Web の問診票向けの JSON（質問、選択肢のコード、出典、注意書き）", "JSON for a web intake form (questions, option codes, sources, notices)")},
	{"text", txt("確認用のテキスト", "text, to review")},
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
