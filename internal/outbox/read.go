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
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"golang.org/x/text/language"
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
	Missing                              // the file does not exist (any more)
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
		NotRegular:    {"通常のファイルではありません（開きません）", "not a regular file (not opened)"},
		OrphanSummary: {"結果ファイルがない要約です", "a summary whose result file is missing"},
		Unreadable:    {"読めません", "cannot be read"},
		Missing:       {"ファイルがありません", "the file does not exist"},
	}[p.Kind]
	s := screening.Text{screening.JA: m[0], screening.EN: m[1]}.In(lang)
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
	Patient           export.Patient
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
func (o *Outbox) List(now time.Time) ([]Entry, error) {
	l := Lister{Outbox: o}
	return l.List(now)
}

// Lister lists an outbox again and again (a live view), reading only the result files that
// changed since the last listing. It is not safe for concurrent use: one listing at a time.
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
	s, err := l.Scan(now)
	if err != nil {
		return nil, err
	}
	for !s.Done() {
		s.Next(4096)
	}
	return s.Entries(), nil
}

// Scan is one listing of the folder read in steps, so that a live view can show the newest
// results while the older ones are still being read: Lister.Scan reads the folder's names
// only, each Next reads the next results, newest first, and Entries is the whole listing
// once Done. A Scan belongs to its Lister: use one at a time.
type Scan struct {
	o       *Outbox
	cache   map[string]cached
	names   map[string]fs.DirEntry
	todo    []fs.DirEntry // result files, newest (greatest ID) first
	pos     int
	results []Entry
	bad     []Entry
}

// Scan starts a listing: it reads the folder's names (no file is opened yet) and finds the
// files that are not results. An error is returned only when the folder cannot be read.
func (l *Lister) Scan(now time.Time) (*Scan, error) {
	if l.cache == nil {
		l.cache = map[string]cached{}
	}
	des, err := readDir(l.Outbox.Dir)
	if err != nil {
		return nil, err
	}
	s := &Scan{o: l.Outbox, cache: l.cache, names: make(map[string]fs.DirEntry, len(des))}
	for _, d := range des {
		s.names[d.Name()] = d
	}
	for name := range l.cache {
		if _, ok := s.names[name]; !ok {
			delete(l.cache, name)
		}
	}
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
			s.todo = append(s.todo, d)
			continue
		case known && (ext == SummaryExt || ext == ReviewedExt):
			if _, ok := s.names[id+ResultExt]; ok {
				continue
			}
			if ext == ReviewedExt {
				continue // a marker left by an interrupted delete: nothing to show
			}
			if fi, err := d.Info(); err == nil && now.Sub(fi.ModTime()) < inProgress {
				continue // its result is being written right now
			}
			t, _ := TimeOfID(id)
			s.bad = append(s.bad, Entry{ID: id, Name: name, Time: t, Problem: &Problem{Kind: OrphanSummary}})
			continue
		}
		e := Entry{Name: name, Problem: &Problem{Kind: NotResult}}
		if !d.Type().IsRegular() {
			e.Problem = &Problem{Kind: NotRegular}
		}
		if fi, err := d.Info(); err == nil {
			e.Time = fi.ModTime()
		}
		s.bad = append(s.bad, e)
	}
	// IDs start with the UTC completion time: by name, newest first.
	sort.Slice(s.todo, func(i, j int) bool { return s.todo[i].Name() > s.todo[j].Name() })
	return s, nil
}

// readDir is os.ReadDir without its sort by name (the listing sorts what it needs).
func readDir(dir string) ([]fs.DirEntry, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	des, err := f.ReadDir(-1)
	if err != nil {
		return nil, err
	}
	return des, nil
}

// Len is the number of result files the scan reads in all.
func (s *Scan) Len() int { return len(s.todo) }

// Done reports whether every result file has been read.
func (s *Scan) Done() bool { return s.pos >= len(s.todo) }

// Next reads the next n result files (newest first, on several cores) and returns them, the
// readable ones only; unreadable ones are kept for Entries.
func (s *Scan) Next(n int) []Entry {
	batch := s.todo[s.pos:min(s.pos+n, len(s.todo))]
	s.pos += len(batch)
	got := make([]scanned, len(batch))
	workers := min(runtime.GOMAXPROCS(0), 4, max(len(batch)/16, 1))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(batch); i += workers {
				got[i] = s.entry(batch[i])
			}
		}()
	}
	wg.Wait()
	out := make([]Entry, 0, len(batch))
	for i, g := range got {
		if g.fresh {
			s.cache[batch[i].Name()] = cached{mod: g.mod, size: g.size, e: g.e}
		}
		e := g.e
		id := e.ID
		if sd, ok := s.names[id+SummaryExt]; ok && sd.Type().IsRegular() {
			e.HasSummary = true
		}
		if rd, ok := s.names[id+ReviewedExt]; ok {
			e.Reviewed = true
			if fi, err := rd.Info(); err == nil {
				e.ReviewedAt = fi.ModTime()
			}
		}
		if e.Problem != nil {
			s.bad = append(s.bad, e)
			continue
		}
		s.results = append(s.results, e)
		out = append(out, e)
	}
	return out
}

// scanned is one result file read by a worker of Next.
type scanned struct {
	e     Entry
	fresh bool // read from the file (not the cache): cache it
	mod   time.Time
	size  int64
}

// entry reads one result file, or takes it from the cache when its size and modification
// time did not change. It only reads the cache: workers run it at the same time.
func (s *Scan) entry(d fs.DirEntry) scanned {
	name := d.Name()
	id := strings.TrimSuffix(name, ResultExt)
	fi, err := d.Info()
	if err == nil {
		if c, ok := s.cache[name]; ok && c.mod.Equal(fi.ModTime()) && c.size == fi.Size() {
			return scanned{e: c.e}
		}
	}
	e := s.o.readEntry(id, d)
	if err != nil {
		return scanned{e: e}
	}
	return scanned{e: e, fresh: true, mod: fi.ModTime(), size: fi.Size()}
}

// Entries is the listing: the results read, newest first, then the files that could not be
// read, by name. Call it when Done (before, it holds what was read so far).
func (s *Scan) Entries() []Entry {
	results := slices.Clone(s.results)
	sort.SliceStable(results, func(i, j int) bool {
		if !results[i].Time.Equal(results[j].Time) {
			return results[i].Time.After(results[j].Time)
		}
		return results[i].ID > results[j].ID
	})
	bad := slices.Clone(s.bad)
	sort.SliceStable(bad, func(i, j int) bool { return bad[i].Name < bad[j].Name })
	return append(results, bad...)
}

func (o *Outbox) readEntry(id string, d fs.DirEntry) Entry {
	e := Entry{ID: id, Name: d.Name()}
	e.Time, _ = TimeOfID(id)
	r, p := o.readHead(id)
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
	e.Verdict = *r.Verdict
	e.NeedsConfirmation = r.NeedsConfirmation
	e.Lang = r.Lang
	return e
}

// ReadResult reads and checks the JSON result id. The problem is nil when it is a valid
// exoscreen result.
func (o *Outbox) ReadResult(id string) (*export.JSONResult, *Problem) {
	data, prob := o.readResultFile(id)
	if prob != nil {
		return nil, prob
	}
	return ParseResult(data)
}

// readResultFile reads the bytes of the JSON result id, with readFile's checks.
func (o *Outbox) readResultFile(id string) ([]byte, *Problem) {
	p, err := o.path(id, ResultExt)
	if err != nil {
		return nil, &Problem{Kind: NotResult}
	}
	return readFile(p)
}

// ParseResult checks that data is an exoscreen JSON result and decodes it.
func ParseResult(data []byte) (*export.JSONResult, *Problem) {
	// The listing's checks first, so that a file is refused when opened exactly when it is
	// listed as refused (encoding/json matches keys without regard to case; the listing
	// reads the head as written: "formAt" is not "format").
	if _, p := parseHead(data); p != nil {
		return nil, p
	}
	var r export.JSONResult
	if p := decode(data, &r); p != nil {
		return nil, p
	}
	// A missing verdict decodes as the zero Class, None: refuse it rather than show none.
	var v struct {
		Verdict *screening.Class `json:"verdict"`
	}
	json.Unmarshal(data, &v)
	if p := check(r.Format, v.Verdict, r.NeedsConfirmation, &r.Lang); p != nil {
		return nil, p
	}
	return &r, nil
}

// head is the part of a JSON result the listing shows.
type head struct {
	Format            string           `json:"format"`
	Verdict           *screening.Class `json:"verdict"`
	NeedsConfirmation int              `json:"needs_confirmation"`
	Lang              screening.Lang   `json:"lang"`
	CompletedAt       string           `json:"completed_at,omitempty"`
	Patient           *export.Patient  `json:"patient,omitempty"`
}

// bodyKeys are the large fields export.WriteJSON writes after the head.
var bodyKeys = map[string]bool{"answers": true, "findings": true, "notices": true, "ruleset": true}

// headKeys are the head's fields, those decodePrefix decodes.
var headKeys = []string{"format", "verdict", "needs_confirmation", "lang", "completed_at", "patient"}

// fieldName is the field k names, as ParseResult's decoding reads it: a key that differs
// from the name of a head field or of a body field (bodyKeys) only in case
// ("Needs_Confirmation") is that field (encoding/json folds case with the rules of
// bytes.EqualFold).
func fieldName(k string) string {
	for _, f := range headKeys {
		if strings.EqualFold(k, f) {
			return f
		}
	}
	for f := range bodyKeys {
		if strings.EqualFold(k, f) {
			return f
		}
	}
	return k
}

// readHead reads the listing's part of the result id, with ParseResult's checks. The whole
// file is checked to be one valid JSON value (json.Valid, fast), but only the fields before
// the answers are decoded: four times less work than the whole result for a listing of
// thousands. Opening a result reads it whole with ParseResult.
func (o *Outbox) readHead(id string) (*head, *Problem) {
	data, prob := o.readResultFile(id)
	if prob != nil {
		return nil, prob
	}
	return parseHead(data)
}

func parseHead(data []byte) (*head, *Problem) {
	var h head
	if !json.Valid(data) || !h.decodePrefix(data) {
		h = head{} // the slow way: the whole value (and the reason it is not valid)
		if p := decode(data, &h); p != nil {
			return nil, p
		}
	}
	if p := check(h.Format, h.Verdict, h.NeedsConfirmation, &h.Lang); p != nil {
		return nil, p
	}
	return &h, nil
}

// decodePrefix decodes the head fields of the valid JSON object data up to its first body
// field; false when data is no object, a head field is not where WriteJSON puts it, or one
// does not decode (the caller then decodes the whole value).
func (h *head) decodePrefix(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		k, ok := t.(string)
		if err != nil || !ok {
			return false
		}
		k = fieldName(k)
		if seen[k] {
			return false // a field given twice (in any case): the full decode takes the last
		}
		seen[k] = true
		var v any
		switch k {
		case "format":
			v = &h.Format
		case "verdict":
			v = &h.Verdict
		case "needs_confirmation":
			v = &h.NeedsConfirmation
		case "lang":
			v = &h.Lang
		case "completed_at":
			v = &h.CompletedAt
		case "patient":
			v = &h.Patient
		default:
			if bodyKeys[k] {
				return h.Format != "" && h.Verdict != nil
			}
			v = new(json.RawMessage)
		}
		if err := dec.Decode(v); err != nil {
			return false
		}
	}
	return true
}

// decode decodes exactly one JSON value from data into v.
func decode(data []byte, v any) *Problem {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		return &Problem{Kind: Corrupt, Detail: jsonDetail(err)}
	}
	// Anything but white space after the value (another value, a stray } or ]) is damage;
	// dec.More alone does not see a closing bracket.
	if _, err := dec.Token(); err != io.EOF {
		return &Problem{Kind: Corrupt, Detail: "more than one JSON value"}
	}
	return nil
}

// check is what makes a decoded value an exoscreen result (verdict nil: there was none); an
// unknown language becomes Japanese.
func check(format string, verdict *screening.Class, needsConfirmation int, lang *screening.Lang) *Problem {
	if !strings.HasPrefix(format, "exoscreen-result/") {
		return &Problem{Kind: NotResult, Detail: "no exoscreen-result format"}
	}
	if verdict == nil || *verdict < screening.None || *verdict > screening.Absolute {
		return &Problem{Kind: Corrupt, Detail: "no verdict"}
	}
	if needsConfirmation < 0 {
		return &Problem{Kind: Corrupt, Detail: "negative needs_confirmation"}
	}
	if !slices.Contains(screening.Langs, *lang) {
		// A language tag of a rule set that declares more than exoscreen's messages speak
		// (vi, ...) is kept as written when it is a well-formed tag in canonical form; anything
		// else is shown as the clinic's.
		if t, err := language.Parse(string(*lang)); err != nil || t.String() != string(*lang) {
			*lang = screening.JA
		}
	}
	return nil
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
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &Problem{Kind: Missing}
	}
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
	// Read into a buffer of the size Lstat saw (plus room to notice growth), not a growing
	// one: a listing reads thousands of files.
	buf := bytes.NewBuffer(make([]byte, 0, fi.Size()+512))
	_, err = buf.ReadFrom(io.LimitReader(f, MaxFileSize+1))
	data := buf.Bytes()
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
