//go:build race

package linebreak

const raceEnabled = true
