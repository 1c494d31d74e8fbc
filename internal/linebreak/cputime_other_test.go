//go:build !linux

package linebreak

import "time"

// cpuTime is the wall time of f where the thread's processor time cannot be read.
func cpuTime(f func()) time.Duration { return wallTime(f) }
