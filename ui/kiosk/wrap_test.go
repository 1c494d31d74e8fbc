package kiosk

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/internal/linebreak/linebreaktest"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/screening"
)

// TestNarrowJapaneseParagraphs renders the kiosk's paragraph screens at narrow widths: the
// paragraphs break at Japanese phrases with kinsoku (lipgloss alone left "30" alone on a
// line and broke お|答えください at 34 columns).
func TestNarrowJapaneseParagraphs(t *testing.T) {
	rs := outboxtest.RuleSet(t)
	for _, width := range []int{30, 34, 40, 60} {
		for _, state := range []string{"welcome", "idle", "failed", "details"} {
			g, _ := NewGuard("2468")
			m := New(Options{RuleSet: rs, Lang: screening.JA, Details: []Field{Reception, Name}, Guard: g, Where: "/srv/x",
				Clock: &fakeClock{now: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)}})
			m.Update(tea.WindowSizeMsg{Width: width, Height: 40})
			switch state {
			case "idle":
				m.state, m.deadline = stIdle, m.clock.Now().Add(30*time.Second)
			case "failed":
				m.state = stFailed
			case "details":
				m.welcomeKey(tea.KeyMsg{Type: tea.KeyEnter})
			}
			var lines []string
			for _, l := range strings.Split(ansi.Strip(m.View()), "\n") {
				lines = append(lines, strings.TrimRight(l, " "))
			}
			for _, p := range linebreaktest.Problems(lines, width) {
				t.Errorf("%s at %d columns: %s", state, width, p)
			}
			if t.Failed() {
				t.Fatalf("%s at %d columns:\n%s", state, width, strings.Join(lines, "\n"))
			}
		}
	}
}

// TestGoldenJapaneseLines checks the lines of the Japanese golden screens (80 columns) with
// the rules of the one line breaker: kinsoku, no lone kana before 。, terms and phrases whole.
func TestGoldenJapaneseLines(t *testing.T) {
	linebreaktest.Files(t, "testdata/ja-*.golden", 80)
}
