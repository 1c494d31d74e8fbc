package fserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/screening"
)

// TestReadReason: reading, a missing file is the file's absence (not its folder's) and denied
// permission is permission to read; a read-only disk and the other causes read as Reason.
// Cause, ReadCause and ReadDirCause say the same as the arguments of an i18n.Error and keep
// the error for errors.Is.
func TestReadReason(t *testing.T) {
	_, notExist := os.Open(filepath.Join(t.TempDir(), "nope"))
	perm := &fs.PathError{Op: "open", Path: "/x", Err: syscall.EACCES}
	rofs := &fs.PathError{Op: "open", Path: "/x", Err: syscall.EROFS}
	open := fmt.Errorf("%w: /srv/outbox has mode 0777", outbox.ErrWorldWritable)
	for _, tc := range []struct {
		err                    error
		write, readFile, readD string // the English reasons
	}{
		{notExist, "the folder does not exist", "the file does not exist", "the folder does not exist"},
		{perm, "permission denied", "permission denied", "permission denied"},
		{rofs, "the disk is read-only", "the disk is read-only", "the disk is read-only"},
		{open, "every user can write to it, so anyone could plant results in it; make it private with chmod 700", "", ""},
	} {
		if got := Reason(tc.err, screening.EN); got != tc.write {
			t.Errorf("Reason(%v) = %q, want %q", tc.err, got, tc.write)
		}
		if tc.readFile == "" {
			continue
		}
		if got := ReadReason(tc.err, screening.EN); got != tc.readFile {
			t.Errorf("ReadReason(%v) = %q, want %q", tc.err, got, tc.readFile)
		}
		c := i18n.Catalog{"k": {screening.EN: "(%s)", screening.JA: "（%s）"}}
		for _, arg := range []struct {
			cause error
			want  string
		}{{Cause(tc.err), tc.write}, {ReadCause(tc.err), tc.readFile}, {ReadDirCause(tc.err), tc.readD}} {
			e := c.Errorf("k", arg.cause)
			if got := e.Message(screening.EN); got != "("+arg.want+")" {
				t.Errorf("%v as an argument: %q, want (%s)", tc.err, got, arg.want)
			}
			if !errors.Is(e, tc.err) {
				t.Errorf("%v: the cause is lost", tc.err)
			}
		}
	}
	if ja := ReadReason(perm, screening.JA); ja != "読む権限がありません" {
		t.Errorf("ReadReason(perm, ja) = %q", ja)
	}
	if ja := Reason(perm, screening.JA); ja != "書き込む権限がありません" {
		t.Errorf("Reason(perm, ja) = %q", ja)
	}
}
