package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/rivo/uniseg"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// exportRun runs exoscreen with a fixed clock in Tokyo time and no language, clinic or FHIR
// base from the environment, on the test rule set (withTestRules).
func exportRun(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	return exportRunLive(t, stdin, env, withTestRules(args)...)
}

// exportRunLive is exportRun on the embedded content/: for the smoke tests only.
func exportRunLive(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("EXOSCREEN_NOW", "2026-11-21T10:30:00+09:00")
	t.Setenv("EXOSCREEN_CLINIC", "")
	t.Setenv("EXOSCREEN_FHIR_BASE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "")
	for k, v := range env {
		t.Setenv(k, v)
	}
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const exportNone = `{"pregnancy":"no","pregnancy_planned":"no","breastfeeding":"no","cancer":"none","infection":"no","product_reaction":"never_treated","allergy":"none","anticoagulant":"no","bleeding_disorder":"no","immunosuppressant":"no","other_medication":"no","autoimmune":"no","chronic_disease":"none","doctor_advised_against":"no","blood_donation":"no"}`

const exportUnsure = `{"pregnancy":"no","pregnancy_planned":"no","breastfeeding":"no","cancer":"treatment_ended","cancer_years":"unsure","infection":"no","product_reaction":"never_treated","allergy":"yes","allergy_severe":"no","allergy_to":[],"anticoagulant":"yes","bleeding_disorder":"no","immunosuppressant":"no","other_medication":"no","medication_names":"ワーファリン","autoimmune":"no","chronic_disease":"none","doctor_advised_against":"no","blood_donation":"no"}`

// TestEvaluateFHIRBatch: one Bundle per record as NDJSON, an OperationOutcome in place of a
// refused record, exit 2 for the bad record, and every Bundle reads back to the result that
// the JSON format gives for the same record.
func TestEvaluateFHIRBatch(t *testing.T) {
	in := exportNone + "\n" + `{"pregnancy":"maybe"}` + "\n" + exportUnsure + "\n"
	code, out, errOut := exportRun(t, in, nil, "evaluate", "--format", "fhir", "--lang", "en")
	if code != exitUsage || !strings.Contains(errOut, "line 2") {
		t.Fatalf("exit %d, stderr %q; want 2 and the bad line named", code, errOut)
	}
	_, jsonOut, _ := exportRun(t, in, nil, "evaluate", "--format", "json", "--lang", "en")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	jlines := strings.Split(strings.TrimSuffix(jsonOut, "\n"), "\n")
	if len(lines) != 3 || len(jlines) != 3 {
		t.Fatalf("%d FHIR lines and %d JSON lines, want 3 each:\n%s", len(lines), len(jlines), out)
	}
	rs := testrules.Load(t)
	for i, l := range lines {
		var head struct {
			ResourceType string
			ID           string
			Timestamp    string
		}
		if err := json.Unmarshal([]byte(l), &head); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
		var want struct {
			ID       string
			Verdict  string
			Findings []struct{ Question, Class string }
		}
		json.Unmarshal([]byte(jlines[i]), &want)
		if i == 1 {
			if head.ResourceType != "OperationOutcome" || !strings.Contains(l, `"expression":["pregnancy"]`) {
				t.Errorf("refused record gives %s", l)
			}
			continue
		}
		if head.ResourceType != "Bundle" || head.Timestamp != "2026-11-21T10:30:00+09:00" || head.ID != want.ID {
			t.Errorf("record %d: %s %s %s (JSON id %s)", i+1, head.ResourceType, head.ID, head.Timestamp, want.ID)
		}
		a, err := export.ReadQuestionnaireResponse(rs, []byte(l), "")
		if err != nil {
			t.Fatalf("record %d: read back: %v", i+1, err)
		}
		res, err := rs.Evaluate(a)
		if err != nil {
			t.Fatal(err)
		}
		if res.Verdict.String() != want.Verdict || len(res.Findings) != len(want.Findings) {
			t.Fatalf("record %d: read back %s with %d findings, JSON says %s with %d", i+1, res.Verdict, len(res.Findings), want.Verdict, len(want.Findings))
		}
		for j, f := range res.Findings {
			if f.Question.ID != want.Findings[j].Question || f.Class.String() != want.Findings[j].Class {
				t.Errorf("record %d finding %d: %s %s, JSON %v", i+1, j, f.Question.ID, f.Class, want.Findings[j])
			}
		}
	}
	// The same input, the same ids under a fixed clock: reproducible output.
	if _, again, _ := exportRun(t, in, nil, "evaluate", "--format", "fhir", "--lang", "en"); again != out {
		t.Error("evaluate --format fhir is not reproducible under EXOSCREEN_NOW")
	}
}

func TestEvaluateTextBatch(t *testing.T) {
	in := exportNone + "\n" + `{"pregnancy":"maybe"}` + "\n" + exportUnsure + "\n"
	code, out, _ := exportRun(t, in, map[string]string{"EXOSCREEN_CLINIC": "さくら皮膚科"}, "evaluate", "--lang", "ja")
	if code != exitUsage {
		t.Fatalf("exit %d, want 2", code)
	}
	pages := strings.Split(out, "\f\n")
	if len(pages) != 3 {
		t.Fatalf("%d pages, want 3 (one per record, form feeds between)", len(pages))
	}
	for i, p := range pages {
		if i > 0 && !strings.HasPrefix(p, "######## ") {
			t.Errorf("page %d does not start with the record line: %q", i+1, strings.SplitN(p, "\n", 2)[0])
		}
		for _, l := range strings.Split(p, "\n") {
			if uniseg.StringWidth(l) > export.TextWidth || strings.ContainsAny(l, "\x1b\t\r") {
				t.Errorf("page %d: bad line %q", i+1, l)
			}
		}
	}
	if !strings.Contains(pages[1], "この記録は判定できませんでした") || !strings.Contains(pages[0], "医療機関: さくら皮膚科") ||
		!strings.Contains(pages[2], "日時: 2026-11-21 10:30") {
		t.Errorf("unexpected batch:\n%s", out)
	}
}

func TestEvaluateClockAndBase(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"EXOSCREEN_NOW": "yesterday"}, nil, "EXOSCREEN_NOW"},
		{nil, []string{"--fhir-base", "ftp://x"}, "FHIR base"},
		{map[string]string{"EXOSCREEN_FHIR_BASE": "https://a b"}, nil, "FHIR base"},
		{nil, []string{"--format", "xml"}, "fhir"},
	} {
		code, out, errOut := exportRun(t, exportNone, tc.env, append([]string{"evaluate", "--lang", "en"}, tc.args...)...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v %v: exit %d, stdout %q, stderr %q; want 2 and %q", tc.env, tc.args, code, out, errOut, tc.want)
		}
	}
	// A base gives readable canonical URLs.
	_, out, _ := exportRun(t, exportNone, nil, "evaluate", "--format", "fhir", "--fhir-base", "https://fhir.clinic.example.jp/fhir/")
	if !strings.Contains(out, `"questionnaire":"https://fhir.clinic.example.jp/fhir/Questionnaire/exoscreen-test|`) {
		t.Errorf("canonical without the base: %.300s", out)
	}
	// Without EXOSCREEN_NOW the wall clock stamps the result.
	t.Setenv("EXOSCREEN_NOW", "")
	var b, e bytes.Buffer
	before := time.Now().Add(-time.Second)
	if code := run(withTestRules([]string{"evaluate", "--format", "json"}), strings.NewReader(exportNone), &b, &e); code != exitOK {
		t.Fatalf("exit %d: %s", code, e.String())
	}
	var r struct {
		CompletedAt time.Time `json:"completed_at"`
		ID          string
	}
	json.Unmarshal(b.Bytes(), &r)
	if r.CompletedAt.Before(before) || r.CompletedAt.After(time.Now().Add(time.Second)) || len(r.ID) != 36 {
		t.Errorf("completed_at %v, id %q", r.CompletedAt, r.ID)
	}
}

// TestQuestionnaireCommand is the smoke test of the questionnaire command (on the embedded
// content/, see smoke_test.go): every format and language, and its usage errors.
func TestQuestionnaireCommand(t *testing.T) {
	code, out, errOut := exportRunLive(t, "", nil, "questionnaire", "--lang", "en")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var q struct {
		ResourceType, URL, Version, Language string
		Item                                 []json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &q); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if q.ResourceType != "Questionnaire" || q.Language != "en" || q.Version == "" || !strings.HasPrefix(q.URL, "urn:uuid:") || len(q.Item) == 0 {
		t.Errorf("questionnaire %+v", q)
	}
	code, out, _ = exportRunLive(t, "", nil, "questionnaire", "--format", "json")
	var qj export.QuestionnaireJSON
	if code != exitOK || json.Unmarshal([]byte(out), &qj) != nil || len(qj.Sections) == 0 || qj.Lang != screening.JA {
		t.Errorf("--format json: exit %d, %.200s", code, out)
	}
	for _, lang := range []string{"ja", "en"} {
		code, out, _ = exportRunLive(t, "", nil, "questionnaire", "--format", "text", "--lang", lang)
		if code != exitOK || !strings.Contains(out, "[cancer_years]") {
			t.Errorf("--format text: exit %d", code)
		}
		for _, l := range strings.Split(out, "\n") {
			if uniseg.StringWidth(l) > export.TextWidth {
				t.Errorf("line wider than 80 cells: %q", l)
			}
		}
	}
	for _, args := range [][]string{{"--format", "pdf"}, {"extra"}, {"--fhir-base", "nope"}, {"--lang", "fr"}} {
		if code, _, _ := exportRunLive(t, "", nil, append([]string{"questionnaire"}, args...)...); code != exitUsage {
			t.Errorf("questionnaire %v: exit %d, want 2", args, code)
		}
	}
	if code, out, _ := exportRunLive(t, "", nil, "questionnaire", "--help"); code != exitOK || !strings.Contains(out, "questionnaire") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
}
