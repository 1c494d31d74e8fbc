package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/exoscreen/exoscreen/content"
	"github.com/exoscreen/exoscreen/screening"
)

// The smoke tests: one per command that reads a rule set, on the embedded content/ as a
// clinic runs it. They follow the content (answers are built from its questions), so a
// clinical change of content/ needs no change here; every other command test runs on the
// test rule set (testrules_test.go).

func liveRules(t *testing.T) *screening.RuleSet {
	t.Helper()
	rs, err := screening.Load(content.FS)
	if err != nil {
		t.Fatalf("the embedded rule set does not load: %v", err)
	}
	return rs
}

// mildAnswers answers every question the live rule set shows, in order, with its mildest-
// sounding answer ("no", "none", else the first option; the top of an integer range; the
// first option of a multi question; a short text) and returns them as one JSON record, with
// the number of questions answered.
func mildAnswers(t *testing.T, rs *screening.RuleSet) (string, int) {
	t.Helper()
	a := rs.NewAnswers()
	rec := map[string]any{}
	for _, q := range rs.Questions {
		if !a.IsShown(q) {
			continue
		}
		var v screening.Value
		switch q.Kind {
		case screening.Single:
			v = screening.CodeValue(q.Options[0].Code)
			for _, c := range []string{"no", "none", "never_treated"} {
				if q.Option(c) != nil {
					v = screening.CodeValue(c)
					break
				}
			}
			rec[q.ID] = v.Code
		case screening.Integer:
			v = screening.IntValue(q.Max)
			rec[q.ID] = q.Max
		case screening.Multi:
			v = screening.CodesValue(q.Options[0].Code)
			rec[q.ID] = []string{q.Options[0].Code}
		default:
			v = screening.TextValue("x")
			rec[q.ID] = "x"
		}
		if err := a.Set(q, v); err != nil {
			t.Fatalf("%s: %v", q.ID, err)
		}
	}
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), len(rec)
}

// TestSmokeLint: the embedded rule set passes lint, named by its id and version, the same
// as content/ on disk.
func TestSmokeLint(t *testing.T) {
	rs := liveRules(t)
	var en string
	for _, args := range [][]string{{"lint", "--lang", "en"}, {"lint", "--lang", "ja"}, {"lint", "--lang", "en", "../../content"}} {
		r := runLive(t, "", args...)
		if r.code != exitOK || r.stderr != "" || !strings.HasPrefix(r.stdout, "OK: "+rs.ID+" "+rs.Version) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
		if args[2] == "en" && en == "" {
			en = r.stdout
		} else if args[2] == "en" && r.stdout != en {
			t.Errorf("content/ on disk lints as %q, the embedded set as %q", r.stdout, en)
		}
	}
}

// TestSmokeEvaluate: an answers file complete for the embedded rule set is screened in text
// (both languages) and JSON: one finding per answer, the rule set named, every source with
// an address cited with it, and the first notice (the emergency line) says to call 119.
func TestSmokeEvaluate(t *testing.T) {
	rs := liveRules(t)
	rec, n := mildAnswers(t, rs)
	r := runLive(t, rec, "evaluate", "--format", "json", "--lang", "en")
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	validateResultSchema(t, r.stdout)
	var res struct {
		Verdict  string
		Findings []struct{ Question, Reason string }
		RuleSet  struct{ ID, Version string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != n || res.RuleSet.ID != rs.ID || res.RuleSet.Version != rs.Version || res.Verdict == "" {
		t.Errorf("%d findings for %d answers, rule set %+v, verdict %q", len(res.Findings), n, res.RuleSet, res.Verdict)
	}
	for _, lang := range []string{"ja", "en"} {
		r := runLive(t, rec, "evaluate", "--lang", lang)
		if r.code != exitOK || r.stderr != "" {
			t.Fatalf("%s: exit %d: %s", lang, r.code, r.stderr)
		}
		// The summary is wrapped at 80 cells: compare without line breaks and indents.
		flat := strings.Join(strings.Fields(r.stdout), "")
		for _, s := range rs.Sources {
			if s.URL != "" && !strings.Contains(flat, s.URL) {
				t.Errorf("%s: the summary does not cite %s with its address %s", lang, s.Key, s.URL)
			}
		}
		if first := firstNotice(r.stdout, map[string]string{"ja": "お知らせ", "en": "Notices"}[lang]); !strings.Contains(first, "119") {
			t.Errorf("%s: the first notice (the anaphylaxis line) does not say 119: %q", lang, first)
		}
		if !strings.Contains(r.stdout, rs.ID+" "+rs.Version) || !strings.Contains(flat, rs.Checked) {
			t.Errorf("%s: the summary does not name the rule set %s %s, checked %s", lang, rs.ID, rs.Version, rs.Checked)
		}
	}
}

// TestSmokeQuestionnaire: the embedded questions as a FHIR Questionnaire, one item per
// question (sections hold them), in both languages.
func TestSmokeQuestionnaire(t *testing.T) {
	rs := liveRules(t)
	for _, lang := range []string{"ja", "en"} {
		code, out, errOut := exportRunLive(t, "", nil, "questionnaire", "--format", "fhir", "--lang", lang)
		if code != exitOK || errOut != "" {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var q struct {
			ResourceType, Version, Language string
			Item                            []struct {
				LinkID string
				Item   []struct{ LinkID string }
			}
		}
		if err := json.Unmarshal([]byte(out), &q); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, s := range q.Item {
			for _, it := range s.Item {
				ids = append(ids, it.LinkID)
			}
		}
		var want []string
		for _, qq := range rs.Questions {
			want = append(want, qq.ID)
		}
		if q.ResourceType != "Questionnaire" || q.Language != lang || q.Version != rs.Version || strings.Join(ids, " ") != strings.Join(want, " ") {
			t.Errorf("%s: %s %s version %s, items %v, want %v", lang, q.ResourceType, q.Language, q.Version, ids, want)
		}
	}
}

// TestSmokeAccessible: the main command (here its line-by-line mode) screens a patient on the
// embedded rule set from start to summary, one prompt per shown question.
func TestSmokeAccessible(t *testing.T) {
	rs := liveRules(t)
	a := rs.NewAnswers()
	var in strings.Builder
	n := 0
	for _, q := range rs.Questions {
		if !a.IsShown(q) {
			continue
		}
		n++
		var v screening.Value
		switch q.Kind {
		case screening.Single:
			v = screening.CodeValue(q.Options[0].Code)
			in.WriteString("1\n")
		case screening.Multi:
			v = screening.CodesValue(q.Options[0].Code)
			in.WriteString("1\n")
		case screening.Integer:
			v = screening.IntValue(q.Max)
			in.WriteString(strconv.Itoa(q.Max) + "\n")
		default:
			v = screening.TextValue("x")
			in.WriteString("x\n")
		}
		if err := a.Set(q, v); err != nil {
			t.Fatal(err)
		}
	}
	in.WriteString("\n") // confirm the review
	var out, errb strings.Builder
	if code := run([]string{"--accessible", "--lang", "en"}, strings.NewReader(in.String()), &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	if !strings.Contains(s, "[1/") || !strings.Contains(s, rs.SHA256) || !strings.Contains(s, "The screening is complete") {
		t.Errorf("no complete screening:\n%s", s)
	}
	if got := strings.Count(s, "Enter a number"); got > n || got == 0 {
		t.Errorf("%d number prompts for %d questions", got, n)
	}
}

// firstNotice is the first item ("* ...", with its continuation lines) under the heading
// line of the printed summary's notices.
func firstNotice(summary, heading string) string {
	lines := strings.Split(summary, "\n")
	for i, l := range lines {
		if l != heading {
			continue
		}
		var item []string
		for _, m := range lines[i+1:] {
			switch {
			case strings.HasPrefix(m, "* ") && item == nil:
				item = append(item, m[2:])
			case strings.HasPrefix(m, "  ") && item != nil:
				item = append(item, strings.TrimSpace(m))
			case item != nil:
				return strings.Join(item, " ")
			}
		}
		return strings.Join(item, " ")
	}
	return ""
}

// validateResultSchema checks a JSON result against docs/schema/result.schema.json, the
// schema shipped for clinic integrations: the live content's result must match it too.
func validateResultSchema(t *testing.T, out string) {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("..", "..", "docs", "schema", "result.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(abs)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("the result does not match the schema: %v", err)
	}
}
