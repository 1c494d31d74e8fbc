package export

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/exoscreen/exoscreen/screening"
)

// QuestionnaireError is a rule set that cannot be written as a FHIR R4 Questionnaire without
// changing its meaning.
type QuestionnaireError struct {
	Question string
	Detail   string
}

func (e *QuestionnaireError) Error() string {
	return "question " + e.Question + ": " + e.Detail
}

// AppendQuestionnaire appends rs to b as a FHIR R4 Questionnaire (JSON, one line) in lang,
// with the other language in translation extensions, canonical URLs from base (see
// newCanonicals) and version = the rule set version.
func AppendQuestionnaire(b []byte, rs *screening.RuleSet, lang screening.Lang, base string) ([]byte, error) {
	lang = declared(rs, lang)
	c := newCanonicals(base, rs.ID)
	w := &jw{b: b}
	w.obj("")
	w.kv("resourceType", "Questionnaire")
	w.kv("id", rs.ID)
	w.kv("language", string(lang))
	w.kv("url", c.Questionnaire)
	w.arr("identifier")
	w.obj("")
	w.kv("system", "urn:ietf:rfc:3986")
	w.kv("value", c.Questionnaire)
	w.end()
	w.endArr()
	w.kv("version", rs.Version)
	w.kv("name", fhirName(rs.ID))
	w.translated("title", rs.Name, lang)
	w.kv("status", "active")
	w.arr("subjectType")
	w.str("Patient")
	w.endArr()
	w.kv("publisher", "exoscreen")
	w.translated("description", rs.Disclaimer, lang)
	w.arr("item")
	for _, sec := range rs.Sections {
		w.obj("")
		w.kv("linkId", sectionLinkIDPrefix+sec.ID)
		w.translated("text", sec.Title, lang)
		w.kv("type", "group")
		w.arr("item")
		for _, q := range sec.Questions {
			if err := questionItem(w, q, lang, c); err != nil {
				return nil, err
			}
		}
		w.endArr()
		w.end()
	}
	w.endArr()
	w.end()
	return w.b, nil
}

func questionItem(w *jw, q *screening.Question, lang screening.Lang, c canonicals) error {
	w.obj("")
	switch q.Kind {
	case screening.Integer:
		var ext []func()
		ext = append(ext, func() {
			w.obj("")
			w.kv("url", fhirMinValue)
			w.key("valueInteger")
			w.int(q.Min)
			w.end()
		}, func() {
			w.obj("")
			w.kv("url", fhirMaxValue)
			w.key("valueInteger")
			w.int(q.Max)
			w.end()
		})
		if !q.Unit.IsZero() {
			ext = append(ext, func() {
				w.obj("")
				w.kv("url", fhirUnit)
				w.obj("valueCoding")
				w.translated("display", q.Unit, lang)
				w.end()
				w.end()
			})
		}
		if q.AllowUnsure {
			ext = append(ext, func() {
				w.obj("")
				w.kv("url", c.AllowUnsure)
				w.key("valueBoolean")
				w.bool(true)
				w.end()
			})
		}
		w.arr("extension")
		for _, f := range ext {
			f()
		}
		w.endArr()
	}
	w.kv("linkId", q.ID)
	// The question's code is the outcome code of its RiskAssessment prediction.
	w.arr("code")
	w.coding("", c.Questions, q.ID, "")
	w.endArr()
	w.translated("text", q.Text, lang)
	switch q.Kind {
	case screening.Single:
		w.kv("type", "choice")
	case screening.Multi:
		w.kv("type", "choice")
	case screening.Integer:
		w.kv("type", "integer")
	default:
		w.kv("type", "text")
	}
	if q.ShownWhen != nil {
		w.arr("enableWhen")
		for _, it := range q.ShownWhen.Items {
			if err := enableWhen(w, q, it, c); err != nil {
				return err
			}
		}
		w.endArr()
		w.kv("enableBehavior", string(q.ShownWhen.Behavior))
	}
	w.key("required")
	w.bool(!q.Optional)
	if q.Kind == screening.Multi {
		w.key("repeats")
		w.bool(true)
	}
	if q.Kind == screening.Free {
		w.key("maxLength")
		w.int(screening.MaxTextRunes)
	}
	if len(q.Options) > 0 {
		w.arr("answerOption")
		for _, o := range q.Options {
			w.obj("")
			w.obj("valueCoding")
			w.kv("system", c.Answers)
			w.kv("code", o.Code)
			w.translated("display", o.Text, lang)
			w.end()
			w.end()
		}
		w.endArr()
	}
	if !q.Help.IsZero() {
		w.arr("item")
		w.obj("")
		w.arr("extension")
		w.obj("")
		w.kv("url", fhirItemControl)
		w.obj("valueCodeableConcept")
		w.arr("coding")
		w.coding("", fhirItemControlCS, "help", "Help-Button")
		w.endArr()
		w.end()
		w.end()
		w.endArr()
		w.kv("linkId", q.ID+helpLinkIDSuffix)
		w.translated("text", q.Help, lang)
		w.kv("type", "display")
		w.end()
		w.endArr()
	}
	w.end()
	return nil
}

// enableWhen writes one condition item. Conditions on an integer question that allows
// "not sure" can be written only where they mean the same in FHIR, where "not sure" is an
// answer without a value: exists, and the ordering operators (false for "not sure" in both).
func enableWhen(w *jw, q *screening.Question, it screening.ConditionItem, c canonicals) error {
	w.obj("")
	w.kv("question", it.Question.ID)
	w.kv("operator", string(it.Operator))
	switch {
	case it.Operator == screening.OpExists:
		w.key("answerBoolean")
		w.bool(it.Exists)
	case it.Question.Kind == screening.Integer:
		if it.Unsure || (it.Question.AllowUnsure && (it.Operator == screening.OpNe)) {
			return &QuestionnaireError{Question: q.ID, Detail: fmt.Sprintf(
				"its condition %q cannot be written in FHIR R4 (\"not sure\" to %s is an answer without a value there); use exists, =, <, <=, > or >=",
				it.Question.ID+" "+string(it.Operator)+" "+condValue(it), it.Question.ID)}
		}
		w.key("answerInteger")
		w.int(it.Int)
	default:
		w.coding("answerCoding", c.Answers, it.Code, "")
	}
	w.end()
	return nil
}

func condValue(it screening.ConditionItem) string {
	if it.Unsure {
		return screening.UnsureCode
	}
	return fmt.Sprint(it.Int)
}

// fhirName turns a rule set id into a Questionnaire.name: a capital letter, then letters,
// digits and underscores (exoscreen-default gives ExoscreenDefault).
func fhirName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		switch {
		case r == '-' || r == '_':
			up = true
		case up:
			b.WriteRune(unicode.ToUpper(r))
			up = false
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	if s == "" || !unicode.IsUpper(rune(s[0])) {
		s = "Q" + s
	}
	return s
}
