package serve

import "testing"

// TestStartMessagesEveryLanguage: every start-up error has every language of exoscreen's
// messages, each taking the arguments of the Japanese text.
func TestStartMessagesEveryLanguage(t *testing.T) {
	for _, gap := range startMessages.Gaps() {
		t.Error(gap)
	}
}
