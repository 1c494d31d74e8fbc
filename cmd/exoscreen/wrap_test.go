package main

import (
	"testing"

	"github.com/exoscreen/exoscreen/internal/linebreak/linebreaktest"
)

// TestGoldenJapaneseLines checks the lines of the Japanese golden outputs of the commands
// (help, lint, evaluate; 80 columns) with the rules of the one line breaker: kinsoku, no
// lone kana before 。, 重いアレルギー, 相対禁忌, 絶対禁忌, アナフィラキシー never split. The
// problems lint lists (gap.ja.txt, many.ja.txt) are one a line, "file:line: field: text", as
// a compiler's are, so that editors and grep find them: they are not wrapped.
func TestGoldenJapaneseLines(t *testing.T) {
	for _, pattern := range []string{"testdata/help/*.ja.txt", "testdata/lint/ok.ja.txt", "testdata/lint/*.ja.stderr", "testdata/evaluate/*.ja.txt"} {
		linebreaktest.Files(t, pattern, 80)
	}
}
