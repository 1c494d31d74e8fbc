package accessible

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exoscreen/exoscreen/screening"
)

// FuzzParseAnswer feeds arbitrary lines to the answer parser for every question of the
// default rule set, in both languages. It must never panic; every value it accepts must be
// accepted by screening.Answers.Set (so the session never stores an impossible answer); a
// refusal must explain itself in both languages without repeating control characters; and
// a command word is never taken for an answer by the session.
//
// Run by hand: go test ./ui/accessible -run '^$' -fuzz FuzzParseAnswer -fuzztime 3m
func FuzzParseAnswer(f *testing.F) {
	for _, s := range []string{
		"1", "4", "０", "１、３", "1,3 5", "unsure", "わからない", "Not Sure", "7年", "7 years",
		"-1", "+0", "121", "99999999999999999999", "no", "いいえ", "はい、妊娠しています", "花粉 金属",
		"", " ", "\t", "\x1b[2J", "\xff\xfe", "b", "?", "ｑ", strings.Repeat("9", 100),
		"\u202e1", "1\x00", "1;2;;3", "ＹＥＳ",
	} {
		for q := 0; q < 20; q++ {
			f.Add(uint8(q), s, q%2 == 0)
		}
	}
	rs := ruleSet(f)
	f.Fuzz(func(t *testing.T, qi uint8, line string, en bool) {
		q := rs.Questions[int(qi)%len(rs.Questions)]
		lang := screening.JA
		if en {
			lang = screening.EN
		}
		v, err := ParseAnswer(q, line, lang)
		if err != nil {
			ie, ok := err.(*InputError)
			if !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			for _, l := range testLangs {
				m := ie.Message(l)
				if m == "" || !utf8.ValidString(m) {
					t.Fatalf("bad message %q", m)
				}
				for _, r := range m {
					if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) {
						t.Fatalf("message repeats control character U+%04X: %q", r, m)
					}
				}
			}
			return
		}
		if !v.Set {
			t.Fatalf("accepted %q as an unset value", line)
		}
		if err := rs.NewAnswers().Set(q, v); err != nil {
			t.Fatalf("%s: accepted %q as %+v, which Answers.Set refuses: %v", q.ID, line, v, err)
		}
		if q.Kind == screening.Multi && len(v.Codes) == 0 {
			t.Fatalf("%s: accepted %q as an empty choice", q.ID, line)
		}
		if q.Kind == screening.Free && (v.Text != strings.TrimSpace(line) || v.Text == "") {
			t.Fatalf("%s: text %q stored as %q", q.ID, line, v.Text)
		}
		_ = parseCommand(line) // must not panic either
	})
}

// testLangs are the languages of the test rule set (internal/testrules).
var testLangs = []screening.Lang{screening.JA, screening.EN}
