package export

import (
	"bytes"
	"encoding/json"
	"strings"
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

// TestJSONTextsEveryLanguage: with Meta.Texts, each finding of the JSON result carries its
// question, answer and reason in every language the rule set declares, keyed by tag; the
// fast path writes the bytes of json.Marshal, the result matches the schema, and the pinned
// fields stay in the patient's language.
func TestJSONTextsEveryLanguage(t *testing.T) {
	rs := testrules.LoadMulti(t)
	schema := resultSchema(t)
	for i, a := range spread(t, rs, 60) {
		res := evaluate(t, rs, a)
		m := Meta{Lang: screening.KO, Texts: true, Time: fixedTime}
		if i%2 == 1 {
			m.Lang = screening.ZhHant
		}
		want, err := json.Marshal(NewJSONResult(res, m))
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteJSON(&got, res, m); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(append(want, '\n'), got.Bytes()) {
			t.Fatalf("record %d: WriteJSON differs from json.Marshal:\n%s", i, firstDiff(append(want, '\n'), got.Bytes()))
		}
		validateSchema(t, schema, got.Bytes())
		var r struct {
			Findings []struct {
				QuestionText string `json:"question_text"`
				AnswerText   string `json:"answer_text"`
				Reason       string `json:"reason"`
				Texts        *struct {
					QuestionText map[screening.Lang]string `json:"question_text"`
					AnswerText   map[screening.Lang]string `json:"answer_text"`
					Reason       map[screening.Lang]string `json:"reason"`
				} `json:"texts"`
			} `json:"findings"`
		}
		if err := json.Unmarshal(got.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		for j, f := range r.Findings {
			if f.Texts == nil {
				t.Fatalf("record %d finding %d: no texts", i, j)
			}
			for _, l := range rs.Languages {
				for name, tx := range map[string]map[screening.Lang]string{"question_text": f.Texts.QuestionText, "answer_text": f.Texts.AnswerText, "reason": f.Texts.Reason} {
					if tx[l.Tag] == "" {
						t.Errorf("record %d finding %d: texts.%s has no %s", i, j, name, l.Tag)
					}
				}
			}
			if len(f.Texts.Reason) != len(rs.Languages) {
				t.Errorf("record %d finding %d: %d reasons for %d languages", i, j, len(f.Texts.Reason), len(rs.Languages))
			}
			if f.Texts.QuestionText[m.Lang] != f.QuestionText || f.Texts.AnswerText[m.Lang] != f.AnswerText || f.Texts.Reason[m.Lang] != f.Reason {
				t.Errorf("record %d finding %d: the texts in %s differ from the finding's own", i, j, m.Lang)
			}
		}
	}
	// Without the option the result stays as it was: no texts.
	res := evaluate(t, rs, spread(t, rs, 1)[0])
	var b bytes.Buffer
	if err := WriteJSON(&b, res, Meta{Lang: screening.KO}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b.Bytes(), []byte(`"texts"`)) {
		t.Error("texts written without Meta.Texts")
	}
}

// TestJSONTextsGolden pins the JSON result with texts in five languages.
func TestJSONTextsGolden(t *testing.T) {
	rs := testrules.LoadMulti(t)
	tc := goldenCases[0]
	res := evaluate(t, rs, answersOf(t, rs, tc.record))
	var b bytes.Buffer
	if err := WriteJSON(&b, res, Meta{Lang: screening.ZhHans, Texts: true, Time: fixedTime, ID: "0b7e2d1c-9f3a-4c55-8e21-6d4f0a9b3c17"}); err != nil {
		t.Fatal(err)
	}
	validateSchema(t, resultSchema(t), b.Bytes())
	golden(t, "json/"+tc.name+".texts.zh-Hans.json", b.Bytes())
}

// TestQuestionnaireTextHeadings: questionnaire --format text writes its headings and marks in
// the language asked for (zh-Hans, zh-Hant, ko as well as ja and en), every word in every
// language of exoscreen's messages.
func TestQuestionnaireTextHeadings(t *testing.T) {
	for i, w := range qWords {
		for _, l := range screening.Langs {
			if w[l] == "" {
				t.Errorf("qWords[%d] has no %s", i, l)
			}
		}
	}
	rs := testrules.LoadMulti(t)
	for _, tc := range []struct {
		lang screening.Lang
		want []string
		not  string
	}{
		{screening.ZhHans, []string{"问题: exoscreen-test", "显示条件: ", "（可多选）", "（选填）", "（pregnancy）"}, "表示する条件"},
		{screening.ZhHant, []string{"問題: exoscreen-test", "顯示條件: ", "（可多選）"}, "表示する条件"},
		{screening.KO, []string{"질문: exoscreen-test", "표시 조건: ", "(복수 선택)", " (pregnancy)"}, "表示する条件"},
	} {
		var b bytes.Buffer
		if err := WriteQuestionnaireText(&b, rs, tc.lang); err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s: lacks %q", tc.lang, w)
			}
		}
		if strings.Contains(b.String(), tc.not) {
			t.Errorf("%s: Japanese heading %q", tc.lang, tc.not)
		}
	}
}
