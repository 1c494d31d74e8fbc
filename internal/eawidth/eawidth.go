// Package eawidth answers, for tests, how wide a character is on a Japanese terminal, from the
// East Asian Width property of golang.org/x/text/width (Unicode's own table, not ranges typed
// by hand).
//
// East-Asian-ambiguous characters (┃ • → ※ ○ … × and box drawing, Greek, Cyrillic and many
// more) take one cell on most Western terminals and two on many Japanese ones, so a screen or a printout that uses them is laid out
// wrongly on one of the two: the default theme, the help and the printable summary keep them
// out, and the tests check that with Ambiguous. Ambiguous follows Unicode's table: ✓ and ▸
// are Neutral there (although some CJK fonts draw them wide), so it does not report them.
package eawidth

import "golang.org/x/text/width"

// Ambiguous reports whether r is East-Asian-ambiguous: one cell or two, depending on the
// terminal.
func Ambiguous(r rune) bool {
	return width.LookupRune(r).Kind() == width.EastAsianAmbiguous
}

// Wide reports whether r takes two cells on every terminal (East Asian Wide or Fullwidth:
// kana, kanji, CJK punctuation, full-width forms).
func Wide(r rune) bool {
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}

// Cells is the width of s on a Japanese terminal, the widest reading: wide, full-width and
// ambiguous characters take two cells, every other character one.
func Cells(s string) int {
	n := 0
	for _, r := range s {
		if Wide(r) || Ambiguous(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}
