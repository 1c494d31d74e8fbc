package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// Keys people already know, and progress that never jumps backwards.

func newTestApp(t testing.TB, lang screening.Lang) *App {
	return NewApp(testrules.Load(t), AppOptions{Lang: lang, Styles: plainStyles(), Now: testNow})
}

// TestProgressNeverJumpsBack answers a screening whose answers open follow-ups: the count of
// questions never grows and the place never goes back while the person goes on.
func TestProgressNeverJumpsBack(t *testing.T) {
	s := NewScreening(testrules.Load(t), ScreeningOptions{Lang: screening.EN, Styles: plainStyles(), Now: testNow})
	d := drive(t, s, 80, 24)
	steps := [][]tea.Msg{pick(1), pick(1), pick(1), pick(4), msgs(runes("3"), kEnter), pick(1), pick(1),
		pick(2), pick(1), msgs(kDown, kSpace, kEnter), pick(2), pick(1), pick(1), pick(2),
		msgs(runes("aspirin"), kEnter), pick(1), pick(1), pick(1), pick(1)}
	pn, pm := s.Position()
	for i, keys := range steps {
		d.send(keys...)
		if s.walk.Reviewing() {
			if i != len(steps)-1 {
				t.Fatalf("review after step %d of %d", i+1, len(steps))
			}
			break
		}
		n, m := s.Position()
		if n != pn+1 || m > pm {
			t.Fatalf("step %d: %d of %d after %d of %d", i+1, n, m, pn, pm)
		}
		pn, pm = n, m
	}
	if !s.walk.Reviewing() {
		t.Fatal("never reached the review")
	}
}

// TestExplainKey: at 40x12, wherever a question's explanation is below the fold the help line
// offers ?, which shows it; ?, esc or enter go back to the question without answering it.
func TestExplainKey(t *testing.T) {
	for _, lang := range testLangs {
		t.Run(string(lang), func(t *testing.T) {
			rs := testrules.Load(t)
			s := NewScreening(rs, ScreeningOptions{Lang: lang, Styles: plainStyles(), Now: testNow})
			d := drive(t, s, 40, 12)
			hidden := 0
			for _, q := range rs.Questions {
				help := q.Help.In(lang)
				if help == "" || q.Kind == screening.Free {
					continue
				}
				d.send(s.goTo(q))
				first := wrapText(help, measureWidth(40))[0]
				if strings.Contains(d.view(), first) {
					continue // in view: no need for ?
				}
				hidden++
				d.contains("? " + tr(lang, "key.explain"))
				for _, close := range []tea.Msg{runes("?"), kEsc, kEnter} {
					d.send(runes("?"))
					d.contains(tr(lang, "key.close"), first)
					d.send(close)
					d.lacks(tr(lang, "key.close"))
					d.contains(wrapText(q.Text.In(lang), measureWidth(40))[0])
					if s.answers.Get(q).Set {
						t.Fatalf("%s: the explanation answered the question", q.ID)
					}
				}
			}
			if hidden == 0 {
				t.Fatal("no question has its explanation below the fold at 40x12")
			}
			t.Logf("%d questions with the explanation below the fold", hidden)
		})
	}
}

// TestWelcomeQuitKeys: q and esc quit from the first screen.
func TestWelcomeQuitKeys(t *testing.T) {
	for _, k := range []tea.Msg{runes("q"), kEsc} {
		d := drive(t, newTestApp(t, screening.EN), 80, 24)
		d.send(k)
		if !d.quit {
			t.Errorf("%v on the welcome screen did not quit", k)
		}
	}
}

// TestWelcomeOpensAtItsTop: at 40x12 the first screen shows its title first.
func TestWelcomeOpensAtItsTop(t *testing.T) {
	for _, lang := range testLangs {
		d := drive(t, newTestApp(t, lang), 40, 12)
		d.contains(tr(lang, "welcome.title"))
		d.lacks(tr(lang, "more.above"))
	}
}

// TestTabIsNext: tab goes on as enter does (huh's "next field"), and with nothing chosen it
// does not answer either.
func TestTabIsNext(t *testing.T) {
	rs, s, d := driveScreening(t, 80, 24)
	tab := tea.KeyMsg{Type: tea.KeyTab}
	d.send(tab)
	d.contains("Please choose an answer")
	d.send(runes("1"), tab)
	if !s.answers.Get(rs.Questions[0]).Set {
		t.Fatal("tab did not take the answer")
	}
}

// TestBurstQuitYes: "q" and "y" typed in one burst on the summary both count: the program
// quits (the result is unsaved, so q asks and y answers).
func TestBurstQuitYes(t *testing.T) {
	for _, burst := range [][]tea.Msg{{runes("qy")}, {runes("q"), runes("y")}} {
		tm := teatest.NewTestModel(t, newTestApp(t, screening.EN), teatest.WithInitialTermSize(80, 24))
		tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
		tm.Send(kEnter)
		sendAll(tm.Send, firsts(15))
		tm.Send(kEnd)
		tm.Send(kEnter)
		waitFor(t, tm, "s save")
		sendAll(tm.Send, burst)
		fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
		if !fm.Ended() || !fm.Finished() {
			t.Fatalf("burst %v: ended %v finished %v", burst, fm.Ended(), fm.Finished())
		}
	}
}

// TestReviewTabs: in the review tab and shift+tab move between the answers, as between the
// fields of a huh form.
func TestReviewTabs(t *testing.T) {
	s := NewScreening(testrules.Load(t), ScreeningOptions{Lang: screening.EN, Styles: plainStyles(), Now: testNow})
	d := drive(t, s, 80, 24)
	d.send(firsts(15)...)
	d.send(tea.KeyMsg{Type: tea.KeyTab}, tea.KeyMsg{Type: tea.KeyTab})
	if s.rv.cursor != 2 || !s.walk.Reviewing() {
		t.Fatalf("cursor %d after two tabs", s.rv.cursor)
	}
	d.send(tea.KeyMsg{Type: tea.KeyShiftTab})
	if s.rv.cursor != 1 || !s.walk.Reviewing() {
		t.Fatalf("cursor %d after shift+tab (reviewing %v)", s.rv.cursor, s.walk.Reviewing())
	}
}

// TestSummaryKeepsItsPlaceOnResize: what was at the top of the summary is still on the screen
// after the terminal is resized and the text wrapped again.
func TestSummaryKeepsItsPlaceOnResize(t *testing.T) {
	for _, size := range [][2]int{{50, 24}, {120, 24}} {
		d := drive(t, newTestApp(t, screening.EN), 80, 24)
		d.send(kEnter)
		d.send(firsts(15)...)
		d.send(kEnd, kEnter)
		for !strings.HasPrefix(strings.Split(d.view(), "\n")[3], " Notices") {
			d.send(kDown)
			if d.app().summary.scroll.offset > 500 {
				t.Fatal("never scrolled to the notices")
			}
		}
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		d.contains("Notices")
	}
}
