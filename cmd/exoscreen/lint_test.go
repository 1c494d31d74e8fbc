package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exoscreen/exoscreen/internal/testrules"
)

// The rule sets under testdata/lint/ are copies of content/ with edits:
//   - gap: the pregnancy "possible" rule deleted and cancer_years "< 5" made "< 3";
//   - many: a misspelt key, a forward reference, a missing translation, an unknown source
//     key, a misspelt ruleset key and a bad date (problems listed by file, then line).

func TestLintGolden(t *testing.T) {
	gap := filepath.Join("testdata", "lint", "gap")
	many := filepath.Join("testdata", "lint", "many")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"test rules en", []string{"lint", "--lang", "en", testrules.Dir()}, 0, "lint/ok.en.txt", ""},
		{"test rules ja", []string{"lint", testrules.Dir(), "--lang", "ja"}, 0, "lint/ok.ja.txt", ""},
		{"test rules via --content", []string{"lint", "--lang", "en", "--content", testrules.Dir()}, 0, "lint/ok.en.txt", ""},
		{"gap en", []string{"lint", "--lang", "en", gap}, 2, "lint/gap.en.txt", "lint/gap.en.stderr"},
		{"gap ja", []string{"lint", gap, "--lang", "ja"}, 2, "lint/gap.ja.txt", "lint/gap.ja.stderr"},
		{"gap via --content", []string{"lint", "--lang", "en", "--content", gap}, 2, "lint/gap.en.txt", "lint/gap.en.stderr"},
		{"many en", []string{"lint", "--lang", "en", many}, 2, "lint/many.en.txt", "lint/many.en.stderr"},
		{"many ja", []string{"lint", "--lang", "ja", many}, 2, "lint/many.ja.txt", "lint/many.ja.stderr"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmd(t, "", tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			golden(t, tc.stdout, filepath.ToSlash(r.stdout))
			if tc.stderr == "" {
				if r.stderr != "" {
					t.Errorf("stderr: %s", r.stderr)
				}
			} else {
				golden(t, tc.stderr, r.stderr)
			}
		})
	}
}

// TestLintMessages checks what the goldens must say, independently of their exact text:
// the gap is named by file, line, question and answer.
func TestLintMessages(t *testing.T) {
	gap := filepath.Join("testdata", "lint", "gap")
	r := runCmd(t, "", "lint", "--lang", "en", gap)
	for _, want := range []string{
		filepath.Join(gap, "questions.yaml") + ":17: questions.pregnancy.rules: coverage gap: no rule places the answer \"possible\"",
		"questions.cancer_years.rules: coverage gap: no rule places the answer 3 to 4",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("lint output lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "2 problem(s)") {
		t.Errorf("stderr: %s", r.stderr)
	}
	many := filepath.Join("testdata", "lint", "many")
	r = runCmd(t, "", "lint", "--lang", "en", many)
	for _, want := range []string{
		"ruleset.yaml:8: versoin: unknown key",
		"ruleset.yaml:7: version: required key is missing",
		"sources.yaml:",
		"sources.zen-2025.date: expected YYYY, YYYY-MM or YYYY-MM-DD",
		"questions.pregnancy.rules[3].needs_confirmaton: unknown key",
		`questions.pregnancy_planned.shown_when.conditions[0].question: refers forward to "breastfeeding"`,
		"questions.breastfeeding.text.en: missing the en translation",
		`unknown source key "tokushu-2052"`,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("lint output lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestLintUsage(t *testing.T) {
	gap := filepath.Join("testdata", "lint", "gap")
	missing := filepath.Join(t.TempDir(), "nope")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"two dirs", []string{"lint", "--lang", "en", gap, gap}, 2, "", "lint takes at most one DIR"},
		{"DIR and --content differ", []string{"lint", "--lang", "en", "--content", testrules.Dir(), gap}, 2, "", "either as DIR or as --content"},
		{"unknown flag", []string{"lint", "--lang", "en", "--strict"}, 2, "", "unknown flag --strict"},
		{"missing dir", []string{"lint", "--lang", "en", missing}, 2, filepath.Join(missing, "questions.yaml") + ": file is missing", "3 problem(s)"},
		{"help", []string{"lint", "--help"}, 0, "exoscreen lint", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmd(t, "", tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, tc.stdout) || !strings.Contains(r.stderr, tc.stderr) {
				t.Errorf("stdout %q / stderr %q lack %q / %q", r.stdout, r.stderr, tc.stdout, tc.stderr)
			}
		})
	}
	// A file that cannot be read (here: a directory in its place) is a problem too.
	dir := t.TempDir()
	for _, name := range []string{"ruleset.yaml", "sources.yaml"} {
		b, err := os.ReadFile(filepath.Join(testrules.Dir(), name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o600)
	}
	os.Mkdir(filepath.Join(dir, "questions.yaml"), 0o700)
	r := runCmd(t, "", "lint", "--lang", "en", dir)
	if r.code != 2 || !strings.Contains(r.stdout, "questions.yaml: cannot read") {
		t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
