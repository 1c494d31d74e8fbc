package kiosk

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/screening"
)

// welcomeLangs are the language buttons of the welcome screen, in order.
var welcomeLangs = []screening.Lang{screening.JA, screening.EN}

func (m *Model) welcomeKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "left", "h", "shift+tab", "up":
		m.langSel = 0
	case "right", "l", "tab", "down":
		m.langSel = 1
	case "1":
		m.langSel = 0
	case "2":
		m.langSel = 1
	case "enter", " ":
		m.lang = welcomeLangs[m.langSel]
		if len(m.opt.Details) > 0 {
			m.setState(stDetails)
			m.det.focus = 0
			return m, tea.Batch(m.det.focusCmd(), m.idleTimer())
		}
		return m, m.startScreening()
	}
	return m, nil
}

// welcomeTap handles a tap at x, y on the welcome screen: on a language button it chooses that
// language; a second tap on the chosen one goes on, as enter does.
func (m *Model) welcomeTap(x, y int) (tea.Model, tea.Cmd) {
	for row, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		ja, en := strings.Index(l, "日本語"), strings.Index(l, "English")
		if ja < 0 || en < 0 {
			continue // not the row of the buttons' labels
		}
		if y < row-1 || y > row+1 { // the buttons are three rows high
			return m, nil
		}
		// The border between the buttons: halfway from the end of one label to the other.
		mid := (ansi.StringWidth(l[:ja]) + ansi.StringWidth("日本語") + ansi.StringWidth(l[:en])) / 2
		i := 0
		if x >= mid {
			i = 1
		}
		if i == m.langSel {
			return m.welcomeKey(tea.KeyMsg{Type: tea.KeyEnter})
		}
		m.langSel = i
		return m, nil
	}
	return m, nil
}

// welcomeView is the first screen: both languages, large buttons, nothing of anybody.
func (m *Model) welcomeView() string {
	st := m.st
	title := st.Title.Padding(0, 2)
	btn := func(i int, label string) string {
		s := st.Renderer.NewStyle().Padding(1, 4).Margin(0, 2)
		if i == m.langSel {
			return st.Button.Inherit(s).Render("> " + label + " <")
		}
		return s.Render("  " + label + "  ")
	}
	buttons := lipgloss.JoinHorizontal(lipgloss.Center, btn(0, "日本語"), btn(1, "English"))
	heading := title.Render(tr(screening.JA, "welcome.title") + "  /  " + tr(screening.EN, "welcome.title"))
	full := lipgloss.JoinVertical(lipgloss.Center,
		heading,
		"",
		m.paragraph(st.Text, tr(screening.JA, "welcome.intro")),
		m.paragraph(st.Text, tr(screening.EN, "welcome.intro")),
		"",
		m.paragraph(st.Text, tr(screening.JA, "welcome.choose")),
		m.paragraph(st.Text, tr(screening.EN, "welcome.choose")),
		"",
		buttons,
		"",
		m.paragraph(st.Help, tr(screening.JA, "welcome.keys")),
		m.paragraph(st.Help, tr(screening.EN, "welcome.keys")),
	)
	if !m.hasSize || lipgloss.Height(full) <= m.height {
		return full
	}
	// A short terminal (a tablet's 40x12): without the introduction and the blank lines,
	// rather than losing the top lines, the welcome among them, above the screen's edge.
	return lipgloss.JoinVertical(lipgloss.Center,
		heading,
		m.paragraph(st.Text, tr(screening.JA, "welcome.choose")),
		m.paragraph(st.Text, tr(screening.EN, "welcome.choose")),
		buttons,
		m.paragraph(st.Help, tr(screening.JA, "welcome.keys")),
		m.paragraph(st.Help, tr(screening.EN, "welcome.keys")),
	)
}
