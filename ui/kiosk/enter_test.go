package kiosk

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// TestHeldEnterAnswersNothing holds enter down on the kiosk from its welcome screen (200
// enters on the real program loop with the real questionnaire): the language is taken, but
// no question is answered and nothing is saved.
func TestHeldEnterAnswersNothing(t *testing.T) {
	for _, lang := range []screening.Lang{screening.JA, screening.EN} {
		t.Run(string(lang), func(t *testing.T) {
			s := &saved{}
			m := New(Options{RuleSet: testrules.Load(t), Lang: lang, Clock: newFakeClock(t), Save: s.save})
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 40))
			tm.Send(tea.WindowSizeMsg{Width: 100, Height: 40})
			for range 200 {
				tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			}
			need := map[screening.Lang]string{screening.JA: "答えをお選びください", screening.EN: "Please choose an answer"}[lang]
			teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(need)) },
				teatest.WithDuration(5*time.Second))
			tm.Send(TerminateMsg{})
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
			if s.count() != 0 || fm.pending != nil {
				t.Fatalf("held enter saved a screening: %d saved", s.count())
			}
			if fm.state != stScreening {
				t.Fatalf("state %d, want the questionnaire", fm.state)
			}
		})
	}
}

// TestTapOnWelcome: a tap on a language button chooses it, a second tap goes on.
func TestTapOnWelcome(t *testing.T) {
	m := New(Options{RuleSet: testrules.Load(t), Lang: screening.JA, Clock: newFakeClock(t)})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 32})
	row, enCol := -1, -1
	for i, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		if j := strings.Index(l, "English"); j >= 0 {
			row, enCol = i, ansi.StringWidth(l[:j])
		}
	}
	if row < 0 {
		t.Fatalf("no buttons:\n%s", m.View())
	}
	tap := func(x, y int) {
		m.Update(tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	}
	tap(enCol+2, 0) // far above the buttons: nothing
	if m.langSel != 0 || m.state != stWelcome {
		t.Fatalf("a tap off the buttons did something: sel %d state %d", m.langSel, m.state)
	}
	tap(enCol+2, row) // the English button's row
	if m.langSel != 1 || m.state != stWelcome {
		t.Fatalf("first tap: sel %d state %d", m.langSel, m.state)
	}
	tap(enCol+2, row)
	if m.state != stScreening || m.lang != screening.EN {
		t.Fatalf("second tap: state %d lang %s", m.state, m.lang)
	}
}

// TestTapOnDetails: a tap on a patient-detail field puts the focus there.
func TestTapOnDetails(t *testing.T) {
	m := New(Options{RuleSet: testrules.Load(t), Lang: screening.EN, Clock: newFakeClock(t), Details: []Field{Reception, Name, DateOfBirth}})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	m.Update(tea.KeyMsg{Type: tea.KeyEnter}) // welcome: English
	if m.state != stDetails {
		t.Fatalf("state %d", m.state)
	}
	row := -1
	for i, l := range strings.Split(ansi.Strip(m.View()), "\n") {
		if strings.TrimSpace(l) == "Date of birth" {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("no date of birth label:\n%s", m.View())
	}
	m.Update(tea.MouseMsg{X: 30, Y: row + 2, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if m.det.focus != 2 {
		t.Fatalf("focus %d after a tap on the date of birth, want 2", m.det.focus)
	}
	m.Update(tea.MouseMsg{X: 30, Y: 0, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if m.det.focus != 2 {
		t.Fatalf("a tap far above the fields moved the focus to %d", m.det.focus)
	}
}
