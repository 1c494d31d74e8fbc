package export

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// TextWidth is the width of the printed summary in display cells (a Japanese character takes
// two cells).
const TextWidth = 80

// noLineStart are characters a line may not begin with (Japanese 行頭禁則): closing brackets,
// punctuation, small kana, the prolonged sound mark and iteration marks. Unicode line breaking
// already keeps most of them on the previous line; this list makes sure of it.
const noLineStart = "。、，．・：；？！ー―‐～…‥」』）〕］｝〉》】〙〗ゝゞヽヾ々〻" +
	"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ" +
	".,:;?!)]}%"

// noLineEnd are characters a line may not end with (行末禁則): opening brackets.
const noLineEnd = "「『（〔［｛〈《【〘〖([{"

// wrapper breaks text into lines of at most a given width with Unicode line breaking
// (UAX #14, github.com/rivo/uniseg) and the Japanese rules above. Latin words are never
// split; only a single unbreakable run wider than a whole line (a long URL) is cut.
type wrapper struct {
	segs []segment
}

type segment struct {
	text      string // including trailing spaces
	start     int    // offset in the wrapped text
	width     int    // without trailing spaces
	fullWidth int    // with trailing spaces
	mustBreak bool   // a mandatory break follows
}

var wrapperPool = sync.Pool{New: func() any { return new(wrapper) }}

// appendWrapped appends text wrapped to width cells: the first line starts with first, the
// others with rest (usually spaces of the same width). Every line ends with "\n".
func appendWrapped(b []byte, first, rest, text string, width int) []byte {
	return appendWrappedNoCache(b, first, rest, text, width)
}

// AppendWrapped appends text wrapped to width display cells, the first line starting with
// first and the others with rest, each line ending with a newline: Unicode line breaking,
// Japanese line-start and line-end rules, Latin words kept whole. Callers sanitise outside
// text first.
func AppendWrapped(b []byte, first, rest, text string, width int) []byte {
	return appendWrappedNoCache(b, first, rest, text, width)
}

func appendWrappedNoCache(b []byte, first, rest, text string, width int) []byte {
	if fitsOneLine(first, text, width) {
		b = append(b, first...)
		b = append(b, text...)
		n := len(b)
		for n > 0 && b[n-1] == ' ' {
			n--
		}
		return append(b[:n], '\n')
	}
	w := wrapperPool.Get().(*wrapper)
	defer wrapperPool.Put(w)
	w.segment(text)
	prefix := first
	avail := width - uniseg.StringWidth(first)
	restAvail := width - uniseg.StringWidth(rest)
	lineStart := len(b)
	b = append(b, prefix...)
	used := 0
	empty := true
	endLine := func() {
		// Trim trailing spaces of the line.
		n := len(b)
		for n > lineStart && b[n-1] == ' ' {
			n--
		}
		b = append(b[:n], '\n')
		lineStart = len(b)
	}
	for i := 0; i < len(w.segs); i++ {
		s := w.segs[i]
		if !empty && used+s.width > avail {
			endLine()
			b = append(b, rest...)
			avail, used, empty = restAvail, 0, true
		}
		if empty && s.width > avail {
			// An unbreakable run wider than the whole line: cut it by grapheme clusters.
			b, used = appendCut(b, s.text, avail, restAvail, rest, &lineStart)
			avail = restAvail
			empty = false
			if s.mustBreak {
				endLine()
				if i < len(w.segs)-1 {
					b = append(b, rest...)
				}
				used, empty = 0, true
			}
			continue
		}
		b = append(b, s.text...)
		used += s.fullWidth
		empty = false
		if s.mustBreak && i < len(w.segs)-1 {
			endLine()
			b = append(b, rest...)
			avail, used, empty = restAvail, 0, true
		}
	}
	endLine()
	return b
}

// appendCut writes a run wider than avail, cutting it between grapheme clusters; it returns
// the width used on the last line.
func appendCut(b []byte, s string, avail, restAvail int, rest string, lineStart *int) ([]byte, int) {
	s = strings.TrimRight(s, " \n\r")
	used := 0
	state := -1
	for len(s) > 0 {
		var c string
		var cw int
		c, s, cw, state = uniseg.FirstGraphemeClusterInString(s, state)
		if used+cw > avail && used > 0 {
			b = append(b, '\n')
			*lineStart = len(b)
			b = append(b, rest...)
			used, avail = 0, restAvail
		}
		b = append(b, c...)
		used += cw
	}
	return b, used
}

// segment splits text at its line break opportunities and joins the pieces that the Japanese
// rules keep together. Joined pieces are slices of text (no copying), so a long run of
// joined pieces costs linear time.
func (w *wrapper) segment(text string) {
	w.segs = w.segs[:0]
	state := -1
	pos := 0
	rest := text
	for len(rest) > 0 {
		var seg string
		var must bool
		seg, rest, must, state = uniseg.FirstLineSegmentInString(rest, state)
		start := pos
		pos += len(seg)
		t := strings.TrimRight(seg, "\r\n")
		body := strings.TrimRight(t, " ")
		s := segment{text: t, start: start, width: uniseg.StringWidth(body), mustBreak: must && len(rest) > 0}
		s.fullWidth = s.width + len(t) - len(body)
		if n := len(w.segs); n > 0 && !w.segs[n-1].mustBreak && joinable(w.segs[n-1].text, t) {
			p := &w.segs[n-1]
			p.text = text[p.start : start+len(t)]
			p.width = p.fullWidth + s.width
			p.fullWidth += s.fullWidth
			p.mustBreak = s.mustBreak
			continue
		}
		w.segs = append(w.segs, s)
	}
}

// joinable reports whether the Japanese rules forbid a break between prev and next.
func joinable(prev, next string) bool {
	if strings.HasSuffix(prev, " ") {
		return false // a break at a space is always fine
	}
	if r, _ := utf8.DecodeRuneInString(next); strings.ContainsRune(noLineStart, r) {
		return true
	}
	if r, _ := utf8.DecodeLastRuneInString(prev); strings.ContainsRune(noLineEnd, r) {
		return true
	}
	// Unicode allows a break after a hyphen or slash inside Latin text (follow-up, and/or);
	// a Latin word is never split here.
	if n := len(prev); n >= 2 && (prev[n-1] == '-' || prev[n-1] == '/') && isAlnum(prev[n-2]) && isAlnum(next[0]) {
		return true
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// fitsOneLine reports whether first+text fit in width cells without a line break. ASCII
// text is measured without grapheme segmentation.
func fitsOneLine(first, text string, width int) bool {
	ascii := true
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= utf8.RuneSelf || c < 0x20 {
			ascii = false
			break
		}
	}
	if ascii {
		if isASCII(first) {
			return len(first)+len(text) <= width
		}
		return uniseg.StringWidth(first)+len(text) <= width
	}
	if strings.ContainsAny(text, "\n\r") {
		return false
	}
	// A cheap upper bound first: no character is wider than two cells.
	if 2*utf8.RuneCountInString(first+text) <= width {
		return true
	}
	return uniseg.StringWidth(first)+uniseg.StringWidth(text) <= width
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
