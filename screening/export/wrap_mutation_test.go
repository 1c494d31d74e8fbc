package export

// Tests of the line wrapper of the printed summary (AppendWrapped). They are kept apart from
// the other tests so that they can go with the wrapper if it is replaced.

import (
	"strings"
	"testing"
)

// A Latin word with a hyphen or a slash between two ASCII letters or digits (follow-up,
// and/or, COVID-19, 2-3) is never split at the hyphen or slash; with anything else on either
// side (@-a, [/x, a-{) the line may break after it, as Unicode line breaking allows.
func TestWrapHyphenAndSlashBetweenLettersAndDigits(t *testing.T) {
	alnum := func(c byte) bool {
		return strings.IndexByte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", c) >= 0
	}
	// The ASCII letters and digits at the ends of their ranges, and the characters just
	// outside them.
	prevs := "azAZ09@[`{/:"
	nexts := "azAZ@[`{"
	for _, mark := range []string{"-", "/"} {
		for i := 0; i < len(prevs); i++ {
			for j := 0; j < len(nexts); j++ {
				p, n := prevs[i], nexts[j]
				word := string(p) + mark + string(n) + "xxxx"
				got := string(AppendWrapped(nil, "", "", "12345 "+word, 8))
				want := "12345 " + string(p) + mark + "\n" + string(n) + "xxxx\n"
				if alnum(p) && alnum(n) {
					want = "12345\n" + word + "\n"
				}
				if got != want {
					t.Errorf("%q: %q, want %q", word, got, want)
				}
			}
		}
	}
}

// Lines are filled up to the width exactly, with the first line's and the other lines'
// prefixes; a line break in the text is kept, except at its end.
func TestWrapFillsLinesToTheWidth(t *testing.T) {
	for _, c := range []struct {
		first, rest, text string
		width             int
		want              string
	}{
		{"", "", "aaaa bbbbb cc", 10, "aaaa bbbbb\ncc\n"},
		{"", "", "aaaa bbbbbb cc", 10, "aaaa\nbbbbbb cc\n"},
		{"- ", "  ", "aa bbbbb cc dd", 10, "- aa bbbbb\n  cc dd\n"},
		{"", "", "ああ いい うう", 10, "ああ いい\nうう\n"},
		{"", "", "aaaa bbbbb\ncc", 10, "aaaa bbbbb\ncc\n"},
		{"", "", "a\nb\n\nc", 10, "a\nb\n\nc\n"},
		{"> ", "  ", "aaaa bbbbb ccccc", 12, "> aaaa bbbbb\n  ccccc\n"},
		// A first prefix wider than the others: a word that fills the first line exactly.
		{"Reason: ", "", "aa bb cc", 10, "Reason: aa\nbb cc\n"},
		// A line break at the end adds no empty line.
		{"- ", "  ", "a\n", 10, "- a\n"},
		{"- ", "  ", "\n", 10, "-\n"},
		{"- ", "  ", "\r\n", 10, "-\n"},
		{"- ", "  ", "\na", 10, "-\n  a\n"},
	} {
		if got := string(AppendWrapped(nil, c.first, c.rest, c.text, c.width)); got != c.want {
			t.Errorf("%q %q %q at %d: %q, want %q", c.first, c.rest, c.text, c.width, got, c.want)
		}
	}
}

// A run cut over several lines, then a line break: every line after the first has the
// indent, the text after the break included, and no line is wider than the room.
func TestWrapIndentAfterACutRun(t *testing.T) {
	text := "https://example.org/" + strings.Repeat("a", 23) + "\nnext"
	got := string(AppendWrapped(nil, "- ", "  ", text, 12))
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) < 4 || !strings.HasPrefix(lines[0], "- ") || lines[len(lines)-1] != "  next" {
		t.Fatalf("%q", got)
	}
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "  ") || strings.HasPrefix(l, "   ") || len(l) > 12 {
			t.Errorf("line %q of %q", l, got)
		}
	}
}

// No text gives one line with the prefix alone, without trailing spaces.
func TestWrapEmptyText(t *testing.T) {
	for _, c := range []struct{ first, text, want string }{
		{"", "", "\n"}, {"- ", "", "-\n"}, {"- ", "   ", "-\n"}, {"  ", "", "\n"}, {"Name: ", " ", "Name:\n"},
	} {
		for _, b := range []string{"", "x\n"} {
			if got := string(AppendWrapped([]byte(b), c.first, "  ", c.text, 80)); got != b+c.want {
				t.Errorf("after %q, %q %q: %q, want %q", b, c.first, c.text, got, b+c.want)
			}
		}
	}
}

// However narrow the room, no line is left empty and no character is lost: a run that has
// no break opportunity is cut between characters, one wide character a line if need be.
func TestWrapNarrowRoom(t *testing.T) {
	for _, text := range []string{"「あ」「い」", "xxxxxxxxxx", "ああああ", "https://example.org/aaaaaaa\nnext", "a-b c/d 東京都"} {
		for width := 1; width <= 6; width++ {
			got := string(AppendWrapped(nil, "- ", "  ", text, width))
			lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
			for i, l := range lines {
				if strings.TrimSpace(strings.TrimPrefix(l, "- ")) == "" {
					t.Errorf("%q at %d: line %d is empty: %q", text, width, i, got)
				}
			}
			strip := strings.NewReplacer(" ", "", "\n", "", "- ", "").Replace
			if strip(got) != strip("- "+text) {
				t.Errorf("%q at %d: text changed: %q", text, width, got)
			}
		}
	}
}

// A run without a break opportunity that is wider than the line is cut by display width,
// counting a character built of several code points (an emoji joined with ZWJ, a kana with
// a combining mark) as the one character it shows as: the first line is filled exactly.
func TestWrapCutCountsClusters(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"👩\u200d👩\u200d👧\u00a0xxxxxxxxxxxx", "👩\u200d👩\u200d👧\u00a0xxxxxxx\nxxxxx\n"},
		{"あ\u3099\u00a0xxxxxxxxxxxx", "あ\u3099\u00a0xxxxxxx\nxxxxx\n"},
		{"e\u0301\u00a0xxxxxxxxxxxxx", "e\u0301\u00a0xxxxxxxx\nxxxxx\n"},
	} {
		if got := string(AppendWrapped(nil, "", "", c.text, 10)); got != c.want {
			t.Errorf("%q: %q, want %q", c.text, got, c.want)
		}
	}
}

// Spaces at the start of a text are no reason to lose text or to overflow the width, from
// an empty buffer as after other lines.
func TestWrapLeadingSpaces(t *testing.T) {
	for _, b := range []string{"", "x\n"} {
		for _, text := range []string{"    " + strings.Repeat("x", 30), "   aaaa bbbb cccc dddd"} {
			got := string(AppendWrapped([]byte(b), "", "", text, 10))
			if !strings.HasPrefix(got, b) {
				t.Fatalf("%q: the buffer before was changed: %q", text, got)
			}
			out := strings.TrimPrefix(got, b)
			for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if len(l) > 10 {
					t.Errorf("%q: line %q is wider than 10", text, l)
				}
			}
			if strings.NewReplacer(" ", "", "\n", "").Replace(out) != strings.ReplaceAll(text, " ", "") {
				t.Errorf("%q: text changed: %q", text, out)
			}
		}
	}
}
