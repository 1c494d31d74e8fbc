package export

import (
	"io"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/exoscreen/exoscreen/internal/linebreak"
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
	c := textCacheFor(rs, lang)

	b = append(b, c.head...)
	if m.Clinic != "" {
		b = appendField(b, t.clinic, Sanitize(m.Clinic))
	}
	if !m.Time.IsZero() {
		b = appendField(b, t.date, formatTime(m.Time))
	}
	if p := m.Patient; p != nil && !p.IsZero() {
		if p.ReceptionNumber != "" {
			b = appendField(b, t.reception, Sanitize(p.ReceptionNumber))
		}
		if p.Name != "" {
			b = appendField(b, t.name, Sanitize(p.Name))
		}
		if p.DateOfBirth != "" {
			b = appendField(b, t.dob, Sanitize(p.DateOfBirth))
		}
	}
	b = append(b, '\n')
	if v := res.Verdict; v >= screening.None && v <= screening.Absolute {
		b = append(b, c.verdict[v]...)
	}
	if n := res.NeedsConfirmation(); n > 0 {
		b = appendWrapped(b, "", "", t.confirmCount+": "+strconv.Itoa(n)+t.confirmHint, TextWidth)
	}

	for cl := screening.Absolute; cl >= screening.None; cl-- {
		n := res.Count(cl)
		b = append(b, '\n')
		b = append(b, ruleSingle...)
		b = append(b, c.classHead[cl]...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, t.count...)
		b = append(b, '\n')
		b = append(b, ruleSingle...)
		if n == 0 {
			b = append(b, c.noFindings...)
			continue
		}
		for i := range res.Findings {
			f := &res.Findings[i]
			if f.Class != cl {
				continue
			}
			b = c.appendFinding(b, f, lang, t)
		}
	}
	return append(b, c.tail...)
}

// textCache holds the parts of the summary that depend only on the rule set and the
// language, rendered once: they are most of every summary.
type textCache struct {
	head, tail, noFindings  []byte
	verdict                 [3][]byte
	classHead               [3]string
	question                map[*screening.Rule][]byte // "* [mark] question" lines
	detail                  map[*screening.Rule][]byte // reason and sources lines
	option                  map[*screening.Option][]byte
	answerFirst, answerRest string
}

type cacheKey struct {
	rs   *screening.RuleSet
	lang screening.Lang
	base string
}

var (
	renderMu    sync.Mutex
	textCaches  = map[cacheKey]*textCache{}
	maxCacheLen = 16 // rule sets × languages kept; beyond, summaries are rendered without
)

func textCacheFor(rs *screening.RuleSet, lang screening.Lang) *textCache {
	return cached(textCaches, cacheKey{rs: rs, lang: lang}, func() *textCache { return newTextCache(rs, lang) })
}

// cached returns the prepared rendering kept in m under k, building it on first use. At most
// maxCacheLen renderings are kept per map; beyond that they are built for each use.
func cached[T any](m map[cacheKey]*T, k cacheKey, build func() *T) *T {
	renderMu.Lock()
	c := m[k]
	renderMu.Unlock()
	if c != nil {
		return c
	}
	c = build()
	renderMu.Lock()
	if len(m) < maxCacheLen {
		m[k] = c
	}
	renderMu.Unlock()
	return c
}

func newTextCache(rs *screening.RuleSet, lang screening.Lang) *textCache {
	t := wordsFor(lang)
	c := &textCache{
		question: map[*screening.Rule][]byte{},
		detail:   map[*screening.Rule][]byte{},
		option:   map[*screening.Option][]byte{},
	}
	var b []byte
	b = append(b, ruleDouble...)
	b = appendWrapped(b, "", "", t.title, TextWidth)
	b = append(b, ruleDouble...)
	c.head = b

	for v := screening.None; v <= screening.Absolute; v++ {
		var vb []byte
		vb = appendField(vb, t.verdict, v.Label().In(lang))
		vb = appendWrapped(vb, "", "", t.verdictMeaning[v], TextWidth)
		c.verdict[v] = vb
		c.classHead[v] = v.Label().In(lang) + ": "
	}
	c.noFindings = appendWrapped(nil, "", "", t.noFindings, TextWidth)
	c.answerFirst = itemIndent + t.answer
	c.answerRest = spaces(len(itemIndent) + uniseg.StringWidth(t.answer))
	for _, q := range rs.Questions {
		for _, r := range q.Rules {
			mark := ""
			if r.NeedsConfirmation {
				mark = t.confirmMark
			}
			c.question[r] = appendWrapped([]byte("\n"), "* ", "  ", mark+q.Text.In(lang), TextWidth)
			var d []byte
			d = appendWrapped(d, itemIndent+t.reason, spaces(len(itemIndent)+uniseg.StringWidth(t.reason)), r.Reason.In(lang), TextWidth)
			d = appendWrapped(d, itemIndent+t.sources, spaces(len(itemIndent)+uniseg.StringWidth(t.sources)), joinStrings(r.SourceKeys), TextWidth)
			c.detail[r] = d
		}
		if q.Kind == screening.Single {
			for _, o := range q.Options {
				c.option[o] = appendWrapped(nil, c.answerFirst, c.answerRest, o.Text.In(lang), TextWidth)
			}
		}
	}

	b = nil
	b = append(b, '\n')
	b = append(b, ruleSingle...)
	b = append(b, t.notices...)
	b = append(b, '\n')
	b = append(b, ruleSingle...)
	for _, n := range rs.Notices {
		text := n.Text.In(lang)
		if len(n.Sources) > 0 { // a notice that rests on no source says so in its text
			text += SourceKeysNote(joinKeys(n.Sources), lang)
		}
		b = appendWrapped(b, "* ", "  ", text, TextWidth)
	}
	b = append(b, '\n')
	b = append(b, ruleSingle...)
	b = append(b, t.sourceList...)
	b = append(b, '\n')
	b = append(b, ruleSingle...)
	for _, s := range rs.Sources {
		b = appendWrapped(b, "", itemIndent, "["+s.Key+"] "+SourceLine(s, lang), TextWidth)
		if s.URL != "" {
			for _, l := range linebreak.URL(s.URL, TextWidth-len(itemIndent)) {
				b = append(b, itemIndent...)
				b = append(b, l...)
				b = append(b, '\n')
			}
		}
	}
	b = append(b, '\n')
	b = appendField(b, t.ruleset, rs.Name.In(lang)+"\n"+RulesetLine(rs, lang))
	b = append(b, "SHA-256: "...)
	b = append(b, rs.SHA256...)
	b = append(b, '\n')
	b = append(b, '\n')
	b = appendWrapped(b, "", "", rs.Disclaimer.In(lang), TextWidth)
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
	c.tail = b
	return c
}

// RulesetLine names the rule set: id, version and, when ruleset.yaml records it, the date its
// content was last checked against its sources (what "as of" in a notice means).
func RulesetLine(rs *screening.RuleSet, lang screening.Lang) string {
	s := rs.ID + " " + rs.Version
	switch {
	case rs.Checked == "":
	case lang == screening.JA:
		s += "（出典との照合日: " + rs.Checked + "）"
	default:
		s += " (checked against its sources on " + rs.Checked + ")"
	}
	return s
}

// appendField writes "label: value", wrapped with a hanging indent.
func appendField(b []byte, label, value string) []byte {
	first := label + ": "
	return appendWrapped(b, first, spaces(uniseg.StringWidth(first)), value, TextWidth)
}

func (c *textCache) appendFinding(b []byte, f *screening.Finding, lang screening.Lang, t *textWords) []byte {
	q := f.Question
	b = append(b, c.question[f.Rule]...)
	if o := q.Option(f.Answer.Code); q.Kind == screening.Single && f.Answer.Set && o != nil {
		b = append(b, c.option[o]...)
	} else {
		b = appendWrapped(b, c.answerFirst, c.answerRest, Sanitize(AnswerText(q, *f.Answer, lang)), TextWidth)
	}
	return append(b, c.detail[f.Rule]...)
}

// SourceKeysNote is the list of source keys after a notice: " (a, b)" in English,
// "（a, b）" in Japanese.
func SourceKeysNote(keys string, lang screening.Lang) string {
	if lang == screening.JA {
		return "（" + keys + "）"
	}
	return " (" + keys + ")"
}

// SourceLine is one entry of a source list without its key and address: publisher, title,
// date and note, each closed by ". " unless it already ends a sentence (。 or a period).
// The address goes on a line of its own (linebreak.URL), so that it is never broken inside.
func SourceLine(s *screening.Source, lang screening.Lang) string {
	line := s.Publisher.In(lang)
	for _, part := range [...]string{s.Title.In(lang), s.Date, s.Note.In(lang)} {
		if part == "" {
			continue
		}
		switch r, _ := utf8.DecodeLastRuneInString(line); r {
		case '。', '？', '！':
		case '.', '?', '!':
			line += " "
		default:
			line += ". "
		}
		line += part
	}
	return line
}

// formatTime writes a time for people: date, time, zone abbreviation when it has one, and
// the offset from UTC, e.g. "2026-11-21 10:30 JST (UTC+09:00)".
func formatTime(t time.Time) string {
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
