package ui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// Nothing is chosen for the person: the keys a person who does not read would press never
// make an answer.

// TestHeldEnterReachesNoSummary holds enter down from the first screen (200 enters on the real
// program loop): the first question says an answer is needed, nothing is answered, no summary.
func TestHeldEnterReachesNoSummary(t *testing.T) {
	for _, lang := range testLangs {
		t.Run(string(lang), func(t *testing.T) {
			rs := testrules.Load(t)
			app := NewApp(rs, AppOptions{Lang: lang, Styles: plainStyles(), Now: testNow})
			tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24))
			tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
			for range 200 {
				tm.Send(kEnter)
			}
			waitFor(t, tm, tr(lang, "choice.need"))
			tm.Send(kCtrlC) // nothing answered: quits at once
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
			if fm.Finished() || fm.summary != nil {
				t.Fatal("held enter reached the summary")
			}
			if fm.screening.HasAnswers() {
				t.Fatalf("held enter answered: %+v", fm.screening.answers.Get(rs.Questions[0]))
			}
			if n, _ := fm.screening.Position(); n != 1 {
				t.Fatalf("at question %d, want 1", n)
			}
		})
	}
}

// TestNothingChosenUntilTheyChoose walks every way of choosing: a question opens with no
// option highlighted; enter then says so and stays; up, down, home, end or a number key
// highlights; only then does enter take it; an answer given before shows as chosen.
func TestNothingChosenUntilTheyChoose(t *testing.T) {
	rs := testrules.Load(t)
	q := rs.Question("pregnancy")
	for _, tc := range []struct {
		name string
		keys []tea.Msg
		want string // the option code answered
	}{
		{"down highlights the first", msgs(kDown, kEnter), q.Options[0].Code},
		{"up highlights the last", msgs(kUp, kEnter), q.Options[len(q.Options)-1].Code},
		{"home", msgs(kHome, kEnter), q.Options[0].Code},
		{"end", msgs(kEnd, kEnter), q.Options[len(q.Options)-1].Code},
		{"number key", msgs(runes("3"), kEnter), q.Options[2].Code},
		{"number then move", msgs(runes("3"), kUp, kEnter), q.Options[1].Code},
		{"down twice", msgs(kDown, kDown, kEnter), q.Options[1].Code},
		{"a number beyond the options chooses nothing", msgs(runes("9"), kEnter), ""},
		{"space chooses nothing", msgs(kSpace, kEnter), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewScreening(rs, ScreeningOptions{Lang: screening.EN, Styles: plainStyles(), Now: testNow})
			d := drive(t, s, 80, 24)
			d.lacks("> ")
			d.send(kEnter)
			d.contains("Please choose an answer")
			d.lacks("> ")
			if s.answers.Get(q).Set {
				t.Fatal("enter answered with nothing chosen")
			}
			d.send(tc.keys...)
			got := s.answers.Get(q)
			if got.Code != tc.want || got.Set != (tc.want != "") {
				t.Fatalf("answer %+v, want %q", got, tc.want)
			}
			if tc.want == "" {
				d.contains("Please choose an answer")
				return
			}
			d.send(kEsc) // back: the answer given shows as chosen
			d.contains("> " + numberMark(optionIndex(q, tc.want), len(q.Options)))
			d.lacks("Please choose an answer")
		})
	}
}

// TestIntegerChoiceNeedsAChoice: the "number or unsure" choice is not made for the person
// either; a digit goes straight into the number field.
func TestIntegerChoiceNeedsAChoice(t *testing.T) {
	rs, s, d := driveScreening(t, 80, 24)
	d.send(firsts(3)...)
	d.send(pick(4)...) // cancer: treatment ended -> cancer_years
	q := rs.Question("cancer_years")
	d.contains(q.Text[screening.EN])
	d.lacks("> Enter a number", "> Not sure")
	d.send(kEnter, kEnter, kEnter)
	d.contains("Please choose an answer")
	if s.answers.Get(q).Set {
		t.Fatal("enter answered the integer question")
	}
	d.send(runes("1"), runes("2"), kEnter)
	if v := s.answers.Get(q); v.Int != 12 || v.Unsure {
		t.Fatalf("cancer_years = %+v, want 12", v)
	}
}

// TestEscAfterValidationError: back from the number field works while it shows its message,
// and the number typed is kept.
func TestEscAfterValidationError(t *testing.T) {
	rs, s, d := driveScreening(t, 80, 24)
	d.send(firsts(3)...)
	d.send(pick(4)...)
	d.send(runes("500"), kEnter)
	d.contains("Please enter a number from 0 to 120")
	d.send(kEsc)
	d.contains("> Enter a number")
	d.lacks("> 500")
	d.send(kDown, kEnter) // not sure
	if v := s.answers.Get(rs.Question("cancer_years")); !v.Unsure {
		t.Fatalf("cancer_years = %+v, want unsure", v)
	}
}

// TestReviewListsOpenQuestionsFirst: a shown question without an answer is listed first in the
// review, and the review cannot be confirmed until it is answered.
func TestReviewListsOpenQuestionsFirst(t *testing.T) {
	for _, lang := range testLangs {
		t.Run(string(lang), func(t *testing.T) {
			rs := testrules.Load(t)
			s := NewScreening(rs, ScreeningOptions{Lang: lang, Styles: plainStyles(), Now: testNow})
			d := drive(t, s, 80, 40)
			for _, q := range rs.Questions {
				if q.Kind == screening.Single && s.answers.IsShown(q) {
					if err := s.answers.Set(q, screening.CodeValue(q.Options[0].Code)); err != nil {
						t.Fatal(err)
					}
					s.walk.Answered(q)
				}
			}
			// blood_donation left open.
			open := rs.Question("blood_donation")
			s.walk.Reopen(open)
			d.send(s.toReview())
			d.contains(tr(lang, "review.open", 1), "> 1.", open.Text.In(lang), tr(lang, "review.unanswered"))
			d.send(kEnd, kEnter) // confirm: refused
			if len(d.msgs) != 0 {
				t.Fatalf("confirmed with an open question: %v", d.msgs)
			}
			d.contains(tr(lang, "review.need"))
			d.send(kEnter) // the cursor went to the open question: answer it
			d.contains(open.Text.In(lang))
			d.send(pick(1)...)
			d.contains(tr(lang, "review.title"))
			d.lacks(tr(lang, "review.unanswered"))
			d.send(kEnd, kEnter)
			if len(d.msgs) != 1 {
				t.Fatalf("not confirmed: %v", d.msgs)
			}
		})
	}
}

func optionIndex(q *screening.Question, code string) int {
	for i, o := range q.Options {
		if o.Code == code {
			return i
		}
	}
	return -1
}

// TestMultiChoiceShowsNoCursorFirst: a multiple choice opens with no cursor; the first down
// (or space) shows it on the first option and ticks nothing.
func TestMultiChoiceShowsNoCursorFirst(t *testing.T) {
	rs, _, d := driveScreening(t, 80, 24)
	d.send(firsts(6)...)
	d.send(pick(2)...)
	d.send(pick(1)...)
	q := rs.Question("allergy_to")
	d.contains(q.Text[screening.EN])
	d.lacks("> [")
	d.send(kSpace)
	d.contains("> [ ] 1. " + q.Options[0].Text[screening.EN])
	d.send(kSpace)
	d.contains("> [x] 1. " + q.Options[0].Text[screening.EN])
}

// TestDigitsStartANewNumber: on the "number or unsure" choice of a question answered before,
// typed digits make a new number (not appended to the old one).
func TestDigitsStartANewNumber(t *testing.T) {
	rs, s, d := driveScreening(t, 80, 24)
	d.send(firsts(3)...)
	d.send(pick(4)...)
	d.send(runes("7"), kEnter) // cancer_years: 7
	d.send(kEsc)               // back to it: the choice, "number" chosen
	d.contains("> Enter a number")
	d.send(runes("1"), runes("2"), kEnter)
	if v := s.answers.Get(rs.Question("cancer_years")); v.Int != 12 {
		t.Fatalf("cancer_years = %+v, want 12", v)
	}
}
