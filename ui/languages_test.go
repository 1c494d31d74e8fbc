package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/exoscreen/exoscreen/internal/golden"
	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// langScreens are the screens compared in every language of the multilingual test rule set.
var langScreens = []string{"welcome", "question_single", "question_followup", "question_integer_number", "question_multi", "review", "summary", "quit"}

// TestGoldenFramesLanguages compares the screens with testdata/TestGoldenFramesLanguages/*.golden
// in each of the five languages of the multilingual test rule set (internal/testrules
// MultiDir: its zh-Hans, zh-Hant and ko content texts are stand-ins marked 【简】【繁】【한】; the
// chrome is real), at 80x24 and 40x12 (go test ./ui -run TestGoldenFramesLanguages -update).
func TestGoldenFramesLanguages(t *testing.T) {
	rs := testrules.LoadMulti(t)
	for _, sc := range screens {
		if !strings.Contains(" "+strings.Join(langScreens, " ")+" ", " "+sc.name+" ") {
			continue
		}
		for _, size := range [][2]int{{80, 24}, {40, 12}} {
			for _, lang := range rs.Langs() {
				name := fmt.Sprintf("%s_%dx%d_%s", sc.name, size[0], size[1], lang)
				t.Run(name, func(t *testing.T) {
					d := drive(t, NewApp(rs, AppOptions{Lang: lang, Styles: plainStyles(), Now: testNow}), size[0], size[1])
					for _, k := range sc.keys {
						d.send(k)
					}
					frame := d.m.View()
					checkFrame(t, frame, size[0], size[1])
					golden.Named(t, ansi.Strip(frame)+"\n")
				})
			}
		}
	}
}

// TestWelcomeOffersEveryLanguage: the welcome screen names every declared language in itself,
// and moving down from 日本語 four times reaches 한국어 and turns the screen Korean.
func TestWelcomeOffersEveryLanguage(t *testing.T) {
	rs := testrules.LoadMulti(t)
	d := drive(t, NewApp(rs, AppOptions{Lang: screening.JA, Styles: plainStyles(), Now: testNow}), 80, 24)
	frame := ansi.Strip(d.m.View())
	for _, name := range []string{"日本語", "English", "简体中文", "繁體中文", "한국어"} {
		if !strings.Contains(frame, name) {
			t.Errorf("welcome lacks %s:\n%s", name, frame)
		}
	}
	for range 4 {
		d.send(kDown)
	}
	frame = ansi.Strip(d.m.View())
	if !strings.Contains(frame, "> 한국어") || !strings.Contains(frame, "치료 전 문진") || !strings.Contains(frame, "의사의 검토를 받지 않았습니다") {
		t.Errorf("after four downs:\n%s", frame)
	}
}
