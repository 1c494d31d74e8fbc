package ui

import (
	"strings"

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
