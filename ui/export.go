package ui

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/exoscreen/exoscreen/internal/atomicfile"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// The save dialog of the summary: a path prompt with a default name that carries no patient
// data, written atomically with mode 0600. A failure is shown in the dialog, in the person's
// language, and the result stays on the screen.

type exportDoneMsg struct{ path string }

type exportCancelMsg struct{}

// exportDialog asks where to save the summary.
type exportDialog struct {
	sum           *Summary
	input         textinput.Model
	err           string
	confirmed     string // a path the person agreed to overwrite
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
			path := strings.TrimSpace(d.input.Value())
			if path == "" {
				d.err = tr(lang, "export.empty")
				return nil
			}
			if fi, err := os.Stat(path); err == nil {
				if fi.IsDir() {
					d.err = tr(lang, "export.isdir")
					return nil
				}
				if d.confirmed != path {
					d.confirmed = path
					d.err = tr(lang, "export.exists")
					return nil
				}
			}
			if err := writeFileAtomic(path, d.sum.Text()); err != nil {
				d.err = tr(lang, "export.failed", saveError(err, lang))
				return nil
			}
			return func() tea.Msg { return exportDoneMsg{path: path} }
		}
		d.err = ""
		d.confirmed = ""
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	return cmd
}

func (d *exportDialog) view() string {
	st, lang := d.sum.st, d.sum.lang
	w := max(d.width-2, 20)
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
	footer := helpLine(st, d.width, withHelp(d.sum.keys.Select, "enter", tr(lang, "key.save")), d.sum.keys.Cancel)
	avail := d.height - len(header) - len(footer)
	if len(body) > avail && avail > 0 {
		// Keep the prompt and the error in view; the note goes first.
		body = body[:avail]
	}
	return frame(header, body, footer, d.width, d.height)
}

// saveError says in lang why a file could not be written.
func saveError(err error, lang screening.Lang) string {
	var reason string
	switch {
	case errors.Is(err, atomicfile.ErrIsDir):
		reason = tr(lang, "export.isdir")
	case errors.Is(err, atomicfile.ErrEmptyPath):
		reason = tr(lang, "export.empty")
	case errors.Is(err, fs.ErrNotExist):
		reason = tr(lang, "export.noDir")
	case errors.Is(err, fs.ErrPermission):
		reason = tr(lang, "export.denied")
	case errors.Is(err, syscall.ENOSPC):
		reason = tr(lang, "export.noSpace")
	default:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			reason = pe.Err.Error()
		} else {
			reason = err.Error()
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return reason + " (" + export.Sanitize(pe.Path) + ")"
	}
	return reason
}

// writeFileAtomic writes data to path atomically with mode 0600 (internal/atomicfile, shared
// with the accessible mode and the kiosk).
func writeFileAtomic(path string, data []byte) error {
	return atomicfile.WriteFile(path, data, 0o600)
}
