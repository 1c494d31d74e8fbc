package screening

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
)

// The compiled form of a rule set: the model Load builds from the YAML files, written compactly
// so that the embedded rule set starts without parsing YAML (about 3 ms and 17k allocations
// saved on every start). `go generate ./...` writes it to content/ from the YAML files there
// (see internal/gencontent); Load uses it only when the SHA-256 it records is the SHA-256 of
// the YAML files next to it, so a stale compiled form is never used, only slower start-up
// until it is regenerated (TestCompiledContent says when). LoadDir never uses it: a clinic's
// own content is always read from its YAML, with file:line problems.

// CompiledFile is the name of the compiled form next to the YAML files.
const CompiledFile = "ruleset.compiled"

// compiledMagic starts every compiled form; the digit is the format's version.
const compiledMagic = "exoscreen compiled rule set 3\n"

// MarshalBinary writes rs in the compiled form that Load reads in place of the YAML files
// whose SHA-256 it carries. The bytes depend only on the rule set.
func (rs *RuleSet) MarshalBinary() ([]byte, error) {
	w := &cwriter{b: []byte(compiledMagic)}
	w.str(rs.SHA256)
	w.str(rs.ID)
	w.str(rs.Version)
	w.str(rs.Checked)
	w.text(rs.Name)
	w.text(rs.Disclaimer)
	w.str(string(rs.ClinicLang))
	w.n(len(rs.Languages), rs.Languages == nil)
	for _, l := range rs.Languages {
		w.str(string(l.Tag))
		w.str(l.Name)
		w.bools(l.Reviewed, false)
	}
	srcIndex := make(map[*Source]int, len(rs.Sources))
	w.n(len(rs.Sources), rs.Sources == nil)
	for i, s := range rs.Sources {
		srcIndex[s] = i
		w.str(s.Key)
		w.text(s.Title)
		w.text(s.Publisher)
		w.str(s.Date)
		w.str(s.URL)
		w.text(s.Note)
	}
	sources := func(ss []*Source) {
		w.n(len(ss), ss == nil)
		for _, s := range ss {
			w.int(srcIndex[s])
		}
	}
	w.n(len(rs.Notices), rs.Notices == nil)
	for _, no := range rs.Notices {
		w.str(no.ID)
		w.text(no.Text)
		sources(no.Sources)
	}
	w.n(len(rs.Sections), rs.Sections == nil)
	for _, sec := range rs.Sections {
		w.str(sec.ID)
		w.text(sec.Title)
		w.n(len(sec.Questions), sec.Questions == nil)
	}
	cond := func(c *Condition) {
		if c == nil {
			w.int(0)
			return
		}
		w.int(1)
		w.str(string(c.Behavior))
		w.n(len(c.Items), c.Items == nil)
		for _, it := range c.Items {
			w.int(it.Question.Index)
			w.str(string(it.Operator))
			w.str(it.Code)
			w.int(it.Int)
			w.bools(it.Unsure, it.Exists)
		}
	}
	w.n(len(rs.Questions), rs.Questions == nil)
	for _, q := range rs.Questions {
		w.str(q.ID)
		w.str(string(q.Kind))
		w.text(q.Text)
		w.text(q.Help)
		w.bools(q.Optional, q.AllowUnsure)
		cond(q.ShownWhen)
		w.n(len(q.Options), q.Options == nil)
		for _, o := range q.Options {
			w.str(o.Code)
			w.text(o.Text)
			w.text(o.Help)
		}
		w.int(q.Min)
		w.int(q.Max)
		w.text(q.Unit)
		w.int(q.Line)
		w.n(len(q.Rules), q.Rules == nil)
		for _, r := range q.Rules {
			cond(r.When)
			w.int(int(r.Class))
			w.bools(r.NeedsConfirmation, false)
			sources(r.Sources)
			w.n(len(r.SourceKeys), r.SourceKeys == nil)
			for _, k := range r.SourceKeys {
				w.str(k)
			}
			w.text(r.Reason)
			w.int(r.Line)
		}
	}
	return w.b, nil
}

// cwriter writes the compiled form: integers as zig-zag varints, strings with their length.
type cwriter struct{ b []byte }

func (w *cwriter) int(n int) { w.b = binary.AppendVarint(w.b, int64(n)) }

// n writes a slice's length, or -1 for a nil slice (Load keeps nil and empty apart).
func (w *cwriter) n(n int, isNil bool) {
	if isNil {
		n = -1
	}
	w.int(n)
}

func (w *cwriter) str(s string) {
	w.int(len(s))
	w.b = append(w.b, s...)
}

// text writes the number of translations, then each tag and string in Tags order.
func (w *cwriter) text(t Text) {
	tags := t.Tags()
	w.int(len(tags))
	for _, l := range tags {
		w.str(string(l))
		w.str(t[l])
	}
}

func (w *cwriter) bools(a, b bool) {
	var c byte
	if a {
		c |= 1
	}
	if b {
		c |= 2
	}
	w.b = append(w.b, c)
}

// errCompiled is a compiled form that cannot be read; Load then reads the YAML files.
var errCompiled = errors.New("not a compiled rule set")

// creader reads what cwriter wrote. Strings are slices of one copy of the input. Malformed
// input panics, with errCompiled or a runtime error such as an index out of range (both
// caught by unmarshalCompiled).
type creader struct {
	b []byte // the input
	s string // a copy of b, for the strings
	p int
}

func (r *creader) int() int {
	n, k := binary.Varint(r.b[r.p:])
	if k <= 0 {
		panic(errCompiled)
	}
	r.p += k
	return int(n)
}

// n reads a slice length: -1 is nil. A length is at most the bytes left (each element takes
// one or more): a larger one panics here, before a slice of it is made.
func (r *creader) n() int {
	n := r.int()
	if n != -1 {
		_ = r.s[r.p:][:n]
	}
	return n
}

func (r *creader) str() string {
	n := r.int()
	s := r.s[r.p:][:n] // panics past the end or for a negative length
	r.p += n
	return s
}

func (r *creader) text() Text {
	n := r.int()
	_ = r.s[r.p:][:n] // as n: at most one translation per byte left
	t := make(Text, n)
	for range n {
		l := Lang(r.str())
		t[l] = r.str()
	}
	return t
}

func (r *creader) bools() (bool, bool) {
	c := r.b[r.p]
	r.p++
	return c&1 != 0, c&2 != 0
}

// makeSlice makes a slice of length n, nil for -1.
func makeSlice[T any](n int) []T {
	if n < 0 {
		return nil
	}
	return make([]T, n)
}

// unmarshalCompiled reads a compiled form and builds what Load builds beside the model (the
// lookup maps and the placement tables). It checks the form's structure, not the rules: it is
// used only for the SHA-256 it was made from, of YAML files that passed Load.
func unmarshalCompiled(data []byte) (rs *RuleSet, err error) {
	defer func() {
		if p := recover(); p != nil {
			rs, err = nil, fmt.Errorf("%w: %v", errCompiled, p)
		}
	}()
	if !bytes.HasPrefix(data, []byte(compiledMagic)) {
		return nil, errCompiled
	}
	r := &creader{b: data, s: string(data), p: len(compiledMagic)}
	rs = &RuleSet{SHA256: r.str(), ID: r.str(), Version: r.str(), Checked: r.str(), Name: r.text(), Disclaimer: r.text()}
	rs.ClinicLang = Lang(r.str())
	rs.Languages = makeSlice[Language](r.n())
	for i := range rs.Languages {
		rs.Languages[i].Tag = Lang(r.str())
		rs.Languages[i].Name = r.str()
		rs.Languages[i].Reviewed, _ = r.bools()
	}
	rs.Sources = makeSlice[*Source](r.n())
	rs.sourceByKey = make(map[string]*Source, len(rs.Sources))
	srcs := make([]Source, len(rs.Sources))
	for i := range rs.Sources {
		s := &srcs[i]
		*s = Source{Key: r.str(), Title: r.text(), Publisher: r.text(), Date: r.str(), URL: r.str(), Note: r.text()}
		rs.Sources[i] = s
		rs.sourceByKey[s.Key] = s
	}
	sources := func() []*Source {
		out := makeSlice[*Source](r.n())
		for i := range out {
			out[i] = rs.Sources[r.int()]
		}
		return out
	}
	rs.Notices = makeSlice[*Notice](r.n())
	for i := range rs.Notices {
		rs.Notices[i] = &Notice{ID: r.str(), Text: r.text(), Sources: sources()}
	}
	rs.Sections = makeSlice[*Section](r.n())
	sectionOf := []*Section{} // the section of each question, in order
	for i := range rs.Sections {
		sec := &Section{ID: r.str(), Title: r.text()}
		sec.Questions = makeSlice[*Question](r.n())
		for range sec.Questions {
			sectionOf = append(sectionOf, sec)
		}
		rs.Sections[i] = sec
	}
	cond := func() *Condition {
		if r.int() == 0 {
			return nil
		}
		c := &Condition{Behavior: Behavior(r.str())}
		c.Items = makeSlice[ConditionItem](r.n())
		for i := range c.Items {
			it := &c.Items[i]
			it.Question = rs.Questions[r.int()]
			it.Operator = Operator(r.str())
			it.Code = r.str()
			it.Int = r.int()
			it.Unsure, it.Exists = r.bools()
		}
		return c
	}
	rs.Questions = makeSlice[*Question](r.n())
	if len(rs.Questions) != len(sectionOf) {
		return nil, errCompiled
	}
	rs.questionByID = make(map[string]*Question, len(rs.Questions))
	qs := make([]Question, len(rs.Questions))
	for i := range rs.Questions {
		rs.Questions[i] = &qs[i] // conditions name earlier questions only
	}
	next := make(map[*Section]int, len(rs.Sections))
	for i, q := range rs.Questions {
		q.ID, q.Kind, q.Index = r.str(), Kind(r.str()), i
		q.Text, q.Help = r.text(), r.text()
		q.Optional, q.AllowUnsure = r.bools()
		q.ShownWhen = cond()
		q.Options = makeSlice[*Option](r.n())
		q.optionIndex = make(map[string]int, len(q.Options))
		for j := range q.Options {
			o := &Option{Code: r.str(), Text: r.text(), Help: r.text()}
			q.Options[j] = o
			q.optionIndex[o.Code] = j
		}
		q.Min, q.Max = r.int(), r.int()
		q.Unit = r.text()
		q.Line = r.int()
		q.Rules = makeSlice[*Rule](r.n())
		for j := range q.Rules {
			rule := &Rule{Question: q, When: cond(), Class: Class(r.int())}
			rule.NeedsConfirmation, _ = r.bools()
			rule.Sources = sources()
			rule.SourceKeys = makeSlice[string](r.n())
			for k := range rule.SourceKeys {
				rule.SourceKeys[k] = r.str()
			}
			rule.Reason = r.text()
			rule.Line = r.int()
			q.Rules[j] = rule
		}
		sec := sectionOf[i]
		q.Section = sec
		sec.Questions[next[sec]] = q
		next[sec]++
		rs.questionByID[q.ID] = q
	}
	if r.p != len(r.s) {
		return nil, errCompiled
	}
	rs.buildTables()
	return rs, nil
}

// loadCompiled returns the rule set of fsys's compiled form when there is one made from the
// YAML files whose SHA-256 is sum; nil otherwise (Load then reads the YAML files).
func loadCompiled(fsys fs.FS, sum string) *RuleSet {
	data, _ := readContent(fsys, CompiledFile) // none or unreadable: nil, which is no compiled form
	rs, err := unmarshalCompiled(data)
	if err != nil || rs.SHA256 != sum {
		return nil
	}
	return rs
}
