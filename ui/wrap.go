package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// wrapText breaks s into lines at most width cells wide, at the places Unicode line breaking
// (UAX #14, github.com/rivo/uniseg) allows: between words in English, between most characters
// in Japanese, never before 。、」 and the like. A run that has no break opportunity and is
// wider than width is broken between grapheme clusters. Explicit newlines are kept. s must be
// plain text (no escape sequences); style the lines afterwards.
func wrapText(s string, width int) []string {
	if width < 1 {
		width = 1
	}
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapPara(para, width)...)
	}
	return out
}

func wrapPara(s string, width int) []string {
	if s == "" {
		return []string{""}
	}
	var (
		lines []string
		cur   strings.Builder
		curW  int
		state = -1
	)
	flush := func() {
		lines = append(lines, strings.TrimRight(cur.String(), " "))
		cur.Reset()
		curW = 0
	}
	rest := s
	for len(rest) > 0 {
		var seg string
		var mustBreak bool
		seg, rest, mustBreak, state = uniseg.FirstLineSegmentInString(rest, state)
		segW := uniseg.StringWidth(strings.TrimRight(seg, " "))
		if curW > 0 && curW+segW > width {
			flush()
		}
		if segW > width {
			// No break opportunity inside: break between grapheme clusters.
			g := uniseg.NewGraphemes(seg)
			for g.Next() {
				c := g.Str()
				w := g.Width()
				if curW > 0 && curW+w > width && c != " " {
					flush()
				}
				cur.WriteString(c)
				curW += w
			}
		} else {
			cur.WriteString(seg)
			curW += uniseg.StringWidth(seg)
		}
		if mustBreak && len(rest) > 0 {
			flush()
		}
	}
	if cur.Len() > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// wrapIndent wraps s to width with the first line prefixed by first and the others by an
// indent of the same width (a hanging indent), as in "- question" or "  Reason: ...".
func wrapIndent(s, first string, width int) []string {
	fw := uniseg.StringWidth(first)
	lines := wrapText(s, width-fw)
	pad := strings.Repeat(" ", fw)
	for i := range lines {
		if i == 0 {
			lines[i] = first + lines[i]
		} else {
			lines[i] = pad + lines[i]
		}
	}
	return lines
}

// fitLine cuts a (possibly styled) line to width cells.
func fitLine(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "")
}

// frame lays out a screen of exactly height lines: header at the top, footer at the bottom
// and body in between, padded with empty lines or cut (callers scroll their body so that
// nothing is cut without a way to see it). No line is wider than width.
func frame(header, body, footer []string, width, height int) string {
	avail := height - len(header) - len(footer)
	if avail < 0 {
		// Too small for the chrome: keep the body first, then the footer.
		avail = 0
	}
	lines := make([]string, 0, height)
	lines = append(lines, header...)
	for i := 0; i < avail; i++ {
		if i < len(body) {
			lines = append(lines, body[i])
		} else {
			lines = append(lines, "")
		}
	}
	lines = append(lines, footer...)
	if height > 0 && len(lines) > height {
		lines = lines[:height]
	}
	for i := range lines {
		lines[i] = fitLine(lines[i], width)
	}
	return strings.Join(lines, "\n")
}

// textWidth is the width of plain text in cells.
func textWidth(s string) int { return uniseg.StringWidth(s) }

// cut splits "key what" at the first space.
func cut(s string) (string, string, bool) { return strings.Cut(s, " ") }

func spaces(n int) string { return repeat(" ", n) }

func repeat(s string, n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(s, n)
}
