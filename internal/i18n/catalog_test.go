package i18n

import (
	"slices"
	"testing"

	"github.com/exoscreen/exoscreen/screening"
)

func full(format string) screening.Text {
	t := screening.Text{}
	for _, l := range screening.Langs {
		t[l] = string(l) + ":" + format
	}
	return t
}

// TestGet: a text in the asked language, formatted only when arguments are given (a literal
// % stays as written otherwise), and an unknown key shown as the key itself.
func TestGet(t *testing.T) {
	c := Catalog{"hello": full("hi %s"), "pct": full("100%")}
	for _, tc := range []struct {
		lang screening.Lang
		key  string
		args []any
		want string
	}{
		{screening.EN, "hello", []any{"Ann"}, "en:hi Ann"},
		{screening.JA, "hello", []any{"Ann"}, "ja:hi Ann"},
		{screening.KO, "pct", nil, "ko:100%"},
		{screening.EN, "hello", nil, "en:hi %s"},
		{screening.EN, "missing.key", nil, "missing.key"},
		{screening.EN, "missing.key", []any{1}, "missing.key"},
	} {
		if got := c.Get(tc.lang, tc.key, tc.args...); got != tc.want {
			t.Errorf("Get(%s, %q, %v) = %q, want %q", tc.lang, tc.key, tc.args, got, tc.want)
		}
	}
}

// TestGaps: a key missing a language, and a text taking other arguments than its Japanese
// one, are each reported, sorted; a complete catalogue has none.
func TestGaps(t *testing.T) {
	if g := (Catalog{"a": full("%d x"), "b": full("y")}).Gaps(); len(g) != 0 {
		t.Errorf("complete catalogue: gaps %q", g)
	}
	noKO := full("x")
	delete(noKO, screening.KO)
	emptyEN := full("x")
	emptyEN[screening.EN] = ""
	args := full("%s")
	args[screening.ZhHant] = "no argument"
	got := (Catalog{"z": noKO, "m": emptyEN, "a": args}).Gaps()
	want := []string{
		"a: the zh-Hant text takes other arguments than the ja one",
		"m: no en text",
		"z: no ko text",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Gaps() = %q\nwant %q", got, want)
	}
}
