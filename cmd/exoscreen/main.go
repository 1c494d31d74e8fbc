// Command exoscreen screens patients before stem-cell culture supernatant / exosome therapy.
// See README.md for the commands, flags.go for how the command line is put together.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit statuses (docs/spec/interfaces.md): the verdict is never encoded in them.
const (
	exitOK    = 0
	exitFail  = 1 // runtime failure
	exitUsage = 2 // bad usage or bad input, or a screening quit before its summary
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a command runs with; tests give their own. Only cmd reads the environment
// (getenv); the packages below get values.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	defer func() {
		// No panic reaches a user: say what happened in one line and fail.
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "exoscreen: internal error: %v\n", p)
			code = exitFail
		}
	}()
	cmd, o, pos, err := e.parseArgs(args)
	if o.help {
		return e.printHelp(cmd, o.lang)
	}
	if err != nil {
		return e.usageError(cmd.name, o.lang, err)
	}
	if cmd.run == nil { // help, which reads the table of commands that holds it
		return e.helpCmd(o, pos)
	}
	return cmd.run(e, o, pos)
}
