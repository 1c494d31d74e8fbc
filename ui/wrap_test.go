package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exoscreen/exoscreen/internal/eawidth"
	"github.com/exoscreen/exoscreen/internal/linebreak/linebreaktest"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/rivo/uniseg"
)

func TestWrapText(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"short", 10, []string{"short"}},
		{"the quick brown fox", 10, []string{"the quick", "brown fox"}},
		// Japanese breaks between phrases (文節), with kinsoku: never before 。 or 、, and no
		// lone kana before 。 (妊娠していますか。 is one phrase, wider than 8 cells).
		{"妊娠していますか。", 8, []string{"妊娠して", "いま", "すか。"}},
		{"重いアレルギー反応を起こしたことはありますか。", 20, []string{"重いアレルギー反応を", "起こしたことは", "ありますか。"}},
		// A Japanese run after a Latin word is not carried over as one block.
		{"tokushu-2025 は相対禁忌としています。", 20, []string{"tokushu-2025 は", "相対禁忌と", "しています。"}},
		// No break opportunity: cut between characters.
		{"0123456789abcdef", 6, []string{"012345", "6789ab", "cdef"}},
		{"a\nb", 10, []string{"a", "b"}},
	} {
		got := wrapText(tc.in, tc.width)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
		for _, l := range got {
			if w := uniseg.StringWidth(l); w > tc.width {
				t.Errorf("wrapText(%q, %d): line %q is %d wide", tc.in, tc.width, l, w)
			}
		}
	}
}

func TestWrapIndent(t *testing.T) {
	got := wrapIndent("one two three four", "- ", 10)
	want := []string{"- one two", "  three", "  four"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestWrapRuleSetJapanese wraps every Japanese text of the rule set as the screens do (plain
// and with the summary's hanging indents) at the widths of 40- to 120-column terminals, and
// checks the lines: none wider than the width, kinsoku, no lone kana before 。, and
// 重いアレルギー, 相対禁忌, 絶対禁忌, アナフィラキシー never split.
func TestWrapRuleSetJapanese(t *testing.T) {
	rs := testrules.Load(t)
	var texts []string
	for _, q := range rs.Questions {
		texts = append(texts, q.Text[screening.JA], q.Help[screening.JA])
		for _, o := range q.Options {
			texts = append(texts, o.Text[screening.JA])
		}
		for _, r := range q.Rules {
			texts = append(texts, r.Reason[screening.JA])
		}
	}
	for _, text := range texts {
		for _, w := range []int{36, 38, 56, 72, 76, 116} {
			for _, lines := range [][]string{wrapText(text, w), wrapIndent(text, "  理由: ", w)} {
				for _, p := range linebreaktest.Problems(lines, w) {
					t.Errorf("width %d: %s", w, p)
				}
			}
		}
	}
}

// TestGoldenFramesJapanese reads the Japanese golden frames of the screens (the real
// output, regenerated with -update) and checks their lines as TestWrapRuleSetJapanese does.
func TestGoldenFramesJapanese(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "TestGoldenFrames", "*_ja.golden"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden frames: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var w int
		if _, err := fmt.Sscanf(sizeOf(filepath.Base(f)), "%dx", &w); err != nil {
			t.Fatalf("%s: no size in the name", f)
		}
		for _, p := range linebreaktest.Problems(strings.Split(string(b), "\n"), w) {
			t.Errorf("%s: %s", filepath.Base(f), p)
		}
	}
}

// sizeOf finds "40x12" in a golden file's name.
func sizeOf(name string) string {
	for _, part := range strings.Split(strings.TrimSuffix(name, ".golden"), "_") {
		if i := strings.IndexByte(part, 'x'); i > 0 && part[0] >= '0' && part[0] <= '9' {
			return part
		}
	}
	return ""
}

func TestMessagesComplete(t *testing.T) {
	for _, gap := range messages.Gaps() { // every key in every language of screening.Langs
		t.Error(gap)
	}
}

func TestHuhKeyMapLocalized(t *testing.T) {
	for _, lang := range []string{"ja", "en"} {
		km := HuhKeyMap(langOf(lang))
		for name, h := range map[string]string{
			"select.next": km.Select.Next.Help().Desc, "multi.toggle": km.MultiSelect.Toggle.Help().Desc,
			"input.next": km.Input.Next.Help().Desc, "text.newline": km.Text.NewLine.Help().Desc,
		} {
			english := map[string]string{"select.next": "select", "multi.toggle": "toggle", "input.next": "next", "text.newline": "new line"}[name]
			if lang == "ja" && h == english {
				t.Errorf("%s help still in English: %q", name, h)
			}
		}
		if km.Quit.Enabled() {
			t.Error("huh's ctrl+c is on: an embedded form would abort by itself")
		}
		if km.Select.Filter.Enabled() || km.Text.Editor.Enabled() {
			t.Error("filtering or the external editor is on")
		}
		for _, k := range []string{km.Select.Up.Help().Key, km.MultiSelect.Up.Help().Key} {
			for _, r := range k {
				if eawidth.Ambiguous(r) {
					t.Errorf("East-Asian-ambiguous glyph %q (an arrow?) in help key %q", r, k)
				}
			}
		}
	}
}

func langOf(s string) screening.Lang { l, _ := screening.ParseLang(s); return l }
