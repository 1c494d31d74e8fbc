package screening

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/exoscreen/exoscreen/content"
)

// This file restates the question table of docs/spec/rules.md as Go data, written
// from the spec and NOT from content/: a content file that disagrees with the spec (a wrong
// class, a missing needs_confirmation, a missing source, a changed condition) fails here.

// specAnswer is one "answer → class (sources)" entry of docs/spec/rules.md.
type specAnswer struct {
	answer  Value
	class   Class
	confirm bool     // the * of docs/spec/rules.md: needs_confirmation
	sources []string // the sources docs/spec/rules.md names for this answer (content may cite more)
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

// specQuestions is the table of docs/spec/rules.md (2026.12), in questionnaire order.
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
	for _, c := range specAllergyTo {
		allergyTo.answers = append(allergyTo.answers, sa(CodesValue(c), None, false))
	}
	allergyTo.answers = append(allergyTo.answers,
		sa(CodesValue(specAllergyTo...), None, false),
		sa(CodesValue(), None, false), // optional: the empty answer still gets a finding
		sa(Value{}, None, false))

	med := func(a map[string]Value) bool {
		return eq("anticoagulant", "yes")(a) || eq("immunosuppressant", "yes")(a) || eq("other_medication", "yes")(a)
	}
	allergyShown := func(a map[string]Value) bool { return eq("allergy", "yes")(a) || eq("allergy", "unsure")(a) }

	pp := yesNo("pregnancy_planned", Relative, "tokushu-2025")
	pp.shownWhen, pp.enablers = eq("pregnancy", "no"), map[string]Value{"pregnancy": code("no")}

	sev := yesNo("allergy_severe", Relative, "tokushu-2025")
	sev.shownWhen, sev.enablers = allergyShown, map[string]Value{"allergy": code("unsure")}

	ingredient := yesNo("ingredient_allergy", Absolute, "wakagaeri")
	ingredient.shownWhen, ingredient.enablers = allergyShown, map[string]Value{"allergy": code("yes")}

	return []specQuestion{
		{id: "pregnancy", kind: Single, answers: []specAnswer{
			sa(code("no"), None, false),
			sa(code("pregnant"), Absolute, false, "zen-2025", "tokushu-2025", "wakagaeri"),
			sa(code("possible"), Absolute, false, "tokushu-2025"),
			sa(code("unsure"), Absolute, true)}},
		pp,
		yesNo("breastfeeding", Absolute, "zen-2025", "tokushu-2025", "wakagaeri"),
		{id: "cancer", kind: Single, answers: []specAnswer{ // in the order docs/spec/rules.md lists them
			sa(code("none"), None, false),
			sa(code("in_treatment"), Absolute, false, "zen-2025", "tokushu-2025", "wakagaeri"),
			sa(code("untreated"), Absolute, false, "zen-2025", "tokushu-2025"),
			sa(code("follow_up"), Absolute, false, "tokushu-2025"),
			sa(code("treatment_ended"), Relative, false, "tokushu-2025", "wakagaeri"),
			sa(code("suspected"), Relative, false, "tokushu-2025"),
			sa(code("unsure"), Absolute, true)}},
		cancerYears,
		yesNo("infection", Absolute, "tokushu-2025"),
		{id: "product_reaction", kind: Single, answers: []specAnswer{
			sa(code("never_treated"), None, false),
			sa(code("no_reaction"), None, false),
			sa(code("reaction"), Absolute, false, "tokushu-2025", "zen-2025"),
			sa(code("unsure"), Absolute, true)}},
		{id: "allergy", kind: Single, answers: []specAnswer{
			sa(code("none"), None, false),
			sa(code("yes"), Relative, false, "zen-2025", "tokushu-2025"),
			sa(code("unsure"), Relative, true)}},
		sev,
		ingredient,
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
		{id: "chronic_disease", kind: Single, answers: []specAnswer{ // serious comes before controlled
			sa(code("none"), None, false),
			sa(code("serious"), Relative, false, "wakagaeri"),
			sa(code("controlled"), None, false, "tokushu-2025", "wakagaeri"),
			sa(code("uncontrolled"), Relative, false, "tokushu-2025", "wakagaeri"),
			sa(code("unsure"), Relative, true)}},
		yesNo("other_treatment", Relative, "tokushu-2025"),
		yesNo("doctor_advised_against", Relative, "wakagaeri"),
		yesNo("blood_donation", Relative, "tokushu-2025", "zen-2025", "nakahama", "jrc"),
	}
}

// specAllergyTo are the options of allergy_to, in the order of docs/spec/rules.md.
var specAllergyTo = []string{"drug", "food", "pollen", "latex", "metal", "anaesthetic", "other"}

// specSources are the source keys of docs/spec/rules.md.
var specSources = []string{"zen-2025", "tokushu-2025", "wakagaeri", "nakahama", "evidence", "jsrm-2024", "mhlw-2024", "isev-2020", "fda-2019", "jrc"}

// specURLs are the addresses docs/spec/rules.md gives (isev-2020's en dash may be percent-encoded).
var specURLs = map[string]string{
	"jsrm-2024": "https://www.jsrm.jp/news/news-14993/",
	"mhlw-2024": "https://www.mhlw.go.jp/content/001281987.pdf",
	"isev-2020": "https://www.isev.org/patient-information-and-safety-notice–extracellular-vesicles-exosomes-and-unproven-therapies",
	"fda-2019":  "https://www.fda.gov/consumers/consumer-updates/fda-warns-about-stem-cell-therapies",
	"jrc":       "https://www.jrc.or.jp/donation/about/refrain/",
}

// specMildest are answers that place every always-shown question as none (docs/spec/rules.md).
var specMildest = map[string]Value{
	"pregnancy": code("no"), "pregnancy_planned": code("no"), "breastfeeding": code("no"),
	"cancer": code("none"), "infection": code("no"), "product_reaction": code("never_treated"),
	"allergy": code("none"), "anticoagulant": code("no"), "bleeding_disorder": code("no"),
	"immunosuppressant": code("no"), "other_medication": code("no"), "autoimmune": code("no"),
	"chronic_disease": code("none"), "doctor_advised_against": code("no"), "blood_donation": code("no"),
	"allergy_severe": code("no"), "ingredient_allergy": code("no"), "other_treatment": code("no"),
	"cancer_years": IntValue(10),
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
	return completeWith(tb, rs, given, specMildest)
}

// completeWith is complete with the mildest answers of another rule set.
func completeWith(tb testing.TB, rs *RuleSet, given, mildest map[string]Value) *Answers {
	tb.Helper()
	a := rs.NewAnswers()
	for _, q := range rs.Questions {
		if !a.IsShown(q) {
			continue
		}
		v, ok := given[q.ID]
		if !ok {
			v = mildest[q.ID]
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

// TestSpecQuestions checks the questionnaire itself against docs/spec/rules.md: ids in order, kinds,
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
			// in the order of docs/spec/rules.md
			if oc := optionCodes(q); !slices.Equal(oc, codes) {
				t.Errorf("%s: options %v, want %v (in this order)", s.id, oc, codes)
			}
		case Multi:
			if oc := optionCodes(q); !slices.Equal(oc, specAllergyTo) {
				t.Errorf("%s: options %v, want %v (in this order)", s.id, oc, specAllergyTo)
			}
		case Integer:
			if q.Min != s.min || q.Max != s.max || q.AllowUnsure != s.unsure {
				t.Errorf("%s: range %d..%d unsure %v, want %d..%d unsure %v", s.id, q.Min, q.Max, q.AllowUnsure, s.min, s.max, s.unsure)
			}
		}
	}
}

func sorted(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

// TestSpecPlacement is the table test of docs/spec/rules.md: every answer of every question, placed
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

// TestSpecShownWhen checks every "shown when" of docs/spec/rules.md against Answers.IsShown for every
// answer of the questions it depends on.
func TestSpecShownWhen(t *testing.T) {
	rs := defaultRules(t)
	spec := specQuestions()
	parents := map[string][]string{
		"pregnancy_planned":  {"pregnancy"},
		"cancer_years":       {"cancer"},
		"allergy_severe":     {"allergy"},
		"ingredient_allergy": {"allergy"},
		"allergy_to":         {"allergy"},
		"medication_names":   {"anticoagulant", "immunosuppressant", "other_medication"},
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

// TestSpecExample evaluates the example of docs/spec/interfaces.md, completed for 2026.12 with the two
// new questions (ingredient_allergy: no, other_treatment: no): the docs/spec/interfaces.md file itself
// now lacks them and is refused as "missing answer", which is right.
func TestSpecExample(t *testing.T) {
	rs := defaultRules(t)
	if _, err := rs.ParseAnswers([]byte(interfacesExample), 1); err == nil || !strings.Contains(err.Error(), "ingredient_allergy") || !strings.Contains(err.Error(), "other_treatment") {
		t.Errorf("the 2026.11 example of interfaces.md: %v, want both new questions missing", err)
	}
	a, err := rs.ParseAnswers([]byte(specExample), 1)
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
		"infection:none product_reaction:none allergy:relative allergy_severe:none ingredient_allergy:none allergy_to:none " +
		"anticoagulant:none bleeding_disorder:none immunosuppressant:none other_medication:none " +
		"autoimmune:none chronic_disease:none other_treatment:none doctor_advised_against:none blood_donation:none"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("findings\n got %s\nwant %s", got, want)
	}
	if res.Count(Relative) != 2 || res.Count(None) != 18 || res.Count(Absolute) != 0 || res.NeedsConfirmation() != 0 {
		t.Errorf("counts: %d absolute, %d relative, %d none, %d to confirm", res.Count(Absolute), res.Count(Relative), res.Count(None), res.NeedsConfirmation())
	}
	if f := findingOf(res, "cancer"); !slices.Equal(f.SourceKeys(), []string{"tokushu-2025", "wakagaeri"}) {
		t.Errorf("cancer sources %v", f.SourceKeys())
	}
}

// interfacesExample is the answers file of docs/spec/interfaces.md, verbatim (rule set 2026.11).
const interfacesExample = `{"pregnancy": "no", "pregnancy_planned": "no", "breastfeeding": "no",
 "cancer": "treatment_ended", "cancer_years": 7, "infection": "no",
 "product_reaction": "never_treated", "allergy": "yes", "allergy_severe": "no",
 "allergy_to": ["pollen"], "anticoagulant": "no", "bleeding_disorder": "no",
 "immunosuppressant": "no", "other_medication": "no", "autoimmune": "no",
 "chronic_disease": "none", "doctor_advised_against": "no", "blood_donation": "no"}`

// specExample is interfacesExample completed for rule set 2026.12 (the README's example).
const specExample = `{"pregnancy": "no", "pregnancy_planned": "no", "breastfeeding": "no",
 "cancer": "treatment_ended", "cancer_years": 7, "infection": "no",
 "product_reaction": "never_treated", "allergy": "yes", "allergy_severe": "no",
 "ingredient_allergy": "no", "allergy_to": ["pollen"], "anticoagulant": "no",
 "bleeding_disorder": "no", "immunosuppressant": "no", "other_medication": "no",
 "autoimmune": "no", "chronic_disease": "none", "other_treatment": "no",
 "doctor_advised_against": "no", "blood_donation": "no"}`

// TestSpecVerdicts: whole screenings the review of 2026.12 named. A diagnosed cancer that is
// not treated is absolute (it used to come out relative through "suspected"); a patient whose
// only finding is an illness kept under control gets none.
func TestSpecVerdicts(t *testing.T) {
	rs := defaultRules(t)
	for _, tc := range []struct {
		name  string
		given map[string]Value
		want  Class
	}{
		{"untreated cancer", map[string]Value{"cancer": code("untreated")}, Absolute},
		{"watchful waiting", map[string]Value{"cancer": code("follow_up")}, Absolute},
		{"only a controlled illness", map[string]Value{"chronic_disease": code("controlled")}, None},
		{"a serious heart, kidney or liver disease", map[string]Value{"chronic_disease": code("serious")}, Relative},
		{"allergic to an ingredient", map[string]Value{"allergy": code("yes"), "ingredient_allergy": code("yes")}, Absolute},
		{"unsure of an ingredient allergy", map[string]Value{"allergy": code("unsure"), "ingredient_allergy": code("unsure")}, Absolute},
		{"another cosmetic treatment", map[string]Value{"other_treatment": code("yes")}, Relative},
		{"a blood donor", map[string]Value{"blood_donation": code("yes")}, Relative},
		{"nothing", nil, None},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := rs.Evaluate(complete(t, rs, tc.given))
			if err != nil {
				t.Fatal(err)
			}
			if res.Verdict != tc.want {
				t.Errorf("verdict %s, want %s", res.Verdict, tc.want)
			}
			if tc.want == None && res.Count(None) != len(res.Findings) {
				t.Errorf("%d findings, %d none", len(res.Findings), res.Count(None))
			}
		})
	}
}

// TestSpecSources: every source of docs/spec/rules.md, with a title and a publisher in both languages,
// and the date and address docs/spec/rules.md gives; the issuer of the MHLW notice; the unsupervised
// article's note says so.
func TestSpecSources(t *testing.T) {
	rs := defaultRules(t)
	var keys []string
	for _, s := range rs.Sources {
		keys = append(keys, s.Key)
	}
	if !slices.Equal(sorted(keys), sorted(specSources)) {
		t.Errorf("sources %v, rules.md has %v", keys, specSources)
	}
	for _, s := range rs.Sources {
		for _, l := range testLangs {
			if s.Title.In(l) == "" || s.Publisher.In(l) == "" {
				t.Errorf("%s: title %q publisher %q in %s", s.Key, s.Title.In(l), s.Publisher.In(l), l)
			}
		}
		u, err := url.PathUnescape(s.URL)
		if err != nil {
			t.Errorf("%s: url %q: %v", s.Key, s.URL, err)
		}
		if want, ok := specURLs[s.Key]; ok && u != want {
			t.Errorf("%s: url %q, rules.md gives %q", s.Key, s.URL, want)
		}
		named := map[string]bool{"tokushu-2025": false, "wakagaeri": false, "evidence": false} // docs/spec/rules.md names no publisher
		if _, unnamed := named[s.Key]; !unnamed && strings.Contains(strings.ToLower(s.Publisher[EN]), "not recorded") {
			t.Errorf("%s: publisher not recorded, but rules.md names one", s.Key)
		}
	}
	dates := map[string]string{"zen-2025": "2025-05-20", "tokushu-2025": "2025-11-27", "jsrm-2024": "2024-04-30",
		"mhlw-2024": "2024-07-31", "isev-2020": "2020-08-08", "fda-2019": "2019"}
	for k, d := range dates {
		if s := rs.Source(k); s == nil || s.Date != d {
			t.Errorf("%s: date %v, rules.md gives %s", k, s, d)
		}
	}
	if s := rs.Source("mhlw-2024"); s == nil || !strings.Contains(s.Publisher[JA], "医政局研究開発政策課") {
		t.Errorf("mhlw-2024 does not name its issuer")
	}
	if s := rs.Source("wakagaeri"); s == nil || !strings.Contains(s.Note[EN], "SEO") || !strings.Contains(s.Note[EN], "no physician supervision") ||
		!strings.Contains(s.Note[JA], "SEO") || !strings.Contains(s.Note[JA], "監修はなく") {
		t.Errorf("wakagaeri's note does not say it is an unsupervised SEO article")
	}
}

// TestSpecNotices checks the notices, the disclaimer and the identity docs/spec/rules.md asks for.
func TestSpecNotices(t *testing.T) {
	rs := defaultRules(t)
	byID := map[string]*Notice{}
	var ids []string
	for _, n := range rs.Notices {
		byID[n.ID] = n
		ids = append(ids, n.ID)
	}
	if want := []string{"anaphylaxis", "after-treatment", "blood-donation", "regulation", "evidence", "infection-risk", "physician-judgment"}; !slices.Equal(ids, want) {
		t.Fatalf("notices %v, want %v (the emergency line first)", ids, want)
	}
	cites := func(id string, keys ...string) {
		t.Helper()
		for _, k := range keys {
			if !slices.ContainsFunc(byID[id].Sources, func(s *Source) bool { return s.Key == k }) {
				t.Errorf("notice %s does not cite %s", id, k)
			}
		}
	}
	says := func(id string, ja, en []string) {
		t.Helper()
		for _, w := range ja {
			if !strings.Contains(byID[id].Text[JA], w) {
				t.Errorf("notice %s (ja) does not say %q", id, w)
			}
		}
		for _, w := range en {
			if !strings.Contains(byID[id].Text[EN], w) {
				t.Errorf("notice %s (en) does not say %q", id, w)
			}
		}
	}
	cites("anaphylaxis", "tokushu-2025", "wakagaeri")
	says("anaphylaxis", []string{"119", "アナフィラキシー", "一般的な救急の対応", "出典の資料に書かれていることではありません"},
		[]string{"call 119", "anaphylaxis", "general emergency practice", "not from the sources"})
	cites("after-treatment", "tokushu-2025", "wakagaeri")
	cites("blood-donation", "zen-2025", "tokushu-2025", "nakahama", "jrc")
	says("blood-donation", []string{"献血", "伝えてください"}, []string{"tell the blood centre"})
	if strings.ContainsAny(byID["blood-donation"].Text[JA]+byID["blood-donation"].Text[EN], "0123456789０１２３４５６７８９") {
		t.Errorf("the blood-donation notice prints a length: %q", byID["blood-donation"].Text)
	}
	cites("regulation", "zen-2025", "tokushu-2025", "mhlw-2024", "nakahama")
	says("regulation", []string{"再生医療等安全性確保法", "承認された製品はありません", "公的医療保険の対象外", "医師・歯科医師の責任"},
		[]string{"self-pay care not covered by public health insurance", "physician or dentist", "in Japan or abroad"})
	if y, m, d, ok := splitDate(rs.Checked); !ok || !strings.Contains(byID["regulation"].Text[JA], y+"年"+m+"月"+d+"日") || !strings.Contains(byID["regulation"].Text[EN], rs.Checked) {
		t.Errorf("the regulation notice is not dated by the rule set's checked date %q", rs.Checked)
	}
	cites("evidence", "tokushu-2025", "nakahama", "jsrm-2024", "isev-2020", "fda-2019", "wakagaeri")
	cites("infection-risk", "nakahama", "evidence")
	if n := byID["physician-judgment"]; len(n.Sources) != 0 || !strings.Contains(n.Text[EN], "not from the sources") || !strings.Contains(n.Text[JA], "出典の資料によるものではなく") {
		t.Errorf("the physician-judgment notice rests on no source and must say so: %v %q", n.Sources, n.Text)
	}
	// The disclaimer says what "none" means; the two never repeat a sentence; no word that
	// reads as regulatory approval.
	for _, l := range testLangs {
		d, p := rs.Disclaimer.In(l), byID["physician-judgment"].Text.In(l)
		for _, sentence := range sentences(d) {
			if strings.Contains(p, sentence) {
				t.Errorf("%s: the disclaimer and the physician-judgment notice both say %q", l, sentence)
			}
		}
		for _, w := range []string{"承認", "許可", "approved", "approval"} {
			if strings.Contains(d, w) || strings.Contains(p, w) {
				t.Errorf("%s: %q in the disclaimer or the physician-judgment notice", l, w)
			}
		}
	}
	if !strings.Contains(rs.Disclaimer[JA], "禁忌が見つからなかった") || !strings.Contains(rs.Disclaimer[EN], "found no contraindication") {
		t.Errorf("the disclaimer does not say what a verdict of none means: %q", rs.Disclaimer)
	}
	if rs.ID != "exoscreen-default" || !strings.HasPrefix(rs.Version, "2026.12.") || len(rs.SHA256) != 64 {
		t.Errorf("identity %q %q %q", rs.ID, rs.Version, rs.SHA256)
	}
}

func splitDate(d string) (y, m, day string, ok bool) {
	p := strings.Split(d, "-")
	if len(p) != 3 {
		return "", "", "", false
	}
	return p[0], strings.TrimPrefix(p[1], "0"), strings.TrimPrefix(p[2], "0"), true
}

// sentences splits a text after 。 . : ; (the pieces a copy would repeat).
func sentences(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("。.:;", r) }) {
		if p = strings.TrimSpace(p); len(p) > 8 {
			out = append(out, p)
		}
	}
	return out
}

// TestContentProse: what a patient and a physician read. No reason, notice, help or
// disclaimer shows a question id or a source key (sources are cited beside the text); the
// Japanese is polite (です・ます), uses full-width punctuation, no jargon, and 「わかりません」
// for unsure; the English avoids "free (self-paid) medical practice"; the drug examples of
// issue 8 are given; men are told to answer "no" to the pregnancy question; the years question
// says to answer 0 under a year.
func TestContentProse(t *testing.T) {
	rs := defaultRules(t)
	type piece struct {
		where string
		text  Text
	}
	var prose, all []piece
	add := func(where string, t Text, isProse bool) {
		all = append(all, piece{where, t})
		if isProse {
			prose = append(prose, piece{where, t})
		}
	}
	add("disclaimer", rs.Disclaimer, true)
	for _, n := range rs.Notices {
		add("notice "+n.ID, n.Text, true)
	}
	for _, q := range rs.Questions {
		add(q.ID+".text", q.Text, true)
		add(q.ID+".help", q.Help, true)
		for _, o := range q.Options {
			add(q.ID+"."+o.Code, o.Text, false)
			add(q.ID+"."+o.Code+".help", o.Help, true)
		}
		for i, r := range q.Rules {
			add(fmt.Sprintf("%s.rules[%d].reason", q.ID, i), r.Reason, true)
		}
	}
	// Question ids and source keys: in Japanese never; in English never as the word itself,
	// except those that are ordinary English words.
	words := map[string]bool{"pregnancy": true, "breastfeeding": true, "cancer": true, "infection": true, "allergy": true, "autoimmune": true, "evidence": true}
	var names []string
	for _, q := range rs.Questions {
		names = append(names, q.ID)
	}
	for _, s := range rs.Sources {
		names = append(names, s.Key)
	}
	for _, p := range prose {
		for _, n := range names {
			if strings.Contains(p.text[JA], n) {
				t.Errorf("%s (ja) shows %q: %s", p.where, n, p.text[JA])
			}
			if !words[n] && regexp.MustCompile(`(^|[^A-Za-z0-9_-])`+regexp.QuoteMeta(n)+`($|[^A-Za-z0-9_-])`).MatchString(p.text[EN]) {
				t.Errorf("%s (en) shows %q: %s", p.where, n, p.text[EN])
			}
		}
	}
	polite := regexp.MustCompile(`(ます|です|ません|ください|か|でした|した)$`)
	paren := regexp.MustCompile(`（[^）]*）$`) // a closing remark: （任意）
	for _, p := range all {
		ja := p.text[JA]
		if strings.ContainsAny(ja, "()?!:;") || strings.Contains(ja, "精査") {
			t.Errorf("%s (ja): half-width punctuation or jargon: %s", p.where, ja)
		}
		for _, s := range strings.Split(ja, "。") {
			if s = paren.ReplaceAllString(strings.TrimRight(s, "」"), ""); s != "" && strings.HasSuffix(ja, "。") && !polite.MatchString(s) {
				t.Errorf("%s (ja): not です・ます: %q", p.where, s)
			}
		}
		if strings.Contains(strings.ToLower(p.text[EN]), "free (self-paid)") || strings.Contains(strings.ToLower(p.text[EN]), "self-paid") {
			t.Errorf("%s (en): %q", p.where, p.text[EN])
		}
	}
	for _, q := range rs.Questions {
		if o := q.Option(UnsureCode); o != nil && (o.Text[JA] != "わかりません" || o.Text[EN] != "Not sure") {
			t.Errorf("%s: unsure is %q", q.ID, o.Text)
		}
	}
	for id, want := range map[string][]string{
		"anticoagulant":     {"ワーファリン（ワルファリン）", "エリキュース", "イグザレルト", "リクシアナ", "プラザキサ", "バイアスピリン", "プラビックス"},
		"immunosuppressant": {"プレドニン", "プログラフ", "ネオーラル", "リウマトレックス", "生物学的製剤", "抗がん剤"},
		"pregnancy":         {"男性の方は「いいえ」"},
		"cancer_years":      {"1年未満の場合は0"},
	} {
		for _, w := range want {
			if !strings.Contains(rs.Question(id).Help[JA], w) {
				t.Errorf("%s: help lacks %q: %s", id, w, rs.Question(id).Help[JA])
			}
		}
	}
	for id, want := range map[string][]string{
		"anticoagulant":     {"warfarin", "apixaban", "rivaroxaban", "edoxaban", "dabigatran", "aspirin", "clopidogrel"},
		"immunosuppressant": {"prednisolone", "tacrolimus", "ciclosporin", "methotrexate", "biologics", "anti-cancer"},
	} {
		for _, w := range want {
			if !strings.Contains(rs.Question(id).Help[EN], w) {
				t.Errorf("%s: help lacks the generic name %q: %s", id, w, rs.Question(id).Help[EN])
			}
		}
	}
	// The infection question is about serious infection only: its words never widen the
	// absolute class to any infection under treatment.
	if q := rs.Question("infection"); !strings.Contains(q.Text[JA], "重い感染症") || strings.Contains(q.Help[JA], "治療中の感染症") {
		t.Errorf("infection: %q / %q", q.Text[JA], q.Help[JA])
	}
}
