#!/usr/bin/env bash
# Two kiosk processes share one outbox and finish a patient at the same moment, while the
# staff inbox runs beside them: both results arrive, complete, and appear in the inbox live.
source "$(dirname "$0")/kiosk-lib.sh"
build
OUT="$WORK/shared"
A="$SESSION-a"
B="$SESSION-b"
I="$SESSION-inbox"
cleanup2() { tmux kill-session -t "$A" 2>/dev/null || true; tmux kill-session -t "$B" 2>/dev/null || true; tmux kill-session -t "$I" 2>/dev/null || true; cleanup; }
trap cleanup2 EXIT

for s in "$A" "$B"; do
	tmux new-session -d -s "$s" -x 100 -y 32 "EXOSCREEN_STAFF_PIN=$PIN '$BIN' --kiosk --outbox '$OUT' --details reception --lang en; sleep 3600"
done
sleep 1
tmux new-session -d -s "$I" -x 110 -y 24 "'$BIN' inbox --outbox '$OUT' --lang en; sleep 3600"

# Drive both kiosks to their review screens.
for s in "$A" "$B"; do
	SESSION=$s
	wait_for "Welcome"
	keys Enter
	wait_for "Please enter your details"
	[ "$s" = "$A" ] && keys 1001 Enter || keys 2002 Enter
	wait_for "Question 1"
	for i in $(seq 1 40); do
		screen | grep -qF "Review your answers" && break
		keys 1 Enter
		sleep 0.15
	done
	keys End
done
sleep 0.3
# Confirm both at once.
tmux send-keys -t "$A" Enter & tmux send-keys -t "$B" Enter & wait
SESSION=$A; wait_for "Please tell the reception"
SESSION=$B; wait_for "Please tell the reception"
check "two results, four files" test "$(ls "$OUT" | wc -l)" -eq 4
check "no temporary files left" test -z "$(ls -A "$OUT" | grep '^\.' || true)"
for f in "$OUT"/*.json; do
	check "$(basename "$f") is complete JSON" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$f"
done
SESSION=$I
wait_for "1001" 5
wait_for "2002" 5
check "the inbox shows both as they arrived" bash -c "tmux capture-pane -p -t $I | grep -qF 'New results: 2'"
screen | head -8
finish
