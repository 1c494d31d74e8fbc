package main

import (
	"testing"

	"github.com/exoscreen/exoscreen/screening"
)

// TestMessagesEveryLanguage: every key of the command line's message catalogues has every
// language of exoscreen's messages (screening.Langs), each taking the arguments of the
// Japanese text.
func TestMessagesEveryLanguage(t *testing.T) {
	for name, c := range map[string]screening.Catalog{"usageMessages": usageMessages, "helpHeads": helpHeads, "accessibleMessages": accessibleMessages, "kioskWarnings": kioskWarnings} {
		for _, gap := range c.Gaps() {
			t.Errorf("%s: %s", name, gap)
		}
	}
}
