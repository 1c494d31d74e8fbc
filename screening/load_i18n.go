package screening

import "fmt"

// loadMessages are the loader's and lint's problem messages (Problem.Message), in every
// language of exoscreen's messages; reporter.msg formats them. An argument that is itself a
// Text (kindName) is given in the message's language.
var loadMessages = map[string]Text{
	"fileMissing": {EN: "file is missing", JA: "ファイルがありません", ZhHans: "文件不存在", ZhHant: "檔案不存在", KO: "파일이 없습니다"},
	"cannotRead":  {EN: "cannot read: %s", JA: "読み込めません: %s", ZhHans: "无法读取: %s", ZhHant: "無法讀取: %s", KO: "읽을 수 없습니다: %s"},
	"notYAML":     {EN: "not valid YAML: %s", JA: "YAMLとして読めません: %s", ZhHans: "不是有效的 YAML: %s", ZhHant: "不是有效的 YAML: %s", KO: "올바른 YAML 이 아닙니다: %s"},

	"sourceKeyForm": {EN: "a key uses lower-case letters, digits and '-'", JA: "キーは英小文字・数字・'-'で書きます",
		ZhHans: "键只能使用小写英文字母、数字和 '-'", ZhHant: "鍵只能使用小寫英文字母、數字和 '-'", KO: "키는 영문 소문자, 숫자, '-'로 씁니다"},
	"dupSourceKey": {EN: "duplicate source key %s", JA: "出典キー %s が重複しています",
		ZhHans: "出处键 %s 重复", ZhHant: "出處鍵 %s 重複", KO: "출처 키 %s이(가) 중복되었습니다"},
	"dateForm": {EN: "expected YYYY, YYYY-MM or YYYY-MM-DD", JA: "YYYY、YYYY-MM、YYYY-MM-DD のいずれかで書きます",
		ZhHans: "请写成 YYYY、YYYY-MM 或 YYYY-MM-DD", ZhHant: "請寫成 YYYY、YYYY-MM 或 YYYY-MM-DD", KO: "YYYY, YYYY-MM, YYYY-MM-DD 중 하나로 씁니다"},
	"urlForm": {EN: "expected an http:// or https:// address", JA: "http:// か https:// で始まるアドレスが必要です",
		ZhHans: "需要以 http:// 或 https:// 开头的地址", ZhHant: "需要以 http:// 或 https:// 開頭的位址", KO: "http:// 또는 https:// 로 시작하는 주소가 필요합니다"},
	"unknownSourceKey": {EN: "unknown source key %s (not in sources.yaml)", JA: "出典キー %s は sources.yaml にありません",
		ZhHans: "出处键 %s 不在 sources.yaml 中", ZhHant: "出處鍵 %s 不在 sources.yaml 中", KO: "출처 키 %s은(는) sources.yaml 에 없습니다"},
	"sourceCitedTwice": {EN: "source %s cited twice", JA: "出典 %s が2回書かれています",
		ZhHans: "出处 %s 写了两次", ZhHant: "出處 %s 寫了兩次", KO: "출처 %s이(가) 두 번 쓰였습니다"},
	"sourceUnused": {EN: "source is never cited by a rule or notice (a typo elsewhere?)", JA: "この出典はどのルールやお知らせにも使われていません（どこかの書き間違い？）",
		ZhHans: "此出处未被任何规则或通知引用（是否有笔误？）", ZhHant: "此出處未被任何規則或通知引用（是否有筆誤？）", KO: "이 출처는 어떤 규칙이나 안내에도 쓰이지 않았습니다(어딘가에 오타가 있습니까?)"},

	"idForm": {EN: "an id uses lower-case letters, digits and '-'", JA: "IDは英小文字・数字・'-'で書きます",
		ZhHans: "ID 只能使用小写英文字母、数字和 '-'", ZhHant: "ID 只能使用小寫英文字母、數字和 '-'", KO: "ID 는 영문 소문자, 숫자, '-'로 씁니다"},
	"dupNoticeID": {EN: "duplicate notice id %s", JA: "お知らせID %s が重複しています",
		ZhHans: "通知 ID %s 重复", ZhHant: "通知 ID %s 重複", KO: "안내 ID %s이(가) 중복되었습니다"},
	"sectionIDForm": {EN: "an id uses lower-case letters, digits, '_' and '-'", JA: "IDは英小文字・数字・'_'・'-'で書きます",
		ZhHans: "ID 只能使用小写英文字母、数字、'_' 和 '-'", ZhHant: "ID 只能使用小寫英文字母、數字、'_' 和 '-'", KO: "ID 는 영문 소문자, 숫자, '_', '-'로 씁니다"},
	"dupSectionID": {EN: "duplicate section id %s", JA: "セクションID %s が重複しています",
		ZhHans: "章节 ID %s 重复", ZhHant: "章節 ID %s 重複", KO: "섹션 ID %s이(가) 중복되었습니다"},
	"questionIDForm": {EN: "a question id uses lower-case letters, digits and '_'", JA: "質問IDは英小文字・数字・'_'で書きます",
		ZhHans: "问题 ID 只能使用小写英文字母、数字和 '_'", ZhHant: "問題 ID 只能使用小寫英文字母、數字和 '_'", KO: "질문 ID 는 영문 소문자, 숫자, '_'로 씁니다"},
	"dupQuestionID": {EN: "duplicate question id %s", JA: "質問ID %s が重複しています",
		ZhHans: "问题 ID %s 重复", ZhHant: "問題 ID %s 重複", KO: "질문 ID %s이(가) 중복되었습니다"},
	"unknownKind": {EN: "unknown kind %s (want single, multi, integer or text)", JA: "種類 %s はありません（single、multi、integer、text のいずれか）",
		ZhHans: "没有类型 %s（应为 single、multi、integer 或 text）", ZhHant: "沒有類型 %s（應為 single、multi、integer 或 text）", KO: "종류 %s은(는) 없습니다(single, multi, integer, text 중 하나)"},
	"optionsOnlyChoice": {EN: "only single and multi questions have options", JA: "選択肢を持てるのは single と multi の質問だけです",
		ZhHans: "只有 single 和 multi 问题可以有选项", ZhHant: "只有 single 和 multi 問題可以有選項", KO: "선택지는 single 과 multi 질문만 가질 수 있습니다"},
	"optionCodeForm": {EN: "an option code uses lower-case letters, digits, '_' and '-'", JA: "選択肢コードは英小文字・数字・'_'・'-'で書きます",
		ZhHans: "选项代码只能使用小写英文字母、数字、'_' 和 '-'", ZhHant: "選項代碼只能使用小寫英文字母、數字、'_' 和 '-'", KO: "선택지 코드는 영문 소문자, 숫자, '_', '-'로 씁니다"},
	"dupOptionCode": {EN: "duplicate option code %s", JA: "選択肢コード %s が重複しています",
		ZhHans: "选项代码 %s 重复", ZhHant: "選項代碼 %s 重複", KO: "선택지 코드 %s이(가) 중복되었습니다"},
	"onlyInteger": {EN: "only integer questions have %s", JA: "%s を持てるのは integer の質問だけです",
		ZhHans: "只有 integer 问题可以有 %s", ZhHant: "只有 integer 問題可以有 %s", KO: "%s은(는) integer 질문만 가질 수 있습니다"},
	"maxBelowMin": {EN: "max is below min", JA: "max が min より小さくなっています",
		ZhHans: "max 小于 min", ZhHant: "max 小於 min", KO: "max 가 min 보다 작습니다"},
	"rangeTooWide": {EN: "the range may span at most %d numbers", JA: "範囲は最大 %d までです",
		ZhHans: "范围最多只能包含 %d 个数", ZhHant: "範圍最多只能包含 %d 個數", KO: "범위는 최대 %d개의 수까지입니다"},
	"needsUnsure": {EN: `a single-choice question needs an option "unsure" (わかりません): unsure is never none`, JA: `単一選択の質問には選択肢 "unsure"（わかりません）が必要です`,
		ZhHans: `单选问题需要选项 "unsure"（不知道）：不知道绝不能当作没有`, ZhHant: `單選問題需要選項 "unsure"（不知道）：不知道絕不能當作沒有`,
		KO: `단일 선택 질문에는 선택지 "unsure"(모르겠습니다)가 필요합니다. 모른다는 답은 결코 '없음'이 아닙니다`},
	"tooManyOptions": {EN: "a multi question may have at most %d options", JA: "複数選択の質問の選択肢は最大 %d 個です",
		ZhHans: "多选问题最多只能有 %d 个选项", ZhHant: "多選問題最多只能有 %d 個選項", KO: "복수 선택 질문의 선택지는 최대 %d개입니다"},
	"unknownClass": {EN: "unknown class %s (want absolute, relative or none)", JA: "区分 %s はありません（absolute、relative、none のいずれか）",
		ZhHans: "没有分类 %s（应为 absolute、relative 或 none）", ZhHant: "沒有分類 %s（應為 absolute、relative 或 none）", KO: "구분 %s은(는) 없습니다(absolute, relative, none 중 하나)"},

	"unknownBehavior": {EN: "unknown behavior %s (want all or any)", JA: "behavior %s は使えません（all か any）",
		ZhHans: "不能使用 behavior %s（应为 all 或 any）", ZhHant: "不能使用 behavior %s（應為 all 或 any）", KO: "behavior %s은(는) 쓸 수 없습니다(all 또는 any)"},
	"unknownQuestion": {EN: "unknown question %s", JA: "質問 %s はありません",
		ZhHans: "没有问题 %s", ZhHant: "沒有問題 %s", KO: "질문 %s은(는) 없습니다"},
	"selfDepend": {EN: "a question cannot depend on its own answer", JA: "質問が自分自身の回答に依存しています",
		ZhHans: "问题不能依赖自己的回答", ZhHant: "問題不能依賴自己的回答", KO: "질문은 자기 자신의 답변에 의존할 수 없습니다"},
	"forwardRef": {EN: "refers forward to %s: conditions may only name earlier questions", JA: "後の質問 %s を参照しています。条件には前の質問だけを使えます",
		ZhHans: "引用了后面的问题 %s：条件只能使用前面的问题", ZhHant: "引用了後面的問題 %s：條件只能使用前面的問題", KO: "뒤의 질문 %s을(를) 참조합니다. 조건에는 앞의 질문만 쓸 수 있습니다"},
	"singleValue": {EN: "expected a single value, found %s", JA: "値が1つ必要ですが、%sです",
		ZhHans: "需要一个值，但找到的是 %s", ZhHant: "需要一個值，但找到的是 %s", KO: "값이 하나 필요하지만 %s입니다"},
	"existsBool": {EN: "exists takes true or false", JA: "exists には true か false を書きます",
		ZhHans: "exists 后面写 true 或 false", ZhHant: "exists 後面寫 true 或 false", KO: "exists 에는 true 또는 false 를 씁니다"},
	"unknownOperator": {EN: "unknown operator %s (want exists, =, !=, >, <, >= or <=)", JA: "演算子 %s は使えません（exists、=、!=、>、<、>=、<=）",
		ZhHans: "不能使用运算符 %s（exists、=、!=、>、<、>=、<=）", ZhHant: "不能使用運算子 %s（exists、=、!=、>、<、>=、<=）", KO: "연산자 %s은(는) 쓸 수 없습니다(exists, =, !=, >, <, >=, <=)"},
	"orderedOnChoice": {EN: "%s compares numbers; %s is a choice question (use = or !=)", JA: "%s は数値の比較です。%s は選択式の質問です（= か != を使います）",
		ZhHans: "%s 用于比较数值；%s 是选择题（请使用 = 或 !=）", ZhHant: "%s 用於比較數值；%s 是選擇題（請使用 = 或 !=）", KO: "%s은(는) 수를 비교합니다. %s은(는) 선택형 질문입니다(= 또는 != 를 씁니다)"},
	"notAnOption": {EN: "%s is not an option of %s (options: %s)", JA: "%s は %s の選択肢にありません（選択肢: %s）",
		ZhHans: "%s 不是 %s 的选项（选项：%s）", ZhHant: "%s 不是 %s 的選項（選項：%s）", KO: "%s은(는) %s의 선택지가 아닙니다(선택지: %s)"},
	"unsureOperator": {EN: `"unsure" can only be tested with = or != on a question that allows it`, JA: `"unsure" は unsure を許す質問で = か != とだけ使えます`,
		ZhHans: `"unsure" 只能在允许 unsure 的问题上用 = 或 != 判断`, ZhHant: `"unsure" 只能在允許 unsure 的問題上用 = 或 != 判斷`, KO: `"unsure" 는 unsure 를 허용하는 질문에서 = 또는 != 로만 확인할 수 있습니다`},
	"integerExpected": {EN: "%s is an integer question: expected a whole number", JA: "%s は整数の質問です。整数が必要です",
		ZhHans: "%s 是整数问题：需要整数", ZhHant: "%s 是整數問題：需要整數", KO: "%s은(는) 정수 질문입니다. 정수가 필요합니다"},
	"textOnlyExists": {EN: "%s is a text question: only exists can test it", JA: "%s は自由記述の質問です。exists だけが使えます",
		ZhHans: "%s 是自由填写的问题：只能使用 exists", ZhHant: "%s 是自由填寫的問題：只能使用 exists", KO: "%s은(는) 자유 기술 질문입니다. exists 만 쓸 수 있습니다"},

	"coverageGap": {EN: "coverage gap: no rule places the answer %s", JA: "網羅漏れ: 回答 %s を判定するルールがありません",
		ZhHans: "覆盖遗漏：没有规则判定回答 %s", ZhHant: "涵蓋遺漏：沒有規則判定回答 %s", KO: "누락: 답변 %s을(를) 판정하는 규칙이 없습니다"},
	"gapsMore": {EN: "%s and %d more", JA: "%s ほか%d件", ZhHans: "%s 等另外 %d 项", ZhHant: "%s 等另外 %d 項", KO: "%s 외 %d건"},
	"unsureMilder": {EN: `"unsure" is placed %s, milder than %s given to another answer: unsure must take the strictest class any answer could get`,
		JA:     `"unsure" が %s で、他の回答の %s より緩くなっています。わからないは最も厳しい区分にします`,
		ZhHans: `"unsure" 被判定为 %s，比其他回答的 %s 宽松：不知道必须取任何回答可能得到的最严格分类`,
		ZhHant: `"unsure" 被判定為 %s，比其他回答的 %s 寬鬆：不知道必須取任何回答可能得到的最嚴格分類`,
		KO:     `"unsure" 가 %s(으)로 판정되어 다른 답변의 %s보다 느슨합니다. 모른다는 답은 어떤 답변이 받을 수 있는 가장 엄격한 구분으로 해야 합니다`},
	"unsureConfirm": {EN: `the rule placing "unsure" must have needs_confirmation: true`, JA: `"unsure" を判定するルールには needs_confirmation: true が必要です`,
		ZhHans: `判定 "unsure" 的规则必须有 needs_confirmation: true`, ZhHant: `判定 "unsure" 的規則必須有 needs_confirmation: true`, KO: `"unsure" 를 판정하는 규칙에는 needs_confirmation: true 가 필요합니다`},

	"expectedMapping": {EN: "expected a mapping (key: value), found %s", JA: "マッピング（キー: 値）が必要ですが、%sです",
		ZhHans: "需要映射（键: 值），但找到的是 %s", ZhHant: "需要映射（鍵: 值），但找到的是 %s", KO: "매핑(키: 값)이 필요하지만 %s입니다"},
	"unknownKey": {EN: "unknown key (allowed here: %s)", JA: "不明なキーです（使えるキー: %s）",
		ZhHans: "未知的键（此处可用的键：%s）", ZhHant: "未知的鍵（此處可用的鍵：%s）", KO: "알 수 없는 키입니다(여기서 쓸 수 있는 키: %s)"},
	"keyTwice":    {EN: "key given twice", JA: "キーが2回書かれています", ZhHans: "键写了两次", ZhHant: "鍵寫了兩次", KO: "키가 두 번 쓰였습니다"},
	"requiredKey": {EN: "required key is missing", JA: "必須のキーがありません", ZhHans: "缺少必需的键", ZhHant: "缺少必要的鍵", KO: "필수 키가 없습니다"},
	"expectedText": {EN: "expected a text value, found %s", JA: "文字列が必要ですが、%sです",
		ZhHans: "需要文本值，但找到的是 %s", ZhHant: "需要文字值，但找到的是 %s", KO: "문자열이 필요하지만 %s입니다"},
	"notEmpty": {EN: "must not be empty", JA: "空にはできません", ZhHans: "不能为空", ZhHant: "不能為空", KO: "비워 둘 수 없습니다"},
	"expectedBool": {EN: "expected true or false, found %s", JA: "true か false が必要ですが、%sです",
		ZhHans: "需要 true 或 false，但找到的是 %s", ZhHant: "需要 true 或 false，但找到的是 %s", KO: "true 또는 false 가 필요하지만 %s입니다"},
	"expectedInt": {EN: "expected a whole number, found %s", JA: "整数が必要ですが、%sです",
		ZhHans: "需要整数，但找到的是 %s", ZhHant: "需要整數，但找到的是 %s", KO: "정수가 필요하지만 %s입니다"},
	"expectedList": {EN: "expected a list, found %s", JA: "リストが必要ですが、%sです",
		ZhHans: "需要列表，但找到的是 %s", ZhHant: "需要清單，但找到的是 %s", KO: "리스트가 필요하지만 %s입니다"},

	"reviewedBool": {EN: "expected true or false", JA: "true か false で書きます", ZhHans: "请写 true 或 false", ZhHant: "請寫 true 或 false", KO: "true 또는 false 로 씁니다"},
	"notBCP47": {EN: "not a BCP 47 language tag in its canonical form (e.g. ja, en, zh-Hans, ko)", JA: "BCP 47 の言語タグ(正規の形。例: ja、en、zh-Hans、ko)ではありません",
		ZhHans: "不是规范形式的 BCP 47 语言标记（例如 ja、en、zh-Hans、ko）", ZhHant: "不是正規形式的 BCP 47 語言標記（例如 ja、en、zh-Hans、ko）", KO: "정규 형식의 BCP 47 언어 태그가 아닙니다(예: ja, en, zh-Hans, ko)"},
	"langTwice": {EN: "language %s declared twice", JA: "言語 %s が2回宣言されています",
		ZhHans: "语言 %s 声明了两次", ZhHant: "語言 %s 宣告了兩次", KO: "언어 %s이(가) 두 번 선언되었습니다"},
	"jaRequired": {EN: "ja must be declared (the clinic's records are in Japanese)", JA: "ja を宣言してください(診療所の記録は日本語です)",
		ZhHans: "必须声明 ja（诊所的记录使用日语）", ZhHant: "必須宣告 ja（診所的記錄使用日語）", KO: "ja 를 선언해야 합니다(진료소의 기록은 일본어입니다)"},
	"clinicLangDeclared": {EN: "the clinic's language must be one of the declared languages", JA: "診療所の言語は宣言した言語のどれかにします",
		ZhHans: "诊所的语言必须是已声明的语言之一", ZhHant: "診所的語言必須是已宣告的語言之一", KO: "진료소의 언어는 선언한 언어 중 하나여야 합니다"},
	"missingText": {JA: "言語 %s の訳がありません(宣言したすべての言語で書きます)", EN: "missing the %s translation (every declared language is required)",
		ZhHans: "缺少 %s 译文（每种已声明的语言都必须有）", ZhHant: "缺少 %s 譯文（每種已宣告的語言都必須有）", KO: "%s 번역이 없습니다(선언한 모든 언어가 필요합니다)"},
	"unknownTag": {JA: "言語タグ %s は使えません(宣言した言語: %s)", EN: "unknown language tag %s (declared languages: %s)",
		ZhHans: "无法使用语言标记 %s（已声明的语言：%s）", ZhHant: "無法使用語言標記 %s（已宣告的語言：%s）", KO: "언어 태그 %s은(는) 사용할 수 없습니다(선언한 언어: %s)"},

	// kindName: what a YAML node is, as an argument of the messages above.
	"kindMapping": {EN: "a mapping", JA: "マッピング", ZhHans: "映射", ZhHant: "映射", KO: "매핑"},
	"kindList":    {EN: "a list", JA: "リスト", ZhHans: "列表", ZhHant: "清單", KO: "리스트"},
	"kindNull":    {EN: "nothing", JA: "空の値", ZhHans: "空值", ZhHant: "空值", KO: "빈 값"},
	"kindValue":   {EN: "the value %q", JA: "値 %q", ZhHans: "值 %q", ZhHant: "值 %q", KO: "값 %q"},
	"kindAlias":   {EN: "an alias", JA: "エイリアス", ZhHans: "别名", ZhHant: "別名", KO: "별칭"},
	"kindOther":   {EN: "something else", JA: "その他", ZhHans: "其他值", ZhHant: "其他值", KO: "그 밖의 값"},
}

// loadText is the message key of loadMessages in every language of exoscreen's messages,
// formatted with args; an argument that is a Text is given in each language.
func loadText(key string, args ...any) Text {
	t, ok := loadMessages[key]
	if !ok {
		return Text{JA: key, EN: key} // shows up in tests instead of vanishing
	}
	out := make(Text, len(t))
	for l, format := range t {
		if len(args) == 0 {
			out[l] = format
			continue
		}
		a := make([]any, len(args))
		for i, v := range args {
			if tv, ok := v.(Text); ok {
				v = tv.In(l)
			}
			a[i] = v
		}
		out[l] = fmt.Sprintf(format, a...)
	}
	return out
}
