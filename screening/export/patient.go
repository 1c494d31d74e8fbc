package export

// Patient holds the details a clinic asks for at reception. They identify the screening for
// staff and never enter the rules.
type Patient struct {
	ReceptionNumber string `json:"reception_number,omitempty"`
	Name            string `json:"name,omitempty"`
	DateOfBirth     string `json:"date_of_birth,omitempty"` // YYYY-MM-DD
}

// IsZero reports whether no detail was given.
func (p Patient) IsZero() bool { return p == Patient{} }
