// Package i18n holds the fixed texts of exoscreen's screens and messages (the chrome around
// the rule set's own texts): a Catalog of texts by key, each in every language of
// screening.Langs, and the check that none is missing.
package i18n

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exoscreen/exoscreen/screening"
)

// Catalog holds the fixed texts of a user interface by key, each in every language of
// screening.Langs.
type Catalog map[string]screening.Text

// Get returns the text of key in lang, formatted with args when any are given. An unknown key
// is returned as it is, so a missing text shows up in tests and on screen instead of vanishing.
func (c Catalog) Get(lang screening.Lang, key string, args ...any) string {
	t, ok := c[key]
	if !ok {
		return key
	}
	s := t.In(lang)
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Gaps lists what is wrong with the catalogue, one problem a string: a key without a text in
// one of the languages of exoscreen's messages (Langs), or whose texts take a different
// number of arguments than its Japanese one. Every catalogue's test calls it.
func (c Catalog) Gaps() []string {
	var out []string
	for key, t := range c {
		for _, l := range screening.Langs {
			if t[l] == "" {
				out = append(out, fmt.Sprintf("%s: no %s text", key, l))
			} else if strings.Count(t[l], "%") != strings.Count(t[screening.JA], "%") {
				out = append(out, fmt.Sprintf("%s: the %s text takes other arguments than the ja one", key, l))
			}
		}
	}
	slices.Sort(out)
	return out
}
