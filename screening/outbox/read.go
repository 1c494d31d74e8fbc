package outbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// MaxFileSize is the largest file the outbox reads; a result is a few kilobytes.
const MaxFileSize = 4 << 20

// inProgress is how long a summary may wait for its result before it counts as an orphan:
// a writer publishes the summary first and the result a moment later.
const inProgress = time.Minute

// ProblemKind says why a file in the outbox cannot be listed as a result.
type ProblemKind int

// The kinds of problems.
const (
	NotResult     ProblemKind = iota + 1 // a file exoscreen did not write
	Corrupt                              // not a valid JSON result
	TooLarge                             // larger than MaxFileSize
	NotRegular                           // a symbolic link, folder or device: never followed
	OrphanSummary                        // a summary whose result is missing
	Unreadable                           // the file system refused to read it
)

// Problem is why one file could not be read as a result.
type Problem struct {
	Kind   ProblemKind
	Detail string // the underlying error, in English; may be empty
}

func (p *Problem) Error() string { return p.Message(screening.EN) }

// Message says what is wrong in lang.
func (p *Problem) Message(lang screening.Lang) string {
	m := map[ProblemKind][2]string{
		NotResult:     {"exoscreen の結果ではないファイルです", "not an exoscreen result"},
		Corrupt:       {"結果ファイルが壊れています", "the result file is damaged"},
		TooLarge:      {"ファイルが大きすぎます", "the file is too large"},
		NotRegular:    {"通常のファイルではありません(開きません)", "not a regular file (not opened)"},
		OrphanSummary: {"結果ファイルがない要約です", "a summary whose result file is missing"},
		Unreadable:    {"読めません", "cannot be read"},
	}[p.Kind]
	s := m[0]
	if lang == screening.EN {
		s = m[1]
	}
	if p.Detail != "" {
		s += ": " + p.Detail
	}
	return s
}

// Entry is one line of the outbox listing: a result, or a file that could not be read as one
// (Problem set).
type Entry struct {
	ID                string // result ID; empty when the file's name is not one
	Name              string // the file's name in the folder (the .json for a result)
	Time              time.Time
	Patient           screening.Patient
	Verdict           screening.Class
	NeedsConfirmation int
	Lang              screening.Lang
	Reviewed          bool
	ReviewedAt        time.Time
	HasSummary        bool
	Problem           *Problem
}

// Label is what identifies the entry for staff: the reception number, else the name, else
// the date of birth; empty when the patient gave no details. It is outside text: sanitise it
// before showing it.
func (e *Entry) Label() string {
	switch {
	case e.Patient.ReceptionNumber != "":
		return e.Patient.ReceptionNumber
	case e.Patient.Name != "":
		return e.Patient.Name
	}
	return e.Patient.DateOfBirth
}

// List reads the folder: every result, newest first, then every file that could not be read,
// each with its problem. Hidden files (temporary files of writers at work) are skipped. An
// error is returned only when the folder itself cannot be read.
func (o *Outbox) List(now time.Time) ([]Entry, error) { return o.list(now, nil) }

// Lister lists an outbox again and again (a live view), reading only the result files that
// changed since the last listing.
type Lister struct {
	Outbox *Outbox
	cache  map[string]cached
}

type cached struct {
	mod  time.Time
	size int64
	e    Entry
}

// List is Outbox.List, with the results read before taken from memory when their file has
// the same size and modification time.
func (l *Lister) List(now time.Time) ([]Entry, error) {
	if l.cache == nil {
		l.cache = map[string]cached{}
	}
	return l.Outbox.list(now, l.cache)
}

func (o *Outbox) list(now time.Time, cache map[string]cached) ([]Entry, error) {
	des, err := os.ReadDir(o.Dir)
	if err != nil {
		return nil, err
	}
	names := make(map[string]fs.DirEntry, len(des))
	for _, d := range des {
		names[d.Name()] = d
	}
	var results, bad []Entry
	for _, d := range des {
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		ext := filepath.Ext(name)
		id := strings.TrimSuffix(name, ext)
		known := ValidID(id)
		switch {
		case known && ext == ResultExt:
			var e Entry
			fi, ierr := d.Info()
			if c, ok := cache[name]; ok && ierr == nil && c.mod.Equal(fi.ModTime()) && c.size == fi.Size() {
				e = c.e
			} else {
				e = o.readEntry(id, d)
				if cache != nil && ierr == nil {
					cache[name] = cached{mod: fi.ModTime(), size: fi.Size(), e: e}
				}
			}
			e.HasSummary, e.Reviewed, e.ReviewedAt = false, false, time.Time{}
			if sd, ok := names[id+SummaryExt]; ok && sd.Type().IsRegular() {
				e.HasSummary = true
			}
			if rd, ok := names[id+ReviewedExt]; ok {
				e.Reviewed = true
				if fi, err := rd.Info(); err == nil {
					e.ReviewedAt = fi.ModTime()
				}
			}
			if e.Problem != nil {
				bad = append(bad, e)
			} else {
				results = append(results, e)
			}
			continue
		case known && (ext == SummaryExt || ext == ReviewedExt):
			if _, ok := names[id+ResultExt]; ok {
				continue
			}
			if ext == ReviewedExt {
				continue // a marker left by an interrupted delete: nothing to show
			}
			if fi, err := d.Info(); err == nil && now.Sub(fi.ModTime()) < inProgress {
				continue // its result is being written right now
			}
			t, _ := TimeOfID(id)
			bad = append(bad, Entry{ID: id, Name: name, Time: t, Problem: &Problem{Kind: OrphanSummary}})
			continue
		}
		e := Entry{Name: name, Problem: &Problem{Kind: NotResult}}
		if !d.Type().IsRegular() {
			e.Problem = &Problem{Kind: NotRegular}
		}
		if fi, err := d.Info(); err == nil {
			e.Time = fi.ModTime()
		}
		bad = append(bad, e)
	}
	for name := range cache {
		if _, ok := names[name]; !ok {
			delete(cache, name)
		}
	}
	sort.SliceStable(results, func(i, j int) bool {
		if !results[i].Time.Equal(results[j].Time) {
			return results[i].Time.After(results[j].Time)
		}
		return results[i].ID > results[j].ID
	})
	sort.SliceStable(bad, func(i, j int) bool { return bad[i].Name < bad[j].Name })
	return append(results, bad...), nil
}

func (o *Outbox) readEntry(id string, d fs.DirEntry) Entry {
	e := Entry{ID: id, Name: d.Name()}
	e.Time, _ = TimeOfID(id)
	r, p := o.ReadResult(id)
	if p != nil {
		e.Problem = p
		return e
	}
	if t, err := time.Parse(time.RFC3339, r.CompletedAt); err == nil {
		e.Time = t
	}
	if r.Patient != nil {
		e.Patient = *r.Patient
	}
	e.Verdict = r.Verdict
	e.NeedsConfirmation = r.NeedsConfirmation
	e.Lang = r.Lang
	return e
}

// ReadResult reads and checks the JSON result id. The problem is nil when it is a valid
// exoscreen result.
func (o *Outbox) ReadResult(id string) (*export.JSONResult, *Problem) {
	p, err := o.path(id, ResultExt)
	if err != nil {
		return nil, &Problem{Kind: NotResult}
	}
	data, prob := readFile(p)
	if prob != nil {
		return nil, prob
	}
	return ParseResult(data)
}

// ParseResult checks that data is an exoscreen JSON result and decodes it.
func ParseResult(data []byte) (*export.JSONResult, *Problem) {
	// A result without a verdict must not read as verdict none: start from no verdict.
	r := export.JSONResult{Verdict: -1}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&r); err != nil {
		return nil, &Problem{Kind: Corrupt, Detail: jsonDetail(err)}
	}
	if dec.More() {
		return nil, &Problem{Kind: Corrupt, Detail: "more than one JSON value"}
	}
	if !strings.HasPrefix(r.Format, "exoscreen-result/") {
		return nil, &Problem{Kind: NotResult, Detail: "no exoscreen-result format"}
	}
	if r.Verdict < screening.None || r.Verdict > screening.Absolute {
		return nil, &Problem{Kind: Corrupt, Detail: "no verdict"}
	}
	if r.NeedsConfirmation < 0 {
		return nil, &Problem{Kind: Corrupt, Detail: "negative needs_confirmation"}
	}
	if r.Lang != screening.JA && r.Lang != screening.EN {
		r.Lang = screening.JA
	}
	return &r, nil
}

func jsonDetail(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("JSON syntax error at byte %d", se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("field %q has the wrong type", te.Field)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "the file is empty or cut short"
	}
	return "not valid JSON"
}

// ReadSummary reads the printable summary of id. It is outside text: sanitise it before
// showing it on a terminal.
func (o *Outbox) ReadSummary(id string) ([]byte, *Problem) {
	p, err := o.path(id, SummaryExt)
	if err != nil {
		return nil, &Problem{Kind: NotResult}
	}
	return readFile(p)
}

// readFile reads a regular file of at most MaxFileSize, never following a symbolic link.
func readFile(p string) ([]byte, *Problem) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, &Problem{Kind: Unreadable, Detail: errDetail(err)}
	}
	if !fi.Mode().IsRegular() {
		return nil, &Problem{Kind: NotRegular}
	}
	if fi.Size() > MaxFileSize {
		return nil, &Problem{Kind: TooLarge, Detail: fmt.Sprintf("%d bytes", fi.Size())}
	}
	f, err := os.OpenFile(p, os.O_RDONLY|noFollow, 0)
	if err != nil {
		return nil, &Problem{Kind: Unreadable, Detail: errDetail(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &Problem{Kind: Unreadable, Detail: errDetail(err)}
	}
	if len(data) > MaxFileSize {
		return nil, &Problem{Kind: TooLarge}
	}
	return data, nil
}

// errDetail is an OS error without the path (which the listing shows already).
func errDetail(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
