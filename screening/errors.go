package screening

import (
	"fmt"
	"strconv"
	"strings"
)

// ErrKind says what is wrong with an answer.
type ErrKind int

// The ways an answers record can be wrong.
const (
	ErrSyntax          ErrKind = iota // not valid JSON
	ErrNotObject                      // not a JSON object
	ErrUnknownQuestion                // a key that is no question id
	ErrDuplicateKey                   // a question answered twice in one record
	ErrWrongType                      // e.g. a number where an option code is expected
	ErrUnknownOption                  // an option code the question does not have
	ErrDuplicateOption                // the same option twice in a multi answer
	ErrOutOfRange                     // an integer outside [min, max]
	ErrMissing                        // a shown question without an answer
	ErrNotShown                       // an answer to a question that is not shown
	ErrTooLong                        // a record or text beyond the size limits
)

// AnswerError is one problem with one answers record. Error gives English; Message gives the
// text in either language.
type AnswerError struct {
	Line     int    // line of the record in its file (1-based); 0 when not from a file
	Question string // question id; empty when the problem is with the whole record
	Kind     ErrKind
	Got      string // what was found, as written (quoted where it is a string)
	Detail   string // parser detail for ErrSyntax

	q *Question
}

func (e *AnswerError) Error() string { return e.Message(EN) }

// Message describes the problem in lang, naming the line, the question and what was expected.
func (e *AnswerError) Message(lang Lang) string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, Text{JA: "%d行目: ", EN: "line %d: ", ZhHans: "第 %d 行: ", ZhHant: "第 %d 行: ", KO: "%d행: "}.In(lang), e.Line)
	}
	if e.Question != "" {
		fmt.Fprintf(&b, "%s: ", e.Question)
	}
	exp := ""
	if e.q != nil {
		exp = e.q.Expected(lang)
	}
	en, ja := "", ""
	switch e.Kind {
	case ErrSyntax:
		en, ja = "not valid JSON: "+e.Detail, "JSONとして読めません: "+e.Detail
	case ErrNotObject:
		en, ja = "expected a JSON object keyed by question id, got "+e.Got, "質問IDをキーとするJSONオブジェクトが必要ですが、"+e.Got+"です"
	case ErrUnknownQuestion:
		en, ja = "unknown question id", "そのような質問IDはありません"
	case ErrDuplicateKey:
		en, ja = "answered more than once in the same record", "同じレコードで2回以上回答されています"
	case ErrWrongType:
		en, ja = "expected "+exp+", got "+e.Got, exp+"が必要ですが、"+e.Got+"です"
	case ErrUnknownOption:
		en, ja = e.Got+" is not an answer to this question; expected "+exp, e.Got+"はこの質問の回答にありません。"+exp+"が必要です"
	case ErrDuplicateOption:
		en, ja = e.Got+" is given twice", e.Got+"が2回指定されています"
	case ErrOutOfRange:
		en, ja = e.Got+" is out of range; expected "+exp, e.Got+"は範囲外です。"+exp+"が必要です"
	case ErrMissing:
		en, ja = "this question is shown and needs an answer: "+exp, "この質問は表示されるため回答が必要です: "+exp
	case ErrNotShown:
		en, ja = "this question is not shown for these answers (it is shown when "+e.q.ShownWhen.String()+"), so it must not be answered",
			"この回答ではこの質問は表示されません(表示条件: "+e.q.ShownWhen.String()+")。回答を除いてください"
	case ErrTooLong:
		en, ja = "too long: "+e.Detail, "長すぎます: "+e.Detail
	}
	b.WriteString(Text{JA: ja, EN: en}.In(lang)) // staff read these: ja and en
	return b.String()
}

// AnswerErrors is every problem found in one record.
type AnswerErrors []*AnswerError

func (es AnswerErrors) Error() string { return es.Message(EN) }

// Message joins the problems, one a line, in lang.
func (es AnswerErrors) Message(lang Lang) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Message(lang)
	}
	return strings.Join(lines, "\n")
}

// Expected describes, in lang, what an answer to q must look like in an answers file.
func (q *Question) Expected(lang Lang) string {
	codes := make([]string, len(q.Options))
	for i, o := range q.Options {
		codes[i] = strconv.Quote(o.Code)
	}
	list := strings.Join(codes, ", ")
	switch q.Kind {
	case Single:
		return Text{JA: list + "のいずれか", EN: "one of " + list}.In(lang)
	case Multi:
		return Text{JA: list + "からなる配列", EN: "an array of " + list}.In(lang)
	case Integer:
		u := ""
		if q.AllowUnsure {
			u = Text{JA: `、または"unsure"`, EN: ` or "unsure"`}.In(lang)
		}
		return fmt.Sprintf(Text{JA: "%dから%dまでの整数%s", EN: "an integer from %d to %d%s"}.In(lang), q.Min, q.Max, u)
	default:
		return Text{JA: "文字列", EN: "a string"}.In(lang)
	}
}

// String renders the condition the way the content file says it, e.g.
// `allergy = "yes" or allergy = "unsure"`.
func (c *Condition) String() string {
	if c == nil {
		return "always"
	}
	parts := make([]string, len(c.Items))
	for i, it := range c.Items {
		parts[i] = it.String()
	}
	sep := " and "
	if c.Behavior == Any {
		sep = " or "
	}
	return strings.Join(parts, sep)
}

// String renders one condition item, e.g. `cancer_years >= 5`.
func (it ConditionItem) String() string {
	id := "answer"
	if it.Question != nil {
		id = it.Question.ID
	}
	var val string
	switch {
	case it.Operator == OpExists:
		val = strconv.FormatBool(it.Exists)
	case it.Unsure:
		val = strconv.Quote(UnsureCode)
	case it.Question != nil && it.Question.Kind == Integer:
		val = strconv.Itoa(it.Int)
	default:
		val = strconv.Quote(it.Code)
	}
	return id + " " + string(it.Operator) + " " + val
}

func quote(s string) string { return strconv.Quote(s) }
func itoa(n int) string     { return strconv.Itoa(n) }
