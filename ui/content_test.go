package ui

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exoscreen/exoscreen/internal/testrules"
	"github.com/exoscreen/exoscreen/screening"
)

// TestQuestionsComeFromTheRuleSet runs a clinic's own rule set (the test one with a
// question and an option reworded): the screens show its words, not anything built in.
func TestQuestionsComeFromTheRuleSet(t *testing.T) {
	dir := t.TempDir()
	err := fs.WalkDir(testrules.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		b, err := fs.ReadFile(testrules.FS(), p)
		if err != nil {
			return err
		}
		s := strings.Replace(string(b), `en: "Are you pregnant now?"`, `en: "Is there any chance you are expecting a baby?"`, 1)
		s = strings.Replace(s, `text: {ja: いいえ, en: "No"}`, `text: {ja: いいえ, en: "No, certainly not"}`, 1)
		return os.WriteFile(filepath.Join(dir, p), []byte(s), 0o600)
	})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := screening.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := NewScreening(rs, ScreeningOptions{Lang: screening.EN, Styles: plainStyles(), Now: testNow})
	d := drive(t, s, 80, 24)
	d.contains("Is there any chance you are expecting a baby?", "1. No, certainly not")
	d.lacks("Are you pregnant now?")
}

// TestFreeTextIsShownAsText: a patient's text with terminal control sequences is shown
// escaped in the review, never sent to the terminal.
func TestFreeTextIsShownAsText(t *testing.T) {
	rs := loadRules(t)
	s := NewScreening(rs, ScreeningOptions{Lang: screening.EN, Styles: plainStyles(), Now: testNow})
	d := drive(t, s, 80, 40)
	evil := "aspirin\x1b[2J\x1b]0;pwned\x07\u202e"
	// Straight to the review with medication_names answered.
	for _, q := range rs.Questions {
		var v screening.Value
		switch {
		case q.Kind == screening.Free:
			v = screening.TextValue(evil)
		case q.Kind != screening.Single:
			continue
		case q.ID == "other_medication":
			v = screening.CodeValue("yes")
		default:
			v = screening.CodeValue(q.Options[0].Code)
		}
		if err := s.answers.Set(q, v); err != nil {
			t.Fatal(q.ID, err)
		}
		s.walk.Answered(q)
	}
	s.prune()
	d.send(s.toReview())
	frame := s.View()
	if strings.ContainsAny(frame, "\x1b\x07\u202e") {
		t.Fatalf("control characters reach the terminal: %q", frame)
	}
	d.contains(`aspirin\x1b[2J\x1b]0;pwned\x07\u202e`)
}
