package ui

import (
	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
)

// messagesI18n are the chrome in zh-Hans, zh-Hant and ko, beside the ja and en of messages
// (kept in a file of their own so that the two are edited apart); init adds them to messages
// and TestMessagesEveryLanguage checks that every key has every language of screening.Langs.
var messagesI18n = map[string][3]string{ // {zh-Hans, zh-Hant, ko}
	"button.next":       {"下一步", "下一步", "다음"},
	"choice.need":       {"请选择一个答案（用上下键或选项编号选择，再按 enter）。", "請選擇一個答案（用上下鍵或選項編號選擇，再按 enter）。", "답을 선택해 주십시오(위아래 키나 번호 키로 고른 뒤 enter)."},
	"explain.hint":      {"按 ?、esc 或 enter 返回问题。", "按 ?、esc 或 enter 返回問題。", "?, esc 또는 enter 키를 누르면 질문으로 돌아갑니다."},
	"export.empty":      {"请输入文件名。", "請輸入檔案名稱。", "파일 이름을 입력해 주십시오."},
	"export.exists":     {"此文件已存在。再按一次 enter 将覆盖它。", "此檔案已存在。再按一次 enter 將覆寫它。", "이 파일은 이미 있습니다. enter 키를 한 번 더 누르면 덮어씁니다."},
	"export.failed":     {"无法保存：%s。结果没有丢失，请指定其他位置。", "無法儲存：%s。結果沒有遺失，請指定其他位置。", "저장하지 못했습니다: %s. 결과는 지워지지 않았습니다. 다른 위치를 지정해 주십시오."},
	"export.isdir":      {"这是一个文件夹，请输入文件名。", "這是一個資料夾，請輸入檔案名稱。", "폴더입니다. 파일 이름을 입력해 주십시오."},
	"export.note":       {"以可打印的文本格式保存，文件只有您在这台电脑上的账户可以读取（权限 0600）。", "以可列印的文字格式儲存，檔案只有您在這台電腦上的帳戶可以讀取（權限 0600）。", "인쇄할 수 있는 텍스트로 저장합니다. 파일은 이 컴퓨터에서 귀하의 계정만 읽을 수 있습니다(권한 0600)."},
	"export.prompt":     {"保存的文件名（路径）", "儲存的檔案名稱（路徑）", "저장할 파일 이름(경로)"},
	"export.title":      {"将结果保存到文件", "將結果儲存到檔案", "결과를 파일로 저장"},
	"int.err.empty":     {"请输入数字。", "請輸入數字。", "숫자를 입력해 주십시오."},
	"int.err.notnum":    {"请只输入数字（例如 7）。", "請只輸入數字（例如 7）。", "숫자만 입력해 주십시오(예: 7)."},
	"int.err.range":     {"请输入 %d 到 %d 之间的数字。", "請輸入 %d 到 %d 之間的數字。", "%d부터 %d까지의 숫자를 입력해 주십시오."},
	"int.mode.number":   {"输入数字", "輸入數字", "숫자로 답하기"},
	"int.mode.unsure":   {"不清楚", "不清楚", "모르겠음"},
	"int.range":         {"请用 %d 到 %d 之间的整数回答。", "請用 %d 到 %d 之間的整數回答。", "%d부터 %d까지의 정수로 답해 주십시오."},
	"int.range.unit":    {"请用 %d 到 %d 之间的整数回答（单位：%s）。", "請用 %d 到 %d 之間的整數回答（單位：%s）。", "%d부터 %d까지의 정수로 답해 주십시오(단위: %s)."},
	"key.all":           {"全选/全不选", "全選/全不選", "모두 선택/해제"},
	"key.back":          {"返回", "返回", "뒤로"},
	"key.cancel":        {"取消", "取消", "취소"},
	"key.change":        {"修改", "修改", "고치기"},
	"key.choose":        {"选择", "選擇", "선택"},
	"key.close":         {"返回问题", "返回問題", "질문으로 돌아가기"},
	"key.confirm":       {"确定", "確定", "확정"},
	"key.explain":       {"说明", "說明", "설명"},
	"key.language":      {"语言", "語言", "언어"},
	"key.newline":       {"换行", "換行", "줄 바꿈"},
	"key.next":          {"下一步", "下一步", "다음"},
	"key.no":            {"否", "否", "아니요"},
	"key.page":          {"翻页", "翻頁", "페이지 넘기기"},
	"key.quit":          {"结束", "結束", "종료"},
	"key.review":        {"去确认", "去確認", "확인 화면으로"},
	"key.save":          {"保存", "儲存", "저장"},
	"key.scroll":        {"滚动", "捲動", "스크롤"},
	"key.start":         {"开始", "開始", "시작"},
	"key.toggle":        {"选择/取消", "選擇/取消", "선택/해제"},
	"key.yes":           {"是", "是", "예"},
	"more.above":        {"（上面还有：pgup）", "（上面還有：pgup）", "(위에 더 있음: pgup)"},
	"more.below":        {"（下面还有：pgdn）", "（下面還有：pgdn）", "(아래에 더 있음: pgdn)"},
	"multi.err.empty":   {"请至少选择一项。", "請至少選擇一項。", "적어도 하나를 선택해 주십시오."},
	"multi.hint":        {"用空格键或选项编号选择/取消，按 enter 继续。", "用空白鍵或選項編號選擇/取消，按 enter 繼續。", "스페이스 키나 번호 키로 선택/해제하고 enter 키로 다음으로 갑니다."},
	"optional":          {"（选填）", "（選填）", "(선택 사항)"},
	"progress":          {"问题 %d / %d", "問題 %d / %d", "질문 %d / %d"},
	"quit.no":           {"继续", "繼續", "계속하기"},
	"quit.resultNot":    {"结果尚未保存。结束后，屏幕上的结果将会消失。", "結果尚未儲存。結束後，螢幕上的結果將會消失。", "결과가 아직 저장되지 않았습니다. 종료하면 화면의 결과가 사라집니다."},
	"quit.saved":        {"结果已保存。", "結果已儲存。", "결과가 저장되었습니다."},
	"quit.title":        {"要结束吗？", "要結束嗎？", "종료하시겠습니까?"},
	"quit.unsaved":      {"您的回答尚未保存。结束后，回答将会丢失。", "您的回答尚未儲存。結束後，回答將會遺失。", "답변이 저장되지 않았습니다. 종료하면 답변이 사라집니다."},
	"quit.yes":          {"结束", "結束", "종료하기"},
	"review.confirm":    {"[ 确定并查看结果 ]", "[ 確定並查看結果 ]", "[ 확정하고 결과 보기 ]"},
	"review.count":      {"%d 个回答", "%d 個回答", "답변 %d개"},
	"review.intro":      {"请选择要修改的回答并按 enter。全部无误后，请选择最后的「确定」。", "請選擇要修改的回答並按 enter。全部無誤後，請選擇最後的「確定」。", "고칠 답변을 골라 enter 키를 눌러 주십시오. 모두 맞으면 마지막의 '확정'을 선택합니다."},
	"review.need":       {"还有未回答的问题，无法确定。", "還有未回答的問題，無法確定。", "아직 답하지 않은 질문이 있어 확정할 수 없습니다."},
	"review.open":       {"还有 %d 个问题未回答。请先回答。", "還有 %d 個問題未回答。請先回答。", "아직 답하지 않은 질문이 %d개 있습니다. 먼저 답해 주십시오."},
	"review.title":      {"确认回答", "確認回答", "답변 확인"},
	"review.unanswered": {"（未回答）", "（未回答）", "(미응답)"},
	"summary.answer":    {"回答", "回答", "답변"},
	"summary.confirm":   {"[需确认]", "[需確認]", "[확인 필요]"},
	"summary.confirmN":  {"需确认的项目：%d 项", "需確認的項目：%d 項", "확인이 필요한 항목: %d개"},
	"summary.none":      {"没有相应的项目。", "沒有相應的項目。", "해당하는 항목이 없습니다."},
	"summary.notices":   {"注意事项", "注意事項", "안내"},
	"summary.position":  {"第 %d-%d 行 / 共 %d 行", "第 %d-%d 行 / 共 %d 行", "%d-%d행 / %d행"},
	"summary.reason":    {"理由", "理由", "이유"},
	"summary.ruleset":   {"规则集", "規則集", "규칙 세트"},
	"summary.saveFail":  {"无法保存：%s", "無法儲存：%s", "저장하지 못했습니다: %s"},
	"summary.saved":     {"已保存：%s", "已儲存：%s", "저장했습니다: %s"},
	"summary.sources":   {"出处", "出處", "출처"},
	"summary.srclist":   {"引用的出处", "引用的出處", "출처 목록"},
	"summary.title":     {"问诊结果", "問診結果", "문진 결과"},
	"summary.verdict":   {"判定", "判定", "판정"},
	"summary.verdictNB": {"此判定用于辅助医生的判断，能否接受治疗由医生决定。", "此判定用於輔助醫師的判斷，能否接受治療由醫師決定。", "이 판정은 의사의 판단을 돕기 위한 것이며, 치료 여부는 의사가 결정합니다."},
	"text.err.required": {"请输入内容。", "請輸入內容。", "내용을 입력해 주십시오."},
	"text.placeholder":  {"在此输入", "在此輸入", "여기에 입력"},
	"welcome.count":     {"最多共有 %d 个问题（视您的回答而定）。", "最多共有 %d 個問題（視您的回答而定）。", "질문은 최대 %d개입니다(답변에 따라 달라집니다)."},
	"welcome.intro":     {"接下来将向您提几个问题，以确认您是否适合接受这项治疗。您可以随时返回修改回答。显示结果之前，您会先确认自己的回答。", "接下來將向您提幾個問題，以確認您是否適合接受這項治療。您可以隨時返回修改回答。顯示結果之前，您會先確認自己的回答。", "이 치료를 받으실 수 있는지 확인하기 위해 몇 가지 질문을 드립니다. 언제든지 돌아가서 답변을 고칠 수 있습니다. 결과를 보여 드리기 전에 답변을 확인합니다."},
	"welcome.language":  {"语言\nLanguage", "語言\nLanguage", "언어\nLanguage"},
	"welcome.start":     {"按 enter 开始。", "按 enter 開始。", "enter 키를 누르면 시작합니다."},
	"welcome.title":     {"治疗前问诊", "治療前問診", "치료 전 문진"},
}

func init() { addLangs(messages, messagesI18n) }

// addLangs adds zh-Hans, zh-Hant and ko texts to the catalogue c.
func addLangs(c i18n.Catalog, more map[string][3]string) {
	for key, t := range more {
		if m := c[key]; m != nil {
			m[screening.ZhHans], m[screening.ZhHant], m[screening.KO] = t[0], t[1], t[2]
		}
	}
}
