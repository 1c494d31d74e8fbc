package screening

import (
	"fmt"
	"strings"
)

// Lang is a language exoscreen speaks: Japanese or English.
type Lang string

// The languages every rule set must carry.
const (
	JA Lang = "ja"
	EN Lang = "en"
)

// Langs lists the supported languages in their display order.
var Langs = []Lang{JA, EN}

// ParseLang accepts "ja" or "en" (any case, surrounding space ignored).
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja":
		return JA, nil
	case "en":
		return EN, nil
	}
	return "", fmt.Errorf("unknown language %q (want ja or en)", s)
}

// LangFromLocale picks the language from the values of LC_ALL, LC_MESSAGES and LANG, given
// in that (POSIX) order of precedence; the first one set decides, and none falls back to
// Japanese: en_US.UTF-8 gives English, ja_JP.UTF-8 or C gives Japanese (the clinics exoscreen
// is made for are Japanese). The caller reads the environment (cmd/exoscreen does).
func LangFromLocale(vals ...string) Lang {
	for _, v := range vals {
		if v == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(v), "en") {
			return EN
		}
		return JA
	}
	return JA
}

// Text is a piece of text a person reads, in both languages.
type Text struct {
	JA string `json:"ja"`
	EN string `json:"en"`
}

// In returns the text in lang (Japanese for anything but English).
func (t Text) In(lang Lang) string {
	if lang == EN {
		return t.EN
	}
	return t.JA
}

// IsZero reports whether both translations are empty.
func (t Text) IsZero() bool { return t.JA == "" && t.EN == "" }
