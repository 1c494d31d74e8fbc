package accessible

import (
	"fmt"

	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
)

// messages are every fixed text the accessible mode prints, in every language. Rules for
// them (checked by TestMessages): plain ASCII structure, no East-Asian-ambiguous glyphs, and
// Japanese lines use Latin letters only for what is typed (b, q, unsure, ...) and key names.
var messages = i18n.Catalog{
	"intro1": {
		JA:     "質問に1つずつお答えください。答えの番号を入力して Enter キーを押します。",
		EN:     "Answer the questions one at a time: type the number of your answer and press Enter.",
		ZhHans: "请逐一回答问题。输入答案的编号，然后按 Enter 键。",
		ZhHant: "請逐一回答問題。輸入答案的編號，然後按 Enter 鍵。",
		KO:     "질문에 하나씩 답해 주십시오. 답의 번호를 입력하고 Enter 키를 누릅니다.",
	},
	"intro2": {
		JA:     "前の質問に戻るときは b、説明を見るときは ?、中止するときは q を入力します。",
		EN:     "Type b to go back to the previous question, ? for help, or q to quit.",
		ZhHans: "返回上一个问题请输入 b，查看说明请输入 ?，中止请输入 q。",
		ZhHant: "返回上一個問題請輸入 b，查看說明請輸入 ?，中止請輸入 q。",
		KO:     "앞 질문으로 돌아가려면 b, 설명을 보려면 ?, 중지하려면 q 를 입력합니다.",
	},
	"current": {
		JA:     "今の回答: %s",
		EN:     "Current answer: %s",
		ZhHans: "当前的回答：%s",
		ZhHant: "目前的回答：%s",
		KO:     "현재 답변: %s",
	},
	"currentKeep": {
		JA:     "Enter キーだけを押すと、今の回答のままにします。",
		EN:     "Press Enter alone to keep it.",
		ZhHans: "只按 Enter 键，则保留当前的回答。",
		ZhHant: "只按 Enter 鍵，則保留目前的回答。",
		KO:     "Enter 키만 누르면 현재 답변을 그대로 둡니다.",
	},
	"currentClear": {
		JA:     "回答を取り消すときは - を入力します。",
		EN:     "Type - to remove the answer.",
		ZhHans: "要取消回答，请输入 -。",
		ZhHant: "要取消回答，請輸入 -。",
		KO:     "답변을 취소하려면 - 를 입력합니다.",
	},
	"answer": {
		JA:     "回答: %s",
		EN:     "Answer: %s",
		ZhHans: "回答：%s",
		ZhHant: "回答：%s",
		KO:     "답변: %s",
	},
	"noAnswer": {
		JA:     "回答なし",
		EN:     "no answer",
		ZhHans: "未回答",
		ZhHant: "未回答",
		KO:     "답변 없음",
	},
	"promptSingle": {
		JA:     "番号を入力してください（1-%d）: ",
		EN:     "Enter a number (1-%d): ",
		ZhHans: "请输入编号（1-%d）：",
		ZhHant: "請輸入編號（1-%d）：",
		KO:     "번호를 입력해 주십시오(1-%d): ",
	},
	"promptMulti": {
		JA:     "番号をいくつでも入力してください（例: 1,3）: ",
		EN:     "Enter any numbers (for example 1,3): ",
		ZhHans: "请输入任意数量的编号（例如 1,3）：",
		ZhHant: "請輸入任意數量的編號（例如 1,3）：",
		KO:     "번호를 몇 개든 입력해 주십시오(예: 1,3): ",
	},
	"promptMultiOpt": {
		JA:     "番号をいくつでも入力してください（例: 1,3。なければ空欄）: ",
		EN:     "Enter any numbers (for example 1,3; empty for none): ",
		ZhHans: "请输入任意数量的编号（例如 1,3；没有则留空）：",
		ZhHant: "請輸入任意數量的編號（例如 1,3；沒有則留空）：",
		KO:     "번호를 몇 개든 입력해 주십시오(예: 1,3. 없으면 빈칸): ",
	},
	"promptInteger": {
		JA:     "%dから%dまでの数を入力してください: ",
		EN:     "Enter a number from %d to %d: ",
		ZhHans: "请输入 %d 到 %d 之间的数字：",
		ZhHant: "請輸入 %d 到 %d 之間的數字：",
		KO:     "%d부터 %d까지의 수를 입력해 주십시오: ",
	},
	"promptUnit": {
		JA:     "%dから%dまでの数を入力してください（単位: %s）: ",
		EN:     "Enter a number from %d to %d (%s): ",
		ZhHans: "请输入 %d 到 %d 之间的数字（单位：%s）：",
		ZhHant: "請輸入 %d 到 %d 之間的數字（單位：%s）：",
		KO:     "%d부터 %d까지의 수를 입력해 주십시오(단위: %s): ",
	},
	"promptUnsure": {
		JA:     "わからないときは「わかりません」と入力してください。",
		EN:     "If you do not know, type unsure.",
		ZhHans: "不清楚时，请输入「不清楚」。",
		ZhHant: "不清楚時，請輸入「不清楚」。",
		KO:     "모를 때는 \"모르겠음\"이라고 입력해 주십시오.",
	},
	"promptText": {
		JA:     "入力してください: ",
		EN:     "Type your answer: ",
		ZhHans: "请输入：",
		ZhHant: "請輸入：",
		KO:     "입력해 주십시오: ",
	},
	"promptTextOpt": {
		JA:     "入力してください（なければ空欄）: ",
		EN:     "Type your answer (empty for none): ",
		ZhHans: "请输入（没有则留空）：",
		ZhHant: "請輸入（沒有則留空）：",
		KO:     "입력해 주십시오(없으면 빈칸): ",
	},

	"errEmpty": {
		JA:     "この質問には回答が必要です。",
		EN:     "This question needs an answer.",
		ZhHans: "此问题需要回答。",
		ZhHant: "此問題需要回答。",
		KO:     "이 질문에는 답변이 필요합니다.",
	},
	"errNotChoice": {
		JA:     "「%s」は選択肢にありません。",
		EN:     "\"%s\" is not one of the choices.",
		ZhHans: "「%s」不在选项中。",
		ZhHant: "「%s」不在選項中。",
		KO:     "\"%s\"는 선택지에 없습니다.",
	},
	"errNotNumber": {
		JA:     "「%s」は数として読めません。",
		EN:     "\"%s\" is not a number.",
		ZhHans: "「%s」不是数字。",
		ZhHant: "「%s」不是數字。",
		KO:     "\"%s\"는 숫자가 아닙니다.",
	},
	"errRange": {
		JA:     "%s は範囲外です。",
		EN:     "%s is out of range.",
		ZhHans: "%s 超出范围。",
		ZhHant: "%s 超出範圍。",
		KO:     "%s 는 범위를 벗어났습니다.",
	},
	"errNoUnsure": {
		JA:     "この質問では「わかりません」は選べません。",
		EN:     "This question cannot be answered unsure.",
		ZhHans: "此问题不能回答「不清楚」。",
		ZhHant: "此問題不能回答「不清楚」。",
		KO:     "이 질문에는 \"모르겠음\"을 선택할 수 없습니다.",
	},
	"errTooLong": {
		JA:     "長すぎます。%d文字以内で入力してください。",
		EN:     "Too long: type at most %d characters.",
		ZhHans: "太长了。请输入 %d 个字符以内。",
		ZhHant: "太長了。請輸入 %d 個字元以內。",
		KO:     "너무 깁니다. %d자 이내로 입력해 주십시오.",
	},
	"errNotUTF8": {
		JA:     "読めない文字が含まれています。UTF-8 の文字で入力してください。",
		EN:     "The input contains characters that cannot be read; use UTF-8 text.",
		ZhHans: "含有无法读取的字符。请用 UTF-8 字符输入。",
		ZhHant: "含有無法讀取的字元。請用 UTF-8 字元輸入。",
		KO:     "읽을 수 없는 문자가 있습니다. UTF-8 문자로 입력해 주십시오.",
	},
	"expSingle": {
		JA:     "1から%dまでの番号か、記号（%s）を入力してください。",
		EN:     "Enter a number from 1 to %d, or a code (%s).",
		ZhHans: "请输入 1 到 %d 之间的编号，或代码（%s）。",
		ZhHant: "請輸入 1 到 %d 之間的編號，或代碼（%s）。",
		KO:     "1부터 %d까지의 번호나 기호(%s)를 입력해 주십시오.",
	},
	"expMulti": {
		JA:     "1から%dまでの番号を、カンマか空白で区切って入力してください。",
		EN:     "Enter numbers from 1 to %d separated by commas or spaces.",
		ZhHans: "请输入 1 到 %d 之间的编号，用逗号或空格分隔。",
		ZhHant: "請輸入 1 到 %d 之間的編號，用逗號或空格分隔。",
		KO:     "1부터 %d까지의 번호를 쉼표나 공백으로 구분해 입력해 주십시오.",
	},
	"expEmptyNone": {
		JA:     "あてはまるものがなければ空欄のまま Enter キーを押します。",
		EN:     "If none apply, press Enter alone.",
		ZhHans: "如果没有符合的，请留空并按 Enter 键。",
		ZhHant: "如果沒有符合的，請留空並按 Enter 鍵。",
		KO:     "해당하는 것이 없으면 비워 둔 채 Enter 키를 누릅니다.",
	},
	"expInteger": {
		JA:     "%dから%dまでの整数で入力してください。",
		EN:     "Enter a whole number from %d to %d.",
		ZhHans: "请输入 %d 到 %d 之间的整数。",
		ZhHant: "請輸入 %d 到 %d 之間的整數。",
		KO:     "%d부터 %d까지의 정수로 입력해 주십시오.",
	},
	"expIntegerUnit": {
		JA:     "%dから%dまでの整数で入力してください（単位: %s）。",
		EN:     "Enter a whole number from %d to %d (%s).",
		ZhHans: "请输入 %d 到 %d 之间的整数（单位：%s）。",
		ZhHant: "請輸入 %d 到 %d 之間的整數（單位：%s）。",
		KO:     "%d부터 %d까지의 정수로 입력해 주십시오(단위: %s).",
	},
	"expUnsure": {
		JA:     "わからないときは「わかりません」と入力してください。",
		EN:     "If you do not know, type unsure.",
		ZhHans: "不清楚时，请输入「不清楚」。",
		ZhHant: "不清楚時，請輸入「不清楚」。",
		KO:     "모를 때는 \"모르겠음\"이라고 입력해 주십시오.",
	},
	"expText": {
		JA:     "文字で入力してください。",
		EN:     "Type your answer as text.",
		ZhHans: "请用文字输入。",
		ZhHant: "請用文字輸入。",
		KO:     "글자로 입력해 주십시오.",
	},
	"expTextOptional": {
		JA:     "文字で入力してください。なければ空欄のまま Enter キーを押します。",
		EN:     "Type your answer, or press Enter alone for none.",
		ZhHans: "请用文字输入。如果没有，请留空并按 Enter 键。",
		ZhHant: "請用文字輸入。如果沒有，請留空並按 Enter 鍵。",
		KO:     "글자로 입력해 주십시오. 없으면 비워 둔 채 Enter 키를 누릅니다.",
	},

	"firstQuestion": {
		JA:     "これが最初の質問です。",
		EN:     "This is the first question.",
		ZhHans: "这是第一个问题。",
		ZhHant: "這是第一個問題。",
		KO:     "첫 번째 질문입니다.",
	},
	"pruned1": {
		JA:     "この回答により不要になった質問が 1 件あり、その回答を取り消しました。",
		EN:     "1 question no longer applies after this answer; its answer was removed.",
		ZhHans: "由于此回答，有 1 个问题不再需要，已取消其回答。",
		ZhHant: "由於此回答，有 1 個問題不再需要，已取消其回答。",
		KO:     "이 답변으로 필요 없어진 질문이 1개 있어 그 답변을 취소했습니다.",
	},
	"pruned": {
		JA:     "この回答により不要になった質問が %d 件あり、その回答を取り消しました。",
		EN:     "%d questions no longer apply after this answer; their answers were removed.",
		ZhHans: "由于此回答，有 %d 个问题不再需要，已取消其回答。",
		ZhHant: "由於此回答，有 %d 個問題不再需要，已取消其回答。",
		KO:     "이 답변으로 필요 없어진 질문이 %d개 있어 그 답변을 취소했습니다.",
	},

	"helpTitle": {
		JA:     "説明",
		EN:     "Help",
		ZhHans: "说明",
		ZhHant: "說明",
		KO:     "설명",
	},
	"helpKeys": {
		JA:     "入力できるもの:",
		EN:     "What you can type:",
		ZhHans: "可以输入的内容：",
		ZhHant: "可以輸入的內容：",
		KO:     "입력할 수 있는 것:",
	},
	"helpAnswer": {
		JA:     "  番号か記号   回答します",
		EN:     "  a number or code   answer the question",
		ZhHans: "  编号或代码   回答问题",
		ZhHant: "  編號或代碼   回答問題",
		KO:     "  번호나 기호   질문에 답합니다",
	},
	"helpBack": {
		JA:     "  b            前の質問に戻ります",
		EN:     "  b                  go back to the previous question",
		ZhHans: "  b            返回上一个问题",
		ZhHant: "  b            返回上一個問題",
		KO:     "  b            앞 질문으로 돌아갑니다",
	},
	"helpReview": {
		JA:     "  r            ここまでの回答を一覧にします",
		EN:     "  r                  list the answers so far",
		ZhHans: "  r            列出到目前为止的回答",
		ZhHant: "  r            列出到目前為止的回答",
		KO:     "  r            지금까지의 답변을 목록으로 봅니다",
	},
	"helpHelp": {
		JA:     "  ?            この説明を表示します",
		EN:     "  ?                  show this help",
		ZhHans: "  ?            显示本说明",
		ZhHant: "  ?            顯示本說明",
		KO:     "  ?            이 설명을 표시합니다",
	},
	"helpQuit": {
		JA:     "  q            問診を中止します（回答は残りません）",
		EN:     "  q                  quit (no answers are kept)",
		ZhHans: "  q            中止问诊（不保留回答）",
		ZhHant: "  q            中止問診（不保留回答）",
		KO:     "  q            문진을 중지합니다(답변은 남지 않습니다)",
	},

	"quitConfirm": {
		JA:     "中止すると、ここまでの回答はすべて破棄されます。中止しますか（y/n）: ",
		EN:     "Quitting discards every answer given so far. Quit? (y/n): ",
		ZhHans: "中止后，到目前为止的回答将全部作废。要中止吗（y/n）：",
		ZhHant: "中止後，到目前為止的回答將全部作廢。要中止嗎（y/n）：",
		KO:     "중지하면 지금까지의 답변이 모두 삭제됩니다. 중지하시겠습니까 (y/n): ",
	},
	"quitNo": {
		JA:     "問診を続けます。",
		EN:     "Continuing the screening.",
		ZhHans: "继续问诊。",
		ZhHant: "繼續問診。",
		KO:     "문진을 계속합니다.",
	},

	"reviewTitle": {
		JA:     "回答の確認",
		EN:     "Review your answers",
		ZhHans: "确认回答",
		ZhHant: "確認回答",
		KO:     "답변 확인",
	},
	"reviewSoFar": {
		JA:     "ここまでの回答",
		EN:     "Answers so far",
		ZhHans: "到目前为止的回答",
		ZhHant: "到目前為止的回答",
		KO:     "지금까지의 답변",
	},
	"reviewNone": {
		JA:     "まだ回答はありません。",
		EN:     "No answers yet.",
		ZhHans: "还没有回答。",
		ZhHant: "還沒有回答。",
		KO:     "아직 답변이 없습니다.",
	},
	"reviewPrompt": {
		JA:     "回答を変える質問の番号を入力してください。このままでよければ Enter キーを押します: ",
		EN:     "To change an answer, enter its number. To confirm, press Enter: ",
		ZhHans: "请输入要修改回答的问题编号。确认无误请按 Enter 键：",
		ZhHant: "請輸入要修改回答的問題編號。確認無誤請按 Enter 鍵：",
		KO:     "답변을 바꿀 질문의 번호를 입력해 주십시오. 이대로 좋으면 Enter 키를 누릅니다: ",
	},
	"reviewMidway": {
		JA:     "回答を変える質問の番号を入力してください。Enter キーで質問に戻ります: ",
		EN:     "To change an answer, enter its number. Press Enter to return to the question: ",
		ZhHans: "请输入要修改回答的问题编号。按 Enter 键返回问题：",
		ZhHant: "請輸入要修改回答的問題編號。按 Enter 鍵返回問題：",
		KO:     "답변을 바꿀 질문의 번호를 입력해 주십시오. Enter 키로 질문으로 돌아갑니다: ",
	},
	"reviewBad": {
		JA:     "「%s」は一覧にありません。1から%dまでの番号を入力してください。",
		EN:     "\"%s\" is not in the list. Enter a number from 1 to %d.",
		ZhHans: "「%s」不在列表中。请输入 1 到 %d 之间的编号。",
		ZhHant: "「%s」不在列表中。請輸入 1 到 %d 之間的編號。",
		KO:     "\"%s\"는 목록에 없습니다. 1부터 %d까지의 번호를 입력해 주십시오.",
	},
	"reviewHelp": {
		JA:     "  番号         その質問の回答を変えます",
		EN:     "  a number           change the answer to that question",
		ZhHans: "  编号         修改该问题的回答",
		ZhHant: "  編號         修改該問題的回答",
		KO:     "  번호         그 질문의 답변을 바꿉니다",
	},
	"reviewHelpOK": {
		JA:     "  Enter        回答を確定して結果を表示します",
		EN:     "  Enter              confirm the answers and show the result",
		ZhHans: "  Enter        确定回答并显示结果",
		ZhHant: "  Enter        確定回答並顯示結果",
		KO:     "  Enter        답변을 확정하고 결과를 표시합니다",
	},
	"reviewHelpBack": {
		JA:     "  Enter        質問に戻ります",
		EN:     "  Enter              return to the question",
		ZhHans: "  Enter        返回问题",
		ZhHant: "  Enter        返回問題",
		KO:     "  Enter        질문으로 돌아갑니다",
	},

	"errQuit": {
		JA:     "問診を中止しました。回答は残っていません。",
		EN:     "The screening was quit. No answers were kept.",
		ZhHans: "问诊已中止。没有保留任何回答。",
		ZhHant: "問診已中止。沒有保留任何回答。",
		KO:     "문진을 중지했습니다. 답변은 남아 있지 않습니다.",
	},
	"errEnded": {
		JA:     "問診が終わる前に入力が終わりました。結果は出していません。",
		EN:     "The input ended before the screening was complete. No result was produced.",
		ZhHans: "问诊结束前输入就已结束。没有得出结果。",
		ZhHant: "問診結束前輸入就已結束。沒有得出結果。",
		KO:     "문진이 끝나기 전에 입력이 끝났습니다. 결과는 내지 않았습니다.",
	},
	"errInterrupted": {
		JA:     "問診を中断しました。結果は出していません。",
		EN:     "The screening was interrupted. No result was produced.",
		ZhHans: "问诊已中断。没有得出结果。",
		ZhHant: "問診已中斷。沒有得出結果。",
		KO:     "문진이 중단되었습니다. 결과는 내지 않았습니다.",
	},
	"errInvalid": {
		JA:     "%s: 回答として使えない入力があったため、問診を止めました。結果は出していません。\n  %s",
		EN:     "%s: stopped, as the input is not a usable answer. No result was produced.\n  %s",
		ZhHans: "%s：输入无法作为回答使用，问诊已停止。没有得出结果。\n  %s",
		ZhHant: "%s：輸入無法作為回答使用，問診已停止。沒有得出結果。\n  %s",
		KO:     "%s: 답변으로 쓸 수 없는 입력이 있어 문진을 멈췄습니다. 결과는 내지 않았습니다.\n  %s",
	},
	"errInvalidReview": {
		JA:     "回答の確認で「%s」は使えないため、問診を止めました。結果は出していません。",
		EN:     "Stopped at the review: \"%s\" is not one of the numbers listed. No result was produced.",
		ZhHans: "确认回答时，「%s」无法使用，问诊已停止。没有得出结果。",
		ZhHant: "確認回答時，「%s」無法使用，問診已停止。沒有得出結果。",
		KO:     "답변 확인에서 \"%s\"는 사용할 수 없어 문진을 멈췄습니다. 결과는 내지 않았습니다.",
	},
	"errSave": {
		JA:     "結果を保存できませんでした: %s",
		EN:     "The result could not be saved: %s",
		ZhHans: "无法保存结果：%s",
		ZhHant: "無法儲存結果：%s",
		KO:     "결과를 저장하지 못했습니다: %s",
	},
	"done": {
		JA:     "問診が終わりました。結果は次のとおりです。",
		EN:     "The screening is complete. Here is the result.",
		ZhHans: "问诊已结束。结果如下。",
		ZhHant: "問診已結束。結果如下。",
		KO:     "문진이 끝났습니다. 결과는 다음과 같습니다.",
	},
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
