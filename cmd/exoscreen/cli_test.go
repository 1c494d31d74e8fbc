package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/eawidth"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// cliForm is one command line of issue 9 section 6 and what it must give.
type cliForm struct {
	name   string
	stdin  string
	args   []string
	code   int
	stdout []string // substrings of stdout ("" none required)
	stderr []string // substrings of stderr; nil: stderr must be empty
	noOut  bool     // stdout must be empty
}

// cliForms are the forms checked in-process (TestCLIForms) and on the real binary
// (TestCLIFormsBinary). Everything that evaluates answers uses the test rule set.
func cliForms(t *testing.T) []cliForm {
	rules := testrules.Dir()
	answers := writeFile(t, "answers.json", exampleAnswers)
	bom := writeFile(t, "bom.json", "\ufeff"+exampleAnswers)
	bomLines := writeFile(t, "bom.jsonl", "\ufeff"+strings.Join(strings.Fields(exampleAnswers), " ")+"\r\n"+strings.Join(strings.Fields(exampleAnswers), " ")+"\r\n")
	return []cliForm{
		// Global flags before or after the command.
		{name: "content before evaluate", args: []string{"--content", rules, "evaluate", "--lang", "en", answers}, stdout: []string{"exoscreen-test", "Relative contraindication"}},
		{name: "lang and content before evaluate", args: []string{"--lang", "en", "--content", rules, "evaluate", answers}, stdout: []string{"exoscreen-test", "Relative contraindication"}},
		{name: "everything after evaluate", args: []string{"evaluate", answers, "--content=" + rules, "--lang=en", "--format=json"}, stdout: []string{`"verdict":"relative"`, `"id":"exoscreen-test"`}},
		{name: "format before evaluate", args: []string{"--format", "json", "--content", rules, "evaluate", answers}, stdout: []string{`"verdict":"relative"`}},
		{name: "-- ends the flags", args: []string{"evaluate", "--content", rules, "--format", "json", "--", answers}, stdout: []string{`"verdict":"relative"`}},
		{name: "lang before lint", args: []string{"--lang", "en", "lint", rules}, stdout: []string{"OK: exoscreen-test", "questions"}},
		{name: "lang after lint", args: []string{"lint", "--lang", "en", rules}, stdout: []string{"OK: exoscreen-test", "questions"}},
		{name: "content before lint", args: []string{"--content", rules, "--lang", "en", "lint"}, stdout: []string{"OK: exoscreen-test"}},
		{name: "lint in Japanese", args: []string{"lint", rules}, stdout: []string{"OK: exoscreen-test", "質問"}},
		{name: "inbox, flags around", args: []string{"--lang", "en", "inbox", "--format", "json", "--outbox", t.TempDir()}, stdout: []string{"[]"}},
		{name: "inbox, outbox before", args: []string{"--outbox", t.TempDir(), "inbox", "--format=text"}},
		{name: "questionnaire, flags around", args: []string{"--lang", "en", "questionnaire", "--content", rules, "--format", "text"}, stdout: []string{"Are you pregnant"}},

		// Help in the --lang language, wherever --lang is.
		{name: "--lang en --help", args: []string{"--lang", "en", "--help"}, stdout: []string{"Usage:", "Global flags", "Examples:"}},
		{name: "--help --lang en", args: []string{"--help", "--lang", "en"}, stdout: []string{"Usage:"}},
		{name: "-h", args: []string{"-h"}, stdout: []string{"使い方:"}},
		{name: "help --lang en", args: []string{"help", "--lang", "en"}, stdout: []string{"Usage:", "Commands:"}},
		{name: "help evaluate", args: []string{"help", "evaluate"}, stdout: []string{"exoscreen evaluate", "使い方:", "例:"}},
		{name: "help evaluate --lang en", args: []string{"help", "evaluate", "--lang", "en"}, stdout: []string{"exoscreen evaluate [flags] [FILE|-]", "Examples:"}},
		{name: "--lang en help lint", args: []string{"--lang", "en", "help", "lint"}, stdout: []string{"exoscreen lint [flags] [DIR]"}},
		{name: "evaluate --help --lang en", args: []string{"evaluate", "--help", "--lang", "en"}, stdout: []string{"--format FORMAT"}},
		{name: "inbox --help", args: []string{"inbox", "--help", "--lang", "en"}, stdout: []string{"--outbox DIR", "--print-command CMD"}},
		{name: "questionnaire -h", args: []string{"questionnaire", "-h", "--lang=en"}, stdout: []string{"--fhir-base URL"}},
		{name: "help of a bad flag line", args: []string{"--bogus", "--help", "--lang", "en"}, stdout: []string{"Usage:"}},
		{name: "help of an unknown command", args: []string{"help", "nope", "--lang", "en"}, code: 2, noOut: true, stderr: []string{`exoscreen help: unknown command "nope"`, "evaluate, lint"}},

		// Errors say the flag as written, in the user's language, without a stray space.
		{name: "--bogus", args: []string{"--bogus"}, code: 2, noOut: true, stderr: []string{"exoscreen: 不明なフラグです: --bogus\n", "詳しくは exoscreen --help"}},
		{name: "--bogus en", args: []string{"--lang", "en", "--bogus"}, code: 2, noOut: true, stderr: []string{"exoscreen: unknown flag --bogus\n", "See exoscreen --help."}},
		{name: "-bogus as written", args: []string{"-bogus=1", "--lang", "en"}, code: 2, noOut: true, stderr: []string{"exoscreen: unknown flag -bogus\n"}},
		{name: "evaluate --bogus", args: []string{"evaluate", "--bogus", "--lang", "en"}, code: 2, noOut: true, stderr: []string{"exoscreen evaluate: unknown flag --bogus\n", "See exoscreen evaluate --help."}},
		{name: "a flag of another command", args: []string{"lint", "--format", "json", "--lang", "en"}, code: 2, noOut: true, stderr: []string{"--format is not a flag of exoscreen lint (it belongs to evaluate, questionnaire, inbox)"}},
		{name: "missing value", args: []string{"--lang", "en", "evaluate", "--format"}, code: 2, noOut: true, stderr: []string{"exoscreen evaluate: --format needs a value (FORMAT)"}},
		{name: "bad language", args: []string{"--lang", "j a"}, code: 2, noOut: true, stderr: []string{`exoscreen: --lang の値 "j a" は使えません（ja、en、zh-Hans のような言語タグ）`}},
		{name: "undeclared language", args: []string{"--lang", "fr"}, code: 2, noOut: true, stderr: []string{`exoscreen: 言語 fr はこのルールセットにありません（使える言語: ja, en`}},
		{name: "bad duration", args: []string{"--lang", "en", "--idle-timeout", "soon"}, code: 2, noOut: true, stderr: []string{`exoscreen: --idle-timeout: "soon" is not valid (want a duration such as 90s or 2m)`}},
		{name: "bad switch value", args: []string{"--lang", "en", "--accessible=maybe"}, code: 2, noOut: true, stderr: []string{`"maybe" is not valid (want true or false)`}},
		{name: "bad format", args: []string{"--lang", "en", "evaluate", "--format", "xml"}, code: 2, noOut: true, stderr: []string{`unknown --format "xml" for exoscreen evaluate (want text, json, fhir)`}},
		{name: "unknown command", args: []string{"--lang", "en", "evaluat"}, code: 2, noOut: true, stderr: []string{`exoscreen: unknown command "evaluat"`}},
		{name: "argument to questionnaire", args: []string{"--lang", "en", "questionnaire", "x"}, code: 2, noOut: true, stderr: []string{`exoscreen questionnaire takes no arguments ("x" given)`}},
		{name: "no stray space on a load error", args: []string{"--lang", "en", "--content", filepath.Join("testdata", "lint", "gap")}, code: 2, noOut: true, stderr: []string{"exoscreen: the rule set has problems"}},

		// Standard input is named so; a BOM is accepted.
		{name: "stdin named", stdin: `{"pregnancy": "maybe"}`, args: []string{"evaluate", "--lang", "en", "--content", rules}, code: 2, stderr: []string{"standard input: line 1: pregnancy:"}},
		{name: "stdin named ja", stdin: `{"pregnancy": "maybe"}`, args: []string{"evaluate", "-", "--content", rules}, code: 2, stderr: []string{"標準入力: 1行目: pregnancy:"}},
		{name: "empty stdin", args: []string{"evaluate", "--lang", "en", "--content", rules}, code: 2, noOut: true, stderr: []string{"exoscreen evaluate: standard input: no answers in the input"}},
		{name: "BOM file", args: []string{"evaluate", "--lang", "en", "--content", rules, "--format", "json", bom}, stdout: []string{`"verdict":"relative"`}},
		{name: "BOM JSON Lines with CRLF", args: []string{"evaluate", "--content", rules, "--format", "json", bomLines}, stdout: []string{`"line":1`, `"line":2`}},
		{name: "BOM on stdin", stdin: "\ufeff" + exampleAnswers, args: []string{"evaluate", "--content", rules, "--format", "json"}, stdout: []string{`"verdict":"relative"`}},
	}
}

// TestCLIForms runs the forms in-process.
func TestCLIForms(t *testing.T) {
	for _, f := range cliForms(t) {
		t.Run(f.name, func(t *testing.T) {
			r := runCmd(t, f.stdin, f.args...)
			checkForm(t, f, r)
		})
	}
}

func checkForm(t *testing.T, f cliForm, r runResult) {
	t.Helper()
	if r.code != f.code {
		t.Errorf("exit %d, want %d\nstdout: %.400s\nstderr: %s", r.code, f.code, r.stdout, r.stderr)
	}
	for _, w := range f.stdout {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("stdout lacks %q:\n%.600s", w, r.stdout)
		}
	}
	if f.stderr == nil && r.stderr != "" {
		t.Errorf("stderr: %s", r.stderr)
	}
	for _, w := range f.stderr {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
		}
	}
	if f.noOut && r.stdout != "" {
		t.Errorf("stdout not empty: %.400s", r.stdout)
	}
	if strings.Contains(r.stderr, "exoscreen :") {
		t.Errorf("stray space: %s", r.stderr)
	}
}

// TestCLIFormsBinary runs the same forms on the real binary, in a clean environment.
func TestCLIFormsBinary(t *testing.T) {
	bin := binary(t)
	for _, f := range cliForms(t) {
		t.Run(f.name, func(t *testing.T) {
			cmd := exec.Command(bin, f.args...)
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "TZ=UTC", nowEnv + "=" + fixedNow}
			cmd.Stdin = strings.NewReader(f.stdin)
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			checkForm(t, f, runResult{code, out.String(), errb.String()})
		})
	}
}

// TestHelpGolden: the help of every command in both languages, generated from the flag and
// command tables: goldens (testdata/help, -update), 80 columns, the same sections in both
// languages, every flag and every example in both.
func TestHelpGolden(t *testing.T) {
	for _, c := range commands {
		name := c.name
		if name == "" {
			name = "exoscreen"
		}
		texts := map[screening.Lang]string{}
		for _, lang := range screening.Langs {
			args := []string{"--lang", string(lang), "--help"}
			if c.name != "" {
				args = []string{"help", c.name, "--lang", string(lang)}
			}
			r := runCmd(t, "", args...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("%s: exit %d, stderr %s", args, r.code, r.stderr)
			}
			golden(t, filepath.Join("help", name+"."+string(lang)+".txt"), r.stdout)
			texts[lang] = r.stdout
			for i, l := range strings.Split(r.stdout, "\n") {
				if w := eawidth.Cells(l); w > helpWidth {
					t.Errorf("%s %s line %d is %d cells wide: %q", name, lang, i+1, w, l)
				}
				if strings.HasSuffix(l, " -") || strings.HasSuffix(l, " --") || strings.HasSuffix(l, " ") {
					t.Errorf("%s %s line %d ends badly: %q", name, lang, i+1, l)
				}
			}
			for _, f := range c.flagNames() {
				if !strings.Contains(r.stdout, "--"+f+" ") && !strings.Contains(r.stdout, "--"+f+"\n") {
					t.Errorf("%s %s: no --%s", name, lang, f)
				}
			}
			for _, ex := range c.examples {
				if !strings.Contains(r.stdout, "  "+ex.line+"\n") {
					t.Errorf("%s %s: no example %q", name, lang, ex.line)
				}
			}
			if len(c.examples) == 0 {
				t.Errorf("%s has no examples", name)
			}
		}
		if ja, en := sections(texts[screening.JA], screening.JA), sections(texts[screening.EN], screening.EN); !slices.Equal(ja, en) {
			t.Errorf("%s: sections differ:\nja %v\nen %v", name, ja, en)
		}
	}
}

// sections lists the headings of a help text, by key, in order.
func sections(help string, lang screening.Lang) []string {
	heads := map[string]string{}
	for _, key := range []string{"usage", "commands", "flags", "global", "examples"} {
		heads[helpHeads.Get(lang, key)] = key
	}
	for _, c := range commands {
		for i, g := range c.flags {
			if !g.title.IsZero() {
				heads[g.title.In(lang)+":"] = fmt.Sprintf("%s/%d", c.name, i)
			}
		}
	}
	var out []string
	for _, l := range strings.Split(help, "\n") {
		if k, ok := heads[l]; ok {
			out = append(out, k)
		}
		if strings.HasPrefix(l, exitStatus.In(lang)[:10]) {
			out = append(out, "exit")
		}
	}
	return out
}

// TestFlagDefs: every flag is defined once, with help in both languages and a valid
// default; every flag a command names is defined, and every defined flag is taken by some
// command.
func TestFlagDefs(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range flagDefs {
		if seen[d.name] {
			t.Errorf("--%s defined twice", d.name)
		}
		seen[d.name] = true
		if d.help[screening.JA] == "" || d.help[screening.EN] == "" {
			t.Errorf("--%s: help missing in a language", d.name)
		}
		if (d.want[screening.JA] == "") != (d.want[screening.EN] == "") {
			t.Errorf("--%s: want in one language only", d.name)
		}
		if d.isSwitch() != (d.arg == "") {
			t.Errorf("--%s: a switch has no placeholder, a value has one", d.name)
		}
		var o options
		fs := newTestFlagSet()
		d.define(fs, &o, func(string) string { return "" })
		if d.def != "" && fs.Lookup(d.name).Value.String() != d.def && !(d.def == "2m" && fs.Lookup(d.name).Value.String() == "2m0s") {
			t.Errorf("--%s: default %q became %q", d.name, d.def, fs.Lookup(d.name).Value.String())
		}
	}
	used := map[string]bool{}
	for _, c := range commands {
		names := c.flagNames()
		for _, n := range names {
			if lookupFlag(n) == nil {
				t.Errorf("%s names --%s, which flagDefs does not define", c.title(), n)
			}
			used[n] = true
		}
		if slices.Contains(names, "format") != (len(c.formats) > 0) {
			t.Errorf("%s: --format and its formats go together", c.title())
		}
		if c.summary[screening.JA] == "" || c.summary[screening.EN] == "" {
			t.Errorf("%s: summary missing in a language", c.title())
		}
	}
	for _, d := range flagDefs {
		if !used[d.name] {
			t.Errorf("--%s is defined but no command takes it", d.name)
		}
	}
}

// TestParseArgs pins how the command and its flags are found.
func TestParseArgs(t *testing.T) {
	e := &env{getenv: func(k string) string {
		return map[string]string{"LANG": "en_US.UTF-8", "EXOSCREEN_OUTBOX": "/srv/outbox", "EXOSCREEN_KIOSK_DETAILS": ""}[k]
	}}
	tests := []struct {
		args    []string
		cmd     string
		pos     []string
		check   func(o *options) bool
		wantErr string
	}{
		{[]string{}, "", nil, func(o *options) bool {
			return o.lang == screening.EN && o.details == "reception" && o.idle == 2*time.Minute
		}, ""},
		{[]string{"--content", "evaluate", "lint"}, "lint", nil, func(o *options) bool { return o.content == "evaluate" }, ""},
		{[]string{"--kiosk", "evaluate"}, "evaluate", nil, nil, "--kiosk is not a flag of exoscreen evaluate"},
		{[]string{"--accessible", "lint", "x"}, "lint", []string{"x"}, nil, "--accessible is not a flag of exoscreen lint"},
		{[]string{"evaluate", "-", "--lang=ja"}, "evaluate", []string{"-"}, func(o *options) bool { return o.lang == screening.JA && o.format == "text" }, ""},
		{[]string{"questionnaire"}, "questionnaire", nil, func(o *options) bool { return o.format == "fhir" }, ""},
		{[]string{"inbox"}, "inbox", nil, func(o *options) bool { return o.format == "" && o.outbox == "/srv/outbox" && o.printCommand == "lp" }, ""},
		{[]string{"inbox", "--outbox", "here"}, "inbox", nil, func(o *options) bool { return o.outbox == "here" }, ""},
		{[]string{"--", "evaluate"}, "", []string{"evaluate"}, nil, `unknown command "evaluate"`},
		{[]string{"evaluate", "--", "--lang"}, "evaluate", []string{"--lang"}, nil, ""},
		{[]string{"--kiosk=false", "--show-result", "--idle-timeout=90s"}, "", nil, func(o *options) bool { return !o.kiosk && o.showResult && o.idle == 90*time.Second }, ""},
		{[]string{"lint", "evaluate"}, "lint", []string{"evaluate"}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			cmd, o, pos, err := e.parseArgs(tc.args)
			if cmd.name != tc.cmd || !slices.Equal(pos, tc.pos) {
				t.Errorf("command %q args %q, want %q %q", cmd.name, pos, tc.cmd, tc.pos)
			}
			if (err == nil) != (tc.wantErr == "") || err != nil && !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %v, want %q", err, tc.wantErr)
			}
			if tc.check != nil && !tc.check(o) {
				t.Errorf("options %+v", o)
			}
		})
	}
}

// FuzzParseArgs: any command line (arguments separated by NUL) gives a command, options and
// either no error or one that reads in both languages; it never panics.
func FuzzParseArgs(f *testing.F) {
	f.Add("--content\x00DIR\x00evaluate\x00FILE")
	f.Add("--lang\x00en\x00lint")
	f.Add("evaluate\x00--format=json\x00-\x00--\x00--x")
	f.Add("-h\x00help\x00nope")
	f.Add("--idle-timeout\x00\x00--lang")
	f.Add("---lang=en\x00--=\x00-\x00=")
	e := &env{getenv: func(string) string { return "" }}
	f.Fuzz(func(t *testing.T, line string) {
		var args []string
		if line != "" {
			args = strings.Split(line, "\x00")
		}
		cmd, o, _, err := e.parseArgs(args)
		if cmd == nil || o == nil {
			t.Fatal("no command or options")
		}
		if err != nil {
			for _, lang := range screening.Langs {
				if localized(err, lang) == "" {
					t.Fatalf("empty message for %v", err)
				}
			}
			return
		}
		if len(cmd.formats) > 0 && !slices.ContainsFunc(cmd.formats, func(f outputFormat) bool { return f.name == o.format }) && o.format != cmd.defaultFormat {
			t.Fatalf("format %q let through for %s", o.format, cmd.title())
		}
	})
}

func newTestFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// TestTUIExit: the full-screen screening exits 0 only when it reached its summary.
func TestTUIExit(t *testing.T) {
	for finished, want := range map[bool]int{true: exitOK, false: exitUsage} {
		if got := tuiExit(finished); got != want {
			t.Errorf("tuiExit(%v) = %d, want %d", finished, got, want)
		}
	}
}
