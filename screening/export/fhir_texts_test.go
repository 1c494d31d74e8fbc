package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// TestFHIRTextsGolden pins the Bundle with translations on the five-language rule set.
func TestFHIRTextsGolden(t *testing.T) {
	rs := testrules.LoadMulti(t)
	tc := goldenCases[0]
	res := evaluate(t, rs, answersOf(t, rs, tc.record))
	var b bytes.Buffer
	if err := writeFHIRTexts(&b, res, Meta{Lang: screening.KO, Time: fixedTime, Patient: tc.patient, ID: "0b7e2d1c-9f3a-4c55-8e21-6d4f0a9b3c17"}); err != nil {
		t.Fatal(err)
	}
	golden(t, "fhir/"+tc.name+".texts.ko.json", indentJSON(t, b.Bytes()))
}

// translations returns the translation extensions of the element "_k" of obj as language
// to content, failing on a language given twice or an extension of another kind.
func translations(t *testing.T, where string, obj map[string]any, k string) map[string]string {
	t.Helper()
	el, ok := obj["_"+k].(map[string]any)
	if !ok {
		return nil
	}
	exts, _ := el["extension"].([]any)
	out := map[string]string{}
	for _, e := range exts {
		e := e.(map[string]any)
		if e["url"] != fhirTranslation {
			t.Errorf("%s: _%s has extension %v", where, k, e["url"])
			continue
		}
		var lang, content string
		for _, sub := range e["extension"].([]any) {
			sub := sub.(map[string]any)
			switch sub["url"] {
			case "lang":
				lang, _ = sub["valueCode"].(string)
			case "content":
				content, _ = sub["valueString"].(string)
			}
		}
		if _, dup := out[lang]; dup {
			t.Errorf("%s: _%s has %s twice", where, k, lang)
		}
		out[lang] = content
	}
	return out
}

// TestFHIRTextsEveryLanguage: with Meta.Texts, every question text, answer display,
// prediction outcome and rationale of the Bundle is in the patient's language, with each
// other declared language once in a translation extension, the right text in each; without
// Meta.Texts the Bundle has no translation.
func TestFHIRTextsEveryLanguage(t *testing.T) {
	rs := testrules.LoadMulti(t)
	if len(rs.Languages) < 5 {
		t.Fatalf("the multi rule set declares %d languages", len(rs.Languages))
	}
	counts := map[string]int{}
	for i, a := range spread(t, rs, 60) {
		res := evaluate(t, rs, a)
		lang := rs.Languages[i%len(rs.Languages)].Tag
		var b bytes.Buffer
		if err := writeFHIRTexts(&b, res, Meta{Lang: lang, Time: fixedTime, ID: NewID()}); err != nil {
			t.Fatal(err)
		}
		var bundle map[string]any
		if err := json.Unmarshal(b.Bytes(), &bundle); err != nil {
			t.Fatal(err)
		}
		// check wants obj[k] == in(lang) and one translation per other language, each in(l).
		check := func(where string, obj map[string]any, k string, in func(screening.Lang) string) {
			t.Helper()
			counts[k]++
			if obj[k] != in(lang) {
				t.Errorf("record %d %s: %s = %q, want %q", i, where, k, obj[k], in(lang))
			}
			tr := translations(t, where, obj, k)
			if len(tr) != len(rs.Languages)-1 {
				t.Errorf("record %d %s: %s has %d translations for %d other languages", i, where, k, len(tr), len(rs.Languages)-1)
			}
			for _, l := range rs.Languages {
				if l.Tag == lang {
					if _, ok := tr[string(lang)]; ok {
						t.Errorf("record %d %s: %s translated into its own language %s", i, where, k, lang)
					}
					continue
				}
				if got, want := tr[string(l.Tag)], in(l.Tag); got != want || want == "" {
					t.Errorf("record %d %s: %s in %s is %q, want %q", i, where, k, l.Tag, got, want)
				}
			}
		}
		entries := bundle["entry"].([]any)
		qr := entries[0].(map[string]any)["resource"].(map[string]any)
		fi := 0
		for _, sec := range qr["item"].([]any) {
			for _, it := range sec.(map[string]any)["item"].([]any) {
				item := it.(map[string]any)
				f := &res.Findings[fi]
				fi++
				q := f.Question
				where := fmt.Sprintf("item %s", q.ID)
				check(where, item, "text", q.Text.In)
				answers, _ := item["answer"].([]any)
				for _, an := range answers {
					if vc, ok := an.(map[string]any)["valueCoding"].(map[string]any); ok {
						o := q.Option(vc["code"].(string))
						if o == nil {
							t.Fatalf("record %d %s: unknown code %v", i, where, vc["code"])
						}
						check(where+" answer "+o.Code, vc, "display", o.Text.In)
					}
				}
			}
		}
		if fi != len(res.Findings) {
			t.Fatalf("record %d: %d response items for %d findings", i, fi, len(res.Findings))
		}
		ra := entries[1].(map[string]any)["resource"].(map[string]any)
		preds := ra["prediction"].([]any)
		if len(preds) != len(res.Findings)+1 {
			t.Fatalf("record %d: %d predictions for %d findings and the verdict", i, len(preds), len(res.Findings))
		}
		check("verdict", preds[0].(map[string]any), "rationale", func(l screening.Lang) string { return words[l].verdictMeaning[res.Verdict] })
		for j, p := range preds[1:] {
			p := p.(map[string]any)
			f := &res.Findings[j]
			where := "prediction " + f.Question.ID
			check(where, p, "rationale", f.Rule.Reason.In)
			outcome := p["outcome"].(map[string]any)
			check(where+" outcome", outcome, "text", f.Question.Text.In)
			check(where+" outcome coding", outcome["coding"].([]any)[0].(map[string]any), "display", f.Question.Text.In)
		}

		// Without Meta.Texts: the same texts, no translation.
		b.Reset()
		if err := WriteFHIR(&b, res, Meta{Lang: lang, Time: fixedTime, ID: NewID()}); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b.Bytes(), []byte(fhirTranslation)) {
			t.Fatalf("record %d: translations written without Meta.Texts", i)
		}
	}
	for _, k := range []string{"text", "display", "rationale"} {
		if counts[k] == 0 {
			t.Errorf("no %s checked: the spread has none", k)
		}
	}
	t.Logf("checked %v", counts)
}

// TestFHIRTextsRoundTrip: the QuestionnaireResponse of a Bundle with translations reads back
// as the same answers, in every patient language.
func TestFHIRTextsRoundTrip(t *testing.T) {
	rs := testrules.LoadMulti(t)
	for i, a := range spread(t, rs, 100) {
		res := evaluate(t, rs, a)
		lang := rs.Languages[i%len(rs.Languages)].Tag
		for _, base := range []string{"", "https://fhir.clinic.example.jp/fhir"} {
			var b bytes.Buffer
			if err := writeFHIRTexts(&b, res, Meta{Lang: lang, Time: fixedTime, ID: NewID(), FHIRBase: base}); err != nil {
				t.Fatal(err)
			}
			readBackSame(t, rs, res, b.Bytes(), base, fmt.Sprintf("record %d (%s)", i, lang))
		}
	}
}
