package kiosk

import (
	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
)

// messages are the kiosk's words. Patient-facing ones are short, polite Japanese and plain
// English; staff-facing ones (staff.*, pin.*) are shown in the staff language. Every key has
// every language of screening.Langs; the catalogue's test (Gaps) checks it.
var messages = i18n.Catalog{
	// welcome (the greeting in every language at once: the patient has not chosen yet)
	"welcome.title": {
		JA:     "ようこそ",
		EN:     "Welcome",
		ZhHans: "欢迎",
		ZhHant: "歡迎",
		KO:     "환영합니다",
	},
	"welcome.intro": {
		JA:     "治療の前に、いくつかの質問にお答えください。",
		EN:     "Before your treatment, please answer a few questions.",
		ZhHans: "治疗之前，请回答几个问题。",
		ZhHant: "治療之前，請回答幾個問題。",
		KO:     "치료 전에 몇 가지 질문에 답해 주십시오.",
	},
	"welcome.choose": {
		JA:     "ご希望の言語をお選びください。",
		EN:     "Please choose your language.",
		ZhHans: "请选择您的语言。",
		ZhHant: "請選擇您的語言。",
		KO:     "원하시는 언어를 선택해 주십시오.",
	},
	"welcome.keys": {
		JA:     "上下のキーで選び、Enter キーを押してください。",
		EN:     "Use the up and down keys, then press Enter.",
		ZhHans: "用上下键选择，然后按 Enter 键。",
		ZhHant: "用上下鍵選擇，然後按 Enter 鍵。",
		KO:     "위아래 키로 고른 뒤 Enter 키를 눌러 주십시오.",
	},

	// patient details
	"details.title": {
		JA:     "受付の情報を入力してください",
		EN:     "Please enter your details",
		ZhHans: "请输入您的挂号信息",
		ZhHant: "請輸入您的掛號資訊",
		KO:     "접수 정보를 입력해 주십시오",
	},
	"details.reception": {
		JA:     "受付番号",
		EN:     "Reception number",
		ZhHans: "挂号号码",
		ZhHant: "掛號號碼",
		KO:     "접수 번호",
	},
	"details.reception.h": {
		JA:     "受付でお渡しした番号です（例: 12）。",
		EN:     "The number you were given at reception (for example 12).",
		ZhHans: "您在前台领取的号码（例如 12）。",
		ZhHant: "您在櫃檯領取的號碼（例如 12）。",
		KO:     "접수처에서 받으신 번호입니다(예: 12).",
	},
	"details.name": {
		JA:     "お名前",
		EN:     "Your name",
		ZhHans: "您的姓名",
		ZhHant: "您的姓名",
		KO:     "성함",
	},
	"details.name.h": {
		JA:     "例: 山田 花子",
		EN:     "For example: Hanako Yamada",
		ZhHans: "例如：王 小明",
		ZhHant: "例如：王 小明",
		KO:     "예: 김 민준",
	},
	"details.dob": {
		JA:     "生年月日",
		EN:     "Date of birth",
		ZhHans: "出生日期",
		ZhHant: "出生日期",
		KO:     "생년월일",
	},
	"details.dob.h": {
		JA:     "西暦・年-月-日でご入力ください（例: 1980-04-15）。",
		EN:     "Year-month-day (for example 1980-04-15).",
		ZhHans: "请按公历 年-月-日 输入（例如 1980-04-15）。",
		ZhHant: "請按西元 年-月-日 輸入（例如 1980-04-15）。",
		KO:     "서기 연-월-일로 입력해 주십시오(예: 1980-04-15).",
	},
	"details.keys": {
		JA:     "Enter キーで次へ進みます。Esc キーで言語の選択に戻ります。",
		EN:     "Press Enter to go on. Press Esc to go back to the language choice.",
		ZhHans: "按 Enter 键继续。按 Esc 键返回语言选择。",
		ZhHant: "按 Enter 鍵繼續。按 Esc 鍵返回語言選擇。",
		KO:     "Enter 키로 다음으로 갑니다. Esc 키로 언어 선택으로 돌아갑니다.",
	},
	"err.required": {
		JA:     "ご入力ください。",
		EN:     "Please fill this in.",
		ZhHans: "请填写此项。",
		ZhHant: "請填寫此項。",
		KO:     "입력해 주십시오.",
	},
	"err.reception": {
		JA:     "数字と英字でご入力ください（20文字まで）。",
		EN:     "Please use numbers and letters only (up to 20).",
		ZhHans: "请只输入数字和英文字母（20 个以内）。",
		ZhHant: "請只輸入數字和英文字母（20 個以內）。",
		KO:     "숫자와 영문자로 입력해 주십시오(20자 이내).",
	},
	"err.name.long": {
		JA:     "60文字まででご入力ください。",
		EN:     "Please use at most 60 characters.",
		ZhHans: "请输入 60 个字符以内。",
		ZhHant: "請輸入 60 個字元以內。",
		KO:     "60자 이내로 입력해 주십시오.",
	},
	"err.name.chars": {
		JA:     "使えない文字が含まれています。",
		EN:     "This contains characters that cannot be used.",
		ZhHans: "含有无法使用的字符。",
		ZhHant: "含有無法使用的字元。",
		KO:     "사용할 수 없는 문자가 있습니다.",
	},
	"err.dob.format": {
		JA:     "年-月-日の形でご入力ください（例: 1980-04-15）。",
		EN:     "Please write year-month-day (for example 1980-04-15).",
		ZhHans: "请按 年-月-日 的格式输入（例如 1980-04-15）。",
		ZhHant: "請按 年-月-日 的格式輸入（例如 1980-04-15）。",
		KO:     "연-월-일 형식으로 입력해 주십시오(예: 1980-04-15).",
	},
	"err.dob.date": {
		JA:     "この日付はありません。もう一度ご確認ください。",
		EN:     "This date does not exist. Please check it.",
		ZhHans: "这个日期不存在，请再确认一下。",
		ZhHant: "這個日期不存在，請再確認一下。",
		KO:     "없는 날짜입니다. 다시 확인해 주십시오.",
	},
	"err.dob.range": {
		JA:     "生年月日をもう一度ご確認ください。",
		EN:     "Please check your date of birth.",
		ZhHans: "请再确认一下您的出生日期。",
		ZhHant: "請再確認一下您的出生日期。",
		KO:     "생년월일을 다시 확인해 주십시오.",
	},

	// saving and completion
	"saving": {
		JA:     "回答を保存しています。少々お待ちください。",
		EN:     "Saving your answers. One moment, please.",
		ZhHans: "正在保存您的回答，请稍候。",
		ZhHant: "正在儲存您的回答，請稍候。",
		KO:     "답변을 저장하고 있습니다. 잠시만 기다려 주십시오.",
	},
	"done.title": {
		JA:     "ご回答ありがとうございました",
		EN:     "Thank you for your answers",
		ZhHans: "感谢您的回答",
		ZhHant: "感謝您的回答",
		KO:     "답변해 주셔서 감사합니다",
	},
	"done.tell": {
		JA:     "受付に「終わりました」とお声がけください。",
		EN:     "Please tell the reception that you have finished.",
		ZhHans: "请告诉前台您已经填写完毕。",
		ZhHant: "請告訴櫃檯您已經填寫完畢。",
		KO:     "접수처에 다 끝났다고 말씀해 주십시오.",
	},
	"done.doctor": {
		JA:     "治療ができるかどうかは、医師が判断します。",
		EN:     "A doctor will decide about your treatment.",
		ZhHans: "能否接受治疗，由医生判断。",
		ZhHant: "能否接受治療，由醫師判斷。",
		KO:     "치료 여부는 의사가 판단합니다.",
	},
	"done.result": {
		JA:     "問診の結果",
		EN:     "Your screening result",
		ZhHans: "问诊结果",
		ZhHant: "問診結果",
		KO:     "문진 결과",
	},
	"done.noitems": {
		JA:     "治療の妨げになる回答はありませんでした。",
		EN:     "None of your answers stands against the treatment.",
		ZhHans: "您的回答中没有妨碍治疗的内容。",
		ZhHant: "您的回答中沒有妨礙治療的內容。",
		KO:     "치료에 방해가 되는 답변은 없었습니다.",
	},
	"done.items": {
		JA:     "医師が確認する項目:",
		EN:     "For the doctor to check:",
		ZhHans: "需由医生确认的项目：",
		ZhHant: "需由醫師確認的項目：",
		KO:     "의사가 확인할 항목:",
	},
	"done.confirm": {
		JA:     "[要確認]",
		EN:     "[CONFIRM]",
		ZhHans: "（需确认）",
		ZhHant: "（需確認）",
		KO:     "(확인 필요)",
	},
	"done.reset": {
		JA:     "%d 秒後に最初の画面に戻ります。どれかキーを押すとすぐに戻ります。",
		EN:     "This screen closes in %d seconds, or press any key.",
		ZhHans: "%d 秒后返回首页。按任意键可立即返回。",
		ZhHant: "%d 秒後返回首頁。按任意鍵可立即返回。",
		KO:     "%d초 후에 첫 화면으로 돌아갑니다. 아무 키나 누르면 바로 돌아갑니다.",
	},
	"failed.title": {
		JA:     "申し訳ありません",
		EN:     "We are sorry",
		ZhHans: "非常抱歉",
		ZhHant: "非常抱歉",
		KO:     "죄송합니다",
	},
	"failed.body": {
		JA:     "回答を保存できませんでした。回答は消えていません。",
		EN:     "Your answers could not be saved. They are not lost.",
		ZhHans: "无法保存您的回答。回答没有丢失。",
		ZhHant: "無法儲存您的回答。回答沒有遺失。",
		KO:     "답변을 저장하지 못했습니다. 답변은 지워지지 않았습니다.",
	},
	"failed.staff": {
		JA:     "お手数ですが、スタッフをお呼びください。",
		EN:     "Please ask a member of staff for help.",
		ZhHans: "麻烦您请工作人员过来。",
		ZhHant: "麻煩您請工作人員過來。",
		KO:     "번거로우시겠지만 직원을 불러 주십시오.",
	},

	// idle
	"idle.title": {
		JA:     "まだ続けますか？",
		EN:     "Are you still there?",
		ZhHans: "您还在吗？",
		ZhHant: "您還在嗎？",
		KO:     "계속하시겠습니까?",
	},
	"idle.body": {
		JA:     "続ける場合は、どれかキーを押してください。",
		EN:     "To carry on, please press any key.",
		ZhHans: "如需继续，请按任意键。",
		ZhHant: "如需繼續，請按任意鍵。",
		KO:     "계속하시려면 아무 키나 눌러 주십시오.",
	},
	"idle.count": {
		JA:     "%d 秒後に回答を消して、最初の画面に戻ります。",
		EN:     "In %d seconds your answers will be cleared and the kiosk will start again.",
		ZhHans: "%d 秒后将清除您的回答并返回首页。",
		ZhHant: "%d 秒後將清除您的回答並返回首頁。",
		KO:     "%d초 후에 답변을 지우고 첫 화면으로 돌아갑니다.",
	},

	// staff PIN (staff language)
	"pin.title": {
		JA:     "スタッフ用画面",
		EN:     "Staff only",
		ZhHans: "工作人员专用",
		ZhHant: "工作人員專用",
		KO:     "직원 전용",
	},
	"pin.prompt": {
		JA:     "暗証番号を入力して Enter を押してください。Esc で戻ります。",
		EN:     "Enter the PIN and press Enter. Esc goes back.",
		ZhHans: "请输入密码并按 Enter。按 Esc 返回。",
		ZhHant: "請輸入密碼並按 Enter。按 Esc 返回。",
		KO:     "비밀번호를 입력하고 Enter 키를 눌러 주십시오. Esc 키로 돌아갑니다.",
	},
	"pin.released": {
		JA:     "ロックが解除されました（kiosk-unlock）。暗証番号を入力してください。",
		EN:     "The lock was released (kiosk-unlock). Enter the PIN.",
		ZhHans: "锁定已解除（kiosk-unlock）。请输入密码。",
		ZhHant: "鎖定已解除（kiosk-unlock）。請輸入密碼。",
		KO:     "잠금이 해제되었습니다(kiosk-unlock). 비밀번호를 입력해 주십시오.",
	},
	"pin.wrong": {
		JA:     "暗証番号が違います（あと %d 回）。",
		EN:     "Wrong PIN (%d tries left).",
		ZhHans: "密码错误（还剩 %d 次）。",
		ZhHant: "密碼錯誤（還剩 %d 次）。",
		KO:     "비밀번호가 틀렸습니다(남은 횟수 %d회).",
	},
	"pin.locked": {
		JA:     "間違いが続いたため、%d 秒間は入力できません。",
		EN:     "Too many wrong tries: locked for %d seconds.",
		ZhHans: "错误次数过多，%d 秒内无法输入。",
		ZhHant: "錯誤次數過多，%d 秒內無法輸入。",
		KO:     "잘못 입력한 횟수가 많아 %d초 동안 입력할 수 없습니다.",
	},

	// staff menu (staff language)
	"staff.title": {
		JA:     "スタッフメニュー",
		EN:     "Staff menu",
		ZhHans: "工作人员菜单",
		ZhHant: "工作人員選單",
		KO:     "직원 메뉴",
	},
	"staff.resume": {
		JA:     "キオスクに戻る",
		EN:     "Back to the kiosk",
		ZhHans: "返回自助终端",
		ZhHant: "返回自助終端",
		KO:     "키오스크로 돌아가기",
	},
	"staff.retry": {
		JA:     "保存をやり直す",
		EN:     "Retry saving",
		ZhHans: "重新保存",
		ZhHant: "重新儲存",
		KO:     "다시 저장하기",
	},
	"staff.elsewhere": {
		JA:     "別のフォルダーに保存する",
		EN:     "Save in another folder",
		ZhHans: "保存到其他文件夹",
		ZhHant: "儲存到其他資料夾",
		KO:     "다른 폴더에 저장하기",
	},
	"staff.discard": {
		JA:     "保存していない結果を破棄する",
		EN:     "Discard the unsaved result",
		ZhHans: "放弃未保存的结果",
		ZhHant: "放棄未儲存的結果",
		KO:     "저장하지 않은 결과 버리기",
	},
	"staff.exit": {
		JA:     "キオスクを終了する",
		EN:     "Quit the kiosk",
		ZhHans: "结束自助终端",
		ZhHant: "結束自助終端",
		KO:     "키오스크 종료하기",
	},
	"staff.pending": {
		JA:     "保存できていない結果が1件あります: %s",
		EN:     "One result is not saved: %s",
		ZhHans: "有 1 个结果未能保存：%s",
		ZhHant: "有 1 個結果未能儲存：%s",
		KO:     "저장하지 못한 결과가 1건 있습니다: %s",
	},
	"staff.saved": {
		JA:     "保存しました（%s）。",
		EN:     "Saved (%s).",
		ZhHans: "已保存（%s）。",
		ZhHant: "已儲存（%s）。",
		KO:     "저장했습니다(%s).",
	},
	"staff.failed": {
		JA:     "保存できませんでした: %s",
		EN:     "Could not save: %s",
		ZhHans: "无法保存：%s",
		ZhHant: "無法儲存：%s",
		KO:     "저장하지 못했습니다: %s",
	},
	"staff.keys": {
		JA:     "上下キーで選び Enter。Esc でキオスクに戻ります。",
		EN:     "Up/down to choose, Enter to do it, Esc back to the kiosk.",
		ZhHans: "用上下键选择，按 Enter 执行，按 Esc 返回自助终端。",
		ZhHant: "用上下鍵選擇，按 Enter 執行，按 Esc 返回自助終端。",
		KO:     "위아래 키로 고르고 Enter 키로 실행, Esc 키로 키오스크에 돌아갑니다.",
	},
	"staff.dir": {
		JA:     "保存先のフォルダー（なければ作ります）",
		EN:     "Folder to save in (created if missing)",
		ZhHans: "保存位置的文件夹（不存在时会创建）",
		ZhHant: "儲存位置的資料夾（不存在時會建立）",
		KO:     "저장할 폴더(없으면 만듭니다)",
	},
	"staff.dir.keys": {
		JA:     "Enter で保存、Esc でやめます。",
		EN:     "Enter saves, Esc cancels.",
		ZhHans: "按 Enter 保存，按 Esc 取消。",
		ZhHant: "按 Enter 儲存，按 Esc 取消。",
		KO:     "Enter 키로 저장, Esc 키로 취소합니다.",
	},
	"staff.confirm.discard": {
		JA:     "保存していない結果を破棄します。よろしいですか？ （y/n）",
		EN:     "Discard the unsaved result? (y/n)",
		ZhHans: "要放弃未保存的结果吗？（y/n）",
		ZhHant: "要放棄未儲存的結果嗎？（y/n）",
		KO:     "저장하지 않은 결과를 버리시겠습니까? (y/n)",
	},
	"staff.confirm.exit": {
		JA:     "保存していない結果は失われます。終了しますか？ （y/n）",
		EN:     "The unsaved result will be lost. Quit? (y/n)",
		ZhHans: "未保存的结果将会丢失。要结束吗？（y/n）",
		ZhHant: "未儲存的結果將會遺失。要結束嗎？（y/n）",
		KO:     "저장하지 않은 결과가 사라집니다. 종료하시겠습니까? (y/n)",
	},
	"staff.warning": {
		JA:     "注意: %s",
		EN:     "Warning: %s",
		ZhHans: "注意：%s",
		ZhHant: "注意：%s",
		KO:     "주의: %s",
	},
	"staff.outbox": {
		JA:     "結果の保存先: %s",
		EN:     "Results go to: %s",
		ZhHans: "结果保存位置：%s",
		ZhHant: "結果儲存位置：%s",
		KO:     "결과 저장 위치: %s",
	},

	// shown beside a language whose translation is not reviewed yet
	"unreviewed": {
		JA:     "この言語の訳は、まだこの言語の医師による確認を受けていません。",
		EN:     "This translation has not yet been reviewed by a clinician who speaks this language.",
		ZhHans: "本译文尚未经过以此语言为母语的医生审核。",
		ZhHant: "本譯文尚未經過以此語言為母語的醫師審核。",
		KO:     "이 번역은 아직 이 언어를 사용하는 의사의 검토를 받지 않았습니다.",
	},
}

// tr returns message key in lang, formatted with args when given.
func tr(lang screening.Lang, key string, args ...any) string {
	return messages.Get(lang, key, args...)
}
