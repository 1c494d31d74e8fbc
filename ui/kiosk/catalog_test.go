package kiosk

import "testing"

// TestMessagesEveryLanguage: every key of the catalogue has every language of exoscreen's
// messages (screening.Langs), each taking the arguments of the Japanese text.
func TestMessagesEveryLanguage(t *testing.T) {
	for _, gap := range messages.Gaps() {
		t.Error(gap)
	}
}
