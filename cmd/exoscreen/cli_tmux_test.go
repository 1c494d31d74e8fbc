package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/testrules"
)

// term is the real binary in a real terminal: a private tmux server (-L) per test.
type term struct {
	t      *testing.T
	name   string
	status string // file the shell writes the binary's exit status to
}

// newTerm runs command (a shell command line) in a new 100x30 tmux terminal.
func newTerm(t *testing.T, command string) *term {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	dir := t.TempDir()
	tm := &term{t: t, name: fmt.Sprintf("exoscreen-cli-%d-%s", os.Getpid(), filepath.Base(dir)), status: filepath.Join(dir, "status")}
	script := command + "; echo $? > " + tm.status + "; sleep 30"
	if out, err := exec.Command("tmux", "-L", tm.name, "new-session", "-d", "-s", tm.name, "-x", "100", "-y", "30", script).CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() {
		exec.Command("tmux", "-L", tm.name, "kill-server").Run()
		tmp := os.Getenv("TMUX_TMPDIR")
		if tmp == "" {
			tmp = "/tmp"
		}
		os.Remove(filepath.Join(tmp, fmt.Sprintf("tmux-%d", os.Getuid()), tm.name))
	})
	return tm
}

func (tm *term) screen() string {
	out, _ := exec.Command("tmux", "-L", tm.name, "capture-pane", "-p", "-J", "-t", "="+tm.name+":", "-S", "-100").Output()
	return string(out)
}

func (tm *term) waitFor(want string) {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !strings.Contains(tm.screen(), want) {
		if time.Now().After(deadline) {
			tm.t.Fatalf("the terminal never showed %q:\n%s", want, tm.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// keys sends tmux key names (Enter, C-d); text sends literal text.
func (tm *term) keys(keys ...string) {
	exec.Command("tmux", append([]string{"-L", tm.name, "send-keys", "-t", "=" + tm.name + ":"}, keys...)...).Run()
}

func (tm *term) text(s string) {
	exec.Command("tmux", "-L", tm.name, "send-keys", "-t", "="+tm.name+":", "-l", s).Run()
}

// exitStatus waits for the binary to end and returns its exit status.
func (tm *term) exitStatus() string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		b, _ := os.ReadFile(tm.status)
		if s := strings.TrimSpace(string(b)); s != "" {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("the binary did not exit:\n%s", tm.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestEvaluateAtTerminal: evaluate reading a terminal says so on stderr and how to end the
// answers, in the --lang language; Ctrl+D ends them and the result follows.
func TestEvaluateAtTerminal(t *testing.T) {
	bin := accBinary(t)
	for _, tc := range []struct{ lang, hint string }{
		{"en", "reading answers (JSON) from standard input; end them with Ctrl+D"},
		{"ja", "標準入力から回答（JSON）を読みます。"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			tm := newTerm(t, "TERM=xterm-256color "+bin+" evaluate --format json --lang "+tc.lang+" --content "+testrules.Dir())
			tm.waitFor(tc.hint)
			tm.text(strings.Join(strings.Fields(exampleAnswers), " "))
			tm.keys("Enter", "C-d")
			tm.waitFor(`"verdict":"relative"`)
			if s := tm.exitStatus(); s != "0" {
				t.Errorf("exit status %s:\n%s", s, tm.screen())
			}
		})
	}
}

// TestTUIQuitExitStatus: a full-screen screening quit before its summary exits 2, as the
// accessible mode does, and says that nothing was kept.
func TestTUIQuitExitStatus(t *testing.T) {
	bin := accBinary(t)
	tm := newTerm(t, "TERM=xterm-256color "+bin+" --lang en --content "+testrules.Dir())
	tm.waitFor("English")
	tm.keys("Enter") // past the welcome screen, into the questions
	time.Sleep(300 * time.Millisecond)
	tm.keys("C-c") // quits at once, or asks first when something would be lost
	time.Sleep(500 * time.Millisecond)
	if b, _ := os.ReadFile(tm.status); len(b) == 0 {
		tm.keys("y")
	}
	if s := tm.exitStatus(); s != "2" {
		t.Errorf("exit status %s, want 2:\n%s", s, tm.screen())
	}
	tm.waitFor("The screening was quit. No answers were kept.")
}
