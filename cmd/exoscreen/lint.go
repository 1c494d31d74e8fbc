package main

import (
	"errors"
	"fmt"
	"strings"

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
		fmt.Fprintf(e.stderr, "exoscreen lint: %s\n", usageMessages.Get(c.lang, "lintProblems", len(le.Problems)))
		return exitUsage
	}
	rules := 0
	for _, q := range rs.Questions {
		rules += len(q.Rules)
	}
	fmt.Fprintf(e.stdout, "OK: %s %s%s\nSHA-256: %s\n", rs.ID, rs.Version, usageMessages.Get(c.lang, "lintOK", len(rs.Questions), rules, len(rs.Sources), strings.Join(langTags(rs.Langs()), ", ")), rs.SHA256)
	return exitOK
}
