// Package atomicfile writes files the way exoscreen must write anything that holds patient
// data: atomically (a reader sees the old file or the new one, never half of one, also
// after a crash), with exactly the permissions asked for (0600 for results, whatever the
// umask), and with errors that name the file and say what is wrong.
//
// It is the one writer of the program: WriteFile (replace) serves the TUI's and the accessible
// mode's --export and the kiosk's unlock request; WriteNew (never replace) serves the kiosk
// outbox and the inbox's export.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// ErrIsDir is returned for a path that names a directory.
var ErrIsDir = errors.New("is a directory, not a file")

// ErrNotRegular is returned for a path that names something other than a regular file (a
// device, a named pipe, a socket): replacing it would not be writing a file.
var ErrNotRegular = errors.New("is not a regular file")

// ErrEmptyPath is returned for an empty path.
var ErrEmptyPath = errors.New("no file name given")

// WriteFile writes data to path atomically: it writes a temporary file in the same
// directory, syncs it to disk, sets its mode to perm (exactly, ignoring the umask), renames
// it over path and syncs the directory. An existing file at path is replaced; a symbolic
// link at path is replaced by the file (not followed). path must not name a directory or
// anything but a regular file.
//
// Errors are *fs.PathError with Op "write" and the given path (never the temporary name),
// wrapping the cause: ErrIsDir, ErrNotRegular, ErrEmptyPath, or an OS error such as
// fs.ErrNotExist (the directory does not exist) or fs.ErrPermission. Nothing is left behind
// on failure.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	tmp, dir, err := writeTemp(path, data, perm, createTemp)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return wrap(path, err)
	}
	return syncDir(dir, path)
}

// Check reports, before any work is done, whether WriteFile(path, ...) can be expected to
// succeed: path names no directory or special file, its directory exists, and a file can be
// created in it (a temporary file is created and removed again). Use it to refuse a bad
// --export path at start-up rather than after the screening. It returns WriteFile's errors.
func Check(path string) error {
	f, _, err := createTemp(path)
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	if err := os.Remove(name); err != nil {
		return wrap(path, err)
	}
	return nil
}

// checkTarget refuses a path that WriteFile must not replace.
func checkTarget(path string) error {
	if err := checkName(path); err != nil {
		return err
	}
	fi, err := os.Stat(path) // follows a link: a link to a directory is refused too
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// A dangling symbolic link is replaced; a missing directory shows at CreateTemp.
		return nil
	case err != nil:
		return wrap(path, err)
	case fi.IsDir():
		return &fs.PathError{Op: "write", Path: path, Err: ErrIsDir}
	case !fi.Mode().IsRegular():
		return &fs.PathError{Op: "write", Path: path, Err: ErrNotRegular}
	}
	return nil
}

// WriteNew writes data to a new file at path atomically, with mode perm (exactly, ignoring
// the umask): a hidden temporary file in the same directory is written, synced, and then
// linked to path, which fails when path exists, so an existing file is never replaced (not
// even one created by another process a moment earlier); then the directory is synced.
// File systems without hard links (FAT, some network shares) get a rename after a check
// that path is free.
//
// Errors are those of WriteFile; when path exists the error satisfies
// errors.Is(err, fs.ErrExist). Nothing is left behind on failure.
func WriteNew(path string, data []byte, perm fs.FileMode) error {
	if err := checkName(path); err != nil {
		return err
	}
	tmp, dir, err := writeTemp(path, data, perm, createTempIn)
	if err != nil {
		return err
	}
	err = link(tmp, path)
	switch {
	case err == nil:
		os.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		os.Remove(tmp)
		return wrap(path, err)
	default:
		// No hard links here: rename after checking that the name is free.
		if _, serr := os.Lstat(path); serr == nil {
			os.Remove(tmp)
			return wrap(path, fs.ErrExist)
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(tmp)
			return wrap(path, err)
		}
	}
	return syncDir(dir, path)
}

// checkName refuses an empty path and one that ends in a separator (a folder's name).
func checkName(path string) error {
	if path == "" {
		return &fs.PathError{Op: "write", Path: path, Err: ErrEmptyPath}
	}
	if os.IsPathSeparator(path[len(path)-1]) {
		return &fs.PathError{Op: "write", Path: path, Err: ErrIsDir}
	}
	return nil
}

// writeTemp creates the temporary file beside path with create, fills it with data (mode
// perm, synced, closed) and returns its name and directory; on failure it is removed again.
func writeTemp(path string, data []byte, perm fs.FileMode, create func(string) (*os.File, string, error)) (tmp, dir string, err error) {
	f, dir, err := create(path)
	if err != nil {
		return "", "", err
	}
	if err := fill(f, data, perm); err != nil {
		os.Remove(f.Name())
		return "", "", wrap(path, err)
	}
	return f.Name(), dir, nil
}

// fill writes data to the new temporary file f with mode perm, syncs and closes it. f is
// closed whatever happens.
func fill(f *os.File, data []byte, perm fs.FileMode) error {
	err := f.Chmod(perm)
	if err == nil {
		_, err = fileWrite(f, data)
	}
	if err == nil {
		err = fileSync(f)
	}
	if cerr := fileClose(f); err == nil {
		err = cerr
	}
	return err
}

// IsTemp reports whether name (a base name) is a temporary file of WriteFile or WriteNew, for
// cleaning up after a writer that was killed.
func IsTemp(name string) bool {
	return strings.HasPrefix(name, ".") && strings.HasSuffix(name, ".tmp") && len(name) >= len(".x.1.tmp")
}

// The file operations that fail only when the disk does (a full disk, an I/O error);
// variables so that tests can make them fail.
var (
	dirSync   = (*os.File).Sync // syncs an open directory
	fileWrite = (*os.File).Write
	fileSync  = (*os.File).Sync
	fileClose = (*os.File).Close
	link      = os.Link // fails with EPERM or ENOTSUP on file systems without hard links
)

// syncDir makes the new name durable. A file system that cannot sync a directory at all
// (EINVAL, ENOTSUP: some FUSE and network file systems) is fine, the file itself is synced;
// any other error (EIO, ENOSPC) is returned.
func syncDir(dir, path string) error {
	d, err := os.Open(dir)
	if err != nil {
		return wrap(path, err)
	}
	defer d.Close()
	if err := dirSync(d); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.ENOTSUP) && !errors.Is(err, errors.ErrUnsupported) {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return wrap(path, fmt.Errorf("syncing the directory: %w", err))
	}
	return nil
}

// wrap reports err for path, with the OS error of the operation that failed (not the
// temporary file's name).
func wrap(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	return &fs.PathError{Op: "write", Path: path, Err: err}
}

// createTemp checks path and creates a hidden temporary file beside it, in its directory
// (returned too), so that a rename over path is atomic.
func createTemp(path string) (*os.File, string, error) {
	if err := checkTarget(path); err != nil {
		return nil, "", err
	}
	return createTempIn(path)
}

// createTempIn creates the hidden temporary file beside path without checking path.
func createTempIn(path string) (*os.File, string, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return nil, "", wrap(path, err)
	}
	return f, dir, nil
}
