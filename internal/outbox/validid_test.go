package outbox

import (
	"regexp"
	"testing"
)

var idRegexp = regexp.MustCompile(`^[0-9]{8}T[0-9]{6}\.[0-9]{3}Z-[0-9a-f]{16}$`)

// ValidID checks byte by byte what the regular expression of an ID says.
func FuzzValidID(f *testing.F) {
	for _, s := range []string{"20261121T183802.123Z-9f3c2a71d04e8b65", "20261121T183802.123Z-9F3C2A71D04E8B65",
		"20261121T183802.123Z-9f3c2a71d04e8b6", "../../etc/passwd", "", "20261121T183802.123Z-9f3c2a71d04e8b65\n",
		"2026112aT183802.123Z-9f3c2a71d04e8b65", "20261121T183802x123Z-9f3c2a71d04e8b65", "20261121T183802.123Z-9f3c2a71d04e8bg5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ValidID(s) != idRegexp.MatchString(s) {
			t.Errorf("ValidID(%q) = %v, the regular expression says %v", s, ValidID(s), !ValidID(s))
		}
	})
}
