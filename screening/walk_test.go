package screening

import (
	"fmt"
	"testing"
)

// walkStep is one move of a person through the test rule set, and what the Walk must say
// afterwards.
type walkStep struct {
	op string // answer (Set, Answered, Forward), keep (Answered, Forward), open (Set, Answered, Open), fill (answer all), back, jump, review, reopen
	id string // the question answered or jumped to
	v  Value

	at       string // the current question's id afterwards; "review" on the review
	pruned   int    // answer, open: answers dropped
	n, shown int    // Progress afterwards
	possible int
}

// TestWalk drives Walks through the test rule set (pregnancy_planned follows pregnancy no,
// cancer_years follows cancer treatment_ended, allergy_severe and allergy_to follow allergy,
// medication_names follows any of three medication questions).
func TestWalk(t *testing.T) {
	no, yes := code("no"), code("yes")
	tests := []struct {
		name  string
		steps []walkStep
	}{
		{"start", []walkStep{
			{op: "none", at: "pregnancy", n: 1, shown: 14, possible: 19},
		}},
		{"forward past hidden questions", []walkStep{
			{op: "answer", id: "pregnancy", v: code("pregnant"), at: "breastfeeding", n: 2, shown: 14, possible: 18},
			{op: "answer", id: "breastfeeding", v: no, at: "cancer", n: 3, shown: 14, possible: 18},
			{op: "answer", id: "cancer", v: code("none"), at: "infection", n: 4, shown: 14, possible: 17},
		}},
		{"follow-up shown", []walkStep{
			{op: "answer", id: "pregnancy", v: no, at: "pregnancy_planned", n: 2, shown: 15, possible: 19},
			{op: "answer", id: "pregnancy_planned", v: no, at: "breastfeeding", n: 3, shown: 15, possible: 19},
		}},
		{"back", []walkStep{
			{op: "answer", id: "pregnancy", v: code("pregnant"), at: "breastfeeding", n: 2, shown: 14, possible: 18},
			{op: "answer", id: "breastfeeding", v: no, at: "cancer", n: 3, shown: 14, possible: 18},
			{op: "back", at: "breastfeeding", n: 2, shown: 14, possible: 18},
			{op: "back", at: "pregnancy", n: 1, shown: 14, possible: 18},
			{op: "back", at: "pregnancy", n: 1, shown: 14, possible: 18}, // at the first: stays
			{op: "keep", id: "pregnancy", at: "breastfeeding", n: 2, shown: 14, possible: 18},
		}},
		{"prune what a changed answer hides", []walkStep{
			{op: "answer", id: "pregnancy", v: no, at: "pregnancy_planned", n: 2, shown: 15, possible: 19},
			{op: "answer", id: "pregnancy_planned", v: yes, at: "breastfeeding", n: 3, shown: 15, possible: 19},
			{op: "back", at: "pregnancy_planned", n: 2, shown: 15, possible: 19},
			{op: "back", at: "pregnancy", n: 1, shown: 15, possible: 19},
			{op: "answer", id: "pregnancy", v: code("pregnant"), pruned: 1, at: "breastfeeding", n: 2, shown: 14, possible: 18},
			{op: "back", at: "pregnancy", n: 1, shown: 14, possible: 18}, // pregnancy_planned is hidden now
		}},
		{"open goes to the first question not asked", []walkStep{
			{op: "answer", id: "pregnancy", v: code("pregnant"), at: "breastfeeding", n: 2, shown: 14, possible: 18},
			{op: "answer", id: "breastfeeding", v: no, at: "cancer", n: 3, shown: 14, possible: 18},
			{op: "back", at: "breastfeeding", n: 2, shown: 14, possible: 18},
			{op: "back", at: "pregnancy", n: 1, shown: 14, possible: 18},
			{op: "open", id: "pregnancy", v: no, at: "pregnancy_planned", n: 2, shown: 15, possible: 19},
			{op: "open", id: "pregnancy_planned", v: no, at: "cancer", n: 4, shown: 15, possible: 19},
		}},
		{"jump from the review and back", []walkStep{
			{op: "fill", at: "review", shown: 15, possible: 15},
			{op: "back", at: "blood_donation", n: 15, shown: 15, possible: 15},
			{op: "review", at: "review", shown: 15, possible: 15},
			{op: "jump", id: "allergy", at: "allergy", n: 7, shown: 15, possible: 15},
			{op: "answer", id: "allergy", v: yes, at: "allergy_severe", n: 8, shown: 17, possible: 17},
			{op: "answer", id: "allergy_severe", v: no, at: "allergy_to", n: 9, shown: 17, possible: 17},
			{op: "answer", id: "allergy_to", v: CodesValue("food"), at: "review", shown: 17, possible: 17},
			{op: "jump", id: "allergy", at: "allergy", n: 7, shown: 17, possible: 17},
			{op: "answer", id: "allergy", v: code("none"), pruned: 2, at: "review", shown: 15, possible: 15},
			{op: "jump", id: "cancer", at: "cancer", n: 4, shown: 15, possible: 15},
			{op: "keep", id: "cancer", at: "review", shown: 15, possible: 15},
		}},
		{"reopen", []walkStep{
			{op: "answer", id: "pregnancy", v: no, at: "pregnancy_planned", n: 2, shown: 15, possible: 19},
			{op: "reopen", id: "pregnancy", at: "pregnancy", n: 1, shown: 14, possible: 19},
		}},
	}
	rs := testRules(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := NewWalk(rs.NewAnswers())
			for i, st := range tt.steps {
				q := rs.Question(st.id)
				if st.id != "" && q == nil {
					t.Fatalf("step %d: no question %s", i, st.id)
				}
				pruned := 0
				switch st.op {
				case "none":
				case "fill": // every shown question answered mildly, in order, then the review
					for q := w.Current(); q != nil; q = w.Forward() {
						if err := w.Answers().Set(q, testMildest[q.ID]); err != nil {
							t.Fatalf("step %d: %s: %v", i, q.ID, err)
						}
						w.Answered(q)
					}
				case "answer", "keep", "open":
					if st.op != "keep" {
						if err := w.Answers().Set(q, st.v); err != nil {
							t.Fatalf("step %d: %v", i, err)
						}
					}
					if w.Current() != q {
						t.Fatalf("step %d: answering %s while at %v", i, st.id, w.Current())
					}
					pruned = w.Answered(q)
					if !w.Asked(q) {
						t.Fatalf("step %d: %s not asked after Answered", i, st.id)
					}
					if st.op == "open" {
						w.Open()
					} else {
						w.Forward()
					}
				case "back":
					w.Back()
				case "jump":
					if !w.Reviewing() {
						t.Fatalf("step %d: jump while not on the review", i)
					}
					w.Jump(q)
				case "review":
					w.Review()
				case "reopen":
					w.Reopen(q)
					if w.Asked(q) || w.Answers().Get(q).Set {
						t.Fatalf("step %d: %s still answered after Reopen", i, st.id)
					}
				default:
					t.Fatalf("step %d: unknown op %q", i, st.op)
				}
				at := "review"
				if !w.Reviewing() {
					at = fmt.Sprint(w.Current().ID)
				}
				if at != st.at {
					t.Fatalf("step %d (%s %s): at %s, want %s", i, st.op, st.id, at, st.at)
				}
				if pruned != st.pruned {
					t.Errorf("step %d: %d answers dropped, want %d", i, pruned, st.pruned)
				}
				got := w.Progress()
				if want := (Progress{N: st.n, Shown: st.shown, Possible: st.possible}); got != want {
					t.Errorf("step %d (%s %s): progress %+v, want %+v", i, st.op, st.id, got, want)
				}
			}
		})
	}
}

// TestWalkPrunedForgetsAsked: a question hidden by a changed answer loses its answer and is
// no longer asked, so going on asks it again when it shows again.
func TestWalkPrunedForgetsAsked(t *testing.T) {
	rs := testRules(t)
	w := NewWalk(rs.NewAnswers())
	preg, planned := rs.Question("pregnancy"), rs.Question("pregnancy_planned")
	w.Answers().Set(preg, code("no"))
	w.Answered(preg)
	w.Forward()
	w.Answers().Set(planned, code("yes"))
	w.Answered(planned)
	w.Answers().Set(preg, code("pregnant"))
	if n := w.Answered(preg); n != 1 {
		t.Fatalf("dropped %d answers, want 1", n)
	}
	if w.Asked(planned) || w.Answers().Get(planned).Set {
		t.Fatal("the hidden follow-up kept its answer or its asked mark")
	}
	w.Answers().Set(preg, code("no"))
	w.Answered(preg)
	if got := w.FirstOpen(); got != planned {
		t.Fatalf("first open %v, want pregnancy_planned", got)
	}
}

// TestWalkProgressNeverBackwards answers every question of many paths (each option of every
// single choice in turn, follow-ups included) and checks at each step that the place goes up
// by one and the possible count never grows.
func TestWalkProgressNeverBackwards(t *testing.T) {
	rs := testRules(t)
	for pick := 0; pick < 6; pick++ {
		t.Run(fmt.Sprint("option ", pick), func(t *testing.T) {
			w := NewWalk(rs.NewAnswers())
			prev := w.Progress()
			for steps := 0; !w.Reviewing(); steps++ {
				if steps > len(rs.Questions) {
					t.Fatal("the walk does not end")
				}
				q := w.Current()
				var v Value
				switch q.Kind {
				case Single:
					v = code(q.Options[pick%len(q.Options)].Code)
				case Multi:
					v = CodesValue(q.Options[pick%len(q.Options)].Code)
				case Integer:
					v = IntValue(q.Min)
				default:
					v = TextValue("x")
				}
				if err := w.Answers().Set(q, v); err != nil {
					t.Fatalf("%s: %v", q.ID, err)
				}
				w.Answered(q)
				w.Forward()
				if w.Reviewing() {
					break
				}
				p := w.Progress()
				if p.N != prev.N+1 || p.Possible > prev.Possible || p.Shown > p.Possible || p.N > p.Shown {
					t.Fatalf("at %s: %+v after %+v", w.Current().ID, p, prev)
				}
				prev = p
			}
			if probs := w.Answers().Problems(); len(probs) != 0 {
				t.Fatalf("the review is reached with problems: %v", probs)
			}
		})
	}
}
