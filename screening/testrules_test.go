package screening

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// The tests of this package, except the clinical spec test (spec_test.go), stand on the
// frozen test rule set of internal/testrules (id exoscreen-test), not on the live content/:
// a clinical change of content/ never breaks them. The package cannot import testrules (it
// imports screening), so the files are read from its folder.

// testRulesDir is the folder of the test rule set (internal/testrules/testdata).
var testRulesDir = filepath.Join("..", "internal", "testrules", "testdata")

var (
	testOnce sync.Once
	testRS   *RuleSet
	testErr  error
)

// testRules loads the test rule set once per test binary.
func testRules(tb testing.TB) *RuleSet {
	tb.Helper()
	testOnce.Do(func() { testRS, testErr = Load(os.DirFS(testRulesDir)) })
	if testErr != nil {
		tb.Fatalf("the test rule set (internal/testrules/testdata) does not load:\n%v", testErr)
	}
	return testRS
}

// testExample is a complete answers file for the test rule set (the example of docs/spec/interfaces.md
// as of rule set 2026.11): verdict relative (cancer treatment_ended, allergy yes).
const testExample = `{"pregnancy": "no", "pregnancy_planned": "no", "breastfeeding": "no",
 "cancer": "treatment_ended", "cancer_years": 7, "infection": "no",
 "product_reaction": "never_treated", "allergy": "yes", "allergy_severe": "no",
 "allergy_to": ["pollen"], "anticoagulant": "no", "bleeding_disorder": "no",
 "immunosuppressant": "no", "other_medication": "no", "autoimmune": "no",
 "chronic_disease": "none", "doctor_advised_against": "no", "blood_donation": "no"}`

// exampleAnswers is testExample under the name the tests used before they stood on the test
// rule set (the spec test's own example, complete for the live content, is specExample).
const exampleAnswers = testExample

// testMildest are answers that place every always-shown question of the test rule set as none.
var testMildest = map[string]Value{
	"pregnancy": code("no"), "pregnancy_planned": code("no"), "breastfeeding": code("no"),
	"cancer": code("none"), "infection": code("no"), "product_reaction": code("never_treated"),
	"allergy": code("none"), "anticoagulant": code("no"), "bleeding_disorder": code("no"),
	"immunosuppressant": code("no"), "other_medication": code("no"), "autoimmune": code("no"),
	"chronic_disease": code("none"), "doctor_advised_against": code("no"), "blood_donation": code("no"),
	"allergy_severe": code("no"), "cancer_years": IntValue(10),
}

// completeTest is complete (spec_test.go) for the test rule set: the given answers, and for
// every other shown required question its mildest answer (testMildest).
func completeTest(tb testing.TB, rs *RuleSet, given map[string]Value) *Answers {
	tb.Helper()
	return completeWith(tb, rs, given, testMildest)
}
