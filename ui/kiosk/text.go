package kiosk

import (
	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
)

// messages are the kiosk's words. Patient-facing ones are short, polite Japanese and plain
// English; staff-facing ones (staff.*, pin.*) are shown in the staff language. Every key has
// both languages; TestMessagesComplete checks it.
var baseMessages = i18n.Catalog{
	// welcome (both languages at once: the patient has not chosen yet)
	"welcome.title":  {JA: "ようこそ", EN: "Welcome"},
	"welcome.intro":  {JA: "治療の前に、いくつかの質問にお答えください。", EN: "Before your treatment, please answer a few questions."},
	"welcome.choose": {JA: "ご希望の言語をお選びください。", EN: "Please choose your language."},
	"welcome.keys":   {JA: "上下のキーで選び、Enter キーを押してください。", EN: "Use the up and down keys, then press Enter."},

	// patient details
	"details.title":       {JA: "受付の情報を入力してください", EN: "Please enter your details"},
	"details.reception":   {JA: "受付番号", EN: "Reception number"},
	"details.reception.h": {JA: "受付でお渡しした番号です（例: 12）。", EN: "The number you were given at reception (for example 12)."},
	"details.name":        {JA: "お名前", EN: "Your name"},
	"details.name.h":      {JA: "例: 山田 花子", EN: "For example: Hanako Yamada"},
	"details.dob":         {JA: "生年月日", EN: "Date of birth"},
	"details.dob.h":       {JA: "西暦・年-月-日でご入力ください（例: 1980-04-15）。", EN: "Year-month-day (for example 1980-04-15)."},
	"details.keys":        {JA: "Enter キーで次へ進みます。Esc キーで言語の選択に戻ります。", EN: "Press Enter to go on. Press Esc to go back to the language choice."},
	"err.required":        {JA: "ご入力ください。", EN: "Please fill this in."},
	"err.reception":       {JA: "数字と英字でご入力ください（20文字まで）。", EN: "Please use numbers and letters only (up to 20)."},
	"err.name.long":       {JA: "60文字まででご入力ください。", EN: "Please use at most 60 characters."},
	"err.name.chars":      {JA: "使えない文字が含まれています。", EN: "This contains characters that cannot be used."},
	"err.dob.format":      {JA: "年-月-日の形でご入力ください（例: 1980-04-15）。", EN: "Please write year-month-day (for example 1980-04-15)."},
	"err.dob.date":        {JA: "この日付はありません。もう一度ご確認ください。", EN: "This date does not exist. Please check it."},
	"err.dob.range":       {JA: "生年月日をもう一度ご確認ください。", EN: "Please check your date of birth."},

	// saving and completion
	"saving":       {JA: "回答を保存しています。少々お待ちください。", EN: "Saving your answers. One moment, please."},
	"done.title":   {JA: "ご回答ありがとうございました", EN: "Thank you for your answers"},
	"done.tell":    {JA: "受付に「終わりました」とお声がけください。", EN: "Please tell the reception that you have finished."},
	"done.doctor":  {JA: "治療ができるかどうかは、医師が判断します。", EN: "A doctor will decide about your treatment."},
	"done.result":  {JA: "問診の結果", EN: "Your screening result"},
	"done.noitems": {JA: "治療の妨げになる回答はありませんでした。", EN: "None of your answers stands against the treatment."},
	"done.items":   {JA: "医師が確認する項目:", EN: "For the doctor to check:"},
	"done.confirm": {JA: "[要確認]", EN: "[CONFIRM]"},
	"done.reset":   {JA: "%d 秒後に最初の画面に戻ります。どれかキーを押すとすぐに戻ります。", EN: "This screen closes in %d seconds, or press any key."},
	"failed.title": {JA: "申し訳ありません", EN: "We are sorry"},
	"failed.body":  {JA: "回答を保存できませんでした。回答は消えていません。", EN: "Your answers could not be saved. They are not lost."},
	"failed.staff": {JA: "お手数ですが、スタッフをお呼びください。", EN: "Please ask a member of staff for help."},

	// idle
	"idle.title": {JA: "まだ続けますか？", EN: "Are you still there?"},
	"idle.body":  {JA: "続ける場合は、どれかキーを押してください。", EN: "To carry on, please press any key."},
	"idle.count": {JA: "%d 秒後に回答を消して、最初の画面に戻ります。", EN: "In %d seconds your answers will be cleared and the kiosk will start again."},

	// staff PIN (staff language)
	"pin.title":    {JA: "スタッフ用画面", EN: "Staff only"},
	"pin.prompt":   {JA: "暗証番号を入力して Enter を押してください。Esc で戻ります。", EN: "Enter the PIN and press Enter. Esc goes back."},
	"pin.released": {JA: "ロックが解除されました（kiosk-unlock）。暗証番号を入力してください。", EN: "The lock was released (kiosk-unlock). Enter the PIN."},
	"pin.wrong":    {JA: "暗証番号が違います（あと %d 回）。", EN: "Wrong PIN (%d tries left)."},
	"pin.locked":   {JA: "間違いが続いたため、%d 秒間は入力できません。", EN: "Too many wrong tries: locked for %d seconds."},

	// staff menu (staff language)
	"staff.title":           {JA: "スタッフメニュー", EN: "Staff menu"},
	"staff.resume":          {JA: "キオスクに戻る", EN: "Back to the kiosk"},
	"staff.retry":           {JA: "保存をやり直す", EN: "Retry saving"},
	"staff.elsewhere":       {JA: "別のフォルダーに保存する", EN: "Save in another folder"},
	"staff.discard":         {JA: "保存していない結果を破棄する", EN: "Discard the unsaved result"},
	"staff.exit":            {JA: "キオスクを終了する", EN: "Quit the kiosk"},
	"staff.pending":         {JA: "保存できていない結果が1件あります: %s", EN: "One result is not saved: %s"},
	"staff.saved":           {JA: "保存しました（%s）。", EN: "Saved (%s)."},
	"staff.failed":          {JA: "保存できませんでした: %s", EN: "Could not save: %s"},
	"staff.keys":            {JA: "上下キーで選び Enter。Esc でキオスクに戻ります。", EN: "Up/down to choose, Enter to do it, Esc back to the kiosk."},
	"staff.dir":             {JA: "保存先のフォルダー（なければ作ります）", EN: "Folder to save in (created if missing)"},
	"staff.dir.keys":        {JA: "Enter で保存、Esc でやめます。", EN: "Enter saves, Esc cancels."},
	"staff.confirm.discard": {JA: "保存していない結果を破棄します。よろしいですか？ （y/n）", EN: "Discard the unsaved result? (y/n)"},
	"staff.confirm.exit":    {JA: "保存していない結果は失われます。終了しますか？ （y/n）", EN: "The unsaved result will be lost. Quit? (y/n)"},
	"staff.warning":         {JA: "注意: %s", EN: "Warning: %s"},
	"staff.outbox":          {JA: "結果の保存先: %s", EN: "Results go to: %s"},

	// shown beside a language whose translation is not reviewed yet
	"unreviewed": {JA: "この言語の訳は、まだこの言語の医師による確認を受けていません。", EN: "This translation has not yet been reviewed by a clinician who speaks this language."},
}

// tr returns message key in lang, formatted with args when given.
func tr(lang screening.Lang, key string, args ...any) string {
	return messages.Get(lang, key, args...)
}
