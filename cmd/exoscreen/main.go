// Command exoscreen screens patients before stem-cell culture supernatant / exosome therapy.
// See README.md for the commands.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit statuses (interfaces.md): the verdict is never encoded in them.
const (
	exitOK    = 0
	exitFail  = 1 // runtime failure
	exitUsage = 2 // bad usage or bad input
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a command runs with; tests give their own.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	defer func() {
		// No panic reaches a user: say what happened in one line and fail.
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "exoscreen: internal error: %v\n", p)
			code = exitFail
		}
	}()
	if len(args) > 0 {
		switch args[0] {
		case "evaluate":
			return e.evaluate(args[1:])
		case "lint":
			return e.lint(args[1:])
		case "questionnaire":
			return e.questionnaire(args[1:])
		case "inbox":
			return e.inbox(args[1:])
		case "kiosk-unlock":
			return e.kioskUnlock(args[1:])
		case "help":
			return e.help(args[1:])
		}
	}
	return e.main(args)
}
