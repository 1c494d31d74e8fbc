package screening

import (
	"math/bits"
	"unicode/utf8"
)

// decodeFast is the fast path of ParseAnswers for the records a clinic system writes every
// day: a valid JSON object whose strings have no escapes, whose integers are written
// plainly, every key a question answered once with a possible answer. It stores the answers
// and reports true only then; on anything else it reports false (leaving a partly filled a)
// and ParseAnswers runs decode, the complete parser that names every problem. So the fast
// path never decides what is wrong, only that nothing is, and it accepts nothing decode
// would refuse (FuzzParseAnswers checks that both agree).
func (a *Answers) decodeFast(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	s := fastScanner{b: data}
	s.ws()
	if !s.byte('{') {
		return false
	}
	s.ws()
	if s.byte('}') {
		return s.end()
	}
	rs := a.rs
	for {
		key, ok := s.str()
		if !ok {
			return false
		}
		q := rs.questionByID[string(key)]
		if q == nil || a.vals[q.Index].Set {
			return false // unknown id or answered twice
		}
		s.ws()
		if !s.byte(':') {
			return false
		}
		s.ws()
		v, ok := s.value(q)
		if !ok {
			return false
		}
		a.vals[q.Index] = v
		s.ws()
		if s.byte('}') {
			return s.end()
		}
		if !s.byte(',') {
			return false
		}
		s.ws()
	}
}

// fastScanner reads the plain subset of JSON that decodeFast accepts.
type fastScanner struct {
	b []byte
	p int
}

// ws skips JSON whitespace.
func (s *fastScanner) ws() {
	for s.p < len(s.b) {
		switch s.b[s.p] {
		case ' ', '\t', '\n', '\r':
			s.p++
		default:
			return
		}
	}
}

// byte consumes c if it comes next.
func (s *fastScanner) byte(c byte) bool {
	if s.p < len(s.b) && s.b[s.p] == c {
		s.p++
		return true
	}
	return false
}

// end reports whether only whitespace is left.
func (s *fastScanner) end() bool {
	s.ws()
	return s.p == len(s.b)
}

// str reads a string without escapes (and so without control characters) and returns its
// bytes, valid until the input changes.
func (s *fastScanner) str() ([]byte, bool) {
	if !s.byte('"') {
		return nil, false
	}
	start := s.p
	for i := start; i < len(s.b); i++ {
		switch c := s.b[i]; {
		case c == '"':
			s.p = i + 1
			return s.b[start:i], true
		case c == '\\' || c < 0x20:
			return nil, false
		}
	}
	return nil, false
}

// integer reads an integer written plainly (no fraction, no exponent, at most 18 digits).
func (s *fastScanner) integer() (int64, bool) {
	neg := s.byte('-')
	start := s.p
	var n int64
	for s.p < len(s.b) && s.b[s.p] >= '0' && s.b[s.p] <= '9' {
		n = n*10 + int64(s.b[s.p]-'0')
		s.p++
	}
	digits := s.p - start
	if digits == 0 || digits > 18 || (digits > 1 && s.b[start] == '0') {
		return 0, false
	}
	if s.p < len(s.b) {
		if c := s.b[s.p]; c == '.' || c == 'e' || c == 'E' {
			return 0, false
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

// value reads a possible answer to q.
func (s *fastScanner) value(q *Question) (Value, bool) {
	switch q.Kind {
	case Single:
		b, ok := s.str()
		if !ok {
			return Value{}, false
		}
		i, ok := q.optionIndex[string(b)]
		if !ok {
			return Value{}, false
		}
		v := CodeValue(q.Options[i].Code)
		v.opt = uint32(i + 1)
		return v, true
	case Multi:
		if !s.byte('[') || len(q.Options) > 64 {
			return Value{}, false
		}
		var mask uint64
		s.ws()
		if !s.byte(']') {
			for {
				b, ok := s.str()
				if !ok {
					return Value{}, false
				}
				i, ok := q.optionIndex[string(b)]
				if !ok || mask&(1<<i) != 0 {
					return Value{}, false
				}
				mask |= 1 << i
				s.ws()
				if s.byte(']') {
					break
				}
				if !s.byte(',') {
					return Value{}, false
				}
				s.ws()
			}
		}
		codes := make([]string, 0, bits.OnesCount64(mask))
		for i, o := range q.Options {
			if mask&(1<<i) != 0 {
				codes = append(codes, o.Code)
			}
		}
		return CodesValue(codes...), true
	case Integer:
		if s.p < len(s.b) && s.b[s.p] == '"' {
			b, ok := s.str()
			if !ok || string(b) != UnsureCode || !q.AllowUnsure {
				return Value{}, false
			}
			return UnsureInt(), true
		}
		n, ok := s.integer()
		if !ok || n < int64(q.Min) || n > int64(q.Max) {
			return Value{}, false
		}
		return IntValue(int(n)), true
	case Free:
		b, ok := s.str()
		if !ok || utf8.RuneCount(b) > MaxTextRunes {
			return Value{}, false
		}
		return TextValue(string(b)), true
	}
	return Value{}, false
}

// complete reports whether every shown required question is answered and no hidden one is,
// without allocating (Problems says what is wrong when it is not).
func (a *Answers) complete() bool {
	var stack [maxStackQuestions]bool
	_, _, ok := a.check(&stack)
	return ok
}
