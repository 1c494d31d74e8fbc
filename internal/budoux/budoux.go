// Package budoux splits Japanese text into phrases (文節) with the BudouX model of Google
// (https://github.com/google/budoux, Apache-2.0): a line may break between two phrases and
// reads badly when it breaks inside one (重いアレル|ギー, 含みま|す。).
//
// It is a port of the BudouX parser (package/src/parser.ts of the npm package budoux@0.9.2):
// the score of a boundary before character i is a base score (minus half the sum of every
// weight of the model) plus the weights of the characters, pairs and triples around it
// (features UW1–UW6, BW1–BW3, TW1–TW4); a phrase starts at i when the score is positive.
// The Japanese model of that version is embedded as data (models/ja.json, with its LICENSE
// and NOTICE). Positions count Unicode code points; the JavaScript parser counts UTF-16
// units, so the two can differ next to a character outside the Basic Multilingual Plane
// (an emoji), nowhere else.
//
// Only the Japanese model is shipped; a model for another language (BudouX has zh-hans,
// zh-hant and th) is loaded with Load and passed where a *Model is asked for.
package budoux

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"
	"unicode/utf8"
)

//go:embed models/ja.json
var jaModel []byte

// Model is a BudouX model ready for parsing. It is read-only and safe for concurrent use.
type Model struct {
	// uni holds UW1–UW6 of a character. Every character of every key of the model has an
	// entry (zeros where it has no UW weight), so a character missing here is in no pair
	// or triple either.
	uni map[rune][6]int32
	bi  map[[2]rune][3]int32 // BW1–BW3 of a pair
	tri map[[3]rune][4]int32 // TW1–TW4 of a triple
	// total is the sum of all weights; the base score is -total/2, so a boundary has
	// 2*(sum of its weights) > total.
	total int64
}

var features = [...]struct {
	name string
	size int // characters in a key
	slot int // index in the uni, bi or tri array
}{
	{"UW1", 1, 0}, {"UW2", 1, 1}, {"UW3", 1, 2}, {"UW4", 1, 3}, {"UW5", 1, 4}, {"UW6", 1, 5},
	{"BW1", 2, 0}, {"BW2", 2, 1}, {"BW3", 2, 2},
	{"TW1", 3, 0}, {"TW2", 3, 1}, {"TW3", 3, 2}, {"TW4", 3, 3},
}

// Load reads a model in the JSON form of BudouX ({"UW1": {"の": 123, ...}, ...}). Weights
// must be integers; a key must have as many characters as its feature says (1 for UW, 2
// for BW, 3 for TW); an unknown feature is an error.
func Load(data []byte) (*Model, error) {
	var raw map[string]map[string]float64
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("budoux model: %w", err)
	}
	m := &Model{uni: map[rune][6]int32{}, bi: map[[2]rune][3]int32{}, tri: map[[3]rune][4]int32{}}
	known := map[string]bool{}
	for _, f := range features {
		known[f.name] = true
		for key, v := range raw[f.name] {
			w := int32(v)
			if float64(w) != v {
				return nil, fmt.Errorf("budoux model: %s[%q] = %v is not a 32-bit integer", f.name, key, v)
			}
			rs := []rune(key)
			if len(rs) != f.size || !utf8.ValidString(key) {
				return nil, fmt.Errorf("budoux model: %s key %q is not %d characters", f.name, key, f.size)
			}
			m.total += int64(w)
			for _, r := range rs {
				if _, ok := m.uni[r]; !ok {
					m.uni[r] = [6]int32{}
				}
			}
			switch f.size {
			case 1:
				a := m.uni[rs[0]]
				a[f.slot] = w
				m.uni[rs[0]] = a
			case 2:
				k := [2]rune{rs[0], rs[1]}
				a := m.bi[k]
				a[f.slot] = w
				m.bi[k] = a
			case 3:
				k := [3]rune{rs[0], rs[1], rs[2]}
				a := m.tri[k]
				a[f.slot] = w
				m.tri[k] = a
			}
		}
	}
	for name := range raw {
		if !known[name] {
			return nil, fmt.Errorf("budoux model: unknown feature %q", name)
		}
	}
	return m, nil
}

var japanese = sync.OnceValue(func() *Model {
	m, err := Load(jaModel)
	if err != nil {
		panic(err) // the embedded model is tested; this cannot happen in a built binary
	}
	return m
})

// Japanese returns the embedded Japanese model (BudouX 0.9.2, ja). It is loaded once.
func Japanese() *Model { return japanese() }

// Boundaries appends to dst the byte offsets in s where a phrase starts, after the first,
// in increasing order, and returns the extended slice. Time and memory are linear in s.
func (m *Model) Boundaries(dst []int, s string) []int {
	// The weights of the window around position p reach the boundaries p-2 … p+3; a ring
	// of 8 scores keyed by boundary index collects them, and boundary p-2 is complete once
	// position p is read.
	const ring = 8
	var (
		score [ring]int64
		off   [ring]int  // byte offset of character i
		rs    [ring]rune // character i
		known [ring]bool // character i is in the model
	)
	add := func(i int, w int32) { score[i&(ring-1)] += int64(w) }
	n := 0 // characters read
	finish := func(i int) {
		if i >= 1 && 2*score[i&(ring-1)] > m.total {
			dst = append(dst, off[i&(ring-1)])
		}
		score[i&(ring-1)] = 0
	}
	for pos, r := range s {
		p := n
		n++
		k := p & (ring - 1)
		off[k], rs[k] = pos, r
		uw, ok := m.uni[r]
		known[k] = ok
		if ok {
			// UW1 at i=p+3 … UW6 at i=p-2.
			add(p+3, uw[0])
			add(p+2, uw[1])
			add(p+1, uw[2])
			add(p, uw[3])
			if p >= 1 {
				add(p-1, uw[4])
			}
			if p >= 2 {
				add(p-2, uw[5])
			}
		}
		// The pair ending at p starts at q = p-1: BW1 at q+2, BW2 at q+1, BW3 at q.
		if q := p - 1; q >= 0 && ok && known[q&(ring-1)] {
			if bw, found := m.bi[[2]rune{rs[q&(ring-1)], r}]; found {
				add(q+2, bw[0])
				add(q+1, bw[1])
				add(q, bw[2])
			}
		}
		// The triple ending at p starts at q = p-2: TW1 at q+3, TW2 at q+2, TW3 at q+1, TW4 at q.
		if q := p - 2; q >= 0 && ok && known[q&(ring-1)] && known[(q+1)&(ring-1)] {
			if tw, found := m.tri[[3]rune{rs[q&(ring-1)], rs[(q+1)&(ring-1)], r}]; found {
				add(q+3, tw[0])
				add(q+2, tw[1])
				add(q+1, tw[2])
				add(q, tw[3])
			}
		}
		// Boundary p-2 has all its weights now.
		if p >= 2 {
			finish(p - 2)
		}
	}
	// The last boundaries (up to n-1) had no characters after them to add weights.
	for i := max(n-2, 0); i < n; i++ {
		finish(i)
	}
	return dst
}

// Parse splits s into phrases, as the parse method of the BudouX parser does: the empty
// string gives no phrase, and the phrases joined give s.
func (m *Model) Parse(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	start := 0
	for _, b := range m.Boundaries(nil, s) {
		out = append(out, s[start:b])
		start = b
	}
	return append(out, s[start:])
}
