package export

import (
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"time"
)

// Clock returns the time source for result timestamps. With fixedAt set (an RFC 3339 time
// such as 2026-11-21T10:30:00+09:00, for tests and reproducible examples only: every
// screening would carry the same time) it always returns that time and fixed is true;
// with fixedAt empty it is the wall clock in the machine's local zone, truncated to seconds.
// A malformed fixedAt is an error. cmd/exoscreen takes fixedAt from EXOSCREEN_NOW.
func Clock(fixedAt string) (now func() time.Time, fixed bool, err error) {
	if fixedAt == "" {
		return func() time.Time { return time.Now().Truncate(time.Second) }, false, nil
	}
	t, err := time.Parse(time.RFC3339, fixedAt)
	if err != nil {
		return nil, false, fmt.Errorf("%q is not an RFC 3339 time (e.g. 2026-11-21T10:30:00+09:00)", fixedAt)
	}
	// Show the local zone's name (JST) when the offset is the local one.
	if l := t.In(time.Local); l.Format("-07:00") == t.Format("-07:00") {
		t = l
	}
	return func() time.Time { return t }, true, nil
}

// NewID returns a random UUID (version 4) for a screening.
func NewID() string {
	var u [16]byte
	if _, err := rand.Read(u[:]); err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return formatUUID(u)
}

// NameID returns the name-based UUID (version 5, SHA-1) of name in namespace ns (a UUID):
// the same inputs always give the same id.
func NameID(ns, name string) string {
	h := sha1.New()
	h.Write(parseUUID(ns))
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return formatUUID(u)
}

// idNamespace is exoscreen's namespace for name-based UUIDs (a fixed random UUID; changing
// it changes every derived URL and id).
const idNamespace = "2f1d7f4e-2c5b-5b0e-9f6a-6b3c1e0a9d41"

func parseUUID(s string) []byte {
	var u [16]byte
	j := 0
	for i := 0; i+1 < len(s) && j < 16; {
		if s[i] == '-' {
			i++
			continue
		}
		hex.Decode(u[j:j+1], []byte(s[i:i+2]))
		i += 2
		j++
	}
	return u[:]
}

func formatUUID(u [16]byte) string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}
