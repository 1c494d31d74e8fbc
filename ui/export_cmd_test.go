package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// Issue 10.1: the summary is written in a tea.Cmd, never in Update: Update returns at once
// and the file appears only when the command runs; its outcome comes back as a message.
func TestSaveRunsInACommand(t *testing.T) {
	rs := testrules.Load(t)
	a := rs.NewAnswers()
	for _, q := range rs.Questions {
		if q.Kind == screening.Single && a.IsShown(q) {
			a.Set(q, screening.CodeValue(q.Options[0].Code))
		}
	}
	res, err := rs.Evaluate(a)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()

	// The save dialog.
	m := NewSummary(res, SummaryOptions{Lang: screening.EN, Styles: plainStyles(), Finished: testClock, Started: testClock})
	m.Update(runes("s"))
	if m.exporting == nil {
		t.Fatal("no save dialog")
	}
	path := filepath.Join(dir, "dialog.txt")
	m.exporting.input.SetValue(path)
	_, cmd := m.Update(kEnter)
	if _, err := os.Stat(path); err == nil {
		t.Fatal("the file was written inside Update")
	}
	if cmd == nil {
		t.Fatal("no command to write the file")
	}
	msg := cmd()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the command did not write the file: %v", err)
	}
	m.Update(msg)
	if m.exporting != nil || m.Saved() != path {
		t.Errorf("after the write: dialog open %v, saved %q", m.exporting != nil, m.Saved())
	}

	// The dialog asks before replacing, and shows a failure in words.
	m.Update(runes("s"))
	m.exporting.input.SetValue(path)
	_, cmd = m.Update(kEnter)
	m.Update(cmd())
	if !strings.Contains(m.exporting.err, "already exists") {
		t.Errorf("no question before replacing: %q", m.exporting.err)
	}
	m.exporting.input.SetValue(filepath.Join(path, "x.txt"))
	m.Update(tea.KeyMsg{Type: tea.KeyEnd}) // any key: forget the question
	_, cmd = m.Update(kEnter)
	m.Update(cmd())
	if !strings.Contains(m.exporting.err, "part of the path is a file") {
		t.Errorf("ENOTDIR not in words: %q", m.exporting.err)
	}

	// The automatic save of --export: the App counts it unfinished until it comes back.
	auto := filepath.Join(dir, "auto.txt")
	app := NewApp(rs, AppOptions{Lang: screening.EN, Styles: plainStyles(), Now: testNow, ExportPath: auto})
	app.Update(kEnter) // the welcome screen: start
	if app.screening == nil {
		t.Fatal("the welcome screen did not start the screening")
	}
	_, cmd = app.Update(FinishedMsg{Result: res, Answers: a, Started: testClock, Finished: testClock})
	if _, err := os.Stat(auto); err == nil {
		t.Fatal("--export was written inside Update")
	}
	if app.ExportError() == nil {
		t.Error("an unfinished save counts as saved")
	}
	for _, msg := range flatten(cmd) {
		app.Update(msg)
	}
	if app.ExportError() != nil {
		t.Fatal(app.ExportError())
	}
	if _, err := os.Stat(auto); err != nil {
		t.Fatal(err)
	}
}

// flatten runs cmd and the commands of a batch, and returns their messages (no ticks here).
func flatten(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, flatten(c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}
