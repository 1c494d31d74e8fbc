package screening

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// Limits on outside input.
const (
	maxRecordBytes = 1 << 20  // one JSON Lines record
	maxDocBytes    = 16 << 20 // a single (pretty-printed) answers document
	MaxTextRunes   = 2000     // a free-text answer
)

// ParseAnswers reads one answers object (see docs/spec/interfaces.md) and checks it completely: unknown
// ids, unknown options, wrong types, out-of-range numbers, missing answers to shown
// questions and answers to hidden ones. line is the record's line, used in the errors. All
// problems of the record are returned, not just the first. A UTF-8 byte-order mark at the
// start of data is ignored (files from Windows tools), by both parsers.
func (rs *RuleSet) ParseAnswers(data []byte, line int) (*Answers, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	a := rs.NewAnswers()
	var errs AnswerErrors
	if a.decodeFast(data) {
		if a.complete() {
			return a, nil
		}
	} else {
		a.Clear()
		errs = a.decode(data, line)
	}
	if len(errs) == 0 {
		for _, e := range a.Problems() {
			e.Line = line
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return a, nil
}

func (a *Answers) decode(data []byte, line int) AnswerErrors {
	var errs AnswerErrors
	fail := func(e *AnswerError) {
		if e.Line == 0 { // a syntax error knows its own line inside a multi-line record
			e.Line = line
		}
		errs = append(errs, e)
	}
	if !utf8.Valid(data) {
		fail(&AnswerError{Kind: ErrSyntax, Detail: "not UTF-8 text"})
		return errs
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		fail(syntaxError(err, data, line))
		return errs
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		fail(&AnswerError{Kind: ErrNotObject, Got: jsonKind(tok)})
		return errs
	}
	seen := make(map[string]bool, len(a.vals))
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			fail(syntaxError(err, data, line))
			return errs
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			fail(syntaxError(err, data, line))
			return errs
		}
		q := a.rs.questionByID[key]
		switch {
		case q == nil:
			fail(&AnswerError{Question: key, Kind: ErrUnknownQuestion})
			continue
		case seen[key]:
			fail(&AnswerError{Question: key, Kind: ErrDuplicateKey, q: q})
			continue
		}
		seen[key] = true
		v, e := decodeValue(q, raw)
		if e != nil {
			fail(e)
			continue
		}
		if e := q.Check(v); e != nil {
			fail(e)
			continue
		}
		if q.Kind == Multi {
			v.Codes = q.sortCodes(v.Codes)
		}
		a.vals[q.Index] = q.indexed(v)
	}
	if _, err := dec.Token(); err != nil {
		fail(syntaxError(err, data, line))
		return errs
	}
	// Only whitespace may follow the object.
	switch _, err := dec.Token(); {
	case err == io.EOF:
	case err == nil:
		fail(&AnswerError{Kind: ErrSyntax, Detail: "more than one JSON value in the record"})
	default: // e.g. a stray "}" or "]", which More would not show
		fail(syntaxError(err, data, line))
	}
	return errs
}

// decodeValue reads one answer by the kind of its question.
func decodeValue(q *Question, raw json.RawMessage) (Value, *AnswerError) {
	wrong := &AnswerError{Question: q.ID, Kind: ErrWrongType, Got: rawKind(raw), q: q}
	switch q.Kind {
	case Single:
		var s string
		if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
			return Value{}, wrong
		}
		return CodeValue(s), nil
	case Multi:
		var codes []string
		if raw[0] != '[' || json.Unmarshal(raw, &codes) != nil {
			return Value{}, wrong
		}
		if codes == nil {
			codes = []string{}
		}
		return CodesValue(codes...), nil
	case Integer:
		if raw[0] == '"' {
			var s string
			if json.Unmarshal(raw, &s) == nil && s == UnsureCode {
				return UnsureInt(), nil
			}
			if q.AllowUnsure {
				wrong.Kind, wrong.Got = ErrUnknownOption, string(raw)
			}
			return Value{}, wrong
		}
		n, err := strconv.ParseInt(string(raw), 10, 64)
		if err != nil {
			// JSON has one kind of number: 7.0 and 7e0 are the whole number 7; a fraction is
			// no whole number; a number too large for int64 (or float64) is out of range.
			f, ferr := strconv.ParseFloat(string(raw), 64)
			switch {
			case ferr != nil && !errors.Is(ferr, strconv.ErrRange):
				return Value{}, wrong
			case ferr != nil || math.Abs(f) >= 1<<62:
				return Value{}, &AnswerError{Question: q.ID, Kind: ErrOutOfRange, Got: string(truncate(raw, 40)), q: q}
			case f != math.Trunc(f):
				return Value{}, wrong
			}
			n = int64(f)
		}
		if n < int64(q.Min) || n > int64(q.Max) {
			return Value{}, &AnswerError{Question: q.ID, Kind: ErrOutOfRange, Got: string(truncate(raw, 40)), q: q}
		}
		return IntValue(int(n)), nil
	default:
		var s string
		if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
			return Value{}, wrong
		}
		if utf8.RuneCountInString(s) > MaxTextRunes {
			return Value{}, &AnswerError{Question: q.ID, Kind: ErrTooLong, Detail: fmt.Sprintf("at most %d characters", MaxTextRunes), q: q}
		}
		return TextValue(s), nil
	}
}

func rawKind(raw json.RawMessage) string {
	switch raw[0] {
	case '"':
		return "a string " + string(truncate(raw, 40))
	case '[':
		return "an array"
	case '{':
		return "an object"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "the number " + string(truncate(raw, 40))
}

func truncate(b []byte, n int) []byte {
	if len(b) <= n {
		return b
	}
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return append(b[:n:n], "..."...)
}

func jsonKind(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			return "an array"
		}
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "something else"
}

// syntaxError turns a JSON error into an AnswerError on the line where it happened.
func syntaxError(err error, data []byte, line int) *AnswerError {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := min(int(se.Offset), len(data))
		line += bytes.Count(data[:off], []byte{'\n'})
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return &AnswerError{Kind: ErrSyntax, Detail: "unexpected end of input"}
	}
	return &AnswerError{Line: line, Kind: ErrSyntax, Detail: err.Error()}
}

// Record is one answers record read from a stream: either Answers or Err is set.
type Record struct {
	Line    int // the line the record starts on
	Answers *Answers
	Err     error // AnswerErrors for bad input
}

// ReadAnswers reads a single answers object (which may span lines) or JSON Lines (one object
// a line, blank lines skipped) from r and calls fn for every record in order. JSON Lines
// are streamed in constant memory; one bad record does not stop the others. ReadAnswers
// stops early only when r fails or fn returns an error.
func (rs *RuleSet) ReadAnswers(r io.Reader, fn func(Record) error) error {
	lr := &lineReader{r: bufio.NewReaderSize(r, 64<<10)}
	first, firstLine, err := lr.nonBlank()
	if err != nil || first == nil {
		return err
	}
	first, firstTooLong := bytes.Clone(first), lr.tooLong
	emit := func(data []byte, line int, tooLong bool) error {
		rec := Record{Line: line}
		if tooLong {
			rec.Err = AnswerErrors{{Line: line, Kind: ErrTooLong, Detail: fmt.Sprintf("a record may be at most %d bytes", maxRecordBytes)}}
		} else {
			rec.Answers, rec.Err = rs.ParseAnswers(data, line)
		}
		return fn(rec)
	}
	jsonl := firstTooLong || json.Valid(first)
	// Not a record on its own line: a pretty-printed single object, or JSON Lines whose first
	// record is broken. Read on until a line that is a whole object by itself shows JSON Lines.
	var held [][]byte
	var heldLines []int
	var heldTooLong []bool
	var size int
	if !jsonl {
		for {
			l, n, err := lr.line()
			if err != nil {
				return err
			}
			if l == nil {
				break
			}
			if obj := bytes.TrimSpace(l); len(obj) > 0 && obj[0] == '{' && json.Valid(obj) {
				jsonl = true
			}
			held = append(held, bytes.Clone(l))
			heldLines = append(heldLines, n)
			heldTooLong = append(heldTooLong, lr.tooLong)
			size += len(l)
			if jsonl || size > maxDocBytes {
				break
			}
		}
	}
	if !jsonl {
		if size > maxDocBytes {
			return fn(Record{Line: firstLine, Err: AnswerErrors{{Line: firstLine, Kind: ErrTooLong, Detail: fmt.Sprintf("a single answers document may be at most %d bytes", maxDocBytes)}}})
		}
		doc := bytes.Join(append([][]byte{first}, held...), []byte{'\n'})
		return emit(doc, firstLine, false)
	}
	if err := emit(first, firstLine, firstTooLong); err != nil {
		return err
	}
	for i, l := range held {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		if err := emit(l, heldLines[i], heldTooLong[i]); err != nil {
			return err
		}
	}
	for {
		l, n, err := lr.nonBlank()
		if err != nil {
			return err
		}
		if l == nil {
			return nil
		}
		if err := emit(l, n, lr.tooLong); err != nil {
			return err
		}
	}
}

// utf8BOM is the UTF-8 byte-order mark, which Windows tools put at the start of text files.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// lineReader reads lines of at most maxRecordBytes, counting them; the rest of a longer line
// is skipped and tooLong is set.
type lineReader struct {
	r       *bufio.Reader
	n       int
	buf     []byte
	tooLong bool
}

// line returns the next line without its newline (nil at the end) and its number. The slice
// is valid until the next call.
func (lr *lineReader) line() ([]byte, int, error) {
	lr.buf = lr.buf[:0]
	lr.tooLong = false
	total := 0 // bytes in the line, with its ending
	for {
		chunk, err := lr.r.ReadSlice('\n')
		total += len(chunk)
		if len(lr.buf)+len(chunk) <= maxRecordBytes+2 { // a whole record and "\r\n"
			lr.buf = append(lr.buf, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			if total == 0 {
				return nil, 0, nil
			}
		} else if err != nil {
			return nil, 0, err
		}
		lr.n++
		l := bytes.TrimRight(lr.buf, "\r\n")
		if lr.n == 1 {
			l = bytes.TrimPrefix(l, utf8BOM) // the start of the input (docs/spec/interfaces.md)
		}
		if l == nil {
			l = []byte{}
		}
		// The limit is on the record, without its line ending; a line that did not fit the
		// buffer is longer than that anyway.
		lr.tooLong = total > maxRecordBytes+2 || len(l) > maxRecordBytes
		return l, lr.n, nil
	}
}

// nonBlank returns the next line that is not blank.
func (lr *lineReader) nonBlank() ([]byte, int, error) {
	for {
		l, n, err := lr.line()
		if err != nil || l == nil {
			return l, n, err
		}
		if lr.tooLong || len(bytes.TrimSpace(l)) > 0 {
			return l, n, nil
		}
	}
}
