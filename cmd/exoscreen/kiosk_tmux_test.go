//go:build linux

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/internal/tmuxtest"
)

// The kiosk and the staff inbox of the real binary in a real terminal (tmux, a private
// server per test), on the test rule set. These were scripts/kiosk-*.sh.

const (
	kioskPIN = "2468"
	step     = 15 * time.Second // the longest a step may take before the test fails
)

// startKiosk runs the kiosk on the test rule set in a new 100x32 terminal called name, in the
// folder work, with the staff PIN pin and LANG=ja_JP.UTF-8 (args may say --lang), and waits
// for its welcome screen.
func startKiosk(t *testing.T, srv *tmuxtest.Server, name, work, pin string, args ...string) *tmuxtest.Term {
	t.Helper()
	argv := append([]string{binary(t), "--kiosk", "--content", testrules.Dir()}, args...)
	k := srv.Start(name, tmuxtest.Options{Dir: work, Env: []string{"EXOSCREEN_STAFF_PIN=" + pin, "LANG=ja_JP.UTF-8"}}, argv...)
	k.WaitFor("ようこそ", step)
	return k
}

var (
	questionAt = regexp.MustCompile(`(Question|質問) \d+`)
	reviewRe   = regexp.MustCompile(`Review your answers|回答の確認`)
)

// toReview answers every question with its first option (its number key, then enter: nothing
// is chosen for the patient), one question at a time, until the review screen.
func toReview(t *testing.T, k *tmuxtest.Term) {
	t.Helper()
	for range 60 {
		s := k.Screen()
		if reviewRe.MatchString(s) {
			return
		}
		at := questionAt.FindString(s)
		if at == "" {
			t.Fatalf("neither a question nor the review:\n%s", s)
		}
		k.SendKeys("1", "Enter")
		k.WaitUntil("the question after "+at+", or the review", step, func(s string) bool {
			return reviewRe.MatchString(s) || questionAt.FindString(s) != at
		})
	}
	t.Fatalf("never reached the review:\n%s", k.Screen())
}

// answerAll answers every question (toReview) and confirms the review.
func answerAll(t *testing.T, k *tmuxtest.Term) {
	t.Helper()
	toReview(t, k)
	k.SendKeys("End") // the confirm button
	time.Sleep(200 * time.Millisecond)
	k.SendKeys("Enter")
}

// files lists the names in dir (none when it does not exist).
func files(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

// results counts the result files (*.json) in dir.
func results(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	for _, f := range files(t, dir) {
		if strings.HasSuffix(f, ".json") {
			n++
		}
	}
	return n
}

// alive says whether the process pid runs and is not stopped.
func alive(pid int) (running, stopped bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false, false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 || i+2 >= len(s) {
		return false, false
	}
	state := s[i+2]
	return state != 'Z' && state != 'X', state == 'T' || state == 't'
}

func perm(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// TestKioskLockdownTmux: ctrl+c, ctrl+z, ctrl+\, esc and ctrl+d never leave the kiosk, on the
// welcome screen or mid-screening; signals a patient could cause are ignored; staff leave with
// F12 and the PIN; a wrong PIN keeps it running and three lock the prompt; SIGTERM and SIGHUP
// end it cleanly.
func TestKioskLockdownTmux(t *testing.T) {
	t.Parallel()
	srv := tmuxtest.New(t)
	work := t.TempDir()
	out := filepath.Join(work, "outbox")
	k := startKiosk(t, srv, "kiosk", work, kioskPIN, "--outbox", out, "--details", "none", "--lang", "en")
	pid := k.PID()

	k.SendKeys("C-c", "C-z", `C-\`, "Escape", "C-d")
	time.Sleep(500 * time.Millisecond)
	if k.Exited() {
		t.Fatal("welcome: ctrl+c ctrl+z ctrl+\\ esc ctrl+d left the kiosk")
	}
	if s := k.Screen(); !strings.Contains(s, "ようこそ") {
		t.Errorf("the welcome screen is gone:\n%s", s)
	}

	k.SendKeys("Enter")
	k.WaitFor("Question 1", step)
	for _, key := range []string{"C-c", "C-z", `C-\`, "C-d"} {
		k.SendKeys(key)
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	if k.Exited() {
		t.Fatal("mid-screening: ctrl+c ctrl+z ctrl+\\ ctrl+d left the kiosk")
	}
	if s := k.Screen(); !strings.Contains(s, "Question 1") {
		t.Errorf("mid-screening: not on question 1 any more:\n%s", s)
	}
	k.SendKeys("Escape")
	k.WaitFor("ようこそ", step) // esc on the first question goes back to the welcome screen
	if k.Exited() {
		t.Fatal("esc on the first question left the kiosk")
	}

	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTSTP} {
		if err := syscall.Kill(pid, sig); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(500 * time.Millisecond)
	if running, stopped := alive(pid); !running || stopped || k.Exited() {
		t.Fatalf("SIGINT, SIGQUIT, SIGTSTP from outside: running %v, stopped %v", running, stopped)
	}

	// Staff: a wrong PIN, then three lock the prompt, even against the right one.
	k.SendKeys("F12")
	k.WaitFor("Staff only", step)
	k.Type("1111")
	k.SendKeys("Enter")
	k.WaitFor("Wrong PIN (2 tries left)", step)
	if k.Exited() {
		t.Fatal("a wrong PIN ended the kiosk")
	}
	k.SendKeys("Escape")
	k.WaitFor("ようこそ", step)
	k.SendKeys("F12")
	k.WaitFor("Staff only", step)
	for range 3 {
		k.Type("0000")
		k.SendKeys("Enter")
	}
	k.WaitFor("locked for", step)
	k.Type(kioskPIN)
	k.SendKeys("Enter")
	time.Sleep(300 * time.Millisecond)
	if s := k.Screen(); !strings.Contains(s, "locked for") || strings.Contains(s, "Staff menu") {
		t.Errorf("the locked prompt took the right PIN:\n%s", s)
	}
	if k.Exited() {
		t.Fatal("the locked prompt ended the kiosk")
	}

	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if s := k.ExitStatus(step); s != 0 {
		t.Errorf("SIGTERM: exit status %d, want 0", s)
	}

	// A fresh kiosk to leave with the right PIN (the lockout lasts 30 s).
	k = startKiosk(t, srv, "kiosk2", work, kioskPIN, "--outbox", out, "--details", "none", "--lang", "en")
	k.SendKeys("F12")
	k.WaitFor("Staff only", step)
	k.Type(kioskPIN)
	k.SendKeys("Enter")
	k.WaitFor("Staff menu", step)
	k.SendKeys("Down", "Enter") // Quit the kiosk
	if s := k.ExitStatus(step); s != 0 {
		t.Errorf("staff quit: exit status %d, want 0", s)
	}
	if s := k.Screen(); strings.Contains(s, "ようこそ") {
		t.Errorf("the terminal was not restored (kiosk text left on the main screen):\n%s", s)
	}

	// SIGHUP (the terminal went away) ends it cleanly too.
	k = startKiosk(t, srv, "kiosk3", work, kioskPIN, "--outbox", out, "--details", "none")
	if err := syscall.Kill(k.PID(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if s := k.ExitStatus(step); s != 0 {
		t.Errorf("SIGHUP: exit status %d, want 0", s)
	}
}

// TestKioskTwoKiosksTmux: two kiosk processes share one outbox and finish a patient at the same
// moment, while the staff inbox runs beside them: both results arrive, complete, and appear in
// the inbox live.
func TestKioskTwoKiosksTmux(t *testing.T) {
	t.Parallel()
	srv := tmuxtest.New(t)
	work := t.TempDir()
	out := filepath.Join(work, "shared")
	kiosks := map[string]*tmuxtest.Term{}
	for _, name := range []string{"a", "b"} {
		kiosks[name] = startKiosk(t, srv, name, work, kioskPIN, "--outbox", out, "--details", "reception", "--lang", "en")
	}
	inbox := srv.Start("inbox", tmuxtest.Options{Width: 110, Height: 24, Dir: work}, binary(t), "inbox", "--outbox", out, "--lang", "en", "--content", testrules.Dir())
	inbox.WaitFor("Screening inbox", step)

	// Both kiosks to their review screens, the confirm button chosen.
	for name, number := range map[string]string{"a": "1001", "b": "2002"} {
		k := kiosks[name]
		k.SendKeys("Enter")
		k.WaitFor("Please enter your details", step)
		k.Type(number)
		k.SendKeys("Enter")
		k.WaitFor("Question 1", step)
		toReview(t, k)
		k.SendKeys("End")
	}
	time.Sleep(300 * time.Millisecond)
	// Confirm both at once: one tmux command, both keys in the same turn of its server.
	srv.Tmux("send-keys", "-t", "=a:", "Enter", ";", "send-keys", "-t", "=b:", "Enter")
	for _, k := range kiosks {
		k.WaitFor("Please tell the reception", step)
	}
	names := files(t, out)
	if len(names) != 4 {
		t.Errorf("%d files, want four (two results): %q", len(names), names)
	}
	for _, f := range names {
		if strings.HasPrefix(f, ".") {
			t.Errorf("temporary file left: %q", f)
		}
		if strings.HasSuffix(f, ".json") {
			data, err := os.ReadFile(filepath.Join(out, f))
			if err != nil || !json.Valid(data) {
				t.Errorf("%s is not complete JSON: %v", f, err)
			}
		}
	}
	inbox.WaitFor("1001", step)
	inbox.WaitFor("2002", step)
	if s := inbox.Screen(); !strings.Contains(s, "New results: 2") {
		t.Errorf("the inbox does not show both as they arrived:\n%s", s)
	}
}

// TestKioskIdleTmux: a patient who walks away mid-screening gets "are you still there?", a
// key brings the screening back at the same question, and when nobody answers the countdown
// the screening is wiped (nothing saved, the name gone from the screen and the scrollback) and
// the welcome screen returns; the welcome screen itself never times out.
func TestKioskIdleTmux(t *testing.T) {
	t.Parallel()
	const idle = 3 * time.Second // the countdown is half of it
	srv := tmuxtest.New(t)
	work := t.TempDir()
	out := filepath.Join(work, "outbox")
	k := startKiosk(t, srv, "kiosk", work, kioskPIN, "--outbox", out, "--details", "name", "--idle-timeout", idle.String())

	k.SendKeys("Enter")
	k.WaitFor("お名前", step)
	k.Type("Walkaway Person")
	k.SendKeys("Enter")
	k.WaitFor("質問 1", step)
	k.SendKeys("1", "Enter")
	k.WaitFor("質問 2", step)
	k.WaitFor("まだ続けますか？", idle+step)
	k.SendKeys("Space")
	k.WaitUntil("question 2 again, without the prompt", step, func(s string) bool {
		return strings.Contains(s, "質問 2") && !strings.Contains(s, "まだ続けますか")
	})
	k.WaitFor("まだ続けますか？", idle+step)
	k.WaitFor("ようこそ", idle/2+step)
	if f := files(t, out); len(f) != 0 {
		t.Errorf("something was saved: %q", f)
	}
	if h := k.History(); strings.Contains(h, "Walkaway") {
		t.Errorf("the name is still in the screen or the scrollback:\n%s", h)
	}
	k.SendKeys("Enter")
	k.WaitFor("お名前", step)
	if s := k.Screen(); strings.Contains(s, "Walkaway") {
		t.Errorf("the details screen is not empty again:\n%s", s)
	}
	k.SendKeys("Escape")
	k.WaitFor("ようこそ", step)
	time.Sleep(idle * 3 / 2)
	if s := k.Screen(); strings.Contains(s, "まだ続けますか") {
		t.Errorf("the welcome screen timed out:\n%s", s)
	}
}

// TestKioskInboxTmux: the staff inbox on an outbox with planted escape sequences, a damaged file
// and a foreign file: the fields show as text (\x1b...), the terminal's title is not changed by
// an OSC sequence, the list carries on, and a result written while the inbox is open appears
// in it.
func TestKioskInboxTmux(t *testing.T) {
	t.Parallel()
	srv := tmuxtest.New(t)
	work := t.TempDir()
	out := filepath.Join(work, "outbox")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	doc, err := json.Marshal(map[string]any{
		"format": "exoscreen-result/1", "verdict": "relative", "needs_confirmation": 1, "lang": "en",
		"completed_at": "2026-11-21T09:00:00Z",
		"patient":      map[string]any{"reception_number": "R\x1b[31mRED\x1b]0;pwned\x07", "name": "Mallory\u202eevil"},
		"findings":     []any{map[string]any{"question": "medication_names", "class": "none", "answer_text": "aspirin\x1b[2J\x1b[H", "reason": "x"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"20261121T090000.000Z-00000000000000aa.json": string(doc),
		"20261121T080000.000Z-00000000000000bb.json": `{"format":"exoscreen-result/1","verdict":`,
		"holiday\x1b[5m.jpg":                         "\xff\xd8",
	} {
		if err := os.WriteFile(filepath.Join(out, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// The terminal's title is set first, to see whether the planted OSC changes it.
	inbox := srv.Start("inbox", tmuxtest.Options{Width: 110, Height: 24, Dir: work},
		"sh", "-c", `printf '\033]2;inbox-test\033\\'; exec "$0" inbox --outbox "$1" --lang en --content "$2"`, binary(t), out, testrules.Dir())
	inbox.WaitFor("Screening inbox", step)
	s := inbox.Screen()
	for _, want := range []string{
		`R\x1b[31mRED\x1b]0;pwned\x07`, // the escape in the reception number, as text
		"the result file is damaged",   // the damaged file, listed as unreadable
		`holiday\x1b[5m.jpg`,           // the foreign file, its name as text
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the list does not show %q:\n%s", want, s)
		}
	}
	inbox.SendKeys("Enter")
	inbox.WaitFor("The summary file is missing", step)
	if s := inbox.Screen(); !strings.Contains(s, `aspirin\x1b[2J\x1b[H`) {
		t.Errorf("the free text is not shown as text in the open result:\n%s", s)
	}
	if title := inbox.Title(); title != "inbox-test" {
		t.Errorf("the terminal's title is %q, want inbox-test (the planted OSC changed it?)", title)
	}
	inbox.SendKeys("Escape")

	// A kiosk result arrives while the inbox is open.
	k := startKiosk(t, srv, "kiosk", work, kioskPIN, "--outbox", out, "--details", "reception", "--lang", "en")
	k.SendKeys("Enter")
	k.WaitFor("Please enter", step)
	k.Type("4242")
	k.SendKeys("Enter")
	k.WaitFor("Question 1", step)
	answerAll(t, k)
	k.WaitFor("Please tell the reception", step)
	inbox.WaitFor("4242", step)
	if s := inbox.Screen(); !strings.Contains(s, "New results: 1") {
		t.Errorf("the new result does not appear live:\n%s", s)
	}
}
