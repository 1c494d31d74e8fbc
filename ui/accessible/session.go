package accessible

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// session is one run of the questionnaire.
type session struct {
	rs   *screening.RuleSet
	w    *screening.Walk    // the way through the questions: which ones are answered, where next
	a    *screening.Answers // w's answers
	opt  Options
	lang screening.Lang
	in   *lineReader
	out  *bufio.Writer
	werr error // the first write error

	section *screening.Section // the section whose heading was printed last
	midLine bool               // the last thing written was a prompt without a newline
}

func newSession(rs *screening.RuleSet, opt Options) *session {
	w := screening.NewWalk(rs.NewAnswers())
	return &session{
		rs:   rs,
		w:    w,
		a:    w.Answers(),
		opt:  opt,
		lang: opt.Lang,
		in:   newLineReader(opt.In),
		out:  bufio.NewWriter(opt.Out),
	}
}

// printf writes to the output; a write error is kept and ends the session at the next read.
func (s *session) printf(format string, args ...any) {
	if s.werr != nil {
		return
	}
	if _, err := fmt.Fprintf(s.out, format, args...); err != nil {
		s.werr = err
	}
	s.midLine = !strings.HasSuffix(format, "\n") && format != ""
}

func (s *session) println(line string) { s.printf("%s\n", line) }

func (s *session) flush() error {
	if s.werr == nil {
		s.werr = s.out.Flush()
	}
	return s.werr
}

// read shows prompt and reads one line. At the end of the input it finishes the prompt's
// line and returns ErrInputEnded.
func (s *session) read(ctx context.Context, prompt string) (string, error) {
	s.printf("%s", prompt)
	if err := s.flush(); err != nil {
		return "", err
	}
	line, err := s.in.read(ctx)
	switch {
	case err == errLineTooLong:
		if s.opt.Echo {
			s.println("...")
		}
		s.midLine = false
		return "", err
	case err != nil:
		if s.midLine {
			s.println("")
		}
		if errors.Is(err, io.EOF) {
			return "", ErrInputEnded
		}
		return "", err
	}
	if s.opt.Echo {
		s.println(export.Sanitize(line))
	}
	s.midLine = false
	return line, nil
}

// action is how asking a question ended.
type action int

const (
	actAnswered action = iota
	actBack
	actReview
	actQuit
)

func (s *session) run(ctx context.Context) (*screening.Result, error) {
	started := s.opt.Now()
	s.println(s.text(s.rs.Name))
	s.println(tr(s.lang, "intro1"))
	s.println(tr(s.lang, "intro2"))

	// The person answers the first shown question not answered yet (screening.Walk.Open),
	// whichever question they came from; cur is nil on the final review.
	cur := s.w.Open()
	for {
		if cur == nil {
			act, q, err := s.review(ctx, true)
			if err != nil {
				return nil, err
			}
			switch act {
			case actAnswered: // confirmed
				return s.finish(started)
			case actBack:
				cur = s.w.Back() // the last shown question
			case actReview:
				cur = s.w.Jump(q)
			case actQuit:
				return nil, ErrQuit
			}
			continue
		}
		act, err := s.ask(ctx, cur)
		if err != nil {
			return nil, err
		}
		switch act {
		case actAnswered:
			if n := s.w.Answered(cur); n == 1 {
				s.printf("  %s\n", tr(s.lang, "pruned1"))
			} else if n > 1 {
				s.printf("  %s\n", tr(s.lang, "pruned", n))
			}
			cur = s.w.Open()
		case actBack:
			cur = s.w.Back() // ask has made sure there is one
		case actReview:
			act, q, err := s.review(ctx, false)
			if err != nil {
				return nil, err
			}
			if act == actQuit {
				return nil, ErrQuit
			}
			if q != nil {
				cur = s.w.GoTo(q)
			}
		case actQuit:
			return nil, ErrQuit
		}
	}
}

// finish evaluates the confirmed answers, saves and prints the summary.
func (s *session) finish(started time.Time) (*screening.Result, error) {
	res, err := s.rs.Evaluate(s.a)
	if err != nil {
		// Impossible: the review is reached only with every shown question answered.
		return nil, fmt.Errorf("accessible: %w", err)
	}
	m := s.opt.Meta
	m.Lang = s.lang
	if m.Started.IsZero() {
		m.Started = started
	}
	m.Time = s.opt.Now()
	var saveErr error
	if s.opt.Save != nil {
		if err := s.opt.Save(res, m); err != nil {
			saveErr = &SaveError{Err: err}
		}
	}
	s.println("")
	s.println(tr(s.lang, "done"))
	s.println("")
	if err := s.flush(); err != nil {
		return res, err
	}
	if err := export.WriteText(s.opt.Out, res, m); err != nil {
		return res, err
	}
	return res, saveErr
}

// position is q's place among the questions shown now, and how many are shown
// (screening.Walk.ProgressOf).
func (s *session) position(q *screening.Question) (int, int) {
	p := s.w.ProgressOf(q)
	return p.N, p.Possible // as the full screen: a total that never grows as follow-ups appear
}

// answerText is the answer to q in words, safe to show.
func (s *session) answerText(q *screening.Question) string {
	v := s.a.Get(q)
	if !v.Set || (q.Kind == screening.Multi && len(v.Codes) == 0) || (q.Kind == screening.Free && v.Text == "") {
		return tr(s.lang, "noAnswer")
	}
	return export.Sanitize(export.AnswerText(q, v, s.lang))
}

// showQuestion prints the section heading (when the section changes), the question, its
// help and its numbered options.
func (s *session) showQuestion(q *screening.Question) {
	if q.Section != s.section {
		s.section = q.Section
		s.println("")
		s.printf("== %s ==\n", s.text(q.Section.Title))
	}
	pos, total := s.position(q)
	s.println("")
	s.printf("[%d/%d] %s\n", pos, total, s.text(q.Text))
	if h := s.text(q.Help); h != "" {
		s.printf("  %s\n", h)
	}
	for i, o := range q.Options {
		s.printf("  %d) %s\n", i+1, s.text(o.Text))
		if h := s.text(o.Help); h != "" {
			s.printf("     %s\n", h)
		}
	}
	if q.Kind == screening.Integer && q.AllowUnsure {
		s.printf("  %s\n", tr(s.lang, "promptUnsure"))
	}
	if s.w.Asked(q) {
		s.printf("  %s\n", tr(s.lang, "current", s.answerText(q)))
		s.printf("  %s\n", tr(s.lang, "currentKeep"))
		if q.Optional && s.a.Get(q).Set {
			s.printf("  %s\n", tr(s.lang, "currentClear"))
		}
	}
}

func (s *session) prompt(q *screening.Question) string {
	switch q.Kind {
	case screening.Single:
		return tr(s.lang, "promptSingle", len(q.Options))
	case screening.Multi:
		if q.Optional {
			return tr(s.lang, "promptMultiOpt")
		}
		return tr(s.lang, "promptMulti")
	case screening.Integer:
		if u := s.text(q.Unit); u != "" {
			return tr(s.lang, "promptUnit", q.Min, q.Max, u)
		}
		return tr(s.lang, "promptInteger", q.Min, q.Max)
	}
	if q.Optional {
		return tr(s.lang, "promptTextOpt")
	}
	return tr(s.lang, "promptText")
}

// ask asks q until it gets an answer or a command.
func (s *session) ask(ctx context.Context, q *screening.Question) (action, error) {
	s.showQuestion(q)
	for {
		line, err := s.read(ctx, s.prompt(q))
		if err == errLineTooLong {
			if err := s.invalid(q, &InputError{Kind: errTooLong, q: q}, "..."); err != nil {
				return 0, err
			}
			continue
		}
		if err != nil {
			return 0, err
		}
		switch parseCommand(line) {
		case cmdBack:
			if s.w.Prev(q) == nil {
				s.printf("  %s\n", tr(s.lang, "firstQuestion"))
				continue
			}
			return actBack, nil
		case cmdReview:
			return actReview, nil
		case cmdHelp:
			s.help(q)
			continue
		case cmdQuit:
			quit, err := s.confirmQuit(ctx)
			if err != nil || quit {
				return actQuit, err
			}
			s.showQuestion(q)
			continue
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" && s.w.Asked(q):
			s.printf("  %s\n", tr(s.lang, "answer", s.answerText(q)))
			return actAnswered, nil // keep the current answer
		case trimmed == "" && q.Optional, trimmed == "-" && q.Optional:
			s.a.Set(q, screening.Value{})
			s.printf("  %s\n", tr(s.lang, "answer", s.answerText(q)))
			return actAnswered, nil
		case trimmed == "-":
			if err := s.invalid(q, &InputError{Kind: errNotAllowed, q: q}, line); err != nil {
				return 0, err
			}
			continue
		}
		v, err := ParseAnswer(q, line, s.lang)
		if err == nil {
			err = s.a.Set(q, v)
		}
		if err != nil {
			ie, ok := err.(*InputError)
			if !ok {
				ie = &InputError{Kind: errNotChoice, Got: shown(line), q: q}
			}
			if err := s.invalid(q, ie, line); err != nil {
				return 0, err
			}
			continue
		}
		s.printf("  %s\n", tr(s.lang, "answer", s.answerText(q)))
		return actAnswered, nil
	}
}

// invalid reports a line that is no answer to q; with StopOnInvalid it ends the session.
func (s *session) invalid(q *screening.Question, ie *InputError, line string) error {
	s.printf("  %s\n", ie.Message(s.lang))
	if s.opt.StopOnInvalid {
		return &InvalidAnswerError{Question: q, Err: ie, Got: shown(line)}
	}
	return nil
}

func (s *session) help(q *screening.Question) {
	s.println("")
	s.printf("%s: %s\n", tr(s.lang, "helpTitle"), s.text(q.Text))
	if h := s.text(q.Help); h != "" {
		s.printf("  %s\n", h)
	}
	for i, o := range q.Options {
		if h := s.text(o.Help); h != "" {
			s.printf("  %d) %s: %s\n", i+1, s.text(o.Text), h)
		}
	}
	s.printf("  %s\n", expected(q, s.lang))
	s.println(tr(s.lang, "helpKeys"))
	for _, k := range []string{"helpAnswer", "helpBack", "helpReview", "helpHelp", "helpQuit"} {
		s.println(tr(s.lang, k))
	}
	s.println("")
}

// confirmQuit asks whether to quit; only y (yes, はい) quits.
func (s *session) confirmQuit(ctx context.Context) (bool, error) {
	line, err := s.read(ctx, tr(s.lang, "quitConfirm"))
	if err == errLineTooLong {
		line, err = "", nil
	}
	if err != nil {
		return false, err
	}
	switch strings.ToLower(normalize(line)) {
	case "y", "yes", "はい", "q", "quit":
		return true, nil
	}
	s.println(tr(s.lang, "quitNo"))
	return false, nil
}

// review lists the answers (all of them at the end, final; those given so far otherwise)
// and lets the person change one by its number. It returns actAnswered when confirmed (or,
// midway, when the person returns to the question), actReview with the question to change,
// actBack or actQuit.
func (s *session) review(ctx context.Context, final bool) (action, *screening.Question, error) {
	for {
		var list []*screening.Question
		for _, q := range s.a.Visible() {
			if s.w.Asked(q) {
				list = append(list, q)
			}
		}
		s.println("")
		if final {
			s.printf("== %s ==\n", tr(s.lang, "reviewTitle"))
		} else {
			s.printf("== %s ==\n", tr(s.lang, "reviewSoFar"))
		}
		s.section = nil // the next question prints its section heading again
		if len(list) == 0 {
			s.println(tr(s.lang, "reviewNone"))
		}
		for i, q := range list {
			s.printf("%2d) %s\n", i+1, s.text(q.Text))
			s.printf("    %s\n", tr(s.lang, "answer", s.answerText(q)))
		}
		prompt := tr(s.lang, "reviewPrompt")
		if !final {
			prompt = tr(s.lang, "reviewMidway")
		}
		var act action
		var q *screening.Question
		if err := s.reviewInput(ctx, prompt, final, list, &act, &q); err != nil || act != actReview || q != nil {
			return act, q, err
		}
	}
}

// reviewInput reads the review's answer into act and q; act actReview with a nil q prints
// the list again.
func (s *session) reviewInput(ctx context.Context, prompt string, final bool, list []*screening.Question, act *action, q **screening.Question) error {
	for {
		line, err := s.read(ctx, prompt)
		if err == errLineTooLong {
			line, err = strings.Repeat("?", maxEcho+1), nil
		}
		if err != nil {
			return err
		}
		n := strings.ToLower(normalize(line))
		switch cmd := parseCommand(n); {
		case n == "" || n == "ok" || n == "y" || n == "yes" || n == "はい":
			*act = actAnswered // confirmed, or back to the question
			return nil
		case cmd == cmdBack:
			*act = actAnswered
			if final {
				*act = actBack
			}
			return nil
		case cmd == cmdReview:
			*act, *q = actReview, nil
			return nil
		case cmd == cmdQuit:
			quit, err := s.confirmQuit(ctx)
			if err != nil || quit {
				*act = actQuit
				return err
			}
			continue
		case cmd == cmdHelp:
			s.println(tr(s.lang, "helpKeys"))
			s.println(tr(s.lang, "reviewHelp"))
			if final {
				s.println(tr(s.lang, "reviewHelpOK"))
			} else {
				s.println(tr(s.lang, "reviewHelpBack"))
			}
			s.println(tr(s.lang, "helpBack"))
			s.println(tr(s.lang, "helpQuit"))
			continue
		case isDigits(n):
			if i, err := strconv.Atoi(n); err == nil && i >= 1 && i <= len(list) {
				*act, *q = actReview, list[i-1]
				return nil
			}
		}
		s.printf("  %s\n", tr(s.lang, "reviewBad", shown(line), len(list)))
		if s.opt.StopOnInvalid {
			return &InvalidAnswerError{Got: shown(line)}
		}
	}
}

// text is a text of the rule set in the session's language, made safe to show: a clinic's
// own rule set (--content) is outside input too.
func (s *session) text(t screening.Text) string { return export.Sanitize(t.In(s.lang)) }
