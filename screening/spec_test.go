package screening

import (
	"slices"
	"strings"
	"testing"

	"github.com/exoscreen/exoscreen/content"
)

// This file restates the question table of /work/shared/spec/rules.md as Go data, written
// from the spec and NOT from content/: a content file that disagrees with the spec (a wrong
// class, a missing needs_confirmation, a missing source, a changed condition) fails here.

// specAnswer is one "answer → class (sources)" entry of rules.md.
type specAnswer struct {
	answer  Value
	class   Class
	confirm bool     // the * of rules.md: needs_confirmation
	sources []string // the sources rules.md names for this answer (content may cite more)
}

// specQuestion is one row of the question table.
type specQuestion struct {
	id       string
	kind     Kind
	optional bool
	min, max int // integer only
	unsure   bool
	answers  []specAnswer
	// shownWhen is the row's "shown when", as a predicate over the answers by id.
	shownWhen func(ans map[string]Value) bool
	// enablers are answers (by id) that make the question shown.
	enablers map[string]Value
}

func code(c string) Value { return CodeValue(c) }

func sa(v Value, c Class, confirm bool, sources ...string) specAnswer {
	return specAnswer{answer: v, class: c, confirm: confirm, sources: sources}
}

func eq(id, c string) func(map[string]Value) bool {
	return func(a map[string]Value) bool { v := a[id]; return v.Set && v.Code == c }
}

// yesNo is the common "no → none; yes → CLASS (sources); unsure → CLASS*" row.
func yesNo(id string, c Class, sources ...string) specQuestion {
	return specQuestion{id: id, kind: Single, answers: []specAnswer{
		sa(code("no"), None, false),
		sa(code("yes"), c, false, sources...),
		sa(code("unsure"), c, true),
	}}
}

// specQuestions is the table of rules.md, in questionnaire order.
func specQuestions() []specQuestion {
	cancerYears := specQuestion{id: "cancer_years", kind: Integer, min: 0, max: 120, unsure: true,
		shownWhen: eq("cancer", "treatment_ended"), enablers: map[string]Value{"cancer": code("treatment_ended")}}
	for n := 0; n <= 120; n++ {
		if n < 5 {
			cancerYears.answers = append(cancerYears.answers, sa(IntValue(n), Absolute, false, "zen-2025"))
		} else {
			cancerYears.answers = append(cancerYears.answers, sa(IntValue(n), None, false))
		}
	}
	cancerYears.answers = append(cancerYears.answers, sa(UnsureInt(), Absolute, true))

	allergyTo := specQuestion{id: "allergy_to", kind: Multi, optional: true,
		shownWhen: eq("allergy", "yes"), enablers: map[string]Value{"allergy": code("yes")}}
	for _, c := range []string{"drug", "food", "pollen", "latex", "metal", "other"} {
		allergyTo.answers = append(allergyTo.answers, sa(CodesValue(c), None, false))
	}
	allergyTo.answers = append(allergyTo.answers,
		sa(CodesValue("drug", "food", "pollen", "latex", "metal", "other"), None, false),
		sa(CodesValue(), None, false), // optional: the empty answer still gets a finding
		sa(Value{}, None, false))

	med := func(a map[string]Value) bool {
		return eq("anticoagulant", "yes")(a) || eq("immunosuppressant", "yes")(a) || eq("other_medication", "yes")(a)
	}
	pp := yesNo("pregnancy_planned", Relative, "tokushu-2025")
	pp.shownWhen, pp.enablers = eq("pregnancy", "no"), map[string]Value{"pregnancy": code("no")}

	sev := specQuestion{id: "allergy_severe", kind: Single, answers: []specAnswer{
		sa(code("no"), None, false), sa(code("yes"), Relative, false, "tokushu-2025"), sa(code("unsure"), Relative, true)},
		shownWhen: func(a map[string]Value) bool { return eq("allergy", "yes")(a) || eq("allergy", "unsure")(a) },
		enablers:  map[string]Value{"allergy": code("yes")}}

	return []specQuestion{
		{id: "pregnancy", kind: Single, answers: []specAnswer{
			sa(code("no"), None, false),
			sa(code("pregnant"), Absolute, false, "zen-2025", "tokushu-2025", "wakagaeri"),
			sa(code("possible"), Absolute, false, "tokushu-2025"),
			sa(code("unsure"), Absolute, true)}},
		pp,
		yesNo("breastfeeding", Absolute, "zen-2025", "tokushu-2025", "wakagaeri"),
		{id: "cancer", kind: Single, answers: []specAnswer{
			sa(code("none"), None, false),
			sa(code("in_treatment"), Absolute, false, "zen-2025", "tokushu-2025", "wakagaeri"),
			sa(code("follow_up"), Absolute, false, "tokushu-2025"),
			sa(code("treatment_ended"), Relative, false, "tokushu-2025", "wakagaeri"),
			sa(code("suspected"), Relative, false, "tokushu-2025", "evidence"),
			sa(code("unsure"), Absolute, true)}},
		cancerYears,
		yesNo("infection", Absolute, "tokushu-2025"),
		{id: "product_reaction", kind: Single, answers: []specAnswer{
			sa(code("never_treated"), None, false),
			sa(code("no_reaction"), None, false),
			sa(code("reaction"), Absolute, false, "tokushu-2025", "wakagaeri"),
			sa(code("unsure"), Absolute, true)}},
		{id: "allergy", kind: Single, answers: []specAnswer{
			sa(code("none"), None, false),
			sa(code("yes"), Relative, false, "tokushu-2025", "zen-2025", "wakagaeri"),
			sa(code("unsure"), Relative, true)}},
		sev,
		allergyTo,
		yesNo("anticoagulant", Relative, "tokushu-2025"),
		yesNo("bleeding_disorder", Relative, "tokushu-2025"),
		yesNo("immunosuppressant", Relative, "tokushu-2025", "wakagaeri"),
		yesNo("other_medication", Relative, "tokushu-2025", "zen-2025"),
		{id: "medication_names", kind: Free, optional: true, shownWhen: med,
			enablers: map[string]Value{"other_medication": code("yes")},
			answers: []specAnswer{
				sa(TextValue("ワーファリン 1mg"), None, false),
				sa(TextValue(""), None, false),
				sa(Value{}, None, false)}},
		yesNo("autoimmune", Relative, "tokushu-2025", "wakagaeri"),
		{id: "chronic_disease", kind: Single, answers: []specAnswer{
			sa(code("none"), None, false),
			sa(code("controlled"), Relative, false, "wakagaeri"),
			sa(code("uncontrolled"), Relative, false, "tokushu-2025", "wakagaeri"),
			sa(code("unsure"), Relative, true)}},
		yesNo("doctor_advised_against", Relative, "wakagaeri"),
		yesNo("blood_donation", Relative, "zen-2025", "tokushu-2025", "nakahama"),
	}
}

// specMildest are answers that place every always-shown question as none (rules.md).
var specMildest = map[string]Value{
	"pregnancy": code("no"), "pregnancy_planned": code("no"), "breastfeeding": code("no"),
	"cancer": code("none"), "infection": code("no"), "product_reaction": code("never_treated"),
	"allergy": code("none"), "anticoagulant": code("no"), "bleeding_disorder": code("no"),
	"immunosuppressant": code("no"), "other_medication": code("no"), "autoimmune": code("no"),
	"chronic_disease": code("none"), "doctor_advised_against": code("no"), "blood_donation": code("no"),
	"allergy_severe": code("no"), "cancer_years": IntValue(10),
}

func defaultRules(tb testing.TB) *RuleSet {
	tb.Helper()
	rs, err := Load(content.FS)
	if err != nil {
		tb.Fatalf("the embedded rule set does not load:\n%v", err)
	}
	return rs
}

// complete builds a complete set of answers: the given ones, and for every other shown
// question its mildest answer (specMildest; nothing for optional ones). Answers to questions
// that turn out hidden are dropped.
func complete(tb testing.TB, rs *RuleSet, given map[string]Value) *Answers {
	tb.Helper()
	a := rs.NewAnswers()
	for _, q := range rs.Questions {
		if !a.IsShown(q) {
			continue
		}
		v, ok := given[q.ID]
		if !ok {
			v = specMildest[q.ID]
		}
		if err := a.Set(q, v); err != nil {
			tb.Fatalf("%s: %v", q.ID, err)
		}
	}
	return a
}

func findingOf(res *Result, id string) *Finding {
	for i := range res.Findings {
		if res.Findings[i].Question.ID == id {
			return &res.Findings[i]
		}
	}
	return nil
}

// TestSpecQuestions checks the questionnaire itself against rules.md: ids in order, kinds,
// optional questions, integer range and unsure, every option of the spec and no other.
func TestSpecQuestions(t *testing.T) {
	rs := defaultRules(t)
	spec := specQuestions()
	var got, want []string
	for _, q := range rs.Questions {
		got = append(got, q.ID)
	}
	for _, s := range spec {
		want = append(want, s.id)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("questions in order:\n got %v\nwant %v", got, want)
	}
	for _, s := range spec {
		q := rs.Question(s.id)
		if q.Kind != s.kind {
			t.Errorf("%s: kind %s, want %s", s.id, q.Kind, s.kind)
		}
		if q.Optional != s.optional {
			t.Errorf("%s: optional %v, want %v", s.id, q.Optional, s.optional)
		}
		if (q.ShownWhen == nil) != (s.shownWhen == nil) {
			t.Errorf("%s: shown_when %v, but rules.md says shown %s", s.id, q.ShownWhen, map[bool]string{true: "always", false: "conditionally"}[s.shownWhen == nil])
		}
		switch s.kind {
		case Single:
			var codes []string
			for _, a := range s.answers {
				codes = append(codes, a.answer.Code)
			}
			if oc := optionCodes(q); !slices.Equal(sorted(oc), sorted(codes)) {
				t.Errorf("%s: options %v, want %v", s.id, oc, codes)
			}
		case Multi:
			want := []string{"drug", "food", "pollen", "latex", "metal", "other"}
			if oc := optionCodes(q); !slices.Equal(sorted(oc), sorted(want)) {
				t.Errorf("%s: options %v, want %v", s.id, oc, want)
			}
		case Integer:
			if q.Min != s.min || q.Max != s.max || q.AllowUnsure != s.unsure {
				t.Errorf("%s: range %d..%d unsure %v, want %d..%d unsure %v", s.id, q.Min, q.Max, q.AllowUnsure, s.min, s.max, s.unsure)
			}
		}
	}
}

func sorted(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

// TestSpecPlacement is the table test of rules.md: every answer of every question, placed
// through Evaluate with the question shown, gets the spec's class, needs_confirmation flag
// and (at least) the spec's sources, and a reason in both languages.
func TestSpecPlacement(t *testing.T) {
	rs := defaultRules(t)
	for _, s := range specQuestions() {
		for _, sa := range s.answers {
			name := s.id + "=" + describeAnswer(rs.Question(s.id), sa.answer)
			t.Run(name, func(t *testing.T) {
				given := map[string]Value{s.id: sa.answer}
				for k, v := range s.enablers {
					given[k] = v
				}
				a := complete(t, rs, given)
				if !a.IsShown(rs.Question(s.id)) {
					t.Fatalf("%s is not shown with %v", s.id, s.enablers)
				}
				res, err := rs.Evaluate(a)
				if err != nil {
					t.Fatal(err)
				}
				f := findingOf(res, s.id)
				if f == nil {
					t.Fatalf("no finding for %s", s.id)
				}
				if f.Class != sa.class {
					t.Errorf("class %s, rules.md says %s", f.Class, sa.class)
				}
				if f.NeedsConfirmation != sa.confirm {
					t.Errorf("needs_confirmation %v, rules.md says %v", f.NeedsConfirmation, sa.confirm)
				}
				for _, src := range sa.sources {
					if !slices.Contains(f.SourceKeys(), src) {
						t.Errorf("sources %v lack %s named by rules.md", f.SourceKeys(), src)
					}
				}
				if len(f.SourceKeys()) == 0 {
					t.Errorf("no sources")
				}
				if f.Reason(JA) == "" || f.Reason(EN) == "" || f.Reason(JA) == f.Reason(EN) {
					t.Errorf("reason ja %q en %q", f.Reason(JA), f.Reason(EN))
				}
				if res.Verdict < f.Class {
					t.Errorf("verdict %s milder than the finding's %s", res.Verdict, f.Class)
				}
			})
		}
	}
}

// TestSpecShownWhen checks every "shown when" of rules.md against Answers.IsShown for every
// answer of the questions it depends on.
func TestSpecShownWhen(t *testing.T) {
	rs := defaultRules(t)
	spec := specQuestions()
	parents := map[string][]string{
		"pregnancy_planned": {"pregnancy"},
		"cancer_years":      {"cancer"},
		"allergy_severe":    {"allergy"},
		"allergy_to":        {"allergy"},
		"medication_names":  {"anticoagulant", "immunosuppressant", "other_medication"},
	}
	byID := map[string]specQuestion{}
	for _, s := range spec {
		byID[s.id] = s
	}
	for _, s := range spec {
		if s.shownWhen == nil {
			continue
		}
		// every combination of the parents' answers
		var combos []map[string]Value
		combos = append(combos, map[string]Value{})
		for _, p := range parents[s.id] {
			var next []map[string]Value
			for _, c := range combos {
				for _, pa := range byID[p].answers {
					m := map[string]Value{}
					for k, v := range c {
						m[k] = v
					}
					m[p] = pa.answer
					next = append(next, m)
				}
			}
			combos = next
		}
		for _, c := range combos {
			a := rs.NewAnswers()
			for id, v := range c {
				if err := a.Set(rs.Question(id), v); err != nil {
					t.Fatal(err)
				}
			}
			if got, want := a.IsShown(rs.Question(s.id)), s.shownWhen(c); got != want {
				t.Errorf("%s shown=%v with %v; rules.md says %v", s.id, got, c, want)
			}
		}
	}
}

// TestSpecExample evaluates the example of interfaces.md.
func TestSpecExample(t *testing.T) {
	rs := defaultRules(t)
	a, err := rs.ParseAnswers([]byte(exampleAnswers), 1)
	if err != nil {
		t.Fatal(err)
	}
	res, err := rs.Evaluate(a)
	if err != nil {
		t.Fatal(err)
	}
	if res.Verdict != Relative {
		t.Errorf("verdict %s, want relative", res.Verdict)
	}
	var ids []string
	for _, f := range res.Findings {
		ids = append(ids, f.Question.ID+":"+f.Class.String())
	}
	want := "pregnancy:none pregnancy_planned:none breastfeeding:none cancer:relative cancer_years:none " +
		"infection:none product_reaction:none allergy:relative allergy_severe:none allergy_to:none " +
		"anticoagulant:none bleeding_disorder:none immunosuppressant:none other_medication:none " +
		"autoimmune:none chronic_disease:none doctor_advised_against:none blood_donation:none"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("findings\n got %s\nwant %s", got, want)
	}
	if res.Count(Relative) != 2 || res.Count(None) != 16 || res.Count(Absolute) != 0 || res.NeedsConfirmation() != 0 {
		t.Errorf("counts: %d absolute, %d relative, %d none, %d to confirm", res.Count(Absolute), res.Count(Relative), res.Count(None), res.NeedsConfirmation())
	}
	if f := findingOf(res, "cancer"); !slices.Equal(f.SourceKeys(), []string{"tokushu-2025", "wakagaeri"}) {
		t.Errorf("cancer sources %v", f.SourceKeys())
	}
}

// exampleAnswers is the answers file of interfaces.md, verbatim.
const exampleAnswers = `{"pregnancy": "no", "pregnancy_planned": "no", "breastfeeding": "no",
 "cancer": "treatment_ended", "cancer_years": 7, "infection": "no",
 "product_reaction": "never_treated", "allergy": "yes", "allergy_severe": "no",
 "allergy_to": ["pollen"], "anticoagulant": "no", "bleeding_disorder": "no",
 "immunosuppressant": "no", "other_medication": "no", "autoimmune": "no",
 "chronic_disease": "none", "doctor_advised_against": "no", "blood_donation": "no"}`

// TestSpecNotices checks the notices and identity rules.md asks for.
func TestSpecNotices(t *testing.T) {
	rs := defaultRules(t)
	if len(rs.Notices) < 4 {
		t.Fatalf("%d notices, rules.md lists 4", len(rs.Notices))
	}
	want := map[string][]string{ // a notice citing these (rules.md)
		"blood": {"zen-2025", "tokushu-2025", "nakahama"},
		"watch": {"tokushu-2025", "wakagaeri", "zen-2025"},
		"mhlw":  {"mhlw-2024", "tokushu-2025", "nakahama"},
	}
	for name, keys := range want {
		found := false
		for _, n := range rs.Notices {
			ok := true
			for _, k := range keys {
				ok = ok && slices.ContainsFunc(n.Sources, func(s *Source) bool { return s.Key == k })
			}
			found = found || ok
		}
		if !found {
			t.Errorf("no notice cites %v (%s)", keys, name)
		}
	}
	for _, k := range []string{"zen-2025", "tokushu-2025", "wakagaeri", "nakahama", "evidence", "jsrm-2024", "mhlw-2024", "isev-2020", "fda-2019"} {
		if rs.Source(k) == nil {
			t.Errorf("source %s of rules.md missing", k)
		}
	}
	if rs.ID == "" || rs.Version == "" || len(rs.SHA256) != 64 {
		t.Errorf("identity %q %q %q", rs.ID, rs.Version, rs.SHA256)
	}
}
