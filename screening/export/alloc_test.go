package export

import (
	"bytes"
	"io"
	"runtime"
	"testing"

	"github.com/exoscreen/exoscreen/internal/racedetect"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// Rendering a result reuses its buffers and the rule set's prepared texts: after the first
// call, writing a summary, a JSON result or a FHIR Bundle allocates less than a quarter of
// what it writes (without the reuse it is more than the whole output). A kiosk and the
// evaluate command render thousands of results; this keeps them from churning memory.
func TestRenderingReusesBuffers(t *testing.T) {
	if racedetect.Enabled {
		t.Skip("the race detector makes sync.Pool drop buffers on purpose")
	}
	rs := testrules.Load(t)
	writers := []struct {
		name string
		w    func(io.Writer, *screening.Result, Meta) error
	}{{"text", WriteText}, {"json", WriteJSON}, {"fhir", WriteFHIR}, {"json+texts", writeJSONTexts}, {"fhir+texts", writeFHIRTexts}}
	for _, c := range goldenCases {
		res := evaluate(t, rs, answersOf(t, rs, c.record))
		for _, lang := range []screening.Lang{screening.JA, screening.EN} {
			m := Meta{Lang: lang, Time: fixedTime, Patient: c.patient, Clinic: c.clinic, ID: "0b7e2d1c-9f3a-4c55-8e21-6d4f0a9b3c17"}
			for _, w := range writers {
				var out bytes.Buffer
				if err := w.w(&out, res, m); err != nil {
					t.Fatal(err)
				}
				const n = 50
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				for range n {
					w.w(io.Discard, res, m)
				}
				runtime.ReadMemStats(&after)
				perCall := int(after.TotalAlloc-before.TotalAlloc) / n
				if perCall > out.Len()/4 {
					t.Errorf("%s %s %s: %d bytes allocated per call for %d bytes of output", c.name, lang, w.name, perCall, out.Len())
				}
			}
		}
	}
}

// testLangs are the languages of the test rule set (internal/testrules).
var testLangs = []screening.Lang{screening.JA, screening.EN}

// writeJSONTexts writes the JSON result with its texts in every declared language.
func writeJSONTexts(w io.Writer, res *screening.Result, m Meta) error {
	m.Texts = true
	return WriteJSON(w, res, m)
}

// writeFHIRTexts writes the FHIR Bundle with its texts' translations into every declared language.
func writeFHIRTexts(w io.Writer, res *screening.Result, m Meta) error {
	m.Texts = true
	return WriteFHIR(w, res, m)
}
