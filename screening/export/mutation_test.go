package export

// Tests of what a clinic system and a physician read in the outputs, character by character:
// which characters the JSON result escapes, which ones FHIR strings keep, the verdict written
// for a result whatever its class, the resource ids. They load the frozen test rule set
// (internal/testrules).

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// freeTextRecord has the free-text question medication_names shown (anticoagulant yes).
const freeTextRecord = `{"pregnancy": "no", "pregnancy_planned": "no", "breastfeeding": "no",
 "cancer": "none", "infection": "no", "product_reaction": "no_reaction", "allergy": "none",
 "anticoagulant": "yes", "bleeding_disorder": "no", "immunosuppressant": "no",
 "other_medication": "no", "medication_names": "x", "autoimmune": "no", "chronic_disease": "none",
 "doctor_advised_against": "no", "blood_donation": "no"}`

// withText is the result of freeTextRecord with medication_names answered s.
func withText(t *testing.T, s string) *screening.Result {
	t.Helper()
	rs := testrules.Load(t)
	a := answersOf(t, rs, freeTextRecord)
	if err := a.Set(rs.Question("medication_names"), screening.TextValue(s)); err != nil {
		t.Fatal(err)
	}
	return evaluate(t, rs, a)
}

// charClasses are the kinds of characters outside text may hold, each alone and in text.
func charClasses() []struct{ name, s string } {
	cs := []struct{ name, s string }{
		{"less-than", "<"}, {"greater-than", ">"}, {"ampersand", "&"}, {"quote", `"`},
		{"backslash", `\`}, {"DEL", "\x7f"}, {"U+2028", "\u2028"}, {"U+2029", "\u2029"},
		{"invalid byte", "\xff"}, {"cut UTF-8", "\xe2\x80"}, {"C1 CSI", "\u009b"},
		{"bidi override", "\u202e"}, {"ellipsis (0xe2 lead)", "…"}, {"Japanese", "山田"},
		{"U+FFFD", "\ufffd"}, {"space", " "}, {"slash", "/"},
	}
	for c := 0; c < 0x20; c++ {
		cs = append(cs, struct{ name, s string }{fmt.Sprintf("C0 %#02x", c), string(rune(c))})
	}
	return cs
}

// encodingJSON is s as encoding/json writes and reads it back (invalid UTF-8 becomes U+FFFD).
func encodingJSON(t *testing.T, s string) (raw []byte, back string) {
	t.Helper()
	raw, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	return raw, back
}

// checkJSONBytes: a JSON result a browser or a shell may show: no raw control character, no
// raw < > & (a result pasted in HTML stays text), no raw U+2028/2029 (which end a line in
// JavaScript).
func checkJSONBytes(t *testing.T, what string, out []byte) {
	t.Helper()
	if !json.Valid(out) {
		t.Fatalf("%s: not valid JSON: %q", what, out)
	}
	if !utf8.Valid(out) {
		t.Errorf("%s: not UTF-8: %q", what, out)
	}
	for i, c := range out {
		if c < 0x20 || c == '<' || c == '>' || c == '&' {
			t.Fatalf("%s: raw byte %#02x at %d: %q", what, c, i, out)
		}
	}
	if bytes.ContainsRune(out, '\u2028') || bytes.ContainsRune(out, '\u2029') {
		t.Fatalf("%s: raw line separator: %q", what, out)
	}
}

// Every character class in the clinic name, the patient details and a free-text answer is
// written as encoding/json writes it, and reads back as the same text.
func TestJSONEscapesEveryCharacterClass(t *testing.T) {
	for _, c := range charClasses() {
		for _, s := range []string{c.s, "a" + c.s + "b", c.s + c.s} {
			res := withText(t, s)
			p := &Patient{ReceptionNumber: s, Name: s, DateOfBirth: s}
			m := Meta{Lang: screening.EN, Time: fixedTime, Clinic: s, Patient: p, ID: s}
			var buf bytes.Buffer
			if err := WriteJSON(&buf, res, m); err != nil {
				t.Fatal(err)
			}
			out := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
			what := fmt.Sprintf("%s %q", c.name, s)
			checkJSONBytes(t, what, out)
			raw, back := encodingJSON(t, s)
			if n := bytes.Count(out, raw); n < 6 {
				t.Errorf("%s: encoding/json's %s found %d times, want 6 (id, clinic, 3 patient fields, answer)", what, raw, n)
			}
			var r JSONResult
			if err := json.Unmarshal(out, &r); err != nil {
				t.Fatal(err)
			}
			if r.Clinic != back || r.ID != back || *r.Patient != (Patient{ReceptionNumber: back, Name: back, DateOfBirth: back}) || r.Answers["medication_names"] != back {
				t.Errorf("%s: read back %q %q %+v %q, want %q", what, r.Clinic, r.ID, r.Patient, r.Answers["medication_names"], back)
			}
			want, _ := json.Marshal(NewJSONResult(res, m))
			if !bytes.Equal(out, want) {
				t.Errorf("%s: differs from json.Marshal:\n%s", what, firstDiff(want, out))
			}
		}
	}
}

// Every class of character in a FHIR string: tab, CR and LF are kept; any other control
// character, DEL and invalid UTF-8 are written out visibly (\x1b) so the text stays readable
// text, with the line controls then made spaces; leading and trailing space is trimmed; a
// value with nothing left is left out.
func TestFHIRStringsCarryNoControls(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"  padded\t\n", "padded"},
		{"a\tb\nc\r\nd", "a\tb\nc\r\nd"},
		{"a b\tc d", "a b\tc d"},
		{"山田\x1b[2J花子", `山田\x1b[2J花子`},
		{"a\x00b", `a\x00b`},
		{"\x01", `\x01`},
		{"a\x08b", `a\x08b`},
		{"a\x0bb", `a\x0bb`},
		{"a\x0cb", `a\x0cb`},
		{"a\x1fb", `a\x1fb`},
		{"a\x7fb", `a\x7fb`},
		{"a\xffb", `a\xffb`},
		{"\xe2\x80", `\xe2\x80`},
		{"tab\tand\x1b", `tab and\x1b`},
		{"a\u2028b\u2029c", "a\u2028b\u2029c"},
		{"<b>&amp;</b>", "<b>&amp;</b>"},
		{"\ufffd", "\ufffd"},
		{" ", ""},
		{"\t\r\n", ""},
		{"", ""},
	} {
		if got := fhirString(c.in); got != c.want {
			t.Errorf("fhirString(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	// The same through a Bundle: the free-text answer and the patient's name.
	for _, cl := range charClasses() {
		s := "a" + cl.s + "b"
		res := withText(t, s)
		b := AppendFHIR(nil, res, Meta{Lang: screening.JA, Time: fixedTime, ID: "0b7e2d1c-9f3a-4c55-8e21-6d4f0a9b3c17",
			Patient: &Patient{Name: s, ReceptionNumber: cl.s}})
		if !json.Valid(b) || !utf8.Valid(b) {
			t.Fatalf("%s: invalid JSON or UTF-8: %q", cl.name, b)
		}
		for _, c := range b {
			if c < 0x20 {
				t.Fatalf("%s: raw control %#02x in %q", cl.name, c, b)
			}
		}
		var bundle struct {
			Entry []struct {
				Resource struct {
					ResourceType string
					Item         []struct {
						Item []struct {
							LinkID string
							Answer []struct{ ValueString *string }
						}
					}
					Name       []struct{ Text string }
					Identifier []struct{ Value string }
				}
			}
		}
		if err := json.Unmarshal(b, &bundle); err != nil {
			t.Fatal(err)
		}
		var answer, name, reception string
		var receptions int
		for _, e := range bundle.Entry {
			for _, sec := range e.Resource.Item {
				for _, it := range sec.Item {
					if it.LinkID == "medication_names" && len(it.Answer) == 1 && it.Answer[0].ValueString != nil {
						answer = *it.Answer[0].ValueString
					}
				}
			}
			if e.Resource.ResourceType == "Patient" {
				if len(e.Resource.Name) == 1 {
					name = e.Resource.Name[0].Text
				}
				receptions = len(e.Resource.Identifier)
				if receptions == 1 {
					reception = e.Resource.Identifier[0].Value
				}
			}
		}
		want := fhirString(s)
		if answer != want || name != want {
			t.Errorf("%s: answer %q, name %q, want %q", cl.name, answer, name, want)
		}
		for _, r := range want {
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r == utf8.RuneError && !strings.Contains(s, "\ufffd") {
				t.Errorf("%s: %q kept %U", cl.name, want, r)
			}
		}
		if wantRec := fhirString(cl.s); (receptions == 1) != (wantRec != "") || reception != wantRec {
			t.Errorf("%s: %d identifiers %q, want %q", cl.name, receptions, reception, wantRec)
		}
	}
}

// The JSON string writer of the FHIR output: every byte of ASCII, the line separators and
// invalid UTF-8 give valid JSON that reads back as the text (invalid bytes as U+FFFD), with
// no raw control character and U+2028/2029 escaped.
func TestFHIRJSONStringWriter(t *testing.T) {
	var cases []string
	for c := 0; c < 0x80; c++ {
		cases = append(cases, string(rune(c)), "ab"+string(rune(c))+"cd")
	}
	cases = append(cases, "\u2028", "x\u2029y", "\xff", "a\xffb\xfe", "\xe2\x80", "山田…", "\U0001F600", "")
	for _, s := range cases {
		out := appendJSONString([]byte("prefix"), s)
		if !bytes.HasPrefix(out, []byte("prefix")) {
			t.Fatalf("%q: prefix lost: %q", s, out)
		}
		out = out[len("prefix"):]
		var back string
		if err := json.Unmarshal(out, &back); err != nil {
			t.Errorf("%q: %q is not a JSON string: %v", s, out, err)
			continue
		}
		if _, want := encodingJSON(t, s); back != want {
			t.Errorf("%q: read back %q, want %q", s, back, want)
		}
		if !utf8.Valid(out) {
			t.Errorf("%q: invalid UTF-8 in %q", s, out)
		}
		for _, c := range out {
			if c < 0x20 {
				t.Errorf("%q: raw control %#02x in %q", s, c, out)
			}
		}
		if bytes.ContainsRune(out, '\u2028') || bytes.ContainsRune(out, '\u2029') {
			t.Errorf("%q: raw line separator in %q", s, out)
		}
	}
	// The short escapes, as encoding/json writes them.
	for in, want := range map[string]string{"\n": `"\n"`, "\r": `"\r"`, "\t": `"\t"`, `"`: `"\""`, `\`: `"\\"`,
		"\x00": `"\u0000"`, "\x1f": `"\u001f"`, "\x1b": `"\u001b"`, "\u2028": `"\u2028"`, "\u2029": `"\u2029"`,
		"\xff": "\"\ufffd\"", "<&>": `"<&>"`, "\x7f": "\"\x7f\""} {
		if got := string(appendJSONString(nil, in)); got != want {
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
}

// A result's verdict is written as what it is: each of the three classes with its label, and
// a class outside them (a result not made by Evaluate) as that class, never as none.
func TestJSONVerdictOfEveryClass(t *testing.T) {
	rs := testrules.Load(t)
	base := evaluate(t, rs, answersOf(t, rs, freeTextRecord))
	for _, v := range []screening.Class{screening.None, screening.Relative, screening.Absolute, -1, 3, 127, -128} {
		for _, lang := range []screening.Lang{screening.JA, screening.EN} {
			res := *base
			res.Verdict = v
			m := Meta{Lang: lang}
			out := AppendJSON(nil, &res, m)
			var raw map[string]any
			if err := json.Unmarshal(out, &raw); err != nil {
				t.Fatalf("%v: %v", v, err)
			}
			var r struct{ Verdict, VerdictLabel string }
			r.Verdict, _ = raw["verdict"].(string)
			r.VerdictLabel, _ = raw["verdict_label"].(string)
			if r.Verdict != v.String() || r.VerdictLabel != v.Label().In(lang) {
				t.Errorf("class %d %s: verdict %q label %q, want %q %q", v, lang, r.Verdict, r.VerdictLabel, v.String(), v.Label().In(lang))
			}
			want, err := json.Marshal(NewJSONResult(&res, m))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, want) {
				t.Errorf("class %d %s: differs from json.Marshal:\n%s", v, lang, firstDiff(want, out))
			}
		}
	}
}

// The list of source keys in the printed summary: comma separated, nothing added.
func TestJoinStrings(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{}, ""},
		{[]string{"a"}, "a"},
		{[]string{""}, ""},
		{[]string{"mhlw-2024", "jsrm"}, "mhlw-2024, jsrm"},
		{[]string{"a", "", "c"}, "a, , c"},
		{[]string{"山田", "花子", "x"}, "山田, 花子, x"},
	} {
		got := joinStrings(c.in)
		if got != c.want {
			t.Errorf("joinStrings(%q) = %q, want %q", c.in, got, c.want)
		}
		if want := strings.Join(c.in, ", "); got != want {
			t.Errorf("joinStrings(%q) = %q, strings.Join gives %q", c.in, got, want)
		}
	}
	// In the summary: a rule with several sources lists them all.
	rs := testrules.Load(t)
	var b bytes.Buffer
	res := evaluate(t, rs, answersOf(t, rs, goldenCases[0].record))
	if err := WriteText(&b, res, Meta{Lang: screening.EN}); err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if keys := f.SourceKeys(); len(keys) > 1 && f.Class != screening.None {
			if !strings.Contains(b.String(), "Sources: "+strings.Join(keys, ", ")+"\n") {
				t.Errorf("%s: sources %v not listed as %q", f.Question.ID, keys, strings.Join(keys, ", "))
			}
		}
	}
}

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// Name-based ids are RFC 4122 version 5 UUIDs: the standard's example gives the standard's
// answer, the namespace is read with or without hyphens and in either case, and random ids
// are version 4.
func TestUUIDs(t *testing.T) {
	const dns = "6ba7b810-9dad-11d1-80b4-00c04fd430c8" // RFC 4122 appendix C, NameSpace_DNS
	for _, c := range []struct{ ns, name, want string }{
		{dns, "www.example.com", "2ed6657d-e927-568b-95e1-2665a8aea6a2"},
		{dns, "python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d"},
		{"6ba7b8109dad11d180b400c04fd430c8", "www.example.com", "2ed6657d-e927-568b-95e1-2665a8aea6a2"},
		{strings.ToUpper(dns), "www.example.com", "2ed6657d-e927-568b-95e1-2665a8aea6a2"},
		{"6ba7b811-9dad-11d1-80b4-00c04fd430c8", "www.example.com", "b63cdfa4-3df9-568e-97ae-006c5b8fd652"}, // NameSpace_URL
	} {
		if got := NameID(c.ns, c.name); got != c.want {
			t.Errorf("NameID(%s, %q) = %s, want %s", c.ns, c.name, got, c.want)
		}
	}
	for _, c := range []struct {
		in   string
		want [16]byte
	}{
		{dns, [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}},
		{"00010203-0405-0607-0809-0a0b0c0d0e0f", [16]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}},
		{"ff", [16]byte{0xff}},
		{"f", [16]byte{}},
		{"", [16]byte{}},
		{"----", [16]byte{}},
		{"0102030405060708090a0b0c0d0e0f1011", [16]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}},
	} {
		if got := parseUUID(c.in); !bytes.Equal(got, c.want[:]) {
			t.Errorf("parseUUID(%q) = %x, want %x", c.in, got, c.want)
		}
	}
	seen := map[string]bool{}
	for range 100 {
		id := NewID()
		m := uuidPattern.FindStringSubmatch(id)
		if m == nil || m[1] != "4" || seen[id] {
			t.Fatalf("NewID() = %s (seen %v)", id, seen[id])
		}
		seen[id] = true
	}
	ids := newFHIRIDs("0b7e2d1c-9f3a-4c55-8e21-6d4f0a9b3c17")
	for _, id := range []string{ids.QuestionnaireResponse, ids.RiskAssessment, ids.Patient} {
		if m := uuidPattern.FindStringSubmatch(id); m == nil || m[1] != "5" {
			t.Errorf("derived id %s is not a version 5 UUID", id)
		}
	}
	if ids.Bundle != "0b7e2d1c-9f3a-4c55-8e21-6d4f0a9b3c17" || ids.Patient == ids.RiskAssessment || ids.Patient == ids.QuestionnaireResponse {
		t.Errorf("ids %+v", ids)
	}
}

// Sanitize shows every character that a terminal would act on as visible text, and leaves
// everything else as it is.
func TestSanitizeEveryClass(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain 山田 …", "plain 山田 …"},
		{"", ""},
		{"\x00", `\x00`},
		{"\x1b", `\x1b`},
		{"a\x1b[2Jb", `a\x1b[2Jb`},
		{"\x1f", `\x1f`},
		{"\x7f", `\x7f`},
		{"\u0080", `\u0080`},
		{"\u009b", `\u009b`},
		{"\u009f", `\u009f`},
		{"\u00a0", "\u00a0"},
		{"\xff", `\xff`},
		{"a\xe2\x80b", `a\xe2\x80b`},
		{"\ufffd", "\ufffd"},
		{"\n\t\r", "   "},
		{"name\u2028判定: 問題なし\u2029x", "name 判定: 問題なし x"},
		{"\u202a\u202e\u2066\u2069\u200e\u200f\u061c", `\u202a\u202e\u2066\u2069\u200e\u200f\u061c`},
		{"\u2067", `\u2067`},
		{"\ufeff", `\ufeff`},
		{"\ue000", `\ue000`},
		{"\U000f0000", `\uf0000`},
	} {
		if got := Sanitize(c.in); got != c.want {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// An answer as a person reads it: options in the language (Japanese joined with 、), a number
// with its unit (no space in Japanese), "not sure", no answer.
func TestAnswerText(t *testing.T) {
	rs := testrules.Load(t)
	allergyTo, years, meds, cancer := rs.Question("allergy_to"), rs.Question("cancer_years"), rs.Question("medication_names"), rs.Question("cancer")
	if allergyTo == nil || len(allergyTo.Options) < 2 || years == nil || meds == nil || cancer == nil {
		t.Fatal("the test rule set lacks allergy_to, cancer_years, medication_names or cancer")
	}
	o1, o2 := allergyTo.Options[0], allergyTo.Options[1]
	for _, c := range []struct {
		q    *screening.Question
		v    screening.Value
		lang screening.Lang
		want string
	}{
		{allergyTo, screening.CodesValue(o1.Code, o2.Code), screening.JA, o1.Text[screening.JA] + "、" + o2.Text[screening.JA]},
		{allergyTo, screening.CodesValue(o1.Code, o2.Code), screening.EN, o1.Text[screening.EN] + ", " + o2.Text[screening.EN]},
		{allergyTo, screening.CodesValue(o1.Code, "gone"), screening.EN, o1.Text[screening.EN] + ", gone"},
		{allergyTo, screening.CodesValue(), screening.JA, "(回答なし)"},
		{allergyTo, screening.Value{}, screening.EN, "(no answer)"},
		{years, screening.IntValue(7), screening.JA, "7年"},
		{years, screening.IntValue(7), screening.EN, "7 years"},
		{years, screening.UnsureInt(), screening.JA, "わかりません"},
		{years, screening.UnsureInt(), screening.EN, "Not sure"},
		{meds, screening.TextValue(""), screening.EN, "(no answer)"},
		{meds, screening.TextValue("aspirin"), screening.JA, "aspirin"},
		{cancer, screening.CodeValue("gone"), screening.JA, "gone"},
		{cancer, screening.CodeValue(cancer.Options[0].Code), screening.EN, cancer.Options[0].Text[screening.EN]},
	} {
		if got := AnswerText(c.q, c.v, c.lang); got != c.want {
			t.Errorf("%s %+v %s: %q, want %q", c.q.ID, c.v, c.lang, got, c.want)
		}
	}
}

// A multi-choice question answered with no option has no answer in the QuestionnaireResponse
// (FHIR allows no empty array), and reads back as unanswered.
func TestFHIREmptyMultiAnswer(t *testing.T) {
	rs := testrules.Load(t)
	a := answersOf(t, rs, goldenCases[0].record)
	q := rs.Question("allergy_to")
	if err := a.Set(q, screening.CodesValue()); err != nil {
		t.Fatal(err)
	}
	res, err := rs.Evaluate(a)
	if err != nil {
		t.Skipf("the test rule set refuses an empty allergy_to: %v", err)
	}
	b := AppendFHIR(nil, res, Meta{Lang: screening.EN, Time: fixedTime, ID: "0b7e2d1c-9f3a-4c55-8e21-6d4f0a9b3c17"})
	if bytes.Contains(b, []byte(`[]`)) {
		t.Errorf("empty array in the Bundle: %s", b)
	}
	var bundle struct {
		Entry []struct {
			Resource struct {
				Item []struct {
					Item []struct {
						LinkID string
						Answer *[]any
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b, &bundle); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, sec := range bundle.Entry[0].Resource.Item {
		for _, it := range sec.Item {
			if it.LinkID == "allergy_to" {
				found = true
				if it.Answer != nil {
					t.Errorf("allergy_to has answer %v", *it.Answer)
				}
			}
		}
	}
	if !found {
		t.Fatal("no allergy_to item")
	}
}

// Conditions on an integer question that allows "not sure" are written to the FHIR
// Questionnaire where they mean the same there (exists and the orderings), and refused where
// they do not (!=, which "not sure" satisfies in exoscreen but not in FHIR).
func TestQuestionnaireConditionsOnUnsureInteger(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testrules.Dir(), "questions.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	old := "            - {question: other_medication, operator: \"=\", answer: \"yes\"}\n"
	if !bytes.Contains(b, []byte(old)) {
		t.Fatal("the test rule set changed; update this test's edit")
	}
	for _, c := range []struct {
		cond   string
		ok     bool
		answer int
	}{
		{`{question: cancer_years, operator: ">=", answer: 5}`, true, 5},
		{`{question: cancer_years, operator: "<", answer: 3}`, true, 3},
		{`{question: cancer_years, operator: "=", answer: 4}`, true, 4},
		{`{question: cancer_years, operator: "!=", answer: 5}`, false, 0},
		{`{question: cancer_years, operator: "=", answer: unsure}`, false, 0},
	} {
		dir := t.TempDir()
		for _, name := range []string{"ruleset.yaml", "sources.yaml"} {
			data, err := os.ReadFile(filepath.Join(testrules.Dir(), name))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, name), data, 0o600)
		}
		q := bytes.Replace(b, []byte(old), []byte(old+"            - "+c.cond+"\n"), 1)
		os.WriteFile(filepath.Join(dir, "questions.yaml"), q, 0o600)
		rs, err := screening.LoadDir(dir)
		if err != nil {
			t.Fatalf("%s: %v", c.cond, err)
		}
		out, err := AppendQuestionnaire(nil, rs, screening.EN, "")
		var qe *QuestionnaireError
		if !c.ok {
			if !errors.As(err, &qe) || qe.Question != "medication_names" {
				t.Errorf("%s: err = %v, want a QuestionnaireError for medication_names", c.cond, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.cond, err)
			continue
		}
		want := fmt.Sprintf(`"question":"cancer_years","operator":%q,"answerInteger":%d}`, strings.Split(c.cond, `"`)[1], c.answer)
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("%s: no %s in the Questionnaire", c.cond, want)
		}
	}
}

// A rule set with more questions than the renderers' fixed-size scratch space (64) renders
// as any other: the JSON result is json.Marshal's, and every question is in the outputs.
func TestManyQuestions(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"ruleset.yaml", "sources.yaml", "questions.yaml"} {
		data, err := os.ReadFile(filepath.Join(testrules.Dir(), name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "questions.yaml" {
			// 60 more questions at the end of the last section.
			var extra strings.Builder
			for i := range 60 {
				fmt.Fprintf(&extra, `      - id: extra_%02d
        kind: single
        text: {ja: "追加の質問 %[1]d", en: "Extra question %[1]d"}
        options:
          - code: "no"
            text: {ja: いいえ, en: "No"}
          - code: "yes"
            text: {ja: はい, en: "Yes"}
          - code: unsure
            text: {ja: わからない, en: "Not sure"}
        rules:
          - when:
              conditions:
                - {operator: "=", answer: "no"}
            class: none
            sources: [zen-2025]
            reason: {ja: "該当しません。", en: "Does not apply."}
          - when:
              conditions:
                - {operator: "=", answer: "yes"}
            class: relative
            sources: [zen-2025]
            reason: {ja: "医師が判断します。", en: "The physician decides."}
          - when:
              conditions:
                - {operator: "=", answer: unsure}
            class: relative
            needs_confirmation: true
            sources: [zen-2025]
            reason: {ja: "確認が必要です。", en: "To be confirmed."}
`, i)
			}
			data = append(bytes.TrimRight(data, "\n"), '\n')
			data = append(data, extra.String()...)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	rs, err := screening.LoadDir(dir)
	if err != nil {
		t.Fatalf("the rule set with 60 more questions does not load: %v", err)
	}
	if len(rs.Questions) <= 64 {
		t.Fatalf("%d questions, want more than 64", len(rs.Questions))
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(goldenCases[0].record), &rec); err != nil {
		t.Fatal(err)
	}
	for i := range 60 {
		rec[fmt.Sprintf("extra_%02d", i)] = []string{"no", "yes", "unsure"}[i%3]
	}
	data, _ := json.Marshal(rec)
	res := evaluate(t, rs, answersOf(t, rs, string(data)))
	m := Meta{Lang: screening.EN, Time: fixedTime, ID: "0b7e2d1c-9f3a-4c55-8e21-6d4f0a9b3c17"}
	want, err := json.Marshal(NewJSONResult(res, m))
	if err != nil {
		t.Fatal(err)
	}
	if got := AppendJSON(nil, res, m); !bytes.Equal(got, want) {
		t.Errorf("JSON differs from json.Marshal:\n%s", firstDiff(want, got))
	}
	text := string(AppendText(nil, res, m))
	fhir := string(AppendFHIR(nil, res, m))
	for _, s := range []string{"Extra question 0", "Extra question 59"} {
		if !strings.Contains(text, s) || !strings.Contains(fhir, s) {
			t.Errorf("%q missing from the text or the FHIR output", s)
		}
	}
}

// A notice that rests on no source (the model allows it: it says so in its own words) is
// printed without an empty pair of brackets after it, in a language written with spaces and
// in one without.
func TestNoticeWithoutSources(t *testing.T) {
	loaded := testrules.Load(t)
	rs := *loaded
	rs.Notices = slices.Clone(loaded.Notices)
	n := *rs.Notices[0]
	n.Sources = nil
	rs.Notices[0] = &n
	res := evaluate(t, &rs, answersOf(t, &rs, goldenCases[0].record))
	for _, lang := range []screening.Lang{screening.EN, screening.JA} {
		var b bytes.Buffer
		if err := WriteText(&b, res, Meta{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		first := string([]rune(n.Text.In(lang))[:6]) // the notice's start, before any line break
		if !strings.Contains(out, first) {
			t.Fatalf("%s: the notice is not printed:\n%s", lang, out)
		}
		if strings.Contains(out, "()") || strings.Contains(out, "（）") {
			t.Errorf("%s: empty brackets after a notice without sources:\n%s", lang, out)
		}
	}
}
