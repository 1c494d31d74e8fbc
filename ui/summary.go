package ui

import (
	"bytes"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// The summary screen: the verdict in words and colour, then the absolute, the relative and
// the none findings (each with the answer given, the reason and its sources; findings that
// need confirmation marked), the notices, the sources cited, the rule set's identity and the
// disclaimer. It scrolls when taller than the terminal. Outside a kiosk it offers saving the
// printable text summary (export.WriteText, the same text as `exoscreen evaluate`).

// QuitRequestMsg is emitted by the summary when the person asks to quit (q or ctrl+c); the
// model around it decides (the App asks for confirmation while the result is unsaved).
type QuitRequestMsg struct{}

// SummaryOptions configure a Summary.
type SummaryOptions struct {
	// Lang is the language of the summary. The defaults of Lang, Styles, Width and Height are
	// those of Common (for the result's rule set).
	Lang screening.Lang
	// Kiosk shows the summary without the save and quit keys.
	Kiosk bool
	// Styles as for ScreeningOptions.
	Styles *Styles
	// Started and Finished are printed in the saved summary (zero leaves them out).
	Started, Finished time.Time
	// Width and Height are the size until a tea.WindowSizeMsg arrives (80x24 when zero).
	Width, Height int
}

// Summary shows a result. It is a tea.Model.
type Summary struct {
	res  *screening.Result
	opt  SummaryOptions
	lang screening.Lang
	st   *Styles
	keys *Keys

	width, height int
	scroll        scroller
	lines         []string // the body, rendered for width
	linesWidth    int

	exporting *exportDialog
	saved     string // path of the last successful save
	status    string // last save message (already styled)
}

// NewSummary returns the summary screen of res.
func NewSummary(res *screening.Result, opt SummaryOptions) *Summary {
	var rs *screening.RuleSet
	if res != nil {
		rs = res.RuleSet
	}
	c := Common{Styles: opt.Styles, Lang: opt.Lang, Width: opt.Width, Height: opt.Height}.Defaults(rs)
	opt.Styles, opt.Lang = c.Styles, c.Lang
	return &Summary{res: res, opt: opt, lang: c.Lang, st: c.Styles, keys: NewKeys(c.Lang),
		width: c.Width, height: c.Height}
}

// Init does nothing: the summary is static.
func (m *Summary) Init() tea.Cmd { return nil }

// Result is the result shown.
func (m *Summary) Result() *screening.Result { return m.res }

// Saved is the path the summary was last saved to, or "".
func (m *Summary) Saved() string { return m.saved }

// Text is the printable text summary: export.WriteText, shared with `exoscreen evaluate`.
func (m *Summary) Text() []byte {
	var b bytes.Buffer
	export.WriteText(&b, m.res, export.Meta{Lang: m.lang, Time: m.opt.Finished, Started: m.opt.Started})
	return b.Bytes()
}

// Export writes the text summary to path atomically with mode 0600 in a tea.Cmd; the summary
// shows the outcome when it comes back. On failure the summary stays as it is, so nothing is
// lost.
func (m *Summary) Export(path string) tea.Cmd { return writeSummary(path, m.Text(), false, true) }

// Update handles a message.
func (m *Summary) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		// Keep the reading place: the text at the top stays at the top after the lines are
		// wrapped again for the new width.
		if m.scroll.offset > 0 {
			read := textBefore(m.body(), m.scroll.offset)
			m.width, m.height = msg.Width, msg.Height
			lines := m.body()
			m.scroll.offset = 0
			for i, seen := 0, 0; i < len(lines); i++ {
				if seen += textBefore(lines[i:], 1); seen > read {
					m.scroll.offset = i // the line holding the first character not yet read
					break
				}
			}
		}
		m.width, m.height = msg.Width, msg.Height
		if m.exporting != nil {
			m.exporting.width, m.exporting.height = msg.Width, msg.Height
		}
		return m, nil
	case exportResultMsg:
		m.exportResult(msg)
		return m, nil
	case exportCancelMsg:
		m.exporting = nil
		return m, nil
	}
	if m.exporting != nil {
		return m, m.exporting.update(msg)
	}
	if mm, ok := msg.(tea.MouseMsg); ok {
		if _, wheel := tapped(mm); wheel != 0 {
			m.scroll.wheel(wheel * wheelLines)
		}
		return m, nil
	}
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	avail := m.bodyHeight()
	switch {
	case key.Matches(km, m.keys.Up):
		m.scroll.offset = max(m.scroll.offset-1, 0)
	case key.Matches(km, m.keys.Down):
		m.scroll.offset++
	case key.Matches(km, m.keys.PageUp):
		m.scroll.page(-1, avail)
	case key.Matches(km, m.keys.PageDown):
		m.scroll.page(1, avail)
	case key.Matches(km, m.keys.Top):
		m.scroll.offset = 0
	case key.Matches(km, m.keys.Bottom):
		m.scroll.offset = len(m.body())
	case key.Matches(km, m.keys.Save) && !m.opt.Kiosk:
		m.exporting = newExportDialog(m, defaultExportName(m.opt.Finished))
		return m, m.exporting.init()
	case m.quitKey(km):
		return m, func() tea.Msg { return QuitRequestMsg{} }
	}
	return m, nil
}

// quitKey reports whether km asks to quit (q or ctrl+c, outside a kiosk and the save dialog).
func (m *Summary) quitKey(km tea.KeyMsg) bool {
	return m.exporting == nil && !m.opt.Kiosk && (key.Matches(km, m.keys.Close) || key.Matches(km, m.keys.Quit))
}

func (m *Summary) header() []string {
	v := m.res.Verdict
	badge := m.st.Verdict[v].Render(v.Label().In(m.lang))
	title := tr(m.lang, "summary.title")
	tw := textWidth(title)
	bw := lipgloss.Width(badge)
	var out []string
	if tw+2+bw <= m.width {
		out = append(out, m.st.Section.Render(title)+spaces(m.width-tw-bw)+badge)
	} else {
		out = append(out, badge)
	}
	if m.height >= compactHeight {
		out = append(out, m.st.Rule.Render(repeat("-", m.width)))
	}
	return out
}

func (m *Summary) footer() []string {
	var out []string
	if m.status != "" {
		out = append(out, m.status)
	}
	binds := []key.Binding{withHelp(m.keys.Up, "up/down", tr(m.lang, "key.scroll")), m.keys.PageUp}
	if !m.opt.Kiosk {
		binds = append(binds, m.keys.Save, m.keys.Close)
	}
	return append(out, HelpLines(m.st, m.width, binds...)...)
}

func (m *Summary) bodyHeight() int { return m.height - len(m.header()) - len(m.footer()) }

// View draws the summary (or the save dialog over it).
func (m *Summary) View() string {
	if m.exporting != nil {
		return m.exporting.view()
	}
	header, footer := m.header(), m.footer()
	avail := m.height - len(header) - len(footer)
	body := m.scroll.window(m.body(), avail, 0, 0, false, m.st, m.lang)
	return Frame{Header: header, Body: body, Footer: footer}.Render(m.width, m.height)
}

// body renders the summary for the current width (cached).
func (m *Summary) body() []string {
	if m.lines != nil && m.linesWidth == m.width {
		return m.lines
	}
	m.lines, m.linesWidth = m.render(measureWidth(m.width)), m.width
	return m.lines
}

func (m *Summary) render(w int) []string {
	st, lang, res := m.st, m.lang, m.res
	var out []string
	add := func(style lipgloss.Style, lines ...string) {
		for _, l := range lines {
			out = append(out, " "+style.Render(l))
		}
	}
	v := res.Verdict
	label := tr(lang, "summary.verdict") + ": "
	out = append(out, " "+st.Title.Render(label)+st.Verdict[v].Render(v.Label().In(lang)))
	// What the verdict means, in the words of the printed summary ("None" alone reads as "no
	// verdict yet").
	add(st.Class[v], wrapText(export.VerdictMeaning(v, lang), w)...)
	if n := res.NeedsConfirmation(); n > 0 {
		add(st.Confirm, wrapText(tr(lang, "summary.confirmN", n), w)...)
	}
	add(st.Help, wrapText(tr(lang, "summary.verdictNB"), w)...)
	for _, c := range []screening.Class{screening.Absolute, screening.Relative, screening.None} {
		out = append(out, "")
		count := " (" + itoa(res.Count(c)) + ")"
		if lang == screening.JA {
			count = "（" + itoa(res.Count(c)) + "件）"
		}
		add(st.Class[c], wrapText("== "+c.Label().In(lang)+count+" ==", w)...)
		n := 0
		for i := range res.Findings {
			f := &res.Findings[i]
			if f.Class != c {
				continue
			}
			n++
			// "- [CONFIRM] question", as on paper.
			q := f.Question.Text.In(lang)
			mark := ""
			if f.NeedsConfirmation {
				mark = tr(lang, "summary.confirm") + " "
			}
			for i, l := range wrapIndent(mark+q, "- ", w) {
				if i == 0 && mark != "" {
					out = append(out, " "+st.Title.Render("- ")+st.Confirm.Render(strings.TrimSpace(mark))+st.Title.Render(" "+strings.TrimPrefix(l, "- "+mark)))
					continue
				}
				out = append(out, " "+st.Title.Render(l))
			}
			add(st.Answer, wrapIndent(answerText(f.Question, *f.Answer, lang), "  "+tr(lang, "summary.answer")+": ", w)...)
			add(st.Text, wrapIndent(f.Reason(lang), "  "+tr(lang, "summary.reason")+": ", w)...)
			add(st.Help, wrapIndent(strings.Join(f.SourceKeys(), ", "), "  "+tr(lang, "summary.sources")+": ", w)...)
		}
		if n == 0 {
			add(st.Help, wrapText(tr(lang, "summary.none"), w)...)
		}
	}
	rs := res.RuleSet
	out = append(out, "")
	add(st.Heading, wrapText(tr(lang, "summary.notices"), w)...)
	for _, n := range rs.Notices {
		keys := make([]string, len(n.Sources))
		for i, s := range n.Sources {
			keys[i] = s.Key
		}
		text := n.Text.In(lang)
		if len(keys) > 0 {
			text += export.SourceKeysNote(strings.Join(keys, ", "), lang)
		}
		add(st.Text, wrapIndent(text, "- ", w)...)
	}
	out = append(out, "")
	add(st.Heading, wrapText(tr(lang, "summary.srclist"), w)...)
	for _, s := range rs.Sources {
		add(st.Text, wrapIndent(export.SourceLine(s, lang), "["+s.Key+"] ", w)...)
		if s.URL != "" { // the address whole on a line of its own, broken only after a "/"
			add(st.Help, wrapURL(s.URL, w)...)
		}
	}
	out = append(out, "")
	add(st.Heading, wrapText(tr(lang, "summary.ruleset"), w)...)
	add(st.Text, wrapText(export.RulesetLine(rs, lang), w)...)
	add(st.Help, wrapText("SHA-256: "+rs.SHA256, w)...)
	out = append(out, "")
	add(st.Text, wrapText(rs.Disclaimer.In(lang), w)...)
	return out
}

// textBefore counts the characters of lines[:n], leaving out styling and spaces: wrapping the
// same text to another width keeps the count, so it finds the same place again.
func textBefore(lines []string, n int) int {
	c := 0
	for _, l := range lines[:min(n, len(lines))] {
		for _, r := range ansi.Strip(l) {
			if r != ' ' {
				c++
			}
		}
	}
	return c
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
