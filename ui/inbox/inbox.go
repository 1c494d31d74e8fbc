// Package inbox is the staff's view of the kiosk outbox: a live list of results, newest
// first; open one to read its summary; export or print its text; mark it reviewed; delete it.
//
// Everything read from the outbox is outside text: every field is passed through
// export.Sanitize before it reaches the screen, a file or a printer, so escape sequences a
// patient typed (or someone planted in a file) are shown as text and never act on the staff's
// terminal.
package inbox

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/screening/outbox"
	"github.com/exoscreen/exoscreen/ui"
)

// Options configure the inbox.
type Options struct {
	Outbox *outbox.Outbox
	Lang   screening.Lang
	Styles *ui.Styles // nil: ui.NewStyles(lipgloss.DefaultRenderer())
	// Now is the clock (time.Now when nil); Location the time zone times are shown in
	// (time.Local when nil).
	Now      func() time.Time
	Location *time.Location
	// Poll is how often the folder is read again for new results (default 2s).
	Poll time.Duration
	// Print prints a summary (nil: no printing); PrintName names it in messages.
	Print     func(text string) error
	PrintName string
}

type mode int

const (
	modeList mode = iota
	modeView
	modeConfirm
	modeExport
)

type pollMsg struct{}

// Model is the inbox, a tea.Model. Use it as a pointer.
type Model struct {
	opt    Options
	st     *ui.Styles
	lister outbox.Lister

	all     []outbox.Entry // everything in the folder
	entries []outbox.Entry // what the list shows: all, or the results not reviewed yet
	pending bool           // show only results not reviewed yet
	dirErr  error
	seen    map[string]bool
	fresh   int // results that arrived while the inbox was open, not yet looked at

	mode   mode
	back   mode // where a dialog returns to
	cursor int
	top    int

	viewName  string // the open entry's file name
	viewLines []string
	viewTop   int

	input  textinput.Model
	msg    string
	msgErr bool

	width, height int
}

// New returns the inbox; it reads the folder at once.
func New(opt Options) *Model {
	if opt.Styles == nil {
		opt.Styles = ui.NewStyles(lipgloss.DefaultRenderer())
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Location == nil {
		opt.Location = time.Local
	}
	if opt.Poll <= 0 {
		opt.Poll = 2 * time.Second
	}
	m := &Model{opt: opt, st: opt.Styles, lister: outbox.Lister{Outbox: opt.Outbox}, width: 80, height: 24}
	m.reload()
	m.seen = map[string]bool{}
	for _, e := range m.entries {
		m.seen[e.Name] = true
	}
	return m
}

// Init starts polling the folder.
func (m *Model) Init() tea.Cmd { return m.poll() }

func (m *Model) poll() tea.Cmd {
	return tea.Tick(m.opt.Poll, func(time.Time) tea.Msg { return pollMsg{} })
}

// Entries are the entries listed now.
func (m *Model) Entries() []outbox.Entry { return m.entries }

// reload reads the folder again, keeping the cursor on the same entry.
func (m *Model) reload() {
	var cur string
	if m.cursor < len(m.entries) {
		cur = m.entries[m.cursor].Name
	}
	entries, err := m.lister.List(m.opt.Now())
	m.dirErr = err
	if err != nil {
		return // keep showing what was read before
	}
	m.all = entries
	m.entries = entries
	if m.pending {
		m.entries = nil
		for _, e := range entries {
			if e.Problem == nil && !e.Reviewed {
				m.entries = append(m.entries, e)
			}
		}
	}
	if m.seen != nil {
		for _, e := range entries {
			if !m.seen[e.Name] {
				m.seen[e.Name] = true
				if e.Problem == nil {
					m.fresh++
				}
			}
		}
	}
	m.cursor = 0
	for i, e := range m.entries {
		if e.Name == cur {
			m.cursor = i
			break
		}
	}
	if m.mode == modeView && m.find(m.viewName) < 0 {
		m.mode = modeList // deleted elsewhere
	}
}

// find is the index in m.all of the file name (-1: gone).
func (m *Model) find(name string) int {
	for i, e := range m.all {
		if e.Name == name {
			return i
		}
	}
	return -1
}

func (m *Model) current() *outbox.Entry {
	if m.mode == modeView || m.back == modeView && m.mode != modeList {
		if i := m.find(m.viewName); i >= 0 {
			return &m.all[i]
		}
		return nil
	}
	if m.cursor < len(m.entries) {
		return &m.entries[m.cursor]
	}
	return nil
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		if m.mode == modeView {
			m.open(m.viewName)
		}
		return m, nil
	case pollMsg:
		m.reload()
		return m, m.poll()
	case tea.KeyMsg:
		return m.key(msg)
	}
	if m.mode == modeExport {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) say(s string, isErr bool) { m.msg, m.msgErr = s, isErr }

func (m *Model) key(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	if k.String() == "ctrl+c" {
		return m, tea.Quit
	}
	switch m.mode {
	case modeConfirm:
		return m.confirmKey(k)
	case modeExport:
		return m.exportKey(k)
	case modeView:
		return m.viewKey(k)
	}
	m.msg = ""
	n := len(m.entries)
	switch k.String() {
	case "q", "esc":
		return m, tea.Quit
	case "up", "k":
		m.cursor = max(m.cursor-1, 0)
	case "down", "j":
		m.cursor = min(m.cursor+1, max(n-1, 0))
	case "pgup":
		m.cursor = max(m.cursor-m.listHeight(), 0)
	case "pgdown", " ":
		m.cursor = min(m.cursor+m.listHeight(), max(n-1, 0))
	case "home", "g":
		m.cursor = 0
	case "end", "G":
		m.cursor = max(n-1, 0)
	case "enter":
		if e := m.current(); e != nil {
			m.open(e.Name)
			m.mode = modeView
		}
	case "u":
		m.pending = !m.pending
		m.reload()
	default:
		return m.action(k, modeList)
	}
	return m, nil
}

// action runs the keys shared by the list and the open summary.
func (m *Model) action(k tea.KeyMsg, from mode) (tea.Model, tea.Cmd) {
	e := m.current()
	if e == nil {
		return m, nil
	}
	switch k.String() {
	case "r":
		if e.Problem != nil {
			return m, nil
		}
		if err := m.opt.Outbox.SetReviewed(e.ID, !e.Reviewed); err != nil {
			m.say(tr(m.opt.Lang, "failed", export.Sanitize(err.Error())), true)
		} else if e.Reviewed {
			m.say(tr(m.opt.Lang, "unmarked"), false)
		} else {
			m.say(tr(m.opt.Lang, "marked"), false)
		}
		m.reload()
	case "d":
		m.back, m.mode = from, modeConfirm
	case "e":
		if e.Problem != nil {
			return m, nil
		}
		m.back, m.mode = from, modeExport
		m.input = textinput.New()
		m.input.Prompt = "> "
		m.input.CharLimit = 4096
		m.input.Width = max(m.width-4, 20)
		m.input.SetValue(e.ID + ".txt")
		m.input.CursorEnd()
		return m, m.input.Focus()
	case "p":
		if e.Problem != nil {
			return m, nil
		}
		if m.opt.Print == nil {
			m.say(tr(m.opt.Lang, "noprint"), true)
			return m, nil
		}
		if err := m.opt.Print(m.summary(e)); err != nil {
			m.say(tr(m.opt.Lang, "failed", export.Sanitize(err.Error())), true)
		} else {
			m.say(tr(m.opt.Lang, "printed", export.Sanitize(m.opt.PrintName)), false)
		}
	}
	return m, nil
}

func (m *Model) confirmKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "y", "Y":
		e := m.current()
		m.mode = m.back
		if e == nil {
			return m, nil
		}
		var err error
		if e.ID != "" {
			err = m.opt.Outbox.Delete(e.ID)
		} else {
			err = m.opt.Outbox.DeleteFile(e.Name)
		}
		if err != nil {
			m.say(tr(m.opt.Lang, "failed", export.Sanitize(err.Error())), true)
		} else {
			m.say(tr(m.opt.Lang, "deleted"), false)
			m.mode = modeList
		}
		m.reload()
	case "n", "N", "esc", "q":
		m.mode = m.back
	}
	return m, nil
}

func (m *Model) exportKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "esc":
		m.mode = m.back
		return m, nil
	case "enter":
		e := m.current()
		path := strings.TrimSpace(m.input.Value())
		if e == nil || path == "" {
			return m, nil
		}
		if strings.HasPrefix(path, "~/") {
			if home, err := os.UserHomeDir(); err == nil {
				path = filepath.Join(home, path[2:])
			}
		}
		err := outbox.WriteNewFile(path, []byte(m.summary(e)))
		switch {
		case errors.Is(err, fs.ErrExist):
			m.say(tr(m.opt.Lang, "export.exists"), true)
			return m, nil
		case err != nil:
			m.say(tr(m.opt.Lang, "failed", export.Sanitize(err.Error())), true)
			return m, nil
		}
		m.say(tr(m.opt.Lang, "export.done", export.Sanitize(path)), false)
		m.mode = m.back
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(k)
	return m, cmd
}

func (m *Model) viewKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	m.msg = ""
	h := m.viewHeight()
	last := max(len(m.viewLines)-h, 0)
	switch k.String() {
	case "esc", "q", "backspace", "left":
		m.mode = modeList
	case "up", "k":
		m.viewTop = max(m.viewTop-1, 0)
	case "down", "j":
		m.viewTop = min(m.viewTop+1, last)
	case "pgup", "b":
		m.viewTop = max(m.viewTop-h, 0)
	case "pgdown", " ", "f":
		m.viewTop = min(m.viewTop+h, last)
	case "home", "g":
		m.viewTop = 0
	case "end", "G":
		m.viewTop = last
	default:
		return m.action(k, modeView)
	}
	return m, nil
}

// open reads the entry name for reading.
func (m *Model) open(name string) {
	i := m.find(name)
	if i < 0 {
		return
	}
	e := &m.all[i]
	if m.viewName != name {
		m.viewTop = 0
	}
	m.viewName = name
	if e.ID != "" && e.Problem == nil && m.fresh > 0 && !e.Reviewed {
		m.fresh--
	}
	m.viewLines = wrapLines(m.summary(e), max(m.width-2, 20))
}

// summary is the printable text of e, made safe for a terminal: the summary file, or when it
// is missing a summary built from the result file, or the reason it cannot be read.
func (m *Model) summary(e *outbox.Entry) string {
	l := m.opt.Lang
	if e.Problem != nil {
		return export.Sanitize(e.Name) + "\n\n" + tr(l, "problem", export.Sanitize(e.Problem.Message(l))) + "\n"
	}
	if b, p := m.opt.Outbox.ReadSummary(e.ID); p == nil {
		return SanitizeText(string(b))
	}
	r, p := m.opt.Outbox.ReadResult(e.ID)
	if p != nil {
		return tr(l, "problem", export.Sanitize(p.Message(l))) + "\n"
	}
	return tr(l, "nosummary") + "\n\n" + ResultText(r, l)
}

// SanitizeText makes a multi-line text safe for a terminal or a printer: each line goes
// through export.Sanitize, line breaks are kept.
func SanitizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = export.Sanitize(l)
	}
	return strings.Join(lines, "\n")
}

// ResultText is a plain summary built from a JSON result (when its text summary is missing),
// every field sanitised.
func ResultText(r *export.JSONResult, l screening.Lang) string {
	var b strings.Builder
	if r.Patient != nil && !r.Patient.IsZero() {
		b.WriteString(tr(l, "patient") + ": " + export.Sanitize(strings.TrimSpace(strings.Join([]string{r.Patient.ReceptionNumber, r.Patient.Name, r.Patient.DateOfBirth}, " "))) + "\n")
	}
	if r.CompletedAt != "" {
		b.WriteString(export.Sanitize(r.CompletedAt) + "\n")
	}
	b.WriteString(tr(l, "verdict") + ": " + r.Verdict.Label().In(l) + " (" + r.Verdict.String() + ")\n")
	for _, f := range r.Findings {
		mark := ""
		if f.NeedsConfirmation {
			mark = " [" + tr(l, "col.confirm") + "]"
		}
		b.WriteString("\n- " + export.Sanitize(f.Question) + ": " + f.Class.Label().In(l) + mark + "\n")
		b.WriteString("  " + tr(l, "answer") + ": " + export.Sanitize(f.AnswerText) + "\n")
		b.WriteString("  " + tr(l, "reason") + ": " + export.Sanitize(f.Reason) + "\n")
	}
	return b.String()
}
