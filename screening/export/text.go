package export

import (
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/rivo/uniseg"

	"github.com/exoscreen/exoscreen/screening"
)

// textWords are the fixed words of the printed summary in one language.
type textWords struct {
	title, clinic, date, patient, reception, name, dob           string
	verdict, confirmCount, confirmHint, confirmMark              string
	count, answer, reason, sources, noFindings                   string
	notices, sourceList, ruleset, physician, signature, signDate string
	verdictMeaning                                               [3]string
	blank                                                        string
}

var words = map[screening.Lang]*textWords{
	screening.JA: {
		title:        "幹細胞培養上清液・エクソソーム治療 事前問診の結果",
		clinic:       "医療機関",
		date:         "日時",
		patient:      "患者",
		reception:    "受付番号",
		name:         "氏名",
		dob:          "生年月日",
		verdict:      "判定",
		confirmCount: "要確認",
		confirmHint:  "件。患者さんへの確認で判定が変わることがあります。",
		confirmMark:  "[要確認] ",
		count:        "件",
		answer:       "回答: ",
		reason:       "理由: ",
		sources:      "出典: ",
		noFindings:   "該当する項目はありません。",
		notices:      "お知らせ",
		sourceList:   "出典一覧",
		ruleset:      "ルールセット",
		physician:    "確認した医師: ",
		signature:    "署名:         ",
		signDate:     "確認日:       ",
		verdictMeaning: [3]string{
			"このスクリーニングでは禁忌は見つかりませんでした。治療の可否は医師が判断します。",
			"相対禁忌があります。治療の前に医師が判断してください。",
			"絶対禁忌があります。治療は行わないでください。",
		},
		blank: "____________________________________",
	},
	screening.EN: {
		title:        "Pre-treatment screening: stem-cell culture supernatant / exosome therapy",
		clinic:       "Clinic",
		date:         "Date",
		patient:      "Patient",
		reception:    "Reception no.",
		name:         "Name",
		dob:          "Date of birth",
		verdict:      "Verdict",
		confirmCount: "To confirm",
		confirmHint:  " finding(s); asking the patient may change the verdict.",
		confirmMark:  "[CONFIRM] ",
		count:        "",
		answer:       "Answer: ",
		reason:       "Reason: ",
		sources:      "Sources: ",
		noFindings:   "No findings in this class.",
		notices:      "Notices",
		sourceList:   "Sources cited",
		ruleset:      "Rule set",
		physician:    "Reviewing physician: ",
		signature:    "Signature:           ",
		signDate:     "Date:                ",
		verdictMeaning: [3]string{
			"No contraindication was found by this screening. The physician decides whether to treat.",
			"A relative contraindication was found: a physician must decide before treatment.",
			"An absolute contraindication was found: do not treat.",
		},
		blank: "____________________________________",
	},
}

func wordsFor(lang screening.Lang) *textWords {
	if w := words[lang]; w != nil {
		return w
	}
	return words[screening.JA]
}

var (
	ruleDouble = []byte("================================================================================\n")
	ruleSingle = []byte("--------------------------------------------------------------------------------\n")
)

// indent is the hanging indent of a finding's lines.
const (
	itemIndent   = "    "
	detailIndent = "      "
)

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

// WriteText writes the printable summary of res: plain UTF-8 text without escape sequences,
// at most TextWidth (80) display cells a line, wrapped with Unicode line breaking and the
// Japanese rules (no line starts with 。、」 and the like). It holds the clinic name, date and
// time with time zone, patient details, the verdict, the findings by class with answers,
// reasons and sources, the needs-confirmation marks, the notices, the full source list, the
// rule set identity, the disclaimer and lines for the reviewing physician. The same renderer
// serves evaluate, the TUI's export and the kiosk outbox.
func WriteText(w io.Writer, res *screening.Result, m Meta) error {
	bp := bufPool.Get().(*[]byte)
	b := AppendText((*bp)[:0], res, m)
	_, err := w.Write(b)
	*bp = b[:0]
	if cap(b) <= 1<<20 {
		bufPool.Put(bp)
	}
	return err
}

// AppendText appends the printable summary of res to b (see WriteText).
func AppendText(b []byte, res *screening.Result, m Meta) []byte {
	lang := m.Lang
	if lang != screening.EN {
		lang = screening.JA
	}
	t := wordsFor(lang)
	rs := res.RuleSet

	b = append(b, ruleDouble...)
	b = appendWrapped(b, "", "", t.title, TextWidth, true)
	b = appendWrapped(b, "", "", rs.Name.In(lang), TextWidth, true)
	b = append(b, ruleDouble...)
	if m.Clinic != "" {
		b = appendField(b, t.clinic, Sanitize(m.Clinic), false)
	}
	if !m.Time.IsZero() {
		b = appendField(b, t.date, FormatTime(m.Time), false)
	}
	if p := m.Patient; p != nil && !p.IsZero() {
		if p.ReceptionNumber != "" {
			b = appendField(b, t.reception, Sanitize(p.ReceptionNumber), false)
		}
		if p.Name != "" {
			b = appendField(b, t.name, Sanitize(p.Name), false)
		}
		if p.DateOfBirth != "" {
			b = appendField(b, t.dob, Sanitize(p.DateOfBirth), false)
		}
	}
	b = append(b, '\n')
	b = appendField(b, t.verdict, res.Verdict.Label().In(lang)+" ("+res.Verdict.String()+")", true)
	if v := res.Verdict; v >= screening.None && v <= screening.Absolute {
		b = appendWrapped(b, "", "", t.verdictMeaning[v], TextWidth, true)
	}
	if n := res.NeedsConfirmation(); n > 0 {
		b = appendWrapped(b, "", "", t.confirmCount+": "+strconv.Itoa(n)+t.confirmHint, TextWidth, false)
	}

	for c := screening.Absolute; c >= screening.None; c-- {
		n := res.Count(c)
		b = append(b, '\n')
		b = append(b, ruleSingle...)
		head := c.Label().In(lang) + " (" + c.String() + "): " + strconv.Itoa(n) + t.count
		b = appendWrapped(b, "", "", head, TextWidth, true)
		b = append(b, ruleSingle...)
		if n == 0 {
			b = appendWrapped(b, "", "", t.noFindings, TextWidth, true)
			continue
		}
		for i := range res.Findings {
			f := &res.Findings[i]
			if f.Class != c {
				continue
			}
			b = appendFinding(b, f, lang, t)
		}
	}

	b = append(b, '\n')
	b = append(b, ruleSingle...)
	b = append(b, t.notices...)
	b = append(b, '\n')
	b = append(b, ruleSingle...)
	for _, n := range rs.Notices {
		b = appendWrapped(b, "* ", "  ", n.Text.In(lang)+" ("+joinKeys(n.Sources)+")", TextWidth, true)
	}

	b = append(b, '\n')
	b = append(b, ruleSingle...)
	b = append(b, t.sourceList...)
	b = append(b, '\n')
	b = append(b, ruleSingle...)
	for _, s := range rs.Sources {
		b = appendWrapped(b, "", itemIndent, sourceLine(s, lang), TextWidth, true)
	}

	b = append(b, '\n')
	b = appendField(b, t.ruleset, rs.ID+" "+rs.Version, true)
	b = append(b, "SHA-256: "...)
	b = append(b, rs.SHA256...)
	b = append(b, '\n')
	b = append(b, '\n')
	b = appendWrapped(b, "", "", rs.Disclaimer.In(lang), TextWidth, true)
	b = append(b, '\n')
	b = append(b, ruleDouble...)
	b = append(b, t.physician...)
	b = append(b, t.blank...)
	b = append(b, "\n\n"...)
	b = append(b, t.signature...)
	b = append(b, t.blank...)
	b = append(b, "\n\n"...)
	b = append(b, t.signDate...)
	b = append(b, t.blank...)
	b = append(b, '\n')
	b = append(b, ruleDouble...)
	return b
}

// appendField writes "label: value", wrapped with a hanging indent.
func appendField(b []byte, label, value string, cache bool) []byte {
	first := label + ": "
	return appendWrapped(b, first, spaces(uniseg.StringWidth(first)), value, TextWidth, cache)
}

func appendFinding(b []byte, f *screening.Finding, lang screening.Lang, t *textWords) []byte {
	q := f.Question
	mark := ""
	if f.NeedsConfirmation {
		mark = t.confirmMark
	}
	b = append(b, '\n')
	b = appendWrapped(b, "* ", "  ", mark+q.Text.In(lang), TextWidth, mark == "")
	ans := Sanitize(AnswerText(q, f.Answer, lang))
	b = appendWrapped(b, itemIndent+t.answer, spaces(len(itemIndent)+uniseg.StringWidth(t.answer)), ans, TextWidth, q.Kind != screening.Free)
	b = appendWrapped(b, itemIndent+t.reason, spaces(len(itemIndent)+uniseg.StringWidth(t.reason)), f.Reason(lang), TextWidth, true)
	b = appendWrapped(b, itemIndent+t.sources, spaces(len(itemIndent)+uniseg.StringWidth(t.sources)), joinStrings(f.SourceKeys()), TextWidth, true)
	return b
}

// sourceLine is one entry of the source list: key, publisher, title, date and address.
func sourceLine(s *screening.Source, lang screening.Lang) string {
	line := "[" + s.Key + "] " + s.Publisher.In(lang) + ". " + s.Title.In(lang)
	if s.Date != "" {
		line += ". " + s.Date
	}
	if n := s.Note.In(lang); n != "" {
		line += ". " + n
	}
	if s.URL != "" {
		line += ". " + s.URL
	}
	return line
}

// FormatTime writes a time for people: date, time, zone abbreviation when it has one, and
// the offset from UTC, e.g. "2026-11-21 10:30 JST (UTC+09:00)".
func FormatTime(t time.Time) string {
	name, _ := t.Zone()
	s := t.Format("2006-01-02 15:04")
	if name != "" && name[0] != '+' && name[0] != '-' {
		s += " " + name
	}
	return s + " (UTC" + t.Format("-07:00") + ")"
}

func spaces(n int) string {
	const s = "                                                                                "
	if n <= len(s) {
		return s[:n]
	}
	return s
}

func joinStrings(ss []string) string {
	switch len(ss) {
	case 0:
		return ""
	case 1:
		return ss[0]
	}
	n := 2 * (len(ss) - 1)
	for _, s := range ss {
		n += len(s)
	}
	b := make([]byte, 0, n)
	for i, s := range ss {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, s...)
	}
	return string(b)
}

func joinKeys(ss []*screening.Source) string {
	keys := make([]string, len(ss))
	for i, s := range ss {
		keys[i] = s.Key
	}
	return joinStrings(keys)
}
