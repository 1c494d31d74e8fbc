package screening

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// Benchmarks of the engine and the batch path. Targets on the 2-core development machine:
// Evaluate of a full answer set at most 2 µs/op and 10 allocs/op; EvaluateInto 0 allocs/op
// (TestEvaluateAllocs) and at least 10x faster than cel-go on the same rules
// (tools/bench/celbench, which measures the ratio).
//
//	go test ./screening -run '^$' -bench . -benchmem

// fullAnswers is a complete answer set that shows every follow-up but the pregnancy one.
func fullAnswers(tb testing.TB, rs *RuleSet) *Answers {
	tb.Helper()
	a, err := rs.ParseAnswers([]byte(`{"pregnancy": "unsure", "breastfeeding": "no",
		"cancer": "treatment_ended", "cancer_years": 3, "infection": "no",
		"product_reaction": "no_reaction", "allergy": "yes", "allergy_severe": "unsure",
		"allergy_to": ["drug", "latex"], "anticoagulant": "yes", "bleeding_disorder": "no",
		"immunosuppressant": "no", "other_medication": "yes", "medication_names": "ワーファリン",
		"autoimmune": "no", "chronic_disease": "controlled", "doctor_advised_against": "no",
		"blood_donation": "unsure"}`), 1)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

func BenchmarkEvaluate(b *testing.B) {
	rs := testRules(b)
	a := fullAnswers(b, rs)
	b.ReportAllocs()
	for b.Loop() {
		res, err := rs.Evaluate(a)
		if err != nil || res.Verdict != Absolute {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseAnswers(b *testing.B) {
	rs := testRules(b)
	data := []byte(exampleWith(b, nil))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rs.ParseAnswers(data, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// batchInput makes n JSON Lines records with varied answers (and one bad record in 50).
func batchInput(tb testing.TB, rs *RuleSet, n int) []byte {
	tb.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	var buf bytes.Buffer
	for i := range n {
		if i%50 == 49 {
			buf.WriteString(`{"pregnancy": "maybe"}` + "\n")
			continue
		}
		buf.WriteString(randomRecord(rs, rng))
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// randomRecord writes a complete, valid answers record as one line of JSON.
func randomRecord(rs *RuleSet, rng *rand.Rand) string {
	a := rs.NewAnswers()
	var sb strings.Builder
	sb.WriteByte('{')
	first := true
	for _, q := range rs.Questions {
		if !a.IsShown(q) {
			continue
		}
		d := domain(q)
		v := d[rng.IntN(len(d))]
		if rng.IntN(4) > 0 { // mostly the mildest answers, as at a real front desk
			if m := mildest(q); m.Set {
				v = m
			}
		}
		a.vals[q.Index] = v
		if !v.Set {
			continue
		}
		if !first {
			sb.WriteString(", ")
		}
		first = false
		sb.WriteString(`"` + q.ID + `": `)
		switch q.Kind {
		case Single:
			sb.WriteString(`"` + v.Code + `"`)
		case Multi:
			sb.WriteString(`[`)
			for i, c := range v.Codes {
				if i > 0 {
					sb.WriteString(", ")
				}
				sb.WriteString(`"` + c + `"`)
			}
			sb.WriteString(`]`)
		case Integer:
			if v.Unsure {
				sb.WriteString(`"unsure"`)
			} else {
				sb.WriteString(itoa(v.Int))
			}
		case Free:
			sb.WriteString(`"` + v.Text + `"`)
		}
	}
	sb.WriteByte('}')
	return sb.String()
}

// BenchmarkBatch reads and evaluates 1000 JSON Lines records per op (ns/record = ns/op / 1000).
func BenchmarkBatch(b *testing.B) {
	rs := testRules(b)
	data := batchInput(b, rs, 1000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		bad := 0
		err := rs.ReadAnswers(bytes.NewReader(data), func(r Record) error {
			if r.Err != nil {
				bad++
				return nil
			}
			_, err := rs.Evaluate(r.Answers)
			return err
		})
		if err != nil || bad != 20 {
			b.Fatal(err, bad)
		}
	}
}

func TestBatchInputValid(t *testing.T) {
	rs := testRules(t)
	data := batchInput(t, rs, 200)
	n, bad := 0, 0
	err := rs.ReadAnswers(bytes.NewReader(data), func(r Record) error {
		n++
		if r.Err != nil {
			bad++
		}
		return nil
	})
	if err != nil || n != 200 || bad != 4 {
		t.Fatalf("%d records, %d bad: %v", n, bad, err)
	}
}

// BenchmarkEvaluateInto is the batch command's path: one Result reused, 0 allocs/op.
func BenchmarkEvaluateInto(b *testing.B) {
	rs := testRules(b) // fullAnswers answers the test rule set
	a := fullAnswers(b, rs)
	var res Result
	b.ReportAllocs()
	for b.Loop() {
		if err := rs.EvaluateInto(a, &res); err != nil || res.Verdict != Absolute {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateIntoVaried is EvaluateInto over 4000 different answer sets in turn (as
// tools/bench/celbench times it): caches and branch predictors see a day's variety.
func BenchmarkEvaluateIntoVaried(b *testing.B) {
	rs := defaultRules(b)
	var sets []*Answers
	err := rs.ReadAnswers(bytes.NewReader(batchInput(b, rs, 4000)), func(r Record) error {
		if r.Err == nil {
			sets = append(sets, r.Answers)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	var res Result
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := rs.EvaluateInto(sets[i], &res); err != nil {
			b.Fatal(err)
		}
		if i++; i == len(sets) {
			i = 0
		}
	}
}
