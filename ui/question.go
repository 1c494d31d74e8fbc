package ui

import (
	"errors"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// The question screen: one huh form per question, built from the rule set (never from
// constants here): single choice as a Select, multiple choice as a MultiSelect, integers as a
// choice between a number and "unsure" followed by a validated Input, free text as a Text.
// The form is rebuilt when the terminal is resized (options are wrapped to the width with
// Unicode line breaking before huh sees them); the answer being edited lives in the fields of
// questionForm, so a rebuild keeps it.

const (
	modeNumber = "number"
	modeUnsure = "unsure"
)

// questionForm is the form for one question and the answer being edited in it.
//
// Nothing is ever chosen for the person: a single-choice question (and the "number or unsure"
// choice of an integer question) opens with no option highlighted, unless the question was
// answered before. Up/down, a number key or a click puts the highlight on an option, and only
// then does enter take it; enter with nothing highlighted says that an answer is needed.
type questionForm struct {
	q    *screening.Question
	form *huh.Form

	code  string   // Single: the option chosen, "" while none is
	codes []string // Multi
	mode  string   // Integer: modeNumber or modeUnsure, "" while neither is chosen
	num   string   // Integer: the number as typed
	text  string   // Text

	hover string // the option under huh's Select cursor (huh writes it; read it only once chosen)
	moved bool   // Multi: the person moved in the list or ticked (until then no cursor shows)
	need  bool   // enter was pressed with nothing chosen: say an answer is needed

	first huh.Field // the first field: "back" from here leaves the question
	sel   *huh.Select[string]

	optTop   int // the body line the form's first option is on, in the last questionBody
	nextLine int // the body line of the "next" button, in the last questionBody
}

// optionLines are the body lines each option of the list shown starts on, and one past the
// last option's end (for mapping a click to an option); nil when no list is shown (the number
// or text field).
func (qf *questionForm) optionLines(lang screening.Lang, width int) []int {
	var heights []int
	switch {
	case qf.onChoice() && qf.q.Kind == screening.Integer:
		heights = []int{1, 1}[:len(qf.choiceCodes())]
	case qf.q.Kind == screening.Single, qf.q.Kind == screening.Multi:
		for i, o := range qf.q.Options {
			label := optionLabel(o, lang, optionWidth(width), numberMark(i, len(qf.q.Options)))
			heights = append(heights, strings.Count(label, "\n")+1)
		}
	default:
		return nil
	}
	out := []int{qf.optTop}
	for _, h := range heights {
		out = append(out, out[len(out)-1]+h)
	}
	return out
}

// choiceCodes are the codes of the choice list on the first field: the options of a single
// choice, "number" and "unsure" of an integer question; nil for other kinds.
func (qf *questionForm) choiceCodes() []string {
	switch qf.q.Kind {
	case screening.Single:
		out := make([]string, len(qf.q.Options))
		for i, o := range qf.q.Options {
			out[i] = o.Code
		}
		return out
	case screening.Integer:
		if qf.q.AllowUnsure {
			return []string{modeNumber, modeUnsure}
		}
		return []string{modeNumber}
	}
	return nil
}

// chosen is the option chosen in the choice list ("" for none).
func (qf *questionForm) chosen() string {
	if qf.q.Kind == screening.Integer {
		return qf.mode
	}
	return qf.code
}

func (qf *questionForm) setChosen(c string) {
	if qf.q.Kind == screening.Integer {
		qf.mode = c
	} else {
		qf.code = c
	}
	qf.need = false
}

// onChoice reports whether the cursor is in a choice list (a single choice, or the "number or
// unsure" choice).
func (qf *questionForm) onChoice() bool { return qf.sel != nil && qf.onFirstField() }

// sync reads the option under the cursor of the choice list once one is chosen: huh moves its
// cursor, and the option under it is the choice.
func (qf *questionForm) sync() {
	if !qf.onChoice() || qf.chosen() == "" {
		return
	}
	if v, ok := qf.sel.Hovered(); ok {
		qf.setChosen(v)
	}
}

// newQuestionForm starts editing q from its stored answer v: an answer given before shows as
// chosen; with none, nothing is.
func newQuestionForm(q *screening.Question, v screening.Value) *questionForm {
	qf := &questionForm{q: q}
	if v.Set {
		qf.code = v.Code
		qf.codes = append([]string(nil), v.Codes...)
		qf.moved = true
		qf.text = v.Text
		if v.Unsure {
			qf.mode = modeUnsure
		} else if q.Kind == screening.Integer {
			qf.mode = modeNumber
			qf.num = strconv.Itoa(v.Int)
		}
	}
	return qf
}

// build (re)makes the huh form for width, keeping the answer being edited. It returns the
// form's Init command.
func (qf *questionForm) build(lang screening.Lang, st *Styles, km *huh.KeyMap, width int) tea.Cmd {
	onNumber := false
	if qf.form != nil && qf.q.Kind == screening.Integer && qf.first != nil && qf.form.GetFocusedField() != qf.first {
		onNumber = true
	}
	q := qf.q
	theme := st.HuhTheme()
	// The choice list shows no cursor until something is chosen.
	choiceTheme := theme
	if qf.chosen() == "" {
		choiceTheme = st.HuhThemeUnchosen()
	}
	qf.hover = qf.chosen()
	optW := optionWidth(width)
	var groups []*huh.Group
	switch q.Kind {
	case screening.Single:
		opts := make([]huh.Option[string], len(q.Options))
		for i, o := range q.Options {
			opts[i] = huh.NewOption(optionLabel(o, lang, optW, numberMark(i, len(q.Options))), o.Code)
		}
		f := huh.NewSelect[string]().Key(q.ID).Options(opts...).Value(&qf.hover)
		f.WithTheme(choiceTheme)
		qf.first, qf.sel = f, f
		groups = append(groups, huh.NewGroup(f))
	case screening.Multi:
		opts := make([]huh.Option[string], len(q.Options))
		for i, o := range q.Options {
			opts[i] = huh.NewOption(optionLabel(o, lang, optW, numberMark(i, len(q.Options))), o.Code).Selected(contains(qf.codes, o.Code))
		}
		f := huh.NewMultiSelect[string]().Key(q.ID).Options(opts...).Value(&qf.codes).Filterable(false).
			Validate(func(c []string) error {
				if len(c) == 0 && !q.Optional {
					return errors.New(tr(lang, "multi.err.empty"))
				}
				return nil
			})
		if qf.moved {
			f.WithTheme(theme)
		} else {
			f.WithTheme(st.HuhThemeUnchosen()) // no cursor until the person moves
		}
		qf.first = f
		groups = append(groups, huh.NewGroup(f))
	case screening.Integer:
		modes := []huh.Option[string]{huh.NewOption(tr(lang, "int.mode.number"), modeNumber)}
		if q.AllowUnsure {
			modes = append(modes, huh.NewOption(tr(lang, "int.mode.unsure"), modeUnsure))
		}
		mf := huh.NewSelect[string]().Key(q.ID + ".mode").Options(modes...).Value(&qf.hover)
		// No placeholder: huh cuts it to the field's width with "…", an ambiguous-width glyph;
		// the range is in the hint above.
		nf := huh.NewInput().Key(q.ID).Value(&qf.num).Prompt("> ").CharLimit(6).
			Validate(func(s string) error { _, err := parseInt(q, s, lang); return err })
		mf.WithTheme(choiceTheme)
		nf.WithTheme(theme)
		qf.first, qf.sel = mf, mf
		groups = append(groups,
			huh.NewGroup(mf),
			huh.NewGroup(nf).WithHideFunc(func() bool { return qf.mode == modeUnsure }))
	default: // Text
		f := huh.NewText().Key(q.ID).Value(&qf.text).Lines(3).CharLimit(1000).ExternalEditor(false).
			Placeholder(tr(lang, "text.placeholder")).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" && !q.Optional {
					return errors.New(tr(lang, "text.err.required"))
				}
				return nil
			})
		f.WithTheme(theme)
		qf.first = f
		groups = append(groups, huh.NewGroup(f))
	}
	qf.form = huh.NewForm(groups...).WithTheme(theme).WithKeyMap(km).WithShowHelp(false).WithShowErrors(true)
	cmd := qf.form.Init()
	// huh sizes its fields only on a WindowSizeMsg; the height is left open (the question
	// screen scrolls the whole question, not the options alone).
	qf.form.Update(tea.WindowSizeMsg{Width: width, Height: 1000})
	if onNumber && qf.mode != modeUnsure {
		if c := qf.form.NextGroup(); c != nil {
			cmd = tea.Batch(cmd, c)
		}
	}
	return cmd
}

// numberMark is the number shown beside option i of n ("1. "), padded to the widest; the
// number keys 1-9 choose the options that have one.
func numberMark(i, n int) string {
	m := strconv.Itoa(i+1) + ". "
	return m + spaces(len(strconv.Itoa(n))+2-len(m))
}

// onFirstField reports whether the cursor is in the form's first field, where "back" leaves
// the question.
func (qf *questionForm) onFirstField() bool {
	return qf.form.GetFocusedField() == qf.first
}

// value is the answer as edited.
func (qf *questionForm) value() (screening.Value, error) {
	qf.sync()
	switch qf.q.Kind {
	case screening.Single:
		if qf.code == "" {
			return screening.Value{}, errNoChoice
		}
		return screening.CodeValue(qf.code), nil
	case screening.Multi:
		return screening.CodesValue(append([]string(nil), qf.codes...)...), nil
	case screening.Integer:
		if qf.mode == "" {
			return screening.Value{}, errNoChoice
		}
		if qf.mode == modeUnsure {
			return screening.UnsureInt(), nil
		}
		n, err := parseInt(qf.q, qf.num, screening.EN)
		if err != nil {
			return screening.Value{}, err
		}
		return screening.IntValue(n), nil
	}
	return screening.TextValue(strings.TrimSpace(qf.text)), nil
}

// errNoChoice is the value of a choice nobody made.
var errNoChoice = errors.New("no option chosen")

// parseInt reads a whole number typed by a person: full-width digits (from a Japanese input
// method) are accepted, surrounding space ignored. Errors are in lang.
func parseInt(q *screening.Question, s string, lang screening.Lang) (int, error) {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + (r - '０')
		}
		return r
	}, s))
	if s == "" {
		return 0, errors.New(tr(lang, "int.err.empty"))
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, errors.New(tr(lang, "int.err.notnum"))
		}
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < q.Min || n > q.Max {
		return 0, errors.New(tr(lang, "int.err.range", q.Min, q.Max))
	}
	return n, nil
}

// optionLabel is an option's text after its number mark (and help, on lines of its own),
// wrapped to width with a hanging indent.
func optionLabel(o *screening.Option, lang screening.Lang, width int, mark string) string {
	lines := wrapIndent(o.Text.In(lang), mark, width)
	pad := spaces(textWidth(mark))
	if h := o.Help.In(lang); h != "" {
		for _, l := range wrapText(h, width-2-len(pad)) {
			lines = append(lines, pad+"  "+l)
		}
	}
	return strings.Join(lines, "\n")
}

// optionWidth is the width option labels are wrapped to: "> " and "[x] " go in front.
func optionWidth(width int) int { return max(width-6, 8) }

// hoveredHeight is how many lines the option under the cursor takes.
func (qf *questionForm) hoveredHeight(lang screening.Lang, width int) int {
	qf.sync()
	if qf.q.Kind != screening.Single {
		return 1
	}
	for i, o := range qf.q.Options {
		if o.Code == qf.code {
			return strings.Count(optionLabel(o, lang, optionWidth(width), numberMark(i, len(qf.q.Options))), "\n") + 1
		}
	}
	return 1
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// questionBody renders the question, its help and the form, and tells which lines hold the
// cursor (and any error), so the screen can keep them in view.
func (qf *questionForm) questionBody(lang screening.Lang, st *Styles, width int, helpAfter bool) (lines []string, focusLo, focusHi int) {
	q := qf.q
	title := q.Text.In(lang)
	for _, l := range wrapText(title, width) {
		lines = append(lines, st.Title.Render(l))
	}
	if opt := tr(lang, "optional"); q.Optional && !strings.Contains(title, strings.Trim(opt, "()（）")) {
		lines = append(lines, st.Help.Render(opt))
	}
	var help []string
	if h := q.Help.In(lang); h != "" {
		for _, l := range wrapText(h, width) {
			help = append(help, st.Help.Render(l))
		}
	}
	switch q.Kind {
	case screening.Multi:
		for _, l := range wrapText(tr(lang, "multi.hint"), width) {
			help = append(help, st.Help.Render(l))
		}
	case screening.Integer:
		hint := tr(lang, "int.range", q.Min, q.Max)
		if u := q.Unit.In(lang); u != "" {
			hint = tr(lang, "int.range.unit", q.Min, q.Max, u)
		}
		for _, l := range wrapText(hint, width) {
			help = append(help, st.Help.Render(l))
		}
	}
	if !helpAfter {
		lines = append(lines, help...)
	}
	lines = append(lines, "")
	top := len(lines)
	formLines := strings.Split(strings.TrimRight(qf.form.View(), "\n"), "\n")
	focusLo, focusHi = top, top
	found := false
	for i, l := range formLines {
		plain := ansi.Strip(l)
		if !found && strings.HasPrefix(plain, "> ") {
			focusLo, focusHi, found = top+i, top+i, true
			// keep the whole (wrapped) option in view
			focusHi += qf.hoveredHeight(lang, width) - 1
		}
		if strings.HasPrefix(plain, errPrefix) {
			focusHi = max(focusHi, top+i)
		}
	}
	lines = append(lines, formLines...)
	qf.optTop = top
	if qf.need {
		for _, l := range wrapText(tr(lang, "choice.need"), width-2) {
			lines = append(lines, st.Error.Render(errPrefix+l))
		}
		focusHi = len(lines) - 1
	}
	// A button for touch screens: a tap on it is enter.
	lines = append(lines, "")
	qf.nextLine = len(lines)
	lines = append(lines, st.Text.Render("  [ "+tr(lang, "button.next")+" ]"))
	if helpAfter && len(help) > 0 {
		lines = append(lines, "")
		lines = append(lines, help...)
	}
	return lines, focusLo, focusHi
}

// errPrefix starts validation messages (the theme's ErrorMessage), so that the question screen
// can find them and keep them in view.
const errPrefix = "! "

// answerText is an answer as shown on a screen: the words of the rule set and the patient's
// free text made safe for the terminal.
func answerText(q *screening.Question, v screening.Value, lang screening.Lang) string {
	return export.Sanitize(export.AnswerText(q, v, lang))
}
