package main

// The command line: every flag is defined once, in flagDefs below; the commands (commands.go)
// name the flags they take; one parser (parseArgs) reads any command's arguments; the help
// (help.go) is generated from the same definitions, in every language of screening.Langs. Each
// text holds its languages where it is defined (a screening.Text literal, one language a line);
// no init adds any later, and TestHelpEveryLanguage fails on a text that misses one.
//
// Why the standard flag package and not a library such as github.com/alecthomas/kong (which
// gum uses): the two things this command line needs beyond the flag package, help and error
// messages in Japanese, Chinese and Korean as well as English, are what such a library would
// not give us (kong's help and errors are English, its help tags hold one language), so we
// would write a help printer and translate its error strings anyway, and depend on their
// wording. What is left, flags before or after the command, is a short loop over the arguments
// (parseArgs). flag.FlagSet still holds the typed values and parses them (Set, Lookup, Visit),
// so string, bool and duration values behave exactly as Go users know them.
//
// Adding a command (serve, say) is three small steps:
//
//  1. a field in options for each new flag's value, and its definition in flagDefs, help in
//     every language (a flag another command has already, such as --outbox or --idle-timeout,
//     is only named, not defined again):
//     {name: "listen", arg: "ADDR", help: screening.Text{JA: "…", EN: "listen on ADDR", ZhHans: "…", ZhHant: "…", KO: "…"},
//     value: func(o *options) any { return &o.listen }},
//  2. an entry in commands (commands.go) naming its flags, with its texts and examples:
//     var serveCommand = &command{name: "serve", summary: screening.Text{…}, about: …,
//     flags: []flagGroup{{names: []string{"listen", "mode", "outbox", "idle-timeout", …}}},
//     examples: …, run: func(e *env, o *options, args []string) int { return e.serve(o, args) }}
//  3. go test ./cmd/exoscreen -run TestHelpGolden -update, and read the new help files.
//
// Parsing (flags before or after the command), -h/--help/help, the messages of bad usage in
// every language and the 80-column check of the help then cover it with no more code.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/exoscreen/exoscreen/content"
	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/internal/serve"
	"github.com/exoscreen/exoscreen/screening"
)

// common are the values every command has: the language and the rule set.
type common struct {
	lang      screening.Lang
	langGiven bool // --lang was given (else lang comes from the locale)
	content   string
}

// options holds the value of every flag; a command reads the fields of the flags it takes.
type options struct {
	common
	kioskFlags // the kiosk's flags (kiosk.go); --outbox and --clinic are shared
	serveFlags // serve's own flags (serve.go)

	help         bool           // -h, --help
	format       string         // --format (the command's default when not given)
	export       string         // --export
	accessible   bool           // --accessible
	fhirBase     string         // --fhir-base
	staffLang    screening.Lang // --staff-lang
	texts        bool           // --texts
	printCommand string         // --print-command

	// fs holds the flags of the command being run, so that a command can ask which were
	// given (fs.Visit).
	fs *flag.FlagSet
}

// given reports whether the flag name was given on the command line.
func (o *options) given(name string) bool {
	found := false
	o.fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

// flagDef defines one flag: its name, its help in every language, its default and where its
// value goes.
type flagDef struct {
	name string
	arg  string         // the value's placeholder in the help ("DIR"); "" for a switch
	help screening.Text // one sentence or phrase, without the default
	want screening.Text // what a valid value looks like, for the error on a bad one
	env  string         // the environment variable giving the default, if any
	def  string         // the default as it would be written on the command line
	// value points to the field of options that holds the value: *string, *bool, *int,
	// *time.Duration or a flag.Value.
	value func(o *options) any
}

// isSwitch reports whether the flag takes no value (--accessible, --kiosk).
func (d *flagDef) isSwitch() bool {
	_, ok := d.value(&options{}).(*bool)
	return ok
}

// define adds the flag to fs, with its default (from the environment variable d.env when that
// is set and not empty, else d.def).
func (d *flagDef) define(fs *flag.FlagSet, o *options, getenv func(string) string) {
	def := d.def
	if d.env != "" {
		if v := getenv(d.env); v != "" {
			def = v
		}
	}
	switch p := d.value(o).(type) {
	case *string:
		fs.StringVar(p, d.name, def, "")
	case *bool:
		fs.BoolVar(p, d.name, def == "true", "")
	case *time.Duration:
		v, _ := time.ParseDuration(def) // the defaults in flagDefs are valid (TestFlagDefs)
		fs.DurationVar(p, d.name, v, "")
	case *int:
		v, _ := strconv.Atoi(def) // valid as well
		fs.IntVar(p, d.name, v, "")
	case flag.Value:
		if def != "" {
			p.Set(def)
		}
		fs.Var(p, d.name, "")
	default:
		panic("flag --" + d.name + ": unsupported value type")
	}
}

// globalFlags are taken by every command, before or after the command's name.
var globalFlags = []string{"lang", "content"}

// flagDefs defines every flag of exoscreen, once. The commands that take a flag name it in
// commands.go.
var flagDefs = []*flagDef{
	{name: "lang", arg: "TAG",
		help: screening.Text{
			JA:     "患者が読む言語（ルールセットの言語の1つ。zh-CN は zh-Hans のように近いものを選びます。既定は LC_ALL、LC_MESSAGES、LANG から。なければ診療所の言語）",
			EN:     "language of the patient (one of the rule set's: ja, en, zh-Hans...; zh-CN matches zh-Hans; default from LC_ALL, LC_MESSAGES or LANG, else the clinic's)",
			ZhHans: "患者阅读的语言（规则集的语言之一；zh-CN 会匹配 zh-Hans；默认取自 LC_ALL、LC_MESSAGES、LANG，否则为诊所的语言）",
			ZhHant: "患者閱讀的語言（規則集的語言之一；zh-TW 會匹配 zh-Hant；預設取自 LC_ALL、LC_MESSAGES、LANG，否則為診所的語言）",
			KO:     "환자가 읽는 언어(규칙 세트의 언어 중 하나. ko-KR 은 ko 처럼 가까운 것을 고릅니다. 기본은 LC_ALL, LC_MESSAGES, LANG 에서, 없으면 진료소의 언어)",
		},
		want: screening.Text{
			JA:     "ja、en、zh-Hans のような言語タグ",
			EN:     "a language tag such as ja, en or zh-Hans",
			ZhHans: "ja、en、zh-Hans 这样的语言标记",
			ZhHant: "ja、en、zh-Hant 這樣的語言標記",
			KO:     "ja, en, ko 같은 언어 태그",
		},
		value: func(o *options) any { return (*langValue)(&o.common) }},
	{name: "content", arg: "DIR",
		help: screening.Text{
			JA:     "組み込みではなく DIR にある医療機関のルールセットを使います",
			EN:     "use the clinic's rule set in DIR instead of the embedded one",
			ZhHans: "使用 DIR 中医疗机构的规则集，而不是内置的",
			ZhHant: "使用 DIR 中醫療機構的規則集，而不是內建的",
			KO:     "내장된 것 대신 DIR 에 있는 의료기관의 규칙 세트를 씁니다",
		},
		value: func(o *options) any { return &o.content }},
	{name: "format", arg: "FORMAT",
		help: screening.Text{
			JA:     "出力形式",
			EN:     "output format",
			ZhHans: "输出格式",
			ZhHant: "輸出格式",
			KO:     "출력 형식",
		},
		value: func(o *options) any { return &o.format }},

	// The interactive screening.
	{name: "export", arg: "FILE",
		help: screening.Text{
			JA:     "問診が終わったら、印刷用の結果を FILE に保存します（権限 0600）",
			EN:     "save the printable summary to FILE (mode 0600) when the screening is done",
			ZhHans: "问诊结束后，将可打印的结果保存到 FILE（权限 0600）",
			ZhHant: "問診結束後，將可列印的結果儲存到 FILE（權限 0600）",
			KO:     "문진이 끝나면 인쇄용 결과를 FILE 에 저장합니다(권한 0600)",
		},
		value: func(o *options) any { return &o.export }},
	{name: "accessible",
		help: screening.Text{
			JA:     "1行ずつ質問します（スクリーンリーダー、パイプ向け）。TERM=dumb のときや、標準入出力が端末でないときも自動でこのモードになります",
			EN:     "ask line by line (screen readers, pipes); also chosen by itself when TERM=dumb or standard input or output is not a terminal",
			ZhHans: "逐行提问（适用于屏幕阅读器、管道）。TERM=dumb 时或标准输入输出不是终端时也会自动进入此模式",
			ZhHant: "逐行提問（適用於螢幕閱讀器、管線）。TERM=dumb 時或標準輸入輸出不是終端時也會自動進入此模式",
			KO:     "한 줄씩 질문합니다(스크린 리더, 파이프용). TERM=dumb 이거나 표준 입출력이 단말이 아닐 때도 자동으로 이 모드가 됩니다",
		},
		value: func(o *options) any { return &o.accessible }},

	// The front-desk kiosk (kiosk.go), the inbox and serve.
	{name: "kiosk",
		help: screening.Text{
			JA:     "受付キオスク: 患者さんが一人ずつ続けて問診を受けます",
			EN:     "front-desk kiosk: one patient after another",
			ZhHans: "前台自助终端：患者一个接一个地进行问诊",
			ZhHant: "櫃檯自助終端：患者一個接一個地進行問診",
			KO:     "접수 키오스크: 환자가 한 명씩 이어서 문진을 받습니다",
		},
		value: func(o *options) any { return &o.kiosk }},
	{name: "outbox", arg: "DIR", env: "EXOSCREEN_OUTBOX",
		help: screening.Text{
			JA:     "キオスクが結果を書き、受付の一覧が読むフォルダー。なければ権限 0700 で作ります",
			EN:     "the folder kiosks write results to and the inbox reads; made with mode 0700 if missing",
			ZhHans: "自助终端写入结果、前台列表读取的文件夹；不存在时以权限 0700 创建",
			ZhHant: "自助終端寫入結果、櫃檯列表讀取的資料夾；不存在時以權限 0700 建立",
			KO:     "키오스크가 결과를 쓰고 접수 목록이 읽는 폴더. 없으면 권한 0700 으로 만듭니다",
		},
		value: func(o *options) any { return &o.outbox }},
	{name: "details", arg: "LIST", env: "EXOSCREEN_KIOSK_DETAILS", def: "reception",
		help: screening.Text{
			JA:     "キオスクで尋ねる患者情報: reception、name、dob をコンマ区切りで、または none",
			EN:     "patient details the kiosk asks for: reception, name, dob separated by commas, or none",
			ZhHans: "自助终端询问的患者信息：reception、name、dob 以逗号分隔，或 none",
			ZhHant: "自助終端詢問的患者資訊：reception、name、dob 以逗號分隔，或 none",
			KO:     "키오스크에서 묻는 환자 정보: reception, name, dob 을 쉼표로 구분하거나 none",
		},
		value: func(o *options) any { return &o.details }},
	{name: "show-result",
		help: screening.Text{
			JA:     "キオスクで患者さんに結果の要約を見せます",
			EN:     "show the patient their result summary at the kiosk",
			ZhHans: "在自助终端向患者显示结果摘要",
			ZhHant: "在自助終端向患者顯示結果摘要",
			KO:     "키오스크에서 환자에게 결과 요약을 보여 줍니다",
		},
		value: func(o *options) any { return &o.showResult }},
	{name: "idle-timeout", arg: "DURATION", def: "2m",
		help: screening.Text{
			JA:     "この時間操作がなければ「まだいらっしゃいますか」と尋ねます",
			EN:     "ask \"are you still there?\" after this long without input",
			ZhHans: "超过这段时间没有操作时，询问「您还在吗」",
			ZhHant: "超過這段時間沒有操作時，詢問「您還在嗎」",
			KO:     "이 시간 동안 입력이 없으면 \"계속하시겠습니까\"라고 묻습니다",
		},
		value: func(o *options) any { return &o.idle }},
	{name: "staff-pin-file", arg: "FILE",
		help: screening.Text{
			JA:     "スタッフの PIN を FILE から読みます（権限 0600 以下）。なければ $" + pinEnv,
			EN:     "read the staff PIN from FILE (mode 0600 or stricter); without it, $" + pinEnv,
			ZhHans: "从 FILE 读取工作人员密码（权限 0600 或更严）；没有时用 $" + pinEnv,
			ZhHant: "從 FILE 讀取工作人員密碼（權限 0600 或更嚴）；沒有時用 $" + pinEnv,
			KO:     "직원 PIN 을 FILE 에서 읽습니다(권한 0600 이하). 없으면 $" + pinEnv,
		},
		value: func(o *options) any { return &o.pinFile }},
	{name: "clinic", arg: "NAME", env: "EXOSCREEN_CLINIC",
		help: screening.Text{
			JA:     "結果に印刷する医療機関名",
			EN:     "clinic name printed on the summaries",
			ZhHans: "印在结果上的医疗机构名称",
			ZhHant: "印在結果上的醫療機構名稱",
			KO:     "결과에 인쇄할 의료기관 이름",
		},
		value: func(o *options) any { return &o.clinicName }},

	// serve (serve.go).
	{name: "listen", arg: "ADDR", def: serve.DefaultListen,
		help: screening.Text{
			JA:     "待ち受けるアドレス（既定はこのコンピュータのみ）。ほかの端末から接続するには明示します",
			EN:     "address to listen on (by default this machine only); give it to let other terminals connect",
			ZhHans: "监听的地址（默认仅本机）。要让其他终端连接，请明确指定",
			ZhHant: "監聽的位址（預設僅本機）。要讓其他終端連線，請明確指定",
			KO:     "기다릴 주소(기본은 이 컴퓨터만). 다른 단말에서 접속하려면 명시합니다",
		},
		value: func(o *options) any { return &o.listen }},
	{name: "mode", arg: "kiosk|screening", def: string(serve.ModeKiosk),
		help: screening.Text{
			JA:     "各接続で動かすもの: 受付キオスク、または対話的な問診",
			EN:     "what each session runs: the kiosk, or the interactive screening",
			ZhHans: "每个连接运行的内容：前台自助终端，或交互式问诊",
			ZhHant: "每個連線執行的內容：櫃檯自助終端，或互動式問診",
			KO:     "각 접속에서 실행할 것: 접수 키오스크 또는 대화식 문진",
		},
		value: func(o *options) any { return &o.mode }},
	{name: "host-key", arg: "FILE",
		help: screening.Text{
			JA:     "ホスト鍵。なければ作ります（ed25519、権限 0600）",
			EN:     "host key; created (ed25519, mode 0600) when missing",
			ZhHans: "主机密钥；不存在时创建（ed25519，权限 0600）",
			ZhHant: "主機金鑰；不存在時建立（ed25519，權限 0600）",
			KO:     "호스트 키. 없으면 만듭니다(ed25519, 권한 0600)",
		},
		value: func(o *options) any { return &o.hostKey }},
	{name: "authorized-keys", arg: "FILE",
		help: screening.Text{
			JA:     "接続を許す端末の公開鍵（OpenSSH の authorized_keys 形式）",
			EN:     "public keys of the terminals allowed (OpenSSH authorized_keys)",
			ZhHans: "允许连接的终端公钥（OpenSSH authorized_keys 格式）",
			ZhHant: "允許連線的終端公鑰（OpenSSH authorized_keys 格式）",
			KO:     "접속을 허용할 단말의 공개 키(OpenSSH authorized_keys 형식)",
		},
		value: func(o *options) any { return &o.authKeys }},
	{name: "password-file", arg: "FILE",
		help: screening.Text{
			JA:     "共通パスワードを FILE から読みます（権限 0600）。なければ $" + serve.PasswordEnv,
			EN:     "read the shared password from FILE (mode 0600); without it, $" + serve.PasswordEnv,
			ZhHans: "从 FILE 读取共用密码（权限 0600）；没有时用 $" + serve.PasswordEnv,
			ZhHant: "從 FILE 讀取共用密碼（權限 0600）；沒有時用 $" + serve.PasswordEnv,
			KO:     "공용 비밀번호를 FILE 에서 읽습니다(권한 0600). 없으면 $" + serve.PasswordEnv,
		},
		value: func(o *options) any { return &o.passwordFile }},
	{name: "max-sessions", arg: "N", def: "32",
		help: screening.Text{
			JA:     "同時に受け付ける接続の数",
			EN:     "sessions at once",
			ZhHans: "同时接受的连接数",
			ZhHant: "同時接受的連線數",
			KO:     "동시에 받을 접속 수",
		},
		value: func(o *options) any { return &o.maxSessions }},
	{name: "log", arg: "FILE",
		help: screening.Text{
			JA:     "運用ログを FILE に追記します（既定は標準エラー）。患者さんの情報や回答は書きません",
			EN:     "append the operator log to FILE (default standard error); it never holds patient details or answers",
			ZhHans: "将运行日志追加到 FILE（默认为标准错误）；不写入患者信息和回答",
			ZhHant: "將執行日誌附加到 FILE（預設為標準錯誤）；不寫入患者資訊和回答",
			KO:     "운영 로그를 FILE 에 덧붙입니다(기본은 표준 오류). 환자 정보나 답변은 쓰지 않습니다",
		},
		value: func(o *options) any { return &o.logFile }},

	// Exports.
	{name: "staff-lang", arg: "TAG",
		help: screening.Text{
			JA:     "医師用の要約の言語（既定は --lang）。患者の言語と違えば、患者が読んだ質問と回答も並べます",
			EN:     "language of the physician's summary (default --lang); if it differs, the questions and answers are also shown as the patient read them",
			ZhHans: "医生用摘要的语言（默认为 --lang）；与患者的语言不同时，也并列显示患者看到的问题和回答",
			ZhHant: "醫師用摘要的語言（預設為 --lang）；與患者的語言不同時，也並列顯示患者看到的問題和回答",
			KO:     "의사용 요약의 언어(기본은 --lang). 환자의 언어와 다르면 환자가 본 질문과 답변도 함께 보여 줍니다",
		},
		want: screening.Text{
			JA:     "ja、en、zh-Hans のような言語タグ",
			EN:     "a language tag such as ja, en or zh-Hans",
			ZhHans: "ja、en、zh-Hans 这样的语言标记",
			ZhHant: "ja、en、zh-Hant 這樣的語言標記",
			KO:     "ja, en, ko 같은 언어 태그",
		},
		value: func(o *options) any { return (*staffLangValue)(&o.staffLang) }},
	{name: "texts",
		help: screening.Text{
			JA:     "JSON の結果の各所見に、ルールセットのすべての言語で質問・回答・理由を入れます（FHIR では翻訳拡張として）",
			EN:     "give each finding of the JSON result its question, answer and reason in every language of the rule set (in FHIR, as translation extensions)",
			ZhHans: "在 JSON 结果的每条所见中，以规则集的所有语言写入问题、回答和理由（FHIR 中作为翻译扩展）",
			ZhHant: "在 JSON 結果的每條所見中，以規則集的所有語言寫入問題、回答和理由（FHIR 中作為翻譯擴充）",
			KO:     "JSON 결과의 각 소견에 규칙 세트의 모든 언어로 질문, 답변, 이유를 넣습니다(FHIR에서는 번역 확장으로)",
		},
		value: func(o *options) any { return &o.texts }},
	{name: "fhir-base", arg: "URL", env: "EXOSCREEN_FHIR_BASE",
		help: screening.Text{
			JA:     "FHIR の正規URLの基点。なければルールセットIDから urn:uuid のURLを作ります",
			EN:     "base of the FHIR canonical URLs; without it, urn:uuid URLs derived from the rule set id",
			ZhHans: "FHIR 规范 URL 的基础；没有时根据规则集 ID 生成 urn:uuid 的 URL",
			ZhHant: "FHIR 正式 URL 的基礎；沒有時根據規則集 ID 產生 urn:uuid 的 URL",
			KO:     "FHIR 정규 URL 의 기점. 없으면 규칙 세트 ID 로 urn:uuid URL 을 만듭니다",
		},
		value: func(o *options) any { return &o.fhirBase }},
	{name: "print-command", arg: "CMD", def: "lp",
		help: screening.Text{
			JA:     "標準入力のテキストを印刷するコマンド",
			EN:     "command that prints the text on its standard input",
			ZhHans: "打印标准输入文本的命令",
			ZhHant: "列印標準輸入文字的命令",
			KO:     "표준 입력의 텍스트를 인쇄하는 명령",
		},
		value: func(o *options) any { return &o.printCommand }},
}

// flagDef returns the definition of the flag name, or nil.
func lookupFlag(name string) *flagDef {
	for _, d := range flagDefs {
		if d.name == name {
			return d
		}
	}
	return nil
}

// langValue is the value of --lang: it sets common.lang and notes that it was given.
type langValue common

func (v *langValue) String() string { return string(v.lang) }

func (v *langValue) Set(s string) error {
	l, err := screening.ParseLang(s)
	if err != nil {
		return err
	}
	v.lang, v.langGiven = l, true
	return nil
}

// staffLangValue is the value of --staff-lang.
type staffLangValue screening.Lang

func (v *staffLangValue) String() string { return string(*v) }

func (v *staffLangValue) Set(s string) error {
	l, err := screening.ParseLang(s)
	if err != nil {
		return err
	}
	*v = staffLangValue(l)
	return nil
}

// isFlag reports whether arg is written as a flag: -x, --x, --x=v ("-" alone is standard input).
func isFlag(arg string) bool { return len(arg) > 1 && arg[0] == '-' }

// flagName returns the name of a flag argument and its value after "=", if any:
// "--lang=en" gives "--lang", "lang", "en", true.
func flagName(arg string) (spelled, name, value string, hasValue bool) {
	spelled, value, hasValue = strings.Cut(arg, "=")
	name = strings.TrimPrefix(strings.TrimPrefix(spelled, "-"), "-")
	return spelled, name, value, hasValue
}

// findCommand returns the command named in args (the first argument that is neither a flag
// nor a flag's value), and the arguments without that name. Without one, it is exoscreen
// itself (the interactive screening).
func findCommand(args []string) (*command, []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if isFlag(a) {
			_, name, _, hasValue := flagName(a)
			if d := lookupFlag(name); d != nil && !hasValue && !d.isSwitch() {
				i++ // the flag's value
			}
			continue
		}
		if c := lookupCommand(a); c != nil && c.name != "" {
			return c, slices.Concat(args[:i], args[i+1:])
		}
		break // not a command: an argument of exoscreen itself, which refuses it
	}
	return lookupCommand(""), args
}

// parseArgs reads the command line: the command's name and its flags and arguments, flags
// before or after the command's name and between its arguments ("--" ends the flags). The
// language is known even when the arguments are bad (for the message), and help is asked
// for whenever -h or --help is among the flags.
func (e *env) parseArgs(args []string) (*command, *options, []string, error) {
	cmd, args := findCommand(args)
	o := &options{common: common{lang: e.localeLang()}}
	o.fs = flag.NewFlagSet(cmd.title(), flag.ContinueOnError)
	o.fs.SetOutput(io.Discard)
	for _, name := range cmd.flagNames() {
		lookupFlag(name).define(o.fs, o, e.getenv)
	}
	var pos []string
	var first error // the first problem; the rest is read on for --lang and --help
	fail := func(err error) {
		if first == nil {
			first = err
		}
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if !isFlag(a) {
			pos = append(pos, a)
			continue
		}
		spelled, name, value, hasValue := flagName(a)
		if name == "h" || name == "help" {
			o.help = true
			continue
		}
		f := o.fs.Lookup(name)
		if f == nil {
			fail(&flagError{kind: flagUnknown, spelled: spelled, cmd: cmd, others: commandsTaking(name)})
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			if !hasValue {
				value = "true"
			}
		} else if !hasValue {
			if i+1 == len(args) {
				fail(&flagError{kind: flagNoValue, spelled: spelled, def: lookupFlag(name)})
				continue
			}
			i++
			value = args[i]
		}
		if err := o.fs.Set(name, value); err != nil {
			fail(&flagError{kind: flagBadValue, spelled: spelled, def: lookupFlag(name), value: value, err: err})
		}
	}
	if first == nil && o.given("format") && !slices.ContainsFunc(cmd.formats, func(f outputFormat) bool { return f.name == o.format }) {
		first = &flagError{kind: flagBadFormat, spelled: "--format", value: o.format, cmd: cmd}
	}
	if first == nil && cmd.args == "" && len(pos) > 0 {
		if cmd.name == "" {
			first = usage("unknownCmd", pos[0], commandList(o.lang))
		} else {
			first = usage("noArgs", cmd.title(), pos[0])
		}
	}
	if o.format == "" {
		o.format = cmd.defaultFormat
	}
	return cmd, o, pos, first
}

// commandsTaking names the commands that take the flag name.
func commandsTaking(name string) []string {
	var names []string
	for _, c := range commands {
		if slices.Contains(c.flagNames(), name) {
			names = append(names, c.shortName())
		}
	}
	return names
}

// localeLang is the language of the locale (LC_ALL, LC_MESSAGES, LANG): the default of --lang.
func (e *env) localeLang() screening.Lang {
	return screening.LangFromLocale(e.getenv("LC_ALL"), e.getenv("LC_MESSAGES"), e.getenv("LANG"))
}

// nowEnv names the environment variable that fixes the clock for tests and reproducible
// examples (see export.Clock).
const nowEnv = "EXOSCREEN_NOW"

type flagProblem int

const (
	flagUnknown   flagProblem = iota // not a flag of the command
	flagNoValue                      // the last argument, without its value
	flagBadValue                     // the value does not parse
	flagBadFormat                    // a --format the command does not write
)

// flagError is a bad flag, said in any language of screening.Langs.
type flagError struct {
	kind    flagProblem
	spelled string   // the flag as written: "--bogus", "-x"
	cmd     *command // the command being run (flagUnknown, flagBadFormat)
	def     *flagDef // (flagNoValue, flagBadValue)
	value   string
	err     error    // the value's own error (flagBadValue)
	others  []string // the commands that take the flag (flagUnknown)
}

func (e *flagError) Error() string { return e.message(screening.EN) }

// message says what is wrong in lang.
func (e *flagError) message(lang screening.Lang) string {
	m := func(key string, args ...any) string { return usageMessages.Get(lang, key, args...) }
	switch e.kind {
	case flagUnknown:
		if len(e.others) > 0 {
			return m("flagElsewhere", e.spelled, e.cmd.title(), strings.Join(e.others, m("listSep")))
		}
		return m("flagUnknown", e.spelled)
	case flagNoValue:
		return m("flagNoValue", e.spelled, e.def.arg)
	case flagBadValue:
		want := e.def.want.In(lang)
		if want == "" {
			switch e.def.value(&options{}).(type) {
			case *bool:
				want = m("wantBool")
			case *int:
				want = m("wantInt")
			case *time.Duration:
				want = m("wantDuration")
			default:
				want = e.err.Error()
			}
		}
		return m("flagBadValue", e.spelled, e.value, want)
	case flagBadFormat:
		var names []string
		for _, f := range e.cmd.formats {
			names = append(names, f.name)
		}
		return m("flagBadFormat", e.value, e.cmd.title(), strings.Join(names, m("listSep")))
	}
	return e.spelled
}

// usageMessages are the messages of bad usage, in every language.
var usageMessages = i18n.Catalog{
	"flagUnknown": {
		JA:     "不明なフラグです: %s",
		EN:     "unknown flag %s",
		ZhHans: "未知的标志：%s",
		ZhHant: "未知的旗標：%s",
		KO:     "알 수 없는 플래그입니다: %s",
	},
	"flagElsewhere": {
		JA:     "%s は %s のフラグではありません（%s のフラグです）",
		EN:     "%s is not a flag of %s (it belongs to %s)",
		ZhHans: "%s 不是 %s 的标志（它属于 %s）",
		ZhHant: "%s 不是 %s 的旗標（它屬於 %s）",
		KO:     "%s 는 %s 의 플래그가 아닙니다(%s 의 플래그입니다)",
	},
	"flagNoValue": {
		JA:     "%s には値が必要です（%s）",
		EN:     "%s needs a value (%s)",
		ZhHans: "%s 需要一个值（%s）",
		ZhHant: "%s 需要一個值（%s）",
		KO:     "%s 에는 값이 필요합니다(%s)",
	},
	"flagBadValue": {
		JA:     "%s の値 %q は使えません（%s）",
		EN:     "%s: %q is not valid (want %s)",
		ZhHans: "%s 的值 %q 无法使用（%s）",
		ZhHant: "%s 的值 %q 無法使用（%s）",
		KO:     "%s 의 값 %q 는 사용할 수 없습니다(%s)",
	},
	"flagBadFormat": {
		JA:     "--format %q は %s にはありません（%s のどれか）",
		EN:     "unknown --format %q for %s (want %s)",
		ZhHans: "--format %q 不适用于 %s（可用：%s）",
		ZhHant: "--format %q 不適用於 %s（可用：%s）",
		KO:     "--format %q 는 %s 에 없습니다(%s 중 하나)",
	},
	"wantBool": {
		JA:     "true か false",
		EN:     "true or false",
		ZhHans: "true 或 false",
		ZhHant: "true 或 false",
		KO:     "true 또는 false",
	},
	"wantInt": {
		JA:     "整数",
		EN:     "a whole number",
		ZhHans: "整数",
		ZhHant: "整數",
		KO:     "정수",
	},
	"wantDuration": {
		JA:     "90s や 2m のような時間",
		EN:     "a duration such as 90s or 2m",
		ZhHans: "像 90s 或 2m 这样的时间",
		ZhHant: "像 90s 或 2m 這樣的時間",
		KO:     "90s 나 2m 같은 시간",
	},
	"listSep": {
		JA:     "、",
		EN:     ", ",
		ZhHans: "、",
		ZhHant: "、",
		KO:     ", ",
	},
	"seeHelp": {
		JA:     "詳しくは %s --help を見てください。",
		EN:     "See %s --help.",
		ZhHans: "详情请参阅 %s --help。",
		ZhHant: "詳情請參閱 %s --help。",
		KO:     "자세한 내용은 %s --help 를 보십시오.",
	},
	"unknownCmd": {
		JA:     "%q というコマンドはありません（%s）",
		EN:     "unknown command %q (the commands are %s)",
		ZhHans: "没有名为 %q 的命令（%s）",
		ZhHant: "沒有名為 %q 的命令（%s）",
		KO:     "%q 라는 명령은 없습니다(%s)",
	},
	"maxOneArg": {
		JA:     "%s に渡せる %s は1つまでです",
		EN:     "%s takes at most one %s",
		ZhHans: "%s 最多只能接受一个 %s",
		ZhHant: "%s 最多只能接受一個 %s",
		KO:     "%s 에는 %s 를 하나만 줄 수 있습니다",
	},
	"noArgs": {
		JA:     "%s は引数をとりません（%q）",
		EN:     "%s takes no arguments (%q given)",
		ZhHans: "%s 不接受参数（%q）",
		ZhHant: "%s 不接受參數（%q）",
		KO:     "%s 는 인수를 받지 않습니다(%q)",
	},
	"dirTwice": {
		JA:     "ディレクトリは DIR か --content のどちらかで指定してください",
		EN:     "give the directory either as DIR or as --content, not both",
		ZhHans: "目录请用 DIR 或 --content 中的一种来指定",
		ZhHant: "目錄請用 DIR 或 --content 其中一種來指定",
		KO:     "디렉터리는 DIR 과 --content 중 하나로 지정해 주십시오",
	},
	"rulesBad": {
		JA:     "ルールセットに問題があるため使えません:",
		EN:     "the rule set has problems and was not used:",
		ZhHans: "规则集有问题，无法使用：",
		ZhHant: "規則集有問題，無法使用：",
		KO:     "규칙 세트에 문제가 있어 사용할 수 없습니다:",
	},
	"stdin": {
		JA:     "標準入力",
		EN:     "standard input",
		ZhHans: "标准输入",
		ZhHant: "標準輸入",
		KO:     "표준 입력",
	},
	"lintProblems": {
		JA:     "%d件の問題があります。このルールセットは使えません。",
		EN:     "%d problem(s); this rule set cannot be used.",
		ZhHans: "有 %d 个问题。此规则集无法使用。",
		ZhHant: "有 %d 個問題。此規則集無法使用。",
		KO:     "문제가 %d건 있습니다. 이 규칙 세트는 사용할 수 없습니다.",
	},
	"lintOK": {
		JA:     "（質問 %d、ルール %d、出典 %d、言語 %s）",
		EN:     " (%d questions, %d rules, %d sources, languages %s)",
		ZhHans: "（问题 %d、规则 %d、出处 %d、语言 %s）",
		ZhHant: "（問題 %d、規則 %d、出處 %d、語言 %s）",
		KO:     " (질문 %d, 규칙 %d, 출처 %d, 언어 %s)",
	},
	"refused": {
		JA:     "この記録は判定できませんでした:",
		EN:     "This record was not screened:",
		ZhHans: "此记录无法判定:",
		ZhHant: "此記錄無法判定:",
		KO:     "이 기록은 판정하지 못했습니다:",
	},
	"record": {
		JA:     "%d件目（入力の%d行目）",
		EN:     "Record %d (input line %d)",
		ZhHans: "第 %d 条（输入第 %d 行）",
		ZhHant: "第 %d 筆（輸入第 %d 行）",
		KO:     "%d번째 기록(입력 %d행)",
	},
	"interrupted": {
		JA:     "中断しました",
		EN:     "interrupted",
		ZhHans: "已中断",
		ZhHant: "已中斷",
		KO:     "중단되었습니다",
	},
	"interruptedLost": {
		JA:     "中断しました。回答は保存されていません",
		EN:     "interrupted; the answers were not kept",
		ZhHans: "已中断。回答没有保存",
		ZhHant: "已中斷。回答沒有儲存",
		KO:     "중단되었습니다. 답변은 저장되지 않았습니다",
	},
	"noAnswers": {
		JA:     "入力に回答がありません",
		EN:     "no answers in the input",
		ZhHans: "输入中没有回答",
		ZhHant: "輸入中沒有回答",
		KO:     "입력에 답변이 없습니다",
	},
	"langUndeclared": {
		JA:     "言語 %s はこのルールセットにありません（使える言語: %s）",
		EN:     "the rule set has no language %s (its languages: %s)",
		ZhHans: "此规则集没有语言 %s（可用的语言：%s）",
		ZhHant: "此規則集沒有語言 %s（可用的語言：%s）",
		KO:     "이 규칙 세트에는 언어 %s 가 없습니다(사용할 수 있는 언어: %s)",
	},
	"stdinHint": {
		JA:     "標準入力から回答（JSON）を読みます。入力を終えるときは、新しい行で Ctrl+D を押してください。",
		EN:     "reading answers (JSON) from standard input; end them with Ctrl+D on a new line.",
		ZhHans: "正在从标准输入读取回答（JSON）。结束输入时，请在新的一行按 Ctrl+D。",
		ZhHant: "正在從標準輸入讀取回答（JSON）。結束輸入時，請在新的一行按 Ctrl+D。",
		KO:     "표준 입력에서 답변(JSON)을 읽습니다. 입력을 끝내려면 새 줄에서 Ctrl+D 를 누르십시오.",
	},
}

// usageErr is a problem of usage whose message is in usageMessages.
type usageErr struct {
	key  string
	args []any
}

func (e *usageErr) Error() string { return usageMessages.Get(screening.EN, e.key, e.args...) }

// usage returns the usage error key of usageMessages, formatted with args.
func usage(key string, args ...any) error { return &usageErr{key, args} }

// localized returns err's message in lang where it has one in every language.
func localized(err error, lang screening.Lang) string {
	var fe *flagError
	if errors.As(err, &fe) {
		return fe.message(lang)
	}
	var ue *usageErr
	if errors.As(err, &ue) {
		return usageMessages.Get(lang, ue.key, ue.args...)
	}
	return i18n.Message(err, lang) // the start-up errors (startMessages, internal/serve)
}

// usageError is bad usage of the command named cmd ("" is exoscreen itself): the message and
// a pointer to --help, in lang, on stderr. Exit status 2.
func (e *env) usageError(cmd string, lang screening.Lang, err error) int {
	name := commandTitle(cmd)
	fmt.Fprintf(e.stderr, "%s: %s\n%s\n", name, localized(err, lang), usageMessages.Get(lang, "seeHelp", name))
	return exitUsage
}

// commandTitle is how a command is named in messages: "exoscreen evaluate", or "exoscreen".
func commandTitle(cmd string) string {
	if cmd == "" {
		return "exoscreen"
	}
	return "exoscreen " + cmd
}

// loadRules loads the rule set chosen by --content, or the embedded one, and settles the
// language on one the rule set declares: the best match of --lang (zh-CN gives zh-Hans), or of
// the locale, falling back to the clinic's language. A --lang the rule set does not declare
// is a usage error.
func (c *common) loadRules() (*screening.RuleSet, error) {
	var rs *screening.RuleSet
	var err error
	if c.content != "" {
		rs, err = screening.LoadDir(c.content)
	} else {
		rs, err = screening.Load(content.FS)
	}
	if err != nil {
		return nil, err
	}
	l, ok := rs.MatchLang(string(c.lang))
	switch {
	case ok:
		c.lang = l
	case c.langGiven:
		return nil, usage("langUndeclared", string(c.lang), strings.Join(langTags(rs.Langs()), ", "))
	default:
		c.lang = rs.Clinic()
	}
	return rs, nil
}

// langTags are the tags of langs as strings.
func langTags(langs []screening.Lang) []string {
	out := make([]string, len(langs))
	for i, l := range langs {
		out[i] = string(l)
	}
	return out
}

// loadError reports a rule set that could not be loaded.
func (e *env) loadError(cmd string, lang screening.Lang, err error) int {
	var le *screening.LoadError
	var ue *usageErr
	if errors.As(err, &ue) {
		return e.usageError(cmd, lang, err)
	}
	if errors.As(err, &le) {
		fmt.Fprintf(e.stderr, "%s: %s\n%s\n", commandTitle(cmd), usageMessages.Get(lang, "rulesBad"), indent(le.Message(lang)))
		return exitUsage
	}
	fmt.Fprintf(e.stderr, "%s: %v\n", commandTitle(cmd), err)
	return exitFail
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}
