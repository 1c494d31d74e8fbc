package ui

import (
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

var testClock = time.Date(2026, 11, 21, 10, 30, 0, 0, time.UTC)

func testNow() time.Time { return testClock }

// loadRules is the test rule set (internal/testrules), not the live content/: the question
// counts and key sequences of these tests are those of the frozen set.
func loadRules(t testing.TB) *screening.RuleSet {
	t.Helper()
	return testrules.Load(t)
}

// plainStyles draw without colour (a renderer on a non-terminal), so frames compare as text.
func plainStyles() *Styles { return NewStyles(lipgloss.NewRenderer(io.Discard)) }

// Keys as a terminal sends them.
var (
	kEnter = tea.KeyMsg{Type: tea.KeyEnter}
	kDown  = tea.KeyMsg{Type: tea.KeyDown}
	kUp    = tea.KeyMsg{Type: tea.KeyUp}
	kEsc   = tea.KeyMsg{Type: tea.KeyEsc}
	kEnd   = tea.KeyMsg{Type: tea.KeyEnd}
	kHome  = tea.KeyMsg{Type: tea.KeyHome}
	kCtrlC = tea.KeyMsg{Type: tea.KeyCtrlC}
	kSpace = tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	kBksp  = tea.KeyMsg{Type: tea.KeyBackspace}
	kCtrlU = tea.KeyMsg{Type: tea.KeyCtrlU} // clears a text input before the cursor
)

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// driver runs a model synchronously: every message's commands are run and their messages
// fed back, except commands that take long (cursor blinks, ticks), which are dropped.
type driver struct {
	t     testing.TB
	m     tea.Model
	quit  bool
	msgs  []tea.Msg // messages seen that the test may look at (FinishedMsg, ...)
	depth int
	// pending are commands still running after the wait in run: timers, or file work slower
	// than that on a loaded machine. contains delivers what they bring before it fails.
	pending []chan tea.Msg
}

// driveScreening drives a Screening of the test rule set in English on a w x h terminal.
func driveScreening(t testing.TB, w, h int) (*screening.RuleSet, *Screening, *driver) {
	t.Helper()
	rs := testrules.Load(t)
	s := NewScreening(rs, ScreeningOptions{Lang: screening.EN, Styles: plainStyles(), Now: testNow})
	return rs, s, drive(t, s, w, h)
}

func drive(t testing.TB, m tea.Model, w, h int) *driver {
	d := &driver{t: t, m: m}
	d.run(m.Init())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

func (d *driver) send(msgs ...tea.Msg) *driver {
	d.t.Helper()
	for _, msg := range msgs {
		d.deliver(msg)
	}
	return d
}

func (d *driver) deliver(msg tea.Msg) {
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > 100 {
		d.t.Fatal("message loop")
	}
	switch msg.(type) {
	case tea.QuitMsg:
		d.quit = true
		return
	case FinishedMsg, LeftAtStartMsg, QuitRequestMsg:
		d.msgs = append(d.msgs, msg)
	}
	var cmd tea.Cmd
	d.m, cmd = d.m.Update(msg)
	d.run(cmd)
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(30 * time.Millisecond):
		d.pending = append(d.pending, ch) // a timer, or slow file work: see settle
		return
	}
	d.handle(msg)
}

// settle delivers the messages of pending commands that have finished since, waiting up to
// a few seconds for one while ok is false; it reports whether ok held in the end.
func (d *driver) settle(ok func() bool) bool {
	deadline := time.Now().Add(5 * time.Second)
	for !ok() && time.Now().Before(deadline) {
		delivered := false
		for i := 0; i < len(d.pending); i++ {
			select {
			case msg := <-d.pending[i]:
				d.pending = append(d.pending[:i], d.pending[i+1:]...)
				i--
				d.handle(msg)
				delivered = true
			default:
			}
		}
		if !delivered {
			time.Sleep(5 * time.Millisecond)
		}
	}
	return ok()
}

func (d *driver) handle(msg tea.Msg) {
	if msg == nil {
		return
	}
	if b, ok := msg.(tea.BatchMsg); ok {
		for _, c := range b {
			d.run(c)
		}
		return
	}
	// tea.Sequence's message is an unexported []tea.Cmd.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := 0; i < v.Len(); i++ {
			d.run(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	if reflect.TypeOf(msg).PkgPath() == "github.com/charmbracelet/bubbletea" && reflect.TypeOf(msg).Name() != "QuitMsg" {
		return // program-level requests (window size, ...)
	}
	d.deliver(msg)
}

func (d *driver) view() string { return ansi.Strip(d.m.View()) }

// contains fails the test unless the frame holds every s.
func (d *driver) contains(s ...string) {
	d.t.Helper()
	shows := func(x string) bool {
		v := d.view()
		// Text wrapped over lines counts too.
		var lines []string
		for _, l := range strings.Split(v, "\n") {
			lines = append(lines, strings.TrimSpace(l))
		}
		joinedJA, joinedEN := strings.Join(lines, ""), strings.Join(lines, " ")
		return strings.Contains(v, x) || strings.Contains(joinedJA, x) || strings.Contains(joinedEN, x)
	}
	for _, x := range s {
		if !d.settle(func() bool { return shows(x) }) {
			d.t.Fatalf("frame does not show %q:\n%s", x, d.view())
		}
	}
}

func (d *driver) lacks(s ...string) {
	d.t.Helper()
	v := d.view()
	for _, x := range s {
		if strings.Contains(v, x) {
			d.t.Fatalf("frame shows %q:\n%s", x, v)
		}
	}
}

func (d *driver) app() *App { return d.m.(*App) }

// newApp is the interactive app with a pinned clock and plain styles.
func newApp(t testing.TB, lang screening.Lang, export string) *App {
	return NewApp(loadRules(t), AppOptions{Lang: lang, Styles: plainStyles(), Now: testNow, ExportPath: export})
}
