package export

import "github.com/exoscreen/exoscreen/internal/linebreak"

// TextWidth is the width of the printed summary in display cells (a Japanese character takes
// two cells).
const TextWidth = 80

// appendWrapped appends text wrapped to width cells: the first line starts with first, the
// others with rest (usually spaces of the same width). Every line ends with "\n".
func appendWrapped(b []byte, first, rest, text string, width int) []byte {
	return linebreak.Append(b, first, rest, text, width)
}

// AppendWrapped appends text wrapped to width display cells, the first line starting with
// first and the others with rest, each line ending with a newline. It is the line breaking
// of the screens (package internal/linebreak): Unicode line breaking, Japanese phrases
// (BudouX) and kinsoku, Latin words kept whole. Callers sanitise outside text first.
func AppendWrapped(b []byte, first, rest, text string, width int) []byte {
	return linebreak.Append(b, first, rest, text, width)
}
