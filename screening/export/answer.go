package export

import (
	"strconv"
	"strings"

	"github.com/exoscreen/exoscreen/screening"
)

// AnswerText is an answer as a person reads it, in lang: the option's text, the chosen
// options joined, the number with its unit, わかりません / Not sure, or the free text as given
// (callers that print it to a terminal must sanitise it).
func AnswerText(q *screening.Question, v screening.Value, lang screening.Lang) string {
	t := wordsFor(lang)
	none := t.none
	switch {
	case !v.Set:
		return none
	case q.Kind == screening.Single:
		if o := q.Option(v.Code); o != nil {
			return o.Text.In(lang)
		}
		return v.Code
	case q.Kind == screening.Multi:
		if len(v.Codes) == 0 {
			return none
		}
		parts := make([]string, len(v.Codes))
		for i, c := range v.Codes {
			parts[i] = c
			if o := q.Option(c); o != nil {
				parts[i] = o.Text.In(lang)
			}
		}
		return strings.Join(parts, lang.Sep())
	case q.Kind == screening.Integer && v.Unsure:
		return t.unsure
	case q.Kind == screening.Integer:
		s := strconv.Itoa(v.Int)
		if u := q.Unit.In(lang); u != "" {
			if lang.Spaced() {
				return s + " " + u
			}
			return s + u
		}
		return s
	}
	if v.Text == "" {
		return none
	}
	return v.Text
}
