package serve

import "github.com/exoscreen/exoscreen/internal/i18n"

// startMessages are the words of New's and the secret files' errors, for the operator who
// starts the server: every one names the flag or the file, in every language (the command
// says them in its --lang through i18n.Message).
var startMessages = i18n.Catalog{
	"nobody": {
		JA:     "誰も接続できません: --authorized-keys FILE か、パスワード（環境変数 %s か --password-file FILE）を指定してください",
		EN:     "nobody could connect: give --authorized-keys FILE, or a password in %s or --password-file FILE",
		ZhHans: "没有人能连接：请指定 --authorized-keys FILE，或密码（环境变量 %s 或 --password-file FILE）",
		ZhHant: "沒有人能連線：請指定 --authorized-keys FILE，或密碼（環境變數 %s 或 --password-file FILE）",
		KO:     "아무도 접속할 수 없습니다: --authorized-keys FILE 이나 비밀번호(환경 변수 %s 또는 --password-file FILE)를 지정해 주십시오",
	},
	"mode": {
		JA:     "--mode %q は使えません（kiosk か screening）",
		EN:     "--mode %q: use kiosk or screening",
		ZhHans: "--mode %q 无法使用（请用 kiosk 或 screening）",
		ZhHant: "--mode %q 無法使用（請用 kiosk 或 screening）",
		KO:     "--mode %q 는 사용할 수 없습니다(kiosk 또는 screening)",
	},
	"read": {
		JA:     "%s: %s を読めません（%s）",
		EN:     "%s: cannot read %s (%s)",
		ZhHans: "%s：无法读取 %s（%s）",
		ZhHant: "%s：無法讀取 %s（%s）",
		KO:     "%s: %s 을(를) 읽을 수 없습니다(%s)",
	},
	"notRegular": {
		JA:     "%s: %s は通常のファイルではありません",
		EN:     "%s: %s is not a regular file",
		ZhHans: "%s：%s 不是普通文件",
		ZhHant: "%s：%s 不是一般檔案",
		KO:     "%s: %s 은(는) 일반 파일이 아닙니다",
	},
	"loose": {
		JA:     "%s: %s の権限が %04o です。chmod 600 で本人だけが読めるようにしてください",
		EN:     "%s: %s has mode %04o; make it private with chmod 600",
		ZhHans: "%s：%s 的权限为 %04o。请用 chmod 600 设为仅所有者可读",
		ZhHant: "%s：%s 的權限為 %04o。請用 chmod 600 設為僅擁有者可讀",
		KO:     "%s: %s 의 권한이 %04o 입니다. chmod 600 으로 소유자만 읽을 수 있게 해 주십시오",
	},
	"tooLarge": {
		JA:     "%s: %s が %d バイトより大きいです",
		EN:     "%s: %s is larger than %d bytes",
		ZhHans: "%s：%s 大于 %d 字节",
		ZhHant: "%s：%s 大於 %d 位元組",
		KO:     "%s: %s 이(가) %d 바이트보다 큽니다",
	},
	"hostKeyBad": {
		JA:     "--host-key: %s はパスフレーズのない秘密鍵ではありません",
		EN:     "--host-key: %s is not a private key without a passphrase",
		ZhHans: "--host-key：%s 不是没有密码短语的私钥",
		ZhHant: "--host-key：%s 不是沒有密碼短語的私鑰",
		KO:     "--host-key: %s 은(는) 암호 문구가 없는 개인 키가 아닙니다",
	},
	"hostKeyCreate": {
		JA:     "--host-key: %s を作れません（%s）",
		EN:     "--host-key: cannot create %s (%s)",
		ZhHans: "--host-key：无法创建 %s（%s）",
		ZhHant: "--host-key：無法建立 %s（%s）",
		KO:     "--host-key: %s 을(를) 만들 수 없습니다(%s)",
	},
	"pwEmpty": {
		JA:     "--password-file: %s の1行目にパスワードがありません",
		EN:     "--password-file: %s has no password on its first line",
		ZhHans: "--password-file：%s 的第一行没有密码",
		ZhHant: "--password-file：%s 的第一行沒有密碼",
		KO:     "--password-file: %s 의 첫 줄에 비밀번호가 없습니다",
	},
	"akLoose": {
		JA:     "--authorized-keys: %s の権限が %04o で、ほかのユーザーが書き換えられます。chmod 600 にしてください",
		EN:     "--authorized-keys: %s has mode %04o and others may change it; chmod 600",
		ZhHans: "--authorized-keys：%s 的权限为 %04o，其他用户可以修改它。请设为 chmod 600",
		ZhHant: "--authorized-keys：%s 的權限為 %04o，其他使用者可以修改它。請設為 chmod 600",
		KO:     "--authorized-keys: %s 의 권한이 %04o 라 다른 사용자가 바꿀 수 있습니다. chmod 600 으로 해 주십시오",
	},
	"akLine": {
		JA:     "--authorized-keys: %s の %d 行目は公開鍵ではありません",
		EN:     "--authorized-keys: %s line %d is not a public key",
		ZhHans: "--authorized-keys：%s 第 %d 行不是公钥",
		ZhHant: "--authorized-keys：%s 第 %d 行不是公鑰",
		KO:     "--authorized-keys: %s 의 %d 행은 공개 키가 아닙니다",
	},
	"akNone": {
		JA:     "--authorized-keys: %s に鍵がありません",
		EN:     "--authorized-keys: %s has no key",
		ZhHans: "--authorized-keys：%s 中没有密钥",
		ZhHant: "--authorized-keys：%s 中沒有金鑰",
		KO:     "--authorized-keys: %s 에 키가 없습니다",
	},
}
