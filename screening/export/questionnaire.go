package export

import (
	"io"
	"strconv"
	"strings"

	"github.com/exoscreen/exoscreen/screening"
)

// QuestionnaireJSON is the rule set's questionnaire as plain JSON (exoscreen questionnaire
// --format json): what a clinic's web intake form needs to ask the questions and write an
// answers file, plus the sources and notices the results cite.
type QuestionnaireJSON struct {
	RuleSet    JSONRuleSet     `json:"ruleset"`
	Lang       screening.Lang  `json:"lang"`
	Disclaimer string          `json:"disclaimer"`
	Sections   []JSONSection   `json:"sections"`
	Notices    []JSONNotice    `json:"notices"`
	Sources    []JSONSource    `json:"sources"`
	Classes    []JSONClassInfo `json:"classes"`
}

// JSONSection is one section of the questionnaire.
type JSONSection struct {
	ID        string         `json:"id"`
	Title     string         `json:"title"`
	Questions []JSONQuestion `json:"questions"`
}

// JSONQuestion is one question.
type JSONQuestion struct {
	ID        string         `json:"id"`
	Kind      screening.Kind `json:"kind"`
	Text      string         `json:"text"`
	Help      string         `json:"help,omitempty"`
	Optional  bool           `json:"optional"`
	ShownWhen string         `json:"shown_when"`
	Options   []JSONOption   `json:"options,omitempty"`
	Min       *int           `json:"min,omitempty"`
	Max       *int           `json:"max,omitempty"`
	Unsure    bool           `json:"unsure,omitempty"`
	Unit      string         `json:"unit,omitempty"`
}

// JSONOption is one answer option.
type JSONOption struct {
	Code string `json:"code"`
	Text string `json:"text"`
	Help string `json:"help,omitempty"`
}

// JSONSource is a source that rules and notices cite.
type JSONSource struct {
	Key       string `json:"key"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Date      string `json:"date,omitempty"`
	URL       string `json:"url,omitempty"`
	Note      string `json:"note,omitempty"`
}

// JSONClassInfo names a class.
type JSONClassInfo struct {
	Code  screening.Class `json:"code"`
	Label string          `json:"label"`
}

// NewQuestionnaireJSON describes rs in lang.
func NewQuestionnaireJSON(rs *screening.RuleSet, lang screening.Lang) *QuestionnaireJSON {
	out := &QuestionnaireJSON{
		RuleSet:    JSONRuleSet{ID: rs.ID, Version: rs.Version, SHA256: rs.SHA256, Name: rs.Name.In(lang)},
		Lang:       lang,
		Disclaimer: rs.Disclaimer.In(lang),
		Notices:    make([]JSONNotice, len(rs.Notices)),
		Sources:    make([]JSONSource, len(rs.Sources)),
	}
	for _, sec := range rs.Sections {
		js := JSONSection{ID: sec.ID, Title: sec.Title.In(lang)}
		for _, q := range sec.Questions {
			jq := JSONQuestion{ID: q.ID, Kind: q.Kind, Text: q.Text.In(lang), Help: q.Help.In(lang),
				Optional: q.Optional, ShownWhen: q.ShownWhen.String()}
			for _, o := range q.Options {
				jq.Options = append(jq.Options, JSONOption{Code: o.Code, Text: o.Text.In(lang), Help: o.Help.In(lang)})
			}
			if q.Kind == screening.Integer {
				mn, mx := q.Min, q.Max
				jq.Min, jq.Max, jq.Unsure, jq.Unit = &mn, &mx, q.AllowUnsure, q.Unit.In(lang)
			}
			js.Questions = append(js.Questions, jq)
		}
		out.Sections = append(out.Sections, js)
	}
	for i, n := range rs.Notices {
		out.Notices[i] = JSONNotice{ID: n.ID, Text: n.Text.In(lang), Sources: sourceKeys(n.Sources)}
	}
	for i, s := range rs.Sources {
		out.Sources[i] = JSONSource{Key: s.Key, Title: s.Title.In(lang), Publisher: s.Publisher.In(lang),
			Date: s.Date, URL: s.URL, Note: s.Note.In(lang)}
	}
	for c := screening.Absolute; c >= screening.None; c-- {
		out.Classes = append(out.Classes, JSONClassInfo{Code: c, Label: c.Label().In(lang)})
	}
	return out
}

// qWords are the headings and marks of the text questionnaire: the heading of the rule set,
// the condition, the options, optional, multiple choice, unsure, and the section id.
var qWords = [...]screening.Text{
	{screening.JA: "質問", screening.EN: "Questions", screening.ZhHans: "问题", screening.ZhHant: "問題", screening.KO: "질문"},
	{screening.JA: "表示する条件: ", screening.EN: "Shown when: ", screening.ZhHans: "显示条件: ", screening.ZhHant: "顯示條件: ", screening.KO: "표시 조건: "},
	{screening.JA: "選択肢: ", screening.EN: "Options: ", screening.ZhHans: "选项: ", screening.ZhHant: "選項: ", screening.KO: "선택지: "},
	{screening.JA: "（任意）", screening.EN: "(optional)", screening.ZhHans: "（选填）", screening.ZhHant: "（選填）", screening.KO: "(선택 사항)"},
	{screening.JA: "（複数選択）", screening.EN: "(choose any)", screening.ZhHans: "（可多选）", screening.ZhHant: "（可多選）", screening.KO: "(복수 선택)"},
	{screening.JA: "わかりません", screening.EN: "Not sure", screening.ZhHans: "不知道", screening.ZhHant: "不知道", screening.KO: "모르겠습니다"},
	{screening.JA: "（%s）", screening.EN: " (%s)", screening.ZhHans: "（%s）", screening.ZhHant: "（%s）", screening.KO: " (%s)"},
}

// WriteQuestionnaireText writes the questions of rs for people to review: every section and
// question with its id, options and the condition under which it is shown, at most
// TextWidth cells a line.
func WriteQuestionnaireText(w io.Writer, rs *screening.RuleSet, lang screening.Lang) error {
	lang = declared(rs, lang)
	var qw [len(qWords)]string // a language without words of its own gets the Japanese
	for i, t := range qWords {
		qw[i] = t.In(lang)
	}
	var b []byte
	b = append(b, ruleDouble...)
	b = appendWrapped(b, "", "", rs.Name.In(lang), TextWidth)
	b = appendWrapped(b, "", "", qw[0]+": "+rs.ID+" "+rs.Version, TextWidth)
	b = append(b, "SHA-256: "+rs.SHA256+"\n"...)
	b = append(b, ruleDouble...)
	n := 0
	for _, sec := range rs.Sections {
		b = append(b, '\n')
		b = append(b, ruleSingle...)
		id := strings.Replace(qw[6], "%s", sec.ID, 1)
		b = appendWrapped(b, "", "", sec.Title.In(lang)+id, TextWidth)
		b = append(b, ruleSingle...)
		for _, q := range sec.Questions {
			n++
			head := strconv.Itoa(n) + ". "
			text := q.Text.In(lang) + " [" + q.ID + "]"
			if q.Optional {
				text += " " + qw[3]
			}
			if q.Kind == screening.Multi {
				text += " " + qw[4]
			}
			b = append(b, '\n')
			b = appendWrapped(b, head, spaces(len(head)), text, TextWidth)
			ind := spaces(len(head))
			if h := q.Help.In(lang); h != "" {
				b = appendWrapped(b, ind, ind, h, TextWidth)
			}
			if q.ShownWhen != nil {
				b = appendWrapped(b, ind+qw[1], ind+"  ", q.ShownWhen.String(), TextWidth)
			}
			for _, o := range q.Options {
				b = appendWrapped(b, ind+"- ", ind+"  ", o.Text.In(lang)+" ["+o.Code+"]", TextWidth)
			}
			if q.Kind == screening.Integer {
				r := strconv.Itoa(q.Min) + " - " + strconv.Itoa(q.Max)
				if u := q.Unit.In(lang); u != "" {
					r += " " + u
				}
				b = appendWrapped(b, ind+"- ", ind+"  ", r, TextWidth)
				if q.AllowUnsure {
					b = appendWrapped(b, ind+"- ", ind+"  ", qw[5]+" ["+screening.UnsureCode+"]", TextWidth)
				}
			}
		}
	}
	_, err := w.Write(b)
	return err
}
