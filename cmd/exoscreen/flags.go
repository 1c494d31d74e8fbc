package main

// The command line: every flag is defined once, in flagDefs below; the commands (commands.go)
// name the flags they take; one parser (parseArgs) reads any command's arguments; the help
// (help.go) is generated from the same definitions, in Japanese and English.
//
// Why the standard flag package and not a library such as github.com/alecthomas/kong (which
// gum uses): the two things this command line needs beyond the flag package, help and error
// messages in Japanese as well as English, are what such a library would not give us (kong's
// help and errors are English, its help tags hold one language), so we would write a help
// printer and translate its error strings anyway, and depend on their wording. What is left,
// flags before or after the command, is a short loop over the arguments (parseArgs). flag.FlagSet
// still holds the typed values and parses them (Set, Lookup, Visit), so string, bool and
// duration values behave exactly as Go users know them.
//
// Adding a command (serve, say) is three small steps:
//
//  1. a field in options for each new flag's value, and its definition in flagDefs, help in
//     both languages (a flag another command has already, such as --outbox or --idle-timeout,
//     is only named, not defined again):
//     {name: "listen", arg: "ADDR", help: txt("…", "listen on ADDR"), value: func(o *options) any { return &o.listen }},
//  2. an entry in commands (commands.go) naming its flags, with its texts and examples:
//     var serveCommand = &command{name: "serve", summary: txt(…), about: …,
//     flags: []flagGroup{{names: []string{"listen", "mode", "outbox", "idle-timeout", …}}},
//     examples: …, run: func(e *env, o *options, args []string) int { return e.serve(o, args) }}
//  3. go test ./cmd/exoscreen -run TestHelpGolden -update, and read the two new help files.
//
// Parsing (flags before or after the command), -h/--help/help, the messages of bad usage in
// both languages and the 80-column check of the help then cover it with no more code.

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

// flagDef defines one flag: its name, its help in both languages, its default and where its
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

// txt is a text in both languages.
func txt(ja, en string) screening.Text { return screening.Text{JA: ja, EN: en} }

// globalFlags are taken by every command, before or after the command's name.
var globalFlags = []string{"lang", "content"}

// flagDefs defines every flag of exoscreen, once. The commands that take a flag name it in
// commands.go.
var flagDefs = []*flagDef{
	{name: "lang", arg: "TAG",
		help:  txt("患者が読む言語（ルールセットの言語の1つ。zh-CN は zh-Hans のように近いものを選びます。既定は LC_ALL、LC_MESSAGES、LANG から。なければ診療所の言語）", "language of the patient (one of the rule set's: ja, en, zh-Hans...; zh-CN matches zh-Hans; default from LC_ALL, LC_MESSAGES or LANG, else the clinic's)"),
		want:  txt("ja、en、zh-Hans のような言語タグ", "a language tag such as ja, en or zh-Hans"),
		value: func(o *options) any { return (*langValue)(&o.common) }},
	{name: "content", arg: "DIR",
		help:  txt("組み込みではなく DIR にある医療機関のルールセットを使います", "use the clinic's rule set in DIR instead of the embedded one"),
		value: func(o *options) any { return &o.content }},
	{name: "format", arg: "FORMAT",
		help:  txt("出力形式", "output format"),
		value: func(o *options) any { return &o.format }},

	// The interactive screening.
	{name: "export", arg: "FILE",
		help:  txt("問診が終わったら、印刷用の結果を FILE に保存します（権限 0600）", "save the printable summary to FILE (mode 0600) when the screening is done"),
		value: func(o *options) any { return &o.export }},
	{name: "accessible",
		help:  txt("1行ずつ質問します（スクリーンリーダー、パイプ向け）。TERM=dumb のときや、標準入出力が端末でないときも自動でこのモードになります", "ask line by line (screen readers, pipes); also chosen by itself when TERM=dumb or standard input or output is not a terminal"),
		value: func(o *options) any { return &o.accessible }},

	// The front-desk kiosk (kiosk.go), the inbox and serve.
	{name: "kiosk",
		help:  txt("受付キオスク: 患者さんが一人ずつ続けて問診を受けます", "front-desk kiosk: one patient after another"),
		value: func(o *options) any { return &o.kiosk }},
	{name: "outbox", arg: "DIR", env: "EXOSCREEN_OUTBOX",
		help:  txt("キオスクが結果を書き、受付の一覧が読むフォルダー。なければ権限 0700 で作ります", "the folder kiosks write results to and the inbox reads; made with mode 0700 if missing"),
		value: func(o *options) any { return &o.outbox }},
	{name: "details", arg: "LIST", env: "EXOSCREEN_KIOSK_DETAILS", def: "reception",
		help:  txt("キオスクで尋ねる患者情報: reception、name、dob をコンマ区切りで、または none", "patient details the kiosk asks for: reception, name, dob separated by commas, or none"),
		value: func(o *options) any { return &o.details }},
	{name: "show-result",
		help:  txt("キオスクで患者さんに結果の要約を見せます", "show the patient their result summary at the kiosk"),
		value: func(o *options) any { return &o.showResult }},
	{name: "idle-timeout", arg: "DURATION", def: "2m",
		help:  txt("この時間操作がなければ「まだいらっしゃいますか」と尋ねます", "ask \"are you still there?\" after this long without input"),
		value: func(o *options) any { return &o.idle }},
	{name: "staff-pin-file", arg: "FILE",
		help:  txt("スタッフの PIN を FILE から読みます（権限 0600 以下）。なければ $"+pinEnv, "read the staff PIN from FILE (mode 0600 or stricter); without it, $"+pinEnv),
		value: func(o *options) any { return &o.pinFile }},
	{name: "clinic", arg: "NAME", env: "EXOSCREEN_CLINIC",
		help:  txt("結果に印刷する医療機関名", "clinic name printed on the summaries"),
		value: func(o *options) any { return &o.clinicName }},

	// serve (serve.go).
	{name: "listen", arg: "ADDR", def: serve.DefaultListen,
		help:  txt("待ち受けるアドレス（既定はこのコンピュータのみ）。ほかの端末から接続するには明示します", "address to listen on (by default this machine only); give it to let other terminals connect"),
		value: func(o *options) any { return &o.listen }},
	{name: "mode", arg: "kiosk|screening", def: string(serve.ModeKiosk),
		help:  txt("各接続で動かすもの: 受付キオスク、または対話的な問診", "what each session runs: the kiosk, or the interactive screening"),
		value: func(o *options) any { return &o.mode }},
	{name: "host-key", arg: "FILE",
		help:  txt("ホスト鍵。なければ作ります（ed25519、権限 0600）", "host key; created (ed25519, mode 0600) when missing"),
		value: func(o *options) any { return &o.hostKey }},
	{name: "authorized-keys", arg: "FILE",
		help:  txt("接続を許す端末の公開鍵（OpenSSH の authorized_keys 形式）", "public keys of the terminals allowed (OpenSSH authorized_keys)"),
		value: func(o *options) any { return &o.authKeys }},
	{name: "password-file", arg: "FILE",
		help:  txt("共通パスワードを FILE から読みます（権限 0600）。なければ $"+serve.PasswordEnv, "read the shared password from FILE (mode 0600); without it, $"+serve.PasswordEnv),
		value: func(o *options) any { return &o.passwordFile }},
	{name: "max-sessions", arg: "N", def: "32",
		help:  txt("同時に受け付ける接続の数", "sessions at once"),
		value: func(o *options) any { return &o.maxSessions }},
	{name: "log", arg: "FILE",
		help:  txt("運用ログを FILE に追記します（既定は標準エラー）。患者さんの情報や回答は書きません", "append the operator log to FILE (default standard error); it never holds patient details or answers"),
		value: func(o *options) any { return &o.logFile }},

	// Exports.
	{name: "staff-lang", arg: "TAG",
		help:  txt("医師用の要約の言語（既定は --lang）。患者の言語と違えば、患者が読んだ質問と回答も並べます", "language of the physician's summary (default --lang); if it differs, the questions and answers are also shown as the patient read them"),
		want:  txt("ja、en、zh-Hans のような言語タグ", "a language tag such as ja, en or zh-Hans"),
		value: func(o *options) any { return (*staffLangValue)(&o.staffLang) }},
	{name: "texts",
		help:  txt("JSON の結果の各所見に、ルールセットのすべての言語で質問・回答・理由を入れます（FHIR では翻訳拡張として）", "give each finding of the JSON result its question, answer and reason in every language of the rule set (in FHIR, as translation extensions)"),
		value: func(o *options) any { return &o.texts }},
	{name: "fhir-base", arg: "URL", env: "EXOSCREEN_FHIR_BASE",
		help:  txt("FHIR の正規URLの基点。なければルールセットIDから urn:uuid のURLを作ります", "base of the FHIR canonical URLs; without it, urn:uuid URLs derived from the rule set id"),
		value: func(o *options) any { return &o.fhirBase }},
	{name: "print-command", arg: "CMD", def: "lp",
		help:  txt("標準入力のテキストを印刷するコマンド", "command that prints the text on its standard input"),
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

// flagError is a bad flag, said in either language.
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

// usageMessages are the messages of bad usage, in both languages.
var usageMessages = i18n.Catalog{
	"flagUnknown":     txt("不明なフラグです: %s", "unknown flag %s"),
	"flagElsewhere":   txt("%s は %s のフラグではありません（%s のフラグです）", "%s is not a flag of %s (it belongs to %s)"),
	"flagNoValue":     txt("%s には値が必要です（%s）", "%s needs a value (%s)"),
	"flagBadValue":    txt("%s の値 %q は使えません（%s）", "%s: %q is not valid (want %s)"),
	"flagBadFormat":   txt("--format %q は %s にはありません（%s のどれか）", "unknown --format %q for %s (want %s)"),
	"wantBool":        txt("true か false", "true or false"),
	"wantInt":         txt("整数", "a whole number"),
	"wantDuration":    txt("90s や 2m のような時間", "a duration such as 90s or 2m"),
	"listSep":         txt("、", ", "),
	"seeHelp":         txt("詳しくは %s --help を見てください。", "See %s --help."),
	"unknownCmd":      txt("%q というコマンドはありません（%s）", "unknown command %q (the commands are %s)"),
	"maxOneArg":       txt("%s に渡せる %s は1つまでです", "%s takes at most one %s"),
	"noArgs":          txt("%s は引数をとりません（%q）", "%s takes no arguments (%q given)"),
	"dirTwice":        txt("ディレクトリは DIR か --content のどちらかで指定してください", "give the directory either as DIR or as --content, not both"),
	"rulesBad":        txt("ルールセットに問題があるため使えません:", "the rule set has problems and was not used:"),
	"stdin":           txt("標準入力", "standard input"),
	"lintProblems":    {JA: "%d件の問題があります。このルールセットは使えません。", EN: "%d problem(s); this rule set cannot be used.", ZhHans: "有 %d 个问题。此规则集无法使用。", ZhHant: "有 %d 個問題。此規則集無法使用。", KO: "문제가 %d건 있습니다. 이 규칙 세트는 사용할 수 없습니다."},
	"lintOK":          {JA: "（質問 %d、ルール %d、出典 %d、言語 %s）", EN: " (%d questions, %d rules, %d sources, languages %s)", ZhHans: "（问题 %d、规则 %d、出处 %d、语言 %s）", ZhHant: "（問題 %d、規則 %d、出處 %d、語言 %s）", KO: " (질문 %d, 규칙 %d, 출처 %d, 언어 %s)"},
	"refused":         {JA: "この記録は判定できませんでした:", EN: "This record was not screened:", ZhHans: "此记录无法判定:", ZhHant: "此記錄無法判定:", KO: "이 기록은 판정하지 못했습니다:"},
	"record":          {JA: "%d件目（入力の%d行目）", EN: "Record %d (input line %d)", ZhHans: "第 %d 条（输入第 %d 行）", ZhHant: "第 %d 筆（輸入第 %d 行）", KO: "%d번째 기록(입력 %d행)"},
	"interrupted":     {JA: "中断しました", EN: "interrupted", ZhHans: "已中断", ZhHant: "已中斷", KO: "중단되었습니다"},
	"interruptedLost": {JA: "中断しました。回答は保存されていません", EN: "interrupted; the answers were not kept", ZhHans: "已中断。回答没有保存", ZhHant: "已中斷。回答沒有儲存", KO: "중단되었습니다. 답변은 저장되지 않았습니다"},
	"noAnswers":       txt("入力に回答がありません", "no answers in the input"),
	"langUndeclared":  txt("言語 %s はこのルールセットにありません（使える言語: %s）", "the rule set has no language %s (its languages: %s)"),
	"stdinHint": txt("標準入力から回答（JSON）を読みます。入力を終えるときは、新しい行で Ctrl+D を押してください。",
		"reading answers (JSON) from standard input; end them with Ctrl+D on a new line."),
}

// usageErr is a problem of usage whose message is in usageMessages.
type usageErr struct {
	key  string
	args []any
}

func (e *usageErr) Error() string { return usageMessages.Get(screening.EN, e.key, e.args...) }

// usage returns the usage error key of usageMessages, formatted with args.
func usage(key string, args ...any) error { return &usageErr{key, args} }

// localized returns err's message in lang where it has one in both languages.
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
