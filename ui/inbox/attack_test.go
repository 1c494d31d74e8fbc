package inbox

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// probeMsg asks the probe to say when the model got to it: every message sent before it has
// been handled by then. fn, if any, runs in the program's loop: the only place a test may
// look at the model while the program runs.
type probeMsg struct{ fn func() }

// probe runs an inbox in a real tea.Program and reports when probeMsgs are handled.
type probe struct {
	m    *Model
	seen chan time.Time
}

func (p *probe) Init() tea.Cmd { return p.m.Init() }
func (p *probe) View() string  { return p.m.View() }
func (p *probe) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if pm, ok := msg.(probeMsg); ok {
		if pm.fn != nil {
			pm.fn()
		}
		p.seen <- time.Now()
		return p, nil
	}
	_, cmd := p.m.Update(msg)
	return p, cmd
}

// run starts m in a program without a terminal; the returned function ends it and waits.
func run(t *testing.T, m *Model) (*tea.Program, *probe, func()) {
	t.Helper()
	pr := &probe{m: m, seen: make(chan time.Time, 16)}
	p := tea.NewProgram(pr, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutSignalHandler())
	ended := make(chan struct{})
	go func() { p.Run(); close(ended) }()
	return p, pr, func() {
		p.Quit()
		select {
		case <-ended:
		case <-time.After(5 * time.Second):
			p.Kill()
			t.Error("the program did not end")
		}
	}
}

// answered sends msgs and reports how long until the model had handled them all.
func answered(t *testing.T, p *tea.Program, pr *probe, msgs ...tea.Msg) time.Duration {
	t.Helper()
	start := time.Now()
	for _, msg := range msgs {
		p.Send(msg)
	}
	p.Send(probeMsg{})
	select {
	case at := <-pr.seen:
		return at.Sub(start)
	case <-time.After(30 * time.Second):
		t.Fatal("no answer in 30 s")
	}
	return 0
}

// in runs fn in the program's loop and waits for it.
func in(t *testing.T, p *tea.Program, pr *probe, fn func()) {
	t.Helper()
	p.Send(probeMsg{fn: fn})
	select {
	case <-pr.seen:
	case <-time.After(30 * time.Second):
		t.Fatal("no answer in 30 s")
	}
}

// until waits until ok, run in the program's loop, holds.
func until(t *testing.T, p *tea.Program, pr *probe, what string, ok func() bool) {
	t.Helper()
	eventually(t, what, func() bool {
		var yes bool
		in(t, p, pr, func() { yes = ok() })
		return yes
	})
}

func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("not within 20 s: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

var (
	kEnter = tea.KeyMsg{Type: tea.KeyEnter}
	kDown  = tea.KeyMsg{Type: tea.KeyDown}
	kEsc   = tea.KeyMsg{Type: tea.KeyEsc}
	kNone  = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")} // a key that does nothing
)

// Issue 11.1 and 11.9: a summary with a 4 MB line without a break point, a summary that is
// a symbolic link and one larger than the size cap. Opening each, the inbox answers a key
// within 100 ms (before, the long line froze it for good, ctrl+c included); the long line is
// shown cut with a note; the other two say that the file exists and why it was refused (they
// said "the summary file is missing").
func TestHostileSummariesKeepTheInboxResponsive(t *testing.T) {
	f := newFixture(t)
	long := f.add(export.Patient{ReceptionNumber: "LONG"}, t0.Add(3*time.Minute), nil)
	link := f.add(export.Patient{ReceptionNumber: "LINK"}, t0.Add(2*time.Minute), nil)
	huge := f.add(export.Patient{ReceptionNumber: "HUGE"}, t0.Add(time.Minute), nil)
	txt := func(id string) string { return filepath.Join(f.o.Dir, id+outbox.SummaryExt) }
	if err := os.WriteFile(txt(long), []byte(strings.Repeat("A", outbox.MaxFileSize-16)), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(txt(link))
	if err := os.Symlink("/etc/passwd", txt(link)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(txt(huge), make([]byte, outbox.MaxFileSize+1), 0o600); err != nil {
		t.Fatal(err)
	}

	m := New(Options{Outbox: f.o, Lang: screening.EN, Location: time.UTC, NoWatch: true, Poll: time.Hour})
	p, pr, stop := run(t, m)
	defer stop()
	p.Send(tea.WindowSizeMsg{Width: 100, Height: 30})
	until(t, p, pr, "the list is read", func() bool { return m.Loaded() && len(m.Entries()) == 3 })

	for i, tc := range []struct{ label, want string }{
		{"LONG", "Shown cut: the file is too long to show whole"},
		{"LINK", "The summary file exists but was not opened (not a regular file (not opened))"},
		{"HUGE", "The summary file exists but was not opened (the file is too large"},
	} {
		var got string
		in(t, p, pr, func() { got = m.Entries()[i].Label() })
		if got != tc.label {
			t.Fatalf("entry %d is %s, want %s", i, got, tc.label)
		}
		// Open it, and at once press keys: down (scrolls), esc (back), enter (open again).
		// The peer is the same number of keys on the list, opening nothing, just before:
		// on a busy machine (or under -race) 100 ms alone says little.
		peer := answered(t, p, pr, kNone, kNone)
		if d := answered(t, p, pr, kEnter, kDown); slow(d, peer) {
			t.Errorf("%s: a key answered after %v while opening (%v without), want <= 100ms", tc.label, d, peer)
		}
		peer = answered(t, p, pr, kNone, kNone)
		answered(t, p, pr, kEsc)
		if d := answered(t, p, pr, kEnter, kDown); slow(d, peer) {
			t.Errorf("%s: opening again, a key answered after %v (%v without), want <= 100ms", tc.label, d, peer)
		}
		answered(t, p, pr, tea.KeyMsg{Type: tea.KeyHome}) // the down above may have scrolled
		var screen string
		for deadline := time.Now().Add(20 * time.Second); !strings.Contains(screen, tc.want); time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not within 20 s: %q; the screen:\n%s", tc.label, tc.want, screen)
			}
			in(t, p, pr, func() { screen = m.View() })
		}
		answered(t, p, pr, kEsc, kDown)
	}
}

// slow reports whether d misses the 100 ms target both in time and against the peer (the same
// keys when nothing is opened, measured just before).
func slow(d, peer time.Duration) bool { return d > 100*time.Millisecond && d > 4*peer }

// Issue 11.1: ctrl+c quits while a summary is being opened.
func TestCtrlCWhileOpening(t *testing.T) {
	f := newFixture(t)
	id := f.add(export.Patient{ReceptionNumber: "LONG"}, t0, nil)
	os.WriteFile(filepath.Join(f.o.Dir, id+outbox.SummaryExt), []byte(strings.Repeat("x", outbox.MaxFileSize-1)), 0o600)
	m := New(Options{Outbox: f.o, Lang: screening.EN, NoWatch: true, Poll: time.Hour})
	pr := &probe{m: m, seen: make(chan time.Time, 16)}
	p := tea.NewProgram(pr, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutSignalHandler())
	ended := make(chan time.Time, 1)
	go func() { p.Run(); ended <- time.Now() }()
	until(t, p, pr, "the list is read", m.Loaded)
	start := time.Now()
	p.Send(kEnter)
	p.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	select {
	case at := <-ended:
		if d := at.Sub(start); d > 500*time.Millisecond {
			t.Errorf("ctrl+c ended the inbox after %v", d)
		}
	case <-time.After(5 * time.Second):
		p.Kill()
		t.Fatal("ctrl+c did not end the inbox while it opened a summary")
	}
}

// Issue 11.2: a print command that takes long does not hold the inbox: keys are answered
// while it runs, and one that does not end in time is stopped and said so.
func TestSlowPrinter(t *testing.T) {
	f := newFixture(t)
	f.add(export.Patient{ReceptionNumber: "A-1"}, t0, nil)
	f.add(export.Patient{ReceptionNumber: "A-2"}, t0.Add(time.Minute), nil)
	stuck := func(ctx context.Context, text string) error {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(6 * time.Second):
			return nil
		}
	}
	m := New(Options{Outbox: f.o, Lang: screening.EN, NoWatch: true, Poll: time.Hour, Print: stuck, PrintName: "sleep 6", PrintTimeout: 300 * time.Millisecond})
	p, pr, stop := run(t, m)
	defer stop()
	until(t, p, pr, "the list is read", m.Loaded)
	if d := answered(t, p, pr, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("p")}, kDown); d > 100*time.Millisecond {
		t.Errorf("a key answered %v after p, want <= 100ms", d)
	}
	var cursor int
	var view string
	in(t, p, pr, func() { cursor, view = m.cursor, m.View() })
	if cursor != 1 {
		t.Errorf("the cursor did not move while printing: %d", cursor)
	}
	if !strings.Contains(view, "Sending to the printer") {
		t.Errorf("no word that printing runs:\n%s", view)
	}
	until(t, p, pr, "the timeout is shown", func() bool {
		return strings.Contains(m.View(), "The print command (sleep 6) did not finish within")
	})
}

// Issue 11.8: the first results show before the whole folder is read (newest first), and a
// key is answered as fast at 5,000 results as at 50. The machine is shared: times are compared
// with a 50-result inbox run in the same test, interleaved; a target missed on time alone
// fails only when the ratio is bad too.
func TestManyResults(t *testing.T) {
	type inbox struct {
		n      int
		m      *Model
		p      *tea.Program
		pr     *probe
		first  time.Duration
		keys   []time.Duration
		render []time.Duration
	}
	var boxes []*inbox
	sizes := []int{50, 5000}
	if os.Getenv("EXOSCREEN_SCALE_50K") != "" {
		sizes = append(sizes, 50000) // 1.2 GB of files: on demand only
	}
	for _, n := range sizes {
		dir := filepath.Join(t.TempDir(), "outbox")
		plant(t, dir, n)
		b := &inbox{n: n, m: New(Options{Outbox: outbox.New(dir), Lang: screening.EN, Location: time.UTC, NoWatch: true, Poll: time.Hour})}
		var stop func()
		start := time.Now()
		b.p, b.pr, stop = run(t, b.m)
		defer stop()
		var newest string
		until(t, b.p, b.pr, "the first results", func() bool {
			b.first = time.Since(start)
			if len(b.m.Entries()) > 0 {
				newest = b.m.Entries()[0].Label()
			}
			return newest != ""
		})
		if want := fmt.Sprintf("R-%06d", n-1); newest != want {
			t.Errorf("%d: the first result shown is %s, want the newest %s", n, newest, want)
		}
		var count int
		until(t, b.p, b.pr, "all results", func() bool { count = len(b.m.Entries()); return b.m.Loaded() })
		if count != n {
			t.Fatalf("%d entries, want %d", count, n)
		}
		boxes = append(boxes, b)
	}
	for range 30 {
		for _, b := range boxes {
			b.keys = append(b.keys, answered(t, b.p, b.pr, kDown))
			in(t, b.p, b.pr, func() {
				start := time.Now()
				b.m.View()
				b.render = append(b.render, time.Since(start))
			})
		}
	}
	small := boxes[0]
	key50, view50 := median(small.keys), median(small.render)
	for _, big := range boxes[1:] {
		key, view := median(big.keys), median(big.render)
		t.Logf("%d results: first results after %v (%v at 50); a key (median of 30) %v (%v at 50, ratio %.1f, max %v); View %v (%v at 50)",
			big.n, big.first, small.first, key, key50, ratio(key, key50), slices.Max(big.keys), view, view50)
		// The target is 300 ms (scripts/inbox-scale.sh measures it on the real binary); on a
		// loaded machine this in-process check only catches a listing that reads everything
		// before the first frame (seconds, as before the listing was read in steps).
		if big.first > 1500*time.Millisecond && ratio(big.first, small.first) > 10 && big.n <= 5000 {
			t.Errorf("first results after %v at %d (%v at 50), want well under 1.5 s", big.first, big.n, small.first)
		}
		if key > 50*time.Millisecond && ratio(key, key50) > 3 {
			t.Errorf("a key took %v at %d results (%v at 50), want <= 50ms", key, big.n, key50)
		}
		if view > 50*time.Millisecond && ratio(view, view50) > 3 {
			t.Errorf("View took %v at %d results (%v at 50)", view, big.n, view50)
		}
	}
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func ratio(a, b time.Duration) float64 { return float64(a) / float64(max(b, time.Microsecond)) }

// Issue 11.8: the folder is watched (file-change notifications), not polled: with polling
// set to an hour, a new result still shows at once, and nothing runs while nothing changes.
func TestWatchedNotPolled(t *testing.T) {
	f := newFixture(t)
	m := New(Options{Outbox: f.o, Lang: screening.EN, Location: time.UTC, Poll: time.Hour})
	p, pr, stop := run(t, m)
	defer stop()
	until(t, p, pr, "watching", func() bool { return m.Loaded() && m.watch != nil })
	var polling bool
	in(t, p, pr, func() { polling = m.polling })
	if polling {
		t.Fatal("polling although the folder can be watched")
	}
	f.add(export.Patient{ReceptionNumber: "LIVE-1"}, t0, nil)
	until(t, p, pr, "the new result", func() bool {
		return len(m.Entries()) == 1 && strings.Contains(m.View(), "New results: 1")
	})
	// A writer's hidden temporary file is not a change.
	var gen, after int
	in(t, p, pr, func() { gen = m.loadGen })
	os.WriteFile(filepath.Join(f.o.Dir, ".x.json.123.tmp"), []byte("x"), 0o600)
	time.Sleep(3 * settle)
	in(t, p, pr, func() { after = m.loadGen })
	if after != gen {
		t.Error("a hidden temporary file made the inbox read the folder")
	}
}

// The watched folder removed and made again (a kiosk's next save does that): the inbox goes
// over to polling and sees the results in the new folder.
func TestWatchedFolderRemoved(t *testing.T) {
	f := newFixture(t)
	m := New(Options{Outbox: f.o, Lang: screening.EN, Location: time.UTC, Poll: 50 * time.Millisecond})
	p, pr, stop := run(t, m)
	defer stop()
	until(t, p, pr, "watching", func() bool { return m.Loaded() && m.watch != nil })
	if err := os.RemoveAll(f.o.Dir); err != nil {
		t.Fatal(err)
	}
	until(t, p, pr, "polling", func() bool { return m.polling })
	f.add(export.Patient{ReceptionNumber: "AFTER-1"}, t0, nil)
	until(t, p, pr, "the result in the new folder", func() bool { return len(m.Entries()) == 1 })
}
