package kiosk

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/exoscreen/exoscreen/internal/eawidth"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui"
)

// fakeClock is a clock that moves only when the test advances it. After returns a command
// that blocks until then.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	at time.Time
	ch chan struct{}
}

func newFakeClock(t *testing.T) *fakeClock {
	c := &fakeClock{now: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)}
	t.Cleanup(func() { c.Advance(1000 * time.Hour) })
	return c
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration, msg tea.Msg) tea.Cmd {
	c.mu.Lock()
	defer c.mu.Unlock()
	ft := &fakeTimer{at: c.now.Add(d), ch: make(chan struct{})}
	c.timers = append(c.timers, ft)
	return func() tea.Msg { <-ft.ch; return msg }
}

// Advance moves the clock and fires the timers that are due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	keep := c.timers[:0]
	for _, ft := range c.timers {
		if !ft.at.After(c.now) {
			close(ft.ch)
		} else {
			keep = append(keep, ft)
		}
	}
	c.timers = keep
}

// pending is how many timers wait.
func (c *fakeClock) pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.timers)
}

// fakeScreening stands for ui.Screening: it shows what was typed, finishes on enter and goes
// back on esc. "q" makes it misbehave and ask the program to quit.
type fakeScreening struct {
	lang  screening.Lang
	typed string
	res   *screening.Result
	clock Clock
}

func (f *fakeScreening) Init() tea.Cmd { return nil }

func (f *fakeScreening) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return f, nil
	}
	switch k.String() {
	case "enter":
		now := f.clock.Now()
		fm := ui.FinishedMsg{Answers: f.res.RuleSet.NewAnswers(), Result: f.res, Started: now.Add(-time.Minute), Finished: now}
		return f, func() tea.Msg { return fm }
	case "esc":
		return f, func() tea.Msg { return ui.LeftAtStartMsg{} }
	case "q":
		return f, tea.Quit
	}
	if k.Type == tea.KeyRunes {
		f.typed += string(k.Runes)
	}
	return f, nil
}

func (f *fakeScreening) View() string {
	return "FAKE-QUESTION lang=" + string(f.lang) + " typed=" + f.typed
}

type saved struct {
	mu    sync.Mutex
	metas []export.Meta
	fail  error
}

func (s *saved) save(res *screening.Result, m export.Meta) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return "", s.fail
	}
	s.metas = append(s.metas, m)
	return "20261121T090000.000Z-0123456789abcdef", nil
}

func (s *saved) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.metas)
}

type rig struct {
	t     *testing.T
	clock *fakeClock
	saved *saved
	tm    *teatest.TestModel
	m     *Model
}

func newRig(t *testing.T, opt Options) *rig {
	t.Helper()
	rs := outboxtest.RuleSet(t)
	res := outboxtest.Result(t, rs, nil)
	r := &rig{t: t, clock: newFakeClock(t), saved: &saved{}}
	opt.RuleSet = rs
	opt.Clock = r.clock
	if opt.Save == nil {
		opt.Save = r.saved.save
	}
	opt.NewScreening = func(lang screening.Lang, w, h int) tea.Model {
		return &fakeScreening{lang: lang, res: res, clock: r.clock}
	}
	if opt.Guard == nil {
		g, err := NewGuard("2468")
		if err != nil {
			t.Fatal(err)
		}
		opt.Guard = g
	}
	r.m = New(opt)
	r.tm = teatest.NewTestModel(t, r.m, teatest.WithInitialTermSize(100, 40))
	return r
}

func (r *rig) waitFor(want ...string) {
	r.t.Helper()
	teatest.WaitFor(r.t, r.tm.Output(), func(b []byte) bool {
		for _, w := range want {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(3*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

func (r *rig) key(k tea.KeyType) { r.tm.Send(tea.KeyMsg{Type: k}) }

func (r *rig) typeText(s string) { r.tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}) }

// waitTimers waits until at least n timers are armed (the kiosk handled the last message).
func (r *rig) waitTimers(n int) {
	r.t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for r.clock.pending() < n {
		if time.Now().After(deadline) {
			r.t.Fatalf("%d timers armed, want %d", r.clock.pending(), n)
		}
		time.Sleep(time.Millisecond)
	}
}

func (r *rig) final() *Model {
	r.t.Helper()
	r.tm.Send(TerminateMsg{})
	return r.tm.FinalModel(r.t, teatest.WithFinalTimeout(3*time.Second)).(*Model)
}

func TestTwoPatientsNothingOfTheFirstSurvives(t *testing.T) {
	r := newRig(t, Options{Details: []Field{Reception, Name}, Lang: screening.JA})
	r.waitFor("日本語", "English")
	r.key(tea.KeyRight)
	r.key(tea.KeyEnter)
	r.waitFor("Please enter your details")
	r.typeText("A-17")
	r.key(tea.KeyEnter)
	r.typeText("Secret Patient")
	r.key(tea.KeyEnter)
	r.waitFor("FAKE-QUESTION lang=en")
	r.typeText("first-patient-answer")
	r.waitFor("first-patient-answer")
	r.key(tea.KeyEnter)
	r.waitFor("Please tell the reception")
	if r.saved.count() != 1 {
		t.Fatalf("saved %d results, want 1", r.saved.count())
	}
	m := r.saved.metas[0]
	if m.Patient.ReceptionNumber != "A-17" || m.Patient.Name != "Secret Patient" || m.Lang != screening.EN {
		t.Errorf("saved meta %+v %+v", m, m.Patient)
	}
	// A key within the first second is taken for one still held from the review.
	r.typeText("x")
	time.Sleep(50 * time.Millisecond) // let the key arrive before the clock moves
	r.clock.Advance(2 * time.Second)
	r.waitFor("closes in 13 seconds")
	r.typeText("x")
	r.waitFor("ようこそ")

	// The second patient: a new questionnaire, empty details.
	r.key(tea.KeyEnter)
	r.waitFor("受付の情報を入力してください")
	r.typeText("B-2")
	r.key(tea.KeyEnter)
	r.typeText("Other")
	r.key(tea.KeyEnter)
	r.waitFor("FAKE-QUESTION lang=ja typed=")
	fm := r.final()
	view := fm.View()
	for _, s := range []string{"first-patient-answer", "A-17", "Secret Patient"} {
		if strings.Contains(view, s) {
			t.Errorf("the second patient sees %q", s)
		}
	}
	if fm.patient.Name != "Other" || fm.pending != nil {
		t.Errorf("model kept the first patient: %+v", fm.patient)
	}
	if f := fm.child.(*fakeScreening); f.typed != "" {
		t.Errorf("second questionnaire has %q", f.typed)
	}
}

func TestResetPauseOnFakeClock(t *testing.T) {
	r := newRig(t, Options{})
	r.waitFor("English")
	r.key(tea.KeyEnter)
	r.waitFor("FAKE-QUESTION")
	r.key(tea.KeyEnter)
	r.waitFor("受付に「終わりました」", "15 秒後")
	for i := 0; i < 14; i++ {
		r.clock.Advance(time.Second)
	}
	r.waitFor("1 秒後")
	r.clock.Advance(time.Second)
	r.waitFor("ようこそ")
	fm := r.final()
	if fm.state != stWelcome || fm.child != nil || fm.pending != nil {
		t.Errorf("not reset: state %v", fm.state)
	}
}

func TestShowResult(t *testing.T) {
	r := newRig(t, Options{ShowResult: true, Lang: screening.EN})
	r.waitFor("English")
	r.key(tea.KeyEnter)
	r.waitFor("FAKE-QUESTION lang=en")
	r.key(tea.KeyEnter)
	r.waitFor("Your screening result", "Relative", "For the doctor to check")
	r.final()
}

func TestIdleWipe(t *testing.T) {
	r := newRig(t, Options{Details: []Field{Name}, IdleTimeout: 2 * time.Minute, IdleCountdown: 30 * time.Second})
	r.waitFor("English")
	r.key(tea.KeyEnter)
	r.waitFor("お名前")
	r.typeText("Walker")
	r.key(tea.KeyEnter)
	r.waitFor("FAKE-QUESTION")
	r.typeText("half-done")
	r.waitFor("typed=half-done")
	// Input a minute in pushes the deadline: nothing happens at 2m.
	r.clock.Advance(time.Minute)
	r.typeText("!")
	r.waitFor("typed=half-done!")
	r.clock.Advance(time.Minute + time.Second)
	r.waitTimers(1)
	r.clock.Advance(time.Minute)
	r.waitFor("まだ続けますか？", "30 秒後")
	// A key brings the screening back.
	r.typeText("z")
	r.waitFor("typed=half-done!")
	// Walking away for good: 2 minutes, then the 30 second countdown.
	r.waitTimers(1)
	r.clock.Advance(2 * time.Minute)
	r.waitFor("まだ続けますか？")
	r.waitTimers(1)
	r.clock.Advance(10 * time.Second)
	r.waitFor("20 秒後")
	r.waitTimers(1)
	r.clock.Advance(20 * time.Second)
	r.waitFor("ようこそ")
	fm := r.final()
	if fm.child != nil || fm.patient.Name != "" || fm.det.inputs[0].Value() != "" || fm.state != stWelcome {
		t.Errorf("idle wipe left the screening: %+v", fm.patient)
	}
	if r.saved.count() != 0 {
		t.Error("an abandoned screening was saved")
	}
}

func TestWelcomeArmsNoTimer(t *testing.T) {
	r := newRig(t, Options{})
	r.waitFor("English")
	r.key(tea.KeyRight)
	r.waitFor("> English <")
	if n := r.clock.pending(); n != 0 {
		t.Errorf("welcome screen armed %d timers (it must cost no CPU while idle)", n)
	}
	r.final()
}

func TestLockdownKeys(t *testing.T) {
	r := newRig(t, Options{})
	r.waitFor("English")
	for _, k := range []tea.KeyType{tea.KeyCtrlC, tea.KeyCtrlZ, tea.KeyCtrlBackslash, tea.KeyEsc, tea.KeyCtrlD} {
		r.key(k)
	}
	r.key(tea.KeyEnter)
	r.waitFor("FAKE-QUESTION")
	for _, k := range []tea.KeyType{tea.KeyCtrlC, tea.KeyCtrlZ, tea.KeyCtrlBackslash, tea.KeyCtrlD} {
		r.key(k)
	}
	r.typeText("still-here")
	r.waitFor("typed=still-here")
	// esc inside the questionnaire goes back to the welcome screen, not out.
	r.key(tea.KeyEsc)
	r.waitFor("ようこそ")
	r.final()
}

func TestFilter(t *testing.T) {
	m := New(Options{RuleSet: outboxtest.RuleSet(t)})
	for _, msg := range []tea.Msg{tea.QuitMsg{}, tea.SuspendMsg{}, tea.InterruptMsg{}} {
		if Filter(m, msg) != nil {
			t.Errorf("%T let through", msg)
		}
	}
	if Filter(m, tea.KeyMsg{Type: tea.KeyEnter}) == nil {
		t.Error("a key was dropped")
	}
	m.Update(TerminateMsg{})
	if Filter(m, tea.QuitMsg{}) == nil {
		t.Error("quit after TerminateMsg dropped")
	}
}

func TestStaffExitWithPIN(t *testing.T) {
	r := newRig(t, Options{Lang: screening.EN})
	r.waitFor("English")
	r.key(tea.KeyF12)
	r.waitFor("Staff only")
	r.typeText("1111")
	r.key(tea.KeyEnter)
	r.waitFor("Wrong PIN (2 tries left)")
	r.typeText("2468")
	r.key(tea.KeyEnter)
	r.waitFor("Staff menu", "Quit the kiosk")
	r.key(tea.KeyDown)
	r.key(tea.KeyEnter)
	fm := r.tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(*Model)
	if !fm.allowQuit {
		t.Error("quit without allowQuit")
	}
}

func TestPINLockout(t *testing.T) {
	r := newRig(t, Options{Lang: screening.EN})
	r.waitFor("English")
	r.key(tea.KeyF12)
	r.waitFor("Staff only")
	for i := 0; i < 3; i++ {
		r.typeText("0000")
		r.key(tea.KeyEnter)
	}
	r.waitFor("locked for 30 seconds")
	// The right PIN is refused while locked; closing and reopening the prompt does not help.
	r.typeText("2468")
	r.key(tea.KeyEnter)
	r.key(tea.KeyEsc)
	r.waitFor("Welcome")
	r.key(tea.KeyF12)
	r.waitFor("locked for 30 seconds")
	r.waitTimers(1)
	r.clock.Advance(31 * time.Second)
	r.waitFor("PIN:")
	r.typeText("2468")
	r.key(tea.KeyEnter)
	r.waitFor("Staff menu")
	r.final()
}

func TestSaveFailureKeepsResultForStaff(t *testing.T) {
	r := newRig(t, Options{Lang: screening.EN})
	r.saved.fail = errors.New("read-only file system")
	var elsewhere []string
	r.m.opt.SaveIn = func(dir string, res *screening.Result, m export.Meta) (string, error) {
		elsewhere = append(elsewhere, dir)
		return "20261121T090000.000Z-00000000000000ff", nil
	}
	r.waitFor("English")
	r.key(tea.KeyRight)
	r.key(tea.KeyEnter)
	r.waitFor("FAKE-QUESTION")
	r.key(tea.KeyEnter)
	r.waitFor("could not be saved", "ask a member of staff")
	// Waiting does not wipe an unsaved result.
	r.clock.Advance(time.Hour)
	r.key(tea.KeyCtrlC)
	r.key(tea.KeyF12)
	r.waitFor("Staff only")
	r.typeText("2468")
	r.key(tea.KeyEnter)
	r.waitFor("One result is not saved: read-only file system", "Retry saving")
	r.key(tea.KeyDown)
	r.key(tea.KeyEnter) // retry: still failing
	r.waitFor("Could not save")
	r.key(tea.KeyDown)
	r.key(tea.KeyEnter) // save in another folder
	r.waitFor("Folder to save in")
	r.typeText("/mnt/usb")
	r.key(tea.KeyEnter)
	r.waitFor("Saved (20261121T090000.000Z-00000000000000ff)")
	r.key(tea.KeyEsc)
	r.waitFor("Welcome")
	fm := r.final()
	if len(elsewhere) != 1 || elsewhere[0] != "/mnt/usb" || fm.pending != nil {
		t.Errorf("saved elsewhere %v, pending %v", elsewhere, fm.pending)
	}
}

func TestTerminateWaitsForSave(t *testing.T) {
	r := newRig(t, Options{})
	block := make(chan struct{})
	r.m.opt.Save = func(res *screening.Result, m export.Meta) (string, error) {
		<-block
		return "20261121T090000.000Z-0123456789abcdef", nil
	}
	r.waitFor("English")
	r.key(tea.KeyEnter)
	r.waitFor("FAKE-QUESTION")
	r.key(tea.KeyEnter)
	r.waitFor("保存しています")
	r.tm.Send(TerminateMsg{})
	time.Sleep(50 * time.Millisecond)
	close(block)
	fm := r.tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(*Model)
	if fm.Pending() {
		t.Error("the result in flight was not finished before quitting")
	}
}

func TestFieldValidation(t *testing.T) {
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		f         Field
		in, want  string
		wantError string
	}{
		{Reception, " 17 ", "17", ""},
		{Reception, "Ａ－１７", "A-17", ""},
		{Reception, "", "", "err.required"},
		{Reception, "17; rm -rf", "", "err.reception"},
		{Reception, strings.Repeat("1", 21), "", "err.reception"},
		{Name, "  山田　花子 ", "山田 花子", ""},
		{Name, "evil\x1b[2J", "", "err.name.chars"},
		{Name, "a\u202eb", "", "err.name.chars"},
		{Name, strings.Repeat("あ", 61), "", "err.name.long"},
		{DateOfBirth, "1980-04-15", "1980-04-15", ""},
		{DateOfBirth, "1980/4/5", "1980-04-05", ""},
		{DateOfBirth, "19800415", "1980-04-15", ""},
		{DateOfBirth, "１９８０－０４－１５", "1980-04-15", ""},
		{DateOfBirth, "1980年4月15日", "1980-04-15", ""},
		{DateOfBirth, "1980-02-30", "", "err.dob.date"},
		{DateOfBirth, "2027-01-01", "", "err.dob.range"},
		{DateOfBirth, "1880-01-01", "", "err.dob.range"},
		{DateOfBirth, "15/04/1980", "", "err.dob.format"},
		{DateOfBirth, "", "", "err.required"},
	}
	for _, tt := range tests {
		got, msg := tt.f.Validate(tt.in, now)
		if got != tt.want || msg != tt.wantError {
			t.Errorf("%s.Validate(%q) = %q, %q; want %q, %q", tt.f, tt.in, got, msg, tt.want, tt.wantError)
		}
	}
}

func TestParseFields(t *testing.T) {
	if f, err := ParseFields("reception, name,dob"); err != nil || len(f) != 3 {
		t.Errorf("%v %v", f, err)
	}
	if f, err := ParseFields("none"); err != nil || f != nil {
		t.Errorf("%v %v", f, err)
	}
	for _, bad := range []string{"email", "name,name"} {
		if _, err := ParseFields(bad); err == nil {
			t.Errorf("ParseFields(%q) accepted", bad)
		}
	}
}

func TestGuard(t *testing.T) {
	if _, err := NewGuard("123"); err == nil {
		t.Error("short PIN accepted")
	}
	g, _ := NewGuard("2468")
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 3; i++ {
		if g.Check(now, "1234") {
			t.Fatal("wrong PIN accepted")
		}
	}
	if g.LockedFor(now) != 30*time.Second || g.Check(now, "2468") {
		t.Fatal("not locked after three wrong tries")
	}
	now = now.Add(31 * time.Second)
	for i := 0; i < 3; i++ {
		g.Check(now, "x")
	}
	if g.LockedFor(now) != time.Minute {
		t.Errorf("second lockout %v, want 1m", g.LockedFor(now))
	}
	now = now.Add(time.Minute)
	if !g.Check(now, "2468") || g.TriesLeft() != 3 {
		t.Error("right PIN refused after the lockout")
	}
	for i := 0; i < 40; i++ {
		now = now.Add(g.LockedFor(now))
		g.Check(now, "x")
	}
	if d := g.LockedFor(now); d > 15*time.Minute {
		t.Errorf("lockout grew to %v", d)
	}
}

// TestMessagesNoAmbiguousGlyphs checks that no text of the kiosk, in any language, uses
// East-Asian-ambiguous glyphs (internal/eawidth); TestMessagesEveryLanguage checks that every
// language has a text.
func TestMessagesNoAmbiguousGlyphs(t *testing.T) {
	for k, m := range messages {
		for _, lang := range screening.Langs {
			for _, r := range m[lang] {
				if eawidth.Ambiguous(r) {
					t.Errorf("%s %s: ambiguous-width %q (U+%04X) in %q", k, lang, r, r, m[lang])
				}
			}
		}
	}
}

func TestResetIsFast(t *testing.T) {
	rs := outboxtest.RuleSet(t)
	m := New(Options{RuleSet: rs, Details: []Field{Reception, Name, DateOfBirth}})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	start := time.Now()
	const n = 200
	for i := 0; i < n; i++ {
		m.state = stDone
		m.doneAt = time.Time{}
		m.Update(tea.KeyMsg{Type: tea.KeyEnter})
		if v := m.View(); !strings.Contains(v, "ようこそ") {
			t.Fatal("not the welcome screen")
		}
	}
	per := time.Since(start) / n
	t.Logf("reset + welcome render: %v per patient", per)
	if per > 50*time.Millisecond {
		t.Errorf("reset takes %v, target under 50ms", per)
	}
}

func TestStaleFinishedIgnored(t *testing.T) {
	rs := outboxtest.RuleSet(t)
	s := &saved{}
	m := New(Options{RuleSet: rs, Save: s.save})
	res := outboxtest.Result(t, rs, nil)
	_, cmd := m.Update(ui.FinishedMsg{Answers: rs.NewAnswers(), Result: res, Finished: time.Now()})
	if cmd != nil || m.pending != nil || m.state != stWelcome {
		t.Errorf("a finished message on the welcome screen was taken: state %v", m.state)
	}
}

// TestScreensUseNoAmbiguousGlyphs draws every kiosk screen in both languages and checks for
// East-Asian-ambiguous characters and for lines wider than the terminal.
func TestScreensUseNoAmbiguousGlyphs(t *testing.T) {
	rs := outboxtest.RuleSet(t)
	res := outboxtest.Result(t, rs, map[string]any{"cancer": "unsure", "cancer_years": nil})
	g, _ := NewGuard("2468")
	for _, lang := range []screening.Lang{screening.JA, screening.EN} {
		m := New(Options{RuleSet: rs, Lang: lang, Details: []Field{Reception, Name, DateOfBirth}, ShowResult: true, Guard: g, Where: "/srv/outbox"})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 30})
		m.lang = lang
		m.shown = newPatientSummary(res, lang)
		m.pending = &finished{res: res, ans: rs.NewAnswers()}
		m.saveErr = errors.New("disk full")
		for _, st := range []state{stWelcome, stDetails, stSaving, stDone, stFailed, stIdle, stPIN, stStaff, stStaffConfirm} {
			m.state = st
			m.confirm = "exit"
			if st == stPIN {
				m.openPIN()
			}
			for i, line := range strings.Split(m.View(), "\n") {
				if w := lipglossWidth(line); w > 80 {
					t.Errorf("%s state %d line %d is %d cells wide", lang, st, i, w)
				}
				for _, r := range line {
					if eawidth.Ambiguous(r) {
						t.Errorf("%s state %d: ambiguous %q in %q", lang, st, r, line)
					}
				}
			}
		}
	}
}

func lipglossWidth(s string) int { return lipgloss.Width(s) }

// TestRealQuestionnaire runs the kiosk with the real ui.Screening in both languages, every
// question answered with its first option (chosen by its number key), through the review to the outbox.
func TestRealQuestionnaire(t *testing.T) {
	for _, lang := range []screening.Lang{screening.JA, screening.EN} {
		t.Run(string(lang), func(t *testing.T) {
			rs := outboxtest.RuleSet(t)
			s := &saved{}
			var results []*screening.Result
			m := New(Options{RuleSet: rs, Lang: lang, Details: []Field{Reception}, Clock: newFakeClock(t),
				Save: func(res *screening.Result, meta export.Meta) (string, error) {
					results = append(results, res)
					return s.save(res, meta)
				}})
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 40))
			review := map[screening.Lang]string{screening.JA: "回答の確認", screening.EN: "Review your answers"}[lang]
			done := map[screening.Lang]string{screening.JA: "受付に「終わりました」", screening.EN: "Please tell the reception"}[lang]
			var out bytes.Buffer
			wait := func(want string, d time.Duration) bool {
				deadline := time.Now().Add(d)
				for time.Now().Before(deadline) {
					b := make([]byte, 1<<16)
					n, _ := tm.Output().Read(b)
					out.Write(b[:n])
					if bytes.Contains(out.Bytes(), []byte(want)) {
						out.Reset()
						return true
					}
					time.Sleep(5 * time.Millisecond)
				}
				return false
			}
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("42")})
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			reached := false
			for i := 0; i < 40 && !reached; i++ {
				tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("1")}) // the first option, chosen
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
				reached = wait(review, 150*time.Millisecond)
			}
			if !reached {
				t.Fatalf("never reached the review; last output:\n%s", out.String())
			}
			tm.Send(tea.KeyMsg{Type: tea.KeyEnd})
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			if !wait(done, 3*time.Second) {
				t.Fatalf("no completion screen; last output:\n%s", out.String())
			}
			tm.Send(TerminateMsg{})
			tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
			if s.count() != 1 || s.metas[0].Patient.ReceptionNumber != "42" || s.metas[0].Lang != lang {
				t.Fatalf("saved %+v", s.metas)
			}
			if len(results[0].Findings) == 0 || results[0].Verdict != screening.None {
				t.Errorf("result: verdict %v, %d findings", results[0].Verdict, len(results[0].Findings))
			}
		})
	}
}

func TestDetailsDropControlAndFormatCharacters(t *testing.T) {
	m := New(Options{RuleSet: outboxtest.RuleSet(t), Details: []Field{Name}})
	m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Eve\x1b[2J\u202eX\a"), Paste: true})
	if v := m.det.inputs[0].Value(); v != "Eve[2JX" {
		t.Errorf("field holds %q", v)
	}
}
