package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// questionnaire writes the rule set's questions: as a FHIR R4 Questionnaire (the default),
// as JSON, or as text for people to review.
func (e *env) questionnaire(args []string) int {
	var c common
	fs := newFlags("questionnaire", &c)
	format := fs.String("format", "fhir", "output `format`: fhir, json or text")
	fhirBase := fs.String("fhir-base", os.Getenv("EXOSCREEN_FHIR_BASE"), "base `URL` of the FHIR canonical URLs (default $EXOSCREEN_FHIR_BASE, else urn:uuid)")
	pos, err := parse(fs, args)
	if err != nil {
		return e.usageError("questionnaire", c.lang, err)
	}
	switch *format {
	case "fhir", "json", "text":
	default:
		return e.usageError("questionnaire", c.lang, fmt.Errorf("unknown --format %q (want fhir, json or text)", *format))
	}
	if len(pos) > 0 {
		return e.usageError("questionnaire", c.lang, errors.New("questionnaire takes no arguments"))
	}
	if err := export.CheckFHIRBase(*fhirBase); err != nil {
		return e.usageError("questionnaire", c.lang, err)
	}
	rs, err := c.loadRules()
	if err != nil {
		return e.loadError("questionnaire", c.lang, err)
	}
	out := bufio.NewWriter(e.stdout)
	switch *format {
	case "fhir":
		var raw []byte
		raw, err = export.AppendQuestionnaire(nil, rs, c.lang, *fhirBase)
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

func init() {
	usageText[screening.EN]["questionnaire"] = `Usage: exoscreen questionnaire [flags]

Writes the rule set's questions: as a FHIR R4 Questionnaire (the default; linkId = question
id, answer codes in the rule set's code system, enableWhen from the conditions, version =
rule set version), as JSON, or as text to review.

Flags:
  --format fhir|json|text   output format (default fhir)
  --fhir-base URL           base of the canonical URLs, e.g. https://fhir.clinic.example.jp/fhir
                            (default $EXOSCREEN_FHIR_BASE; without it, urn:uuid URLs
                            derived from the rule set id)
  --lang ja|en              language of the texts (the other one goes in translations)
  --content DIR             use the clinic rule set in DIR
`
	usageText[screening.JA]["questionnaire"] = `使い方: exoscreen questionnaire [フラグ]

ルールセットの質問を書き出します。既定は FHIR R4 の Questionnaire です(linkId は質問ID、
回答はルールセットのコードシステムのコード、表示条件は enableWhen、version はルールセットの
バージョン)。JSON や、確認用のテキストでも書き出せます。

フラグ:
  --format fhir|json|text   出力形式(既定は fhir)
  --fhir-base URL           正規URLの基点。例: https://fhir.clinic.example.jp/fhir
                            (既定は $EXOSCREEN_FHIR_BASE。なければルールセットIDから
                            作る urn:uuid)
  --lang ja|en              文言の言語(もう一方の言語は翻訳として入ります)
  --content DIR             DIR にある医療機関のルールセットを使います
`
}
