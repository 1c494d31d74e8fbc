package accessible

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/exoscreen/exoscreen/internal/eawidth"
	"github.com/exoscreen/exoscreen/internal/golden"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

var (
	testStart = time.Date(2026, 11, 21, 10, 30, 0, 0, time.UTC)
	testEnd   = testStart.Add(4 * time.Minute)
)

// lines joins input lines, each ended by a newline, as a script would pipe them.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// The answers of the full sessions, one a line, with what each answers.
var (
	fullJA = lines(
		"1",             // pregnancy: no
		"1",             // pregnancy_planned (shown because pregnancy = no): no
		"1",             // breastfeeding: no
		"4",             // cancer: treatment_ended
		"7年",            // cancer_years (shown because treatment_ended): 7
		"1",             // infection: no
		"never_treated", // product_reaction, by code
		"2",             // allergy: yes
		"１",             // allergy_severe (shown): no, full-width digit
		"1、3",           // allergy_to (shown): drug, pollen, Japanese comma
		"1",             // anticoagulant: no
		"1",             // bleeding_disorder: no
		"1",             // immunosuppressant: no
		"2",             // other_medication: yes
		"ワーファリン 5mg",    // medication_names (shown): free text
		"1",             // autoimmune: no
		"1",             // chronic_disease: none
		"1",             // doctor_advised_against: no
		"1",             // blood_donation: no
		"",              // review: confirm
	)
	fullEN = lines(
		"4",      // pregnancy: unsure (pregnancy_planned stays hidden)
		"1",      // breastfeeding: no
		"none",   // cancer: none (cancer_years stays hidden)
		"3",      // infection: unsure
		"2",      // product_reaction: no_reaction
		"unsure", // allergy: unsure (allergy_severe shown, allergy_to not)
		"2",      // allergy_severe: yes
		"yes",    // anticoagulant: yes (medication_names will be shown)
		"1",      // bleeding_disorder: no
		"1",      // immunosuppressant: no
		"1",      // other_medication: no
		"",       // medication_names: optional, left empty
		"1",      // autoimmune: no
		"2",      // chronic_disease: controlled
		"1",      // doctor_advised_against: no
		"2",      // blood_donation: yes
		"ok",     // review: confirm
	)
)

// outcome is what one session produced.
type outcome struct {
	out   string
	a     *screening.Answers
	res   *screening.Result
	err   error
	saved []export.Meta // the Meta of each Save call
}

// runSession runs a session over in, with a clock that says testStart, then testEnd.
func runSession(t *testing.T, lang screening.Lang, in io.Reader, mod func(*Options)) outcome {
	t.Helper()
	var out bytes.Buffer
	var o outcome
	clock := []time.Time{testStart, testEnd}
	opt := Options{
		Lang: lang, In: in, Out: &out, Echo: true,
		Now: func() time.Time {
			t := clock[0]
			if len(clock) > 1 {
				clock = clock[1:]
			}
			return t
		},
		Save: func(res *screening.Result, m export.Meta) error {
			o.saved = append(o.saved, m)
			return nil
		},
	}
	if mod != nil {
		mod(&opt)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	o.a, o.res, o.err = Run(ctx, ruleSet(t), opt)
	o.out = out.String()
	return o
}

// splitSummary splits a finished session's output into the dialogue and the summary and
// checks that the summary is exactly export.WriteText's.
func splitSummary(t *testing.T, lang screening.Lang, o outcome) string {
	t.Helper()
	if o.err != nil {
		t.Fatalf("Run: %v\n%s", o.err, o.out)
	}
	mark := tr(lang, "done") + "\n\n"
	i := strings.Index(o.out, mark)
	if i < 0 {
		t.Fatalf("no summary in the output:\n%s", o.out)
	}
	dialogue, summary := o.out[:i+len(mark)], o.out[i+len(mark):]
	if len(o.saved) != 1 {
		t.Fatalf("Save called %d times, want 1", len(o.saved))
	}
	m := o.saved[0]
	if m.Lang != lang || !m.Started.Equal(testStart) || !m.Time.Equal(testEnd) {
		t.Errorf("Save got Meta %+v: want lang %s, started %v, time %v", m, lang, testStart, testEnd)
	}
	var want bytes.Buffer
	if err := export.WriteText(&want, o.res, m); err != nil {
		t.Fatal(err)
	}
	if summary != want.String() {
		t.Errorf("the summary is not export.WriteText's:\n--- got\n%s\n--- want\n%s", summary, want.String())
	}
	return dialogue
}

func answer(t *testing.T, a *screening.Answers, id string) screening.Value {
	t.Helper()
	return a.Get(question(t, id))
}

func TestFullSession(t *testing.T) {
	for _, tc := range []struct {
		lang    screening.Lang
		in      string
		verdict screening.Class
		check   func(t *testing.T, o outcome)
	}{
		{screening.JA, fullJA, screening.Relative, func(t *testing.T, o outcome) {
			if v := answer(t, o.a, "cancer_years"); v.Int != 7 {
				t.Errorf("cancer_years = %+v", v)
			}
			if v := answer(t, o.a, "allergy_to"); strings.Join(v.Codes, ",") != "drug,pollen" {
				t.Errorf("allergy_to = %+v", v)
			}
			if v := answer(t, o.a, "medication_names"); v.Text != "ワーファリン 5mg" {
				t.Errorf("medication_names = %+v", v)
			}
			if len(o.res.Findings) != 19 {
				t.Errorf("%d findings, want 19 (every question shown)", len(o.res.Findings))
			}
		}},
		{screening.EN, fullEN, screening.Absolute, func(t *testing.T, o outcome) {
			if o.res.NeedsConfirmation() != 3 {
				t.Errorf("%d findings need confirmation, want 3 (pregnancy, infection, allergy)", o.res.NeedsConfirmation())
			}
			for _, id := range []string{"pregnancy_planned", "cancer_years", "allergy_to"} {
				if answer(t, o.a, id).Set || o.a.IsShown(question(t, id)) {
					t.Errorf("%s is shown or answered", id)
				}
			}
			if v := answer(t, o.a, "medication_names"); v.Set {
				t.Errorf("medication_names = %+v, want no answer", v)
			}
		}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			o := runSession(t, tc.lang, strings.NewReader(tc.in), nil)
			dialogue := splitSummary(t, tc.lang, o)
			golden.Equal(t, "session_"+string(tc.lang)+".golden", dialogue)
			if o.res.Verdict != tc.verdict {
				t.Errorf("verdict %v, want %v", o.res.Verdict, tc.verdict)
			}
			tc.check(t, o)
			checkPlain(t, o.out)
		})
	}
}

// checkPlain checks output for what a line-by-line terminal must not get: escape
// sequences and other control characters, box drawing and East-Asian-ambiguous glyphs in
// the lines the accessible mode writes itself.
func checkPlain(t *testing.T, out string) {
	t.Helper()
	for _, r := range out {
		if r < 0x20 && r != '\n' {
			t.Fatalf("output holds control character U+%04X", r)
		}
		if eawidth.Ambiguous(r) { // box drawing, ※ • → ○ ● ┃ × … ― and the rest
			t.Fatalf("output holds the ambiguous-width glyph %q", r)
		}
	}
}

// chunkedPipe writes in to a real pipe in small pieces (1 to 7 bytes, splitting UTF-8
// characters) with pauses, as a slow producer would, and returns the reading end.
func chunkedPipe(t *testing.T, in string, pause time.Duration) *os.File {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	go func() {
		defer w.Close()
		b := []byte(in)
		for i, n := 0, 0; i < len(b); i += n {
			n = 1 + (i*7+3)%7
			if i+n > len(b) {
				n = len(b) - i
			}
			if _, err := w.Write(b[i : i+n]); err != nil {
				return
			}
			time.Sleep(pause)
		}
	}()
	return r
}

// TestPipedInput is the proof that no piped input is lost between prompts (what huh's
// accessible mode gets wrong): the same answers give the same dialogue and result whether
// they arrive all at once (the whole input in the first read, in a pipe written and
// closed before the session starts), trickle in through a real pipe in pieces of a few
// bytes that split Japanese characters, or come one byte per read.
func TestPipedInput(t *testing.T) {
	for _, lang := range testLangs {
		in := map[screening.Lang]string{screening.JA: fullJA, screening.EN: fullEN}[lang]
		want := runSession(t, lang, strings.NewReader(in), nil)
		wantDialogue := splitSummary(t, lang, want)
		readers := map[string]func() io.Reader{
			"pipe all at once": func() io.Reader {
				r, w, err := os.Pipe()
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { r.Close() })
				if _, err := w.WriteString(in); err != nil {
					t.Fatal(err)
				}
				w.Close()
				return r
			},
			"pipe in chunks":  func() io.Reader { return chunkedPipe(t, in, 2*time.Millisecond) },
			"one byte a read": func() io.Reader { return iotest.OneByteReader(strings.NewReader(in)) },
			"data with EOF":   func() io.Reader { return iotest.DataErrReader(strings.NewReader(in)) },
			"half reads":      func() io.Reader { return iotest.HalfReader(strings.NewReader(in)) },
		}
		for name, mk := range readers {
			t.Run(string(lang)+"/"+name, func(t *testing.T) {
				o := runSession(t, lang, mk(), nil)
				if d := splitSummary(t, lang, o); d != wantDialogue {
					t.Errorf("dialogue differs from the strings.Reader run:\n%s", golden.Diff(wantDialogue, d))
				}
				if o.res.Verdict != want.res.Verdict || len(o.res.Findings) != len(want.res.Findings) {
					t.Errorf("result differs: %v/%d vs %v/%d", o.res.Verdict, len(o.res.Findings), want.res.Verdict, len(want.res.Findings))
				}
			})
		}
	}
}

// TestFollowUpsDisappear answers allergy = yes and both follow-ups, goes back and answers
// none: allergy_severe and allergy_to are dropped (screening.Answers.Prune) and have no
// finding; answering yes again asks them again.
func TestFollowUpsDisappear(t *testing.T) {
	in := lines(
		"1", "1", "1", "1", "1", "1", // pregnancy .. product_reaction
		"2",                                    // allergy: yes
		"2",                                    // allergy_severe: yes
		"2,5",                                  // allergy_to: food, metal
		"b",                                    // at anticoagulant: back to allergy_to
		"b",                                    // back to allergy_severe
		"b",                                    // back to allergy
		"1",                                    // allergy: none -> both follow-ups disappear
		"1", "1", "1", "1", "1", "1", "1", "1", // anticoagulant .. blood_donation
		"",
	)
	o := runSession(t, screening.JA, strings.NewReader(in), nil)
	dialogue := splitSummary(t, screening.JA, o)
	golden.Equal(t, "followup_ja.golden", dialogue)
	for _, id := range []string{"allergy_severe", "allergy_to"} {
		if answer(t, o.a, id).Set {
			t.Errorf("%s still answered", id)
		}
		for _, f := range o.res.Findings {
			if f.Question.ID == id {
				t.Errorf("%s has a finding", id)
			}
		}
	}
	if !strings.Contains(dialogue, tr(screening.JA, "pruned", 2)) {
		t.Error("the dialogue does not say that 2 answers were removed")
	}
	if o.res.Verdict != screening.None {
		t.Errorf("verdict %v, want none", o.res.Verdict)
	}

	// Answer yes again: both follow-ups are asked again, without their old answers.
	in2 := strings.Replace(in, lines("1", "1", "1", "1", "1", "1", "1", "1", ""),
		lines("2", "1", "", "1", "1", "1", "1", "1", "1", "1", "1", ""), 1)
	in2 = strings.Replace(in2, "b\nb\nb\n1\n", "b\nb\nb\n1\nb\n", 1)
	o = runSession(t, screening.JA, strings.NewReader(in2), nil)
	splitSummary(t, screening.JA, o)
	if v := answer(t, o.a, "allergy_severe"); v.Code != "no" {
		t.Errorf("allergy_severe = %+v, want no (asked again)", v)
	}
	if v := answer(t, o.a, "allergy_to"); v.Set {
		t.Errorf("allergy_to = %+v, want no answer (asked again, left empty)", v)
	}
}

// TestReviewChange changes answers from the final review: a change that hides a follow-up
// and one that shows a new follow-up, which is asked before the review comes back.
func TestReviewChange(t *testing.T) {
	in := lines(
		"1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1", // 15 answers
		"1",     // review: change pregnancy
		"3",     // possible -> pregnancy_planned disappears
		"3",     // review (now 14 questions): change cancer (3rd)
		"",      // Enter keeps the current answer (none)
		"3",     // review: cancer again
		"4",     // treatment_ended -> cancer_years appears and is asked next
		"わからない", // cancer_years: unsure
		"?",     // review help
		"b",     // back from the review: to the last question
		"",      // keep it
		"",      // confirm
	)
	o := runSession(t, screening.EN, strings.NewReader(in), nil)
	dialogue := splitSummary(t, screening.EN, o)
	golden.Equal(t, "review_en.golden", dialogue)
	if v := answer(t, o.a, "pregnancy"); v.Code != "possible" {
		t.Errorf("pregnancy = %+v", v)
	}
	if answer(t, o.a, "pregnancy_planned").Set {
		t.Error("pregnancy_planned still answered")
	}
	if v := answer(t, o.a, "cancer_years"); !v.Unsure {
		t.Errorf("cancer_years = %+v, want unsure", v)
	}
	if o.res.Verdict != screening.Absolute || o.res.NeedsConfirmation() != 1 {
		t.Errorf("verdict %v with %d to confirm, want absolute with 1", o.res.Verdict, o.res.NeedsConfirmation())
	}
}

// TestBadInputReprompts: a person at a terminal is told what is wrong and asked again.
func TestBadInputReprompts(t *testing.T) {
	in := lines(
		"b",                                  // back at the first question
		"9", "", "abc", "-", "\x1b[31m", "1", // pregnancy: five bad lines, then no
		"b",           // back
		"",            // keep
		"1", "1", "2", // pregnancy_planned, breastfeeding, cancer in_treatment
		"1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1",
		"99", "x", // review: not in the list
		"",
	)
	o := runSession(t, screening.JA, strings.NewReader(in), nil)
	dialogue := splitSummary(t, screening.JA, o)
	golden.Equal(t, "badinput_ja.golden", dialogue)
	for _, want := range []string{
		"「9」は選択肢にありません。",
		"この質問には回答が必要です。",
		"「abc」は選択肢にありません。",
		`「\x1b[31m」は選択肢にありません。`,
		"1から4までの番号か、記号（no, pregnant, possible, unsure）を入力してください。",
		tr(screening.JA, "firstQuestion"),
		"「99」は一覧にありません。",
	} {
		if !strings.Contains(dialogue, want) {
			t.Errorf("the dialogue lacks %q", want)
		}
	}
	checkPlain(t, o.out)
}

// TestStopOnInvalid: from a script, the first unusable line ends the session (exit 2 in
// the command), so that no later answer is taken for the wrong question.
func TestStopOnInvalid(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		q        string
	}{
		{"answer", lines("1", "9", "1"), "pregnancy_planned"},
		{"empty", lines("1", "1", "", "1"), "breastfeeding"},
		{"integer", lines("1", "1", "1", "4", "150"), "cancer_years"},
		{"review", strings.Repeat("1\n", 15) + "77\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := runSession(t, screening.EN, strings.NewReader(tc.in), func(o *Options) { o.StopOnInvalid = true })
			var inv *InvalidAnswerError
			if !errors.As(o.err, &inv) {
				t.Fatalf("err = %v, want *InvalidAnswerError", o.err)
			}
			if (inv.Question == nil) != (tc.q == "") || (inv.Question != nil && inv.Question.ID != tc.q) {
				t.Errorf("stopped at %v, want %q", inv.Question, tc.q)
			}
			if o.a != nil || o.res != nil || len(o.saved) != 0 {
				t.Error("answers, result or a save after an invalid line")
			}
			for _, l := range testLangs {
				m := Message(o.err, l)
				if tc.q != "" && !strings.Contains(m, tc.q) {
					t.Errorf("Message(%s) = %q does not name the question", l, m)
				}
			}
		})
	}
}

// TestInputEnds: the input ending before the review is confirmed ends the session without
// a result; nothing is saved.
func TestInputEnds(t *testing.T) {
	for name, in := range map[string]string{
		"nothing":           "",
		"mid-way":           lines("1", "1", "1"),
		"mid-line":          "1\n1\n1\n2", // the last line has no newline: answered, then EOF
		"before the review": strings.Repeat("1\n", 14),
		"at quit question":  lines("1", "q"),
	} {
		t.Run(name, func(t *testing.T) {
			o := runSession(t, screening.JA, strings.NewReader(in), nil)
			if !errors.Is(o.err, ErrInputEnded) {
				t.Fatalf("err = %v, want ErrInputEnded", o.err)
			}
			if o.a != nil || o.res != nil || len(o.saved) != 0 {
				t.Error("answers, result or a save after the input ended")
			}
			if !strings.HasSuffix(o.out, "\n") {
				t.Errorf("the output does not end its last line: %q", o.out[max(0, len(o.out)-40):])
			}
			if strings.Contains(o.out, tr(screening.JA, "done")) {
				t.Error("a summary was printed")
			}
		})
	}
}

func TestQuit(t *testing.T) {
	o := runSession(t, screening.EN, strings.NewReader(lines("1", "q", "n", "1", "q", "y", "1")), nil)
	if !errors.Is(o.err, ErrQuit) || o.a != nil || len(o.saved) != 0 {
		t.Fatalf("err = %v, answers %v, saved %d", o.err, o.a, len(o.saved))
	}
	if strings.Count(o.out, tr(screening.EN, "quitConfirm")) != 2 || !strings.Contains(o.out, tr(screening.EN, "quitNo")) {
		t.Errorf("quit was not confirmed twice:\n%s", o.out)
	}
	// Quit from the review, and from the review of answers so far.
	for _, in := range []string{strings.Repeat("1\n", 15) + "q\ny\n", "1\nr\nq\nyes\n"} {
		o := runSession(t, screening.EN, strings.NewReader(in), nil)
		if !errors.Is(o.err, ErrQuit) {
			t.Errorf("%q: err = %v, want ErrQuit", in, o.err)
		}
	}
}

// TestHelpAndMidwayReview: ? explains the question, its options and the commands; r lists
// the answers so far and allows a change; the question is then asked again.
func TestHelpAndMidwayReview(t *testing.T) {
	in := lines(
		"1", "1", "1", // pregnancy, planned, breastfeeding
		"?", // help at cancer
		"r", // answers so far
		"2", // change the 2nd (pregnancy_planned)
		"2", // yes
		"r", // at cancer again: answers so far
		"",  // back to the question
		"3", // cancer: follow_up
		"1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "1",
		"",
	)
	o := runSession(t, screening.JA, strings.NewReader(in), nil)
	dialogue := splitSummary(t, screening.JA, o)
	golden.Equal(t, "help_ja.golden", dialogue)
	for _, want := range []string{
		"説明: がん（悪性腫瘍）にかかったことはありますか。",
		"3) 経過観察中です: 治療の後、定期的な検査で様子を見ている状態です。",
		tr(screening.JA, "helpBack"), tr(screening.JA, "helpQuit"),
		"== ここまでの回答 ==",
	} {
		if !strings.Contains(dialogue, want) {
			t.Errorf("the dialogue lacks %q", want)
		}
	}
	if v := answer(t, o.a, "pregnancy_planned"); v.Code != "yes" {
		t.Errorf("pregnancy_planned = %+v", v)
	}
}

// TestFreeTextIsSanitized: what a patient types is echoed and summarised as text, never as
// terminal control sequences; the answer is kept as typed.
func TestFreeTextIsSanitized(t *testing.T) {
	evil := "\x1b]0;pwned\x07\x1b[2J\u202eabc"
	in := lines("1", "1", "1", "1", "1", "1", "1", "1", "1", "1", "2", evil, "1", "1", "1", "1", "")
	o := runSession(t, screening.EN, strings.NewReader(in), nil)
	splitSummary(t, screening.EN, o)
	checkPlain(t, o.out)
	if strings.ContainsRune(o.out, 0x202e) {
		t.Error("a bidi override reached the output")
	}
	if !strings.Contains(o.out, `\x1b]0;pwned\x07\x1b[2J\u202eabc`) {
		t.Errorf("the text is not shown escaped:\n%s", o.out)
	}
	if v := answer(t, o.a, "medication_names"); v.Text != evil {
		t.Errorf("medication_names = %q, want it as typed", v.Text)
	}
}

// TestLineEndings: CRLF line endings, a byte order mark and an over-long line.
func TestLineEndings(t *testing.T) {
	in := "\ufeff" + strings.ReplaceAll(fullEN, "\n", "\r\n")
	o := runSession(t, screening.EN, strings.NewReader(in), nil)
	if d := splitSummary(t, screening.EN, o); d != splitSummary(t, screening.EN, runSession(t, screening.EN, strings.NewReader(fullEN), nil)) {
		t.Error("CRLF input gives another dialogue")
	}

	huge := strings.Repeat("x", maxLineBytes+10)
	o = runSession(t, screening.EN, strings.NewReader(huge+"\n"+fullEN), nil)
	splitSummary(t, screening.EN, o)
	if !strings.Contains(o.out, "Too long") {
		t.Error("an over-long line was not refused as too long")
	}
	o = runSession(t, screening.EN, strings.NewReader(huge+"\n"+fullEN), func(o *Options) { o.StopOnInvalid = true })
	if !isInvalidErr(o.err) {
		t.Errorf("over-long line with StopOnInvalid: err = %v", o.err)
	}
}

func isInvalidErr(err error) bool {
	var inv *InvalidAnswerError
	return errors.As(err, &inv)
}

// TestSaveFails: the summary is printed all the same, and the answers and result are
// returned with a *SaveError.
func TestSaveFails(t *testing.T) {
	boom := errors.New("disk on fire")
	o := runSession(t, screening.EN, strings.NewReader(fullEN), func(o *Options) {
		o.Save = func(*screening.Result, export.Meta) error { return boom }
	})
	var se *SaveError
	if !errors.As(o.err, &se) || !errors.Is(o.err, boom) {
		t.Fatalf("err = %v, want a SaveError wrapping %v", o.err, boom)
	}
	if o.a == nil || o.res == nil {
		t.Fatal("the screening was lost")
	}
	if !strings.Contains(o.out, o.res.RuleSet.SHA256) {
		t.Error("the summary was not printed")
	}
	if m := Message(o.err, screening.JA); !strings.Contains(m, "disk on fire") {
		t.Errorf("Message = %q", m)
	}
}

// TestCancel: a cancelled context ends a session that waits for input.
func TestCancel(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, _, err := Run(ctx, ruleSet(t), Options{Lang: screening.EN, In: pr, Out: io.Discard})
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
		if m := Message(err, screening.JA); m != tr(screening.JA, "errInterrupted") {
			t.Errorf("Message = %q", m)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n <= 0 {
		return 0, errors.New("broken pipe")
	}
	w.n--
	return len(p), nil
}

func TestWriteError(t *testing.T) {
	_, _, err := Run(context.Background(), ruleSet(t), Options{Lang: screening.EN, In: strings.NewReader(fullEN), Out: &failWriter{}})
	if err == nil || !strings.Contains(err.Error(), "broken pipe") {
		t.Errorf("err = %v, want the write error", err)
	}
}

// TestBackAtFirst: b at the first question says so and asks it again.
func TestBackAtFirst(t *testing.T) {
	o := runSession(t, screening.EN, strings.NewReader(lines("b")), nil)
	if !strings.Contains(o.out, tr(screening.EN, "firstQuestion")) {
		t.Errorf("no notice at the first question:\n%s", o.out)
	}
	if strings.Count(o.out, "[1/19]") != 1 {
		t.Errorf("the question was printed %d times, want 1", strings.Count(o.out, "[1/19]"))
	}
}

// TestNoEcho: without Echo (a terminal echoes by itself) the typed lines are not written.
func TestNoEcho(t *testing.T) {
	o := runSession(t, screening.EN, strings.NewReader(fullEN), func(o *Options) { o.Echo = false })
	splitSummary(t, screening.EN, o)
	if strings.Contains(o.out, "(1-4): 4\n") {
		t.Error("an answer was echoed")
	}
}

// BenchmarkSession runs a whole screening (19 questions, review, summary) from a
// strings.Reader: the cost of the accessible mode per patient, summary included.
func BenchmarkSession(b *testing.B) {
	rs := ruleSet(b)
	for b.Loop() {
		_, _, err := Run(context.Background(), rs, Options{Lang: screening.JA, In: strings.NewReader(fullJA), Out: io.Discard, Echo: true})
		if err != nil {
			b.Fatal(err)
		}
	}
}
