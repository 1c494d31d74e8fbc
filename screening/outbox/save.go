package outbox

import (
	"bytes"
	"path/filepath"

	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// Render builds the two files of one screening with package export: the JSON result (with
// answers, patient details, language and timestamps) and the printable summary.
func Render(res *screening.Result, m export.Meta) (result, summary []byte, err error) {
	var j, t bytes.Buffer
	if err := export.WriteJSON(&j, res, m); err != nil {
		return nil, nil, err
	}
	if err := export.WriteText(&t, res, m); err != nil {
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

// WriteNewFile writes data to a new file at path atomically (temporary file in the same
// folder, fsync, link) with mode 0600. It never replaces an existing file: it fails with an
// error satisfying errors.Is(err, fs.ErrExist) instead.
func WriteNewFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := publish(dir, path, data); err != nil {
		return err
	}
	return syncDir(dir)
}
