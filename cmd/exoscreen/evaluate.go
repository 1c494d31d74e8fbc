package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// evaluateFormat is one output format of evaluate: how a result is written, how a record
// that was refused is written, and whether the records of a batch are separated.
type evaluateFormat struct {
	outputFormat
	write    func(w io.Writer, res *screening.Result, m export.Meta) error
	refused  func(w io.Writer, rec screening.Record, errs screening.AnswerErrors, lang screening.Lang)
	separate bool // a header (and a new page) before each record of a batch
}

// evaluateFormats are the values of evaluate's --format, the default first: the one table
// from a format to its writers.
var evaluateFormats = []evaluateFormat{
	{outputFormat{"text", screening.Text{
		JA:     "印刷用の結果（80桁。複数レコードは1件1ページ）",
		EN:     "the printable summary (80 columns; a batch has one page per record)",
		ZhHans: "可打印的结果（80 列；多条记录时每条一页）",
		ZhHant: "可列印的結果（80 欄；多筆記錄時每筆一頁）",
		KO:     "인쇄용 결과(80열. 여러 기록은 한 건에 한 페이지)",
	}},
		export.WriteText, refusedText, true},
	{outputFormat{"json", screening.Text{
		JA:     "JSON の結果（docs/schema/result.schema.json。複数なら JSON Lines）",
		EN:     "the JSON result (docs/schema/result.schema.json; JSON Lines for a batch)",
		ZhHans: "JSON 结果（docs/schema/result.schema.json；多条时为 JSON Lines）",
		ZhHant: "JSON 結果（docs/schema/result.schema.json；多筆時為 JSON Lines）",
		KO:     "JSON 결과(docs/schema/result.schema.json. 여러 건이면 JSON Lines)",
	}},
		export.WriteJSON, refusedJSON, false},
	{outputFormat{"fhir", screening.Text{
		JA:     "FHIR R4 の Bundle を1行に1つ（NDJSON）",
		EN:     "a FHIR R4 Bundle a line (NDJSON)",
		ZhHans: "每行一个 FHIR R4 Bundle（NDJSON）",
		ZhHant: "每行一個 FHIR R4 Bundle（NDJSON）",
		KO:     "한 줄에 FHIR R4 Bundle 하나(NDJSON)",
	}},
		export.WriteFHIR, refusedFHIR, false},
}

func evaluateFormatList() []outputFormat {
	var l []outputFormat
	for _, f := range evaluateFormats {
		l = append(l, f.outputFormat)
	}
	return l
}

// evaluate screens answers from a file or standard input.
func (e *env) evaluate(o *options, pos []string) int {
	c := &o.common
	var f *evaluateFormat
	for i := range evaluateFormats {
		if evaluateFormats[i].name == o.format {
			f = &evaluateFormats[i]
		}
	}
	if f == nil { // parseArgs lets only the formats of the table through
		return e.usageError("evaluate", c.lang, fmt.Errorf("unknown --format %q", o.format))
	}
	if err := export.CheckFHIRBase(o.fhirBase); err != nil {
		return e.usageError("evaluate", c.lang, err)
	}
	now, fixedClock, err := export.Clock(e.getenv(nowEnv))
	if err != nil {
		return e.usageError("evaluate", c.lang, fmt.Errorf("%s: %w", nowEnv, err))
	}
	if len(pos) > 1 {
		return e.usageError("evaluate", c.lang, usage("maxOneArg", "evaluate", "FILE"))
	}
	rs, err := c.loadRules()
	if err != nil {
		return e.loadError("evaluate", c.lang, err)
	}
	in := e.stdin
	var staff screening.Lang // --staff-lang, matched against the rule set's languages
	if o.staffLang != "" {
		l, ok := rs.MatchLang(string(o.staffLang))
		if !ok {
			return e.usageError("evaluate", c.lang, usage("langUndeclared", string(o.staffLang), strings.Join(langTags(rs.Langs()), ", ")))
		}
		staff = l
	}
	name := usageMessages.Get(c.lang, "stdin")
	if len(pos) == 1 && pos[0] != "-" {
		name = pos[0]
		file, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(e.stderr, "exoscreen evaluate: %v\n", err)
			return exitUsage
		}
		defer file.Close()
		in = file
	} else if fileIsTerminal(e.stdin) {
		// Not waiting silently: say where the answers come from and how to end them.
		fmt.Fprintf(e.stderr, "exoscreen evaluate: %s\n", usageMessages.Get(c.lang, "stdinHint"))
	}

	out := bufio.NewWriterSize(e.stdout, 64<<10)
	bad, records := 0, 0
	var res screening.Result // reused by every record: EvaluateInto allocates nothing
	err = rs.ReadAnswers(in, func(rec screening.Record) error {
		records++
		if f.separate && (records > 1 || rec.Line > 1) {
			textSeparator(out, records, rec.Line, c.lang)
		}
		if rec.Err != nil {
			bad++
			e.recordError(out, f, name, rec, c.lang)
			return nil
		}
		if err := rs.EvaluateInto(rec.Answers, &res); err != nil {
			return err // ParseAnswers already refused incomplete answers: not bad input
		}
		t := now()
		meta := export.Meta{Lang: c.lang, StaffLang: staff, Line: rec.Line, Time: t, Clinic: o.clinicName, FHIRBase: o.fhirBase, Texts: o.texts}
		if fixedClock {
			// Reproducible output for tests: the id follows from the fixed time and the line.
			meta.ID = export.NameID(idNamespace, t.Format(time.RFC3339)+"#"+strconv.Itoa(rec.Line))
		} else {
			meta.ID = export.NewID()
		}
		return f.write(out, &res, meta)
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "exoscreen evaluate: %s: %v\n", name, err)
		return exitFail
	}
	if records == 0 {
		fmt.Fprintf(e.stderr, "exoscreen evaluate: %s: %s\n", name, usageMessages.Get(c.lang, "noAnswers"))
		return exitUsage
	}
	if bad > 0 {
		return exitUsage
	}
	return exitOK
}

// jsonError is the JSON output for a record that was refused.
type jsonError struct {
	Line  int          `json:"line"`
	Error jsonProblems `json:"error"`
}

type jsonProblems struct {
	Message  string        `json:"message"`
	Problems []jsonProblem `json:"problems"`
}

type jsonProblem struct {
	Question string `json:"question,omitempty"`
	Message  string `json:"message"`
}

// recordError reports a refused record: on stderr for a person, and in the output stream
// so that output records stay aligned with input records.
func (e *env) recordError(out io.Writer, f *evaluateFormat, name string, rec screening.Record, lang screening.Lang) {
	var errs screening.AnswerErrors
	if !errors.As(rec.Err, &errs) {
		errs = screening.AnswerErrors{{Line: rec.Line, Kind: screening.ErrSyntax, Detail: rec.Err.Error()}}
	}
	for _, ae := range errs {
		fmt.Fprintf(e.stderr, "%s: %s\n", name, ae.Message(lang))
	}
	f.refused(out, rec, errs, lang)
}

// refusedText writes a refused record of a text batch: the batch keeps one block per record,
// so a printed day shows the refused ones too.
func refusedText(out io.Writer, _ screening.Record, errs screening.AnswerErrors, lang screening.Lang) {
	b := []byte(usageMessages.Get(lang, "refused") + "\n")
	for _, ae := range errs {
		b = export.AppendWrapped(b, "- ", "  ", export.Sanitize(ae.Message(lang)), export.TextWidth)
	}
	out.Write(b)
}

// refusedFHIR writes a refused record as a FHIR OperationOutcome line.
func refusedFHIR(out io.Writer, _ screening.Record, errs screening.AnswerErrors, lang screening.Lang) {
	var ps []export.Problem
	for _, ae := range errs {
		ps = append(ps, export.Problem{Question: ae.Question, Message: ae.Message(lang)})
	}
	export.WriteFHIROutcome(out, ps)
}

// refusedJSON writes a refused record as a JSON error line.
func refusedJSON(out io.Writer, rec screening.Record, errs screening.AnswerErrors, lang screening.Lang) {
	je := jsonError{Line: rec.Line, Error: jsonProblems{Message: errs.Message(lang)}}
	for _, ae := range errs {
		je.Error.Problems = append(je.Error.Problems, jsonProblem{Question: ae.Question, Message: ae.Message(lang)})
	}
	b, _ := json.Marshal(je)
	out.Write(append(b, '\n'))
}

// idNamespace is the namespace of the screening ids evaluate makes under a fixed clock.
const idNamespace = "6d8a3c1e-4b7f-5a20-9c3d-2e1f0b9a8c7d"

// textSeparator starts a record of a text batch: a form feed (a new page when printed) and
// a line naming the record and its input line.
func textSeparator(w io.Writer, n, line int, lang screening.Lang) {
	if n > 1 {
		io.WriteString(w, "\f\n")
	}
	fmt.Fprintf(w, "######## %s ########\n", usageMessages.Get(lang, "record", n, line))
}
