package main

import (
	"strings"

	"github.com/exoscreen/exoscreen/internal/testrules"
)

// The command tests run on the frozen test rule set of internal/testrules (id exoscreen-test),
// not on the embedded content/, so that a clinical change of content/ breaks none of them.
// Only the smoke tests (smoke_test.go, one per command, and the lint of the embedded set)
// run on the embedded content.

// withTestRules adds --content with the test rule set to args, unless the command names its
// rule set itself (lint takes DIR, help loads none) or args already give --content.
func withTestRules(args []string) []string {
	if len(args) > 0 && (args[0] == "lint" || args[0] == "help") {
		return args
	}
	for _, a := range args {
		if a == "--" {
			return args
		}
		if strings.TrimLeft(a, "-") == "content" || strings.HasPrefix(strings.TrimLeft(a, "-"), "content=") {
			return args
		}
	}
	// Global flags go before the command too, so a test's own last flag never takes it as a value.
	return append([]string{"--content", testrules.Dir()}, args...)
}
