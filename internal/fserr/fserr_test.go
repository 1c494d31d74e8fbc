package fserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/exoscreen/exoscreen/internal/atomicfile"
	"github.com/exoscreen/exoscreen/screening"
)

func TestReason(t *testing.T) {
	pe := func(e error) error { return &fs.PathError{Op: "write", Path: "/x/y", Err: e} }
	for _, tc := range []struct {
		err    error
		en, ja string
	}{
		{pe(syscall.ENOTDIR), "part of the path is a file", "フォルダーではありません"},
		{pe(syscall.EROFS), "read-only", "読み取り専用"},
		{pe(syscall.EDQUOT), "quota", "クォータ"},
		{pe(syscall.ENOSPC), "disk is full", "空きがありません"},
		{pe(syscall.EACCES), "permission denied", "権限がありません"},
		{pe(syscall.EPERM), "permission denied", "権限がありません"},
		{pe(syscall.ENOENT), "folder does not exist", "フォルダーがありません"},
		{pe(syscall.EEXIST), "already exists", "すでにあります"},
		{pe(atomicfile.ErrIsDir), "it is a folder", "フォルダーです"},
		{pe(atomicfile.ErrEmptyPath), "no file name", "ファイル名がありません"},
		{pe(atomicfile.ErrNotRegular), "not a regular file", "通常のファイルではありません"},
		{pe(syscall.EIO), "input/output error", "エラーが起きました"},
		{fmt.Errorf("syncing the directory: %w", pe(syscall.EIO)), "input/output error", "エラーが起きました"},
		{pe(errors.New("odd \x1b[31mthing")), "odd", "odd"},
	} {
		en, ja := Reason(tc.err, screening.EN), Reason(tc.err, screening.JA)
		if !strings.Contains(en, tc.en) || !strings.Contains(ja, tc.ja) {
			t.Errorf("%v: %q / %q, want %q / %q", tc.err, en, ja, tc.en, tc.ja)
		}
		if strings.Contains(en, "/x/y") || strings.ContainsRune(en, 0x1b) {
			t.Errorf("%v: %q names the path or keeps an escape", tc.err, en)
		}
	}
	if Reason(nil, screening.EN) != "" {
		t.Error("a reason for no error")
	}
}

// The real errors of the real writer get words, not the OS text.
func TestReasonOfRealErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	os.WriteFile(file, nil, 0o600)
	for _, tc := range []struct {
		path, want string
	}{
		{filepath.Join(file, "x.txt"), "part of the path is a file"},
		{filepath.Join(dir, "no", "x.txt"), "folder does not exist"},
		{dir, "it is a folder"},
	} {
		err := atomicfile.WriteFile(tc.path, []byte("x"), 0o600)
		if got := Reason(err, screening.EN); !strings.Contains(got, tc.want) {
			t.Errorf("%s: %q (%v), want %q", tc.path, got, err, tc.want)
		}
		if Path(err) != tc.path {
			t.Errorf("Path = %q, want %q", Path(err), tc.path)
		}
	}
}

func TestMessagesComplete(t *testing.T) {
	for _, c := range causes {
		m, ok := messages[c.key]
		if !ok || m[screening.JA] == "" || m[screening.EN] == "" {
			t.Errorf("%s has no words in both languages", c.key)
		}
	}
}
