package ui

import (
	"testing"

	"github.com/exoscreen/exoscreen/screening"
)

// The work of one keystroke, model side (update and view): what stands between a key and the
// next frame besides the terminal. scripts/tui-walkthrough.sh --figures measures the binary.

func BenchmarkCursorMove(b *testing.B) {
	s := NewScreening(loadRules(b), ScreeningOptions{Lang: screening.JA, Styles: plainStyles(), Now: testNow})
	s.Init()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			s.Update(kDown)
		} else {
			s.Update(kUp)
		}
		_ = s.View()
	}
}

func BenchmarkNextQuestion(b *testing.B) {
	s := NewScreening(loadRules(b), ScreeningOptions{Lang: screening.JA, Styles: plainStyles(), Now: testNow})
	s.Init()
	s.Update(runes("1")) // chosen once: kept when coming back
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			s.Update(kEnter)
		} else {
			s.Update(kEsc)
		}
		_ = s.View()
	}
}

func BenchmarkSummaryView(b *testing.B) {
	d := drive(b, newApp(b, screening.JA, ""), 80, 24)
	d.send(kEnter)
	d.send(firsts(15)...)
	d.send(kEnd, kEnter)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.m.Update(kDown)
		_ = d.m.View()
	}
}

// testLangs are the languages of the test rule set (internal/testrules).
var testLangs = []screening.Lang{screening.JA, screening.EN}
