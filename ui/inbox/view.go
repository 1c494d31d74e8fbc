package inbox

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/internal/linebreak"
	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui"
	"github.com/rivo/uniseg"
)

// The inbox's screens are a ui.Frame: header (title and folder, 2 lines), body, footer
// (the status line and the keys, wrapped: 2 lines on a wide screen; the status line, prompt
// and input with the export prompt). The list's body is a blank line, the column titles and
// the rows; it leaves the screen's last line empty, as it always has.
const (
	headerLines = 2
	listChrome  = 3 // the list's blank line, column titles and spare last line
)

// keyLines is the help of binds, wrapped to the screen.
func (m *Model) keyLines(binds []key.Binding) []string {
	return ui.HelpLines(m.st, m.width, binds...)
}

// listHeight is how many rows of the list fit.
func (m *Model) listHeight() int { return m.listHeightWith(m.keyLines(m.keys.ListHelp())) }

// listHeightWith is listHeight with the list's key lines keys, already drawn.
func (m *Model) listHeightWith(keys []string) int {
	return max(m.height-headerLines-1-len(keys)-listChrome, 1)
}

// viewHeight is how many lines of an open summary fit.
func (m *Model) viewHeight() int { return m.viewHeightWith(m.keyLines(m.keys.ViewHelp())) }

// viewHeightWith is viewHeight with the summary's key lines keys, already drawn.
func (m *Model) viewHeightWith(keys []string) int {
	return max(m.height-headerLines-1-len(keys), 1)
}

// View draws the inbox.
func (m *Model) View() string {
	if m.mode == modeView || m.back == modeView && m.mode != modeList {
		return m.summaryView()
	}
	return m.listView()
}

func (m *Model) header() []string {
	l := m.opt.Lang
	title := m.st.Header.Render(tr(l, "title")) + "  " + m.st.Progress.Render(tr(l, "count", m.results, m.unreviewed))
	if m.pending {
		title += "  " + m.st.Section.Render(tr(l, "filter.pending"))
	}
	if m.fresh > 0 {
		title += "  " + m.st.Confirm.Render(tr(l, "new", m.fresh))
	}
	folder := m.st.Help.Render(fit(tr(l, "folder", export.Sanitize(m.opt.Outbox.Dir)), m.width))
	if !m.loaded && m.progress[1] > 0 {
		folder = m.st.Help.Render(fit(tr(l, "folder", export.Sanitize(m.opt.Outbox.Dir))+"  "+tr(l, "loading", m.progress[0], m.progress[1]), m.width))
	}
	if m.dirErr != nil {
		folder = m.st.Error.Render(fit(tr(l, "folder.error", export.Sanitize(m.dirErr.Error())), m.width))
	}
	return []string{fit(title, m.width), folder}
}

// footer is the status line and the keys (or the dialog that is open).
func (m *Model) footer(keys []string) []string {
	l := m.opt.Lang
	var status string
	switch {
	case m.mode == modeConfirm:
		key := "confirm.delete"
		if e := m.current(); e != nil && e.ID == "" {
			key = "confirm.file"
		}
		status = m.st.Confirm.Render(fit(tr(l, key), m.width))
	case m.msg != "" && m.msgErr:
		status = m.st.Error.Render(fit(m.msg, m.width))
	case m.msg != "":
		status = m.st.OK.Render(fit(m.msg, m.width))
	case m.printing:
		status = m.st.Help.Render(fit(tr(l, "printing"), m.width))
	}
	if m.mode == modeExport {
		return []string{status, fit(tr(l, "export.prompt"), m.width), m.input.View()}
	}
	return append([]string{status}, keys...)
}

// Columns of the list, in cells.
const (
	colTime    = 16
	colVerdict = 10
	colConfirm = 7
	colDone    = 8
)

func (m *Model) listView() string {
	l := m.opt.Lang
	who := max(m.width-(2+colTime+2+1+colVerdict+1+colConfirm+1+colDone), 10)
	out := []string{"", m.st.Section.Render(fit(
		"  "+pad(tr(l, "col.time"), colTime)+"  "+pad(tr(l, "col.who"), who)+" "+pad(tr(l, "col.verdict"), colVerdict)+" "+
			pad(tr(l, "col.confirm"), colConfirm)+" "+tr(l, "col.reviewed"), m.width))}
	keys := m.keyLines(m.keys.ListHelp()) // drawn once a frame: for the height and the footer
	h := m.listHeightWith(keys)
	if len(m.entries) == 0 && m.loaded {
		for _, line := range wrapLines(tr(l, "empty"), max(m.width-2, 10)) {
			out = append(out, m.st.Help.Render(line))
		}
	}
	if m.cursor < m.top {
		m.top = m.cursor
	}
	if m.cursor >= m.top+h {
		m.top = m.cursor - h + 1
	}
	m.top = max(min(m.top, len(m.entries)-h), 0)
	for i := m.top; i < len(m.entries) && i < m.top+h; i++ {
		e := &m.entries[i]
		row := m.row(e, who)
		if i == m.cursor {
			row = m.st.Cursor.Render("> " + row)
		} else {
			row = "  " + row
		}
		out = append(out, row)
	}
	footer := m.footer(keys)
	// The body is the blank line, the column titles and the listHeight rows that fit (at least
	// one, on a screen too small for them).
	header := m.header()
	return ui.Frame{Header: header, Body: out, Footer: footer}.Render(m.width, len(header)+2+h+len(footer))
}

// row is one entry of the list, every field sanitised and cut to its column.
func (m *Model) row(e *outbox.Entry, who int) string {
	l := m.opt.Lang
	t := ""
	if !e.Time.IsZero() {
		t = e.Time.In(m.opt.Location).Format("2006-01-02 15:04")
	}
	if e.Problem != nil {
		return pad(t, colTime) + "  " + m.st.Error.Render(fit(export.Sanitize(e.Name)+"  "+tr(l, "unreadable")+": "+export.Sanitize(e.Problem.Message(l)), max(m.width-colTime-4, 10)))
	}
	label := export.Sanitize(e.Label())
	if label == "" {
		label = tr(l, "nodetails")
	}
	confirm := ""
	if e.NeedsConfirmation > 0 {
		confirm = fmt.Sprint(e.NeedsConfirmation)
	}
	done := ""
	if e.Reviewed {
		done = tr(l, "reviewed")
	}
	verdict := m.st.Class[e.Verdict].Render(pad(verdictWord(e.Verdict, l), colVerdict))
	return pad(t, colTime) + "  " + pad(fit(label, who), who) + " " + verdict + " " + m.st.Confirm.Render(pad(confirm, colConfirm)) + " " + done
}

func (m *Model) summaryView() string {
	l := m.opt.Lang
	header := m.header()
	var body []string
	keys := m.keyLines(m.keys.ViewHelp())
	h := m.viewHeightWith(keys)
	if m.viewNote != "" {
		body = append(body, m.st.Error.Render(fit(m.viewNote, m.width)))
		h--
	}
	if m.opening && len(m.viewLines) == 0 {
		header[1] = m.st.Help.Render(fit(tr(l, "opening"), m.width))
	} else {
		end := min(m.viewTop+h, len(m.viewLines))
		header[1] = m.st.Help.Render(fit(tr(l, "lines", m.viewTop+1, end, len(m.viewLines)), m.width))
		body = append(body, m.viewLines[min(m.viewTop, end):end]...)
	}
	footer := m.footer(keys)
	// The body is the viewHeight lines that fit (with a cut note above them); at least one
	// line on a screen too small for the chrome.
	return ui.Frame{Header: header, Body: body, Footer: footer}.Render(m.width, len(header)+max(len(body), h)+len(footer))
}

// fit cuts s to w cells.
func fit(s string, w int) string {
	if uniseg.StringWidth(ansi.Strip(s)) <= w {
		return s
	}
	return ansi.Truncate(s, w, "...")
}

// pad fills s with spaces to w cells.
func pad(s string, w int) string {
	if n := w - ansi.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// wrapLines breaks s into lines of at most w cells with the line breaking of every screen
// and of paper (package internal/linebreak), in time linear in s.
func wrapLines(s string, w int) []string {
	return linebreak.Lines(strings.TrimRight(s, "\n"), w)
}

// verdictWord is the verdict in the list's narrow column: the label in a language written
// without spaces (絶対禁忌, four characters), else the class code (absolute).
func verdictWord(c screening.Class, l screening.Lang) string {
	if !l.Spaced() {
		return c.Label().In(l)
	}
	return c.String()
}
