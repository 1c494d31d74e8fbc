package ui

import (
	"github.com/exoscreen/exoscreen/internal/i18n"
	"github.com/exoscreen/exoscreen/screening"
)

// messages are the words of the screens (the chrome): everything a person reads that does
// not come from the rule set. Every key has both languages; TestMessagesComplete checks it.
var baseMessages = i18n.Catalog{
	// welcome
	"welcome.title":    {JA: "事前問診", EN: "Pre-treatment screening"},
	"welcome.intro":    {JA: "これから、治療を受けられるかどうかを確かめるための質問をします。答えはいつでも戻って直せます。最後に回答を確認してから結果を表示します。", EN: "You will be asked some questions to check whether this treatment is suitable for you. You can go back and change any answer. You review your answers before the result is shown."},
	"welcome.count":    {JA: "質問は全部で%d問までです（答えによって変わります）。", EN: "There are up to %d questions (depending on your answers)."},
	"welcome.language": {JA: "言語\nLanguage", EN: "Language\n言語"}, // ja and en on lines of their own
	"welcome.start":    {JA: "enter で始めます。", EN: "Press enter to start."},
	"unreviewed": {
		JA:     "この言語の訳は、まだこの言語の医師による確認を受けていません。",
		EN:     "This translation has not yet been reviewed by a clinician who speaks this language.",
		ZhHans: "本译文尚未经过以此语言为母语的医生审核。",
		ZhHant: "本譯文尚未經過以此語言為母語的醫師審核。",
		KO:     "이 번역은 아직 이 언어를 사용하는 의사의 검토를 받지 않았습니다.",
	},

	// question screen
	"progress":          {JA: "質問 %d / %d", EN: "Question %d of %d"},
	"optional":          {JA: "（任意）", EN: "(optional)"},
	"multi.hint":        {JA: "スペースキーか番号のキーで選択/解除、enter で次へ。", EN: "Space or an option's number ticks or unticks it; enter goes on."},
	"int.mode.number":   {JA: "数字で答える", EN: "Enter a number"},
	"int.mode.unsure":   {JA: "わかりません", EN: "Not sure"},
	"int.range":         {JA: "%dから%dまでの整数でお答えください。", EN: "Answer with a whole number from %d to %d."},
	"int.range.unit":    {JA: "%dから%dまでの整数でお答えください（単位：%s）。", EN: "Answer with a whole number from %d to %d (%s)."},
	"int.err.empty":     {JA: "数字を入力してください。", EN: "Please enter a number."},
	"int.err.notnum":    {JA: "数字で入力してください（例：7）。", EN: "Please enter digits only (for example 7)."},
	"int.err.range":     {JA: "%dから%dまでの数字を入力してください。", EN: "Please enter a number from %d to %d."},
	"choice.need":       {JA: "答えをお選びください（上下キーか番号のキーで選び、enter で次へ）。", EN: "Please choose an answer (up/down or its number, then enter)."},
	"multi.err.empty":   {JA: "少なくとも1つお選びください。", EN: "Please choose at least one."},
	"text.placeholder":  {JA: "ここに入力", EN: "Type here"},
	"text.err.required": {JA: "入力してください。", EN: "Please write an answer."},
	"more.below":        {JA: "（続きあり: pgdn）", EN: "(more below: pgdn)"},
	"more.above":        {JA: "（上に続きあり: pgup）", EN: "(more above: pgup)"},

	// review
	"review.title":      {JA: "回答の確認", EN: "Review your answers"},
	"review.intro":      {JA: "直したい回答を選んで enter を押してください。よければ最後の「確定」を選びます。", EN: "Choose an answer and press enter to change it. When all is right, choose Confirm at the end."},
	"review.confirm":    {JA: "[ 確定して結果を見る ]", EN: "[ Confirm and see the result ]"},
	"review.count":      {JA: "%d件の回答", EN: "%d answers"},
	"review.open":       {JA: "まだ答えていない質問が%d問あります。先に答えてください。", EN: "Not answered yet: %d. Please answer first."},
	"review.unanswered": {JA: "（未回答）", EN: "(not answered)"},
	"review.need":       {JA: "まだ答えていない質問があるため、確定できません。", EN: "This cannot be confirmed while a question is not answered."},

	// summary
	"summary.title":     {JA: "問診結果", EN: "Screening result"},
	"summary.verdict":   {JA: "判定", EN: "Verdict"},
	"summary.answer":    {JA: "回答", EN: "Answer"},
	"summary.reason":    {JA: "理由", EN: "Reason"},
	"summary.sources":   {JA: "出典", EN: "Sources"},
	"summary.confirm":   {JA: "[要確認]", EN: "[CONFIRM]"},
	"summary.confirmN":  {JA: "要確認の項目: %d件", EN: "Findings to confirm: %d"},
	"summary.none":      {JA: "該当する項目はありません。", EN: "No findings in this class."},
	"summary.notices":   {JA: "お知らせ", EN: "Notices"},
	"summary.srclist":   {JA: "出典一覧", EN: "Sources cited"},
	"summary.ruleset":   {JA: "ルールセット", EN: "Rule set"},
	"summary.verdictNB": {JA: "この判定は医師の判断を助けるもので、治療の可否は医師が決めます。", EN: "This verdict supports the physician's judgment; the physician decides."},
	"summary.saved":     {JA: "保存しました: %s", EN: "Saved: %s"},
	"summary.saveFail":  {JA: "保存できませんでした: %s", EN: "Could not save: %s"},
	"summary.position":  {JA: "%d-%d行 / %d行", EN: "lines %d-%d of %d"},

	// export
	"export.title":  {JA: "結果をファイルに保存", EN: "Save the summary to a file"},
	"export.prompt": {JA: "保存先のファイル名（パス）", EN: "File name (path) to save to"},
	"export.note":   {JA: "印刷できるテキスト形式で保存します。ファイルは、このコンピューターであなたのアカウントだけが読めるように（権限 0600）作ります。", EN: "The printable text summary is saved, readable only by your account on this computer (mode 0600)."},
	"export.exists": {JA: "このファイルはすでにあります。もう一度 enter を押すと上書きします。", EN: "This file already exists. Press enter again to replace it."},
	"export.empty":  {JA: "ファイル名を入力してください。", EN: "Please enter a file name."},
	"export.isdir":  {JA: "フォルダーです。ファイル名を入力してください。", EN: "That is a folder; please enter a file name."},
	"export.failed": {JA: "保存できませんでした: %s。結果は失われていません。別の場所を指定してください。", EN: "Could not save: %s. The result is not lost; try another place."},

	// quit
	"quit.title":     {JA: "終了しますか？", EN: "Quit?"},
	"quit.unsaved":   {JA: "回答は保存されていません。終了すると回答は失われます。", EN: "Your answers have not been saved. If you quit, they are lost."},
	"quit.saved":     {JA: "結果は保存済みです。", EN: "The result has been saved."},
	"quit.yes":       {JA: "終了する", EN: "Quit"},
	"quit.no":        {JA: "続ける", EN: "Go on"},
	"quit.resultNot": {JA: "結果はまだ保存されていません。終了すると画面の結果は失われます。", EN: "The result has not been saved. If you quit, it is gone from the screen."},

	// key help
	"key.choose":   {JA: "選ぶ", EN: "choose"},
	"key.next":     {JA: "次へ", EN: "next"},
	"key.back":     {JA: "戻る", EN: "back"},
	"key.quit":     {JA: "終了", EN: "quit"},
	"key.toggle":   {JA: "選択/解除", EN: "tick"},
	"key.all":      {JA: "すべて選択/解除", EN: "all/none"},
	"key.newline":  {JA: "改行", EN: "new line"},
	"key.scroll":   {JA: "スクロール", EN: "scroll"},
	"key.page":     {JA: "ページ送り", EN: "page"},
	"key.change":   {JA: "直す", EN: "change"},
	"key.confirm":  {JA: "確定", EN: "confirm"},
	"key.save":     {JA: "保存", EN: "save"},
	"key.yes":      {JA: "はい", EN: "yes"},
	"key.no":       {JA: "いいえ", EN: "no"},
	"key.cancel":   {JA: "やめる", EN: "cancel"},
	"key.start":    {JA: "始める", EN: "start"},
	"key.language": {JA: "言語", EN: "language"},
	"key.review":   {JA: "確認画面へ", EN: "to review"},
	"button.next":  {JA: "次へ", EN: "Next"},
	"key.explain":  {JA: "説明", EN: "explanation"},
	"key.close":    {JA: "質問に戻る", EN: "back to the question"},
	"explain.hint": {JA: "?、esc、enter のどれかで質問に戻ります。", EN: "?, esc or enter: back to the question."},
}

// tr returns the chrome text key in lang, formatted with args when given.
func tr(lang screening.Lang, key string, args ...any) string {
	return messages.Get(lang, key, args...)
}
