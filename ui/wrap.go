package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/internal/linebreak"
	"github.com/rivo/uniseg"
)

// wrapText breaks s into lines at most width cells wide with the line breaking of every
// screen and of paper (package internal/linebreak): Unicode line breaking, Japanese phrases
// (文節, BudouX) and kinsoku, Latin words kept whole; a run wider than a line is cut between
// grapheme clusters. Explicit newlines are kept. s must be plain text (no escape sequences);
// style the lines afterwards.
func wrapText(s string, width int) []string { return linebreak.Lines(s, width) }

// wrapIndent wraps s to width with the first line prefixed by first and the others by an
// indent of the same width (a hanging indent), as in "- question" or "  Reason: ...".
func wrapIndent(s, first string, width int) []string { return linebreak.Indent(s, first, width) }

// wrapURL puts a web address on lines of its own, indented by two cells, broken only after
// a "/" when it does not fit (linebreak.URL).
func wrapURL(url string, width int) []string {
	lines := linebreak.URL(url, width-2)
	for i, l := range lines {
		lines[i] = "  " + l
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
