//go:build unix

package atomicfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// entries lists the names in dir, to prove nothing (no temporary file) is left behind.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileModes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		umask int
		perm  fs.FileMode
	}{
		{"0600 with umask 022", 0o022, 0o600},
		{"0600 with umask 0", 0, 0o600},
		{"0644 despite umask 077", 0o077, 0o644},
		{"0400", 0o022, 0o400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old := syscall.Umask(tc.umask)
			defer syscall.Umask(old)
			dir := t.TempDir()
			p := filepath.Join(dir, "summary.txt")
			if err := WriteFile(p, []byte("hello\n"), tc.perm); err != nil {
				t.Fatal(err)
			}
			fi, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if got := fi.Mode().Perm(); got != tc.perm {
				t.Errorf("mode %v, want %v", got, tc.perm)
			}
			b, _ := os.ReadFile(p)
			if string(b) != "hello\n" {
				t.Errorf("content %q", b)
			}
			if got := entries(t, dir); len(got) != 1 {
				t.Errorf("directory holds %v, want only summary.txt", got)
			}
		})
	}
}

func TestWriteFileReplaces(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.txt")
	if err := os.WriteFile(p, []byte("old content that is longer"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	fi, _ := os.Stat(p)
	if string(b) != "new" || fi.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want \"new\" 0600", b, fi.Mode().Perm())
	}
}

func TestWriteFileRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := WriteFile("rel.txt", []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "rel.txt")); err != nil || string(b) != "x" {
		t.Fatalf("got %q, %v", b, err)
	}
}

func TestWriteFileSymlinks(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	os.WriteFile(target, []byte("target"), 0o644)
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := WriteFile(link, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "target" {
		t.Errorf("the link's target was written through: %q", b)
	}
	fi, _ := os.Lstat(link)
	if !fi.Mode().IsRegular() {
		t.Errorf("link.txt is %v, want a regular file replacing the link", fi.Mode())
	}

	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o700)
	dirLink := filepath.Join(dir, "dirlink")
	os.Symlink(sub, dirLink)
	if err := WriteFile(dirLink, []byte("x"), 0o600); !errors.Is(err, ErrIsDir) {
		t.Errorf("link to a directory: err %v, want ErrIsDir", err)
	}
}

func TestWriteFileRefuses(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path string
		want       error
	}{
		{"empty", "", ErrEmptyPath},
		{"directory", dir, ErrIsDir},
		{"trailing slash", filepath.Join(dir, "new") + "/", ErrIsDir},
		{"device", os.DevNull, ErrNotRegular},
		{"named pipe", fifo, ErrNotRegular},
		{"missing directory", filepath.Join(dir, "no", "such", "dir", "x.txt"), fs.ErrNotExist},
		{"file as directory", filepath.Join(fifo, "x.txt"), syscall.ENOTDIR},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := entries(t, dir)
			err := WriteFile(tc.path, []byte("data"), 0o600)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			var pe *fs.PathError
			if !errors.As(err, &pe) || pe.Path != tc.path || pe.Op != "write" {
				t.Errorf("err %#v: want *fs.PathError{Op: write, Path: %q}", err, tc.path)
			}
			if strings.Contains(err.Error(), ".tmp") {
				t.Errorf("error names the temporary file: %v", err)
			}
			if err := Check(tc.path); !errors.Is(err, tc.want) {
				t.Errorf("Check: err = %v, want %v", err, tc.want)
			}
			if after := entries(t, dir); len(after) != len(before) {
				t.Errorf("left behind: %v (before %v)", after, before)
			}
		})
	}
}

func TestWriteFileReadOnlyDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only directories")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	p := filepath.Join(dir, "x.txt")
	if err := WriteFile(p, []byte("x"), 0o600); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("err = %v, want permission denied", err)
	}
	if err := Check(p); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Check: err = %v, want permission denied", err)
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "summary.txt")
	if err := Check(p); err != nil {
		t.Fatal(err)
	}
	if got := entries(t, dir); len(got) != 0 {
		t.Errorf("Check left %v", got)
	}
	os.WriteFile(p, []byte("keep"), 0o600)
	if err := Check(p); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "keep" {
		t.Errorf("Check changed an existing file: %q", b)
	}
}

// TestWriteFileAtomic has writers replace a file again and again while readers read it: a
// reader must only ever see one complete version.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "result.json")
	versions := [][]byte{
		bytes.Repeat([]byte("a"), 256<<10),
		bytes.Repeat([]byte("b"), 64<<10),
		bytes.Repeat([]byte("c"), 1),
	}
	if err := WriteFile(p, versions[0], 0o600); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan error, 8)
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 40 {
				if err := WriteFile(p, versions[(i+w)%len(versions)], 0o600); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	var rg sync.WaitGroup
	rg.Add(1)
	go func() {
		defer rg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			b, err := os.ReadFile(p)
			if err != nil {
				errs <- err
				return
			}
			whole := false
			for _, v := range versions {
				whole = whole || bytes.Equal(b, v)
			}
			if !whole {
				errs <- errors.New("a reader saw a partial file")
				return
			}
		}
	}()
	wg.Wait()
	close(stop)
	rg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("left behind: %v", got)
	}
}

func TestWriteNew(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := t.TempDir()
	p := filepath.Join(dir, "result.json")
	if err := WriteNew(p, []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := WriteNew(p, []byte("two"), 0o600)
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second write: %v, want ErrExist", err)
	}
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path != p {
		t.Errorf("error does not name the file: %v", err)
	}
	b, _ := os.ReadFile(p)
	fi, _ := os.Stat(p)
	if string(b) != "one" || fi.Mode().Perm() != 0o600 {
		t.Errorf("got %q %v", b, fi.Mode().Perm())
	}
	for _, bad := range []string{"", dir + "/", filepath.Join(dir, "missing", "x")} {
		if err := WriteNew(bad, []byte("x"), 0o600); err == nil {
			t.Errorf("WriteNew(%q) succeeded", bad)
		}
	}
	if got := entries(t, dir); len(got) != 1 {
		t.Errorf("left behind: %v", got)
	}
}

// Issue 10.2: an error syncing the directory is returned (it was dropped, because File.Sync
// returns a *PathError); a file system that cannot sync a directory at all is fine.
func TestSyncDirErrors(t *testing.T) {
	defer func(f func(*os.File) error) { dirSync = f }(dirSync)
	for _, tc := range []struct {
		err  error
		fail bool
	}{
		{syscall.EIO, true},
		{syscall.ENOSPC, true},
		{syscall.EINVAL, false},
		{syscall.ENOTSUP, false},
	} {
		dirSync = func(d *os.File) error { return &fs.PathError{Op: "sync", Path: d.Name(), Err: tc.err} }
		dir := t.TempDir()
		for name, write := range map[string]func(string, []byte, fs.FileMode) error{"WriteFile": WriteFile, "WriteNew": WriteNew} {
			p := filepath.Join(dir, name)
			err := write(p, []byte("x"), 0o600)
			if tc.fail && !errors.Is(err, tc.err) {
				t.Errorf("%s with dir sync %v: %v, want the error", name, tc.err, err)
			}
			if !tc.fail && err != nil {
				t.Errorf("%s with dir sync %v: %v, want nil", name, tc.err, err)
			}
		}
	}
}

// TestFileErrors: a write, sync or close of the temporary file that fails (a full disk, an
// I/O error) is returned, for the path asked for, and leaves nothing behind: neither the
// file nor a temporary one. A failed write is not hidden by the close that follows it.
func TestFileErrors(t *testing.T) {
	w, s, c := fileWrite, fileSync, fileClose
	defer func() { fileWrite, fileSync, fileClose = w, s, c }()
	fail := func(err error) func(*os.File) error {
		return func(f *os.File) error { return &fs.PathError{Op: "x", Path: f.Name(), Err: err} }
	}
	for _, tc := range []struct {
		name string
		set  func()
		want error
	}{
		{"write", func() {
			fileWrite = func(f *os.File, b []byte) (int, error) {
				return 0, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
			}
		}, syscall.ENOSPC},
		{"sync", func() { fileSync = fail(syscall.EIO) }, syscall.EIO},
		{"close", func() { fileClose = func(f *os.File) error { c(f); return fail(syscall.EDQUOT)(f) } }, syscall.EDQUOT},
	} {
		for name, write := range map[string]func(string, []byte, fs.FileMode) error{"WriteFile": WriteFile, "WriteNew": WriteNew} {
			fileWrite, fileSync, fileClose = w, s, c
			tc.set()
			dir := t.TempDir()
			p := filepath.Join(dir, "result.json")
			err := write(p, []byte("x"), 0o600)
			fileWrite, fileSync, fileClose = w, s, c
			var pe *fs.PathError
			if !errors.Is(err, tc.want) || !errors.As(err, &pe) || pe.Path != p {
				t.Errorf("%s, failing %s: %v, want %v for %s", name, tc.name, err, tc.want, p)
			}
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("%s, failing %s: left behind %v", name, tc.name, left)
			}
		}
	}
}

// TestWriteNewWithoutHardLinks: on a file system without hard links (FAT, some network
// shares: link fails with EPERM or ENOTSUP) WriteNew still writes a new file, 0600, and
// still never replaces an existing one; nothing temporary is left behind.
func TestWriteNewWithoutHardLinks(t *testing.T) {
	defer func(f func(string, string) error) { link = f }(link)
	for _, errno := range []error{syscall.EPERM, syscall.ENOTSUP} {
		link = func(old, new string) error { return &os.LinkError{Op: "link", Old: old, New: new, Err: errno} }
		dir := t.TempDir()
		p := filepath.Join(dir, "a.json")
		if err := WriteNew(p, []byte("first"), 0o600); err != nil {
			t.Fatalf("%v: %v", errno, err)
		}
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%v: %v %v, want a 0600 file", errno, fi, err)
		}
		err := WriteNew(p, []byte("second"), 0o600)
		if !errors.Is(err, fs.ErrExist) {
			t.Errorf("%v: second write: %v, want ErrExist", errno, err)
		}
		if b, _ := os.ReadFile(p); string(b) != "first" {
			t.Errorf("%v: file holds %q, want the first write", errno, b)
		}
		if left, _ := os.ReadDir(dir); len(left) != 1 {
			t.Errorf("%v: folder holds %v, want only a.json", errno, left)
		}
	}
}

func TestIsTemp(t *testing.T) {
	dir := t.TempDir()
	f, _, err := createTempIn(filepath.Join(dir, "20261121T183802.123Z-9f3c2a71d04e8b65.json"))
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if !IsTemp(filepath.Base(f.Name())) {
		t.Errorf("IsTemp(%q) = false", filepath.Base(f.Name()))
	}
	for _, n := range []string{"a.tmp", "20261121T183802.123Z-9f3c2a71d04e8b65.json", ".hidden", ".tmp"} {
		if IsTemp(n) {
			t.Errorf("IsTemp(%q) = true", n)
		}
	}
}

// IsTemp knows every name CreateTemp can give a temporary file (".NAME.DIGITS.tmp", the
// shortest being ".x.1.tmp") and nothing shorter or otherwise shaped.
func TestIsTempShortest(t *testing.T) {
	for name, want := range map[string]bool{
		".x.1.tmp": true, ".a.1234567890.tmp": true, ".x.tmp": false, ".tmp": false,
		"x.1.tmp": false, ".x.1.tm": false, ".x.1.tmpx": false,
	} {
		if got := IsTemp(name); got != want {
			t.Errorf("IsTemp(%q) = %v, want %v", name, got, want)
		}
	}
}
