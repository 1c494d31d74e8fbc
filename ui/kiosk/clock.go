package kiosk

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Clock is the kiosk's time: the idle timer, the countdowns and the reset pause run on it, so
// that tests can run them on a fake clock.
type Clock interface {
	Now() time.Time
	// After returns a command that delivers msg once d has passed.
	After(d time.Duration, msg tea.Msg) tea.Cmd
}

// RealClock is the wall clock.
type RealClock struct{}

// Now is time.Now.
func (RealClock) Now() time.Time { return time.Now() }

// After is tea.Tick.
func (RealClock) After(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}
