// Package tmuxtest runs a real binary in a real terminal for tests: tmux, on a private server
// per test (tmux -L NAME, never the user's default server), every target written =SESSION: so
// that a prefix never picks another session.
//
// A test package builds its binary once and removes it at the end through TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(tmuxtest.Main(m)) }
//
//	func TestSomething(t *testing.T) {
//		bin := tmuxtest.Binary(t, ".")
//		srv := tmuxtest.New(t)
//		term := srv.Start("kiosk", tmuxtest.Options{Env: []string{"LANG=en_US.UTF-8"}}, bin, "--kiosk")
//		term.WaitFor("Welcome", 10*time.Second)
//		term.SendKeys("Enter")
//	}
//
// Tests on it skip with -short, and when tmux is not installed, unless
// EXOSCREEN_REQUIRE_TMUX=1 (as CI sets it): then a missing tmux fails them.
package tmuxtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// RequireEnv is the environment variable that, set to 1, turns a missing tmux from a skip into
// a failure.
const RequireEnv = "EXOSCREEN_REQUIRE_TMUX"

var builds struct {
	sync.Mutex
	dir  string // made by the first Binary, removed by Main when the tests end
	bins map[string]*build
}

type build struct {
	once sync.Once
	path string
	err  error
}

// Main runs the tests of m and then removes the binaries Binary built; it returns the exit
// code for os.Exit. Call it from the package's TestMain.
func Main(m *testing.M) int {
	builds.Lock()
	builds.bins = map[string]*build{}
	builds.Unlock()
	code := m.Run()
	builds.Lock()
	if builds.dir != "" {
		os.RemoveAll(builds.dir)
	}
	builds.Unlock()
	return code
}

// Binary builds the main package pkg (as go build takes it, relative to the test's package
// folder, for example ".") once per test binary and returns the binary's path. It skips the
// test with -short. The package's TestMain must run Main.
func Binary(tb testing.TB, pkg string) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("builds the binary; skipped with -short")
	}
	builds.Lock()
	if builds.bins == nil {
		builds.Unlock()
		tb.Fatal("tmuxtest.Binary needs the package's TestMain to call tmuxtest.Main")
	}
	if builds.dir == "" {
		dir, err := os.MkdirTemp("", "tmuxtest-bin")
		if err != nil {
			builds.Unlock()
			tb.Fatal(err)
		}
		builds.dir = dir
	}
	b := builds.bins[pkg]
	if b == nil {
		name := filepath.Base(filepath.Clean(pkg))
		if pkg == "." {
			wd, _ := os.Getwd()
			name = filepath.Base(wd)
		}
		b = &build{path: filepath.Join(builds.dir, strconv.Itoa(len(builds.bins)), name)}
		builds.bins[pkg] = b
	}
	builds.Unlock()
	b.once.Do(func() {
		out, err := exec.Command("go", "build", "-o", b.path, pkg).CombinedOutput()
		if err != nil {
			b.err = fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
		}
	})
	if b.err != nil {
		tb.Fatal(b.err)
	}
	return b.path
}

// Server is the private tmux server of one test. Its terminals are tmux sessions.
type Server struct {
	tb     testing.TB
	name   string // the -L socket name
	dir    string // exit status and pid files of the terminals
	socket string // the socket's path, removed at the end

	mu    sync.Mutex
	terms []*Term
}

var serial atomic.Int64

// New returns a private tmux server for the test tb; it starts with the first terminal and is
// killed, its socket removed, when the test ends (also when it fails). New skips the test with
// -short, and when tmux is not installed unless EXOSCREEN_REQUIRE_TMUX=1.
func New(tb testing.TB) *Server {
	tb.Helper()
	if testing.Short() {
		tb.Skip("runs the real binary in tmux; skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv(RequireEnv) == "1" {
			tb.Fatalf("tmux is not installed, and %s=1 requires it", RequireEnv)
		}
		tb.Skipf("tmux is not installed (with %s=1 this fails instead)", RequireEnv)
	}
	s := &Server{
		tb:   tb,
		name: fmt.Sprintf("exoscreen-test-%d-%d", os.Getpid(), serial.Add(1)),
		dir:  tb.TempDir(),
	}
	tb.Cleanup(s.close)
	return s
}

func (s *Server) close() {
	if s.tb.Failed() {
		s.mu.Lock()
		for _, t := range s.terms {
			if out, err := s.run("capture-pane", "-p", "-t", t.target); err == nil {
				s.tb.Logf("terminal %s at the end:\n%s", t.name, out)
			}
		}
		s.mu.Unlock()
	}
	s.run("kill-server")
	if s.socket != "" {
		os.Remove(s.socket)
	}
}

// env is the tmux client's environment, which a server it starts takes as its global
// environment (what the terminals' programs get): the test's own, without the marks of an
// enclosing tmux and with a UTF-8 locale so that tmux passes wide characters through.
func env() []string {
	var out []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "TMUX=") || strings.HasPrefix(kv, "TMUX_PANE=") {
			continue
		}
		out = append(out, kv)
	}
	return append(out, "LC_CTYPE=C.UTF-8")
}

func (s *Server) run(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-L", s.name}, args...)...)
	cmd.Env = env()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("tmux %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// Tmux runs a tmux command on this server (for what the helpers do not cover) and returns its
// output; an error fails the test.
func (s *Server) Tmux(args ...string) string {
	s.tb.Helper()
	out, err := s.run(args...)
	if err != nil {
		s.tb.Fatal(err)
	}
	return out
}

// Options says how a terminal runs its program.
type Options struct {
	Width, Height int      // the terminal's size; 0 means 100 x 32
	Dir           string   // the program's working folder; "" means the test's
	Env           []string // KEY=VALUE added to the program's environment
}

// Term is one terminal (a tmux session) running one program.
type Term struct {
	srv    *Server
	name   string
	target string // =NAME:
	status string // file the program's exit status is written to when it ends
	pid    string // file holding the program's process id
}

// wrapper runs the program ($3...: KEY=VALUE... then the program and its arguments, as env(1)
// takes them; tmux would set TERM over its own -e) and writes its process id to $2 (the sh that
// execs it) and its exit status to $1 when it ends (128+N for signal N). Then it sleeps, so
// that the terminal stays with the program's last screen as it was (tmux's remain-on-exit
// would scroll it by a line to write "Pane is dead").
//
// set -m (job control) runs the program in a process group of its own, in the foreground of
// the terminal, as an interactive shell would: in the wrapper's own group, orphaned (its
// leader's parent, the tmux server, is in another session), the kernel would drop stop
// signals (SIGTSTP) meant for the program, and a test could not see whether it ignores them.
const wrapper = `st=$1 pf=$2; shift 2
set -m
sh -c 'echo $$ > "$0.tmp" && mv "$0.tmp" "$0" && exec env "$@"' "$pf" "$@"
echo $? > "$st.tmp" && mv "$st.tmp" "$st"
exec sleep 86400`

// Start runs argv (the program and its arguments) in a new terminal called name (letters,
// digits and -; unique on this server). The terminal and its last screen stay after the
// program ends, until the test ends or Kill.
func (s *Server) Start(name string, opt Options, argv ...string) *Term {
	s.tb.Helper()
	if !regexp.MustCompile(`^[A-Za-z0-9-]+$`).MatchString(name) {
		s.tb.Fatalf("tmuxtest: terminal name %q: only letters, digits and -", name)
	}
	if opt.Width == 0 {
		opt.Width = 100
	}
	if opt.Height == 0 {
		opt.Height = 32
	}
	t := &Term{
		srv:    s,
		name:   name,
		target: "=" + name + ":",
		status: filepath.Join(s.dir, name+".status"),
		pid:    filepath.Join(s.dir, name+".pid"),
	}
	os.Remove(t.status)
	os.Remove(t.pid)
	args := []string{"new-session", "-d", "-s", name, "-x", strconv.Itoa(opt.Width), "-y", strconv.Itoa(opt.Height)}
	if opt.Dir != "" {
		args = append(args, "-c", opt.Dir)
	}
	args = append(args, "--", "sh", "-c", wrapper, "sh", t.status, t.pid)
	for _, kv := range opt.Env {
		if !strings.Contains(kv, "=") {
			s.tb.Fatalf("tmuxtest: environment %q is no KEY=VALUE", kv)
		}
		args = append(args, kv)
	}
	if len(argv) == 0 || strings.Contains(argv[0], "=") {
		s.tb.Fatalf("tmuxtest: program %q: none, or a name with =", argv)
	}
	args = append(args, argv...)
	s.Tmux(args...)
	s.mu.Lock()
	s.terms = append(s.terms, t)
	if s.socket == "" {
		if out, err := s.run("display-message", "-p", "#{socket_path}"); err == nil {
			s.socket = strings.TrimSpace(out)
		}
	}
	s.mu.Unlock()
	return t
}

// SendKeys sends keys as tmux send-keys takes them: key names (Enter, Escape, C-c, F12, Up,
// End, Space) or text typed as is when it is no key name.
func (t *Term) SendKeys(keys ...string) {
	t.srv.tb.Helper()
	t.srv.Tmux(append([]string{"send-keys", "-t", t.target}, keys...)...)
}

// Type types text literally (also text that looks like a key name), Japanese included.
func (t *Term) Type(text string) {
	t.srv.tb.Helper()
	t.srv.Tmux("send-keys", "-t", t.target, "-l", text)
}

// Screen is what the terminal shows now.
func (t *Term) Screen() string {
	t.srv.tb.Helper()
	return t.srv.Tmux("capture-pane", "-p", "-t", t.target)
}

// History is the terminal's scrollback and screen, lines that the terminal wrapped joined
// again.
func (t *Term) History() string {
	t.srv.tb.Helper()
	return t.srv.Tmux("capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", t.target)
}

// Title is the terminal's title (what an OSC 0 or 2 sequence sets).
func (t *Term) Title() string {
	t.srv.tb.Helper()
	return strings.TrimSuffix(t.srv.Tmux("display-message", "-p", "-t", t.target, "#{pane_title}"), "\n")
}

// WaitFor waits until the screen shows text; after timeout it fails the test, showing the
// last screen.
func (t *Term) WaitFor(text string, timeout time.Duration) {
	t.srv.tb.Helper()
	t.waitUntil(timeout, fmt.Sprintf("%q on the screen", text), t.Screen, func(s string) bool { return strings.Contains(s, text) })
}

// WaitForHistory waits until the scrollback and screen hold text at least n times; after
// timeout it fails the test, showing them.
func (t *Term) WaitForHistory(text string, n int, timeout time.Duration) {
	t.srv.tb.Helper()
	t.waitUntil(timeout, fmt.Sprintf("%q %d times in the scrollback", text, n), t.History, func(s string) bool { return strings.Count(s, text) >= n })
}

// WaitUntil waits until ok holds for the screen; after timeout it fails the test saying what
// it waited for, with the last screen.
func (t *Term) WaitUntil(what string, timeout time.Duration, ok func(screen string) bool) {
	t.srv.tb.Helper()
	t.waitUntil(timeout, what, t.Screen, ok)
}

func (t *Term) waitUntil(timeout time.Duration, what string, capture func() string, ok func(string) bool) {
	t.srv.tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		s := capture()
		if ok(s) {
			return
		}
		if time.Now().After(deadline) {
			t.srv.tb.Fatalf("terminal %s: waited %v for %s; the last screen:\n%s", t.name, timeout, what, s)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// Exited says whether the program has ended.
func (t *Term) Exited() bool {
	_, err := os.Stat(t.status)
	return err == nil
}

// ExitStatus waits for the program to end and returns its exit status (128+N after signal
// N); after timeout it fails the test, showing the screen.
func (t *Term) ExitStatus(timeout time.Duration) int {
	t.srv.tb.Helper()
	return t.waitInt(t.status, "exit status", timeout, 25*time.Millisecond, func() string {
		return fmt.Sprintf("the program did not end within %v; the screen:\n%s", timeout, t.Screen())
	})
}

// PID is the program's process id: the wrapper's sh writes it and then execs the program
// (through env), so signal the program only once it shows its first screen.
func (t *Term) PID() int {
	t.srv.tb.Helper()
	return t.waitInt(t.pid, "pid", 5*time.Second, 10*time.Millisecond, func() string { return "the program never started" })
}

// waitInt waits, looking every so often, for the wrapper to write the number file (the
// program's pid or exit status, what) and returns it; after timeout it fails the test with
// late's words.
func (t *Term) waitInt(file, what string, timeout, every time.Duration, late func() string) int {
	t.srv.tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		if b, err := os.ReadFile(file); err == nil {
			n, err := strconv.Atoi(strings.TrimSpace(string(b)))
			if err != nil {
				t.srv.tb.Fatalf("terminal %s: %s %q: %v", t.name, what, b, err)
			}
			return n
		}
		if time.Now().After(deadline) {
			t.srv.tb.Fatalf("terminal %s: %s", t.name, late())
		}
		time.Sleep(every)
	}
}

// Kill ends the terminal (tmux kill-session) and its program.
func (t *Term) Kill() {
	t.srv.tb.Helper()
	t.srv.Tmux("kill-session", "-t", t.target)
	t.srv.mu.Lock()
	defer t.srv.mu.Unlock()
	for i, u := range t.srv.terms {
		if u == t {
			t.srv.terms = append(t.srv.terms[:i], t.srv.terms[i+1:]...)
			break
		}
	}
}
