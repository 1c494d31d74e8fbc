// Package accessible runs a screening line by line, for screen readers, dumb terminals and
// scripts: one question at a time in the chosen language, options numbered, no box drawing,
// no colour and no East-Asian-ambiguous glyphs, reading answers as lines from any io.Reader
// (a terminal or a pipe). It ends with a review of every answer and then prints the same
// summary as every other part of exoscreen (screening/export.WriteText).
//
// The questions come from the rule set; which follow-up questions are shown is decided by
// screening.Answers (the one implementation the engine uses too).
//
// It replaces huh's accessible mode, which prompts in English only and loses piped input
// after the first prompt (it makes a new buffered reader for every prompt).
package accessible

import (
	"context"
	"errors"
	"io"
	"time"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui"
)

// Options configure a session.
type Options struct {
	Lang screening.Lang // language of every prompt and message ("" or undeclared: the clinic's, ui.LangFor)
	In   io.Reader      // answers, one a line; read through one buffer for the whole session
	Out  io.Writer      // the dialogue and, at the end, the summary

	// Echo writes every line read back to Out after its prompt, so that the transcript of
	// piped input reads as a dialogue. Set it when In is not a terminal (a terminal echoes
	// what is typed by itself).
	Echo bool
	// StopOnInvalid ends the session at the first line that is not a usable answer, instead
	// of asking again. Set it when In is not a person at a terminal: a script's next line is
	// meant for the next question, and taking it as a second try at this one would shift
	// every answer after it.
	StopOnInvalid bool

	// Now is the clock for the summary's times (time.Now when nil).
	Now func() time.Time
	// Meta carries what the summary is printed with besides the result (clinic, patient).
	// Run sets its Lang, Started and Time.
	Meta export.Meta
	// Save, when not nil, is called with the confirmed result and the Meta the summary is
	// printed with, before the summary is printed (the --export file is written here). If it
	// fails, the summary is printed all the same and Run returns a *SaveError together with
	// the answers and the result: the screening is not lost.
	Save func(res *screening.Result, m export.Meta) error
}

// ErrQuit is returned when the person quit the screening (q, then y).
var ErrQuit = errors.New("accessible: the screening was quit; no answers were kept")

// ErrInputEnded is returned when the input ended before the answers were confirmed.
var ErrInputEnded = errors.New("accessible: the input ended before the screening was complete")

// InvalidAnswerError is returned, with Options.StopOnInvalid, for the first line that was no
// usable answer.
type InvalidAnswerError struct {
	Question *screening.Question // nil at the review
	Err      *InputError         // nil at the review
	Got      string              // what was typed, made safe to show
}

func (e *InvalidAnswerError) Error() string { return Message(e, screening.EN) }

// SaveError is Options.Save's failure; the summary was printed all the same.
type SaveError struct{ Err error }

func (e *SaveError) Error() string { return "accessible: saving the result: " + e.Err.Error() }

// Unwrap returns the error of Save.
func (e *SaveError) Unwrap() error { return e.Err }

// Message describes an error returned by Run in lang, for the person at the terminal.
func Message(err error, lang screening.Lang) string {
	var inv *InvalidAnswerError
	var save *SaveError
	switch {
	case errors.Is(err, ErrQuit):
		return tr(lang, "errQuit")
	case errors.Is(err, ErrInputEnded):
		return tr(lang, "errEnded")
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return tr(lang, "errInterrupted")
	case errors.As(err, &inv):
		if inv.Question == nil {
			return tr(lang, "errInvalidReview", inv.Got)
		}
		return tr(lang, "errInvalid", inv.Question.ID, inv.Err.Message(lang))
	case errors.As(err, &save):
		return tr(lang, "errSave", save.Err.Error())
	}
	return err.Error()
}

// Run asks the questions of rs one by one, reading answers from opt.In and writing the
// dialogue to opt.Out, until the person confirms the review of all answers; then it
// evaluates them, calls opt.Save, prints the summary and returns the answers and the result.
//
// It returns ErrQuit, ErrInputEnded, an *InvalidAnswerError (with StopOnInvalid) or the
// context's error without a result; nothing is saved then. Write errors on Out are returned
// as they are.
func Run(ctx context.Context, rs *screening.RuleSet, opt Options) (*screening.Answers, *screening.Result, error) {
	opt.Lang = ui.LangFor(rs, opt.Lang)
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.In == nil || opt.Out == nil {
		return nil, nil, errors.New("accessible: Options.In and Options.Out are required")
	}
	s := newSession(rs, opt)
	defer s.in.close()
	res, err := s.run(ctx)
	if ferr := s.flush(); err == nil {
		err = ferr
	}
	if res == nil {
		return nil, nil, err
	}
	return s.a, res, err
}
