package screening

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// Property tests of the engine over the test rule set (internal/testrules). Whether each
// answer gets the class docs/spec/rules.md gives is the spec test's job (TestSpecPlacement, over the
// live content/, every answer of every question); these tests check the engine's invariants,
// which hold for any valid rule set.
//
// What is exhaustive and what is sampled (the full product of every question's answers is
// about 1.5e9 complete answer sets for the test rules, too many to run in a unit test):
//
//  1. Groups. Questions are split into dependency groups: a question and every question its
//     shown_when names, transitively (pregnancy+pregnancy_planned, cancer+cancer_years,
//     allergy+allergy_severe+allergy_to, the three medicine questions+medication_names, and
//     every other question alone). Inside a group EVERY consistent combination of answers is
//     enumerated (hidden questions unanswered). "Every answer" is: every option of a single
//     question; for an integer question min, max, every bound of its rules' conditions and
//     its neighbours (so 4, 5, 6 for "< 5" / ">= 5") and unsure; for a multi question no
//     answer / the empty answer where optional, each option alone and all options; for a text
//     question no answer / "" where optional and a text.
//  2. Pairs. For every PAIR of groups, the full product of the two groups' combinations, with
//     every other group at its first (mildest) combination and, again, at its last (strictest)
//     one. This covers every interaction between two questions exhaustively.
//  3. Sample. A seeded random sample of complete answer sets over all groups (randomCount).
//
// With -short, 2. uses the mildest base only and 3. a tenth of the sample.
//
// On every answer set checked: no panic; each shown question has exactly one finding, in
// questionnaire order, and no hidden one has any; the verdict is the strictest class of the
// findings; an unsure answer is never none and is flagged needs_confirmation; each finding
// is its rule's; and changing any one single-choice answer to
// a stricter option (by its own class) never gives a milder verdict (newly shown follow-ups
// get their mildest answer, the worst case for this property).

const randomCount = 30000

// domain lists the answers to check for q (see 1. above).
func domain(q *Question) []Value {
	var out []Value
	switch q.Kind {
	case Single:
		for _, o := range q.Options {
			out = append(out, CodeValue(o.Code))
		}
	case Multi:
		if q.Optional {
			out = append(out, Value{}, CodesValue())
		}
		all := make([]string, 0, len(q.Options))
		for _, o := range q.Options {
			out = append(out, CodesValue(o.Code))
			all = append(all, o.Code)
		}
		out = append(out, CodesValue(all...))
	case Integer:
		set := map[int]bool{q.Min: true, q.Max: true}
		for _, r := range q.Rules {
			if r.When == nil {
				continue
			}
			for _, it := range r.When.Items {
				if !it.Unsure && it.Operator != OpExists {
					for _, n := range []int{it.Int - 1, it.Int, it.Int + 1} {
						if n >= q.Min && n <= q.Max {
							set[n] = true
						}
					}
				}
			}
		}
		nums := make([]int, 0, len(set))
		for n := range set {
			nums = append(nums, n)
		}
		sort.Ints(nums)
		for _, n := range nums {
			out = append(out, IntValue(n))
		}
		if q.AllowUnsure {
			out = append(out, UnsureInt())
		}
	case Free:
		if q.Optional {
			out = append(out, Value{}, TextValue(""))
		}
		out = append(out, TextValue("ワーファリン"))
	}
	return out
}

// groups splits the questions into dependency groups (see 1. above), in questionnaire order.
func groups(rs *RuleSet) [][]*Question {
	parent := make([]int, len(rs.Questions))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	for _, q := range rs.Questions {
		if q.ShownWhen != nil {
			for _, it := range q.ShownWhen.Items {
				a, b := find(q.Index), find(it.Question.Index)
				if a != b {
					parent[max(a, b)] = min(a, b)
				}
			}
		}
	}
	byRoot := map[int][]*Question{}
	var roots []int
	for _, q := range rs.Questions {
		r := find(q.Index)
		if byRoot[r] == nil {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], q)
	}
	out := make([][]*Question, len(roots))
	for i, r := range roots {
		out[i] = byRoot[r]
	}
	return out
}

// combo is a consistent assignment of answers to a group's questions (index = question index).
type combo map[int]Value

// groupCombos enumerates every consistent combination of answers within a group: the shown
// questions take each answer of their domain, hidden ones none. Shown-ness inside a group
// depends only on the group (that is how groups are made).
func groupCombos(rs *RuleSet, g []*Question) []combo {
	var out []combo
	var rec func(i int, a *Answers, c combo)
	rec = func(i int, a *Answers, c combo) {
		if i == len(g) {
			cc := combo{}
			for k, v := range c {
				cc[k] = v
			}
			out = append(out, cc)
			return
		}
		q := g[i]
		if !a.IsShown(q) {
			rec(i+1, a, c)
			return
		}
		for _, v := range domain(q) {
			a.vals[q.Index] = v
			c[q.Index] = v
			rec(i+1, a, c)
		}
		a.vals[q.Index] = Value{}
		delete(c, q.Index)
	}
	rec(0, rs.NewAnswers(), combo{})
	// mildest first, strictest last (by the strictest class any answer of the combo gets)
	sort.SliceStable(out, func(i, j int) bool { return comboClass(rs, out[i]) < comboClass(rs, out[j]) })
	return out
}

func comboClass(rs *RuleSet, c combo) Class {
	var m Class
	for i, v := range c {
		if r := rs.Questions[i].place(v); r != nil && r.Class > m {
			m = r.Class
		}
	}
	return m
}

func sameValue(a, b Value) bool {
	return a.Set == b.Set && a.Code == b.Code && a.Int == b.Int && a.Unsure == b.Unsure &&
		a.Text == b.Text && slices.Equal(a.Codes, b.Codes)
}

type checker struct {
	t      *testing.T
	rs     *RuleSet
	shown  []bool
	checks int
	into   Result // reused by every EvaluateInto, as the batch command does
}

// check evaluates one complete answer set through both paths, Evaluate and EvaluateInto
// (reusing one Result), and verifies every property of both results. It returns the verdict.
func (c *checker) check(a *Answers) Class {
	c.t.Helper()
	c.checks++
	res, err := c.rs.Evaluate(a)
	if err != nil {
		c.t.Fatalf("Evaluate refused a complete answer set %s: %v", dump(a), err)
	}
	verdict := c.verify(a, res)
	if err := c.rs.EvaluateInto(a, &c.into); err != nil {
		c.t.Fatalf("EvaluateInto refused a complete answer set %s: %v", dump(a), err)
	}
	if v := c.verify(a, &c.into); v != verdict {
		c.t.Fatalf("EvaluateInto verdict %s, Evaluate %s: %s", v, verdict, dump(a))
	}
	for i := range res.Findings {
		f, g := &res.Findings[i], &c.into.Findings[i]
		if f.Question != g.Question || f.Rule != g.Rule || f.Class != g.Class || f.NeedsConfirmation != g.NeedsConfirmation || !sameValue(*f.Answer, *g.Answer) {
			c.t.Fatalf("%s: EvaluateInto and Evaluate differ: %s", f.Question.ID, dump(a))
		}
	}
	return verdict
}

// verify checks every property of res, the result of a, and returns its verdict.
func (c *checker) verify(a *Answers, res *Result) Class {
	c.t.Helper()
	a.shownInto(c.shown)
	fi := 0
	var strictest Class
	for i, q := range c.rs.Questions {
		if !c.shown[i] {
			if fi < len(res.Findings) && res.Findings[fi].Question == q {
				c.t.Fatalf("hidden question %s has a finding: %s", q.ID, dump(a))
			}
			continue
		}
		if fi >= len(res.Findings) || res.Findings[fi].Question != q {
			c.t.Fatalf("shown question %s has no finding (or out of order): %s", q.ID, dump(a))
		}
		f := res.Findings[fi]
		fi++
		v := a.vals[i]
		if !sameValue(*f.Answer, v) {
			c.t.Fatalf("%s: finding answer %+v, answered %+v", q.ID, f.Answer, v)
		}
		if f.Rule == nil || f.Rule.Class != f.Class || f.Rule.NeedsConfirmation != f.NeedsConfirmation || f.Rule.Question != q {
			c.t.Fatalf("%s: finding does not match its rule", q.ID)
		}
		if v.IsUnsure() && (f.Class == None || !f.NeedsConfirmation) {
			c.t.Fatalf("%s: unsure placed %s, needs_confirmation %v: %s", q.ID, f.Class, f.NeedsConfirmation, dump(a))
		}
		strictest = max(strictest, f.Class)
	}
	if fi != len(res.Findings) {
		c.t.Fatalf("%d findings, %d shown questions: %s", len(res.Findings), fi, dump(a))
	}
	if res.Verdict != strictest {
		c.t.Fatalf("verdict %s, strictest finding %s: %s", res.Verdict, strictest, dump(a))
	}
	return res.Verdict
}

// checkMonotone checks that no single stricter answer to a single-choice question gives a
// milder verdict than verdict (the verdict of a).
func (c *checker) checkMonotone(a *Answers, verdict Class) {
	c.t.Helper()
	shown := a.Shown()
	for i, q := range c.rs.Questions {
		if !shown[i] || q.Kind != Single {
			continue
		}
		cur := q.place(a.vals[i]).Class
		for _, o := range q.Options {
			r := q.place(CodeValue(o.Code))
			if r.Class <= cur {
				continue
			}
			b := a.Clone()
			b.vals[i] = CodeValue(o.Code)
			fixUp(b)
			if v := c.check(b); v < verdict {
				c.t.Fatalf("%s %s -> %s made the verdict milder: %s -> %s\nbefore %s\nafter %s",
					q.ID, a.vals[i].Code, o.Code, verdict, v, dump(a), dump(b))
			}
		}
	}
}

// fixUp makes a consistent again after one answer changed: answers of newly hidden questions
// are dropped, newly shown required questions get their mildest answer.
func fixUp(a *Answers) {
	for _, q := range a.rs.Questions {
		if !a.IsShown(q) {
			a.vals[q.Index] = Value{}
			continue
		}
		if !a.vals[q.Index].Set && !q.Optional {
			a.vals[q.Index] = mildest(q)
		}
	}
}

func mildest(q *Question) Value {
	best, bc := Value{}, Absolute+1
	for _, v := range domain(q) {
		if !v.Set {
			continue
		}
		if r := q.place(v); r.Class < bc {
			best, bc = v, r.Class
		}
	}
	return best
}

func dump(a *Answers) string {
	s := "{"
	for i, q := range a.rs.Questions {
		if a.vals[i].Set {
			s += " " + q.ID + "=" + describeAnswer(q, a.vals[i])
		}
	}
	return s + " }"
}

func assemble(a *Answers, parts ...combo) {
	clear(a.vals)
	for _, p := range parts {
		for i, v := range p {
			a.vals[i] = v
		}
	}
}

func TestPropertyGroups(t *testing.T) {
	rs := testRules(t)
	gs := groups(rs)
	combos := make([][]combo, len(gs))
	total := 1.0
	for i, g := range gs {
		combos[i] = groupCombos(rs, g)
		total *= float64(len(combos[i]))
	}
	t.Logf("%d groups; full product %.3g complete answer sets", len(gs), total)
	if len(gs) < 10 || len(gs) >= len(rs.Questions) {
		t.Fatalf("unexpected grouping: %d groups", len(gs))
	}
	c := &checker{t: t, rs: rs, shown: make([]bool, len(rs.Questions))}
	a := rs.NewAnswers()
	parts := make([]combo, len(gs))
	setBase := func(strict bool) {
		for i := range gs {
			if strict {
				parts[i] = combos[i][len(combos[i])-1]
			} else {
				parts[i] = combos[i][0]
			}
		}
	}
	bases := []bool{false, true}
	if testing.Short() { // -short (e.g. under mutation testing): pairs at the mildest base only
		bases = bases[:1]
	}
	for _, strict := range bases {
		// 1. every combination of each group, the others at base; with the monotonicity check.
		for gi := range gs {
			setBase(strict)
			for _, cb := range combos[gi] {
				parts[gi] = cb
				assemble(a, parts...)
				c.checkMonotone(a, c.check(a))
			}
		}
		// 2. every pair of groups, full product.
		for gi := range gs {
			for gj := gi + 1; gj < len(gs); gj++ {
				setBase(strict)
				for _, ci := range combos[gi] {
					for _, cj := range combos[gj] {
						parts[gi], parts[gj] = ci, cj
						assemble(a, parts...)
						c.check(a)
					}
				}
			}
		}
	}
	// 3. random complete answer sets, with the monotonicity check.
	rng := rand.New(rand.NewPCG(20261121, 1))
	n := randomCount
	if testing.Short() {
		n /= 10
	}
	for range n {
		for i := range gs {
			parts[i] = combos[i][rng.IntN(len(combos[i]))]
		}
		assemble(a, parts...)
		c.checkMonotone(a, c.check(a))
	}
	t.Logf("%d answer sets checked", c.checks)
}

// TestPropertyIncomplete checks that Evaluate refuses, never guesses: removing the answer of
// any shown required question, or answering any hidden question, is refused with the right
// problem.
func TestPropertyIncomplete(t *testing.T) {
	rs := testRules(t)
	gs := groups(rs)
	rng := rand.New(rand.NewPCG(7, 7))
	combos := make([][]combo, len(gs))
	for i, g := range gs {
		combos[i] = groupCombos(rs, g)
	}
	a := rs.NewAnswers()
	parts := make([]combo, len(gs))
	for range 300 {
		for i := range gs {
			parts[i] = combos[i][rng.IntN(len(combos[i]))]
		}
		assemble(a, parts...)
		shown := a.Shown()
		for i, q := range rs.Questions {
			b := a.Clone()
			var want ErrKind
			switch {
			case shown[i] && !q.Optional:
				b.vals[i] = Value{}
				want = ErrMissing
			case !shown[i]:
				b.vals[i] = domain(q)[len(domain(q))-1]
				want = ErrNotShown
			default:
				continue
			}
			res, err := rs.Evaluate(b)
			if err == nil || res != nil {
				t.Fatalf("%s: Evaluate accepted %s", q.ID, dump(b))
			}
			// Dropping a parent's answer also hides its follow-ups, which are then answered
			// while hidden: that is reported too.
			errs, ok := err.(AnswerErrors)
			if !ok || !slices.ContainsFunc(errs, func(e *AnswerError) bool { return e.Question == q.ID && e.Kind == want }) {
				t.Fatalf("%s: error %v, want kind %v for %s", q.ID, err, want, q.ID)
			}
			if got := b.Problems(); len(got) != len(errs) {
				t.Fatalf("%s: Evaluate gave %d problems, Problems %d", q.ID, len(errs), len(got))
			}
		}
	}
}
