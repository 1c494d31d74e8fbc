// Command celbench compares exoscreen's engine with the same rule set compiled into one
// cel-go program (see translate.go).
//
//	cd tools/bench && go run ./celbench [-rules DIR] [-sets 4000] [-rounds 7] [-benchtime 300ms]
//
// It first asserts that both place every one of -sets random complete answer sets the same
// way (the verdict and the rule of every shown question), then times, in -rounds rounds with
// the order rotating every round:
//
//	exoscreen     RuleSet.EvaluateInto with one reused Result (the batch command's path)
//	cel-native    a map of Go values made from the answers, then Program.Eval (typical use)
//	cel-prebuilt  Program.Eval of an activation of CEL values made beforehand
//	cel-inline    the same with the program written out without cel.bind (see
//	              translateInline), the verdict taken from its list in Go
//	cel-slots     cel-inline with an activation that finds variables without a map
//	              (slotActivation): cel-go's fastest
//
// each over the same answer sets in turn, and prints ns/op and allocs/op of each and the ratio
// of cel-go's fastest variant to exoscreen in every round, with the median and range. The
// default rule set is the frozen test set (internal/testrules/testdata), so that figures
// compare across content versions; -rules ../../content takes the live one.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/tools/bench/internal/answersets"
	"github.com/google/cel-go/cel"
)

func main() {
	testing.Init()
	dir := flag.String("rules", "../../internal/testrules/testdata", "rule set `DIR`")
	n := flag.Int("sets", 4000, "random answer sets to compare and time over")
	rounds := flag.Int("rounds", 7, "interleaved rounds")
	benchtime := flag.String("benchtime", "300ms", "time per benchmark per round")
	flag.Parse()
	if err := flag.Set("test.benchtime", *benchtime); err != nil {
		fail(err)
	}
	rs, err := screening.LoadDir(*dir)
	if err != nil {
		fail(err)
	}
	prg, inline, err := compile(rs)
	if err != nil {
		fail(err)
	}
	sets := answersets.Random(rs, *n, 1)
	if err := check(rs, prg, inline, sets); err != nil {
		fail(err)
	}
	fmt.Printf("rule set %s %s (%d questions): %d random answer sets placed the same by both\n", rs.ID, rs.Version, len(rs.Questions), len(sets))

	prebuilt := make([]any, len(sets))
	slotted := make([]any, len(sets))
	for i, a := range sets {
		if prebuilt[i], err = celActivation(rs, a); err != nil {
			fail(err)
		}
		slotted[i] = slots(rs, a)
	}
	benches := []struct {
		name string
		fn   func(b *testing.B)
	}{
		{"exoscreen", func(b *testing.B) {
			var res screening.Result
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := rs.EvaluateInto(sets[i], &res); err != nil {
					b.Fatal(err)
				}
				if i++; i == len(sets) {
					i = 0
				}
			}
		}},
		{"cel-native", func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, _, err := prg.Eval(nativeActivation(rs, sets[i])); err != nil {
					b.Fatal(err)
				}
				if i++; i == len(sets) {
					i = 0
				}
			}
		}},
		{"cel-prebuilt", func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, _, err := prg.Eval(prebuilt[i]); err != nil {
					b.Fatal(err)
				}
				if i++; i == len(prebuilt) {
					i = 0
				}
			}
		}},
		{"cel-inline", func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				out, _, err := inline.Eval(prebuilt[i])
				if err != nil {
					b.Fatal(err)
				}
				verdictOf(out)
				if i++; i == len(prebuilt) {
					i = 0
				}
			}
		}},
		{"cel-slots", func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				out, _, err := inline.Eval(slotted[i])
				if err != nil {
					b.Fatal(err)
				}
				verdictOf(out)
				if i++; i == len(slotted) {
					i = 0
				}
			}
		}},
	}
	var ratios []float64
	for r := range *rounds {
		ns := map[string]float64{}
		fmt.Printf("round %d:", r+1)
		for k := range benches {
			bb := benches[(k+r)%len(benches)]
			res := testing.Benchmark(bb.fn)
			ns[bb.name] = float64(res.T.Nanoseconds()) / float64(res.N)
			fmt.Printf("  %s %.0f ns/op %d allocs/op", bb.name, ns[bb.name], res.AllocsPerOp())
		}
		ratio := min(ns["cel-native"], ns["cel-prebuilt"], ns["cel-inline"], ns["cel-slots"]) / ns["exoscreen"]
		ratios = append(ratios, ratio)
		fmt.Printf("  | fastest cel-go / exoscreen %.1fx\n", ratio)
	}
	slices.Sort(ratios)
	fmt.Printf("cel-go (fastest variant) / exoscreen over %d rounds: median %.1fx, range %.1f-%.1fx\n",
		len(ratios), median(ratios), ratios[0], ratios[len(ratios)-1])
}

// check asserts that cel-go and exoscreen place every answer set the same way, with both
// programs and both kinds of activation.
func check(rs *screening.RuleSet, bound, inline cel.Program, sets []*screening.Answers) error {
	for k, a := range sets {
		res, err := rs.Evaluate(a)
		if err != nil {
			return fmt.Errorf("set %d: exoscreen: %v", k, err)
		}
		wantVerdict, want := ours(rs, res)
		pre, err := celActivation(rs, a)
		if err != nil {
			return err
		}
		for _, run := range []struct {
			name string
			prg  cel.Program
			act  any
			bind bool
		}{
			{"bound, native", bound, nativeActivation(rs, a), true},
			{"bound, prebuilt", bound, pre, true},
			{"inline, prebuilt", inline, pre, false},
			{"inline, slots", inline, slots(rs, a), false},
		} {
			out, _, err := run.prg.Eval(run.act)
			if err != nil {
				return fmt.Errorf("set %d: cel-go (%s): %v", k, run.name, err)
			}
			verdict, got, err := decode(out, run.bind)
			if err != nil {
				return fmt.Errorf("set %d: cel-go (%s): %v", k, run.name, err)
			}
			if verdict != wantVerdict || !slices.Equal(got, want) {
				return fmt.Errorf("set %d: cel-go (%s) placed %s %v, exoscreen %s %v", k, run.name, verdict, got, wantVerdict, want)
			}
			if !run.bind && verdictOf(out) != wantVerdict {
				return fmt.Errorf("set %d: verdictOf %s, exoscreen %s", k, verdictOf(out), wantVerdict)
			}
		}
	}
	return nil
}

func median(sorted []float64) float64 {
	m := len(sorted) / 2
	if len(sorted)%2 == 1 {
		return sorted[m]
	}
	return (sorted[m-1] + sorted[m]) / 2
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "celbench: %v\n", err)
	os.Exit(1)
}
