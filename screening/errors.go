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
	var m Text
	switch e.Kind {
	case ErrSyntax:
		m = Text{EN: "not valid JSON: ", JA: "JSONとして読めません: ", ZhHans: "不是有效的 JSON: ", ZhHant: "不是有效的 JSON: ", KO: "올바른 JSON 이 아닙니다: "}
		for l := range m {
			m[l] += e.Detail
		}
	case ErrNotObject:
		m = Text{EN: "expected a JSON object keyed by question id, got " + e.Got, JA: "質問IDをキーとするJSONオブジェクトが必要ですが、" + kindJA(e.Got) + "です",
			ZhHans: "需要以问题 ID 为键的 JSON 对象，但得到的是 " + e.Got, ZhHant: "需要以問題 ID 為鍵的 JSON 物件，但得到的是 " + e.Got, KO: "질문 ID 를 키로 하는 JSON 객체가 필요하지만 " + e.Got + "입니다"}
	case ErrUnknownQuestion:
		m = Text{EN: "unknown question id", JA: "そのような質問IDはありません", ZhHans: "没有这样的问题 ID", ZhHant: "沒有這樣的問題 ID", KO: "그런 질문 ID 는 없습니다"}
	case ErrDuplicateKey:
		m = Text{EN: "answered more than once in the same record", JA: "同じレコードで2回以上回答されています", ZhHans: "在同一条记录中回答了两次以上", ZhHant: "在同一筆記錄中回答了兩次以上", KO: "같은 기록에서 두 번 이상 답했습니다"}
	case ErrWrongType:
		m = Text{EN: "expected " + exp + ", got " + e.Got, JA: exp + "が必要ですが、" + kindJA(e.Got) + "です",
			ZhHans: "需要" + exp + "，但得到的是 " + e.Got, ZhHant: "需要" + exp + "，但得到的是 " + e.Got, KO: exp + "가 필요하지만 " + e.Got + "입니다"}
	case ErrUnknownOption:
		m = Text{EN: e.Got + " is not an answer to this question; expected " + exp, JA: e.Got + "はこの質問の回答にありません。" + exp + "が必要です",
			ZhHans: e.Got + " 不是此问题的回答；需要" + exp, ZhHant: e.Got + " 不是此問題的回答；需要" + exp, KO: e.Got + "는 이 질문의 답변이 아닙니다. " + exp + "가 필요합니다"}
	case ErrDuplicateOption:
		m = Text{EN: e.Got + " is given twice", JA: e.Got + "が2回指定されています", ZhHans: e.Got + " 被指定了两次", ZhHant: e.Got + " 被指定了兩次", KO: e.Got + "가 두 번 지정되었습니다"}
	case ErrOutOfRange:
		m = Text{EN: e.Got + " is out of range; expected " + exp, JA: e.Got + "は範囲外です。" + exp + "が必要です",
			ZhHans: e.Got + " 超出范围；需要" + exp, ZhHant: e.Got + " 超出範圍；需要" + exp, KO: e.Got + "는 범위를 벗어났습니다. " + exp + "가 필요합니다"}
	case ErrMissing:
		m = Text{EN: "this question is shown and needs an answer: " + exp, JA: "この質問は表示されるため回答が必要です: " + exp,
			ZhHans: "此问题会显示，需要回答: " + exp, ZhHant: "此問題會顯示，需要回答: " + exp, KO: "이 질문은 표시되므로 답변이 필요합니다: " + exp}
	case ErrNotShown:
		cond := e.q.ShownWhen.String()
		m = Text{EN: "this question is not shown for these answers (it is shown when " + cond + "), so it must not be answered",
			JA:     "この回答ではこの質問は表示されません（表示条件: " + cond + "）。回答を除いてください",
			ZhHans: "根据这些回答，此问题不会显示（显示条件: " + cond + "），请删除其回答",
			ZhHant: "根據這些回答，此問題不會顯示（顯示條件: " + cond + "），請刪除其回答",
			KO:     "이 답변들로는 이 질문이 표시되지 않으므로(표시 조건: " + cond + ") 답변을 빼 주십시오"}
	case ErrTooLong:
		m = Text{EN: "too long: " + e.Detail, JA: "長すぎます: " + e.Detail, ZhHans: "太长: " + e.Detail, ZhHant: "太長: " + e.Detail, KO: "너무 깁니다: " + e.Detail}
	}
	b.WriteString(m.In(lang))
	return b.String()
}

// kindsJA are the Japanese of the kinds of JSON value rawKind and jsonKind name in English.
var kindsJA = [...][2]string{
	{"a string ", "文字列 "}, {"a string", "文字列"}, {"the number ", "数値 "}, {"a number", "数値"},
	{"an array", "配列"}, {"an object", "オブジェクト"}, {"a boolean", "真偽値"}, {"something else", "ほかの値"},
}

// kindJA is got (a kind of JSON value, as rawKind or jsonKind name it) in Japanese.
func kindJA(got string) string {
	for _, k := range kindsJA {
		if rest, ok := strings.CutPrefix(got, k[0]); ok {
			return k[1] + rest
		}
	}
	return got
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
		return Text{JA: list + "のいずれか", EN: "one of " + list, ZhHans: list + " 之一", ZhHant: list + " 之一", KO: list + " 중 하나"}.In(lang)
	case Multi:
		return Text{JA: list + "からなる配列", EN: "an array of " + list, ZhHans: "由 " + list + " 组成的数组", ZhHant: "由 " + list + " 組成的陣列", KO: list + "로 이루어진 배열"}.In(lang)
	case Integer:
		u := ""
		if q.AllowUnsure {
			u = Text{JA: `、または"unsure"`, EN: ` or "unsure"`, ZhHans: `，或 "unsure"`, ZhHant: `，或 "unsure"`, KO: ` 또는 "unsure"`}.In(lang)
		}
		return fmt.Sprintf(Text{JA: "%dから%dまでの整数%s", EN: "an integer from %d to %d%s", ZhHans: "%d 到 %d 之间的整数%s", ZhHant: "%d 到 %d 之間的整數%s", KO: "%d부터 %d까지의 정수%s"}.In(lang), q.Min, q.Max, u)
	default:
		return Text{JA: "文字列", EN: "a string", ZhHans: "字符串", ZhHant: "字串", KO: "문자열"}.In(lang)
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
