package screening

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// exampleWith returns the docs/spec/interfaces.md example as one line of JSON, with keys set (a nil
// value deletes the key).
func exampleWith(tb testing.TB, set map[string]any) string {
	tb.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(testExample), &m); err != nil {
		tb.Fatal(err)
	}
	for k, v := range set {
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

type wantErr struct {
	line     int
	question string
	kind     ErrKind
	en, ja   string // substrings of Message(EN) / Message(JA)
}

func checkErrs(t *testing.T, err error, want []wantErr) {
	t.Helper()
	var errs AnswerErrors
	if !errors.As(err, &errs) {
		t.Fatalf("error %T %v, want AnswerErrors", err, err)
	}
	if len(errs) != len(want) {
		t.Fatalf("%d errors, want %d:\n%s", len(errs), len(want), errs.Message(EN))
	}
	for i, w := range want {
		e := errs[i]
		if e.Line != w.line || e.Question != w.question || e.Kind != w.kind {
			t.Errorf("error %d: line %d question %q kind %d, want line %d question %q kind %d (%s)",
				i, e.Line, e.Question, e.Kind, w.line, w.question, w.kind, e.Message(EN))
		}
		if en := e.Message(EN); !strings.Contains(en, w.en) {
			t.Errorf("error %d: en %q lacks %q", i, en, w.en)
		}
		if ja := e.Message(JA); !strings.Contains(ja, w.ja) {
			t.Errorf("error %d: ja %q lacks %q", i, ja, w.ja)
		}
		if e.Error() != e.Message(EN) {
			t.Errorf("Error() differs from Message(EN)")
		}
	}
	if errs.Error() != errs.Message(EN) || strings.Count(errs.Message(JA), "\n") != len(errs)-1 {
		t.Errorf("AnswerErrors message:\n%s", errs.Message(JA))
	}
}

func TestParseAnswersBad(t *testing.T) {
	rs := testRules(t)
	tests := []struct {
		name string
		in   string
		line int
		want []wantErr
	}{
		{"unknown id", exampleWith(t, map[string]any{"pregnancyy": "no"}), 3,
			[]wantErr{{3, "pregnancyy", ErrUnknownQuestion, "line 3: pregnancyy: unknown question id", "3行目: pregnancyy: そのような質問IDはありません"}}},
		{"unknown option", exampleWith(t, map[string]any{"pregnancy": "maybe"}), 1,
			[]wantErr{{1, "pregnancy", ErrUnknownOption, `line 1: pregnancy: "maybe" is not an answer to this question; expected one of "no", "pregnant", "possible", "unsure"`,
				`1行目: pregnancy: "maybe"はこの質問の回答にありません。"no", "pregnant", "possible", "unsure"のいずれかが必要です`}}},
		{"unknown option in a multi answer", exampleWith(t, map[string]any{"allergy_to": []string{"pollen", "cats"}}), 1,
			[]wantErr{{1, "allergy_to", ErrUnknownOption, `"cats" is not an answer to this question; expected an array of "drug", "food"`, `"cats"はこの質問の回答にありません`}}},
		{"option twice in a multi answer", exampleWith(t, map[string]any{"allergy_to": []string{"pollen", "pollen"}}), 1,
			[]wantErr{{1, "allergy_to", ErrDuplicateOption, `"pollen" is given twice`, `"pollen"が2回指定されています`}}},
		{"unsure on an integer", exampleWith(t, map[string]any{"cancer_years": "unknown"}), 1,
			[]wantErr{{1, "cancer_years", ErrUnknownOption, `"unknown" is not an answer to this question; expected an integer from 0 to 120 or "unsure"`, `0から120までの整数、または"unsure"が必要です`}}},
		{"wrong type: number for a code", exampleWith(t, map[string]any{"pregnancy": 1}), 1,
			[]wantErr{{1, "pregnancy", ErrWrongType, `expected one of "no", "pregnant", "possible", "unsure", got the number 1`, `のいずれかが必要ですが、数値 1です`}}},
		{"wrong type: string for an array", exampleWith(t, map[string]any{"allergy_to": "pollen"}), 1,
			[]wantErr{{1, "allergy_to", ErrWrongType, `expected an array of "drug", "food", "pollen", "latex", "metal", "other", got a string "pollen"`, "からなる配列が必要です"}}},
		{"wrong type: array of numbers", exampleWith(t, map[string]any{"allergy_to": []int{1}}), 1,
			[]wantErr{{1, "allergy_to", ErrWrongType, "got an array", "配列が必要"}}},
		{"wrong type: boolean for an integer", exampleWith(t, map[string]any{"cancer_years": true}), 1,
			[]wantErr{{1, "cancer_years", ErrWrongType, `expected an integer from 0 to 120 or "unsure", got a boolean`, "整数"}}},
		{"wrong type: fraction", strings.Replace(exampleWith(t, nil), `"cancer_years":7`, `"cancer_years":7.5`, 1), 1,
			[]wantErr{{1, "cancer_years", ErrWrongType, "got the number 7.5", "整数"}}},
		{"wrong type: null", exampleWith(t, map[string]any{"infection": json.RawMessage("null")}), 1,
			[]wantErr{{1, "infection", ErrWrongType, "got null", "null"}}},
		{"wrong type: object for text", exampleWith(t, map[string]any{"other_medication": "yes", "medication_names": map[string]int{}}), 1,
			[]wantErr{{1, "medication_names", ErrWrongType, "expected a string, got an object", "文字列が必要ですが"}}},
		{"out of range: above", exampleWith(t, map[string]any{"cancer_years": 121}), 1,
			[]wantErr{{1, "cancer_years", ErrOutOfRange, `121 is out of range; expected an integer from 0 to 120 or "unsure"`, "121は範囲外です。0から120までの整数"}}},
		{"out of range: below", exampleWith(t, map[string]any{"cancer_years": -1}), 1,
			[]wantErr{{1, "cancer_years", ErrOutOfRange, "-1 is out of range", "-1は範囲外です"}}},
		{"out of range: huge", strings.Replace(exampleWith(t, nil), `"cancer_years":7`, `"cancer_years":99999999999999999999`, 1), 1,
			[]wantErr{{1, "cancer_years", ErrOutOfRange, "99999999999999999999 is out of range", "範囲外"}}},
		{"out of range: beyond float", strings.Replace(exampleWith(t, nil), `"cancer_years":7`, `"cancer_years":1e400`, 1), 1,
			[]wantErr{{1, "cancer_years", ErrOutOfRange, "1e400 is out of range", "範囲外"}}},
		{"out of range: exponent", strings.Replace(exampleWith(t, nil), `"cancer_years":7`, `"cancer_years":2e3`, 1), 1,
			[]wantErr{{1, "cancer_years", ErrOutOfRange, "2e3 is out of range", "範囲外"}}},
		{"missing answer to a shown question", exampleWith(t, map[string]any{"breastfeeding": nil}), 5,
			[]wantErr{{5, "breastfeeding", ErrMissing, `line 5: breastfeeding: this question is shown and needs an answer: one of "no", "yes", "unsure"`, "5行目: breastfeeding: この質問は表示されるため回答が必要です"}}},
		{"missing follow-up", exampleWith(t, map[string]any{"cancer_years": nil}), 1,
			[]wantErr{{1, "cancer_years", ErrMissing, "shown and needs an answer", "回答が必要"}}},
		{"answer to a hidden question", exampleWith(t, map[string]any{"pregnancy": "pregnant"}), 1,
			[]wantErr{{1, "pregnancy_planned", ErrNotShown, `pregnancy_planned: this question is not shown for these answers (it is shown when pregnancy = "no"), so it must not be answered`,
				`この回答ではこの質問は表示されません（表示条件: pregnancy = "no"）`}}},
		{"answers to hidden follow-ups", exampleWith(t, map[string]any{"allergy": "none", "cancer": "none"}), 1,
			[]wantErr{
				{1, "cancer_years", ErrNotShown, `shown when cancer = "treatment_ended"`, "表示されません"},
				{1, "allergy_severe", ErrNotShown, `shown when allergy = "yes" or allergy = "unsure"`, "表示されません"},
				{1, "allergy_to", ErrNotShown, `shown when allergy = "yes"`, "表示されません"}}},
		{"duplicate key", strings.Replace(exampleWith(t, nil), `{`, `{"pregnancy":"pregnant",`, 1), 1,
			[]wantErr{{1, "pregnancy", ErrDuplicateKey, "pregnancy: answered more than once in the same record", "同じレコードで2回以上回答されています"}}},
		{"several problems at once", exampleWith(t, map[string]any{"pregnancy": "x", "nope": 1, "cancer_years": 500}), 2,
			[]wantErr{
				{2, "cancer_years", ErrOutOfRange, "500 is out of range", "範囲外"},
				{2, "nope", ErrUnknownQuestion, "unknown question id", "質問ID"},
				{2, "pregnancy", ErrUnknownOption, `"x" is not an answer`, "回答にありません"}}},
		{"syntax error", `{"pregnancy": "no",, "breastfeeding": "no"}`, 4,
			[]wantErr{{4, "", ErrSyntax, "line 4: not valid JSON: invalid character ','", "4行目: JSONとして読めません"}}},
		{"syntax error on a later line of a document", "{\n \"pregnancy\": \"no\",\n \"breastfeeding\" \"no\"\n}", 10,
			[]wantErr{{12, "", ErrSyntax, "line 12: not valid JSON: expected colon after object key", "12行目"}}},
		{"truncated", `{"pregnancy": "no"`, 1,
			[]wantErr{{1, "", ErrSyntax, "line 1: not valid JSON: unexpected end of input", "JSONとして読めません"}}},
		{"empty", ``, 7,
			[]wantErr{{7, "", ErrSyntax, "unexpected end of input", "JSONとして読めません"}}},
		{"two values", exampleWith(t, nil) + ` {}`, 1,
			[]wantErr{{1, "", ErrSyntax, "more than one JSON value in the record", "JSONとして読めません"}}},
		{"trailing garbage", exampleWith(t, nil) + ` x`, 1,
			[]wantErr{{1, "", ErrSyntax, "not valid JSON: invalid character 'x' looking for beginning of value", "JSONとして読めません"}}},
		{"stray closing brace", exampleWith(t, nil) + `}`, 1,
			[]wantErr{{1, "", ErrSyntax, "not valid JSON: invalid character '}' looking for beginning of value", "JSONとして読めません"}}},
		{"stray closing bracket on the next line", exampleWith(t, nil) + "\n]", 4,
			[]wantErr{{5, "", ErrSyntax, "line 5: not valid JSON: invalid character ']' looking for beginning of value", "5行目"}}},
		{"stray brace after a bad answer", exampleWith(t, map[string]any{"pregnancy": "x"}) + `}`, 1,
			[]wantErr{
				{1, "pregnancy", ErrUnknownOption, `"x" is not an answer`, "回答にありません"},
				{1, "", ErrSyntax, "invalid character '}'", "JSONとして読めません"}}},
		{"not an object: array", `[{"pregnancy": "no"}]`, 1,
			[]wantErr{{1, "", ErrNotObject, "expected a JSON object keyed by question id, got an array", "質問IDをキーとするJSONオブジェクトが必要ですが、配列です"}}},
		{"not an object: string", `"pregnancy"`, 1,
			[]wantErr{{1, "", ErrNotObject, "got a string", "JSONオブジェクトが必要"}}},
		{"not an object: number", `42`, 1,
			[]wantErr{{1, "", ErrNotObject, "got a number", "JSONオブジェクトが必要"}}},
		{"not an object: null", `null`, 1,
			[]wantErr{{1, "", ErrNotObject, "got null", "JSONオブジェクトが必要"}}},
		{"not an object: boolean", `true`, 1,
			[]wantErr{{1, "", ErrNotObject, "got a boolean", "JSONオブジェクトが必要"}}},
		{"not UTF-8", "{\"pregnancy\": \"\xff\"}", 1,
			[]wantErr{{1, "", ErrSyntax, "not UTF-8 text", "JSONとして読めません"}}},
		{"text too long", exampleWith(t, map[string]any{"other_medication": "yes", "medication_names": strings.Repeat("薬", MaxTextRunes+1)}), 1,
			[]wantErr{{1, "medication_names", ErrTooLong, "too long: at most 2000 characters", "長すぎます"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := rs.ParseAnswers([]byte(tc.in), tc.line)
			if a != nil {
				t.Fatalf("accepted %s", tc.in)
			}
			checkErrs(t, err, tc.want)
		})
	}
}

func TestParseAnswersGood(t *testing.T) {
	rs := testRules(t)
	tests := []struct {
		name  string
		in    string
		check func(t *testing.T, a *Answers)
	}{
		{"example", testExample, func(t *testing.T, a *Answers) {
			if v := a.Get(rs.Question("cancer_years")); v.Int != 7 || !v.Set || v.Unsure {
				t.Errorf("cancer_years %+v", v)
			}
		}},
		{"whole number written as a float", strings.Replace(exampleWith(t, nil), `"cancer_years":7`, `"cancer_years":7.0`, 1), func(t *testing.T, a *Answers) {
			if v := a.Get(rs.Question("cancer_years")); v.Int != 7 {
				t.Errorf("cancer_years %+v", v)
			}
		}},
		{"unsure integer and codes in any order", exampleWith(t, map[string]any{"cancer_years": "unsure", "allergy_to": []string{"other", "drug", "pollen"}}),
			func(t *testing.T, a *Answers) {
				if v := a.Get(rs.Question("cancer_years")); !v.Unsure || !v.IsUnsure() {
					t.Errorf("cancer_years %+v", v)
				}
				if v := a.Get(rs.Question("allergy_to")); fmt.Sprint(v.Codes) != "[drug pollen other]" {
					t.Errorf("allergy_to not in option order: %v", v.Codes)
				}
			}},
		{"optional answers left out", exampleWith(t, map[string]any{"allergy_to": nil}), func(t *testing.T, a *Answers) {
			if a.Get(rs.Question("allergy_to")).Set {
				t.Error("allergy_to set")
			}
		}},
		{"empty multi answer and text", exampleWith(t, map[string]any{"allergy_to": []string{}, "anticoagulant": "yes", "medication_names": ""}),
			func(t *testing.T, a *Answers) {
				if v := a.Get(rs.Question("allergy_to")); !v.Set || v.Codes == nil || len(v.Codes) != 0 {
					t.Errorf("allergy_to %+v", v)
				}
				if v := a.Get(rs.Question("medication_names")); !v.Set || v.Text != "" {
					t.Errorf("medication_names %+v", v)
				}
			}},
		{"text kept as written", exampleWith(t, map[string]any{"immunosuppressant": "yes", "medication_names": "プレドニン\x1b[31m 5mg\n"}),
			func(t *testing.T, a *Answers) {
				if v := a.Get(rs.Question("medication_names")); v.Text != "プレドニン\x1b[31m 5mg\n" {
					t.Errorf("medication_names %q", v.Text)
				}
			}},
		{"pretty-printed with CRLF", strings.ReplaceAll(testExample, "\n", "\r\n"), nil},
		{"escaped key", strings.Replace(testExample, `"pregnancy":`, `"pregn\u0061ncy":`, 1), nil},
		{"whitespace around", " \n\t" + testExample + "\n\n ", nil},
		{"byte-order mark", "\ufeff" + testExample, nil},
		{"byte-order mark, one line", "\ufeff" + strings.Join(strings.Fields(testExample), " "), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := rs.ParseAnswers([]byte(tc.in), 1)
			if err != nil {
				t.Fatal(err)
			}
			if a.RuleSet() != rs {
				t.Fatal("wrong rule set")
			}
			if tc.check != nil {
				tc.check(t, a)
			}
			if _, err := rs.Evaluate(a); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// rec summarises a Record for comparison: "line:ok:verdict" or "line:err:kind,kind".
func recSummary(t *testing.T, rs *RuleSet, r Record) string {
	t.Helper()
	if (r.Answers == nil) == (r.Err == nil) {
		t.Fatalf("record at line %d: answers %v err %v", r.Line, r.Answers, r.Err)
	}
	if r.Err != nil {
		var errs AnswerErrors
		if !errors.As(r.Err, &errs) {
			t.Fatalf("record error %T", r.Err)
		}
		var kinds []string
		for _, e := range errs {
			kinds = append(kinds, fmt.Sprintf("%d@%d", e.Kind, e.Line))
		}
		return fmt.Sprintf("%d:err:%s", r.Line, strings.Join(kinds, ","))
	}
	res, err := rs.Evaluate(r.Answers)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d:ok:%s", r.Line, res.Verdict)
}

func readAll(t *testing.T, rs *RuleSet, in string) []string {
	t.Helper()
	var out []string
	err := rs.ReadAnswers(strings.NewReader(in), func(r Record) error {
		out = append(out, recSummary(t, rs, r))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReadAnswers(t *testing.T) {
	rs := testRules(t)
	good := exampleWith(t, nil)
	abs := exampleWith(t, map[string]any{"pregnancy": "pregnant", "pregnancy_planned": nil})
	none := exampleWith(t, map[string]any{"cancer": "none", "cancer_years": nil, "allergy": "none", "allergy_severe": nil, "allergy_to": nil})
	unknownOpt := exampleWith(t, map[string]any{"infection": "maybe"})
	long := `{"medication_names": "` + strings.Repeat("x", maxRecordBytes) + `"}`
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"single line", good, []string{"1:ok:relative"}},
		{"single line with newline", good + "\n", []string{"1:ok:relative"}},
		{"pretty-printed object", testExample + "\n", []string{"1:ok:relative"}},
		{"pretty-printed after blank lines", "\n\n" + testExample, []string{"3:ok:relative"}},
		{"pretty-printed with CRLF", strings.ReplaceAll(testExample, "\n", "\r\n") + "\r\n", []string{"1:ok:relative"}},
		{"pretty-printed with a syntax error on line 3", strings.Replace(testExample, `"product_reaction": "never_treated",`, `"product_reaction": "never_treated"`, 1),
			[]string{fmt.Sprintf("1:err:%d@3", ErrSyntax)}},
		{"JSON Lines", good + "\n" + abs + "\n" + none + "\n", []string{"1:ok:relative", "2:ok:absolute", "3:ok:none"}},
		{"JSON Lines with CRLF and blank lines", "\r\n" + good + "\r\n\r\n  \r\n" + abs + "\r\n", []string{"2:ok:relative", "5:ok:absolute"}},
		{"bad records in between", strings.Join([]string{
			good,
			`{"pregnancy": "no",`,
			"",
			abs,
			unknownOpt,
			`[1, 2]`,
			"\xff\xfe",
			none,
			`{"pregnancy": "no"}`,
			good,
		}, "\n"), []string{
			"1:ok:relative",
			fmt.Sprintf("2:err:%d@2", ErrSyntax),
			"4:ok:absolute",
			fmt.Sprintf("5:err:%d@5", ErrUnknownOption),
			fmt.Sprintf("6:err:%d@6", ErrNotObject),
			fmt.Sprintf("7:err:%d@7", ErrSyntax),
			"8:ok:none",
			fmt.Sprintf("9:err:%s", strings.Repeat(fmt.Sprintf("%d@9,", ErrMissing), 13)+fmt.Sprintf("%d@9", ErrMissing)),
			"10:ok:relative",
		}},
		{"first record broken", `{"pregnancy": ` + "\n" + good + "\n" + abs, []string{
			fmt.Sprintf("1:err:%d@1", ErrSyntax), "2:ok:relative", "3:ok:absolute"}},
		{"first record broken, then blank lines", `{"pregnancy": ` + "\n\n\n" + good, []string{
			fmt.Sprintf("1:err:%d@1", ErrSyntax), "4:ok:relative"}},
		{"over-long line", good + "\n" + long + "\n" + abs + "\n", []string{
			"1:ok:relative", fmt.Sprintf("2:err:%d@2", ErrTooLong), "3:ok:absolute"}},
		{"over-long first line", long + "\n" + abs, []string{
			fmt.Sprintf("1:err:%d@1", ErrTooLong), "2:ok:absolute"}},
		{"over-long last line without newline", good + "\n" + long, []string{
			"1:ok:relative", fmt.Sprintf("2:err:%d@2", ErrTooLong)}},
		{"no final newline", good + "\n" + abs, []string{"1:ok:relative", "2:ok:absolute"}},
		{"not JSON at all", "hello\nworld\n", []string{fmt.Sprintf("1:err:%d@1", ErrSyntax)}},
		{"empty", "", nil},
		{"only blank lines", "\n \r\n\t\n", nil},
		// A byte-order mark at the start of the input (Windows tools) is ignored.
		{"BOM, one line", "\ufeff" + good, []string{"1:ok:relative"}},
		{"BOM, pretty-printed", "\ufeff" + exampleAnswers, []string{"1:ok:relative"}},
		{"BOM on a line of its own", "\ufeff\r\n" + good + "\r\n" + abs, []string{"2:ok:relative", "3:ok:absolute"}},
		{"BOM, JSON Lines", "\ufeff" + good + "\n" + abs, []string{"1:ok:relative", "2:ok:absolute"}},
		{"BOM alone", "\ufeff", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := readAll(t, rs, tc.in)
			if strings.Join(got, " | ") != strings.Join(tc.want, " | ") {
				t.Errorf("records\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}

func TestReadAnswersTooLongMessages(t *testing.T) {
	rs := testRules(t)
	long := `{"medication_names": "` + strings.Repeat("x", maxRecordBytes) + `"}`
	var msgs []string
	rs.ReadAnswers(strings.NewReader(long), func(r Record) error {
		msgs = append(msgs, r.Err.(AnswerErrors).Message(EN), r.Err.(AnswerErrors).Message(JA))
		return nil
	})
	if len(msgs) != 2 || msgs[0] != "line 1: too long: a record may be at most 1048576 bytes" || !strings.HasPrefix(msgs[1], "1行目: 長すぎます") {
		t.Errorf("%q", msgs)
	}
	// A pretty-printed document over maxDocBytes is refused as one record.
	var doc bytes.Buffer
	doc.WriteString("{\n")
	for doc.Len() <= maxDocBytes+100000 {
		doc.WriteString(`  "medication_names": "` + strings.Repeat("x", 1000) + "\",\n")
	}
	doc.WriteString("}\n")
	var recs []Record
	if err := rs.ReadAnswers(&doc, func(r Record) error { recs = append(recs, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Err == nil || !strings.Contains(recs[0].Err.Error(), "a single answers document may be at most") {
		t.Errorf("%d records: %v", len(recs), recs)
	}
}

type failingReader struct {
	data string
	err  error
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.data == "" {
		return 0, f.err
	}
	n := copy(p, f.data)
	f.data = f.data[n:]
	return n, nil
}

func TestReadAnswersStops(t *testing.T) {
	rs := testRules(t)
	good := exampleWith(t, nil)
	// A reading error is returned, after the records read before it.
	boom := errors.New("disk on fire")
	n := 0
	err := rs.ReadAnswers(&failingReader{data: good + "\n" + good + "\n", err: boom}, func(Record) error { n++; return nil })
	if !errors.Is(err, boom) || n != 2 {
		t.Errorf("err %v after %d records", err, n)
	}
	err = rs.ReadAnswers(&failingReader{err: boom}, func(Record) error { n++; return nil })
	if !errors.Is(err, boom) {
		t.Errorf("err %v", err)
	}
	err = rs.ReadAnswers(&failingReader{data: "{\n", err: boom}, func(Record) error { return nil })
	if !errors.Is(err, boom) {
		t.Errorf("err %v", err)
	}
	// fn's error stops reading, at every place a record is emitted.
	stop := errors.New("stop")
	for _, in := range []string{
		good + "\n" + good,                    // JSON Lines
		`{"x":` + "\n" + good + "\n" + good,   // held lines
		testExample,                           // single document
		"{\n" + `"a": 1` + "\n" + good + "\n", // held, then JSON Lines
	} {
		calls := 0
		err = rs.ReadAnswers(strings.NewReader(in), func(Record) error { calls++; return stop })
		if !errors.Is(err, stop) || calls != 1 {
			t.Errorf("%q: err %v after %d calls", in, err, calls)
		}
	}
	var _ io.Reader = &failingReader{}
}

// TestAnswersAPI covers Set, Clear, Clone, Prune, Visible and the errors of Set.
func TestAnswersAPI(t *testing.T) {
	rs := testRules(t)
	a, err := rs.ParseAnswers([]byte(testExample), 1)
	if err != nil {
		t.Fatal(err)
	}
	c := a.Clone()
	if err := c.Set(rs.Question("allergy_to"), CodesValue("metal", "drug")); err != nil {
		t.Fatal(err)
	}
	if got := c.Get(rs.Question("allergy_to")).Codes; fmt.Sprint(got) != "[drug metal]" {
		t.Errorf("Set did not sort: %v", got)
	}
	if got := a.Get(rs.Question("allergy_to")).Codes; fmt.Sprint(got) != "[pollen]" {
		t.Errorf("Clone shares answers: %v", got)
	}
	c.Get(rs.Question("allergy_to")).Codes[0] = "x"
	if got := a.Get(rs.Question("allergy_to")).Codes; got[0] != "pollen" {
		t.Error("Clone shares slices")
	}
	for _, tc := range []struct {
		q    string
		v    Value
		kind ErrKind
	}{
		{"pregnancy", CodeValue("x"), ErrUnknownOption},
		{"allergy_to", CodesValue("drug", "drug"), ErrDuplicateOption},
		{"allergy_to", CodesValue("x"), ErrUnknownOption},
		{"cancer_years", IntValue(121), ErrOutOfRange},
		{"cancer_years", IntValue(-1), ErrOutOfRange},
	} {
		err := c.Set(rs.Question(tc.q), tc.v)
		var ae *AnswerError
		if !errors.As(err, &ae) || ae.Kind != tc.kind || ae.Question != tc.q {
			t.Errorf("Set(%s, %+v) = %v, want kind %d", tc.q, tc.v, err, tc.kind)
		}
	}
	for _, v := range []Value{IntValue(0), IntValue(120), UnsureInt()} {
		if err := c.Set(rs.Question("cancer_years"), v); err != nil {
			t.Errorf("Set(cancer_years, %+v): %v", v, err)
		}
	}
	// Clearing an answer with the zero Value.
	if err := c.Set(rs.Question("allergy_to"), Value{}); err != nil || c.Get(rs.Question("allergy_to")).Set {
		t.Errorf("clear: %v", err)
	}
	// Changing a parent hides the follow-ups; Prune drops their answers.
	b := a.Clone()
	b.Set(rs.Question("cancer"), CodeValue("none"))
	b.Set(rs.Question("allergy"), CodeValue("unsure"))
	if b.IsShown(rs.Question("cancer_years")) || !b.IsShown(rs.Question("allergy_severe")) || b.IsShown(rs.Question("allergy_to")) || !b.IsShown(rs.Question("pregnancy")) {
		t.Error("IsShown")
	}
	if got := len(b.Visible()); got != 16 {
		t.Errorf("%d visible", got)
	}
	if n := len(b.Problems()); n != 2 {
		t.Errorf("%d problems before Prune: %v", n, b.Problems())
	}
	if n := b.Prune(); n != 2 {
		t.Errorf("Prune dropped %d", n)
	}
	if n := b.Prune(); n != 0 {
		t.Errorf("second Prune dropped %d", n)
	}
	if p := b.Problems(); p != nil {
		t.Errorf("problems after Prune: %v", p)
	}
	if b.Get(rs.Question("cancer_years")).Set || !b.Get(rs.Question("allergy_severe")).Set {
		t.Error("Prune dropped the wrong answers")
	}
	b.Clear()
	for _, q := range rs.Questions {
		if b.Get(q).Set {
			t.Errorf("%s set after Clear", q.ID)
		}
	}
	// Answers of another rule set are refused.
	other, err := Load(os.DirFS(testRulesDir))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.Evaluate(a); err == nil {
		t.Error("Evaluate took answers of another rule set")
	}
}

func TestValue(t *testing.T) {
	for _, tc := range []struct {
		v      Value
		unsure bool
	}{
		{Value{}, false},
		{CodeValue("unsure"), true},
		{CodeValue("no"), false},
		{UnsureInt(), true},
		{IntValue(0), false},
		{Value{Code: "unsure"}, false}, // not set
		{TextValue("unsure"), false},
		{CodesValue("unsure"), false},
	} {
		if tc.v.IsUnsure() != tc.unsure {
			t.Errorf("%+v IsUnsure = %v", tc.v, !tc.unsure)
		}
	}
	for _, tc := range []struct {
		v       Value
		k       Kind
		present bool
	}{
		{Value{}, Single, false},
		{CodeValue("no"), Single, true},
		{CodesValue(), Multi, false},
		{CodesValue("a"), Multi, true},
		{TextValue(""), Free, false},
		{TextValue("a"), Free, true},
		{IntValue(0), Integer, true},
		{UnsureInt(), Integer, true},
	} {
		if tc.v.present(kindCodeOf(tc.k)) != tc.present {
			t.Errorf("%+v present(%s) = %v", tc.v, tc.k, !tc.present)
		}
	}
}

// TestFastPath checks which records the fast path takes and that it agrees with decode.
func TestFastPath(t *testing.T) {
	rs := testRules(t)
	good := exampleWith(t, nil)
	for _, tc := range []struct {
		in   string
		fast bool
	}{
		{good, true},
		{testExample, true},
		{" \r\n" + good + "\r\n ", true},
		{`{}`, true},
		{`{ }`, true},
		{exampleWith(t, map[string]any{"cancer_years": "unsure", "allergy_to": []string{}}), true},
		{exampleWith(t, map[string]any{"allergy_to": []string{"other", "drug"}}), true},
		{exampleWith(t, map[string]any{"anticoagulant": "yes", "medication_names": "ワーファリン 1mg"}), true},
		{strings.Replace(good, `"cancer_years":7`, `"cancer_years":-0`, 1), true},
		{strings.Replace(good, `"cancer_years":7`, `"cancer_years":7.0`, 1), false},
		{strings.Replace(good, `"cancer_years":7`, `"cancer_years":7e0`, 1), false},
		{strings.Replace(good, `"cancer_years":7`, `"cancer_years":07`, 1), false},
		{strings.Replace(good, `"cancer_years":7`, `"cancer_years":-`, 1), false},
		{strings.Replace(good, `"cancer_years":7`, `"cancer_years":1234567890123456789`, 1), false},
		{strings.Replace(good, `"pregnancy":`, `"pregn\u0061ncy":`, 1), false},
		{exampleWith(t, map[string]any{"other_medication": "yes", "medication_names": "a\"b"}), false},
		{exampleWith(t, map[string]any{"other_medication": "yes", "medication_names": "a\tb"}), false},
		{exampleWith(t, map[string]any{"other_medication": "yes", "medication_names": strings.Repeat("x", MaxTextRunes+1)}), false},
		{exampleWith(t, map[string]any{"other_medication": "yes", "medication_names": strings.Repeat("薬", MaxTextRunes)}), true},
		{exampleWith(t, map[string]any{"allergy_to": []string{"drug", "drug"}}), false},
		{exampleWith(t, map[string]any{"allergy_to": []string{"cats"}}), false},
		{exampleWith(t, map[string]any{"cancer_years": "later"}), false},
		{exampleWith(t, map[string]any{"cancer_years": 121}), false},
		{exampleWith(t, map[string]any{"pregnancy": "maybe"}), false},
		{exampleWith(t, map[string]any{"nope": "no"}), false},
		{exampleWith(t, map[string]any{"pregnancy": true}), false},
		{exampleWith(t, map[string]any{"allergy_to": "drug"}), false},
		{strings.Replace(good, `{`, `{"pregnancy":"no",`, 1), false},
		{strings.Replace(good, `"allergy_to":["pollen"]`, `"allergy_to":["pollen" "drug"]`, 1), false},
		{strings.Replace(good, `"allergy_to":["pollen"]`, `"allergy_to":["pollen",]`, 1), false},
		{strings.Replace(good, `"allergy_to":["pollen"]`, `"allergy_to":[`, 1), false},
		{good + "x", false},
		{good + "{}", false},
		{strings.TrimSuffix(good, "}"), false},
		{strings.Replace(good, ":", " ", 1), false},
		{strings.Replace(good, ",", " ", 1), false},
		{strings.Replace(good, `"no"`, `"no`, 1), false},
		{"\xff" + good, false},
		{`[]`, false},
		{``, false},
		{`{"pregnancy"`, false},
		{`{"pregnancy":`, false},
		{`{"pregnancy":"no"`, false},
		{`{"pregnancy":"no",`, false},
	} {
		fast, slow := rs.NewAnswers(), rs.NewAnswers()
		if got := fast.decodeFast([]byte(tc.in)); got != tc.fast {
			t.Errorf("decodeFast = %v, want %v: %.120s", got, tc.fast, tc.in)
			continue
		}
		if !tc.fast {
			continue
		}
		if errs := slow.decode([]byte(tc.in), 1); errs != nil {
			t.Errorf("fast path took what decode refuses (%v): %.120s", errs, tc.in)
		}
		for i := range fast.vals {
			if !sameValue(fast.vals[i], slow.vals[i]) {
				t.Errorf("%s: fast %+v, decode %+v", rs.Questions[i].ID, fast.vals[i], slow.vals[i])
			}
		}
	}
}
