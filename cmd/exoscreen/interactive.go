package main

import (
	"fmt"
)

// main runs exoscreen without a command.
func (e *env) main(args []string) int {
	var c common
	fs := newFlags("exoscreen", &c)
	pos, err := parse(fs, args)
	if err != nil {
		return e.usageError("", c.lang, err)
	}
	if len(pos) > 0 {
		return e.usageError("", c.lang, fmt.Errorf("unknown command %q", pos[0]))
	}
	// The interactive TUI replaces this (issue 3); until then, print usage.
	fmt.Fprint(e.stdout, usageText[c.lang][""])
	return exitOK
}
