package ui

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/exoscreen/exoscreen/screening"
)

// The welcome screen: what is about to happen, and the choice of language (日本語 / English),
// which switches every word on the screen as soon as it is moved.

// welcome is the first screen of the interactive app.
type welcome struct {
	rs     *screening.RuleSet
	lang   screening.Lang
	st     *Styles
	scroll scroller
	manual bool // scrolled by hand
	moved  bool // the language was changed: keep the choice in view (until then, the top)
	height int  // of the body in the last view, for paging
	// For taps, from the last view: the screen row the body starts on, and the body line of
	// the first language.
	top, langLine int
}

// keys are the key bindings in the screen's language.
func (w *welcome) keys() *Keys { return NewKeys(w.lang) }

// update returns true when the person starts.
func (w *welcome) update(msg tea.KeyMsg) bool {
	keys := w.keys()
	w.manual = false
	switch {
	case key.Matches(msg, keys.PageUp):
		w.manual = true
		w.scroll.page(-1, w.height)
	case key.Matches(msg, keys.PageDown) && !key.Matches(msg, keys.Space):
		w.manual = true
		w.scroll.page(1, w.height)
	case key.Matches(msg, keys.Up, keys.Down, keys.Next, keys.Prev):
		w.moved = true
		langs := w.rs.Langs()
		i := slices.Index(langs, w.lang)
		if key.Matches(msg, keys.Up, keys.Prev) {
			i = (i + len(langs) - 1) % len(langs)
		} else {
			i = (i + 1) % len(langs)
		}
		w.lang = langs[i]
	case key.Matches(msg, keys.Select):
		return true
	}
	return false
}

// mouse handles a tap: on a language it chooses it, a second tap on the chosen one starts (as
// enter); the wheel scrolls. It returns true when the person starts.
func (w *welcome) mouse(m tea.MouseMsg) bool {
	tap, wheel := tapped(m)
	if wheel != 0 {
		w.manual = true
		w.scroll.wheel(wheel * wheelLines)
		return false
	}
	if !tap {
		return false
	}
	line := w.scroll.lineAt(m.Y - w.top)
	i := line - w.langLine
	langs := w.rs.Langs()
	if line < 0 || i < 0 || i >= len(langs) {
		return false
	}
	if langs[i] == w.lang {
		return true
	}
	w.lang = langs[i]
	w.moved = true
	w.manual = false
	return false
}

func (w *welcome) view(width, height int) string {
	st, lang := w.st, w.lang
	keys := NewKeys(lang)
	cw := measureWidth(width)
	header := headerLines(st, w.rs.Name.In(lang), "exoscreen", width, height)
	var body []string
	for _, l := range wrapText(tr(lang, "welcome.title"), cw) {
		body = append(body, " "+st.Title.Render(l))
	}
	for _, l := range wrapText(tr(lang, "welcome.intro"), cw) {
		body = append(body, " "+st.Text.Render(l))
	}
	for _, l := range wrapText(tr(lang, "welcome.count", len(w.rs.Questions)), cw) {
		body = append(body, " "+st.Help.Render(l))
	}
	if l, ok := w.rs.Language(lang); ok && !l.Reviewed {
		for _, l := range wrapText(tr(lang, "unreviewed"), cw) {
			body = append(body, " "+st.Confirm.Render(l))
		}
	}
	body = append(body, "")
	for _, l := range wrapText(tr(lang, "welcome.language"), cw) {
		body = append(body, " "+st.Title.Render(l))
	}
	lo := len(body)
	w.langLine = lo
	for _, l := range w.rs.Langs() {
		label := w.rs.LangName(l) // each language named in itself
		if l == lang {
			body = append(body, " "+st.Cursor.Render("> "+label))
		} else {
			body = append(body, " "+st.Text.Render("  "+label))
		}
	}
	hi := len(body)
	body = append(body, "")
	for _, l := range wrapText(tr(lang, "welcome.start"), cw) {
		body = append(body, " "+st.Help.Render(l))
	}
	binds := []key.Binding{withHelp(keys.Up, "up/down", tr(lang, "key.language")),
		withHelp(keys.Select, "enter", tr(lang, "key.start"))}
	binds = append(binds, keys.Leave)
	footer := HelpLines(st, width, binds...)
	avail := height - len(header) - len(footer)
	w.height = avail
	w.top = len(header)
	// The screen opens at its top; once the language is moved, the choice stays in view.
	body = w.scroll.window(body, avail, lo, hi, w.moved && !w.manual, st, lang)
	return Frame{Header: header, Body: body, Footer: footer}.Render(width, height)
}
