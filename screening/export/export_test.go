package export

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	gold "github.com/exoscreen/exoscreen/internal/golden"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// goldenRules and defaultRules are the test rule set (internal/testrules, id exoscreen-test):
// the golden files and the other tests change when the renderers change, never when the
// clinic content in content/ is edited.
func goldenRules(tb testing.TB) *screening.RuleSet { tb.Helper(); return testrules.Load(tb) }

func defaultRules(tb testing.TB) *screening.RuleSet { tb.Helper(); return testrules.Load(tb) }

// jst is a fixed zone with a name, as a clinic's machine in Asia/Tokyo has.
var jst = time.FixedZone("JST", 9*3600)

var fixedTime = time.Date(2026, 11, 21, 10, 30, 0, 0, jst)

// answersOf builds complete answers from an answers-file record.
func answersOf(tb testing.TB, rs *screening.RuleSet, record string) *screening.Answers {
	tb.Helper()
	a, err := rs.ParseAnswers([]byte(record), 1)
	if err != nil {
		tb.Fatalf("answers %s: %v", record, err)
	}
	return a
}

func evaluate(tb testing.TB, rs *screening.RuleSet, a *screening.Answers) *screening.Result {
	tb.Helper()
	res, err := rs.Evaluate(a)
	if err != nil {
		tb.Fatalf("evaluate: %v", err)
	}
	return res
}

// goldenCases are the answer sets of the golden files: the example of docs/spec/interfaces.md, an
// absolute verdict with unsure answers and patient free text with a control sequence, and a
// verdict of none.
var goldenCases = []struct {
	name, record string
	patient      *Patient
	clinic       string
}{
	{
		name: "example",
		record: `{"pregnancy": "no", "pregnancy_planned": "no", "breastfeeding": "no",
 "cancer": "treatment_ended", "cancer_years": 7, "infection": "no",
 "product_reaction": "never_treated", "allergy": "yes", "allergy_severe": "no",
 "allergy_to": ["pollen"], "anticoagulant": "no", "bleeding_disorder": "no",
 "immunosuppressant": "no", "other_medication": "no", "autoimmune": "no",
 "chronic_disease": "none", "doctor_advised_against": "no", "blood_donation": "no"}`,
	},
	{
		name: "unsure",
		record: `{"pregnancy": "unsure", "breastfeeding": "no", "cancer": "treatment_ended",
 "cancer_years": "unsure", "infection": "no", "product_reaction": "reaction", "allergy": "unsure",
 "allergy_severe": "unsure", "anticoagulant": "yes", "bleeding_disorder": "no",
 "immunosuppressant": "unsure", "other_medication": "yes",
 "medication_names": "ワーファリン 2mg 朝1回、\u001b[2Jプレドニン\nhttps://example.org/a/very/long/path/that/does/not/fit/on/one/line/of/the/summary/at/all.html",
 "autoimmune": "no", "chronic_disease": "controlled", "doctor_advised_against": "no", "blood_donation": "yes"}`,
		patient: &Patient{ReceptionNumber: "A-0042", Name: "山田 花子", DateOfBirth: "1985-04-01"},
		clinic:  "さくら皮膚科クリニック",
	},
	{
		name: "none",
		record: `{"pregnancy": "no", "pregnancy_planned": "no", "breastfeeding": "no", "cancer": "none",
 "infection": "no", "product_reaction": "no_reaction", "allergy": "none", "anticoagulant": "no",
 "bleeding_disorder": "no", "immunosuppressant": "no", "other_medication": "no", "autoimmune": "no",
 "chronic_disease": "none", "doctor_advised_against": "no", "blood_donation": "no"}`,
		patient: &Patient{ReceptionNumber: "B-7"},
	},
}

func metaFor(lang screening.Lang, patient *Patient, clinic string) Meta {
	return Meta{Lang: lang, Time: fixedTime, Patient: patient, Clinic: clinic, Line: 1,
		ID: "0b7e2d1c-9f3a-4c55-8e21-6d4f0a9b3c17"}
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	gold.Equal(t, name, got)
}

// firstDiff describes the first line where want and got differ.
func firstDiff(want, got []byte) string { return gold.Diff(string(want), string(got)) }

// randomAnswers returns a complete, valid set of answers drawn at random: every shown
// question answered (optional ones sometimes not), every kind of answer including unsure,
// empty multi answers, boundary integers and awkward free text.
func randomAnswers(rs *screening.RuleSet, r *rand.Rand) *screening.Answers {
	texts := []string{
		"ワーファリン", "aspirin 100 mg", "", "プレドニン5mg（朝）、\u001b]0;title\u0007リウマトレックス",
		"\u202eevil", strings.Repeat("長い薬の名前", 60), "line\nbreak\ttab", "https://example.org/" + strings.Repeat("x", 120),
		"<b>&amp;</b> \"quoted\" \\ back", "\u2028sep",
	}
	a := rs.NewAnswers()
	for _, q := range rs.Questions {
		if !a.IsShown(q) {
			continue
		}
		var v screening.Value
		switch q.Kind {
		case screening.Single:
			v = screening.CodeValue(q.Options[r.IntN(len(q.Options))].Code)
		case screening.Multi:
			if q.Optional && r.IntN(4) == 0 {
				continue // left unanswered
			}
			var codes []string
			for _, o := range q.Options {
				if r.IntN(3) == 0 {
					codes = append(codes, o.Code)
				}
			}
			v = screening.CodesValue(codes...)
		case screening.Integer:
			switch r.IntN(6) {
			case 0:
				if q.AllowUnsure {
					v = screening.UnsureInt()
				} else {
					v = screening.IntValue(q.Min)
				}
			case 1:
				v = screening.IntValue(q.Min)
			case 2:
				v = screening.IntValue(q.Max)
			default:
				v = screening.IntValue(q.Min + r.IntN(q.Max-q.Min+1))
			}
		default:
			if q.Optional && r.IntN(4) == 0 {
				continue
			}
			v = screening.TextValue(texts[r.IntN(len(texts))])
		}
		if err := a.Set(q, v); err != nil {
			panic(err)
		}
	}
	return a
}

// spread returns n random answer sets (fixed seed) plus ones that reach every option of
// every single question at least once.
func spread(tb testing.TB, rs *screening.RuleSet, n int) []*screening.Answers {
	tb.Helper()
	r := rand.New(rand.NewPCG(4, 2026))
	out := make([]*screening.Answers, 0, n)
	for range n {
		a := randomAnswers(rs, r)
		if p := a.Problems(); len(p) > 0 {
			tb.Fatalf("generated answers are incomplete: %v", p)
		}
		out = append(out, a)
	}
	return out
}

func TestTextGolden(t *testing.T) {
	rs := goldenRules(t)
	for _, tc := range goldenCases {
		for _, lang := range testLangs {
			t.Run(tc.name+"_"+string(lang), func(t *testing.T) {
				res := evaluate(t, rs, answersOf(t, rs, tc.record))
				var b bytes.Buffer
				if err := WriteText(&b, res, metaFor(lang, tc.patient, tc.clinic)); err != nil {
					t.Fatal(err)
				}
				checkText(t, b.String())
				golden(t, "text/"+tc.name+"."+string(lang)+".txt", b.Bytes())
			})
		}
	}
}

func TestJSONGolden(t *testing.T) {
	rs := goldenRules(t)
	schema := resultSchema(t)
	for _, tc := range goldenCases {
		for _, lang := range testLangs {
			t.Run(tc.name+"_"+string(lang), func(t *testing.T) {
				res := evaluate(t, rs, answersOf(t, rs, tc.record))
				var b bytes.Buffer
				if err := WriteJSON(&b, res, metaFor(lang, tc.patient, tc.clinic)); err != nil {
					t.Fatal(err)
				}
				validateSchema(t, schema, b.Bytes())
				golden(t, "json/"+tc.name+"."+string(lang)+".json", b.Bytes())
			})
		}
	}
}

func TestFHIRGolden(t *testing.T) {
	rs := goldenRules(t)
	for _, lang := range testLangs {
		var b bytes.Buffer
		if err := writeQuestionnaire(&b, rs, lang, ""); err != nil {
			t.Fatal(err)
		}
		golden(t, "fhir/questionnaire."+string(lang)+".json", indentJSON(t, b.Bytes()))
		for _, tc := range goldenCases {
			res := evaluate(t, rs, answersOf(t, rs, tc.record))
			b.Reset()
			if err := WriteFHIR(&b, res, metaFor(lang, tc.patient, tc.clinic)); err != nil {
				t.Fatal(err)
			}
			golden(t, "fhir/"+tc.name+"."+string(lang)+".json", indentJSON(t, b.Bytes()))
		}
	}
}

func indentJSON(t *testing.T, b []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, b)
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// TestJSONSpread checks the JSON of many answer sets against the schema and the pinned
// fields against the result.
func TestJSONSpread(t *testing.T) {
	rs := defaultRules(t)
	schema := resultSchema(t)
	for i, a := range spread(t, rs, 200) {
		res := evaluate(t, rs, a)
		lang := testLangs[i%2]
		var b bytes.Buffer
		if err := WriteJSON(&b, res, Meta{Lang: lang, Time: fixedTime, ID: NewID(), Line: i + 1}); err != nil {
			t.Fatal(err)
		}
		validateSchema(t, schema, b.Bytes())
		var got struct {
			Verdict  string
			Answers  map[string]json.RawMessage
			Findings []struct {
				Question          string
				Class             string
				NeedsConfirmation bool `json:"needs_confirmation"`
				Reason            string
				Sources           []string
			}
			RuleSet struct{ ID, Version, SHA256 string } `json:"ruleset"`
		}
		if err := json.Unmarshal(b.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if got.Verdict != res.Verdict.String() || len(got.Findings) != len(res.Findings) ||
			got.RuleSet.ID != rs.ID || got.RuleSet.Version != rs.Version || got.RuleSet.SHA256 != rs.SHA256 {
			t.Fatalf("record %d: pinned fields differ from the result: %s", i, b.Bytes())
		}
		for j, f := range res.Findings {
			g := got.Findings[j]
			if g.Question != f.Question.ID || g.Class != f.Class.String() || g.NeedsConfirmation != f.NeedsConfirmation ||
				g.Reason != f.Reason(lang) || !reflect.DeepEqual(g.Sources, f.SourceKeys()) {
				t.Fatalf("record %d finding %d: %+v differs from %s/%s", i, j, g, f.Question.ID, f.Class)
			}
		}
		// The answers object is itself a valid answers record giving the same result.
		ans, _ := json.Marshal(got.Answers)
		again, err := rs.ParseAnswers(ans, 1)
		if err != nil {
			t.Fatalf("record %d: answers %s do not parse back: %v", i, ans, err)
		}
		sameResult(t, res, evaluate(t, rs, again))
	}
}

// sameResult compares two results finding by finding; an unanswered multi or text question
// equals an empty answer (FHIR has no empty answer; the rules place both alike).
func sameResult(t *testing.T, want, got *screening.Result) {
	t.Helper()
	if want.Verdict != got.Verdict || len(want.Findings) != len(got.Findings) {
		t.Fatalf("verdict %s with %d findings, want %s with %d", got.Verdict, len(got.Findings), want.Verdict, len(want.Findings))
	}
	for i := range want.Findings {
		w, g := want.Findings[i], got.Findings[i]
		wa, ga := answerJSON(w.Question, *w.Answer), answerJSON(g.Question, *g.Answer)
		if empty(wa) && empty(ga) {
			wa, ga = nil, nil
		}
		if w.Question != g.Question || w.Class != g.Class || w.NeedsConfirmation != g.NeedsConfirmation ||
			w.Rule != g.Rule || !reflect.DeepEqual(wa, ga) {
			t.Fatalf("finding %s: got %v %s %v, want %v %s %v", w.Question.ID, ga, g.Class, g.NeedsConfirmation, wa, w.Class, w.NeedsConfirmation)
		}
	}
}

func empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case []string:
		return len(x) == 0
	case string:
		return x == ""
	}
	return false
}

// writeQuestionnaire writes the Questionnaire of rs (AppendQuestionnaire) and a newline.
func writeQuestionnaire(w io.Writer, rs *screening.RuleSet, lang screening.Lang, base string) error {
	b, err := AppendQuestionnaire(nil, rs, lang, base)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}
