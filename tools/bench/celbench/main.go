// Command celbench compares exoscreen's engine with the same rule set compiled into one
// cel-go program (see translate.go).
//
//	cd tools/bench && go run ./celbench [-rules DIR] [-sets 4000] [-window N] [-rounds 7] [-blocks 30] [-block 128]
//
// It first asserts that both place every one of -sets random complete answer sets the same
// way (the verdict and the rule of every shown question), then times, in -rounds rounds of
// -blocks blocks, each variant evaluating the same -block answer sets in turn (the order
// rotating every block):
//
//	exoscreen     RuleSet.EvaluateInto with one reused Result (the batch command's path)
//	cel-native    a map of Go values made from the answers, then Program.Eval (typical use)
//	cel-prebuilt  Program.Eval of an activation of CEL values made beforehand
//	cel-inline    the same with the program written out without cel.bind (see
//	              translateInline), the verdict taken from its list in Go
//	cel-slots     cel-inline with an activation that finds variables without a map
//	              (slotActivation): cel-go's fastest
//
// and prints, for every round, each variant's median ns/op (CPU time of the benchmark's
// thread, so that being descheduled on the shared machine does not count) over the blocks and its allocs/op
// (measured once), and the median over the blocks of the ratio of cel-go's fastest variant to
// exoscreen; then the median and range of that ratio over the rounds. By default all the sets
// are timed, so most are out of the cache when their turn comes; -window 64 times the first
// 64 only, which stay in the cache as a record just parsed does in the batch command. The
// default rule set is the frozen test set (internal/testrules/testdata), so that figures
// compare across content versions; -rules ../../content takes the live one.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"testing"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/tools/bench/internal/answersets"
	"github.com/google/cel-go/cel"
	"golang.org/x/sys/unix"
)

func main() {
	testing.Init()
	dir := flag.String("rules", "../../internal/testrules/testdata", "rule set `DIR`")
	n := flag.Int("sets", 4000, "random answer sets to compare and time over")
	rounds := flag.Int("rounds", 7, "interleaved rounds")
	blocks := flag.Int("blocks", 30, "blocks per round")
	block := flag.Int("block", 128, "answer sets per block")
	window := flag.Int("window", 0, "time over the first `N` answer sets only (0: all), which then stay in the cache")
	flag.Parse()
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
	var res screening.Result
	variants := []struct {
		name string
		eval func(i int) // evaluates answer set i
	}{
		{"exoscreen", func(i int) {
			if err := rs.EvaluateInto(sets[i], &res); err != nil {
				fail(err)
			}
		}},
		{"cel-native", func(i int) {
			if _, _, err := prg.Eval(nativeActivation(rs, sets[i])); err != nil {
				fail(err)
			}
		}},
		{"cel-prebuilt", func(i int) {
			if _, _, err := prg.Eval(prebuilt[i]); err != nil {
				fail(err)
			}
		}},
		{"cel-inline", func(i int) {
			out, _, err := inline.Eval(prebuilt[i])
			if err != nil {
				fail(err)
			}
			verdictOf(out)
		}},
		{"cel-slots", func(i int) {
			out, _, err := inline.Eval(slotted[i])
			if err != nil {
				fail(err)
			}
			verdictOf(out)
		}},
	}
	// allocs/op, once: every variant over the same sets.
	allocs := map[string]float64{}
	for _, vr := range variants {
		i := 0
		allocs[vr.name] = testing.AllocsPerRun(len(sets), func() {
			vr.eval(i)
			i = (i + 1) % len(sets)
		})
	}
	// Time, interleaved finely: in each block every variant (in rotating order) evaluates the
	// same *block consecutive answer sets; a round is *blocks blocks and reports each variant's
	// median ns/op over its blocks and the median of the per-block ratios, so that a burst of
	// load on the shared machine hits one block of each, not one variant.
	timed := len(sets)
	if *window > 0 && *window < timed {
		timed = *window
	}
	fmt.Printf("timed over %d answer sets\n", timed)
	// CPU time of this thread, not wall time: on the shared machine a long block is more
	// likely to be descheduled than a short one, which would favour the faster engine.
	runtime.LockOSThread()
	var ratios []float64
	next := 0
	for r := range *rounds {
		perOp := map[string][]float64{}
		var blockRatios []float64
		for k := range *blocks {
			start := next
			next = (next + *block) % timed
			ns := map[string]float64{}
			for v := range variants {
				vr := variants[(v+k+r)%len(variants)]
				t := cpuNow()
				for j := range *block {
					vr.eval((start + j) % timed)
				}
				ns[vr.name] = float64(cpuNow()-t) / float64(*block)
				perOp[vr.name] = append(perOp[vr.name], ns[vr.name])
			}
			blockRatios = append(blockRatios, min(ns["cel-native"], ns["cel-prebuilt"], ns["cel-inline"], ns["cel-slots"])/ns["exoscreen"])
		}
		fmt.Printf("round %d:", r+1)
		for _, vr := range variants {
			fmt.Printf("  %s %.0f ns/op %.0f allocs/op", vr.name, median(perOp[vr.name]), allocs[vr.name])
		}
		ratio := median(blockRatios)
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

// cpuNow is the CPU time this thread has used, in nanoseconds.
func cpuNow() int64 {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		fail(err)
	}
	return ts.Nano()
}

// median of xs (not changed).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "celbench: %v\n", err)
	os.Exit(1)
}
