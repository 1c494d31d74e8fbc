// Package export renders screening results for people and for other programs: the printable
// text summary, the JSON result and (in its own files) FHIR. Every output of exoscreen (the
// evaluate command, the TUI's saved summary, the kiosk outbox) goes through this package, so
// a result reads the same wherever it is printed.
package export

import (
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/exoscreen/exoscreen/screening"
)

// formatVersion names the layout of the JSON result; it changes only when a field changes
// meaning or is removed.
const formatVersion = "exoscreen-result/1"

// Meta is what a result is rendered with besides the result itself.
type Meta struct {
	Lang screening.Lang // the patient's language: the one they read the questions in
	// StaffLang is the language of the printed summary when it is the physician's copy (the
	// outbox, evaluate --staff-lang): the answers are then also shown as the patient read
	// them, in Lang, and the patient's language is named. Empty: the summary is in Lang.
	StaffLang screening.Lang
	Time      time.Time // when the screening was completed; zero leaves it out
	Started   time.Time // when it began; zero leaves it out
	Patient   *Patient  // nil or zero: no details
	Clinic    string    // clinic name for the printed summary; may be empty
	Line      int       // the record's line in a batch input; 0 leaves it out
	// ID identifies the screening (a UUID, see NewID); the FHIR resources' ids derive from
	// it. Empty: the JSON result has no id and WriteFHIR makes a random one.
	ID string
	// Texts adds to each finding of the JSON result its texts in every language the rule set
	// declares (JSONFinding.Texts). Off, the JSON has them in Lang only: a batch of thousands
	// of records then stays small; the outbox's result files have them on.
	Texts bool
	// FHIRBase is the base of the canonical URLs in FHIR output (see canonicals); empty
	// gives urn:uuid URLs derived from the rule set id.
	FHIRBase string
}

// JSONResult is the JSON form of a result. The fields of docs/spec/interfaces.md (verdict, findings with
// question, answer, class, needs_confirmation, reason, sources; ruleset id, version, sha256)
// are pinned; the rest is added for clinic systems.
type JSONResult struct {
	Format            string          `json:"format"`
	ID                string          `json:"id,omitempty"`
	Line              int             `json:"line,omitempty"`
	Verdict           screening.Class `json:"verdict"`
	VerdictLabel      string          `json:"verdict_label"`
	NeedsConfirmation int             `json:"needs_confirmation"`
	Lang              screening.Lang  `json:"lang"`
	StartedAt         string          `json:"started_at,omitempty"`
	CompletedAt       string          `json:"completed_at,omitempty"`
	Clinic            string          `json:"clinic,omitempty"`
	Patient           *Patient        `json:"patient,omitempty"`
	Answers           map[string]any  `json:"answers"`
	Findings          []JSONFinding   `json:"findings"`
	Notices           []JSONNotice    `json:"notices"`
	RuleSet           JSONRuleSet     `json:"ruleset"`
}

// JSONFinding is one finding.
type JSONFinding struct {
	Question          string          `json:"question"`
	QuestionText      string          `json:"question_text"`
	Section           string          `json:"section"`
	Answer            any             `json:"answer"`
	AnswerText        string          `json:"answer_text"`
	Class             screening.Class `json:"class"`
	NeedsConfirmation bool            `json:"needs_confirmation"`
	Reason            string          `json:"reason"`
	Sources           []string        `json:"sources"`
	Texts             *JSONTexts      `json:"texts,omitempty"`
}

// JSONTexts are a finding's texts in every language the rule set declares, each keyed by BCP
// 47 tag (as content writes a text): what the patient read and why the answer was placed, for
// a reader of any of the languages. Written when Meta.Texts is set.
type JSONTexts struct {
	QuestionText map[screening.Lang]string `json:"question_text"`
	AnswerText   map[screening.Lang]string `json:"answer_text"`
	Reason       map[screening.Lang]string `json:"reason"`
}

// byLang gives text(l) for each declared language of rs.
func byLang(rs *screening.RuleSet, text func(screening.Lang) string) map[screening.Lang]string {
	out := make(map[screening.Lang]string, len(rs.Languages))
	for _, l := range rs.Languages {
		out[l.Tag] = text(l.Tag)
	}
	return out
}

// JSONNotice is one notice printed with every result.
type JSONNotice struct {
	ID      string   `json:"id"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// JSONRuleSet identifies the rule set that placed the answers.
type JSONRuleSet struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
	Name    string `json:"name"`
}

// NewJSONResult builds the JSON form of res.
func NewJSONResult(res *screening.Result, m Meta) *JSONResult {
	rs := res.RuleSet
	out := &JSONResult{
		Format:            formatVersion,
		ID:                m.ID,
		Line:              m.Line,
		Clinic:            m.Clinic,
		Verdict:           res.Verdict,
		VerdictLabel:      res.Verdict.Label().In(m.Lang),
		NeedsConfirmation: res.NeedsConfirmation(),
		Lang:              m.Lang,
		StartedAt:         timestamp(m.Started),
		CompletedAt:       timestamp(m.Time),
		Answers:           make(map[string]any, len(res.Findings)),
		Findings:          make([]JSONFinding, len(res.Findings)),
		Notices:           make([]JSONNotice, len(rs.Notices)),
		RuleSet:           JSONRuleSet{ID: rs.ID, Version: rs.Version, SHA256: rs.SHA256, Name: rs.Name.In(m.Lang)},
	}
	if m.Patient != nil && !m.Patient.IsZero() {
		p := *m.Patient
		out.Patient = &p
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		ans := answerJSON(f.Question, *f.Answer)
		if f.Answer.Set {
			out.Answers[f.Question.ID] = ans
		}
		out.Findings[i] = JSONFinding{
			Question:          f.Question.ID,
			QuestionText:      f.Question.Text.In(m.Lang),
			Section:           f.Question.Section.ID,
			Answer:            ans,
			AnswerText:        AnswerText(f.Question, *f.Answer, m.Lang),
			Class:             f.Class,
			NeedsConfirmation: f.NeedsConfirmation,
			Reason:            f.Reason(m.Lang),
			Sources:           f.SourceKeys(),
		}
		if m.Texts {
			out.Findings[i].Texts = &JSONTexts{
				QuestionText: byLang(rs, f.Question.Text.In),
				AnswerText:   byLang(rs, func(l screening.Lang) string { return AnswerText(f.Question, *f.Answer, l) }),
				Reason:       byLang(rs, f.Reason),
			}
		}
	}
	for i, n := range rs.Notices {
		out.Notices[i] = JSONNotice{ID: n.ID, Text: n.Text.In(m.Lang), Sources: sourceKeys(n.Sources)}
	}
	return out
}

// WriteJSON writes res as one line of JSON (the same bytes as json.Marshal of NewJSONResult,
// rendered without reflection: the rule set's texts are encoded once per language).
func WriteJSON(w io.Writer, res *screening.Result, m Meta) error {
	bp := bufPool.Get().(*[]byte)
	b := AppendJSON((*bp)[:0], res, m)
	b = append(b, '\n')
	_, err := w.Write(b)
	*bp = b[:0]
	if cap(b) <= 1<<20 {
		bufPool.Put(bp)
	}
	return err
}

// AppendJSON appends the JSON of res to b, without a newline (see WriteJSON).
func AppendJSON(b []byte, res *screening.Result, m Meta) []byte {
	rs := res.RuleSet
	c := jsonCacheFor(rs, m.Lang)
	b = append(b, `{"format":`...)
	b = appendGoString(b, formatVersion)
	if m.ID != "" {
		b = append(b, `,"id":`...)
		b = appendGoString(b, m.ID)
	}
	if m.Line != 0 {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(m.Line), 10)
	}
	if v := res.Verdict; v >= screening.None && v <= screening.Absolute {
		b = append(b, c.verdict[v]...)
	} else {
		b = append(b, `,"verdict":`...)
		b = appendGoString(b, v.String())
		b = append(b, `,"verdict_label":`...)
		b = appendGoString(b, v.Label().In(m.Lang))
	}
	b = append(b, `,"needs_confirmation":`...)
	b = strconv.AppendInt(b, int64(res.NeedsConfirmation()), 10)
	b = append(b, `,"lang":`...)
	b = appendGoString(b, string(m.Lang))
	if s := timestamp(m.Started); s != "" {
		b = append(b, `,"started_at":`...)
		b = appendGoString(b, s)
	}
	if s := timestamp(m.Time); s != "" {
		b = append(b, `,"completed_at":`...)
		b = appendGoString(b, s)
	}
	if m.Clinic != "" {
		b = append(b, `,"clinic":`...)
		b = appendGoString(b, m.Clinic)
	}
	if p := m.Patient; p != nil && !p.IsZero() {
		b = append(b, `,"patient":{`...)
		sep := ""
		for _, kv := range [3][2]string{{"reception_number", p.ReceptionNumber}, {"name", p.Name}, {"date_of_birth", p.DateOfBirth}} {
			if kv[1] != "" {
				b = append(b, sep...)
				b = appendGoString(b, kv[0])
				b = append(b, ':')
				b = appendGoString(b, kv[1])
				sep = ","
			}
		}
		b = append(b, '}')
	}
	// answers: the set answers keyed by question id, in key order as json.Marshal sorts a map.
	b = append(b, `,"answers":{`...)
	var byIndexArr [64]*screening.Finding
	var byIndex []*screening.Finding
	if len(rs.Questions) <= len(byIndexArr) {
		byIndex = byIndexArr[:len(rs.Questions)]
	} else {
		byIndex = make([]*screening.Finding, len(rs.Questions))
	}
	for i := range res.Findings {
		byIndex[res.Findings[i].Question.Index] = &res.Findings[i]
	}
	sep := false
	for _, qi := range c.sorted {
		f := byIndex[qi]
		if f == nil || !f.Answer.Set {
			continue
		}
		if sep {
			b = append(b, ',')
		}
		sep = true
		b = appendGoString(b, f.Question.ID)
		b = append(b, ':')
		b = appendAnswerJSON(b, f.Question, *f.Answer)
	}
	b = append(b, `},"findings":[`...)
	for i := range res.Findings {
		f := &res.Findings[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, c.findingHead[f.Question.Index]...)
		o := f.Question.Option(f.Answer.Code)
		isOption := f.Question.Kind == screening.Single && f.Answer.Set && o != nil
		if isOption {
			b = append(b, c.option[o]...)
		} else {
			b = appendAnswerJSON(b, f.Question, *f.Answer)
			b = append(b, `,"answer_text":`...)
			b = appendGoString(b, AnswerText(f.Question, *f.Answer, m.Lang))
		}
		b = append(b, c.findingTail[f.Rule]...)
		if m.Texts {
			t := textsCacheFor(rs)
			b = append(b, t.question[f.Question.Index]...)
			if isOption {
				b = append(b, t.option[o]...)
			} else {
				b = appendLangObject(b, t.tags, func(l screening.Lang) string { return AnswerText(f.Question, *f.Answer, l) })
			}
			b = append(b, t.reason[f.Rule]...)
		}
		b = append(b, '}')
	}
	return append(b, c.tail...)
}

// jsonCache holds the rule set's parts of the JSON result in one language.
type jsonCache struct {
	verdict     [3]string
	sorted      []int                        // question indexes in id order
	findingHead []string                     // by question index: up to "answer":
	option      map[*screening.Option]string // answer and answer_text of a single answer
	findingTail map[*screening.Rule]string   // class to sources, without the closing brace
	tail        string                       // notices and rule set
}

var jsonCaches = map[cacheKey]*jsonCache{}

func jsonCacheFor(rs *screening.RuleSet, lang screening.Lang) *jsonCache {
	return cached(jsonCaches, cacheKey{rs: rs, lang: lang}, func() *jsonCache { return newJSONCache(rs, lang) })
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func newJSONCache(rs *screening.RuleSet, lang screening.Lang) *jsonCache {
	c := &jsonCache{option: map[*screening.Option]string{}, findingTail: map[*screening.Rule]string{}}
	for v := screening.None; v <= screening.Absolute; v++ {
		c.verdict[v] = `,"verdict":` + mustJSON(v) + `,"verdict_label":` + mustJSON(v.Label().In(lang))
	}
	c.sorted = make([]int, len(rs.Questions))
	for i := range c.sorted {
		c.sorted[i] = i
	}
	slices.SortFunc(c.sorted, func(a, b int) int { return strings.Compare(rs.Questions[a].ID, rs.Questions[b].ID) })
	c.findingHead = make([]string, len(rs.Questions))
	for i, q := range rs.Questions {
		c.findingHead[i] = `{"question":` + mustJSON(q.ID) + `,"question_text":` + mustJSON(q.Text.In(lang)) +
			`,"section":` + mustJSON(q.Section.ID) + `,"answer":`
		for _, o := range q.Options {
			v := screening.CodeValue(o.Code)
			c.option[o] = mustJSON(answerJSON(q, v)) + `,"answer_text":` + mustJSON(AnswerText(q, v, lang))
		}
		for _, r := range q.Rules {
			c.findingTail[r] = `,"class":` + mustJSON(r.Class) + `,"needs_confirmation":` + mustJSON(r.NeedsConfirmation) +
				`,"reason":` + mustJSON(r.Reason.In(lang)) + `,"sources":` + mustJSON(r.SourceKeys)
		}
	}
	notices := make([]JSONNotice, len(rs.Notices))
	for i, n := range rs.Notices {
		notices[i] = JSONNotice{ID: n.ID, Text: n.Text.In(lang), Sources: sourceKeys(n.Sources)}
	}
	c.tail = `],"notices":` + mustJSON(notices) + `,"ruleset":` +
		mustJSON(JSONRuleSet{ID: rs.ID, Version: rs.Version, SHA256: rs.SHA256, Name: rs.Name.In(lang)}) + `}`
	return c
}

// textsCache holds the parts of the findings' texts objects (Meta.Texts), the same in every
// language of the result.
type textsCache struct {
	question []string                     // by question index: ,"texts":{"question_text":{…},"answer_text":
	option   map[*screening.Option]string // a single answer's answer_text object
	reason   map[*screening.Rule]string   // ,"reason":{…}} closing the texts object
	tags     []screening.Lang             // the declared languages, sorted as json.Marshal sorts map keys
}

var textsCaches = map[cacheKey]*textsCache{}

func textsCacheFor(rs *screening.RuleSet) *textsCache {
	return cached(textsCaches, cacheKey{rs: rs}, func() *textsCache { return newTextsCache(rs) })
}

func newTextsCache(rs *screening.RuleSet) *textsCache {
	c := &textsCache{question: make([]string, len(rs.Questions)), option: map[*screening.Option]string{}, reason: map[*screening.Rule]string{}}
	for _, l := range rs.Languages {
		c.tags = append(c.tags, l.Tag)
	}
	slices.Sort(c.tags)
	for i, q := range rs.Questions {
		c.question[i] = `,"texts":{"question_text":` + mustJSON(byLang(rs, q.Text.In)) + `,"answer_text":`
		for _, o := range q.Options {
			v := screening.CodeValue(o.Code)
			c.option[o] = mustJSON(byLang(rs, func(l screening.Lang) string { return AnswerText(q, v, l) }))
		}
		for _, r := range q.Rules {
			c.reason[r] = `,"reason":` + mustJSON(byLang(rs, r.Reason.In)) + `}`
		}
	}
	return c
}

// appendLangObject appends the JSON object of text in each language of tags (sorted as
// json.Marshal sorts a map's keys), keyed by tag.
func appendLangObject(b []byte, tags []screening.Lang, text func(screening.Lang) string) []byte {
	b = append(b, '{')
	for i, l := range tags {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendGoString(b, string(l))
		b = append(b, ':')
		b = appendGoString(b, text(l))
	}
	return append(b, '}')
}

// appendAnswerJSON appends answerJSON(q, v) as json.Marshal writes it.
func appendAnswerJSON(b []byte, q *screening.Question, v screening.Value) []byte {
	switch {
	case !v.Set:
		return append(b, "null"...)
	case q.Kind == screening.Single:
		return appendGoString(b, v.Code)
	case q.Kind == screening.Multi:
		if v.Codes == nil {
			return append(b, "[]"...)
		}
		b = append(b, '[')
		for i, code := range v.Codes {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendGoString(b, code)
		}
		return append(b, ']')
	case q.Kind == screening.Integer && v.Unsure:
		return appendGoString(b, screening.UnsureCode)
	case q.Kind == screening.Integer:
		return strconv.AppendInt(b, int64(v.Int), 10)
	}
	return appendGoString(b, v.Text)
}

// appendGoString appends s as encoding/json writes a string (with its HTML escaping); plain
// text is copied, anything else goes through encoding/json itself.
func appendGoString(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		return append(b, mustJSON(s)...)
	}
	for i := 0; i < len(s); i++ {
		// 0xe2 starts U+2028 and U+2029, which encoding/json escapes.
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == 0xe2 {
			return append(b, mustJSON(s)...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// answerJSON is an answer as the answers file writes it: a code, an array of codes, a number,
// "unsure", a string, or null for no answer.
func answerJSON(q *screening.Question, v screening.Value) any {
	switch {
	case !v.Set:
		return nil
	case q.Kind == screening.Single:
		return v.Code
	case q.Kind == screening.Multi:
		if v.Codes == nil {
			return []string{}
		}
		return v.Codes
	case q.Kind == screening.Integer && v.Unsure:
		return screening.UnsureCode
	case q.Kind == screening.Integer:
		return v.Int
	}
	return v.Text
}

func timestamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func sourceKeys(ss []*screening.Source) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Key
	}
	return out
}
