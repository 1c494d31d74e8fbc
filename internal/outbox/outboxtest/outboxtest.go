// Package outboxtest builds screening results for the tests of the outbox, the kiosk and the
// inbox.
package outboxtest

import (
	"encoding/json"
	"testing"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// Answers are the example answers of docs/spec/interfaces.md as of rule set 2026.11, complete for the
// test rule set (RuleSet): verdict relative (allergy and cancer).
var Answers = map[string]any{
	"pregnancy": "no", "pregnancy_planned": "no", "breastfeeding": "no",
	"cancer": "treatment_ended", "cancer_years": 7, "infection": "no",
	"product_reaction": "never_treated", "allergy": "yes", "allergy_severe": "no",
	"allergy_to": []string{"pollen"}, "anticoagulant": "no", "bleeding_disorder": "no",
	"immunosuppressant": "no", "other_medication": "no", "autoimmune": "no",
	"chronic_disease": "none", "doctor_advised_against": "no", "blood_donation": "no",
}

// RuleSet is the test rule set (internal/testrules), not the live content/: Answers is
// complete for it whatever a clinic changes in content/.
func RuleSet(t testing.TB) *screening.RuleSet {
	t.Helper()
	return testrules.Load(t)
}

// Result evaluates Answers with the given changes (a nil value deletes an answer).
func Result(t testing.TB, rs *screening.RuleSet, changes map[string]any) *screening.Result {
	t.Helper()
	m := make(map[string]any, len(Answers)+len(changes))
	for k, v := range Answers {
		m[k] = v
	}
	for k, v := range changes {
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	a, err := rs.ParseAnswers(data, 0)
	if err != nil {
		t.Fatalf("answers: %v", err)
	}
	res, err := rs.Evaluate(a)
	if err != nil {
		t.Fatalf("evaluate: %v", err)
	}
	return res
}

// Hostile is free text with escape sequences that would act on a terminal: clear the screen,
// set the window title, an OSC 8 link, a bidi override and a bell.
const Hostile = "aspirin\x1b[2J\x1b]0;pwned\x07\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\\u202eevil\x9b31m\a"
