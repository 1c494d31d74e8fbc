package main

import (
	"testing"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/tools/bench/internal/answersets"
)

// TestSamePlacement: the cel-go translation places random answer sets exactly as exoscreen
// does, for the frozen test rule set and the live content.
func TestSamePlacement(t *testing.T) {
	for _, dir := range []string{"../../../internal/testrules/testdata", "../../../content"} {
		rs, err := screening.LoadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		bound, inline, err := compile(rs)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		if err := check(rs, bound, inline, answersets.Random(rs, 3000, 2)); err != nil {
			t.Errorf("%s: %v", dir, err)
		}
	}
}

// TestCheckCatchesADifference: check fails when the program places one answer differently (a
// comparison that cannot fail proves nothing).
func TestCheckCatchesADifference(t *testing.T) {
	rs, err := screening.LoadDir("../../../internal/testrules/testdata")
	if err != nil {
		t.Fatal(err)
	}
	bound, inline, err := compile(rs)
	if err != nil {
		t.Fatal(err)
	}
	// The same programs, checked against a rule set whose first question's rules are in
	// another order: rule indices differ.
	q := rs.Questions[0]
	q.Rules[0], q.Rules[1] = q.Rules[1], q.Rules[0]
	defer func() { q.Rules[0], q.Rules[1] = q.Rules[1], q.Rules[0] }()
	if err := check(rs, bound, inline, answersets.Random(rs, 200, 3)); err == nil {
		t.Error("check accepted programs of another rule order")
	}
}

// BenchmarkSlots is cel-go's fastest variant alone (celbench runs it interleaved with
// exoscreen).
func BenchmarkSlots(b *testing.B) {
	rs, err := screening.LoadDir("../../../internal/testrules/testdata")
	if err != nil {
		b.Fatal(err)
	}
	_, inline, err := compile(rs)
	if err != nil {
		b.Fatal(err)
	}
	sets := answersets.Random(rs, 1000, 1)
	acts := make([]any, len(sets))
	for i, a := range sets {
		acts[i] = slots(rs, a)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		out, _, err := inline.Eval(acts[i])
		if err != nil {
			b.Fatal(err)
		}
		verdictOf(out)
		if i++; i == len(acts) {
			i = 0
		}
	}
}
