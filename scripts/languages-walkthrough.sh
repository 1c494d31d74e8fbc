#!/usr/bin/env bash
# languages-walkthrough.sh: exoscreen in 简体中文, 繁體中文 and 한국어 on the REAL binary in a real
# terminal (tmux, a private server per run), with the multilingual test rule set
# (--content internal/testrules/testdata-multi: the test rule set with zh-Hans, zh-Hant and ko
# declared, not reviewed; its content texts in those languages are stand-ins marked 【简】【繁】【한】
# made by internal/testrules.WithLanguages, the screens' own words are the real translations):
#
#   - a whole screening with --lang zh-Hans, --lang zh-TW (matched to zh-Hant) and --lang ko,
#     answered by number keys, from the welcome screen to the summary's verdict sentence;
#   - the kiosk offers the five languages, each named in itself; a patient chooses 简体中文 and
#     answers; the outbox summary is in Japanese (the clinic's language), names the patient's
#     language and shows the answers as the patient read them in Chinese;
#   - lint on a copy with one Korean text removed names the file, the line and ko.
#
#   scripts/languages-walkthrough.sh          # all of it
#   KEEP=1 scripts/languages-walkthrough.sh   # keep the work directory
#
# Needs: go, tmux. Exit status 0 when every check passed; a failed check prints the screen.
set -euo pipefail

cd "$(dirname "$0")/.."
STEP_TIMEOUT=${STEP_TIMEOUT:-10}
rules="$PWD/internal/testrules/testdata-multi"
work=$(mktemp -d)
base="exoscreen-langs-$$"
. scripts/walk-lib.sh # the private tmux server, expect/answer/keys, clean-up

go build -o "$work/exoscreen" ./cmd/exoscreen

# screening LANG REVIEW SENTENCE...: a full screening by number keys (1 for every question);
# the review shows REVIEW, the summary every SENTENCE.
screening() {
	local lang=$1 review=$2 i
	shift 2
	echo "languages: a whole screening with --lang $lang"
	newterm 80 24 "cd '$work' && TERM=xterm-256color LANG=C.UTF-8 ./exoscreen --content '$rules' --lang $lang; echo EXIT=\$?; sleep 600"
	expect "简体中文" "繁體中文" "한국어" && pass "the welcome screen names the five languages" || return 1
	answer Enter
	for i in $(seq 1 30); do
		screen | grep -qF "$review" && break
		answer 1 Enter || return 1
	done
	expect "$review" && pass "every question answered: $review" || return 1
	keys End
	sleep 0.2
	keys Enter
	expect "$@" && pass "summary: $*" || return 1
	keys C-c
	keys y
	expect "EXIT=" || return 1
}

# kiosk: the five languages offered; a Chinese patient's answers reach the outbox in Japanese.
kiosk() {
	echo "languages: the kiosk and a Chinese patient's outbox summary"
	mkdir -p "$work/outbox"
	newterm 100 32 "cd '$work' && TERM=xterm-256color LANG=C.UTF-8 EXOSCREEN_STAFF_PIN=48151623 ./exoscreen --content '$rules' --kiosk --outbox '$work/outbox' --details none; sleep 600"
	expect "日本語" "English" "简体中文" "繁體中文" "한국어" && pass "the kiosk offers five languages, each named in itself" || return 1
	keys Down Down
	expect "> 简体中文 <" "请选择您的语言。" "本译文尚未经过以此语言为母语的医生审核。" && pass "简体中文 chosen: the screen speaks Chinese and says the translation is not reviewed" || return 1
	answer Enter
	local i
	for i in $(seq 1 30); do
		screen | grep -qF "确认回答" && break
		answer 1 Enter || return 1
	done
	expect "确认回答" || return 1
	keys End
	sleep 0.2
	keys Enter
	expect "感谢您的回答" && pass "the patient's thanks in Chinese" || return 1
	local txt deadline=$((SECONDS + STEP_TIMEOUT))
	while :; do
		txt=$(ls "$work"/outbox/*.txt 2>/dev/null | head -1)
		[[ -n "$txt" ]] && break
		((SECONDS >= deadline)) && { fail "no summary in the outbox"; return 1; }
		sleep 0.1
	done
	local want
	for want in "幹細胞培養上清液・エクソソーム治療 事前問診の結果" "患者の言語: 简体中文 (zh-Hans)" "    回答: いいえ" "    患者の表示: 【简】現在、妊娠していますか。" "注意: 本译文尚未经过以此语言为母语的医生审核。"; do
		grep -qF -- "$want" "$txt" || { fail "the outbox summary lacks: $want"; sed 's/^/  | /' "$txt" | head -40; return 1; }
	done
	pass "outbox summary in Japanese, the patient's language named, answers as read in Chinese"
	if awk '{ if (length($0) > 0) print }' "$txt" | python3 -c 'import sys,unicodedata
w=lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
sys.exit(any(w(l.rstrip("\n"))>80 for l in sys.stdin))'; then pass "no line of it wider than 80 cells"; else fail "a line of the summary is wider than 80 cells"; fi
	endterm
}

# lint: one Korean text removed from a copy of the rule set.
lintko() {
	echo "languages: lint on a copy with one Korean text removed"
	local dir="$work/lint-ko" line out
	cp -r "$rules" "$dir"
	line=$(grep -n '^ *ko: 【한】' "$dir/questions.yaml" | sed -n 5p | cut -d: -f1)
	sed -i "${line}d" "$dir/questions.yaml"
	out=$("$work/exoscreen" lint --lang en "$dir" 2>&1) && { fail "lint passed"; return 1; }
	if grep -qE "questions.yaml:$((line - 3))?[0-9]*: .*\.ko: missing the ko translation" <<<"$out"; then
		pass "lint: $(grep -F 'missing the ko' <<<"$out" | sed "s|$dir/||")"
	else
		echo "$out" | sed 's/^/  | /'
		fail "lint does not name the file, the line and ko"
	fi
}

screening zh-Hans "确认回答" "本问诊未发现禁忌。" || true
screening zh-TW "確認回答" "本問診未發現禁忌。" || true
screening ko "답변 확인" "이 문진에서는 금기가 발견되지 않았습니다." || true
kiosk || true
lintko || true

if ((fails > 0)); then
	echo "languages-walkthrough: $fails check(s) failed"
	exit 1
fi
echo "languages-walkthrough: all checks passed"
