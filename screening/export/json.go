// Package export renders screening results for people and for other programs: the printable
// text summary, the JSON result and (in its own files) FHIR. Every output of exoscreen (the
// evaluate command, the TUI's saved summary, the kiosk outbox) goes through this package, so
// a result reads the same wherever it is printed.
package export

import (
	"encoding/json"
	"io"
	"time"

	"github.com/exoscreen/exoscreen/screening"
)

// FormatVersion names the layout of the JSON result; it changes only when a field changes
// meaning or is removed.
const FormatVersion = "exoscreen-result/1"

// Meta is what a result is rendered with besides the result itself.
type Meta struct {
	Lang    screening.Lang
	Time    time.Time          // when the screening was completed; zero leaves it out
	Started time.Time          // when it began; zero leaves it out
	Patient *screening.Patient // nil or zero: no details
	Clinic  string             // clinic name for the printed summary; may be empty
	Line    int                // the record's line in a batch input; 0 leaves it out
	// ID identifies the screening (a UUID, see NewID); the FHIR resources' ids derive from
	// it. Empty: the JSON result has no id and WriteFHIR makes a random one.
	ID string
	// FHIRBase is the base of the canonical URLs in FHIR output (see Canonicals); empty
	// gives urn:uuid URLs derived from the rule set id.
	FHIRBase string
}

// JSONResult is the JSON form of a result. The fields of interfaces.md (verdict, findings with
// question, answer, class, needs_confirmation, reason, sources; ruleset id, version, sha256)
// are pinned; the rest is added for clinic systems.
type JSONResult struct {
	Format            string             `json:"format"`
	ID                string             `json:"id,omitempty"`
	Line              int                `json:"line,omitempty"`
	Verdict           screening.Class    `json:"verdict"`
	VerdictLabel      string             `json:"verdict_label"`
	NeedsConfirmation int                `json:"needs_confirmation"`
	Lang              screening.Lang     `json:"lang"`
	StartedAt         string             `json:"started_at,omitempty"`
	CompletedAt       string             `json:"completed_at,omitempty"`
	Clinic            string             `json:"clinic,omitempty"`
	Patient           *screening.Patient `json:"patient,omitempty"`
	Answers           map[string]any     `json:"answers"`
	Findings          []JSONFinding      `json:"findings"`
	Notices           []JSONNotice       `json:"notices"`
	RuleSet           JSONRuleSet        `json:"ruleset"`
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
		Format:            FormatVersion,
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
		ans := AnswerJSON(f.Question, f.Answer)
		if f.Answer.Set {
			out.Answers[f.Question.ID] = ans
		}
		out.Findings[i] = JSONFinding{
			Question:          f.Question.ID,
			QuestionText:      f.Question.Text.In(m.Lang),
			Section:           f.Question.Section.ID,
			Answer:            ans,
			AnswerText:        AnswerText(f.Question, f.Answer, m.Lang),
			Class:             f.Class,
			NeedsConfirmation: f.NeedsConfirmation,
			Reason:            f.Reason(m.Lang),
			Sources:           f.SourceKeys(),
		}
	}
	for i, n := range rs.Notices {
		out.Notices[i] = JSONNotice{ID: n.ID, Text: n.Text.In(m.Lang), Sources: sourceKeys(n.Sources)}
	}
	return out
}

// WriteJSON writes res as one line of JSON.
func WriteJSON(w io.Writer, res *screening.Result, m Meta) error {
	b, err := json.Marshal(NewJSONResult(res, m))
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// AnswerJSON is an answer as the answers file writes it: a code, an array of codes, a number,
// "unsure", a string, or null for no answer.
func AnswerJSON(q *screening.Question, v screening.Value) any {
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
