// Package linebreaktest checks wrapped lines against the rules of package linebreak, for
// the tests of every package that shows or prints wrapped text (screens, inbox, paper).
package linebreaktest

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

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
// line (含みま|す。), or a term of Terms split between two lines although it fits on the
// second after its indent. Leading spaces (indents) are ignored.
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
