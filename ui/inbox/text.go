package inbox

import (
	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
)

// messages are the inbox's words, for staff. Every key has both languages;
// TestMessagesComplete checks it.
var baseMessages = i18n.Catalog{
	"title":           {JA: "問診結果の受信箱", EN: "Screening inbox"},
	"count":           {JA: "%d件（未確認 %d件）", EN: "%d results (%d not reviewed)"},
	"empty":           {JA: "まだ結果はありません。キオスクで問診が終わると、ここに表示されます。", EN: "No results yet. They appear here as soon as a kiosk screening is finished."},
	"col.time":        {JA: "日時", EN: "Time"},
	"col.who":         {JA: "受付番号/氏名", EN: "Reception / name"},
	"col.verdict":     {JA: "判定", EN: "Verdict"},
	"col.confirm":     {JA: "要確認", EN: "Confirm"},
	"col.reviewed":    {JA: "確認", EN: "Reviewed"},
	"reviewed":        {JA: "済", EN: "yes"},
	"nodetails":       {JA: "（情報なし）", EN: "(no details)"},
	"unreadable":      {JA: "読めません", EN: "unreadable"},
	"key.choose":      {JA: "選ぶ", EN: "choose"},
	"key.open":        {JA: "開く", EN: "open"},
	"key.reviewed":    {JA: "確認済み", EN: "reviewed"},
	"key.export":      {JA: "書き出し", EN: "export"},
	"key.print":       {JA: "印刷", EN: "print"},
	"key.delete":      {JA: "削除", EN: "delete"},
	"key.pending":     {JA: "未確認のみ", EN: "unreviewed only"},
	"key.quit":        {JA: "終了", EN: "quit"},
	"key.scroll":      {JA: "スクロール", EN: "scroll"},
	"key.back":        {JA: "一覧へ", EN: "back"},
	"filter.pending":  {JA: "[未確認のみ]", EN: "[not reviewed only]"},
	"confirm.delete":  {JA: "この結果を削除します。元に戻せません。よろしいですか？（y/n）", EN: "Delete this result? This cannot be undone. (y/n)"},
	"confirm.file":    {JA: "このファイルを削除します。よろしいですか？（y/n）", EN: "Delete this file? (y/n)"},
	"export.prompt":   {JA: "書き出すファイル名（パス）。Enter で保存、Esc でやめます。", EN: "File name (path) to write. Enter saves, Esc cancels."},
	"export.done":     {JA: "書き出しました: %s", EN: "Written: %s"},
	"export.exists":   {JA: "そのファイルはすでにあります。別の名前にしてください。", EN: "That file already exists; choose another name."},
	"failed":          {JA: "できませんでした: %s", EN: "Failed: %s"},
	"printed":         {JA: "印刷に送りました（%s）。", EN: "Sent to the printer (%s)."},
	"noprint":         {JA: "印刷コマンドが設定されていません（--print-command）。", EN: "No print command (--print-command)."},
	"deleted":         {JA: "削除しました。", EN: "Deleted."},
	"marked":          {JA: "確認済みにしました。", EN: "Marked as reviewed."},
	"unmarked":        {JA: "未確認に戻しました。", EN: "Marked as not reviewed."},
	"new":             {JA: "新しい結果が届きました: %d件", EN: "New results: %d"},
	"folder":          {JA: "フォルダー: %s", EN: "Folder: %s"},
	"folder.error":    {JA: "フォルダーを読めません: %s", EN: "Cannot read the folder: %s"},
	"nosummary":       {JA: "要約ファイルがないため、結果ファイルから表示しています。", EN: "The summary file is missing; shown from the result file."},
	"summary.refused": {JA: "要約ファイルはありますが、開きませんでした（%s）。結果ファイルから表示しています。", EN: "The summary file exists but was not opened (%s); shown from the result file."},
	"cut":             {JA: "長すぎるため一部だけ表示しています（%d バイト）。全文は e 書き出し か p 印刷 で。", EN: "Shown cut: the file is too long to show whole (%d bytes). e export or p print give the whole text."},
	"opening":         {JA: "開いています...", EN: "Opening..."},
	"loading":         {JA: "読み込み中: %d / %d件", EN: "Reading: %d of %d"},
	"printing":        {JA: "印刷に送っています...", EN: "Sending to the printer..."},
	"print.timeout":   {JA: "印刷コマンド（%s）が %v 以内に終わらなかったため、止めました。", EN: "The print command (%s) did not finish within %v and was stopped."},
	"problem":         {JA: "このファイルは結果として読めません: %s", EN: "This file cannot be read as a result: %s"},
	"patient":         {JA: "患者情報", EN: "Patient"},
	"verdict":         {JA: "判定", EN: "Verdict"},
	"answer":          {JA: "回答", EN: "Answer"},
	"patientLang":     {JA: "患者の言語", EN: "Patient's language"},
	"reason":          {JA: "理由", EN: "Reason"},
	"lines":           {JA: "%d-%d行 / %d行", EN: "lines %d-%d of %d"},
}

func tr(lang screening.Lang, key string, args ...any) string {
	return messages.Get(lang, key, args...)
}
