package main

import (
	"strings"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/internal/tmuxtest"
)

// TestEvaluateAtTerminal: evaluate reading a terminal says so on stderr and how to end the
// answers, in the --lang language; Ctrl+D ends them and the result follows.
func TestEvaluateAtTerminal(t *testing.T) {
	bin := binary(t)
	for _, tc := range []struct{ lang, hint string }{
		{"en", "reading answers (JSON) from standard input; end them with Ctrl+D"},
		{"ja", "標準入力から回答（JSON）を読みます。"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			term := tmuxtest.New(t).Start("evaluate", tmuxtest.Options{Width: 100, Height: 30, Env: []string{"TERM=xterm-256color"}},
				bin, "evaluate", "--format", "json", "--lang", tc.lang, "--content", testrules.Dir())
			term.WaitForHistory(tc.hint, 1, 15*time.Second)
			term.Type(strings.Join(strings.Fields(exampleAnswers), " "))
			term.SendKeys("Enter", "C-d")
			term.WaitForHistory(`"verdict":"relative"`, 1, 15*time.Second)
			if s := term.ExitStatus(15 * time.Second); s != 0 {
				t.Errorf("exit status %d:\n%s", s, term.History())
			}
		})
	}
}

// TestTUIQuitExitStatus: a full-screen screening quit before its summary exits 2, as the
// accessible mode does, and says that nothing was kept.
func TestTUIQuitExitStatus(t *testing.T) {
	bin := binary(t)
	term := tmuxtest.New(t).Start("tui", tmuxtest.Options{Width: 100, Height: 30, Env: []string{"TERM=xterm-256color"}},
		bin, "--lang", "en", "--content", testrules.Dir())
	term.WaitFor("English", 15*time.Second)
	term.SendKeys("Enter") // past the welcome screen, into the questions
	time.Sleep(300 * time.Millisecond)
	term.SendKeys("C-c") // quits at once, or asks first when something would be lost
	time.Sleep(500 * time.Millisecond)
	if !term.Exited() {
		term.SendKeys("y")
	}
	if s := term.ExitStatus(15 * time.Second); s != 2 {
		t.Errorf("exit status %d, want 2:\n%s", s, term.Screen())
	}
	term.WaitForHistory("The screening was quit. No answers were kept.", 1, 15*time.Second)
}
