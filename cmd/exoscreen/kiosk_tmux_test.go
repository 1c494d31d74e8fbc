//go:build linux

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/internal/tmuxtest"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
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

// TestKioskIdleTmux: a patient who walks away mid-screening gets "are you still there?", a
// key brings the screening back at the same question, and when nobody answers the countdown
// the screening is wiped (nothing saved, the name gone from the screen and the scrollback) and
// the welcome screen returns; the welcome screen itself never times out. It comes first in the
// file: it waits longest, and parallel tests start in this order (-parallel at a time), so the
// others run beside it.
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

	// One key a write: esc and a key in one write would read as alt+key.
	for _, key := range []string{"C-c", "C-z", `C-\`, "Escape", "C-d"} {
		k.SendKeys(key)
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
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
			t.Fatalf("%v from outside: %v", sig, err)
		}
		time.Sleep(200 * time.Millisecond)
		if running, stopped := alive(pid); !running || stopped || k.Exited() {
			t.Fatalf("%v from outside was not ignored: running %v, stopped %v", sig, running, stopped)
		}
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

// TestKioskTwoPatientsTmux: two patients in a row: the second sees nothing of the first, on
// screen or in the terminal's scrollback; both results are in the outbox (0700), as files
// (0600) whose names carry no patient data, and the inbox lists both.
func TestKioskTwoPatientsTmux(t *testing.T) {
	t.Parallel()
	srv := tmuxtest.New(t)
	work := t.TempDir()
	out := filepath.Join(work, "outbox")
	k := startKiosk(t, srv, "kiosk", work, kioskPIN, "--outbox", out, "--details", "reception,name,dob")

	// Patient 1, in English.
	k.SendKeys("Right", "Enter")
	k.WaitFor("Please enter your details", step)
	// Reception numbers with an R and whole dates: a result's file name is a UTC time and
	// random hex, whose digits can hold "771" or "1961" by chance, never "R771" or a date.
	for _, field := range []string{"R771", "Firstpatient Secretname", "1961-07-30"} {
		k.Type(field)
		k.SendKeys("Enter")
	}
	k.WaitFor("Question 1", step)
	answerAll(t, k)
	k.WaitFor("Please tell the reception", step)
	if n := results(t, out); n != 1 {
		t.Fatalf("patient 1: %d results, want 1", n)
	}
	time.Sleep(1100 * time.Millisecond) // the reset pause, so that the key is taken
	k.SendKeys("Space")
	k.WaitFor("ようこそ", step)
	screen, history := k.Screen(), k.History()
	for _, s := range []string{"Firstpatient", "Secretname", "771", "1961", "Please tell"} {
		if strings.Contains(screen, s) {
			t.Errorf("the welcome screen shows %q:\n%s", s, screen)
		}
		if strings.Contains(history, s) {
			t.Errorf("the scrollback holds %q:\n%s", s, history)
		}
	}

	// Patient 2, in Japanese: empty fields, the first question.
	k.SendKeys("Enter")
	k.WaitFor("受付の情報を入力してください", step)
	screen = k.Screen()
	for _, s := range []string{"Firstpatient", "771", "1961"} {
		if strings.Contains(screen, s) {
			t.Errorf("patient 2's details screen shows %q:\n%s", s, screen)
		}
	}
	for _, field := range []string{"R772", "山田 花子", "19800415"} {
		k.Type(field)
		k.SendKeys("Enter")
	}
	k.WaitFor("質問 1", step)
	answerAll(t, k)
	k.WaitFor("受付に「終わりました」", step)
	if n := results(t, out); n != 2 {
		t.Fatalf("patient 2: %d results, want 2", n)
	}
	names := files(t, out)
	for _, f := range names {
		if regexp.MustCompile(`R771|R772|Secret|1961-?07-?30|1980-?04-?15`).MatchString(f) {
			t.Errorf("a file name carries patient data: %q", f)
		}
		if p := perm(t, filepath.Join(out, f)); p != 0o600 {
			t.Errorf("%s has mode %v, want 0600", f, p)
		}
	}
	if p := perm(t, out); p != 0o700 {
		t.Errorf("the outbox has mode %v, want 0700", p)
	}
	list, err := exec.Command(binary(t), "inbox", "--outbox", out, "--format", "text", "--content", testrules.Dir()).Output()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(strings.TrimSpace(string(list)), "\n") + 1; n != 2 {
		t.Errorf("the inbox lists %d results, want both:\n%s", n, list)
	}
}

// TestKioskUnwritableTmux: an outbox that cannot be written (read-only, then removed, while the
// kiosk runs): the patient is asked to fetch staff and sees no verdict and no details, the
// result stays in memory, staff retry (it fails while the folder is read-only) and save it in
// another folder from the staff screen, and the kiosk carries on.
func TestKioskUnwritableTmux(t *testing.T) {
	t.Parallel()
	srv := tmuxtest.New(t)
	work := t.TempDir()
	out := filepath.Join(work, "outbox")
	k := startKiosk(t, srv, "kiosk", work, kioskPIN, "--outbox", out, "--details", "reception", "--lang", "en")
	readOnly(t, out)

	k.SendKeys("Enter")
	k.WaitFor("Please enter your details", step)
	k.Type("5150")
	k.SendKeys("Enter")
	k.WaitFor("Question 1", step)
	answerAll(t, k)
	k.WaitFor("ask a member of staff", step)
	if s := k.Screen(); regexp.MustCompile(`5150|relative|none|absolute`).MatchString(s) {
		t.Errorf("the patient sees a verdict or their details:\n%s", s)
	}
	time.Sleep(2 * time.Second)
	if s := k.Screen(); !strings.Contains(s, "ask a member of staff") {
		t.Errorf("the failure screen did not stay (reset, or wiped):\n%s", s)
	}
	k.SendKeys("F12")
	k.WaitFor("Staff only", step)
	k.Type(kioskPIN)
	k.SendKeys("Enter")
	k.WaitFor("One result is not saved", step)
	k.SendKeys("Down", "Enter") // retry while still read-only: fails, the result is kept
	k.WaitFor("Could not save", step)
	writable(t, out)
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	k.SendKeys("Down", "Enter") // save in another folder
	k.WaitFor("Folder to save in", step)
	usb := filepath.Join(work, "usb")
	k.Type(usb)
	k.SendKeys("Enter")
	k.WaitFor("Saved (", step)
	if n := results(t, usb); n != 1 {
		t.Errorf("%d results in the other folder, want 1", n)
	}
	if p := perm(t, usb); p != 0o700 {
		t.Errorf("the other folder has mode %v, want 0700", p)
	}
	k.SendKeys("Escape")
	k.WaitFor("ようこそ", step) // staff back to a fresh welcome screen
	if k.Exited() {
		t.Error("the kiosk ended")
	}
}

// readOnly makes dir impossible to write in: chmod, or for root (whom modes do not stop)
// chattr +i. writable undoes it; the test's end does too.
func readOnly(t *testing.T, dir string) {
	t.Helper()
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		return
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		t.Fatalf("chattr +i (root ignores modes; needs e2fsprogs and a file system that has it): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
}

func writable(t *testing.T, dir string) {
	t.Helper()
	var err error
	if os.Geteuid() != 0 {
		err = os.Chmod(dir, 0o700)
	} else {
		var out []byte
		if out, err = exec.Command("chattr", "-i", dir).CombinedOutput(); err != nil {
			t.Fatalf("chattr -i: %v %s", err, out)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
}

// TestKioskInboxAttackTmux: hostile summary files and a hanging printer in the staff inbox (the
// attacks of issue 11): a 4 MB line without a break point, a symbolic link and a file over the
// cap are shown cut or refused in words, a key is answered at once while they open and while
// a print command runs (sleep 6), and ctrl+c still quits.
func TestKioskInboxAttackTmux(t *testing.T) {
	t.Parallel()
	srv := tmuxtest.New(t)
	work := t.TempDir()
	out := filepath.Join(work, "outbox")
	ob := outbox.New(out)
	if _, err := ob.Prepare(time.Now()); err != nil {
		t.Fatal(err)
	}
	rs := testrules.Load(t)
	res := outboxtest.Result(t, rs, nil)
	t0 := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	var ids []string // oldest first
	for i := range 3 {
		at := t0.Add(time.Duration(i) * time.Minute)
		id, err := ob.Save(res, export.Meta{Lang: screening.JA, Time: at, Started: at.Add(-time.Minute), Patient: &export.Patient{ReceptionNumber: "R-00000" + strconv.Itoa(i)}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	summary := func(id string) string { return filepath.Join(out, id+outbox.SummaryExt) }
	if err := os.WriteFile(summary(ids[2]), []byte(strings.Repeat("A", 4<<20-16)), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(summary(ids[1])); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/passwd", summary(ids[1])); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(summary(ids[0]), make([]byte, 4<<20+1), 0o600); err != nil {
		t.Fatal(err)
	}

	inbox := srv.Start("inbox", tmuxtest.Options{Width: 110, Height: 24, Dir: work},
		binary(t), "inbox", "--outbox", out, "--lang", "en", "--content", testrules.Dir(), "--print-command", "sleep 6")
	inbox.WaitFor("3 results", step)
	cursorOn := func(number string) func(string) bool {
		re := regexp.MustCompile(`(?m)^> .*` + number)
		return func(s string) bool { return re.MatchString(s) }
	}
	inbox.WaitUntil("the cursor on R-000002", step, cursorOn("R-000002"))
	// Open the 4 MB line and at once go back; the list answers a key within a second.
	start := time.Now()
	inbox.SendKeys("Enter", "Escape")
	time.Sleep(100 * time.Millisecond) // esc then a key in one write would read as alt+key
	inbox.SendKeys("Down")
	inbox.WaitUntil("the cursor on R-000001", step, cursorOn("R-000001"))
	if d := time.Since(start); d > time.Second {
		t.Errorf("the list answered a key %v after opening a 4 MB line and esc, want within 1 s", d)
	} else {
		t.Logf("opening a 4 MB line, esc, down: the cursor moved after %v (incl. tmux polling)", d.Round(time.Millisecond))
	}
	// One key a write from here on.
	keys := func(keys ...string) {
		for _, key := range keys {
			inbox.SendKeys(key)
			time.Sleep(100 * time.Millisecond)
		}
	}
	keys("Up", "Enter")
	inbox.WaitFor("Shown cut: the file is too long to show whole", step)
	keys("Escape", "Down", "Enter")
	inbox.WaitFor("The summary file exists but was not opened (not a regular file", step)
	keys("Escape", "Down", "Enter")
	inbox.WaitFor("The summary file exists but was not opened (the file is too large", step)
	keys("Escape", "Home")
	inbox.WaitUntil("the cursor on R-000002", step, cursorOn("R-000002"))

	// A print command that takes 6 s: the cursor moves meanwhile, and ctrl+c quits.
	inbox.SendKeys("p")
	inbox.WaitFor("Sending to the printer", 2*time.Second)
	start = time.Now()
	inbox.SendKeys("Down")
	inbox.WaitUntil("the cursor on R-000001 while the printer runs", 2*time.Second, cursorOn("R-000001"))
	t.Logf("a key while printing: seen after %v (incl. tmux polling)", time.Since(start).Round(time.Millisecond))
	inbox.SendKeys("C-c")
	if s := inbox.ExitStatus(2 * time.Second); s != 0 {
		t.Errorf("ctrl+c while the printer runs: exit status %d, want 0", s)
	}
}

// TestKioskAttackTmux: the staff PIN from the environment is gone from /proc/PID/environ and ps,
// and the staff menu warns about it; a patient locking the staff out is released by
// kiosk-unlock; the outbox removed while the kiosk runs is made again (0700) by the next save;
// a world-writable outbox and PINs that cannot be typed are refused at the start.
func TestKioskAttackTmux(t *testing.T) {
	t.Parallel()
	const pin = "97531864"
	srv := tmuxtest.New(t)
	work := t.TempDir()
	out := filepath.Join(work, "outbox")
	k := startKiosk(t, srv, "kiosk", work, pin, "--outbox", out, "--details", "none", "--lang", "en")
	pid := k.PID()
	if env, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/environ"); err != nil || strings.Contains(string(env), pin) {
		t.Errorf("the PIN is in /proc/PID/environ (or it could not be read: %v)", err)
	}
	if ps, err := exec.Command("ps", "eww", "-p", strconv.Itoa(pid)).CombinedOutput(); err != nil || strings.Contains(string(ps), pin) {
		t.Errorf("the PIN is in ps eww (or ps failed: %v):\n%s", err, ps)
	}
	k.SendKeys("F12")
	k.WaitFor("Staff only", step)
	k.Type(pin)
	k.SendKeys("Enter")
	k.WaitFor("Staff menu", step)
	if s := k.Screen(); !strings.Contains(s, "came from EXOSCREEN_STAFF_PIN") {
		t.Errorf("the staff menu does not warn about the PIN from the environment:\n%s", s)
	}

	// A patient locks the staff out; kiosk-unlock (same OS user) releases it.
	k.SendKeys("Escape")
	k.WaitFor("Welcome", step)
	k.SendKeys("F12")
	k.WaitFor("Staff only", step)
	for range 3 {
		k.Type("0000")
		k.SendKeys("Enter")
	}
	k.WaitFor("locked for", step)
	unlock, err := exec.Command(binary(t), "kiosk-unlock", "--outbox", out, "--lang", "en").CombinedOutput()
	if err != nil || !strings.Contains(string(unlock), "is released") {
		t.Errorf("kiosk-unlock: %v\n%s", err, unlock)
	}
	k.WaitFor("The lock was released", step)
	k.Type(pin)
	k.SendKeys("Enter")
	k.WaitFor("Staff menu", step) // the right PIN works at once

	// The outbox removed while the kiosk runs: the next save makes it again (0700).
	k.SendKeys("Escape")
	k.WaitFor("Welcome", step)
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	k.SendKeys("Enter")
	k.WaitFor("Question 1", step)
	answerAll(t, k)
	k.WaitFor("Please tell the reception", step)
	if n := results(t, out); n != 1 {
		t.Errorf("%d results after the folder was removed, want 1", n)
	}
	if p := perm(t, out); p != 0o700 {
		t.Errorf("the folder made again has mode %v, want 0700", p)
	}
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	k.ExitStatus(step)

	// Refused at the start: a world-writable outbox (a failure to run), PINs that cannot be
	// typed (usage errors, exit status 2).
	for _, tc := range []struct {
		name, pin string
		mode      os.FileMode
		status    int
		want      string
	}{
		{"world-writable", pin, 0o777, 1, "could plant results in it"},
		{"long", strings.Repeat("7", 65), 0o700, 2, "at most 64 characters"},
		{"spaces", "     ", 0o700, 2, "only spaces"},
	} {
		if err := os.Chmod(out, tc.mode); err != nil {
			t.Fatal(err)
		}
		r := srv.Start("refused-"+tc.name, tmuxtest.Options{Dir: work, Env: []string{"EXOSCREEN_STAFF_PIN=" + tc.pin}},
			binary(t), "--kiosk", "--content", testrules.Dir(), "--outbox", out, "--lang", "en")
		if s := r.ExitStatus(step); s != tc.status {
			t.Errorf("%s: exit status %d, want %d", tc.name, s, tc.status)
		}
		if h := r.History(); !strings.Contains(h, tc.want) {
			t.Errorf("%s: the refusal does not say %q:\n%s", tc.name, tc.want, h)
		}
	}
}
