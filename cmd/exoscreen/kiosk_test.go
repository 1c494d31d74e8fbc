package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

func TestKioskUsageErrors(t *testing.T) {
	t.Setenv("EXOSCREEN_OUTBOX", "")
	t.Setenv("EXOSCREEN_KIOSK_DETAILS", "")
	dir := t.TempDir()
	loose := filepath.Join(dir, "pin-loose")
	os.WriteFile(loose, []byte("2468\n"), 0o644)
	short := filepath.Join(dir, "pin-short")
	os.WriteFile(short, []byte("12\n"), 0o600)
	good := filepath.Join(dir, "pin")
	os.WriteFile(good, []byte("2468\n"), 0o600)
	long := filepath.Join(dir, "pin-long")
	os.WriteFile(long, []byte(strings.Repeat("8", 65)+"\n"), 0o600)
	blank := filepath.Join(dir, "pin-blank")
	os.WriteFile(blank, []byte("     \n"), 0o600)
	tests := []struct {
		name string
		pin  string
		args []string
		want string
	}{
		{"no outbox", "2468", []string{"--kiosk"}, "--kiosk needs --outbox"},
		{"outbox alone", "2468", []string{"--outbox", dir}, "only work with --kiosk"},
		{"bad details", "2468", []string{"--kiosk", "--outbox", dir, "--details", "email"}, "unknown patient detail"},
		{"no PIN", "", []string{"--kiosk", "--outbox", dir}, "EXOSCREEN_STAFF_PIN"},
		{"loose PIN file", "", []string{"--kiosk", "--outbox", dir, "--staff-pin-file", loose}, "chmod 600"},
		{"short PIN", "", []string{"--kiosk", "--outbox", dir, "--staff-pin-file", short}, "at least 4"},
		{"PIN too long to type", "", []string{"--kiosk", "--outbox", dir, "--staff-pin-file", long}, "at most 64 characters"},
		{"PIN of spaces (env)", "    ", []string{"--kiosk", "--outbox", dir}, "only spaces"},
		{"PIN of spaces (file)", "", []string{"--kiosk", "--outbox", dir, "--staff-pin-file", blank}, "only spaces"},
		{"short idle", "2468", []string{"--kiosk", "--outbox", dir, "--idle-timeout", "10ms"}, "too short"},
		{"no terminal", "", []string{"--kiosk", "--outbox", dir, "--staff-pin-file", good}, "needs a terminal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.pin != "" {
				t.Setenv(pinEnv, tt.pin)
			} else {
				t.Setenv(pinEnv, "")
				os.Unsetenv(pinEnv)
			}
			r := runCmd(t, "", append(tt.args, "--lang", "en")...) // the English texts; TestStartErrorsInTheUsersLanguage checks the others
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", r.code, r.stderr, tt.want)
			}
		})
	}
}

func TestReadPINFromEnvIsUnset(t *testing.T) {
	t.Setenv(pinEnv, " 2468 ")
	pin, fromEnv, _, err := readPIN("")
	if err != nil || pin != "2468" || !fromEnv {
		t.Fatalf("%q %v %v", pin, fromEnv, err)
	}
	if _, ok := os.LookupEnv(pinEnv); ok {
		t.Error("the PIN stays in the environment")
	}
}

func inboxFixture(t *testing.T) string {
	t.Helper()
	rs := outboxtest.RuleSet(t)
	o := outbox.New(t.TempDir())
	at := time.Date(2026, 11, 21, 1, 0, 0, 0, time.UTC)
	for i, p := range []export.Patient{{ReceptionNumber: "A-1"}, {Name: "Eve\t" + outboxtest.Hostile}} {
		res := outboxtest.Result(t, rs, nil)
		if _, err := o.Save(res, export.Meta{Lang: screening.EN, Time: at.Add(time.Duration(i) * time.Hour), Patient: &p}); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(o.Dir, "notes\x1b[2J.txt"), []byte("x"), 0o600)
	return o.Dir
}

// noRawControls fails on any control character but newline and tab.
func noRawControls(t *testing.T, s string) {
	t.Helper()
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x202e {
			t.Fatalf("raw control %U in output:\n%s", r, s)
		}
	}
}

func TestInboxFormatText(t *testing.T) {
	dir := inboxFixture(t)
	r := runCmd(t, "", "inbox", "--outbox", dir, "--format", "text", "--lang", "en")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	noRawControls(t, r.stdout)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines:\n%s", len(lines), r.stdout)
	}
	if f := strings.Split(lines[0], "\t"); len(f) != 6 || f[0] != "2026-11-21T02:00:00Z" || f[2] != "relative" || !strings.HasPrefix(f[5], "Eve aspirin\\x1b[2J") {
		t.Errorf("first line %q", f)
	}
	if f := strings.Split(lines[1], "\t"); f[5] != "A-1" || f[4] != "no" {
		t.Errorf("second line %q", f)
	}
	if !strings.Contains(lines[2], `notes\x1b[2J.txt`+"\tunreadable\tnot an exoscreen result") {
		t.Errorf("third line %q", lines[2])
	}
	// Without a terminal and without --format, the listing is text.
	if r2 := runCmd(t, "", "inbox", "--outbox", dir, "--lang", "en"); r2.stdout != r.stdout {
		t.Errorf("default listing differs:\n%s", r2.stdout)
	}
}

func TestInboxFormatJSON(t *testing.T) {
	dir := inboxFixture(t)
	r := runCmd(t, "", "inbox", "--outbox", dir, "--format", "json")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	noRawControls(t, r.stdout)
	var got []struct {
		ID      string          `json:"id"`
		File    string          `json:"file"`
		Verdict string          `json:"verdict"`
		Patient *export.Patient `json:"patient"`
		Problem *struct{ Kind string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Patient.Name != strings.ToValidUTF8("Eve\t"+outboxtest.Hostile, "\uFFFD") || got[2].Problem.Kind != "not_result" || got[2].File != "notes\x1b[2J.txt" {
		t.Errorf("got %+v", got)
	}
}

func TestInboxErrors(t *testing.T) {
	t.Setenv("EXOSCREEN_OUTBOX", "")
	if r := runCmd(t, "", "inbox"); r.code != exitUsage || !strings.Contains(r.stderr, "--outbox") {
		t.Errorf("no --outbox: %d %q", r.code, r.stderr)
	}
	if r := runCmd(t, "", "inbox", "--outbox", t.TempDir(), "--format", "xml"); r.code != exitUsage {
		t.Errorf("bad format: %d", r.code)
	}
	if r := runCmd(t, "", "inbox", "--outbox", filepath.Join(t.TempDir(), "none"), "--format", "text"); r.code != exitFail {
		t.Errorf("missing folder: %d %q", r.code, r.stderr)
	}
}
