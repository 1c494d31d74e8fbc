package main

import (
	"os"
	"testing"

	"github.com/exoscreen/exoscreen/internal/tmuxtest"
)

// TestMain builds the real binary at most once for the tests that run it (tmuxtest.Binary)
// and removes it when they end.
func TestMain(m *testing.M) { os.Exit(tmuxtest.Main(m)) }

// binary is the real exoscreen binary, built once per test binary; skipped with -short.
func binary(t testing.TB) string {
	t.Helper()
	return tmuxtest.Binary(t, ".")
}
