package screening

import "slices"

// eval tests the condition against vals, where shown tells which questions are shown (a
// hidden question has no answer). self, when not nil, is the answer a rule's condition tests
// in place of its question's stored answer.
func (c *Condition) eval(vals []Value, shown []bool, self *Value) bool {
	if c == nil {
		return true
	}
	// Every item is tested (no early return): conditions have a few items, and a loop whose
	// length does not depend on the answers is cheaper than a mispredicted branch.
	anyOf := c.Behavior == Any
	all, some := true, false
	for i := range c.Items {
		it := &c.Items[i]
		v := &noAnswer
		if self != nil {
			v = self
		} else if shown[it.Question.Index] {
			v = &vals[it.Question.Index]
		}
		ok := it.match(v)
		all = all && ok
		some = some || ok
	}
	if anyOf {
		return some
	}
	return all
}

// noAnswer is the answer of a hidden question, for eval (never changed).
var noAnswer Value

// kindCode is a Kind as a small number, so that the engine's switches compare bytes, not
// strings. 0 is also "not worked out yet" (kindOf then works it out from the Kind).
type kindCode uint8

const (
	kcOther kindCode = iota
	kcSingle
	kcMulti
	kcInteger
	kcFree
)

func kindCodeOf(k Kind) kindCode {
	switch k {
	case Single:
		return kcSingle
	case Multi:
		return kcMulti
	case Integer:
		return kcInteger
	case Free:
		return kcFree
	}
	return kcOther
}

// kindOf is q's kind code: noted by buildTables, else worked out.
func (q *Question) kindOf() kindCode {
	if q.kc != kcOther {
		return q.kc
	}
	return kindCodeOf(q.Kind)
}

// opCode is an Operator as a small number (0 also "not worked out yet"), as kindCode.
type opCode uint8

const (
	ocOther opCode = iota
	ocExists
	ocEq
	ocNe
	ocGt
	ocLt
	ocGe
	ocLe
)

func opCodeOf(o Operator) opCode {
	switch o {
	case OpExists:
		return ocExists
	case OpEq:
		return ocEq
	case OpNe:
		return ocNe
	case OpGt:
		return ocGt
	case OpLt:
		return ocLt
	case OpGe:
		return ocGe
	case OpLe:
		return ocLe
	}
	return ocOther
}

// opOf is the item's operator code: noted by buildTables, else worked out.
func (it *ConditionItem) opOf() opCode {
	if it.oc != ocOther {
		return it.oc
	}
	return opCodeOf(it.Operator)
}

// match tests one item against the answer v of its question, with FHIR enableWhen semantics:
// without an answer every operator is false except "exists false". v is not changed.
func (it *ConditionItem) match(v *Value) bool {
	k := it.Question.kindOf()
	op := it.opOf()
	present := v.present(k)
	if op == ocExists {
		return present == it.Exists
	}
	if !present {
		return false
	}
	switch k {
	case kcSingle:
		// By the options that match, worked out by buildTables, when the answer carries its
		// option index: Answers.Set and the parsers note it for the question it answers,
		// Matches clears it, and only a loaded rule set (with its tables) has options to note.
		if v.opt != 0 {
			return it.byOpt[v.opt-1]
		}
		switch op {
		case ocEq:
			return v.Code == it.Code
		case ocNe:
			return v.Code != it.Code
		}
	case kcMulti:
		has := slices.Contains(v.Codes, it.Code)
		switch op {
		case ocEq:
			return has
		case ocNe:
			return !has
		}
	case kcInteger:
		if it.Unsure {
			switch op {
			case ocEq:
				return v.Unsure
			case ocNe:
				return !v.Unsure
			}
			return false
		}
		if v.Unsure {
			// "unsure" is no number: it differs from every number and is not ordered.
			return op == ocNe
		}
		switch op {
		case ocEq:
			return v.Int == it.Int
		case ocNe:
			return v.Int != it.Int
		case ocGt:
			return v.Int > it.Int
		case ocLt:
			return v.Int < it.Int
		case ocGe:
			return v.Int >= it.Int
		case ocLe:
			return v.Int <= it.Int
		}
	}
	return false
}

// Matches reports whether a rule's condition matches the answer v of its question.
func (r *Rule) Matches(v Value) bool {
	v.opt = 0 // v may come from another question's answers
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
		q.kc = kindCodeOf(q.Kind)
		codeOps(q.ShownWhen)
		for _, r := range q.Rules {
			codeOps(r.When)
		}
		// A rule without a condition that is the first of the strictest class places every
		// answer (multi and text questions recorded for the physician).
		var first *Rule
		for _, r := range q.Rules {
			if first == nil || r.Class > first.Class {
				first = r
			}
		}
		if first != nil && first.When == nil {
			q.byAll = first
		}
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

// codeOps notes the operator code of every item of c, and for a single-choice question
// whether each of its options matches.
func codeOps(c *Condition) {
	if c == nil {
		return
	}
	for i := range c.Items {
		it := &c.Items[i]
		it.oc = opCodeOf(it.Operator)
		if q := it.Question; q.Kind == Single {
			it.byOpt = make([]bool, len(q.Options))
			for j, o := range q.Options {
				it.byOpt[j] = it.match(&Value{Set: true, Code: o.Code})
			}
		}
	}
}

// placed is place, by table where there is one. v is not changed (a pointer only to spare
// the copy).
func (q *Question) placed(v *Value) *Rule {
	if q.byAll != nil {
		return q.byAll
	}
	if v.Set {
		switch q.kindOf() {
		case kcSingle:
			// The option noted by Answers.Set and the parsers (only in a loaded rule set,
			// which has the tables), else a scan, which beats the option map for a handful
			// of options.
			if v.opt != 0 {
				return q.byOption[v.opt-1]
			}
			for i, o := range q.Options {
				if q.byOption != nil && o.Code == v.Code {
					return q.byOption[i]
				}
			}
		case kcInteger:
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
