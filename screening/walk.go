package screening

// Walk is one person's way through the questions of a rule set: the question they are at (or
// the review of the answers), which shown questions they have answered, and where they go on
// forward and back. Every screen that asks the questions (the TUI, the kiosk that embeds it,
// the line-by-line accessible mode) walks with it, so the order, the skipping of hidden
// questions, the dropping of answers a changed answer hides and the progress numbers are the
// same everywhere. A Walk does no I/O.
//
// Whether a question is shown is decided by the Answers (as the engine decides it). A
// question counts as answered (Asked) once the person has completed it, even an optional one
// left empty; a question that stops being shown loses its answer and is no longer answered.
type Walk struct {
	a     *Answers
	asked []bool
	cur   *Question // the question the person is at; nil before the first and on the review
	// returning: the person went to a question from the review, and goes back there once the
	// questions the change newly shows are answered.
	returning bool
	reviewing bool
}

// NewWalk returns a Walk over a at the first shown question (on the review when none is
// shown). The answers already in a count as not asked yet.
func NewWalk(a *Answers) *Walk {
	w := &Walk{a: a, asked: make([]bool, len(a.rs.Questions))}
	if q := w.after(-1); q != nil {
		w.cur = q
	} else {
		w.reviewing = true
	}
	return w
}

// Answers are the answers the Walk keeps (not a copy).
func (w *Walk) Answers() *Answers { return w.a }

// Current is the question the person is at: the last one shown before the review while
// Reviewing (nil when there was none).
func (w *Walk) Current() *Question { return w.cur }

// Reviewing reports whether the person is at the review of the answers.
func (w *Walk) Reviewing() bool { return w.reviewing }

// Asked reports whether the person has completed q (and it is still shown).
func (w *Walk) Asked(q *Question) bool { return w.asked[q.Index] }

// Answered records that the person completed q (its answer, if any, is already in the
// Answers), drops the answers of questions the answer hides (Prune) and forgets that those
// were asked. It returns how many answers were dropped.
func (w *Walk) Answered(q *Question) int {
	w.asked[q.Index] = true
	return w.Prune()
}

// Prune drops the answers of questions that are not shown now and forgets that they were
// asked; it returns how many answers were dropped.
func (w *Walk) Prune() int {
	n := w.a.Prune()
	for i, shown := range w.a.Shown() {
		if !shown {
			w.asked[i] = false
		}
	}
	return n
}

// Reopen clears the answer to q and goes to it, as a question not asked yet (for answers the
// engine refuses: nothing is passed on in doubt).
func (w *Walk) Reopen(q *Question) {
	w.a.Set(q, Value{}) //nolint:errcheck // the zero Value is always accepted
	w.asked[q.Index] = false
	w.GoTo(q)
}

// Forward goes on from the current question: to the next shown question, or, after a Jump
// from the review, to the first shown question not asked yet (the follow-ups a change calls
// for) and back to the review when there is none. It returns the question now current, nil
// on the review.
func (w *Walk) Forward() *Question {
	if w.returning {
		if q := w.FirstOpen(); q != nil {
			return w.GoTo(q)
		}
		w.Review()
		return nil
	}
	from := -1
	if w.cur != nil {
		from = w.cur.Index
	}
	if q := w.after(from); q != nil {
		return w.GoTo(q)
	}
	w.Review()
	return nil
}

// Open goes to the first shown question not asked yet, or to the review when every shown
// question is asked. It returns the question now current, nil on the review.
func (w *Walk) Open() *Question {
	if q := w.FirstOpen(); q != nil {
		return w.GoTo(q)
	}
	w.Review()
	return nil
}

// FirstOpen is the first shown question not asked yet, nil when every one is.
func (w *Walk) FirstOpen() *Question {
	for _, q := range w.a.Visible() {
		if !w.asked[q.Index] {
			return q
		}
	}
	return nil
}

// Back goes to the shown question before the current one (from the review: the last shown
// question) and returns it; at the first question it stays and returns nil. A Jump from the
// review still returns there.
func (w *Walk) Back() *Question {
	if w.reviewing {
		vis := w.a.Visible()
		if len(vis) == 0 {
			return nil
		}
		w.returning = false
		return w.GoTo(vis[len(vis)-1])
	}
	if w.cur == nil {
		return nil
	}
	if q := w.Prev(w.cur); q != nil {
		return w.GoTo(q)
	}
	return nil
}

// Prev is the shown question before q, nil when q is the first.
func (w *Walk) Prev(q *Question) *Question {
	shown := w.a.Shown()
	for i := q.Index - 1; i >= 0; i-- {
		if shown[i] {
			return w.a.rs.Questions[i]
		}
	}
	return nil
}

// after is the first shown question after index i, nil when there is none.
func (w *Walk) after(i int) *Question {
	shown := w.a.Shown()
	for j := i + 1; j < len(shown); j++ {
		if shown[j] {
			return w.a.rs.Questions[j]
		}
	}
	return nil
}

// GoTo makes q the current question (leaving the review) and returns it.
func (w *Walk) GoTo(q *Question) *Question {
	w.cur = q
	w.reviewing = false
	return q
}

// Jump goes from the review to q to change its answer: going Forward afterwards asks the
// questions the change newly shows and then returns to the review.
func (w *Walk) Jump(q *Question) *Question {
	w.returning = true
	return w.GoTo(q)
}

// Review goes to the review of the answers; the current question is kept as the one shown
// last.
func (w *Walk) Review() {
	w.reviewing = true
	w.returning = false
}

// Progress is where the person stands.
type Progress struct {
	// N is the current question's place among the questions shown now (1-based); 0 on the
	// review or when the question is not shown.
	N int
	// Shown is how many questions are shown now.
	Shown int
	// Possible is how many questions there can be: those shown and the follow-ups that may
	// still appear (a hidden question whose condition looks at a question that may be shown
	// and has no answer yet). It only shrinks as answers are given, so N of Possible never
	// jumps backwards as follow-ups appear.
	Possible int
}

// Progress is the progress at the current question (N is 0 on the review).
func (w *Walk) Progress() Progress {
	p := w.ProgressOf(w.cur)
	if w.reviewing {
		p.N = 0
	}
	return p
}

// ProgressOf is the progress at question q (N is 0 when q is nil or not shown).
func (w *Walk) ProgressOf(q *Question) Progress {
	shown := w.a.Shown()
	maybe := make([]bool, len(shown))
	var p Progress
	for i, x := range w.a.rs.Questions {
		if shown[i] {
			p.Shown++
			if x == q {
				p.N = p.Shown
			}
		}
		maybe[i] = shown[i]
		if !maybe[i] && x.ShownWhen != nil {
			for _, it := range x.ShownWhen.Items {
				if d := it.Question; d != nil && maybe[d.Index] && !w.a.Get(d).Set {
					maybe[i] = true
					break
				}
			}
		}
		if maybe[i] {
			p.Possible++
		}
	}
	return p
}
