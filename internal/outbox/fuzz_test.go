package outbox_test

import (
	"testing"

	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/screening"
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
		if r.Lang != screening.JA && r.Lang != screening.EN {
			t.Fatalf("language %q", r.Lang)
		}
	})
}
