#!/usr/bin/env bash
# cli-forms.sh: runs the command-line forms of issue 9 section 6 on the REAL exoscreen binary
# and checks each one: exit status, and what stdout and stderr say. It prints every command
# line and the first lines of what it gave, so a person watching (for example in tmux) sees
# the forms as a user would.
#
#   scripts/cli-forms.sh                      # builds the binary into a temporary folder
#   EXOSCREEN_BIN=./exoscreen scripts/cli-forms.sh
#
# The two forms that need a terminal (evaluate reading a terminal; the full-screen screening
# quit before its summary) run in a private tmux server (-L), removed at the end. Answers
# are screened with the test rule set (internal/testrules), never the live content/.
# Needs: go, python3 (the 80-column check), tmux (skipped with a note when missing).
# Exit status 0 when every check passed, 1 otherwise.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/exoscreen-cli.XXXXXX)
SOCK="exoscreen-cli-$$"
SOCKDIR="${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)"
cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null || true
	rm -f "$SOCKDIR/$SOCK"
	rm -rf "$WORK"
}
trap cleanup EXIT

BIN=${EXOSCREEN_BIN:-}
if [ -z "$BIN" ]; then
	BIN="$WORK/exoscreen"
	(cd "$ROOT" && go build -o "$BIN" ./cmd/exoscreen) || exit 1
fi
RULES="$ROOT/internal/testrules/testdata"
PASS=0
FAIL=0

# The interfaces.md example answers, one per line of a file, and with a byte-order mark.
ANSWERS='{"pregnancy": "no", "pregnancy_planned": "no", "breastfeeding": "no", "cancer": "treatment_ended", "cancer_years": 7, "infection": "no", "product_reaction": "never_treated", "allergy": "yes", "allergy_severe": "no", "allergy_to": ["pollen"], "anticoagulant": "no", "bleeding_disorder": "no", "immunosuppressant": "no", "other_medication": "no", "autoimmune": "no", "chronic_disease": "none", "doctor_advised_against": "no", "blood_donation": "no"}'
cd "$WORK"
printf '%s\n' "$ANSWERS" >answers.json
printf '\xef\xbb\xbf%s\r\n' "$ANSWERS" >bom.json

ok() { PASS=$((PASS + 1)); echo "   ok: $1"; }
bad() { FAIL=$((FAIL + 1)); echo "   FAIL: $1"; }

# form "DESCRIPTION" STATUS STDIN [env VAR=VALUE...] exoscreen ARGS...: runs the command line,
# shows it and its output, checks the exit status; the checks after it read $OUT and $ERR.
form() {
	local desc=$1 want=$2 input=$3
	shift 3
	echo
	echo "== $desc"
	echo "\$ $*"
	local cmd=("$@")
	for i in "${!cmd[@]}"; do
		[ "${cmd[$i]}" = exoscreen ] && cmd[$i]=$BIN
	done
	printf '%s' "$input" | env -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 TZ=UTC "${cmd[@]}" >out 2>err
	STATUS=$?
	OUT=$(cat out)
	ERR=$(cat err)
	head -n 4 out | cut -c1-100 | sed 's/^/   | /'
	[ -s err ] && sed 's/^/   2| /' err | head -n 4
	if [ "$STATUS" = "$want" ]; then ok "exit status $STATUS"; else bad "exit status $STATUS, want $want"; fi
}
has() { if grep -qF -- "$2" <<<"$1"; then ok "says: $2"; else bad "does not say: $2"; fi; }
hasnt() { if grep -qF -- "$2" <<<"$1"; then bad "says: $2"; else ok "does not say: $2"; fi; }

# Help fits 80 columns (East Asian wide characters take two).
fits80() {
	if python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in s)
sys.exit(max((w(l) for l in sys.stdin.read().splitlines()), default=0) > 80)' <out; then
		ok "fits 80 columns"
	else
		bad "wider than 80 columns"
	fi
}

echo "exoscreen command line (issue 9 section 6): $BIN"

# Global flags before and after the command.
form "global flags before the command (README form)" 0 "" exoscreen --content "$RULES" evaluate answers.json
has "$OUT" "exoscreen-test"
form "--lang before lint" 0 "" exoscreen --lang en lint
has "$OUT" "OK:"
has "$OUT" "questions"
form "--lang after lint" 0 "" exoscreen lint --lang en
has "$OUT" "questions"
form "flags between the arguments" 0 "" exoscreen evaluate answers.json --content "$RULES" --format json --lang en
has "$OUT" '"verdict":"relative"'
form "--format before the command" 0 "" exoscreen --format json --content "$RULES" evaluate answers.json
has "$OUT" '"verdict":"relative"'

# Help follows --lang, in 80 columns, same sections in both languages.
form "--lang en --help under a Japanese locale" 0 "" env LANG=ja_JP.UTF-8 exoscreen --lang en --help
has "$OUT" "Usage:"
has "$OUT" "Global flags (before or after the command):"
fits80
form "help --lang en" 0 "" exoscreen help --lang en
has "$OUT" "Commands:"
fits80
form "help evaluate (Japanese by default)" 0 "" exoscreen help evaluate
has "$OUT" "使い方:"
has "$OUT" "例:"
fits80
form "evaluate --help --lang en" 0 "" exoscreen evaluate --help --lang en
has "$OUT" "Examples:"
fits80
for c in "" evaluate lint questionnaire inbox help; do
	en=$(env -u LC_ALL LANG=C "$BIN" help $c --lang en | grep -cE '^(Usage|Commands|Flags|Global flags.*|Examples|Interactive screening|Front-desk kiosk.*):$')
	ja=$(env -u LC_ALL LANG=C "$BIN" help $c --lang ja | grep -cE '^(使い方|コマンド|フラグ|共通のフラグ.*|例|対話的な問診|受付キオスク.*):$')
	if [ "$en" = "$ja" ]; then ok "help ${c:-exoscreen}: $en sections in both languages"; else bad "help ${c:-exoscreen}: $en sections in English, $ja in Japanese"; fi
done

# Errors name the flag as written, without a stray space.
form "--bogus" 2 "" exoscreen --bogus
has "$ERR" "exoscreen: 不明なフラグです: --bogus"
form "--bogus in English" 2 "" exoscreen --lang en --bogus
has "$ERR" "exoscreen: unknown flag --bogus"
hasnt "$ERR" "exoscreen :"
form "a rule set that is not there" 2 "" exoscreen --lang en --content "$WORK/none"
has "$ERR" "exoscreen: the rule set has problems"
hasnt "$ERR" "exoscreen :"

# Standard input is named so; a byte-order mark is accepted.
form "standard input named" 2 '{"pregnancy": "maybe"}' exoscreen evaluate --lang en --content "$RULES"
has "$ERR" "standard input: line 1: pregnancy:"
hasnt "$ERR" "-: line 1"
form "標準入力" 2 '{"pregnancy": "maybe"}' exoscreen evaluate - --lang ja --content "$RULES"
has "$ERR" "標準入力: 1行目"
form "answers file with a UTF-8 byte-order mark" 0 "" exoscreen evaluate --format json --content "$RULES" bom.json
has "$OUT" '"verdict":"relative"'

# The accessible mode's English.
form "accessible: a bad answer (piped)" 2 $'99\n' exoscreen --lang en --content "$RULES"
has "$ERR" "stopped, as the input is not a usable answer"
form "accessible: a bad number at the review (piped)" 2 $'1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n99\n' exoscreen --lang en --content "$RULES"
has "$ERR" '"99" is not one of the numbers listed'

# In a terminal (private tmux server).
if command -v tmux >/dev/null; then
	term() { tmux -L "$SOCK" "$@"; }
	screen() { term capture-pane -p -J -t "=cli:" -S -200; }
	wait_for() {
		local deadline=$((SECONDS + 10))
		until screen | grep -qF -- "$1"; do
			if [ $SECONDS -ge $deadline ]; then
				screen | tail -n 12 | sed 's/^/   | /'
				bad "the terminal never showed: $1"
				return 1
			fi
			sleep 0.1
		done
		ok "the terminal shows: $1"
	}
	status() {
		local deadline=$((SECONDS + 10))
		until [ -s "$WORK/status" ]; do
			[ $SECONDS -ge $deadline ] && break
			sleep 0.1
		done
		cat "$WORK/status" 2>/dev/null
	}
	run_term() {
		term kill-server 2>/dev/null
		rm -f "$WORK/status"
		term new-session -d -s cli -x 100 -y 30 "cd '$WORK'; TERM=xterm-256color LANG=C.UTF-8 $1; echo \$? > '$WORK/status'; sleep 60"
	}

	echo
	echo "== evaluate with no file, at a terminal (tmux)"
	echo "\$ exoscreen evaluate --lang en --format json --content RULES   (then the answers, Enter, Ctrl+D)"
	run_term "'$BIN' evaluate --lang en --format json --content '$RULES'"
	wait_for "reading answers (JSON) from standard input; end them with Ctrl+D"
	term send-keys -t "=cli:" -l "$ANSWERS"
	term send-keys -t "=cli:" Enter C-d
	wait_for '"verdict":"relative"'
	s=$(status)
	if [ "$s" = 0 ]; then ok "exit status 0"; else bad "exit status '$s', want 0"; fi

	echo
	echo "== the full-screen screening quit before its summary (tmux)"
	echo "\$ exoscreen --lang en --content RULES   (then Enter, ctrl+c)"
	run_term "'$BIN' --lang en --content '$RULES'"
	wait_for "English"
	term send-keys -t "=cli:" Enter
	sleep 0.5
	term send-keys -t "=cli:" C-c
	sleep 0.5
	[ -s "$WORK/status" ] || term send-keys -t "=cli:" y # when it asks first
	s=$(status)
	if [ "$s" = 2 ]; then ok "exit status 2"; else bad "exit status '$s', want 2"; fi
	wait_for "The screening was quit. No answers were kept."
	term kill-server 2>/dev/null
else
	echo
	echo "== tmux is not installed: the two terminal forms were not run"
fi

echo
echo "cli-forms: $PASS checks passed, $FAIL failed"
[ "$FAIL" = 0 ]
