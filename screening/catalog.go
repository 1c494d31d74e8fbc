package screening

import "fmt"

// Catalog holds the fixed texts of a user interface by key, in both languages.
type Catalog map[string]Text

// Get returns the text of key in lang, formatted with args when any are given. An unknown key
// is returned as it is, so a missing text shows up in tests and on screen instead of vanishing.
func (c Catalog) Get(lang Lang, key string, args ...any) string {
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
