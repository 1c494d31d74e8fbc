package export

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaFile is the JSON Schema of the result, shipped in the repository.
var schemaFile = filepath.Join("..", "..", "docs", "schema", "result.schema.json")

func resultSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	abs, err := filepath.Abs(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(abs)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaFile, err)
	}
	return s
}

// validateSchema checks every JSON line of out against the schema.
func validateSchema(t *testing.T, s *jsonschema.Schema, out []byte) {
	t.Helper()
	for _, line := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
		if err != nil {
			t.Fatalf("not JSON: %v\n%s", err, line)
		}
		if err := s.Validate(v); err != nil {
			t.Fatalf("does not match %s: %v\n%s", schemaFile, err, line)
		}
	}
}

// TestSchemaRefuses makes sure the schema is not a rubber stamp.
func TestSchemaRefuses(t *testing.T) {
	s := resultSchema(t)
	for _, bad := range []string{
		`{}`,
		`{"format":"exoscreen-result/1","verdict":"maybe","verdict_label":"x","needs_confirmation":0,"lang":"ja","answers":{},"findings":[],"notices":[],"ruleset":{"id":"a","version":"1","sha256":"00"}}`,
		`{"line":0,"error":{"message":"x","problems":[]}}`,
	} {
		v, _ := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(bad)))
		if s.Validate(v) == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}
