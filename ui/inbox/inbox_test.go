package inbox

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/exoscreen/exoscreen/internal/eawidth"
	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

var t0 = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

type fixture struct {
	t  *testing.T
	o  *outbox.Outbox
	rs *screening.RuleSet
}

func newFixture(t *testing.T) *fixture {
	return &fixture{t: t, o: outbox.New(t.TempDir()), rs: outboxtest.RuleSet(t)}
}

func (f *fixture) add(p export.Patient, at time.Time, changes map[string]any) string {
	f.t.Helper()
	res := outboxtest.Result(f.t, f.rs, changes)
	id, err := f.o.Save(res, export.Meta{Lang: screening.JA, Time: at, Started: at.Add(-time.Minute), Patient: &p})
	if err != nil {
		f.t.Fatal(err)
	}
	return id
}

func start(t *testing.T, o *outbox.Outbox, opt Options) (*teatest.TestModel, *Model) {
	opt.Outbox = o
	if opt.Lang == "" {
		opt.Lang = screening.EN
	}
	opt.Location = time.UTC
	opt.Poll = 20 * time.Millisecond
	opt.NoWatch = true
	m := New(opt)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(110, 30))
	return tm, m
}

func waitFor(t *testing.T, tm *teatest.TestModel, want ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, w := range want {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(3*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

func press(tm *teatest.TestModel, s string) {
	switch s {
	case "enter":
		tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	case "esc":
		tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	case "down":
		tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	default:
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
	}
}

func quit(t *testing.T, tm *teatest.TestModel) *Model {
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	return tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(*Model)
}

func TestListOpenReviewExportDelete(t *testing.T) {
	f := newFixture(t)
	f.add(export.Patient{ReceptionNumber: "A-1"}, t0, nil)
	second := f.add(export.Patient{Name: "Hanako Yamada"}, t0.Add(time.Hour), map[string]any{"cancer": "unsure", "cancer_years": nil})
	tm, _ := start(t, f.o, Options{})
	waitFor(t, tm, "2 results (2 not reviewed)", "2026-11-21 10:00", "Hanako Yamada", "absolute", "A-1", "relative")
	press(tm, "enter")
	waitFor(t, tm, "Hanako Yamada", "lines 1-")
	press(tm, "r")
	waitFor(t, tm, "Marked as reviewed", "1 not reviewed")
	press(tm, "e")
	out := filepath.Join(t.TempDir(), "copy.txt")
	// replace the proposed name
	for range len(second) + 4 {
		tm.Send(tea.KeyMsg{Type: tea.KeyBackspace})
	}
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(out)})
	press(tm, "enter")
	waitFor(t, tm, "Written:")
	b, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(b, []byte("Hanako Yamada")) {
		t.Errorf("export: %v %q", err, b)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("export mode %04o", fi.Mode().Perm())
	}
	press(tm, "esc")
	waitFor(t, tm, "Reception / name")
	press(tm, "d")
	waitFor(t, tm, "Delete this result?")
	press(tm, "y")
	waitFor(t, tm, "Deleted.", "1 results")
	m := quit(t, tm)
	if len(m.Entries()) != 1 || m.Entries()[0].Label() != "A-1" {
		t.Errorf("entries after delete: %+v", m.Entries())
	}
	if _, err := os.Stat(filepath.Join(f.o.Dir, second+".json")); !os.IsNotExist(err) {
		t.Error("deleted result still on disk")
	}
}

func TestLiveArrival(t *testing.T) {
	f := newFixture(t)
	tm, _ := start(t, f.o, Options{})
	waitFor(t, tm, "No results yet")
	f.add(export.Patient{ReceptionNumber: "LIVE-7"}, t0, nil)
	waitFor(t, tm, "LIVE-7", "New results: 1")
	f.add(export.Patient{ReceptionNumber: "LIVE-8"}, t0.Add(time.Minute), nil)
	waitFor(t, tm, "LIVE-8", "New results: 2")
	m := quit(t, tm)
	if e := m.Entries(); len(e) != 2 || e[0].Label() != "LIVE-8" {
		t.Errorf("not newest first: %+v", e)
	}
}

func TestCorruptAndForeignFiles(t *testing.T) {
	f := newFixture(t)
	f.add(export.Patient{ReceptionNumber: "OK-1"}, t0, nil)
	os.WriteFile(filepath.Join(f.o.Dir, "20261121T090000.000Z-00000000000000aa.json"), []byte(`{"format":"exoscreen-result/1",`), 0o600)
	os.WriteFile(filepath.Join(f.o.Dir, "holiday.jpg"), []byte("\xff\xd8"), 0o600)
	os.WriteFile(filepath.Join(f.o.Dir, "evil\x1b[31mname.json"), []byte("{}"), 0o600)
	tm, _ := start(t, f.o, Options{})
	waitFor(t, tm, "OK-1", "unreadable: the result file is damaged", "holiday.jpg", "not an exoscreen result", `evil\x1b[31mname.json`)
	// Open the damaged one: the reason, no crash.
	press(tm, "down")
	press(tm, "enter")
	waitFor(t, tm, "cannot be read as a result")
	press(tm, "esc")
	m := quit(t, tm)
	if len(m.Entries()) != 4 {
		t.Errorf("%d entries, want 4", len(m.Entries()))
	}
}

func TestEscapeSequencesShownHarmlessly(t *testing.T) {
	f := newFixture(t)
	id := f.add(export.Patient{Name: "Mallory " + outboxtest.Hostile}, t0,
		map[string]any{"other_medication": "yes", "medication_names": outboxtest.Hostile})
	// And a planted result file whose fields carry raw escapes.
	planted := `{"format":"exoscreen-result/1","verdict":"none","completed_at":"2026-11-21T08:00:00Z","patient":{"name":"\u001b]0;owned\u0007\u001b[2J\u009b1m"},"findings":[]}`
	os.WriteFile(filepath.Join(f.o.Dir, "20261121T080000.000Z-00000000000000bb.json"), []byte(planted), 0o600)
	tm, _ := start(t, f.o, Options{})
	waitFor(t, tm, `Mallory`, `\x1b[2J`)
	press(tm, "enter")
	waitFor(t, tm, `aspirin\x1b[2J\x1b]0;pwned\x07`)
	press(tm, "esc")
	press(tm, "down")
	press(tm, "enter")
	waitFor(t, tm, "The summary file is missing", `\x1b]0;owned\x07`)
	press(tm, "esc")
	m := quit(t, tm)
	// Everything the inbox shows, exports or prints is free of raw control characters.
	for i := range m.Entries() {
		e := &m.Entries()[i]
		text, _ := summaryOf(m.opt.Outbox, e, m.opt.Lang)
		for _, s := range []string{text, m.row(e, 30)} {
			if bad := rawControl(s); bad != "" {
				t.Errorf("%s: raw %q in %q", e.Name, bad, s)
			}
		}
	}
	_ = id
}

// rawControl returns the first control character (other than the line feed) in s that is not
// part of the inbox's own styling, or "".
func rawControl(s string) string {
	for _, r := range stripStyles(s) {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x202e {
			return string(r)
		}
	}
	return ""
}

// stripStyles removes the SGR sequences lipgloss adds (tests run without colour, so there
// are none; this keeps the check honest if that changes).
func stripStyles(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestWrapLines(t *testing.T) {
	got := wrapLines("理由: 妊娠中の安全性が確かめられていないため、絶対禁忌とします。 Reason: pregnancy safety not established.", 20)
	for _, l := range got {
		if w := len([]rune(l)); w == 0 {
			t.Errorf("empty line in %q", got)
		}
		if pad(l, 0) != l {
			t.Error("pad changed the line")
		}
	}
	if strings.Join(got, "") == "" || len(got) < 4 {
		t.Errorf("not wrapped: %q", got)
	}
}

// TestMessagesNoAmbiguousGlyphs checks that no text of the inbox, in any language, uses
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

func TestPrintSendsSanitizedText(t *testing.T) {
	f := newFixture(t)
	f.add(export.Patient{Name: "Eve " + outboxtest.Hostile}, t0, nil)
	var printed []string
	tm, _ := start(t, f.o, Options{PrintName: "lp", Print: func(_ context.Context, s string) error { printed = append(printed, s); return nil }})
	waitFor(t, tm, "Eve")
	press(tm, "p")
	waitFor(t, tm, "Sent to the printer (lp)")
	quit(t, tm)
	if len(printed) != 1 || !strings.Contains(printed[0], `Eve aspirin\x1b[2J`) {
		t.Fatalf("printed %q", printed)
	}
	if bad := rawControl(printed[0]); bad != "" {
		t.Errorf("raw %q sent to the printer", bad)
	}
}

func TestUnreviewedFilter(t *testing.T) {
	f := newFixture(t)
	f.add(export.Patient{ReceptionNumber: "OLD-1"}, t0, nil)
	f.add(export.Patient{ReceptionNumber: "NEW-2"}, t0.Add(time.Minute), nil)
	tm, _ := start(t, f.o, Options{})
	waitFor(t, tm, "NEW-2", "OLD-1")
	press(tm, "enter")
	waitFor(t, tm, "NEW-2", "lines 1-")
	press(tm, "esc")
	press(tm, "u")
	waitFor(t, tm, "[not reviewed only]")
	press(tm, "enter")
	press(tm, "r") // reviewed from the open summary: it stays open
	waitFor(t, tm, "Marked as reviewed")
	press(tm, "esc")
	m := quit(t, tm)
	if len(m.Entries()) != 1 || m.Entries()[0].Label() != "OLD-1" {
		t.Errorf("filtered list %+v", m.Entries())
	}
}

// TestNarrowScreenWrapsHelpAndEmpty: on a 40-column terminal (a tablet at the desk), the
// key help and the empty-inbox sentence wrap onto more lines instead of being cut, in both
// modes, and no line is wider than the screen; the list still fits the screen's height.
func TestNarrowScreenWrapsHelpAndEmpty(t *testing.T) {
	for _, lang := range []screening.Lang{screening.EN, screening.JA} {
		f := newFixture(t)
		opt := Options{Outbox: f.o, Lang: lang, Location: time.UTC, Poll: 20 * time.Millisecond, NoWatch: true}
		tm := teatest.NewTestModel(t, New(opt), teatest.WithInitialTermSize(40, 14))
		waitFor(t, tm, "/tmp")
		time.Sleep(100 * time.Millisecond)
		m := quit(t, tm)
		m.loaded = true
		view := ansi.Strip(m.View())
		lines := strings.Split(view, "\n")
		if len(lines) > 14 {
			t.Errorf("%s: %d lines on a 14-line screen:\n%s", lang, len(lines), view)
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > 40 {
				t.Errorf("%s: line %d cells wide: %q", lang, w, l)
			}
		}
		flat := strings.ReplaceAll(strings.ReplaceAll(view, "\n", ""), " ", "")
		for _, b := range m.keys.ListHelp() {
			if h := b.Help(); b.Enabled() && h.Key != "" && !strings.Contains(flat, strings.ReplaceAll(h.Key+h.Desc, " ", "")) {
				t.Errorf("%s: the help %q %q is not on the screen:\n%s", lang, h.Key, h.Desc, view)
			}
		}
		if empty := strings.ReplaceAll(tr(lang, "empty"), " ", ""); !strings.Contains(flat, empty) {
			t.Errorf("%s: the empty-inbox sentence is cut:\n%s", lang, view)
		}
	}
}
