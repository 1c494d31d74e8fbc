package ui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/exoscreen/exoscreen/screening"
)

// The review screen: every answer given, in questionnaire order, with the question it
// answers. Enter on an answer changes it (and asks any follow-up the change calls for before
// coming back here); enter on the button at the end confirms and finishes the screening.

// review is the state of the review screen.
type review struct {
	cursor int // index into the visible questions; len(visible) is the confirm button
	scroll scroller
}

func (s *Screening) updateReview(msg tea.Msg) (tea.Model, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return s, nil
	}
	vis := s.answers.Visible()
	last := len(vis) // the confirm button
	switch {
	case key.Matches(km, s.keys.Up):
		s.rv.cursor = max(s.rv.cursor-1, 0)
	case key.Matches(km, s.keys.Down), km.String() == "tab":
		s.rv.cursor = min(s.rv.cursor+1, last)
	case key.Matches(km, s.keys.Top):
		s.rv.cursor = 0
	case key.Matches(km, s.keys.Bottom):
		s.rv.cursor = last
	case key.Matches(km, s.keys.PageUp):
		s.rv.cursor = max(s.rv.cursor-5, 0)
	case key.Matches(km, s.keys.PageDown):
		s.rv.cursor = min(s.rv.cursor+5, last)
	case key.Matches(km, s.keys.Back):
		// Back from the review: the last question.
		s.editing = false
		return s, s.goTo(vis[len(vis)-1])
	case key.Matches(km, s.keys.Select):
		if s.rv.cursor >= last {
			return s, s.finish()
		}
		s.editing = true
		return s, s.goTo(vis[s.rv.cursor])
	}
	return s, nil
}

func (s *Screening) reviewHeader() []string {
	vis := s.answers.Visible()
	return headerLines(s.st, tr(s.lang, "review.title"), tr(s.lang, "review.count", len(vis)), s.width, s.height)
}

func (s *Screening) reviewFooter() []string {
	vis := s.answers.Visible()
	sel := withHelp(s.keys.Select, "enter", tr(s.lang, "key.change"))
	if s.rv.cursor >= len(vis) {
		sel = withHelp(s.keys.Select, "enter", tr(s.lang, "key.confirm"))
	}
	binds := []key.Binding{s.keys.Up, sel, s.keys.Back}
	if !s.opt.Kiosk {
		binds = append(binds, s.keys.Quit)
	}
	return helpLine(s.st, s.width, binds...)
}

func (s *Screening) viewReview() string {
	header, footer := s.reviewHeader(), s.reviewFooter()
	avail := s.height - len(header) - len(footer)
	w := s.contentWidth()
	var body []string
	for _, l := range wrapText(tr(s.lang, "review.intro"), w) {
		body = append(body, " "+s.st.Help.Render(l))
	}
	body = append(body, "")
	vis := s.answers.Visible()
	lo, hi := 0, 0
	var section *screening.Section
	for i, q := range vis {
		start := len(body) // the item, with its section heading when it opens a section
		if q.Section != nil && q.Section != section {
			section = q.Section
			if i > 0 {
				body = append(body, "")
			}
			for _, l := range wrapText(section.Title.In(s.lang), w) {
				body = append(body, " "+s.st.Heading.Render(l))
			}
		}
		mark := "  "
		if i == s.rv.cursor {
			mark = "> "
		}
		num := strconv.Itoa(i+1) + ". "
		for j, l := range wrapIndent(q.Text.In(s.lang), num, w-2) {
			style := s.st.Text
			m := "  "
			if i == s.rv.cursor {
				style = s.st.Cursor
				if j == 0 {
					m = mark
				}
			}
			body = append(body, " "+style.Render(m)+style.Render(l))
		}
		ans := answerText(q, s.answers.Get(q), s.lang)
		for _, l := range wrapIndent(ans, spaces(textWidth(num)), w-2) {
			body = append(body, " "+"  "+s.st.Answer.Render(l))
		}
		if i == s.rv.cursor {
			lo, hi = start, len(body)-1
		}
	}
	body = append(body, "")
	btn := tr(s.lang, "review.confirm")
	if s.rv.cursor >= len(vis) {
		lo = len(body)
		body = append(body, " "+s.st.Cursor.Render("> ")+s.st.Button.Render(btn))
		hi = len(body) - 1
	} else {
		body = append(body, " "+"  "+s.st.Text.Render(btn))
	}
	body = s.rv.scroll.window(body, avail, lo, hi, true, s.st, s.lang)
	return frame(header, body, footer, s.width, s.height)
}
