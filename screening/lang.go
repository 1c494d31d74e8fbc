package screening

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Lang is a language as a BCP 47 tag ("ja", "en", "zh-Hans", "zh-Hant", "ko", ...). A rule set
// declares the languages it speaks (RuleSet.Languages); the program's own messages (chrome)
// are in the languages of i18n.Catalog.
type Lang string

// The languages exoscreen's own messages are written in. A rule set may declare any BCP 47 tag
// besides these: its texts then come from the content and the chrome falls back to the clinic's
// language.
const (
	JA     Lang = "ja"
	EN     Lang = "en"
	ZhHans Lang = "zh-Hans"
	ZhHant Lang = "zh-Hant"
	KO     Lang = "ko"
)

// Langs lists the languages of exoscreen's own messages (the chrome: screens, help, errors) in
// their display order; every key of an i18n.Catalog has each (the catalogue tests check).
var Langs = []Lang{JA, EN, ZhHans, ZhHant, KO}

// ParseLang reads a BCP 47 tag or a POSIX locale name (zh-CN, zh_TW.UTF-8, ko-KR, en, vi ...):
// a tag that matches a language of exoscreen's messages gives it (zh-CN gives zh-Hans, zh-TW
// zh-Hant, ko-KR ko); any other well-formed tag is returned in canonical form, for the rule
// set to accept if it declares it (RuleSet.MatchLang).
func ParseLang(s string) (Lang, error) {
	if l, ok := MatchLang(Langs, s); ok {
		return l, nil
	}
	t, err := language.Parse(localeTag(s))
	if err != nil || localeTag(s) == "" {
		return "", fmt.Errorf("unknown language %q (want a BCP 47 tag such as ja, en, zh-Hans, zh-Hant, ko)", s)
	}
	return Lang(t.String()), nil
}

// localeTag turns a POSIX locale name into a BCP 47 tag: zh_TW.UTF-8 gives zh-TW; C and
// POSIX give "".
func localeTag(s string) string {
	s = strings.TrimSpace(s)
	s, _, _ = strings.Cut(s, ".") // ja_JP.UTF-8
	s, _, _ = strings.Cut(s, "@") // de_DE@euro
	if strings.EqualFold(s, "C") || strings.EqualFold(s, "POSIX") {
		return ""
	}
	return strings.ReplaceAll(s, "_", "-")
}

// LangFromLocale picks the language from the values of LC_ALL, LC_MESSAGES and LANG, given
// in that (POSIX) order of precedence; the first one set decides (ParseLang), and none or C
// falls back to Japanese (the clinics exoscreen is made for are Japanese). The result is
// matched against the rule set's languages once it is loaded (RuleSet.MatchLang). The caller
// reads the environment (cmd/exoscreen does).
func LangFromLocale(vals ...string) Lang {
	for _, v := range vals {
		if v == "" {
			continue
		}
		if l, err := ParseLang(v); err == nil {
			return l
		}
		return JA
	}
	return JA
}

// Text is a piece of text a person reads, keyed by language. Literals are written
// Text{JA: "…", EN: "…"}.
type Text map[Lang]string

// In returns the text in lang; a text missing in lang falls back to Japanese, then English
// (lint makes sure no text of a rule set misses a declared language).
func (t Text) In(lang Lang) string {
	if s := t[lang]; s != "" {
		return s
	}
	if s := t[JA]; s != "" {
		return s
	}
	return t[EN]
}

// IsZero reports whether every translation is empty.
func (t Text) IsZero() bool {
	for _, s := range t {
		if s != "" {
			return false
		}
	}
	return true
}

// Equal reports whether t and u have the same non-empty translations.
func (t Text) Equal(u Text) bool {
	for l, s := range t {
		if u[l] != s {
			return false
		}
	}
	for l, s := range u {
		if t[l] != s {
			return false
		}
	}
	return true
}

// Tags returns the languages t has a non-empty translation in: ja, en, zh-Hans, zh-Hant, ko
// first, the rest in tag order.
func (t Text) Tags() []Lang {
	out := make([]Lang, 0, len(t))
	for l, s := range t {
		if s != "" {
			out = append(out, l)
		}
	}
	slices.SortFunc(out, compareLang)
	return out
}

// langOrder is the order of the built-in languages in JSON and listings.
var langOrder = map[Lang]int{JA: 1, EN: 2, ZhHans: 3, ZhHant: 4, KO: 5}

func compareLang(a, b Lang) int {
	oa, ob := langOrder[a], langOrder[b]
	switch {
	case oa != 0 && ob != 0:
		return oa - ob
	case oa != 0:
		return -1
	case ob != 0:
		return 1
	}
	return strings.Compare(string(a), string(b))
}

// MarshalJSON writes t as an object with ja and en first (as the struct it once was), then the
// other languages; ja and en are always written, empty if missing.
func (t Text) MarshalJSON() ([]byte, error) {
	tags := t.Tags()
	for _, l := range []Lang{EN, JA} {
		if t[l] == "" {
			tags = append([]Lang{l}, tags...)
		}
	}
	slices.SortFunc(tags, compareLang)
	var b bytes.Buffer
	b.WriteByte('{')
	for i, l := range tags {
		if i > 0 {
			b.WriteByte(',')
		}
		enc := json.NewEncoder(&b) // the caller's encoder decides on HTML escaping
		enc.SetEscapeHTML(false)
		if err := enc.Encode(string(l)); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1)
		b.WriteByte(':')
		if err := enc.Encode(t[l]); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Spaced reports whether l is written with spaces between words and sentences (English,
// Korean ...), not run together as Japanese and Chinese are.
func (l Lang) Spaced() bool {
	switch l { // the usual ones without parsing the tag (no allocation)
	case JA, ZhHans, ZhHant:
		return false
	case EN, KO:
		return true
	}
	base, _ := language.Make(string(l)).Base()
	switch base.String() {
	case "ja", "zh", "th", "lo", "km", "my":
		return false
	}
	return true
}

// Sep is what separates the items of a list in l: "、" in Japanese and Chinese, ", " in
// languages written with spaces.
func (l Lang) Sep() string {
	if l.Spaced() {
		return ", "
	}
	return "、"
}
