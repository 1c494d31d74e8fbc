package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/exoscreen/exoscreen/internal/eawidth"
	"github.com/exoscreen/exoscreen/internal/golden"
	"github.com/exoscreen/exoscreen/screening"
)

// screens drive a fresh app to each screen.
var screens = []struct {
	name string
	keys []any // tea.Msg, or a func(*driver)
}{
	{"welcome", nil},
	{"question_single", seq(kEnter)},
	{"question_need", seq(kEnter, kEnter)},
	{"question_explain", seq(kEnter, runes("?"))},
	{"question_followup", seq(kEnter, pick(1))},
	{"question_integer_choice", seq(kEnter, firsts(3), pick(4))},
	{"question_integer_number", seq(kEnter, firsts(3), pick(4), kDown, kEnter, runes("x"), kEnter)},
	{"question_multi", seq(kEnter, firsts(6), pick(2), pick(1), kDown, kDown, kSpace)},
	{"question_text", seq(kEnter, firsts(7), pick(2), firsts(3))},
	{"review", seq(kEnter, firsts(15))},
	{"summary", seq(kEnter, kEnd, kEnter, firsts(13), kEnd, kEnter)},
	{"export", seq(kEnter, firsts(15), kEnd, kEnter, runes("s"))},
	{"quit", seq(kEnter, pick(1), kCtrlC)},
}

// seq is a list of keys: tea.Msg values and lists of them ([]tea.Msg), flattened.
func seq(k ...any) []any {
	var out []any
	for _, x := range k {
		if l, ok := x.([]tea.Msg); ok {
			for _, m := range l {
				out = append(out, m)
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

func toScreen(t *testing.T, lang screening.Lang, keys []any, w, h int) *driver {
	d := drive(t, newApp(t, lang, ""), w, h)
	for _, k := range keys {
		d.send(k)
	}
	return d
}

// TestGoldenFrames compares every screen with testdata/TestGoldenFrames/*.golden at 80x24 and
// 40x12 in both languages (go test ./ui -run TestGoldenFrames -update rewrites them).
func TestGoldenFrames(t *testing.T) {
	for _, sc := range screens {
		for _, size := range [][2]int{{80, 24}, {40, 12}} {
			for _, lang := range testLangs {
				name := fmt.Sprintf("%s_%dx%d_%s", sc.name, size[0], size[1], lang)
				t.Run(name, func(t *testing.T) {
					d := toScreen(t, lang, sc.keys, size[0], size[1])
					frame := d.m.View()
					checkFrame(t, frame, size[0], size[1])
					golden.Named(t, ansi.Strip(frame)+"\n")
				})
			}
		}
	}
}

// TestFramesFit checks every screen at many sizes: exactly the terminal's height, no line
// wider than it, and no East-Asian-ambiguous glyph in the chrome.
func TestFramesFit(t *testing.T) {
	for _, sc := range screens {
		for _, size := range [][2]int{{40, 12}, {41, 13}, {60, 16}, {120, 50}} {
			for _, lang := range testLangs {
				d := toScreen(t, lang, sc.keys, size[0], size[1])
				t.Run(fmt.Sprintf("%s_%dx%d_%s", sc.name, size[0], size[1], lang), func(t *testing.T) {
					checkFrame(t, d.m.View(), size[0], size[1])
				})
			}
		}
	}
}

func checkFrame(t *testing.T, frame string, w, h int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) != h {
		t.Errorf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d cells wide (max %d): %q", i+1, lw, w, ansi.Strip(l))
		}
		for _, r := range ansi.Strip(l) {
			if eawidth.Ambiguous(r) && !ruleSetRune(t, r) {
				t.Errorf("line %d: East-Asian-ambiguous glyph %q (U+%04X): %q", i+1, r, r, ansi.Strip(l))
			}
		}
	}
}

// ruleSetRune reports whether r occurs in the rule set's own texts.
func ruleSetRune(t *testing.T, r rune) bool {
	if ruleSetText == "" {
		ruleSetText = allText(loadRules(t))
	}
	return strings.ContainsRune(ruleSetText, r)
}

var ruleSetText string

func allText(rs *screening.RuleSet) string {
	var b strings.Builder
	add := func(x screening.Text) { b.WriteString(x[screening.JA]); b.WriteString(x[screening.EN]) }
	add(rs.Name)
	add(rs.Disclaimer)
	for _, n := range rs.Notices {
		add(n.Text)
	}
	for _, s := range rs.Sources {
		add(s.Title)
		add(s.Publisher)
	}
	for _, q := range rs.Questions {
		add(q.Text)
		add(q.Help)
		for _, o := range q.Options {
			add(o.Text)
			add(o.Help)
		}
		for _, ru := range q.Rules {
			add(ru.Reason)
		}
	}
	return b.String()
}
