package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/exoscreen/exoscreen/screening"
	"github.com/exoscreen/exoscreen/screening/export"
)

// The flows a person goes through, on the real program loop (teatest) in both languages.

func waitFor(t *testing.T, tm *teatest.TestModel, what ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, w := range what {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func TestTeatestFullScreening(t *testing.T) {
	for _, tc := range []struct {
		lang                     screening.Lang
		first, review, verdict   string
		quitTitle, confirmButton string
	}{
		{screening.EN, "Are you pregnant now?", "Review your answers", "None", "Quit?", "Confirm and see the result"},
		{screening.JA, "現在、妊娠していますか。", "回答の確認", "該当なし", "終了しますか？", "確定して結果を見る"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			app := newApp(t, tc.lang, "")
			tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24))
			tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
			tm.Send(kEnter) // welcome: start in the preselected language
			waitFor(t, tm, tc.first)
			// Answer every question with its first option ("no", "none", ...) by its number
			// key: 15 questions.
			sendAll(tm.Send, firsts(15))
			waitFor(t, tm, tc.review)
			tm.Send(kEnd)
			waitFor(t, tm, tc.confirmButton)
			tm.Send(kEnter)
			waitFor(t, tm, tc.verdict, map[screening.Lang]string{screening.EN: "s save", screening.JA: "s 保存"}[tc.lang])
			tm.Send(runes("q")) // unsaved: asks first
			waitFor(t, tm, tc.quitTitle)
			tm.Send(runes("y"))
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
			if !fm.Finished() || fm.summary.Result().Verdict != screening.None {
				t.Fatalf("finished %v, verdict %v", fm.Finished(), fm.summary.Result().Verdict)
			}
			if n := len(fm.summary.Result().Findings); n != 15 {
				t.Errorf("%d findings, want 15", n)
			}
		})
	}
}

func TestJapaneseFreeText(t *testing.T) {
	// Free text typed in Japanese (teatest's Type garbles it: send the runes as one key).
	rs := loadRules(t)
	s := NewScreening(rs, ScreeningOptions{Lang: screening.JA, Styles: plainStyles(), Now: testNow, Kiosk: true})
	d := drive(t, s, 80, 24)
	// pregnancy no, planned no, breastfeeding no, cancer none, infection no, reaction none,
	// allergy none, anticoagulant yes -> medication_names after other_medication.
	d.send(firsts(7)...)
	d.send(pick(2)...)
	d.send(firsts(3)...)
	d.contains("使っている薬の名前")
	d.send(runes("ワーファリン"), kEnter)
	d.contains("自己免疫")
	v := s.answers.Get(rs.Question("medication_names"))
	if v.Text != "ワーファリン" {
		t.Fatalf("medication_names = %q", v.Text)
	}
}

func TestTeatestBackKeepsAnswers(t *testing.T) {
	for _, lang := range testLangs {
		t.Run(string(lang), func(t *testing.T) {
			app := newApp(t, lang, "")
			tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24))
			tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
			tm.Send(kEnter)
			sendAll(tm.Send, pick(2)) // pregnancy: pregnant
			sendAll(tm.Send, pick(2)) // breastfeeding: yes
			tm.Send(kEsc)             // back to breastfeeding
			tm.Send(kEsc)             // back to pregnancy: "pregnant" still chosen
			tm.Send(kUp)              // change it to "no"
			tm.Send(kEnter)
			want := map[screening.Lang]string{screening.EN: "Question 2 of 19", screening.JA: "質問 2 / 19"}[lang]
			waitFor(t, tm, want) // pregnancy_planned now shown
			tm.Send(kCtrlC)      // answers exist: asks first
			tm.Send(runes("y"))
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
			a := fm.screening.answers
			rs := a.RuleSet()
			if got := a.Get(rs.Question("pregnancy")).Code; got != "no" {
				t.Errorf("pregnancy = %q, want no", got)
			}
			if got := a.Get(rs.Question("breastfeeding")).Code; got != "yes" {
				t.Errorf("breastfeeding = %q, want yes (kept while going back)", got)
			}
			if fm.Finished() {
				t.Error("finished")
			}
		})
	}
}

func TestTeatestExport(t *testing.T) {
	for _, lang := range testLangs {
		t.Run(string(lang), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "summary.txt")
			app := newApp(t, lang, "")
			tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24))
			tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
			tm.Send(kEnter)
			sendAll(tm.Send, firsts(15))
			tm.Send(kEnd)
			tm.Send(kEnter)
			waitFor(t, tm, map[screening.Lang]string{screening.EN: "s save", screening.JA: "s 保存"}[lang])
			tm.Send(runes("s"))
			// Replace the default name with our path.
			for range len(defaultExportName(testClock)) {
				tm.Send(kBksp)
			}
			tm.Send(runes(path))
			tm.Send(kEnter)
			waitFor(t, tm, map[screening.Lang]string{screening.EN: "Saved: ", screening.JA: "保存しました"}[lang])
			tm.Send(runes("q")) // saved: quits without asking
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
			checkExport(t, path, fm.summary.Result(), lang)
		})
	}
}

// checkExport checks the saved file: mode 0600 and exactly export.WriteText's text.
func checkExport(t *testing.T, path string, res *screening.Result, lang screening.Lang) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	got, _ := os.ReadFile(path)
	var want bytes.Buffer
	export.WriteText(&want, res, export.Meta{Lang: lang, Time: testClock, Started: testClock})
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("saved text differs from export.WriteText:\n%s", got)
	}
}

func TestTeatestQuit(t *testing.T) {
	t.Run("nothing answered quits at once", func(t *testing.T) {
		tm := teatest.NewTestModel(t, newApp(t, screening.EN, ""), teatest.WithInitialTermSize(80, 24))
		tm.Send(kCtrlC)
		fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
		if fm.Finished() {
			t.Error("finished")
		}
	})
	for _, lang := range testLangs {
		t.Run("asks once answered "+string(lang), func(t *testing.T) {
			tm := teatest.NewTestModel(t, newApp(t, lang, ""), teatest.WithInitialTermSize(80, 24))
			tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
			tm.Send(kEnter)
			sendAll(tm.Send, pick(1)) // one answer
			tm.Send(kCtrlC)
			waitFor(t, tm, map[screening.Lang]string{screening.EN: "have not been saved", screening.JA: "保存されていません"}[lang])
			tm.Send(runes("n")) // go on
			waitFor(t, tm, map[screening.Lang]string{screening.EN: "Question 2", screening.JA: "質問 2"}[lang])
			tm.Send(kCtrlC)
			tm.Send(kCtrlC) // a second ctrl+c confirms
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
			if got := fm.screening.answers.Get(fm.rs.Question("pregnancy")).Code; got != "no" {
				t.Errorf("pregnancy = %q", got)
			}
		})
	}
}

// ---- synchronous flows (every frame inspected) ----

func TestBackAndChange(t *testing.T) {
	d := drive(t, newApp(t, screening.EN, ""), 80, 24)
	d.send(kEnter)         // welcome
	d.send(pick(1)...)     // pregnancy no
	d.contains("planning") // pregnancy_planned
	d.send(kEsc)
	d.contains("> 1. No") // the answer given shows as chosen
	d.send(kEsc)          // back from the first question: the welcome screen
	d.contains("Language")
	if len(d.msgs) != 1 {
		t.Fatalf("messages %v", d.msgs)
	}
	d.send(kDown) // switch to Japanese on the way back in
	d.send(kEnter)
	d.contains("現在、妊娠していますか。", "> 1. いいえ")
}

func TestFollowUpAppearsAndDisappears(t *testing.T) {
	for _, lang := range testLangs {
		t.Run(string(lang), func(t *testing.T) {
			d := drive(t, newApp(t, lang, ""), 80, 24)
			a := d.app()
			d.send(kEnter)       // welcome
			d.send(firsts(3)...) // pregnancy, planned, breastfeeding
			// Progress counts the follow-ups that may still appear: it never jumps back.
			if n, m := a.screening.Position(); n != 4 || m != 19 {
				t.Fatalf("at %d of %d, want 4 of 19", n, m)
			}
			d.send(pick(4)...) // cancer: treatment ended -> cancer_years
			if n, m := a.screening.Position(); n != 5 || m != 19 {
				t.Fatalf("at %d of %d, want 5 of 19", n, m)
			}
			d.contains(a.rs.Question("cancer_years").Text.In(lang))
			d.send(runes("3"), kEnter) // a number: 3 years (the digit goes to the number field)
			rs := a.rs
			if v := a.screening.answers.Get(rs.Question("cancer_years")); !v.Set || v.Int != 3 {
				t.Fatalf("cancer_years = %+v", v)
			}
			d.send(kEsc, kEsc) // infection -> cancer_years -> cancer
			d.contains(rs.Question("cancer").Text.In(lang))
			d.send(kHome, kEnter) // cancer: never -> cancer_years hidden, its answer dropped
			if v := a.screening.answers.Get(rs.Question("cancer_years")); v.Set {
				t.Fatalf("cancer_years kept while hidden: %+v", v)
			}
			if n, m := a.screening.Position(); n != 5 || m != 18 {
				t.Fatalf("at %d of %d, want 5 of 18 (infection)", n, m)
			}
			d.contains(rs.Question("infection").Text.In(lang))
		})
	}
}

func TestIntegerValidation(t *testing.T) {
	rs := loadRules(t)
	s := NewScreening(rs, ScreeningOptions{Lang: screening.JA, Styles: plainStyles(), Now: testNow})
	d := drive(t, s, 80, 24)
	d.send(firsts(3)...) // pregnancy, planned, breastfeeding
	d.send(pick(4)...)   // to cancer_years
	d.send(kEnter)
	d.contains("答えをお選びください") // nothing chosen yet
	d.send(kDown, kEnter)    // "number"
	d.send(kEnter)
	d.contains("数字を入力してください。")
	d.send(runes("abc"), kEnter)
	d.contains("数字で入力してください")
	d.send(kBksp, kBksp, kBksp, runes("130"), kEnter)
	d.contains("0から120までの数字を入力してください。")
	d.send(kBksp, kBksp, kBksp, runes("７"), kEnter) // full-width digit from an IME
	if v := s.answers.Get(rs.Question("cancer_years")); v.Int != 7 || v.Unsure {
		t.Fatalf("cancer_years = %+v", v)
	}
	// back, and answer "unsure" instead
	d.send(kEsc)
	d.contains("> 数字で答える") // the answer given shows as chosen
	d.send(kDown, kEnter)  // at the choice: not sure
	if v := s.answers.Get(rs.Question("cancer_years")); !v.Unsure {
		t.Fatalf("cancer_years = %+v, want unsure", v)
	}
}

func TestMultiSelect(t *testing.T) {
	rs := loadRules(t)
	s := NewScreening(rs, ScreeningOptions{Lang: screening.EN, Styles: plainStyles(), Now: testNow})
	d := drive(t, s, 80, 24)
	// pregnancy, planned, breastfeeding, cancer, infection, reaction -> allergy: yes
	d.send(firsts(6)...)
	d.send(pick(2)...)
	d.contains(rs.Question("allergy_severe").Text[screening.EN])
	d.send(pick(1)...)
	d.contains(rs.Question("allergy_to").Text[screening.EN], "[ ] ")
	d.send(kDown, kDown, kSpace, runes("3")) // food by space (the first down shows the cursor), pollen by its number
	d.contains("[x] ")
	d.send(kEnter)
	v := s.answers.Get(rs.Question("allergy_to"))
	if strings.Join(v.Codes, ",") != "food,pollen" {
		t.Fatalf("allergy_to = %v", v.Codes)
	}
}

func TestReviewJumpAndReturn(t *testing.T) {
	for _, lang := range testLangs {
		t.Run(string(lang), func(t *testing.T) {
			d := drive(t, newApp(t, lang, ""), 80, 24)
			a := d.app()
			rs := a.rs
			d.send(kEnter)
			d.send(firsts(15)...)
			d.contains(tr(lang, "review.title"), tr(lang, "review.count", 15))
			// Jump to allergy (6th answer), change it to yes: its two follow-ups are asked,
			// then the review comes back.
			for range 6 {
				d.send(kDown)
			}
			d.send(kEnter)
			d.contains(rs.Question("allergy").Text.In(lang))
			d.send(pick(2)...)
			d.contains(rs.Question("allergy_severe").Text.In(lang))
			d.send(pick(1)...)
			d.contains(rs.Question("allergy_to").Text.In(lang))
			d.send(kEnter) // optional: nothing chosen
			d.contains(tr(lang, "review.title"), tr(lang, "review.count", 17))
			// Jump to the first answer and back without changing it.
			d.send(kHome, kEnter)
			d.contains(rs.Question("pregnancy").Text.In(lang))
			d.send(kEnter)
			d.contains(tr(lang, "review.title"))
			d.send(kEnd, kEnter)
			if len(d.msgs) == 0 {
				t.Fatal("no FinishedMsg")
			}
			fin := d.msgs[len(d.msgs)-1].(FinishedMsg)
			if fin.Result.Verdict != screening.Relative {
				t.Errorf("verdict %v, want relative (allergy)", fin.Result.Verdict)
			}
			if !fin.Started.Equal(testClock) || !fin.Finished.Equal(testClock) {
				t.Errorf("times %v %v", fin.Started, fin.Finished)
			}
			d.contains(screening.Relative.Label().In(lang))
		})
	}
}

func TestExportFailureKeepsResult(t *testing.T) {
	dir := t.TempDir()
	d := drive(t, newApp(t, screening.JA, ""), 80, 24)
	d.send(kEnter)
	d.send(firsts(15)...)
	d.send(kEnd, kEnter, runes("s"))
	d.send(kCtrlU)
	bad := filepath.Join(dir, "no-such-dir", "x.txt")
	d.send(runes(bad), kEnter)
	d.contains("保存できませんでした", "フォルダーがありません", "結果は失われていません")
	// Another place works; the same screening is saved.
	d.send(kCtrlU)
	good := filepath.Join(dir, "ok.txt")
	d.send(runes(good), kEnter)
	d.contains("保存しました")
	checkExport(t, good, d.app().summary.Result(), screening.JA)
	// Saving over an existing file asks first.
	d.send(runes("s"))
	d.send(kCtrlU)
	d.send(runes(good), kEnter)
	d.contains("すでにあります")
	d.send(kEnter)
	d.contains("保存しました")
}

func TestAutoExport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "auto.txt")
	d := drive(t, newApp(t, screening.EN, path), 80, 24)
	d.send(kEnter)
	d.send(firsts(15)...)
	d.send(kEnd, kEnter)
	d.contains("Saved: " + path)
	checkExport(t, path, d.app().summary.Result(), screening.EN)
	if d.app().ExportError() != nil {
		t.Fatal(d.app().ExportError())
	}
	// A path that cannot be written: the summary says so and stays.
	bad := filepath.Join(t.TempDir(), "missing", "auto.txt")
	d = drive(t, newApp(t, screening.EN, bad), 80, 24)
	d.send(kEnter)
	d.send(firsts(15)...)
	d.send(kEnd, kEnter)
	d.contains("Could not save", "Verdict")
	if d.app().ExportError() == nil {
		t.Fatal("no export error")
	}
}

func TestKioskScreeningNeverQuits(t *testing.T) {
	rs := loadRules(t)
	s := NewScreening(rs, ScreeningOptions{Lang: screening.EN, Kiosk: true, Styles: plainStyles(), Now: testNow})
	d := drive(t, s, 80, 24)
	d.lacks("ctrl+c")
	d.send(kCtrlC, kCtrlC)
	if d.quit {
		t.Fatal("a kiosk screening quit the program")
	}
	d.send(firsts(15)...)
	d.send(kEnd, kEnter)
	if d.quit || len(d.msgs) != 1 {
		t.Fatalf("quit %v, msgs %v", d.quit, d.msgs)
	}
	fin := d.msgs[0].(FinishedMsg)
	if fin.Result.Verdict != screening.None || fin.Answers.Problems() != nil {
		t.Fatalf("%+v", fin)
	}
	// The answers handed over are a copy.
	s.answers.Clear()
	if !fin.Answers.Get(rs.Question("pregnancy")).Set {
		t.Fatal("FinishedMsg answers share storage with the screening")
	}
}

func TestResizeKeepsCursor(t *testing.T) {
	d := drive(t, newApp(t, screening.EN, ""), 80, 24)
	d.send(kEnter, kDown, kDown, kDown) // pregnancy: "I might be pregnant"
	d.send(tea.WindowSizeMsg{Width: 40, Height: 12})
	d.contains("> 3. I might be pregnant")
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	d.contains("> 3. I might be pregnant")
	checkFrame(t, d.m.View(), 100, 30)
}

func TestLanguageSwitchOnWelcome(t *testing.T) {
	d := drive(t, newApp(t, screening.JA, ""), 80, 24)
	d.contains("言語", "Language", "始める")
	d.send(kDown)
	d.contains("Language", "言語", "start")
	d.send(kEnter)
	d.contains("Question 1 of 19", "Are you pregnant now?", "choose", "next", "back")
	d.lacks("選ぶ")
}

func TestSummaryScrollsAndMarksConfirmation(t *testing.T) {
	d := drive(t, newApp(t, screening.EN, ""), 40, 12)
	d.send(kEnter, kEnd, kEnter) // pregnancy: unsure (no follow-up)
	d.send(firsts(13)...)
	d.send(kEnd, kEnter)
	d.contains("Absolute contraindication")
	var all strings.Builder
	for range 500 {
		all.WriteString(d.view())
		d.send(kDown)
	}
	text := all.String()
	for _, want := range []string{"[CONFIRM]", "== None (", "Notices", "Sources cited", "SHA-256", "(more above: pgup)"} {
		if !strings.Contains(text, want) {
			t.Errorf("scrolling through the summary never shows %q", want)
		}
	}
	// The last line of the disclaimer is reachable.
	rs := d.app().rs
	words := strings.Fields(rs.Disclaimer[screening.EN])
	if last := words[len(words)-1]; !strings.Contains(text, last) {
		t.Errorf("disclaimer end %q never shown", last)
	}
}

func TestKioskSummaryOffersNoSaveOrQuit(t *testing.T) {
	rs := loadRules(t)
	a := rs.NewAnswers()
	for _, q := range rs.Questions {
		if q.Kind == screening.Single && a.IsShown(q) {
			a.Set(q, screening.CodeValue(q.Options[0].Code))
		}
	}
	res, err := rs.Evaluate(a)
	if err != nil {
		t.Fatal(err)
	}
	m := NewSummary(res, SummaryOptions{Lang: screening.JA, Kiosk: true, Styles: plainStyles()})
	d := drive(t, m, 80, 24)
	d.contains("該当なし")
	d.lacks("s 保存", "q 終了")
	d.send(runes("s"), runes("q"), kCtrlC)
	if m.exporting != nil || len(d.msgs) != 0 || d.quit {
		t.Fatalf("kiosk summary reacted: exporting %v, msgs %v, quit %v", m.exporting != nil, d.msgs, d.quit)
	}
}

func TestTeatestFollowUp(t *testing.T) {
	for _, lang := range testLangs {
		t.Run(string(lang), func(t *testing.T) {
			rs := loadRules(t)
			tm := teatest.NewTestModel(t, newApp(t, lang, ""), teatest.WithInitialTermSize(80, 24))
			tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
			tm.Send(kEnter)
			sendAll(tm.Send, pick(1)) // pregnancy: no -> pregnancy_planned appears
			waitFor(t, tm, rs.Question("pregnancy_planned").Text.In(lang))
			tm.Send(kEsc)  // back to pregnancy ("no" shows as chosen)
			tm.Send(kDown) // pregnant -> pregnancy_planned disappears
			tm.Send(kEnter)
			waitFor(t, tm, rs.Question("breastfeeding").Text.In(lang), tr(lang, "progress", 2, 18))
			tm.Send(kCtrlC)
			tm.Send(runes("y"))
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
			a := fm.screening.answers
			if v := a.Get(rs.Question("pregnancy_planned")); v.Set {
				t.Errorf("hidden follow-up kept its answer: %+v", v)
			}
			if a.Get(rs.Question("pregnancy")).Code != "pregnant" {
				t.Errorf("pregnancy = %q", a.Get(rs.Question("pregnancy")).Code)
			}
		})
	}
}

func TestTeatestReviewJump(t *testing.T) {
	for _, lang := range testLangs {
		t.Run(string(lang), func(t *testing.T) {
			rs := loadRules(t)
			tm := teatest.NewTestModel(t, newApp(t, lang, ""), teatest.WithInitialTermSize(80, 24))
			tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
			tm.Send(kEnter)
			sendAll(tm.Send, firsts(15))
			waitFor(t, tm, tr(lang, "review.title"))
			for range 14 { // the last answer: blood donation
				tm.Send(kDown)
			}
			tm.Send(kEnter)
			waitFor(t, tm, rs.Question("blood_donation").Text.In(lang))
			tm.Send(kDown) // yes
			tm.Send(kEnter)
			tm.Send(kEnd)
			tm.Send(kEnter) // confirm
			waitFor(t, tm, screening.Relative.Label().In(lang))
			tm.Send(kCtrlC)
			tm.Send(runes("y"))
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App)
			res := fm.summary.Result()
			if res.Verdict != screening.Relative {
				t.Errorf("verdict %v, want relative", res.Verdict)
			}
			if got := fm.screening.answers.Get(rs.Question("blood_donation")).Code; got != "yes" {
				t.Errorf("blood_donation = %q", got)
			}
		})
	}
}

func TestReviewEditBackStillReturns(t *testing.T) {
	d := drive(t, newApp(t, screening.EN, ""), 80, 24)
	d.send(kEnter)
	d.send(firsts(15)...)
	d.send(kDown, kDown, kEnter) // change the 3rd answer (breastfeeding)...
	d.contains("Are you breastfeeding now?")
	d.send(kEsc) // ...look at the one before...
	d.contains("Question 2 of 15")
	d.send(kEnter) // ...and answering it returns to the review
	d.contains("Review your answers")
}
