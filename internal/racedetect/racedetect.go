// Package racedetect tells tests whether they run under the race detector (go test -race),
// which slows code down several times and makes sync.Pool drop items on purpose: speed and
// allocation checks scale their limits or skip by Enabled instead of each package keeping its
// own pair of build-tagged files.
package racedetect
