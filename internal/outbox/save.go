package outbox

import (
	"bytes"

	"github.com/exoscreen/exoscreen/internal/atomicfile"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// Render builds the two files of one screening with package export: the JSON result (with
// answers, patient details, language and timestamps) and the printable summary, the
// physician's copy: in the clinic's language (m.StaffLang if set), with the answers also as
// the patient read them in m.Lang. The JSON result carries every finding's texts in every
// language the rule set declares (export.Meta.Texts), so that the file reads in any of them.
func Render(res *screening.Result, m export.Meta) (result, summary []byte, err error) {
	var j, t bytes.Buffer
	jm := m
	jm.Texts = true
	if err := export.WriteJSON(&j, res, jm); err != nil {
		return nil, nil, err
	}
	staff := m
	if staff.StaffLang == "" {
		staff.StaffLang = res.RuleSet.Clinic()
	}
	if err := export.WriteText(&t, res, staff); err != nil {
		return nil, nil, err
	}
	return j.Bytes(), t.Bytes(), nil
}

// Save renders res and writes it to the outbox (see Write). m.Time is the completion time.
func (o *Outbox) Save(res *screening.Result, m export.Meta) (string, error) {
	result, summary, err := Render(res, m)
	if err != nil {
		return "", err
	}
	return o.Write(m.Time, result, summary)
}

// WriteNewFile writes data to a new file at path atomically with mode 0600; it never replaces
// an existing file (errors.Is(err, fs.ErrExist) then). It is internal/atomicfile.WriteNew.
func WriteNewFile(path string, data []byte) error {
	return atomicfile.WriteNew(path, data, FileMode)
}
