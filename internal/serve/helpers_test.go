package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/ui/kiosk"
	gossh "golang.org/x/crypto/ssh"
)

const testPassword = "correct horse battery staple"

// syncBuffer is a goroutine-safe buffer (the operator log).
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testServer is a real server on a random loopback port.
type testServer struct {
	*Server
	addr   string
	outbox string
	log    *syncBuffer
	done   chan error
}

// startServer starts a server with the frozen test rule set, a password, a staff PIN and a
// fresh outbox; edit changes the config first.
func startServer(t testing.TB, edit func(*Config)) *testServer {
	t.Helper()
	dir := t.TempDir()
	guard, err := kiosk.NewGuard("2468")
	if err != nil {
		t.Fatal(err)
	}
	log := &syncBuffer{}
	cfg := Config{
		Listen:   "127.0.0.1:0",
		Outbox:   filepath.Join(dir, "outbox"),
		RuleSet:  testrules.Load(t),
		Guard:    guard,
		Details:  []kiosk.Field{kiosk.Reception},
		HostKey:  filepath.Join(dir, "host_key"),
		Password: testPassword,
		Log:      log,
	}
	if edit != nil {
		edit(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := s.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s, addr: ln.Addr().String(), outbox: cfg.Outbox, log: log, done: make(chan error, 1)}
	go func() { ts.done <- s.Serve(ln) }()
	t.Cleanup(func() {
		s.Shutdown()
		select {
		case <-ts.done:
		case <-time.After(10 * time.Second):
			t.Error("Serve did not return after Shutdown")
		}
	})
	return ts
}

// dial connects with the password.
func dial(t testing.TB, addr string) *gossh.Client {
	t.Helper()
	c, err := dialWith(addr, gossh.Password(testPassword))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func dialWith(addr string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            "terminal",
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // a fresh key per test
		Timeout:         10 * time.Second,
	})
}

// newKey makes an ed25519 client key.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// term is the client side of a pty session: it keeps everything the server drew and answers
// the terminal queries a real terminal answers (background colour, device attributes), with
// a light background, as a terminal with a white background would.
type term struct {
	t     testing.TB
	sess  *gossh.Session
	in    io.WriteCloser
	bg    string
	mu    sync.Mutex
	out   []byte
	first time.Time // when the first byte after the last key arrived
	keyAt time.Time
	exit  chan error
	note  chan struct{}
}

// openLine opens a session without a pty (the line mode) and starts the shell: what is
// written to in is typed, out collects what the server says.
func openLine(t testing.TB, c *gossh.Client) (sess *gossh.Session, in io.WriteCloser, out *syncBuffer) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	if in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out = &syncBuffer{}
	sess.Stdout = out
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return sess, in, out
}

// openTerm opens a session with a pty of w x h and starts the shell (the screen).
func openTerm(t testing.TB, c *gossh.Client, w, h int) *term {
	t.Helper()
	return openTermAs(t, c, "xterm-256color", "ffff/ffff/ffff", w, h)
}

// openTermAs opens a session on a terminal of type termType whose background colour is bg
// (X11 rgb: "0000/0000/0000" is black).
func openTermAs(t testing.TB, c *gossh.Client, termType, bg string, w, h int) *term {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty(termType, h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, sess: sess, in: in, bg: bg, exit: make(chan error, 1), note: make(chan struct{}, 1)}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go tm.read(out)
	t.Cleanup(func() { sess.Close() })
	return tm
}

func (tm *term) read(r io.Reader) {
	buf := make([]byte, 32<<10)
	answered := false
	for {
		n, err := r.Read(buf)
		if n > 0 {
			tm.mu.Lock()
			if tm.first.IsZero() {
				tm.first = time.Now()
			}
			tm.out = append(tm.out, buf[:n]...)
			query := !answered && bytes.Contains(tm.out, []byte("\x1b]11;?"))
			tm.mu.Unlock()
			if query {
				answered = true
				io.WriteString(tm.in, "\x1b]11;rgb:"+tm.bg+"\x07\x1b[?62;22c") //nolint:errcheck
			}
			select {
			case tm.note <- struct{}{}:
			default:
			}
		}
		if err != nil {
			tm.exit <- tm.sess.Wait()
			close(tm.note)
			return
		}
	}
}

// mark is the position in the output from which the next wait looks.
func (tm *term) mark() int {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return len(tm.out)
}

// key sends keys and returns the mark before them.
func (tm *term) key(s string) int {
	tm.mu.Lock()
	m := len(tm.out)
	tm.first = time.Time{}
	tm.keyAt = time.Now()
	tm.mu.Unlock()
	if _, err := io.WriteString(tm.in, s); err != nil {
		tm.t.Errorf("writing keys: %v", err)
	}
	return m
}

// latency is the time from the last key to the first byte drawn after it (0: none yet).
func (tm *term) latency() time.Duration {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	if tm.first.IsZero() {
		return 0
	}
	return tm.first.Sub(tm.keyAt)
}

// text is what was drawn since mark, without escape sequences.
func (tm *term) text(mark int) string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(string(tm.out[mark:]))
}

// waitFor waits until one of the texts was drawn since mark and returns which.
func (tm *term) waitFor(mark int, timeout time.Duration, texts ...string) (string, error) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s := tm.text(mark)
		for _, x := range texts {
			if strings.Contains(s, x) {
				return x, nil
			}
		}
		select {
		case _, ok := <-tm.note:
			if !ok {
				s := tm.text(mark)
				for _, x := range texts {
					if strings.Contains(s, x) {
						return x, nil
					}
				}
				return "", fmt.Errorf("session ended before %q; drawn since mark:\n%s", texts, tail(s))
			}
		case <-deadline.C:
			return "", fmt.Errorf("timed out waiting for %q; drawn since mark:\n%s", texts, tail(s))
		}
	}
}

func (tm *term) must(mark int, timeout time.Duration, texts ...string) string {
	tm.t.Helper()
	x, err := tm.waitFor(mark, timeout, texts...)
	if err != nil {
		tm.t.Fatal(err)
	}
	return x
}

// waitOutput waits until something was drawn after mark.
func (tm *term) waitOutput(mark int, timeout time.Duration) bool {
	end := time.Now().Add(timeout)
	for tm.mark() <= mark {
		if time.Now().After(end) {
			return false
		}
		select {
		case _, ok := <-tm.note:
			if !ok {
				return tm.mark() > mark
			}
		case <-time.After(10 * time.Millisecond):
		}
	}
	return true
}

// quiet waits until nothing was drawn for d (or timeout passed).
func (tm *term) quiet(d, timeout time.Duration) {
	end := time.Now().Add(timeout)
	last := tm.mark()
	for time.Now().Before(end) {
		time.Sleep(d)
		if m := tm.mark(); m == last {
			return
		} else {
			last = m
		}
	}
}

func tail(s string) string {
	if len(s) > 3000 {
		s = "..." + s[len(s)-3000:]
	}
	return s
}

// Keys as a terminal sends them.
const (
	keyEnter = "\r"
	keyRight = "\x1b[C"
	keyEnd   = "\x1b[F"
)

// startKioskEN takes a kiosk session from its welcome screen to question 1 in English: the
// welcome within welcome, a quiet screen for up to quiet, English, then the reception
// number; each later screen within step.
func (tm *term) startKioskEN(reception string, welcome, quiet, step time.Duration) {
	tm.t.Helper()
	tm.must(0, welcome, "Welcome")
	tm.quiet(30*time.Millisecond, quiet)
	m := tm.key(keyRight)
	tm.waitOutput(m, step)
	m = tm.key(keyEnter)
	tm.must(m, step, "Please enter your details")
	m = tm.key(reception + keyEnter)
	tm.must(m, step, "Question 1")
}

// answerAll answers every question with its first option (the number key 1, then enter:
// nothing is chosen for the patient, so enter alone answers nothing) until the review, then
// confirms it. It returns the keystroke-to-frame times of the answers.
func (tm *term) answerAll(review string) []time.Duration {
	tm.t.Helper()
	var lat []time.Duration
	for i := 0; i < 80; i++ {
		m := tm.key("1" + keyEnter)
		// Every enter draws something: the next question or the review.
		if !tm.waitOutput(m, 20*time.Second) {
			tm.t.Fatalf("no frame after enter; drawn so far:\n%s", tail(tm.text(0)))
		}
		if l := tm.latency(); l > 0 {
			lat = append(lat, l)
		}
		tm.waitFor(m, 5*time.Second, "Question ", "質問 ", review) //nolint:errcheck
		tm.quiet(30*time.Millisecond, 2*time.Second)
		if strings.Contains(tm.text(m), review) {
			tm.key(keyEnd)
			tm.quiet(30*time.Millisecond, 2*time.Second)
			tm.key(keyEnter)
			return lat
		}
	}
	tm.t.Fatalf("never reached %q", review)
	return nil
}

// results lists the result files in the outbox.
func results(t testing.TB, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// waitExit waits for the session's exit status.
func (tm *term) waitExit(timeout time.Duration) error {
	select {
	case err := <-tm.exit:
		return err
	case <-time.After(timeout):
		return errors.New("the session did not end")
	}
}

// waitLog waits until the log holds s.
func waitLog(t testing.TB, log *syncBuffer, s string, timeout time.Duration) {
	t.Helper()
	end := time.Now().Add(timeout)
	for !strings.Contains(log.String(), s) {
		if time.Now().After(end) {
			t.Fatalf("log never said %q; log:\n%s", s, log.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func rulesForTest(t testing.TB) *screening.RuleSet { return testrules.Load(t) }

func passwordAuth() gossh.AuthMethod { return gossh.Password(testPassword) }
