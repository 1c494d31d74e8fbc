package kiosk

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// MinPINLength is the shortest staff PIN accepted; MaxPINLength the longest, which is what
// the PIN prompt takes (a longer PIN could never be typed, and the staff menu could never be
// reached).
const (
	MinPINLength = 4
	MaxPINLength = 64
)

// Guard checks the staff PIN. The PIN is kept only as its SHA-256 digest and compared in
// constant time. After MaxTries wrong tries in a row the prompt is locked for Lockout; every
// further lockout before a right PIN doubles it, up to MaxLockout. The count survives
// between patients and between openings of the prompt: only a right PIN clears it.
//
// A Guard is safe for concurrent use: the SSH server shares one between all its sessions, so
// the lockout counts tries from every session and reconnecting does not reset it.
type Guard struct {
	MaxTries   int
	Lockout    time.Duration
	MaxLockout time.Duration

	mu          sync.Mutex
	digest      [sha256.Size]byte
	fails       int
	lockouts    int
	lockedUntil time.Time
	lastFail    time.Time
}

// Errors of NewGuard.
var (
	ErrShortPIN = errors.New("the staff PIN must have at least 4 characters")
	ErrLongPIN  = errors.New("the staff PIN must have at most 64 characters (the PIN prompt takes no more)")
	ErrBlankPIN = errors.New("the staff PIN is only spaces")
)

// NewGuard returns a guard for pin with the default policy: 3 tries, then 30 s, doubling up
// to 15 min. A PIN of only white space, or shorter than MinPINLength or longer than
// MaxPINLength characters, is refused.
func NewGuard(pin string) (*Guard, error) {
	switch n := utf8.RuneCountInString(pin); {
	case n > 0 && strings.TrimSpace(pin) == "":
		return nil, ErrBlankPIN
	case n < MinPINLength:
		return nil, ErrShortPIN
	case n > MaxPINLength:
		return nil, ErrLongPIN
	}
	return &Guard{MaxTries: 3, Lockout: 30 * time.Second, MaxLockout: 15 * time.Minute, digest: sha256.Sum256([]byte(pin))}, nil
}

// LockedFor is how long the prompt stays locked from now (0: not locked).
func (g *Guard) LockedFor(now time.Time) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.lockedFor(now)
}

func (g *Guard) lockedFor(now time.Time) time.Duration {
	if d := g.lockedUntil.Sub(now); d > 0 {
		return d
	}
	return 0
}

// TriesLeft is how many wrong tries are left before the next lockout.
func (g *Guard) TriesLeft() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.MaxTries - g.fails
}

// Check reports whether try is the PIN. While the prompt is locked every try is refused
// without being compared.
func (g *Guard) Check(now time.Time, try string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.lockedFor(now) > 0 {
		return false
	}
	d := sha256.Sum256([]byte(try))
	if subtle.ConstantTimeCompare(d[:], g.digest[:]) == 1 {
		g.fails, g.lockouts = 0, 0
		return true
	}
	g.fails++
	g.lastFail = now
	if g.fails >= g.MaxTries {
		lock := g.Lockout << g.lockouts
		if lock > g.MaxLockout || lock <= 0 {
			lock = g.MaxLockout
		}
		g.lockedUntil = now.Add(lock)
		g.fails = 0
		g.lockouts++
	}
	return false
}

// Release ends the lockout and forgets the wrong tries, when staff asked for it at time at
// (exoscreen kiosk-unlock, run by the kiosk's own OS user) after the last wrong try: a request
// older than the tries that locked the prompt does nothing. It reports whether it released.
func (g *Guard) Release(at time.Time) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if at.IsZero() || g.lastFail.IsZero() || !at.After(g.lastFail) {
		return false
	}
	g.fails, g.lockouts, g.lockedUntil, g.lastFail = 0, 0, time.Time{}, time.Time{}
	return true
}
