package outbox_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"golang.org/x/text/language"
)

// FuzzReadOutboxFiles is what the staff inbox does with a result and a summary someone put
// in the outbox: list the folder (also with a Lister, twice), read the result and the
// summary. Nothing panics; a result is listed with a problem or with a valid verdict and
// language; what is shown, once sanitised, holds no control character; the summary reads
// back byte for byte.
func FuzzReadOutboxFiles(f *testing.F) {
	rs := testrules.Load(f)
	m := export.Meta{Lang: screening.EN, Time: t0, Started: t0.Add(-time.Minute),
		Patient: &export.Patient{ReceptionNumber: "A-1", Name: outboxtest.Hostile, DateOfBirth: "1980-01-02"}}
	result, summary, err := outbox.Render(outboxtest.Result(f, rs, nil), m)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(result, summary)
	f.Add([]byte(`{"format":"exoscreen-result/1","verdict":"none","lang":"fr","needs_confirmation":0}`), []byte(""))
	f.Add([]byte(`{"format":"exoscreen-result/1","verdict":"absolute","completed_at":"2026-11-21T18:30:00+09:00","patient":{"name":"\u001b[2J"}}`), []byte("\x1b]0;x\x07"))
	f.Add([]byte(`{"format":"exoscreen-result/1"}`), []byte("\xff\xfe"))
	f.Add([]byte(`{"format":"exoscreen-result/1","verdict":"none"}{}`), []byte("s"))
	f.Add([]byte(`{"format":"exoscreen-result/1","verdict":`), []byte("s"))
	f.Add([]byte(`null`), []byte("s"))
	const id = "20261121T093000.000Z-00000000000000aa"
	// One folder per fuzzing process, emptied for each input (t.TempDir per input is slow).
	o := outbox.New(f.TempDir())
	f.Fuzz(func(t *testing.T, result, summary []byte) {
		ents, _ := os.ReadDir(o.Dir)
		for _, e := range ents {
			os.Remove(filepath.Join(o.Dir, e.Name()))
		}
		if err := os.WriteFile(filepath.Join(o.Dir, id+outbox.SummaryExt), summary, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(o.Dir, id+outbox.ResultExt), result, 0o600); err != nil {
			t.Fatal(err)
		}
		list, err := o.List(t0)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].ID != id || list[0].Name != id+outbox.ResultExt || !list[0].HasSummary {
			t.Fatalf("listing %+v", list)
		}
		e := list[0]
		r, p := o.ReadResult(id)
		if (r == nil) == (p == nil) || (p == nil) != (e.Problem == nil) {
			t.Fatalf("ReadResult %v %v, listed problem %v", r, p, e.Problem)
		}
		if p != nil {
			if p.Kind != outbox.Corrupt && p.Kind != outbox.NotResult || p.Kind != e.Problem.Kind {
				t.Fatalf("problem %+v, listed %+v", p, e.Problem)
			}
			for _, lang := range []screening.Lang{screening.JA, screening.EN} {
				if msg := p.Message(lang); msg == "" || !clean(export.Sanitize(msg)) {
					t.Fatalf("message %q", msg)
				}
			}
		} else {
			if e.Verdict < screening.None || e.Verdict > screening.Absolute || e.Verdict != r.Verdict ||
				e.NeedsConfirmation < 0 || !canonicalTag(e.Lang) {
				t.Fatalf("accepted %+v", e)
			}
			if !clean(export.Sanitize(e.Label())) {
				t.Fatalf("label %q", export.Sanitize(e.Label()))
			}
		}
		l := &outbox.Lister{Outbox: o}
		for range 2 {
			again, err := l.List(t0)
			if err != nil || !reflect.DeepEqual(again, list) {
				t.Fatalf("Lister: %+v %v, List: %+v", again, err, list)
			}
		}
		s, p := o.ReadSummary(id)
		if p != nil || !bytes.Equal(s, summary) {
			t.Fatalf("summary %q %v, want %q", s, p, summary)
		}
		if !clean(export.Sanitize(string(s))) {
			t.Fatalf("sanitised summary %q", export.Sanitize(string(s)))
		}
	})
}

// clean reports whether s holds no control character (C0, DEL, C1) and is valid UTF-8.
func clean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r < 0xa0 {
			return false
		}
	}
	return true
}

// canonicalTag reports whether l is a well-formed BCP 47 tag in canonical form (what the
// outbox keeps of a result's lang).
func canonicalTag(l screening.Lang) bool {
	t, err := language.Parse(string(l))
	return err == nil && t.String() == string(l)
}
