package main

import "fmt"

// inbox is the staff view of kiosk results (issue 5 builds it).
func (e *env) inbox(args []string) int {
	fmt.Fprintln(e.stderr, "exoscreen inbox: not built yet")
	return exitFail
}
