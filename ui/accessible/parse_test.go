package accessible

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/exoscreen/exoscreen/internal/eawidth"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// ruleSet is the test rule set (internal/testrules), not the live content/: the tests run
// against real questions that a clinical change of content/ does not move.
func ruleSet(t testing.TB) *screening.RuleSet {
	t.Helper()
	return testrules.Load(t)
}

func question(t testing.TB, id string) *screening.Question {
	t.Helper()
	q := ruleSet(t).Question(id)
	if q == nil {
		t.Fatalf("no question %q in the rule set", id)
	}
	return q
}

func TestParseAnswer(t *testing.T) {
	long := strings.Repeat("薬", screening.MaxTextRunes+1)
	for _, tc := range []struct {
		q, in string
		lang  screening.Lang
		want  screening.Value
		err   errKind // checked when want is the zero Value
	}{
		// single: number, code, text, full-width digits and letters
		{q: "pregnancy", in: "1", want: screening.CodeValue("no")},
		{q: "pregnancy", in: " 2 ", want: screening.CodeValue("pregnant")},
		{q: "pregnancy", in: "４", want: screening.CodeValue("unsure")},
		{q: "pregnancy", in: "possible", want: screening.CodeValue("possible")},
		{q: "pregnancy", in: "UNSURE", want: screening.CodeValue("unsure")},
		{q: "pregnancy", in: "ｎｏ", want: screening.CodeValue("no")},
		{q: "pregnancy", in: "いいえ", want: screening.CodeValue("no")},
		{q: "pregnancy", in: "はい、妊娠しています", want: screening.CodeValue("pregnant")},
		{q: "pregnancy", in: "not sure", lang: screening.EN, want: screening.CodeValue("unsure")},
		{q: "pregnancy", in: "わかりません", want: screening.CodeValue("unsure")},
		{q: "pregnancy", in: "not sure", want: screening.CodeValue("unsure")},
		{q: "pregnancy", in: "01", want: screening.CodeValue("no")},
		{q: "pregnancy", in: "0", err: errNotChoice},
		{q: "pregnancy", in: "5", err: errNotChoice},
		{q: "pregnancy", in: "-1", err: errNotChoice},
		{q: "pregnancy", in: "1 2", err: errNotChoice},
		{q: "pregnancy", in: "yes", err: errNotChoice}, // not a code of this question
		{q: "pregnancy", in: "99999999999999999999999", err: errNotChoice},
		{q: "pregnancy", in: "", err: errEmpty},
		{q: "pregnancy", in: "　", err: errEmpty},
		{q: "pregnancy", in: "\xff", err: errNotUTF8},
		{q: "cancer", in: "treatment_ended", want: screening.CodeValue("treatment_ended")},
		{q: "cancer", in: "6", want: screening.CodeValue("unsure")},

		// multi: numbers, codes, one-word texts; commas, spaces, Japanese commas; duplicates
		{q: "allergy_to", in: "1,3", want: screening.CodesValue("drug", "pollen")},
		{q: "allergy_to", in: "3 1", want: screening.CodesValue("drug", "pollen")},
		{q: "allergy_to", in: "１、３", want: screening.CodesValue("drug", "pollen")},
		{q: "allergy_to", in: "1, 1 ,1", want: screening.CodesValue("drug")},
		{q: "allergy_to", in: "latex;metal", want: screening.CodesValue("latex", "metal")},
		{q: "allergy_to", in: "花粉 金属", want: screening.CodesValue("pollen", "metal")},
		{q: "allergy_to", in: "pollen,Foods", lang: screening.EN, want: screening.CodesValue("food", "pollen")},
		{q: "allergy_to", in: "1,7", err: errNotChoice},
		{q: "allergy_to", in: "1,unsure", err: errNotChoice},
		{q: "allergy_to", in: ",,", err: errEmpty},
		{q: "allergy_to", in: "", err: errEmpty},

		// integer: digits, full-width, unit in either language, unsure words, range
		{q: "cancer_years", in: "7", want: screening.IntValue(7)},
		{q: "cancer_years", in: "0", want: screening.IntValue(0)},
		{q: "cancer_years", in: "120", want: screening.IntValue(120)},
		{q: "cancer_years", in: "７", want: screening.IntValue(7)},
		{q: "cancer_years", in: "7年", want: screening.IntValue(7)},
		{q: "cancer_years", in: "7 years", want: screening.IntValue(7)},
		{q: "cancer_years", in: "1 year", want: screening.IntValue(1)},
		{q: "cancer_years", in: "+3", want: screening.IntValue(3)},
		{q: "cancer_years", in: "unsure", want: screening.UnsureInt()},
		{q: "cancer_years", in: "わからない", want: screening.UnsureInt()},
		{q: "cancer_years", in: "わかりません", want: screening.UnsureInt()},
		{q: "cancer_years", in: "分かりません", want: screening.UnsureInt()},
		{q: "cancer_years", in: "Not Sure", want: screening.UnsureInt()},
		{q: "cancer_years", in: "-1", err: errRange},
		{q: "cancer_years", in: "121", err: errRange},
		{q: "cancer_years", in: "99999999999999999999999", err: errRange},
		{q: "cancer_years", in: "7.5", err: errNotNumber},
		{q: "cancer_years", in: "seven", err: errNotNumber},
		{q: "cancer_years", in: "年", err: errNotNumber},
		{q: "cancer_years", in: "", err: errEmpty},

		// text: as typed, trimmed; length limit
		{q: "medication_names", in: "  ワーファリン 5mg ", want: screening.TextValue("ワーファリン 5mg")},
		{q: "medication_names", in: "1", want: screening.TextValue("1")},
		{q: "medication_names", in: "\x1b[31mred", want: screening.TextValue("\x1b[31mred")},
		{q: "medication_names", in: "", err: errEmpty},
		{q: "medication_names", in: long, err: errTooLong},
		{q: "medication_names", in: "a\xffb", err: errNotUTF8},
	} {
		lang := tc.lang
		if lang == "" {
			lang = screening.JA
		}
		t.Run(tc.q+"/"+tc.in, func(t *testing.T) {
			q := question(t, tc.q)
			got, err := ParseAnswer(q, tc.in, lang)
			if tc.want.Set {
				if err != nil {
					t.Fatalf("ParseAnswer(%q) error %v", tc.in, err)
				}
				if !equalValue(got, tc.want) {
					t.Fatalf("ParseAnswer(%q) = %+v, want %+v", tc.in, got, tc.want)
				}
				a := ruleSet(t).NewAnswers()
				if err := a.Set(q, got); err != nil {
					t.Fatalf("the parsed value is refused by Answers.Set: %v", err)
				}
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("ParseAnswer(%q) = %+v, %v; want an *InputError", tc.in, got, err)
			}
			if ie.Kind != tc.err {
				t.Fatalf("ParseAnswer(%q) error kind %d (%v), want %d", tc.in, ie.Kind, err, tc.err)
			}
			for _, l := range testLangs {
				if m := ie.Message(l); m == "" || strings.ContainsRune(m, 0x1b) {
					t.Errorf("Message(%s) = %q", l, m)
				}
			}
		})
	}
}

func equalValue(a, b screening.Value) bool {
	return a.Set == b.Set && a.Code == b.Code && slices.Equal(a.Codes, b.Codes) && a.Int == b.Int &&
		a.Unsure == b.Unsure && a.Text == b.Text
}

// TestInputErrorMessages checks that a refused line is repeated (safely) and that the
// message says what is expected, in the session's language.
func TestInputErrorMessages(t *testing.T) {
	for _, tc := range []struct {
		q, in string
		lang  screening.Lang
		want  []string
	}{
		{"pregnancy", "9", screening.JA, []string{"「9」は選択肢にありません。", "1から4までの番号", "no, pregnant, possible, unsure"}},
		{"pregnancy", "9", screening.EN, []string{`"9" is not one of the choices.`, "number from 1 to 4", "no, pregnant, possible, unsure"}},
		{"pregnancy", "", screening.JA, []string{"この質問には回答が必要です。"}},
		{"allergy_to", "8", screening.EN, []string{`"8" is not one of the choices.`, "from 1 to 6", "press Enter alone"}},
		{"cancer_years", "200", screening.JA, []string{"200 は範囲外です。", "0から120までの整数", "単位: 年", "「わかりません」"}},
		{"cancer_years", "200", screening.EN, []string{"200 is out of range.", "from 0 to 120 (years)", "type unsure"}},
		{"cancer_years", "x", screening.EN, []string{`"x" is not a number.`}},
		{"pregnancy", "\x1b[2J" + strings.Repeat("z", 100), screening.EN, []string{`"\x1b[2J`, `zzz..."`}},
		{"medication_names", strings.Repeat("a", 2001), screening.JA, []string{"2000文字以内"}},
	} {
		_, err := ParseAnswer(question(t, tc.q), tc.in, tc.lang)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Fatalf("%s %q: no InputError: %v", tc.q, tc.in, err)
		}
		m := ie.Message(tc.lang)
		for _, w := range tc.want {
			if !strings.Contains(m, w) {
				t.Errorf("%s %q (%s): message %q lacks %q", tc.q, tc.in, tc.lang, m, w)
			}
		}
		if strings.ContainsRune(m, 0x1b) {
			t.Errorf("message repeats a raw escape: %q", m)
		}
	}
}

func TestParseCommand(t *testing.T) {
	for in, want := range map[string]command{
		"b": cmdBack, "B": cmdBack, " back ": cmdBack, "ｂ": cmdBack, "戻る": cmdBack, "前へ": cmdBack,
		"?": cmdHelp, "？": cmdHelp, "help": cmdHelp, "ヘルプ": cmdHelp,
		"q": cmdQuit, "QUIT": cmdQuit, "中止": cmdQuit,
		"r": cmdReview, "review": cmdReview, "確認": cmdReview,
		"": cmdNone, "1": cmdNone, "bb": cmdNone, "no": cmdNone, "b 1": cmdNone,
	} {
		if got := parseCommand(in); got != want {
			t.Errorf("parseCommand(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"１２３":    "123",
		"ＡＢｃ":    "ABc",
		"　1　":    "1",
		"1、2，3":  "1,2,3",
		"1､2":    "1,2",
		"いいえ":    "いいえ",
		" \t x ": "x",
	} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMessages checks the message catalogue: both languages present with the same
// formatting verbs; English plain ASCII; Japanese without East-Asian-ambiguous glyphs,
// with Latin letters only in the words a person types (b, q, unsure, ...) and key names.
func TestMessages(t *testing.T) {
	allowedLatin := []string{"b", "q", "r", "y", "n", "Enter", "UTF", "s", "d", "v"}
	for key, m := range messages {
		if m[screening.JA] == "" || m[screening.EN] == "" {
			t.Errorf("%s: a translation is missing", key)
		}
		if verbs(m[screening.JA]) != verbs(m[screening.EN]) {
			t.Errorf("%s: verbs differ: ja %q en %q", key, verbs(m[screening.JA]), verbs(m[screening.EN]))
		}
		for _, r := range m[screening.EN] {
			if r > unicode.MaxASCII {
				t.Errorf("%s: English text has %q (U+%04X): keep it ASCII", key, r, r)
			}
		}
		for _, r := range m[screening.JA] {
			if !jaAllowed(r) {
				t.Errorf("%s: Japanese text has %q (U+%04X), which may be ambiguous-width", key, r, r)
			}
		}
		words := strings.FieldsFunc(m[screening.JA], func(r rune) bool { return r > unicode.MaxASCII || !unicode.IsLetter(r) })
		for _, w := range words {
			if !slices.Contains(allowedLatin, w) {
				t.Errorf("%s: Japanese text mixes in the English word %q", key, w)
			}
		}
	}
}

func verbs(s string) string {
	var b strings.Builder
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '%' {
			b.WriteByte(s[i+1])
			i++
		}
	}
	return b.String()
}

// jaAllowed is what Japanese messages may contain: ASCII, and characters that are wide
// (never ambiguous) on every terminal: kana, kanji, CJK punctuation and full-width forms.
func jaAllowed(r rune) bool { return r <= unicode.MaxASCII || eawidth.Wide(r) }

// TestShown checks that repeated bad input is shortened and made safe.
func TestShown(t *testing.T) {
	s := shown("\x1b]0;title\x07" + strings.Repeat("あ", 60))
	if strings.ContainsAny(s, "\x1b\x07") || !strings.HasSuffix(s, "...") || utf8.RuneCountInString(s) != maxEcho+3 {
		t.Errorf("shown = %q", s)
	}
}
