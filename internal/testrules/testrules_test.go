package testrules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/exoscreen/exoscreen/screening"
)

// The embedded copy and the files on disk (Dir) are the same rule set.
func TestLoadAndDirAgree(t *testing.T) {
	a := Load(t)
	b, err := screening.LoadDir(Dir())
	if err != nil {
		t.Fatal(err)
	}
	if a.SHA256 != b.SHA256 {
		t.Fatalf("embedded %s, on disk %s", a.SHA256, b.SHA256)
	}
	if _, err := os.Stat(filepath.Join(Dir(), "questions.yaml")); err != nil {
		t.Fatal(err)
	}
}
