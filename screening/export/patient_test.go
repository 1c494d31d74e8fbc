package export

import "testing"

// TestPatientIsZero: a record without reception details says so, and any one detail is enough
// for it to carry them (the summary prints its details block only then).
func TestPatientIsZero(t *testing.T) {
	for _, tc := range []struct {
		p    Patient
		zero bool
	}{
		{Patient{}, true},
		{Patient{Name: "x"}, false},
		{Patient{ReceptionNumber: "1"}, false},
		{Patient{DateOfBirth: "2000-01-01"}, false},
	} {
		if got := tc.p.IsZero(); got != tc.zero {
			t.Errorf("%+v.IsZero() = %v, want %v", tc.p, got, tc.zero)
		}
	}
}
