package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestUsageErrors: bad flags exit 2 with a message in the user's language that names the flag
// and the command's --help.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		lang string
		want []string
	}{
		{[]string{"--bogus"}, "ja_JP.UTF-8", []string{"exoscreen: 不明なフラグです: --bogus", "詳しくは exoscreen --help"}},
		{[]string{"--bogus"}, "en_US.UTF-8", []string{"exoscreen: unknown flag --bogus", "See exoscreen --help."}},
		{[]string{"--lang", "j a"}, "ja_JP.UTF-8", []string{`--lang の値 "j a" は使えません（ja、en、zh-Hans のような言語タグ）`}},
		{[]string{"evaluate", "--lang"}, "ja_JP.UTF-8", []string{"exoscreen evaluate: --lang には値が必要です", "exoscreen evaluate --help"}},
		{[]string{"lint", "--lang", "en", "--x"}, "ja_JP.UTF-8", []string{"exoscreen lint: unknown flag --x", "See exoscreen lint --help."}},
		{[]string{"evaluate", "--format", "xml"}, "en_US.UTF-8", []string{`unknown --format "xml"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " ")+" "+tt.lang, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", tt.lang)
			var out, errb bytes.Buffer
			if code := run(tt.args, strings.NewReader(""), &out, &errb); code != exitUsage {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitUsage, errb.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(errb.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, errb.String())
				}
			}
			if out.Len() != 0 {
				t.Errorf("stdout not empty: %q", out.String())
			}
		})
	}
}
