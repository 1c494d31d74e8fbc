// Package golden compares test output with golden files under the test's testdata/ folder.
// `go test -update` rewrites them instead.
//
// The -update flag is the one github.com/charmbracelet/x/exp/golden defines (teatest uses
// that package too); importing it here makes the flag exist in every test binary that uses
// this package, so the same -update rewrites both kinds of golden file and is never defined
// twice.
package golden

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/charmbracelet/x/exp/golden" // defines -update
)

// Update reports whether the test binary runs with -update.
func Update() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// Equal compares got with testdata/name (name may hold slashes), or writes got there when
// the tests run with -update. A difference fails the test with the first differing line.
func Equal[T ~string | ~[]byte](tb testing.TB, name string, got T) {
	tb.Helper()
	File(tb, filepath.Join("testdata", filepath.FromSlash(name)), got)
}

// Named compares got with testdata/<the test's name>.golden, the file teatest and
// github.com/charmbracelet/x/exp/golden use: a subtest's name makes a folder
// (testdata/TestFrames/welcome_ja.golden).
func Named[T ~string | ~[]byte](tb testing.TB, got T) {
	tb.Helper()
	Equal(tb, tb.Name()+".golden", got)
}

// File compares got with the file at path, relative to the test's package folder (for golden
// files kept outside testdata/), or writes got there, making its folder, when the tests run
// with -update. A difference fails the test with the first differing line.
func File[T ~string | ~[]byte](tb testing.TB, path string, got T) {
	tb.Helper()
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (go test -update creates it)", err)
	}
	if string(want) != string(got) {
		tb.Errorf("%s differs from the output (go test -update rewrites it if the change is intended):\n%s", path, Diff(string(want), string(got)))
	}
}

// Diff describes the first line where want and got differ, quoted so that spaces and
// control characters show.
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, wl, gl)
		}
	}
	return "(no difference)"
}
