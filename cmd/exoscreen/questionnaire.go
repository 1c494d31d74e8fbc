package main

import (
	"fmt"

	"github.com/exoscreen/exoscreen/screening"
)

// questionnaire writes the rule set as a FHIR R4 Questionnaire (issue 4 builds it).
func (e *env) questionnaire(args []string) int {
	fmt.Fprintln(e.stderr, "exoscreen questionnaire: not built yet")
	_ = screening.JA
	return exitFail
}
