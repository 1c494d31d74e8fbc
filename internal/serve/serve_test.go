package serve

import (
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/ui/kiosk"
	gossh "golang.org/x/crypto/ssh"
)

// A full kiosk screening over a pty session: welcome, details, every question, review,
// completion. The result is in the outbox before the session says it was saved, and the
// operator log names the session, its address, how it authenticated and the result's id,
// never the patient's details.
func TestKioskScreeningOverPTY(t *testing.T) {
	ts := startServer(t, nil)
	c := dial(t, ts.addr)
	tm := openTerm(t, c, 100, 30)
	tm.startKioskEN("4711", 10*time.Second, time.Second, 5*time.Second)
	tm.answerAll("Review your answers")
	tm.must(0, 10*time.Second, "Please tell the reception")
	// Told: the result must be on disk already.
	files := results(t, ts.outbox)
	if len(files) != 1 {
		t.Fatalf("outbox holds %d results when the patient is told it was saved, want 1", len(files))
	}
	id := strings.TrimSuffix(filepath.Base(files[0]), ".json")
	fi, err := os.Stat(files[0])
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("result file mode %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	waitLog(t, ts.log, "completed, saved "+id, 5*time.Second)
	tm.sess.Close()
	waitLog(t, ts.log, "session 1 end: completed, saved "+id, 5*time.Second)
	log := ts.log.String()
	for _, want := range []string{"session 1 start: 127.0.0.1:", "password", "kiosk", "pty 100x30"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	for _, secret := range []string{"4711", testPassword, "terminal"} {
		if strings.Contains(log, secret) {
			t.Errorf("log holds %q:\n%s", secret, log)
		}
	}
}

// The screening mode: the questionnaire, then the result goes to the outbox (not to a file on
// the server's disk that the patient names) and the summary shows its number.
func TestScreeningModeOverPTY(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Mode = ModeScreening; c.Guard = nil })
	c := dial(t, ts.addr)
	tm := openTerm(t, c, 90, 28)
	tm.must(0, 10*time.Second, "質問 1")
	tm.answerAll("回答の確認")
	got := tm.must(0, 10*time.Second, "保存しました（番号 ")
	_ = got
	files := results(t, ts.outbox)
	if len(files) != 1 {
		t.Fatalf("outbox holds %d results, want 1", len(files))
	}
	id := strings.TrimSuffix(filepath.Base(files[0]), ".json")
	if !strings.Contains(tm.text(0), id) {
		t.Errorf("the summary does not show the outbox number %s", id)
	}
	m := tm.key("q")
	if err := tm.waitExit(5 * time.Second); err != nil {
		t.Fatalf("q did not end the session: %v (drawn: %s)", err, tail(tm.text(m)))
	}
	waitLog(t, ts.log, "end: completed, saved "+id, 5*time.Second)
}

// A client without a pty gets a message and the line mode, not a broken screen: the
// language, the patient details and every question line by line, the result in the outbox
// (not shown to the patient, as at the kiosk) before the session says it was saved.
func TestSessionWithoutPTY(t *testing.T) {
	ts := startServer(t, nil)
	sess, in, out := openLine(t, dial(t, ts.addr))
	// waitPrompt waits until the output grew past n and then stayed still.
	waitPrompt := func(n int) string {
		end := time.Now().Add(10 * time.Second)
		last := -1
		for time.Now().Before(end) {
			s := out.String()
			if len(s) > n && len(s) == last {
				return s[n:]
			}
			last = len(s)
			time.Sleep(40 * time.Millisecond)
		}
		t.Fatalf("no prompt; output:\n%s", tail(out.String()))
		return ""
	}
	say := func(line string) int {
		n := len(out.String())
		io.WriteString(in, line+"\n")
		return n
	}
	first := waitPrompt(0)
	if !strings.Contains(first, "This connection has no terminal (pty)") || !strings.Contains(first, "ssh -t") {
		t.Errorf("no clear message about the missing pty:\n%s", first)
	}
	if !strings.Contains(first, "Language") {
		t.Fatalf("no language question:\n%s", first)
	}
	for _, l := range strings.Split(first, "\n") { // a plain terminal of 80 columns cuts nothing
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("a line of %d cells: %q", w, l)
		}
	}
	if got := waitPrompt(say("2")); !strings.Contains(got, "Reception number") {
		t.Fatalf("no reception number asked:\n%s", got)
	}
	if got := waitPrompt(say("no such number!")); !strings.Contains(got, "Please use numbers and letters only") {
		t.Fatalf("a bad reception number was not refused with a message:\n%s", got)
	}
	got := waitPrompt(say("5150"))
	for i := 0; i < 60 && !strings.Contains(got, "To confirm, press Enter"); i++ {
		got = waitPrompt(say("1"))
	}
	if !strings.Contains(got, "To confirm, press Enter") {
		t.Fatalf("never reached the review:\n%s", tail(out.String()))
	}
	n := say("")
	if err := sess.Wait(); err != nil {
		t.Errorf("a completed line-mode session: %v", err)
	}
	end := out.String()[n:]
	files := results(t, ts.outbox)
	if len(files) != 1 {
		t.Fatalf("outbox holds %d results, want 1", len(files))
	}
	id := strings.TrimSuffix(filepath.Base(files[0]), ".json")
	if !strings.Contains(end, "Your answers were saved (number "+id+")") {
		t.Errorf("the end does not give the outbox number %s:\n%s", id, end)
	}
	if strings.Contains(end, "Verdict") {
		t.Errorf("the patient was shown the result without --show-result:\n%s", end)
	}
	data, err := os.ReadFile(files[0])
	if err != nil || !strings.Contains(string(data), "5150") {
		t.Errorf("the reception number is not in the result: %v", err)
	}
	if s := out.String(); strings.Contains(s, "\x1b[") {
		t.Errorf("line mode wrote escape sequences:\n%q", tail(s))
	}
	waitLog(t, ts.log, "session 1 end: completed, saved "+id, 5*time.Second)
	if strings.Contains(ts.log.String(), "5150") {
		t.Errorf("the log holds the reception number:\n%s", ts.log.String())
	}
}

// A line-mode session whose input ends is abandoned: nothing saved.
func TestSessionWithoutPTYAbandoned(t *testing.T) {
	ts := startServer(t, nil)
	c := dial(t, ts.addr)
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	sess.Stdin = strings.NewReader("1\n42\n1\n")
	var out syncBuffer
	sess.Stdout = &out
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Wait(); err == nil {
		t.Error("an unfinished line-mode session exited 0")
	}
	waitLog(t, ts.log, "session 1 end: abandoned", 5*time.Second)
	if n := len(results(t, ts.outbox)); n != 0 {
		t.Errorf("%d results saved from an unfinished session", n)
	}
}

// A session gets a screen and nothing else.
func TestRefusedRequests(t *testing.T) {
	ts := startServer(t, nil)
	c := dial(t, ts.addr)

	sess, _ := c.NewSession()
	if out, err := sess.CombinedOutput("id"); err == nil {
		t.Errorf("exec ran: %q", out)
	}
	sess.Close()

	sess, _ = c.NewSession()
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was granted")
	}
	sess.Close()

	sess, _ = c.NewSession()
	if ok, err := sess.SendRequest("auth-agent-req@openssh.com", true, nil); ok || err != nil {
		t.Errorf("agent forwarding: ok=%v err=%v, want refused", ok, err)
	}
	x11 := gossh.Marshal(struct {
		Single bool
		Proto  string
		Cookie string
		Screen uint32
	}{false, "MIT-MAGIC-COOKIE-1", "0123456789abcdef0123456789abcdef", 0})
	if ok, err := sess.SendRequest("x11-req", true, x11); ok || err != nil {
		t.Errorf("X11 forwarding: ok=%v err=%v, want refused", ok, err)
	}
	sess.Close()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if conn, err := c.Dial("tcp", ln.Addr().String()); err == nil {
		conn.Close()
		t.Error("local port forwarding (direct-tcpip) was allowed")
	}
	if l, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		l.Close()
		t.Error("remote port forwarding (tcpip-forward) was allowed")
	}
	if _, _, err := c.OpenChannel("x11", nil); err == nil {
		t.Error("an x11 channel was accepted")
	}
	// The connection still serves its screen afterwards.
	tm := openTerm(t, c, 80, 24)
	tm.must(0, 10*time.Second, "ようこそ")
}

// Wrong keys and wrong passwords are refused; wrong passwords are counted per address and
// slowed down, and the password never reaches the log.
func TestWrongKeyAndPassword(t *testing.T) {
	good, bad := newKey(t), newKey(t)
	dir := t.TempDir()
	ak := filepath.Join(dir, "authorized_keys")
	if err := os.WriteFile(ak, gossh.MarshalAuthorizedKey(good.PublicKey()), 0o600); err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, func(c *Config) { c.AuthorizedKeys = ak })

	if _, err := dialWith(ts.addr, gossh.PublicKeys(bad)); err == nil {
		t.Error("a key not in authorized_keys was let in")
	}
	start := time.Now()
	if _, err := dialWith(ts.addr, gossh.Password("wrong-guess-1")); err == nil {
		t.Error("a wrong password was let in")
	}
	if _, err := dialWith(ts.addr, gossh.Password("wrong-guess-2")); err == nil {
		t.Error("a wrong password was let in")
	}
	if d := time.Since(start); d < 2*time.Second {
		t.Errorf("two wrong passwords took %v; they should be slowed down (1 s, then 2 s)", d)
	}
	c, err := dialWith(ts.addr, gossh.PublicKeys(good))
	if err != nil {
		t.Fatalf("the authorized key was refused: %v", err)
	}
	tm := openTerm(t, c, 80, 24)
	tm.must(0, 10*time.Second, "ようこそ")
	waitLog(t, ts.log, "key SHA256:", 5*time.Second)
	c.Close()
	c, err = dialWith(ts.addr, gossh.Password(testPassword))
	if err != nil {
		t.Fatalf("the right password was refused: %v", err)
	}
	c.Close()
	log := ts.log.String()
	if !strings.Contains(log, "wrong password from 127.0.0.1 (2 recent)") {
		t.Errorf("wrong passwords not counted per address:\n%s", log)
	}
	for _, s := range []string{"wrong-guess", testPassword} {
		if strings.Contains(log, s) {
			t.Errorf("the log holds a password (%q):\n%s", s, log)
		}
	}
}

// The server refuses to start without a way in, with a host key others can read, and
// creates a missing host key with mode 0600.
func TestStartChecks(t *testing.T) {
	dir := t.TempDir()
	base := func() Config {
		return Config{Outbox: filepath.Join(dir, "out"), RuleSet: rulesForTest(t), HostKey: filepath.Join(dir, "hk"), Password: "x", Log: &syncBuffer{}}
	}
	cfg := base()
	cfg.Password = ""
	if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), "nobody could connect") {
		t.Errorf("no authorized keys and no password: %v", err)
	}
	s, err := New(base())
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(dir, "hk"))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("host key not created 0600: %v %v", fi, err)
	}
	s2, err := New(base())
	if err != nil || s2.Fingerprint() != s.Fingerprint() {
		t.Errorf("the host key was not kept: %v %s %s", err, s.Fingerprint(), s2.Fingerprint())
	}
	os.Chmod(filepath.Join(dir, "hk"), 0o644)
	if _, err := New(base()); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a host key readable by others was used: %v", err)
	}
}

// Beyond MaxSessions a session is refused politely; the others go on.
func TestMaxSessions(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxSessions = 1 })
	c := dial(t, ts.addr)
	tm := openTerm(t, c, 80, 24)
	tm.must(0, 10*time.Second, "ようこそ")
	c2 := dial(t, ts.addr)
	tm2 := openTerm(t, c2, 80, 24)
	tm2.must(0, 10*time.Second, "All places are in use right now")
	if err := tm2.waitExit(5 * time.Second); err == nil {
		t.Error("the refused session exited 0")
	}
	waitLog(t, ts.log, "all 1 places in use", time.Second)
	m := tm.key(keyEnter)
	tm.must(m, 5*time.Second, "受付の情報を入力してください")
	tm.sess.Close() // a patient under way: abandoned
	waitLog(t, ts.log, "session 1 end: abandoned", 5*time.Second)
	c3 := dial(t, ts.addr)
	tm3 := openTerm(t, c3, 80, 24)
	tm3.must(0, 10*time.Second, "ようこそ")
}

// A session idle past the idle timeout and the countdown is wiped: the welcome screen again,
// nothing of the patient, logged as an idle wipe.
func TestIdleWipe(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.IdleTimeout = time.Second })
	c := dial(t, ts.addr)
	tm := openTerm(t, c, 80, 24)
	tm.must(0, 10*time.Second, "ようこそ")
	m := tm.key(keyEnter)
	tm.must(m, 5*time.Second, "受付の情報を入力してください")
	m = tm.key("9876")
	tm.must(m, 5*time.Second, "9876")
	tm.must(m, 5*time.Second, "まだ")
	m = tm.mark()
	tm.must(m, 5*time.Second, "ようこそ")
	waitLog(t, ts.log, "session 1: idle wipe", 5*time.Second)
	tm.quiet(50*time.Millisecond, time.Second)
	if strings.Contains(tm.text(m), "9876") {
		t.Error("the wiped screen still shows the patient's input")
	}
	tm.sess.Close()
	waitLog(t, ts.log, "session 1 end: idle wipe", 5*time.Second)
}

// A connection that does not authenticate in time is closed.
func TestAuthTimeout(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.AuthTimeout = 300 * time.Millisecond })
	conn, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 4096)
	start := time.Now()
	for {
		if _, err := conn.Read(buf); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatal("a silent connection was kept open past the auth time limit")
			}
			break
		}
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("closed after %v", d)
	}
}

// Every session draws with its own renderer: the colour profile and the dark or light
// background of that client, never the server's terminal.
func TestRendererPerSession(t *testing.T) {
	ts := startServer(t, nil)
	c := dial(t, ts.addr)
	light := openTermAs(t, c, "xterm-256color", "ffff/ffff/ffff", 80, 24)
	dark := openTermAs(t, c, "xterm-256color", "0000/0000/0000", 80, 24)
	plain := openTermAs(t, c, "dumb", "0000/0000/0000", 80, 24)
	for _, tm := range []*term{light, dark, plain} {
		tm.must(0, 10*time.Second, "ようこそ")
		m := tm.key(keyEnter)
		tm.must(m, 5*time.Second, "受付の情報を入力してください")
		tm.quiet(30*time.Millisecond, time.Second)
	}
	colours := func(tm *term) string {
		tm.mu.Lock()
		defer tm.mu.Unlock()
		return strings.Join(sgrColour.FindAllString(string(tm.out), -1), " ")
	}
	l, d, p := colours(light), colours(dark), colours(plain)
	if l == "" || d == "" {
		t.Fatalf("no colours on a 256-colour terminal: light %q dark %q", l, d)
	}
	if l == d {
		t.Errorf("a light and a dark terminal got the same colours: %q", l)
	}
	if p != "" {
		t.Errorf("a dumb terminal got colours: %q", p)
	}
}

var sgrColour = regexp.MustCompile(`\x1b\[[0-9;]*38;[25];[0-9;]*m`)

// The staff PIN works per session, and its lockout counts tries from every session: an
// attacker cannot reset it by reconnecting.
func TestStaffLockoutAcrossSessions(t *testing.T) {
	ts := startServer(t, nil)
	const f12 = "\x1b[24~"
	c := dial(t, ts.addr)
	a := openTerm(t, c, 80, 24)
	a.must(0, 10*time.Second, "ようこそ")
	m := a.key(f12)
	a.must(m, 5*time.Second, "スタッフ用画面")
	m = a.key("0000" + keyEnter)
	a.must(m, 5*time.Second, "あと 2 回")
	m = a.key("1111" + keyEnter)
	a.must(m, 5*time.Second, "あと 1 回")
	a.sess.Close()
	c.Close()

	c2 := dial(t, ts.addr)
	b := openTerm(t, c2, 80, 24)
	b.must(0, 10*time.Second, "ようこそ")
	m = b.key(f12)
	b.must(m, 5*time.Second, "スタッフ用画面")
	m = b.key("2222" + keyEnter)
	b.must(m, 5*time.Second, "入力できません")
	// The right PIN is refused while locked.
	m = b.key("2468" + keyEnter)
	b.quiet(50*time.Millisecond, time.Second)
	if strings.Contains(b.text(m), "スタッフメニュー") || !strings.Contains(b.text(0), "入力できません") {
		t.Error("the right PIN was taken during the lockout")
	}

	// Another terminal at the same time sees the lockout too.
	c3 := dial(t, ts.addr)
	d := openTerm(t, c3, 80, 24)
	d.must(0, 10*time.Second, "ようこそ")
	m = d.key(f12)
	d.must(m, 5*time.Second, "入力できません")
}

// A client claiming a huge window gets a screen of at most maxWidth x maxHeight.
func TestHugeWindowIsClamped(t *testing.T) {
	ts := startServer(t, nil)
	c := dial(t, ts.addr)
	tm := openTerm(t, c, 20000, 10000)
	tm.must(0, 10*time.Second, "ようこそ")
	tm.quiet(50*time.Millisecond, time.Second)
	lines := strings.Split(tm.text(0), "\n")
	if len(lines) > maxHeight+5 {
		t.Errorf("%d lines drawn, want at most %d", len(lines), maxHeight)
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > maxWidth+5 {
			t.Fatalf("a line of %d characters, want at most %d", n, maxWidth)
		}
	}
	if err := tm.sess.WindowChange(30000, 30000); err != nil {
		t.Fatal(err)
	}
	m := tm.key(keyEnter)
	tm.must(m, 5*time.Second, "受付の情報を入力してください")
}

// A client that stops reading holds up only its own session: another screening goes on, and
// Shutdown ends in its grace time all the same.
func TestStuckClientBlocksNobody(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.CloseGrace = time.Second })
	c := dial(t, ts.addr)
	stuck, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := stuck.RequestPty("xterm-256color", 200, 400, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if _, err := stuck.StdoutPipe(); err != nil { // never read
		t.Fatal(err)
	}
	if _, err := stuck.StdinPipe(); err != nil { // open: the client is there, just not reading
		t.Fatal(err)
	}
	if err := stuck.Shell(); err != nil {
		t.Fatal(err)
	}
	// Let the session start first: its terminal query gives up after queryWait. (A window
	// change while the session starts races in charmbracelet/ssh, which writes the window
	// that Pty() reads without a lock.)
	waitLog(t, ts.log, "session 1 start", 5*time.Second)
	time.Sleep(queryWait + 300*time.Millisecond)
	// Full redraws of a 400x200 screen until far more than the SSH window (2 MiB) is unread.
	for i := 0; i < 250; i++ {
		if err := stuck.WindowChange(200, 400-i%2); err != nil {
			t.Fatalf("window change %d: %v; log:\n%s", i, err, ts.log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	c2 := dial(t, ts.addr)
	tm := openTerm(t, c2, 80, 24)
	tm.must(0, 5*time.Second, "ようこそ")
	m := tm.key(keyEnter)
	tm.must(m, 5*time.Second, "受付の情報を入力してください")
	start := time.Now()
	ts.Shutdown()
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Shutdown took %v with a stuck client (grace 1 s)", d)
	}
	if !strings.Contains(ts.log.String(), "1 session(s) did not end in 1s") {
		t.Errorf("the test's client was not stuck after all:\n%s", ts.log.String())
	}
}

// The screening mode ends a session idle past the timeout and its countdown (wiped), and
// ctrl+c asks before it ends a screening with answers (abandoned).
func TestScreeningModeIdleAndQuit(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Mode = ModeScreening; c.IdleTimeout = time.Second })
	c := dial(t, ts.addr)
	tm := openTerm(t, c, 80, 24)
	tm.must(0, 10*time.Second, "質問 1")
	tm.must(0, 5*time.Second, "まだ続けますか")
	if err := tm.waitExit(5 * time.Second); err != nil {
		t.Fatalf("the idle session did not end: %v", err)
	}
	waitLog(t, ts.log, "session 1 end: idle wipe", 5*time.Second)
	if !strings.Contains(tm.text(0), "回答は消去されました") {
		t.Error("the patient was not told why the session ended")
	}

	tm = openTerm(t, c, 80, 24)
	tm.must(0, 10*time.Second, "質問 1")
	m := tm.key("1" + keyEnter)
	tm.must(m, 5*time.Second, "質問 2")
	m = tm.key("\x03")
	tm.must(m, 5*time.Second, "終了しますか")
	tm.key("\x03")
	if err := tm.waitExit(5 * time.Second); err != nil {
		t.Fatalf("ctrl+c twice did not end the session: %v", err)
	}
	waitLog(t, ts.log, "session 2 end: abandoned", 5*time.Second)
	if n := len(results(t, ts.outbox)); n != 0 {
		t.Errorf("%d results saved", n)
	}
}

// The screening starts in the language of the client's locale, when it names one.
func TestLanguageFromClient(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Mode = ModeScreening })
	c := dial(t, ts.addr)
	for _, tc := range []struct{ env, want string }{
		{"en_US.UTF-8", "Question 1"},
		{"ja_JP.UTF-8", "質問 1"},
		{"C", "質問 1"}, // neither: the server's language
	} {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.Setenv("LANG", tc.env); err != nil {
			t.Fatal(err)
		}
		if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
		in, _ := sess.StdinPipe()
		var out syncBuffer
		sess.Stdout = &out
		if err := sess.Shell(); err != nil {
			t.Fatal(err)
		}
		end := time.Now().Add(10 * time.Second)
		for !strings.Contains(ansi.Strip(out.String()), tc.want) {
			if time.Now().After(end) {
				t.Fatalf("LANG=%s: no %q:\n%q\nlog:\n%s", tc.env, tc.want, tail(out.String()), ts.log.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
		in.Close()
		sess.Close()
	}
}

// Sessions opened at once on one connection are apart: each its own kiosk, and nothing typed
// in one shows in another.
func TestSessionsOnOneConnectionApart(t *testing.T) {
	ts := startServer(t, nil)
	c := dial(t, ts.addr)
	const n = 4
	terms := make([]*term, n)
	var wg sync.WaitGroup
	for i := range terms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			terms[i] = openTerm(t, c, 70+i, 24)
		}()
	}
	wg.Wait()
	for i, tm := range terms {
		tm.must(0, 10*time.Second, "ようこそ")
		m := tm.key(keyEnter)
		tm.must(m, 5*time.Second, "受付の情報を入力してください")
		m = tm.key(fmt.Sprintf("77%d", i))
		tm.must(m, 5*time.Second, fmt.Sprintf("77%d", i))
	}
	for i, tm := range terms {
		tm.quiet(30*time.Millisecond, time.Second)
		for j := range terms {
			if j != i && strings.Contains(tm.text(0), fmt.Sprintf("77%d", j)) {
				t.Errorf("session %d shows what was typed in session %d", i, j)
			}
		}
	}
}

// exoscreen kiosk-unlock --outbox DIR (the request file in the outbox) releases the server's
// lockout: the session whose prompt is locked says so and takes the PIN; a request older
// than the wrong tries does nothing.
func TestKioskUnlockReleasesServeLockout(t *testing.T) {
	ts := startServer(t, nil)
	const f12 = "\x1b[24~"
	unlock := filepath.Join(ts.outbox, kiosk.UnlockFile)
	// An old request, before the wrong tries.
	if err := os.WriteFile(unlock, []byte("x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(unlock, old, old); err != nil {
		t.Fatal(err)
	}
	c := dial(t, ts.addr)
	a := openTerm(t, c, 80, 24)
	a.must(0, 10*time.Second, "ようこそ")
	m := a.key(f12)
	a.must(m, 5*time.Second, "スタッフ用画面")
	for _, try := range []string{"0000", "1111", "2222"} {
		m = a.key(try + keyEnter)
	}
	a.must(m, 5*time.Second, "入力できません")
	a.quiet(50*time.Millisecond, 1500*time.Millisecond)
	if strings.Contains(a.text(m), "ロックが解除されました") {
		t.Fatal("a request older than the wrong tries released the lockout")
	}
	now := time.Now()
	if err := os.Chtimes(unlock, now, now); err != nil {
		t.Fatal(err)
	}
	a.must(m, 5*time.Second, "ロックが解除されました")
	m = a.key("2468" + keyEnter)
	a.must(m, 5*time.Second, "スタッフメニュー")
}

// A session of the screening mode wiped for idleness says why in the patient's language (the
// client's locale, as the screening), not the server's, on lines that fit the terminal.
func TestIdleGoodbyeInPatientsLanguage(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Mode = ModeScreening; c.IdleTimeout = time.Second })
	c := dial(t, ts.addr)
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.Setenv("LANG", "en_US.UTF-8"); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm", 12, 40, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, _ := sess.StdinPipe()
	defer in.Close()
	var out syncBuffer
	sess.Stdout = &out
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		t.Fatalf("the idle session did not end:\n%q", tail(out.String()))
	}
	s := out.String()
	if j := strings.LastIndex(s, "\x1b[?1049l"); j >= 0 { // after the screen (alternate screen left)
		s = s[j:]
	}
	s = ansi.Strip(s)
	if !strings.Contains(strings.Join(strings.Fields(s), " "), "The screening ended after a while without input") {
		t.Errorf("no English goodbye after the screen:\n%q", s)
	}
	for _, l := range strings.Split(s, "\n") {
		if w := ansi.StringWidth(strings.TrimRight(l, "\r")); w > 40 {
			t.Errorf("a line of %d cells on a 40-column terminal: %q", w, l)
		}
	}
}
