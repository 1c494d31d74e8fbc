package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/exoscreen/exoscreen/screening"
)

// The quit dialog: asked before quitting once answers exist and are unsaved. "Go on" has the
// focus, so an enter pressed by mistake loses nothing; ctrl+c a second time quits.

// quitDialog asks whether to quit.
type quitDialog struct {
	lang    screening.Lang
	st      *Styles
	keys    *Keys
	message string // why quitting loses something
	yes     bool   // the focus is on "quit"
}

func newQuitDialog(lang screening.Lang, st *Styles, message string) *quitDialog {
	return &quitDialog{lang: lang, st: st, keys: NewKeys(lang), message: message}
}

// update returns (decided, quit).
func (d *quitDialog) update(msg tea.KeyMsg) (bool, bool) {
	switch {
	case key.Matches(msg, d.keys.Yes), key.Matches(msg, d.keys.Quit):
		return true, true
	case key.Matches(msg, d.keys.No), key.Matches(msg, d.keys.Cancel), key.Matches(msg, d.keys.Close):
		return true, false
	case key.Matches(msg, d.keys.Left), key.Matches(msg, d.keys.Up):
		d.yes = !d.yes
	case key.Matches(msg, d.keys.Right), key.Matches(msg, d.keys.Down):
		d.yes = !d.yes
	case key.Matches(msg, d.keys.Select):
		return true, d.yes
	}
	return false, false
}

func (d *quitDialog) view(width, height int) string {
	st, lang := d.st, d.lang
	w := measureWidth(width)
	header := headerLines(st, tr(lang, "quit.title"), "", width, height)
	var body []string
	for _, l := range wrapText(d.message, w) {
		body = append(body, " "+st.Text.Render(l))
	}
	body = append(body, "")
	button := func(label string, focused bool) string {
		if focused {
			return st.Cursor.Render("> ") + st.Button.Render("[ "+label+" ]")
		}
		return "  " + st.Text.Render("[ "+label+" ]")
	}
	body = append(body, " "+button(tr(lang, "quit.yes"), d.yes)+"  "+button(tr(lang, "quit.no"), !d.yes))
	footer := HelpLines(st, width,
		withHelp(d.keys.Yes, "y", tr(lang, "quit.yes")),
		withHelp(d.keys.No, "n/esc", tr(lang, "quit.no")),
		withHelp(d.keys.Left, "left/right", tr(lang, "key.choose")),
		withHelp(d.keys.Select, "enter", tr(lang, "key.confirm")))
	return Frame{Header: header, Body: body, Footer: footer}.Render(width, height)
}
