package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// TestFHIRRoundTrip writes the Bundle of many answer sets, reads the QuestionnaireResponse
// back and screens it again: the result must be the same, "not sure" integers included.
func TestFHIRRoundTrip(t *testing.T) {
	rs := defaultRules(t)
	unsureInts := 0
	for i, a := range spread(t, rs, 300) {
		res := evaluate(t, rs, a)
		for _, base := range []string{"", "https://fhir.clinic.example.jp/fhir"} {
			m := Meta{Lang: testLangs[i%2], Time: fixedTime, ID: NewID(), FHIRBase: base}
			readBackSame(t, rs, res, AppendFHIR(nil, res, m), base, fmt.Sprintf("record %d", i))
		}
		for _, f := range res.Findings {
			if f.Question.Kind == screening.Integer && f.Answer.Unsure {
				unsureInts++
			}
		}
	}
	if unsureInts == 0 {
		t.Fatal("the spread has no unsure integer answer: the round trip of asked-unknown is untested")
	}
}

func TestFHIRReadRefuses(t *testing.T) {
	rs := defaultRules(t)
	res := evaluate(t, rs, answersOf(t, rs, goldenCases[1].record))
	good := string(AppendFHIR(nil, res, Meta{Lang: screening.JA, Time: fixedTime, ID: NewID()}))
	for _, tc := range []struct{ name, from, to, want string }{
		{"other questionnaire", "|" + rs.Version, "|0.0.1", "not"},
		{"unknown code", `"code":"unsure"`, `"code":"perhaps"`, "not an answer"},
		{"other code system", `"system":"` + newCanonicals("", rs.ID).Answers, `"system":"urn:uuid:00000000-0000-4000-8000-000000000000`, "code system"},
		{"unknown reason for no value", askedUnknown, "masked", "data-absent-reason"},
		{"not completed", `"status":"completed"`, `"status":"in-progress"`, "completed"},
	} {
		bad := strings.Replace(good, tc.from, tc.to, 1)
		if bad == good {
			t.Fatalf("%s: mutation did not apply", tc.name)
		}
		if _, err := ReadQuestionnaireResponse(rs, []byte(bad), ""); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

func TestQuestionnaireConditions(t *testing.T) {
	rs := defaultRules(t)
	var b bytes.Buffer
	if err := writeQuestionnaire(&b, rs, screening.JA, ""); err != nil {
		t.Fatal(err)
	}
	var q struct {
		URL, Version string
		Item         []struct {
			LinkID string
			Item   []struct {
				LinkID         string
				Type           string
				Required       bool
				EnableBehavior string
				EnableWhen     []map[string]any
				AnswerOption   []struct{ ValueCoding struct{ System, Code string } }
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &q); err != nil {
		t.Fatal(err)
	}
	if q.Version != rs.Version || q.URL != newCanonicals("", rs.ID).Questionnaire {
		t.Errorf("url %s version %s", q.URL, q.Version)
	}
	n := 0
	for _, g := range q.Item {
		for _, it := range g.Item {
			qq := rs.Question(it.LinkID)
			if qq == nil {
				t.Fatalf("item %s is no question", it.LinkID)
			}
			n++
			if it.Required == qq.Optional {
				t.Errorf("%s: required %v, optional %v", it.LinkID, it.Required, qq.Optional)
			}
			if len(it.AnswerOption) != len(qq.Options) {
				t.Errorf("%s: %d answer options, want %d", it.LinkID, len(it.AnswerOption), len(qq.Options))
			}
			if qq.ShownWhen == nil {
				if it.EnableWhen != nil {
					t.Errorf("%s: enableWhen on an always-shown question", it.LinkID)
				}
				continue
			}
			if len(it.EnableWhen) != len(qq.ShownWhen.Items) || it.EnableBehavior != string(qq.ShownWhen.Behavior) {
				t.Errorf("%s: enableWhen %v / %s, want %s", it.LinkID, it.EnableWhen, it.EnableBehavior, qq.ShownWhen)
			}
		}
	}
	if n != len(rs.Questions) {
		t.Errorf("%d question items, want %d", n, len(rs.Questions))
	}
}

// TestFHIRValidator runs tools/fhir-validate (FHIR.js, the R4 invariants and the response
// checks against the Questionnaire) on the Questionnaire in both languages and on the
// Bundles of a spread of answer sets, and on the five-language rule set's Bundles with their
// translations (Meta.Texts) in each patient language. Without its node_modules it is skipped, except in CI
// (CI set), where it fails: .ci/run installs them with npm ci.
func TestFHIRValidator(t *testing.T) {
	dir := filepath.Join("..", "..", "tools", "fhir-validate")
	script := filepath.Join(dir, "validate.js")
	node, err := exec.LookPath("node")
	_, modErr := os.Stat(filepath.Join(dir, "node_modules", "fhir"))
	if err != nil || modErr != nil {
		msg := "FHIR validator not installed (needs node and `npm ci --prefix tools/fhir-validate`)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	tmp := t.TempDir()
	multi := testrules.LoadMulti(t)
	for _, tc := range []struct {
		rs    *screening.RuleSet
		base  string
		lang  screening.Lang
		texts bool
	}{
		{defaultRules(t), "", screening.JA, false},
		{defaultRules(t), "https://fhir.clinic.example.jp/fhir", screening.EN, false},
		{multi, "", screening.KO, true},
		{multi, "https://fhir.clinic.example.jp/fhir", screening.ZhHant, true},
	} {
		rs, base, lang := tc.rs, tc.base, tc.lang
		{
			qFile := filepath.Join(tmp, "questionnaire.json")
			var q bytes.Buffer
			if err := writeQuestionnaire(&q, rs, lang, base); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(qFile, q.Bytes(), 0o600)
			var bundles bytes.Buffer
			for i, a := range spread(t, rs, 40) {
				WriteFHIR(&bundles, evaluate(t, rs, a), Meta{Lang: lang, Time: fixedTime, ID: NewID(), FHIRBase: base, Texts: tc.texts,
					Patient: []*Patient{nil, {}, {Name: "山田 花子", ReceptionNumber: "A-1", DateOfBirth: "1980-01-02"}}[i%3]})
			}
			for _, gc := range goldenCases {
				WriteFHIR(&bundles, evaluate(t, rs, answersOf(t, rs, gc.record)), Meta{Lang: lang, Time: fixedTime, FHIRBase: base, Patient: gc.patient, Texts: tc.texts})
			}
			WriteFHIROutcome(&bundles, []Problem{{Question: "cancer", Message: "line 3: cancer: unknown option"}})
			bFile := filepath.Join(tmp, "bundles.ndjson")
			os.WriteFile(bFile, bundles.Bytes(), 0o600)
			out, err := exec.Command(node, script, "--questionnaire", qFile, bFile).CombinedOutput()
			var ee *exec.ExitError
			if err != nil && !errors.As(err, &ee) {
				t.Fatalf("run the validator: %v", err)
			}
			if err != nil {
				t.Fatalf("FHIR validation failed (base %q, %s, texts %v):\n%s", base, lang, tc.texts, out)
			}
			if !strings.Contains(string(out), "0 errors") {
				t.Fatalf("unexpected validator output:\n%s", out)
			}
			t.Logf("base %q, %s, texts %v: %s", base, lang, tc.texts, strings.TrimSpace(string(out)))
		}
	}
}

// TestQuestionnaireRefusesUnsureCondition: a condition on "not sure" to an integer question
// has no R4 enableWhen (the answer has no value there); the export must refuse it.
func TestQuestionnaireRefusesUnsureCondition(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"ruleset.yaml", "sources.yaml", "questions.yaml"} {
		b, err := os.ReadFile(filepath.Join(testrules.Dir(), name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "questions.yaml" {
			old := "            - {question: other_medication, operator: \"=\", answer: \"yes\"}\n"
			if !strings.Contains(string(b), old) {
				t.Fatal("the test rule set changed; update this test's edit")
			}
			b = []byte(strings.Replace(string(b), old, old+"            - {question: cancer_years, operator: \"=\", answer: unsure}\n", 1))
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o600)
	}
	rs, err := screening.LoadDir(dir)
	if err != nil {
		t.Fatalf("edited rule set does not load: %v", err)
	}
	var b bytes.Buffer
	err = writeQuestionnaire(&b, rs, screening.JA, "")
	var qe *QuestionnaireError
	if !errors.As(err, &qe) || qe.Question != "medication_names" || !strings.Contains(err.Error(), "cancer_years = unsure") {
		t.Fatalf("err = %v, want a QuestionnaireError naming medication_names and the condition", err)
	}
}

func TestCheckFHIRBase(t *testing.T) {
	for base, ok := range map[string]bool{
		"": true, "http://x": true, "https://fhir.clinic.example.jp/fhir/": true,
		"ftp://x": false, "https://": false, "https:///x": false, "https://a b": false, "https://x?y=1": false,
		"https://x#f": false, "urn:uuid:x": false, "fhir.example": false,
	} {
		if err := CheckFHIRBase(base); (err == nil) != ok {
			t.Errorf("CheckFHIRBase(%q) = %v, want ok %v", base, err, ok)
		}
	}
}

// TestQuestionnaireTextAndJSONGolden: the questionnaire for people (text, 80 cells) and for
// web intake forms (JSON), in both languages.
func TestQuestionnaireTextAndJSONGolden(t *testing.T) {
	rs := goldenRules(t)
	for _, lang := range testLangs {
		var b bytes.Buffer
		if err := WriteQuestionnaireText(&b, rs, lang); err != nil {
			t.Fatal(err)
		}
		checkText(t, b.String())
		golden(t, "questionnaire/questions."+string(lang)+".txt", b.Bytes())
		j, err := json.MarshalIndent(NewQuestionnaireJSON(rs, lang), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "questionnaire/questions."+string(lang)+".json", append(j, '\n'))
	}
}

// readBackSame reads the Bundle data (FHIRBase base) of res back and checks that it gives the
// same result; free text passes through fhirString (FHIR strings hold no control
// characters). what names the record in a failure.
func readBackSame(t *testing.T, rs *screening.RuleSet, res *screening.Result, data []byte, base, what string) {
	t.Helper()
	back, err := ReadQuestionnaireResponse(rs, data, base)
	if err != nil {
		t.Fatalf("%s: read back: %v\n%s", what, err, data)
	}
	got := evaluate(t, rs, back)
	for j := range res.Findings {
		if f := &res.Findings[j]; f.Question.Kind == screening.Free && f.Answer.Set {
			if g := got.Findings[j].Answer.Text; g != fhirString(f.Answer.Text) {
				t.Fatalf("%s: text %q read back as %q", what, f.Answer.Text, g)
			}
			got.Findings[j].Answer = f.Answer
		}
	}
	sameResult(t, res, got)
}
