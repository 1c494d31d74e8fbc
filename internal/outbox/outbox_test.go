package outbox_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

var t0 = time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)

func meta(p export.Patient, at time.Time) export.Meta {
	return export.Meta{Lang: screening.JA, Time: at, Started: at.Add(-3 * time.Minute), Patient: &p}
}

func TestSavePermissionsNamesAndList(t *testing.T) {
	rs := outboxtest.RuleSet(t)
	dir := filepath.Join(t.TempDir(), "outbox")
	o := outbox.New(dir)
	warn, err := o.Prepare(t0)
	if err != nil || warn != "" {
		t.Fatalf("Prepare: %q %v", warn, err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %04o, want 0700", fi.Mode().Perm())
	}
	p1 := export.Patient{ReceptionNumber: "A-017", Name: "山田 花子", DateOfBirth: "1980-04-15"}
	id1, err := o.Save(outboxtest.Result(t, rs, nil), meta(p1, t0))
	if err != nil {
		t.Fatal(err)
	}
	p2 := export.Patient{Name: "Jane Roe"}
	id2, err := o.Save(outboxtest.Result(t, rs, map[string]any{"pregnancy": "pregnant", "pregnancy_planned": nil}), meta(p2, t0.Add(time.Minute)))
	if err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 4 {
		t.Fatalf("folder holds %d files, want 4", len(ents))
	}
	for _, e := range ents {
		fi, _ := e.Info()
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %04o, want 0600", e.Name(), fi.Mode().Perm())
		}
		// The whole date: a name's random hex can hold "1980" by chance.
		for _, s := range []string{"A-017", "山田", "1980-04-15", "19800415", "Jane", "Roe"} {
			if strings.Contains(e.Name(), s) {
				t.Errorf("file name %s carries patient data %q", e.Name(), s)
			}
		}
		if id := strings.TrimSuffix(e.Name(), filepath.Ext(e.Name())); !outbox.ValidID(id) {
			t.Errorf("file name %s is not <ID>.ext", e.Name())
		}
	}
	if !strings.HasPrefix(id1, "20261121T093000.000Z-") {
		t.Errorf("ID %s does not start with the UTC completion time", id1)
	}

	list, err := o.List(t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != id2 || list[1].ID != id1 {
		t.Fatalf("List = %+v, want newest first [%s %s]", list, id2, id1)
	}
	e := list[1]
	if e.Patient != p1 || e.Verdict != screening.Relative || !e.HasSummary || e.Reviewed || e.Label() != "A-017" || e.Problem != nil {
		t.Errorf("entry = %+v", e)
	}
	if list[0].Verdict != screening.Absolute || list[0].Label() != "Jane Roe" {
		t.Errorf("entry = %+v", list[0])
	}

	r, prob := o.ReadResult(id1)
	if prob != nil {
		t.Fatal(prob)
	}
	if r.Answers["cancer_years"] != float64(7) || r.Lang != screening.JA || r.StartedAt == "" || r.CompletedAt == "" {
		t.Errorf("result misses fields: %+v", r)
	}
	sum, prob := o.ReadSummary(id1)
	if prob != nil || !bytes.Contains(sum, []byte("A-017")) {
		t.Errorf("summary: %v %q", prob, sum)
	}
}

func TestReviewedAndDelete(t *testing.T) {
	rs := outboxtest.RuleSet(t)
	o := outbox.New(t.TempDir())
	id, err := o.Save(outboxtest.Result(t, rs, nil), meta(export.Patient{}, t0))
	if err != nil {
		t.Fatal(err)
	}
	if err := o.SetReviewed(id, true); err != nil {
		t.Fatal(err)
	}
	if err := o.SetReviewed(id, true); err != nil {
		t.Fatalf("marking twice: %v", err)
	}
	list, _ := o.List(t0)
	if len(list) != 1 || !list[0].Reviewed || list[0].ReviewedAt.IsZero() {
		t.Fatalf("not reviewed: %+v", list)
	}
	fi, err := os.Stat(filepath.Join(o.Dir, id+outbox.ReviewedExt))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("marker: %v %v", fi, err)
	}
	if err := o.SetReviewed(id, false); err != nil {
		t.Fatal(err)
	}
	list, _ = o.List(t0)
	if list[0].Reviewed {
		t.Error("still reviewed after unmarking")
	}
	if err := o.SetReviewed("20261121T093000.000Z-0000000000000000", true); err == nil {
		t.Error("marked a result that does not exist")
	}
	o.SetReviewed(id, true)
	if err := o.Delete(id); err != nil {
		t.Fatal(err)
	}
	if ents, _ := os.ReadDir(o.Dir); len(ents) != 0 {
		t.Errorf("left after delete: %v", ents)
	}
	for _, bad := range []string{"../x", "", "20261121T093000.000Z-../../etc"} {
		if err := o.Delete(bad); err == nil {
			t.Errorf("Delete(%q) accepted", bad)
		}
	}
	if err := o.DeleteFile("../etc/passwd"); err == nil {
		t.Error("DeleteFile left the folder")
	}
}

func TestListToleratesCorruptAndForeignFiles(t *testing.T) {
	rs := outboxtest.RuleSet(t)
	o := outbox.New(t.TempDir())
	good, err := o.Save(outboxtest.Result(t, rs, nil), meta(export.Patient{ReceptionNumber: "7"}, t0))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(o.Dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	id := func(n int) string { return fmt.Sprintf("20261121T0930%02d.000Z-%016x", n, n) }
	write(id(1)+".json", `{"format":"exoscreen-result/1","verdict":`) // cut short
	write(id(2)+".json", `{"format":"exoscreen-result/1","verdict":"maybe"}`)
	write(id(3)+".json", `{"hello":"world"}`)
	write(id(4)+".json", "")
	write(id(5)+".json", `{"format":"exoscreen-result/1","verdict":"none"} {}`)
	write(id(6)+".txt", "orphan")
	old := t0.Add(-time.Hour)
	os.Chtimes(filepath.Join(o.Dir, id(6)+".txt"), old, old)
	write(id(7)+".txt", "being written")
	os.Chtimes(filepath.Join(o.Dir, id(7)+".txt"), t0, t0)
	write("notes.doc", "foreign")
	write(".tmp-123", "a writer at work")
	write(".DS_Store", "")
	os.Mkdir(filepath.Join(o.Dir, "sub"), 0o700)
	os.Symlink("/etc/passwd", filepath.Join(o.Dir, id(8)+".json"))
	big := make([]byte, outbox.MaxFileSize+1)
	write(id(9)+".json", string(big))

	list, err := o.List(t0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]outbox.ProblemKind{}
	for _, e := range list {
		if e.Problem == nil {
			got[e.Name] = 0
			continue
		}
		got[e.Name] = e.Problem.Kind
		if e.Problem.Message(screening.JA) == "" || e.Problem.Message(screening.EN) == "" {
			t.Errorf("%s: empty message", e.Name)
		}
	}
	want := map[string]outbox.ProblemKind{
		good + ".json":  0,
		id(1) + ".json": outbox.Corrupt,
		id(2) + ".json": outbox.Corrupt,
		id(3) + ".json": outbox.NotResult,
		id(4) + ".json": outbox.Corrupt,
		id(5) + ".json": outbox.Corrupt,
		id(6) + ".txt":  outbox.OrphanSummary,
		"notes.doc":     outbox.NotResult,
		"sub":           outbox.NotRegular,
		id(8) + ".json": outbox.NotRegular,
		id(9) + ".json": outbox.TooLarge,
	}
	if len(got) != len(want) {
		t.Errorf("listed %v, want %v", got, want)
	}
	for name, k := range want {
		if g, ok := got[name]; !ok || g != k {
			t.Errorf("%s: kind %v (listed %v), want %v", name, g, ok, k)
		}
	}
	if list[0].Name != good+".json" {
		t.Errorf("results are not listed before unreadable files: %v", list[0].Name)
	}
}

func TestWriteFailsCleanly(t *testing.T) {
	rs := outboxtest.RuleSet(t)
	res := outboxtest.Result(t, rs, nil)
	missing := outbox.New(filepath.Join(t.TempDir(), "gone", "outbox"))
	if _, err := missing.Save(res, meta(export.Patient{}, t0)); err == nil {
		t.Error("Save into a folder whose parent is missing succeeded")
	}
	if _, err := os.Stat(filepath.Dir(missing.Dir)); !errors.Is(err, fs.ErrNotExist) {
		t.Error("Save created the missing parent folder")
	}
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, nil, 0o600)
	if _, err := outbox.New(f).Prepare(t0); err == nil {
		t.Error("Prepare accepted a file as the folder")
	}
	if os.Geteuid() != 0 {
		ro := t.TempDir()
		os.Chmod(ro, 0o500)
		defer os.Chmod(ro, 0o700)
		if _, err := outbox.New(ro).Save(res, meta(export.Patient{}, t0)); err == nil {
			t.Error("Save into a read-only folder succeeded")
		}
		if ents, _ := os.ReadDir(ro); len(ents) != 0 {
			t.Errorf("read-only folder got %v", ents)
		}
	}
}

// Issue 11.6: a folder removed while the kiosk runs is made again (0700) by the next save,
// as by the first; before, every later save failed until staff intervened.
func TestSaveRecreatesRemovedFolder(t *testing.T) {
	rs := outboxtest.RuleSet(t)
	res := outboxtest.Result(t, rs, nil)
	o := outbox.New(filepath.Join(t.TempDir(), "outbox"))
	if _, err := o.Prepare(t0); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(o.Dir); err != nil {
		t.Fatal(err)
	}
	id, err := o.Save(res, meta(export.Patient{}, t0))
	if err != nil {
		t.Fatalf("save after the folder was removed: %v", err)
	}
	fi, err := os.Stat(o.Dir)
	if err != nil || fi.Mode().Perm() != outbox.DirMode {
		t.Fatalf("folder not made again with mode 0700: %v %v", fi, err)
	}
	if _, p := o.ReadResult(id); p != nil {
		t.Errorf("the result saved after the folder was made again: %v", p)
	}
}

func TestPrepareRemovesStaleTemps(t *testing.T) {
	o := outbox.New(t.TempDir())
	stale := filepath.Join(o.Dir, ".tmp-stale")
	fresh := filepath.Join(o.Dir, ".tmp-fresh")
	os.WriteFile(stale, []byte("x"), 0o600)
	os.WriteFile(fresh, []byte("x"), 0o600)
	old := t0.Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	os.Chtimes(fresh, t0, t0)
	if _, err := o.Prepare(t0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale temporary file kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a temporary file another writer may be using was removed")
	}
	os.Chmod(o.Dir, 0o755)
	if warn, _ := o.Prepare(t0); !strings.Contains(warn, "0755") {
		t.Errorf("no warning for a folder others can read: %q", warn)
	}
	// Issue 11.5: a folder every user may write to is refused (anyone could plant results).
	for _, mode := range []os.FileMode{0o777, 0o1777, 0o703} {
		os.Chmod(o.Dir, mode)
		if _, err := o.Prepare(t0); !errors.Is(err, outbox.ErrWorldWritable) {
			t.Errorf("mode %04o: %v, want ErrWorldWritable", mode, err)
		}
	}
	os.Chmod(o.Dir, 0o700)
}

func TestWriteNewFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "summary.txt")
	if err := outbox.WriteNewFile(p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := outbox.WriteNewFile(p, []byte("two")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second write: %v, want ErrExist", err)
	}
	b, _ := os.ReadFile(p)
	fi, _ := os.Stat(p)
	if string(b) != "one" || fi.Mode().Perm() != 0o600 {
		t.Errorf("got %q %04o", b, fi.Mode().Perm())
	}
	if ents, _ := os.ReadDir(filepath.Dir(p)); len(ents) != 1 {
		t.Errorf("temporary files left: %v", ents)
	}
}

// The helper process of the concurrency tests: it writes results into the outbox named by
// EXOSCREEN_OUTBOX_WRITER until it has written EXOSCREEN_OUTBOX_COUNT of them (0: forever).
func TestMain(m *testing.M) {
	if dir := os.Getenv("EXOSCREEN_OUTBOX_WRITER"); dir != "" {
		n, _ := strconv.Atoi(os.Getenv("EXOSCREEN_OUTBOX_COUNT"))
		rs := outboxtest.RuleSet(&testing.B{})
		res := outboxtest.Result(&testing.B{}, rs, map[string]any{"medication_names": strings.Repeat("x", 1500), "other_medication": "yes"})
		o := outbox.New(dir)
		os.Stdout.WriteString("ready\n")
		for i := 0; n == 0 || i < n; i++ {
			if _, err := o.Save(res, meta(export.Patient{ReceptionNumber: strconv.Itoa(i)}, time.Now())); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func writer(t *testing.T, dir string, n int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "EXOSCREEN_OUTBOX_WRITER="+dir, "EXOSCREEN_OUTBOX_COUNT="+strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	return cmd
}

// readAll checks that every listed result parses: a reader never sees half a file.
func readAll(t *testing.T, o *outbox.Outbox) int {
	t.Helper()
	list, err := o.List(time.Now())
	if err != nil {
		t.Error(err)
		return 0
	}
	n := 0
	for _, e := range list {
		if e.Problem != nil {
			t.Errorf("reader saw %s: %v", e.Name, e.Problem)
			continue
		}
		if _, p := o.ReadSummary(e.ID); p != nil {
			t.Errorf("reader saw a result without its summary: %s: %v", e.Name, p)
		}
		n++
	}
	return n
}

func TestTwoWritersAndAReader(t *testing.T) {
	o := outbox.New(t.TempDir())
	const each = 40
	a, b := writer(t, o.Dir, each), writer(t, o.Dir, each)
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	if err := b.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	reads := 0
	go func() {
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
				readAll(t, o)
				reads++
			}
		}
	}()
	errA, errB := a.Wait(), b.Wait()
	close(done)
	wg.Wait()
	if errA != nil || errB != nil {
		t.Fatalf("writers: %v %v", errA, errB)
	}
	if n := readAll(t, o); n != 2*each {
		t.Errorf("%d results, want %d", n, 2*each)
	}
	ents, _ := os.ReadDir(o.Dir)
	if len(ents) != 4*each {
		t.Errorf("%d files, want %d (no temporary files left)", len(ents), 4*each)
	}
	t.Logf("%d listings read while two writers wrote %d results", reads, 2*each)
}

func TestKilledWriterLeavesNoPartialResult(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			o := outbox.New(t.TempDir())
			w := writer(t, o.Dir, 0)
			out, _ := w.StdoutPipe()
			if err := w.Start(); err != nil {
				t.Fatal(err)
			}
			buf := make([]byte, 6)
			out.Read(buf)
			// Read while it writes, until it has written a few results.
			deadline := time.Now().Add(10 * time.Second)
			for readAll(t, o) < 3 && time.Now().Before(deadline) {
				time.Sleep(2 * time.Millisecond)
			}
			w.Process.Signal(sig)
			w.Wait()
			n := readAll(t, o)
			if n == 0 {
				t.Fatal("the writer wrote nothing before it was stopped")
			}
			// Whatever the signal interrupted is at most a hidden temporary file or a
			// summary still waiting for its result, which the listing does not show.
			list, _ := o.List(time.Now().Add(2 * time.Minute))
			for _, e := range list {
				if e.Problem != nil && e.Problem.Kind != outbox.OrphanSummary {
					t.Errorf("after %v: %s: %v", sig, e.Name, e.Problem)
				}
			}
			var results int
			filepath.WalkDir(o.Dir, func(p string, d fs.DirEntry, err error) error {
				if strings.HasSuffix(p, ".json") {
					results++
					b, _ := os.ReadFile(p)
					if !json.Valid(b) {
						t.Errorf("partial result %s", p)
					}
				}
				return nil
			})
			t.Logf("%v after %d results", sig, results)
		})
	}
}

// TestReviewedLeavesNoFileOpen: the inbox runs all day at the desk; marking results reviewed
// and back must not leave a file descriptor open each time (the process would run out).
func TestReviewedLeavesNoFileOpen(t *testing.T) {
	fds := func() int {
		d, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip("no /proc/self/fd here")
		}
		return len(d)
	}
	rs := outboxtest.RuleSet(t)
	o := outbox.New(t.TempDir())
	id, err := o.Save(outboxtest.Result(t, rs, nil), meta(export.Patient{}, t0))
	if err != nil {
		t.Fatal(err)
	}
	before := fds()
	for range 64 {
		if err := o.SetReviewed(id, true); err != nil {
			t.Fatal(err)
		}
		if err := o.SetReviewed(id, false); err != nil {
			t.Fatal(err)
		}
	}
	if after := fds(); after-before > 8 {
		t.Errorf("64 marks left %d more files open", after-before)
	}
}
