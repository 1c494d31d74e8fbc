package linebreak

import (
	"encoding/base64"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/exoscreen/exoscreen/internal/racedetect"
	"github.com/rivo/uniseg"
)

// TestKinsoku runs the wrapper without a phrase model: Unicode line breaking and the
// Japanese and Latin rules alone.
func TestKinsoku(t *testing.T) {
	var w Wrapper
	for _, tc := range []struct {
		name, in string
		width    int
		want     string // lines joined by |
	}{
		{"fits", "短い文。", 20, "短い文。"},
		{"empty", "", 10, ""},
		{"no line starts with 。", "あいうえおかきくけこ。さしすせそ", 20, "あいうえおかきく|けこ。さしすせそ"},
		{"no line starts with 」", "あいうえおかきくけ「こ」たちつ", 20, "あいうえおかきくけ|「こ」たちつ"},
		{"no line ends with 「", "あいうえおかきくけ「こさ」", 20, "あいうえおかきくけ|「こさ」"},
		{"no line starts with ー", "あいうえおかきくけコー", 20, "あいうえおかきくけ|コー"},
		{"small kana stays", "あいうえおかきくけしょう", 20, "あいうえおかきくけ|しょう"},
		{"no lone kana before 。", "病院の薬も含みます。", 18, "病院の薬も含み|ます。"},
		{"no lone kana before 、", "あいうえおかきくけこ、さ", 20, "あいうえおかきく|けこ、さ"},
		{"latin words whole", "the quick brown fox jumps", 10, "the quick|brown fox|jumps"},
		{"hyphenated word whole", "under follow-up now", 14, "under|follow-up now"},
		{"and/or whole", "this and/or that", 8, "this|and/or|that"},
		{"long run is cut", "https://example.org/abcdefghijklmnop", 12, "https://|example.org/|abcdefghijkl|mnop"},
		{"no break after the scheme", "see https://www.jsrm.jp/news/ now", 26, "see|https://www.jsrm.jp/news/|now"},
		{"no break opportunity", "0123456789abcdef", 6, "012345|6789ab|cdef"},
		{"explicit newlines", "a\nb\n\nc", 10, "a|b||c"},
		{"trailing spaces trimmed", "aaa bbb ccc", 7, "aaa bbb|ccc"},
		{"leading indent kept", "  aaa bbb", 6, "  aaa|bbb"},
		{"wide cluster cut", "ああああああ", 5, "ああ|ああ|ああ"},
		{"CRLF ends a line", "a\r\nb", 10, "a|b"},
		// Outside text passes export.Sanitize, which turns newlines into spaces; a line
		// separator in it must not start a line of its own (a forged "判定: 該当なし").
		{"U+2028 is not a line end", "aspirin\u2028判定", 20, "aspirin\u2028判定"},
		{"lone CR is not a line end", "a\rb", 10, "a\rb"},
		{"U+2029 is an opportunity", "aaaa\u2029bbbb", 6, "aaaa\u2029|bbbb"},
	} {
		got := strings.Join(w.Lines(tc.in, tc.width), "|")
		if got != tc.want {
			t.Errorf("%s: Lines(%q, %d) = %q, want %q", tc.name, tc.in, tc.width, got, tc.want)
		}
	}
}

// TestPhrases checks Japanese phrase breaking (BudouX) and the terms on sentences of the
// rule set at the widths of a 40-column and an 80-column screen.
func TestPhrases(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  string
	}{
		{"お薬、食べ物、花粉、ゴム（ラテックス）、金属など、どんなアレルギーでも含みます。", 20,
			"お薬、食べ物、花粉、|ゴム（ラテックス）、|金属など、どんな|アレルギーでも|含みます。"},
		{"お薬、食べ物、花粉、ゴム（ラテックス）、金属など、どんなアレルギーでも含みます。", 36,
			"お薬、食べ物、花粉、ゴム|（ラテックス）、金属など、どんな|アレルギーでも含みます。"},
		// 重い|アレルギー is a phrase boundary for BudouX; the term keeps them together, and
		// the term's end is the best place inside the phrase アレルギー体質は、.
		{"アナフィラキシーの既往、または重いアレルギー体質は、tokushu-2025 が相対禁忌としています。", 20,
			"アナフィラキシーの|既往、または|重いアレルギー|体質は、tokushu-2025|が相対禁忌と|しています。"},
		{"アナフィラキシーの既往、または重いアレルギー体質は、tokushu-2025 が相対禁忌としています。", 36,
			"アナフィラキシーの既往、または|重いアレルギー体質は、tokushu-2025|が相対禁忌としています。"},
		{"妊娠の可能性がある場合も、tokushu-2025 は絶対禁忌としています。", 20,
			"妊娠の可能性がある|場合も、tokushu-2025|は絶対禁忌と|しています。"},
		// A phrase wider than the line breaks inside, without a lone kana before 。.
		{"判断してください。", 12, "判断してくだ|さい。"},
		{"判断してください。", 16, "判断してくだ|さい。"},
		{"the quick brown fox", 10, "the quick|brown fox"},
	} {
		got := strings.Join(Lines(tc.in, tc.width), "|")
		if got != tc.want {
			t.Errorf("Lines(%q, %d)\n got %q\nwant %q", tc.in, tc.width, got, tc.want)
		}
	}
}

func TestIndentAndAppend(t *testing.T) {
	if got := strings.Join(Indent("one two three four", "- ", 10), "|"); got != "- one two|  three|  four" {
		t.Errorf("Indent: %q", got)
	}
	for _, tc := range []struct {
		first, rest, text string
		width             int
		want              string
	}{
		{"- ", "  ", "alpha beta gamma delta", 12, "- alpha beta\n  gamma\n  delta\n"},
		{"", "  ", "a\nb", 10, "a\n  b\n"},
		{"x: ", "", "", 10, "x:\n"},
		{"", "", "a\r\nb\r", 10, "a\nb\r\n"},
		{"理由: ", "      ", "重いアレルギーがあるため相対禁忌です。", 24, "理由: 重いアレルギーが\n      ある\n      ため相対禁忌です。\n"},
	} {
		if got := string(Append(nil, tc.first, tc.rest, tc.text, tc.width)); got != tc.want {
			t.Errorf("Append(%q, %q, %q, %d) = %q, want %q", tc.first, tc.rest, tc.text, tc.width, got, tc.want)
		}
	}
}

// TestLinearTime wraps 4 MB lines with no good break point: one unbroken run (base64, as
// the inbox may be asked to show), one Japanese character repeated, one Latin letter, and
// real sentences. Each must wrap well under a second of processor time (the quadratic inbox
// wrapper never finished at 800 KB), and 4 MB must take about four times as long as 1 MB,
// not sixteen. Processor time of the thread, the best of two interleaved runs, so that a
// busy machine does not fail the test.
func TestLinearTime(t *testing.T) {
	if testing.Short() || racedetect.Enabled {
		t.Skip("timing")
	}
	raw := make([]byte, 3<<20)
	for i := range raw {
		raw[i] = byte(rand.Uint32())
	}
	const mb = 1 << 20
	for _, tc := range []struct{ name, s string }{
		{"base64", base64.StdEncoding.EncodeToString(raw)},
		{"one kana", strings.Repeat("あ", 4*mb/3)},
		{"latin letter", strings.Repeat("a", 4*mb)},
		{"sentences", strings.Repeat("お薬、食べ物、花粉、ゴム（ラテックス）、金属など、どんなアレルギーでも含みます。", 4*mb/120)},
	} {
		quarter := tc.s[:len(tc.s)/4]
		for len(quarter) > 0 && !utf8.RuneStart(tc.s[len(quarter)]) {
			quarter = quarter[:len(quarter)-1]
		}
		run := func(s string) time.Duration {
			var lines []string
			d := cpuTime(func() { lines = Lines(s, 78) })
			for _, l := range lines {
				if uniseg.StringWidth(l) > 78 {
					t.Fatalf("%s: line of %d cells", tc.name, uniseg.StringWidth(l))
				}
			}
			return d
		}
		full, part := time.Hour, time.Hour
		for range 2 {
			full = min(full, run(tc.s))
			part = min(part, run(quarter))
		}
		t.Logf("%s: 4 MB in %v, 1 MB in %v of processor time (ratio %.1f)", tc.name, full, part, float64(full)/float64(part))
		if full > time.Second/2 {
			t.Errorf("%s: 4 MB took %v", tc.name, full)
		}
		if full > 8*part && full > 50*time.Millisecond {
			t.Errorf("%s: 4 MB took %v, 1 MB %v: not linear", tc.name, full, part)
		}
	}
}

func wallTime(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}

// visibleClusters counts the grapheme clusters of s that take room (a lone ZWJ or combining
// mark takes none and goes with its neighbour).
func visibleClusters(s string) int {
	n := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		if g.Width() > 0 {
			n++
		}
	}
	return n
}

// FuzzLines: no line is wider than the width (but a single cluster wider than the width,
// with any zero-width clusters next to it),
// no text is lost but spaces and line ends, and nothing panics.
func FuzzLines(f *testing.F) {
	for _, s := range []string{"あいうえお。かきくけこ「さしすせそ」", "the quick brown fox", "https://example.org/" + strings.Repeat("x", 200),
		"a\nb\n\nc", "混在 mixed テキスト with-hyphens and/or 記号（括弧）。", "\u0301\u200d👩‍👩‍👧", "", "重いアレルギー重いアレルギー相対禁忌",
		"  indented", "a\r\nb\u2028c\vd"} {
		f.Add(s, uint8(20))
	}
	f.Fuzz(func(t *testing.T, s string, w uint8) {
		// Callers pass valid text (export.Sanitize); lines are pieces of it, and invalid
		// bytes on either side of a removed space could join into a character.
		s = strings.ToValidUTF8(s, "\uFFFD")
		width := 1 + int(w)%90
		lines := Lines(s, width)
		for _, l := range lines {
			if uniseg.StringWidth(l) > width && visibleClusters(l) > 1 {
				t.Fatalf("line %q is wider than %d", l, width)
			}
			if strings.HasSuffix(l, " ") {
				t.Fatalf("trailing space in %q", l)
			}
		}
		strip := func(x string) string {
			x = strings.ReplaceAll(x, "\r\n", "\n")
			return strings.Map(func(r rune) rune {
				switch r {
				case ' ', '\n':
					return -1
				}
				return r
			}, x)
		}
		if strip(strings.Join(lines, "")) != strip(s) {
			t.Fatalf("text changed:\n%q\n%q", s, lines)
		}
		// URL keeps every byte but spaces (an address has none), in order, and no line is
		// wider than the width.
		url := URL(s, width)
		if strip(strings.Join(url, "")) != strip(s) {
			t.Fatalf("URL changed the text:\n%q\n%q", s, url)
		}
		for _, l := range url {
			if uniseg.StringWidth(l) > width && uniseg.GraphemeClusterCount(l) > 1 {
				t.Fatalf("URL line %q is wider than %d", l, width)
			}
		}
	})
}

func BenchmarkLines(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"ja", strings.Repeat("お薬、食べ物、花粉、ゴム（ラテックス）、金属など、どんなアレルギーでも含みます。", 20)},
		{"en", strings.Repeat("the quick brown fox jumps over the lazy dog ", 50)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.s)))
			for b.Loop() {
				Lines(c.s, 76)
			}
		})
	}
}

// TestSegWidth: the quick widths agree with uniseg on every character of the quick ranges
// and on mixed text.
func TestSegWidth(t *testing.T) {
	for r := rune(0x20); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r) + "a" + string(r)
		if got, want := segWidth(s), uniseg.StringWidth(s); got != want {
			t.Errorf("%U: segWidth %d, uniseg %d", r, got, want)
		}
	}
	for _, s := range []string{"か\u3099", "ｶﾞ", "👍🏽", "e\u0301", "葛\U000E0100", "理由: 重いアレルギー（アナフィラキシー）。"} {
		if got, want := segWidth(s), uniseg.StringWidth(s); got != want {
			t.Errorf("%q: segWidth %d, uniseg %d", s, got, want)
		}
	}
}

// TestURL checks that an address is broken only after a "/" past its host, and cut only where
// a part alone is wider than the line.
func TestURL(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		width    int
		want     string // lines joined by |
	}{
		{"fits", "https://www.jsrm.jp/news/news-14993/", 76, "https://www.jsrm.jp/news/news-14993/"},
		{"after a slash", "https://www.jsrm.jp/news/news-14993/", 28, "https://www.jsrm.jp/news/|news-14993/"},
		{"host whole", "https://www.jsrm.jp/news/news-14993/", 22, "https://www.jsrm.jp/|news/news-14993/"},
		{"host wider than the line", "https://www.example.org/a", 10, "https://ww|w.example.|org/a"},
		{"part wider than the line", "https://a.jp/abcdefghijklmnopqrstuvwxyz/b", 16, "https://a.jp/|abcdefghijklmnop|qrstuvwxyz/b"},
		{"no scheme", "a/b/c", 3, "a/|b/c"},
		{"no slash", "abcdefgh", 3, "abc|def|gh"},
	} {
		got := strings.Join(URL(tc.in, tc.width), "|")
		if got != tc.want {
			t.Errorf("%s: URL(%q, %d) = %q, want %q", tc.name, tc.in, tc.width, got, tc.want)
		}
		for _, l := range URL(tc.in, tc.width) {
			if uniseg.StringWidth(l) > tc.width {
				t.Errorf("%s: line %q wider than %d", tc.name, l, tc.width)
			}
		}
	}
}
