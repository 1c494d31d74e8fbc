package serve

import (
	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
)

// messages are the words the server says to a client, in both languages (a session that has
// not chosen its language yet gets both, Japanese first, on lines of their own).
var baseMessages = i18n.Catalog{
	"closing": {JA: "サーバーを終了します。接続を閉じます。\nThe server is closing. Goodbye.", EN: "The server is closing. Goodbye.\nサーバーを終了します。接続を閉じます。"},
	"full": {JA: "ただいま端末がすべて使用中です。少し待ってから、もう一度接続してください。\nAll places are in use right now. Please try again in a moment.",
		EN: "All places are in use right now. Please try again in a moment.\nただいま端末がすべて使用中です。少し待ってから、もう一度接続してください。"},
	"nopty": {JA: "この接続には端末（pty）がないため、画面は使えません。1行ずつの問診で続けます（画面で答えるには ssh -t で接続してください）。\nThis connection has no terminal (pty), so the screen cannot be shown. Continuing line by line (connect with ssh -t for the screen).",
		EN: "This connection has no terminal (pty), so the screen cannot be shown. Continuing line by line (connect with ssh -t for the screen).\nこの接続には端末(pty)がないため、画面は使えません。1行ずつの問診で続けます(画面で答えるには ssh -t で接続してください)。"},
	"line.lang":       {JA: "言語 / Language: %s [%d]: ", EN: "Language / 言語: %s [%d]: "},
	"line.details":    {JA: "受付の情報を入力してください。", EN: "Please enter your details."},
	"line.saved":      {JA: "回答を保存しました（番号 %s）。受付にお知らせください。", EN: "Your answers were saved (number %s). Please tell the reception that you have finished."},
	"line.saveFailed": {JA: "回答を保存できませんでした。スタッフにお知らせください。", EN: "Your answers could not be saved. Please tell the staff."},
	"line.idle":       {JA: "しばらく操作がなかったため、問診を終了しました。回答は消去されました。", EN: "The screening ended after a while without input. The answers were discarded."},

	// the screening mode
	"scr.saving":     {JA: "保存しています...", EN: "Saving..."},
	"scr.saved":      {JA: "保存しました（番号 %s）。受付にお知らせください。q で終了します。", EN: "Saved (number %s). Please tell the reception. Press q to end."},
	"scr.saveFailed": {JA: "保存できませんでした。スタッフにお知らせください。r でもう一度、q で終了（回答は消えます）。", EN: "Could not be saved. Please tell the staff. r to try again, q to end (the answers are lost)."},
	"scr.quit":       {JA: "終了しますか？回答は保存されません。もう一度 ctrl+c で終了、ほかのキーで続けます。", EN: "End now? The answers will not be kept. ctrl+c again to end, any other key to go on."},
	"scr.idle":       {JA: "まだ続けますか？何かキーを押してください。あと%d秒で回答を消去して終了します。", EN: "Are you still there? Press any key. In %d s the answers are discarded and the session ends."},
}

// tr is the message key in lang.
func tr(lang screening.Lang, key string, args ...any) string {
	return messages.Get(lang, key, args...)
}
