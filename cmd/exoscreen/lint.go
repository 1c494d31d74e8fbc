package main

import (
	"errors"
	"fmt"

	"github.com/exoscreen/exoscreen/screening"
)

// lint validates a rule set and prints every problem.
func (e *env) lint(o *options, pos []string) int {
	c := &o.common
	switch len(pos) {
	case 0:
	case 1:
		if c.content != "" && c.content != pos[0] {
			return e.usageError("lint", c.lang, usage("dirTwice"))
		}
		c.content = pos[0]
	default:
		return e.usageError("lint", c.lang, usage("maxOneArg", "lint", "DIR"))
	}
	rs, err := c.loadRules()
	if err != nil {
		var le *screening.LoadError
		if !errors.As(err, &le) {
			return e.loadError("lint", c.lang, err)
		}
		fmt.Fprintln(e.stdout, le.Message(c.lang))
		if c.lang == screening.JA {
			fmt.Fprintf(e.stderr, "exoscreen lint: %d件の問題があります。このルールセットは使えません。\n", len(le.Problems))
		} else {
			fmt.Fprintf(e.stderr, "exoscreen lint: %d problem(s); this rule set cannot be used.\n", len(le.Problems))
		}
		return exitUsage
	}
	rules := 0
	for _, q := range rs.Questions {
		rules += len(q.Rules)
	}
	if c.lang == screening.JA {
		fmt.Fprintf(e.stdout, "OK: %s %s（質問 %d、ルール %d、出典 %d）\nSHA-256: %s\n", rs.ID, rs.Version, len(rs.Questions), rules, len(rs.Sources), rs.SHA256)
	} else {
		fmt.Fprintf(e.stdout, "OK: %s %s (%d questions, %d rules, %d sources)\nSHA-256: %s\n", rs.ID, rs.Version, len(rs.Questions), rules, len(rs.Sources), rs.SHA256)
	}
	return exitOK
}
