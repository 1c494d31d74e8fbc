// Package testrules is the rule set the tests stand on: a frozen copy of the default content
// (internal/testrules/testdata/*.yaml) that changes only when a test needs it to, never when a
// clinic's content/ is edited. Only the clinical spec test and the smoke tests read the live
// content/; every other test loads this one, so a clinical change is a content change only.
//
// Import it from _test.go files only.
package testrules

import (
	"embed"
	"io/fs"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/exoscreen/exoscreen/screening"
)

//go:embed testdata/*.yaml
var files embed.FS

// FS holds the test rule set's three files at its root (ruleset.yaml, sources.yaml,
// questions.yaml), as content.FS does for the live set.
func FS() fs.FS {
	sub, err := fs.Sub(files, "testdata")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	return sub
}

// Dir is the folder of the test rule set on disk, for tests that run the real binary with
// --content DIR or copy it to change one thing.
func Dir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("testrules: no caller information")
	}
	return filepath.Join(filepath.Dir(file), "testdata")
}

var (
	once sync.Once
	rs   *screening.RuleSet
	err  error
)

// Load returns the test rule set, loaded once per test binary; a load error fails tb.
func Load(tb testing.TB) *screening.RuleSet {
	tb.Helper()
	once.Do(func() { rs, err = screening.Load(FS()) })
	if err != nil {
		tb.Fatalf("load the test rule set (internal/testrules/testdata): %v", err)
	}
	return rs
}
