package export

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// TestQuestionnaireEveryLanguage: the FHIR Questionnaire of a rule set with five languages
// carries each text in the patient's language and a translation extension for each of the
// four others.
func TestQuestionnaireEveryLanguage(t *testing.T) {
	rs := testrules.LoadMulti(t)
	var b bytes.Buffer
	if err := writeQuestionnaire(&b, rs, screening.KO, ""); err != nil {
		t.Fatal(err)
	}
	var q struct {
		Item []struct {
			Text  string `json:"text"`
			XText struct {
				Extension []struct {
					URL       string `json:"url"`
					Extension []struct {
						URL         string `json:"url"`
						ValueCode   string `json:"valueCode"`
						ValueString string `json:"valueString"`
					} `json:"extension"`
				} `json:"extension"`
			} `json:"_text"`
		} `json:"item"`
	}
	if err := json.Unmarshal(b.Bytes(), &q); err != nil {
		t.Fatal(err)
	}
	if len(q.Item) == 0 {
		t.Fatal("no items")
	}
	sec := rs.Sections[0]
	it := q.Item[0]
	if it.Text != sec.Title[screening.KO] {
		t.Errorf("text %q, want the Korean %q", it.Text, sec.Title[screening.KO])
	}
	var got []string
	for _, e := range it.XText.Extension {
		if e.URL != fhirTranslation || len(e.Extension) != 2 {
			t.Fatalf("extension %+v", e)
		}
		lang, content := e.Extension[0].ValueCode, e.Extension[1].ValueString
		if content != sec.Title[screening.Lang(lang)] {
			t.Errorf("%s: %q", lang, content)
		}
		got = append(got, lang)
	}
	if want := []string{"ja", "en", "zh-Hans", "zh-Hant"}; len(got) != 4 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || got[3] != want[3] {
		t.Errorf("translations %v, want %v", got, want)
	}
}
