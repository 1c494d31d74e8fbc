package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/exoscreen/exoscreen/internal/eawidth"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// TestStartErrorsInTheUsersLanguage starts the kiosk, serve, the inbox and kiosk-unlock with
// bad flags, files and folders, in Japanese, English, Simplified Chinese and Korean. Each
// refusal keeps its exit status in every language, names the flag or the file, and is in the
// asked language: under ja, zh-Hans and ko every line of it holds CJK or Hangul (no English
// sentence left over), differs from the English one, and the English holds none.
func TestStartErrorsInTheUsersLanguage(t *testing.T) {
	t.Setenv("EXOSCREEN_OUTBOX", "")
	t.Setenv("EXOSCREEN_KIOSK_DETAILS", "")
	dir := t.TempDir()
	write := func(name, data string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pin := write("pin", "2468\n", 0o600)
	loosePIN := write("pin-loose", "2468\n", 0o644)
	shortPIN := write("pin-short", "12\n", 0o600)
	longPIN := write("pin-long", strings.Repeat("8", 65)+"\n", 0o600)
	blankPIN := write("pin-blank", "    \n", 0o600)
	pw := write("pw", "secret\n", 0o600)
	loosePW := write("pw-loose", "secret\n", 0o644)
	emptyPW := write("pw-empty", "\n", 0o600)
	badKey := write("hk-bad", "not a key\n", 0o600)
	looseKey := write("hk-loose", "not a key\n", 0o644)
	badAK := write("ak-bad", "ssh-ed25519 garbage\n", 0o600)
	noAK := write("ak-none", "# nobody\n", 0o600)
	looseAK := write("ak-loose", "# nobody\n", 0o666)
	aFile := write("a-file", "x", 0o600)
	openBox := filepath.Join(dir, "open-outbox")
	if err := os.Mkdir(openBox, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(openBox, 0o777); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing")
	out, hk := filepath.Join(dir, "out"), filepath.Join(dir, "hk")
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()

	kiosk := []string{"--kiosk", "--outbox", out}
	srv := []string{"serve", "--outbox", out, "--host-key", hk, "--staff-pin-file", pin, "--listen", "127.0.0.1:0"}
	with := func(base []string, more ...string) []string { return append(append([]string{}, base...), more...) }
	for _, tc := range []struct {
		name     string
		args     []string
		envPIN   string // EXOSCREEN_STAFF_PIN ("" = unset)
		envPW    string // EXOSCREEN_SERVE_PASSWORD
		code     int
		mentions []string // each must be in the message in every language
	}{
		// the kiosk
		{"kiosk without outbox", []string{"--kiosk"}, "2468", "", exitUsage, []string{"--kiosk", "--outbox"}},
		{"kiosk flag without kiosk", []string{"--outbox", out}, "2468", "", exitUsage, []string{"--outbox", "--kiosk"}},
		{"kiosk bad details", with(kiosk, "--details", "email"), "2468", "", exitUsage, []string{"--details", `"email"`}},
		{"kiosk details twice", with(kiosk, "--details", "dob,birth"), "2468", "", exitUsage, []string{"--details", "dob,birth"}},
		{"kiosk idle too short", with(kiosk, "--idle-timeout", "10ms"), "2468", "", exitUsage, []string{"--idle-timeout", "10ms"}},
		{"kiosk no PIN", kiosk, "", "", exitUsage, []string{"--staff-pin-file", "EXOSCREEN_STAFF_PIN"}},
		{"kiosk PIN file missing", with(kiosk, "--staff-pin-file", missing), "", "", exitUsage, []string{"--staff-pin-file", missing}},
		{"kiosk PIN file loose", with(kiosk, "--staff-pin-file", loosePIN), "", "", exitUsage, []string{"--staff-pin-file", loosePIN, "0644", "chmod 600"}},
		{"kiosk PIN file a folder", with(kiosk, "--staff-pin-file", dir), "", "", exitUsage, []string{"--staff-pin-file", dir}},
		{"kiosk PIN short", with(kiosk, "--staff-pin-file", shortPIN), "", "", exitUsage, []string{"--staff-pin-file", shortPIN, "4"}},
		{"kiosk PIN long", with(kiosk, "--staff-pin-file", longPIN), "", "", exitUsage, []string{"--staff-pin-file", longPIN, "64"}},
		{"kiosk PIN blank (file)", with(kiosk, "--staff-pin-file", blankPIN), "", "", exitUsage, []string{"--staff-pin-file", blankPIN}},
		{"kiosk PIN blank (env)", kiosk, "    ", "", exitUsage, []string{"EXOSCREEN_STAFF_PIN"}},
		{"kiosk PIN short (env)", kiosk, "12", "", exitUsage, []string{"EXOSCREEN_STAFF_PIN"}},
		{"kiosk without terminal", with(kiosk, "--staff-pin-file", pin), "", "", exitUsage, nil},

		// serve
		{"serve without outbox", []string{"serve", "--host-key", hk}, "2468", "pw", exitUsage, []string{"--outbox"}},
		{"serve without host key", []string{"serve", "--outbox", out}, "2468", "pw", exitUsage, []string{"--host-key"}},
		{"serve idle too short", with(srv, "--idle-timeout", "1ms"), "", "pw", exitUsage, []string{"--idle-timeout", "1ms"}},
		{"serve max sessions", with(srv, "--max-sessions", "0"), "", "pw", exitUsage, []string{"--max-sessions"}},
		{"serve bad details", with(srv, "--details", "x,y"), "", "pw", exitUsage, []string{"--details", `"x"`}},
		{"serve bad mode", with(srv, "--mode", "shell"), "", "pw", exitUsage, []string{"--mode", `"shell"`}},
		{"serve nobody could connect", srv, "", "", exitUsage, []string{"--authorized-keys", "--password-file", "EXOSCREEN_SERVE_PASSWORD"}},
		{"serve password file missing", with(srv, "--password-file", missing), "", "", exitUsage, []string{"--password-file", missing}},
		{"serve password file loose", with(srv, "--password-file", loosePW), "", "", exitUsage, []string{"--password-file", loosePW, "chmod 600"}},
		{"serve password file empty", with(srv, "--password-file", emptyPW), "", "", exitUsage, []string{"--password-file", emptyPW}},
		{"serve host key not a key", with(srv[:3], "--host-key", badKey, "--staff-pin-file", pin), "", "pw", exitUsage, []string{"--host-key", badKey}},
		{"serve host key loose", with(srv[:3], "--host-key", looseKey, "--staff-pin-file", pin), "", "pw", exitUsage, []string{"--host-key", looseKey, "chmod 600"}},
		{"serve host key in no folder", with(srv[:3], "--host-key", filepath.Join(missing, "hk"), "--staff-pin-file", pin), "", "pw", exitUsage, []string{"--host-key", filepath.Join(missing, "hk")}},
		{"serve authorized keys missing", with(srv, "--authorized-keys", missing), "", "", exitUsage, []string{"--authorized-keys", missing}},
		{"serve authorized keys bad line", with(srv, "--authorized-keys", badAK), "", "", exitUsage, []string{"--authorized-keys", badAK, "1"}},
		{"serve authorized keys none", with(srv, "--authorized-keys", noAK), "", "", exitUsage, []string{"--authorized-keys", noAK}},
		{"serve authorized keys loose", with(srv, "--authorized-keys", looseAK), "", "", exitUsage, []string{"--authorized-keys", looseAK, "0666"}},
		{"serve PIN file loose", with(srv[:5], "--staff-pin-file", loosePIN), "", "pw", exitUsage, []string{"--staff-pin-file", loosePIN}},
		{"serve PIN short", with(srv[:5], "--staff-pin-file", shortPIN), "", "pw", exitUsage, []string{"--staff-pin-file", shortPIN}},
		{"serve outbox under a file", []string{"serve", "--outbox", filepath.Join(aFile, "out"), "--host-key", hk, "--staff-pin-file", pin}, "", "pw", exitUsage, []string{"--outbox", filepath.Join(aFile, "out")}},
		{"serve outbox open to all", []string{"serve", "--outbox", openBox, "--host-key", hk, "--staff-pin-file", pin}, "", "pw", exitUsage, []string{"--outbox", openBox, "chmod 700"}},
		{"serve log in no folder", with(srv, "--log", filepath.Join(missing, "log")), "", "pw", exitFail, []string{"--log", filepath.Join(missing, "log")}},
		{"serve port in use", with(srv[:7], "--listen", busy.Addr().String(), "--password-file", pw), "", "", exitFail, []string{"--listen", busy.Addr().String()}},
		{"serve bad address", with(srv[:7], "--listen", "127.0.0.1:bad"), "", "pw", exitFail, []string{"--listen", "127.0.0.1:bad"}},

		// the inbox and kiosk-unlock
		{"inbox without outbox", []string{"inbox"}, "", "", exitUsage, []string{"--outbox"}},
		{"inbox argument", []string{"inbox", "--outbox", out, "extra"}, "", "", exitUsage, []string{"extra"}},
		{"inbox outbox missing", []string{"inbox", "--outbox", missing}, "", "", exitFail, []string{"--outbox", missing}},
		{"kiosk-unlock without outbox", []string{"kiosk-unlock"}, "", "", exitUsage, []string{"--outbox"}},
		{"kiosk-unlock argument", []string{"kiosk-unlock", "--outbox", out, "extra"}, "", "", exitUsage, []string{"extra"}},
		{"kiosk-unlock outbox missing", []string{"kiosk-unlock", "--outbox", missing}, "", "", exitFail, []string{missing}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			said := map[screening.Lang]string{}
			for _, lang := range []screening.Lang{screening.EN, screening.JA, screening.ZhHans, screening.KO} {
				if tc.envPIN != "" {
					t.Setenv(pinEnv, tc.envPIN)
				} else {
					t.Setenv(pinEnv, "")
					os.Unsetenv(pinEnv)
				}
				t.Setenv("EXOSCREEN_SERVE_PASSWORD", tc.envPW)
				// the five-language test rule set, so that --lang zh-Hans and ko are declared
				r := runCmd(t, "", with(append([]string{"--content", testrules.MultiDir()}, tc.args...), "--lang", string(lang))...)
				msg := strings.TrimSpace(r.stderr)
				said[lang] = msg
				if r.code != tc.code {
					t.Errorf("%s: exit %d, want %d: %s", lang, r.code, tc.code, msg)
				}
				if msg == "" {
					t.Fatalf("%s: nothing said (stdout %q)", lang, r.stdout)
				}
				for _, m := range tc.mentions {
					if !strings.Contains(msg, m) {
						t.Errorf("%s: the message does not name %q:\n%s", lang, m, msg)
					}
				}
				if strings.Contains(msg, "secret") {
					t.Errorf("%s: the password reached the message: %s", lang, msg)
				}
				for _, line := range strings.Split(msg, "\n") {
					cjk := strings.IndexFunc(line, func(r rune) bool { return eawidth.Wide(r) || unicode.Is(unicode.Hangul, r) }) >= 0
					if lang == screening.EN && cjk {
						t.Errorf("en: a line is not English: %q", line)
					}
					if lang != screening.EN && !cjk {
						t.Errorf("%s: a line is left in English: %q", lang, line)
					}
				}
			}
			if said[screening.JA] == said[screening.ZhHans] || said[screening.JA] == said[screening.KO] {
				t.Errorf("zh-Hans or ko says what ja says:\n%s", said[screening.JA])
			}
		})
	}
}

// TestStartMessagesEveryLanguage: every start-up message has every language, each taking the
// arguments of the Japanese text, and none uses East-Asian-ambiguous glyphs.
func TestStartMessagesEveryLanguage(t *testing.T) {
	for _, gap := range startMessages.Gaps() {
		t.Error(gap)
	}
	for key, m := range startMessages {
		for _, lang := range screening.Langs {
			for _, r := range m[lang] {
				if eawidth.Ambiguous(r) {
					t.Errorf("%s %s: ambiguous-width %q in %q", key, lang, r, m[lang])
				}
			}
		}
	}
}
