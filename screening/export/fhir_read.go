package export

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/exoscreen/exoscreen/screening"
)

// fhirResponse is the part of a QuestionnaireResponse that ReadQuestionnaireResponse reads.
type fhirResponse struct {
	ResourceType  string             `json:"resourceType"`
	Questionnaire string             `json:"questionnaire"`
	Status        string             `json:"status"`
	Item          []fhirResponseItem `json:"item"`
}

type fhirResponseItem struct {
	LinkID string             `json:"linkId"`
	Answer []fhirAnswer       `json:"answer"`
	Item   []fhirResponseItem `json:"item"`
}

type fhirAnswer struct {
	ValueCoding   *struct{ System, Code string } `json:"valueCoding"`
	ValueInteger  *int                           `json:"valueInteger"`
	ValueIntegerX *struct {
		Extension []struct {
			URL       string `json:"url"`
			ValueCode string `json:"valueCode"`
		} `json:"extension"`
	} `json:"_valueInteger"`
	ValueString *string `json:"valueString"`
}

// ReadQuestionnaireResponse reads the answers of a FHIR QuestionnaireResponse written by
// WriteFHIR (a response resource, or a Bundle holding one) back into answers for rs, so a
// clinic system's stored response can be screened again. The response must be for the rule
// set's Questionnaire (canonical URL from base, and its version); every answer is checked
// as an answers file is. A multi or text item without answers reads as unanswered, which
// the rules place exactly as an empty answer.
func ReadQuestionnaireResponse(rs *screening.RuleSet, data []byte, base string) (*screening.Answers, error) {
	var probe struct {
		ResourceType string `json:"resourceType"`
		Entry        []struct {
			Resource json.RawMessage `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("not FHIR JSON: %w", err)
	}
	if probe.ResourceType == "Bundle" {
		found := false
		for _, e := range probe.Entry {
			var t struct {
				ResourceType string `json:"resourceType"`
			}
			if json.Unmarshal(e.Resource, &t) == nil && t.ResourceType == "QuestionnaireResponse" {
				data, found = e.Resource, true
				break
			}
		}
		if !found {
			return nil, fmt.Errorf("the Bundle holds no QuestionnaireResponse")
		}
	}
	var qr fhirResponse
	if err := json.Unmarshal(data, &qr); err != nil {
		return nil, fmt.Errorf("not a QuestionnaireResponse: %w", err)
	}
	if qr.ResourceType != "QuestionnaireResponse" {
		return nil, fmt.Errorf("resourceType is %q, want QuestionnaireResponse", qr.ResourceType)
	}
	c := newCanonicals(base, rs.ID)
	if want := c.Questionnaire + "|" + rs.Version; qr.Questionnaire != want {
		return nil, fmt.Errorf("the response is for questionnaire %q, not %q (rule set %s %s)", qr.Questionnaire, want, rs.ID, rs.Version)
	}
	if qr.Status != "completed" {
		return nil, fmt.Errorf("the response has status %q; only completed responses are screened", qr.Status)
	}
	a := rs.NewAnswers()
	var errs []string
	var walk func(items []fhirResponseItem)
	walk = func(items []fhirResponseItem) {
		for _, it := range items {
			if strings.HasPrefix(it.LinkID, sectionLinkIDPrefix) {
				walk(it.Item)
				continue
			}
			q := rs.Question(it.LinkID)
			if q == nil {
				errs = append(errs, fmt.Sprintf("item %q is no question of rule set %s", it.LinkID, rs.ID))
				continue
			}
			v, err := responseValue(q, it.Answer, c)
			if err != nil {
				errs = append(errs, q.ID+": "+err.Error())
				continue
			}
			if !v.Set {
				continue
			}
			if err := a.Set(q, v); err != nil {
				errs = append(errs, err.Error())
			}
		}
	}
	walk(qr.Item)
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	if p := a.Problems(); len(p) > 0 {
		return nil, p
	}
	return a, nil
}

func responseValue(q *screening.Question, answers []fhirAnswer, c canonicals) (screening.Value, error) {
	if len(answers) == 0 {
		return screening.Value{}, nil
	}
	if len(answers) > 1 && q.Kind != screening.Multi {
		return screening.Value{}, fmt.Errorf("%d answers to a question that takes one", len(answers))
	}
	code := func(a fhirAnswer) (string, error) {
		if a.ValueCoding == nil {
			return "", fmt.Errorf("answer without valueCoding")
		}
		if a.ValueCoding.System != c.Answers {
			return "", fmt.Errorf("code system %q is not the rule set's (%s)", a.ValueCoding.System, c.Answers)
		}
		return a.ValueCoding.Code, nil
	}
	switch q.Kind {
	case screening.Single:
		s, err := code(answers[0])
		return screening.CodeValue(s), err
	case screening.Multi:
		codes := make([]string, 0, len(answers))
		for _, a := range answers {
			s, err := code(a)
			if err != nil {
				return screening.Value{}, err
			}
			codes = append(codes, s)
		}
		return screening.CodesValue(codes...), nil
	case screening.Integer:
		a := answers[0]
		if a.ValueInteger != nil {
			return screening.IntValue(*a.ValueInteger), nil
		}
		if a.ValueIntegerX != nil {
			for _, e := range a.ValueIntegerX.Extension {
				if e.URL == fhirDataAbsent && e.ValueCode == askedUnknown {
					return screening.UnsureInt(), nil
				}
			}
		}
		return screening.Value{}, fmt.Errorf("answer without valueInteger or data-absent-reason %s", askedUnknown)
	default:
		if answers[0].ValueString == nil {
			return screening.Value{}, fmt.Errorf("answer without valueString")
		}
		return screening.TextValue(*answers[0].ValueString), nil
	}
}
