package main

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"syscall"

	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
	"github.com/exoscreen/exoscreen/ui/kiosk"
)

// startMessages are the words of the kiosk's, serve's and the inbox's start-up errors (bad
// flags, files and folders), in every language: each names the flag, the file or the folder.
// They are errors made by startErr and said in --lang by usageError (localized) and sayErr.
var startMessages = i18n.Catalog{
	"kioskOnly": {
		JA:     "%s は --kiosk と一緒にしか使えません",
		EN:     "%s only work with --kiosk",
		ZhHans: "%s 只能与 --kiosk 一起使用",
		ZhHant: "%s 只能與 --kiosk 一起使用",
		KO:     "%s 는 --kiosk 와 함께만 쓸 수 있습니다",
	},
	"needsOutbox": {
		JA:     "%s には --outbox DIR が必要です",
		EN:     "%s needs --outbox DIR",
		ZhHans: "%s 需要 --outbox DIR",
		ZhHant: "%s 需要 --outbox DIR",
		KO:     "%s 에는 --outbox DIR 가 필요합니다",
	},
	"needsHostKey": {
		JA:     "serve には --host-key FILE が必要です（ないときは作ります）",
		EN:     "serve needs --host-key FILE (it is created when missing)",
		ZhHans: "serve 需要 --host-key FILE（不存在时会创建）",
		ZhHant: "serve 需要 --host-key FILE（不存在時會建立）",
		KO:     "serve 에는 --host-key FILE 이 필요합니다(없으면 만듭니다)",
	},
	"idleShort": {
		JA:     "--idle-timeout %v は短すぎます（1s 以上）",
		EN:     "--idle-timeout %v is too short (at least 1s)",
		ZhHans: "--idle-timeout %v 太短（至少 1s）",
		ZhHant: "--idle-timeout %v 太短（至少 1s）",
		KO:     "--idle-timeout %v 는 너무 짧습니다(1s 이상)",
	},
	"maxSessions": {
		JA:     "--max-sessions %d は使えません（1 以上）",
		EN:     "--max-sessions %d: at least 1",
		ZhHans: "--max-sessions %d 无法使用（至少为 1）",
		ZhHant: "--max-sessions %d 無法使用（至少為 1）",
		KO:     "--max-sessions %d 는 사용할 수 없습니다(1 이상)",
	},
	"detailUnknown": {
		JA:     "--details: 患者情報 %q はありません（reception、name、dob か none）",
		EN:     "--details: unknown patient detail %q (want reception, name, dob or none)",
		ZhHans: "--details：没有患者信息 %q（reception、name、dob 或 none）",
		ZhHant: "--details：沒有患者資訊 %q（reception、name、dob 或 none）",
		KO:     "--details: 환자 정보 %q 는 없습니다(reception, name, dob 또는 none)",
	},
	"detailTwice": {
		JA:     "--details %q: 同じ患者情報が2回あります",
		EN:     "--details %q: a patient detail is given twice",
		ZhHans: "--details %q：同一患者信息出现了两次",
		ZhHant: "--details %q：同一患者資訊出現了兩次",
		KO:     "--details %q: 같은 환자 정보가 두 번 있습니다",
	},
	"pinMissing": {
		JA:     "キオスクにはスタッフの暗証番号が必要です: --staff-pin-file FILE（権限 0600）を指定するか、%s を設定してください",
		EN:     "a kiosk needs a staff PIN: give --staff-pin-file FILE (mode 0600) or set %s",
		ZhHans: "自助终端需要工作人员密码：请指定 --staff-pin-file FILE（权限 0600），或设置 %s",
		ZhHant: "自助終端需要工作人員密碼：請指定 --staff-pin-file FILE（權限 0600），或設定 %s",
		KO:     "키오스크에는 직원 비밀번호가 필요합니다: --staff-pin-file FILE(권한 0600)을 지정하거나 %s 를 설정해 주십시오",
	},
	"pinShort": {
		JA:     "%s: 暗証番号は4文字以上にしてください",
		EN:     "%s: the staff PIN must have at least 4 characters",
		ZhHans: "%s：密码至少需要 4 个字符",
		ZhHant: "%s：密碼至少需要 4 個字元",
		KO:     "%s: 비밀번호는 4자 이상이어야 합니다",
	},
	"pinLong": {
		JA:     "%s: 暗証番号は64文字以下にしてください（入力欄にそれ以上入りません）",
		EN:     "%s: the staff PIN must have at most 64 characters (the PIN prompt takes no more)",
		ZhHans: "%s：密码最多 64 个字符（输入栏放不下更多）",
		ZhHant: "%s：密碼最多 64 個字元（輸入欄放不下更多）",
		KO:     "%s: 비밀번호는 64자 이하여야 합니다(입력란에 더 들어가지 않습니다)",
	},
	"pinBlank": {
		JA:     "%s: 暗証番号が空白だけです",
		EN:     "%s: the staff PIN is only spaces",
		ZhHans: "%s：密码只有空格",
		ZhHant: "%s：密碼只有空格",
		KO:     "%s: 비밀번호가 공백뿐입니다",
	},
	"needsTerminal": {
		JA:     "キオスクには端末が必要です（標準入力と標準出力）",
		EN:     "the kiosk needs a terminal (stdin and stdout)",
		ZhHans: "自助终端需要终端（标准输入和标准输出）",
		ZhHant: "自助終端需要終端機（標準輸入和標準輸出）",
		KO:     "키오스크에는 단말기가 필요합니다(표준 입력과 표준 출력)",
	},
	"outboxRead": {
		JA:     "--outbox: 結果フォルダー %s を読めません（%s）",
		EN:     "--outbox: cannot read the outbox %s (%s)",
		ZhHans: "--outbox：无法读取结果文件夹 %s（%s）",
		ZhHant: "--outbox：無法讀取結果資料夾 %s（%s）",
		KO:     "--outbox: 결과 폴더 %s 를 읽을 수 없습니다(%s)",
	},
	"logOpen": {
		JA:     "--log: %s を開けません（%s）",
		EN:     "--log: cannot open %s (%s)",
		ZhHans: "--log：无法打开 %s（%s）",
		ZhHant: "--log：無法開啟 %s（%s）",
		KO:     "--log: %s 을(를) 열 수 없습니다(%s)",
	},
	"portBusy": {
		JA:     "--listen: %s はすでにほかのプログラムが使っています",
		EN:     "--listen: %s is already in use by another program",
		ZhHans: "--listen：%s 已被其他程序占用",
		ZhHant: "--listen：%s 已被其他程式占用",
		KO:     "--listen: %s 는 이미 다른 프로그램이 사용하고 있습니다",
	},
	"listenDenied": {
		JA:     "--listen: %s で待ち受ける権限がありません（1024 未満のポートには特権が必要です）",
		EN:     "--listen: no permission to listen on %s (ports below 1024 need privileges)",
		ZhHans: "--listen：没有在 %s 上监听的权限（1024 以下的端口需要特权）",
		ZhHant: "--listen：沒有在 %s 上監聽的權限（1024 以下的連接埠需要特權）",
		KO:     "--listen: %s 에서 대기할 권한이 없습니다(1024 미만 포트에는 특권이 필요합니다)",
	},
	"listenAddr": {
		JA:     "--listen %q は待ち受けるアドレスではありません（127.0.0.1:2222 のように、ホスト:ポート）",
		EN:     "--listen %q is not an address to listen on (host:port, such as 127.0.0.1:2222)",
		ZhHans: "--listen %q 不是可监听的地址（主机:端口，例如 127.0.0.1:2222）",
		ZhHant: "--listen %q 不是可監聽的位址（主機:連接埠，例如 127.0.0.1:2222）",
		KO:     "--listen %q 는 대기할 주소가 아닙니다(호스트:포트, 예: 127.0.0.1:2222)",
	},
	"listenBad": {
		JA:     "--listen: %s で待ち受けられません（%s）",
		EN:     "--listen: cannot listen on %s (%s)",
		ZhHans: "--listen：无法在 %s 上监听（%s）",
		ZhHant: "--listen：無法在 %s 上監聽（%s）",
		KO:     "--listen: %s 에서 대기할 수 없습니다(%s)",
	},
	"screenFailed": {
		JA:     "画面を動かせませんでした（%s）",
		EN:     "the screen could not run (%s)",
		ZhHans: "画面无法运行（%s）",
		ZhHant: "畫面無法執行（%s）",
		KO:     "화면을 실행할 수 없었습니다(%s)",
	},
	"serveFailed": {
		JA:     "サーバーが止まりました（%s）",
		EN:     "the server stopped (%s)",
		ZhHans: "服务器已停止（%s）",
		ZhHant: "伺服器已停止（%s）",
		KO:     "서버가 멈췄습니다(%s)",
	},
	"discarded": {
		JA:     "終わった問診を1件保存できず、破棄しました",
		EN:     "one finished screening could not be saved and was discarded",
		ZhHans: "有 1 份已完成的问诊无法保存，已丢弃",
		ZhHant: "有 1 份已完成的問診無法儲存，已捨棄",
		KO:     "끝난 문진 1건을 저장하지 못해 폐기했습니다",
	},
	"warning": {
		JA:     "警告: %s",
		EN:     "warning: %s",
		ZhHans: "警告：%s",
		ZhHant: "警告：%s",
		KO:     "경고: %s",
	},
}

// startErr is the start-up error key of startMessages, formatted with args; an argument that
// is an error made by fserr.Cause is said as its reason, and is the error's cause.
func startErr(key string, args ...any) error { return startMessages.Errorf(key, args...) }

// sayErr writes err on stderr in lang, after the command's title: for a failure that is not
// bad usage (no pointer to --help).
func (e *env) sayErr(cmd string, lang screening.Lang, err error) {
	fmt.Fprintf(e.stderr, "%s: %s\n", cmd, i18n.Message(err, lang))
}

// pinErr names where a staff PIN that kiosk.NewGuard refused came from (the file or the
// environment variable) and says what is wrong with it.
func pinErr(err error, file string) error {
	where := pinEnv
	if file != "" {
		where = "--staff-pin-file " + export.Sanitize(file)
	}
	switch {
	case errors.Is(err, kiosk.ErrShortPIN):
		return startErr("pinShort", where)
	case errors.Is(err, kiosk.ErrLongPIN):
		return startErr("pinLong", where)
	case errors.Is(err, kiosk.ErrBlankPIN):
		return startErr("pinBlank", where)
	}
	return err
}

// detailsErr says which part of --details kiosk.ParseFields refused: an unknown detail, or
// one given twice.
func detailsErr(details string) error {
	for _, p := range strings.Split(details, ",") {
		if f, err := kiosk.ParseFields(p); err != nil || len(f) != 1 { // "none" or "" among others too
			return startErr("detailUnknown", export.Sanitize(strings.TrimSpace(p)))
		}
	}
	return startErr("detailTwice", export.Sanitize(details))
}

// listenErr says why serve cannot listen on addr.
func listenErr(addr string, err error) error {
	addr = export.Sanitize(addr)
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return startErr("portBusy", addr)
	case errors.Is(err, syscall.EACCES):
		return startErr("listenDenied", addr)
	case errors.Is(err, syscall.EADDRNOTAVAIL) || errors.As(err, new(*net.AddrError)) || errors.As(err, new(*net.DNSError)) || errors.As(err, new(*strconv.NumError)):
		return startErr("listenAddr", addr)
	}
	return startErr("listenBad", addr, export.Sanitize(err.Error()))
}
