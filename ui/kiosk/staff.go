package kiosk

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/exoscreen/exoscreen/internal/fserr"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui"
)

// openPIN shows the staff PIN prompt over the current screen.
func (m *Model) openPIN() (tea.Model, tea.Cmd) {
	if m.state != stIdle {
		m.prev = m.state
	}
	m.setState(stPIN)
	m.pin = textinput.New()
	m.pin.EchoMode = textinput.EchoPassword
	m.pin.EchoCharacter = '*'
	m.pin.CharLimit = MaxPINLength
	m.pin.Prompt = "PIN: "
	m.pin.Width = 20
	m.pinMsg = ""
	cmds := []tea.Cmd{m.pin.Focus(), m.idleTimer()}
	if m.opt.Guard != nil && m.opt.Guard.LockedFor(m.clock.Now()) > 0 {
		cmds = append(cmds, m.tick(), m.checkUnlock())
	}
	return m, tea.Batch(cmds...)
}

// unlockMsg carries the time of the latest unlock request (zero: none).
type unlockMsg struct{ at time.Time }

// checkUnlock asks, in a tea.Cmd, whether staff asked to release the PIN lockout from
// elsewhere (Options.UnlockRequested: exoscreen kiosk-unlock).
func (m *Model) checkUnlock() tea.Cmd {
	f := m.opt.UnlockRequested
	if f == nil {
		return nil
	}
	return func() tea.Msg { return unlockMsg{at: f()} }
}

// unlocked releases the lockout when the request is newer than the wrong tries.
func (m *Model) unlocked(msg unlockMsg) (tea.Model, tea.Cmd) {
	if m.opt.Guard != nil && m.opt.Guard.Release(msg.at) && m.state == stPIN {
		m.pinMsg = tr(m.opt.Lang, "pin.released")
	}
	return m, nil
}

// closeStaff leaves the staff screens for the screen under them.
func (m *Model) closeStaff() (tea.Model, tea.Cmd) {
	m.pin = textinput.Model{}
	m.dirInput = textinput.Model{}
	m.staffMsg, m.pinMsg, m.confirm = "", "", ""
	switch {
	case m.pending != nil && m.state != stPIN:
		m.setState(stFailed)
		return m, nil
	case m.prev == stWelcome || m.prev == stFailed && m.pending == nil:
		return m, m.wipe()
	case m.prev == stDetails:
		m.setState(stDetails)
		return m, tea.Batch(m.det.focusCmd(), m.idleTimer())
	case m.prev == stScreening:
		m.setState(stScreening)
		return m, m.idleTimer()
	case m.prev == stDone:
		m.setState(stDone)
		return m, m.tick()
	}
	m.setState(m.prev)
	return m, nil
}

func (m *Model) pinKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.PINClose):
		return m.closeStaff()
	case key.Matches(k, m.keys.PINEnter):
		now := m.clock.Now()
		g := m.opt.Guard
		try := m.pin.Value()
		m.pin.SetValue("")
		if g == nil {
			return m, nil
		}
		if g.LockedFor(now) > 0 {
			return m, nil
		}
		if g.Check(now, try) {
			m.pinMsg = ""
			m.pin = textinput.Model{}
			m.setState(stStaff)
			m.staffSel = 0
			m.staffMsg = ""
			return m, m.idleTimer()
		}
		if g.LockedFor(now) > 0 {
			return m, m.tick()
		}
		m.pinMsg = tr(m.opt.Lang, "pin.wrong", g.TriesLeft())
		return m, nil
	}
	if m.opt.Guard != nil && m.opt.Guard.LockedFor(m.clock.Now()) > 0 {
		return m, nil
	}
	var cmd tea.Cmd
	m.pin, cmd = m.pin.Update(k)
	return m, cmd
}

func (m *Model) pinView() string {
	st, l := m.st, m.opt.Lang
	parts := []string{st.Title.Render(tr(l, "pin.title")), "", m.paragraph(st.Help, ui.HelpSentence(m.keys.PINEnter)), ""}
	if g := m.opt.Guard; g != nil && g.LockedFor(m.clock.Now()) > 0 {
		parts = append(parts, m.paragraph(st.Error, tr(l, "pin.locked", m.seconds(m.clock.Now().Add(g.LockedFor(m.clock.Now()))))))
	} else {
		parts = append(parts, m.pin.View())
		if m.pinMsg != "" {
			parts = append(parts, "", m.paragraph(st.Error, m.pinMsg))
		}
	}
	return lipgloss.JoinVertical(lipgloss.Center, parts...)
}

// staffItem is one entry of the staff menu.
type staffItem struct{ key, action string }

func (m *Model) staffItems() []staffItem {
	items := []staffItem{{"staff.resume", "resume"}}
	if m.pending != nil {
		items = append(items, staffItem{"staff.retry", "retry"})
		if m.opt.SaveIn != nil {
			items = append(items, staffItem{"staff.elsewhere", "elsewhere"})
		}
		items = append(items, staffItem{"staff.discard", "discard"})
	}
	return append(items, staffItem{"staff.exit", "exit"})
}

func (m *Model) staffKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	items := m.staffItems()
	m.staffSel = min(m.staffSel, len(items)-1)
	switch {
	case key.Matches(k, m.keys.MenuEsc):
		return m.closeStaff()
	case key.Matches(k, m.keys.MenuUp):
		m.staffSel = (m.staffSel + len(items) - 1) % len(items)
	case key.Matches(k, m.keys.MenuDown):
		m.staffSel = (m.staffSel + 1) % len(items)
	case key.Matches(k, m.keys.MenuGo):
		m.staffMsg = ""
		switch items[m.staffSel].action {
		case "resume":
			return m.closeStaff()
		case "retry":
			return m, m.save(stStaff, nil)
		case "elsewhere":
			m.setState(stStaffDir)
			m.dirInput = textinput.New()
			m.dirInput.Prompt = "> "
			m.dirInput.Width = 50
			m.dirInput.CharLimit = 4096
			return m, tea.Batch(m.dirInput.Focus(), m.idleTimer())
		case "discard":
			m.confirm = "discard"
			m.setState(stStaffConfirm)
			return m, m.idleTimer()
		case "exit":
			if m.pending == nil {
				return m.quit()
			}
			m.confirm = "exit"
			m.setState(stStaffConfirm)
			return m, m.idleTimer()
		}
	}
	return m, nil
}

func (m *Model) staffDirKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.DirCancel):
		m.setState(stStaff)
		return m, m.idleTimer()
	case key.Matches(k, m.keys.DirSave):
		dir := strings.TrimSpace(m.dirInput.Value())
		if dir == "" {
			return m, nil
		}
		m.setState(stStaff)
		return m, tea.Batch(m.save(stStaff, &dir), m.idleTimer())
	}
	var cmd tea.Cmd
	m.dirInput, cmd = m.dirInput.Update(k)
	return m, cmd
}

func (m *Model) staffConfirmKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Yes):
		if m.confirm == "exit" {
			return m.quit()
		}
		m.confirm = ""
		m.prev = stWelcome
		m.pending.ans.Clear()
		m.pending = nil
		m.setState(stStaff)
		m.staffSel = 0
		return m, m.idleTimer()
	case key.Matches(k, m.keys.No):
		m.confirm = ""
		m.setState(stStaff)
		return m, m.idleTimer()
	}
	return m, nil
}

func (m *Model) staffView() string {
	st, l := m.st, m.opt.Lang
	parts := []string{st.Title.Render(tr(l, "staff.title")), ""}
	if m.opt.Where != "" {
		parts = append(parts, m.paragraph(st.Help, tr(l, "staff.outbox", export.Sanitize(m.opt.Where))), "")
	}
	for _, w := range m.opt.Warnings {
		parts = append(parts, m.paragraph(st.Error, tr(l, "staff.warning", export.Sanitize(w))))
	}
	if len(m.opt.Warnings) > 0 {
		parts = append(parts, "")
	}
	if m.pending != nil {
		reason := ""
		if m.saveErr != nil {
			reason = m.reason(m.saveErr)
		}
		parts = append(parts, m.paragraph(st.Error, tr(l, "staff.pending", reason)), "")
	}
	switch m.state {
	case stStaffDir:
		parts = append(parts, m.paragraph(st.Text, tr(l, "staff.dir")), m.dirInput.View(), "", m.paragraph(st.Help, ui.HelpSentence(m.keys.DirSave)))
		return lipgloss.JoinVertical(lipgloss.Center, parts...)
	case stStaffConfirm:
		parts = append(parts, m.paragraph(st.Confirm, tr(l, "staff.confirm."+m.confirm)))
		return lipgloss.JoinVertical(lipgloss.Center, parts...)
	}
	var b strings.Builder
	for i, it := range m.staffItems() {
		if i == m.staffSel {
			b.WriteString(st.Cursor.Render("> "+tr(l, it.key)) + "\n")
		} else {
			b.WriteString("  " + tr(l, it.key) + "\n")
		}
	}
	parts = append(parts, m.block(strings.TrimRight(b.String(), "\n")), "")
	if m.staffMsg != "" {
		style := st.OK
		if m.staffErr {
			style = st.Error
		}
		parts = append(parts, m.paragraph(style, export.Sanitize(m.staffMsg)), "")
	}
	parts = append(parts, m.paragraph(st.Help, ui.HelpSentence(m.keys.MenuGo)))
	return lipgloss.JoinVertical(lipgloss.Center, parts...)
}

// reason says why a save failed, in the staff language (internal/fserr, the one message
// catalogue of file errors).
func (m *Model) reason(err error) string { return fserr.Reason(err, m.opt.Lang) }
