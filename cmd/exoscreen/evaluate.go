package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// evaluate screens answers from a file or stdin.
func (e *env) evaluate(args []string) int {
	var c common
	fs := newFlags("evaluate", &c)
	format := fs.String("format", "text", "output `format`: text or json")
	pos, err := parse(fs, args)
	if err != nil {
		return e.usageError("evaluate", c.lang, err)
	}
	switch *format {
	case "text", "json":
	default:
		return e.usageError("evaluate", c.lang, fmt.Errorf("unknown --format %q (want text or json)", *format))
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
	err = rs.ReadAnswers(in, func(rec screening.Record) error {
		records++
		meta := export.Meta{Lang: c.lang, Line: rec.Line}
		if rec.Err != nil {
			bad++
			e.recordError(out, *format, name, rec, c.lang)
			return nil
		}
		res, err := rs.Evaluate(rec.Answers)
		if err != nil {
			return err // ParseAnswers already refused incomplete answers: not bad input
		}
		if *format == "json" {
			return export.WriteJSON(out, res, meta)
		}
		if records > 1 {
			fmt.Fprint(out, "\f\n")
		}
		if records > 1 || rec.Line > 1 {
			fmt.Fprintf(out, "#%d (line %d)\n", records, rec.Line)
		}
		return export.WriteText(out, res, meta)
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
	if format != "json" {
		return
	}
	je := jsonError{Line: rec.Line, Error: jsonProblems{Message: errs.Message(lang)}}
	for _, ae := range errs {
		je.Error.Problems = append(je.Error.Problems, jsonProblem{Question: ae.Question, Message: ae.Message(lang)})
	}
	b, _ := json.Marshal(je)
	out.Write(append(b, '\n'))
}
