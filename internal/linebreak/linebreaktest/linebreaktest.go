// Package linebreaktest checks wrapped lines against the rules of package linebreak, for
// the tests of every package that shows or prints wrapped text (screens, inbox, paper).
package linebreaktest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/exoscreen/exoscreen/internal/budoux"
	"github.com/exoscreen/exoscreen/internal/linebreak"
	"github.com/rivo/uniseg"
)

// Terms are the words no line break may split (when they fit on a line).
var Terms = linebreak.JapaneseTerms

const (
	noStart     = "。、，．・：；？！ー」』）〕］｝〉》】ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
	noEnd       = "「『（〔［｛〈《【"
	sentenceEnd = "。、，．！？」』）"
)

// Problems returns what is wrong with lines, consecutive lines of text at most width cells
// wide (plain text, no escape sequences): a line wider than width, a line starting with
// 。、」ー or a small kana, a line ending with 「（, a lone kana before 。 at the start of a
// line (含みま|す。), a term of Terms split between two lines although it fits on the
// second after its indent, or a break between two Japanese characters inside a phrase
// (BudouX) that would fit on the second line whole (お|答えください). Leading spaces
// (indents) are ignored.
func Problems(lines []string, width int) []string {
	var out []string
	for i, l := range lines {
		if w := uniseg.StringWidth(l); w > width {
			out = append(out, fmt.Sprintf("line %d is %d cells, more than %d: %q", i+1, w, width, l))
		}
		body := strings.TrimLeft(l, " ")
		first, n := utf8.DecodeRuneInString(body)
		if body != "" && strings.ContainsRune(noStart, first) {
			out = append(out, fmt.Sprintf("line %d starts with %q: %q", i+1, first, l))
		}
		if last, _ := utf8.DecodeLastRuneInString(l); l != "" && strings.ContainsRune(noEnd, last) {
			out = append(out, fmt.Sprintf("line %d ends with %q: %q", i+1, last, l))
		}
		if unicode.In(first, unicode.Hiragana, unicode.Katakana) {
			if next, _ := utf8.DecodeRuneInString(body[n:]); strings.ContainsRune(sentenceEnd, next) && i > 0 && lines[i-1] != "" {
				out = append(out, fmt.Sprintf("line %d starts with a lone kana before %q: %q | %q", i+1, next, lines[i-1], l))
			}
		}
		if i == 0 {
			continue
		}
		prev := lines[i-1]
		if p := insidePhrase(prev, body, width-(len(l)-len(body))); p != "" {
			out = append(out, fmt.Sprintf("lines %d-%d break inside the phrase %s although it fits: %q | %q", i, i+1, p, prev, l))
		}
		for _, t := range Terms {
			if uniseg.StringWidth(t)+len(l)-len(body) > width {
				continue // the term does not fit after the indent
			}
			for k := range t {
				if k > 0 && strings.HasSuffix(prev, t[:k]) && strings.HasPrefix(body, t[k:]) {
					out = append(out, fmt.Sprintf("lines %d-%d split %s: %q | %q", i, i+1, t, prev, l))
				}
			}
		}
	}
	return out
}

// insidePhrase returns the phrase (BudouX, Japanese model) that the break between lines a
// and b falls inside when that phrase, with the brackets and marks kinsoku keeps with it,
// fits in width cells and the break is not at the edge of a term; "" otherwise.
func insidePhrase(a, b string, width int) string {
	a = strings.TrimLeft(a, " ")
	if strings.Contains(a, "  ") {
		return "" // columns (a screen's header), not a paragraph
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if !japanese(last) || !japanese(first) {
		return ""
	}
	for _, t := range Terms {
		if strings.HasSuffix(a, t) || strings.HasPrefix(b, t) {
			return "" // a term's edge: the wrapper's choice inside a phrase too wide with it
		}
	}
	s := a + b
	cut := len(a)
	start, end := 0, len(s)
	for _, o := range budoux.Japanese().Boundaries(nil, s) {
		switch {
		case o == cut:
			return ""
		case o < cut:
			start = o
		case o > cut && end == len(s):
			end = o
		}
	}
	phrase := s[start:end]
	if uniseg.StringWidth(phrase) > width || strings.ContainsAny(phrase, " :") {
		return "" // too wide, or two paragraphs ("回答: はい" above "理由: ...")
	}
	if uniseg.StringWidth(a)+uniseg.StringWidth(s[cut:end]) <= width {
		return "" // the rest of the phrase would have fitted on a: not a wrap (a heading)
	}
	return phrase
}

func japanese(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー'
}

// Files checks the lines of every file matching pattern (a filepath.Glob pattern, such as
// the Japanese golden files of a package) with Problems at width cells, and fails tb with
// each problem found, or when no file matches (a test that reads nothing cannot fail).
func Files(tb testing.TB, pattern string, width int) {
	tb.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		tb.Fatalf("no file matches %s (%v)", pattern, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, p := range Problems(strings.Split(strings.TrimSuffix(string(b), "\n"), "\n"), width) {
			tb.Errorf("%s: %s", f, p)
		}
	}
}
