package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/internal/tmuxtest"
	"github.com/exoscreen/exoscreen/screening"
)

// accAnswersEN answers every question of the test rule set (internal/testrules) (pregnancy = no shows
// pregnancy_planned; nothing else is shown), then confirms the review with an empty line.
const accAnswersEN = "1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n\n"

func accRules(t *testing.T) *screening.RuleSet {
	t.Helper()
	return testrules.Load(t)
}

// accRun runs exoscreen in-process with args and stdin, as main does, on the test rule set.
func accRun(t *testing.T, stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(withTestRules(args), stdin, &out, &errb)
	return code, out.String(), errb.String()
}

// summaryOf is the printed summary: what follows the accessible mode's closing line.
func summaryOf(t *testing.T, stdout, done string) string {
	t.Helper()
	i := strings.Index(stdout, done+"\n\n")
	if i < 0 {
		t.Fatalf("no summary in stdout:\n%s", stdout)
	}
	return stdout[i+len(done)+2:]
}

func TestRunAccessibleDirect(t *testing.T) {
	rs := accRules(t)
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(accAnswersEN), stdout: &out, stderr: &errb}
	if code := e.runAccessible(rs, screening.EN, ""); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	s := out.String()
	for _, want := range []string{"[1/19] Are you pregnant now?", "  1) No", "== Review your answers ==", rs.SHA256} {
		if !strings.Contains(s, want) {
			t.Errorf("stdout lacks %q", want)
		}
	}
}

func TestAccessibleExport(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "summary.txt")
	code, stdout, stderr := accRun(t, strings.NewReader(accAnswersEN), "--accessible", "--lang", "en", "--export", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(path)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if got := summaryOf(t, stdout, "The screening is complete. Here is the result."); got != string(b) {
		t.Errorf("the file is not the printed summary:\n--- file\n%s\n--- stdout\n%s", b, got)
	}
	if !strings.Contains(stderr, "saved to "+path) {
		t.Errorf("stderr %q does not say where the result went", stderr)
	}
}

// TestAccessibleExportFails: a path that cannot be written is refused before any question
// (exit 2); one that fails at the end still prints the summary and exits 1.
func TestAccessibleExportFails(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, path, lang, want string
	}{
		{"missing directory", filepath.Join(dir, "nope", "x.txt"), "en", "the folder does not exist"},
		{"directory", dir, "ja", "フォルダーです"},
		{"device", os.DevNull, "en", "not a regular file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := accRun(t, strings.NewReader(accAnswersEN), "--accessible", "--lang", tc.lang, "--export", tc.path)
			if code != exitUsage || stdout != "" || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stdout %d bytes, stderr %q; want exit 2, nothing asked, %q", code, len(stdout), stderr, tc.want)
			}
		})
	}

	// The directory disappears while the patient answers: the summary is printed anyway.
	sub := filepath.Join(dir, "outbox")
	os.Mkdir(sub, 0o700)
	in := &removeBeforeLast{lines: strings.SplitAfter(strings.TrimSuffix(accAnswersEN, "\n"), "\n"), dir: sub}
	in.lines[len(in.lines)-1] += "\n"
	code, stdout, stderr := accRun(t, in, "--accessible", "--lang", "ja", "--export", filepath.Join(sub, "s.txt"))
	if code != exitFail {
		t.Errorf("exit %d, want 1", code)
	}
	summaryOf(t, stdout, "問診が終わりました。結果は次のとおりです。")
	if !strings.Contains(stderr, "フォルダーがありません") || !strings.Contains(stderr, "結果は上に表示したとおりです") {
		t.Errorf("stderr %q", stderr)
	}
}

// removeBeforeLast gives one line per Read and removes dir before the last one.
type removeBeforeLast struct {
	lines []string
	dir   string
}

func (r *removeBeforeLast) Read(p []byte) (int, error) {
	if len(r.lines) > 0 && r.lines[0] == "" {
		r.lines = r.lines[1:]
	}
	if len(r.lines) == 0 {
		return 0, io.EOF
	}
	if len(r.lines) == 1 {
		os.RemoveAll(r.dir)
	}
	n := copy(p, r.lines[0])
	r.lines[0] = r.lines[0][n:]
	return n, nil
}

func TestAccessibleAborts(t *testing.T) {
	for _, tc := range []struct {
		name, in, lang, want string
	}{
		{"input ends", "1\n1\n", "en", "The input ended before the screening was complete"},
		{"input ends ja", "1\n", "ja", "問診が終わる前に入力が終わりました"},
		{"bad answer", "1\n7\n1\n", "en", "pregnancy_planned: stopped"},
		{"quit", "q\ny\n", "ja", "問診を中止しました"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.txt")
			code, _, stderr := accRun(t, strings.NewReader(tc.in), "--lang", tc.lang, "--accessible", "--export", path)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tc.want)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Errorf("something was written: %v", err)
			}
		})
	}
}

// TestAccessibleBinary runs the real binary with its answers on a pipe, written in small
// pieces with pauses (so that the input arrives across many reads), without --accessible:
// stdin is no terminal, so the accessible mode is chosen by itself.
func TestAccessibleBinary(t *testing.T) {
	bin := binary(t)
	for _, args := range [][]string{{"--accessible", "--lang", "en"}, {"--lang", "en"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			cmd := exec.Command(bin, withTestRules(args)...)
			cmd.Env = append(os.Environ(), "TERM=xterm-256color")
			w, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < len(accAnswersEN); i += 3 {
				w.Write([]byte(accAnswersEN[i:min(i+3, len(accAnswersEN))]))
				time.Sleep(3 * time.Millisecond)
			}
			w.Close()
			if err := cmd.Wait(); err != nil {
				t.Fatalf("%v\nstderr: %s\nstdout: %s", err, errb.String(), out.String())
			}
			s := out.String()
			summary := summaryOf(t, s, "The screening is complete. Here is the result.")
			if !strings.Contains(summary, accRules(t).SHA256) || strings.ContainsRune(s, 0x1b) {
				t.Errorf("no plain summary:\n%s", summary)
			}
			if n := strings.Count(s, "Enter a number"); n != 15 {
				t.Errorf("%d prompts, want 15 (one per question)", n)
			}
		})
	}
}

// TestAccessibleTerminal runs the real binary in a real terminal (tmux) with TERM=dumb, as a
// person would use it: the accessible mode is chosen by itself, a bad answer is asked again
// (a person gets a second try; only piped input stops), b goes back, and the export is
// written with mode 0600.
func TestAccessibleTerminal(t *testing.T) {
	bin := binary(t)
	srv := tmuxtest.New(t)
	path := filepath.Join(t.TempDir(), "summary.txt")
	term := srv.Start("acc", tmuxtest.Options{Width: 100, Height: 40, Env: []string{"TERM=dumb", "LANG=en_US.UTF-8"}},
		bin, "--content", testrules.Dir(), "--export", path)
	const wait = 10 * time.Second
	send := func(line string) {
		t.Helper()
		if line != "" {
			term.Type(line)
		}
		term.SendKeys("Enter")
	}
	term.WaitForHistory("[1/19] Are you pregnant now?", 1, wait)
	send("7")
	term.WaitForHistory(`"7" is not one of the choices.`, 1, wait)
	send("1")
	term.WaitForHistory("[2/19]", 1, wait)
	send("b")
	term.WaitForHistory("Current answer: No", 1, wait)
	send("") // keep it: back to the first question not answered yet
	term.WaitForHistory("[2/19] Are you planning", 2, wait)
	for range 14 {
		send("1")
	}
	term.WaitForHistory("== Review your answers ==", 1, wait)
	send("")
	term.WaitForHistory("The result was saved to", 1, wait)
	if s := term.ExitStatus(wait); s != 0 {
		t.Fatalf("exit status %d", s)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("export: %v %v", fi, err)
	}
	if s := term.History(); strings.Contains(s, "stopped, as the input") {
		t.Errorf("a person's bad answer stopped the screening:\n%s", s)
	}
}
