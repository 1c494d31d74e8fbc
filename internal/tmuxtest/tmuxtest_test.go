//go:build unix

package tmuxtest

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestTerm: a program in a private terminal of the given size reads Japanese text typed into
// it, its environment and working folder are the ones asked for, its exit status comes back,
// and its screen stays after it ends. TERM is the one asked for, not tmux's.
func TestTerm(t *testing.T) {
	t.Parallel()
	srv := New(t)
	dir := t.TempDir()
	term := srv.Start("echo", Options{Width: 60, Height: 10, Dir: dir, Env: []string{"GREETING=こんにちは", "TERM=dumb"}},
		"sh", "-c", `stty -echo; printf '%s %s %s\n' "$GREETING" "$(pwd)" "$TERM"; stty size; read line; printf 'got[%s]\n' "$line"; exit 3`)
	term.WaitFor("こんにちは "+dir+" dumb", 5*time.Second)
	term.WaitFor("10 60", 5*time.Second)
	if term.Exited() {
		t.Fatal("ended before its input")
	}
	term.Type("山田 花子 Enter")
	term.SendKeys("Enter")
	if got := term.ExitStatus(5 * time.Second); got != 3 {
		t.Errorf("exit status %d, want 3", got)
	}
	term.WaitFor("got[山田 花子 Enter]", 5*time.Second)
	if h := term.History(); !strings.Contains(h, "こんにちは") {
		t.Errorf("history:\n%s", h)
	}
}

// TestTermSignal: a program ended by a signal reports 128+N, and PID is the program itself.
func TestTermSignal(t *testing.T) {
	t.Parallel()
	srv := New(t)
	term := srv.Start("sleeper", Options{}, "sleep", "60")
	pid := term.PID()
	// The pid is the program's once the wrapper (sh, then env) has exec'd it.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
		if err != nil || strings.HasPrefix(string(b), "sleep\x00") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("pid %d is %q, not the program", pid, b)
		}
	}
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if got := term.ExitStatus(5 * time.Second); got != 128+int(syscall.SIGTERM) {
		t.Errorf("exit status %d, want %d", got, 128+int(syscall.SIGTERM))
	}
}

// TestServerPrivate: the server is not the default one, and it and its socket are gone after
// the test.
func TestServerPrivate(t *testing.T) {
	var srv *Server
	t.Run("inner", func(t *testing.T) {
		s := New(t)
		srv = s
		s.Start("a", Options{}, "sleep", "60")
		if srv.name == "default" || srv.socket == "" || !strings.HasSuffix(srv.socket, "/"+srv.name) {
			t.Fatalf("server %q socket %q", srv.name, srv.socket)
		}
	})
	if srv == nil { // skipped, or failed before the server
		return
	}
	if _, err := os.Stat(srv.socket); !os.IsNotExist(err) {
		t.Errorf("socket left behind: %v", err)
	}
	if err := exec.Command("tmux", "-L", srv.name, "has-session").Run(); err == nil {
		t.Error("the server still runs")
	}
}

// TestTermStop: a stop signal stops a program that does not ignore it, as in a terminal of a
// person's shell (the program's process group is not orphaned, where the kernel drops it).
func TestTermStop(t *testing.T) {
	t.Parallel()
	term := New(t).Start("stop", Options{}, "sleep", "60")
	pid := term.PID()
	if err := syscall.Kill(pid, syscall.SIGTSTP); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		b, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if i := strings.LastIndexByte(string(b), ')'); i > 0 && i+2 < len(b) && b[i+2] == 'T' {
			return // stopped
		}
		if term.Exited() {
			if got := term.ExitStatus(time.Second); got != 128+int(syscall.SIGTSTP) {
				t.Fatalf("exit status %d, want %d (stopped)", got, 128+int(syscall.SIGTSTP))
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("SIGTSTP did not stop the program")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestBinary: a main package is built once per test binary and runs in a terminal.
func TestBinary(t *testing.T) {
	t.Parallel()
	bin := Binary(t, "./testdata/hello")
	if again := Binary(t, "./testdata/hello"); again != bin {
		t.Errorf("built twice: %s and %s", bin, again)
	}
	term := New(t).Start("hello", Options{}, bin)
	if s := term.ExitStatus(5 * time.Second); s != 0 {
		t.Errorf("exit status %d", s)
	}
	// What a program writes at once may be pushed into the scrollback while tmux sizes the
	// new terminal: the scrollback is where to look for it.
	term.WaitFor("hello from a built binary", 5*time.Second)
}
