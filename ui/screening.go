package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/screening"
)

// compactHeight is the screen height under which headers take one line.
const compactHeight = 16

// FinishedMsg is what a Screening emits (as the result of a tea.Cmd) when the person confirms
// the review: the answers (a copy the Screening no longer touches), their evaluation, and
// when the screening began and ended.
type FinishedMsg struct {
	Answers  *screening.Answers
	Result   *screening.Result
	Started  time.Time
	Finished time.Time
}

// LeftAtStartMsg is emitted when the person goes back from the first question: the screen
// before the questionnaire (a welcome or patient-details screen) should be shown again. The
// Screening keeps its answers; show it again to carry on.
type LeftAtStartMsg struct{}

// ScreeningOptions configure a Screening.
type ScreeningOptions struct {
	// Lang is the language of the questions and of every word on the screens. The defaults
	// of Lang, Styles, Now, Width and Height are those of Common.
	Lang screening.Lang
	// Kiosk is for a front-desk kiosk: the help line offers no quitting key. (A Screening never
	// quits the program and never exports in any mode; the model around it decides that.)
	Kiosk bool
	// Styles are the styles to draw with; nil means NewStyles(lipgloss.DefaultRenderer()).
	// Over SSH pass NewStyles(bubbletea.MakeRenderer(session)).
	Styles *Styles
	// Now is the clock (time.Now when nil); tests pin it.
	Now func() time.Time
	// Width and Height are the screen size to draw for until a tea.WindowSizeMsg arrives
	// (80x24 when zero).
	Width, Height int
}

// Screening is the questionnaire and the review of the answers, as a tea.Model. It asks the
// questions of the rule set in order, shows follow-up questions only when the answers they
// depend on call for them (screening.Answers decides, as the engine does), lets the person
// go back and forth keeping answers, and ends with a review in which any answer can be
// changed. When the review is confirmed it emits FinishedMsg.
//
// A Screening never quits the program itself: ctrl+c is left to the model around it (the
// interactive App asks for confirmation; a kiosk ignores it).
type Screening struct {
	rs   *screening.RuleSet
	opt  ScreeningOptions
	lang screening.Lang
	st   *Styles
	keys *Keys
	km   *huh.KeyMap

	// walk is the way through the questions: the question at, the review, which questions
	// were completed. answers are its answers.
	walk    *screening.Walk
	answers *screening.Answers
	qf      *questionForm

	rv review

	scroll  scroller
	manual  bool // the person scrolled by hand: don't follow the cursor until they move it
	explain bool // the question's explanation is shown (?)
	width   int
	height  int
	started time.Time
	done    bool
}

// NewScreening returns a Screening of rs, at its first question.
func NewScreening(rs *screening.RuleSet, opt ScreeningOptions) *Screening {
	c := Common{Styles: opt.Styles, Lang: opt.Lang, Now: opt.Now, Width: opt.Width, Height: opt.Height}.Defaults(rs)
	opt.Styles, opt.Lang, opt.Now = c.Styles, c.Lang, c.Now
	s := &Screening{
		rs:     rs,
		opt:    opt,
		st:     c.Styles,
		walk:   screening.NewWalk(rs.NewAnswers()),
		width:  c.Width,
		height: c.Height,
	}
	s.answers = s.walk.Answers()
	s.setLang(opt.Lang)
	if q := s.walk.Current(); q != nil {
		s.qf = newQuestionForm(q, s.answers.Get(q))
		s.qf.build(s.lang, s.st, s.km, s.contentWidth())
	}
	return s
}

func (s *Screening) setLang(l screening.Lang) {
	s.lang = l
	s.keys = NewKeys(l)
	s.km = HuhKeyMap(l)
}

// SetLang switches the language of the screens; answers are kept.
func (s *Screening) SetLang(l screening.Lang) tea.Cmd {
	if l == s.lang {
		return nil
	}
	s.setLang(l)
	if s.qf != nil {
		return s.qf.build(s.lang, s.st, s.km, s.contentWidth())
	}
	return nil
}

// Lang is the language the Screening speaks.
func (s *Screening) Lang() screening.Lang { return s.lang }

// HasAnswers reports whether any question has been answered.
func (s *Screening) HasAnswers() bool {
	for _, q := range s.rs.Questions {
		if s.answers.Get(q).Set {
			return true
		}
	}
	return false
}

// Answers returns a copy of the answers given so far.
func (s *Screening) Answers() *screening.Answers { return s.answers.Clone() }

// Started is when the Screening was made.
func (s *Screening) Started() time.Time { return s.started }

// Init starts the screening clock and the first question's form.
func (s *Screening) Init() tea.Cmd {
	if s.started.IsZero() {
		s.started = s.opt.Now()
	}
	if s.qf == nil {
		return nil
	}
	return s.qf.form.Init()
}

func (s *Screening) contentWidth() int { return measureWidth(s.width) }

// Update handles a message.
func (s *Screening) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s.started.IsZero() {
		s.started = s.opt.Now()
	}
	if msg, ok := msg.(tea.WindowSizeMsg); ok {
		if msg.Width == s.width && msg.Height == s.height {
			return s, nil
		}
		s.width, s.height = msg.Width, msg.Height
		if s.qf != nil {
			return s, s.qf.build(s.lang, s.st, s.km, s.contentWidth())
		}
		return s, nil
	}
	if s.done || s.qf == nil {
		return s, nil
	}
	if mm, ok := msg.(tea.MouseMsg); ok {
		return s, s.mouse(mm)
	}
	if s.walk.Reviewing() {
		return s.updateReview(msg)
	}
	if km, ok := msg.(tea.KeyMsg); ok {
		if km.Type == tea.KeyRunes && len(km.Runes) > 1 && !km.Paste && (s.qf.onChoice() || s.qf.q.Kind == screening.Multi) {
			// Keys typed in one burst arrive as one message: in a list each is a key of its own.
			var cmds []tea.Cmd
			for _, r := range km.Runes {
				_, c := s.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
				cmds = append(cmds, c)
			}
			return s, tea.Batch(cmds...)
		}
		if s.explain {
			// The explanation: any of ? esc enter closes it; the pages scroll it.
			switch {
			case key.Matches(km, s.keys.PageUp), key.Matches(km, s.keys.Up):
				s.scroll.page(-1, s.bodyHeight())
			case key.Matches(km, s.keys.PageDown), key.Matches(km, s.keys.Down):
				s.scroll.page(1, s.bodyHeight())
			case key.Matches(km, s.keys.Explain, s.keys.Cancel, s.keys.Select):
				s.explain = false
				s.scroll = scroller{}
			}
			return s, nil
		}
		if key.Matches(km, s.keys.Explain) && s.qf.q.Kind != screening.Free && s.qf.q.Help.In(s.lang) != "" {
			s.explain = true
			s.scroll = scroller{}
			return s, nil
		}
		switch {
		case key.Matches(km, s.keys.Back) && s.qf.onFirstField():
			return s, s.back()
		case key.Matches(km, s.keys.Back):
			// In the number field: back to the "number or unsure" choice, at once (huh's own
			// shift+tab would go through a message that could reach the next form) and even
			// while the field shows a validation message (huh's PrevGroup refuses then). The
			// number typed is kept.
			s.qf.form = nil
			return s, s.rebuild()
		case key.Matches(km, s.keys.PageUp):
			s.manual = true
			s.scroll.page(-1, s.bodyHeight())
			return s, nil
		case key.Matches(km, s.keys.PageDown) && !key.Matches(km, s.keys.Space):
			s.manual = true
			s.scroll.page(1, s.bodyHeight())
			return s, nil
		}
		s.manual = false
		if key.Matches(km, s.keys.Select, s.keys.Next) {
			if done, cmd := s.enter(); done {
				return s, cmd
			}
		}
		if done, cmd := s.choiceKey(km); done {
			return s, cmd
		}
	}
	_, cmd := s.qf.form.Update(msg)
	s.qf.sync()
	switch s.qf.form.State {
	case huh.StateCompleted:
		return s, tea.Batch(cmd, s.commit())
	case huh.StateAborted:
		// The quit key is disabled in our key map; if a form aborts anyway, start the
		// question again rather than lose the screening.
		s.qf = newQuestionForm(s.walk.Current(), s.answers.Get(s.walk.Current()))
		return s, s.qf.build(s.lang, s.st, s.km, s.contentWidth())
	}
	return s, cmd
}

// wheelLines is how far one turn of the mouse wheel scrolls.
const wheelLines = 3

// tapped reports whether m is a tap (a left click, or a touch screen's tap) or turns the wheel
// (wheel: -1 up, 1 down).
func tapped(m tea.MouseMsg) (tap bool, wheel int) {
	if m.Action != tea.MouseActionPress {
		return false, 0
	}
	switch m.Button {
	case tea.MouseButtonLeft:
		return true, 0
	case tea.MouseButtonWheelUp:
		return false, -1
	case tea.MouseButtonWheelDown:
		return false, 1
	}
	return false, 0
}

// mouse handles a click or a tap, and the wheel, on the question, the explanation and the
// review: a tap on an option highlights it, a second tap on it (or a tap on the "next"
// button) takes it, as enter would; the wheel scrolls.
func (s *Screening) mouse(m tea.MouseMsg) tea.Cmd {
	tap, wheel := tapped(m)
	if s.walk.Reviewing() {
		return s.reviewMouse(m.Y, tap, wheel)
	}
	if wheel != 0 {
		s.manual = true
		s.scroll.wheel(wheel * wheelLines)
		return nil
	}
	if !tap {
		return nil
	}
	if s.explain {
		s.explain = false // a tap closes the explanation
		s.scroll = scroller{}
		return nil
	}
	line := s.scroll.lineAt(m.Y - len(s.header()))
	if line < 0 {
		return nil
	}
	if line == s.qf.nextLine {
		_, cmd := s.Update(tea.KeyMsg{Type: tea.KeyEnter})
		return cmd
	}
	starts := s.qf.optionLines(s.lang, s.contentWidth())
	for i := 0; i+1 < len(starts); i++ {
		if line < starts[i] || line >= starts[i+1] {
			continue
		}
		s.manual = false
		switch {
		case s.qf.q.Kind == screening.Multi:
			return s.toggleIndex(i)
		case s.qf.chosen() == s.qf.choiceCodes()[i]:
			_, cmd := s.Update(tea.KeyMsg{Type: tea.KeyEnter}) // the second tap takes it
			return cmd
		default:
			return s.chooseIndex(i)
		}
	}
	return nil
}

// choiceKey handles the keys that choose in a choice list (and the digits of an integer
// question). It reports false to let the form handle the key.
func (s *Screening) choiceKey(km tea.KeyMsg) (bool, tea.Cmd) {
	qf := s.qf
	digit := -1
	if km.Type == tea.KeyRunes && len(km.Runes) == 1 {
		switch r := km.Runes[0]; {
		case r >= '0' && r <= '9':
			digit = int(r - '0')
		case r >= '０' && r <= '９': // from a Japanese input method
			digit = int(r - '０')
		}
	}
	switch {
	case qf.q.Kind == screening.Integer && digit >= 0 && qf.onFirstField():
		// Digits go straight into the number field, starting a new number.
		qf.setChosen(modeNumber)
		qf.num = ""
		cmd := s.rebuild()
		return true, tea.Batch(cmd, qf.form.NextGroup(), s.passKey(km))
	case qf.q.Kind == screening.Single && digit >= 1:
		return true, s.chooseIndex(digit - 1)
	case qf.q.Kind == screening.Multi && digit >= 1 && digit <= len(qf.q.Options):
		return true, s.toggleIndex(digit - 1)
	case qf.q.Kind == screening.Multi && !qf.moved:
		// No cursor shows yet: the first move (or space) puts it on an option, and ticks
		// nothing.
		switch {
		case key.Matches(km, s.keys.Down, s.keys.Top, s.keys.Space):
			qf.moved = true
			return true, tea.Batch(s.rebuild(), s.cursorTo(0))
		case key.Matches(km, s.keys.Up), key.Matches(km, s.keys.Bottom):
			qf.moved = true
			return true, tea.Batch(s.rebuild(), s.cursorTo(len(qf.q.Options)-1))
		}
		return false, nil
	case !qf.onChoice() || qf.chosen() != "":
		return false, nil
	}
	// Nothing chosen yet: the first move puts the highlight on an option, and goes no further.
	codes := qf.choiceCodes()
	switch {
	case key.Matches(km, s.keys.Down, s.keys.Top, s.keys.HalfDown):
		return true, s.chooseIndex(0)
	case key.Matches(km, s.keys.Up, s.keys.Bottom, s.keys.HalfUp):
		return true, s.chooseIndex(len(codes) - 1)
	}
	return false, nil
}

// passKey hands a key to the form now (not through a command, so it reaches this form).
func (s *Screening) passKey(km tea.KeyMsg) tea.Cmd {
	_, cmd := s.qf.form.Update(km)
	return cmd
}

// chooseIndex puts the highlight on option i of the choice list (out of range: nothing).
func (s *Screening) chooseIndex(i int) tea.Cmd {
	codes := s.qf.choiceCodes()
	if !s.qf.onChoice() || i < 0 || i >= len(codes) {
		return nil
	}
	s.qf.setChosen(codes[i])
	return s.rebuild()
}

// toggleIndex ticks or unticks option i of a multiple choice and puts the cursor on it.
func (s *Screening) toggleIndex(i int) tea.Cmd {
	qf := s.qf
	code := qf.q.Options[i].Code
	if contains(qf.codes, code) {
		var keep []string
		for _, c := range qf.codes {
			if c != code {
				keep = append(keep, c)
			}
		}
		qf.codes = keep
	} else {
		qf.codes = append(qf.codes, code)
	}
	qf.moved = true
	cmd := s.rebuild()
	return tea.Batch(cmd, s.cursorTo(i))
}

// cursorTo moves the cursor of a multiple choice to option i.
func (s *Screening) cursorTo(i int) tea.Cmd {
	cmds := []tea.Cmd{s.passKey(tea.KeyMsg{Type: tea.KeyHome})}
	for range i {
		cmds = append(cmds, s.passKey(tea.KeyMsg{Type: tea.KeyDown}))
	}
	return tea.Batch(cmds...)
}

// rebuild makes the question's form again (after a choice made outside it).
func (s *Screening) rebuild() tea.Cmd {
	return s.qf.build(s.lang, s.st, s.km, s.contentWidth())
}

// enter answers the question at once when the answer being edited is valid: huh would go on
// through two asynchronous messages, and keys typed ahead in between would reach the old
// question's form. With nothing chosen it says that an answer is needed and stays. It
// reports false to let huh handle the key (to show its validation message).
func (s *Screening) enter() (bool, tea.Cmd) {
	qf := s.qf
	qf.sync()
	if qf.onChoice() && qf.chosen() == "" {
		qf.need = true
		return true, nil
	}
	switch qf.q.Kind {
	case screening.Integer:
		if qf.onFirstField() && qf.mode != modeUnsure {
			return true, qf.form.NextGroup()
		}
		if qf.mode != modeUnsure {
			if _, err := parseInt(qf.q, qf.num, s.lang); err != nil {
				return false, nil
			}
		}
	case screening.Multi:
		if len(qf.codes) == 0 && !qf.q.Optional {
			return false, nil
		}
	case screening.Free:
		if strings.TrimSpace(qf.text) == "" && !qf.q.Optional {
			return false, nil
		}
	}
	return true, s.commit()
}

// commit stores the answer of the completed form and moves on.
func (s *Screening) commit() tea.Cmd {
	cur := s.walk.Current()
	v, err := s.qf.value()
	if err == nil {
		err = s.answers.Set(cur, v)
	}
	if err != nil {
		// Cannot happen after the form's validation; ask again rather than guess.
		s.qf = newQuestionForm(cur, s.answers.Get(cur))
		return s.qf.build(s.lang, s.st, s.km, s.contentWidth())
	}
	s.walk.Answered(cur)
	return s.forward()
}

// prune drops the answers of questions that are no longer shown, as the engine treats them.
func (s *Screening) prune() { s.walk.Prune() }

// forward goes to the next question to ask (after a change from the review: the questions
// it newly shows, then the review again), or to the review.
func (s *Screening) forward() tea.Cmd {
	if q := s.walk.Forward(); q != nil {
		return s.show(q)
	}
	return s.toReview()
}

// back goes to the previous shown question (or tells the model around it that the person
// left the questionnaire at its start). A change started from the review still returns there.
func (s *Screening) back() tea.Cmd {
	if q := s.walk.Back(); q != nil {
		return s.show(q)
	}
	return func() tea.Msg { return LeftAtStartMsg{} }
}

// goTo makes q the current question and shows it with its stored answer.
func (s *Screening) goTo(q *screening.Question) tea.Cmd {
	return s.show(s.walk.GoTo(q))
}

// show shows question q, the walk's current question, with its stored answer.
func (s *Screening) show(q *screening.Question) tea.Cmd {
	s.scroll = scroller{}
	s.manual = false
	s.explain = false
	s.qf = newQuestionForm(q, s.answers.Get(q))
	return s.qf.build(s.lang, s.st, s.km, s.contentWidth())
}

// toReview shows the review. A shown question still without an answer is listed first
// there, with the cursor on it, and the review cannot be confirmed until it is answered.
func (s *Screening) toReview() tea.Cmd {
	s.walk.Review()
	s.rv.scroll = scroller{}
	s.rv.need = false
	items, open := s.reviewItems()
	s.rv.cursor = clampInt(s.rv.cursor, 0, len(items))
	if open > 0 {
		s.rv.cursor = 0
	}
	return nil
}

// finish evaluates the answers and emits FinishedMsg.
func (s *Screening) finish() tea.Cmd {
	res, err := s.rs.Evaluate(s.answers)
	if err != nil {
		// Answers the engine refuses are never passed on: go to the first question in doubt.
		if probs := s.answers.Problems(); len(probs) > 0 {
			if q := s.rs.Question(probs[0].Question); q != nil {
				s.walk.Reopen(q)
				return s.show(q)
			}
		}
		return nil
	}
	s.done = true
	msg := FinishedMsg{Answers: s.answers.Clone(), Result: res, Started: s.started, Finished: s.opt.Now()}
	return func() tea.Msg { return msg }
}

// Position is the current question's place among the questions shown now (1-based), and how
// many questions there can be: those shown and the follow-ups that may still appear (their
// answers are not given yet). The count only shrinks as the person goes on, so progress
// never jumps backwards; 0, n on the review. screening.Walk computes it.
func (s *Screening) Position() (int, int) {
	p := s.walk.Progress()
	if s.walk.Reviewing() {
		return 0, p.Shown
	}
	return p.N, p.Possible
}

// header is the question screen's top: section, progress, a rule.
func (s *Screening) header() []string {
	n, m := s.Position()
	prog := tr(s.lang, "progress", n, m)
	sec := ""
	if q := s.walk.Current(); q != nil && q.Section != nil {
		sec = q.Section.Title.In(s.lang)
	}
	return headerLines(s.st, sec, prog, s.width, s.height)
}

// headerLines puts a title at the left and a note at the right of one line (the title cut with
// "..." when both do not fit, so that the note is always at the right on every screen), and on
// a screen of 16 lines or more a rule under it.
func headerLines(st *Styles, title, note string, width, height int) []string {
	tw, nw := textWidth(title), textWidth(note)
	gap := 2
	if nw == 0 {
		gap = 0
	}
	if tw+gap+nw > width {
		room := width - nw - gap - 3
		if room > 0 {
			title = ansi.Truncate(title, room, "") + "..."
		} else {
			title = ""
		}
		tw = textWidth(title)
	}
	line := st.Section.Render(title) + spaces(width-tw-nw) + st.Progress.Render(note)
	if height < compactHeight {
		return []string{line}
	}
	return []string{line, st.Rule.Render(repeat("-", width))}
}

func (s *Screening) footer() []string { return s.footerWith(false) }

// footerWith is the help line, with the ? key when the explanation is below the fold.
func (s *Screening) footerWith(explain bool) []string {
	if s.explain {
		return HelpLines(s.st, s.width, withHelp(s.keys.Explain, "?/esc", tr(s.lang, "key.close")), s.keys.PageUp)
	}
	binds := s.qf.form.KeyBinds()
	binds = append(binds, s.keys.Back)
	if explain {
		binds = append(binds, s.keys.Explain)
	}
	if !s.opt.Kiosk {
		binds = append(binds, s.keys.Quit)
	}
	return HelpLines(s.st, s.width, binds...)
}

func (s *Screening) bodyHeight() int {
	return s.height - len(s.header()) - len(s.footer())
}

// View draws the current question or the review.
func (s *Screening) View() string {
	if s.qf == nil || s.done {
		return ""
	}
	if s.walk.Reviewing() {
		return s.viewReview()
	}
	if s.explain {
		return s.viewExplain()
	}
	header := s.header()
	hasHelp := s.qf.q.Help.In(s.lang) != "" && s.qf.q.Kind != screening.Free
	footer := s.footerWith(hasHelp)
	avail := s.height - len(header) - len(footer)
	// The question and the options come first; when all does not fit, the help text moves
	// under the options (still reachable by scrolling, or at once with ?) so that the question
	// stays in view.
	body, lo, hi := s.qf.questionBody(s.lang, s.st, s.contentWidth(), false)
	if len(body) > avail {
		body, lo, hi = s.qf.questionBody(s.lang, s.st, s.contentWidth(), true)
	} else {
		footer = s.footerWith(false)
		avail = s.height - len(header) - len(footer)
	}
	for i := range body {
		body[i] = " " + body[i]
	}
	body = s.scroll.window(body, avail, lo, hi, !s.manual, s.st, s.lang)
	return Frame{Header: header, Body: body, Footer: footer}.Render(s.width, s.height)
}

// viewExplain shows the question and its explanation (?), scrolling when long.
func (s *Screening) viewExplain() string {
	header, footer := s.header(), s.footer()
	avail := s.height - len(header) - len(footer)
	w := s.contentWidth()
	var body []string
	for _, l := range wrapText(s.qf.q.Text.In(s.lang), w) {
		body = append(body, " "+s.st.Title.Render(l))
	}
	body = append(body, "")
	for _, l := range wrapText(s.qf.q.Help.In(s.lang), w) {
		body = append(body, " "+s.st.Text.Render(l))
	}
	body = append(body, "")
	for _, l := range wrapText(tr(s.lang, "explain.hint"), w) {
		body = append(body, " "+s.st.Help.Render(l))
	}
	body = s.scroll.window(body, avail, 0, 0, false, s.st, s.lang)
	return Frame{Header: header, Body: body, Footer: footer}.Render(s.width, s.height)
}
