package screening_test

import (
	"testing"

	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
)

// TestLoadMessagesComplete: every message of the loader and lint is in ja, en, zh-Hans,
// zh-Hant and ko, with the same arguments as its Japanese text.
func TestLoadMessagesComplete(t *testing.T) {
	if len(screening.LoadMessages) == 0 {
		t.Fatal("no load messages")
	}
	for _, gap := range i18n.Catalog(screening.LoadMessages).Gaps() {
		t.Error(gap)
	}
}
