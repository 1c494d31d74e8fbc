// Package inbox is the staff's view of the kiosk outbox: a live list of results, newest
// first; open one to read its summary; export or print its text; mark it reviewed; delete it.
//
// Everything read from the outbox is outside text: every field is passed through
// export.Sanitize before it reaches the screen, a file or a printer, so escape sequences a
// patient typed (or someone planted in a file) are shown as text and never act on the staff's
// terminal.
//
// Update never touches the file system or runs a process: reading the folder, opening a
// summary, marking, deleting, exporting and printing run in tea.Cmds and come back as
// messages, so no file, folder or printer can freeze the screen; ctrl+c always quits. The
// folder is read in steps, newest first, so the first results show while the rest are read;
// it is watched with file-change notifications (fsnotify), or polled where there are none
// (network shares).
package inbox

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/exoscreen/exoscreen/internal/atomicfile"
	"github.com/exoscreen/exoscreen/internal/fserr"
	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Options configure the inbox.
type Options struct {
	Outbox *outbox.Outbox
	Lang   screening.Lang
	Styles *ui.Styles // nil: ui.NewStyles(lipgloss.DefaultRenderer()) (ui.Common)
	// Now is the clock (time.Now when nil); Location the time zone times are shown in
	// (time.Local when nil).
	Now      func() time.Time
	Location *time.Location
	// Poll is how often the folder is read again when it cannot be watched (no file-change
	// notifications: a network share, or NoWatch); default 2s.
	Poll time.Duration
	// NoWatch polls instead of watching the folder.
	NoWatch bool
	// Print prints a summary (nil: no printing); it must give up when ctx ends. PrintName
	// names it in messages; PrintTimeout is how long it may take (default 60s).
	Print        func(ctx context.Context, text string) error
	PrintName    string
	PrintTimeout time.Duration
}

type mode int

const (
	modeList mode = iota
	modeView
	modeConfirm
	modeExport
)

// Limits of what an open summary shows, so that no file takes long to show: a summary is a
// few kilobytes; more is cut, with a note (export and print give the whole text).
const (
	maxViewBytes = 128 << 10
	maxViewLine  = 2 << 10
)

// How many result files one step of reading the folder reads: few for the first step, so
// that the first results show at once.
const (
	firstStep = 100
	laterStep = 2000
)

type (
	pollMsg struct{}
	// stepMsg is one step of reading the folder.
	stepMsg struct {
		gen     int
		scan    *outbox.Scan
		entries []outbox.Entry
		err     error
	}
	// openedMsg is an opened summary, wrapped to the width it was opened at.
	openedMsg struct {
		gen   int
		name  string
		text  string
		lines []string
		note  string
		width int
	}
	// doneMsg is the outcome of an action (reviewed, delete, export, print).
	doneMsg struct {
		text   string
		isErr  bool
		toList bool // leave the open summary (it was deleted)
		export bool // the export prompt asked for it
		print  bool
	}
)

// Model is the inbox, a tea.Model. Use it as a pointer.
type Model struct {
	opt    Options
	st     *ui.Styles
	keys   *ui.InboxKeys
	lister *outbox.Lister

	all        []outbox.Entry // everything in the folder
	entries    []outbox.Entry // what the list shows: all, or the results not reviewed yet
	results    int            // readable results in all
	unreviewed int            // of them, not reviewed
	pending    bool           // show only results not reviewed yet
	dirErr     error
	seen       map[string]bool
	fresh      int // results that arrived while the inbox was open, not yet looked at

	// Reading the folder: one reading at a time; dirty asks for another when it ends.
	loading  bool
	loaded   bool // the first reading is done
	dirty    bool
	loadGen  int
	progress [2]int // results read, of how many (first reading)

	watch   *watcher
	polling bool

	mode   mode
	back   mode // where a dialog returns to
	cursor int
	top    int

	viewName  string // the open entry's file name
	viewText  string
	viewNote  string
	viewLines []string
	viewTop   int
	viewWidth int
	openGen   int
	opening   bool

	input     textinput.Model
	exporting bool // an export is being written
	printing  bool
	msg       string
	msgErr    bool

	width, height int
}

// New returns the inbox. It reads nothing yet: Init starts reading the folder.
func New(opt Options) *Model {
	c := ui.Common{Styles: opt.Styles, Lang: opt.Lang, Now: opt.Now}.Defaults(nil)
	opt.Styles, opt.Lang, opt.Now = c.Styles, c.Lang, c.Now
	if opt.Location == nil {
		opt.Location = time.Local
	}
	if opt.Poll <= 0 {
		opt.Poll = 2 * time.Second
	}
	if opt.PrintTimeout <= 0 {
		opt.PrintTimeout = time.Minute
	}
	keys := ui.NewInboxKeys(func(k string) string { return tr(opt.Lang, k) })
	return &Model{opt: opt, st: c.Styles, keys: keys, lister: &outbox.Lister{Outbox: opt.Outbox}, seen: map[string]bool{}, width: c.Width, height: c.Height}
}

// Init starts reading the folder and watching it.
func (m *Model) Init() tea.Cmd {
	if m.opt.NoWatch {
		m.polling = true
		return tea.Batch(m.load(), m.poll())
	}
	return tea.Batch(m.load(), startWatch(m.opt.Outbox.Dir))
}

func (m *Model) poll() tea.Cmd {
	return tea.Tick(m.opt.Poll, func(time.Time) tea.Msg { return pollMsg{} })
}

// Entries are the entries listed now.
func (m *Model) Entries() []outbox.Entry { return m.entries }

// Loaded reports whether the folder has been read once.
func (m *Model) Loaded() bool { return m.loaded }

// load reads the folder again in a tea.Cmd (or, while a reading runs, asks for another).
func (m *Model) load() tea.Cmd {
	if m.loading {
		m.dirty = true
		return nil
	}
	m.loading, m.dirty = true, false
	m.loadGen++
	gen, lister, now := m.loadGen, m.lister, m.opt.Now()
	return func() tea.Msg {
		scan, err := lister.Scan(now)
		if err != nil {
			return stepMsg{gen: gen, err: err}
		}
		return stepMsg{gen: gen, scan: scan, entries: scan.Next(firstStep)}
	}
}

// next reads the next step of scan in a tea.Cmd.
func next(gen int, scan *outbox.Scan) tea.Cmd {
	return func() tea.Msg { return stepMsg{gen: gen, scan: scan, entries: scan.Next(laterStep)} }
}

// step takes one step of a reading: the first reading shows each step's results at once
// (newest first); a later one replaces the list when it is done.
func (m *Model) step(msg stepMsg) tea.Cmd {
	if msg.gen != m.loadGen {
		return nil
	}
	if msg.err != nil {
		m.dirErr = msg.err // keep showing what was read before
		return m.loadEnded()
	}
	m.dirErr = nil
	if !m.loaded {
		m.progress = [2]int{m.progress[0] + len(msg.entries), msg.scan.Len()}
		for _, e := range msg.entries {
			m.seen[e.Name] = true
		}
		m.add(msg.entries)
	}
	if !msg.scan.Done() {
		return next(msg.gen, msg.scan)
	}
	entries := msg.scan.Entries()
	for _, e := range entries {
		if !m.seen[e.Name] {
			m.seen[e.Name] = true
			if m.loaded && e.Problem == nil {
				m.fresh++
			}
		}
	}
	m.setAll(entries)
	m.loaded = true
	return m.loadEnded()
}

// loadEnded ends a reading, and starts the next one if the folder changed meanwhile.
func (m *Model) loadEnded() tea.Cmd {
	m.loading = false
	if m.dirty {
		return m.load()
	}
	return nil
}

// add appends entries (of the first reading) to the list.
func (m *Model) add(entries []outbox.Entry) {
	m.all = append(m.all, entries...)
	for _, e := range entries {
		m.count(e)
		if m.shows(e) {
			m.entries = append(m.entries, e)
		}
	}
}

func (m *Model) count(e outbox.Entry) {
	if e.Problem == nil {
		m.results++
		if !e.Reviewed {
			m.unreviewed++
		}
	}
}

// shows reports whether the list shows e (with the filter).
func (m *Model) shows(e outbox.Entry) bool { return !m.pending || e.Problem == nil && !e.Reviewed }

// setAll replaces the list, keeping the cursor on the same entry.
func (m *Model) setAll(entries []outbox.Entry) {
	var cur string
	if m.cursor < len(m.entries) {
		cur = m.entries[m.cursor].Name
	}
	m.all = entries
	m.refilter()
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

func (m *Model) refilter() {
	m.results, m.unreviewed = 0, 0
	m.entries = m.all
	if m.pending {
		m.entries = nil
	}
	for _, e := range m.all {
		m.count(e)
		if m.pending && m.shows(e) {
			m.entries = append(m.entries, e)
		}
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
		if m.mode == modeView && m.viewWidth != m.textWidth() && !m.opening {
			return m, m.rewrap()
		}
		return m, nil
	case pollMsg:
		return m, tea.Batch(m.load(), m.poll())
	case watchMsg:
		if msg.err != nil {
			m.polling = true // no notifications here: read the folder every Poll
			return m, m.poll()
		}
		m.watch = msg.w
		return m, m.watch.wait()
	case changedMsg:
		return m, tea.Batch(m.load(), m.watch.wait())
	case watchEndedMsg:
		m.watch = nil
		m.polling = true
		return m, tea.Batch(m.load(), m.poll())
	case stepMsg:
		return m, m.step(msg)
	case openedMsg:
		if msg.gen == m.openGen {
			m.opening = false
			m.viewText, m.viewNote, m.viewLines, m.viewWidth = msg.text, msg.note, msg.lines, msg.width
			m.viewTop = min(m.viewTop, max(len(m.viewLines)-1, 0))
			if m.viewWidth != m.textWidth() {
				return m, m.rewrap()
			}
		}
		return m, nil
	case doneMsg:
		return m, m.done(msg)
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

// done shows the outcome of an action and reads the folder again.
func (m *Model) done(msg doneMsg) tea.Cmd {
	m.say(msg.text, msg.isErr)
	if msg.print {
		m.printing = false
		return nil
	}
	if msg.export {
		m.exporting = false
		if !msg.isErr && m.mode == modeExport {
			m.mode = m.back
		}
		return nil
	}
	if msg.toList && m.mode == modeView {
		m.mode = modeList
	}
	return m.load()
}

func (m *Model) say(s string, isErr bool) { m.msg, m.msgErr = s, isErr }

// quit stops watching the folder and ends the program.
func (m *Model) quit() (tea.Model, tea.Cmd) {
	if m.watch != nil {
		m.watch.close()
	}
	return m, tea.Quit
}

func (m *Model) key(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	if key.Matches(k, m.keys.Quit) {
		return m.quit()
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
	n, ks := len(m.entries), m.keys
	switch {
	case key.Matches(k, ks.Leave):
		return m.quit()
	case key.Matches(k, ks.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(k, ks.Down):
		m.cursor = min(m.cursor+1, max(n-1, 0))
	case key.Matches(k, ks.PageUp):
		m.cursor = max(m.cursor-m.listHeight(), 0)
	case key.Matches(k, ks.PageDown):
		m.cursor = min(m.cursor+m.listHeight(), max(n-1, 0))
	case key.Matches(k, ks.Top):
		m.cursor = 0
	case key.Matches(k, ks.Bottom):
		m.cursor = max(n-1, 0)
	case key.Matches(k, ks.Open):
		if e := m.current(); e != nil {
			return m, m.open(e)
		}
	case key.Matches(k, ks.Pending):
		m.pending = !m.pending
		m.setAll(m.all)
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
	l, box, ent := m.opt.Lang, m.opt.Outbox, *e
	switch {
	case key.Matches(k, m.keys.Reviewed):
		if e.Problem != nil {
			return m, nil
		}
		return m, func() tea.Msg {
			if err := box.SetReviewed(ent.ID, !ent.Reviewed); err != nil {
				return doneMsg{text: tr(l, "failed", fserr.Reason(err, l)), isErr: true}
			}
			if ent.Reviewed {
				return doneMsg{text: tr(l, "unmarked")}
			}
			return doneMsg{text: tr(l, "marked")}
		}
	case key.Matches(k, m.keys.Delete):
		m.back, m.mode = from, modeConfirm
	case key.Matches(k, m.keys.Export):
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
	case key.Matches(k, m.keys.Print):
		if e.Problem != nil {
			return m, nil
		}
		if m.opt.Print == nil {
			m.say(tr(l, "noprint"), true)
			return m, nil
		}
		if m.printing {
			m.say(tr(l, "printing"), false)
			return m, nil
		}
		m.printing = true
		m.say(tr(l, "printing"), false)
		print, name, timeout := m.opt.Print, export.Sanitize(m.opt.PrintName), m.opt.PrintTimeout
		return m, func() tea.Msg {
			text, _ := summaryOf(box, &ent, l)
			ctx, cancel := context.WithTimeout(context.Background(), timeout)
			defer cancel()
			err := print(ctx, text)
			switch {
			case errors.Is(ctx.Err(), context.DeadlineExceeded):
				return doneMsg{print: true, isErr: true, text: tr(l, "print.timeout", name, timeout.Round(time.Second))}
			case err != nil:
				return doneMsg{print: true, isErr: true, text: tr(l, "failed", export.Sanitize(err.Error()))}
			}
			return doneMsg{print: true, text: tr(l, "printed", name)}
		}
	}
	return m, nil
}

func (m *Model) confirmKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Yes):
		e := m.current()
		m.mode = m.back
		if e == nil {
			return m, nil
		}
		l, box, ent := m.opt.Lang, m.opt.Outbox, *e
		return m, func() tea.Msg {
			var err error
			if ent.ID != "" {
				err = box.Delete(ent.ID)
			} else {
				err = box.DeleteFile(ent.Name)
			}
			if err != nil {
				return doneMsg{text: tr(l, "failed", fserr.Reason(err, l)), isErr: true}
			}
			return doneMsg{text: tr(l, "deleted"), toList: true}
		}
	case key.Matches(k, m.keys.No):
		m.mode = m.back
	}
	return m, nil
}

func (m *Model) exportKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Cancel):
		m.mode = m.back
		return m, nil
	case key.Matches(k, m.keys.Save):
		e := m.current()
		path := strings.TrimSpace(m.input.Value())
		if e == nil || path == "" || m.exporting {
			return m, nil
		}
		m.exporting = true
		l, box, ent := m.opt.Lang, m.opt.Outbox, *e
		return m, func() tea.Msg {
			if strings.HasPrefix(path, "~/") {
				if home, err := os.UserHomeDir(); err == nil {
					path = filepath.Join(home, path[2:])
				}
			}
			text, _ := summaryOf(box, &ent, l)
			err := atomicfile.WriteNew(path, []byte(text), outbox.FileMode)
			switch {
			case errors.Is(err, fs.ErrExist):
				return doneMsg{export: true, isErr: true, text: tr(l, "export.exists")}
			case err != nil:
				return doneMsg{export: true, isErr: true, text: tr(l, "failed", fserr.Reason(err, l))}
			}
			return doneMsg{export: true, text: tr(l, "export.done", export.Sanitize(path))}
		}
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(k)
	return m, cmd
}

func (m *Model) viewKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	m.msg = ""
	h := m.viewHeight()
	last, ks := max(len(m.viewLines)-h, 0), m.keys
	switch {
	case key.Matches(k, ks.Back):
		m.mode = modeList
		m.opening = false
		m.openGen++ // an opening still running is forgotten
	case key.Matches(k, ks.LineUp):
		m.viewTop = max(m.viewTop-1, 0)
	case key.Matches(k, ks.LineDown):
		m.viewTop = min(m.viewTop+1, last)
	case key.Matches(k, ks.ViewPageUp):
		m.viewTop = max(m.viewTop-h, 0)
	case key.Matches(k, ks.ViewPageDown):
		m.viewTop = min(m.viewTop+h, last)
	case key.Matches(k, ks.Top):
		m.viewTop = 0
	case key.Matches(k, ks.Bottom):
		m.viewTop = last
	default:
		return m.action(k, modeView)
	}
	return m, nil
}

// textWidth is the width summaries are wrapped to.
func (m *Model) textWidth() int { return max(m.width-2, 20) }

// open shows the entry e: its summary is read and wrapped in a tea.Cmd.
func (m *Model) open(e *outbox.Entry) tea.Cmd {
	if m.viewName != e.Name {
		m.viewTop = 0
	}
	m.mode = modeView
	m.viewName = e.Name
	m.viewLines, m.viewText, m.viewNote = nil, "", ""
	m.opening = true
	m.openGen++
	if e.ID != "" && e.Problem == nil && m.fresh > 0 && !e.Reviewed {
		m.fresh--
	}
	gen, w, box, ent, l := m.openGen, m.textWidth(), m.opt.Outbox, *e, m.opt.Lang
	return func() tea.Msg {
		text, size := summaryOf(box, &ent, l)
		text, cut := clip(text)
		note := ""
		if cut {
			note = tr(l, "cut", size)
		}
		return openedMsg{gen: gen, name: ent.Name, text: text, lines: wrapLines(text, w), note: note, width: w}
	}
}

// rewrap wraps the open summary again to the screen's width, in a tea.Cmd.
func (m *Model) rewrap() tea.Cmd {
	m.openGen++
	m.opening = true
	gen, w, name, text, note := m.openGen, m.textWidth(), m.viewName, m.viewText, m.viewNote
	return func() tea.Msg {
		return openedMsg{gen: gen, name: name, text: text, lines: wrapLines(text, w), note: note, width: w}
	}
}

// clip cuts text to what can be shown quickly: at most maxViewBytes, each line at most
// maxViewLine bytes (at a character boundary). cut reports whether anything was left out.
func clip(text string) (string, bool) {
	cut := false
	if len(text) > maxViewBytes {
		text, cut = strings.ToValidUTF8(text[:maxViewBytes], ""), true
	}
	if !strings.Contains(text, "\n") && len(text) <= maxViewLine {
		return text, cut
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if len(l) > maxViewLine {
			lines[i], cut = strings.ToValidUTF8(l[:maxViewLine], "")+" ...", true
		}
	}
	return strings.Join(lines, "\n"), cut
}

// summaryOf is the printable text of e, made safe for a terminal: the summary file, or when it
// is missing or refused a summary built from the result file, or the reason it cannot be
// read; and the size of the file read (0: none). It reads files: call it in a tea.Cmd.
func summaryOf(box *outbox.Outbox, e *outbox.Entry, l screening.Lang) (string, int) {
	if e.Problem != nil {
		return export.Sanitize(e.Name) + "\n\n" + tr(l, "problem", export.Sanitize(e.Problem.Message(l))) + "\n", 0
	}
	b, sp := box.ReadSummary(e.ID)
	if sp == nil {
		return SanitizeText(string(b)), len(b)
	}
	why := tr(l, "nosummary")
	if sp.Kind != outbox.Missing {
		// The file is there but was not opened (a symbolic link, too large, unreadable).
		why = tr(l, "summary.refused", export.Sanitize(sp.Message(l)))
	}
	r, p := box.ReadResult(e.ID)
	if p != nil {
		return why + "\n" + tr(l, "problem", export.Sanitize(p.Message(l))) + "\n", 0
	}
	return why + "\n\n" + ResultText(r, l), 0
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
	if r.Lang != "" {
		b.WriteString(tr(l, "patientLang") + ": " + langName(r.Lang) + " (" + export.Sanitize(string(r.Lang)) + ")\n")
	}
	for _, f := range r.Findings {
		mark := ""
		if f.NeedsConfirmation {
			mark = " [" + tr(l, "col.confirm") + "]"
		}
		// In the inbox's language when the result carries its texts in every language (the
		// outbox's result files do), else as recorded, in the patient's language.
		answer, reason := f.AnswerText, f.Reason
		if t := f.Texts; t != nil && t.AnswerText[l] != "" && t.Reason[l] != "" {
			answer, reason = t.AnswerText[l], t.Reason[l]
		}
		b.WriteString("\n- " + export.Sanitize(f.Question) + ": " + f.Class.Label().In(l) + mark + "\n")
		if t := f.Texts; t != nil && t.QuestionText[l] != "" {
			b.WriteString("  " + export.Sanitize(t.QuestionText[l]) + "\n")
		}
		b.WriteString("  " + tr(l, "answer") + ": " + export.Sanitize(answer) + "\n")
		b.WriteString("  " + tr(l, "reason") + ": " + export.Sanitize(reason) + "\n")
	}
	return b.String()
}

// langName is the name of the language tag in itself (日本語, English, 简体中文, 繁體中文,
// 한국어, Tiếng Việt ...), or the tag when it has none.
func langName(tag screening.Lang) string {
	t, err := language.Parse(string(tag))
	if err != nil {
		return export.Sanitize(string(tag))
	}
	if n := display.Self.Name(t); n != "" {
		return export.Sanitize(n)
	}
	return export.Sanitize(string(tag))
}
