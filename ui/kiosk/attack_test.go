package kiosk

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/screening"
)

// Issue 11.3: a PIN longer than the prompt takes is refused at start (it could never be
// typed); a PIN of only spaces is refused saying so; a PIN of exactly MaxPINLength works.
func TestPINLimits(t *testing.T) {
	for _, tc := range []struct {
		pin  string
		want error
	}{
		{strings.Repeat("7", MaxPINLength+1), ErrLongPIN},
		{strings.Repeat("あ", MaxPINLength+1), ErrLongPIN},
		{"      ", ErrBlankPIN},
		{"\t \t ", ErrBlankPIN},
		{"", ErrShortPIN},
		{"123", ErrShortPIN},
		{strings.Repeat("7", MaxPINLength), nil},
		{"12 34", nil},
	} {
		if _, err := NewGuard(tc.pin); !errors.Is(err, tc.want) {
			t.Errorf("NewGuard(%q): %v, want %v", tc.pin, err, tc.want)
		}
	}
	long := strings.Repeat("9", MaxPINLength)
	g, _ := NewGuard(long)
	r := newRig(t, Options{Lang: screening.EN, Guard: g})
	r.waitFor("English")
	r.key(tea.KeyF12)
	r.waitFor("Staff only")
	r.typeText(long)
	r.key(tea.KeyEnter)
	r.waitFor("Staff menu")
	r.final()
}

// Issue 11.5: warnings (a loose outbox, a PIN from the environment) are shown on the staff
// menu, where staff see them; printed before start, the kiosk's screen covered them.
func TestStaffMenuShowsWarnings(t *testing.T) {
	r := newRig(t, Options{Lang: screening.EN, Warnings: []string{"the staff PIN came from the environment\x1b[2J"}})
	r.waitFor("English")
	r.key(tea.KeyF12)
	r.waitFor("Staff only")
	r.typeText("2468")
	r.key(tea.KeyEnter)
	r.waitFor("Staff menu", "Warning: the staff PIN came from the environment", `\x1b[2J`)
	r.final()
}

// Issue 11.7: staff release the PIN lockout from outside the kiosk (kiosk-unlock); a request
// older than the wrong tries does nothing.
func TestUnlockFromOutside(t *testing.T) {
	var mu sync.Mutex
	var requested time.Time
	set := func(at time.Time) { mu.Lock(); requested = at; mu.Unlock() }
	r := newRig(t, Options{Lang: screening.EN, UnlockRequested: func() time.Time { mu.Lock(); defer mu.Unlock(); return requested }})
	set(r.clock.Now().Add(-time.Hour)) // an old request: yesterday's
	r.waitFor("English")
	r.key(tea.KeyF12)
	r.waitFor("Staff only")
	for range 3 {
		r.typeText("0000")
		r.key(tea.KeyEnter)
	}
	r.waitFor("locked for 30 seconds")
	r.waitTimers(1)
	r.clock.Advance(time.Second)
	r.waitFor("locked for 29 seconds") // the old request did not release it
	set(r.clock.Now())
	r.waitTimers(1)
	r.clock.Advance(time.Second)
	r.waitFor("The lock was released", "PIN:")
	r.typeText("2468")
	r.key(tea.KeyEnter)
	r.waitFor("Staff menu")
	r.final()
}

func TestGuardRelease(t *testing.T) {
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	g, _ := NewGuard("2468")
	if g.Release(now) {
		t.Error("released with no wrong try")
	}
	for i := range 6 { // two lockouts: the next would be 60 s
		g.Check(now.Add(time.Duration(i)*time.Hour), "0000")
	}
	last := now.Add(5 * time.Hour)
	if g.LockedFor(last) == 0 {
		t.Fatal("not locked")
	}
	if g.Release(last) || g.Release(time.Time{}) {
		t.Error("released by a request not after the last wrong try")
	}
	if !g.Release(last.Add(time.Second)) || g.LockedFor(last) != 0 || g.TriesLeft() != g.MaxTries {
		t.Error("not released")
	}
	for range 3 {
		g.Check(last, "0000")
	}
	if d := g.LockedFor(last); d != g.Lockout {
		t.Errorf("after a release the lockout starts again at %v, got %v", g.Lockout, d)
	}
}

// The SSH server shares one Guard between its sessions, each of which may release it
// (kiosk-unlock) while another checks a PIN: Release takes the lock like the rest (run with
// -race to see the difference).
func TestGuardReleaseConcurrent(t *testing.T) {
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	g, _ := NewGuard("2468")
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for j := range 200 {
				g.Check(now.Add(time.Duration(i*1000+j)*time.Minute), "0000")
			}
		}()
		go func() {
			defer wg.Done()
			for j := range 200 {
				g.Release(now.Add(time.Duration(i*1000+j) * time.Minute))
				g.LockedFor(now)
			}
		}()
	}
	wg.Wait()
	if !g.Check(now.Add(time.Hour*1000), "2468") && g.LockedFor(now.Add(time.Hour*1000)) == 0 {
		t.Error("the right PIN was refused with no lockout")
	}
}

// "The lock was released" stays on the PIN prompt after the release: the next second's tick
// (which finds the prompt no longer locked) does not wipe it at once, so staff who ran
// kiosk-unlock see why the prompt takes the PIN again.
func TestUnlockMessageStays(t *testing.T) {
	clock := newFakeClock(t)
	g, _ := NewGuard("2468")
	rs := outboxtest.RuleSet(t)
	m := New(Options{RuleSet: rs, Lang: screening.EN, Guard: g, Clock: clock,
		Save:            (&saved{}).save,
		UnlockRequested: func() time.Time { return time.Time{} }})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.Update(tea.KeyMsg{Type: tea.KeyF12})
	for range 3 {
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("0000")})
		m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	}
	if !strings.Contains(m.View(), "locked") {
		t.Fatalf("not locked:\n%s", m.View())
	}
	m.Update(unlockMsg{at: clock.Now().Add(time.Second)})
	if !strings.Contains(m.View(), "The lock was released") {
		t.Fatalf("no release message:\n%s", m.View())
	}
	m.Update(tickMsg{m.gen})
	if !strings.Contains(m.View(), "The lock was released") {
		t.Errorf("the release message went at the next tick:\n%s", m.View())
	}
}

// The staff screens fit a narrow terminal (a tablet's 40 columns): the outbox path, the
// lockout and release messages, the key help and the confirmations are wrapped, not cut at
// the terminal's edge.
func TestStaffScreensAt40Columns(t *testing.T) {
	rs := outboxtest.RuleSet(t)
	res := outboxtest.Result(t, rs, nil)
	for _, lang := range []screening.Lang{screening.JA, screening.EN} {
		for _, tc := range []struct {
			name  string
			setup func(m *Model)
		}{
			{"pin-locked", func(m *Model) {
				m.openPIN()
				for range 3 {
					m.opt.Guard.Check(m.clock.Now(), "0000")
				}
			}},
			{"pin-released", func(m *Model) { m.openPIN(); m.pinMsg = tr(lang, "pin.released") }},
			{"staff", func(m *Model) {
				m.pending = &finished{res: res, ans: rs.NewAnswers()}
				m.saveErr = errors.New("disk full")
				m.state = stStaff
			}},
			{"staff-dir", func(m *Model) { m.state = stStaffDir }},
			{"staff-confirm", func(m *Model) {
				m.pending = &finished{res: res, ans: rs.NewAnswers()}
				m.state, m.confirm = stStaffConfirm, "discard"
			}},
		} {
			t.Run(string(lang)+"-"+tc.name, func(t *testing.T) {
				g, _ := NewGuard("2468")
				m := New(Options{RuleSet: rs, Lang: lang, Guard: g, Where: "/srv/exoscreen/outbox-of-the-reception-pc",
					Clock: &fakeClock{now: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)}})
				m.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
				tc.setup(m)
				for _, l := range strings.Split(m.View(), "\n") {
					if w := ansi.StringWidth(l); w > 40 {
						t.Errorf("a line of %d cells at 40 columns: %q", w, ansi.Strip(l))
					}
				}
			})
		}
	}
}

// The welcome screen on a 40x12 terminal keeps its welcome and both buttons on the screen
// (it drops the introduction) instead of losing its top lines above the screen's edge.
func TestWelcomeAt40x12(t *testing.T) {
	rs := outboxtest.RuleSet(t)
	m := New(Options{RuleSet: rs, Lang: screening.JA, Clock: &fakeClock{now: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)}})
	m.Update(tea.WindowSizeMsg{Width: 40, Height: 12})
	v := ansi.Strip(m.View())
	if n := strings.Count(v, "\n") + 1; n > 12 {
		t.Errorf("%d lines on a 12-line terminal:\n%s", n, v)
	}
	for _, want := range []string{"Welcome", "日本語", "English", "Enter"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q:\n%s", want, v)
		}
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := m.View(); !strings.Contains(v, "治療の前に") { // the introduction, in the language chosen
		t.Errorf("the introduction is gone at 80x24:\n%s", v)
	}
}
