package screening

// LoadMessages lets the external test TestLoadMessagesComplete check the loader's catalogue
// with i18n.Catalog.Gaps (package i18n imports screening, so screening's own tests cannot).
var LoadMessages = loadMessages
