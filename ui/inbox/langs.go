package inbox

import "github.com/exoscreen/exoscreen/screening"

// The language tags, named here so that message literals in this package read
// screening.Text{JA: "…", EN: "…", ZhHans: "…", ZhHant: "…", KO: "…"}.
const (
	JA     = screening.JA
	EN     = screening.EN
	ZhHans = screening.ZhHans
	ZhHant = screening.ZhHant
	KO     = screening.KO
)
