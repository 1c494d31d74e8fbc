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
	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// messages are the reasons, short phrases without the path and without a final full stop,
// so that each screen can put them in its own sentence; and the one sentence every front end
// says of a results folder it cannot write at start-up (OutboxUnwritable).
var messages = i18n.Catalog{
	"empty": {
		JA:     "ファイル名がありません",
		EN:     "no file name was given",
		ZhHans: "没有文件名",
		ZhHant: "沒有檔案名稱",
		KO:     "파일 이름이 없습니다",
	},
	"isdir": {
		JA:     "フォルダーです。ファイル名を指定してください",
		EN:     "it is a folder; give a file name",
		ZhHans: "这是一个文件夹，请指定文件名",
		ZhHant: "這是一個資料夾，請指定檔案名稱",
		KO:     "폴더입니다. 파일 이름을 지정해 주십시오",
	},
	"notregular": {
		JA:     "通常のファイルではありません",
		EN:     "it is not a regular file",
		ZhHans: "不是普通文件",
		ZhHant: "不是一般檔案",
		KO:     "일반 파일이 아닙니다",
	},
	"exists": {
		JA:     "同じ名前のファイルがすでにあります",
		EN:     "a file of that name already exists",
		ZhHans: "已有同名文件",
		ZhHant: "已有同名檔案",
		KO:     "같은 이름의 파일이 이미 있습니다",
	},
	"notdir": {
		JA:     "パスの途中がフォルダーではありません",
		EN:     "part of the path is a file, not a folder",
		ZhHans: "路径中有一部分不是文件夹",
		ZhHant: "路徑中有一部分不是資料夾",
		KO:     "경로 중간이 폴더가 아닙니다",
	},
	"missing": {
		JA:     "フォルダーがありません",
		EN:     "the folder does not exist",
		ZhHans: "文件夹不存在",
		ZhHant: "資料夾不存在",
		KO:     "폴더가 없습니다",
	},
	"readonly": {
		JA:     "読み取り専用のディスクです",
		EN:     "the disk is read-only",
		ZhHans: "磁盘是只读的",
		ZhHant: "磁碟是唯讀的",
		KO:     "읽기 전용 디스크입니다",
	},
	"perm": {
		JA:     "書き込む権限がありません",
		EN:     "permission denied",
		ZhHans: "没有写入权限",
		ZhHant: "沒有寫入權限",
		KO:     "쓰기 권한이 없습니다",
	},
	"full": {
		JA:     "ディスクに空きがありません",
		EN:     "the disk is full",
		ZhHans: "磁盘空间已满",
		ZhHant: "磁碟空間已滿",
		KO:     "디스크에 빈 공간이 없습니다",
	},
	"quota": {
		JA:     "ディスクの使用量の上限（クォータ）に達しました",
		EN:     "the disk quota is used up",
		ZhHans: "已达到磁盘使用量上限（配额）",
		ZhHant: "已達到磁碟使用量上限（配額）",
		KO:     "디스크 사용량 한도(할당량)에 도달했습니다",
	},
	"toolong": {
		JA:     "名前が長すぎます",
		EN:     "the name is too long",
		ZhHans: "名称太长",
		ZhHant: "名稱太長",
		KO:     "이름이 너무 깁니다",
	},
	"loop": {
		JA:     "シンボリックリンクが多すぎます",
		EN:     "too many symbolic links",
		ZhHans: "符号链接太多",
		ZhHant: "符號連結太多",
		KO:     "심볼릭 링크가 너무 많습니다",
	},
	"io": {
		JA:     "ディスクの読み書きでエラーが起きました",
		EN:     "the disk reported an input/output error",
		ZhHans: "磁盘读写时发生错误",
		ZhHant: "磁碟讀寫時發生錯誤",
		KO:     "디스크를 읽고 쓰는 중 오류가 발생했습니다",
	},
	"busy": {
		JA:     "ファイルが使用中です",
		EN:     "the file is busy",
		ZhHans: "文件正在使用中",
		ZhHant: "檔案正在使用中",
		KO:     "파일이 사용 중입니다",
	},

	"worldwritable": {
		JA:     "すべてのユーザーが書き込めるため、誰でも結果を置けてしまいます。chmod 700 で本人だけのものにしてください",
		EN:     "every user can write to it, so anyone could plant results in it; make it private with chmod 700",
		ZhHans: "所有用户都能写入，任何人都能放入结果。请用 chmod 700 设为仅所有者可用",
		ZhHant: "所有使用者都能寫入，任何人都能放入結果。請用 chmod 700 設為僅擁有者可用",
		KO:     "모든 사용자가 쓸 수 있어 누구나 결과를 넣을 수 있습니다. chmod 700 으로 소유자만 쓰게 해 주십시오",
	},

	// reading a file (ReadReason)
	"nofile": {
		JA:     "ファイルがありません",
		EN:     "the file does not exist",
		ZhHans: "文件不存在",
		ZhHant: "檔案不存在",
		KO:     "파일이 없습니다",
	},
	"noread": {
		JA:     "読む権限がありません",
		EN:     "permission denied",
		ZhHans: "没有读取权限",
		ZhHant: "沒有讀取權限",
		KO:     "읽기 권한이 없습니다",
	},

	// the start-up error of an outbox folder (OutboxUnwritable): a sentence, with the path
	"outbox": {
		JA:     "--outbox: 結果フォルダー %s に書き込めません（%s）",
		EN:     "--outbox: the outbox %s cannot be written (%s)",
		ZhHans: "--outbox：无法写入结果文件夹 %s（%s）",
		ZhHant: "--outbox：無法寫入結果資料夾 %s（%s）",
		KO:     "--outbox: 결과 폴더 %s 에 쓸 수 없습니다(%s)",
	},
}

// causes map errors to reasons, first match wins (EROFS before the permission errors).
var causes = []struct {
	err error
	key string
}{
	{outbox.ErrWorldWritable, "worldwritable"},
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
	return reason(err, lang, writing)
}

// ReadReason is Reason for a file that was being read: a missing file is "the file does not
// exist" (not its folder), and denied permission is permission to read.
func ReadReason(err error, lang screening.Lang) string {
	return reason(err, lang, readingFile)
}

// op is what was being done when an error happened.
type op int

const (
	writing     op = iota
	readingFile    // a missing file is the file's absence, not its folder's
	readingDir     // a folder read: permission to read it
)

func reason(err error, lang screening.Lang, o op) string {
	if err == nil {
		return ""
	}
	if o == readingFile && errors.Is(err, fs.ErrNotExist) {
		return messages.Get(lang, "nofile")
	}
	if o != writing && errors.Is(err, fs.ErrPermission) && !errors.Is(err, syscall.EROFS) {
		return messages.Get(lang, "noread")
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

// OutboxUnwritable is the start-up error of a kiosk or a server whose results folder (the
// --outbox flag) cannot be written: it names the flag and dir, and says why (Reason) in the
// language it is said in. err is its cause.
func OutboxUnwritable(dir string, err error) error {
	return messages.Errorf("outbox", export.Sanitize(dir), Cause(err))
}

// Cause is err as the argument of an i18n.Error: said as Reason in the message's language,
// and the error's cause (errors.Is sees err through it).
func Cause(err error) error { return cause{err, writing} }

// ReadCause is Cause for a file that was being read (ReadReason).
func ReadCause(err error) error { return cause{err, readingFile} }

// ReadDirCause is Cause for a folder that was being read: a missing folder is said as with
// Reason, denied permission as permission to read.
func ReadDirCause(err error) error { return cause{err, readingDir} }

type cause struct {
	err error
	op  op
}

func (c cause) Error() string { return c.err.Error() }
func (c cause) Unwrap() error { return c.err }

// Message is the reason in lang.
func (c cause) Message(lang screening.Lang) string { return reason(c.err, lang, c.op) }
