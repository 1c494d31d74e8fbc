package kiosk

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/exoscreen/exoscreen/internal/golden"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/screening"
)

// TestGoldenScreens keeps every kiosk screen at 80x24 in both languages under
// testdata/<lang>-<screen>.golden (trailing spaces trimmed; go test ./ui/kiosk -update
// rewrites them).
func TestGoldenScreens(t *testing.T) {
	rs := outboxtest.RuleSet(t)
	res := outboxtest.Result(t, rs, map[string]any{"cancer": "unsure", "cancer_years": nil})
	for _, lang := range []screening.Lang{screening.JA, screening.EN} {
		for _, tc := range []struct {
			name  string
			setup func(m *Model)
		}{
			{"welcome", func(m *Model) {}},
			{"details", func(m *Model) {
				m.welcomeKey(tea.KeyMsg{Type: tea.KeyEnter})
				m.det.inputs[0].SetValue("17")
				m.det.errs[1] = "err.required"
			}},
			{"done", func(m *Model) { m.state, m.deadline = stDone, m.clock.Now().Add(15*time.Second) }},
			{"done-show-result", func(m *Model) {
				m.opt.ShowResult = true
				m.shown = newPatientSummary(res, lang)
				m.state, m.deadline = stDone, m.clock.Now().Add(45*time.Second)
			}},
			{"failed", func(m *Model) { m.state = stFailed }},
			{"idle", func(m *Model) { m.state, m.deadline = stIdle, m.clock.Now().Add(30*time.Second) }},
			{"pin", func(m *Model) { m.openPIN(); m.pinMsg = tr(lang, "pin.wrong", 2) }},
			{"staff", func(m *Model) {
				m.pending = &finished{res: res, ans: rs.NewAnswers()}
				m.saveErr = errors.New("disk full")
				m.state = stStaff
			}},
		} {
			t.Run(string(lang)+"-"+tc.name, func(t *testing.T) {
				g, _ := NewGuard("2468")
				m := New(Options{RuleSet: rs, Lang: lang, Details: []Field{Reception, Name}, Guard: g, Where: "/srv/exoscreen/outbox", Clock: &fakeClock{now: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)}})
				m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
				m.lang = lang
				tc.setup(m)
				var b strings.Builder
				for _, l := range strings.Split(m.View(), "\n") {
					b.WriteString(strings.TrimRight(l, " ") + "\n")
				}
				golden.Equal(t, string(lang)+"-"+tc.name+".golden", b.String())
			})
		}
	}
}
