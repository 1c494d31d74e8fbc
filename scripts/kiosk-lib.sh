# Helpers for the tmux runs of the real exoscreen binary in kiosk mode (sourced by
# scripts/kiosk-*.sh). Each run gets its own tmux session and a fresh work folder.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${EXOSCREEN_BIN:-}
WORK=$(mktemp -d /tmp/exoscreen-kiosk.XXXXXX)
SESSION="kiosk-$$"
PIN=2468
FAILS=0

# Every tmux command goes to a private server of this run (never the user's default one);
# exported so that the checks run with bash -c use it too.
TMUX_SOCKET="exoscreen-kiosk-$$"
unset TMUX
tmux() { command tmux -L "$TMUX_SOCKET" "$@"; }
export -f tmux
export TMUX_SOCKET
# A session that lives as long as the run: killing the last session would end the server
# while the next command starts it again.
tmux new-session -d -s keep -x 80 -y 24 "sleep 86400"

build() {
	if [ -z "$BIN" ]; then
		BIN="$WORK/exoscreen"
		(cd "$ROOT" && go build -o "$BIN" ./cmd/exoscreen)
	fi
}

cleanup() {
	tmux kill-server 2>/dev/null || true
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TMUX_SOCKET"
	chattr -i "$WORK"/* 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

# start_kiosk ARGS...: runs the kiosk in a 100x32 tmux pane; its exit status lands in
# $WORK/exit when it ends.
start_kiosk() {
	tmux kill-session -t "$SESSION" 2>/dev/null || true
	rm -f "$WORK/exit"
	tmux new-session -d -s "$SESSION" -x 100 -y 32 \
		"cd '$WORK' && EXOSCREEN_STAFF_PIN=$PIN LANG=ja_JP.UTF-8 '$BIN' --kiosk $*; echo \$? > '$WORK/exit'; sleep 3600"
	wait_for "ようこそ"
}

screen() { tmux capture-pane -p -t "$SESSION"; }

# history prints the pane's scrollback and screen.
history() { tmux capture-pane -p -S - -E - -t "$SESSION"; }

keys() { tmux send-keys -t "$SESSION" "$@"; }

# wait_for TEXT [SECONDS]: waits until TEXT is on the screen.
wait_for() {
	local deadline=$((SECONDS + ${2:-5}))
	while ! screen | grep -qF -- "$1"; do
		if [ $SECONDS -ge $deadline ]; then
			echo "--- screen while waiting for: $1"
			screen
			fail "timed out waiting for: $1"
			return 1
		fi
		sleep 0.05
	done
}

pid_of_kiosk() { pgrep -f "^$BIN --kiosk" | head -1; }

kiosk_alive() { [ ! -f "$WORK/exit" ]; }

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }

check() { # check DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}

# answer_all: answers every question with its first option (its number key, then enter: nothing
# is chosen for the patient) until the review, then confirms it.
answer_all() {
	local i
	for i in $(seq 1 40); do
		if screen | grep -qE "回答の確認|Review your answers"; then
			keys End
			sleep 0.2
			keys Enter
			return 0
		fi
		keys 1 Enter
		sleep 0.15
	done
	fail "never reached the review"
}

finish() {
	if [ "$FAILS" -gt 0 ]; then
		echo "$FAILS check(s) failed"
		exit 1
	fi
	echo "all checks passed"
}
