// Package kiosk is the front-desk kiosk: one patient after another screens themselves, and
// each finished screening is handed to a save function (the outbox). Between patients
// nothing of the previous one survives in the model or on the screen.
//
// Lockdown: the model never quits the program unless staff give the PIN or the process is
// told to end (TerminateMsg); Filter, installed with tea.WithFilter, drops every other
// tea.QuitMsg, tea.SuspendMsg and tea.InterruptMsg, whatever model emits them.
package kiosk

import (
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui"
)

// Options configure a kiosk.
type Options struct {
	RuleSet *screening.RuleSet
	Styles  *ui.Styles // nil: ui.NewStyles(lipgloss.DefaultRenderer()) (ui.Common)

	// Lang is the staff's language (staff screens) and the language preselected on the
	// welcome screen; "" or one the rule set does not speak: its clinic language (ui.Common).
	Lang screening.Lang
	// Details are the patient details asked before the questions, in order; none: no screen.
	Details []Field
	// ShowResult shows the patient their result summary on the completion screen; by
	// default they are asked to tell the reception that they have finished.
	ShowResult bool
	// IdleTimeout is how long without input before "are you still there?" (default 2m);
	// IdleCountdown how long that screen waits before it wipes the screening (default 30s).
	IdleTimeout, IdleCountdown time.Duration
	// ResetAfter is how long the completion screen stays before the next patient's welcome
	// (default 15s, 45s with ShowResult); any key resets sooner.
	ResetAfter time.Duration
	// Guard checks the staff PIN; nil: staff cannot leave (only a signal ends the kiosk).
	Guard *Guard
	// Save writes a finished screening (the outbox) and returns its ID.
	Save func(res *screening.Result, m export.Meta) (string, error)
	// SaveIn writes a finished screening in another folder, from the staff screen.
	SaveIn func(dir string, res *screening.Result, m export.Meta) (string, error)
	// Where names the outbox on the staff screen.
	Where string
	// Warnings are shown on the staff menu (a loose outbox, a PIN from the environment):
	// printed before the kiosk starts, they would be covered by its screen at once.
	Warnings []string
	// UnlockRequested is the time staff last asked to release the PIN lockout from outside
	// the kiosk (exoscreen kiosk-unlock); zero: never. It may read a file: it is called in a
	// tea.Cmd while the PIN prompt is shown and locked. nil: no such way.
	UnlockRequested func() time.Time
	// Clinic is printed on the summaries.
	Clinic string
	// Clock is the clock; nil: the wall clock.
	Clock Clock
	// NewScreening makes the questionnaire step for one patient; nil: ui.NewScreening. The
	// step emits ui.FinishedMsg when confirmed and ui.LeftAtStartMsg to go back.
	NewScreening func(lang screening.Lang, width, height int) tea.Model
	// IdleWiped, when set, is run when the idle countdown wipes a patient's screening (the
	// SSH server logs it).
	IdleWiped tea.Cmd
}

// TerminateMsg ends the kiosk cleanly (SIGTERM, SIGHUP): it waits for a save in progress,
// never writes a half result, and quits.
type TerminateMsg struct{}

type state int

const (
	stWelcome state = iota
	stDetails
	stScreening
	stSaving
	stDone
	stFailed // the result could not be saved: the patient is asked to fetch staff
	stIdle   // "are you still there?"
	stPIN
	stStaff
	stStaffDir
	stStaffConfirm
)

type (
	idleCheckMsg struct{ gen int }
	tickMsg      struct{ gen int }
	saveDoneMsg  struct {
		gen int
		id  string
		err error
	}
	forceQuitMsg struct{}
)

// finished is a screening the patient completed, until it is saved.
type finished struct {
	res  *screening.Result
	ans  *screening.Answers
	meta export.Meta
}

// Model is the kiosk, a tea.Model. Use it as a pointer.
type Model struct {
	opt  Options
	st   *ui.Styles
	keys *ui.KioskKeys // in the staff's language
	// keysBy are the key bindings with their help in each language the screens may speak,
	// built once (the patient screens show the help of the patient's language).
	keysBy map[screening.Lang]*ui.KioskKeys
	clock  Clock

	state    state
	prev     state // the state under an overlay (idle, PIN, staff)
	gen      int   // bumped on every change of state: stale timers are ignored
	width    int
	height   int
	size     tea.WindowSizeMsg
	hasSize  bool
	lastIn   time.Time // last input (key or mouse)
	deadline time.Time // end of the idle countdown, the reset pause or the save wait

	// The current patient. wipe() drops all of it.
	lang     screening.Lang
	langSel  int
	det      *details
	patient  export.Patient
	child    tea.Model
	pending  *finished
	saveErr  error
	doneAt   time.Time
	lastSave string
	shown    *patientSummary // ShowResult: what the completion screen shows

	// Staff.
	pin        textinput.Model
	pinMsg     string
	staffSel   int
	staffMsg   string
	staffErr   bool
	dirInput   textinput.Model
	confirm    string // "discard" or "exit"
	terminate  bool
	allowQuit  bool
	savingFrom state
	saving     bool // a write is in progress
}

// New returns a kiosk on its welcome screen.
func New(opt Options) *Model {
	c := ui.Common{Styles: opt.Styles, Lang: opt.Lang}.Defaults(opt.RuleSet)
	opt.Styles, opt.Lang = c.Styles, c.Lang
	if opt.Clock == nil {
		opt.Clock = RealClock{} // the kiosk's clock also arms its timers: more than ui.Common's Now
	}
	if opt.IdleTimeout <= 0 {
		opt.IdleTimeout = 2 * time.Minute
	}
	if opt.IdleCountdown <= 0 {
		opt.IdleCountdown = 30 * time.Second
	}
	if opt.ResetAfter <= 0 {
		opt.ResetAfter = 15 * time.Second
		if opt.ShowResult {
			opt.ResetAfter = 45 * time.Second
		}
	}
	if opt.NewScreening == nil {
		rs, st, now := opt.RuleSet, opt.Styles, opt.Clock.Now
		opt.NewScreening = func(lang screening.Lang, w, h int) tea.Model {
			return ui.NewScreening(rs, ui.ScreeningOptions{Lang: lang, Kiosk: true, Styles: st, Now: now, Width: w, Height: h})
		}
	}
	keysBy := map[screening.Lang]*ui.KioskKeys{}
	for _, l := range append(opt.RuleSet.Langs(), c.Lang) {
		keysBy[l] = keysIn(l)
	}
	m := &Model{opt: opt, st: c.Styles, keys: keysBy[c.Lang], keysBy: keysBy, clock: opt.Clock, width: c.Width, height: c.Height}
	m.wipe()
	return m
}

// Filter is the program filter of a kiosk (tea.WithFilter(kiosk.Filter)): it lets a quit
// through only when staff or a signal ended the kiosk, and never suspends or interrupts.
func Filter(model tea.Model, msg tea.Msg) tea.Msg {
	switch msg.(type) {
	case tea.QuitMsg:
		if k, ok := model.(*Model); ok && k.allowQuit {
			return msg
		}
		return nil
	case tea.SuspendMsg, tea.InterruptMsg:
		return nil
	}
	return msg
}

// Pending reports whether a finished screening has not been saved (for the message printed
// when a signal ends the kiosk).
func (m *Model) Pending() bool { return m.pending != nil }

// InProgress reports whether a patient is under way: details, questions, the idle question,
// or a finished screening not yet saved (the SSH server logs a session that ends then as
// abandoned).
func (m *Model) InProgress() bool {
	s := m.state
	if m.overlay() || s == stIdle {
		s = m.prev
	}
	return m.pending != nil || s == stDetails || s == stScreening || s == stSaving
}

// Init starts the kiosk and turns on the mouse where the terminal reports it (a touch
// screen's taps arrive as clicks); Bubble Tea turns it off again on exit.
func (m *Model) Init() tea.Cmd { return tea.EnableMouseCellMotion }

// wipe forgets everything about the current patient and shows the welcome screen.
func (m *Model) wipe() tea.Cmd {
	if m.pending != nil {
		m.pending.ans.Clear()
		m.pending.res.Findings = nil
	}
	m.pending, m.saveErr, m.child, m.shown = nil, nil, nil, nil
	m.patient = export.Patient{}
	m.det = newDetails(m.opt.Details, m.st)
	m.lang = m.opt.Lang
	m.langSel = max(0, slices.Index(m.welcomeLangs(), m.lang))
	m.lastSave, m.staffMsg, m.pinMsg, m.confirm = "", "", "", ""
	m.pin = textinput.Model{}
	m.dirInput = textinput.Model{}
	m.prev = stWelcome
	m.setState(stWelcome)
	return tea.ClearScreen
}

// setState moves to s; timers of the earlier state become stale.
func (m *Model) setState(s state) {
	m.state = s
	m.gen++
}

// idleTimer arms the idle check for the current state.
func (m *Model) idleTimer() tea.Cmd {
	m.lastIn = m.clock.Now()
	return m.clock.After(m.opt.IdleTimeout, idleCheckMsg{m.gen})
}

// tick arms the one-second tick of a countdown.
func (m *Model) tick() tea.Cmd { return m.clock.After(time.Second, tickMsg{m.gen}) }

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height, m.size, m.hasSize = msg.Width, msg.Height, msg, true
		if m.child != nil {
			var cmd tea.Cmd
			m.child, cmd = m.child.Update(msg)
			return m, cmd
		}
		return m, nil
	case TerminateMsg:
		m.terminate = true
		if m.saving {
			// Let the write in progress finish (it is atomic either way), for at most 5 s.
			return m, m.clock.After(5*time.Second, forceQuitMsg{})
		}
		return m.quit()
	case forceQuitMsg:
		return m.quit()
	case idleCheckMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		return m.idleCheck()
	case tickMsg:
		if msg.gen != m.gen {
			return m, nil
		}
		return m.onTick()
	case saveDoneMsg:
		return m.saveDone(msg)
	case unlockMsg:
		return m.unlocked(msg)
	case ui.FinishedMsg:
		if m.child == nil || m.state != stScreening && m.prev != stScreening {
			return m, nil // not from the questionnaire on show (a wiped one, say)
		}
		return m.finish(msg)
	case ui.LeftAtStartMsg:
		if m.state != stScreening {
			return m, nil
		}
		if len(m.opt.Details) > 0 {
			m.setState(stDetails)
			return m, tea.Batch(m.det.focusCmd(), m.idleTimer())
		}
		return m, m.wipe()
	case tea.KeyMsg:
		return m.key(msg)
	case tea.MouseMsg:
		m.lastIn = m.clock.Now()
		tap := msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft
		switch {
		case m.state == stScreening && m.child != nil:
			var cmd tea.Cmd
			m.child, cmd = m.child.Update(msg)
			return m, cmd
		case m.state == stWelcome && tap:
			return m.welcomeTap(msg.X, msg.Y)
		case m.state == stDetails && tap:
			return m, m.detailsTap(msg.Y)
		case (m.state == stDone || m.state == stIdle) && tap:
			// A tap is "any key" on these screens.
			return m.key(tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}})
		}
		return m, nil
	}
	// Anything else (cursor blinks, the questionnaire's own messages) belongs to the screen
	// that asked for it.
	switch {
	case m.state == stDetails:
		cmd, _, _ := m.det.update(msg, m.keys, m.clock.Now())
		return m, cmd
	case m.state == stPIN:
		var cmd tea.Cmd
		m.pin, cmd = m.pin.Update(msg)
		return m, cmd
	case m.state == stStaffDir:
		var cmd tea.Cmd
		m.dirInput, cmd = m.dirInput.Update(msg)
		return m, cmd
	case m.child != nil:
		var cmd tea.Cmd
		m.child, cmd = m.child.Update(msg)
		return m, cmd
	}
	return m, nil
}

// quit ends the program (staff or a signal).
func (m *Model) quit() (tea.Model, tea.Cmd) {
	m.allowQuit = true
	return m, tea.Quit
}

// keysIn are the kiosk's key bindings with their help in lang.
func keysIn(lang screening.Lang) *ui.KioskKeys {
	return ui.NewKioskKeys(func(k string) string { return tr(lang, k) })
}

// keysFor are the key bindings with their help in lang (the patient's language on the patient
// screens; m.keys are in the staff's).
func (m *Model) keysFor(lang screening.Lang) *ui.KioskKeys {
	if k := m.keysBy[lang]; k != nil {
		return k
	}
	return keysIn(lang)
}

func (m *Model) key(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	m.lastIn = m.clock.Now()
	if key.Matches(k, m.keys.Locked) {
		return m, nil // lockdown: these never leave, suspend or end input
	}
	if key.Matches(k, m.keys.Staff) && m.state != stPIN && m.state < stStaff {
		return m.openPIN()
	}
	switch m.state {
	case stWelcome:
		return m.welcomeKey(k)
	case stDetails:
		if key.Matches(k, m.keys.FieldBack) {
			return m, m.wipe()
		}
		cmd, done, p := m.det.update(k, m.keys, m.clock.Now())
		if done {
			m.patient = p
			return m, tea.Batch(cmd, m.startScreening())
		}
		return m, cmd
	case stScreening:
		if m.child == nil {
			return m, nil
		}
		var cmd tea.Cmd
		m.child, cmd = m.child.Update(k)
		return m, cmd
	case stDone:
		if m.clock.Now().Sub(m.doneAt) < time.Second {
			return m, nil // a key still held from confirming the review
		}
		return m, m.wipe()
	case stIdle:
		m.setState(m.prev)
		return m, m.idleTimer()
	case stPIN:
		return m.pinKey(k)
	case stStaff:
		return m.staffKey(k)
	case stStaffDir:
		return m.staffDirKey(k)
	case stStaffConfirm:
		return m.staffConfirmKey(k)
	}
	return m, nil // saving, failed: only the staff key does anything
}

// startScreening shows the questionnaire (a new one, or the one the patient went back from).
func (m *Model) startScreening() tea.Cmd {
	var cmds []tea.Cmd
	if m.child == nil {
		m.child = m.opt.NewScreening(m.lang, m.width, m.height)
		cmds = append(cmds, m.child.Init())
		if m.hasSize {
			var cmd tea.Cmd
			m.child, cmd = m.child.Update(m.size)
			cmds = append(cmds, cmd)
		}
	}
	m.setState(stScreening)
	cmds = append(cmds, m.idleTimer())
	return tea.Batch(cmds...)
}

// finish takes the confirmed screening and saves it.
func (m *Model) finish(f ui.FinishedMsg) (tea.Model, tea.Cmd) {
	p := m.patient
	m.pending = &finished{res: f.Result, ans: f.Answers, meta: export.Meta{
		Lang: m.lang, Time: f.Finished, Started: f.Started, Patient: &p, Clinic: m.opt.Clinic,
	}}
	m.child = nil // the questionnaire and its answers are gone; only the result remains
	if m.opt.ShowResult {
		m.shown = newPatientSummary(f.Result, m.lang)
	}
	return m, m.save(stSaving, nil)
}

// save writes the pending result, with the outbox or in dir.
func (m *Model) save(from state, dir *string) tea.Cmd {
	if m.saving || m.pending == nil {
		return nil // one write at a time: never two copies of one result
	}
	m.saving = true
	m.savingFrom = from
	if from == stSaving {
		m.setState(stSaving)
	}
	pf, gen := m.pending, m.gen
	save := m.opt.Save
	if dir != nil {
		d := *dir
		save = func(res *screening.Result, meta export.Meta) (string, error) { return m.opt.SaveIn(d, res, meta) }
	}
	return func() tea.Msg {
		if save == nil {
			return saveDoneMsg{gen: gen, err: errNoOutbox}
		}
		id, err := save(pf.res, pf.meta)
		return saveDoneMsg{gen: gen, id: id, err: err}
	}
}

type kioskError string

func (e kioskError) Error() string { return string(e) }

const errNoOutbox = kioskError("no outbox configured")

func (m *Model) saveDone(msg saveDoneMsg) (tea.Model, tea.Cmd) {
	m.saving = false
	if m.terminate {
		if msg.err == nil {
			m.pending = nil
		}
		return m.quit()
	}
	if m.pending == nil {
		return m, nil
	}
	if msg.err != nil {
		m.saveErr = msg.err
		if m.savingFrom == stSaving {
			if m.overlay() {
				m.prev = stFailed
				return m, nil
			}
			m.setState(stFailed)
			return m, nil
		}
		m.staffMsg, m.staffErr = tr(m.opt.Lang, "staff.failed", m.reason(msg.err)), true
		return m, nil
	}
	m.lastSave = msg.id
	m.pending.ans.Clear()
	m.pending = nil
	m.saveErr = nil
	if m.savingFrom == stSaving {
		if m.overlay() {
			m.prev = stWelcome // staff have the kiosk: the patient's turn is over
			return m, nil
		}
		m.setState(stDone)
		m.doneAt = m.clock.Now()
		m.deadline = m.doneAt.Add(m.opt.ResetAfter)
		return m, m.tick()
	}
	// Saved from the staff screen: the staff go back to a fresh welcome screen.
	m.staffMsg, m.staffErr = tr(m.opt.Lang, "staff.saved", msg.id), false
	m.prev = stWelcome
	m.staffSel = 0
	return m, nil
}

// overlay reports whether the staff screens are shown.
func (m *Model) overlay() bool { return m.state >= stPIN }

// idleCheck runs when the idle timer of the current state fires.
func (m *Model) idleCheck() (tea.Model, tea.Cmd) {
	now := m.clock.Now()
	if rest := m.opt.IdleTimeout - now.Sub(m.lastIn); rest > 0 {
		return m, m.clock.After(rest, idleCheckMsg{m.gen})
	}
	switch m.state {
	case stDetails, stScreening:
		m.prev = m.state
		m.setState(stIdle)
		m.deadline = now.Add(m.opt.IdleCountdown)
		return m, m.tick()
	case stPIN, stStaff, stStaffDir, stStaffConfirm:
		// Staff walked away: close the staff screens, keeping what lies under them.
		return m.closeStaff()
	}
	return m, nil
}

func (m *Model) onTick() (tea.Model, tea.Cmd) {
	now := m.clock.Now()
	switch m.state {
	case stIdle:
		if !now.Before(m.deadline) {
			return m, tea.Batch(m.wipe(), m.opt.IdleWiped)
		}
		return m, m.tick()
	case stDone:
		if !now.Before(m.deadline) {
			return m, m.wipe()
		}
		return m, m.tick()
	case stPIN:
		if m.opt.Guard != nil && m.opt.Guard.LockedFor(now) > 0 {
			return m, tea.Batch(m.tick(), m.checkUnlock())
		}
		if m.pinMsg != tr(m.opt.Lang, "pin.released") { // say why the prompt takes the PIN again
			m.pinMsg = ""
		}
	}
	return m, nil
}

// seconds is the whole seconds left until t, rounded up.
func (m *Model) seconds(t time.Time) int {
	d := t.Sub(m.clock.Now())
	if d <= 0 {
		return 0
	}
	return int((d + time.Second - 1) / time.Second)
}

// View draws the current screen.
func (m *Model) View() string {
	var body string
	switch m.state {
	case stWelcome:
		body = m.welcomeView()
	case stDetails:
		body = m.block(m.det.view(m.lang, m.keysFor(m.lang), m.st, m.width))
	case stScreening:
		if m.child != nil {
			return m.child.View()
		}
	case stSaving:
		body = m.st.Title.Render(tr(m.lang, "saving"))
	case stDone:
		body = m.doneView()
	case stFailed:
		body = m.failedView()
	case stIdle:
		body = m.idleView()
	case stPIN:
		body = m.pinView()
	case stStaff, stStaffDir, stStaffConfirm:
		body = m.staffView()
	}
	return ui.Frame{Body: []string{body}, Centre: true}.Render(m.width, m.height)
}

// paragraph wraps s to at most w cells (Japanese and English are never mixed on one line).
func (m *Model) paragraph(style lipgloss.Style, s string) string {
	w := min(m.width-4, 70)
	if w < 10 {
		w = 10
	}
	return style.Width(w).Align(lipgloss.Center).Render(wrapPlain(s, w))
}

// block pads every line of s to the width of its widest line, so that centring the screen
// keeps s a left-aligned block.
func (m *Model) block(s string) string {
	return m.st.Renderer.NewStyle().Width(lipgloss.Width(s)).Render(s)
}
