package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

const helperPIN = "secret-7392-pin"

// Issue 11.4: the PIN read from the environment is gone from the process's initial
// environment block, which /proc/PID/environ and `ps eww` show (os.Unsetenv alone left it
// there). The test runs itself again with the PIN in its environment; that process reads
// the PIN and then its own /proc/self/environ.
func TestPINGoneFromProcEnviron(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc/self/environ is Linux's")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPINEnvHelper$", "-test.v")
	cmd.Env = append(os.Environ(), pinEnv+"="+helperPIN, "EXOSCREEN_PIN_HELPER=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("PIN-HELPER-OK")) {
		t.Fatalf("helper: %v\n%s", err, out)
	}
}

// TestPINEnvHelper is the process of TestPINGoneFromProcEnviron.
func TestPINEnvHelper(t *testing.T) {
	if os.Getenv("EXOSCREEN_PIN_HELPER") != "1" {
		t.Skip("run by TestPINGoneFromProcEnviron")
	}
	before, _ := os.ReadFile("/proc/self/environ")
	if !bytes.Contains(before, []byte(helperPIN)) {
		t.Fatal("the PIN is not in /proc/self/environ to begin with")
	}
	pin, fromEnv, scrubbed, err := readPIN("")
	if err != nil || pin != helperPIN || !fromEnv || !scrubbed {
		t.Fatalf("readPIN: %q %v %v %v", pin, fromEnv, scrubbed, err)
	}
	after, _ := os.ReadFile("/proc/self/environ")
	if bytes.Contains(after, []byte(helperPIN)) {
		t.Fatalf("the PIN is still in /proc/self/environ")
	}
	if len(after) != len(before) || !bytes.Contains(after, []byte("EXOSCREEN_PIN_HELPER=1")) {
		t.Fatal("the rest of the environment changed")
	}
	if _, ok := os.LookupEnv(pinEnv); ok {
		t.Fatal("the PIN is still in the Go environment")
	}
	t.Log("PIN-HELPER-OK")
}

// Issue 11.7: kiosk-unlock leaves the request in the outbox, as a private file of this user;
// the kiosk reads its time. A missing folder is said in words.
func TestKioskUnlock(t *testing.T) {
	dir := t.TempDir()
	if !unlockRequested(dir).IsZero() {
		t.Fatal("a request before any")
	}
	before := time.Now().Add(-time.Second)
	r := runCmd(t, "", "kiosk-unlock", "--lang", "en", "--outbox", dir)
	if r.code != exitOK || !strings.Contains(r.stdout, "lockout of the kiosks writing to "+dir+" is released") {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if at := unlockRequested(dir); !at.After(before) {
		t.Errorf("request time %v, want after %v", at, before)
	}
	fi, err := os.Stat(filepath.Join(dir, unlockFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("unlock file: %v %v", fi, err)
	}
	// A symbolic link planted in its place is not a request.
	os.Remove(filepath.Join(dir, unlockFile))
	os.Symlink("/etc/passwd", filepath.Join(dir, unlockFile))
	if !unlockRequested(dir).IsZero() {
		t.Error("a symbolic link counted as a request")
	}
	r = runCmd(t, "", "kiosk-unlock", "--lang", "en", "--outbox", filepath.Join(dir, "missing"))
	if r.code != exitFail || !strings.Contains(r.stderr, "the folder does not exist") {
		t.Errorf("missing folder: exit %d, stderr %q", r.code, r.stderr)
	}
	r = runCmd(t, "", "kiosk-unlock")
	if r.code != exitUsage {
		t.Errorf("no outbox: exit %d", r.code)
	}
}
