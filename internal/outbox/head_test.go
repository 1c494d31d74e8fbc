package outbox

import (
	"strings"
	"testing"

	"github.com/exoscreen/exoscreen/screening"
)

// The listing's fast read (parseHead) and the full read (ParseResult) agree: on valid
// results, on fields in another order, on a repeated field, and on a result with no verdict,
// which both refuse (before, a missing verdict was listed as "none").
func TestHeadAgreesWithParseResult(t *testing.T) {
	for _, data := range headCases {
		checkHead(t, []byte(data))
	}
}

var headCases = []string{
	`{"format":"exoscreen-result/1","verdict":"relative","needs_confirmation":2,"lang":"en","completed_at":"2026-11-21T09:00:00Z","patient":{"name":"A"},"answers":{},"findings":[]}`,
	`{"answers":{},"format":"exoscreen-result/1","findings":[],"verdict":"absolute"}`,
	`{"format":"exoscreen-result/1","answers":{},"verdict":"absolute"}`,
	`{"format":"exoscreen-result/1","verdict":"none","verdict":"absolute","answers":{}}`,
	`{"format":"exoscreen-result/1","answers":{}}`,
	`{"format":"exoscreen-result/1"}`,
	`{"format":"exoscreen-result/1","verdict":"none","findings":[1]}`,
	`{"format":"exoscreen-result/1","verdict":"none","lang":"fr","answers":{}}`,
	`{"format":"exoscreen-result/1","verdict":"none","needs_confirmation":-1,"answers":{}}`,
	`[]`, `{`, `{"format":"other","verdict":"none"}`,
	// keys in another case are the same fields, as encoding/json reads them (fuzzing found
	// the listing showing 0 to confirm where the opened result said 1)
	`{"format":"exoscreen-result/1","verdict":"relative","Needs_Confirmation":1,"LANG":"en","Patient":{"Name":"A"},"answers":{}}`,
	`{"format":"exoscreen-result/1","verdict":"none","Verdict":"absolute","answers":{}}`,
	`{"format":"exoscreen-result/1","Verdict":"none","needs_confirmation":1,"NEEDS_CONFIRMATION":3,"answers":{}}`,
}

func checkHead(t *testing.T, data []byte) {
	t.Helper()
	h, hp := parseHead(data)
	r, rp := ParseResult(data)
	if hp == nil && rp != nil && rp.Kind == Corrupt && strings.HasSuffix(rp.Detail, "has the wrong type") {
		// A wrong type in the answers or findings: the listing does not decode them; it
		// shows when the result is opened.
		return
	}
	if (hp == nil) != (rp == nil) || hp != nil && hp.Kind != rp.Kind && rp.Kind != Corrupt {
		t.Fatalf("%s: head %v, full %v", data, hp, rp)
	}
	if hp != nil {
		return
	}
	if *h.Verdict != r.Verdict || h.NeedsConfirmation != r.NeedsConfirmation || h.Lang != r.Lang || h.CompletedAt != r.CompletedAt {
		t.Errorf("%s: head %+v, full %+v", data, h, r)
	}
	if (h.Patient == nil) != (r.Patient == nil) || h.Patient != nil && *h.Patient != *r.Patient {
		t.Errorf("%s: patient %v, full %v", data, h.Patient, r.Patient)
	}
	if r.Verdict < screening.None || r.Verdict > screening.Absolute {
		t.Errorf("%s: verdict %v", data, r.Verdict)
	}
}

func FuzzHead(f *testing.F) {
	for _, c := range headCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkHead(t, data)
	})
}
