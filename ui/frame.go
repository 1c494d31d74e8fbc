package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Frame is the layout of one screen, the one of every front end (the interactive screening,
// the kiosk, the inbox): a header at the top, a footer at the bottom and the body between.
// Render lays it out.
type Frame struct {
	Header, Body, Footer []string
	// Centre puts the body in the middle of the space between header and footer, as one
	// block, across and down (the kiosk's screens); without it the body starts under the
	// header, at the left.
	Centre bool
}

// Render lays f out on a screen width cells wide and height lines high.
//
// A top-aligned frame is exactly height lines: the body is padded with empty lines or cut
// (screens scroll their body so that nothing is cut without a way to see it; when even the
// header and footer do not fit, the header and the footer are kept and then cut from the
// bottom), and no line is wider than width (wider ones are cut, as the terminal would).
//
// A centred frame pads the body to the space with spaces (lipgloss.Place); a body larger
// than the space is left whole, for the terminal to cut.
func (f Frame) Render(width, height int) string {
	avail := max(height-len(f.Header)-len(f.Footer), 0)
	if f.Centre {
		body := lipgloss.Place(width, avail, lipgloss.Center, lipgloss.Center, strings.Join(f.Body, "\n"))
		if len(f.Header) == 0 && len(f.Footer) == 0 {
			return body
		}
		return strings.Join(append(append(append([]string{}, f.Header...), body), f.Footer...), "\n")
	}
	lines := make([]string, 0, height)
	lines = append(lines, f.Header...)
	for i := 0; i < avail; i++ {
		if i < len(f.Body) {
			lines = append(lines, f.Body[i])
		} else {
			lines = append(lines, "")
		}
	}
	lines = append(lines, f.Footer...)
	if height > 0 && len(lines) > height {
		lines = lines[:height]
	}
	for i := range lines {
		lines[i] = fitLine(lines[i], width)
	}
	return strings.Join(lines, "\n")
}

// fitLine cuts a (possibly styled) line to width cells.
func fitLine(s string, width int) string {
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "")
}
