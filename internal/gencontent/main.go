// Command gencontent writes the compiled form of a rule set (screening.CompiledFile) next to
// its YAML files, so that the embedded rule set starts without parsing YAML. It is run by
// `go generate ./...` (see content/embed.go) after any change to the content files; the
// test TestCompiledContent in package screening fails until it has been.
//
//	go run ./internal/gencontent [DIR]   (DIR defaults to the current directory)
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/exoscreen/exoscreen/internal/atomicfile"
	"github.com/exoscreen/exoscreen/screening"
)

func main() {
	dir := "."
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := run(dir); err != nil {
		fmt.Fprintf(os.Stderr, "gencontent: %v\n", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	rs, err := screening.LoadDir(dir)
	if err != nil {
		return err
	}
	data, err := rs.MarshalBinary()
	if err != nil {
		return err
	}
	path := filepath.Join(dir, screening.CompiledFile)
	if old, err := os.ReadFile(path); err == nil && string(old) == string(data) {
		return nil // up to date: leave the file (and its time) alone
	}
	return atomicfile.WriteFile(path, data, 0o644) // a source file, not patient data
}
