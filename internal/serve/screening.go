package serve

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui"
	"github.com/exoscreen/exoscreen/ui/kiosk"
)

// screeningConfig configures the screening mode of one session.
type screeningConfig struct {
	Lang          screening.Lang
	Styles        *ui.Styles
	Clinic        string
	ShowResult    bool
	Idle          time.Duration
	Countdown     time.Duration
	Save          func(*screening.Result, export.Meta) (string, error)
	IdleWiped     func()
	Width, Height int
}

type scrState int

const (
	scrQuestions scrState = iota
	scrSaving
	scrSaved
	scrFailed
)

type (
	scrSavedMsg struct {
		id  string
		err error
	}
	scrIdleMsg struct{ gen int }
	scrTickMsg struct{ gen int }
)

// screeningModel is `--mode screening` for one session: the questionnaire and review
// (ui.Screening), then the result is written to the outbox (never to a file the patient
// names on the server's disk) and the summary is shown with the outbox number. ctrl+c asks
// before ending; a session idle for Idle and then Countdown is wiped and ended.
type screeningModel struct {
	cfg  screeningConfig
	st   *ui.Styles
	keys *ui.Keys

	state     scrState
	child     *ui.Screening
	summary   *ui.Summary
	pending   *ui.FinishedMsg
	id        string
	askQuit   bool
	idle      bool // "are you still there?"
	deadline  time.Time
	gen       int
	lastIn    time.Time
	terminate bool
	allowQuit bool
	wiped     bool // ended by the idle timeout

	width, height int
}

func newScreeningModel(rs *screening.RuleSet, cfg screeningConfig) *screeningModel {
	c := ui.Common{Styles: cfg.Styles, Lang: cfg.Lang, Width: cfg.Width, Height: cfg.Height}.Defaults(rs)
	cfg.Styles, cfg.Lang, cfg.Width, cfg.Height = c.Styles, c.Lang, c.Width, c.Height
	m := &screeningModel{cfg: cfg, st: cfg.Styles, keys: ui.NewKeys(cfg.Lang), width: cfg.Width, height: cfg.Height}
	m.child = ui.NewScreening(rs, ui.ScreeningOptions{
		Lang: cfg.Lang, Styles: cfg.Styles, Width: cfg.Width, Height: cfg.Height - 1,
	})
	return m
}

// screeningFilter lets a quit through only when the model ended itself (the middleware's
// own Quit on a vanished client is dropped: a save in progress finishes first).
func screeningFilter(model tea.Model, msg tea.Msg) tea.Msg {
	switch msg.(type) {
	case tea.QuitMsg:
		if m, ok := model.(*screeningModel); ok && m.allowQuit {
			return msg
		}
		return nil
	case tea.SuspendMsg, tea.InterruptMsg:
		return nil
	}
	return msg
}

// inProgress reports whether the session ended with a screening neither saved nor wiped.
func (m *screeningModel) inProgress() bool {
	return m.state != scrSaved && (m.child != nil && m.child.HasAnswers() || m.pending != nil)
}

func (m *screeningModel) Init() tea.Cmd {
	return tea.Batch(m.child.Init(), m.armIdle())
}

func (m *screeningModel) armIdle() tea.Cmd {
	m.lastIn = time.Now()
	gen := m.gen
	return tea.Tick(m.cfg.Idle, func(time.Time) tea.Msg { return scrIdleMsg{gen} })
}

func (m *screeningModel) quit() (tea.Model, tea.Cmd) {
	m.allowQuit = true
	return m, tea.Quit
}

// wipe forgets the screening and ends the session (the wipe is logged in a command, then
// the program quits).
func (m *screeningModel) wipe() (tea.Model, tea.Cmd) {
	m.child, m.summary, m.pending = nil, nil, nil
	m.allowQuit, m.wiped = true, true
	logged := m.cfg.IdleWiped
	if logged == nil {
		return m, tea.Quit
	}
	return m, tea.Sequence(func() tea.Msg { logged(); return nil }, tea.Quit)
}

func (m *screeningModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		// One line less: the status line is below the screen.
		return m, ui.Resize(tea.WindowSizeMsg{Width: msg.Width, Height: max(msg.Height-1, 1)}, m.child, m.summary)
	case kiosk.TerminateMsg:
		m.terminate = true
		if m.state == scrSaving {
			return m, nil // the save ends it
		}
		return m.quit()
	case scrIdleMsg:
		if msg.gen != m.gen || m.state == scrSaving {
			return m, nil
		}
		if rest := m.cfg.Idle - time.Since(m.lastIn); rest > 0 {
			gen := m.gen
			return m, tea.Tick(rest, func(time.Time) tea.Msg { return scrIdleMsg{gen} })
		}
		m.idle = true
		m.deadline = time.Now().Add(m.cfg.Countdown)
		return m, m.tick()
	case scrTickMsg:
		if msg.gen != m.gen || !m.idle {
			return m, nil
		}
		if !time.Now().Before(m.deadline) {
			return m.wipe()
		}
		return m, m.tick()
	case ui.FinishedMsg:
		if m.state != scrQuestions {
			return m, nil
		}
		m.pending = &msg
		m.child = nil
		return m, m.save()
	case scrSavedMsg:
		if msg.err != nil {
			m.state = scrFailed
			if m.terminate {
				return m.quit()
			}
			return m, nil
		}
		m.id = msg.id
		m.state = scrSaved
		if m.terminate {
			m.pending = nil
			return m.quit()
		}
		m.summary = ui.NewSummary(m.pending.Result, ui.SummaryOptions{
			Lang: m.cfg.Lang, Kiosk: true, Styles: m.st, Started: m.pending.Started, Finished: m.pending.Finished,
			Width: m.width, Height: max(m.height-1, 1),
		})
		m.pending.Answers.Clear()
		m.pending = nil
		m.gen++
		return m, tea.Batch(m.summary.Init(), m.armIdle())
	case ui.LeftAtStartMsg:
		return m, nil // there is nothing before the first question
	case tea.KeyMsg:
		return m.key(msg)
	}
	if m.child != nil {
		_, cmd := m.child.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *screeningModel) tick() tea.Cmd {
	gen := m.gen
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return scrTickMsg{gen} })
}

func (m *screeningModel) key(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	m.lastIn = time.Now()
	if m.idle {
		m.idle = false
		m.gen++
		return m, m.armIdle()
	}
	switch m.state {
	case scrSaving:
		return m, nil
	case scrSaved:
		if key.Matches(k, m.keys.Close, m.keys.Quit, m.keys.Cancel) {
			return m.quit()
		}
		_, cmd := m.summary.Update(k)
		return m, cmd
	case scrFailed:
		switch {
		case key.Matches(k, m.keys.Retry):
			return m, m.save()
		case key.Matches(k, m.keys.Close, m.keys.Quit):
			m.pending.Answers.Clear()
			m.pending = nil
			return m.quit()
		}
		return m, nil
	}
	if key.Matches(k, m.keys.Quit) {
		if m.askQuit || !m.child.HasAnswers() {
			return m.quit()
		}
		m.askQuit = true
		return m, nil
	}
	m.askQuit = false
	_, cmd := m.child.Update(k)
	return m, cmd
}

// save writes the pending result in a command; the summary is shown once it is on disk.
func (m *screeningModel) save() tea.Cmd {
	m.state = scrSaving
	p := m.pending
	meta := export.Meta{Lang: m.cfg.Lang, Time: p.Finished, Started: p.Started, Clinic: m.cfg.Clinic}
	save := m.cfg.Save
	return func() tea.Msg {
		id, err := save(p.Result, meta)
		return scrSavedMsg{id: id, err: err}
	}
}

func (m *screeningModel) View() string {
	var body, status string
	switch m.state {
	case scrQuestions:
		if m.child != nil {
			body = m.child.View()
		}
		if m.askQuit {
			status = m.st.Confirm.Render(tr(m.cfg.Lang, "scr.quit"))
		}
	case scrSaving:
		return m.centred(m.st.Title.Render(tr(m.cfg.Lang, "scr.saving")))
	case scrSaved:
		body = m.summary.View()
		status = m.st.OK.Render(tr(m.cfg.Lang, "scr.saved", m.id))
	case scrFailed:
		return m.centred(m.st.Error.Width(min(m.width-4, 70)).Render(tr(m.cfg.Lang, "scr.saveFailed")))
	}
	if m.idle {
		left := int((time.Until(m.deadline) + time.Second - 1) / time.Second)
		status = m.st.Confirm.Render(tr(m.cfg.Lang, "scr.idle", max(left, 0)))
	}
	return body + "\n" + status
}

// centred is a screen with only block in its middle (the saving and save-failed screens).
func (m *screeningModel) centred(block string) string {
	return ui.Frame{Body: []string{block}, Centre: true}.Render(m.width, m.height)
}
