#!/usr/bin/env bash
# Figures of the real kiosk in tmux:
#   1. time to reset between patients: from the key on the completion screen until the
#      welcome screen is on the pane (tight capture-pane polling; the polling's own cost is
#      measured and printed beside it), and the same on a bare pseudo-terminal
#      (scripts/kiosk-pty.py), where the time is not blurred by tmux;
#   2. CPU of a kiosk idling on its welcome screen over IDLE_SECONDS (default 60), from
#      /proc/PID/stat (utime + stime).
source "$(dirname "$0")/kiosk-lib.sh"
build
ROUNDS=${ROUNDS:-5}
IDLE_SECONDS=${IDLE_SECONDS:-60}
now_ms() { date +%s%3N; }

start_kiosk --outbox "$WORK/outbox" --details none --lang en
# Cost of one poll when the text is already there.
t=$(now_ms)
for i in $(seq 1 20); do screen | grep -qF ようこそ; done
poll=$((($(now_ms) - t) / 20))

resets=()
for r in $(seq 1 "$ROUNDS"); do
	keys Enter
	wait_for "Question 1"
	answer_all
	wait_for "Please tell the reception"
	sleep 1.1 # keys in the first second are ignored (a key still held from the review)
	t=$(now_ms)
	keys Space
	until screen | grep -qF ようこそ; do :; done
	resets+=($(($(now_ms) - t)))
done
echo "reset between patients (key -> welcome on the tmux pane), ms: ${resets[*]} (one poll costs ~${poll} ms)"
# The same without tmux: on a pseudo-terminal, timed from the key written to the bytes read.
mkdir -p "$WORK/pty-outbox"
python3 "$ROOT/scripts/kiosk-pty.py" "$BIN" "$WORK/pty-outbox" "$ROUNDS"

pid=$(pid_of_kiosk)
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
a=$(ticks "$pid")
sleep "$IDLE_SECONDS"
b=$(ticks "$pid")
echo "idle CPU on the welcome screen: $((b - a)) ticks of 1/${hz} s in ${IDLE_SECONDS} s = $(awk -v t=$((b - a)) -v hz="$hz" -v s="$IDLE_SECONDS" 'BEGIN{printf "%.3f", 100*t/hz/s}') % of a core"
finish
