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
type questionForm struct {
	q    *screening.Question
	form *huh.Form

	code  string   // Single
	codes []string // Multi
	mode  string   // Integer: modeNumber or modeUnsure
	num   string   // Integer: the number as typed
	text  string   // Text

	first huh.Field // the first field: "back" from here leaves the question
	sel   *huh.Select[string]
}

// sync reads the option under the cursor of a Select: huh does not update the bound value
// on every move (home/end leave it behind).
func (qf *questionForm) sync() {
	if qf.sel == nil {
		return
	}
	if v, ok := qf.sel.Hovered(); ok {
		if qf.q.Kind == screening.Integer {
			qf.mode = v
		} else {
			qf.code = v
		}
	}
}

// newQuestionForm starts editing q from its stored answer v.
func newQuestionForm(q *screening.Question, v screening.Value) *questionForm {
	qf := &questionForm{q: q, mode: modeNumber}
	if v.Set {
		qf.code = v.Code
		qf.codes = append([]string(nil), v.Codes...)
		qf.text = v.Text
		if v.Unsure {
			qf.mode = modeUnsure
		} else if q.Kind == screening.Integer {
			qf.num = strconv.Itoa(v.Int)
		}
	}
	return qf
}

// build (re)makes the huh form for width, keeping the answer being edited. It returns the
// form's Init command.
func (qf *questionForm) build(lang screening.Lang, st *Styles, km *huh.KeyMap, width int) tea.Cmd {
	qf.sync()
	onNumber := false
	if qf.form != nil && qf.q.Kind == screening.Integer && qf.first != nil && qf.form.GetFocusedField() != qf.first {
		onNumber = true
	}
	q := qf.q
	theme := st.HuhTheme()
	optW := optionWidth(width)
	var groups []*huh.Group
	switch q.Kind {
	case screening.Single:
		opts := make([]huh.Option[string], len(q.Options))
		for i, o := range q.Options {
			opts[i] = huh.NewOption(optionLabel(o, lang, optW), o.Code)
		}
		f := huh.NewSelect[string]().Key(q.ID).Options(opts...).Value(&qf.code)
		f.WithTheme(theme)
		qf.first, qf.sel = f, f
		groups = append(groups, huh.NewGroup(f))
	case screening.Multi:
		opts := make([]huh.Option[string], len(q.Options))
		for i, o := range q.Options {
			opts[i] = huh.NewOption(optionLabel(o, lang, optW), o.Code).Selected(contains(qf.codes, o.Code))
		}
		f := huh.NewMultiSelect[string]().Key(q.ID).Options(opts...).Value(&qf.codes).Filterable(false).
			Validate(func(c []string) error {
				if len(c) == 0 && !q.Optional {
					return errors.New(tr(lang, "multi.err.empty"))
				}
				return nil
			})
		f.WithTheme(theme)
		qf.first = f
		groups = append(groups, huh.NewGroup(f))
	case screening.Integer:
		modes := []huh.Option[string]{huh.NewOption(tr(lang, "int.mode.number"), modeNumber)}
		if q.AllowUnsure {
			modes = append(modes, huh.NewOption(tr(lang, "int.mode.unsure"), modeUnsure))
		}
		mf := huh.NewSelect[string]().Key(q.ID + ".mode").Options(modes...).Value(&qf.mode)
		// No placeholder: huh cuts it to the field's width with "…", an ambiguous-width glyph;
		// the range is in the hint above.
		nf := huh.NewInput().Key(q.ID).Value(&qf.num).Prompt("> ").CharLimit(6).
			Validate(func(s string) error { _, err := parseInt(q, s, lang); return err })
		mf.WithTheme(theme)
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
		return screening.CodeValue(qf.code), nil
	case screening.Multi:
		return screening.CodesValue(append([]string(nil), qf.codes...)...), nil
	case screening.Integer:
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

// optionLabel is an option's text (and help, on lines of its own), wrapped to width.
func optionLabel(o *screening.Option, lang screening.Lang, width int) string {
	lines := wrapText(o.Text.In(lang), width)
	if h := o.Help.In(lang); h != "" {
		for _, l := range wrapText(h, width-2) {
			lines = append(lines, "  "+l)
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
	o := qf.q.Option(qf.code)
	if o == nil {
		return 1
	}
	return strings.Count(optionLabel(o, lang, optionWidth(width)), "\n") + 1
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
	if opt := tr(lang, "optional"); q.Optional && !strings.Contains(title, strings.Trim(opt, "()")) {
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
