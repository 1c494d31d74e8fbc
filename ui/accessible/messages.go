package accessible

import (
	"fmt"

	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
)

// messages are every fixed text the accessible mode prints, in both languages. Rules for
// them (checked by TestMessages): plain ASCII structure, no East-Asian-ambiguous glyphs, and
// Japanese lines use Latin letters only for what is typed (b, q, unsure, ...) and key names.
var baseMessages = i18n.Catalog{
	"intro1": {
		JA: "質問に1つずつお答えください。答えの番号を入力して Enter キーを押します。",
		EN: "Answer the questions one at a time: type the number of your answer and press Enter.",
	},
	"intro2": {
		JA: "前の質問に戻るときは b、説明を見るときは ?、中止するときは q を入力します。",
		EN: "Type b to go back to the previous question, ? for help, or q to quit.",
	},
	"current":     {JA: "今の回答: %s", EN: "Current answer: %s"},
	"currentKeep": {JA: "Enter キーだけを押すと、今の回答のままにします。", EN: "Press Enter alone to keep it."},
	"currentClear": {
		JA: "回答を取り消すときは - を入力します。",
		EN: "Type - to remove the answer.",
	},
	"answer": {JA: "回答: %s", EN: "Answer: %s"},
	"noAnswer": {
		JA: "回答なし",
		EN: "no answer",
	},
	"promptSingle":   {JA: "番号を入力してください（1-%d）: ", EN: "Enter a number (1-%d): "},
	"promptMulti":    {JA: "番号をいくつでも入力してください（例: 1,3）: ", EN: "Enter any numbers (for example 1,3): "},
	"promptMultiOpt": {JA: "番号をいくつでも入力してください（例: 1,3。なければ空欄）: ", EN: "Enter any numbers (for example 1,3; empty for none): "},
	"promptInteger":  {JA: "%dから%dまでの数を入力してください: ", EN: "Enter a number from %d to %d: "},
	"promptUnit":     {JA: "%dから%dまでの数を入力してください（単位: %s）: ", EN: "Enter a number from %d to %d (%s): "},
	"promptUnsure": {
		JA: "わからないときは「わかりません」と入力してください。",
		EN: "If you do not know, type unsure.",
	},
	"promptText":    {JA: "入力してください: ", EN: "Type your answer: "},
	"promptTextOpt": {JA: "入力してください（なければ空欄）: ", EN: "Type your answer (empty for none): "},

	"errEmpty":     {JA: "この質問には回答が必要です。", EN: "This question needs an answer."},
	"errNotChoice": {JA: "「%s」は選択肢にありません。", EN: "\"%s\" is not one of the choices."},
	"errNotNumber": {JA: "「%s」は数として読めません。", EN: "\"%s\" is not a number."},
	"errRange":     {JA: "%s は範囲外です。", EN: "%s is out of range."},
	"errNoUnsure":  {JA: "この質問では「わかりません」は選べません。", EN: "This question cannot be answered unsure."},
	"errTooLong":   {JA: "長すぎます。%d文字以内で入力してください。", EN: "Too long: type at most %d characters."},
	"errNotUTF8": {
		JA: "読めない文字が含まれています。UTF-8 の文字で入力してください。",
		EN: "The input contains characters that cannot be read; use UTF-8 text.",
	},
	"expSingle": {
		JA: "1から%dまでの番号か、記号（%s）を入力してください。",
		EN: "Enter a number from 1 to %d, or a code (%s).",
	},
	"expMulti": {
		JA: "1から%dまでの番号を、カンマか空白で区切って入力してください。",
		EN: "Enter numbers from 1 to %d separated by commas or spaces.",
	},
	"expEmptyNone":    {JA: "あてはまるものがなければ空欄のまま Enter キーを押します。", EN: "If none apply, press Enter alone."},
	"expInteger":      {JA: "%dから%dまでの整数で入力してください。", EN: "Enter a whole number from %d to %d."},
	"expIntegerUnit":  {JA: "%dから%dまでの整数で入力してください（単位: %s）。", EN: "Enter a whole number from %d to %d (%s)."},
	"expUnsure":       {JA: "わからないときは「わかりません」と入力してください。", EN: "If you do not know, type unsure."},
	"expText":         {JA: "文字で入力してください。", EN: "Type your answer as text."},
	"expTextOptional": {JA: "文字で入力してください。なければ空欄のまま Enter キーを押します。", EN: "Type your answer, or press Enter alone for none."},

	"firstQuestion": {JA: "これが最初の質問です。", EN: "This is the first question."},
	"pruned1": {
		JA: "この回答により不要になった質問が 1 件あり、その回答を取り消しました。",
		EN: "1 question no longer applies after this answer; its answer was removed.",
	},
	"pruned": {
		JA: "この回答により不要になった質問が %d 件あり、その回答を取り消しました。",
		EN: "%d questions no longer apply after this answer; their answers were removed.",
	},

	"helpTitle":  {JA: "説明", EN: "Help"},
	"helpKeys":   {JA: "入力できるもの:", EN: "What you can type:"},
	"helpAnswer": {JA: "  番号か記号   回答します", EN: "  a number or code   answer the question"},
	"helpBack":   {JA: "  b            前の質問に戻ります", EN: "  b                  go back to the previous question"},
	"helpReview": {JA: "  r            ここまでの回答を一覧にします", EN: "  r                  list the answers so far"},
	"helpHelp":   {JA: "  ?            この説明を表示します", EN: "  ?                  show this help"},
	"helpQuit":   {JA: "  q            問診を中止します（回答は残りません）", EN: "  q                  quit (no answers are kept)"},

	"quitConfirm": {
		JA: "中止すると、ここまでの回答はすべて破棄されます。中止しますか（y/n）: ",
		EN: "Quitting discards every answer given so far. Quit? (y/n): ",
	},
	"quitNo": {JA: "問診を続けます。", EN: "Continuing the screening."},

	"reviewTitle":    {JA: "回答の確認", EN: "Review your answers"},
	"reviewSoFar":    {JA: "ここまでの回答", EN: "Answers so far"},
	"reviewNone":     {JA: "まだ回答はありません。", EN: "No answers yet."},
	"reviewPrompt":   {JA: "回答を変える質問の番号を入力してください。このままでよければ Enter キーを押します: ", EN: "To change an answer, enter its number. To confirm, press Enter: "},
	"reviewMidway":   {JA: "回答を変える質問の番号を入力してください。Enter キーで質問に戻ります: ", EN: "To change an answer, enter its number. Press Enter to return to the question: "},
	"reviewBad":      {JA: "「%s」は一覧にありません。1から%dまでの番号を入力してください。", EN: "\"%s\" is not in the list. Enter a number from 1 to %d."},
	"reviewHelp":     {JA: "  番号         その質問の回答を変えます", EN: "  a number           change the answer to that question"},
	"reviewHelpOK":   {JA: "  Enter        回答を確定して結果を表示します", EN: "  Enter              confirm the answers and show the result"},
	"reviewHelpBack": {JA: "  Enter        質問に戻ります", EN: "  Enter              return to the question"},

	"errQuit":        {JA: "問診を中止しました。回答は残っていません。", EN: "The screening was quit. No answers were kept."},
	"errEnded":       {JA: "問診が終わる前に入力が終わりました。結果は出していません。", EN: "The input ended before the screening was complete. No result was produced."},
	"errInterrupted": {JA: "問診を中断しました。結果は出していません。", EN: "The screening was interrupted. No result was produced."},
	"errInvalid": {
		JA: "%s: 回答として使えない入力があったため、問診を止めました。結果は出していません。\n  %s",
		EN: "%s: stopped, as the input is not a usable answer. No result was produced.\n  %s",
	},
	"errInvalidReview": {
		JA: "回答の確認で「%s」は使えないため、問診を止めました。結果は出していません。",
		EN: "Stopped at the review: \"%s\" is not one of the numbers listed. No result was produced.",
	},
	"errSave": {JA: "結果を保存できませんでした: %s", EN: "The result could not be saved: %s"},
	"done":    {JA: "問診が終わりました。結果は次のとおりです。", EN: "The screening is complete. Here is the result."},
}

// tr returns message key in lang, formatted with args.
func tr(lang screening.Lang, key string, args ...any) string {
	t, ok := messages[key]
	if !ok {
		panic("accessible: no message " + key)
	}
	if len(args) == 0 {
		return t.In(lang)
	}
	return fmt.Sprintf(t.In(lang), args...)
}
