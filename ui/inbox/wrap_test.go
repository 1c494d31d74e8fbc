package inbox

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/exoscreen/exoscreen/internal/linebreak/linebreaktest"
	"github.com/exoscreen/exoscreen/internal/racedetect"
	"github.com/rivo/uniseg"
)

// TestWrapLinesLongLine: a summary file with one long line and no break point (base64, a
// run of one character) used to freeze the inbox (quadratic wrapping: 6 s at 200 KB, never
// done at 800 KB). 4 MB, just under the size cap, must wrap in well under the 5 s allowed
// here on a busy machine (package internal/linebreak measures the processor time: about
// 0.1-0.3 s).
func TestWrapLinesLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("4 MB lines")
	}
	for name, s := range map[string]string{
		"base64":   strings.Repeat("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkrLw==", 4<<20/48),
		"one kana": strings.Repeat("あ", 4<<20/3),
	} {
		limit := 5 * time.Second
		if racedetect.Enabled {
			limit *= 10 // the race detector slows the wrapper down about ten times
		}
		start := time.Now()
		lines := wrapLines(s+"\n", 78)
		if d := time.Since(start); d > limit {
			t.Errorf("%s: 4 MB took %v", name, d)
		}
		for _, l := range lines {
			if uniseg.StringWidth(l) > 78 {
				t.Fatalf("%s: line %q is wider than 78", name, l)
			}
		}
		if got := strings.Join(lines, ""); got != s {
			t.Errorf("%s: text changed", name)
		}
	}
}

// TestWrapLinesJapanese: the inbox breaks a summary's Japanese as the screens and paper do.
func TestWrapLinesJapanese(t *testing.T) {
	s := "理由: アナフィラキシーの既往、または重いアレルギー体質は、tokushu-2025 が相対禁忌としています。治療の可否と、治療する場合の備えを医師が判断してください。\n\n" +
		"お薬、食べ物、花粉、ゴム（ラテックス）、金属など、どんなアレルギーでも含みます。\n"
	for _, w := range []int{20, 38, 58, 78} {
		lines := wrapLines(s, w)
		for _, p := range linebreaktest.Problems(lines, w) {
			t.Errorf("width %d: %s", w, p)
		}
		if lines[len(lines)-1] == "" {
			t.Errorf("width %d: trailing empty line", w)
		}
	}
}

// oldWrapLines is the inbox's wrapper before package linebreak, kept to measure against
// (BenchmarkWrapLinesLong): it re-measures the rest of a segment at every cut.
func oldWrapLines(s string, w int) []string {
	var out []string
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if uniseg.StringWidth(line) <= w {
			out = append(out, line)
			continue
		}
		var cur strings.Builder
		curW := 0
		state := -1
		rest := line
		for len(rest) > 0 {
			var seg string
			seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
			sw := uniseg.StringWidth(seg)
			if curW+uniseg.StringWidth(strings.TrimRight(seg, " ")) > w && curW > 0 {
				out = append(out, strings.TrimRight(cur.String(), " "))
				cur.Reset()
				curW = 0
			}
			for sw > w {
				head := ansi.Truncate(seg, w, "")
				out = append(out, head)
				seg = seg[len(head):]
				sw = uniseg.StringWidth(seg)
			}
			cur.WriteString(seg)
			curW += sw
		}
		if cur.Len() > 0 {
			out = append(out, strings.TrimRight(cur.String(), " "))
		}
	}
	return out
}

// BenchmarkWrapLinesLong compares the old and the new wrapper on one unbroken line of 50 KB
// and 200 KB (go test -run '^$' -bench WrapLinesLong -benchtime 1x ./ui/inbox/).
func BenchmarkWrapLinesLong(b *testing.B) {
	for _, size := range []int{50 << 10, 200 << 10} {
		s := strings.Repeat("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkrLw==", size/48)
		for _, impl := range []struct {
			name string
			f    func(string, int) []string
		}{{"old", oldWrapLines}, {"new", wrapLines}} {
			b.Run(impl.name+"/"+strconv.Itoa(size>>10)+"KB", func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				for b.Loop() {
					impl.f(s, 78)
				}
			})
		}
	}
}
