package ui

import "github.com/exoscreen/exoscreen/screening"

// scroller shows a window of lines taller than the screen, with "more above" and "more below"
// lines where something is cut, so nothing is ever cut without a way to see it.
type scroller struct {
	offset int
	// The last window shown, for mapping a click to a line: whether its first row was the
	// "more above" hint, and how many lines of the body it showed.
	above bool
	shown int
}

// lineAt is the index of the body line on row (0-based) of the last window, or -1 for a hint
// or a row past the end.
func (sc *scroller) lineAt(row int) int {
	if row < 0 {
		return -1
	}
	if sc.above {
		if row == 0 {
			return -1
		}
		row--
	}
	if row >= sc.shown {
		return -1
	}
	return sc.offset + row
}

// wheel scrolls by n lines (negative: up); the next window clamps it.
func (sc *scroller) wheel(n int) {
	sc.offset = max(sc.offset+n, 0)
}

// window returns at most avail lines of lines starting at the scroll offset. When follow is
// true the offset is first moved so that lines focusLo..focusHi are in view.
func (sc *scroller) window(lines []string, avail int, focusLo, focusHi int, follow bool, st *Styles, lang screening.Lang) []string {
	sc.above, sc.shown = false, 0
	if avail <= 0 {
		return nil
	}
	if len(lines) <= avail {
		sc.offset = 0
		sc.shown = len(lines)
		return lines
	}
	if avail < 3 {
		// No room for the hints: show the focus.
		if follow {
			sc.offset = focusLo
		}
		sc.offset = clampInt(sc.offset, 0, len(lines)-avail)
		sc.shown = avail
		return lines[sc.offset : sc.offset+avail]
	}
	inner := func(off int) (int, bool, bool) {
		above := off > 0
		n := avail
		if above {
			n--
		}
		below := off+n < len(lines)
		if below {
			n--
		}
		return n, above, below
	}
	sc.offset = clampInt(sc.offset, 0, len(lines)-(avail-1))
	if follow {
		for range 3 {
			n, _, _ := inner(sc.offset)
			if focusHi-focusLo+1 > n {
				focusHi = focusLo + n - 1
			}
			switch {
			case focusLo < sc.offset:
				sc.offset = focusLo
			case focusHi >= sc.offset+n:
				sc.offset = focusHi - n + 1
			}
			// Showing the top line costs the "more above" hint its place: prefer it.
			if sc.offset == 1 && focusLo >= 0 {
				if n0, _, _ := inner(0); focusHi < n0 {
					sc.offset = 0
				}
			}
			sc.offset = clampInt(sc.offset, 0, len(lines)-(avail-1))
		}
	}
	n, above, below := inner(sc.offset)
	out := make([]string, 0, avail)
	if above {
		out = append(out, st.ScrollHint.Render(tr(lang, "more.above")))
	}
	end := min(sc.offset+n, len(lines))
	out = append(out, lines[sc.offset:end]...)
	sc.above, sc.shown = above, end-sc.offset
	if below {
		out = append(out, st.ScrollHint.Render(tr(lang, "more.below")))
	}
	return out
}

// page moves the offset by a page of avail lines (negative: up).
func (sc *scroller) page(dir, avail int) {
	sc.offset += dir * max(avail-3, 1)
	if sc.offset < 0 {
		sc.offset = 0
	}
}

func clampInt(v, lo, hi int) int {
	if hi < lo {
		hi = lo
	}
	return max(lo, min(v, hi))
}
