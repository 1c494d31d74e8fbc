#!/usr/bin/env bash
# keyboard-walkthrough.sh: the keys of a person who does not read, and of one who knows their
# keyboard, on the REAL exoscreen binary in a real terminal (tmux, a private server per run),
# with the test rule set (--content internal/testrules/testdata):
#
#   - enter held down from the first screen (200 enters in one burst) reaches no summary, in
#     the interactive screening and in the kiosk (nothing is saved);
#   - a full screening answered by number keys only, in Japanese and in English, ending with
#     the summary's verdict sentence (the one the printed summary has);
#   - ? on a question at 40x12 shows its explanation (below the fold there), and ? goes back;
#   - a tap (a mouse report) highlights an option, a second tap takes it;
#   - the command-line forms of issue 9 section 6 (scripts/cli-forms.sh, run on the same
#     binary: global flags before and after the command, help in --lang, error wording,
#     standard input named, a byte-order mark, exit status 2 for a screening quit early).
#
#   scripts/keyboard-walkthrough.sh          # all of it
#   KEEP=1 scripts/keyboard-walkthrough.sh   # keep the work directory
#
# Needs: go, tmux. Exit status 0 when every check passed; a failed check prints the screen.
# Each step waits for the screen it expects (STEP_TIMEOUT seconds, default 10).
set -euo pipefail

cd "$(dirname "$0")/.."
STEP_TIMEOUT=${STEP_TIMEOUT:-10}
rules="$PWD/internal/testrules/testdata"
work=$(mktemp -d)
base="exoscreen-keys-$$"
. scripts/walk-lib.sh # the private tmux server, expect/answer/keys, clean-up

go build -o "$work/exoscreen" ./cmd/exoscreen

# enters N: N enter keys in one burst, as a key held down sends them.
enters() {
	local args=() i
	for ((i = 0; i < $1; i++)); do args+=(Enter); done
	keys "${args[@]}"
}

# held LANG: enter held from the first screen of the interactive screening.
held() {
	local lang=$1 need first
	if [[ $lang == ja ]]; then need="答えをお選びください" first="質問 1 /"; else need="Please choose an answer" first="Question 1 of"; fi
	echo "keyboard: enter held from the first screen (--lang $lang)"
	newterm 80 24 "cd '$work' && TERM=xterm-256color LANG=C.UTF-8 ./exoscreen --content '$rules' --lang $lang; echo EXIT=\$?; sleep 600"
	expect "English" || return 1
	enters 200
	sleep 1
	expect "$need" "$first" && pass "200 enters: still the first question, asking for an answer" || return 1
	lacks "Review your answers" "回答の確認" "Verdict" "判定" || return 1
	pass "no review, no summary"
	keys C-c # nothing answered: quits at once
	expect "EXIT=" && pass "ctrl+c quits at once: nothing was answered" || return 1
}

# heldkiosk: enter held on the kiosk: the language is taken, no answer, nothing saved.
heldkiosk() {
	echo "keyboard: enter held on the kiosk"
	mkdir -p "$work/outbox"
	newterm 100 32 "cd '$work' && TERM=xterm-256color LANG=C.UTF-8 EXOSCREEN_STAFF_PIN=48151623 ./exoscreen --content '$rules' --kiosk --outbox '$work/outbox' --details none; sleep 600"
	expect "ようこそ" || return 1
	enters 200
	sleep 1
	expect "答えをお選びください" "質問 1 /" && pass "200 enters: the kiosk's first question asks for an answer" || return 1
	[[ -z "$(ls -A "$work/outbox")" ]] && pass "nothing saved in the outbox" || fail "the outbox has: $(ls "$work/outbox")"
	endterm
}

# numbers LANG FIRST SENTENCE: a full screening by number keys: FIRST for the first question,
# 1 for every other, then the review confirmed; the summary shows SENTENCE.
numbers() {
	local lang=$1 first=$2 sentence=$3 review i
	if [[ $lang == ja ]]; then review="回答の確認"; else review="Review your answers"; fi
	echo "keyboard: a full screening by number keys (--lang $lang)"
	newterm 80 24 "cd '$work' && TERM=xterm-256color LANG=C.UTF-8 ./exoscreen --content '$rules' --lang $lang; echo EXIT=\$?; sleep 600"
	expect "English" || return 1
	answer Enter
	answer "$first" Enter
	for i in $(seq 1 30); do
		screen | grep -qF "$review" && break
		answer 1 Enter || return 1
	done
	expect "$review" && pass "every question answered by its number key" || return 1
	keys End
	sleep 0.2
	keys Enter
	expect "$sentence" && pass "summary: $sentence" || return 1
	keys C-c
	keys y
	expect "EXIT=" || return 1
}

# explain: ? at 40x12 on the first question, whose explanation is below the fold there.
explain() {
	echo "keyboard: ? at 40x12"
	newterm 40 12 "cd '$work' && TERM=xterm-256color LANG=C.UTF-8 ./exoscreen --content '$rules' --lang en; sleep 600"
	expect "Pre-treatment screening" "exoscreen" && pass "the first screen opens at its top" || return 1
	answer Enter
	expect "Are you pregnant now?" "? explanation" "(more below" && pass "the help line offers ? (the explanation is below the fold)" || return 1
	lacks "We ask because" || return 1
	keys '?'
	expect "We ask because" "back to the question" && pass "? shows the explanation" || return 1
	keys '?'
	expect "1. No" "? explanation" && pass "? goes back to the question" || return 1
	lacks "We ask because" || return 1
	keys 2 # and the keys still work: the highlight is where the number put it
	expect "> 2. Yes, I am pregnant" && pass "a number key highlights its option" || return 1
}

# taps: a click (a touch screen's tap) as the terminal reports it (SGR mouse, typed into the
# pane): the first tap highlights an option, the second takes it.
taps() {
	echo "keyboard: taps (mouse reports)"
	newterm 80 24 "cd '$work' && TERM=xterm-256color LANG=C.UTF-8 ./exoscreen --content '$rules' --lang en; sleep 600"
	expect "English" || return 1
	answer Enter
	expect "2. Yes, I am pregnant" || return 1
	local row
	row=$(screen | grep -n "2. Yes, I am pregnant" | cut -d: -f1)
	keys -l $'\e[<0;10;'"$row"'M'
	expect "> 2. Yes, I am pregnant" "Question 1 of" && pass "a tap highlights the option, and answers nothing" || return 1
	keys -l $'\e[<0;10;'"$row"'M'
	expect "Are you breastfeeding now?" && pass "a second tap takes it" || return 1
}

# cliforms: scripts/cli-forms.sh on the same binary, its output indented under this script's.
cliforms() {
	echo "command line: the forms of issue 9 section 6 (scripts/cli-forms.sh)"
	if EXOSCREEN_BIN="$work/exoscreen" bash scripts/cli-forms.sh 2>&1 | sed 's/^/  | /'; then
		pass "scripts/cli-forms.sh: every check passed"
	else
		printf '  FAIL  scripts/cli-forms.sh (its FAIL lines are above)\n'
		fails=$((fails + 1))
	fi
}

held en || true
held ja || true
heldkiosk || true
numbers ja 2 "絶対禁忌があります。治療は行わないでください。" || true
numbers en 1 "No contraindication was found by this screening." || true
explain || true
taps || true
endterm
cliforms || true

if ((fails > 0)); then
	echo "keyboard-walkthrough: $fails check(s) failed"
	exit 1
fi
echo "keyboard-walkthrough: all checks passed"
