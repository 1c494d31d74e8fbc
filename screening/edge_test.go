package screening

import (
	"bufio"
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// Edge cases found missing by mutation testing (gremlins): boundaries of the loader's
// limits, overlapping rules, the placement tables and allocation counts.

// ruleSetFS is a minimal valid rule set around the given questions.yaml questions (indented
// as list items under one section).
func ruleSetFS(questions string) fstest.MapFS {
	return fstest.MapFS{
		"ruleset.yaml":   {Data: []byte("id: t\nversion: '1'\nname: {ja: 名, en: Name}\ndisclaimer: {ja: 注意, en: Note}\n")},
		"sources.yaml":   {Data: []byte("sources:\n  - key: s\n    title: {ja: 出典, en: Source}\n    publisher: {ja: 発行, en: Publisher}\n")},
		"questions.yaml": {Data: []byte("sections:\n  - id: s\n    title: {ja: 節, en: Section}\n    questions:\n" + questions)},
	}
}

const yesNoOptions = `        options:
          - {code: "no", text: {ja: いいえ, en: "No"}}
          - {code: "yes", text: {ja: はい, en: "Yes"}}
          - {code: unsure, text: {ja: わからない, en: Not sure}}
`

// TestOverlappingRules: when several rules match, the strictest wins, and among equally
// strict ones the first in the file.
func TestOverlappingRules(t *testing.T) {
	rs, err := Load(ruleSetFS(`      - id: q
        kind: single
        text: {ja: 質問, en: Question}
` + yesNoOptions + `        rules:
          - {class: none, sources: [s], reason: {ja: 全部, en: catch-all}}
          - {when: {conditions: [{operator: "=", answer: "yes"}]}, class: relative, sources: [s], reason: {ja: 一, en: first relative}}
          - {when: {conditions: [{operator: "=", answer: "yes"}]}, class: relative, sources: [s], reason: {ja: 二, en: second relative}}
          - {when: {conditions: [{operator: "=", answer: unsure}]}, class: relative, needs_confirmation: true, sources: [s], reason: {ja: 三, en: unsure}}
`))
	if err != nil {
		t.Fatal(err)
	}
	q := rs.Questions[0]
	for code, want := range map[string]string{"no": "catch-all", "yes": "first relative", "unsure": "unsure"} {
		a := rs.NewAnswers()
		a.Set(q, CodeValue(code))
		res, err := rs.Evaluate(a)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Findings[0].Reason(EN); got != want {
			t.Errorf("%s placed by %q, want %q", code, got, want)
		}
		if got := q.place(CodeValue(code)).Reason[EN]; got != want {
			t.Errorf("place(%s) = %q, want %q", code, got, want)
		}
	}
}

// TestPlacedUsesTables: placed answers from the tables when they have the answer, and from
// the rules otherwise (sentinel rules tell which).
func TestPlacedUsesTables(t *testing.T) {
	byRules := &Rule{Reason: Text{EN: "rules"}}
	s0, s1, s2, su := &Rule{}, &Rule{}, &Rule{}, &Rule{}
	single := &Question{Kind: Single, Options: []*Option{{Code: "a"}, {Code: "b"}}, Rules: []*Rule{byRules}}
	if placedOf(single, CodeValue("b")) != byRules {
		t.Error("no table: rules")
	}
	single.byOption = []*Rule{s0, s1}
	for _, tc := range []struct {
		v    Value
		want *Rule
	}{{CodeValue("a"), s0}, {CodeValue("b"), s1}, {CodeValue("c"), byRules}, {Value{}, byRules}} {
		if got := placedOf(single, tc.v); got != tc.want {
			t.Errorf("single %+v: wrong rule", tc.v)
		}
	}
	integer := &Question{Kind: Integer, Min: 10, Max: 12, AllowUnsure: true, Rules: []*Rule{byRules}}
	if placedOf(integer, UnsureInt()) != byRules || placedOf(integer, IntValue(10)) != byRules {
		t.Error("no table: rules")
	}
	integer.byInt, integer.byUnsure = []*Rule{s0, s1, s2}, su
	for _, tc := range []struct {
		v    Value
		want *Rule
	}{
		{IntValue(10), s0}, {IntValue(11), s1}, {IntValue(12), s2}, {UnsureInt(), su},
		{IntValue(9), byRules}, {IntValue(13), byRules}, {Value{}, byRules},
	} {
		if got := placedOf(integer, tc.v); got != tc.want {
			t.Errorf("integer %+v: wrong rule", tc.v)
		}
	}
}

// TestEvaluateAllocs: Evaluate allocates the result, its findings and its copy of the
// answers and nothing else, and EvaluateInto nothing at all once its Result has grown, also
// with exactly maxStackQuestions questions (the largest rule set tracked on the stack) and
// one more.
func TestEvaluateAllocs(t *testing.T) {
	rs := testRules(t)
	a := fullAnswers(t, rs)
	if n := testing.AllocsPerRun(100, func() { rs.Evaluate(a) }); n != 3 {
		t.Errorf("Evaluate: %v allocs, want 3", n)
	}
	var res Result
	if n := testing.AllocsPerRun(100, func() { rs.EvaluateInto(a, &res) }); n != 0 {
		t.Errorf("EvaluateInto: %v allocs, want 0", n)
	}
	for _, size := range []int{maxStackQuestions, maxStackQuestions + 1} {
		big := bigRuleSet(t, size)
		ba := big.NewAnswers()
		for _, q := range big.Questions {
			ba.Set(q, CodeValue("no"))
		}
		want := 3.0
		if size > maxStackQuestions {
			want = 4 // the shown flags on the heap
		}
		if n := testing.AllocsPerRun(20, func() { big.Evaluate(ba) }); n != want {
			t.Errorf("%d questions: %v allocs, want %v", size, n, want)
		}
		if n := testing.AllocsPerRun(20, func() { ba.complete() }); n != want-3 {
			t.Errorf("%d questions: complete() %v allocs, want %v", size, n, want-3)
		}
		var res Result
		if n := testing.AllocsPerRun(20, func() { big.EvaluateInto(ba, &res) }); n != 0 {
			t.Errorf("%d questions: EvaluateInto %v allocs, want 0", size, n)
		}
		if err := big.EvaluateInto(ba, &res); err != nil || len(res.Findings) != size {
			t.Errorf("%d questions: EvaluateInto gave %d findings: %v", size, len(res.Findings), err)
		}
	}
	data := []byte(exampleWith(t, nil))
	if n := testing.AllocsPerRun(100, func() { rs.ParseAnswers(data, 1) }); n > 3 {
		t.Errorf("ParseAnswers: %v allocs, want at most 3", n)
	}
}

// TestLoadLimits: the limits of the loader are inclusive.
func TestLoadLimits(t *testing.T) {
	// min == max is a range of one number.
	if rs := intRuleSet(t, 0, 0); len(rs.Questions[0].byInt) != 1 {
		t.Error("min == max")
	}
	// A span of exactly maxIntegerSpan is allowed, one more is not (also with a negative min).
	intRuleSet(t, -maxIntegerSpan/2, maxIntegerSpan/2)
	_, err := Load(ruleSetFS(`      - id: n
        kind: integer
        text: {ja: 数, en: Number}
        min: -50000
        max: 50001
        rules:
          - {class: none, sources: [s], reason: {ja: 理由, en: Reason}}
`))
	if err == nil || !strings.Contains(err.Error(), "questions.n.max: the range may span at most 100000 numbers") {
		t.Errorf("span over the limit: %v", err)
	}
	// A multi question with exactly maxMultiOptions options; a non-optional multi question
	// need not place the empty answer (it cannot be given).
	var opts strings.Builder
	for i := range maxMultiOptions {
		opts.WriteString("          - {code: o" + itoa(i) + ", text: {ja: 選, en: Option}}\n")
	}
	rs, err := Load(ruleSetFS(`      - id: m
        kind: multi
        text: {ja: 複数, en: Multi}
        options:
` + opts.String() + `        rules:
          - {when: {conditions: [{operator: exists, answer: true}]}, class: none, sources: [s], reason: {ja: 理由, en: Reason}}
`))
	if err != nil {
		t.Fatalf("%d options: %v", maxMultiOptions, err)
	}
	if len(rs.Questions[0].Options) != maxMultiOptions {
		t.Error("options lost")
	}
	// A single question without options has one problem, not also a missing "unsure".
	_, err = Load(ruleSetFS(`      - id: q
        kind: single
        text: {ja: 質問, en: Question}
        options: []
        rules:
          - {class: none, sources: [s], reason: {ja: 理由, en: Reason}}
`))
	if le, ok := err.(*LoadError); !ok || len(le.Problems) != 1 || le.Problems[0].Field != "questions.q.options" || le.Problems[0].Message[EN] != "must not be empty" {
		t.Errorf("single without options: %v", err)
	}
	// A content file of exactly the size limit is read.
	m := contentCopy(t)
	big := make([]byte, maxContentFile)
	for i := range big {
		big[i] = ' '
	}
	big[0] = '#'
	m["sources.yaml"] = &fstest.MapFile{Data: big}
	_, err = Load(m)
	if err == nil || strings.Contains(err.Error(), "larger than") || !strings.Contains(err.Error(), "sources.yaml:1: sources: required key is missing") {
		t.Errorf("file of the size limit: %v", err)
	}
}

// TestLintTopOfRange: a gap at the last number of a range is found.
func TestLintTopOfRange(t *testing.T) {
	m := contentCopy(t)
	edit(t, m, "questions.yaml", `{operator: ">=", answer: 5}`, `{operator: "<", answer: 120}`)
	ps := loadProblems(t, m)
	if len(ps) != 1 || !strings.HasSuffix(ps[0].Message[EN], "no rule places the answer 120") {
		t.Errorf("%v", ps)
	}
	m = contentCopy(t)
	edit(t, m, "questions.yaml", `{operator: "<", answer: 5}`, "{operator: \"<\", answer: 5}\n                - {operator: \">\", answer: 0}")
	ps = loadProblems(t, m)
	if len(ps) != 1 || !strings.HasSuffix(ps[0].Message[EN], "no rule places the answer 0") {
		t.Errorf("%v", ps)
	}
}

// TestProblemOrder: problems are listed by file (in contentFiles order), then by line.
func TestProblemOrder(t *testing.T) {
	m := contentCopy(t)
	edit(t, m, "questions.yaml", "kind: integer", "kind: number")
	edit(t, m, "questions.yaml", "{question: pregnancy, operator:", "{question: nothing, operator:") // reported after the questions
	edit(t, m, "questions.yaml", "      - id: infection\n", "      - id: infection\n        bogus: 1\n")
	edit(t, m, "questions.yaml", `{ja: いいえ, en: "No"}`, `{ja: いいえ}`)
	edit(t, m, "sources.yaml", `date: "2025-05-20"`, `date: "2025-5-20"`)
	edit(t, m, "ruleset.yaml", "notices:\n", "notices:\n  - bogus\n")
	edit(t, m, "ruleset.yaml", "name:\n", "nme: x\nname:\n")
	ps := loadProblems(t, m)
	var got []string
	for _, p := range ps {
		got = append(got, p.File+":"+itoa(p.Line))
	}
	for i := 1; i < len(ps); i++ {
		fi, fj := fileOrder(ps[i-1].File), fileOrder(ps[i].File)
		if fi > fj || (fi == fj && ps[i-1].Line > ps[i].Line) {
			t.Fatalf("problems out of order: %v", got)
		}
	}
	if len(ps) < 6 || ps[0].File != "ruleset.yaml" || ps[len(ps)-1].File != "questions.yaml" {
		t.Errorf("problems: %v", got)
	}
}

func fileOrder(name string) int {
	for i, n := range contentFiles {
		if n == name {
			return i
		}
	}
	return -1
}

// TestAnswerErrorWithoutLine: an error not from a file (Answers.Set) names no line.
func TestAnswerErrorWithoutLine(t *testing.T) {
	rs := testRules(t)
	err := rs.NewAnswers().Set(rs.Question("pregnancy"), CodeValue("x"))
	if got := err.Error(); got != `pregnancy: "x" is not an answer to this question; expected one of "no", "pregnant", "possible", "unsure"` {
		t.Errorf("en: %s", got)
	}
	if got := err.(*AnswerError).Message(JA); !strings.HasPrefix(got, `pregnancy: "x"はこの質問の回答にありません`) {
		t.Errorf("ja: %s", got)
	}
	whole := &AnswerError{Kind: ErrNotObject, Got: "null"}
	if got := whole.Message(EN); got != "expected a JSON object keyed by question id, got null" {
		t.Errorf("whole record: %s", got)
	}
}

// TestParseBoundaries: the limits of the answers parser are inclusive, and what it quotes
// from the input is cut at 40 bytes on a character boundary.
func TestParseBoundaries(t *testing.T) {
	rs := testRules(t)
	// min and max written as whole floats (the complete parser, not the fast path).
	for _, n := range []string{"0.0", "120.0", "1.2e2"} {
		in := strings.Replace(exampleWith(t, nil), `"cancer_years":7`, `"cancer_years":`+n, 1)
		if _, err := rs.ParseAnswers([]byte(in), 1); err != nil {
			t.Errorf("%s: %v", n, err)
		}
	}
	for _, n := range []string{"-1.0", "121.0", "-1e0"} {
		in := strings.Replace(exampleWith(t, nil), `"cancer_years":7`, `"cancer_years":`+n, 1)
		if _, err := rs.ParseAnswers([]byte(in), 1); err == nil || !strings.Contains(err.Error(), n+" is out of range") {
			t.Errorf("%s: %v", n, err)
		}
	}
	// Quoting: 40 bytes as they are, more cut with "...", never inside a character.
	for _, tc := range []struct {
		s    string // the JSON string given where an array belongs
		want string
	}{
		{strings.Repeat("a", 38), `got a string "` + strings.Repeat("a", 38) + `"`},
		{strings.Repeat("a", 39), `got a string "` + strings.Repeat("a", 39) + `...`},
		{"a" + strings.Repeat("薬", 20), `got a string "a` + strings.Repeat("薬", 12) + `...`},
	} {
		in := exampleWith(t, map[string]any{"allergy_to": tc.s})
		_, err := rs.ParseAnswers([]byte(in), 1)
		msg := err.Error()
		if !strings.Contains(msg, tc.want) || !utf8ValidString(msg) {
			t.Errorf("%q: %s", tc.s, msg)
		}
	}
	if got := string(truncate([]byte(strings.Repeat("x", 40)), 40)); got != strings.Repeat("x", 40) {
		t.Errorf("40 bytes cut: %s", got)
	}
	if got := string(truncate([]byte(strings.Repeat("x", 41)), 40)); got != strings.Repeat("x", 40)+"..." {
		t.Errorf("41 bytes: %s", got)
	}
	if got := string(truncate([]byte("x"+strings.Repeat("é", 30)), 40)); got != "x"+strings.Repeat("é", 19)+"..." {
		t.Errorf("cut inside a character: %q", got)
	}
	if got := string(truncate(bytes.Repeat([]byte{0x80}, 41), 40)); got != "..." {
		t.Errorf("no character start: %q", got)
	}
}

func utf8ValidString(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// TestReadAnswersLimits: a line of exactly maxRecordBytes is read, one byte more is too
// long; a single document of exactly maxDocBytes is read, one byte more is too long.
func TestReadAnswersLimits(t *testing.T) {
	rs := testRules(t)
	kinds := func(in string) []string {
		var out []string
		rs.ReadAnswers(strings.NewReader(in), func(r Record) error {
			switch {
			case r.Err == nil:
				out = append(out, "ok")
			case strings.Contains(r.Err.Error(), "a record may be at most"):
				out = append(out, "record too long")
			case strings.Contains(r.Err.Error(), "a single answers document may be at most"):
				out = append(out, "document too long")
			default:
				out = append(out, "error")
			}
			return nil
		})
		return out
	}
	good := exampleWith(t, nil)
	pad := func(n int) string { // a valid record of exactly n bytes
		rec := strings.Replace(good, "{", "{"+strings.Repeat(" ", n-len(good)), 1)
		if len(rec) != n {
			t.Fatalf("pad: %d", len(rec))
		}
		return rec
	}
	for _, tc := range []struct {
		in   string
		want string
	}{
		{pad(maxRecordBytes) + "\n" + good + "\n", "ok ok"},
		{pad(maxRecordBytes), "ok"},
		{pad(maxRecordBytes+1) + "\n" + good + "\n", "record too long ok"},
		{pad(maxRecordBytes + 1), "record too long"},
		{pad(maxRecordBytes) + "\r\n" + good + "\r\n", "ok ok"},
		{pad(maxRecordBytes+1) + "\r\n" + good + "\r\n", "record too long ok"},
		{"\n\n" + pad(maxRecordBytes) + "\n", "ok"},
		{"\n" + pad(maxRecordBytes) + "\r\n" + good, "ok ok"},
		{pad(maxRecordBytes-1) + "\r\n" + good, "ok ok"},
		{pad(maxRecordBytes+2) + "\n" + good, "record too long ok"},
		{pad(maxRecordBytes+3) + "\r\n" + good, "record too long ok"},
	} {
		if got := strings.Join(kinds(tc.in), " "); got != tc.want {
			t.Errorf("%d bytes: %s, want %s", len(tc.in), got, tc.want)
		}
	}
	// A pretty-printed document: "{", lines of text, "}"; size counts its lines after the
	// first, without newlines.
	doc := func(size int) string {
		var b strings.Builder
		b.WriteString("{\n")
		left := size - 1 // the closing brace
		for left > 0 {
			n := min(left, 1000000)
			line := `"x":"` + strings.Repeat("y", n-7) + `",`
			left -= n
			if left == 0 {
				line = line[:len(line)-1] + " "
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("}\n")
		return b.String()
	}
	if got := kinds(doc(maxDocBytes)); len(got) != 1 || got[0] != "error" {
		t.Errorf("document of maxDocBytes: %v", got)
	}
	if got := kinds(doc(maxDocBytes + 1)); len(got) != 1 || got[0] != "document too long" {
		t.Errorf("document of maxDocBytes+1: %v", got)
	}
}

// TestFastPathEdges: the fast path at the ends of its input and of its ranges (the complete
// parser would give the same answers, so only decodeFast itself shows these).
func TestFastPathEdges(t *testing.T) {
	rs := testRules(t)
	good := exampleWith(t, nil)
	years := func(n string) string { return strings.Replace(good, `"cancer_years":7`, `"cancer_years":`+n, 1) }
	for _, tc := range []struct {
		in   string
		fast bool
	}{
		{years("0"), true}, {years("9"), true}, {years("10"), true}, {years("19"), true},
		{years("120"), true}, {years("-1"), false}, {years("121"), false}, {years("100"), true},
		{`{"pregnancy":"no`, false}, {`{"preg`, false}, {`{"cancer_years":`, false},
		{`{"cancer_years":7`, false}, {`{"cancer_years":-`, false}, {`{"allergy_to":["drug"`, false},
		{`{"allergy_to":["dr`, false}, {`{"allergy_to":[`, false}, {`{"cancer_years":"unsure`, false},
		{`{"cancer_years":"`, false}, {`{"pregnancy"`, false}, {`{`, false}, {`{"medication_names":"x`, false},
	} {
		if got := rs.NewAnswers().decodeFast([]byte(tc.in)); got != tc.fast {
			t.Errorf("decodeFast(%.60s) = %v, want %v", tc.in, got, tc.fast)
		}
	}
	// An 18-digit number is read; 19 digits are left to the complete parser.
	big := intRuleSet(t, 100000000000000000, 100000000000000009)
	for in, want := range map[string]bool{`{"n": 100000000000000001}`: true, `{"n": 1000000000000000001}`: false, `{"n": -100000000000000001}`: false} {
		a := big.NewAnswers()
		if got := a.decodeFast([]byte(in)); got != want {
			t.Errorf("%s: %v", in, got)
		} else if want && a.vals[0].Int != 100000000000000001 {
			t.Errorf("%s: %d", in, a.vals[0].Int)
		}
	}
	// A multi question of 64 options (more than a rule set may have) still fits the mask.
	q := &Question{ID: "m", Kind: Multi, optionIndex: map[string]int{}}
	for i := range 65 {
		q.optionIndex["o"+itoa(i)] = i
		q.Options = append(q.Options, &Option{Code: "o" + itoa(i)})
	}
	s := fastScanner{b: []byte(`["o64"]`)}
	if _, ok := s.value(q); ok {
		t.Error("65 options taken")
	}
	q.Options = q.Options[:64]
	delete(q.optionIndex, "o64")
	s = fastScanner{b: []byte(`["o63", "o0"]`)}
	if v, ok := s.value(q); !ok || strings.Join(v.Codes, ",") != "o0,o63" {
		t.Errorf("64 options: %v %v", v, ok)
	}
}

// TestComplete: complete agrees with Problems.
func TestComplete(t *testing.T) {
	rs := testRules(t)
	a := rs.NewAnswers()
	if a.complete() || a.Problems() == nil {
		t.Error("empty answers complete")
	}
	a = completeTest(t, rs, map[string]Value{"allergy": CodeValue("yes")}) // allergy_to unanswered: optional
	if !a.complete() || a.Problems() != nil {
		t.Errorf("optional question unanswered: %v", a.Problems())
	}
	b := a.Clone()
	b.vals[rs.Question("cancer_years").Index] = IntValue(1) // hidden
	if b.complete() || b.Problems() == nil {
		t.Error("hidden question answered")
	}
	b = a.Clone()
	b.vals[rs.Question("infection").Index] = Value{}
	if b.complete() || b.Problems() == nil {
		t.Error("required question unanswered")
	}
}

func TestProblemText(t *testing.T) {
	for _, tc := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "q.yaml", Line: 3, Field: "a.b", Message: Text{EN: "bad", JA: "悪い"}}, "q.yaml:3: a.b: bad"},
		{Problem{File: "q.yaml", Line: 0, Field: "a.b", Message: Text{EN: "bad"}}, "q.yaml: a.b: bad"},
		{Problem{File: "q.yaml", Line: 1, Message: Text{EN: "bad"}}, "q.yaml:1: bad"},
		{Problem{File: "q.yaml", Message: Text{EN: "missing"}}, "q.yaml: missing"},
	} {
		if got := tc.p.Text(EN); got != tc.want {
			t.Errorf("%q, want %q", got, tc.want)
		}
	}
	le := &LoadError{Problems: []Problem{{File: "a", Message: Text{EN: "x", JA: "エックス"}}, {File: "b", Line: 2, Message: Text{EN: "y", JA: "ワイ"}}}}
	if le.Error() != "a: x\nb:2: y" || le.Message(JA) != "a: エックス\nb:2: ワイ" {
		t.Errorf("%q %q", le.Error(), le.Message(JA))
	}
}

// TestLineReaderBounded: an over-long line is skipped without being held in memory.
func TestLineReaderBounded(t *testing.T) {
	long := bytes.Repeat([]byte("x"), 4*maxRecordBytes)
	lr := &lineReader{r: bufio.NewReaderSize(bytes.NewReader(append(long, "\nnext\n"...)), 64<<10)}
	l, n, err := lr.line()
	if err != nil || n != 1 || !lr.tooLong || len(l) > maxRecordBytes+2 || cap(lr.buf) >= 2*maxRecordBytes {
		t.Errorf("line %d, %d bytes held (cap %d), tooLong %v, %v", n, len(l), cap(lr.buf), lr.tooLong, err)
	}
	l, n, _ = lr.line()
	if string(l) != "next" || n != 2 || lr.tooLong {
		t.Errorf("next line %q %d %v", l, n, lr.tooLong)
	}
}

// TestEvaluateIntoReuse: EvaluateInto refuses what Evaluate refuses and leaves a result that
// never reads as "none" then; a Result reused after a refusal or for other answers holds only
// the new findings; Evaluate's result keeps its own answers when the answers change after.
func TestEvaluateIntoReuse(t *testing.T) {
	rs := frozenRules(t)
	full := fullAnswers(t, rs)
	var res Result
	if err := rs.EvaluateInto(full, &res); err != nil || res.Verdict != Absolute || len(res.Findings) == 0 {
		t.Fatalf("complete answers: %v, verdict %s, %d findings", err, res.Verdict, len(res.Findings))
	}
	n := len(res.Findings)

	empty := rs.NewAnswers()
	err := rs.EvaluateInto(empty, &res)
	var errs AnswerErrors
	if !errors.As(err, &errs) || len(errs) == 0 {
		t.Fatalf("empty answers: %v, want AnswerErrors", err)
	}
	if res.Verdict != Absolute || len(res.Findings) != 0 {
		t.Errorf("after a refusal: verdict %s, %d findings; want absolute and none", res.Verdict, len(res.Findings))
	}
	other := bigRuleSet(t, 3)
	if err := other.EvaluateInto(full, &res); err == nil || res.Verdict != Absolute || len(res.Findings) != 0 {
		t.Errorf("answers of another rule set: %v, verdict %s", err, res.Verdict)
	}

	mild := complete(t, rs, nil)
	if err := rs.EvaluateInto(mild, &res); err != nil || res.Verdict != None || len(res.Findings) >= n {
		t.Fatalf("mildest answers: %v, verdict %s, %d findings", err, res.Verdict, len(res.Findings))
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Answer != &mild.vals[f.Question.Index] {
			t.Fatalf("%s: the finding does not point at the answer", f.Question.ID)
		}
	}

	own, err := rs.Evaluate(full)
	if err != nil {
		t.Fatal(err)
	}
	before := *own.Findings[0].Answer
	changed := full.Clone()
	full.Clear()
	if got := *own.Findings[0].Answer; !sameValue(got, before) || !sameValue(got, changed.vals[own.Findings[0].Question.Index]) {
		t.Errorf("Evaluate's finding changed with the answers: %+v, was %+v", got, before)
	}
}

// placedOf is q.placed(&v), for answers written in place.
func placedOf(q *Question, v Value) *Rule { return q.placed(&v) }

// TestOptionIndex: every single-choice answer held by an Answers carries the index of its
// own option (the engine places it and tests conditions on it by that index), whichever way it
// came in: Set, the fast parser, the complete parser, Clone. Rule.Matches decides a Value taken
// from another question's answers by its code, not by the index it carries, and Set notes the
// index afresh.
func TestOptionIndex(t *testing.T) {
	rs := frozenRules(t)
	noted := func(how string, a *Answers) {
		t.Helper()
		for _, q := range rs.Questions {
			v := a.Get(q)
			if q.Kind != Single || !v.Set {
				continue
			}
			var want uint32
			if i, ok := q.optionIndex[v.Code]; ok {
				want = uint32(i + 1)
			}
			if v.opt != want {
				t.Errorf("%s: %s=%s carries option index %d, want %d", how, q.ID, v.Code, v.opt, want)
			}
		}
	}
	set := rs.NewAnswers()
	for _, q := range rs.Questions {
		if q.Kind != Single {
			continue
		}
		for _, o := range q.Options {
			if err := set.Set(q, CodeValue(o.Code)); err != nil {
				t.Fatal(err)
			}
			noted("Set", set)
		}
	}
	noted("Clone", set.Clone())
	fast, err := rs.ParseAnswers([]byte(testExample), 1)
	if err != nil {
		t.Fatal(err)
	}
	noted("the fast parser", fast)
	slow := rs.NewAnswers()
	if errs := slow.decode([]byte(testExample), 1); len(errs) > 0 {
		t.Fatal(errs)
	}
	noted("the complete parser", slow)

	// Values of every other question, each carrying its own question's index.
	var foreign []Value
	for _, q := range rs.Questions {
		if q.Kind != Single {
			continue
		}
		for _, o := range q.Options {
			if err := set.Set(q, CodeValue(o.Code)); err != nil {
				t.Fatal(err)
			}
			foreign = append(foreign, set.Get(q))
		}
	}
	for _, q := range rs.Questions {
		for _, r := range q.Rules {
			if q.Kind != Single || r.When == nil {
				continue
			}
			for _, v := range foreign {
				if got, want := r.Matches(v), r.Matches(CodeValue(v.Code)); got != want {
					t.Errorf("%s rule (line %d) on %q carrying option index %d: matches %v, by its code %v", q.ID, r.Line, v.Code, v.opt, got, want)
				}
			}
		}
	}
	// Set re-notes the index of another question's Value, or refuses a code q does not have.
	for _, q := range rs.Questions {
		if q.Kind != Single {
			continue
		}
		for _, v := range foreign {
			if err := set.Set(q, v); err != nil {
				if q.Option(v.Code) != nil {
					t.Errorf("%s refused %q: %v", q.ID, v.Code, err)
				}
				continue
			}
			noted("Set of another question's answer", set)
		}
	}
}

// frozenRules is the frozen test rule set (internal/testrules, which this package's tests
// cannot import: it imports screening).
func frozenRules(tb testing.TB) *RuleSet {
	tb.Helper()
	rs, err := LoadDir("../internal/testrules/testdata")
	if err != nil {
		tb.Fatal(err)
	}
	return rs
}
