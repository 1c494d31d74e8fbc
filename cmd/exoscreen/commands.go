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
var exitStatus = screening.Text{
	JA:     "終了コード: 0 完了、1 実行時の失敗、2 使い方か入力の誤り、または結果の前に中止した問診。判定結果は終了コードに表れません。",
	EN:     "Exit status: 0 done, 1 runtime failure, 2 bad usage, bad input, or a screening quit before its summary. The verdict is never in the exit status.",
	ZhHans: "退出码：0 完成，1 运行时失败，2 用法或输入有误，或在显示结果前中止的问诊。判定结果不会体现在退出码中。",
	ZhHant: "結束碼：0 完成，1 執行時失敗，2 用法或輸入有誤，或在顯示結果前中止的問診。判定結果不會反映在結束碼中。",
	KO:     "종료 코드: 0 완료, 1 실행 중 실패, 2 잘못된 사용법이나 입력, 또는 결과가 나오기 전에 중단한 문진. 판정 결과는 종료 코드에 나타나지 않습니다.",
}

// commands are the commands of exoscreen, in the order of the help.
var commands = []*command{rootCommand, evaluateCommand, lintCommand, questionnaireCommand, inboxCommand, kioskUnlockCommand, serveCommand, helpCommand}

var rootCommand = &command{
	name: "",
	summary: screening.Text{
		JA:     "端末で対話的に問診します",
		EN:     "interactive screening in the terminal",
		ZhHans: "在终端中进行交互式问诊",
		ZhHant: "在終端中進行互動式問診",
		KO:     "단말에서 대화식으로 문진합니다",
	},
	about: []screening.Text{
		{
			JA:     "幹細胞培養上清液・エクソソーム治療の前に、禁忌を確かめる問診をします。コマンドを付けなければ、端末で対話的に問診します。",
			EN:     "Screens patients for contraindications before stem-cell culture supernatant / exosome therapy. Without a command it runs the interactive screening in the terminal.",
			ZhHans: "在干细胞培养上清液・外泌体治疗之前，通过问诊确认有无禁忌。不加命令时，在终端中进行交互式问诊。",
			ZhHant: "在幹細胞培養上清液・外泌體治療之前，透過問診確認有無禁忌。不加命令時，在終端中進行互動式問診。",
			KO:     "줄기세포 배양액・엑소좀 치료 전에 금기가 있는지 확인하는 문진을 합니다. 명령을 붙이지 않으면 단말에서 대화식으로 문진합니다.",
		},
		{
			JA:     "キー: 1-9 か up/down で選ぶ（何も選ばれていない状態で始まります）、enter か tab で次へ、esc か shift+tab で戻る、? 質問の説明、s 保存（結果画面）、最初の画面では q か esc で終了、ctrl+c 終了（回答があれば確認します）。マウスやタッチパネルでは、選択肢をタップすると選び、もう一度タップするか [ 次へ ] をタップすると次に進みます。",
			EN:     "Keys: 1-9 or up/down choose (nothing is chosen at first), enter or tab next, esc or shift+tab back, ? the question's explanation, s save (summary), q or esc quit on the first screen, ctrl+c quit (asks first once there are answers). With a mouse or touch screen, a tap on an option chooses it; a second tap, or a tap on [ Next ], goes on.",
			ZhHans: "按键：1-9 或 up/down 选择（开始时没有任何选项被选中），enter 或 tab 下一步，esc 或 shift+tab 返回，? 问题的说明，s 保存（结果画面），在第一个画面按 q 或 esc 结束，ctrl+c 结束（有回答时会先确认）。使用鼠标或触摸屏时，点击选项即选中，再点击一次或点击 [ 下一步 ] 即进入下一步。",
			ZhHant: "按鍵：1-9 或 up/down 選擇（開始時沒有任何選項被選中），enter 或 tab 下一步，esc 或 shift+tab 返回，? 問題的說明，s 儲存（結果畫面），在第一個畫面按 q 或 esc 結束，ctrl+c 結束（有回答時會先確認）。使用滑鼠或觸控螢幕時，點選選項即選中，再點選一次或點選 [ 下一步 ] 即進入下一步。",
			KO:     "키: 1-9 나 up/down 으로 선택(처음에는 아무것도 선택되어 있지 않습니다), enter 나 tab 으로 다음, esc 나 shift+tab 으로 뒤로, ? 질문 설명, s 저장(결과 화면), 첫 화면에서는 q 나 esc 로 종료, ctrl+c 종료(답변이 있으면 확인합니다). 마우스나 터치 패널에서는 선택지를 탭하면 선택되고, 한 번 더 탭하거나 [ 다음 ] 을 탭하면 다음으로 넘어갑니다.",
		},
	},
	flags: []flagGroup{
		{screening.Text{
			JA:     "対話的な問診",
			EN:     "Interactive screening",
			ZhHans: "交互式问诊",
			ZhHant: "互動式問診",
			KO:     "대화식 문진",
		}, []string{"export", "accessible"}},
		{screening.Text{
			JA:     "受付キオスク（README を参照）",
			EN:     "Front-desk kiosk (see README)",
			ZhHans: "前台自助终端（参阅 README）",
			ZhHant: "櫃檯自助終端（參閱 README）",
			KO:     "접수 키오스크(README 참조)",
		}, []string{"kiosk", "outbox", "details", "show-result", "idle-timeout", "staff-pin-file", "clinic"}},
	},
	examples: []example{
		{"exoscreen --lang en --export result.txt", screening.Text{
			JA:     "英語で問診し、結果をファイルにも保存します",
			EN:     "screen in English and save the summary to a file too",
			ZhHans: "用英语问诊，并将结果也保存到文件",
			ZhHant: "用英語問診，並將結果也儲存到檔案",
			KO:     "영어로 문진하고 결과를 파일에도 저장합니다",
		}},
		{"exoscreen --accessible", screening.Text{
			JA:     "1行ずつ質問します",
			EN:     "ask line by line",
			ZhHans: "逐行提问",
			ZhHant: "逐行提問",
			KO:     "한 줄씩 질문합니다",
		}},
		{"exoscreen --kiosk --outbox /srv/exoscreen/outbox", screening.Text{
			JA:     "受付キオスクを始めます（$EXOSCREEN_STAFF_PIN が必要）",
			EN:     "start a front-desk kiosk (needs $EXOSCREEN_STAFF_PIN)",
			ZhHans: "启动前台自助终端（需要 $EXOSCREEN_STAFF_PIN）",
			ZhHant: "啟動櫃檯自助終端（需要 $EXOSCREEN_STAFF_PIN）",
			KO:     "접수 키오스크를 시작합니다($EXOSCREEN_STAFF_PIN 필요)",
		}},
	},
	run: func(e *env, o *options, args []string) int { return e.main(o, args) },
}

var evaluateCommand = &command{
	name: "evaluate",
	args: "[FILE|-]",
	summary: screening.Text{
		JA:     "JSON ファイルか標準入力の回答を判定します",
		EN:     "screen answers from a JSON file or standard input",
		ZhHans: "判定 JSON 文件或标准输入中的回答",
		ZhHant: "判定 JSON 檔案或標準輸入中的回答",
		KO:     "JSON 파일이나 표준 입력의 답변을 판정합니다",
	},
	about: []screening.Text{
		{
			JA:     "画面を使わずに回答を判定します。FILE（- または省略で標準入力）には、質問IDをキーとする JSON オブジェクト1つか、JSON Lines（1行に1オブジェクト）を書きます。レコードごとに結果かエラーを出し、エラーは行・質問・期待される値を示します。",
			EN:     "Screens answers without a terminal UI. FILE (or standard input, with - or no FILE) holds one JSON object keyed by question id, or JSON Lines (one object a line). Each record gets its own result or its own error; errors name the line, the question and what was expected.",
			ZhHans: "不使用画面判定回答。FILE（- 或省略时为标准输入）中写一个以问题 ID 为键的 JSON 对象，或 JSON Lines（每行一个对象）。每条记录输出结果或错误，错误会指出行、问题和期望的值。",
			ZhHant: "不使用畫面判定回答。FILE（- 或省略時為標準輸入）中寫一個以問題 ID 為鍵的 JSON 物件，或 JSON Lines（每行一個物件）。每筆記錄輸出結果或錯誤，錯誤會指出行、問題和期望的值。",
			KO:     "화면 없이 답변을 판정합니다. FILE(- 또는 생략하면 표준 입력)에는 질문 ID를 키로 하는 JSON 객체 하나나 JSON Lines(한 줄에 객체 하나)를 씁니다. 기록마다 결과나 오류를 내며, 오류는 행, 질문, 기대하는 값을 알려 줍니다.",
		},
		{
			JA:     "結果には判定した日時（このコンピュータのタイムゾーン）が入ります。テストや再現できる例のためだけに、EXOSCREEN_NOW=2026-11-21T10:30:00+09:00 でその日時を固定できます（結果のIDも毎回同じになります）。",
			EN:     "Results are stamped with the time they were screened, in the machine's time zone. For tests and reproducible examples only, EXOSCREEN_NOW=2026-11-21T10:30:00+09:00 fixes that time (and makes the result ids repeatable).",
			ZhHans: "结果中记录判定的日期时间（本机时区）。仅用于测试和可重现的示例时，可用 EXOSCREEN_NOW=2026-11-21T10:30:00+09:00 固定该时间（结果的 ID 也会每次相同）。",
			ZhHant: "結果中記錄判定的日期時間（本機時區）。僅用於測試和可重現的範例時，可用 EXOSCREEN_NOW=2026-11-21T10:30:00+09:00 固定該時間（結果的 ID 也會每次相同）。",
			KO:     "결과에는 판정한 일시(이 컴퓨터의 시간대)가 들어갑니다. 테스트와 재현 가능한 예를 위해서만 EXOSCREEN_NOW=2026-11-21T10:30:00+09:00 으로 그 일시를 고정할 수 있습니다(결과 ID도 매번 같아집니다).",
		},
	},
	flags:         []flagGroup{{names: []string{"format", "staff-lang", "texts", "clinic", "fhir-base"}}},
	formats:       evaluateFormatList(),
	defaultFormat: "text",
	examples: []example{
		{"exoscreen evaluate --lang en answers.json", screening.Text{
			JA:     "印刷用の結果（英語）",
			EN:     "the printable summary, in English",
			ZhHans: "可打印的结果（英语）",
			ZhHant: "可列印的結果（英語）",
			KO:     "인쇄용 결과(영어)",
		}},
		{"exoscreen evaluate --format json day.jsonl > results.jsonl", screening.Text{
			JA:     "1行に1つの JSON の結果",
			EN:     "one JSON result a line",
			ZhHans: "每行一个 JSON 结果",
			ZhHant: "每行一個 JSON 結果",
			KO:     "한 줄에 JSON 결과 하나",
		}},
		{"exoscreen --content ./my-clinic evaluate answers.json", screening.Text{
			JA:     "医療機関のルールセットで判定します",
			EN:     "screen with a clinic's own rule set",
			ZhHans: "用医疗机构的规则集判定",
			ZhHant: "用醫療機構的規則集判定",
			KO:     "의료기관의 규칙 세트로 판정합니다",
		}},
	},
	run: func(e *env, o *options, args []string) int { return e.evaluate(o, args) },
}

var lintCommand = &command{
	name: "lint",
	args: "[DIR]",
	summary: screening.Text{
		JA:     "ルールセットを検査します（DIR なしで組み込みのもの）",
		EN:     "check a rule set (the embedded one without DIR)",
		ZhHans: "检查规则集（不加 DIR 时检查内置的）",
		ZhHant: "檢查規則集（不加 DIR 時檢查內建的）",
		KO:     "규칙 세트를 검사합니다(DIR 없으면 내장된 것)",
	},
	about: []screening.Text{
		{
			JA:     "ルールセット（DIR、または組み込みのもの）を検査し、すべての問題をファイル・行・項目つきで表示します: 不明なキー、IDの重複、参照の誤り、出典キーの誤り、訳の抜け、網羅漏れ。問題がなければ終了コード 0、あれば 2 です。",
			EN:     "Validates a rule set (DIR, or the embedded one) and prints every problem with file, line and field: unknown keys, duplicate ids, bad references, unknown source keys, missing translations and coverage gaps. Exit status 0 when it passes, 2 when it does not.",
			ZhHans: "检查规则集（DIR 或内置的），并列出所有问题及其文件、行和项目：未知的键、重复的 ID、错误的引用、错误的出处键、缺少的译文、覆盖遗漏。没有问题时退出码为 0，有问题时为 2。",
			ZhHant: "檢查規則集（DIR 或內建的），並列出所有問題及其檔案、行和項目：未知的鍵、重複的 ID、錯誤的引用、錯誤的出處鍵、缺少的譯文、涵蓋遺漏。沒有問題時結束碼為 0，有問題時為 2。",
			KO:     "규칙 세트(DIR 또는 내장된 것)를 검사하고 모든 문제를 파일, 행, 항목과 함께 표시합니다: 알 수 없는 키, ID 중복, 잘못된 참조, 잘못된 출처 키, 빠진 번역, 누락된 경우. 문제가 없으면 종료 코드 0, 있으면 2입니다.",
		},
	},
	examples: []example{
		{"exoscreen lint", screening.Text{
			JA:     "組み込みのルールセットを検査します",
			EN:     "check the embedded rule set",
			ZhHans: "检查内置的规则集",
			ZhHant: "檢查內建的規則集",
			KO:     "내장된 규칙 세트를 검사합니다",
		}},
		{"exoscreen lint --lang en ./my-clinic", screening.Text{
			JA:     "医療機関のルールセットを検査します（英語で）",
			EN:     "check a clinic's own rule set, in English",
			ZhHans: "检查医疗机构的规则集（用英语）",
			ZhHant: "檢查醫療機構的規則集（用英語）",
			KO:     "의료기관의 규칙 세트를 검사합니다(영어로)",
		}},
	},
	run: func(e *env, o *options, args []string) int { return e.lint(o, args) },
}

var questionnaireCommand = &command{
	name: "questionnaire",
	summary: screening.Text{
		JA:     "質問を FHIR R4 の Questionnaire、JSON、テキストで出します",
		EN:     "the questions as a FHIR R4 Questionnaire, JSON or text",
		ZhHans: "以 FHIR R4 Questionnaire、JSON 或文本输出问题",
		ZhHant: "以 FHIR R4 Questionnaire、JSON 或文字輸出問題",
		KO:     "질문을 FHIR R4 Questionnaire, JSON, 텍스트로 냅니다",
	},
	about: []screening.Text{
		{
			JA:     "ルールセットの質問を書き出します。既定は FHIR R4 の Questionnaire です（linkId は質問ID、回答はルールセットのコードシステムのコード、表示条件は enableWhen、version はルールセットのバージョン）。--lang の言語で書き、もう一方の言語は翻訳として入ります。",
			EN:     "Writes the rule set's questions: as a FHIR R4 Questionnaire by default (linkId = question id, answer codes in the rule set's code system, enableWhen from the conditions, version = rule set version). Texts are in the --lang language, the other one goes in translations.",
			ZhHans: "输出规则集的问题。默认为 FHIR R4 Questionnaire（linkId 为问题 ID，回答为规则集代码系统中的代码，显示条件为 enableWhen，version 为规则集版本）。以 --lang 的语言书写，其他声明的语言作为翻译加入。",
			ZhHant: "輸出規則集的問題。預設為 FHIR R4 Questionnaire（linkId 為問題 ID，回答為規則集代碼系統中的代碼，顯示條件為 enableWhen，version 為規則集版本）。以 --lang 的語言書寫，其他宣告的語言作為翻譯加入。",
			KO:     "규칙 세트의 질문을 씁니다. 기본은 FHIR R4 Questionnaire 입니다(linkId 는 질문 ID, 답변은 규칙 세트 코드 시스템의 코드, 표시 조건은 enableWhen, version 은 규칙 세트 버전). --lang 의 언어로 쓰고, 선언한 다른 언어는 번역으로 들어갑니다.",
		},
	},
	flags:         []flagGroup{{names: []string{"format", "fhir-base"}}},
	formats:       questionnaireFormatList(),
	defaultFormat: "fhir",
	examples: []example{
		{"exoscreen questionnaire > questionnaire.json", screening.Text{
			JA:     "FHIR R4 の Questionnaire",
			EN:     "the FHIR R4 Questionnaire",
			ZhHans: "FHIR R4 Questionnaire",
			ZhHant: "FHIR R4 Questionnaire",
			KO:     "FHIR R4 Questionnaire",
		}},
		{"exoscreen questionnaire --format text --lang en", screening.Text{
			JA:     "確認用に質問を英語で",
			EN:     "the questions in English, to review",
			ZhHans: "用英语输出问题以便核对",
			ZhHant: "用英語輸出問題以便核對",
			KO:     "확인용으로 질문을 영어로",
		}},
		{"exoscreen questionnaire --fhir-base https://fhir.clinic.example.jp/fhir", screening.Text{
			JA:     "医療機関の FHIR サーバーの正規URLで",
			EN:     "with canonical URLs on the clinic's FHIR server",
			ZhHans: "使用医疗机构 FHIR 服务器的规范 URL",
			ZhHant: "使用醫療機構 FHIR 伺服器的正式 URL",
			KO:     "의료기관 FHIR 서버의 정규 URL 로",
		}},
	},
	run: func(e *env, o *options, args []string) int { return e.questionnaire(o, args) },
}

var inboxCommand = &command{
	name: "inbox",
	summary: screening.Text{
		JA:     "キオスクの結果をスタッフが見ます",
		EN:     "staff view of kiosk results",
		ZhHans: "工作人员查看自助终端的结果",
		ZhHant: "工作人員查看自助終端的結果",
		KO:     "직원이 키오스크의 결과를 봅니다",
	},
	about: []screening.Text{
		{
			JA:     "キオスクの問診結果をスタッフが見る画面です。端末では新しい順の一覧（日時、受付番号か氏名、判定、要確認の数、確認済み）を表示し、キオスクが結果を書くとすぐに加わります。enter で要約を開き、r で確認済み（の取り消し）、e でテキストをファイルに書き出し、p で印刷、d で削除（y で確定）します。結果として読めないファイルは理由つきで一覧に出ます。",
			EN:     "The staff view of kiosk results. In a terminal it is a live list, newest first (time, reception number or name, verdict, findings to confirm, reviewed); new results appear as kiosks write them. enter opens a result's summary; r marks it reviewed (or not); e writes its text to a file; p prints it; d deletes it (after y). Files that are not readable results are listed with the reason.",
			ZhHans: "工作人员查看自助终端问诊结果的画面。在终端中按从新到旧显示列表（日期时间、挂号号码或姓名、判定、需确认数、已确认），自助终端写入结果后立即加入。enter 打开摘要，r 标记已确认（或取消），e 将文本导出到文件，p 打印，d 删除（按 y 确定）。无法作为结果读取的文件会附上理由列出。",
			ZhHant: "工作人員查看自助終端問診結果的畫面。在終端中按從新到舊顯示列表（日期時間、掛號號碼或姓名、判定、需確認數、已確認），自助終端寫入結果後立即加入。enter 開啟摘要，r 標記已確認（或取消），e 將文字匯出到檔案，p 列印，d 刪除（按 y 確定）。無法作為結果讀取的檔案會附上理由列出。",
			KO:     "직원이 키오스크의 문진 결과를 보는 화면입니다. 단말에서는 최신순 목록(일시, 접수 번호나 성명, 판정, 확인 필요 수, 확인함)을 표시하고, 키오스크가 결과를 쓰면 바로 추가됩니다. enter 로 요약을 열고, r 로 확인함(취소), e 로 텍스트를 파일로 내보내기, p 로 인쇄, d 로 삭제(y 로 확정)합니다. 결과로 읽을 수 없는 파일은 이유와 함께 목록에 나옵니다.",
		},
		{
			JA:     "--format を付けるか、端末でないときは、画面を使わずに一覧を出力します（スクリプト用）。",
			EN:     "With --format, or when not on a terminal, it lists the results without the screen (for scripts).",
			ZhHans: "加上 --format 或不在终端时，不使用画面直接输出列表（供脚本使用）。",
			ZhHant: "加上 --format 或不在終端時，不使用畫面直接輸出列表（供指令碼使用）。",
			KO:     "--format 을 붙이거나 단말이 아닐 때는 화면 없이 목록을 출력합니다(스크립트용).",
		},
	},
	flags:   []flagGroup{{names: []string{"outbox", "format", "print-command"}}},
	formats: inboxFormatList(),
	examples: []example{
		{"exoscreen inbox --outbox /srv/exoscreen/outbox", screening.Text{
			JA:     "スタッフの画面",
			EN:     "the staff screen",
			ZhHans: "工作人员画面",
			ZhHant: "工作人員畫面",
			KO:     "직원 화면",
		}},
		{"exoscreen inbox --outbox /srv/exoscreen/outbox --format json", screening.Text{
			JA:     "スクリプト用の一覧",
			EN:     "the list, for scripts",
			ZhHans: "供脚本使用的列表",
			ZhHant: "供指令碼使用的列表",
			KO:     "스크립트용 목록",
		}},
	},
	run: func(e *env, o *options, args []string) int { return e.inbox(o, args) },
}

var helpCommand = &command{
	name: "help",
	args: "[COMMAND]",
	summary: screening.Text{
		JA:     "ヘルプを表示します",
		EN:     "show help",
		ZhHans: "显示帮助",
		ZhHant: "顯示說明",
		KO:     "도움말을 표시합니다",
	},
	about: []screening.Text{
		{
			JA:     "exoscreen かそのコマンドのヘルプを --lang の言語で表示します。どのコマンドでも、--help を付けると同じものが出ます。",
			EN:     "Shows the help of exoscreen or of one of its commands, in the language of --lang. Any command given --help shows the same.",
			ZhHans: "以 --lang 的语言显示 exoscreen 或其命令的帮助。任何命令加上 --help 都会显示相同内容。",
			ZhHant: "以 --lang 的語言顯示 exoscreen 或其命令的說明。任何命令加上 --help 都會顯示相同內容。",
			KO:     "exoscreen 이나 그 명령의 도움말을 --lang 의 언어로 표시합니다. 어느 명령이든 --help 를 붙이면 같은 것이 나옵니다.",
		},
	},
	examples: []example{
		{"exoscreen help evaluate --lang en", screening.Text{
			JA:     "evaluate のヘルプ（英語）",
			EN:     "the help of evaluate, in English",
			ZhHans: "evaluate 的帮助（英语）",
			ZhHant: "evaluate 的說明（英語）",
			KO:     "evaluate 도움말(영어)",
		}},
	},
	// run is nil: help reads the table of commands, which holds help (run calls e.helpCmd).
}

var kioskUnlockCommand = &command{
	name: "kiosk-unlock",
	summary: screening.Text{
		JA:     "キオスクの暗証番号ロックを解除します",
		EN:     "release the kiosks' staff PIN lockout",
		ZhHans: "解除自助终端的密码锁定",
		ZhHant: "解除自助終端的密碼鎖定",
		KO:     "키오스크의 비밀번호 잠금을 해제합니다",
	},
	about: []screening.Text{
		{
			JA:     "--outbox に結果を書くキオスクの暗証番号ロック（3 回まちがえると入力できなくなり、その後は 1 回ごとに 2 倍、最長 15 分）を解除します。キオスクと同じ OS ユーザーで、別の端末や SSH から実行してください。スタッフが F12 を押すと、すぐに暗証番号を入力できます。",
			EN:     "Releases the staff PIN lockout of the kiosks writing to --outbox (three wrong PINs lock the prompt, each further lockout doubles up to 15 minutes). Run it as the kiosks' OS user, from another terminal or over SSH; the kiosks accept the PIN again as soon as staff press F12.",
			ZhHans: "解除向 --outbox 写入结果的自助终端的密码锁定（输错 3 次后无法输入，之后每次加倍，最长 15 分钟）。请以与自助终端相同的 OS 用户，从其他终端或 SSH 运行。工作人员按 F12 后即可立即输入密码。",
			ZhHant: "解除向 --outbox 寫入結果的自助終端的密碼鎖定（輸錯 3 次後無法輸入，之後每次加倍，最長 15 分鐘）。請以與自助終端相同的 OS 使用者，從其他終端或 SSH 執行。工作人員按 F12 後即可立即輸入密碼。",
			KO:     "--outbox 에 결과를 쓰는 키오스크의 비밀번호 잠금(3번 틀리면 입력할 수 없고, 그 뒤로는 매번 2배, 최대 15분)을 해제합니다. 키오스크와 같은 OS 사용자로 다른 단말이나 SSH 에서 실행해 주십시오. 직원이 F12 를 누르면 바로 비밀번호를 입력할 수 있습니다.",
		},
	},
	flags: []flagGroup{{names: []string{"outbox"}}},
	examples: []example{
		{"exoscreen kiosk-unlock --outbox /srv/exoscreen/outbox", screening.Text{
			JA:     "ロックを解除します",
			EN:     "release the lockout",
			ZhHans: "解除锁定",
			ZhHant: "解除鎖定",
			KO:     "잠금을 해제합니다",
		}},
	},
	run: func(e *env, o *options, args []string) int { return e.kioskUnlock(o, args) },
}
