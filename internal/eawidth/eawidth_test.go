package eawidth

import (
	"testing"
)

func TestRunes(t *testing.T) {
	for _, tc := range []struct {
		r               rune
		ambiguous, wide bool
	}{
		{'a', false, false},
		{' ', false, false},
		{'>', false, false},
		{'あ', false, true},
		{'漢', false, true},
		{'、', false, true},
		{'「', false, true},
		{'Ａ', false, true},  // full-width A
		{'ｱ', false, false}, // half-width katakana
		{'┃', true, false},
		{'•', true, false},
		{'→', true, false},
		{'※', true, false},
		{'○', true, false},
		{'…', true, false},
		{'×', true, false},
		{'é', true, false}, // Latin-1 letters are ambiguous too
	} {
		if got := Ambiguous(tc.r); got != tc.ambiguous {
			t.Errorf("Ambiguous(%q) = %v, want %v", tc.r, got, tc.ambiguous)
		}
		if got := Wide(tc.r); got != tc.wide {
			t.Errorf("Wide(%q) = %v, want %v", tc.r, got, tc.wide)
		}
	}
}

func TestCells(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "はい": 4, "a→b": 4, "Ａｱ": 3, "※注意": 6} {
		if got := Cells(s); got != want {
			t.Errorf("Cells(%q) = %d, want %d", s, got, want)
		}
	}
}
