// Package fserr says in words, in the user's language, why a file or folder could not be
// written or read. It is the one message catalogue for file errors: the TUI's save dialog,
// the accessible mode's --export, the kiosk's staff screen and the inbox all use Reason.
package fserr

import (
	"errors"
	"io/fs"
	"syscall"

	"github.com/exoscreen/exoscreen/internal/atomicfile"
	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// messages are the reasons, short phrases without the path and without a final full stop,
// so that each screen can put them in its own sentence.
var messages = i18n.Catalog{
	"empty":      {JA: "ファイル名がありません", EN: "no file name was given"},
	"isdir":      {JA: "フォルダーです。ファイル名を指定してください", EN: "it is a folder; give a file name"},
	"notregular": {JA: "通常のファイルではありません", EN: "it is not a regular file"},
	"exists":     {JA: "同じ名前のファイルがすでにあります", EN: "a file of that name already exists"},
	"notdir":     {JA: "パスの途中がフォルダーではありません", EN: "part of the path is a file, not a folder"},
	"missing":    {JA: "フォルダーがありません", EN: "the folder does not exist"},
	"readonly":   {JA: "読み取り専用のディスクです", EN: "the disk is read-only"},
	"perm":       {JA: "書き込む権限がありません", EN: "permission denied"},
	"full":       {JA: "ディスクに空きがありません", EN: "the disk is full"},
	"quota":      {JA: "ディスクの使用量の上限（クォータ）に達しました", EN: "the disk quota is used up"},
	"toolong":    {JA: "名前が長すぎます", EN: "the name is too long"},
	"loop":       {JA: "シンボリックリンクが多すぎます", EN: "too many symbolic links"},
	"io":         {JA: "ディスクの読み書きでエラーが起きました", EN: "the disk reported an input/output error"},
	"busy":       {JA: "ファイルが使用中です", EN: "the file is busy"},
}

// causes map errors to reasons, first match wins (EROFS before the permission errors).
var causes = []struct {
	err error
	key string
}{
	{atomicfile.ErrEmptyPath, "empty"},
	{atomicfile.ErrIsDir, "isdir"},
	{syscall.EISDIR, "isdir"},
	{atomicfile.ErrNotRegular, "notregular"},
	{fs.ErrExist, "exists"},
	{syscall.ENOTDIR, "notdir"},
	{fs.ErrNotExist, "missing"},
	{syscall.EROFS, "readonly"},
	{fs.ErrPermission, "perm"},
	{syscall.ENOSPC, "full"},
	{syscall.EDQUOT, "quota"},
	{syscall.ENAMETOOLONG, "toolong"},
	{syscall.ELOOP, "loop"},
	{syscall.EIO, "io"},
	{syscall.ETXTBSY, "busy"},
	{syscall.EBUSY, "busy"},
}

// Reason says in lang why err happened: the common causes in words, any other error as the
// operating system says it (without the path, sanitised for a terminal). It is a phrase
// without the path and without a final full stop.
func Reason(err error, lang screening.Lang) string {
	if err == nil {
		return ""
	}
	for _, c := range causes {
		if errors.Is(err, c.err) {
			return messages.Get(lang, c.key)
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return export.Sanitize(err.Error())
}

// Path is the file name an error names (sanitised), or "" when it names none.
func Path(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return export.Sanitize(pe.Path)
	}
	return ""
}
