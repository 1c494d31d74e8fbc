package ui

import (
	"strings"
	"testing"

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
		// Japanese breaks between characters, never before 。 or 、 (kinsoku).
		{"妊娠していますか。", 8, []string{"妊娠して", "います", "か。"}},
		{"あいうえお、かきくけこ", 10, []string{"あいうえ", "お、かきく", "けこ"}},
		// A Japanese run after a Latin word is not carried over as one block.
		{"tokushu-2025 は相対禁忌としています。", 20, []string{"tokushu-2025 は相対", "禁忌としています。"}},
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

func TestMessagesComplete(t *testing.T) {
	for k, v := range messages {
		if v.JA == "" || v.EN == "" {
			t.Errorf("message %q lacks a translation: %+v", k, v)
		}
		if strings.Count(v.JA, "%") != strings.Count(v.EN, "%") {
			t.Errorf("message %q: ja and en take different arguments", k)
		}
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
			if strings.ContainsAny(k, "↑↓←→") {
				t.Errorf("arrow glyph in help key %q", k)
			}
		}
	}
}

func langOf(s string) screening.Lang { l, _ := screening.ParseLang(s); return l }
