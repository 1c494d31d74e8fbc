package serve

import (
	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
)

// messages are the words the server says to a client, in every language (a session that has
// not chosen its language yet gets both, Japanese first, on lines of their own).
var messages = i18n.Catalog{
	"closing": {
		JA:     "サーバーを終了します。接続を閉じます。\nThe server is closing. Goodbye.",
		EN:     "The server is closing. Goodbye.\nサーバーを終了します。接続を閉じます。",
		ZhHans: "服务器即将关闭。连接将断开。\nThe server is closing. Goodbye.",
		ZhHant: "伺服器即將關閉。連線將中斷。\nThe server is closing. Goodbye.",
		KO:     "서버를 종료합니다. 연결을 닫습니다.\nThe server is closing. Goodbye.",
	},
	"full": {
		JA:     "ただいま端末がすべて使用中です。少し待ってから、もう一度接続してください。\nAll places are in use right now. Please try again in a moment.",
		EN:     "All places are in use right now. Please try again in a moment.\nただいま端末がすべて使用中です。少し待ってから、もう一度接続してください。",
		ZhHans: "目前所有终端都在使用中。请稍候再连接。\nAll places are in use right now. Please try again in a moment.",
		ZhHant: "目前所有終端都在使用中。請稍候再連線。\nAll places are in use right now. Please try again in a moment.",
		KO:     "지금은 모든 단말기가 사용 중입니다. 잠시 후 다시 접속해 주십시오.\nAll places are in use right now. Please try again in a moment.",
	},
	"nopty": {
		JA:     "この接続には端末（pty）がないため、画面は使えません。1行ずつの問診で続けます（画面で答えるには ssh -t で接続してください）。\nThis connection has no terminal (pty), so the screen cannot be shown. Continuing line by line (connect with ssh -t for the screen).",
		EN:     "This connection has no terminal (pty), so the screen cannot be shown. Continuing line by line (connect with ssh -t for the screen).\nこの接続には端末(pty)がないため、画面は使えません。1行ずつの問診で続けます(画面で答えるには ssh -t で接続してください)。",
		ZhHans: "此连接没有终端（pty），无法显示画面。将逐行进行问诊（如需使用画面，请用 ssh -t 连接）。\nThis connection has no terminal (pty), so the screen cannot be shown. Continuing line by line (connect with ssh -t for the screen).",
		ZhHant: "此連線沒有終端（pty），無法顯示畫面。將逐行進行問診（如需使用畫面，請用 ssh -t 連線）。\nThis connection has no terminal (pty), so the screen cannot be shown. Continuing line by line (connect with ssh -t for the screen).",
		KO:     "이 연결에는 단말(pty)이 없어 화면을 쓸 수 없습니다. 한 줄씩 문진을 계속합니다(화면으로 답하려면 ssh -t 로 접속해 주십시오).\nThis connection has no terminal (pty), so the screen cannot be shown. Continuing line by line (connect with ssh -t for the screen).",
	},
	"line.lang": {
		JA:     "言語 / Language: %s [%d]: ",
		EN:     "Language / 言語: %s [%d]: ",
		ZhHans: "语言 / Language: %s [%d]: ",
		ZhHant: "語言 / Language: %s [%d]: ",
		KO:     "언어 / Language: %s [%d]: ",
	},
	"line.details": {
		JA:     "受付の情報を入力してください。",
		EN:     "Please enter your details.",
		ZhHans: "请输入您的挂号信息。",
		ZhHant: "請輸入您的掛號資訊。",
		KO:     "접수 정보를 입력해 주십시오.",
	},
	"line.saved": {
		JA:     "回答を保存しました（番号 %s）。受付にお知らせください。",
		EN:     "Your answers were saved (number %s). Please tell the reception that you have finished.",
		ZhHans: "您的回答已保存（号码 %s）。请告诉前台您已经填写完毕。",
		ZhHant: "您的回答已儲存（號碼 %s）。請告訴櫃檯您已經填寫完畢。",
		KO:     "답변을 저장했습니다(번호 %s). 접수처에 다 끝났다고 말씀해 주십시오.",
	},
	"line.saveFailed": {
		JA:     "回答を保存できませんでした。スタッフにお知らせください。",
		EN:     "Your answers could not be saved. Please tell the staff.",
		ZhHans: "无法保存您的回答。请告诉工作人员。",
		ZhHant: "無法儲存您的回答。請告訴工作人員。",
		KO:     "답변을 저장하지 못했습니다. 직원에게 알려 주십시오.",
	},
	"line.idle": {
		JA:     "しばらく操作がなかったため、問診を終了しました。回答は消去されました。",
		EN:     "The screening ended after a while without input. The answers were discarded.",
		ZhHans: "由于一段时间没有操作，问诊已结束。回答已被清除。",
		ZhHant: "由於一段時間沒有操作，問診已結束。回答已被清除。",
		KO:     "한동안 입력이 없어 문진을 끝냈습니다. 답변은 지워졌습니다.",
	},

	// the screening mode
	"scr.saving": {
		JA:     "保存しています...",
		EN:     "Saving...",
		ZhHans: "正在保存...",
		ZhHant: "正在儲存...",
		KO:     "저장하고 있습니다...",
	},
	"scr.saved": {
		JA:     "保存しました（番号 %s）。受付にお知らせください。q で終了します。",
		EN:     "Saved (number %s). Please tell the reception. Press q to end.",
		ZhHans: "已保存（号码 %s）。请告诉前台。按 q 结束。",
		ZhHant: "已儲存（號碼 %s）。請告訴櫃檯。按 q 結束。",
		KO:     "저장했습니다(번호 %s). 접수처에 알려 주십시오. q 키로 끝냅니다.",
	},
	"scr.saveFailed": {
		JA:     "保存できませんでした。スタッフにお知らせください。r でもう一度、q で終了（回答は消えます）。",
		EN:     "Could not be saved. Please tell the staff. r to try again, q to end (the answers are lost).",
		ZhHans: "无法保存。请告诉工作人员。按 r 重试，按 q 结束（回答将会消失）。",
		ZhHant: "無法儲存。請告訴工作人員。按 r 重試，按 q 結束（回答將會消失）。",
		KO:     "저장하지 못했습니다. 직원에게 알려 주십시오. r 키로 다시 시도, q 키로 끝냅니다(답변은 사라집니다).",
	},
	"scr.quit": {
		JA:     "終了しますか？回答は保存されません。もう一度 ctrl+c で終了、ほかのキーで続けます。",
		EN:     "End now? The answers will not be kept. ctrl+c again to end, any other key to go on.",
		ZhHans: "要结束吗？回答不会被保存。再按一次 ctrl+c 结束，按其他键继续。",
		ZhHant: "要結束嗎？回答不會被儲存。再按一次 ctrl+c 結束，按其他鍵繼續。",
		KO:     "끝내시겠습니까? 답변은 저장되지 않습니다. ctrl+c 를 한 번 더 누르면 끝나고, 다른 키를 누르면 계속합니다.",
	},
	"scr.idle": {
		JA:     "まだ続けますか？何かキーを押してください。あと%d秒で回答を消去して終了します。",
		EN:     "Are you still there? Press any key. In %d s the answers are discarded and the session ends.",
		ZhHans: "您还在吗？请按任意键。%d 秒后将清除回答并结束。",
		ZhHant: "您還在嗎？請按任意鍵。%d 秒後將清除回答並結束。",
		KO:     "계속하시겠습니까? 아무 키나 눌러 주십시오. %d초 후에 답변을 지우고 끝냅니다.",
	},
}

// tr is the message key in lang.
func tr(lang screening.Lang, key string, args ...any) string {
	return messages.Get(lang, key, args...)
}
