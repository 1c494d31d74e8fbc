// Package linebreak breaks text into lines for a terminal and for paper: the one line
// wrapper of exoscreen, used by every screen, the inbox and the printed summary.
//
// Width is counted in terminal cells: East Asian Wide and Fullwidth characters take two
// cells, ambiguous ones one (github.com/rivo/uniseg). Lines break where Unicode line
// breaking allows (UAX #14, uniseg), with the Japanese rules on top:
//
//   - kinsoku: no line starts with closing brackets, 。、 and the like, ー or small kana; no
//     line ends with an opening bracket; a single kana is not left alone before 。 (含みま|す。);
//   - phrases: inside Japanese text a line breaks only between phrases (文節) as the BudouX
//     model finds them (package internal/budoux), and between the characters of a phrase
//     only when the phrase alone is wider than a line;
//   - terms (Wrapper.Terms) are kept whole in the same way;
//   - a Latin word is never split (follow-up, and/or), unless it alone is wider than a line;
//     then it is cut between grapheme clusters, so that no line is ever wider than the width.
//
// Wrapping is linear in the text (a 4 MB line with no break point wraps in a fraction of a
// second). The package has no terminal code: it works on plain text, and callers style the
// lines afterwards. It lives under internal/ because both the pure screening/export and the
// ui packages use it, and neither may import the other.
package linebreak

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/exoscreen/exoscreen/internal/budoux"
	"github.com/rivo/uniseg"
)

// Measure is a readable line length for paragraphs, in cells (about 36 Japanese characters
// or 72 Latin ones). Screens wider than this cap their paragraphs at it.
const Measure = 72

// JapaneseTerms are words of the rule set that a reader takes as one word and BudouX may
// split (it ends a phrase after 重い, and one after おうかが in おうかがいしています). A term is broken only when it is wider than a line.
var JapaneseTerms = []string{"重いアレルギー", "アナフィラキシー", "絶対禁忌", "相対禁忌", "おうかがい"}

// Wrapper breaks text into lines. The zero value breaks wherever Unicode line breaking and
// kinsoku allow (no phrase model, no terms). A Wrapper is read-only once in use and safe
// for concurrent use.
type Wrapper struct {
	// Phrases is the phrase model used inside CJK text; nil breaks CJK text between any
	// two characters Unicode allows. The model is chosen per language (BudouX has ja,
	// zh-hans, zh-hant); exoscreen ships ja.
	Phrases *budoux.Model
	// Terms are never split by a line break unless a term is wider than a line.
	Terms []string
}

var japanese = sync.OnceValue(func() *Wrapper {
	return &Wrapper{Phrases: budoux.Japanese(), Terms: JapaneseTerms}
})

// Japanese returns the wrapper of exoscreen's screens and paper: the BudouX Japanese model
// and JapaneseTerms. It suits English text too (the phrase model only acts inside CJK text).
func Japanese() *Wrapper { return japanese() }

// Lines breaks text into lines at most width cells wide (width below 1 counts as 1; a
// single wide character is the only thing that can exceed a width of 1). Every "\n" (or
// "\r\n") ends a line (one at the very end adds no empty line), and nothing else does: U+2028, U+2029, a lone "\r" and the like stay
// in the text as characters, so that outside text passed through export.Sanitize (which
// turns newlines into spaces) cannot start a line of its own. Lines carry no newline and no
// trailing spaces. Text must be plain (no escape sequences).
func (w *Wrapper) Lines(text string, width int) []string {
	width = max(width, 1)
	var out []string
	emit := func(l string) { out = append(out, l) }
	eachParagraph(text, func(p string, first bool) { w.paragraph(p, width, width, emit) })
	return out
}

// eachParagraph calls f with each line of text ("\n" or "\r\n" ends one; one at the very
// end adds no empty line), first true for the first.
func eachParagraph(text string, f func(p string, first bool)) {
	for first := true; ; first = false {
		p, rest, more := strings.Cut(text, "\n")
		if !more {
			f(p, first)
			return
		}
		f(strings.TrimSuffix(p, "\r"), first)
		if rest == "" {
			return // a line break at the end of the text ends its last line, no empty one
		}
		text = rest
	}
}

// Indent breaks text as Lines does into width cells with a hanging indent: the first line
// starts with first, the others with as many spaces as first is wide ("- item", "Reason: ...").
func (w *Wrapper) Indent(text, first string, width int) []string {
	fw := segWidth(first)
	lines := w.Lines(text, width-fw)
	pad := strings.Repeat(" ", fw)
	for i, l := range lines {
		if i == 0 {
			lines[i] = first + l
		} else if l != "" {
			lines[i] = pad + l
		}
	}
	return lines
}

// Append appends text broken into lines at most width cells wide (prefixes included), the
// first line starting with first and every other with rest, each line ending with "\n".
// Trailing spaces are trimmed, also those of a prefix on an empty line.
func (w *Wrapper) Append(b []byte, first, rest, text string, width int) []byte {
	prefix := first
	emit := func(l string) {
		start := len(b)
		b = append(b, prefix...)
		b = append(b, l...)
		n := len(b)
		for n > start && b[n-1] == ' ' {
			n--
		}
		b = append(b[:n], '\n')
		prefix = rest
	}
	avail := max(width-segWidth(first), 1)
	restAvail := max(width-segWidth(rest), 1)
	eachParagraph(text, func(p string, isFirst bool) {
		if isFirst {
			w.paragraph(p, avail, restAvail, emit)
		} else {
			w.paragraph(p, restAvail, restAvail, emit)
		}
	})
	return b
}

// Lines breaks text with the Japanese wrapper; see Wrapper.Lines.
func Lines(text string, width int) []string { return Japanese().Lines(text, width) }

// Indent breaks text with the Japanese wrapper and a hanging indent; see Wrapper.Indent.
func Indent(text, first string, width int) []string { return Japanese().Indent(text, first, width) }

// Append appends text broken with the Japanese wrapper; see Wrapper.Append.
func Append(b []byte, first, rest, text string, width int) []byte {
	return Japanese().Append(b, first, rest, text, width)
}

// A break opportunity before a segment is one of these.
const (
	never    = iota // kinsoku, a Latin word: no break
	fallback        // inside a phrase or term: only when it alone is wider than a line
	edge            // a phrase boundary in a term, a term's edge in a phrase (重いアレルギー|体質は)
	good            // between words or phrases
	levels
)

// candidate is a place the current line can end: before byte pos of the paragraph, with
// used cells of the line before it (trailing spaces included). pos < 0: none.
type candidate struct{ pos, used int }

var none = candidate{pos: -1}

// paragraph breaks p (no "\n") into lines, the first avail cells wide and the others
// restAvail, and emits them in order. It reads p once, plus once more for a run without
// any break opportunity that must be cut, so it is linear in p.
func (w *Wrapper) paragraph(p string, avail, restAvail int, emit func(string)) {
	if fitsOneLine(p, avail) {
		emit(trimLine(p))
		return
	}
	var (
		usePhrases bool
		phrases    []int    // byte offsets where a phrase starts
		terms      [][2]int // byte ranges of terms, by start
	)
	if hasCJK(p) {
		// Phrases are Japanese: text without kana is Chinese (or a Japanese heading of
		// kanji alone), which breaks between any two ideographs, kinsoku kept.
		if w.Phrases != nil && hasKana(p) {
			usePhrases = true
			phrases = w.Phrases.Boundaries(nil, p)
		}
		terms = findTerms(p, w.Terms)
	}
	var (
		lineStart  = 0
		used       = 0 // cells from lineStart to pos
		hasText    = false
		last       = [levels]candidate{none, none, none, none} // the last candidate of each level
		state      = -1
		pos        = 0
		rest       = p
		seg        string
		phraseNext = 0 // index in phrases of the first boundary not before pos
		termNext   = 0 // index in terms of the first range not ending before pos
	)
	// breakAt ends the line at the best candidate since lineStart, if there is one.
	breakAt := func() bool {
		for l := good; l > never; l-- {
			c := last[l]
			if c.pos <= lineStart {
				continue
			}
			emit(trimLine(p[lineStart:c.pos]))
			lineStart = c.pos
			used -= c.used
			avail = restAvail
			for k := range last {
				if last[k].pos > c.pos {
					last[k].used -= c.used
				} else {
					last[k] = none
				}
			}
			return true
		}
		return false
	}
	for len(rest) > 0 {
		// A mandatory break of Unicode other than "\n" (U+2028, a lone "\r") is taken as
		// an opportunity like a space, not as the end of a line.
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		start := pos
		pos += len(seg)
		t := seg
		body := trimSpaces(t)
		bw := segWidth(body)
		sw := len(t) - len(body)

		if start > lineStart && hasText {
			level := breakLevel(p, start, t)
			if level != never {
				for phraseNext < len(phrases) && phrases[phraseNext] < start {
					phraseNext++
				}
				for termNext < len(terms) && terms[termNext][1] < start {
					termNext++
				}
				atTerm := termNext < len(terms) && (terms[termNext][0] == start || terms[termNext][1] == start)
				switch {
				case termNext < len(terms) && terms[termNext][0] < start && start < terms[termNext][1]:
					level = fallback // inside a term; at a phrase boundary inside it, before others
					if usePhrases && phraseNext < len(phrases) && phrases[phraseNext] == start {
						level = edge
					}
				case usePhrases && p[start-1] != ' ' && (isCJK(lastRune(p[:start])) || isCJK(firstRune(t))) &&
					(phraseNext == len(phrases) || phrases[phraseNext] != start):
					level = fallback // inside a phrase
					if atTerm {
						level = edge
					}
				}
			}
			if level != never {
				last[level] = candidate{start, used}
			}
		}

		for used+bw > avail {
			if breakAt() {
				continue
			}
			// Nothing to break at since lineStart: cut the run up to the end of this
			// segment's text between grapheme clusters.
			lineStart, used, avail = cutRun(p, lineStart, start+len(body), avail, restAvail, emit)
			bw = 0
			break
		}
		used += bw + sw
		if body != "" {
			hasText = true
		}
	}
	emit(trimLine(p[lineStart:]))
}

// cutRun emits p[from:to] cut between grapheme clusters into lines of avail cells (then
// restAvail), except its last part, and returns where that part starts, its width and the
// width available on its line. Where it can, it keeps kinsoku: it cuts before the last
// cluster that may start a line.
func cutRun(p string, from, to, avail, restAvail int, emit func(string)) (int, int, int) {
	start, used := from, 0
	ok := candidate{pos: -1} // the last place kinsoku allows a cut, and the width before it
	s := p[from:to]
	off := from
	state := -1
	for len(s) > 0 {
		var n, cw int
		if c := s[0]; c >= 0x20 && c < 0x7F && (len(s) == 1 || s[1] < utf8.RuneSelf) {
			// Printable ASCII before ASCII (or the end) is a cluster of its own.
			n, cw, state = 1, 1, -1
		} else {
			var cl string
			cl, _, cw, state = uniseg.FirstGraphemeClusterInString(s, state)
			n = len(cl)
		}
		if off > start && !is(firstRune(s), flagNoStart) && !is(lastRune(p[:off]), flagNoEnd) {
			ok = candidate{off, used}
		}
		if used+cw > avail && off > start { // off > start: zero-width clusters (a lone ZWJ) count as on the line
			cut := candidate{off, used}
			if ok.pos > start {
				cut = ok
			}
			emit(trimLine(p[start:cut.pos]))
			start, used, avail = cut.pos, used-cut.used, restAvail
			ok = candidate{pos: -1}
			if used+cw > avail && off > start {
				// What kinsoku carried over leaves no room: cut here after all.
				emit(trimLine(p[start:off]))
				start, used = off, 0
			}
		}
		used += cw
		off += n
		s = s[n:]
	}
	return start, used, avail
}

// breakLevel is the kind of break Unicode allows before the segment t that starts at byte
// start of p, after the Japanese and Latin rules (not yet phrases and terms).
func breakLevel(p string, start int, t string) int {
	prev := p[:start]
	next := firstRune(t)
	// A single kana before sentence punctuation stays with the text before it (no 含みま|す。,
	// no "wakagaeri | は、"): Unicode makes "す。" one segment, kinsoku may bring the mark in
	// the next one.
	if isKana(next) {
		after := t[utf8.RuneLen(next):]
		if after == "" {
			after = p[start+len(t):]
		}
		if is(firstRune(after), flagSentenceEnd) {
			return never
		}
	}
	if prev[len(prev)-1] == ' ' {
		return good // a break at a space is always fine
	}
	if is(next, flagNoStart) {
		return never
	}
	if is(lastRune(prev), flagNoEnd) {
		return never
	}
	// Korean breaks between words (at spaces), not between the syllables of a word, nor
	// between a word and the number or mark it is written against (12개, 답변:); only a
	// word wider than a line is broken inside.
	if a, b := lastRune(prev), next; (isHangul(a) || isHangul(b)) && (isHangul(a) || a < utf8.RuneSelf) && (isHangul(b) || b < utf8.RuneSelf) {
		return fallback
	}
	// Unicode allows a break after a hyphen or slash inside Latin text (follow-up,
	// and/or); it is taken only when the word alone is wider than a line.
	if n := len(prev); n >= 2 && (prev[n-1] == '-' || prev[n-1] == '/') && isAlnum(prev[n-2]) && len(t) > 0 && isAlnum(t[0]) {
		return fallback
	}
	// Nor is a web address broken after its scheme (https://|www...).
	if strings.HasSuffix(prev, "://") {
		return fallback
	}
	return good
}

// noLineStart are characters a line may not begin with (Japanese 行頭禁則): closing brackets,
// punctuation, small kana, the prolonged sound mark and iteration marks. Unicode line breaking
// already keeps most of them on the previous line; this list makes sure of it.
const noLineStart = "。、，．・：；？！ー―‐～…‥」』）〕］｝〉》】〙〗ゝゞヽヾ々〻" +
	"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ" +
	".,:;?!)]}%"

// noLineEnd are characters a line may not end with (行末禁則): opening brackets.
const noLineEnd = "「『（〔［｛〈《【〘〖([{"

// sentenceEnd are the marks a lone kana is not left alone before.
const sentenceEnd = "。、，．！？」』）"

const (
	flagNoStart = 1 << iota
	flagNoEnd
	flagSentenceEnd
)

// flags holds the flags of the characters of noLineStart, noLineEnd and sentenceEnd.
var flags = func() map[rune]uint8 {
	m := map[rune]uint8{}
	for f, s := range map[uint8]string{flagNoStart: noLineStart, flagNoEnd: noLineEnd, flagSentenceEnd: sentenceEnd} {
		for _, r := range s {
			m[r] |= f
		}
	}
	return m
}()

// is reports whether r has flag f. Apart from ASCII, every character with a flag is at
// least U+2010.
func is(r rune, f uint8) bool {
	if r >= 0x80 && r < 0x2010 {
		return false
	}
	return flags[r]&f != 0
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isKana(r rune) bool { return unicode.In(r, unicode.Hiragana, unicode.Katakana) }

// isHangul reports whether r is a Korean letter (syllable or jamo).
func isHangul(r rune) bool { return r >= 0x1100 && unicode.Is(unicode.Hangul, r) }

// hasKana reports whether s has a hiragana or katakana letter: Japanese text.
func hasKana(s string) bool {
	for _, r := range s {
		if r >= 0x3040 && isKana(r) {
			return true
		}
	}
	return false
}

// isCJK reports whether r is Chinese or Japanese text: ideographs, kana, the prolonged sound
// mark, CJK punctuation and fullwidth forms.
func isCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x3000 && r <= 0x30FF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xFF00 && r <= 0xFFEF:
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// hasCJK reports whether s has a character of isCJK (all of them are at least U+2E80, three
// bytes in UTF-8 with a first byte of 0xE2 or more).
func hasCJK(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE2 {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if isCJK(r) {
				return true
			}
		}
	}
	return false
}

// findTerms returns the byte ranges of the terms in p, by start (overlaps merged).
func findTerms(p string, terms []string) [][2]int {
	var out [][2]int
	for _, t := range terms {
		if t == "" {
			continue
		}
		for off := 0; ; {
			i := strings.Index(p[off:], t)
			if i < 0 {
				break
			}
			out = append(out, [2]int{off + i, off + i + len(t)})
			off += i + len(t)
		}
	}
	if len(out) < 2 {
		return out
	}
	// Few terms: an insertion sort by start, then merge overlapping ranges.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j][0] < out[j-1][0]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	merged := out[:1]
	for _, r := range out[1:] {
		if last := &merged[len(merged)-1]; r[0] < last[1] {
			last[1] = max(last[1], r[1])
		} else {
			merged = append(merged, r)
		}
	}
	return merged
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

// trimSpaces removes trailing spaces.
func trimSpaces(s string) string {
	n := len(s)
	for n > 0 && s[n-1] == ' ' {
		n--
	}
	return s[:n]
}

// trimLine removes trailing spaces.
func trimLine(s string) string { return trimSpaces(s) }

// segWidth is the width of s in cells (uniseg.StringWidth), quick for text made only of
// printable ASCII (one cell each) and of kana, CJK ideographs, CJK punctuation and fullwidth
// forms (two cells each): none of those joins a neighbour into one grapheme cluster.
// Anything else (combining marks, variation selectors, emoji, halfwidth kana) is measured
// by uniseg.
func segWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7F {
			w++
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0x3000 && r <= 0x3029, r >= 0x3031 && r <= 0x303C, r >= 0x3041 && r <= 0x3096, r >= 0x309B && r <= 0x30FF,
			r >= 0x4E00 && r <= 0x9FFF, r >= 0xFF01 && r <= 0xFF60:
			w += 2
			i += n
		default:
			return uniseg.StringWidth(s)
		}
	}
	return w
}

// fitsOneLine reports whether p fits in avail cells as it is: a quick answer for the
// short lines most text consists of.
// A false answer is always safe (paragraph then measures it piece by piece), so long text
// is not measured here a second time.
func fitsOneLine(p string, avail int) bool {
	if len(p) > 4*avail+16 {
		return false
	}
	return segWidth(p) <= avail
}

// URL breaks a web address into lines at most width cells wide, for a line of its own: the
// address whole when it fits, else broken only after a "/" (never inside the scheme and
// host, "https://www.example.org/"). A part between two slashes that is wider than a line is
// cut between grapheme clusters, so that no line is wider than width. Linear in url.
func URL(url string, width int) []string {
	width = max(width, 1)
	if fitsOneLine(url, width) {
		return []string{url}
	}
	var out []string
	emit := func(l string) { out = append(out, l) }
	from := 0 // the first "/" that may end a line comes after the scheme's "//"
	if i := strings.Index(url, "://"); i >= 0 {
		from = i + 3
	}
	lineStart, used, pos := 0, 0, 0
	for pos < len(url) {
		end := len(url) // this part runs to just after the next "/" (from on), or the end
		if i := strings.IndexByte(url[max(pos, from):], '/'); i >= 0 {
			end = max(pos, from) + i + 1
		}
		pw := segWidth(url[pos:end])
		if used+pw > width && used > 0 {
			emit(url[lineStart:pos]) // a break after the "/" that ends the line
			lineStart, used = pos, 0
		}
		if pw > width {
			lineStart, used, _ = cutRun(url, pos, end, width, width, emit)
		} else {
			used += pw
		}
		pos = end
	}
	emit(url[lineStart:])
	return out
}
