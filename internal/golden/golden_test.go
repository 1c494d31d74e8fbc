package golden

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, a ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, a...))
}
func (r *recorder) Fatalf(format string, a ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, a...))
	runtime.Goexit()
}
func (r *recorder) Fatal(a ...any) { r.errs = append(r.errs, fmt.Sprint(a...)); runtime.Goexit() }

// run calls f on a goroutine of its own, as the testing package runs a test, so that Fatal
// ends f only.
func run(f func()) {
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	<-done
}

func TestEqual(t *testing.T) {
	if Update() {
		t.Skip("-update rewrites instead of comparing")
	}
	t.Chdir(t.TempDir())
	if err := os.MkdirAll(filepath.Join("testdata", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "sub", "a.txt"), []byte("one\ntwo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, got string
		fail      string // a part of the failure message; "" when it should pass
	}{
		{"sub/a.txt", "one\ntwo\n", ""},
		{"sub/a.txt", "one\nTWO\n", "line 2:\nwant \"two\"\ngot  \"TWO\""},
		{"sub/a.txt", "one\ntwo", "line 3:"},
		{"sub/a.txt", "one\ntwo\n\n", "line 4:"},
		{"sub/missing.txt", "x", "go test -update creates it"},
	} {
		r := &recorder{TB: t}
		run(func() { Equal(r, tc.name, tc.got) })
		run(func() { Equal(r, tc.name, []byte(tc.got)) })
		switch {
		case tc.fail == "" && len(r.errs) > 0:
			t.Errorf("%s %q: failed: %v", tc.name, tc.got, r.errs)
		case tc.fail != "" && len(r.errs) != 2:
			t.Errorf("%s %q: %d failures, want 2 (string and []byte)", tc.name, tc.got, len(r.errs))
		case tc.fail != "" && !strings.Contains(r.errs[0], tc.fail):
			t.Errorf("%s %q: failure %q does not say %q", tc.name, tc.got, r.errs[0], tc.fail)
		}
	}
}

func TestUpdateWrites(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := flagSet(t, "true"); err != nil {
		t.Fatal(err)
	}
	r := &recorder{TB: t}
	run(func() { Equal(r, "new/b.txt", "fresh\n") })
	if len(r.errs) > 0 {
		t.Fatal(r.errs)
	}
	b, err := os.ReadFile(filepath.Join("testdata", "new", "b.txt"))
	if err != nil || string(b) != "fresh\n" {
		t.Errorf("-update wrote %q, %v", b, err)
	}
}

// flagSet sets -update to v for the rest of the test.
func flagSet(t *testing.T, v string) error {
	old := flag.Lookup("update").Value.String()
	t.Cleanup(func() { flag.Set("update", old) })
	return flag.Set("update", v)
}

// TestNamedAndFile: Named reads testdata/<test name>.golden (a subtest's name a folder), File
// the path it is given outside testdata/; each passes on the same bytes and fails otherwise.
func TestNamedAndFile(t *testing.T) {
	if Update() {
		t.Skip("-update rewrites instead of comparing")
	}
	t.Chdir(t.TempDir())
	t.Run("frame_80x24", func(t *testing.T) {
		path := filepath.Join("testdata", "TestNamedAndFile", "frame_80x24.golden")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("ja\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll("other", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("other", "x.yaml"), []byte("a: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			check func(testing.TB)
			fail  string
		}{
			{func(tb testing.TB) { Named(tb, "ja\n") }, ""},
			{func(tb testing.TB) { Named(tb, []byte("en\n")) }, path},
			{func(tb testing.TB) { File(tb, filepath.Join("other", "x.yaml"), "a: 1\n") }, ""},
			{func(tb testing.TB) { File(tb, filepath.Join("other", "x.yaml"), "a: 2\n") }, "want \"a: 1\""},
			{func(tb testing.TB) { File(tb, filepath.Join("other", "y.yaml"), "a: 1\n") }, "go test -update creates it"},
		} {
			r := &recorder{TB: t}
			run(func() { tc.check(r) })
			switch {
			case tc.fail == "" && len(r.errs) > 0:
				t.Errorf("failed: %v", r.errs)
			case tc.fail != "" && len(r.errs) != 1:
				t.Errorf("%d failures, want 1 saying %q", len(r.errs), tc.fail)
			case tc.fail != "" && !strings.Contains(r.errs[0], tc.fail):
				t.Errorf("failure %q does not say %q", r.errs[0], tc.fail)
			}
		}
	})
}
