package kiosk

import (
	"strings"

	"github.com/exoscreen/exoscreen/internal/linebreak"
)

// wrapPlain breaks plain text s into lines of at most w cells with the line breaking of
// every screen and of paper (package internal/linebreak: Japanese phrases, kinsoku), so
// that lipgloss, which wraps a Japanese run after a Latin word as one block, has nothing
// left to wrap.
func wrapPlain(s string, w int) string { return strings.Join(linebreak.Lines(s, w), "\n") }
