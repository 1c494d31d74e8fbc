package export

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitize makes outside text (a patient's free text, a field read from a file) safe to show
// on a terminal or print: control characters, escape sequences' ESC, C1 controls, bidi
// overrides and invalid UTF-8 are written out visibly as \x1b, \u202e and the like, so the
// text is shown as text and never acted on by a terminal. Newlines, tabs and the Unicode line
// and paragraph separators (U+2028, U+2029: a line break to the line breaker and to some
// viewers) become spaces, so that a patient's text cannot start a line of its own on paper.
func Sanitize(s string) string {
	clean := true
	for i, r := range s {
		if r == utf8.RuneError || unsafeRune(r) {
			_ = i
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' || r == '\t' || r == '\r' || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true // bidi controls can reorder what a reader sees
	case r == 0xfeff, r == 0x2028, r == 0x2029:
		return true
	}
	return unicode.Is(unicode.Co, r) // private use: no meaning to show
}
