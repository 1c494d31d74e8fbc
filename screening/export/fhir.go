package export

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/exoscreen/exoscreen/screening"
)

// FHIR R4 output. The mapping (see README.md, "Exports: text, JSON and FHIR"):
//
//   - The rule set is a Questionnaire: one group item per section (linkId "section.<id>"),
//     one item per question (linkId = question id), answer options as Codings in the rule
//     set's answer code system, shown_when as enableWhen / enableBehavior, help as a nested
//     display item, texts in the chosen language with the other one in the standard
//     translation extension.
//   - A result is a Bundle (type collection) of a QuestionnaireResponse (the answers, one
//     item per shown question), a RiskAssessment (the verdict and one prediction per finding,
//     qualitativeRisk coded absolute / relative / none, rationale = the reason) and the
//     Patient it is about.
//   - "Not sure" to an integer question is an answer whose valueInteger is absent and carries
//     the data-absent-reason extension with code asked-unknown.

// Standard FHIR URLs used in the output.
const (
	fhirTranslation     = "http://hl7.org/fhir/StructureDefinition/translation"
	fhirDataAbsent      = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
	fhirMinValue        = "http://hl7.org/fhir/StructureDefinition/minValue"
	fhirMaxValue        = "http://hl7.org/fhir/StructureDefinition/maxValue"
	fhirUnit            = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
	fhirItemControl     = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
	fhirItemControlCS   = "http://hl7.org/fhir/questionnaire-item-control"
	fhirIssueType       = "http://hl7.org/fhir/issue-type"
	askedUnknown        = "asked-unknown"
	sectionLinkIDPrefix = "section."
	helpLinkIDSuffix    = ".help"
)

// canonicals are the URLs exoscreen's FHIR output uses for its own artefacts. With a base
// (a clinic's FHIR address, e.g. https://fhir.clinic.example.jp/fhir) they are readable URLs
// under it; without one they are urn:uuid URLs derived from the rule set id (name-based
// UUIDs, so the same rule set id always gives the same URLs).
type canonicals struct {
	Questionnaire string // Questionnaire.url of the rule set
	Answers       string // code system of the rule set's answer codes (option codes)
	Questions     string // code system of the rule set's question ids (RiskAssessment outcomes)
	Class         string // code system of the classes absolute / relative / none
	Exoscreen     string // code system of exoscreen's own codes (verdict, the screening method)
	// Extensions.
	NeedsConfirmation string // valueBoolean on a prediction: the finding is flagged 要確認
	Source            string // valueString on a prediction: a source key behind the finding
	AllowUnsure       string // valueBoolean on an integer item: "not sure" is allowed
	RuleSet           string // complex extension on the RiskAssessment: id, version, sha256
}

// newCanonicals returns the canonical URLs for rule set id under base (empty: urn:uuid).
func newCanonicals(base, id string) canonicals {
	base = strings.TrimRight(base, "/")
	if base == "" {
		u := func(name string) string { return "urn:uuid:" + NameID(idNamespace, name) }
		return canonicals{
			Questionnaire:     u("Questionnaire/" + id),
			Answers:           u("CodeSystem/" + id + "-answers"),
			Questions:         u("CodeSystem/" + id + "-questions"),
			Class:             u("CodeSystem/exoscreen-class"),
			Exoscreen:         u("CodeSystem/exoscreen"),
			NeedsConfirmation: u("StructureDefinition/exoscreen-needs-confirmation"),
			Source:            u("StructureDefinition/exoscreen-source"),
			AllowUnsure:       u("StructureDefinition/exoscreen-allow-unsure"),
			RuleSet:           u("StructureDefinition/exoscreen-ruleset"),
		}
	}
	return canonicals{
		Questionnaire:     base + "/Questionnaire/" + id,
		Answers:           base + "/CodeSystem/" + id + "-answers",
		Questions:         base + "/CodeSystem/" + id + "-questions",
		Class:             base + "/CodeSystem/exoscreen-class",
		Exoscreen:         base + "/CodeSystem/exoscreen",
		NeedsConfirmation: base + "/StructureDefinition/exoscreen-needs-confirmation",
		Source:            base + "/StructureDefinition/exoscreen-source",
		AllowUnsure:       base + "/StructureDefinition/exoscreen-allow-unsure",
		RuleSet:           base + "/StructureDefinition/exoscreen-ruleset",
	}
}

// CheckFHIRBase reports whether base can serve as the base of canonical URLs: an absolute
// http or https URL without spaces, query or fragment.
func CheckFHIRBase(base string) error {
	if base == "" {
		return nil
	}
	rest, ok := strings.CutPrefix(base, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(base, "http://")
	}
	if !ok || strings.ContainsAny(base, " \t\r\n?#|") || strings.HasPrefix(rest, "/") || strings.Trim(rest, "/") == "" {
		return &baseError{base}
	}
	return nil
}

type baseError struct{ base string }

func (e *baseError) Error() string {
	return "FHIR base " + strconv.Quote(e.base) + " is not an absolute http(s) URL without query or fragment"
}

// declared returns lang if rs declares it, else the clinic's language.
func declared(rs *screening.RuleSet, lang screening.Lang) screening.Lang {
	if _, ok := rs.Language(lang); ok {
		return lang
	}
	return rs.Clinic()
}

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD; control
// characters and the line separators U+2028 / U+2029 are escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, "\ufffd"...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// fhirString makes s fit a FHIR string: FHIR strings may not hold control characters other
// than tab, CR and LF, and should not be empty.
func fhirString(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(Sanitize(s))
}

// jw is a small JSON writer: it appends keys and values, keeping track of commas.
type jw struct {
	b     []byte
	comma bool
}

func (w *jw) key(k string) {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
	w.comma = false
}

func (w *jw) open(c byte) {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.b = append(w.b, c)
	w.comma = false
}

func (w *jw) close(c byte) {
	w.b = append(w.b, c)
	w.comma = true
}

func (w *jw) str(s string) {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.b = appendJSONString(w.b, s)
	w.comma = true
}

func (w *jw) raw(s string) {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.b = append(w.b, s...)
	w.comma = true
}

func (w *jw) int(n int) {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.b = strconv.AppendInt(w.b, int64(n), 10)
	w.comma = true
}

func (w *jw) bool(v bool) {
	if v {
		w.raw("true")
	} else {
		w.raw("false")
	}
}

// rawString writes s, which needs no escaping, as a JSON string.
func (w *jw) rawString(s []byte) {
	if w.comma {
		w.b = append(w.b, ',')
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, s...)
	w.b = append(w.b, '"')
	w.comma = true
}

// fields appends a fragment of object fields rendered by fieldsOf (it starts with a comma).
func (w *jw) fields(s string) {
	if !w.comma {
		s = s[1:]
	}
	w.b = append(w.b, s...)
	w.comma = true
}

// kv writes "k": "v".
func (w *jw) kv(k, v string) { w.key(k); w.str(v) }

// obj opens an object under key k ("" inside an array).
func (w *jw) obj(k string) {
	if k != "" {
		w.key(k)
	}
	w.open('{')
}

// arr opens an array under key k.
func (w *jw) arr(k string) {
	w.key(k)
	w.open('[')
}

func (w *jw) end()    { w.close('}') }
func (w *jw) endArr() { w.close(']') }

// translated writes "k": text in lang, with every other language of the text in a
// translation extension on "_k" (one each, in the order ja, en, zh-Hans, zh-Hant, ko, others).
func (w *jw) translated(k string, t screening.Text, lang screening.Lang) {
	w.kv(k, fhirString(t.In(lang)))
	opened := false
	for _, o := range t.Tags() {
		tr := fhirString(t[o])
		if o == lang || tr == "" {
			continue
		}
		if !opened {
			w.obj("_" + k)
			w.arr("extension")
			opened = true
		}
		w.obj("")
		w.kv("url", fhirTranslation)
		w.arr("extension")
		w.obj("")
		w.kv("url", "lang")
		w.kv("valueCode", string(o))
		w.end()
		w.obj("")
		w.kv("url", "content")
		w.kv("valueString", tr)
		w.end()
		w.endArr()
		w.end()
	}
	if opened {
		w.endArr()
		w.end()
	}
}

// coding writes a Coding object (under key k, or in an array with k == "").
func (w *jw) coding(k, system, code, display string) {
	w.obj(k)
	w.kv("system", system)
	w.kv("code", code)
	if display != "" {
		w.kv("display", display)
	}
	w.end()
}
