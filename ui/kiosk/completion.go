package kiosk

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/exoscreen/exoscreen/internal/linebreak"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// doneView thanks the patient. By default it does not show the verdict; with ShowResult it
// shows the patient summary: the verdict with the sentence the printed summary gives it, and
// the answers the doctor will look at.
func (m *Model) doneView() string {
	st, l := m.st, m.lang
	parts := []string{st.Title.Render(tr(l, "done.title")), ""}
	if !m.opt.ShowResult || m.shown == nil {
		parts = append(parts, m.paragraph(st.Text, tr(l, "done.tell")), "")
	} else {
		parts = append(parts, m.resultView()...)
	}
	parts = append(parts, m.paragraph(st.Text, tr(l, "done.doctor")), "",
		m.paragraph(st.Help, tr(l, "done.reset", m.seconds(m.deadline))))
	return lipgloss.JoinVertical(lipgloss.Center, parts...)
}

// resultView is the patient summary of the saved result.
func (m *Model) resultView() []string {
	st, l, r := m.st, m.lang, m.shown
	out := []string{st.Text.Render(tr(l, "done.result")) + "  " + st.Verdict[r.verdict].Render(r.verdict.Label().In(l)), "",
		m.paragraph(st.Title, export.VerdictMeaning(r.verdict, l)), ""}
	if len(r.items) == 0 {
		return append(out, m.paragraph(st.Text, tr(l, "done.noitems")), "")
	}
	// "- [要確認] question [class]": the mark where the summary screen and paper have it, the
	// lines broken by the one line breaker with a hanging indent, then styled.
	w := max(min(m.width-4, 76), 20)
	lines := []string{st.Text.Render(tr(l, "done.items"))}
	for _, it := range r.items {
		mark := ""
		if it.confirm {
			mark = tr(l, "done.confirm") + " "
		}
		class := "[" + it.class.Label().In(l) + "]"
		// The class stays whole: its spaces are no-break spaces while the lines are broken.
		for _, line := range linebreak.Indent(mark+it.text+" "+strings.ReplaceAll(class, " ", "\u00a0"), "- ", w) {
			line = strings.ReplaceAll(line, "\u00a0", " ")
			if head, ok := strings.CutSuffix(line, class); ok {
				lines = append(lines, st.Text.Render(head)+st.Class[it.class].Render(class))
				continue
			}
			lines = append(lines, st.Text.Render(line))
		}
	}
	return append(out, m.block(strings.Join(lines, "\n")), "")
}

// patientSummary is what the completion screen shows with ShowResult: the verdict and the
// questions that placed it, without the answers themselves.
type patientSummary struct {
	verdict screening.Class
	items   []summaryItem
}

type summaryItem struct {
	text    string
	class   screening.Class
	confirm bool
}

func newPatientSummary(res *screening.Result, l screening.Lang) *patientSummary {
	s := &patientSummary{verdict: res.Verdict}
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Class == screening.None && !f.NeedsConfirmation {
			continue
		}
		s.items = append(s.items, summaryItem{text: f.Question.Text.In(l), class: f.Class, confirm: f.NeedsConfirmation})
	}
	return s
}

// failedView asks the patient to fetch staff: the result could not be saved, and stays in
// memory for the staff screen.
func (m *Model) failedView() string {
	st, l := m.st, m.lang
	return lipgloss.JoinVertical(lipgloss.Center,
		st.Error.Render(tr(l, "failed.title")), "",
		m.paragraph(st.Text, tr(l, "failed.body")),
		"",
		m.paragraph(st.Title, tr(l, "failed.staff")),
	)
}

// idleView asks whether the patient is still there, with the countdown to the wipe.
func (m *Model) idleView() string {
	st, l := m.st, m.lang
	return lipgloss.JoinVertical(lipgloss.Center,
		st.Title.Render(tr(l, "idle.title")), "",
		m.paragraph(st.Text, tr(l, "idle.body")), "",
		m.paragraph(st.Confirm, tr(l, "idle.count", m.seconds(m.deadline))),
	)
}
