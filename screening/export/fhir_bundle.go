package export

import (
	"io"
	"time"

	"github.com/exoscreen/exoscreen/screening"
)

// WriteFHIR writes res as a FHIR R4 Bundle (type collection, one line of JSON and a newline)
// holding the QuestionnaireResponse, a RiskAssessment with the verdict and one prediction per
// finding, and the Patient. Resource ids derive from m.ID (a random one when empty); the
// canonical URLs from m.FHIRBase (see newCanonicals).
func WriteFHIR(w io.Writer, res *screening.Result, m Meta) error {
	bp := bufPool.Get().(*[]byte)
	b := AppendFHIR((*bp)[:0], res, m)
	b = append(b, '\n')
	_, err := w.Write(b)
	*bp = b[:0]
	if cap(b) <= 1<<20 {
		bufPool.Put(bp)
	}
	return err
}

// fhirIDs are the ids of the resources of one result's Bundle.
type fhirIDs struct {
	Bundle, QuestionnaireResponse, RiskAssessment, Patient string
}

// newFHIRIDs derives the resource ids of a screening's Bundle from its id.
func newFHIRIDs(id string) fhirIDs {
	return fhirIDs{
		Bundle:                id,
		QuestionnaireResponse: NameID(id, "QuestionnaireResponse"),
		RiskAssessment:        NameID(id, "RiskAssessment"),
		Patient:               NameID(id, "Patient"),
	}
}

// AppendFHIR appends the Bundle of res to b (see WriteFHIR), without a newline.
func AppendFHIR(b []byte, res *screening.Result, m Meta) []byte {
	rs := res.RuleSet
	lang := declared(rs, m.Lang)
	c := fhirCacheFor(rs, lang, m.FHIRBase, m.Texts)
	tw := wordsFor(lang)
	id := m.ID
	if id == "" {
		id = NewID()
	}
	ids := newFHIRIDs(id)
	t := m.Time
	if t.IsZero() {
		t = time.Now().Truncate(time.Second)
	}
	var tsb [40]byte
	ts := t.AppendFormat(tsb[:0], time.RFC3339)

	w := &jw{b: b}
	w.obj("")
	w.kv("resourceType", "Bundle")
	w.kv("id", ids.Bundle)
	w.obj("identifier")
	w.kv("system", "urn:ietf:rfc:3986")
	w.kv("value", "urn:uuid:"+ids.Bundle)
	w.end()
	w.kv("type", "collection")
	w.key("timestamp")
	w.rawString(ts)
	w.arr("entry")

	// QuestionnaireResponse.
	w.entry("QuestionnaireResponse", ids.QuestionnaireResponse)
	w.fields(c.qrFields)
	w.subject(ids.Patient, "authored", ts)
	w.arr("item")
	fi := 0
	for si, sec := range rs.Sections {
		// The findings are in questionnaire order, so a section's are consecutive.
		start := fi
		for fi < len(res.Findings) && res.Findings[fi].Question.Section == sec {
			fi++
		}
		if fi == start {
			continue
		}
		w.obj("")
		w.fields(c.sectionHead[si])
		w.arr("item")
		for i := start; i < fi; i++ {
			f := &res.Findings[i]
			if o := f.Question.Option(f.Answer.Code); f.Question.Kind == screening.Single && f.Answer.Set && o != nil {
				w.raw(c.optionItem[o])
				continue
			}
			responseItem(w, f, lang, c.canon, m.Texts)
		}
		w.endArr()
		w.end()
	}
	w.endArr()
	w.end()
	w.end()

	// RiskAssessment.
	w.entry("RiskAssessment", ids.RiskAssessment)
	w.fields(c.raFields)
	w.subject(ids.Patient, "occurrenceDateTime", ts)
	w.arr("basis")
	w.obj("")
	w.kv("reference", "urn:uuid:"+ids.QuestionnaireResponse)
	w.end()
	w.endArr()
	w.arr("prediction")
	if v := res.Verdict; v >= screening.None && v <= screening.Absolute {
		w.raw(c.verdict[v])
	}
	for i := range res.Findings {
		w.raw(c.prediction[res.Findings[i].Rule])
	}
	w.endArr()
	w.fields(c.raNote)
	w.end()
	w.end()

	// Patient.
	w.entry("Patient", ids.Patient)
	if p := m.Patient; p != nil {
		if s := fhirString(p.ReceptionNumber); s != "" {
			w.arr("identifier")
			w.obj("")
			w.obj("type")
			w.kv("text", tw.reception)
			w.end()
			w.kv("value", s)
			w.end()
			w.endArr()
		}
		if s := fhirString(p.Name); s != "" {
			w.arr("name")
			w.obj("")
			w.kv("text", s)
			w.end()
			w.endArr()
		}
		if fhirDate(p.DateOfBirth) {
			w.kv("birthDate", p.DateOfBirth)
		}
	}
	w.end()
	w.end()

	w.endArr()
	w.end()
	return w.b
}

// fhirCache holds the JSON of a Bundle that depends only on the rule set, the language and
// the canonical base, rendered once.
type fhirCache struct {
	canon       canonicals
	qrFields    string // language, questionnaire, status
	sectionHead []string
	optionItem  map[*screening.Option]string // the response item of a single answer
	raFields    string                       // language, extension, status, method
	verdict     [3]string
	prediction  map[*screening.Rule]string
	raNote      string
}

var (
	fhirCaches      = map[cacheKey]*fhirCache{}
	fhirTextsCaches = map[cacheKey]*fhirCache{} // with translations (Meta.Texts)
)

// fhirCacheFor returns the cached parts of a Bundle; with texts, the texts carry their
// translations into every other language the rule set declares.
func fhirCacheFor(rs *screening.RuleSet, lang screening.Lang, base string, texts bool) *fhirCache {
	m := fhirCaches
	if texts {
		m = fhirTextsCaches
	}
	return cached(m, cacheKey{rs: rs, lang: lang, base: base}, func() *fhirCache { return newFHIRCache(rs, lang, base, texts) })
}

// fieldsOf renders object fields written by fn as a fragment ",k:v,...".
func fieldsOf(fn func(w *jw)) string {
	w := &jw{comma: true}
	fn(w)
	return string(w.b)
}

func valueOf(fn func(w *jw)) string {
	w := &jw{}
	fn(w)
	return string(w.b)
}

func newFHIRCache(rs *screening.RuleSet, lang screening.Lang, base string, texts bool) *fhirCache {
	c := &fhirCache{
		canon:      newCanonicals(base, rs.ID),
		optionItem: map[*screening.Option]string{},
		prediction: map[*screening.Rule]string{},
	}
	cn := c.canon
	c.qrFields = fieldsOf(func(w *jw) {
		w.kv("language", string(lang))
		w.kv("questionnaire", cn.Questionnaire+"|"+rs.Version)
		w.kv("status", "completed")
	})
	for _, sec := range rs.Sections {
		c.sectionHead = append(c.sectionHead, fieldsOf(func(w *jw) {
			w.kv("linkId", sectionLinkIDPrefix+sec.ID)
			w.text("text", sec.Title, lang, texts)
		}))
	}
	for _, q := range rs.Questions {
		if q.Kind == screening.Single {
			for _, o := range q.Options {
				v := screening.CodeValue(o.Code)
				f := screening.Finding{Question: q, Answer: &v}
				c.optionItem[o] = valueOf(func(w *jw) { responseItem(w, &f, lang, cn, texts) })
			}
		}
		for _, r := range q.Rules {
			f := screening.Finding{Question: q, Class: r.Class, NeedsConfirmation: r.NeedsConfirmation, Rule: r}
			c.prediction[r] = valueOf(func(w *jw) { prediction(w, &f, lang, cn, texts) })
		}
	}
	c.raFields = fieldsOf(func(w *jw) {
		w.kv("language", string(lang))
		w.arr("extension")
		w.obj("")
		w.kv("url", cn.RuleSet)
		w.arr("extension")
		for _, kv := range [3][2]string{{"id", rs.ID}, {"version", rs.Version}, {"sha256", rs.SHA256}} {
			w.obj("")
			w.kv("url", kv[0])
			w.kv("valueString", kv[1])
			w.end()
		}
		w.endArr()
		w.end()
		w.endArr()
		w.kv("status", "final")
		w.obj("method")
		w.arr("coding")
		w.coding("", cn.Exoscreen, "screening", "exoscreen pre-treatment screening")
		w.endArr()
		w.kv("text", fhirString(rs.Name.In(lang)))
		w.end()
	})
	// inDeclared is a text of exoscreen's own in lang, and with texts in every declared language.
	inDeclared := func(in func(screening.Lang) string) screening.Text {
		t := screening.Text{lang: in(lang)}
		if texts {
			for _, l := range rs.Languages {
				t[l.Tag] = in(l.Tag)
			}
		}
		return t
	}
	display := inDeclared(screening.Text(verdictDisplay).In)
	for v := screening.None; v <= screening.Absolute; v++ {
		c.verdict[v] = valueOf(func(w *jw) {
			w.obj("")
			w.obj("outcome")
			w.arr("coding")
			w.codingText(cn.Exoscreen, "verdict", display, lang, texts)
			w.endArr()
			w.text("text", display, lang, texts)
			w.end()
			w.obj("qualitativeRisk")
			w.arr("coding")
			w.coding("", cn.Class, v.String(), v.Label().In(lang))
			w.endArr()
			w.end()
			w.text("rationale", inDeclared(func(l screening.Lang) string { return wordsFor(l).verdictMeaning[v] }), lang, texts)
			w.end()
		})
	}
	c.raNote = fieldsOf(func(w *jw) {
		w.arr("note")
		w.obj("")
		w.kv("text", fhirString(rs.Disclaimer.In(lang)))
		w.end()
		w.endArr()
	})
	return c
}

// verdictDisplay names the verdict's prediction (RiskAssessment.prediction.outcome).
var verdictDisplay = map[screening.Lang]string{
	screening.JA:     "判定",
	screening.EN:     "Screening verdict",
	screening.ZhHans: "筛查判定",
	screening.ZhHant: "篩檢判定",
	screening.KO:     "선별 판정",
}

// text writes "k": t in lang; with texts, t's other languages go in translation extensions
// on "_k" (see jw.translated).
func (w *jw) text(k string, t screening.Text, lang screening.Lang, texts bool) {
	if texts {
		w.translated(k, t, lang)
		return
	}
	w.kv(k, fhirString(t.In(lang)))
}

// codingText writes a Coding object (in an array) whose display is t in lang, with its
// translations when texts is set.
func (w *jw) codingText(system, code string, t screening.Text, lang screening.Lang, texts bool) {
	w.obj("")
	w.kv("system", system)
	w.kv("code", code)
	if fhirString(t.In(lang)) != "" {
		w.text("display", t, lang, texts)
	}
	w.end()
}

// responseItem writes one question's QuestionnaireResponse item; with texts, its question
// and answer texts carry their translations.
func responseItem(w *jw, f *screening.Finding, lang screening.Lang, c canonicals, texts bool) {
	q := f.Question
	v := *f.Answer
	w.obj("")
	w.kv("linkId", q.ID)
	w.text("text", q.Text, lang, texts)
	switch {
	case !v.Set:
	case q.Kind == screening.Single:
		w.arr("answer")
		answerCoding(w, q, v.Code, lang, c, texts)
		w.endArr()
	case q.Kind == screening.Multi:
		if len(v.Codes) > 0 {
			w.arr("answer")
			for _, code := range v.Codes {
				answerCoding(w, q, code, lang, c, texts)
			}
			w.endArr()
		}
	case q.Kind == screening.Integer && v.Unsure:
		w.arr("answer")
		w.obj("")
		w.obj("_valueInteger")
		w.arr("extension")
		w.obj("")
		w.kv("url", fhirDataAbsent)
		w.kv("valueCode", askedUnknown)
		w.end()
		w.endArr()
		w.end()
		w.end()
		w.endArr()
	case q.Kind == screening.Integer:
		w.arr("answer")
		w.obj("")
		w.key("valueInteger")
		w.int(v.Int)
		w.end()
		w.endArr()
	default:
		if s := fhirString(v.Text); s != "" {
			w.arr("answer")
			w.obj("")
			w.kv("valueString", s)
			w.end()
			w.endArr()
		}
	}
	w.end()
}

func answerCoding(w *jw, q *screening.Question, code string, lang screening.Lang, c canonicals, texts bool) {
	w.obj("")
	w.obj("valueCoding")
	w.kv("system", c.Answers)
	w.kv("code", code)
	if o := q.Option(code); o != nil && fhirString(o.Text.In(lang)) != "" {
		w.text("display", o.Text, lang, texts)
	} else if o == nil && fhirString(code) != "" {
		w.kv("display", fhirString(code))
	}
	w.end()
	w.end()
}

// prediction writes one finding as a RiskAssessment.prediction.
func prediction(w *jw, f *screening.Finding, lang screening.Lang, c canonicals, texts bool) {
	q := f.Question
	w.obj("")
	w.arr("extension")
	w.obj("")
	w.kv("url", c.NeedsConfirmation)
	w.key("valueBoolean")
	w.bool(f.NeedsConfirmation)
	w.end()
	for _, k := range f.SourceKeys() {
		w.obj("")
		w.kv("url", c.Source)
		w.kv("valueString", k)
		w.end()
	}
	w.endArr()
	w.obj("outcome")
	w.arr("coding")
	w.codingText(c.Questions, q.ID, q.Text, lang, texts)
	w.endArr()
	w.text("text", q.Text, lang, texts)
	w.end()
	w.obj("qualitativeRisk")
	w.arr("coding")
	w.coding("", c.Class, f.Class.String(), f.Class.Label().In(lang))
	w.endArr()
	w.end()
	w.text("rationale", f.Rule.Reason, lang, texts)
	w.end()
}

// fhirDate reports whether s is a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD).
func fhirDate(s string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}

// WriteFHIROutcome writes a refused record as a FHIR OperationOutcome (one line), so that a
// batch of Bundles stays aligned with its input: one issue per problem, with the question id
// in expression.
func WriteFHIROutcome(w io.Writer, problems []Problem) error {
	jwr := &jw{}
	jwr.obj("")
	jwr.kv("resourceType", "OperationOutcome")
	jwr.arr("issue")
	for _, p := range problems {
		jwr.obj("")
		jwr.kv("severity", "error")
		jwr.kv("code", "invalid")
		jwr.kv("diagnostics", fhirString(p.Message))
		if p.Question != "" {
			jwr.arr("expression")
			jwr.str(p.Question)
			jwr.endArr()
		}
		jwr.end()
	}
	jwr.endArr()
	jwr.end()
	_, err := w.Write(append(jwr.b, '\n'))
	return err
}

// Problem is one reason a record was refused.
type Problem struct {
	Question string // may be empty
	Message  string
}

// entry opens an entry of the Bundle and its resource: the entry's fullUrl and the resource's
// type and id (both objects are closed by the caller).
func (w *jw) entry(resourceType, id string) {
	w.obj("")
	w.kv("fullUrl", "urn:uuid:"+id)
	w.obj("resource")
	w.kv("resourceType", resourceType)
	w.kv("id", id)
}

// subject writes a resource's subject, a reference to the Patient entry patient, and its time
// ts under key.
func (w *jw) subject(patient, key string, ts []byte) {
	w.obj("subject")
	w.kv("reference", "urn:uuid:"+patient)
	w.end()
	w.key(key)
	w.rawString(ts)
}
