package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/exoscreen/exoscreen/screening"
)

// textLabels are the fixed words of the printed summary.
var textLabels = map[screening.Lang]map[string]string{
	screening.JA: {
		"title": "幹細胞培養上清液・エクソソーム治療 事前問診結果", "verdict": "判定", "answer": "回答",
		"reason": "理由", "sources": "出典", "confirm": "[要確認]", "notices": "お知らせ", "ruleset": "ルールセット",
		"none": "該当する項目はありません。", "patient": "患者情報", "date": "日時", "clinic": "医療機関",
		"reception": "受付番号", "name": "氏名", "dob": "生年月日", "sourcelist": "出典一覧",
		"doctor": "確認医師名", "signature": "署名", "confirmcount": "要確認の項目",
	},
	screening.EN: {
		"title": "Pre-treatment screening: stem-cell culture supernatant / exosome therapy", "verdict": "Verdict",
		"answer": "Answer", "reason": "Reason", "sources": "Sources", "confirm": "[CONFIRM]", "notices": "Notices",
		"ruleset": "Rule set", "none": "No findings in this class.", "patient": "Patient", "date": "Date",
		"clinic": "Clinic", "reception": "Reception no.", "name": "Name", "dob": "Date of birth",
		"sourcelist": "Sources cited", "doctor": "Reviewing physician", "signature": "Signature",
		"confirmcount": "Findings to confirm",
	},
}

// WriteText writes the printable summary of res: plain UTF-8 text, no escape sequences.
func WriteText(w io.Writer, res *screening.Result, m Meta) error {
	var b strings.Builder
	l := textLabels[m.Lang]
	if l == nil {
		l = textLabels[screening.JA]
	}
	lang := m.Lang
	fmt.Fprintf(&b, "%s\n", l["title"])
	if m.Clinic != "" {
		fmt.Fprintf(&b, "%s: %s\n", l["clinic"], Sanitize(m.Clinic))
	}
	if !m.Time.IsZero() {
		fmt.Fprintf(&b, "%s: %s\n", l["date"], m.Time.Format("2006-01-02 15:04 MST (-07:00)"))
	}
	if p := m.Patient; p != nil && !p.IsZero() {
		for _, kv := range [][2]string{{"reception", p.ReceptionNumber}, {"name", p.Name}, {"dob", p.DateOfBirth}} {
			if kv[1] != "" {
				fmt.Fprintf(&b, "%s: %s\n", l[kv[0]], Sanitize(kv[1]))
			}
		}
	}
	fmt.Fprintf(&b, "\n%s: %s (%s)\n", l["verdict"], res.Verdict.Label().In(lang), res.Verdict)
	if n := res.NeedsConfirmation(); n > 0 {
		fmt.Fprintf(&b, "%s: %d\n", l["confirmcount"], n)
	}
	for _, c := range []screening.Class{screening.Absolute, screening.Relative, screening.None} {
		fmt.Fprintf(&b, "\n== %s ==\n", c.Label().In(lang))
		n := 0
		for i := range res.Findings {
			f := &res.Findings[i]
			if f.Class != c {
				continue
			}
			n++
			mark := ""
			if f.NeedsConfirmation {
				mark = " " + l["confirm"]
			}
			fmt.Fprintf(&b, "\n- %s%s\n", f.Question.Text.In(lang), mark)
			fmt.Fprintf(&b, "  %s: %s\n", l["answer"], Sanitize(AnswerText(f.Question, f.Answer, lang)))
			fmt.Fprintf(&b, "  %s: %s\n", l["reason"], f.Reason(lang))
			fmt.Fprintf(&b, "  %s: %s\n", l["sources"], strings.Join(f.SourceKeys(), ", "))
		}
		if n == 0 {
			fmt.Fprintf(&b, "%s\n", l["none"])
		}
	}
	rs := res.RuleSet
	fmt.Fprintf(&b, "\n== %s ==\n", l["notices"])
	for _, n := range rs.Notices {
		fmt.Fprintf(&b, "- %s (%s)\n", n.Text.In(lang), strings.Join(sourceKeys(n.Sources), ", "))
	}
	fmt.Fprintf(&b, "\n== %s ==\n", l["sourcelist"])
	for _, s := range rs.Sources {
		fmt.Fprintf(&b, "[%s] %s. %s", s.Key, s.Publisher.In(lang), s.Title.In(lang))
		if s.Date != "" {
			fmt.Fprintf(&b, ". %s", s.Date)
		}
		if s.URL != "" {
			fmt.Fprintf(&b, ". %s", s.URL)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\n%s: %s %s\nSHA-256: %s\n", l["ruleset"], rs.ID, rs.Version, rs.SHA256)
	fmt.Fprintf(&b, "\n%s\n", rs.Disclaimer.In(lang))
	fmt.Fprintf(&b, "\n%s: ______________________________\n%s: ______________________________\n", l["doctor"], l["signature"])
	_, err := io.WriteString(w, b.String())
	return err
}
