package accessible

import (
	"testing"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// TestUnsureInEveryLanguage: "not sure" typed in Chinese or Korean answers an integer question
// that allows it.
func TestUnsureInEveryLanguage(t *testing.T) {
	rs := testrules.LoadMulti(t)
	var q *screening.Question
	for _, x := range rs.Questions {
		if x.Kind == screening.Integer && x.AllowUnsure {
			q = x
			break
		}
	}
	if q == nil {
		t.Fatal("no integer question allowing unsure")
	}
	for _, tc := range []struct {
		lang screening.Lang
		in   string
	}{{screening.ZhHans, "不清楚"}, {screening.ZhHant, "不知道"}, {screening.KO, "모르겠음"}, {screening.KO, "모름"}} {
		v, err := ParseAnswer(q, tc.in, tc.lang)
		if err != nil || !v.Unsure {
			t.Errorf("%s %q: %+v %v", tc.lang, tc.in, v, err)
		}
	}
}
