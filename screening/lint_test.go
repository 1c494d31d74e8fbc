package screening

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// contentCopy returns the test rule set (internal/testrules) as a MapFS, to be edited by a
// test.
func contentCopy(tb testing.TB) fstest.MapFS {
	tb.Helper()
	m := fstest.MapFS{}
	for _, name := range contentFiles {
		b, err := fs.ReadFile(os.DirFS(testRulesDir), name)
		if err != nil {
			tb.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: b}
	}
	return m
}

// edit replaces the first occurrence of old in file with new; old must occur. An empty old
// appends new.
func edit(tb testing.TB, m fstest.MapFS, file, old, new string) {
	tb.Helper()
	s := string(m[file].Data)
	if old == "" {
		m[file] = &fstest.MapFile{Data: []byte(s + new)}
		return
	}
	if !strings.Contains(s, old) {
		tb.Fatalf("%s does not contain %q", file, old)
	}
	m[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}

// lineOf is the 1-based line of the first occurrence of marker in file, after each of the
// anchors in turn.
func lineOf(tb testing.TB, m fstest.MapFS, file, marker string, after ...string) int {
	tb.Helper()
	s := string(m[file].Data)
	start := 0
	for _, a := range after {
		i := strings.Index(s[start:], a)
		if i < 0 {
			tb.Fatalf("%s: %q not found", file, a)
		}
		start += i + len(a)
	}
	i := strings.Index(s[start:], marker)
	if i < 0 {
		tb.Fatalf("%s: %q not found", file, marker)
	}
	return strings.Count(s[:start+i], "\n") + 1
}

func loadProblems(tb testing.TB, fsys fs.FS) []Problem {
	tb.Helper()
	rs, err := Load(fsys)
	if err == nil {
		tb.Fatalf("Load accepted the rule set %s", rs.ID)
	}
	if rs != nil {
		tb.Fatalf("Load returned a rule set with an error")
	}
	var le *LoadError
	if !errors.As(err, &le) {
		tb.Fatalf("error %T %v, want *LoadError", err, err)
	}
	if len(le.Problems) == 0 {
		tb.Fatal("LoadError without problems")
	}
	return le.Problems
}

type wantProblem struct {
	file   string
	line   int
	field  string
	en, ja string // substrings of the message
}

func hasProblem(ps []Problem, w wantProblem) bool {
	for _, p := range ps {
		if p.File == w.file && p.Line == w.line && p.Field == w.field &&
			strings.Contains(p.Message[EN], w.en) && strings.Contains(p.Message[JA], w.ja) {
			return true
		}
	}
	return false
}

func TestLoadRuleSet(t *testing.T) {
	rs := testRules(t)
	if rs.ID != "exoscreen-test" || len(rs.Questions) != 19 || len(rs.Sources) != 9 || len(rs.Sections) == 0 {
		t.Fatalf("unexpected rule set: %s, %d questions, %d sources", rs.ID, len(rs.Questions), len(rs.Sources))
	}
	for i, q := range rs.Questions {
		if q.Index != i || rs.Question(q.ID) != q || q.Section == nil || q.Line == 0 {
			t.Errorf("%s: index %d line %d", q.ID, q.Index, q.Line)
		}
		for _, r := range q.Rules {
			if r.Question != q || r.Line <= q.Line || len(r.Sources) != len(r.SourceKeys) || len(r.Sources) == 0 {
				t.Errorf("%s: rule at line %d badly built", q.ID, r.Line)
			}
		}
	}
	if rs.Question("nope") != nil || rs.Source("nope") != nil {
		t.Error("lookup of unknown ids")
	}
	// The same content gives the same digest; any change of a byte changes it.
	rs2 := testRules(t)
	if rs2.SHA256 != rs.SHA256 {
		t.Error("digest not stable")
	}
	m := contentCopy(t)
	edit(t, m, "ruleset.yaml", `version: "test-2026.11"`, `version: "test-2026.11" `)
	rs3, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	if rs3.SHA256 == rs.SHA256 {
		t.Error("digest unchanged after an edit")
	}
	// LoadDir on a copy on disk names files by their path.
	dir := t.TempDir()
	for name, f := range contentCopy(t) {
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	rs4, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if rs4.SHA256 != rs.SHA256 {
		t.Error("LoadDir digest differs from Load")
	}
}

// TestLintRefuses runs copies of content/ with one edit each: every one is refused with the
// right file, line, field and message (in both languages).
func TestLintRefuses(t *testing.T) {
	const q, src, set = "questions.yaml", "sources.yaml", "ruleset.yaml"
	tests := []struct {
		name string
		file string
		old  string
		new  string
		// where the problem is: a marker in the edited file (after the optional anchors)
		marker string
		after  []string
		want   wantProblem // file and line filled in from marker
		count  int         // the exact number of problems, when known
	}{
		{
			name: "coverage gap in an integer range",
			file: q, old: `{operator: "<", answer: 5}`, new: `{operator: "<", answer: 3}`,
			marker: "- id: cancer_years",
			want:   wantProblem{field: "questions.cancer_years.rules", en: "coverage gap: no rule places the answer 3 to 4", ja: "網羅漏れ: 回答 3 to 4 を"},
			count:  1,
		},
		{
			name: "coverage gap at the top of a range",
			file: q, old: "max: 120", new: "max: 130",
			marker: "- id: cancer_years",
			// >= 5 covers it: no gap. Replace with a bounded rule instead in the next case.
		},
		{
			name: "coverage gap: one rule deleted",
			file: q,
			old: `          - when:
              conditions:
                - {operator: "=", answer: possible}
            class: absolute
            sources: [tokushu-2025]
            reason:
              ja: 妊娠の可能性がある場合も、tokushu-2025 は絶対禁忌としています。妊娠が否定されるまでは妊娠中と同じに扱います。
              en: "Possibly pregnant: tokushu-2025 places possible pregnancy among the absolute contraindications. Treat as pregnant until pregnancy is ruled out."
`,
			new:    "",
			marker: "      - id: pregnancy\n",
			want:   wantProblem{field: "questions.pregnancy.rules", en: `no rule places the answer "possible"`, ja: `回答 "possible" を判定するルールがありません`},
		},
		{
			name: "coverage gap on a multi question",
			file: q, old: "          - class: none\n            sources: [tokushu-2025, wakagaeri]",
			new:    "          - when: {conditions: [{operator: \"!=\", answer: other}]}\n            class: none\n            sources: [tokushu-2025, wakagaeri]",
			marker: "- id: allergy_to",
			want:   wantProblem{field: "questions.allergy_to.rules", en: `no rule places the answer (no answer), [], ["other"], ["drug", "other"], ["food", "other"]`, ja: "網羅漏れ"},
			count:  1,
		},
		{
			name: "dangling reference: unknown question",
			file: q, old: `{question: pregnancy, operator: "=", answer: "no"}`, new: `{question: pregnancyy, operator: "=", answer: "no"}`,
			marker: "question: pregnancyy",
			want:   wantProblem{field: "questions.pregnancy_planned.shown_when.conditions[0].question", en: `unknown question "pregnancyy"`, ja: `質問 "pregnancyy" はありません`},
			count:  1,
		},
		{
			name: "dangling reference: unknown option in shown_when",
			file: q, old: `{question: cancer, operator: "=", answer: treatment_ended}`, new: `{question: cancer, operator: "=", answer: ended}`,
			marker: "answer: ended",
			want:   wantProblem{field: "questions.cancer_years.shown_when.conditions[0].answer", en: `"ended" is not an option of cancer`, ja: `"ended" は cancer の選択肢にありません`},
			count:  1,
		},
		{
			name: "dangling reference: unknown option in a rule",
			file: q, old: `{operator: "=", answer: pregnant}`, new: `{operator: "=", answer: pregnent}`,
			marker: "answer: pregnent",
			want:   wantProblem{field: "questions.pregnancy.rules[1].when.conditions[0].answer", en: `"pregnent" is not an option of pregnancy`, ja: "選択肢にありません"},
		},
		{
			name: "forward reference",
			file: q, old: `{question: pregnancy, operator: "=", answer: "no"}`, new: `{question: breastfeeding, operator: "=", answer: "no"}`,
			marker: "question: breastfeeding",
			want:   wantProblem{field: "questions.pregnancy_planned.shown_when.conditions[0].question", en: `refers forward to "breastfeeding"`, ja: `後の質問 "breastfeeding" を参照しています`},
			count:  1,
		},
		{
			name: "self reference",
			file: q, old: `{question: allergy, operator: "=", answer: "yes"}`, new: `{question: allergy_severe, operator: "=", answer: "yes"}`,
			marker: "question: allergy_severe",
			want:   wantProblem{field: "questions.allergy_severe.shown_when.conditions[0].question", en: "cannot depend on its own answer", ja: "自分自身"},
			count:  1,
		},
		{
			name: "ordered operator on a choice question",
			file: q, old: `{question: allergy, operator: "=", answer: unsure}`, new: `{question: allergy, operator: ">", answer: unsure}`,
			marker: `operator: ">", answer: unsure`,
			want:   wantProblem{field: "questions.allergy_severe.shown_when.conditions[1].operator", en: "> compares numbers", ja: "数値の比較"},
			count:  1,
		},
		{
			name: "bad source key in a rule",
			file: q, old: "sources: [tokushu-2025]", new: "sources: [tokushu-2052]",
			marker: "tokushu-2052",
			want:   wantProblem{field: "questions.pregnancy.rules[2].sources[0]", en: `unknown source key "tokushu-2052" (not in sources.yaml)`, ja: `出典キー "tokushu-2052" は sources.yaml にありません`},
			count:  1,
		},
		{
			name: "bad source key in a notice",
			file: set, old: "sources: [mhlw-2024]", new: "sources: [mhlw-2042]",
			marker: "mhlw-2042",
			want:   wantProblem{field: "notices.physician-judgment.sources[0]", en: `unknown source key "mhlw-2042"`, ja: "sources.yaml にありません"},
			count:  1,
		},
		{
			name: "missing translation",
			file: q, old: `          en: "Are you pregnant now?"` + "\n", new: "",
			marker: "ja: 現在、妊娠していますか。",
			want:   wantProblem{field: "questions.pregnancy.text.en", en: "missing the en translation (every declared language is required)", ja: "言語 en の訳がありません(宣言したすべての言語で書きます)"},
			count:  1,
		},
		{
			name: "empty translation",
			file: q, old: `{ja: いいえ, en: "No"}`, new: `{ja: "", en: "No"}`,
			marker: `{ja: "", en: "No"}`,
			want:   wantProblem{field: "questions.pregnancy.options.no.text.ja", en: "missing the ja translation (every declared language is required)", ja: "言語 ja の訳がありません(宣言したすべての言語で書きます)"},
			count:  1,
		},
		{
			name: "unknown key",
			file: q, old: "            needs_confirmation: true", new: "            needs_confirmaton: true",
			marker: "needs_confirmaton",
			want:   wantProblem{field: "questions.pregnancy.rules[3].needs_confirmaton", en: "unknown key (allowed here: when, class, needs_confirmation, sources, reason)", ja: "不明なキーです"},
		},
		{
			name: "unknown key in ruleset.yaml",
			file: set, old: "version:", new: "versoin:",
			marker: "versoin:",
			want:   wantProblem{field: "versoin", en: "unknown key", ja: "不明なキー"},
		},
		{
			name: "duplicate question id",
			file: q, old: "      - id: breastfeeding", new: "      - id: pregnancy",
			marker: "- id: pregnancy\n", after: []string{"- id: pregnancy_planned"},
			want: wantProblem{field: "sections.pregnancy.questions[2].id", en: `duplicate question id "pregnancy"`, ja: `質問ID "pregnancy" が重複しています`},
		},
		{
			name: "duplicate option code",
			file: q, old: "          - code: possible", new: "          - code: pregnant",
			marker: "- code: pregnant", after: []string{"- code: pregnant\n"},
			want: wantProblem{field: "questions.pregnancy.options[2].code", en: `duplicate option code "pregnant"`, ja: "重複"},
		},
		{
			name: "duplicate source key",
			file: src, old: "key: evidence", new: "key: zen-2025",
			marker: "key: zen-2025", after: []string{"key: zen-2025\n"},
			want: wantProblem{field: "sources.zen-2025.key", en: `duplicate source key "zen-2025"`, ja: "重複"},
		},
		{
			name: "duplicate notice id",
			file: set, old: "id: after-treatment", new: "id: blood-donation",
			marker: "id: blood-donation", after: []string{"id: blood-donation\n"},
			want:  wantProblem{field: "notices[1].id", en: `duplicate notice id "blood-donation"`, ja: "重複"},
			count: 1,
		},
		{
			name: "duplicate section id",
			file: q, old: "  - id: health\n", new: "  - id: cancer\n",
			marker: "  - id: cancer\n", after: []string{"- id: cancer_years"},
			want:  wantProblem{field: "sections[4].id", en: `duplicate section id "cancer"`, ja: "重複"},
			count: 1,
		},
		{
			name: "unsure milder than another answer",
			file: q,
			old: `                - {operator: "=", answer: unsure}
            class: absolute
            needs_confirmation: true
            sources: [zen-2025, tokushu-2025, wakagaeri]
            reason:
              ja: 「わからない」は治療中`,
			new: `                - {operator: "=", answer: unsure}
            class: relative
            needs_confirmation: true
            sources: [zen-2025, tokushu-2025, wakagaeri]
            reason:
              ja: 「わからない」は治療中`,
			marker: "- when:", after: []string{"- id: cancer\n", "answer: suspected}"},
			want:  wantProblem{field: "questions.cancer.rules", en: `"unsure" is placed relative, milder than absolute`, ja: `"unsure" が relative で、他の回答の absolute より緩く`},
			count: 1,
		},
		{
			name: "unsure on an integer milder than another answer",
			file: q,
			old: `                - {operator: "=", answer: unsure}
            class: absolute
            needs_confirmation: true
            sources: [zen-2025]`,
			new: `                - {operator: "=", answer: unsure}
            class: none
            needs_confirmation: true
            sources: [zen-2025]`,
			marker: "- when:", after: []string{"- id: cancer_years\n", "answer: 5}", "answer: 5}"},
			want:  wantProblem{field: "questions.cancer_years.rules", en: `"unsure" is placed none, milder than absolute`, ja: "緩く"},
			count: 1,
		},
		{
			name: "unsure without needs_confirmation",
			file: q, old: "            class: absolute\n            needs_confirmation: true\n", new: "            class: absolute\n",
			marker: "- when:", after: []string{"answer: possible}"},
			want:  wantProblem{field: "questions.pregnancy.rules", en: `the rule placing "unsure" must have needs_confirmation: true`, ja: "needs_confirmation: true が必要です"},
			count: 1,
		},
		{
			name: "single question without unsure",
			file: q, old: "          - code: unsure\n            text: {ja: わからない, en: \"Not sure\"}\n", new: "",
			marker: `- code: "no"`, after: []string{"- id: pregnancy\n"},
			want: wantProblem{field: "questions.pregnancy.options", en: `needs an option "unsure"`, ja: `選択肢 "unsure"`},
		},
		{
			name: "bad YAML",
			file: q, old: `{ja: いいえ, en: "No"}`, new: `{ja: いいえ, en: "No"`,
			marker: `{ja: いいえ, en: "No"` + "\n",
			want:   wantProblem{field: "", en: "not valid YAML", ja: "YAMLとして読めません"},
			count:  1,
		},
		{
			name: "bad YAML: tab indentation",
			file: set, old: "\n  ja: エクソソーム", new: "\n\tja: エクソソーム",
			marker: "\tja:",
			want:   wantProblem{field: "", en: "not valid YAML", ja: "YAMLとして読めません"},
			count:  1,
		},
		{
			name: "two YAML documents",
			file: src, old: "", new: "---\nsources: []\n",
			marker: "---",
			want:   wantProblem{field: "", en: "one YAML document", ja: "YAMLとして読めません"},
		},
		{
			name: "unknown class",
			file: q, old: "class: absolute", new: "class: absolut",
			marker: "class: absolut",
			want:   wantProblem{field: "questions.pregnancy.rules[1].class", en: `unknown class "absolut"`, ja: `区分 "absolut" はありません`},
		},
		{
			name: "unknown kind",
			file: q, old: "kind: integer", new: "kind: number",
			marker: "kind: number",
			want:   wantProblem{field: "questions.cancer_years.kind", en: `unknown kind "number"`, ja: `種類 "number" はありません`},
		},
		{
			name: "unused source",
			file: src, old: "sources:\n", new: "sources:\n  - key: unused-one\n    title: {ja: 未使用, en: Unused}\n    publisher: {ja: 誰か, en: Someone}\n",
			marker: "key: unused-one",
			want:   wantProblem{field: "sources.unused-one", en: "never cited", ja: "使われていません"},
			count:  1,
		},
		{
			name: "bad date and url",
			file: src, old: `date: "2025-05-20"`, new: `date: "2025-13-01"`,
			marker: `date: "2025-13-01"`,
			want:   wantProblem{field: "sources.zen-2025.date", en: "expected YYYY, YYYY-MM or YYYY-MM-DD", ja: "YYYY"},
			count:  1,
		},
		{
			name: "missing required key",
			file: set, old: `version: "test-2026.11"` + "\n", new: "",
			marker: "id: exoscreen-test",
			want:   wantProblem{field: "version", en: "required key is missing", ja: "必須のキーがありません"},
			count:  1,
		},
		{
			name: "min above max",
			file: q, old: "min: 0", new: "min: 200",
			marker: "max: 120",
			want:   wantProblem{field: "questions.cancer_years.max", en: "max is below min", ja: "max が min より小さく"},
		},
		{
			name: "exists with a non-boolean",
			file: q, old: `{question: cancer, operator: "=", answer: treatment_ended}`, new: `{question: cancer, operator: exists, answer: maybe}`,
			marker: "answer: maybe",
			want:   wantProblem{field: "questions.cancer_years.shown_when.conditions[0].answer", en: "exists takes true or false", ja: "exists には true か false"},
			count:  1,
		},
		{
			name: "text question tested with =",
			file: q, old: "      - id: autoimmune\n        kind: single\n",
			new:    "      - id: autoimmune\n        kind: single\n        shown_when: {conditions: [{question: medication_names, operator: \"=\", answer: x}]}\n",
			marker: "answer: x}",
			want:   wantProblem{field: "questions.autoimmune.shown_when.conditions[0].answer", en: "medication_names is a text question: only exists can test it", ja: "exists だけが使えます"},
			count:  1,
		},
		{
			name: "integer condition with a non-number",
			file: q, old: `{operator: "<", answer: 5}`, new: `{operator: "<", answer: five}`,
			marker: "answer: five",
			want:   wantProblem{field: "questions.cancer_years.rules[0].when.conditions[0].answer", en: "cancer_years is an integer question: expected a whole number", ja: "整数が必要です"},
			count:  1,
		},
		{
			name: "unknown operator",
			file: q, old: `{operator: "<", answer: 5}`, new: `{operator: "=<", answer: 5}`,
			marker: `operator: "=<"`,
			want:   wantProblem{field: "questions.cancer_years.rules[0].when.conditions[0].operator", en: `unknown operator "=<"`, ja: "演算子"},
			count:  1,
		},
		{
			name: "unknown behavior",
			file: q, old: "behavior: any", new: "behavior: some",
			marker: "behavior: some",
			want:   wantProblem{field: "questions.allergy_severe.shown_when.behavior", en: `unknown behavior "some"`, ja: "behavior"},
			count:  1,
		},
		{
			name: "options on an integer question",
			file: q, old: "        min: 0\n", new: "        min: 0\n        options: [{code: a, text: {ja: あ, en: a}}]\n",
			marker: "options: [",
			want:   wantProblem{field: "questions.cancer_years.options", en: "only single and multi questions have options", ja: "選択肢を持てる"},
			count:  1,
		},
		{
			name: "min on a single question",
			file: q, old: "      - id: infection\n        kind: single\n", new: "      - id: infection\n        kind: single\n        min: 1\n",
			marker: "min: 1",
			want:   wantProblem{field: "questions.infection.min", en: "only integer questions have min", ja: "integer の質問だけ"},
			count:  1,
		},
		{
			name: "not a boolean",
			file: q, old: "        optional: true", new: "        optional: maybe",
			marker: "optional: maybe",
			want:   wantProblem{field: "questions.allergy_to.optional", en: `expected true or false, found "maybe"`, ja: "true か false"},
		},
		{
			name: "bad question id",
			file: q, old: "      - id: infection\n", new: "      - id: Infection\n",
			marker: "id: Infection",
			want:   wantProblem{field: "sections.infection_allergy.questions[0].id", en: "a question id uses lower-case letters", ja: "質問ID"},
		},
		{
			name: "a list where a mapping belongs",
			file: set, old: "name:\n", new: "name: [a, b]\nx_name:\n",
			marker: "name: [a, b]",
			want:   wantProblem{field: "name", en: "expected a mapping (key: value), found a list", ja: "マッピング"},
		},
		{
			name: "max above the span limit",
			file: q, old: "max: 120", new: "max: 1000000",
			marker: "max: 1000000",
			want:   wantProblem{field: "questions.cancer_years.max", en: "the range may span at most 100000 numbers", ja: "範囲は最大"},
			count:  1,
		},
		{
			name: "bad url",
			file: src, old: "key: evidence\n", new: "key: evidence\n    url: ftp://x\n",
			marker: "url: ftp://x",
			want:   wantProblem{field: "sources.evidence.url", en: "expected an http:// or https:// address", ja: "https://"},
			count:  1,
		},
		{
			name: "key given twice",
			file: set, old: "id: exoscreen-test\n", new: "id: exoscreen-test\nid: again\n",
			marker: "id: again",
			want:   wantProblem{field: "id", en: "key given twice", ja: "キーが2回書かれています"},
			count:  1,
		},
		{
			name: "a list where a text belongs",
			file: set, old: "id: exoscreen-test", new: "id: [exoscreen-test]",
			marker: "id: [",
			want:   wantProblem{field: "id", en: "expected a text value, found a list", ja: "文字列が必要ですが、リストです"},
			count:  1,
		},
		{
			name: "nothing where a text belongs",
			file: set, old: `version: "test-2026.11"`, new: `version:`,
			marker: "version:",
			want:   wantProblem{field: "version", en: "expected a text value, found nothing", ja: "空の値"},
			count:  1,
		},
		{
			name: "empty required text",
			file: set, old: `version: "test-2026.11"`, new: `version: "  "`,
			marker: "version:",
			want:   wantProblem{field: "version", en: "must not be empty", ja: "空にはできません"},
			count:  1,
		},
		{
			name: "bad ruleset id",
			file: set, old: "id: exoscreen-test", new: "id: Exoscreen_Test",
			marker: "id: Exo",
			want:   wantProblem{field: "id", en: "an id uses lower-case letters, digits and '-'", ja: "IDは英小文字"},
			count:  1,
		},
		{
			name: "a fraction where a whole number belongs",
			file: q, old: "min: 0", new: "min: 0.5",
			marker: "min: 0.5",
			want:   wantProblem{field: "questions.cancer_years.min", en: `expected a whole number, found "0.5"`, ja: "整数が必要ですが"},
			count:  1,
		},
		{
			name: "a mapping where a source key belongs",
			file: set, old: "sources: [mhlw-2024]", new: "sources: [{key: mhlw-2024}]",
			marker: "{key: mhlw-2024}",
			want:   wantProblem{field: "notices.physician-judgment.sources[0]", en: "expected a text value, found a mapping", ja: "マッピング"},
		},
		{
			name: "a source cited twice",
			file: set, old: "sources: [mhlw-2024]", new: "sources: [mhlw-2024, mhlw-2024]",
			marker: "sources: [mhlw-2024, mhlw-2024]",
			want:   wantProblem{field: "notices.physician-judgment.sources[1]", en: `source "mhlw-2024" cited twice`, ja: "2回書かれています"},
			count:  1,
		},
		{
			name: "a text where a list belongs",
			file: set, old: "notices:\n", new: "notices: none\nx_notices:\n",
			marker: "notices: none",
			want:   wantProblem{field: "notices", en: `expected a list, found the value "none"`, ja: "リストが必要ですが"},
		},
		{
			name: "an alias where a text belongs",
			file: set, old: "disclaimer:\n", new: "x: &n {ja: あ, en: a}\ndisclaimer: *n\nx_disclaimer:\n",
			marker: "disclaimer: *n",
			want:   wantProblem{field: "disclaimer", en: "expected a mapping (key: value), found an alias", ja: "エイリアス"},
		},
		{
			name: "a list as a condition answer",
			file: q, old: `{question: cancer, operator: "=", answer: treatment_ended}`, new: `{question: cancer, operator: "=", answer: [treatment_ended]}`,
			marker: "answer: [treatment_ended]",
			want:   wantProblem{field: "questions.cancer_years.shown_when.conditions[0].answer", en: "expected a single value, found a list", ja: "値が1つ必要ですが、リストです"},
			count:  1,
		},
		{
			name: "unsure tested with > on a later question",
			file: q, old: "      - id: infection\n        kind: single\n", new: "      - id: infection\n        kind: single\n        shown_when: {conditions: [{question: cancer_years, operator: \">\", answer: unsure}]}\n",
			marker: `operator: ">", answer: unsure`,
			want:   wantProblem{field: "questions.infection.shown_when.conditions[0].answer", en: `"unsure" can only be tested with = or != on a question that allows it`, ja: "unsure を許す質問"},
			count:  1,
		},
		{
			name: "too many options on a multi question",
			file: q, old: "          - code: other\n", new: "          - {code: o1, text: {ja: あ, en: a}}\n          - {code: o2, text: {ja: あ, en: a}}\n          - {code: o3, text: {ja: あ, en: a}}\n          - {code: o4, text: {ja: あ, en: a}}\n          - {code: o5, text: {ja: あ, en: a}}\n          - {code: o6, text: {ja: あ, en: a}}\n          - {code: o7, text: {ja: あ, en: a}}\n          - code: other\n",
			marker: "- code: drug",
			want:   wantProblem{field: "questions.allergy_to.options", en: "a multi question may have at most 12 options", ja: "最大 12 個"},
			count:  1,
		},
		{
			name: "bad option code",
			file: q, old: "          - code: possible\n", new: "          - code: Possible\n",
			marker: "code: Possible",
			want:   wantProblem{field: "questions.pregnancy.options[2].code", en: "an option code uses lower-case letters", ja: "選択肢コード"},
		},
		{
			name: "bad section id",
			file: q, old: "  - id: health\n", new: "  - id: Health\n",
			marker: "id: Health",
			want:   wantProblem{field: "sections[4].id", en: "an id uses lower-case letters", ja: "IDは英小文字"},
			count:  1,
		},
		{
			name: "bad source key",
			file: src, old: "key: evidence", new: "key: Evidence",
			marker: "key: Evidence",
			want:   wantProblem{field: "sources.Evidence.key", en: "a key uses lower-case letters, digits and '-'", ja: "キーは英小文字"},
		},
		{
			name: "bad checked date",
			file: set, old: `version: "test-2026.11"` + "\n", new: `version: "test-2026.11"` + "\nchecked: 29.11.2026\n",
			marker: "checked: 29.11.2026",
			want:   wantProblem{field: "checked", en: "expected YYYY, YYYY-MM or YYYY-MM-DD", ja: "YYYY"},
			count:  1,
		},
		{
			name: "a checked date loads",
			file: set, old: `version: "test-2026.11"` + "\n", new: `version: "test-2026.11"` + "\nchecked: \"2026-11-29\"\n",
		},
		{
			name: "a notice may cite no source",
			file: set, old: "    sources: [mhlw-2024]\n", new: "    sources: []\n",
		},
		{
			name: "a notice without sources key loads",
			file: set, old: "    sources: [mhlw-2024]\n", new: "",
		},
		{
			name: "a rule must cite a source",
			file: q, old: "            sources: [tokushu-2025]\n", new: "            sources: []\n",
			marker: "sources: []",
			want:   wantProblem{field: "questions.pregnancy.rules[2].sources", en: "must not be empty", ja: "空にはできません"},
			count:  1,
		},
		{
			name: "an integer question without max",
			file: q, old: "        max: 120\n", new: "",
			marker: "- id: cancer_years",
			want:   wantProblem{field: "questions.cancer_years.max", en: "required key is missing", ja: "必須のキー"},
			count:  1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := contentCopy(t)
			edit(t, m, tc.file, tc.old, tc.new)
			if tc.want.en == "" {
				// edits that must still load
				if _, err := Load(m); err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			ps := loadProblems(t, m)
			w := tc.want
			w.file = tc.file
			if tc.marker != "" {
				w.line = lineOf(t, m, tc.file, tc.marker, tc.after...)
			} else {
				for _, p := range ps {
					w.line = p.Line
				}
			}
			if !hasProblem(ps, w) {
				t.Errorf("want %s:%d: %s: %s", w.file, w.line, w.field, w.en)
				for _, p := range ps {
					t.Errorf("got  %s", p.Text(EN))
				}
			}
			if tc.count > 0 && len(ps) != tc.count {
				t.Errorf("%d problems, want %d:\n%v", len(ps), tc.count, (&LoadError{Problems: ps}).Message(EN))
			}
			// every problem is told in every language of exoscreen's messages
			for _, p := range ps {
				for _, l := range Langs {
					if p.Message[l] == "" || strings.Contains(p.Message[l], "%!") {
						t.Errorf("%s: no %s message (or a broken one): %q", p.Text(EN), l, p.Message[l])
					}
				}
			}
			// the rendered problem names file, line and field in both languages
			le := &LoadError{Problems: ps}
			for _, lang := range testLangs {
				msg := le.Message(lang)
				if !strings.Contains(msg, tc.file) || (w.field != "" && !strings.Contains(msg, w.field)) {
					t.Errorf("%s message lacks file or field:\n%s", lang, msg)
				}
			}
		})
	}
}

// TestLintEveryRuleDeleted deletes each rule of every class-bearing question in turn: the
// rule set is refused with a coverage gap naming the question (the answers it placed are
// left unplaced) unless another rule also places them.
func TestLintEveryRuleDeleted(t *testing.T) {
	rs := testRules(t)
	for _, q := range rs.Questions {
		for i, r := range q.Rules {
			// Find the rule's text block: from its line to the next rule or question.
			m := contentCopy(t)
			lines := strings.SplitAfter(string(m["questions.yaml"].Data), "\n")
			start := r.Line - 1
			end := start + 1
			indent := len(lines[start]) - len(strings.TrimLeft(lines[start], " "))
			for end < len(lines) {
				l := lines[end]
				ind := len(l) - len(strings.TrimLeft(l, " "))
				if strings.TrimSpace(l) != "" && ind <= indent && !strings.HasPrefix(strings.TrimSpace(l), "#") {
					break
				}
				end++
			}
			if !strings.HasPrefix(strings.TrimSpace(lines[start]), "- ") {
				t.Fatalf("%s rule %d: line %d is not a list item: %q", q.ID, i, r.Line, lines[start])
			}
			edited := strings.Join(lines[:start], "") + strings.Join(lines[end:], "")
			m["questions.yaml"] = &fstest.MapFile{Data: []byte(edited)}
			// the answers only this rule places
			var lost []string
			forEachAnswer(q, func(v Value) {
				if r.Matches(v) {
					others := false
					for j, o := range q.Rules {
						others = others || (j != i && o.Matches(v))
					}
					if !others {
						lost = append(lost, describeAnswer(q, v))
					}
				}
			})
			_, err := Load(m)
			if len(q.Rules) == 1 {
				// the question is left with "rules:" and nothing under it: every answer is a gap,
				// and the message names the first of them
				if err == nil || !strings.Contains(err.Error(), "questions.yaml:"+itoa(q.Line)+": questions."+q.ID+".rules: coverage gap: no rule places the answer "+lost[0]) {
					t.Errorf("%s: only rule deleted: %v", q.ID, err)
				}
				continue
			}
			if len(lost) == 0 {
				if err != nil {
					// deleting a rule may leave a source unused; nothing else
					for _, p := range err.(*LoadError).Problems {
						if !strings.Contains(p.Message[EN], "never cited") {
							t.Errorf("%s rule %d: %s", q.ID, i, p.Text(EN))
						}
					}
				}
				continue
			}
			if err == nil {
				t.Errorf("%s rule %d deleted: accepted", q.ID, i)
				continue
			}
			found := false
			for _, p := range err.(*LoadError).Problems {
				if p.Field == "questions."+q.ID+".rules" && strings.Contains(p.Message[EN], "coverage gap") &&
					strings.Contains(p.Message[EN], strings.Join(collapseRanges(q, lost), ", ")) && p.Line == q.Line {
					found = true
				}
			}
			if !found {
				t.Errorf("%s rule %d deleted: no coverage gap naming %v:\n%v", q.ID, i, lost, err)
			}
		}
	}
}

// TestLoadMissingFiles: a missing file is named; an empty directory names all three.
func TestLoadMissingFiles(t *testing.T) {
	ps := loadProblems(t, fstest.MapFS{})
	if len(ps) != 3 {
		t.Fatalf("%d problems, want 3", len(ps))
	}
	for i, p := range ps {
		if p.File != contentFiles[i] || p.Message[EN] != "file is missing" || p.Message[JA] != "ファイルがありません" {
			t.Errorf("%+v", p)
		}
	}
	_, err := LoadDir(filepath.Join(t.TempDir(), "nope"))
	var le *LoadError
	if !errors.As(err, &le) || !strings.Contains(le.Problems[0].File, "nope") {
		t.Errorf("LoadDir of a missing dir: %v", err)
	}
	// a directory where a file should be cannot be read
	m := contentCopy(t)
	delete(m, "sources.yaml")
	m["sources.yaml/x"] = &fstest.MapFile{Data: []byte("x")}
	ps = loadProblems(t, m)
	if len(ps) != 1 || ps[0].File != "sources.yaml" || !strings.Contains(ps[0].Message[EN], "cannot read") {
		t.Errorf("%v", ps)
	}
	// an over-large file
	m = contentCopy(t)
	m["sources.yaml"] = &fstest.MapFile{Data: make([]byte, maxContentFile+1)}
	ps = loadProblems(t, m)
	if len(ps) != 1 || !strings.Contains(ps[0].Message[EN], "larger than") {
		t.Errorf("%v", ps)
	}
}

// TestLoadNotMappings: a content file that is a list, a scalar or empty is refused (an empty
// file as a rule set without its required keys).
func TestLoadNotMappings(t *testing.T) {
	for _, tc := range []struct {
		data string
		want string
	}{
		{"[1, 2]\n", "sources.yaml:1: expected a mapping (key: value), found a list"},
		{"hello\n", `sources.yaml:1: expected a mapping (key: value), found the value "hello"`},
		{"", "sources.yaml:1: sources: required key is missing"},
		{"# only a comment\n", "sources.yaml:1: sources: required key is missing"},
		{"sources:\n", "sources.yaml:1: sources: must not be empty"},
		{"sources: []\n", "sources.yaml:1: sources: must not be empty"},
		{"sources: []\n---\nsources: []\n", "sources.yaml:2: not valid YAML: a content file holds one YAML document, found another after ---"},
	} {
		m := contentCopy(t)
		m["sources.yaml"] = &fstest.MapFile{Data: []byte(tc.data)}
		found := false
		for _, p := range loadProblems(t, m) {
			if p.File == "sources.yaml" {
				if got := p.Text(EN); got != tc.want {
					t.Errorf("%q: got %s, want %s", tc.data, got, tc.want)
				}
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%q: no problem in sources.yaml", tc.data)
		}
	}
}

// TestLintGapListCapped: a multi question with no rules has 65 unplaced answers; the message
// names the first maxGapsListed of them and counts the rest, in both languages.
func TestLintGapListCapped(t *testing.T) {
	m := contentCopy(t)
	data := string(m["questions.yaml"].Data)
	q := strings.Index(data, "- id: allergy_to")
	start := q + strings.Index(data[q:], "        rules:")
	end := start + strings.Index(data[start:], "\n      - id:")
	m["questions.yaml"] = &fstest.MapFile{Data: []byte(data[:start] + "        rules:" + data[end:])}
	var got []Problem
	for _, p := range loadProblems(t, m) {
		if p.Field == "questions.allergy_to.rules" {
			got = append(got, p)
		}
	}
	if len(got) != 1 {
		t.Fatalf("want one problem on allergy_to.rules, got %v", got)
	}
	for _, tc := range []struct {
		lang Lang
		want string
	}{
		{EN, `coverage gap: no rule places the answer (no answer), [], ["drug"], ["food"], ["drug", "food"], ["pollen"], ["drug", "pollen"], ["food", "pollen"] and 57 more`},
		{JA, `網羅漏れ: 回答 (no answer), [], ["drug"], ["food"], ["drug", "food"], ["pollen"], ["drug", "pollen"], ["food", "pollen"] ほか57件 を判定するルールがありません`},
	} {
		if msg := got[0].Message.In(tc.lang); msg != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.lang, msg, tc.want)
		}
	}
}

// testLangs are the languages of the test rule set.
var testLangs = []Lang{JA, EN}

// TestLoadMessagesEveryLanguage: a message with a YAML node's kind as argument gives the kind
// in each language (TestLoadMessagesComplete checks every message is in each language).
func TestLoadMessagesEveryLanguage(t *testing.T) {
	m := contentCopy(t)
	edit(t, m, "ruleset.yaml", "", "\nchecked: [1, 2]\n")
	found := false
	for _, p := range loadProblems(t, m) {
		for _, l := range Langs {
			if p.Message[l] == "" || strings.Contains(p.Message[l], "%!") {
				t.Errorf("%s: no %s message (or a broken one): %q", p.Text(EN), l, p.Message[l])
			}
		}
		if p.Field == "checked" {
			found = true
			if want := "문자열이 필요하지만 리스트입니다"; p.Message[KO] != want {
				t.Errorf("ko message %q, want %q", p.Message[KO], want)
			}
		}
	}
	if !found {
		t.Error("no problem with checked")
	}
}

// TestRuleSetLanguages: the languages a rule set declares, in their order, with their names
// and review state; ja and en for a rule set that declares none and for no rule set at all.
func TestRuleSetLanguages(t *testing.T) {
	multi, err := LoadDir(filepath.Join("..", "internal", "testrules", "testdata-multi"))
	if err != nil {
		t.Fatal(err)
	}
	noDecl := contentCopy(t)
	data := string(noDecl["ruleset.yaml"].Data)
	start := strings.Index(data, "\nlanguages:")
	end := strings.Index(data, "\nname:")
	noDecl["ruleset.yaml"] = &fstest.MapFile{Data: []byte(data[:start] + data[end:])}
	plain, err := Load(noDecl)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		rs     *RuleSet
		langs  []Lang
		names  []string
		review []bool
	}{
		{"five declared", multi, []Lang{JA, EN, ZhHans, ZhHant, KO}, []string{"日本語", "English", "简体中文", "繁體中文", "한국어"}, []bool{true, true, false, false, false}},
		{"none declared", plain, []Lang{JA, EN}, []string{"日本語", "English"}, []bool{true, true}},
		{"no rule set", nil, []Lang{JA, EN}, []string{"日本語", "English"}, []bool{true, true}},
	} {
		if got := tc.rs.Langs(); !slices.Equal(got, tc.langs) {
			t.Errorf("%s: Langs %v, want %v", tc.name, got, tc.langs)
		}
		for i, tag := range tc.langs {
			l, ok := tc.rs.Language(tag)
			if !ok || l.Tag != tag || l.Name != tc.names[i] || l.Reviewed != tc.review[i] {
				t.Errorf("%s: Language(%s) = %+v, %v", tc.name, tag, l, ok)
			}
			if got := tc.rs.LangName(tag); got != tc.names[i] {
				t.Errorf("%s: LangName(%s) = %q, want %q", tc.name, tag, got, tc.names[i])
			}
		}
		if l, ok := tc.rs.Language("fr"); ok {
			t.Errorf("%s: Language(fr) = %+v", tc.name, l)
		}
		if got := tc.rs.LangName("fr"); got != "fr" {
			t.Errorf("%s: LangName(fr) = %q", tc.name, got)
		}
		if got := tc.rs.Clinic(); got != JA {
			t.Errorf("%s: clinic language %s", tc.name, got)
		}
	}
	if multi.Name[KO] == "" || multi.Questions[0].Text[ZhHant] == "" {
		t.Error("the Korean name or a Traditional Chinese question text was not read")
	}
}

// TestLoadLanguagesRefused: what ruleset.yaml's languages list refuses, with its line and
// field, and nothing more about the list.
func TestLoadLanguagesRefused(t *testing.T) {
	for _, tc := range []struct {
		name, langs string
		want        []string // field: English message, in order
	}{
		{"ja missing", "languages:\n  - {tag: en, name: English}\n", []string{"languages: ja must be declared (the clinic's records are in Japanese)"}},
		{"empty list", "languages: []\n", []string{"languages: must not be empty"}},
		{"no valid tag", "languages:\n  - {tag: JA, name: 日本語}\n", []string{"languages[0].tag: not a BCP 47 language tag in its canonical form (e.g. ja, en, zh-Hans, ko)"}},
		{"twice", "languages:\n  - {tag: ja, name: 日本語}\n  - {tag: en, name: English}\n  - {tag: ja, name: 日本語}\n", []string{"languages[2].tag: language ja declared twice"}},
		{"a language without its tag", "languages:\n  - {tag: ja, name: 日本語}\n  - {name: English}\n", []string{"languages[1].tag: required key is missing"}},
		{"reviewed not a bool", "languages:\n  - {tag: ja, name: 日本語, reviewed: yes}\n  - {tag: en, name: English}\n", []string{"languages[0].reviewed: expected true or false"}},
	} {
		m := contentCopy(t)
		data := string(m["ruleset.yaml"].Data)
		start := strings.Index(data, "\nlanguages:") + 1
		end := strings.Index(data, "clinic_language:")
		m["ruleset.yaml"] = &fstest.MapFile{Data: []byte(data[:start] + tc.langs + data[end:])}
		line := strings.Count(data[:start], "\n") + 1
		var got []string
		for _, p := range loadProblems(t, m) {
			if p.File == "ruleset.yaml" && strings.HasPrefix(p.Field, "languages") {
				if p.Line < line || p.Line > line+strings.Count(tc.langs, "\n") {
					t.Errorf("%s: %s at line %d, the list is at %d", tc.name, p.Field, p.Line, line)
				}
				got = append(got, p.Field+": "+p.Message[EN])
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestLintGapListExactlyMax: a question with exactly maxGapsListed unplaced answers (an
// optional single question of seven options with no rules) has them all named, without a
// count of more.
func TestLintGapListExactlyMax(t *testing.T) {
	m := contentCopy(t)
	edit(t, m, "questions.yaml", "kind: multi", "kind: single")
	edit(t, m, "questions.yaml", `            text: {ja: その他, en: "Other"}`, `            text: {ja: その他, en: "Other"}
          - code: unsure
            text: {ja: わかりません, en: "Not sure"}`)
	data := string(m["questions.yaml"].Data)
	q := strings.Index(data, "- id: allergy_to")
	start := q + strings.Index(data[q:], "        rules:")
	end := start + strings.Index(data[start:], "\n      - id:")
	m["questions.yaml"] = &fstest.MapFile{Data: []byte(data[:start] + "        rules:" + data[end:])}
	var got []string
	for _, p := range loadProblems(t, m) {
		if p.Field == "questions.allergy_to.rules" {
			got = append(got, p.Message[EN])
		}
	}
	want := []string{`coverage gap: no rule places the answer (no answer), "drug", "food", "pollen", "latex", "metal", "other", "unsure"`}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// statlessFS is a file system whose files cannot say their size (Stat fails).
type statlessFS struct{ fs.FS }

func (s statlessFS) Open(name string) (fs.File, error) {
	f, err := s.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return statlessFile{f}, nil
}

type statlessFile struct{ fs.File }

func (statlessFile) Stat() (fs.FileInfo, error) { return nil, errors.New("no size here") }

// TestLoadWithoutFileSizes: content on a file system that cannot tell a file's size loads
// all the same, to the same rule set.
func TestLoadWithoutFileSizes(t *testing.T) {
	m := contentCopy(t)
	want, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Load(statlessFS{m})
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Load without file sizes: %v, same rule set %v", err, reflect.DeepEqual(got, want))
	}
}

// TestLoadConditionRefused: a condition item missing its question, operator or answer, and a
// ruleset.yaml that is no mapping, are refused with the file, line, field and what is wrong,
// in each language.
func TestLoadConditionRefused(t *testing.T) {
	const item = `{question: allergy, operator: "=", answer: "yes"}`
	for _, tc := range []struct {
		name, file, new string
		want            wantProblem // line 0: the line of the marker
		marker          string
	}{
		{"no question", "questions.yaml", `{operator: "=", answer: "yes"}`,
			wantProblem{field: "questions.allergy_severe.shown_when.conditions[0].question", en: "required key is missing", ja: "必須のキーがありません"}, "- id: allergy_severe"},
		{"no operator", "questions.yaml", `{question: allergy, answer: "yes"}`,
			wantProblem{field: "questions.allergy_severe.shown_when.conditions[0].operator", en: "required key is missing", ja: "必須のキーがありません"}, "- id: allergy_severe"},
		{"no answer", "questions.yaml", `{question: allergy, operator: "="}`,
			wantProblem{field: "questions.allergy_severe.shown_when.conditions[0].answer", en: "required key is missing", ja: "必須のキーがありません"}, "- id: allergy_severe"},
		{"ruleset.yaml a list", "ruleset.yaml", "",
			wantProblem{line: 1, field: "", en: "expected a mapping (key: value), found a list", ja: "マッピング（キー: 値）が必要ですが、リストです"}, ""},
	} {
		m := contentCopy(t)
		tc.want.file = tc.file
		if tc.new == "" {
			m[tc.file] = &fstest.MapFile{Data: []byte("- id: x\n- version: 1\n")}
		} else {
			edit(t, m, tc.file, item, tc.new)
			tc.want.line = lineOf(t, m, tc.file, tc.new, tc.marker)
		}
		ps := loadProblems(t, m)
		if !hasProblem(ps, tc.want) {
			t.Errorf("%s: no problem %+v in\n%v", tc.name, tc.want, ps)
		}
	}
}

// TestTextUndeclaredTags: a text may carry a well-formed language tag the rule set does not
// declare yet (kept for a later version); a key that is no canonical BCP 47 tag is refused
// with its line, field and the declared languages.
func TestTextUndeclaredTags(t *testing.T) {
	for _, tc := range []struct {
		key  string
		kept bool
	}{
		{"fr", true},
		{"pt-BR", true},
		{"french", false},
		{"FR", false},
		{"ja_JP", false},
	} {
		m := contentCopy(t)
		edit(t, m, "ruleset.yaml", "\nname:\n", "\nname:\n  "+tc.key+": Dépistage\n")
		rs, err := Load(m)
		if tc.kept {
			if err != nil || rs.Name[Lang(tc.key)] != "Dépistage" {
				t.Errorf("%s: %v; the translation %q", tc.key, err, rs.Name[Lang(tc.key)])
			}
			continue
		}
		want := wantProblem{file: "ruleset.yaml", line: lineOf(t, m, "ruleset.yaml", tc.key+": Dépistage"), field: "name." + tc.key,
			en: `unknown language tag "` + tc.key + `" (declared languages: ja, en)`, ja: `言語タグ "` + tc.key + `" は使えません(宣言した言語: ja, en)`}
		if ps := loadProblems(t, m); !hasProblem(ps, want) {
			t.Errorf("%s: want %+v; got %v", tc.key, want, ps)
		}
	}
}
