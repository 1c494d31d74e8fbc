package outbox_test

import (
	"slices"
	"testing"

	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/screening"
	"golang.org/x/text/language"
)

// FuzzParseResult feeds arbitrary bytes to the parser of outbox files: it must never panic,
// and whatever it accepts has a valid verdict, language and count.
func FuzzParseResult(f *testing.F) {
	for _, s := range []string{
		`{"format":"exoscreen-result/1","verdict":"relative","needs_confirmation":1,"lang":"en","patient":{"name":"x"},"findings":[]}`,
		`{"format":"exoscreen-result/1","verdict":`,
		`{"format":"other","verdict":"none"}`,
		`{"format":"exoscreen-result/1","verdict":"none","needs_confirmation":-1}`,
		`[]`, ``, `null`, "{\"format\":\"exoscreen-result/1\",\"verdict\":\"none\",\"patient\":{\"name\":\"\x1b[2J\"}}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, p := outbox.ParseResult(data)
		if (r == nil) == (p == nil) {
			t.Fatalf("result %v and problem %v", r, p)
		}
		if p != nil {
			if p.Message(screening.JA) == "" || p.Message(screening.EN) == "" {
				t.Fatal("empty problem message")
			}
			return
		}
		if r.Verdict < screening.None || r.Verdict > screening.Absolute || r.NeedsConfirmation < 0 {
			t.Fatalf("accepted %+v", r)
		}
		// A language is one of exoscreen's, or a well-formed tag in canonical form (a rule set
		// may declare more languages than exoscreen's messages speak).
		if tag, err := language.Parse(string(r.Lang)); !slices.Contains(screening.Langs, r.Lang) && (err != nil || tag.String() != string(r.Lang)) {
			t.Fatalf("language %q", r.Lang)
		}
	})
}
