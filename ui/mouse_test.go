package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// Touch screens at a front desk: a tap arrives as a left click.

// rowOf is the screen row showing text, failing the test when none does.
func rowOf(t *testing.T, d *driver, text string) int {
	t.Helper()
	for i, l := range strings.Split(d.view(), "\n") {
		if strings.Contains(l, text) {
			return i
		}
	}
	t.Fatalf("no row shows %q:\n%s", text, d.view())
	return -1
}

func tap(y int) tea.MouseMsg {
	return tea.MouseMsg{X: 5, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft}
}

func wheelDown() tea.MouseMsg {
	return tea.MouseMsg{X: 5, Y: 5, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown}
}

func TestTapChoosesThenTakes(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		rs := testrules.Load(t)
		q := rs.Questions[0]
		s := NewScreening(rs, ScreeningOptions{Lang: screening.EN, Styles: plainStyles(), Now: testNow})
		d := drive(t, s, size[0], size[1])
		d.send(tap(rowOf(t, d, "[ Next ]"))) // nothing chosen: the button says so
		d.contains("Please choose an answer")
		d.send(tap(rowOf(t, d, "2. Yes, I am pregnant")))
		d.contains("> 2. Yes, I am pregnant")
		if s.answers.Get(q).Set {
			t.Fatal("the first tap answered")
		}
		d.send(tap(rowOf(t, d, "3. I might be pregnant"))) // another option: moves the highlight
		d.contains("> 3. I might be pregnant")
		d.send(tap(rowOf(t, d, "3. I might be pregnant"))) // the second tap takes it
		if got := s.answers.Get(q).Code; got != q.Options[2].Code {
			t.Fatalf("%v: answer %q after a second tap", size, got)
		}
		d.send(kEsc)
		d.send(tap(rowOf(t, d, "[ Next ]"))) // the kept answer, taken by the button
		if n, _ := s.Position(); n != 2 {
			t.Fatalf("%v: at question %d after the button", size, n)
		}
	}
}

func TestTapTicksMultiChoice(t *testing.T) {
	rs, s, d := driveScreening(t, 80, 24)
	d.send(firsts(6)...)
	d.send(pick(2)...)
	d.send(pick(1)...)
	q := rs.Question("allergy_to")
	d.contains(q.Text[screening.EN])
	food := q.Options[1].Text[screening.EN]
	d.send(tap(rowOf(t, d, food)))
	d.contains("[x] 2. " + food)
	d.send(tap(rowOf(t, d, food)))
	d.contains("[ ] 2. " + food)
	d.send(tap(rowOf(t, d, food)), tap(rowOf(t, d, "[ Next ]")))
	if v := s.answers.Get(q); len(v.Codes) != 1 || v.Codes[0] != q.Options[1].Code {
		t.Fatalf("allergy_to = %+v", v)
	}
}

func TestTapInTheReview(t *testing.T) {
	rs, _, d := driveScreening(t, 80, 24)
	d.send(firsts(15)...)
	d.contains("Review your answers")
	q := rs.Question("breastfeeding")
	d.send(tap(rowOf(t, d, q.Text[screening.EN])))
	d.contains("> 3.  " + q.Text[screening.EN])
	d.send(tap(rowOf(t, d, q.Text[screening.EN]))) // second tap: change it
	d.contains("Question 3 of", "> 1. No")
	d.send(kEnter)
	d.contains("Review your answers")
	for range 10 {
		d.send(wheelDown())
	}
	d.send(tap(rowOf(t, d, "Confirm and see the result")))
	if len(d.msgs) != 0 {
		t.Fatal("one tap on the button confirmed")
	}
	d.send(tap(rowOf(t, d, "Confirm and see the result")))
	if len(d.msgs) != 1 {
		t.Fatalf("two taps on the button did not confirm: %v", d.msgs)
	}
}

func TestTapOnWelcomeAndWheelOnSummary(t *testing.T) {
	d := drive(t, newTestApp(t, screening.JA), 80, 24)
	d.send(tap(rowOf(t, d, "English")))
	d.contains("> English", "Pre-treatment screening")
	d.send(tap(rowOf(t, d, "English"))) // second tap starts
	d.contains("Are you pregnant now?")
	d.send(firsts(15)...)
	d.send(kEnd, kEnter)
	d.contains("Verdict")
	before := d.view()
	d.send(wheelDown())
	if d.view() == before {
		t.Fatal("the wheel did not scroll the summary")
	}
	d.lacks("Verdict:")
}
