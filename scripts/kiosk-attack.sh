#!/usr/bin/env bash
# The attacks of issue 11 on the real binary in tmux (a private tmux server): hostile summary
# files and a hanging printer in the inbox, the staff PIN in the environment, PINs that cannot
# be typed, a world-writable outbox, a patient locking the staff out, and the outbox folder
# removed while the kiosk runs.
source "$(dirname "$0")/kiosk-lib.sh"
build
OUT="$WORK/outbox"

# --- The inbox: a 4 MB line without a break point, a symbolic link, a file over the cap.
mkdir -m 700 "$OUT"
(cd "$ROOT" && EXOSCREEN_PLANT="$OUT" EXOSCREEN_PLANT_N=3 go test ./ui/inbox -run '^TestPlant$' -count=1 >/dev/null)
mapfile -t ids < <(ls "$OUT"/*.json | sort -r | xargs -n1 basename | sed 's/\.json$//')
python3 - "$OUT" "${ids[@]}" <<'PY'
import os, sys
out, newest, middle, oldest = sys.argv[1:5]
open(f"{out}/{newest}.txt", "w").write("A" * (4 * 1024 * 1024 - 16))
os.remove(f"{out}/{middle}.txt"); os.symlink("/etc/passwd", f"{out}/{middle}.txt")
open(f"{out}/{oldest}.txt", "wb").write(b"\0" * (4 * 1024 * 1024 + 1))
PY
tmux new-session -d -s inbox -x 110 -y 24 "'$BIN' inbox --outbox '$OUT' --lang en --print-command 'sleep 6'; echo \$? > '$WORK/inbox-exit'; sleep 3600"
SESSION=inbox wait_for "3 results" 10
# Open the 4 MB line and at once go back: the list is there again at once.
start=$(date +%s%N)
tmux send-keys -t inbox Enter Escape
SESSION=inbox wait_for "up/down choose" 5
end=$(date +%s%N)
echo "open the 4 MB line and esc at once: list back after $(((end - start) / 1000000)) ms (incl. tmux polling)"
check "esc answered within 1 s while opening a 4 MB line" test $(((end - start) / 1000000)) -lt 1000
tmux send-keys -t inbox Enter
SESSION=inbox wait_for "Shown cut: the file is too long to show whole" 10
# (esc then another key in one write would read as alt+key: one key a write)
inbox_keys() { local k; for k in "$@"; do tmux send-keys -t inbox "$k"; sleep 0.1; done; }
inbox_keys Escape Down Enter
SESSION=inbox wait_for "The summary file exists but was not opened (not a regular file" 5
inbox_keys Escape Down Enter
SESSION=inbox wait_for "The summary file exists but was not opened (the file is too large" 5
inbox_keys Escape Home
# A print command that takes 6 s: the cursor moves meanwhile.
tmux send-keys -t inbox p
SESSION=inbox wait_for "Sending to the printer" 2
start=$(date +%s%N)
tmux send-keys -t inbox Down
SESSION=inbox wait_for ">" 1
for _ in $(seq 1 40); do
	tmux capture-pane -p -t inbox | grep -qE '^> .*R-000001' && break
	sleep 0.05
done
end=$(date +%s%N)
check "the cursor moves while the printer runs (sleep 6)" bash -c "tmux capture-pane -p -t inbox | grep -qE '^> .*R-000001'"
echo "a key while printing: seen after $(((end - start) / 1000000)) ms (incl. tmux polling)"
tmux send-keys -t inbox C-c
sleep 0.5
check "ctrl+c quits the inbox while the printer runs" test "$(cat "$WORK/inbox-exit" 2>/dev/null)" = 0
tmux kill-session -t inbox
rm -rf "$OUT"

# --- The PIN in the environment: gone from /proc/PID/environ; the warning on the staff menu.
PIN=97531864
start_kiosk --outbox "$OUT" --details none --lang en
pid=$(pid_of_kiosk)
check "the PIN is not in /proc/PID/environ" bash -c "! tr '\\0' '\\n' < /proc/$pid/environ | grep -qF $PIN"
check "the PIN is not in ps eww" bash -c "! ps eww -p $pid | grep -qF $PIN"
keys F12
wait_for "Staff only"
keys $PIN Enter
wait_for "Staff menu"
check "the staff menu warns about the PIN from the environment" bash -c "tmux capture-pane -p -t $SESSION | grep -qF 'came from EXOSCREEN_STAFF_PIN'"

# --- A patient locks the staff out; kiosk-unlock (same OS user) releases it.
keys Escape
wait_for "Welcome"
keys F12
wait_for "Staff only"
keys 0000 Enter 0000 Enter 0000 Enter
wait_for "locked for"
"$BIN" kiosk-unlock --outbox "$OUT" --lang en >"$WORK/unlock.out"
check "kiosk-unlock says what it did" grep -qF "is released" "$WORK/unlock.out"
wait_for "The lock was released" 3
keys $PIN Enter
wait_for "Staff menu"
pass "the right PIN works at once after kiosk-unlock"

# --- The outbox removed while the kiosk runs: the next save makes it again (0700).
keys Escape
wait_for "Welcome"
rm -rf "$OUT"
keys Enter
wait_for "Question 1"
answer_all
wait_for "Please tell the reception" 10
check "saved although the folder was removed" test "$(ls "$OUT"/*.json 2>/dev/null | wc -l)" -eq 1
check "the folder is made again with mode 0700" test "$(stat -c %a "$OUT")" = 700
kill -TERM "$(pid_of_kiosk)"
sleep 0.5

# --- Refused at start: a world-writable outbox, a PIN that cannot be typed, a PIN of spaces.
chmod 777 "$OUT"
tmux kill-session -t "$SESSION"
tmux new-session -d -s "$SESSION" -x 100 -y 32 "EXOSCREEN_STAFF_PIN=$PIN '$BIN' --kiosk --outbox '$OUT' --lang en; echo exit=\$?; sleep 3600"
wait_for "exit=" 5
check "a world-writable outbox is refused" bash -c "tmux capture-pane -p -t $SESSION | grep -qF 'any user could plant results'"
chmod 700 "$OUT"
refused() { # refused PIN WANT: the kiosk does not start with PIN and says WANT
	tmux kill-session -t "$SESSION"
	tmux new-session -d -s "$SESSION" -x 100 -y 32 "EXOSCREEN_STAFF_PIN='$1' '$BIN' --kiosk --outbox '$OUT' --lang en; echo exit=\$?; sleep 3600"
	wait_for "exit=2" 5 && tmux capture-pane -p -t "$SESSION" | grep -qF "$2"
}
check "a PIN longer than the prompt takes is refused" refused "$(printf '7%.0s' $(seq 1 65))" "at most 64 characters"
check "a PIN of only spaces is refused saying so" refused "     " "only spaces"
finish
