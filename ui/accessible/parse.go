package accessible

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// command is something typed at a prompt that is not an answer.
type command int

const (
	cmdNone   command = iota
	cmdBack           // go back one question
	cmdHelp           // explain the question and the commands
	cmdQuit           // quit without a result
	cmdReview         // list the answers given so far
)

// parseCommand recognises the commands, in either language, whatever the session's language
// (a command word is never an answer: commands win over option codes of the same spelling).
func parseCommand(line string) command {
	switch strings.ToLower(normalize(line)) {
	case "b", "back", "戻る", "もどる", "前へ":
		return cmdBack
	case "?", "help", "ヘルプ":
		return cmdHelp
	case "q", "quit", "中止", "やめる":
		return cmdQuit
	case "r", "review", "確認", "一覧":
		return cmdReview
	}
	return cmdNone
}

// normalize folds what a Japanese input method types into the ASCII the parser expects:
// full-width letters, digits and punctuation become ASCII, the ideographic space a space,
// and the Japanese comma a comma. Surrounding space is trimmed.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			r = ' '
		case r == '、' || r == 0xFF64: // ideographic and half-width ideographic comma
			r = ','
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// errKind says why a line is not an answer.
type errKind int

const (
	errEmpty      errKind = iota // nothing typed where an answer is needed
	errNotChoice                 // not a number or code of an option
	errNotNumber                 // an integer question got something else
	errRange                     // an integer outside [Min, Max]
	errNoUnsure                  // "unsure" where the question does not allow it
	errTooLong                   // longer than a line or a text answer may be
	errNotUTF8                   // bytes that are not UTF-8 text
	errNotAllowed                // "-" (no answer) on a question that needs one
)

// InputError is a line that is not an answer to its question. Message says, in the
// session's language, what was typed and what is expected.
type InputError struct {
	Kind errKind
	Got  string // what was typed, made safe to show (see export.Sanitize) and shortened
	q    *screening.Question
}

func (e *InputError) Error() string { return e.Message(screening.EN) }

// maxEcho is how much of a bad line an error message repeats.
const maxEcho = 40

// shown makes typed text safe to repeat on a terminal and short.
func shown(s string) string {
	s = export.Sanitize(s)
	if utf8.RuneCountInString(s) > maxEcho {
		r := []rune(s)
		s = string(r[:maxEcho]) + "..."
	}
	return s
}

// Message describes the problem in lang: what was wrong and what to type instead.
func (e *InputError) Message(lang screening.Lang) string {
	q := e.q
	var what string
	switch e.Kind {
	case errTooLong:
		return tr(lang, "errTooLong", screening.MaxTextRunes)
	case errNotUTF8:
		return tr(lang, "errNotUTF8")
	case errNotChoice:
		what = tr(lang, "errNotChoice", e.Got)
	case errNotNumber:
		what = tr(lang, "errNotNumber", e.Got)
	case errRange:
		what = tr(lang, "errRange", e.Got)
	case errNoUnsure:
		what = tr(lang, "errNoUnsure")
	default: // errEmpty, errNotAllowed
		what = tr(lang, "errEmpty")
	}
	return sentences(lang, what, expected(q, lang))
}

// sentences joins sentences: directly in Japanese and Chinese, with a space in languages
// written with spaces between words (English, Korean ...).
func sentences(lang screening.Lang, s ...string) string {
	if lang.Spaced() {
		return strings.Join(s, " ")
	}
	return strings.Join(s, "")
}

// expected says, in lang, what an answer to q is typed as.
func expected(q *screening.Question, lang screening.Lang) string {
	switch q.Kind {
	case screening.Single:
		return tr(lang, "expSingle", len(q.Options), codeList(q))
	case screening.Multi:
		s := tr(lang, "expMulti", len(q.Options))
		if q.Optional {
			s = sentences(lang, s, tr(lang, "expEmptyNone"))
		}
		return s
	case screening.Integer:
		s := tr(lang, "expInteger", q.Min, q.Max)
		if u := export.Sanitize(q.Unit.In(lang)); u != "" {
			s = tr(lang, "expIntegerUnit", q.Min, q.Max, u)
		}
		if q.AllowUnsure {
			s = sentences(lang, s, tr(lang, "expUnsure"))
		}
		return s
	}
	if q.Optional {
		return tr(lang, "expTextOptional")
	}
	return tr(lang, "expText")
}

func codeList(q *screening.Question) string {
	codes := make([]string, len(q.Options))
	for i, o := range q.Options {
		codes[i] = o.Code
	}
	return strings.Join(codes, ", ")
}

// unsureWords are what may be typed for "unsure" on an integer question, in any language.
var unsureWords = []string{screening.UnsureCode, "not sure", "わかりません", "分かりません", "わからない", "分からない", "不明", "不清楚", "不知道", "모르겠음", "모름", "모르겠습니다"}

// ParseAnswer reads one line typed at the prompt of q as its answer:
//   - single: the option's number (1 = first), its code, or its text in lang;
//   - multi: numbers, codes or one-word option texts separated by commas or spaces,
//     duplicates ignored;
//   - integer: a whole number in [Min, Max], optionally followed by the unit, or unsure
//     (unsure, わかりません, わからない, not sure) when the question allows it;
//   - text: the line as typed, surrounding space trimmed.
//
// Full-width digits, letters and the Japanese comma are accepted as typed by a Japanese input
// method. An empty line is an *InputError (the session decides what empty means); every
// Value returned without error passes q.Check.
func ParseAnswer(q *screening.Question, line string, lang screening.Lang) (screening.Value, error) {
	if !utf8.ValidString(line) {
		return screening.Value{}, &InputError{Kind: errNotUTF8, q: q}
	}
	if q.Kind == screening.Free {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			return screening.Value{}, &InputError{Kind: errEmpty, q: q}
		case utf8.RuneCountInString(t) > screening.MaxTextRunes:
			return screening.Value{}, &InputError{Kind: errTooLong, q: q}
		}
		return screening.TextValue(t), nil
	}
	n := normalize(line)
	if n == "" {
		return screening.Value{}, &InputError{Kind: errEmpty, q: q}
	}
	if len(n) > maxLineBytes {
		return screening.Value{}, &InputError{Kind: errTooLong, q: q}
	}
	switch q.Kind {
	case screening.Single:
		if o := matchOption(q, n, lang); o != nil {
			return screening.CodeValue(o.Code), nil
		}
		return screening.Value{}, &InputError{Kind: errNotChoice, Got: shown(n), q: q}
	case screening.Multi:
		return parseMulti(q, n, lang)
	case screening.Integer:
		return parseInteger(q, n)
	}
	return screening.Value{}, &InputError{Kind: errNotChoice, Got: shown(n), q: q}
}

// matchOption finds the option s stands for: its number, its code or its text in lang
// (s is normalized; letters compare without case).
func matchOption(q *screening.Question, s string, lang screening.Lang) *screening.Option {
	if isDigits(s) {
		i, err := strconv.Atoi(s)
		if err == nil && i >= 1 && i <= len(q.Options) {
			return q.Options[i-1]
		}
		return nil
	}
	for _, o := range q.Options {
		if strings.EqualFold(s, o.Code) {
			return o
		}
	}
	for _, o := range q.Options {
		if strings.EqualFold(s, normalize(o.Text.In(lang))) {
			return o
		}
	}
	if o := q.Option(screening.UnsureCode); o != nil && isUnsureWord(s) {
		return o // "わかりません" or "not sure" for the option "unsure", whatever its text
	}
	return nil
}

// isUnsureWord reports whether s (normalized) is one of unsureWords.
func isUnsureWord(s string) bool {
	low := strings.ToLower(s)
	for _, w := range unsureWords {
		if low == w {
			return true
		}
	}
	return false
}

func parseMulti(q *screening.Question, s string, lang screening.Lang) (screening.Value, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
	if len(fields) == 0 {
		return screening.Value{}, &InputError{Kind: errEmpty, q: q}
	}
	chosen := make(map[*screening.Option]bool, len(fields))
	for _, f := range fields {
		o := matchOption(q, f, lang)
		if o == nil {
			return screening.Value{}, &InputError{Kind: errNotChoice, Got: shown(f), q: q}
		}
		chosen[o] = true
	}
	codes := make([]string, 0, len(chosen)) // in option order, each once
	for _, o := range q.Options {
		if chosen[o] {
			codes = append(codes, o.Code)
		}
	}
	return screening.CodesValue(codes...), nil
}

func parseInteger(q *screening.Question, s string) (screening.Value, error) {
	low := strings.ToLower(s)
	if isUnsureWord(low) {
		if !q.AllowUnsure {
			return screening.Value{}, &InputError{Kind: errNoUnsure, q: q}
		}
		return screening.UnsureInt(), nil
	}
	num := stripUnit(q, low)
	neg := strings.HasPrefix(num, "-")
	digits := strings.TrimPrefix(strings.TrimPrefix(num, "-"), "+")
	if !isDigits(digits) {
		return screening.Value{}, &InputError{Kind: errNotNumber, Got: shown(s), q: q}
	}
	n, err := strconv.Atoi(digits)
	if neg {
		n = -n
	}
	if err != nil || n < q.Min || n > q.Max {
		return screening.Value{}, &InputError{Kind: errRange, Got: shown(num), q: q}
	}
	return screening.IntValue(n), nil
}

// stripUnit removes the question's unit (in either language, English also in the singular)
// from the end of s: "7年" and "7 years" read as 7.
func stripUnit(q *screening.Question, s string) string {
	for _, lang := range q.Unit.Tags() {
		u := strings.ToLower(normalize(q.Unit.In(lang)))
		if u == "" {
			continue
		}
		for _, v := range []string{u, strings.TrimSuffix(u, "s")} {
			if v != "" && strings.HasSuffix(s, v) {
				return strings.TrimSpace(strings.TrimSuffix(s, v))
			}
		}
	}
	return s
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
