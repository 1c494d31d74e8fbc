package outbox_test

// Tests of what the staff inbox and the kiosks rely on in the outbox folder: which names may be
// deleted, the order of the listing, which files are read and which are refused, and the
// language of the problems shown. They load the frozen test rule set (internal/testrules).

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/exoscreen/exoscreen/internal/outbox"
	"github.com/exoscreen/exoscreen/internal/outbox/outboxtest"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// tree lists every path under root with its size, for checking that nothing changed.
func tree(t *testing.T, root string) string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out = append(out, fmt.Sprintf("%s %v %d", rel, fi.Mode().Type(), fi.Size()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(out, "\n")
}

func writeFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}

// DeleteFile removes one plain file of the folder and nothing else: a name that is empty, a
// path, or a dot name is refused, and no file or folder outside the outbox (nor the outbox
// itself) is touched, whether the outbox is empty or not.
func TestDeleteFileRefusesAnythingButAPlainName(t *testing.T) {
	bad := []string{"", ".", "..", "/", "//", "../victim.txt", "../outbox", "/etc/passwd",
		"sub/notes.doc", "./notes.doc", "notes.doc/", "sub/", "../../x"}
	for _, full := range []bool{false, true} {
		t.Run(fmt.Sprintf("full=%v", full), func(t *testing.T) {
			root := t.TempDir()
			writeFile(t, filepath.Join(root, "victim.txt"), "not the outbox's")
			o := outbox.New(filepath.Join(root, "outbox"))
			if err := os.Mkdir(o.Dir, 0o700); err != nil {
				t.Fatal(err)
			}
			if full {
				writeFile(t, filepath.Join(o.Dir, "notes.doc"), "foreign")
				if err := os.Mkdir(filepath.Join(o.Dir, "sub"), 0o700); err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(o.Dir, "sub", "notes.doc"), "deeper")
			}
			before := tree(t, root)
			for _, name := range bad {
				if err := o.DeleteFile(name); err == nil {
					t.Errorf("DeleteFile(%q) succeeded", name)
				}
				if after := tree(t, root); after != before {
					t.Fatalf("DeleteFile(%q) changed the file system:\nbefore\n%s\nafter\n%s", name, before, after)
				}
			}
			if !full {
				return
			}
			// A plain name in the folder is deleted, and only that file.
			if err := o.DeleteFile("notes.doc"); err != nil {
				t.Fatalf("DeleteFile(notes.doc): %v", err)
			}
			if _, err := os.Lstat(filepath.Join(o.Dir, "notes.doc")); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("notes.doc still there: %v", err)
			}
			for _, keep := range []string{"victim.txt", "outbox/sub/notes.doc"} {
				if _, err := os.Stat(filepath.Join(root, keep)); err != nil {
					t.Errorf("%s: %v", keep, err)
				}
			}
			if err := o.DeleteFile("notes.doc"); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("deleting it again: %v, want not exist", err)
			}
		})
	}
}

// A symbolic link in the folder is deleted as a link: its target stays.
func TestDeleteFileRemovesALinkNotItsTarget(t *testing.T) {
	root := t.TempDir()
	target := filepath.Join(root, "target.txt")
	writeFile(t, target, "keep me")
	o := outbox.New(filepath.Join(root, "outbox"))
	os.Mkdir(o.Dir, 0o700)
	if err := os.Symlink(target, filepath.Join(o.Dir, "link.json")); err != nil {
		t.Fatal(err)
	}
	if err := o.DeleteFile("link.json"); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(target); err != nil || string(b) != "keep me" {
		t.Errorf("target: %q %v", b, err)
	}
}

// Delete takes an ID only, removes the result's three files and no other result's, and
// reports a file it could not remove (while still removing the others).
func TestDeleteRemovesOneResultAndReportsFailures(t *testing.T) {
	o := outbox.New(t.TempDir())
	a, err := o.Write(t0, []byte(`{}`), []byte("a"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := o.Write(t0, []byte(`{}`), []byte("b"))
	if err != nil {
		t.Fatal(err)
	}
	if err := o.SetReviewed(a, true); err != nil {
		t.Fatal(err)
	}
	if err := o.SetReviewed(b, true); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{b + "/..", "../" + b, b + ".json", strings.ToUpper(b), "", "."} {
		if err := o.Delete(bad); err == nil {
			t.Errorf("Delete(%q) succeeded", bad)
		}
	}
	if err := o.Delete(a); err != nil {
		t.Fatal(err)
	}
	var left []string
	ents, _ := os.ReadDir(o.Dir)
	for _, e := range ents {
		left = append(left, e.Name())
	}
	want := []string{b + ".json", b + ".reviewed", b + ".txt"}
	if strings.Join(left, " ") != strings.Join(want, " ") {
		t.Errorf("left %v, want %v", left, want)
	}
	if err := o.Delete(a); err != nil {
		t.Errorf("deleting a deleted result: %v", err)
	}

	// A reviewed marker that cannot be removed (here a folder with a file in it): the error
	// is reported, and the result and summary are gone all the same.
	os.Remove(filepath.Join(o.Dir, b+".reviewed"))
	os.Mkdir(filepath.Join(o.Dir, b+".reviewed"), 0o700)
	writeFile(t, filepath.Join(o.Dir, b+".reviewed", "x"), "")
	if err := o.Delete(b); err == nil {
		t.Error("Delete reported no error for a marker it could not remove")
	}
	for _, ext := range []string{".json", ".txt"} {
		if _, err := os.Lstat(filepath.Join(o.Dir, b+ext)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s%s kept: %v", b, ext, err)
		}
	}
}

// Unmarking a result that is not marked is fine; failing to unmark is an error; the time of
// the review is the marker's time.
func TestSetReviewed(t *testing.T) {
	o := outbox.New(t.TempDir())
	id, err := o.Write(t0, []byte(`{}`), []byte("s"))
	if err != nil {
		t.Fatal(err)
	}
	if err := o.SetReviewed(id, false); err != nil {
		t.Errorf("unmarking an unmarked result: %v", err)
	}
	if err := o.SetReviewed("../"+id, true); err == nil {
		t.Error("marked a path")
	}
	if err := o.SetReviewed(id, true); err != nil {
		t.Fatal(err)
	}
	at := t0.Add(-5 * time.Minute)
	os.Chtimes(filepath.Join(o.Dir, id+outbox.ReviewedExt), at, at)
	list, err := o.List(t0)
	if err != nil || len(list) != 1 {
		t.Fatalf("%v %v", list, err)
	}
	if !list[0].Reviewed || !list[0].ReviewedAt.Equal(at) {
		t.Errorf("reviewed %v at %v, want at %v", list[0].Reviewed, list[0].ReviewedAt, at)
	}
	p := filepath.Join(o.Dir, id+outbox.ReviewedExt)
	os.Remove(p)
	os.Mkdir(p, 0o700)
	writeFile(t, filepath.Join(p, "x"), "")
	if err := o.SetReviewed(id, false); err == nil {
		t.Error("unmarking reported no error for a marker it could not remove")
	}
}

func TestTimeOfID(t *testing.T) {
	for _, c := range []struct {
		id   string
		want time.Time
		ok   bool
	}{
		{"20261121T093000.123Z-9f3c2a71d04e8b65", time.Date(2026, 11, 21, 9, 30, 0, 123e6, time.UTC), true},
		{"20261321T093000.000Z-9f3c2a71d04e8b65", time.Time{}, false}, // month 13
		{"20261121T253000.000Z-9f3c2a71d04e8b65", time.Time{}, false}, // hour 25
		{"20261121T093000.000Z-9F3C2A71D04E8B65", time.Time{}, false},
		{"20261121T093000.000Z", time.Time{}, false},
		{"", time.Time{}, false},
	} {
		got, ok := outbox.TimeOfID(c.id)
		if ok != c.ok || !got.Equal(c.want) {
			t.Errorf("TimeOfID(%q) = %v %v, want %v %v", c.id, got, ok, c.want, c.ok)
		}
	}
	id := outbox.NewID(time.Date(2026, 11, 21, 18, 38, 2, 123e6, time.FixedZone("JST", 9*3600)))
	if got, ok := outbox.TimeOfID(id); !ok || !got.Equal(time.Date(2026, 11, 21, 9, 38, 2, 123e6, time.UTC)) {
		t.Errorf("NewID/TimeOfID: %s %v %v", id, got, ok)
	}
}

// result is the JSON result of the test answers, completed at `at`.
func result(t *testing.T, at time.Time, p export.Patient) []byte {
	t.Helper()
	var b bytes.Buffer
	res := outboxtest.Result(t, testrules.Load(t), nil)
	if err := export.WriteJSON(&b, res, meta(p, at)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func names(list []outbox.Entry) []string {
	out := make([]string, len(list))
	for i, e := range list {
		out[i] = e.Name
	}
	return out
}

// The listing: results newest first (results of the same second by ID, largest first, so the
// order never changes between two listings), then the files that could not be read, by name.
func TestListOrder(t *testing.T) {
	o := outbox.New(t.TempDir())
	var ids []string
	for _, d := range []int{2, 0, 3, 1} {
		at := t0.Add(time.Duration(d) * time.Minute)
		id, err := o.Write(at, result(t, at, export.Patient{ReceptionNumber: fmt.Sprint("R", d)}), []byte("s"))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	// Three more completed in the same second.
	var same []string
	for range 3 {
		id, err := o.Write(t0.Add(4*time.Minute), result(t, t0.Add(4*time.Minute), export.Patient{}), []byte("s"))
		if err != nil {
			t.Fatal(err)
		}
		same = append(same, id)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(same)))
	for _, n := range []string{"b.doc", "c.doc", "a.doc", "Z.doc"} {
		writeFile(t, filepath.Join(o.Dir, n), "foreign")
	}
	orphan := "20261121T080000.000Z-00000000000000aa"
	writeFile(t, filepath.Join(o.Dir, orphan+".txt"), "orphan")
	old := t0.Add(-time.Hour)
	os.Chtimes(filepath.Join(o.Dir, orphan+".txt"), old, old)

	want := []string{same[0] + ".json", same[1] + ".json", same[2] + ".json",
		ids[2] + ".json", ids[0] + ".json", ids[3] + ".json", ids[1] + ".json",
		orphan + ".txt", "Z.doc", "a.doc", "b.doc", "c.doc"}
	list, err := o.List(t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if got := names(list); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("order:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var l outbox.Lister
	l.Outbox = o
	for i := range 2 {
		list, err := l.List(t0.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if got := names(list); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("Lister listing %d: order:\n%s", i, strings.Join(got, "\n"))
		}
	}
	if list[3].Label() != "R3" || list[6].Label() != "R0" {
		t.Errorf("labels %q %q", list[3].Label(), list[6].Label())
	}
}

// An entry's time: a result's completion time as the result states it (in its zone), an
// orphan summary's from its ID, a foreign file's modification time.
func TestListTimes(t *testing.T) {
	o := outbox.New(t.TempDir())
	jst := time.FixedZone("JST", 9*3600)
	done := time.Date(2026, 11, 21, 18, 30, 5, 0, jst)
	// The file name says one time and the result another (a result restored under a new
	// name): the listing shows what the result says.
	id, err := o.Write(done.Add(-24*time.Hour), result(t, done, export.Patient{}), []byte("s"))
	if err != nil {
		t.Fatal(err)
	}
	foreignAt := t0.Add(-3 * time.Hour)
	writeFile(t, filepath.Join(o.Dir, "notes.doc"), "x")
	os.Chtimes(filepath.Join(o.Dir, "notes.doc"), foreignAt, foreignAt)
	orphan := "20261121T080000.250Z-00000000000000aa"
	writeFile(t, filepath.Join(o.Dir, orphan+".txt"), "orphan")
	os.Chtimes(filepath.Join(o.Dir, orphan+".txt"), foreignAt, foreignAt)
	list, err := o.List(t0)
	if err != nil || len(list) != 3 {
		t.Fatalf("%v %v", names(list), err)
	}
	if list[0].ID != id || !list[0].Time.Equal(done) {
		t.Errorf("result time %v, want %v", list[0].Time, done)
	}
	if want := time.Date(2026, 11, 21, 8, 0, 0, 250e6, time.UTC); list[1].Name != orphan+".txt" || !list[1].Time.Equal(want) {
		t.Errorf("orphan %s at %v, want %v", list[1].Name, list[1].Time, want)
	}
	if list[2].Name != "notes.doc" || !list[2].Time.Equal(foreignAt) {
		t.Errorf("foreign file %s at %v, want %v", list[2].Name, list[2].Time, foreignAt)
	}
}

// A summary without its result is hidden for the minute a writer may need to publish the
// result, then listed as an orphan; a reviewed marker without a result is never listed.
func TestOrphanSummaryWindow(t *testing.T) {
	for _, c := range []struct {
		age    time.Duration
		listed bool
	}{
		{0, false}, {59 * time.Second, false}, {time.Minute, true}, {61 * time.Second, true}, {time.Hour, true},
	} {
		o := outbox.New(t.TempDir())
		id := "20261121T093000.000Z-00000000000000aa"
		writeFile(t, filepath.Join(o.Dir, id+".txt"), "summary")
		writeFile(t, filepath.Join(o.Dir, "20261121T093000.000Z-00000000000000bb.reviewed"), "")
		at := t0.Add(-c.age)
		os.Chtimes(filepath.Join(o.Dir, id+".txt"), at, at)
		list, err := o.List(t0)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(list) == 1; got != c.listed {
			t.Errorf("summary %v old: listed %v, want %v", c.age, names(list), c.listed)
			continue
		}
		if c.listed && (list[0].Problem == nil || list[0].Problem.Kind != outbox.OrphanSummary || list[0].ID != id) {
			t.Errorf("summary %v old: %+v", c.age, list[0])
		}
	}
}

// The files the inbox opens (a result, a summary) are read only when they are regular files
// of at most MaxFileSize bytes: a symbolic link is never followed, a folder or a named pipe
// is not opened, and a file of MaxFileSize bytes is read whole.
func TestReadOnlyRegularFilesOfBoundedSize(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(root, "secret.txt")
	writeFile(t, secret, "outside the outbox")
	o := outbox.New(filepath.Join(root, "outbox"))
	os.Mkdir(o.Dir, 0o700)
	id := func(n int) string { return fmt.Sprintf("20261121T0930%02d.000Z-%016x", n, n) }
	exact := bytes.Repeat([]byte("x"), outbox.MaxFileSize)
	if err := os.WriteFile(filepath.Join(o.Dir, id(1)+".txt"), exact, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(o.Dir, id(2)+".txt"), append(exact, 'y'), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Symlink(secret, filepath.Join(o.Dir, id(3)+".txt"))
	os.Mkdir(filepath.Join(o.Dir, id(4)+".txt"), 0o700)
	if err := syscall.Mkfifo(filepath.Join(o.Dir, id(5)+".txt"), 0o600); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(o.Dir, id(6)+".txt"), "")

	type got struct {
		data []byte
		p    *outbox.Problem
	}
	read := func(n int) got {
		ch := make(chan got, 1)
		go func() {
			b, p := o.ReadSummary(id(n))
			ch <- got{b, p}
		}()
		select {
		case g := <-ch:
			return g
		case <-time.After(10 * time.Second):
			t.Fatalf("reading %s blocks", id(n))
		}
		return got{}
	}
	if g := read(1); g.p != nil || !bytes.Equal(g.data, exact) {
		t.Errorf("file of MaxFileSize bytes: %d bytes, problem %v", len(g.data), g.p)
	}
	if g := read(6); g.p != nil || len(g.data) != 0 {
		t.Errorf("empty summary: %q %v", g.data, g.p)
	}
	for _, c := range []struct {
		n      int
		kind   outbox.ProblemKind
		detail string
	}{
		{2, outbox.TooLarge, fmt.Sprintf("%d bytes", outbox.MaxFileSize+1)},
		{3, outbox.NotRegular, ""},
		{4, outbox.NotRegular, ""},
		{5, outbox.NotRegular, ""},
		{7, outbox.Missing, ""}, // gone: said as missing, not as unreadable
	} {
		g := read(c.n)
		if g.p == nil || g.p.Kind != c.kind || g.p.Detail != c.detail || g.data != nil {
			t.Errorf("%s: %d bytes, problem %+v, want kind %v detail %q", id(c.n), len(g.data), g.p, c.kind, c.detail)
		}
		if g.p != nil && strings.Contains(g.p.Message(screening.EN), root) {
			t.Errorf("%s: the problem names the path: %q", id(c.n), g.p.Message(screening.EN))
		}
	}
	for _, bad := range []string{"../secret", "", id(1) + "/.."} {
		if b, p := o.ReadSummary(bad); p == nil || p.Kind != outbox.NotResult || b != nil {
			t.Errorf("ReadSummary(%q): %q %v", bad, b, p)
		}
		if r, p := o.ReadResult(bad); p == nil || p.Kind != outbox.NotResult || r != nil {
			t.Errorf("ReadResult(%q): %v %v", bad, r, p)
		}
	}

	// The same through ReadResult and the listing: a result that is a link, a folder, a
	// pipe or too large is listed with its problem, and a summary that is a link is not
	// counted as the result's summary.
	good, err := o.Write(t0, result(t, t0, export.Patient{}), []byte("s"))
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(o.Dir, good+".txt"))
	os.Symlink(secret, filepath.Join(o.Dir, good+".txt"))
	for n := 1; n <= 6; n++ {
		os.Rename(filepath.Join(o.Dir, id(n)+".txt"), filepath.Join(o.Dir, id(n)+".json"))
	}
	list, err := o.List(t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]outbox.ProblemKind{}
	for _, e := range list {
		if e.Problem != nil {
			kinds[e.Name] = e.Problem.Kind
		} else if e.Name != good+".json" || e.HasSummary {
			t.Errorf("listed %s without a problem (summary %v)", e.Name, e.HasSummary)
		}
	}
	want := map[string]outbox.ProblemKind{
		id(1) + ".json": outbox.Corrupt, id(2) + ".json": outbox.TooLarge,
		id(3) + ".json": outbox.NotRegular, id(4) + ".json": outbox.NotRegular,
		id(5) + ".json": outbox.NotRegular, id(6) + ".json": outbox.Corrupt,
	}
	if fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Errorf("problems %v, want %v", kinds, want)
	}
	if r, p := o.ReadResult(id(3)); r != nil || p == nil || p.Kind != outbox.NotRegular {
		t.Errorf("ReadResult of a link: %v %v", r, p)
	}
}

// A problem is told in the user's language, with its detail.
func TestProblemMessages(t *testing.T) {
	for _, c := range []struct {
		p      outbox.Problem
		ja, en string
	}{
		{outbox.Problem{Kind: outbox.NotResult}, "exoscreen の結果ではないファイルです", "not an exoscreen result"},
		{outbox.Problem{Kind: outbox.Corrupt, Detail: "JSON syntax error at byte 3"}, "結果ファイルが壊れています: JSON syntax error at byte 3", "the result file is damaged: JSON syntax error at byte 3"},
		{outbox.Problem{Kind: outbox.TooLarge, Detail: "9 bytes"}, "ファイルが大きすぎます: 9 bytes", "the file is too large: 9 bytes"},
		{outbox.Problem{Kind: outbox.NotRegular}, "通常のファイルではありません（開きません）", "not a regular file (not opened)"},
		{outbox.Problem{Kind: outbox.OrphanSummary}, "結果ファイルがない要約です", "a summary whose result file is missing"},
		{outbox.Problem{Kind: outbox.Unreadable, Detail: "permission denied"}, "読めません: permission denied", "cannot be read: permission denied"},
	} {
		if got := c.p.Message(screening.JA); got != c.ja {
			t.Errorf("%v ja: %q, want %q", c.p.Kind, got, c.ja)
		}
		if got := c.p.Message(screening.EN); got != c.en {
			t.Errorf("%v en: %q, want %q", c.p.Kind, got, c.en)
		}
		if got := c.p.Error(); got != c.en {
			t.Errorf("%v Error: %q, want %q", c.p.Kind, got, c.en)
		}
	}
}

// What ParseResult accepts: every verdict, a count of zero or more, the two languages (any
// other reads as Japanese); what it refuses, with the reason.
func TestParseResultChecks(t *testing.T) {
	const head = `{"format":"exoscreen-result/1",`
	for _, c := range []struct {
		in      string
		verdict screening.Class
		lang    screening.Lang
		n       int
	}{
		{head + `"verdict":"none","needs_confirmation":0,"lang":"en"}`, screening.None, screening.EN, 0},
		{head + `"verdict":"relative","needs_confirmation":2,"lang":"ja"}`, screening.Relative, screening.JA, 2},
		{head + `"verdict":"absolute","lang":"fr"}`, screening.Absolute, "fr", 0}, // a rule set may declare fr
		{head + `"verdict":"absolute","lang":"fr\u001b[2J"}`, screening.Absolute, screening.JA, 0},
		{head + `"verdict":"absolute","lang":"ZH-hans"}`, screening.Absolute, screening.JA, 0}, // not canonical
		{head + `"verdict":"none"}`, screening.None, screening.JA, 0},
		{`{"format":"exoscreen-result/2","verdict":"absolute","lang":"en"}`, screening.Absolute, screening.EN, 0},
	} {
		r, p := outbox.ParseResult([]byte(c.in))
		if p != nil {
			t.Errorf("%s: %v", c.in, p)
			continue
		}
		if r.Verdict != c.verdict || r.Lang != c.lang || r.NeedsConfirmation != c.n {
			t.Errorf("%s: verdict %v lang %q count %d", c.in, r.Verdict, r.Lang, r.NeedsConfirmation)
		}
	}
	for _, c := range []struct {
		in     string
		kind   outbox.ProblemKind
		detail string
	}{
		{head + `"verdict":"none","needs_confirmation":-1}`, outbox.Corrupt, "negative needs_confirmation"},
		{head + `"verdict":"maybe"}`, outbox.Corrupt, ""},
		{head + `"verdict":3}`, outbox.Corrupt, ""},
		{head + `"verdict":-1}`, outbox.Corrupt, ""},
		{head + `"needs_confirmation":0}`, outbox.Corrupt, "no verdict"},
		{`{"format":"exoscreen-other/1","verdict":"none"}`, outbox.NotResult, "no exoscreen-result format"},
		{head + `"verdict":"none"} {}`, outbox.Corrupt, "more than one JSON value"},
		{head + `"verdict":`, outbox.Corrupt, "the file is empty or cut short"},
		{``, outbox.Corrupt, "the file is empty or cut short"},
		{head + `"needs_confirmation":"2"}`, outbox.Corrupt, `field "needs_confirmation" has the wrong type`},
		{`{"format":"exoscreen-result/1",,}`, outbox.Corrupt, "JSON syntax error at byte 32"},
	} {
		r, p := outbox.ParseResult([]byte(c.in))
		if r != nil || p == nil || p.Kind != c.kind || (c.detail != "" && p.Detail != c.detail) {
			t.Errorf("%s: %v %+v, want %v %q", c.in, r, p, c.kind, c.detail)
		}
	}
}

// A Lister reads a result again when its file's size or modification time changed, and
// forgets a file that was deleted; a file with the same size and time is taken from memory.
func TestListerRereadsChangedFiles(t *testing.T) {
	o := outbox.New(t.TempDir())
	l := &outbox.Lister{Outbox: o}
	id, err := o.Write(t0, result(t, t0, export.Patient{ReceptionNumber: "A-1"}), []byte("s"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(o.Dir, id+".json")
	label := func() string {
		t.Helper()
		list, err := l.List(t0)
		if err != nil || len(list) != 1 {
			t.Fatalf("%v %v", names(list), err)
		}
		if list[0].Problem != nil {
			return list[0].Problem.Message(screening.EN)
		}
		return list[0].Label()
	}
	replace := func(data []byte, mod time.Time) {
		t.Helper()
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, mod, mod)
	}
	fi, _ := os.Stat(p)
	mod := fi.ModTime()
	if got := label(); got != "A-1" {
		t.Fatalf("first listing: %q", got)
	}
	// Same size, same time: from memory (the file is not read again).
	replace(result(t, t0, export.Patient{ReceptionNumber: "B-1"}), mod)
	if got := label(); got != "A-1" {
		t.Errorf("same size and time: %q, want the remembered A-1", got)
	}
	// Same size, another time: read again.
	replace(result(t, t0, export.Patient{ReceptionNumber: "B-1"}), mod.Add(time.Second))
	if got := label(); got != "B-1" {
		t.Errorf("new time: %q, want B-1", got)
	}
	// Another size, the same time: read again.
	replace(result(t, t0, export.Patient{ReceptionNumber: "C-12"}), mod.Add(time.Second))
	if got := label(); got != "C-12" {
		t.Errorf("new size: %q, want C-12", got)
	}
	// Deleted, then written again with the same size and time: read again.
	os.Remove(p)
	if list, _ := l.List(time.Now().Add(time.Hour)); len(list) != 1 || list[0].Problem == nil || list[0].Problem.Kind != outbox.OrphanSummary {
		t.Errorf("after deleting the result: %+v", list)
	}
	replace(result(t, t0, export.Patient{ReceptionNumber: "D-12"}), mod.Add(time.Second))
	if got := label(); got != "D-12" {
		t.Errorf("deleted and written again: %q, want D-12", got)
	}
	// A damaged result is listed as damaged by the Lister as by List, and again after repair.
	replace([]byte(`{"format":"exoscreen-result/1","verdict":`), mod.Add(2*time.Second))
	if got := label(); !strings.HasPrefix(got, "the result file is damaged") {
		t.Errorf("damaged: %q", got)
	}
	replace(result(t, t0, export.Patient{Name: "Jane"}), mod.Add(3*time.Second))
	if got := label(); got != "Jane" {
		t.Errorf("repaired: %q", got)
	}
}

func TestLabel(t *testing.T) {
	for _, c := range []struct {
		p    export.Patient
		want string
	}{
		{export.Patient{ReceptionNumber: "A-1", Name: "N", DateOfBirth: "1980-01-02"}, "A-1"},
		{export.Patient{Name: "N", DateOfBirth: "1980-01-02"}, "N"},
		{export.Patient{DateOfBirth: "1980-01-02"}, "1980-01-02"},
		{export.Patient{}, ""},
	} {
		e := outbox.Entry{Patient: c.p}
		if got := e.Label(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.p, got, c.want)
		}
	}
}

// A result whose fields are in another order (a clinic system that read and wrote it again
// sorts them by name: answers first, verdict last) is listed and read as the same result.
func TestResultFieldsInAnyOrder(t *testing.T) {
	o := outbox.New(t.TempDir())
	p := export.Patient{ReceptionNumber: "A-9", Name: "Jane"}
	data := result(t, t0, p)
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	sorted, err := json.Marshal(m) // encoding/json writes a map's keys sorted
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Index(sorted, []byte(`"answers"`)) > bytes.Index(sorted, []byte(`"verdict"`)) {
		t.Fatal("the rewritten result does not have answers before verdict")
	}
	// The format marker kept first, the rest sorted.
	format, _ := m["format"].(string)
	delete(m, "format")
	rest, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	formatFirst := append([]byte(`{"format":"`+format+`",`), rest[1:]...)
	a, err := o.Write(t0, data, []byte("s"))
	if err != nil {
		t.Fatal(err)
	}
	for i, other := range [][]byte{sorted, formatFirst} {
		b, err := o.Write(t0.Add(time.Duration(i+1)*time.Minute), other, []byte("s"))
		if err != nil {
			t.Fatal(err)
		}
		list, err := o.List(t0.Add(time.Hour))
		if err != nil || len(list) != i+2 {
			t.Fatalf("%v %v", names(list), err)
		}
		byID := map[string]outbox.Entry{}
		for _, e := range list {
			byID[e.ID] = e
		}
		ea, eb := byID[a], byID[b]
		if eb.Problem != nil || eb.Verdict != ea.Verdict || eb.Patient != p || eb.NeedsConfirmation != ea.NeedsConfirmation || eb.Lang != ea.Lang || !eb.Time.Equal(ea.Time) {
			t.Errorf("%.40s...: listed as %+v, the original as %+v", other, eb, ea)
		}
		ra, pa := o.ReadResult(a)
		rb, pb := o.ReadResult(b)
		if pa != nil || pb != nil || rb.Verdict != ra.Verdict || rb.VerdictLabel != ra.VerdictLabel || len(rb.Findings) != len(ra.Findings) {
			t.Errorf("%.40s...: read back: %v %v", other, pa, pb)
		}
	}
}

// A live listing reads the newest result first, whatever order the files were written in.
func TestScanReadsNewestFirst(t *testing.T) {
	o := outbox.New(t.TempDir())
	var ids []string
	for _, d := range []int{1, 0, 2} {
		at := t0.Add(time.Duration(d) * time.Minute)
		id, err := o.Write(at, result(t, at, export.Patient{}), []byte("s"))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	s, err := (&outbox.Lister{Outbox: o}).Scan(t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{ids[2], ids[0], ids[1]} {
		if got := s.Next(1); len(got) != 1 || got[0].ID != want {
			t.Fatalf("Next(1) = %+v, want %s", got, want)
		}
	}
	if !s.Done() {
		t.Error("not done after reading every result")
	}
}
