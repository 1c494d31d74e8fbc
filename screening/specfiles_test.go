package screening

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestSpecFilesInRepo checks that docs/spec/rules.md and docs/spec/interfaces.md, the copies
// the code cites, are the authoritative specs verbatim (below their one-line note). The
// authoritative copies live in shared/spec beside the checkout (found by walking up from the
// repository root, or named by EXOSCREEN_SPEC_DIR); the test is skipped where they are absent.
func TestSpecFilesInRepo(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	shared := os.Getenv("EXOSCREEN_SPEC_DIR")
	if shared == "" {
		for dir := filepath.Dir(root); ; dir = filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "shared", "spec", "rules.md")); err == nil {
				shared = filepath.Join(dir, "shared", "spec")
				break
			}
			if dir == filepath.Dir(dir) {
				break
			}
		}
	}
	if shared == "" {
		t.Skip("no shared/spec beside the checkout (set EXOSCREEN_SPEC_DIR to check the copies)")
	}
	for _, name := range []string{"rules.md", "interfaces.md"} {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(shared, name))
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join(root, "docs", "spec", name))
			if err != nil {
				t.Fatal(err)
			}
			note, body, ok := bytes.Cut(got, []byte("\n"))
			if !ok || !bytes.HasPrefix(note, []byte("<!-- ")) {
				t.Fatalf("docs/spec/%s: the first line should be the note saying where the authoritative copy lives", name)
			}
			if !bytes.Equal(body, want) {
				t.Errorf("docs/spec/%s differs from %s: copy it again (keeping the first line)", name, filepath.Join(shared, name))
			}
		})
	}
}
