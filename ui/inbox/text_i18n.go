package inbox

import "github.com/exoscreen/exoscreen/screening"

// messagesI18n are the inbox's words in zh-Hans, zh-Hant and ko, beside the ja and en of
// messages (kept apart so that the two are edited apart); init adds them, and
// TestMessagesEveryLanguage checks that every key has every language.
var messagesI18n = map[string][3]string{ // {zh-Hans, zh-Hant, ko}
	"answer":          {"回答", "回答", "답변"},
	"patientLang":     {"患者的语言", "患者的語言", "환자의 언어"},
	"col.confirm":     {"需确认", "需確認", "확인 필요"},
	"col.reviewed":    {"已确认", "已確認", "확인"},
	"col.time":        {"日期时间", "日期時間", "일시"},
	"col.verdict":     {"判定", "判定", "판정"},
	"col.who":         {"挂号号码/姓名", "掛號號碼/姓名", "접수 번호/성명"},
	"confirm.delete":  {"要删除此结果吗？删除后无法恢复。(y/n)", "要刪除此結果嗎？刪除後無法復原。(y/n)", "이 결과를 삭제하시겠습니까? 되돌릴 수 없습니다. (y/n)"},
	"confirm.file":    {"要删除此文件吗？(y/n)", "要刪除此檔案嗎？(y/n)", "이 파일을 삭제하시겠습니까? (y/n)"},
	"count":           {"%d 条（未确认 %d 条）", "%d 筆（未確認 %d 筆）", "%d건(미확인 %d건)"},
	"cut":             {"内容太长，只显示一部分（%d 字节）。全文请用 e 导出或 p 打印。", "內容太長，只顯示一部分（%d 位元組）。全文請用 e 匯出或 p 列印。", "너무 길어 일부만 표시합니다(%d 바이트). 전체는 e 내보내기나 p 인쇄로 보십시오."},
	"deleted":         {"已删除。", "已刪除。", "삭제했습니다."},
	"empty":           {"还没有结果。自助终端上的问诊结束后，结果会显示在这里。", "還沒有結果。自助終端上的問診結束後，結果會顯示在這裡。", "아직 결과가 없습니다. 키오스크에서 문진이 끝나면 여기에 표시됩니다."},
	"export.done":     {"已导出：%s", "已匯出：%s", "내보냈습니다: %s"},
	"export.exists":   {"该文件已存在，请换一个名称。", "該檔案已存在，請換一個名稱。", "그 파일은 이미 있습니다. 다른 이름으로 해 주십시오."},
	"export.prompt":   {"要导出的文件名（路径）。按 Enter 保存，按 Esc 取消。", "要匯出的檔案名稱（路徑）。按 Enter 儲存，按 Esc 取消。", "내보낼 파일 이름(경로). Enter 키로 저장, Esc 키로 취소합니다."},
	"failed":          {"失败：%s", "失敗：%s", "실패했습니다: %s"},
	"filter.pending":  {"[仅未确认]", "[僅未確認]", "[미확인만]"},
	"folder":          {"文件夹：%s", "資料夾：%s", "폴더: %s"},
	"folder.error":    {"无法读取文件夹：%s", "無法讀取資料夾：%s", "폴더를 읽을 수 없습니다: %s"},
	"key.choose":      {"选择", "選擇", "선택"},
	"key.open":        {"打开", "開啟", "열기"},
	"key.reviewed":    {"已确认", "已確認", "확인함"},
	"key.export":      {"导出", "匯出", "내보내기"},
	"key.print":       {"打印", "列印", "인쇄"},
	"key.delete":      {"删除", "刪除", "삭제"},
	"key.pending":     {"仅未确认", "僅未確認", "미확인만"},
	"key.quit":        {"结束", "結束", "종료"},
	"key.scroll":      {"滚动", "捲動", "스크롤"},
	"key.back":        {"返回列表", "返回列表", "목록으로"},
	"lines":           {"第 %d-%d 行 / 共 %d 行", "第 %d-%d 行 / 共 %d 行", "%d-%d행 / %d행"},
	"loading":         {"正在读取：%d / %d 条", "正在讀取：%d / %d 筆", "읽는 중: %d / %d건"},
	"marked":          {"已标记为已确认。", "已標記為已確認。", "확인함으로 표시했습니다."},
	"new":             {"收到新结果：%d 条", "收到新結果：%d 筆", "새 결과가 도착했습니다: %d건"},
	"nodetails":       {"（无信息）", "（無資訊）", "(정보 없음)"},
	"noprint":         {"未设置打印命令（--print-command）。", "未設定列印命令（--print-command）。", "인쇄 명령이 설정되지 않았습니다(--print-command)."},
	"nosummary":       {"缺少摘要文件，根据结果文件显示。", "缺少摘要檔案，根據結果檔案顯示。", "요약 파일이 없어 결과 파일로 표시합니다."},
	"opening":         {"正在打开...", "正在開啟...", "여는 중..."},
	"patient":         {"患者信息", "患者資訊", "환자 정보"},
	"print.timeout":   {"打印命令（%s）未在 %v 内结束，已停止。", "列印命令（%s）未在 %v 內結束，已停止。", "인쇄 명령(%s)이 %v 안에 끝나지 않아 멈췄습니다."},
	"printed":         {"已发送到打印机（%s）。", "已傳送到印表機（%s）。", "프린터로 보냈습니다(%s)."},
	"printing":        {"正在发送到打印机...", "正在傳送到印表機...", "프린터로 보내는 중..."},
	"problem":         {"此文件无法作为结果读取：%s", "此檔案無法作為結果讀取：%s", "이 파일은 결과로 읽을 수 없습니다: %s"},
	"reason":          {"理由", "理由", "이유"},
	"reviewed":        {"已", "已", "완료"},
	"summary.refused": {"摘要文件存在但未打开（%s），根据结果文件显示。", "摘要檔案存在但未開啟（%s），根據結果檔案顯示。", "요약 파일은 있지만 열지 않았습니다(%s). 결과 파일로 표시합니다."},
	"title":           {"问诊结果收件箱", "問診結果收件匣", "문진 결과 수신함"},
	"unmarked":        {"已改回未确认。", "已改回未確認。", "미확인으로 되돌렸습니다."},
	"unreadable":      {"无法读取", "無法讀取", "읽을 수 없음"},
	"verdict":         {"判定", "判定", "판정"},
}

func init() {
	for key, t := range messagesI18n {
		if m := messages[key]; m != nil {
			m[screening.ZhHans], m[screening.ZhHant], m[screening.KO] = t[0], t[1], t[2]
		}
	}
}
