//go:build !race

package export

// raceEnabled reports whether the tests run with the race detector.
const raceEnabled = false
