package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// evaluate screens answers from a file or stdin.
func (e *env) evaluate(args []string) int {
	var c common
	fs := newFlags("evaluate", &c)
	format := fs.String("format", "text", "output `format`: text, json or fhir")
	clinic := fs.String("clinic", os.Getenv("EXOSCREEN_CLINIC"), "clinic `name` printed on text summaries (default $EXOSCREEN_CLINIC)")
	fhirBase := fs.String("fhir-base", os.Getenv("EXOSCREEN_FHIR_BASE"), "base `URL` of the FHIR canonical URLs (default $EXOSCREEN_FHIR_BASE, else urn:uuid)")
	pos, err := parse(fs, args)
	if err != nil {
		return e.usageError("evaluate", c.lang, err)
	}
	switch *format {
	case "text", "json", "fhir":
	default:
		return e.usageError("evaluate", c.lang, fmt.Errorf("unknown --format %q (want text, json or fhir)", *format))
	}
	if err := export.CheckFHIRBase(*fhirBase); err != nil {
		return e.usageError("evaluate", c.lang, err)
	}
	now, fixedClock, err := export.Clock()
	if err != nil {
		return e.usageError("evaluate", c.lang, err)
	}
	if len(pos) > 1 {
		return e.usageError("evaluate", c.lang, errors.New("evaluate takes at most one FILE"))
	}
	rs, err := c.loadRules()
	if err != nil {
		return e.loadError("evaluate", c.lang, err)
	}
	in := e.stdin
	name := "-"
	if len(pos) == 1 && pos[0] != "-" {
		name = pos[0]
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintf(e.stderr, "exoscreen evaluate: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		in = f
	}

	out := bufio.NewWriterSize(e.stdout, 64<<10)
	bad, records := 0, 0
	var res screening.Result // reused by every record: EvaluateInto allocates nothing
	err = rs.ReadAnswers(in, func(rec screening.Record) error {
		records++
		if *format == "text" && (records > 1 || rec.Line > 1) {
			textSeparator(out, records, rec.Line, c.lang)
		}
		if rec.Err != nil {
			bad++
			e.recordError(out, *format, name, rec, c.lang)
			return nil
		}
		if err := rs.EvaluateInto(rec.Answers, &res); err != nil {
			return err // ParseAnswers already refused incomplete answers: not bad input
		}
		t := now()
		meta := export.Meta{Lang: c.lang, Line: rec.Line, Time: t, Clinic: *clinic, FHIRBase: *fhirBase}
		if fixedClock {
			// Reproducible output for tests: the id follows from the fixed time and the line.
			meta.ID = export.NameID(idNamespace, t.Format(time.RFC3339)+"#"+strconv.Itoa(rec.Line))
		} else {
			meta.ID = export.NewID()
		}
		switch *format {
		case "json":
			return export.WriteJSON(out, &res, meta)
		case "fhir":
			return export.WriteFHIR(out, &res, meta)
		}
		return export.WriteText(out, &res, meta)
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "exoscreen evaluate: %s: %v\n", name, err)
		return exitFail
	}
	if records == 0 {
		msg := "no answers in the input"
		if c.lang == screening.JA {
			msg = "入力に回答がありません"
		}
		fmt.Fprintf(e.stderr, "exoscreen evaluate: %s: %s\n", name, msg)
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
// (json) so that output records stay aligned with input records.
func (e *env) recordError(out io.Writer, format, name string, rec screening.Record, lang screening.Lang) {
	var errs screening.AnswerErrors
	if !errors.As(rec.Err, &errs) {
		errs = screening.AnswerErrors{{Line: rec.Line, Kind: screening.ErrSyntax, Detail: rec.Err.Error()}}
	}
	for _, ae := range errs {
		fmt.Fprintf(e.stderr, "%s: %s\n", name, ae.Message(lang))
	}
	switch format {
	case "text":
		// The batch keeps one block per record, so a printed day shows the refused ones too.
		head := "This record was not screened:"
		if lang == screening.JA {
			head = "この記録は判定できませんでした:"
		}
		b := []byte(head + "\n")
		for _, ae := range errs {
			b = export.AppendWrapped(b, "- ", "  ", export.Sanitize(ae.Message(lang)), export.TextWidth)
		}
		out.Write(b)
		return
	case "fhir":
		var ps []export.Problem
		for _, ae := range errs {
			ps = append(ps, export.Problem{Question: ae.Question, Message: ae.Message(lang)})
		}
		export.WriteFHIROutcome(out, ps)
		return
	}
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
	if lang == screening.JA {
		fmt.Fprintf(w, "######## %d件目(入力の%d行目) ########\n", n, line)
	} else {
		fmt.Fprintf(w, "######## Record %d (input line %d) ########\n", n, line)
	}
}
