package ui

import (
	"strings"
	"sync"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"
	"github.com/exoscreen/exoscreen/internal/linebreak"
	"github.com/exoscreen/exoscreen/screening"
)

// Styles are every style of the interactive screens, in one place. Build them with NewStyles
// from the renderer of the terminal they are shown on: lipgloss.DefaultRenderer() for the
// local terminal, or the session's renderer over SSH (bubbletea.MakeRenderer), so that colour
// support and NO_COLOR are those of that terminal.
//
// The default theme uses no East-Asian-ambiguous glyphs (no ┃ • → ※ ○ … ✓): on Japanese
// terminals they take two cells and break the layout. Markers are plain ASCII: "> " for the
// cursor, "[x]" and "[ ]" for ticks, "|" and "-" for rules.
type Styles struct {
	Renderer *lipgloss.Renderer

	App        lipgloss.Style // the whole screen
	Header     lipgloss.Style // top line: product name
	Section    lipgloss.Style // section title in the header
	Progress   lipgloss.Style // "question n of m"
	Rule       lipgloss.Style // the line under the header
	Title      lipgloss.Style // a question or screen title
	Text       lipgloss.Style // ordinary text
	Help       lipgloss.Style // secondary text (question help, hints)
	Cursor     lipgloss.Style // the line the cursor is on in a list
	Button     lipgloss.Style // a focused button
	KeyName    lipgloss.Style // a key in the help line
	KeyDesc    lipgloss.Style // what the key does
	Error      lipgloss.Style // error and validation messages
	OK         lipgloss.Style // success messages (saved)
	Confirm    lipgloss.Style // the 要確認 / CONFIRM mark
	Heading    lipgloss.Style // headings inside the summary
	Answer     lipgloss.Style // an answer in the review and summary
	ScrollHint lipgloss.Style // "(more below)"

	// Verdict and Class are the verdict badge and class headings, by class. The words always
	// say the class; colour only repeats it.
	Verdict [3]lipgloss.Style
	Class   [3]lipgloss.Style

	huhOnce     sync.Once
	huhTheme    *huh.Theme // built once, on first use
	huhUnchosen *huh.Theme // the same with no cursor in a choice list
}

// measureWidth is the width text is wrapped to on a screen width cells wide: one cell of margin
// on each side, at most the readable measure (linebreak.Measure: a wide terminal leaves the
// rest empty), at least 20.
func measureWidth(width int) int { return max(min(width-2, linebreak.Measure), 20) }

// NewStyles builds the default theme on r (lipgloss.DefaultRenderer() when nil).
func NewStyles(r *lipgloss.Renderer) *Styles {
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	n := r.NewStyle
	red := lipgloss.AdaptiveColor{Light: "#B00020", Dark: "#FF6B6B"}
	amber := lipgloss.AdaptiveColor{Light: "#8A5A00", Dark: "#FFC857"}
	green := lipgloss.AdaptiveColor{Light: "#1B6E20", Dark: "#7BD389"}
	accent := lipgloss.AdaptiveColor{Light: "#1F4E9E", Dark: "#8AB4F8"}
	faint := lipgloss.AdaptiveColor{Light: "#555555", Dark: "#A0A0A0"}
	s := &Styles{
		Renderer:   r,
		App:        n(),
		Header:     n().Bold(true).Foreground(accent),
		Section:    n().Bold(true),
		Progress:   n().Foreground(faint),
		Rule:       n().Foreground(faint),
		Title:      n().Bold(true),
		Text:       n(),
		Help:       n().Foreground(faint),
		Cursor:     n().Bold(true).Foreground(accent),
		Button:     n().Bold(true).Reverse(true),
		KeyName:    n().Bold(true),
		KeyDesc:    n().Foreground(faint),
		Error:      n().Bold(true).Foreground(red),
		OK:         n().Bold(true).Foreground(green),
		Confirm:    n().Bold(true).Foreground(amber),
		Heading:    n().Bold(true).Underline(true),
		Answer:     n().Foreground(accent),
		ScrollHint: n().Foreground(faint).Italic(true),
	}
	s.Verdict[screening.None] = n().Bold(true).Foreground(lipgloss.Color("0")).Background(lipgloss.Color("2")).Padding(0, 1)
	s.Verdict[screening.Relative] = n().Bold(true).Foreground(lipgloss.Color("0")).Background(lipgloss.Color("3")).Padding(0, 1)
	s.Verdict[screening.Absolute] = n().Bold(true).Foreground(lipgloss.Color("15")).Background(lipgloss.Color("1")).Padding(0, 1)
	s.Class[screening.None] = n().Bold(true).Foreground(green)
	s.Class[screening.Relative] = n().Bold(true).Foreground(amber)
	s.Class[screening.Absolute] = n().Bold(true).Foreground(red)
	return s
}

// HuhTheme is the huh theme matching s: no borders, ASCII markers only, every style built on
// s.Renderer.
// The theme is built once per Styles: build Styles with NewStyles, and change a field of the
// returned theme only before the first form is made.
func (s *Styles) HuhTheme() *huh.Theme {
	s.huhOnce.Do(s.buildHuhThemes)
	return s.huhTheme
}

// HuhThemeUnchosen is HuhTheme for a choice list in which nothing is chosen yet: no cursor
// and no highlighted option (huh's Select always has its cursor on an option).
func (s *Styles) HuhThemeUnchosen() *huh.Theme {
	s.huhOnce.Do(s.buildHuhThemes)
	return s.huhUnchosen
}

func (s *Styles) buildHuhThemes() {
	s.huhTheme = s.newHuhTheme()
	t := *s.huhTheme
	t.Focused.SelectSelector = s.Renderer.NewStyle().SetString("  ")
	t.Focused.SelectedOption = s.Text
	t.Focused.MultiSelectSelector = s.Renderer.NewStyle().SetString("  ")
	s.huhUnchosen = &t
}

func (s *Styles) newHuhTheme() *huh.Theme {
	n := s.Renderer.NewStyle
	var t huh.Theme
	t.Form.Base = n()
	t.Group.Base = n()
	t.Group.Title = s.Title
	t.Group.Description = s.Help
	t.FieldSeparator = n().SetString("\n\n")

	f := &t.Focused
	f.Base = n()
	f.Card = n()
	f.Title = s.Title
	f.NoteTitle = s.Title
	f.Description = s.Help
	f.ErrorIndicator = s.Error.SetString(" *")
	f.ErrorMessage = s.Error.SetString(strings.TrimSpace(errPrefix)) // "! message"
	f.SelectSelector = s.Cursor.SetString("> ")
	f.Option = s.Text
	f.NextIndicator = n().MarginLeft(1).SetString(">")
	f.PrevIndicator = n().MarginRight(1).SetString("<")
	f.Directory = s.Text
	f.File = s.Text
	f.MultiSelectSelector = s.Cursor.SetString("> ")
	f.SelectedOption = s.Cursor
	f.SelectedPrefix = s.Cursor.SetString("[x] ")
	f.UnselectedOption = s.Text
	f.UnselectedPrefix = s.Text.SetString("[ ] ")
	f.TextInput.Cursor = s.Cursor
	f.TextInput.CursorText = n()
	f.TextInput.Placeholder = s.Help
	f.TextInput.Prompt = s.Cursor
	f.TextInput.Text = s.Text
	f.FocusedButton = s.Button.Padding(0, 1).MarginRight(1)
	f.BlurredButton = n().Padding(0, 1).MarginRight(1)
	f.Next = s.Button.Padding(0, 1)

	t.Blurred = t.Focused
	t.Blurred.SelectSelector = n().SetString("  ")
	t.Blurred.MultiSelectSelector = n().SetString("  ")
	t.Blurred.NextIndicator = n()
	t.Blurred.PrevIndicator = n()

	t.Help = s.HelpStyles()
	return &t
}

// HelpStyles are the styles of a bubbles help line: ASCII separators only.
func (s *Styles) HelpStyles() help.Styles {
	n := s.Renderer.NewStyle
	return help.Styles{
		Ellipsis:       s.KeyDesc.SetString("..."),
		ShortKey:       s.KeyName,
		ShortDesc:      s.KeyDesc,
		ShortSeparator: s.KeyDesc.SetString("  "),
		FullKey:        s.KeyName,
		FullDesc:       s.KeyDesc,
		FullSeparator:  n().SetString("    "),
	}
}
