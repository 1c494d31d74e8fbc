package export

import (
	"io"
	"sync"
	"testing"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// The writers' cost per record; evaluate on 100,000 records must stay within 3 s and 50 MB in
// all (issue 2), parsing included.
func benchWriter(b *testing.B, write func(io.Writer, *screening.Result, Meta) error) {
	benchWriterOn(b, defaultRules(b), write)
}

func benchWriterOn(b *testing.B, rs *screening.RuleSet, write func(io.Writer, *screening.Result, Meta) error) {
	res := make([]*screening.Result, len(goldenCases))
	for i, tc := range goldenCases {
		res[i] = evaluate(b, rs, answersOf(b, rs, tc.record))
	}
	m := Meta{Lang: screening.JA, Time: fixedTime, ID: "0b7e2d1c-9f3a-4c55-8e21-6d4f0a9b3c17"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := write(io.Discard, res[i%len(res)], m); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteText(b *testing.B) { benchWriter(b, WriteText) }
func BenchmarkWriteJSON(b *testing.B) { benchWriter(b, WriteJSON) }
func BenchmarkWriteFHIR(b *testing.B) { benchWriter(b, WriteFHIR) }

// BenchmarkWriteJSONTexts is the JSON result with every finding's texts in every declared
// language (Meta.Texts), on the five-language test rule set; compare BenchmarkWriteJSONMulti.
func BenchmarkWriteJSONTexts(b *testing.B) { benchWriterOn(b, multiRules(b), writeJSONTexts) }
func BenchmarkWriteJSONMulti(b *testing.B) { benchWriterOn(b, multiRules(b), WriteJSON) }

// BenchmarkWriteFHIRTexts is the FHIR Bundle with translation extensions into every declared
// language (Meta.Texts), on the five-language test rule set; compare BenchmarkWriteFHIRMulti.
func BenchmarkWriteFHIRTexts(b *testing.B) { benchWriterOn(b, multiRules(b), writeFHIRTexts) }
func BenchmarkWriteFHIRMulti(b *testing.B) { benchWriterOn(b, multiRules(b), WriteFHIR) }

// multiRules is the five-language test rule set, loaded once: the writers keep their prepared
// texts for a few rule sets only, and a benchmark run loading its own would soon measure
// rendering without them.
func multiRules(tb testing.TB) *screening.RuleSet {
	multiOnce.Do(func() { multiRS = testrules.LoadMulti(tb) })
	return multiRS
}

var (
	multiOnce sync.Once
	multiRS   *screening.RuleSet
)
