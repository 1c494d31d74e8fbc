package serve

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// The line mode's input splitting: whatever a client sends, in whatever pieces, the lines
// taken for the language and the details and the rest handed to the screening add up to
// exactly what was sent (nothing read twice, nothing lost), and no line is longer than
// maxLine.
func FuzzPump(f *testing.F) {
	f.Add("1\n5150\r\n1\n1\n\n", 2)
	f.Add("", 0)
	f.Add(strings.Repeat("x", 3000)+"\n2\n", 1)
	f.Add("日本語\nabc", 3)
	f.Fuzz(func(t *testing.T, in string, lines int) {
		if lines < 0 || lines > 10 {
			return
		}
		p := newPump(iotest.HalfReader(strings.NewReader(in)))
		defer p.stop()
		var got strings.Builder
		for i := 0; i < lines; i++ {
			l, err := p.line(context.Background())
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(l) > maxLine+1 {
				t.Fatalf("a line of %d bytes", len(l))
			}
			got.WriteString(l + "\n")
		}
		rest, err := io.ReadAll(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(in, string(rest)) {
			t.Fatalf("the rest %q is not the end of the input %q", rest, in)
		}
		got.Write(rest)
		short := true
		for _, l := range strings.Split(in, "\n") {
			short = short && len(l) <= maxLine
		}
		if short && !strings.Contains(in, "\r") && got.String() != in && got.String() != in+"\n" {
			t.Fatalf("lines and rest %q do not add up to the input %q", got.String(), in)
		}
	})
}
