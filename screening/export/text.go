package export

import (
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/internal/linebreak"
	"github.com/exoscreen/exoscreen/screening"
)

// textWords are the fixed words of the printed summary in one language.
type textWords struct {
	title, clinic, date, patient, reception, name, dob           string
	verdict, confirmCount, confirmHint, confirmMark              string
	count, answer, reason, sources, noFindings                   string
	notices, sourceList, ruleset, physician, signature, signDate string
	patientLang, asRead, unreviewed, none, unsure                string
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
		blank:       "____________________________________",
		patientLang: "患者の言語",
		asRead:      "患者の表示: ",
		unreviewed:  "注意: この言語の訳は、まだこの言語の医師による確認を受けていません。",
		none:        "(回答なし)",
		unsure:      "わかりません",
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
		blank:       "____________________________________",
		patientLang: "Patient's language",
		asRead:      "As the patient read it: ",
		unreviewed:  "Note: this translation has not yet been reviewed by a clinician who speaks the language.",
		none:        "(no answer)",
		unsure:      "Not sure",
	},
	screening.ZhHans: {
		title:        "干细胞培养上清液・外泌体治疗 治疗前问诊结果",
		clinic:       "医疗机构",
		date:         "日期时间",
		patient:      "患者",
		reception:    "挂号号码",
		name:         "姓名",
		dob:          "出生日期",
		verdict:      "判定",
		confirmCount: "需确认",
		confirmHint:  " 项。向患者确认后，判定可能会改变。",
		confirmMark:  "[需确认] ",
		count:        " 项",
		answer:       "回答: ",
		reason:       "理由: ",
		sources:      "出处: ",
		noFindings:   "没有相应的项目。",
		notices:      "注意事项",
		sourceList:   "出处一览",
		ruleset:      "规则集",
		physician:    "确认的医生: ",
		signature:    "签名:         ",
		signDate:     "确认日期:     ",
		verdictMeaning: [3]string{
			"本问诊未发现禁忌。能否接受治疗由医生判断。",
			"存在相对禁忌。治疗前请由医生判断。",
			"存在绝对禁忌。请勿进行治疗。",
		},
		blank:       "____________________________________",
		patientLang: "患者的语言",
		asRead:      "患者看到的内容: ",
		unreviewed:  "注意: 本译文尚未经过以此语言为母语的医生审核。",
		none:        "(未回答)",
		unsure:      "不清楚",
	},
	screening.ZhHant: {
		title:        "幹細胞培養上清液・外泌體治療 治療前問診結果",
		clinic:       "醫療機構",
		date:         "日期時間",
		patient:      "患者",
		reception:    "掛號號碼",
		name:         "姓名",
		dob:          "出生日期",
		verdict:      "判定",
		confirmCount: "需確認",
		confirmHint:  " 項。向患者確認後，判定可能會改變。",
		confirmMark:  "[需確認] ",
		count:        " 項",
		answer:       "回答: ",
		reason:       "理由: ",
		sources:      "出處: ",
		noFindings:   "沒有相應的項目。",
		notices:      "注意事項",
		sourceList:   "出處一覽",
		ruleset:      "規則集",
		physician:    "確認的醫師: ",
		signature:    "簽名:         ",
		signDate:     "確認日期:     ",
		verdictMeaning: [3]string{
			"本問診未發現禁忌。能否接受治療由醫師判斷。",
			"存在相對禁忌。治療前請由醫師判斷。",
			"存在絕對禁忌。請勿進行治療。",
		},
		blank:       "____________________________________",
		patientLang: "患者的語言",
		asRead:      "患者看到的內容: ",
		unreviewed:  "注意: 本譯文尚未經過以此語言為母語的醫師審核。",
		none:        "(未回答)",
		unsure:      "不清楚",
	},
	screening.KO: {
		title:        "줄기세포 배양액・엑소좀 치료 사전 문진 결과",
		clinic:       "의료기관",
		date:         "일시",
		patient:      "환자",
		reception:    "접수 번호",
		name:         "성명",
		dob:          "생년월일",
		verdict:      "판정",
		confirmCount: "확인 필요",
		confirmHint:  "건. 환자에게 확인하면 판정이 바뀔 수 있습니다.",
		confirmMark:  "[확인 필요] ",
		count:        "건",
		answer:       "답변: ",
		reason:       "이유: ",
		sources:      "출처: ",
		noFindings:   "해당하는 항목이 없습니다.",
		notices:      "안내",
		sourceList:   "출처 목록",
		ruleset:      "규칙 세트",
		physician:    "확인한 의사: ",
		signature:    "서명:         ",
		signDate:     "확인일:       ",
		verdictMeaning: [3]string{
			"이 문진에서는 금기가 발견되지 않았습니다. 치료 여부는 의사가 판단합니다.",
			"상대적 금기가 있습니다. 치료 전에 의사가 판단해 주십시오.",
			"절대적 금기가 있습니다. 치료하지 마십시오.",
		},
		blank:       "____________________________________",
		patientLang: "환자의 언어",
		asRead:      "환자가 본 내용: ",
		unreviewed:  "주의: 이 번역은 아직 이 언어를 사용하는 의사의 검토를 받지 않았습니다.",
		none:        "(답변 없음)",
		unsure:      "모르겠음",
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
	rs := res.RuleSet
	lang, patientLang := m.Lang, m.Lang // the summary's and the patient's
	if m.StaffLang != "" {
		lang = m.StaffLang
	}
	if _, ok := rs.Language(lang); !ok {
		lang = rs.Clinic()
	}
	if _, ok := rs.Language(patientLang); !ok {
		patientLang = lang
	}
	t := wordsFor(lang)
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
	if patientLang != lang {
		b = appendField(b, t.patientLang, rs.LangName(patientLang)+" ("+string(patientLang)+")")
	}
	if l, ok := rs.Language(patientLang); ok && !l.Reviewed {
		b = appendWrapped(b, "", "", t.unreviewed, TextWidth)
		if patientLang != lang {
			b = appendWrapped(b, "", "", wordsFor(patientLang).unreviewed, TextWidth)
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
			if patientLang != lang {
				b = appendAsRead(b, f, patientLang, t)
			}
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
	default:
		s += fmt.Sprintf(checkedOn.Get(lang, "checked"), rs.Checked)
	}
	return s
}

// checkedOn is the date the content was checked against its sources, after the rule set's id.
var checkedOn = i18n.Catalog{"checked": {
	screening.JA:     "（出典との照合日: %s）",
	screening.EN:     " (checked against its sources on %s)",
	screening.ZhHans: "（与出处核对日期: %s）",
	screening.ZhHant: "（與出處核對日期: %s）",
	screening.KO:     " (출처와 대조한 날짜: %s)",
}}

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

// SourceKeysNote is the list of source keys after a notice: " (a, b)", or "（a, b）" in a
// language written with full-width brackets (Japanese, Chinese).
func SourceKeysNote(keys string, lang screening.Lang) string {
	if !lang.Spaced() {
		return "（" + keys + "）"
	}
	return " (" + keys + ")"
}

// appendAsRead writes the question and the answer of f as the patient read them, in pl.
func appendAsRead(b []byte, f *screening.Finding, pl screening.Lang, t *textWords) []byte {
	first := itemIndent + t.asRead
	rest := spaces(uniseg.StringWidth(first))
	b = appendWrapped(b, first, rest, f.Question.Text.In(pl), TextWidth)
	return appendWrapped(b, rest, rest, Sanitize(AnswerText(f.Question, *f.Answer, pl)), TextWidth)
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
