//go:build !race

package linebreak

const raceEnabled = false
