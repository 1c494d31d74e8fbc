package inbox

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// plant writes n results into dir, one a minute from t0 on, each a copy of one real result
// with its own ID, completion time and reception number (written directly: saving 50,000
// results through the outbox takes minutes of fsync).
func plant(tb testing.TB, dir string, n int) {
	tb.Helper()
	rs := outboxtest.RuleSet(tb)
	res := outboxtest.Result(tb, rs, nil)
	p := export.Patient{ReceptionNumber: "R-000000"}
	j, txt, err := outbox.Render(res, export.Meta{Lang: screening.JA, Time: t0, Started: t0.Add(-time.Minute), Patient: &p})
	if err != nil {
		tb.Fatal(err)
	}
	stamp := []byte(t0.Format(time.RFC3339))
	if !bytes.Contains(j, stamp) {
		tb.Fatalf("no %s in the result", stamp)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		tb.Fatal(err)
	}
	var rnd [8]byte
	for i := range n {
		at := t0.Add(time.Duration(i) * time.Minute)
		rand.Read(rnd[:])
		id := at.UTC().Format("20060102T150405.000Z") + "-" + hex.EncodeToString(rnd[:])
		num := []byte("R-" + strconv.Itoa(1000000 + i)[1:])
		jj := bytes.ReplaceAll(bytes.ReplaceAll(j, stamp, []byte(at.Format(time.RFC3339))), []byte("R-000000"), num)
		tt := bytes.ReplaceAll(txt, []byte("R-000000"), num)
		if err := os.WriteFile(filepath.Join(dir, id+outbox.SummaryExt), tt, 0o600); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, id+outbox.ResultExt), jj, 0o600); err != nil {
			tb.Fatal(err)
		}
	}
}

// TestPlant fills the folder $EXOSCREEN_PLANT with $EXOSCREEN_PLANT_N results, for the
// scale measurements (scripts/inbox-scale.sh); skipped otherwise.
func TestPlant(t *testing.T) {
	dir := os.Getenv("EXOSCREEN_PLANT")
	if dir == "" {
		t.Skip("EXOSCREEN_PLANT not set")
	}
	n, err := strconv.Atoi(os.Getenv("EXOSCREEN_PLANT_N"))
	if err != nil {
		t.Fatal(err)
	}
	plant(t, dir, n)
}
