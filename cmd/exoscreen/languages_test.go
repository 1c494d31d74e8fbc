package main

import (
	"strings"
	"testing"

	"github.com/exoscreen/exoscreen/internal/testrules"
)

// TestEvaluateStaffLang: a Chinese patient's answers evaluated with --staff-lang ja give the
// physician's summary in Japanese, naming the patient's language and showing the answers as
// the patient read them; --lang zh-CN matches zh-Hans; an undeclared --staff-lang is refused.
func TestEvaluateStaffLang(t *testing.T) {
	rules := testrules.MultiDir()
	r := runCmd(t, exampleAnswers, "evaluate", "--content", rules, "--lang", "zh-CN", "--staff-lang", "ja", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"判定: 相対禁忌", "患者の言語: 简体中文 (zh-Hans)", "    回答: いいえ", "    患者の表示: 【简】現在、妊娠していますか。", "注意: 本译文尚未经过以此语言为母语的医生审核。"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	r = runCmd(t, exampleAnswers, "evaluate", "--content", rules, "--lang", "ko", "-")
	if r.code != 0 || !strings.Contains(r.stdout, "판정: 상대적 금기") || strings.Contains(r.stdout, "환자가 본 내용") {
		t.Errorf("ko summary (exit %d):\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCmd(t, exampleAnswers, "evaluate", "--content", rules, "--staff-lang", "fr", "-")
	if r.code != exitUsage || !strings.Contains(r.stderr, "言語 fr はこのルールセットにありません") {
		t.Errorf("--staff-lang fr: exit %d %s", r.code, r.stderr)
	}
}

// TestEvaluateTexts: evaluate --format json --texts gives each finding its question, answer
// and reason in every declared language; without --texts a batch record has none.
func TestEvaluateTexts(t *testing.T) {
	rules := testrules.MultiDir()
	r := runCmd(t, exampleAnswers, "evaluate", "--content", rules, "--lang", "ko", "--format", "json", "--texts", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{`"texts":{"question_text":{"en":"Are you pregnant now?","ja":"現在、妊娠していますか。","ko":"【한】 Are you pregnant now?","zh-Hans":"【简】現在、妊娠していますか。","zh-Hant":"【繁】現在、妊娠していますか。"}`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %s:\n%s", want, r.stdout)
		}
	}
	r = runCmd(t, exampleAnswers, "evaluate", "--content", rules, "--lang", "ko", "--format", "json", "-")
	if r.code != 0 || strings.Contains(r.stdout, `"texts"`) {
		t.Errorf("without --texts (exit %d): %s%s", r.code, r.stdout, r.stderr)
	}
}
