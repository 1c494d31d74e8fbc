package main

import (
	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
)

// usageI18n, helpHeadsI18n, accessibleI18n and kioskWarningsI18n are the command line's
// messages in zh-Hans, zh-Hant and ko, beside the ja and en of their catalogues; init adds
// them. The commands' and flags' descriptions in the help are in ja and en only for now
// (they fall back to Japanese).
var (
	usageI18n = map[string][3]string{ // {zh-Hans, zh-Hant, ko}
		"dirTwice":       {"目录请用 DIR 或 --content 中的一种来指定", "目錄請用 DIR 或 --content 其中一種來指定", "디렉터리는 DIR 과 --content 중 하나로 지정해 주십시오"},
		"flagBadFormat":  {"--format %q 不适用于 %s（可用：%s）", "--format %q 不適用於 %s（可用：%s）", "--format %q 는 %s 에 없습니다(%s 중 하나)"},
		"flagBadValue":   {"%s 的值 %q 无法使用（%s）", "%s 的值 %q 無法使用（%s）", "%s 의 값 %q 는 사용할 수 없습니다(%s)"},
		"flagElsewhere":  {"%s 不是 %s 的标志（它属于 %s）", "%s 不是 %s 的旗標（它屬於 %s）", "%s 는 %s 의 플래그가 아닙니다(%s 의 플래그입니다)"},
		"flagNoValue":    {"%s 需要一个值（%s）", "%s 需要一個值（%s）", "%s 에는 값이 필요합니다(%s)"},
		"flagUnknown":    {"未知的标志：%s", "未知的旗標：%s", "알 수 없는 플래그입니다: %s"},
		"langUndeclared": {"此规则集没有语言 %s（可用的语言：%s）", "此規則集沒有語言 %s（可用的語言：%s）", "이 규칙 세트에는 언어 %s 가 없습니다(사용할 수 있는 언어: %s)"},
		"listSep":        {"、", "、", ", "},
		"maxOneArg":      {"%s 最多只能接受一个 %s", "%s 最多只能接受一個 %s", "%s 에는 %s 를 하나만 줄 수 있습니다"},
		"noAnswers":      {"输入中没有回答", "輸入中沒有回答", "입력에 답변이 없습니다"},
		"noArgs":         {"%s 不接受参数（%q）", "%s 不接受參數（%q）", "%s 는 인수를 받지 않습니다(%q)"},
		"rulesBad":       {"规则集有问题，无法使用：", "規則集有問題，無法使用：", "규칙 세트에 문제가 있어 사용할 수 없습니다:"},
		"seeHelp":        {"详情请参阅 %s --help。", "詳情請參閱 %s --help。", "자세한 내용은 %s --help 를 보십시오."},
		"stdin":          {"标准输入", "標準輸入", "표준 입력"},
		"stdinHint":      {"正在从标准输入读取回答（JSON）。结束输入时，请在新的一行按 Ctrl+D。", "正在從標準輸入讀取回答（JSON）。結束輸入時，請在新的一行按 Ctrl+D。", "표준 입력에서 답변(JSON)을 읽습니다. 입력을 끝내려면 새 줄에서 Ctrl+D 를 누르십시오."},
		"unknownCmd":     {"没有名为 %q 的命令（%s）", "沒有名為 %q 的命令（%s）", "%q 라는 명령은 없습니다(%s)"},
		"wantBool":       {"true 或 false", "true 或 false", "true 또는 false"},
		"wantDuration":   {"像 90s 或 2m 这样的时间", "像 90s 或 2m 這樣的時間", "90s 나 2m 같은 시간"},
		"wantInt":        {"整数", "整數", "정수"},
	}
	helpHeadsI18n = map[string][3]string{
		"command":  {"命令", "命令", "명령"},
		"commands": {"命令：", "命令：", "명령:"},
		"default":  {"（默认为 %s）", "（預設為 %s）", " (기본값 %s)"},
		"else":     {"%s，否则为 %s", "%s，否則為 %s", "%s, 없으면 %s"},
		"examples": {"示例：", "範例：", "예:"},
		"flags":    {"标志：", "旗標：", "플래그:"},
		"flagsArg": {"[标志]", "[旗標]", "[플래그]"},
		"global":   {"通用标志（可放在命令之前或之后）：", "通用旗標（可放在命令之前或之後）：", "공통 플래그(명령 앞이나 뒤에 쓸 수 있습니다):"},
		"help":     {"显示本帮助（使用 --lang 的语言）", "顯示本說明（使用 --lang 的語言）", "이 도움말을 표시합니다(--lang 의 언어로)"},
		"screen":   {"（没有时使用画面）", "（沒有時使用畫面）", " (없으면 화면을 사용합니다)"},
		"tagline":  {"干细胞培养上清液・外泌体治疗的治疗前问诊", "幹細胞培養上清液・外泌體治療的治療前問診", "줄기세포 배양액・엑소좀 치료 전 문진"},
		"usage":    {"用法：", "用法：", "사용법:"},
	}
	accessibleI18n = map[string][3]string{
		"exportCannot": {"无法写入 %s（%s）。", "無法寫入 %s（%s）。", "%s 에 쓸 수 없습니다(%s)."},
		"exportFailed": {"--export: %s 结果如上所示。", "--export: %s 結果如上所示。", "--export: %s 결과는 위에 표시한 대로입니다."},
		"exported":     {"结果已保存到 %s（文件权限 0600）。", "結果已儲存到 %s（檔案權限 0600）。", "결과를 %s 에 저장했습니다(파일 권한 0600)."},
	}
	kioskWarningsI18n = map[string][3]string{
		"outbox.loose":  {"结果文件夹 %s 的权限为 %04o。设为 0700 后，结果只有此账户可以读取。", "結果資料夾 %s 的權限為 %04o。設為 0700 後，結果只有此帳戶可以讀取。", "결과 폴더 %s 의 권한이 %04o 입니다. 0700 으로 하면 결과는 이 계정만 읽을 수 있습니다."},
		"pin.env":       {"密码是从环境变量 " + pinEnv + " 读取的，设置它的 shell（及其历史记录）中可能还留有密码。请改用 --staff-pin-file（权限 0600）。", "密碼是從環境變數 " + pinEnv + " 讀取的，設定它的 shell（及其歷史記錄）中可能還留有密碼。請改用 --staff-pin-file（權限 0600）。", "비밀번호를 환경 변수 " + pinEnv + " 에서 읽었습니다. 설정한 셸(과 그 기록)에 남아 있을 수 있습니다. --staff-pin-file(권한 0600)을 사용해 주십시오."},
		"pin.visible":   {"此系统无法从进程的初始环境中清除密码，同一用户可以在 /proc/PID/environ 中看到它。", "此系統無法從行程的初始環境中清除密碼，同一使用者可以在 /proc/PID/environ 中看到它。", "이 시스템에서는 프로세스의 초기 환경에서 비밀번호를 지울 수 없어, 같은 사용자는 /proc/PID/environ 에서 볼 수 있습니다."},
		"unlock.done":   {"已解除写入 %s 的自助终端的密码锁定。在自助终端上按 F12 即可输入密码。", "已解除寫入 %s 的自助終端的密碼鎖定。在自助終端上按 F12 即可輸入密碼。", "%s 에 쓰는 키오스크의 비밀번호 잠금을 해제했습니다. 키오스크에서 F12 를 누르면 바로 비밀번호를 입력할 수 있습니다."},
		"unlock.failed": {"无法在 %s 中写入解锁指示（%s）。请以自助终端的用户身份运行。", "無法在 %s 中寫入解鎖指示（%s）。請以自助終端的使用者身分執行。", "%s 에 잠금 해제 지시를 쓸 수 없습니다(%s). 키오스크와 같은 사용자로 실행해 주십시오."},
	}
)

func init() {
	for c, more := range map[*i18n.Catalog]map[string][3]string{
		&usageMessages: usageI18n, &helpHeads: helpHeadsI18n, &accessibleMessages: accessibleI18n, &kioskWarnings: kioskWarningsI18n,
	} {
		for key, t := range more {
			if m := (*c)[key]; m != nil {
				m[screening.ZhHans], m[screening.ZhHant], m[screening.KO] = t[0], t[1], t[2]
			}
		}
	}
}
