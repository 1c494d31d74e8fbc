package export

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/exoscreen/exoscreen/screening"
)

// TestJSONFastPath: WriteJSON must give exactly the bytes of json.Marshal(NewJSONResult).
func TestJSONFastPath(t *testing.T) {
	rs := defaultRules(t)
	metas := []Meta{
		{Lang: screening.JA},
		{Lang: screening.EN, Time: fixedTime, Started: fixedTime.Add(-300e9), ID: NewID(), Line: 7, Clinic: "<Clinic & \"Co\">\u2028",
			Patient: &Patient{ReceptionNumber: "A-1", Name: "山田\x00花子", DateOfBirth: "1980-01-02"}},
		{Lang: screening.JA, Patient: &Patient{}, Clinic: "\xff\xfe"},
	}
	for i, a := range spread(t, rs, 300) {
		res := evaluate(t, rs, a)
		m := metas[i%len(metas)]
		want, err := json.Marshal(NewJSONResult(res, m))
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := WriteJSON(&got, res, m); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(append(want, '\n'), got.Bytes()) {
			t.Fatalf("record %d: WriteJSON differs from json.Marshal:\n%s", i, firstDiff(append(want, '\n'), got.Bytes()))
		}
	}
}
