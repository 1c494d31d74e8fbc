//go:build !race

package inbox

// raceSlowdown scales the time limits of the speed checks under the race detector.
const raceSlowdown = 1
