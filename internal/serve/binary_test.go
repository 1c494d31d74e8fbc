package serve

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/testrules"
	gossh "golang.org/x/crypto/ssh"
)

var (
	binMu  sync.Mutex
	bins   = map[string]string{}
	binDir string
)

// binary builds exoscreen once per test run; a non-empty saveDelay slows every save down (a
// slow disk), so that a signal can arrive while a result is being written.
func binary(t testing.TB, saveDelay string) string {
	t.Helper()
	binMu.Lock()
	defer binMu.Unlock()
	if p, ok := bins[saveDelay]; ok {
		return p
	}
	if binDir == "" {
		d, err := os.MkdirTemp("", "exoscreen-serve-bin")
		if err != nil {
			t.Fatal(err)
		}
		binDir = d
	}
	p := filepath.Join(binDir, "exoscreen"+saveDelay)
	args := []string{"build", "-o", p}
	if saveDelay != "" {
		args = append(args, "-ldflags", "-X github.com/exoscreen/exoscreen/internal/serve.testSaveDelay="+saveDelay)
	}
	cmd := exec.Command("go", append(args, "github.com/exoscreen/exoscreen/cmd/exoscreen")...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatal(errors.New("go build: " + err.Error() + "\n" + out.String()))
	}
	bins[saveDelay] = p
	return p
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// process is the real binary running `exoscreen serve`.
type process struct {
	cmd    *exec.Cmd
	addr   string
	outbox string
	stderr *syncBuffer
	waited chan error
}

func startBinary(t testing.TB, bin string, args ...string) *process {
	t.Helper()
	dir := t.TempDir()
	p := &process{outbox: filepath.Join(dir, "outbox"), stderr: &syncBuffer{}, waited: make(chan error, 1)}
	all := append([]string{"serve", "--listen", "127.0.0.1:0", "--outbox", p.outbox,
		"--host-key", filepath.Join(dir, "host_key"), "--content", testrules.Dir()}, args...)
	p.cmd = exec.Command(bin, all...)
	p.cmd.Env = append(os.Environ(), "EXOSCREEN_STAFF_PIN=2468", PasswordEnv+"="+testPassword)
	p.cmd.Stderr = p.stderr
	out, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.waited <- p.cmd.Wait() }()
	t.Cleanup(func() {
		if p.cmd.ProcessState == nil {
			p.cmd.Process.Kill()
			<-p.waited
		}
	})
	lines := make(chan string, 4)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	deadline := time.After(20 * time.Second)
	for p.addr == "" {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("the server ended before listening; stderr:\n%s", p.stderr.String())
			}
			if a, found := strings.CutPrefix(l, "exoscreen serve: listening on "); found {
				p.addr = a
			}
		case <-deadline:
			t.Fatalf("the server did not start; stderr:\n%s", p.stderr.String())
		}
	}
	go func() {
		for range lines {
		}
	}()
	return p
}

// SIGTERM while a result is being saved: the server stops accepting, the save finishes (the
// result is in the outbox), the session is told the server is closing, and the exit status
// is 0.
func TestSIGTERMDuringSave(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	p := startBinary(t, binary(t, "1500ms"))
	c := dial(t, p.addr)
	tm := openTerm(t, c, 100, 30)
	tm.startKioskEN("12", 10*time.Second, time.Second, 5*time.Second)
	tm.answerAll("Review your answers")
	tm.must(0, 5*time.Second, "Saving your answers")
	if n := len(results(t, p.outbox)); n != 0 {
		t.Fatalf("the test needs the save to be slow; %d results already", n)
	}
	start := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-p.waited:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v; stderr:\n%s", err, p.stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("the server did not end after SIGTERM; stderr:\n%s", p.stderr.String())
	}
	t.Logf("SIGTERM to exit: %v", time.Since(start).Round(time.Millisecond))
	if n := len(results(t, p.outbox)); n != 1 {
		t.Errorf("after SIGTERM during a save the outbox holds %d results, want 1", n)
	}
	if _, err := tm.waitFor(0, 5*time.Second, "The server is closing"); err != nil {
		t.Errorf("the session was not told the server is closing: %v", err)
	}
	log := p.stderr.String()
	for _, want := range []string{"completed, saved ", "closing: 1 session(s) open", "closed"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if _, err := dialWith(p.addr, gossh.Password(testPassword)); err == nil {
		t.Error("the server still accepts connections")
	}
}
