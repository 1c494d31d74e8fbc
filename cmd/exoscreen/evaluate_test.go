package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	gold "github.com/exoscreen/exoscreen/internal/golden"
)

// update rewrites the golden files under testdata/: go test ./cmd/exoscreen -update

// fixedNow is the clock of every command test (EXOSCREEN_NOW), so outputs are reproducible.
const fixedNow = "2026-11-21T10:30:00+09:00"

type runResult struct {
	code           int
	stdout, stderr string
}

// runCmd runs exoscreen with args and stdin in a fixed environment: the clock, UTC, no
// language or clinic from the environment, and the test rule set (withTestRules).
func runCmd(t *testing.T, stdin string, args ...string) runResult {
	t.Helper()
	return runLive(t, stdin, withTestRules(args)...)
}

// runLive is runCmd on the embedded content/: for the smoke tests only.
func runLive(t *testing.T, stdin string, args ...string) runResult {
	t.Helper()
	t.Setenv("EXOSCREEN_NOW", fixedNow)
	t.Setenv("EXOSCREEN_CLINIC", "")
	t.Setenv("EXOSCREEN_FHIR_BASE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "")
	time.Local = time.UTC
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return runResult{code, out.String(), errb.String()}
}

var shaRE = regexp.MustCompile(`\b[0-9a-f]{64}\b`)

// normalize hides the rule set's digest, which changes with every edit of content/.
func normalize(s string) string { return shaRE.ReplaceAllString(s, "<sha256>") }

// golden compares got, its rule set digest hidden, with testdata/name (rewritten with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	gold.Equal(t, name, normalize(got))
}

// exampleAnswers is the answers file of docs/spec/interfaces.md as of rule set 2026.11: complete for
// the test rule set.
const exampleAnswers = `{"pregnancy": "no", "pregnancy_planned": "no", "breastfeeding": "no",
 "cancer": "treatment_ended", "cancer_years": 7, "infection": "no",
 "product_reaction": "never_treated", "allergy": "yes", "allergy_severe": "no",
 "allergy_to": ["pollen"], "anticoagulant": "no", "bleeding_disorder": "no",
 "immunosuppressant": "no", "other_medication": "no", "autoimmune": "no",
 "chronic_disease": "none", "doctor_advised_against": "no", "blood_donation": "no"}
`

// jsonl is a day's batch: good records and bad ones in between.
var jsonl = strings.Join([]string{
	strings.ReplaceAll(strings.TrimSpace(exampleAnswers), "\n", ""),
	`{"pregnancy": "pregnant", "breastfeeding": "unsure", "cancer": "unsure", "infection": "no", "product_reaction": "reaction", "allergy": "unsure", "allergy_severe": "unsure", "anticoagulant": "yes", "bleeding_disorder": "no", "immunosuppressant": "no", "other_medication": "no", "medication_names": "ワーファリン\u001b[31m", "autoimmune": "no", "chronic_disease": "controlled", "doctor_advised_against": "no", "blood_donation": "yes"}`,
	`{"pregnancy": "no",`,
	``,
	`{"pregnancy": "maybe", "pregnancy_planned": "no", "breastfeeding": "no", "cancer": "none", "cancer_years": 3, "infection": "no", "product_reaction": "never_treated", "allergy": "none", "anticoagulant": "no", "bleeding_disorder": "no", "immunosuppressant": "no", "other_medication": "no", "autoimmune": "no", "chronic_disease": "none", "doctor_advised_against": "no", "blood_donation": 1}`,
	`["not", "an", "object"]`,
	`{"pregnancy": "no", "pregnancy_planned": "no", "breastfeeding": "no", "cancer": "none", "infection": "no", "product_reaction": "no_reaction", "allergy": "none", "anticoagulant": "no", "bleeding_disorder": "no", "immunosuppressant": "no", "other_medication": "no", "autoimmune": "no", "chronic_disease": "none", "doctor_advised_against": "no", "blood_donation": "no"}`,
}, "\n") + "\n"

func writeFile(t *testing.T, name, data string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvaluateGolden(t *testing.T) {
	example := writeFile(t, "answers.json", exampleAnswers)
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string // golden file of stdout
		stderr string // golden file of stderr ("" = must be empty)
	}{
		{"example text en", "", []string{"evaluate", "--lang", "en", example}, 0, "evaluate/example.en.txt", ""},
		{"example text ja", "", []string{"evaluate", "--lang", "ja", example}, 0, "evaluate/example.ja.txt", ""},
		{"example json en", "", []string{"evaluate", "--format", "json", "--lang", "en", example}, 0, "evaluate/example.en.json", ""},
		{"example json ja from stdin", exampleAnswers, []string{"evaluate", "--format=json", "--lang=ja", "-"}, 0, "evaluate/example.ja.json", ""},
		{"batch json en", jsonl, []string{"evaluate", "--format", "json", "--lang", "en"}, 2, "evaluate/batch.en.jsonl", "evaluate/batch.en.stderr"},
		{"batch json ja", jsonl, []string{"evaluate", "--format", "json", "--lang", "ja"}, 2, "evaluate/batch.ja.jsonl", "evaluate/batch.ja.stderr"},
		{"batch text en", jsonl, []string{"evaluate", "--lang", "en", "-"}, 2, "evaluate/batch.en.txt", "evaluate/batch.en.stderr"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmd(t, tc.stdin, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			golden(t, tc.stdout, r.stdout)
			if tc.stderr == "" {
				if r.stderr != "" {
					t.Errorf("stderr: %s", r.stderr)
				}
			} else {
				golden(t, tc.stderr, strings.ReplaceAll(r.stderr, example, "answers.json"))
			}
		})
	}
}

// TestEvaluateJSONPinned checks the fields docs/spec/interfaces.md pins, independently of the goldens.
func TestEvaluateJSONPinned(t *testing.T) {
	r := runCmd(t, exampleAnswers, "evaluate", "--format", "json", "--lang", "en")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var res struct {
		Verdict  string `json:"verdict"`
		Findings []struct {
			Question          string   `json:"question"`
			Answer            any      `json:"answer"`
			Class             string   `json:"class"`
			NeedsConfirmation *bool    `json:"needs_confirmation"`
			Reason            string   `json:"reason"`
			Sources           []string `json:"sources"`
		} `json:"findings"`
		RuleSet struct {
			ID, Version, SHA256 string
		} `json:"ruleset"`
	}
	if strings.Count(r.stdout, "\n") != 1 {
		t.Fatalf("want one line of JSON, got:\n%s", r.stdout)
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Verdict != "relative" || len(res.Findings) != 18 {
		t.Fatalf("verdict %s, %d findings", res.Verdict, len(res.Findings))
	}
	f := res.Findings[3]
	if f.Question != "cancer" || f.Answer != "treatment_ended" || f.Class != "relative" || f.NeedsConfirmation == nil || *f.NeedsConfirmation ||
		f.Reason == "" || strings.Join(f.Sources, ",") != "tokushu-2025,wakagaeri" {
		t.Errorf("cancer finding %+v", f)
	}
	if f := res.Findings[4]; f.Question != "cancer_years" || f.Answer != 7.0 || f.Class != "none" {
		t.Errorf("cancer_years finding %+v", f)
	}
	if res.RuleSet.ID != "exoscreen-test" || res.RuleSet.Version == "" || len(res.RuleSet.SHA256) != 64 {
		t.Errorf("ruleset %+v", res.RuleSet)
	}
}

func TestEvaluateExitCodes(t *testing.T) {
	example := writeFile(t, "answers.json", exampleAnswers)
	absolute := strings.Replace(exampleAnswers, `"infection": "no"`, `"infection": "yes"`, 1)
	tests := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stderr string // substring of stderr
		stdout string // substring of stdout
	}{
		{"the verdict is not in the exit status", absolute, []string{"evaluate", "--lang", "en"}, 0, "", "Absolute contraindication"},
		{"flags after the file", "", []string{"evaluate", example, "--lang", "en", "--format", "json"}, 0, "", `"verdict":"relative"`},
		{"unknown flag", "", []string{"evaluate", "--lang", "en", "--colour"}, 2, "unknown flag --colour", ""},
		{"unknown flag ja", "", []string{"evaluate", "--lang", "ja", "--colour"}, 2, "不明なフラグです: --colour", ""},
		{"unknown format", "", []string{"evaluate", "--format", "yaml", "--lang", "en"}, 2, `unknown --format "yaml"`, ""},
		{"unknown language", "", []string{"evaluate", "--lang", "fr"}, 2, `言語 fr はこのルールセットにありません`, ""},
		{"two files", "", []string{"evaluate", "--lang", "en", example, example}, 2, "evaluate takes at most one FILE", ""},
		{"missing file", "", []string{"evaluate", "--lang", "en", filepath.Join(t.TempDir(), "nope.json")}, 2, "no such file", ""},
		{"empty input", "", []string{"evaluate", "--lang", "en"}, 2, "no answers in the input", ""},
		{"empty input ja", "\n\n", []string{"evaluate", "--lang", "ja"}, 2, "入力に回答がありません", ""},
		{"bad record", `{"pregnancy": "maybe"}`, []string{"evaluate", "--lang", "en"}, 2, `standard input: line 1: pregnancy: "maybe" is not an answer to this question`, ""},
		{"bad record ja", `{"pregnancy": "maybe"}`, []string{"evaluate", "--lang", "ja"}, 2, `標準入力: 1行目: pregnancy: "maybe"はこの質問の回答にありません`, ""},
		{"bad rule set", "", []string{"evaluate", "--lang", "en", "--content", filepath.Join("testdata", "lint", "gap")}, 2, "the rule set has problems and was not used", ""},
		{"missing rule set", "", []string{"evaluate", "--lang", "en", "--content", filepath.Join(t.TempDir(), "none")}, 2, "file is missing", ""},
		{"help", "", []string{"evaluate", "--help"}, 0, "", "exoscreen evaluate"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmd(t, tc.stdin, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, r.stderr)
			}
			if !strings.Contains(r.stdout, tc.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdout, r.stdout)
			}
			if tc.code == 0 && r.stderr != "" {
				t.Errorf("stderr on success: %s", r.stderr)
			}
		})
	}
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

type failReader struct{ err error }

func (r failReader) Read([]byte) (int, error) { return 0, r.err }

// TestEvaluateRuntimeFailure: a failing output or input is a runtime failure (exit 1).
func TestEvaluateRuntimeFailure(t *testing.T) {
	t.Setenv("EXOSCREEN_NOW", fixedNow)
	var errb bytes.Buffer
	if code := run(withTestRules([]string{"evaluate", "--lang", "en"}), strings.NewReader(exampleAnswers), failWriter{errors.New("disk full")}, &errb); code != 1 {
		t.Errorf("failing stdout: exit %d, stderr %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "disk full") {
		t.Errorf("stderr: %s", errb.String())
	}
	errb.Reset()
	if code := run(withTestRules([]string{"evaluate", "--lang", "en"}), failReader{errors.New("input gone")}, &bytes.Buffer{}, &errb); code != 1 {
		t.Errorf("failing stdin: exit %d, stderr %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "input gone") {
		t.Errorf("stderr: %s", errb.String())
	}
}

// TestEvaluateJSONLAligned: in JSON, every input record gives exactly one output line, in
// order, with its input line, so a script can pair them.
func TestEvaluateJSONLAligned(t *testing.T) {
	r := runCmd(t, jsonl, "evaluate", "--format", "json", "--lang", "en")
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	wantLines := []int{1, 2, 3, 5, 6, 7}
	if len(lines) != len(wantLines) {
		t.Fatalf("%d output lines for %d records:\n%s", len(lines), len(wantLines), r.stdout)
	}
	for i, l := range lines {
		var rec struct {
			Line    int             `json:"line"`
			Verdict string          `json:"verdict"`
			Error   json.RawMessage `json:"error"`
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if rec.Line != wantLines[i] {
			t.Errorf("output %d: line %d, want %d", i+1, rec.Line, wantLines[i])
		}
		if (rec.Verdict == "") == (rec.Error == nil) {
			t.Errorf("output %d: verdict %q error %s", i+1, rec.Verdict, rec.Error)
		}
	}
	if strings.Contains(r.stdout, "\x1b") || strings.Contains(r.stderr, "\x1b") {
		t.Error("an escape sequence from the input reached the output")
	}
}
