package kiosk

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"sync"
	"time"
	"unicode/utf8"
)

// MinPINLength is the shortest staff PIN accepted.
const MinPINLength = 4

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
}

// ErrShortPIN is returned for a PIN shorter than MinPINLength characters.
var ErrShortPIN = errors.New("the staff PIN must have at least 4 characters")

// NewGuard returns a guard for pin with the default policy: 3 tries, then 30 s, doubling up
// to 15 min.
func NewGuard(pin string) (*Guard, error) {
	if utf8.RuneCountInString(pin) < MinPINLength {
		return nil, ErrShortPIN
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
