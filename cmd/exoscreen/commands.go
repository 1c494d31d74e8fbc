package main

import (
	"slices"

	"github.com/exoscreen/exoscreen/screening"
)

// command is one command of exoscreen: what runs, the flags it takes (by name, defined in
// flagDefs) and the texts of its help. See flags.go for how to add one.
type command struct {
	name    string           // "" for exoscreen itself (the interactive screening)
	args    string           // its arguments in the usage line, "[FILE|-]"; "" takes none
	summary screening.Text   // one line, in the list of commands
	about   []screening.Text // the paragraphs of its help
	flags   []flagGroup      // its own flags (the global ones are added to every command)
	formats []outputFormat   // the values of --format, for a command that takes it
	// defaultFormat is the --format when none is given ("" for inbox: the screen).
	defaultFormat string
	examples      []example
	run           func(e *env, o *options, args []string) int
}

// flagGroup is a titled group of flags in the help; no title is "Flags".
type flagGroup struct {
	title screening.Text
	names []string
}

// outputFormat is one value of --format and what it writes.
type outputFormat struct {
	name string
	help screening.Text
}

// example is a command line and what it does.
type example struct {
	line string
	note screening.Text
}

// title is the command as written in messages and help: "exoscreen evaluate".
func (c *command) title() string { return commandTitle(c.name) }

// flagNames lists every flag the command takes: its own, then the global ones.
func (c *command) flagNames() []string {
	var names []string
	for _, g := range c.flags {
		names = append(names, g.names...)
	}
	return append(names, globalFlags...)
}

// shortName is the command's name, or "exoscreen" for exoscreen itself.
func (c *command) shortName() string {
	if c.name == "" {
		return "exoscreen"
	}
	return c.name
}

// lookupCommand returns the command called name ("" is exoscreen itself), or nil.
func lookupCommand(name string) *command {
	i := slices.IndexFunc(commands, func(c *command) bool { return c.name == name })
	if i < 0 {
		return nil
	}
	return commands[i]
}

// exitStatus is the paragraph on exit statuses (docs/spec/interfaces.md), in every command's help.
var exitStatus = txt("終了コード: 0 完了、1 実行時の失敗、2 使い方か入力の誤り、または結果の前に中止した問診。判定結果は終了コードに表れません。",
	"Exit status: 0 done, 1 runtime failure, 2 bad usage, bad input, or a screening quit before its summary. The verdict is never in the exit status.")

// commands are the commands of exoscreen, in the order of the help.
var commands = []*command{rootCommand, evaluateCommand, lintCommand, questionnaireCommand, inboxCommand, kioskUnlockCommand, serveCommand, helpCommand}

var rootCommand = &command{
	name:    "",
	summary: txt("端末で対話的に問診します", "interactive screening in the terminal"),
	about: []screening.Text{
		txt("幹細胞培養上清液・エクソソーム治療の前に、禁忌を確かめる問診をします。コマンドを付けなければ、端末で対話的に問診します。",
			"Screens patients for contraindications before stem-cell culture supernatant / exosome therapy. Without a command it runs the interactive screening in the terminal."),
		txt("キー: 1-9 か up/down で選ぶ（何も選ばれていない状態で始まります）、enter か tab で次へ、esc か shift+tab で戻る、? 質問の説明、s 保存（結果画面）、最初の画面では q か esc で終了、ctrl+c 終了（回答があれば確認します）。マウスやタッチパネルでは、選択肢をタップすると選び、もう一度タップするか [ 次へ ] をタップすると次に進みます。",
			"Keys: 1-9 or up/down choose (nothing is chosen at first), enter or tab next, esc or shift+tab back, ? the question's explanation, s save (summary), q or esc quit on the first screen, ctrl+c quit (asks first once there are answers). With a mouse or touch screen, a tap on an option chooses it; a second tap, or a tap on [ Next ], goes on."),
	},
	flags: []flagGroup{
		{txt("対話的な問診", "Interactive screening"), []string{"export", "accessible"}},
		{txt("受付キオスク（README を参照）", "Front-desk kiosk (see README)"), []string{"kiosk", "outbox", "details", "show-result", "idle-timeout", "staff-pin-file", "clinic"}},
	},
	examples: []example{
		{"exoscreen --lang en --export result.txt", txt("英語で問診し、結果をファイルにも保存します", "screen in English and save the summary to a file too")},
		{"exoscreen --accessible", txt("1行ずつ質問します", "ask line by line")},
		{"exoscreen --kiosk --outbox /srv/exoscreen/outbox", txt("受付キオスクを始めます（$EXOSCREEN_STAFF_PIN が必要）", "start a front-desk kiosk (needs $EXOSCREEN_STAFF_PIN)")},
	},
	run: func(e *env, o *options, args []string) int { return e.main(o, args) },
}

var evaluateCommand = &command{
	name:    "evaluate",
	args:    "[FILE|-]",
	summary: txt("JSON ファイルか標準入力の回答を判定します", "screen answers from a JSON file or standard input"),
	about: []screening.Text{
		txt("画面を使わずに回答を判定します。FILE（- または省略で標準入力）には、質問IDをキーとする JSON オブジェクト1つか、JSON Lines（1行に1オブジェクト）を書きます。レコードごとに結果かエラーを出し、エラーは行・質問・期待される値を示します。",
			"Screens answers without a terminal UI. FILE (or standard input, with - or no FILE) holds one JSON object keyed by question id, or JSON Lines (one object a line). Each record gets its own result or its own error; errors name the line, the question and what was expected."),
		txt("結果には判定した日時（このコンピュータのタイムゾーン）が入ります。テストや再現できる例のためだけに、EXOSCREEN_NOW=2026-11-21T10:30:00+09:00 でその日時を固定できます（結果のIDも毎回同じになります）。",
			"Results are stamped with the time they were screened, in the machine's time zone. For tests and reproducible examples only, EXOSCREEN_NOW=2026-11-21T10:30:00+09:00 fixes that time (and makes the result ids repeatable)."),
	},
	flags:         []flagGroup{{names: []string{"format", "staff-lang", "texts", "clinic", "fhir-base"}}},
	formats:       evaluateFormatList(),
	defaultFormat: "text",
	examples: []example{
		{"exoscreen evaluate --lang en answers.json", txt("印刷用の結果（英語）", "the printable summary, in English")},
		{"exoscreen evaluate --format json day.jsonl > results.jsonl", txt("1行に1つの JSON の結果", "one JSON result a line")},
		{"exoscreen --content ./my-clinic evaluate answers.json", txt("医療機関のルールセットで判定します", "screen with a clinic's own rule set")},
	},
	run: func(e *env, o *options, args []string) int { return e.evaluate(o, args) },
}

var lintCommand = &command{
	name:    "lint",
	args:    "[DIR]",
	summary: txt("ルールセットを検査します（DIR なしで組み込みのもの）", "check a rule set (the embedded one without DIR)"),
	about: []screening.Text{
		txt("ルールセット（DIR、または組み込みのもの）を検査し、すべての問題をファイル・行・項目つきで表示します: 不明なキー、IDの重複、参照の誤り、出典キーの誤り、訳の抜け、網羅漏れ。問題がなければ終了コード 0、あれば 2 です。",
			"Validates a rule set (DIR, or the embedded one) and prints every problem with file, line and field: unknown keys, duplicate ids, bad references, unknown source keys, missing translations and coverage gaps. Exit status 0 when it passes, 2 when it does not."),
	},
	examples: []example{
		{"exoscreen lint", txt("組み込みのルールセットを検査します", "check the embedded rule set")},
		{"exoscreen lint --lang en ./my-clinic", txt("医療機関のルールセットを検査します（英語で）", "check a clinic's own rule set, in English")},
	},
	run: func(e *env, o *options, args []string) int { return e.lint(o, args) },
}

var questionnaireCommand = &command{
	name:    "questionnaire",
	summary: txt("質問を FHIR R4 の Questionnaire、JSON、テキストで出します", "the questions as a FHIR R4 Questionnaire, JSON or text"),
	about: []screening.Text{
		txt("ルールセットの質問を書き出します。既定は FHIR R4 の Questionnaire です（linkId は質問ID、回答はルールセットのコードシステムのコード、表示条件は enableWhen、version はルールセットのバージョン）。--lang の言語で書き、もう一方の言語は翻訳として入ります。",
			"Writes the rule set's questions: as a FHIR R4 Questionnaire by default (linkId = question id, answer codes in the rule set's code system, enableWhen from the conditions, version = rule set version). Texts are in the --lang language, the other one goes in translations."),
	},
	flags:         []flagGroup{{names: []string{"format", "fhir-base"}}},
	formats:       questionnaireFormatList(),
	defaultFormat: "fhir",
	examples: []example{
		{"exoscreen questionnaire > questionnaire.json", txt("FHIR R4 の Questionnaire", "the FHIR R4 Questionnaire")},
		{"exoscreen questionnaire --format text --lang en", txt("確認用に質問を英語で", "the questions in English, to review")},
		{"exoscreen questionnaire --fhir-base https://fhir.clinic.example.jp/fhir", txt("医療機関の FHIR サーバーの正規URLで", "with canonical URLs on the clinic's FHIR server")},
	},
	run: func(e *env, o *options, args []string) int { return e.questionnaire(o, args) },
}

var inboxCommand = &command{
	name:    "inbox",
	summary: txt("キオスクの結果をスタッフが見ます", "staff view of kiosk results"),
	about: []screening.Text{
		txt("キオスクの問診結果をスタッフが見る画面です。端末では新しい順の一覧（日時、受付番号か氏名、判定、要確認の数、確認済み）を表示し、キオスクが結果を書くとすぐに加わります。enter で要約を開き、r で確認済み（の取り消し）、e でテキストをファイルに書き出し、p で印刷、d で削除（y で確定）します。結果として読めないファイルは理由つきで一覧に出ます。",
			"The staff view of kiosk results. In a terminal it is a live list, newest first (time, reception number or name, verdict, findings to confirm, reviewed); new results appear as kiosks write them. enter opens a result's summary; r marks it reviewed (or not); e writes its text to a file; p prints it; d deletes it (after y). Files that are not readable results are listed with the reason."),
		txt("--format を付けるか、端末でないときは、画面を使わずに一覧を出力します（スクリプト用）。",
			"With --format, or when not on a terminal, it lists the results without the screen (for scripts)."),
	},
	flags:   []flagGroup{{names: []string{"outbox", "format", "print-command"}}},
	formats: inboxFormatList(),
	examples: []example{
		{"exoscreen inbox --outbox /srv/exoscreen/outbox", txt("スタッフの画面", "the staff screen")},
		{"exoscreen inbox --outbox /srv/exoscreen/outbox --format json", txt("スクリプト用の一覧", "the list, for scripts")},
	},
	run: func(e *env, o *options, args []string) int { return e.inbox(o, args) },
}

var helpCommand = &command{
	name:    "help",
	args:    "[COMMAND]",
	summary: txt("ヘルプを表示します", "show help"),
	about: []screening.Text{
		txt("exoscreen かそのコマンドのヘルプを --lang の言語で表示します。どのコマンドでも、--help を付けると同じものが出ます。",
			"Shows the help of exoscreen or of one of its commands, in the language of --lang. Any command given --help shows the same."),
	},
	examples: []example{
		{"exoscreen help evaluate --lang en", txt("evaluate のヘルプ（英語）", "the help of evaluate, in English")},
	},
	// run is nil: help reads the table of commands, which holds help (run calls e.helpCmd).
}

var kioskUnlockCommand = &command{
	name:    "kiosk-unlock",
	summary: txt("キオスクの暗証番号ロックを解除します", "release the kiosks' staff PIN lockout"),
	about: []screening.Text{
		txt("--outbox に結果を書くキオスクの暗証番号ロック（3 回まちがえると入力できなくなり、その後は 1 回ごとに 2 倍、最長 15 分）を解除します。キオスクと同じ OS ユーザーで、別の端末や SSH から実行してください。スタッフが F12 を押すと、すぐに暗証番号を入力できます。",
			"Releases the staff PIN lockout of the kiosks writing to --outbox (three wrong PINs lock the prompt, each further lockout doubles up to 15 minutes). Run it as the kiosks' OS user, from another terminal or over SSH; the kiosks accept the PIN again as soon as staff press F12."),
	},
	flags: []flagGroup{{names: []string{"outbox"}}},
	examples: []example{
		{"exoscreen kiosk-unlock --outbox /srv/exoscreen/outbox", txt("ロックを解除します", "release the lockout")},
	},
	run: func(e *env, o *options, args []string) int { return e.kioskUnlock(o, args) },
}
