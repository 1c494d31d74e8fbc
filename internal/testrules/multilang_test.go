package testrules

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/exoscreen/exoscreen/internal/golden"
	"github.com/exoscreen/exoscreen/screening"
)

// TestMulti checks that testdata-multi/ is the test rule set with MultiLanguages, and that it
// loads with every declared language in every text.
func TestMulti(t *testing.T) {
	files, err := WithLanguages(FS(), MultiLanguages, PseudoTranslate)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		golden.File(t, filepath.Join(MultiDir(), name), data) // go test ./internal/testrules -update
	}
	rs := LoadMulti(t)
	if got := rs.Langs(); len(got) != 5 || got[2] != screening.ZhHans || got[4] != screening.KO {
		t.Fatalf("languages %v", got)
	}
	q := rs.Questions[0]
	if !strings.HasPrefix(q.Text.In(screening.KO), "【한】 ") || q.Text.In(screening.ZhHant) != "【繁】"+q.Text[screening.JA] {
		t.Errorf("texts %v", q.Text)
	}
	if l, _ := rs.Language(screening.KO); l.Reviewed || l.Name != "한국어" {
		t.Errorf("ko: %+v", l)
	}
}

// TestSixthLanguage adds a sixth language to the test rule set as data only: it loads, every
// text has it, and a request for vi-VN matches it.
func TestSixthLanguage(t *testing.T) {
	langs := append(append([]screening.Language{}, MultiLanguages...), screening.Language{Tag: "vi", Name: "Tiếng Việt"})
	files, err := WithLanguages(FS(), langs, PseudoTranslate)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := screening.LoadDir(WriteDir(t, files))
	if err != nil {
		t.Fatal(err)
	}
	if got := rs.LangName("vi"); got != "Tiếng Việt" {
		t.Errorf("name %q", got)
	}
	if l, ok := rs.MatchLang("vi_VN.UTF-8"); !ok || l != "vi" {
		t.Errorf("MatchLang(vi_VN) = %q %v", l, ok)
	}
	for _, q := range rs.Questions {
		if !strings.HasPrefix(q.Text.In("vi"), "[vi] ") {
			t.Fatalf("%s: %q", q.ID, q.Text.In("vi"))
		}
	}
}

// TestLintMissingKorean removes one Korean text from the multilingual rule set: lint names the
// file, the line and ko.
func TestLintMissingKorean(t *testing.T) {
	files, err := WithLanguages(FS(), MultiLanguages, PseudoTranslate)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(files["questions.yaml"]), "\n")
	removed := 0
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "ko: 【한】") && i > 40 {
			lines = append(lines[:i], lines[i+1:]...)
			removed = i + 1 // the text's line (1-based) is the one before, its mapping
			break
		}
	}
	files["questions.yaml"] = []byte(strings.Join(lines, "\n"))
	dir := WriteDir(t, files)
	_, err = screening.LoadDir(dir)
	le, ok := err.(*screening.LoadError)
	if !ok || len(le.Problems) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	p := le.Problems[0]
	msg := p.Text(screening.EN)
	if !strings.HasSuffix(p.Field, ".ko") || !strings.Contains(msg, "missing the ko translation") ||
		!strings.HasPrefix(msg, filepath.Join(dir, "questions.yaml")+":") || p.Line <= 0 || p.Line >= removed {
		t.Errorf("problem %+v: %s (removed line %d)", p, msg, removed)
	}
	if m := regexp.MustCompile(`questions\.yaml:(\d+):`).FindStringSubmatch(msg); m == nil || m[1] != strconv.Itoa(p.Line) {
		t.Errorf("no line in %q", msg)
	}
	if !strings.Contains(p.Text(screening.KO), "ko 번역이 없습니다") {
		t.Errorf("ko message: %s", p.Text(screening.KO))
	}
}
