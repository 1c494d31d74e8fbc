package screening

import "errors"

// Finding is how one shown question's answer was placed.
type Finding struct {
	Question          *Question
	Rule              *Rule // the rule that placed the answer
	Answer            Value
	Class             Class
	NeedsConfirmation bool
}

// Reason is why the answer was placed in its class, in lang.
func (f *Finding) Reason(lang Lang) string { return f.Rule.Reason.In(lang) }

// SourceKeys are the keys of the sources behind the finding.
func (f *Finding) SourceKeys() []string { return f.Rule.SourceKeys }

// Result is the outcome of one screening.
type Result struct {
	RuleSet  *RuleSet
	Verdict  Class     // the strictest class among the findings
	Findings []Finding // one per shown question, in questionnaire order
}

// NeedsConfirmation counts the findings flagged 要確認.
func (r *Result) NeedsConfirmation() int {
	n := 0
	for i := range r.Findings {
		if r.Findings[i].NeedsConfirmation {
			n++
		}
	}
	return n
}

// Count returns how many findings have class c.
func (r *Result) Count(c Class) int {
	n := 0
	for i := range r.Findings {
		if r.Findings[i].Class == c {
			n++
		}
	}
	return n
}

// errNoRule is impossible for a rule set that passed Load (coverage is checked there).
var errNoRule = errors.New("screening: no rule matches an answer (rule set not validated)")

// check works out which questions are shown (in stack when they fit, so that nothing is
// allocated), how many, and whether the answers are complete: every shown question that
// needs an answer has one and no hidden question has one (Problems says what is wrong).
func (a *Answers) check(stack *[maxStackQuestions]bool) (shown []bool, n int, ok bool) {
	if len(a.vals) <= maxStackQuestions {
		shown = stack[:len(a.vals)]
	} else {
		shown = make([]bool, len(a.vals))
	}
	a.shownInto(shown)
	for i, q := range a.rs.Questions {
		if v := a.vals[i]; shown[i] != v.Set && (v.Set || !q.Optional) {
			return shown, n, false
		}
		if shown[i] {
			n++
		}
	}
	return shown, n, true
}

// maxStackQuestions is how many questions Evaluate tracks without allocating.
const maxStackQuestions = 64

// Evaluate places every answer of a complete set of answers and returns the result. It
// refuses (with AnswerErrors) answers that miss a shown question or answer a hidden one:
// nothing is ever guessed. Evaluate does not change a and is safe for concurrent use on the
// same RuleSet with different Answers.
func (rs *RuleSet) Evaluate(a *Answers) (*Result, error) {
	if a.rs != rs {
		return nil, errors.New("screening: answers belong to another rule set")
	}
	var stack [maxStackQuestions]bool
	shown, n, ok := a.check(&stack)
	if !ok {
		return nil, a.Problems()
	}

	res := &Result{RuleSet: rs, Findings: make([]Finding, 0, n)}
	for i, q := range rs.Questions {
		if !shown[i] {
			continue
		}
		v := a.vals[i]
		r := q.placed(v)
		if r == nil {
			return nil, errNoRule
		}
		res.Findings = append(res.Findings, Finding{
			Question: q, Answer: v, Class: r.Class, NeedsConfirmation: r.NeedsConfirmation, Rule: r,
		})
		if r.Class > res.Verdict {
			res.Verdict = r.Class
		}
	}
	return res, nil
}
