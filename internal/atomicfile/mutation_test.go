//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A path the OS cannot even look at (a symbolic link that points to itself, a name longer
// than the file system allows) is refused with the OS error, naming the path, before any
// temporary file is made.
func TestWriteFileRefusesPathsTheOSCannotResolve(t *testing.T) {
	dir := t.TempDir()
	loop := filepath.Join(dir, "loop")
	if err := os.Symlink("loop", loop); err != nil {
		t.Fatal(err)
	}
	long := filepath.Join(dir, strings.Repeat("x", 300))
	for _, tc := range []struct {
		name, path string
		want       error
	}{
		{"link loop", loop, syscall.ELOOP},
		{"name too long", long, syscall.ENAMETOOLONG},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for what, err := range map[string]error{
				"WriteFile": WriteFile(tc.path, []byte("data"), 0o600),
				"Check":     Check(tc.path),
			} {
				var pe *fs.PathError
				if !errors.Is(err, tc.want) || !errors.As(err, &pe) || pe.Path != tc.path || pe.Op != "write" {
					t.Errorf("%s: err = %#v, want *fs.PathError{write, %q, %v}", what, err, tc.path, tc.want)
				}
			}
			if got := entries(t, dir); len(got) != 1 || got[0] != "loop" {
				t.Errorf("left behind: %v", got)
			}
			if target, err := os.Readlink(loop); err != nil || target != "loop" {
				t.Errorf("the link was changed: %q %v", target, err)
			}
		})
	}
}

// WriteNew into a folder that does not exist (an outbox deleted under a running kiosk) says
// so for the path asked for, and creates nothing.
func TestWriteNewMissingFolder(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "gone", "a.json")
	err := WriteNew(p, []byte("x"), 0o600)
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Path != p {
		t.Errorf("WriteNew(%s) = %v, want ErrNotExist for the path", p, err)
	}
	if got := entries(t, dir); len(got) != 0 {
		t.Errorf("created %v", got)
	}
}
