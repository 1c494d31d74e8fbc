package main

import (
	"fmt"

	"github.com/exoscreen/exoscreen/screening"
)

var usageText = map[screening.Lang]map[string]string{
	screening.EN: {
		"": `exoscreen: screening before stem-cell culture supernatant / exosome therapy

Usage:
  exoscreen [flags]                      interactive screening in the terminal
  exoscreen evaluate [flags] [FILE|-]    screen answers from a JSON file or stdin
  exoscreen lint [flags] [DIR]           check a rule set (the embedded one without DIR)
  exoscreen questionnaire [flags]        the questions as a FHIR R4 Questionnaire (or json, text)
  exoscreen help [COMMAND]               show help

Common flags:
  --lang ja|en       language (default from LC_ALL/LANG, falling back to ja)
  --content DIR      use the clinic rule set in DIR instead of the embedded one

Interactive screening flags:
  --export FILE      save the printable summary to FILE (mode 0600) when the screening is done
  --accessible       ask line by line (screen readers, pipes); also chosen by itself when
                     TERM=dumb or stdin/stdout is not a terminal
Keys: up/down choose, enter next, esc back, s save (summary), ctrl+c quit (asks first).

Exit status: 0 done, 1 runtime failure, 2 bad usage or bad input.
The verdict is never encoded in the exit status.
`,
		"evaluate": `Usage: exoscreen evaluate [flags] [FILE|-]

Screens answers without a terminal UI. FILE (or stdin, with - or no FILE) holds one JSON
object keyed by question id, or JSON Lines (one object a line). Each record gets its own
result or its own error; errors name the line, the question and what was expected.

Flags:
  --format text|json|fhir   output format (default text): the printable summary (80 columns;
                            a batch has one page per record), the JSON result
                            (docs/schema/result.schema.json, JSON Lines for a batch) or a
                            FHIR R4 Bundle a line (NDJSON)
  --clinic NAME             clinic name printed on summaries (default $EXOSCREEN_CLINIC)
  --fhir-base URL           base of the FHIR canonical URLs (default $EXOSCREEN_FHIR_BASE;
                            without it, urn:uuid URLs derived from the rule set id)
  --lang ja|en              language of reasons and messages
  --content DIR             use the clinic rule set in DIR

Results are stamped with the time they were screened, in the machine's time zone. For tests
and reproducible examples only, EXOSCREEN_NOW=2026-11-21T10:30:00+09:00 fixes that time
(and makes the result ids repeatable).

Example:
  echo '{"pregnancy":"pregnant","breastfeeding":"no", ...}' | exoscreen evaluate --format json
`,
		"lint": `Usage: exoscreen lint [flags] [DIR]

Validates a rule set (DIR, or the embedded one) and prints every problem with file, line
and field: unknown keys, duplicate ids, bad references, unknown source keys, missing
translations and coverage gaps. Exit status 0 when it passes, 2 when it does not.

Flags:
  --lang ja|en         language of the messages
`,
	},
	screening.JA: {
		"": `exoscreen: 幹細胞培養上清液・エクソソーム治療の事前問診

使い方:
  exoscreen [フラグ]                       端末で対話的に問診します
  exoscreen evaluate [フラグ] [FILE|-]     JSONファイルか標準入力の回答を判定します
  exoscreen lint [フラグ] [DIR]            ルールセットを検査します(DIRなしで組み込みのもの)
  exoscreen questionnaire [フラグ]         質問を FHIR R4 の Questionnaire で出します(json、text も)
  exoscreen help [コマンド]                ヘルプを表示します

共通のフラグ:
  --lang ja|en       表示言語(既定は LC_ALL/LANG から。なければ ja)
  --content DIR      組み込みではなく DIR にある医療機関のルールセットを使います

対話的な問診のフラグ:
  --export FILE      問診が終わったら、印刷用の結果を FILE に保存します(権限 0600)
  --accessible       1行ずつ質問します(スクリーンリーダー、パイプ向け)。TERM=dumb の
                     ときや、標準入出力が端末でないときも自動でこのモードになります
キー: up/down 選ぶ、enter 次へ、esc 戻る、s 保存(結果画面)、ctrl+c 終了(確認あり)。

終了コード: 0 完了、1 実行時の失敗、2 使い方か入力の誤り。
判定結果は終了コードに表れません。
`,
		"evaluate": `使い方: exoscreen evaluate [フラグ] [FILE|-]

画面を使わずに回答を判定します。FILE(- または省略で標準入力)には、質問IDを
キーとするJSONオブジェクト1つか、JSON Lines(1行に1オブジェクト)を書きます。
レコードごとに結果かエラーを出し、エラーは行・質問・期待される値を示します。

フラグ:
  --format text|json|fhir   出力形式(既定は text): 印刷用の結果(80桁。複数レコードは1件
                            1ページ)、JSON(docs/schema/result.schema.json。複数なら
                            JSON Lines)、FHIR R4 の Bundle を1行に1つ(NDJSON)
  --clinic NAME             結果に印刷する医療機関名(既定は $EXOSCREEN_CLINIC)
  --fhir-base URL           FHIR の正規URLの基点(既定は $EXOSCREEN_FHIR_BASE。なければ
                            ルールセットIDから作る urn:uuid)
  --lang ja|en              理由とメッセージの言語
  --content DIR             DIR にある医療機関のルールセットを使います

結果には判定した日時(このコンピュータのタイムゾーン)が入ります。テストや再現できる例の
ためだけに、EXOSCREEN_NOW=2026-11-21T10:30:00+09:00 でその日時を固定できます
(結果のIDも毎回同じになります)。
`,
		"lint": `使い方: exoscreen lint [フラグ] [DIR]

ルールセット(DIR、または組み込みのもの)を検査し、すべての問題をファイル・行・項目つきで
表示します: 不明なキー、IDの重複、参照の誤り、出典キーの誤り、訳の抜け、網羅漏れ。
問題がなければ終了コード 0、あれば 2 です。

フラグ:
  --lang ja|en         メッセージの言語
`,
	},
}

// help prints the usage of a command (or of exoscreen) in the environment's language.
func (e *env) help(args []string) int {
	lang := langFromEnv()
	cmd := ""
	if len(args) > 0 {
		cmd = args[0]
	}
	text, ok := usageText[lang][cmd]
	if !ok {
		fmt.Fprintf(e.stderr, "exoscreen help: unknown command %q\n", cmd)
		return exitUsage
	}
	fmt.Fprint(e.stdout, text)
	return exitOK
}
