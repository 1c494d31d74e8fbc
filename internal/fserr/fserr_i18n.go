package fserr

import "github.com/exoscreen/exoscreen/internal/i18n"

// messagesI18n are the reasons in zh-Hans, zh-Hant and ko, kept apart from their ja and en
// texts (baseMessages) so that the two are edited apart; messages joins them (i18n.With),
// and TestMessagesEveryLanguage checks that every key has every language of screening.Langs.
var messagesI18n = map[string][3]string{ // {zh-Hans, zh-Hant, ko}
	"empty":      {"没有文件名", "沒有檔案名稱", "파일 이름이 없습니다"},
	"isdir":      {"这是一个文件夹，请指定文件名", "這是一個資料夾，請指定檔案名稱", "폴더입니다. 파일 이름을 지정해 주십시오"},
	"notregular": {"不是普通文件", "不是一般檔案", "일반 파일이 아닙니다"},
	"exists":     {"已有同名文件", "已有同名檔案", "같은 이름의 파일이 이미 있습니다"},
	"notdir":     {"路径中有一部分不是文件夹", "路徑中有一部分不是資料夾", "경로 중간이 폴더가 아닙니다"},
	"missing":    {"文件夹不存在", "資料夾不存在", "폴더가 없습니다"},
	"readonly":   {"磁盘是只读的", "磁碟是唯讀的", "읽기 전용 디스크입니다"},
	"perm":       {"没有写入权限", "沒有寫入權限", "쓰기 권한이 없습니다"},
	"full":       {"磁盘空间已满", "磁碟空間已滿", "디스크에 빈 공간이 없습니다"},
	"quota":      {"已达到磁盘使用量上限（配额）", "已達到磁碟使用量上限（配額）", "디스크 사용량 한도(할당량)에 도달했습니다"},
	"toolong":    {"名称太长", "名稱太長", "이름이 너무 깁니다"},
	"loop":       {"符号链接太多", "符號連結太多", "심볼릭 링크가 너무 많습니다"},
	"io":         {"磁盘读写时发生错误", "磁碟讀寫時發生錯誤", "디스크를 읽고 쓰는 중 오류가 발생했습니다"},
	"busy":       {"文件正在使用中", "檔案正在使用中", "파일이 사용 중입니다"},
}

// messages are the texts of baseMessages in every language of screening.Langs.
var messages = i18n.With(baseMessages, messagesI18n)
