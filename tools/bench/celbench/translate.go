package main

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"
	"github.com/google/cel-go/common/types/traits"
	"github.com/google/cel-go/ext"
	"github.com/google/cel-go/interpreter"
)

// The translation of a rule set into one CEL program. Every question i has the variables
//
//	s<i> bool            answered
//	c<i> string          single: the option code; text: what was written
//	l<i> list(string)    multi: the chosen codes
//	n<i> int, u<i> bool  integer: the number, or unsure
//
// and the program returns [verdict, r_0, ..., r_n-1]: r_i is class*1000 + the index (in file
// order) of the rule that places question i's answer, -1 when the question is hidden, -2 when
// no rule matches. That is everything screening.Result holds (class and needs_confirmation come with
// the rule), so both engines do the same work: which questions are shown (shown_when over
// earlier answers, a hidden question counting as unanswered, as FHIR enableWhen), the
// strictest matching rule of each shown one (the first in file order among equals) and the
// strictest class. Shown flags and placements are computed once each with cel.bind
// (ext.Bindings), the verdict with math.greatest (ext.Math).

// translate returns the CEL source and the variable declarations for rs.
func translate(rs *screening.RuleSet) (string, []cel.EnvOption) {
	var decls []cel.EnvOption
	for i, q := range rs.Questions {
		decls = append(decls, cel.Variable(v("s", i), cel.BoolType))
		switch q.Kind {
		case screening.Single, screening.Free:
			decls = append(decls, cel.Variable(v("c", i), cel.StringType))
		case screening.Multi:
			decls = append(decls, cel.Variable(v("l", i), cel.ListType(cel.StringType)))
		case screening.Integer:
			decls = append(decls, cel.Variable(v("n", i), cel.IntType), cel.Variable(v("u", i), cel.BoolType))
		}
	}
	var verdict, places []string
	for i := range rs.Questions {
		verdict = append(verdict, v("r", i)+" / 1000")
		places = append(places, v("r", i))
	}
	body := fmt.Sprintf("[math.greatest([%s])] + [%s]", strings.Join(verdict, ", "), strings.Join(places, ", "))
	// Bind each shown flag and placement once, innermost-last: each may use the earlier ones.
	for i := len(rs.Questions) - 1; i >= 0; i-- {
		q := rs.Questions[i]
		body = fmt.Sprintf("cel.bind(%s, %s, cel.bind(%s, %s ? %s : -1, %s))",
			v("sh", i), cond(q.ShownWhen, false), v("r", i), v("sh", i), placement(q), body)
	}
	return body, decls
}

// translateInline is the same without cel.bind, whose nested activations cost more than they
// save here: every shown flag is written out where it is used (conditions name only earlier
// questions, so this stays small), and the program returns [r_0, ..., r_n-1] only; the
// verdict is the largest r_i / 1000, taken in Go.
func translateInline(rs *screening.RuleSet) string {
	shown := make([]string, len(rs.Questions))
	for i, q := range rs.Questions {
		shown[i] = condWith(q.ShownWhen, func(j int) string { return shown[j] })
	}
	var places []string
	for i, q := range rs.Questions {
		places = append(places, fmt.Sprintf("(%s ? %s : -1)", shown[i], placement(q)))
	}
	return "[" + strings.Join(places, ", ") + "]"
}

func v(prefix string, i int) string { return prefix + strconv.Itoa(i) }

// byStrictness is q's rules, strictest first, file order among equals: the first that matches
// places the answer.
func byStrictness(q *screening.Question) []int {
	idx := make([]int, len(q.Rules))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return int(q.Rules[b].Class) - int(q.Rules[a].Class) })
	return idx
}

// placement is class*1000 + index of the rule that places q's own answer (-2: none).
func placement(q *screening.Question) string {
	out := "-2"
	order := byStrictness(q)
	for k := len(order) - 1; k >= 0; k-- {
		r := q.Rules[order[k]]
		out = fmt.Sprintf("(%s ? %d : %s)", cond(r.When, true), int(r.Class)*1000+order[k], out)
	}
	return out
}

// cond is a condition; self means it tests its own question's answer (a rule), whose shown
// flag is not consulted; otherwise the shown flag of question j is the bound variable sh<j>.
func cond(c *screening.Condition, self bool) string {
	if self {
		return condWith(c, nil)
	}
	return condWith(c, func(j int) string { return v("sh", j) })
}

// condWith is a condition; shown gives the shown flag of an earlier question (nil: a rule's
// condition on its own question's answer).
func condWith(c *screening.Condition, shown func(int) string) string {
	if c == nil {
		return "true"
	}
	var items []string
	for i := range c.Items {
		items = append(items, item(&c.Items[i], shown))
	}
	op := " && "
	if c.Behavior == screening.Any {
		op = " || "
	}
	return "(" + strings.Join(items, op) + ")"
}

// item is one enableWhen entry, as screening's ConditionItem.match.
func item(it *screening.ConditionItem, shown func(int) string) string {
	q := it.Question
	i := q.Index
	var present string
	switch q.Kind {
	case screening.Multi:
		present = fmt.Sprintf("(%s && size(%s) > 0)", v("s", i), v("l", i))
	case screening.Free:
		present = fmt.Sprintf("(%s && %s != \"\")", v("s", i), v("c", i))
	default:
		present = v("s", i)
	}
	if shown != nil {
		present = fmt.Sprintf("(%s && %s)", shown(i), present)
	}
	if it.Operator == screening.OpExists {
		if it.Exists {
			return present
		}
		return "!" + present
	}
	var test string
	switch q.Kind {
	case screening.Single:
		test = fmt.Sprintf("%s %s %q", v("c", i), celOp(it.Operator), it.Code)
	case screening.Multi:
		test = fmt.Sprintf("(%q in %s)", it.Code, v("l", i))
		if it.Operator == screening.OpNe {
			test = "!" + test
		}
	case screening.Integer:
		switch {
		case it.Unsure && it.Operator == screening.OpEq:
			test = v("u", i)
		case it.Unsure && it.Operator == screening.OpNe:
			test = "!" + v("u", i)
		case it.Unsure:
			test = "false"
		case it.Operator == screening.OpNe:
			// "unsure" is no number: it differs from every number.
			test = fmt.Sprintf("(%s || %s != %d)", v("u", i), v("n", i), it.Int)
		default:
			test = fmt.Sprintf("(!%s && %s %s %d)", v("u", i), v("n", i), celOp(it.Operator), it.Int)
		}
	default:
		test = "false"
	}
	return fmt.Sprintf("(%s && %s)", present, test)
}

func celOp(op screening.Operator) string {
	if op == screening.OpEq {
		return "=="
	}
	return string(op)
}

// compile builds the CEL programs of rs: with cel.bind, and written out (translateInline).
func compile(rs *screening.RuleSet) (bound, inline cel.Program, err error) {
	src, decls := translate(rs)
	env, err := cel.NewEnv(append(decls, ext.Bindings(), ext.Math())...)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range []struct {
		src string
		prg *cel.Program
	}{{src, &bound}, {translateInline(rs), &inline}} {
		ast, iss := env.Compile(p.src)
		if iss.Err() != nil {
			return nil, nil, iss.Err()
		}
		if *p.prg, err = env.Program(ast, cel.EvalOptions(cel.OptOptimize)); err != nil {
			return nil, nil, err
		}
	}
	return bound, inline, nil
}

// nativeActivation is what a caller typically hands cel-go: a map of Go values, made from
// the answers on every evaluation.
func nativeActivation(rs *screening.RuleSet, a *screening.Answers) map[string]any {
	m := make(map[string]any, 2*len(rs.Questions))
	for i, q := range rs.Questions {
		val := a.Get(q)
		m[v("s", i)] = val.Set
		switch q.Kind {
		case screening.Single:
			m[v("c", i)] = val.Code
		case screening.Free:
			m[v("c", i)] = val.Text
		case screening.Multi:
			codes := val.Codes
			if codes == nil {
				codes = []string{}
			}
			m[v("l", i)] = codes
		case screening.Integer:
			m[v("n", i)] = int64(val.Int)
			m[v("u", i)] = val.Unsure
		}
	}
	return m
}

// celActivation is cel-go at its fastest: the answers already converted to CEL values, once,
// outside the timed loop.
func celActivation(rs *screening.RuleSet, a *screening.Answers) (any, error) {
	m := nativeActivation(rs, a)
	for k, x := range m {
		m[k] = types.DefaultTypeAdapter.NativeToValue(x)
	}
	return cel.NewActivation(m)
}

// decode reads a program's output, [verdict, r_0, ...] (withVerdict) or [r_0, ...]: the
// verdict and every question's rule index (-1 hidden, -2 no rule).
func decode(out ref.Val, withVerdict bool) (screening.Class, []int, error) {
	native, err := out.ConvertToNative(reflect.TypeFor[[]int64]())
	if err != nil {
		return 0, nil, err
	}
	xs := native.([]int64)
	verdict := screening.None
	if withVerdict {
		verdict, xs = screening.Class(xs[0]), xs[1:]
	}
	rules := make([]int, len(xs))
	for i, x := range xs {
		if x >= 0 {
			if !withVerdict {
				verdict = max(verdict, screening.Class(x/1000))
			}
			x %= 1000
		}
		rules[i] = int(x)
	}
	return verdict, rules, nil
}

// verdictOf is the verdict of the inline program's output, as decode takes it, without
// allocating: the part of the work the inline variant leaves to Go.
func verdictOf(out ref.Val) screening.Class {
	l := out.(traits.Lister)
	verdict := screening.None
	n := int(l.Size().(types.Int))
	for i := range n {
		if x := int64(l.Get(types.Int(i)).(types.Int)); x >= 0 {
			verdict = max(verdict, screening.Class(x/1000))
		}
	}
	return verdict
}

// ours is the same output from screening's result.
func ours(rs *screening.RuleSet, res *screening.Result) (screening.Class, []int) {
	rules := make([]int, len(rs.Questions))
	for i := range rules {
		rules[i] = -1
	}
	for _, f := range res.Findings {
		rules[f.Question.Index] = slices.Index(f.Question.Rules, f.Rule)
	}
	return res.Verdict, rules
}

// slotActivation resolves the variables by their name's letter and number from slices of CEL
// values, without a map: the cheapest activation cel-go can be given.
type slotActivation struct {
	vals [5][]ref.Val // by kind: s c l n u
}

// slotKind is the slot of a variable's first letter.
func slotKind(c byte) int {
	switch c {
	case 's':
		return 0
	case 'c':
		return 1
	case 'l':
		return 2
	case 'n':
		return 3
	case 'u':
		return 4
	}
	return -1
}

// ResolveName implements interpreter.Activation.
func (a *slotActivation) ResolveName(name string) (any, bool) {
	if len(name) < 2 {
		return nil, false
	}
	k := slotKind(name[0])
	if k < 0 {
		return nil, false
	}
	i := 0
	for _, c := range []byte(name[1:]) {
		if c < '0' || c > '9' {
			return nil, false
		}
		i = i*10 + int(c-'0')
	}
	if i >= len(a.vals[k]) || a.vals[k][i] == nil {
		return nil, false
	}
	return a.vals[k][i], true
}

// Parent implements interpreter.Activation.
func (a *slotActivation) Parent() interpreter.Activation { return nil }

// slots makes the slot activation of a.
func slots(rs *screening.RuleSet, a *screening.Answers) *slotActivation {
	act := &slotActivation{}
	for k := range act.vals {
		act.vals[k] = make([]ref.Val, len(rs.Questions))
	}
	for name, x := range nativeActivation(rs, a) {
		i, _ := strconv.Atoi(name[1:])
		act.vals[slotKind(name[0])][i] = types.DefaultTypeAdapter.NativeToValue(x)
	}
	return act
}
