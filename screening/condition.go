package screening

import "slices"

// eval tests the condition against vals, where shown tells which questions are shown (a
// hidden question has no answer). self, when not nil, is the answer a rule's condition tests
// in place of its question's stored answer.
func (c *Condition) eval(vals []Value, shown []bool, self *Value) bool {
	if c == nil {
		return true
	}
	for i := range c.Items {
		it := &c.Items[i]
		v := &noAnswer
		if self != nil {
			v = self
		} else if shown[it.Question.Index] {
			v = &vals[it.Question.Index]
		}
		ok := it.match(v)
		if c.Behavior == Any && ok {
			return true
		}
		if c.Behavior != Any && !ok {
			return false
		}
	}
	return c.Behavior != Any
}

// noAnswer is the answer of a hidden question, for eval (never changed).
var noAnswer Value

// match tests one item against the answer v of its question, with FHIR enableWhen semantics:
// without an answer every operator is false except "exists false". v is not changed.
func (it *ConditionItem) match(v *Value) bool {
	k := it.Question.Kind
	present := v.present(k)
	if it.Operator == OpExists {
		return present == it.Exists
	}
	if !present {
		return false
	}
	switch k {
	case Single:
		switch it.Operator {
		case OpEq:
			return v.Code == it.Code
		case OpNe:
			return v.Code != it.Code
		}
	case Multi:
		has := slices.Contains(v.Codes, it.Code)
		switch it.Operator {
		case OpEq:
			return has
		case OpNe:
			return !has
		}
	case Integer:
		if it.Unsure {
			switch it.Operator {
			case OpEq:
				return v.Unsure
			case OpNe:
				return !v.Unsure
			}
			return false
		}
		if v.Unsure {
			// "unsure" is no number: it differs from every number and is not ordered.
			return it.Operator == OpNe
		}
		switch it.Operator {
		case OpEq:
			return v.Int == it.Int
		case OpNe:
			return v.Int != it.Int
		case OpGt:
			return v.Int > it.Int
		case OpLt:
			return v.Int < it.Int
		case OpGe:
			return v.Int >= it.Int
		case OpLe:
			return v.Int <= it.Int
		}
	}
	return false
}

// Matches reports whether a rule's condition matches the answer v of its question.
func (r *Rule) Matches(v Value) bool {
	return r.When.eval(nil, nil, &v)
}

// place returns the strictest rule matching v (the first in file order among equals), or nil.
func (q *Question) place(v Value) *Rule {
	var best *Rule
	for _, r := range q.Rules {
		if (best == nil || r.Class > best.Class) && r.Matches(v) {
			best = r
		}
	}
	return best
}

// maxTableSpan bounds the integer range placed by table; a wider range is placed by rules.
const maxTableSpan = 4096

// buildTables precomputes, for a rule set that passed lint, the rule that places every
// option of a single question and every answer of an integer question with a small range,
// so that Evaluate looks placements up instead of testing rules.
func (rs *RuleSet) buildTables() {
	for _, q := range rs.Questions {
		switch q.Kind {
		case Single:
			q.byOption = make([]*Rule, len(q.Options))
			for i, o := range q.Options {
				q.byOption[i] = q.place(CodeValue(o.Code))
			}
		case Integer:
			if q.Max-q.Min < maxTableSpan {
				q.byInt = make([]*Rule, q.Max-q.Min+1)
				for i := range q.byInt {
					q.byInt[i] = q.place(IntValue(q.Min + i))
				}
			}
			if q.AllowUnsure {
				q.byUnsure = q.place(UnsureInt())
			}
		}
	}
}

// placed is place, by table where there is one. v is not changed (a pointer only to spare
// the copy).
func (q *Question) placed(v *Value) *Rule {
	if v.Set {
		switch q.Kind {
		case Single:
			// A scan beats the option map for a handful of options; codes parsed from an
			// answers file share the option's string, so most compares stop at the pointer.
			for i, o := range q.Options {
				if q.byOption != nil && o.Code == v.Code {
					return q.byOption[i]
				}
			}
		case Integer:
			if v.Unsure {
				if q.byUnsure != nil {
					return q.byUnsure
				}
			} else if n := v.Int - q.Min; q.byInt != nil && n >= 0 && n < len(q.byInt) {
				return q.byInt[n]
			}
		}
	}
	return q.place(*v)
}
