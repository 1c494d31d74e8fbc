package racedetect

import (
	"runtime/debug"
	"testing"
)

// TestEnabledMatchesBuild: Enabled is true exactly when the test binary was built with -race,
// as the binary's own build settings say.
func TestEnabledMatchesBuild(t *testing.T) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		t.Skip("no build information")
	}
	race := false
	for _, s := range bi.Settings {
		if s.Key == "-race" && s.Value == "true" {
			race = true
		}
	}
	if Enabled != race {
		t.Errorf("Enabled = %v, the build says -race=%v", Enabled, race)
	}
}
