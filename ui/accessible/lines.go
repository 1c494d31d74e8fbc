package accessible

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"
)

// maxLineBytes is the longest line read as an answer; a longer line is refused as too long
// (and read to its end, so that the next line is the next answer).
const maxLineBytes = 64 << 10

// errLineTooLong is a line longer than maxLineBytes.
var errLineTooLong = errors.New("accessible: line too long")

// lineReader reads the session's input one line at a time through ONE bufio.Reader for the
// whole session: whatever a read pulls into the buffer beyond the current line (piped input
// usually arrives in one block) stays there for the next question. This is what huh's
// accessible mode gets wrong: it makes a new reader per prompt and loses buffered input.
//
// Reads run on a goroutine so that a cancelled context ends the session even while the
// input blocks; a line is read only when one is asked for, never ahead.
type lineReader struct {
	br    *bufio.Reader
	req   chan struct{}
	resp  chan lineResult
	start bool
	first bool // no line read yet (a UTF-8 byte order mark is dropped from the first)
}

type lineResult struct {
	line string
	err  error
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{
		br:    bufio.NewReader(r),
		req:   make(chan struct{}, 1),
		resp:  make(chan lineResult, 1),
		first: true,
	}
}

// read returns the next line without its line ending. A last line without a newline is
// returned as a line; after it, io.EOF.
func (r *lineReader) read(ctx context.Context) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if !r.start {
		r.start = true
		go r.loop()
	}
	r.req <- struct{}{}
	select {
	case res := <-r.resp:
		if r.first && res.err == nil {
			r.first = false
			res.line = strings.TrimPrefix(res.line, "\ufeff")
		}
		return res.line, res.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// close ends the reading goroutine once it is idle.
func (r *lineReader) close() {
	if r.start {
		close(r.req)
	}
}

func (r *lineReader) loop() {
	for range r.req {
		line, err := readLine(r.br)
		r.resp <- lineResult{line, err}
	}
}

func readLine(br *bufio.Reader) (string, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong && len(buf)+len(chunk) <= maxLineBytes+2 {
			buf = append(buf, chunk...)
		} else {
			tooLong, buf = true, nil
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil && (err != io.EOF || (len(buf) == 0 && !tooLong)) {
			return "", err
		}
		break
	}
	if tooLong {
		return "", errLineTooLong
	}
	s := strings.TrimSuffix(string(buf), "\n")
	return strings.TrimSuffix(s, "\r"), nil
}
