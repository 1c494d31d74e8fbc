package ui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/huh"
	"github.com/exoscreen/exoscreen/screening"
)

// This file is the one keymap of every screen: Keys (the interactive screening: welcome,
// questions, review, summary, the dialogs), HuhKeyMap (the forms inside a question), KioskKeys
// (the front-desk kiosk) and InboxKeys (the staff inbox). A screen matches keys only with
// key.Matches on these bindings, and its help line is built from the same bindings
// (HelpLines; the kiosk's sentences are the help of its bindings, HelpSentence), so that a key
// and its on-screen help cannot disagree. The key names in help lines are plain ASCII words ("up/down", not arrows:
// arrows are East-Asian-ambiguous and take two cells on some Japanese terminals).

// Keys are the key bindings of the interactive screening's screens.
type Keys struct {
	Up, Down         key.Binding // move in a list, scroll a page
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
	Select           key.Binding // enter: choose, go on
	Back             key.Binding // to the previous question
	Quit             key.Binding // ctrl+c: quit (asks first once answers exist)
	Save             key.Binding // summary: save to a file
	Close            key.Binding // summary: leave
	Cancel           key.Binding // leave a dialog
	Yes, No          key.Binding // in the quit dialog
	Left, Right      key.Binding // move between buttons
	Explain          key.Binding // ?: the question's explanation, when it is below the fold
	Next             key.Binding // tab: as enter on a question (huh's "next field"), the next item
	Prev             key.Binding // shift+tab: the previous item (as in huh)
	Space            key.Binding // space: a page down in a text, a tick in a list
	HalfUp, HalfDown key.Binding // ctrl+u, ctrl+d: huh's half pages (the first move in a list)
	Leave            key.Binding // q or esc: quit from the first screen
	Retry            key.Binding // r: try a failed save again (serve's screening)
}

// NewKeys returns the default key bindings with their help in lang.
func NewKeys(lang screening.Lang) *Keys {
	h := func(k string) string { return tr(lang, k) }
	return &Keys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/down", h("key.choose"))),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup/pgdn", h("key.page"))),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "ctrl+f", " ")),
		Top:      key.NewBinding(key.WithKeys("home", "g")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G")),
		Select:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", h("key.next"))),
		Back:     key.NewBinding(key.WithKeys("esc", "shift+tab"), key.WithHelp("esc", h("key.back"))),
		Quit:     key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", h("key.quit"))),
		Save:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", h("key.save"))),
		Close:    key.NewBinding(key.WithKeys("q"), key.WithHelp("q", h("key.quit"))),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", h("key.cancel"))),
		Yes:      key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", h("key.yes"))),
		No:       key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", h("key.no"))),
		Left:     key.NewBinding(key.WithKeys("left", "h", "shift+tab")),
		Right:    key.NewBinding(key.WithKeys("right", "l", "tab")),
		Explain:  key.NewBinding(key.WithKeys("?", "？"), key.WithHelp("?", h("key.explain"))),
		Next:     key.NewBinding(key.WithKeys("tab")),
		Prev:     key.NewBinding(key.WithKeys("shift+tab")),
		Space:    key.NewBinding(key.WithKeys(" ")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d")),
		Leave:    key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q/esc", h("key.quit"))),
		Retry:    key.NewBinding(key.WithKeys("r")),
	}
}

// withHelp returns b with its help text replaced.
func withHelp(b key.Binding, k, desc string) key.Binding {
	b.SetHelp(k, desc)
	return b
}

// HuhKeyMap is huh's default key map with its help in lang, ASCII key names, and the bindings
// a questionnaire must not have turned off: ctrl+c (the screens above the form decide about
// quitting), filtering (a patient types nothing into a list), the external editor.
func HuhKeyMap(lang screening.Lang) *huh.KeyMap {
	h := func(k string) string { return tr(lang, k) }
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("ctrl+c"), key.WithDisabled())

	km.Select.Up = withHelp(km.Select.Up, "up/down", h("key.choose"))
	km.Select.Down = withHelp(km.Select.Down, "", "")
	// Forward is enter only, and the Screening answers on enter itself: huh's tab would move
	// on through messages that could reach the next question's form.
	km.Select.Next = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", h("key.next")))
	km.Select.Submit = withHelp(km.Select.Submit, "enter", h("key.next"))
	km.Select.Prev = withHelp(km.Select.Prev, "", "") // our esc/shift+tab "back" stands for it
	km.Select.Filter.SetEnabled(false)
	km.Select.SetFilter.SetEnabled(false)
	km.Select.ClearFilter.SetEnabled(false)
	km.Select.Left.SetEnabled(false)
	km.Select.Right.SetEnabled(false)
	km.Select.HalfPageUp = withHelp(km.Select.HalfPageUp, "ctrl+u", h("key.page"))
	km.Select.HalfPageDown = withHelp(km.Select.HalfPageDown, "ctrl+d", h("key.page"))
	km.Select.GotoTop = withHelp(km.Select.GotoTop, "home", h("key.scroll"))
	km.Select.GotoBottom = withHelp(km.Select.GotoBottom, "end", h("key.scroll"))

	km.MultiSelect.Up = withHelp(km.MultiSelect.Up, "up/down", h("key.choose"))
	km.MultiSelect.Down = withHelp(km.MultiSelect.Down, "", "")
	km.MultiSelect.Toggle = withHelp(km.MultiSelect.Toggle, "space", h("key.toggle"))
	km.MultiSelect.Next = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", h("key.next")))
	km.MultiSelect.Submit = withHelp(km.MultiSelect.Submit, "enter", h("key.next"))
	km.MultiSelect.Prev = withHelp(km.MultiSelect.Prev, "", "") // our esc/shift+tab "back" stands for it
	km.MultiSelect.Filter.SetEnabled(false)
	km.MultiSelect.SetFilter.SetEnabled(false)
	km.MultiSelect.ClearFilter.SetEnabled(false)
	km.MultiSelect.SelectAll = withHelp(km.MultiSelect.SelectAll, "ctrl+a", h("key.all"))
	km.MultiSelect.SelectNone = withHelp(km.MultiSelect.SelectNone, "ctrl+a", h("key.all"))
	km.MultiSelect.HalfPageUp = withHelp(km.MultiSelect.HalfPageUp, "ctrl+u", h("key.page"))
	km.MultiSelect.HalfPageDown = withHelp(km.MultiSelect.HalfPageDown, "ctrl+d", h("key.page"))
	km.MultiSelect.GotoTop = withHelp(km.MultiSelect.GotoTop, "home", h("key.scroll"))
	km.MultiSelect.GotoBottom = withHelp(km.MultiSelect.GotoBottom, "end", h("key.scroll"))

	km.Input.AcceptSuggestion.SetEnabled(false)
	km.Input.Prev = withHelp(km.Input.Prev, "", "") // our esc/shift+tab "back" stands for it
	km.Input.Next = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", h("key.next")))
	km.Input.Submit = withHelp(km.Input.Submit, "enter", h("key.next"))

	km.Text.Prev = withHelp(km.Text.Prev, "", "") // our esc/shift+tab "back" stands for it
	km.Text.Next = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", h("key.next")))
	km.Text.Submit = withHelp(km.Text.Submit, "enter", h("key.next"))
	km.Text.NewLine = withHelp(km.Text.NewLine, "alt+enter", h("key.newline"))
	km.Text.Editor.SetEnabled(false)

	km.Confirm.Prev = withHelp(km.Confirm.Prev, "", "") // our esc/shift+tab "back" stands for it
	km.Confirm.Next = withHelp(km.Confirm.Next, "enter", h("key.next"))
	km.Confirm.Submit = withHelp(km.Confirm.Submit, "enter", h("key.next"))
	km.Confirm.Toggle = withHelp(km.Confirm.Toggle, "left/right", h("key.choose"))
	km.Confirm.Accept = withHelp(km.Confirm.Accept, "y", h("key.yes"))
	km.Confirm.Reject = withHelp(km.Confirm.Reject, "n", h("key.no"))

	km.Note.Prev = withHelp(km.Note.Prev, "", "") // our esc/shift+tab "back" stands for it
	km.Note.Next = withHelp(km.Note.Next, "enter", h("key.next"))
	km.Note.Submit = withHelp(km.Note.Submit, "enter", h("key.next"))

	for _, b := range []*key.Binding{&km.FilePicker.Open, &km.FilePicker.Close, &km.FilePicker.GotoTop,
		&km.FilePicker.GotoBottom, &km.FilePicker.PageUp, &km.FilePicker.PageDown, &km.FilePicker.Back,
		&km.FilePicker.Select, &km.FilePicker.Up, &km.FilePicker.Down, &km.FilePicker.Prev,
		&km.FilePicker.Next, &km.FilePicker.Submit} {
		b.SetEnabled(false)
	}
	return km
}

// helpItems are the "key what" items of binds: bindings that are disabled or have no help,
// and repeated entries, are left out.
func helpItems(binds []key.Binding) []string {
	var items []string
	seen := map[string]bool{}
	for _, b := range binds {
		hp := b.Help()
		if !b.Enabled() || hp.Key == "" {
			continue
		}
		id := hp.Key + "\x00" + hp.Desc
		if seen[id] {
			continue
		}
		seen[id] = true
		items = append(items, hp.Key+" "+hp.Desc)
	}
	return items
}

// HelpSentence is the help of binds that speak in sentences (the kiosk's, for patients):
// their help texts, in order, each once.
func HelpSentence(binds ...key.Binding) string {
	var out []string
	for _, b := range binds {
		if d := b.Help().Desc; b.Enabled() && d != "" && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return strings.Join(out, " ")
}

// HelpLines renders key bindings as "key what  key what", wrapped to width at the items (a
// narrow screen gets more lines, never a cut one); bindings that are disabled or have no
// help, and repeated entries, are left out. Every screen's key help is drawn by it.
func HelpLines(st *Styles, width int, binds ...key.Binding) []string {
	items := helpItems(binds)
	// Wrap at item boundaries, then style each item.
	var lines []string
	cur, curW := "", 0
	for _, it := range items {
		w := textWidth(it)
		if curW > 0 && curW+2+w > width {
			lines = append(lines, cur)
			cur, curW = "", 0
		}
		if curW > 0 {
			cur += "  "
			curW += 2
		}
		k, d, _ := cut(it)
		cur += st.KeyName.Render(k) + " " + st.KeyDesc.Render(d)
		curW += w
	}
	if curW > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// KioskKeys are the kiosk's key bindings. Patients read sentences, not "key what" pairs: the
// help of a screen's bindings is that screen's sentence from the kiosk's catalogue (h), on
// the binding that goes on (HelpSentence shows it).
type KioskKeys struct {
	// Locked are never given to a screen (lockdown): they would quit, suspend or end input.
	Locked key.Binding
	// Staff opens the staff PIN prompt from any patient screen (F12, ctrl+]).
	Staff key.Binding

	// The welcome screen: the language before or after the one chosen, go on, or a
	// language by its number.
	LangPrev, LangNext, LangGo, LangNumber key.Binding

	// The details screen: the next or previous field, enter (check the field, go on), esc
	// (back to the welcome screen).
	FieldNext, FieldPrev, FieldEnter, FieldBack key.Binding

	// The staff screens: the PIN prompt (enter, esc), the menu (up, down, enter, esc), the
	// folder prompt (enter, esc), a yes/no question.
	PINEnter, PINClose                key.Binding
	MenuUp, MenuDown, MenuGo, MenuEsc key.Binding
	DirSave, DirCancel                key.Binding
	Yes, No                           key.Binding
}

// NewKioskKeys returns the kiosk's key bindings, their help sentences from h (the kiosk's
// catalogue in the language of the screen).
func NewKioskKeys(h func(key string) string) *KioskKeys {
	return &KioskKeys{
		Locked: key.NewBinding(key.WithKeys("ctrl+c", "ctrl+z", "ctrl+\\", "ctrl+d")),
		Staff:  key.NewBinding(key.WithKeys("f12", "ctrl+]")),

		LangPrev:   key.NewBinding(key.WithKeys("left", "h", "shift+tab", "up", "k")),
		LangNext:   key.NewBinding(key.WithKeys("right", "l", "tab", "down", "j")),
		LangGo:     key.NewBinding(key.WithKeys("enter", " "), key.WithHelp("up/down enter", h("welcome.keys"))),
		LangNumber: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9")),

		FieldNext:  key.NewBinding(key.WithKeys("tab", "down")),
		FieldPrev:  key.NewBinding(key.WithKeys("shift+tab", "up")),
		FieldEnter: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter esc", h("details.keys"))),
		FieldBack:  key.NewBinding(key.WithKeys("esc")),

		PINEnter:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter esc", h("pin.prompt"))),
		PINClose:  key.NewBinding(key.WithKeys("esc")),
		MenuUp:    key.NewBinding(key.WithKeys("up", "k", "shift+tab")),
		MenuDown:  key.NewBinding(key.WithKeys("down", "j", "tab")),
		MenuGo:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("up/down enter esc", h("staff.keys"))),
		MenuEsc:   key.NewBinding(key.WithKeys("esc")),
		DirSave:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter esc", h("staff.dir.keys"))),
		DirCancel: key.NewBinding(key.WithKeys("esc")),
		Yes:       key.NewBinding(key.WithKeys("y", "Y")),
		No:        key.NewBinding(key.WithKeys("n", "N", "esc")),
	}
}

// InboxKeys are the staff inbox's key bindings, their help words from the inbox's catalogue.
type InboxKeys struct {
	Quit key.Binding // ctrl+c: quits from anywhere

	// The list.
	Leave, Up, Down, PageUp, PageDown, Top, Bottom, Open, Pending key.Binding
	// The list and an open summary: mark reviewed, delete, export, print.
	Reviewed, Delete, Export, Print key.Binding
	// An open summary.
	Back, LineUp, LineDown, ViewPageUp, ViewPageDown key.Binding
	// The delete question and the export prompt.
	Yes, No, Save, Cancel key.Binding
}

// NewInboxKeys returns the inbox's key bindings, their help words from h (the inbox's
// catalogue in the staff's language).
func NewInboxKeys(h func(key string) string) *InboxKeys {
	return &InboxKeys{
		Quit: key.NewBinding(key.WithKeys("ctrl+c")),

		Leave:    key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", h("key.quit"))),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/down", h("key.choose"))),
		Down:     key.NewBinding(key.WithKeys("down", "j")),
		PageUp:   key.NewBinding(key.WithKeys("pgup")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", " ")),
		Top:      key.NewBinding(key.WithKeys("home", "g")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", h("key.open"))),
		Pending:  key.NewBinding(key.WithKeys("u"), key.WithHelp("u", h("key.pending"))),

		Reviewed: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", h("key.reviewed"))),
		Delete:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", h("key.delete"))),
		Export:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", h("key.export"))),
		Print:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", h("key.print"))),

		Back:         key.NewBinding(key.WithKeys("esc", "q", "backspace", "left"), key.WithHelp("esc", h("key.back"))),
		LineUp:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("up/down/pgup/pgdn", h("key.scroll"))),
		LineDown:     key.NewBinding(key.WithKeys("down", "j")),
		ViewPageUp:   key.NewBinding(key.WithKeys("pgup", "b")),
		ViewPageDown: key.NewBinding(key.WithKeys("pgdown", " ", "f")),

		Yes:    key.NewBinding(key.WithKeys("y", "Y")),
		No:     key.NewBinding(key.WithKeys("n", "N", "esc", "q")),
		Save:   key.NewBinding(key.WithKeys("enter")),
		Cancel: key.NewBinding(key.WithKeys("esc")),
	}
}

// ListHelp is the help line of the inbox's list.
func (k *InboxKeys) ListHelp() []key.Binding {
	return []key.Binding{k.Up, k.Open, k.Reviewed, k.Export, k.Print, k.Delete, k.Pending, k.Leave}
}

// ViewHelp is the help line of an open summary.
func (k *InboxKeys) ViewHelp() []key.Binding {
	return []key.Binding{k.LineUp, k.Reviewed, k.Export, k.Print, k.Delete, k.Back}
}
