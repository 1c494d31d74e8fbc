package screening

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// Fuzz targets for every parser of outside input: the answers parser (one record and the
// stream reader) and the content loader. Seed corpora are in testdata/fuzz/<Target>/; run
// one at a time by hand, e.g.
//
//	go test ./screening -run '^$' -fuzz '^FuzzParseAnswers$' -fuzztime 3m -parallel 1

// fuzzRules is the test rule set (internal/testrules), like every test but the spec test.
func fuzzRules(f *testing.F) *RuleSet { return testRules(f) }

// checkAnswerErr checks the invariants of a refused record.
func checkAnswerErr(t *testing.T, err error, line int) {
	var errs AnswerErrors
	if !errors.As(err, &errs) || len(errs) == 0 {
		t.Fatalf("error %T %v is no AnswerErrors", err, err)
	}
	for _, e := range errs {
		if e.Line < line {
			t.Fatalf("error line %d before the record's line %d", e.Line, line)
		}
		for _, lang := range testLangs {
			if m := e.Message(lang); m == "" || !utf8.ValidString(m) {
				t.Fatalf("bad message %q", m)
			}
		}
	}
}

func FuzzParseAnswers(f *testing.F) {
	rs := fuzzRules(f)
	f.Add([]byte(testExample))
	f.Add([]byte(`{"pregnancy": "unsure", "breastfeeding": "yes"}`))
	f.Add([]byte(`{"cancer": "treatment_ended", "cancer_years": "unsure"}`))
	f.Add([]byte(`{"cancer_years": 1e400, "allergy_to": ["pollen", "pollen"]}`))
	f.Add([]byte(`[1, {"a": null}]`))
	f.Add([]byte("{\"medication_names\": \"\\u001b[2J\", \"x\": \xff}"))
	f.Add([]byte("\ufeff" + exampleAnswers))
	f.Fuzz(func(t *testing.T, data []byte) {
		// The fast path accepts nothing the complete parser refuses, with the same values.
		fast, slow := rs.NewAnswers(), rs.NewAnswers()
		if fast.decodeFast(data) {
			if errs := slow.decode(data, 1); len(errs) > 0 {
				t.Fatalf("fast path accepted what decode refuses: %v", errs)
			}
			for i := range fast.vals {
				if !sameValue(fast.vals[i], slow.vals[i]) {
					t.Fatalf("%s: fast %+v, decode %+v", rs.Questions[i].ID, fast.vals[i], slow.vals[i])
				}
			}
		}
		a, err := rs.ParseAnswers(data, 3)
		if (a == nil) == (err == nil) {
			t.Fatalf("answers %v and error %v", a, err)
		}
		if err != nil {
			checkAnswerErr(t, err, 3)
			return
		}
		// Accepted answers are complete and evaluate without error.
		res, err := rs.Evaluate(a)
		if err != nil {
			t.Fatalf("accepted answers do not evaluate: %v", err)
		}
		if len(res.Findings) != len(a.Visible()) {
			t.Fatalf("%d findings for %d shown questions", len(res.Findings), len(a.Visible()))
		}
		for _, f := range res.Findings {
			if f.Answer.IsUnsure() && f.Class == None {
				t.Fatalf("%s: unsure placed none", f.Question.ID)
			}
		}
	})
}

func FuzzReadAnswers(f *testing.F) {
	rs := fuzzRules(f)
	good := strings.ReplaceAll(testExample, "\n", "")
	f.Add([]byte(testExample))
	f.Add([]byte(good + "\n" + good + "\n"))
	f.Add([]byte(good + "\r\n\r\n{\"pregnancy\": \r\n" + good))
	f.Add([]byte("{\n\"a\":\n1}\n{}\n\n[]\n"))
	f.Add([]byte("\n\n \t\n"))
	f.Add([]byte("\ufeff" + good + "\n\ufeff" + good))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte{'\n'}) + 1
		last := 0
		err := rs.ReadAnswers(bytes.NewReader(data), func(r Record) error {
			if r.Line <= last || r.Line > lines {
				t.Fatalf("record line %d after %d (of %d lines)", r.Line, last, lines)
			}
			last = r.Line
			if (r.Answers == nil) == (r.Err == nil) {
				t.Fatalf("record with answers %v and error %v", r.Answers, r.Err)
			}
			if r.Err != nil {
				checkAnswerErr(t, r.Err, r.Line)
				return nil
			}
			if _, err := rs.Evaluate(r.Answers); err != nil {
				t.Fatalf("accepted record does not evaluate: %v", err)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("ReadAnswers on a reader that never fails: %v", err)
		}
	})
}

func FuzzLoad(f *testing.F) {
	read := func(name string) []byte {
		b, err := fs.ReadFile(os.DirFS(testRulesDir), name)
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	rsY, srcY, qY := read("ruleset.yaml"), read("sources.yaml"), read("questions.yaml")
	f.Add(rsY, srcY, qY)
	f.Add(rsY, srcY, []byte("sections:\n  - id: a\n    title: {ja: あ, en: a}\n    questions:\n      - id: q\n        kind: integer\n        text: {ja: あ, en: a}\n        min: 0\n        max: 3\n        unsure: true\n        rules:\n          - when: {conditions: [{operator: \"<\", answer: 2}]}\n            class: none\n            sources: [zen-2025]\n            reason: {ja: あ, en: a}\n"))
	f.Add([]byte("id: x\nversion: '1'\nname: {ja: a, en: b}\ndisclaimer: {ja: a, en: b}\n"), []byte("sources: []"), []byte("sections: [{id: a, questions: [{id: b, kind: multi, options: [{code: c}], shown_when: {conditions: [{question: b, operator: exists, answer: true}]}}]}]"))
	f.Add([]byte("a: &x [*x]"), []byte("\t"), []byte("--- \n...\n---\n"))
	f.Fuzz(func(t *testing.T, rulesetY, sourcesY, questionsY []byte) {
		m := fstest.MapFS{
			"ruleset.yaml":   {Data: rulesetY},
			"sources.yaml":   {Data: sourcesY},
			"questions.yaml": {Data: questionsY},
		}
		rs, err := Load(m)
		if err != nil {
			var le *LoadError
			if rs != nil || !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("rule set %v, error %T %v", rs, err, err)
			}
			for _, p := range le.Problems {
				if p.Message[EN] == "" || p.Message[JA] == "" || p.File == "" {
					t.Fatalf("incomplete problem %+v", p)
				}
			}
			return
		}
		// A rule set that loads places every answer of every question (coverage), and
		// unsure never as none; evaluating the mildest complete answers works.
		for _, q := range rs.Questions {
			forEachAnswer(q, func(v Value) {
				r := q.place(v)
				if r == nil {
					t.Fatalf("%s: answer %s not placed", q.ID, describeAnswer(q, v))
				}
				if v.IsUnsure() && !r.NeedsConfirmation {
					t.Fatalf("%s: unsure without needs_confirmation", q.ID)
				}
			})
		}
		a := rs.NewAnswers()
		for _, q := range rs.Questions {
			if a.IsShown(q) && !q.Optional {
				var v Value
				forEachAnswer(q, func(x Value) {
					if !v.Set && x.Set {
						v = x
					}
				})
				if err := a.Set(q, v); err != nil {
					t.Fatalf("%s: %v", q.ID, err)
				}
			}
		}
		if _, err := rs.Evaluate(a); err != nil {
			t.Fatalf("evaluate: %v", err)
		}
	})
}
