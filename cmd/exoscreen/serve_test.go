package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exoscreen serve refuses to start, with a message saying why, when nobody could connect or
// a secret file is readable by others.
func TestServeUsageErrors(t *testing.T) {
	t.Setenv("EXOSCREEN_OUTBOX", "")
	t.Setenv("EXOSCREEN_KIOSK_DETAILS", "")
	dir := t.TempDir()
	loose := filepath.Join(dir, "pw-loose")
	os.WriteFile(loose, []byte("secret\n"), 0o644)
	looseKey := filepath.Join(dir, "hk-loose")
	os.WriteFile(looseKey, []byte("x"), 0o644)
	out, hk := filepath.Join(dir, "out"), filepath.Join(dir, "hk")
	tests := []struct {
		name, pin, pw string
		args          []string
		want          string
	}{
		{"no outbox", "2468", "pw", []string{"--host-key", hk}, "needs --outbox"},
		{"no host key", "2468", "pw", []string{"--outbox", out}, "needs --host-key"},
		{"nobody could connect", "2468", "", []string{"--outbox", out, "--host-key", hk}, "nobody could connect"},
		{"loose password file", "2468", "", []string{"--outbox", out, "--host-key", hk, "--password-file", loose}, "chmod 600"},
		{"loose host key", "2468", "pw", []string{"--outbox", out, "--host-key", looseKey}, "chmod 600"},
		{"no staff PIN", "", "pw", []string{"--outbox", out, "--host-key", hk}, "EXOSCREEN_STAFF_PIN"},
		{"bad mode", "2468", "pw", []string{"--outbox", out, "--host-key", hk, "--mode", "shell"}, "use kiosk or screening"},
		{"bad max", "2468", "pw", []string{"--outbox", out, "--host-key", hk, "--max-sessions", "0"}, "at least 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("EXOSCREEN_STAFF_PIN", tc.pin)
			t.Setenv("EXOSCREEN_SERVE_PASSWORD", tc.pw)
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"serve", "--lang", "en"}, tc.args...), strings.NewReader(""), &stdout, &stderr)
			if code != exitUsage || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), exitUsage, tc.want)
			}
			if strings.Contains(stderr.String(), "secret") {
				t.Errorf("a password reached the output: %q", stderr.String())
			}
		})
	}
}
