package ui

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/exoscreen/exoscreen/internal/atomicfile"
	"github.com/exoscreen/exoscreen/internal/fserr"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// The save dialog of the summary: a path prompt with a default name that carries no patient
// data, written atomically with mode 0600. A failure is shown in the dialog, in the person's
// language, and the result stays on the screen.

type exportCancelMsg struct{}

// exportDialog asks where to save the summary.
type exportDialog struct {
	sum           *Summary
	input         textinput.Model
	err           string
	confirmed     string // a path the person agreed to overwrite
	busy          bool   // a write is in progress
	width, height int
}

// defaultExportName is the suggested file name: the time of the screening, no patient data.
func defaultExportName(t time.Time) string {
	if t.IsZero() {
		t = time.Now()
	}
	return "exoscreen-" + t.Format("20060102-150405") + ".txt"
}

func newExportDialog(sum *Summary, def string) *exportDialog {
	in := textinput.New()
	in.Prompt = "> "
	in.PromptStyle = sum.st.Cursor
	in.TextStyle = sum.st.Text
	in.Cursor.Style = sum.st.Cursor
	in.CharLimit = 4096
	in.SetValue(def)
	in.CursorEnd()
	return &exportDialog{sum: sum, input: in, width: sum.width, height: sum.height}
}

func (d *exportDialog) init() tea.Cmd { return d.input.Focus() }

func (d *exportDialog) update(msg tea.Msg) tea.Cmd {
	lang := d.sum.lang
	if km, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(km, d.sum.keys.Cancel):
			return func() tea.Msg { return exportCancelMsg{} }
		case km.Type == tea.KeyEnter:
			if d.busy {
				return nil // one write at a time
			}
			path := strings.TrimSpace(d.input.Value())
			if path == "" {
				d.err = tr(lang, "export.empty")
				return nil
			}
			d.busy = true
			return writeSummary(path, d.sum.Text(), d.confirmed != path, false)
		}
		d.err = ""
		d.confirmed = ""
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	return cmd
}

// result shows the outcome of the write the dialog asked for; done reports whether the
// summary was saved (the dialog closes).
func (d *exportDialog) result(msg exportResultMsg) (done bool) {
	lang := d.sum.lang
	d.busy = false
	switch {
	case msg.err == nil:
		return true
	case errors.Is(msg.err, errExists):
		d.confirmed = msg.path
		d.err = tr(lang, "export.exists")
	case errors.Is(msg.err, atomicfile.ErrIsDir):
		d.err = tr(lang, "export.isdir")
	default:
		d.err = tr(lang, "export.failed", saveError(msg.err, lang))
	}
	return false
}

// exportResultMsg is the outcome of writing the summary to a file, done in a tea.Cmd.
type exportResultMsg struct {
	path string
	err  error
	auto bool // the automatic save of --export, not the dialog
}

// errExists: the file exists and the person has not agreed to replace it yet.
var errExists = errors.New("the file exists")

// writeSummary writes data to path atomically with mode 0600 in a tea.Cmd (never in Update:
// a slow or hung disk must not freeze the screen). With ask, an existing file is not replaced
// (errExists comes back, and the dialog asks).
func writeSummary(path string, data []byte, ask, auto bool) tea.Cmd {
	return func() tea.Msg {
		if fi, err := os.Stat(path); err == nil {
			if fi.IsDir() {
				return exportResultMsg{path: path, auto: auto, err: &fs.PathError{Op: "write", Path: path, Err: atomicfile.ErrIsDir}}
			}
			if ask {
				return exportResultMsg{path: path, auto: auto, err: errExists}
			}
		}
		return exportResultMsg{path: path, auto: auto, err: atomicfile.WriteFile(path, data, 0o600)}
	}
}

// exportResult shows the outcome of a write on the summary (and closes the dialog when it
// asked for the write and it worked).
func (m *Summary) exportResult(msg exportResultMsg) {
	if m.exporting != nil && !msg.auto {
		if !m.exporting.result(msg) {
			return
		}
		m.exporting = nil
	}
	if msg.err != nil {
		m.status = m.st.Error.Render(tr(m.lang, "summary.saveFail", saveError(msg.err, m.lang)))
		return
	}
	m.saved = msg.path
	m.status = m.st.OK.Render(tr(m.lang, "summary.saved", export.Sanitize(msg.path)))
}

func (d *exportDialog) view() string {
	st, lang := d.sum.st, d.sum.lang
	w := measureWidth(d.width)
	header := headerLines(st, tr(lang, "export.title"), "", d.width, d.height)
	var body []string
	for _, l := range wrapText(tr(lang, "export.prompt"), w) {
		body = append(body, " "+st.Title.Render(l))
	}
	d.input.Width = max(w-3, 10)
	body = append(body, " "+d.input.View())
	if d.err != "" {
		for _, l := range wrapText(d.err, w) {
			body = append(body, " "+st.Error.Render(l))
		}
	}
	body = append(body, "")
	for _, l := range wrapText(tr(lang, "export.note"), w) {
		body = append(body, " "+st.Help.Render(l))
	}
	footer := HelpLines(st, d.width, withHelp(d.sum.keys.Select, "enter", tr(lang, "key.save")), d.sum.keys.Cancel)
	avail := d.height - len(header) - len(footer)
	if len(body) > avail && avail > 0 {
		// Keep the prompt and the error in view; the note goes first.
		body = body[:avail]
	}
	return Frame{Header: header, Body: body, Footer: footer}.Render(d.width, d.height)
}

// saveError says in lang why a file could not be written (internal/fserr, the one message
// catalogue of file errors), with the file's name.
func saveError(err error, lang screening.Lang) string {
	reason := fserr.Reason(err, lang)
	if p := fserr.Path(err); p != "" {
		return reason + " (" + p + ")"
	}
	return reason
}
