package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/exoscreen/exoscreen/content"
	"github.com/exoscreen/exoscreen/screening"
)

// common are the flags every command takes.
type common struct {
	lang    screening.Lang
	content string
	langSet bool
}

// newFlags makes a flag set for a command with the common flags.
func newFlags(name string, c *common) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.lang = langFromEnv()
	fs.Func("lang", "language: ja or en (default from LC_ALL/LANG, else ja)", func(s string) error {
		l, err := screening.ParseLang(s)
		if err != nil {
			return err
		}
		c.lang, c.langSet = l, true
		return nil
	})
	fs.StringVar(&c.content, "content", "", "load the rule set in `DIR` instead of the embedded one")
	return fs
}

// langFromEnv is the language of the locale (LC_ALL, LC_MESSAGES, LANG).
func langFromEnv() screening.Lang {
	return screening.LangFromLocale(os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG"))
}

// nowEnv names the environment variable that fixes the clock for tests and reproducible
// examples (see export.Clock).
const nowEnv = "EXOSCREEN_NOW"

// parse parses flags that may come before or after the positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// loadRules loads the rule set chosen by --content, or the embedded one.
func (c *common) loadRules() (*screening.RuleSet, error) {
	if c.content != "" {
		return screening.LoadDir(c.content)
	}
	return screening.Load(content.FS)
}

// usageError is bad usage: the message and a pointer to --help, in lang.
func (e *env) usageError(cmd string, lang screening.Lang, err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return e.help([]string{cmd})
	}
	name := "exoscreen"
	if cmd != "" {
		name += " " + cmd
	}
	if lang == screening.JA {
		fmt.Fprintf(e.stderr, "%s: %s\n詳しくは %s --help を見てください。\n", name, flagMessageJA(err.Error()), name)
	} else {
		fmt.Fprintf(e.stderr, "%s: %s\nSee %s --help.\n", name, err.Error(), name)
	}
	return exitUsage
}

// flagErrorsJA translates the messages of the flag package, which speaks only English.
var flagErrorsJA = []struct {
	re *regexp.Regexp
	ja string
}{
	{regexp.MustCompile(`^flag provided but not defined: (-\S+)$`), "不明なフラグです: $1"},
	{regexp.MustCompile(`^flag needs an argument: (-\S+)$`), "フラグ $1 には値が必要です"},
	{regexp.MustCompile(`^invalid value ("[^"]*") for flag (-\S+): unknown language .*$`), "フラグ $2 の値 $1 は使えません(ja か en)"},
	{regexp.MustCompile(`^invalid value ("[^"]*") for flag (-\S+): (.*)$`), "フラグ $2 の値 $1 は使えません: $3"},
	{regexp.MustCompile(`^invalid boolean value ("[^"]*") for (-\S+): .*$`), "フラグ $2 の値 $1 は使えません(true か false)"},
}

// flagMessageJA returns msg in Japanese where it is one of the flag package's messages.
func flagMessageJA(msg string) string {
	for _, t := range flagErrorsJA {
		if t.re.MatchString(msg) {
			return t.re.ReplaceAllString(msg, t.ja)
		}
	}
	return msg
}

// loadError reports a rule set that could not be loaded.
func (e *env) loadError(cmd string, lang screening.Lang, err error) int {
	var le *screening.LoadError
	if errors.As(err, &le) {
		head := "the rule set has problems and was not used:"
		if lang == screening.JA {
			head = "ルールセットに問題があるため使えません:"
		}
		fmt.Fprintf(e.stderr, "exoscreen %s: %s\n%s\n", cmd, head, indent(le.Message(lang)))
		return exitUsage
	}
	fmt.Fprintf(e.stderr, "exoscreen %s: %v\n", cmd, err)
	return exitFail
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}
