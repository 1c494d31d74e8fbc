// Package outbox is the folder where front-desk kiosks leave their results and where the staff
// inbox reads them. It is plain file logic, with no terminal code:
//
//   - One screening is two files with the same base name: ID.json (the JSON result of package
//     export, with answers, patient details, language and timestamps) and ID.txt (the
//     printable summary). The ID is the UTC completion time and 64 random bits, for example
//     20261121T183802.123Z-9f3c2a71d04e8b65: it sorts by time and carries no patient data.
//   - Files are written atomically (internal/atomicfile.WriteNew): a hidden temporary file in
//     the same folder is written, fsynced and then linked to its final name, which never replaces an existing
//     file, so several kiosks can share one folder and a reader never sees half a file. The
//     summary is published first and the result last: the ID.json file is the commit point,
//     and a result is listed only once it exists.
//   - Files are 0600, the folder 0700.
//   - Staff marking a result as reviewed creates ID.reviewed beside it (an empty 0600 file
//     whose modification time is when it was reviewed); the result itself is never changed.
//   - Deleting a result removes its three files.
package outbox

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/exoscreen/exoscreen/internal/atomicfile"
)

// File name suffixes of the files of one result.
const (
	ResultExt   = ".json"
	SummaryExt  = ".txt"
	ReviewedExt = ".reviewed"
	tempPrefix  = ".tmp-"
)

// DirMode and FileMode are the permissions of the outbox folder and of the files in it.
const (
	DirMode  fs.FileMode = 0o700
	FileMode fs.FileMode = 0o600
)

// idLayout is the time part of an ID.
const idLayout = "20060102T150405.000Z"

// idForm is the form of an ID, one byte for each of its bytes: 9 a decimal digit, f a
// lower-case hex digit, anything else itself (the regular expression
// ^[0-9]{8}T[0-9]{6}\.[0-9]{3}Z-[0-9a-f]{16}$, checked byte by byte: a listing of 50,000
// results checks 100,000 names).
const idForm = "99999999T999999.999Z-ffffffffffffffff"

// ValidID reports whether id has the form of a result ID. Every file name the package builds
// from an ID goes through it, so an ID can never name a file outside the folder.
func ValidID(id string) bool {
	if len(id) != len(idForm) {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch f := idForm[i]; f {
		case '9':
			if c < '0' || c > '9' {
				return false
			}
		case 'f':
			if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
				return false
			}
		default:
			if c != f {
				return false
			}
		}
	}
	return true
}

// NewID returns a new result ID for a screening completed at t.
func NewID(t time.Time) string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported systems
	}
	return t.UTC().Format(idLayout) + "-" + hex.EncodeToString(b[:])
}

// TimeOfID is the completion time encoded in id.
func TimeOfID(id string) (time.Time, bool) {
	if !ValidID(id) {
		return time.Time{}, false
	}
	t, err := time.Parse(idLayout, id[:len(idLayout)])
	return t, err == nil
}

// Outbox is one outbox folder.
type Outbox struct {
	Dir string
}

// New returns the outbox in dir without touching the file system.
func New(dir string) *Outbox { return &Outbox{Dir: dir} }

// ErrWorldWritable is Prepare's error for a folder every user may write to.
var ErrWorldWritable = errors.New("the outbox can be written by every user")

// Prepare makes the folder ready for writing when a kiosk starts: it creates it (mode 0700)
// when it does not exist yet, checks that it is a folder that can be written to, and removes
// temporary files that an interrupted writer left more than an hour ago. A folder that every
// user may write to is refused (ErrWorldWritable: anyone could plant results); one that is
// readable by others is reported in warn (it is not changed: it may be shared on purpose with
// a group of staff accounts).
func (o *Outbox) Prepare(now time.Time) (warn string, err error) {
	if err := os.MkdirAll(o.Dir, DirMode); err != nil {
		return "", err
	}
	fi, err := os.Stat(o.Dir)
	if err != nil {
		return "", err
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("%s is not a folder", o.Dir)
	}
	if fi.Mode().Perm()&0o002 != 0 {
		return "", fmt.Errorf("%w: %s has mode %04o, so any user could plant results in it; make it private with chmod 700", ErrWorldWritable, o.Dir, fi.Mode().Perm())
	}
	if fi.Mode().Perm()&0o077 != 0 {
		warn = fmt.Sprintf("%s has mode %04o; 0700 keeps results private to this account", o.Dir, fi.Mode().Perm())
	}
	if err := o.Probe(); err != nil {
		return warn, err
	}
	o.removeStaleTemps(now.Add(-time.Hour))
	return warn, nil
}

// Probe checks that a file can be created in the folder, and removes it again.
func (o *Outbox) Probe() error {
	f, err := os.CreateTemp(o.Dir, tempPrefix+"probe-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

func (o *Outbox) removeStaleTemps(before time.Time) {
	ents, err := os.ReadDir(o.Dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), tempPrefix) && !atomicfile.IsTemp(e.Name()) || !e.Type().IsRegular() {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().Before(before) {
			os.Remove(filepath.Join(o.Dir, e.Name()))
		}
	}
}

// Write stores one screening: summary is the printable text, result the JSON result. It
// returns the new result's ID. On failure nothing is left in the folder but, at worst, a
// hidden temporary file; the caller still holds the data and may try again or elsewhere.
func (o *Outbox) Write(completed time.Time, result, summary []byte) (id string, err error) {
	for range 5 {
		id = NewID(completed)
		err = o.write(id, result, summary)
		if !errors.Is(err, fs.ErrExist) {
			return id, err
		}
		// 64 random bits made a name that already exists: take another one.
	}
	return "", err
}

func (o *Outbox) write(id string, result, summary []byte) error {
	// The folder may have been removed while the kiosk ran (a clean-up by hand): make it
	// again, private, as Prepare does. Only the folder itself: when its parent is gone too
	// (a share that is not mounted) the save fails and staff are asked.
	if err := os.Mkdir(o.Dir, DirMode); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	txt := filepath.Join(o.Dir, id+SummaryExt)
	if err := atomicfile.WriteNew(txt, summary, FileMode); err != nil {
		return err
	}
	if err := atomicfile.WriteNew(filepath.Join(o.Dir, id+ResultExt), result, FileMode); err != nil {
		os.Remove(txt)
		return err
	}
	return nil
}

// path returns the file of id with ext, refusing anything that is not an ID.
func (o *Outbox) path(id, ext string) (string, error) {
	if !ValidID(id) {
		return "", fmt.Errorf("%q is not a result ID", id)
	}
	return filepath.Join(o.Dir, id+ext), nil
}

// SetReviewed marks the result id as reviewed (or not) by its ID.reviewed file.
func (o *Outbox) SetReviewed(id string, reviewed bool) error {
	p, err := o.path(id, ReviewedExt)
	if err != nil {
		return err
	}
	if !reviewed {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	if _, err := os.Lstat(o.mustPath(id, ResultExt)); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, FileMode)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

func (o *Outbox) mustPath(id, ext string) string {
	p, _ := o.path(id, ext)
	return p
}

// Delete removes the result id: its result, summary and reviewed marker. The result file goes
// first, so an interrupted delete never leaves a listed result without its summary.
func (o *Outbox) Delete(id string) error {
	if !ValidID(id) {
		return fmt.Errorf("%q is not a result ID", id)
	}
	var errs []error
	for _, ext := range []string{ResultExt, SummaryExt, ReviewedExt} {
		if err := os.Remove(o.mustPath(id, ext)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// DeleteFile removes one file of the folder that is not a result (a foreign or corrupt file
// the inbox lists as unreadable). name must be a plain file name in the folder: no
// separator (filepath.Base("/") is "/", which would name the folder itself), not . or ..
func (o *Outbox) DeleteFile(name string) error {
	if name == "" || name != filepath.Base(name) || strings.ContainsRune(name, '/') ||
		strings.ContainsRune(name, filepath.Separator) || name == "." || name == ".." {
		return fmt.Errorf("%q is not a file name in the outbox", name)
	}
	return os.Remove(filepath.Join(o.Dir, name))
}
