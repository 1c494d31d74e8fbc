package i18n

import (
	"errors"

	"github.com/exoscreen/exoscreen/screening"
)

// Localizer is something that can say itself in a language: an error with words of its own
// (Error, outbox problems), or an argument of an Error said in the message's language (a file
// error's reason, say).
type Localizer interface {
	Message(lang screening.Lang) string
}

// Error is an error whose words are a key of a Catalog, so that the command that reports it
// says it in the user's language (Message); Error() says it in English, for logs and tests.
type Error struct {
	Catalog Catalog
	Key     string
	Args    []any // an argument that is a Localizer is said in the message's language
	Err     error // the cause, for errors.Is and errors.As; nil when there is none
}

// Errorf returns an *Error of key in c, formatted with args, wrapping the first error among
// args (if any) as its cause.
func (c Catalog) Errorf(key string, args ...any) *Error {
	e := &Error{Catalog: c, Key: key, Args: args}
	for _, a := range args {
		if err, ok := a.(error); ok {
			e.Err = err
			break
		}
	}
	return e
}

// Wrap returns an *Error of key in c, formatted with args, whose cause is err (kept for
// errors.Is and errors.As, not said).
func (c Catalog) Wrap(err error, key string, args ...any) *Error {
	return &Error{Catalog: c, Key: key, Args: args, Err: err}
}

func (e *Error) Error() string { return e.Message(screening.EN) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Message says the error in lang.
func (e *Error) Message(lang screening.Lang) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if l, ok := a.(Localizer); ok {
			a = l.Message(lang)
		}
		args[i] = a
	}
	return e.Catalog.Get(lang, e.Key, args...)
}

// Message says err in lang: the words of the outermost error of its chain that can say itself
// (a Localizer), else err.Error().
func Message(err error, lang screening.Lang) string {
	if err == nil {
		return ""
	}
	var l Localizer
	if errors.As(err, &l) {
		return l.Message(lang)
	}
	return err.Error()
}
