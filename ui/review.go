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
// A shown question without an answer is listed first, marked, and the button refuses to
// confirm while one is open.

// review is the state of the review screen.
type review struct {
	cursor int // index into the review's items; len(items) is the confirm button
	scroll scroller
	need   bool // confirm was refused: questions are open
	manual bool // scrolled with the wheel: don't follow the cursor until it moves
	// starts are the body lines each item starts on in the last view, then the button's line
	// and one past it (for taps).
	starts []int
}

// reviewItems are the shown questions in the order the review lists them: those without an
// answer first, then the answered ones in questionnaire order. open is how many lack one.
func (s *Screening) reviewItems() (items []*screening.Question, open int) {
	vis := s.answers.Visible()
	for _, q := range vis {
		if !s.answers.Get(q).Set {
			items = append(items, q)
		}
	}
	open = len(items)
	for _, q := range vis {
		if s.answers.Get(q).Set {
			items = append(items, q)
		}
	}
	return items, open
}

func (s *Screening) updateReview(msg tea.Msg) (tea.Model, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return s, nil
	}
	vis, open := s.reviewItems()
	last := len(vis) // the confirm button
	s.rv.need = false
	s.rv.manual = false
	switch {
	case key.Matches(km, s.keys.Up, s.keys.Prev): // shift+tab: the previous item, as in huh
		s.rv.cursor = max(s.rv.cursor-1, 0)
	case key.Matches(km, s.keys.Down, s.keys.Next):
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
		if q := s.walk.Back(); q != nil {
			return s, s.show(q)
		}
		return s, nil
	case key.Matches(km, s.keys.Select):
		if s.rv.cursor >= last && open > 0 {
			// Never confirmed with a shown question unanswered: say so, go to the first.
			s.rv.need = true
			s.rv.cursor = 0
			return s, nil
		}
		if s.rv.cursor >= last {
			return s, s.finish()
		}
		return s, s.show(s.walk.Jump(vis[s.rv.cursor]))
	}
	return s, nil
}

// reviewMouse: a tap on an answer puts the cursor on it and a second tap changes it; a tap on
// the button puts the cursor there and a second tap confirms, as enter does. The wheel
// scrolls.
func (s *Screening) reviewMouse(y int, tap bool, wheel int) tea.Cmd {
	if wheel != 0 {
		s.rv.scroll.wheel(wheel * wheelLines)
		s.rv.manual = true
		return nil
	}
	if !tap {
		return nil
	}
	line := s.rv.scroll.lineAt(y - len(s.reviewHeader()))
	if line < 0 {
		return nil
	}
	for i := 0; i+1 < len(s.rv.starts); i++ {
		if line < s.rv.starts[i] || line >= s.rv.starts[i+1] {
			continue
		}
		if s.rv.cursor == i {
			_, cmd := s.updateReview(tea.KeyMsg{Type: tea.KeyEnter})
			return cmd
		}
		s.rv.cursor = i
		s.rv.manual = false
		return nil
	}
	return nil
}

func (s *Screening) reviewHeader() []string {
	vis, _ := s.reviewItems()
	return headerLines(s.st, tr(s.lang, "review.title"), tr(s.lang, "review.count", len(vis)), s.width, s.height)
}

func (s *Screening) reviewFooter() []string {
	vis, _ := s.reviewItems()
	sel := withHelp(s.keys.Select, "enter", tr(s.lang, "key.change"))
	if s.rv.cursor >= len(vis) {
		sel = withHelp(s.keys.Select, "enter", tr(s.lang, "key.confirm"))
	}
	binds := []key.Binding{s.keys.Up, sel, s.keys.Back}
	if !s.opt.Kiosk {
		binds = append(binds, s.keys.Quit)
	}
	return HelpLines(s.st, s.width, binds...)
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
	vis, open := s.reviewItems()
	if s.rv.need {
		for _, l := range wrapText(errPrefix+tr(s.lang, "review.need"), w) {
			body = append(body, " "+s.st.Error.Render(l))
		}
	}
	if open > 0 {
		for _, l := range wrapText(tr(s.lang, "review.open", open), w) {
			body = append(body, " "+s.st.Error.Render(l))
		}
		body = append(body, "")
	}
	numW := len(strconv.Itoa(len(vis))) + 2 // "9. " and "10. " line up
	lo, hi := 0, 0
	var section *screening.Section
	s.rv.starts = s.rv.starts[:0]
	for i, q := range vis {
		start := len(body) // the item, with its section heading when it opens a section
		if i >= open && q.Section != nil && q.Section != section {
			section = q.Section
			if i > 0 {
				body = append(body, "")
			}
			for _, l := range wrapText(section.Title.In(s.lang), w) {
				body = append(body, " "+s.st.Heading.Render(l))
			}
		}
		s.rv.starts = append(s.rv.starts, len(body))
		mark := "  "
		if i == s.rv.cursor {
			mark = "> "
		}
		num := strconv.Itoa(i+1) + ". "
		num += spaces(numW - len(num))
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
		if i < open {
			body = append(body, " "+"  "+spaces(numW)+s.st.Error.Render(tr(s.lang, "review.unanswered")))
		} else {
			ans := answerText(q, s.answers.Get(q), s.lang)
			for _, l := range wrapIndent(ans, spaces(numW), w-2) {
				body = append(body, " "+"  "+s.st.Answer.Render(l))
			}
		}
		if i == s.rv.cursor {
			lo, hi = start, len(body)-1
		}
	}
	body = append(body, "")
	s.rv.starts = append(s.rv.starts, len(body), len(body)+1)
	btn := tr(s.lang, "review.confirm")
	if s.rv.cursor >= len(vis) {
		lo = len(body)
		body = append(body, " "+s.st.Cursor.Render("> ")+s.st.Button.Render(btn))
		hi = len(body) - 1
	} else {
		body = append(body, " "+"  "+s.st.Text.Render(btn))
	}
	body = s.rv.scroll.window(body, avail, lo, hi, !s.rv.manual, s.st, s.lang)
	return Frame{Header: header, Body: body, Footer: footer}.Render(s.width, s.height)
}
