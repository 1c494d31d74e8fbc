package screening

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exoscreen/exoscreen/content"
)

// TestCompiledContent: the compiled form embedded in content/ is what regenerating it from
// the YAML files gives, byte for byte, and Load(content.FS), which reads it, gives the very
// rule set LoadDir builds from the YAML: same model, same SHA-256, and lint finds nothing in
// it, as in the YAML.
func TestCompiledContent(t *testing.T) {
	fromYAML, err := LoadDir("../content")
	if err != nil {
		t.Fatalf("the content files do not load:\n%v", err)
	}
	want, err := fromYAML.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := fs.ReadFile(content.FS, CompiledFile)
	if err != nil {
		t.Fatalf("content/%s: %v: run go generate ./...", CompiledFile, err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("content/%s is stale (the YAML files changed after it was made): run go generate ./...", CompiledFile)
	}
	compiled, err := unmarshalCompiled(got)
	if err != nil {
		t.Fatalf("content/%s does not read back: %v", CompiledFile, err)
	}
	loaded, err := Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	for name, rs := range map[string]*RuleSet{"the compiled form": compiled, "Load(content.FS)": loaded} {
		if rs.SHA256 != fromYAML.SHA256 {
			t.Errorf("%s: SHA-256 %s, the YAML files %s", name, rs.SHA256, fromYAML.SHA256)
		}
		if !reflect.DeepEqual(rs, fromYAML) {
			t.Errorf("%s differs from the rule set read from YAML: compiled.go does not carry every field of the model", name)
		}
		var problems []Problem
		lint(rs, reporter{file: "questions.yaml", problems: &problems}, nil)
		if len(problems) > 0 {
			t.Errorf("%s: lint finds %v", name, problems)
		}
	}
}

// TestCompiledRoundTrip: every rule set in testdata that loads, and the frozen test rule
// set, read back from their compiled form equal themselves (nil and empty slices too).
func TestCompiledRoundTrip(t *testing.T) {
	for _, dir := range []string{"../internal/testrules/testdata", "../content"} {
		rs, err := LoadDir(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, big := range []*RuleSet{rs, bigRuleSet(t, 70)} {
			data, err := big.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			back, err := unmarshalCompiled(data)
			if err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			if !reflect.DeepEqual(back, big) {
				t.Errorf("%s: the rule set read back from its compiled form differs", dir)
			}
		}
	}
}

// TestCompiledFallback: Load reads the YAML files whenever the compiled form beside them is
// not theirs (stale after an edit), is damaged anywhere, fails lint, or is missing.
func TestCompiledFallback(t *testing.T) {
	base := fstest.MapFS{}
	for _, name := range append(contentFiles, CompiledFile) {
		data, err := fs.ReadFile(content.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		base[name] = &fstest.MapFile{Data: data}
	}
	compiled := base[CompiledFile].Data

	// Stale: the YAML changed (a new version) and the compiled form was not regenerated.
	edited := fstest.MapFS{}
	for k, v := range base {
		edited[k] = v
	}
	edited["ruleset.yaml"] = &fstest.MapFile{Data: bytes.Replace(base["ruleset.yaml"].Data, []byte("\nversion: "), []byte("\nversion: 9"), 1)}
	rs, err := Load(edited)
	if err != nil {
		t.Fatal(err)
	}
	fresh, _ := Load(base)
	if rs.SHA256 == fresh.SHA256 || rs.Version == fresh.Version || rs.Version[0] != '9' {
		t.Errorf("a stale compiled form was used: version %q, SHA-256 %s", rs.Version, rs.SHA256)
	}

	// Damaged: truncated anywhere or with a byte changed, it is refused, never a panic.
	for n := 0; n < len(compiled); n += 1 + n/8 {
		if _, err := unmarshalCompiled(compiled[:n]); err == nil {
			t.Fatalf("truncated to %d bytes: read", n)
		}
		bad := bytes.Clone(compiled)
		bad[n] ^= 0xff
		unmarshalCompiled(bad) // must not panic
	}
	damaged := fstest.MapFS{}
	for k, v := range base {
		damaged[k] = v
	}
	damaged[CompiledFile] = &fstest.MapFile{Data: compiled[:len(compiled)/2]}
	if rs, err := Load(damaged); err != nil || !reflect.DeepEqual(rs, fresh) {
		t.Errorf("a damaged compiled form: %v", err)
	}
	// A compiled form that lint refuses (here a question stripped of its rules: a coverage
	// gap) is not used even though it names these very YAML files.
	stripped, err := LoadDir("../content")
	if err != nil {
		t.Fatal(err)
	}
	q := stripped.Questions[0]
	q.Rules = q.Rules[:0]
	bad, err := stripped.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	damaged[CompiledFile] = &fstest.MapFile{Data: bad}
	if rs, err := Load(damaged); err != nil || len(rs.Questions[0].Rules) == 0 || !reflect.DeepEqual(rs, fresh) {
		t.Errorf("a compiled form that fails lint was used: %v", err)
	}
	delete(damaged, CompiledFile)
	if rs, err := Load(damaged); err != nil || !reflect.DeepEqual(rs, fresh) {
		t.Errorf("no compiled form: %v", err)
	}
}

// BenchmarkLoadEmbedded is the start-up cost of the embedded rule set: the compiled form
// (Load) next to parsing its YAML (LoadDir).
func BenchmarkLoadEmbedded(b *testing.B) {
	b.Run("compiled", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Load(content.FS); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("yaml", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := LoadDir("../content"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestCompiledUsed: Load takes the rule set from a compiled form made from the very YAML
// files beside it (here one whose version says so), and reads the YAML when the form names
// other files, when the YAML files have problems, or always in LoadDir (a clinic's own
// content).
func TestCompiledUsed(t *testing.T) {
	m := contentCopy(t)
	fromYAML, err := Load(m)
	if err != nil {
		t.Fatal(err)
	}
	marked := frozenRules(t)
	marked.Version = "from-the-compiled-form"
	data, err := marked.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	m[CompiledFile] = &fstest.MapFile{Data: data}
	rs, err := Load(m)
	if err != nil || rs.Version != marked.Version || rs.SHA256 != fromYAML.SHA256 {
		t.Errorf("a current compiled form: version %q, %v; want it used", rs.Version, err)
	}

	dir := t.TempDir()
	for name, f := range m {
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if rs, err := LoadDir(dir); err != nil || rs.Version != fromYAML.Version {
		t.Errorf("LoadDir: version %q, %v; want the YAML's %q", rs.Version, err, fromYAML.Version)
	}

	stale := frozenRules(t)
	stale.SHA256 = strings.Repeat("0", 64)
	stale.Version = "stale"
	if data, err = stale.MarshalBinary(); err != nil {
		t.Fatal(err)
	}
	m[CompiledFile] = &fstest.MapFile{Data: data}
	if rs, err := Load(m); err != nil || rs.Version != fromYAML.Version {
		t.Errorf("a compiled form of other files: version %q, %v; want the YAML's", rs.Version, err)
	}

}

// TestCompiledTruncated: the compiled form cut short is refused, never read as a
// smaller rule set, and a form that keeps nil and empty slices apart reads back the same.
func TestCompiledTruncated(t *testing.T) {
	rs := frozenRules(t)
	rs.Notices = []*Notice{}
	rs.Questions[0].Rules[0].SourceKeys = []string{}
	rs.Questions[0].Rules[0].Sources = []*Source{}
	rs.Languages = nil
	data, err := rs.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	back, err := unmarshalCompiled(data)
	if err != nil || !reflect.DeepEqual(back, rs) {
		t.Fatalf("read back: %v, equal %v", err, reflect.DeepEqual(back, rs))
	}
	for n := range len(data) {
		if n > 512 && n < len(data)-512 && n%61 != 0 {
			continue // every cut in the head and the tail, a sample between
		}
		if _, err := unmarshalCompiled(data[:n]); err == nil {
			t.Fatalf("cut to %d of %d bytes: read", n, len(data))
		}
	}
}
