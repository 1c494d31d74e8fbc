package kiosk

import (
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// FuzzValidate feeds arbitrary text to the patient-detail fields: no panic, and what is
// accepted is clean (valid UTF-8, no control or format characters, within its limits).
func FuzzValidate(f *testing.F) {
	for _, s := range []string{"17", "Ａ－１７", "山田　花子", "1980-04-15", "１９８０年４月１５日", "evil\x1b[2J", "a\u202eb", "\xff", "1980/02/30"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		for _, fl := range []Field{Reception, Name, DateOfBirth} {
			v, msg := fl.Validate(s, now)
			if msg != "" {
				if v != "" {
					t.Fatalf("%s: value %q with error %s", fl, v, msg)
				}
				if _, ok := messages[msg]; !ok {
					t.Fatalf("%s: unknown message %q", fl, msg)
				}
				continue
			}
			if v == "" || !utf8.ValidString(v) {
				t.Fatalf("%s: accepted %q as %q", fl, s, v)
			}
			for _, r := range v {
				if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
					t.Fatalf("%s: accepted control %U in %q", fl, r, v)
				}
			}
			switch fl {
			case Reception:
				if !receptionPattern.MatchString(v) {
					t.Fatalf("reception %q", v)
				}
			case Name:
				if utf8.RuneCountInString(v) > 60 {
					t.Fatalf("name too long %q", v)
				}
			case DateOfBirth:
				d, err := time.Parse("2006-01-02", v)
				if err != nil || d.After(now) {
					t.Fatalf("date %q", v)
				}
			}
		}
	})
}
