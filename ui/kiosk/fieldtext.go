package kiosk

import "github.com/exoscreen/exoscreen/screening"

// Label is the field's name in lang and Hint what to type in it: the SSH server's line mode
// (a client without a pty) asks for the details with the kiosk's words.
func (f Field) Label(lang screening.Lang) string { return tr(lang, "details."+string(f)) }

// Hint says what to type in the field, in lang.
func (f Field) Hint(lang screening.Lang) string { return tr(lang, "details."+string(f)+".h") }

// ValidateMessage is the text in lang of a message key returned by Field.Validate.
func ValidateMessage(lang screening.Lang, key string) string { return tr(lang, key) }
