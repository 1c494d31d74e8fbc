package screening

import "errors"

// Finding is how one shown question's answer was placed.
type Finding struct {
	Question *Question
	Rule     *Rule // the rule that placed the answer
	// Answer is the placed answer. It points into the Answers given to EvaluateInto (so it
	// changes with them), or into a copy that belongs to the result of Evaluate.
	Answer            *Value
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

	shown []bool // EvaluateInto's scratch: which questions are shown
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

// errOtherRuleSet refuses answers of another rule set.
var errOtherRuleSet = errors.New("screening: answers belong to another rule set")

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
// nothing is ever guessed. Evaluate does not change a, and the result keeps its own copy of
// the answers, so a may change afterwards. It is safe for concurrent use on the same RuleSet
// with different Answers.
func (rs *RuleSet) Evaluate(a *Answers) (*Result, error) {
	if a.rs != rs {
		return nil, errOtherRuleSet
	}
	var stack [maxStackQuestions]bool
	shown, n, ok := a.check(&stack)
	if !ok {
		return nil, a.Problems()
	}
	res := &Result{RuleSet: rs, Findings: make([]Finding, 0, n)}
	vals := make([]Value, 0, n)
	for i := range rs.Questions {
		if shown[i] {
			vals = append(vals, a.vals[i])
		}
	}
	if err := rs.place(res, vals, shown); err != nil {
		return nil, err
	}
	return res, nil
}

// EvaluateInto is Evaluate without allocating: it fills res (reusing its findings slice) and
// returns nil, or an error as Evaluate does. The findings point at a's answers, so res is
// valid only until a changes; the caller owns both and must not share them between
// goroutines. On an error res holds no findings and the verdict Absolute, so that a result
// used in spite of the error never reads as "none".
func (rs *RuleSet) EvaluateInto(a *Answers, res *Result) error {
	res.RuleSet = rs
	res.Verdict = Absolute
	res.Findings = res.Findings[:0]
	if a.rs != rs {
		return errOtherRuleSet
	}
	if cap(res.shown) < len(a.vals) {
		res.shown = make([]bool, len(a.vals))
	}
	shown := res.shown[:len(a.vals)] // each flag is set before it is read
	if cap(res.Findings) < len(rs.Questions) {
		res.Findings = make([]Finding, 0, len(rs.Questions))
	}
	fs := res.Findings[:len(rs.Questions)]
	nf := 0
	// One pass, as check and place: a question's condition names earlier questions only.
	verdict := None
	for i, q := range rs.Questions {
		v := &a.vals[i]
		sh := q.ShownWhen == nil || q.ShownWhen.eval(a.vals, shown, nil)
		shown[i] = sh
		if sh != v.Set && (v.Set || !q.Optional) {
			res.Findings = res.Findings[:0]
			return a.Problems()
		}
		if !sh {
			continue
		}
		r := q.placed(v)
		if r == nil {
			res.Findings = res.Findings[:0]
			return errNoRule
		}
		f := &fs[nf]
		nf++
		f.Question, f.Rule, f.Answer = q, r, v
		f.Class, f.NeedsConfirmation = r.Class, r.NeedsConfirmation
		verdict = max(verdict, r.Class)
	}
	res.Findings = fs[:nf]
	res.Verdict = verdict
	return nil
}

// place appends a finding for every shown question to res.Findings and sets the verdict.
// vals holds the answers to the shown questions, in order; the findings point into it.
func (rs *RuleSet) place(res *Result, vals []Value, shown []bool) error {
	res.Verdict = None
	j := 0
	for i, q := range rs.Questions {
		if !shown[i] {
			continue
		}
		v := &vals[j]
		j++
		r := q.placed(v)
		if r == nil {
			res.Findings = res.Findings[:0]
			res.Verdict = Absolute
			return errNoRule
		}
		res.Findings = append(res.Findings, Finding{
			Question: q, Answer: v, Class: r.Class, NeedsConfirmation: r.NeedsConfirmation, Rule: r,
		})
		res.Verdict = max(res.Verdict, r.Class)
	}
	return nil
}
