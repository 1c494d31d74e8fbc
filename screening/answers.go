package screening

import "slices"

// Value is the answer to one question. The zero Value is "no answer".
type Value struct {
	Set    bool     // the question was answered
	Unsure bool     // Integer: answered "unsure" (next to Set: a smaller Value)
	opt    uint32   // Single: 1 + the index of Code among its question's options when known (0: look it up)
	Code   string   // Single: the chosen option code (UnsureCode for unsure)
	Codes  []string // Multi: the chosen option codes, in option order
	Int    int      // Integer: the number, unless Unsure
	Text   string   // Text: what was written
}

// CodeValue is a Single answer.
func CodeValue(code string) Value { return Value{Set: true, Code: code} }

// CodesValue is a Multi answer; the codes are kept as given.
func CodesValue(codes ...string) Value {
	return Value{Set: true, Codes: codes}
}

// IntValue is an Integer answer.
func IntValue(n int) Value { return Value{Set: true, Int: n} }

// UnsureInt is the "unsure" answer to an Integer question.
func UnsureInt() Value { return Value{Set: true, Unsure: true} }

// TextValue is a Text answer.
func TextValue(s string) Value { return Value{Set: true, Text: s} }

// IsUnsure reports whether the answer is "unsure", for any kind of question.
func (v Value) IsUnsure() bool { return v.Set && (v.Unsure || v.Code == UnsureCode) }

// present reports whether v counts as an answer for FHIR enableWhen (an empty multi or text
// answer is no answer) to a question of kind k.
func (v *Value) present(k kindCode) bool {
	if !v.Set {
		return false
	}
	switch k {
	case kcMulti:
		return len(v.Codes) > 0
	case kcFree:
		return v.Text != ""
	}
	return true
}

// Answers holds the answers of one screening for one rule set. It is not safe for concurrent
// use; each screening has its own.
type Answers struct {
	rs   *RuleSet
	vals []Value
}

// NewAnswers returns an empty set of answers for rs.
func (rs *RuleSet) NewAnswers() *Answers {
	return &Answers{rs: rs, vals: make([]Value, len(rs.Questions))}
}

// RuleSet is the rule set these answers belong to.
func (a *Answers) RuleSet() *RuleSet { return a.rs }

// Get returns the answer to q as stored (also when q is currently hidden).
func (a *Answers) Get(q *Question) Value { return a.vals[q.Index] }

// Set stores an answer to q after checking it fits the question; a zero Value clears it.
func (a *Answers) Set(q *Question, v Value) error {
	if v.Set {
		if err := q.Check(v); err != nil {
			return err
		}
		if q.Kind == Multi {
			v.Codes = q.sortCodes(v.Codes)
		}
		v = q.indexed(v)
	}
	a.vals[q.Index] = v
	return nil
}

// indexed notes in a checked Single answer which option it is, so that the engine finds its
// placement without searching the options.
func (q *Question) indexed(v Value) Value {
	v.opt = 0
	if i, ok := q.optionIndex[v.Code]; q.Kind == Single && ok {
		v.opt = uint32(i + 1)
	}
	return v
}

// Clear removes every answer.
func (a *Answers) Clear() { clear(a.vals) }

// Clone returns an independent copy.
func (a *Answers) Clone() *Answers {
	c := &Answers{rs: a.rs, vals: slices.Clone(a.vals)}
	for i := range c.vals {
		c.vals[i].Codes = slices.Clone(c.vals[i].Codes)
	}
	return c
}

// Check reports whether v is a possible answer to q (known option, integer in range).
func (q *Question) Check(v Value) *AnswerError {
	switch q.Kind {
	case Single:
		if q.Option(v.Code) == nil {
			return &AnswerError{Question: q.ID, Kind: ErrUnknownOption, Got: quote(v.Code), q: q}
		}
	case Multi:
		for i, c := range v.Codes {
			if q.Option(c) == nil {
				return &AnswerError{Question: q.ID, Kind: ErrUnknownOption, Got: quote(c), q: q}
			}
			if slices.Contains(v.Codes[:i], c) {
				return &AnswerError{Question: q.ID, Kind: ErrDuplicateOption, Got: quote(c), q: q}
			}
		}
	case Integer:
		if v.Unsure {
			if !q.AllowUnsure {
				return &AnswerError{Question: q.ID, Kind: ErrUnknownOption, Got: quote(UnsureCode), q: q}
			}
		} else if v.Int < q.Min || v.Int > q.Max {
			return &AnswerError{Question: q.ID, Kind: ErrOutOfRange, Got: itoa(v.Int), q: q}
		}
	}
	return nil
}

// sortCodes returns codes in the question's option order (a new slice).
func (q *Question) sortCodes(codes []string) []string {
	out := make([]string, 0, len(codes))
	for _, o := range q.Options {
		if slices.Contains(codes, o.Code) {
			out = append(out, o.Code)
		}
	}
	return out
}

// Shown reports, for every question in order, whether it is shown given these answers.
// A hidden question counts as unanswered in the conditions of later questions.
func (a *Answers) Shown() []bool {
	shown := make([]bool, len(a.vals))
	a.shownInto(shown)
	return shown
}

func (a *Answers) shownInto(shown []bool) {
	for i, q := range a.rs.Questions {
		shown[i] = q.ShownWhen == nil || q.ShownWhen.eval(a.vals, shown, nil)
	}
}

// IsShown reports whether q is shown given these answers.
func (a *Answers) IsShown(q *Question) bool {
	if q.ShownWhen == nil {
		return true
	}
	return a.Shown()[q.Index]
}

// Visible returns the questions shown given these answers, in questionnaire order.
func (a *Answers) Visible() []*Question {
	shown := a.Shown()
	out := make([]*Question, 0, len(shown))
	for i, s := range shown {
		if s {
			out = append(out, a.rs.Questions[i])
		}
	}
	return out
}

// Prune drops the answers to questions that are not shown, as the engine treats them, and
// reports how many it dropped.
func (a *Answers) Prune() int {
	n := 0
	for i, s := range a.Shown() {
		if !s && a.vals[i].Set {
			a.vals[i] = Value{}
			n++
		}
	}
	return n
}

// Problems lists what keeps these answers from being evaluated: a shown question that needs
// an answer and has none, or an answer to a question that is not shown. Nil when complete.
func (a *Answers) Problems() AnswerErrors {
	var errs AnswerErrors
	shown := a.Shown()
	for i, q := range a.rs.Questions {
		v := a.vals[i]
		switch {
		case shown[i] && !v.Set && !q.Optional:
			errs = append(errs, &AnswerError{Question: q.ID, Kind: ErrMissing, q: q})
		case !shown[i] && v.Set:
			errs = append(errs, &AnswerError{Question: q.ID, Kind: ErrNotShown, q: q})
		}
	}
	return errs
}
