package serve

import "github.com/exoscreen/exoscreen/internal/i18n"

// messagesI18n are the server's words in zh-Hans, zh-Hant and ko, kept apart from their ja and en
// texts (baseMessages) so that the two are edited apart; messages joins them (i18n.With),
// and TestMessagesEveryLanguage checks that every key has every language of screening.Langs.
var messagesI18n = map[string][3]string{ // {zh-Hans, zh-Hant, ko}
	"closing":         {"服务器即将关闭。连接将断开。\nThe server is closing. Goodbye.", "伺服器即將關閉。連線將中斷。\nThe server is closing. Goodbye.", "서버를 종료합니다. 연결을 닫습니다.\nThe server is closing. Goodbye."},
	"full":            {"目前所有终端都在使用中。请稍候再连接。\nAll places are in use right now. Please try again in a moment.", "目前所有終端都在使用中。請稍候再連線。\nAll places are in use right now. Please try again in a moment.", "지금은 모든 단말기가 사용 중입니다. 잠시 후 다시 접속해 주십시오.\nAll places are in use right now. Please try again in a moment."},
	"nopty":           {"此连接没有终端（pty），无法显示画面。将逐行进行问诊（如需使用画面，请用 ssh -t 连接）。\nThis connection has no terminal (pty), so the screen cannot be shown. Continuing line by line (connect with ssh -t for the screen).", "此連線沒有終端（pty），無法顯示畫面。將逐行進行問診（如需使用畫面，請用 ssh -t 連線）。\nThis connection has no terminal (pty), so the screen cannot be shown. Continuing line by line (connect with ssh -t for the screen).", "이 연결에는 단말(pty)이 없어 화면을 쓸 수 없습니다. 한 줄씩 문진을 계속합니다(화면으로 답하려면 ssh -t 로 접속해 주십시오).\nThis connection has no terminal (pty), so the screen cannot be shown. Continuing line by line (connect with ssh -t for the screen)."},
	"line.lang":       {"语言 / Language: %s [%d]: ", "語言 / Language: %s [%d]: ", "언어 / Language: %s [%d]: "},
	"line.details":    {"请输入您的挂号信息。", "請輸入您的掛號資訊。", "접수 정보를 입력해 주십시오."},
	"line.saved":      {"您的回答已保存（号码 %s）。请告诉前台您已经填写完毕。", "您的回答已儲存（號碼 %s）。請告訴櫃檯您已經填寫完畢。", "답변을 저장했습니다(번호 %s). 접수처에 다 끝났다고 말씀해 주십시오."},
	"line.saveFailed": {"无法保存您的回答。请告诉工作人员。", "無法儲存您的回答。請告訴工作人員。", "답변을 저장하지 못했습니다. 직원에게 알려 주십시오."},
	"line.idle":       {"由于一段时间没有操作，问诊已结束。回答已被清除。", "由於一段時間沒有操作，問診已結束。回答已被清除。", "한동안 입력이 없어 문진을 끝냈습니다. 답변은 지워졌습니다."},
	"scr.saving":      {"正在保存...", "正在儲存...", "저장하고 있습니다..."},
	"scr.saved":       {"已保存（号码 %s）。请告诉前台。按 q 结束。", "已儲存（號碼 %s）。請告訴櫃檯。按 q 結束。", "저장했습니다(번호 %s). 접수처에 알려 주십시오. q 키로 끝냅니다."},
	"scr.saveFailed":  {"无法保存。请告诉工作人员。按 r 重试，按 q 结束（回答将会消失）。", "無法儲存。請告訴工作人員。按 r 重試，按 q 結束（回答將會消失）。", "저장하지 못했습니다. 직원에게 알려 주십시오. r 키로 다시 시도, q 키로 끝냅니다(답변은 사라집니다)."},
	"scr.quit":        {"要结束吗？回答不会被保存。再按一次 ctrl+c 结束，按其他键继续。", "要結束嗎？回答不會被儲存。再按一次 ctrl+c 結束，按其他鍵繼續。", "끝내시겠습니까? 답변은 저장되지 않습니다. ctrl+c 를 한 번 더 누르면 끝나고, 다른 키를 누르면 계속합니다."},
	"scr.idle":        {"您还在吗？请按任意键。%d 秒后将清除回答并结束。", "您還在嗎？請按任意鍵。%d 秒後將清除回答並結束。", "계속하시겠습니까? 아무 키나 눌러 주십시오. %d초 후에 답변을 지우고 끝냅니다."},
}

// messages are the texts of baseMessages in every language of screening.Langs.
var messages = i18n.With(baseMessages, messagesI18n)
