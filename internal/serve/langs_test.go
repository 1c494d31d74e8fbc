package serve

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// TestLinePromptEveryLanguage: the line mode's language question offers every language the
// rule set declares, each by number and by its name in itself, and takes a number (half- or
// full-width), a tag, a locale or a name.
func TestLinePromptEveryLanguage(t *testing.T) {
	rs := testrules.LoadMulti(t)
	got := langPrompt(rs, screening.ZhHant)
	want := "語言 / Language: 1 日本語, 2 English, 3 简体中文, 4 繁體中文, 5 한국어 [4]: "
	if got != want {
		t.Errorf("prompt %q, want %q", got, want)
	}
	if got := langPrompt(testrules.Load(t), screening.EN); got != "Language / 言語: 1 日本語, 2 English [2]: " {
		t.Errorf("two-language prompt %q", got)
	}
	for _, tc := range []struct {
		in   string
		want screening.Lang
		ok   bool
	}{
		{"", screening.EN, true}, {"1", screening.JA, true}, {"3", screening.ZhHans, true}, {"５", screening.KO, true},
		{"4\r", screening.ZhHant, true}, {"ko", screening.KO, true}, {"zh-TW", screening.ZhHant, true}, {"zh_CN.UTF-8", screening.ZhHans, true},
		{"简体中文", screening.ZhHans, true}, {"한국어", screening.KO, true}, {"English", screening.EN, true},
		{"6", screening.EN, false}, {"0", screening.EN, false}, {"fr", screening.EN, false}, {"what?", screening.EN, false},
	} {
		got, ok := pickLang(rs, screening.EN, tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("pickLang(%q) = %s, %v; want %s, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestSessionWithoutPTYKorean: over SSH without a pty, the language question lists the five
// languages and 5 goes on in Korean.
func TestSessionWithoutPTYKorean(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.RuleSet = testrules.LoadMulti(t) })
	_, in, out := openLine(t, dial(t, ts.addr))
	wait := func(want string) {
		t.Helper()
		end := time.Now().Add(10 * time.Second)
		for !strings.Contains(out.String(), want) {
			if time.Now().After(end) {
				t.Fatalf("no %q:\n%s", want, tail(out.String()))
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	wait("1 日本語, 2 English, 3 简体中文, 4 繁體中文, 5 한국어 [1]: ")
	io.WriteString(in, "5\n")
	wait("접수 번호")
	in.Close()
}
