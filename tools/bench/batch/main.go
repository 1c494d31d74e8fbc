// Command batch times `exoscreen evaluate --format json` over a large JSON Lines file next to
// `jq -c .` over the same file, interleaved.
//
//	cd tools/bench && go run ./batch [-n 100000] [-rounds 5] [-exoscreen BIN] [-baseline BIN] [-keep FILE]
//
// It builds exoscreen from this checkout (unless -exoscreen is given), writes -n random
// complete answer records for the embedded rule set (content/, as the binary embeds it; one
// record in 100 answers an option that does not exist, so that the refusal path runs too),
// then runs both commands (and -baseline's evaluate) -rounds times, the order rotating every round, with the output
// thrown away, and prints records/s (by wall time, and per CPU second: on the shared machine a
// process often waits for a core) and peak RSS (GNU time's %M) of each, and the ratios.
// Needs jq and /usr/bin/time.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/tools/bench/internal/answersets"
)

func main() {
	n := flag.Int("n", 100000, "records")
	rounds := flag.Int("rounds", 5, "interleaved rounds")
	bin := flag.String("exoscreen", "", "exoscreen `binary` (default: built from this checkout)")
	keep := flag.String("keep", "", "write the records to `FILE` and keep it")
	baseline := flag.String("baseline", "", "another exoscreen `binary` (say, built from main) to run in the same rounds")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "exoscreen-batch-")
	check(err)
	defer os.RemoveAll(tmp)
	if *bin == "" {
		*bin = filepath.Join(tmp, "exoscreen")
		cmd := exec.Command("go", "build", "-o", *bin, "./cmd/exoscreen")
		cmd.Dir, cmd.Stderr = "../..", os.Stderr
		check(cmd.Run())
	}
	jq, err := exec.LookPath("jq")
	check(err)

	rs, err := screening.LoadDir("../../content")
	check(err)
	file := *keep
	if file == "" {
		file = filepath.Join(tmp, "answers.jsonl")
	}
	f, err := os.OpenFile(file, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	check(err)
	w := bufio.NewWriter(f)
	for i, a := range answersets.Random(rs, *n, 3) {
		line := answersets.JSON(a)
		if i%100 == 99 {
			line = `{"` + rs.Questions[0].ID + `": "no-such-option"}`
		}
		w.WriteString(line + "\n")
	}
	check(w.Flush())
	check(f.Close())
	st, err := os.Stat(file)
	check(err)
	fmt.Printf("%d records, %.1f MB, rule set %s %s\n", *n, float64(st.Size())/1e6, rs.ID, rs.Version)

	cmds := []struct {
		name string
		argv []string
	}{
		{"exoscreen evaluate --format json", []string{*bin, "evaluate", "--format", "json", file}},
		{"jq -c .", []string{jq, "-c", ".", file}},
	}
	if *baseline != "" {
		cmds = append(cmds, struct {
			name string
			argv []string
		}{"baseline evaluate --format json", []string{*baseline, "evaluate", "--format", "json", file}})
	}
	rate := map[string][]float64{}
	cpuRate := map[string][]float64{}
	rss := map[string][]float64{}
	var ratios, cpuRatios []float64
	for r := range *rounds {
		got, gotCPU := map[string]float64{}, map[string]float64{}
		fmt.Printf("round %d:", r+1)
		for k := range cmds {
			c := cmds[(k+r)%len(cmds)]
			secs, cpu, maxrss := run(c.argv)
			got[c.name] = float64(*n) / secs
			gotCPU[c.name] = float64(*n) / max(cpu, 0.01)
			rate[c.name] = append(rate[c.name], got[c.name])
			cpuRate[c.name] = append(cpuRate[c.name], gotCPU[c.name])
			rss[c.name] = append(rss[c.name], maxrss)
			fmt.Printf("  %s %.0f records/s (%.0f per CPU s) %.1f MB", c.name, got[c.name], gotCPU[c.name], maxrss)
		}
		ratios = append(ratios, got[cmds[0].name]/got[cmds[1].name])
		cpuRatios = append(cpuRatios, gotCPU[cmds[0].name]/gotCPU[cmds[1].name])
		fmt.Printf("  | ratio %.2f (CPU %.2f)\n", ratios[len(ratios)-1], cpuRatios[len(cpuRatios)-1])
	}
	for _, c := range cmds {
		fmt.Printf("%s: median %.0f records/s, %.0f records per CPU second, peak RSS median %.1f MB\n",
			c.name, median(rate[c.name]), median(cpuRate[c.name]), median(rss[c.name]))
	}
	slices.Sort(ratios)
	slices.Sort(cpuRatios)
	fmt.Printf("records/s exoscreen / jq: median %.2f, range %.2f-%.2f; per CPU second: median %.2f, range %.2f-%.2f\n",
		median(ratios), ratios[0], ratios[len(ratios)-1], median(cpuRatios), cpuRatios[0], cpuRatios[len(cpuRatios)-1])
}

// run runs argv under GNU time (/usr/bin/time) with its output thrown away and returns the
// wall time and the CPU time (user + system) in seconds and the peak RSS in MB. The RSS comes from time, not from this
// process's own getrusage: a child started from a large Go process inherits the parent's
// RSS high-water mark through vfork and exec, and this process holds all the records.
// Exit status 2 (some records refused) is expected from exoscreen.
func run(argv []string) (float64, float64, float64) {
	out, err := os.CreateTemp("", "batch-time-")
	check(err)
	out.Close()
	defer os.Remove(out.Name())
	cmd := exec.Command(timeBin, append([]string{"-f", "%M %U %S", "-o", out.Name()}, argv...)...)
	start := time.Now()
	err = cmd.Run()
	secs := time.Since(start).Seconds()
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() != 2) {
		check(fmt.Errorf("%s: %v", argv[0], err))
	}
	b, err := os.ReadFile(out.Name())
	check(err)
	var kb, user, sys float64
	// The last line: GNU time writes "Command exited with non-zero status 2" first then.
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if _, err := fmt.Sscan(lines[len(lines)-1], &kb, &user, &sys); err != nil {
		check(fmt.Errorf("time output %q: %v", b, err))
	}
	return secs, user + sys, kb / 1024
}

// timeBin is GNU time, which reports a command's peak RSS.
const timeBin = "/usr/bin/time"

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

func check(err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "batch: %v\n", err)
		os.Exit(1)
	}
}
