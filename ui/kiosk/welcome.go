package kiosk

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/ui"
)

// welcomeLangs are the language buttons of the welcome screen, in order: the rule set's
// declared languages.
func (m *Model) welcomeLangs() []screening.Lang { return m.opt.RuleSet.Langs() }

func (m *Model) welcomeKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	langs := m.welcomeLangs()
	switch {
	case key.Matches(k, m.keys.LangPrev):
		m.langSel = max(m.langSel-1, 0)
	case key.Matches(k, m.keys.LangNext):
		m.langSel = min(m.langSel+1, len(langs)-1)
	case key.Matches(k, m.keys.LangGo):
		m.lang = langs[m.langSel]
		if len(m.opt.Details) > 0 {
			m.setState(stDetails)
			m.det.focus = 0
			return m, tea.Batch(m.det.focusCmd(), m.idleTimer())
		}
		return m, m.startScreening()
	case key.Matches(k, m.keys.LangNumber):
		if n := int(k.String()[0] - '1'); n < len(langs) {
			m.langSel = n
		}
	}
	return m, nil
}

// welcomeTap handles a tap at x, y on the welcome screen: on a language button it chooses that
// language; a second tap on the chosen one goes on, as enter does.
func (m *Model) welcomeTap(x, y int) (tea.Model, tea.Cmd) {
	_ = x // a button is a whole row
	rows := strings.Split(ansi.Strip(m.View()), "\n")
	if y < 0 || y >= len(rows) {
		return m, nil
	}
	label := strings.Trim(strings.TrimSpace(rows[y]), "<> ")
	for i, l := range m.welcomeLangs() {
		if label != m.opt.RuleSet.LangName(l) {
			continue
		}
		if i == m.langSel {
			return m.welcomeKey(tea.KeyMsg{Type: tea.KeyEnter})
		}
		m.langSel = i
		return m, nil
	}
	return m, nil
}

// welcomeView is the first screen: one button for each language, named in itself, and the
// words of the screen in the language under the cursor; nothing of anybody.
func (m *Model) welcomeView() string {
	st := m.st
	langs := m.welcomeLangs()
	sel := langs[min(m.langSel, len(langs)-1)]
	title := st.Title.Padding(0, 2)
	var buttons []string
	for i, l := range langs {
		name := m.opt.RuleSet.LangName(l)
		if i == m.langSel {
			buttons = append(buttons, st.Button.Padding(0, 2).Render("> "+name+" <"))
		} else {
			buttons = append(buttons, st.Renderer.NewStyle().Padding(0, 2).Render("  "+name+"  "))
		}
	}
	// The greeting in every language, so that each patient finds a word they read.
	greet := make([]string, len(langs))
	for i, l := range langs {
		greet[i] = tr(l, "welcome.title")
	}
	parts := []string{
		title.Render(wrapPlain(strings.Join(greet, " / "), max(m.width-4, 10))),
		"",
		m.paragraph(st.Text, tr(sel, "welcome.intro")),
		m.paragraph(st.Text, tr(sel, "welcome.choose")),
		"",
		lipgloss.JoinVertical(lipgloss.Center, buttons...),
		"",
		m.paragraph(st.Help, ui.HelpSentence(m.keysFor(sel).LangGo)),
	}
	if l, ok := m.opt.RuleSet.Language(sel); ok && !l.Reviewed {
		parts = append(parts, m.paragraph(st.Help, tr(sel, "unreviewed")))
	}
	return lipgloss.JoinVertical(lipgloss.Center, parts...)
}
