package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/exoscreen/exoscreen/screening"
)

// said is a Localizer argument: its words depend on the language.
type said struct{}

func (said) Message(lang screening.Lang) string { return "<" + string(lang) + ">" }

// causeArg is an error argument that says itself, as fserr.Cause does.
type causeArg struct{ err error }

func (c causeArg) Error() string                      { return c.err.Error() }
func (c causeArg) Unwrap() error                      { return c.err }
func (c causeArg) Message(lang screening.Lang) string { return "reason in " + string(lang) }

// TestError: an Error says itself in the asked language (English for Error()), its Localizer
// arguments in that language too; Errorf takes the first error argument as the cause, Wrap
// the one it is given; Message finds the words through wrapping and falls back to Error().
func TestError(t *testing.T) {
	c := Catalog{"k": full("%s (%s)"), "plain": full("no args")}
	e := c.Errorf("k", "/tmp/x", said{})
	if got := e.Message(screening.KO); got != "ko:/tmp/x (<ko>)" {
		t.Errorf("Message(ko) = %q", got)
	}
	if got := e.Error(); got != "en:/tmp/x (<en>)" {
		t.Errorf("Error() = %q", got)
	}
	if e.Unwrap() != nil {
		t.Errorf("cause %v without an error argument", e.Unwrap())
	}

	withCause := c.Errorf("k", "/tmp/x", causeArg{fs.ErrNotExist})
	if !errors.Is(withCause, fs.ErrNotExist) {
		t.Error("Errorf lost the cause")
	}
	if got := withCause.Message(screening.JA); got != "ja:/tmp/x (reason in ja)" {
		t.Errorf("Message(ja) = %q", got)
	}

	wrapped := c.Wrap(fs.ErrPermission, "plain")
	if !errors.Is(wrapped, fs.ErrPermission) || wrapped.Message(screening.ZhHant) != "zh-Hant:no args" {
		t.Errorf("Wrap: %v %q", errors.Is(wrapped, fs.ErrPermission), wrapped.Message(screening.ZhHant))
	}

	for _, tc := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{errors.New("plain English"), "plain English"},
		{e, "ja:/tmp/x (<ja>)"},
		{fmt.Errorf("context: %w", e), "ja:/tmp/x (<ja>)"},
	} {
		if got := Message(tc.err, screening.JA); got != tc.want {
			t.Errorf("Message(%v, ja) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
