package serve

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestLoad50 runs 50 concurrent sessions against the real binary on loopback, each
// completing a kiosk screening through x/crypto/ssh, bounded in time. It reports the
// sessions completed, the wall time, the server's RSS and CPU, and the 95th percentile of
// keystroke-to-frame inside a session while the others run, as a ratio against a single
// session alone run before and after (the peer run). It runs only with EXOSCREEN_SERVE_LOAD=1
// (EXOSCREEN_SERVE_LOAD_N changes the count).
func TestLoad50(t *testing.T) {
	if os.Getenv("EXOSCREEN_SERVE_LOAD") == "" {
		t.Skip("set EXOSCREEN_SERVE_LOAD=1 to run the load test")
	}
	n := 50
	if s := os.Getenv("EXOSCREEN_SERVE_LOAD_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	p := startBinary(t, binary(t, ""), "--max-sessions", strconv.Itoa(n+2))
	pid := p.cmd.Process.Pid

	alone1 := runScreenings(t, p.addr, 1, 2*time.Minute)
	cpu0, self0 := cpuTicks(t, pid), cpuTicks(t, os.Getpid())
	start := time.Now()
	load := runScreenings(t, p.addr, n, 5*time.Minute)
	wall := time.Since(start)
	cpu := time.Duration(cpuTicks(t, pid)-cpu0) * 10 * time.Millisecond // USER_HZ 100
	self := time.Duration(cpuTicks(t, os.Getpid())-self0) * 10 * time.Millisecond
	hwm, rss := memory(t, pid)
	alone2 := runScreenings(t, p.addr, 1, 2*time.Minute)

	if load.completed != n {
		t.Errorf("%d of %d sessions completed", load.completed, n)
	}
	if got := len(results(t, p.outbox)); got != n+2 {
		t.Errorf("outbox holds %d results, want %d", got, n+2)
	}
	alone := append(alone1.lat, alone2.lat...)
	pa, pl := p95(alone), p95(load.lat)
	t.Logf("sessions completed: %d of %d", load.completed, n)
	t.Logf("wall time of the %d concurrent screenings: %v", n, wall.Round(time.Millisecond))
	t.Logf("server CPU during them: %v (%.0f%% of one core); RSS %d MiB at the end, peak %d MiB",
		cpu, 100*cpu.Seconds()/wall.Seconds(), rss>>10, hwm>>10)
	t.Logf("the %d clients (this test process, same 2 cores) used %v of CPU meanwhile", n, self)
	t.Logf("keystroke-to-frame p95: %v alone (%d keys), %v with %d sessions running (%d keys): ratio %.2f",
		pa.Round(time.Microsecond), len(alone), pl.Round(time.Microsecond), n, len(load.lat), float64(pl)/float64(pa))
	t.Logf("keystroke-to-frame median: %v alone, %v under load", pct(alone, 50).Round(time.Microsecond), pct(load.lat, 50).Round(time.Microsecond))
}

type loadRun struct {
	completed int
	lat       []time.Duration
}

// runScreenings runs n kiosk screenings at once and waits for them (at most limit).
func runScreenings(t *testing.T, addr string, n int, limit time.Duration) loadRun {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var run loadRun
	var done atomic.Int32
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			lat, err := oneScreening(t, addr, i)
			if err != nil {
				t.Errorf("session %d: %v", i, err)
				return
			}
			done.Add(1)
			mu.Lock()
			run.lat = append(run.lat, lat...)
			mu.Unlock()
		}(i)
	}
	ch := make(chan struct{})
	go func() { wg.Wait(); close(ch) }()
	select {
	case <-ch:
	case <-time.After(limit):
		t.Fatalf("only %d of %d screenings finished in %v", done.Load(), n, limit)
	}
	run.completed = int(done.Load())
	return run
}

// oneScreening is one patient at the kiosk, in English, with a window size of its own.
func oneScreening(t *testing.T, addr string, i int) (lat []time.Duration, err error) {
	ft := &failTB{TB: t}
	defer func() {
		if r := recover(); r != nil && r != errFailed {
			panic(r)
		}
		if ft.err != nil {
			err = ft.err
		}
	}()
	c, err := dialWith(addr, passwordAuth())
	if err != nil {
		return nil, err
	}
	defer c.Close()
	tm := openTerm(ft, c, 80+i%40, 24+i%12)
	tm.startKioskEN(fmt.Sprint(100+i), 60*time.Second, 2*time.Second, 20*time.Second)
	lat = tm.answerAll("Review your answers")
	tm.must(0, 30*time.Second, "Please tell the reception")
	return lat, nil
}

// failTB turns Fatal into an error returned by the session's goroutine.
type failTB struct {
	testing.TB
	err error
}

var errFailed = fmt.Errorf("failed")

func (f *failTB) Helper() {}
func (f *failTB) Fatal(args ...any) {
	f.err = fmt.Errorf("%s", fmt.Sprint(args...))
	panic(errFailed)
}
func (f *failTB) Fatalf(format string, args ...any) {
	f.err = fmt.Errorf(format, args...)
	panic(errFailed)
}
func (f *failTB) Errorf(format string, args ...any) { f.err = fmt.Errorf(format, args...) }
func (f *failTB) Cleanup(func())                    {}

func p95(d []time.Duration) time.Duration { return pct(d, 95) }

func pct(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[min(len(s)-1, (len(s)*p+99)/100-1)]
}

// cpuTicks is the user+system CPU time of pid, in clock ticks.
func cpuTicks(t *testing.T, pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	u, _ := strconv.ParseInt(f[11], 10, 64)
	k, _ := strconv.ParseInt(f[12], 10, 64)
	return u + k
}

// memory is the peak and current resident set of pid, in KiB.
func memory(t *testing.T, pid int) (hwm, rss int64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Fields(l)
		if len(f) < 2 {
			continue
		}
		v, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmHWM:":
			hwm = v
		case "VmRSS:":
			rss = v
		}
	}
	return hwm, rss
}
