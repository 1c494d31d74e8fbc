package screening

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// TestConditionMatch is the truth table of every operator against every kind of answer,
// with FHIR enableWhen semantics (no answer: every operator false but "exists false").
func TestConditionMatch(t *testing.T) {
	single := &Question{ID: "s", Kind: Single}
	multi := &Question{ID: "m", Kind: Multi}
	integer := &Question{ID: "n", Kind: Integer, Min: 0, Max: 10, AllowUnsure: true}
	text := &Question{ID: "t", Kind: Free}
	item := func(q *Question, op Operator) ConditionItem { return ConditionItem{Question: q, Operator: op} }
	withCode := func(it ConditionItem, c string) ConditionItem { it.Code = c; return it }
	withInt := func(it ConditionItem, n int) ConditionItem { it.Int = n; return it }
	withUnsure := func(it ConditionItem) ConditionItem { it.Unsure = true; return it }
	withExists := func(it ConditionItem, b bool) ConditionItem { it.Exists = b; return it }
	tests := []struct {
		it   ConditionItem
		v    Value
		want bool
	}{
		// single
		{withCode(item(single, OpEq), "yes"), CodeValue("yes"), true},
		{withCode(item(single, OpEq), "yes"), CodeValue("no"), false},
		{withCode(item(single, OpEq), "yes"), Value{}, false},
		{withCode(item(single, OpNe), "yes"), CodeValue("no"), true},
		{withCode(item(single, OpNe), "yes"), CodeValue("yes"), false},
		{withCode(item(single, OpNe), "yes"), Value{}, false},
		{withCode(item(single, OpGt), "yes"), CodeValue("yes"), false},
		{withExists(item(single, OpExists), true), CodeValue("no"), true},
		{withExists(item(single, OpExists), true), Value{}, false},
		{withExists(item(single, OpExists), false), Value{}, true},
		{withExists(item(single, OpExists), false), CodeValue("no"), false},
		// multi
		{withCode(item(multi, OpEq), "a"), CodesValue("b", "a"), true},
		{withCode(item(multi, OpEq), "a"), CodesValue("b"), false},
		{withCode(item(multi, OpNe), "a"), CodesValue("b"), true},
		{withCode(item(multi, OpNe), "a"), CodesValue("a"), false},
		{withCode(item(multi, OpNe), "a"), CodesValue(), false}, // empty is no answer
		{withCode(item(multi, OpEq), "a"), Value{}, false},
		{withCode(item(multi, OpLt), "a"), CodesValue("a"), false},
		{withExists(item(multi, OpExists), true), CodesValue(), false},
		{withExists(item(multi, OpExists), false), CodesValue(), true},
		{withExists(item(multi, OpExists), true), CodesValue("a"), true},
		// integer
		{withInt(item(integer, OpEq), 5), IntValue(5), true},
		{withInt(item(integer, OpEq), 5), IntValue(4), false},
		{withInt(item(integer, OpNe), 5), IntValue(4), true},
		{withInt(item(integer, OpNe), 5), IntValue(5), false},
		{withInt(item(integer, OpGt), 5), IntValue(6), true},
		{withInt(item(integer, OpGt), 5), IntValue(5), false},
		{withInt(item(integer, OpLt), 5), IntValue(4), true},
		{withInt(item(integer, OpLt), 5), IntValue(5), false},
		{withInt(item(integer, OpGe), 5), IntValue(5), true},
		{withInt(item(integer, OpGe), 5), IntValue(4), false},
		{withInt(item(integer, OpLe), 5), IntValue(5), true},
		{withInt(item(integer, OpLe), 5), IntValue(6), false},
		{withInt(item(integer, OpEq), 0), Value{}, false},
		{withInt(item(integer, OpNe), 0), Value{}, false},
		{withInt(item(integer, OpLe), 5), Value{}, false},
		// unsure is no number: it differs from every number and is not ordered
		{withInt(item(integer, OpEq), 0), UnsureInt(), false},
		{withInt(item(integer, OpNe), 0), UnsureInt(), true},
		{withInt(item(integer, OpLt), 5), UnsureInt(), false},
		{withInt(item(integer, OpGe), 0), UnsureInt(), false},
		{withUnsure(item(integer, OpEq)), UnsureInt(), true},
		{withUnsure(item(integer, OpEq)), IntValue(0), false},
		{withUnsure(item(integer, OpNe)), IntValue(0), true},
		{withUnsure(item(integer, OpNe)), UnsureInt(), false},
		{withUnsure(item(integer, OpNe)), Value{}, false},
		{withUnsure(item(integer, OpGt)), UnsureInt(), false},
		{withExists(item(integer, OpExists), true), IntValue(0), true},
		{withExists(item(integer, OpExists), true), UnsureInt(), true},
		// text: only exists; "" is no answer
		{withExists(item(text, OpExists), true), TextValue("x"), true},
		{withExists(item(text, OpExists), true), TextValue(""), false},
		{withExists(item(text, OpExists), false), TextValue(""), true},
		{withCode(item(text, OpEq), "x"), TextValue("x"), false},
	}
	for _, tc := range tests {
		if got := tc.it.match(&tc.v); got != tc.want {
			t.Errorf("%s against %+v = %v, want %v", tc.it, tc.v, got, tc.want)
		}
	}
}

// TestConditionBehavior covers all / any, nil conditions and hidden questions.
func TestConditionBehavior(t *testing.T) {
	a := &Question{ID: "a", Kind: Single, Index: 0}
	b := &Question{ID: "b", Kind: Single, Index: 1}
	eqA := ConditionItem{Question: a, Operator: OpEq, Code: "yes"}
	eqB := ConditionItem{Question: b, Operator: OpEq, Code: "yes"}
	vals := func(x, y string) []Value { return []Value{CodeValue(x), CodeValue(y)} }
	shown := []bool{true, true}
	for _, tc := range []struct {
		c    *Condition
		vals []Value
		want bool
	}{
		{nil, vals("no", "no"), true},
		{&Condition{Behavior: All, Items: []ConditionItem{eqA, eqB}}, vals("yes", "yes"), true},
		{&Condition{Behavior: All, Items: []ConditionItem{eqA, eqB}}, vals("yes", "no"), false},
		{&Condition{Behavior: All, Items: []ConditionItem{eqA, eqB}}, vals("no", "yes"), false},
		{&Condition{Behavior: Any, Items: []ConditionItem{eqA, eqB}}, vals("no", "yes"), true},
		{&Condition{Behavior: Any, Items: []ConditionItem{eqA, eqB}}, vals("yes", "no"), true},
		{&Condition{Behavior: Any, Items: []ConditionItem{eqA, eqB}}, vals("no", "no"), false},
		{&Condition{Items: []ConditionItem{eqA}}, vals("yes", "no"), true}, // empty behavior is all
	} {
		if got := tc.c.eval(tc.vals, shown, nil); got != tc.want {
			t.Errorf("%s with %v = %v, want %v", tc.c, tc.vals, got, tc.want)
		}
	}
	// A hidden question has no answer, whatever is stored.
	c := &Condition{Behavior: All, Items: []ConditionItem{eqA}}
	if c.eval(vals("yes", "yes"), []bool{false, true}, nil) {
		t.Error("a hidden answer counted")
	}
	notExists := &Condition{Behavior: All, Items: []ConditionItem{{Question: a, Operator: OpExists, Exists: false}}}
	if !notExists.eval(vals("yes", "yes"), []bool{false, true}, nil) {
		t.Error("exists false on a hidden question")
	}
	// self replaces the stored answer of the item's question.
	self := CodeValue("yes")
	if !c.eval(vals("no", "no"), nil, &self) {
		t.Error("self not used")
	}
	r := &Rule{When: c}
	if !r.Matches(CodeValue("yes")) || r.Matches(CodeValue("no")) || !(&Rule{}).Matches(Value{}) {
		t.Error("Rule.Matches")
	}
}

func TestConditionString(t *testing.T) {
	a := &Question{ID: "cancer", Kind: Single}
	n := &Question{ID: "cancer_years", Kind: Integer}
	c := &Condition{Behavior: Any, Items: []ConditionItem{
		{Question: a, Operator: OpEq, Code: "yes"},
		{Question: n, Operator: OpGe, Int: 5},
		{Question: n, Operator: OpNe, Unsure: true},
		{Question: a, Operator: OpExists, Exists: false},
		{Operator: OpEq, Code: "x"},
	}}
	want := `cancer = "yes" or cancer_years >= 5 or cancer_years != "unsure" or cancer exists false or answer = "x"`
	if got := c.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	c.Behavior = All
	if got := c.String(); !strings.Contains(got, `"yes" and cancer_years`) {
		t.Error(got)
	}
	if (*Condition)(nil).String() != "always" {
		t.Error("nil condition")
	}
}

func TestClass(t *testing.T) {
	for _, tc := range []struct {
		c      Class
		code   string
		ja, en string
	}{
		{None, "none", "該当なし", "None"},
		{Relative, "relative", "相対禁忌", "Relative contraindication"},
		{Absolute, "absolute", "絶対禁忌", "Absolute contraindication"},
		{Class(3), "class(3)", "class(3)", "class(3)"},
		{Class(-1), "class(-1)", "class(-1)", "class(-1)"},
	} {
		if tc.c.String() != tc.code || tc.c.Label()[JA] != tc.ja || tc.c.Label()[EN] != tc.en {
			t.Errorf("%d: %s %v", int(tc.c), tc.c, tc.c.Label())
		}
		if tc.c >= None && tc.c <= Absolute {
			c, ok := parseClass(tc.code)
			if !ok || c != tc.c {
				t.Errorf("parseClass(%s) = %v %v", tc.code, c, ok)
			}
			b, _ := json.Marshal(tc.c)
			var back Class = -5
			if err := json.Unmarshal(b, &back); err != nil || back != tc.c || string(b) != `"`+tc.code+`"` {
				t.Errorf("JSON %s -> %v %v", b, back, err)
			}
		}
	}
	if _, ok := parseClass("Absolute"); ok {
		t.Error("parseClass is case-insensitive")
	}
	var c Class
	if err := c.UnmarshalText([]byte("severe")); err == nil || !strings.Contains(err.Error(), `"severe"`) {
		t.Errorf("UnmarshalText: %v", err)
	}
	if !(None < Relative && Relative < Absolute) {
		t.Error("order")
	}
}

func TestLang(t *testing.T) {
	for in, want := range map[string]Lang{"ja": JA, "en": EN, " EN ": EN, "Ja": JA, "fr": "fr", "zh-CN": ZhHans, "zh_TW.UTF-8": ZhHant,
		"zh-Hant": ZhHant, "zh-hans": ZhHans, "ko-KR": KO, "ko": KO, "en_US.UTF-8": EN, "vi": "vi", "zh-HK": ZhHant, "zh-SG": ZhHans} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %v %v", in, got, err)
		}
	}
	for _, in := range []string{"", "english", "j a", "C"} {
		if _, err := ParseLang(in); err == nil {
			t.Errorf("ParseLang(%q) accepted", in)
		}
	}
	for _, tc := range []struct {
		vals []string
		want Lang
	}{
		{[]string{"", "", ""}, JA},
		{[]string{"", "", "en_US.UTF-8"}, EN},
		{[]string{"", "", "ja_JP.UTF-8"}, JA},
		{[]string{"", "", "C"}, JA},
		{[]string{"ja_JP.UTF-8", "", "en_US.UTF-8"}, JA},
		{[]string{"", "en_GB", "ja_JP"}, EN},
		{[]string{"EN_us", "", ""}, EN},
	} {
		if got := LangFromLocale(tc.vals...); got != tc.want {
			t.Errorf("LangFromLocale(%q) = %s", tc.vals, got)
		}
	}
	txt := Text{JA: "はい", EN: "Yes"}
	if txt.In(JA) != "はい" || txt.In(EN) != "Yes" || txt.In("fr") != "はい" || txt.IsZero() || !(Text{}).IsZero() || (Text{EN: "x"}).IsZero() || (Text{JA: "x"}).IsZero() {
		t.Error("Text")
	}
}

func TestCollapseRanges(t *testing.T) {
	n := &Question{Kind: Integer}
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{[]string{"1", "2", "3"}, "1 to 3"},
		{[]string{"1", "3", "4", "7"}, "1, 3 to 4, 7"},
		{[]string{"0", "1", `"unsure"`}, `0 to 1, "unsure"`},
		{[]string{`"unsure"`}, `"unsure"`},
		{[]string{"-2", "-1", "0", "5"}, "-2 to 0, 5"},
		{nil, ""},
	} {
		if got := strings.Join(collapseRanges(n, tc.in), ", "); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.in, got, tc.want)
		}
	}
	s := &Question{Kind: Single}
	if got := collapseRanges(s, []string{"1", "2"}); strings.Join(got, ",") != "1,2" {
		t.Errorf("single: %v", got)
	}
}

func TestExpected(t *testing.T) {
	rs := testRules(t)
	for _, tc := range []struct {
		id     string
		en, ja string
	}{
		{"breastfeeding", `one of "no", "yes", "unsure"`, `"no", "yes", "unsure"のいずれか`},
		{"allergy_to", `an array of "drug", "food", "pollen", "latex", "metal", "other"`, `"drug", "food", "pollen", "latex", "metal", "other"からなる配列`},
		{"cancer_years", `an integer from 0 to 120 or "unsure"`, `0から120までの整数、または"unsure"`},
		{"medication_names", "a string", "文字列"},
	} {
		q := rs.Question(tc.id)
		if q.Expected(EN) != tc.en || q.Expected(JA) != tc.ja {
			t.Errorf("%s: %q / %q", tc.id, q.Expected(EN), q.Expected(JA))
		}
	}
	q := &Question{ID: "n", Kind: Integer, Min: 1, Max: 3}
	if q.Expected(EN) != "an integer from 1 to 3" || q.Expected(JA) != "1から3までの整数" {
		t.Errorf("%q %q", q.Expected(EN), q.Expected(JA))
	}
}

// TestEvaluateResult covers the counts and the placement of a whole result.
func TestEvaluateResult(t *testing.T) {
	rs := testRules(t)
	a := fullAnswers(t, rs)
	res, err := rs.Evaluate(a)
	if err != nil {
		t.Fatal(err)
	}
	if res.RuleSet != rs || res.Verdict != Absolute {
		t.Fatalf("verdict %s", res.Verdict)
	}
	// pregnancy unsure (absolute*), cancer_years 3 (absolute), allergy_severe unsure
	// (relative*), blood_donation unsure (relative*), cancer treatment_ended, allergy yes,
	// anticoagulant yes, other_medication yes, chronic_disease controlled (relative).
	if res.Count(Absolute) != 2 || res.Count(Relative) != 7 || res.Count(None) != 9 || res.NeedsConfirmation() != 3 {
		t.Errorf("%d absolute, %d relative, %d none, %d to confirm", res.Count(Absolute), res.Count(Relative), res.Count(None), res.NeedsConfirmation())
	}
	if len(res.Findings) != 18 {
		t.Errorf("%d findings", len(res.Findings))
	}
	// A rule set with more questions than Evaluate keeps on its stack still works.
	big := bigRuleSet(t, maxStackQuestions+6)
	ba := big.NewAnswers()
	for _, q := range big.Questions {
		ba.Set(q, CodeValue("no"))
	}
	res, err = big.Evaluate(ba)
	if err != nil || len(res.Findings) != maxStackQuestions+6 || res.Verdict != None {
		t.Fatalf("big rule set: %v, %v", err, res)
	}
	ba.Set(big.Questions[len(big.Questions)-1], CodeValue("unsure"))
	if res, _ = big.Evaluate(ba); res.Verdict != Relative || res.NeedsConfirmation() != 1 {
		t.Errorf("big rule set: verdict %s", res.Verdict)
	}
}

// bigRuleSet builds a valid rule set with n yes/no questions, the last shown only when the
// first is "no".
func bigRuleSet(t *testing.T, n int) *RuleSet {
	t.Helper()
	var q strings.Builder
	q.WriteString("sections:\n  - id: all\n    title: {ja: 全部, en: All}\n    questions:\n")
	for i := range n {
		id := "q" + itoa(i)
		q.WriteString("      - id: " + id + "\n        kind: single\n        text: {ja: 質問, en: Question}\n")
		if i == n-1 {
			q.WriteString("        shown_when: {conditions: [{question: q0, operator: '=', answer: 'no'}]}\n")
		}
		q.WriteString(`        options:
          - {code: "no", text: {ja: いいえ, en: "No"}}
          - {code: "yes", text: {ja: はい, en: "Yes"}}
          - {code: unsure, text: {ja: わからない, en: Not sure}}
        rules:
          - {when: {conditions: [{operator: "=", answer: "no"}]}, class: none, sources: [s], reason: {ja: 理由, en: Reason}}
          - {when: {conditions: [{operator: "=", answer: "yes"}]}, class: relative, sources: [s], reason: {ja: 理由, en: Reason}}
          - {when: {conditions: [{operator: "=", answer: unsure}]}, class: relative, needs_confirmation: true, sources: [s], reason: {ja: 理由, en: Reason}}
`)
	}
	m := fstest.MapFS{
		"ruleset.yaml":   {Data: []byte("id: big\nversion: '1'\nname: {ja: 大, en: Big}\ndisclaimer: {ja: 注意, en: Note}\n")},
		"sources.yaml":   {Data: []byte("sources:\n  - key: s\n    title: {ja: 出典, en: Source}\n    publisher: {ja: 発行, en: Publisher}\n")},
		"questions.yaml": {Data: []byte(q.String())},
	}
	rs, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// intRuleSet is a valid rule set with one integer question from min to max ("< 0" is
// relative, the rest none, unsure relative).
func intRuleSet(t *testing.T, minV, maxV int) *RuleSet {
	t.Helper()
	q := `sections:
  - id: s
    title: {ja: 節, en: Section}
    questions:
      - id: n
        kind: integer
        text: {ja: 数, en: Number}
        min: ` + itoa(minV) + `
        max: ` + itoa(maxV) + `
        unsure: true
        rules:
          - {when: {conditions: [{operator: "<", answer: 0}]}, class: relative, sources: [s], reason: {ja: 理由, en: Reason}}
          - {when: {conditions: [{operator: ">=", answer: 0}]}, class: none, sources: [s], reason: {ja: 理由, en: Reason}}
          - {when: {conditions: [{operator: "=", answer: unsure}]}, class: relative, needs_confirmation: true, sources: [s], reason: {ja: 理由, en: Reason}}
`
	m := fstest.MapFS{
		"ruleset.yaml":   {Data: []byte("id: int\nversion: '1'\nname: {ja: 数, en: Int}\ndisclaimer: {ja: 注意, en: Note}\n")},
		"sources.yaml":   {Data: []byte("sources:\n  - key: s\n    title: {ja: 出典, en: Source}\n    publisher: {ja: 発行, en: Publisher}\n")},
		"questions.yaml": {Data: []byte(q)},
	}
	rs, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestPlacementTables: the tables Load builds place every answer as the rules do, and are
// built only for ranges up to maxTableSpan numbers.
func TestPlacementTables(t *testing.T) {
	check := func(rs *RuleSet) {
		for _, q := range rs.Questions {
			forEachAnswer(q, func(v Value) {
				if got, want := placedOf(q, v), q.place(v); got != want || got == nil {
					t.Errorf("%s=%s: table gives rule at line %v, rules give %v", q.ID, describeAnswer(q, v), got, want)
				}
			})
			if q.Kind == Single && len(q.byOption) != len(q.Options) {
				t.Errorf("%s: no option table", q.ID)
			}
		}
	}
	check(testRules(t))
	if q := testRules(t).Question("cancer_years"); len(q.byInt) != 121 || q.byUnsure == nil {
		t.Errorf("cancer_years tables: %d, %v", len(q.byInt), q.byUnsure)
	}
	small := intRuleSet(t, -5, maxTableSpan-6) // maxTableSpan numbers
	check(small)
	if n := len(small.Questions[0].byInt); n != maxTableSpan {
		t.Errorf("table of %d numbers, want %d", n, maxTableSpan)
	}
	big := intRuleSet(t, -5, maxTableSpan-5) // one more
	check(big)
	if big.Questions[0].byInt != nil {
		t.Error("table built for a range over maxTableSpan")
	}
	// Answers outside the table (never stored by Set) still get the rules' placement.
	q := small.Questions[0]
	for _, v := range []Value{IntValue(-6), IntValue(maxTableSpan), CodeValue("x"), {}} {
		if placedOf(q, v) != q.place(v) {
			t.Errorf("%+v placed differently", v)
		}
	}
	// Evaluate of the edges.
	for _, tc := range []struct {
		v    Value
		want Class
	}{{IntValue(-5), Relative}, {IntValue(-1), Relative}, {IntValue(0), None}, {IntValue(maxTableSpan - 6), None}, {UnsureInt(), Relative}} {
		a := small.NewAnswers()
		if err := a.Set(q, tc.v); err != nil {
			t.Fatal(err)
		}
		res, err := small.Evaluate(a)
		if err != nil || res.Verdict != tc.want {
			t.Errorf("%+v: %v %v", tc.v, res, err)
		}
	}
}

// oneQuestionRuleSet is a rule set of the given questions (YAML list items under one
// section), with one source s.
func oneQuestionRuleSet(t *testing.T, questions string) *RuleSet {
	t.Helper()
	m := fstest.MapFS{
		"ruleset.yaml":   {Data: []byte("id: one\nversion: '1'\nname: {ja: 一, en: One}\ndisclaimer: {ja: 注意, en: Note}\n")},
		"sources.yaml":   {Data: []byte("sources:\n  - key: s\n    title: {ja: 出典, en: Source}\n    publisher: {ja: 発行, en: Publisher}\n")},
		"questions.yaml": {Data: []byte("sections:\n  - id: s\n    title: {ja: 節, en: Section}\n    questions:\n" + questions)},
	}
	rs, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestStrictestFirstRule: of the rules of the strictest class that match, the first in file
// order places the answer, also when a later one has no condition (it then places only the
// answers the earlier ones leave); the finding gives that rule's reason.
func TestStrictestFirstRule(t *testing.T) {
	for _, tc := range []struct {
		name  string
		kind  string // single or integer
		rules string
		want  map[string]string // answer: reason (en)
	}{
		{"condition before catch-all, same class", "single", `
          - {when: {conditions: [{operator: "=", answer: a}]}, class: relative, sources: [s], reason: {ja: え, en: A}}
          - {when: {conditions: [{operator: "=", answer: unsure}]}, class: relative, needs_confirmation: true, sources: [s], reason: {ja: う, en: U}}
          - {class: relative, sources: [s], reason: {ja: 他, en: Rest}}`,
			map[string]string{"a": "A", "b": "Rest", "unsure": "U"}},
		{"milder catch-all", "single", `
          - {class: none, sources: [s], reason: {ja: 他, en: Rest}}
          - {when: {conditions: [{operator: "!=", answer: b}]}, class: relative, needs_confirmation: true, sources: [s], reason: {ja: え, en: NotB}}`,
			map[string]string{"a": "NotB", "b": "Rest", "unsure": "NotB"}},
		{"integer, condition before catch-all", "integer", `
          - {when: {conditions: [{operator: ">", answer: 1}]}, class: absolute, sources: [s], reason: {ja: 大, en: Big}}
          - {class: absolute, sources: [s], reason: {ja: 他, en: Rest}}`,
			map[string]string{"0": "Rest", "1": "Rest", "2": "Big", "3": "Big"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := "      - id: q\n        kind: " + tc.kind + "\n        text: {ja: 質問, en: Question}\n"
			if tc.kind == "single" {
				q += "        options:\n" +
					"          - {code: a, text: {ja: あ, en: A}}\n" +
					"          - {code: b, text: {ja: い, en: B}}\n" +
					"          - {code: unsure, text: {ja: わかりません, en: Not sure}}\n"
			} else {
				q += "        min: 0\n        max: 3\n"
			}
			rs := oneQuestionRuleSet(t, q+"        rules:"+tc.rules+"\n")
			for ans, want := range tc.want {
				v := CodeValue(ans)
				if tc.kind == "integer" {
					n, _ := strconv.Atoi(ans)
					v = IntValue(n)
				}
				a := rs.NewAnswers()
				if err := a.Set(rs.Questions[0], v); err != nil {
					t.Fatal(err)
				}
				var into Result
				res, err := rs.Evaluate(a)
				if err2 := rs.EvaluateInto(a, &into); err != nil || err2 != nil {
					t.Fatal(err, err2)
				}
				for _, r := range []*Result{res, &into} {
					if got := r.Findings[0].Rule.Reason[EN]; got != want {
						t.Errorf("%s: placed by %q, want %q", ans, got, want)
					}
				}
			}
		})
	}
}

// TestNoRuleFailsClosed: a question no rule places (a rule set read from a compiled form is
// not linted by unmarshalCompiled) gives Evaluate an error, never a verdict.
func TestNoRuleFailsClosed(t *testing.T) {
	rs := frozenRules(t)
	q := rs.Question("infection")
	saved := q.Rules
	q.Rules = nil
	data, err := rs.MarshalBinary()
	q.Rules = saved
	if err != nil {
		t.Fatal(err)
	}
	stripped, err := unmarshalCompiled(data)
	if err != nil {
		t.Fatalf("the compiled form of a rule set with a rule-less question: %v", err)
	}
	a := stripped.NewAnswers()
	full := fullAnswers(t, rs)
	for _, sq := range stripped.Questions {
		if v := full.Get(rs.Questions[sq.Index]); v.Set {
			if err := a.Set(sq, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	if res, err := stripped.Evaluate(a); err == nil {
		t.Errorf("Evaluate gave verdict %v for a question without rules", res.Verdict)
	}
	var res Result
	if err := stripped.EvaluateInto(a, &res); err == nil || res.Verdict != Absolute || len(res.Findings) != 0 {
		t.Errorf("EvaluateInto: %v, verdict %v, %d findings", err, res.Verdict, len(res.Findings))
	}
}

// TestTextMethods: which translations a Text has and in which order (ja, en, zh-Hans,
// zh-Hant, ko, then other tags alphabetically), equality by non-empty translations, the JSON
// object (ja and en always; HTML escaping left to the caller's encoder), and how a language separates words
// and list items.
func TestTextMethods(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    Text
		tags []Lang
		json string
	}{
		{"empty", Text{}, []Lang{}, `{"ja":"","en":""}`},
		{"ja and en", Text{EN: "Yes", JA: "はい"}, []Lang{JA, EN}, `{"ja":"はい","en":"Yes"}`},
		{"en only", Text{EN: "Yes"}, []Lang{EN}, `{"ja":"","en":"Yes"}`},
		{"an empty translation", Text{JA: "はい", EN: "Yes", KO: ""}, []Lang{JA, EN}, `{"ja":"はい","en":"Yes"}`},
		{"built-in and other tags", Text{"vi": "Có", KO: "예", "de": "Ja", ZhHant: "是", JA: "はい", ZhHans: "是的", EN: "Yes"},
			[]Lang{JA, EN, ZhHans, ZhHant, KO, "de", "vi"}, `{"ja":"はい","en":"Yes","zh-Hans":"是的","zh-Hant":"是","ko":"예","de":"Ja","vi":"Có"}`},
		{"other tags only", Text{"vi": "Có", "de": "Ja", "fr": "Oui"}, []Lang{"de", "fr", "vi"}, `{"ja":"","en":"","de":"Ja","fr":"Oui","vi":"Có"}`},
		{"HTML characters and quotes", Text{JA: `<a href="x">&</a>`, EN: "tab\there"}, []Lang{JA, EN}, `{"ja":"<a href=\"x\">&</a>","en":"tab\there"}`},
	} {
		if got := tc.t.Tags(); !slices.Equal(got, tc.tags) {
			t.Errorf("%s: Tags %v, want %v", tc.name, got, tc.tags)
		}
		b, err := tc.t.MarshalJSON() // json.Marshal escapes for HTML on top, if the caller wants it
		if err != nil || string(b) != tc.json {
			t.Errorf("%s: JSON %s, %v\nwant %s", tc.name, b, err, tc.json)
		}
		var back map[string]string
		if err := json.Unmarshal(b, &back); err != nil {
			t.Errorf("%s: the JSON does not read back: %v", tc.name, err)
		}
	}
	for _, tc := range []struct {
		a, b Text
		want bool
	}{
		{Text{}, Text{}, true},
		{Text{}, Text{JA: ""}, true},
		{Text{JA: "a", EN: "b"}, Text{EN: "b", JA: "a"}, true},
		{Text{JA: "a"}, Text{JA: "a", EN: "b"}, false},
		{Text{JA: "a", EN: "b"}, Text{JA: "a"}, false},
		{Text{JA: "a"}, Text{JA: "b"}, false},
		{Text{JA: "a", KO: ""}, Text{JA: "a"}, true},
	} {
		if got := tc.a.Equal(tc.b); got != tc.want {
			t.Errorf("%v.Equal(%v) = %v", tc.a, tc.b, got)
		}
	}
	for l, spaced := range map[Lang]bool{JA: false, ZhHans: false, ZhHant: false, EN: true, KO: true,
		"zh-HK": false, "ja-JP": false, "th": false, "lo": false, "km": false, "my": false, "vi": true, "de": true, "fr-CA": true} {
		if got := l.Spaced(); got != spaced {
			t.Errorf("%s: spaced %v", l, got)
		}
		if sep := l.Sep(); (sep == ", ") != spaced || (sep != ", " && sep != "、") {
			t.Errorf("%s: list separator %q", l, sep)
		}
	}
	have := []Lang{JA, EN, ZhHans, ZhHant, KO}
	for in, want := range map[string]Lang{"ja_JP.UTF-8": JA, "de_DE@euro": "", "ko_KR.UTF-8@x": KO, "en.UTF-8": EN,
		".UTF-8": "", "@euro": "", "C.UTF-8": "", "POSIX": "", "zh_TW.Big5": ZhHant, " EN ": EN, "xx-invalid-tag-!": ""} {
		got, ok := MatchLang(have, in)
		if got != want || ok != (want != "") {
			t.Errorf("MatchLang(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestSetUnsureWhereNotAllowed: "unsure" to an integer question that does not offer it is
// refused by Set, with the question and the answer named, and nothing is stored.
func TestSetUnsureWhereNotAllowed(t *testing.T) {
	rs := oneQuestionRuleSet(t, `      - id: visits
        kind: integer
        text: {ja: 回数, en: Visits}
        min: 0
        max: 3
        rules:
          - {class: none, sources: [s], reason: {ja: 理由, en: Reason}}
`)
	q := rs.Questions[0]
	a := rs.NewAnswers()
	err := a.Set(q, UnsureInt())
	var ae *AnswerError
	if !errors.As(err, &ae) || ae.Kind != ErrUnknownOption || ae.Question != "visits" || !strings.Contains(ae.Error(), `"unsure"`) {
		t.Errorf("Set(unsure) on a question without it: %v", err)
	}
	if a.Get(q).Set {
		t.Error("the refused answer was stored")
	}
	if err := a.Set(q, IntValue(3)); err != nil {
		t.Errorf("Set(3): %v", err)
	}
}
