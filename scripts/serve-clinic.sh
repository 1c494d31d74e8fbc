#!/usr/bin/env bash
# The clinic's day over SSH, on the real binary with the real OpenSSH client in tmux, set up as
# the README says: `exoscreen serve` on loopback with a staff PIN file, a terminal key and the
# shared password, an operator log file and --max-sessions 2. Checked: a patient locks the
# staff out with wrong PINs and `exoscreen kiosk-unlock --outbox DIR` releases the server's
# lockout (the message stays), three wrong passwords then the right one, one more terminal
# than allowed is refused politely, a client without a pty (ssh -T, answers piped) gets a
# wrapped message and the line mode and its result is saved, a client that vanishes
# mid-screening ends as abandoned with nothing saved, the operator log holds no patient data,
# result files 0600 in a 0700 folder, and SIGTERM during a session tells the terminals and
# exits 0. Runs on a private tmux server (-L), never the user's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${EXOSCREEN_BIN:-}
WORK=$(mktemp -d /tmp/exoscreen-clinic.XXXXXX)
SOCK="exoscreen-clinic-$$"
STEP_TIMEOUT=${STEP_TIMEOUT:-10}
FAILS=0
SERVER_PID=

t() { tmux -L "$SOCK" "$@"; }

cleanup() {
	t kill-server 2>/dev/null || true
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -TERM "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

. "$ROOT/scripts/serve-lib.sh" # pass, fail, check, screen, keys, wait_for

if [ -z "$BIN" ]; then
	BIN="$WORK/exoscreen"
	(cd "$ROOT" && go build -o "$BIN" ./cmd/exoscreen)
fi

# As the README: the PIN and the password in 0600 files, one terminal's key.
(umask 077; printf '%s\n' 4826 >"$WORK/pin"; printf '%s\n' "front-desk-$$" >"$WORK/password")
ssh-keygen -q -t ed25519 -N '' -C terminal-1 -f "$WORK/terminal_key"
cp "$WORK/terminal_key.pub" "$WORK/terminals.pub"
OUTBOX="$WORK/outbox"
"$BIN" serve --listen 127.0.0.1:0 --outbox "$OUTBOX" --host-key "$WORK/host_ed25519" \
	--authorized-keys "$WORK/terminals.pub" --password-file "$WORK/password" \
	--staff-pin-file "$WORK/pin" --details reception,name --max-sessions 2 --log "$WORK/op.log" \
	>"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
for _ in $(seq 1 200); do
	grep -q "listening on" "$WORK/server.out" 2>/dev/null && break
	sleep 0.05
done
PORT=$(sed -n 's/^exoscreen serve: listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$WORK/server.out")
check "server listening on loopback (port $PORT)" test -n "$PORT"

SSHO="-p $PORT -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=$WORK/known_hosts -o LogLevel=ERROR"
KEY="-i $WORK/terminal_key -o IdentitiesOnly=yes -o PreferredAuthentications=publickey"
PW="-o PreferredAuthentications=password -o PubkeyAuthentication=no"
t new-session -d -s keep -x 80 -y 24 "sleep 86400"
# Terminal A: a tablet, 40x12, Japanese, by key. Terminal B: 90x28, English, by password.
A=$(t new-session -d -P -F '#{pane_id}' -s a -x 40 -y 12 "LANG=ja_JP.UTF-8 ssh -tt $SSHO $KEY kiosk@127.0.0.1; sleep 3600")
B=$(t new-session -d -P -F '#{pane_id}' -s b -x 90 -y 28 "LANG=en_US.UTF-8 ssh -tt $SSHO $PW kiosk@127.0.0.1; sleep 3600")
wait_for "$A" "日本語"
# prompts PANE N: waits until the pane has shown N password prompts (each wrong one is slowed).
prompts() {
	local deadline=$((SECONDS + STEP_TIMEOUT))
	while [ "$(screen "$1" | grep -c 'password:')" -lt "$2" ]; do
		[ $SECONDS -ge $deadline ] && { fail "pane $1: no password prompt $2"; return 1; }
		sleep 0.05
	done
}
for i in 1 2 3; do
	prompts "$B" "$i"
	keys "$B" "wrong-$i" Enter
done
wait_for "$B" "Permission denied (" 15
t respawn-pane -k -t "$B" "LANG=en_US.UTF-8 ssh -tt $SSHO $PW kiosk@127.0.0.1; sleep 3600"
wait_for "$B" "password:" 15
keys "$B" "front-desk-$$" Enter
wait_for "$B" "Welcome" 15

# One more terminal than --max-sessions 2: told politely.
C=$(t new-session -d -P -F '#{pane_id}' -s c -x 80 -y 24 "ssh -tt $SSHO $KEY kiosk@127.0.0.1; echo EXIT=\$?; sleep 3600")
wait_for "$C" "All places are in use"
wait_for "$C" "EXIT="

# A patient on A locks the staff out; kiosk-unlock from another terminal releases it.
keys "$A" F12
wait_for "$A" "スタッフ用画面"
for p in 1111 2222 3333; do keys "$A" "$p" Enter; sleep 0.2; done
wait_for "$A" "入力できません"
"$BIN" kiosk-unlock --outbox "$OUTBOX" >"$WORK/unlock.out"
wait_for "$A" "ロックが解除されました" 5
sleep 1.5 # the next ticks: the message stays
check "the release message stays on the PIN prompt" bash -c "tmux -L '$SOCK' capture-pane -p -t '$A' | grep -qF ロックが解除されました"
check "the staff screen fits 40 columns" bash -c "! tmux -L '$SOCK' capture-pane -p -t '$A' | grep -q '.\{41\}'"
keys "$A" 4826 Enter
wait_for "$A" "スタッフメニュー"
keys "$A" Enter
wait_for "$A" "日本語"

# B: a patient starts, then the client vanishes mid-screening (the tablet's battery).
keys "$B" Right Enter
wait_for "$B" "Please enter your details"
keys "$B" B-77 Enter
keys "$B" "Vanishing Patient" Enter
wait_for "$B" "Question 1"
keys "$B" 1 Enter
wait_for "$B" "Question 2"
kill -9 "$(pgrep -f "ssh -tt $SSHO $PW" | head -1)"
for _ in $(seq 1 100); do
	grep -q "end: abandoned" "$WORK/op.log" && break
	sleep 0.05
done
check "the vanished session ends as abandoned" grep -q "end: abandoned" "$WORK/op.log"
check "nothing saved of the vanished patient" test "$(ls "$OUTBOX"/*.json 2>/dev/null | wc -l)" -eq 0

# A client without a pty: a wrapped message, the line mode, answers piped, the result saved.
{
	printf '2\nL-5\nLine Person\n'
	for _ in $(seq 1 40); do printf '1\n'; sleep 0.05; done
	printf '\n'
} | LANG=en_US.UTF-8 timeout 60 ssh -T $SSHO $KEY kiosk@127.0.0.1 >"$WORK/line.out" 2>&1 || true
check "no-pty: told so" grep -q "This connection has no terminal (pty)" "$WORK/line.out"
check "no-pty: the message fits 80 columns" python3 -c "
import sys, unicodedata
w = lambda l: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in l)
sys.exit(any(w(l) > 80 for l in open('$WORK/line.out', encoding='utf-8').read().split(chr(10))[:4]))"
check "no-pty: the result was saved" grep -q "Your answers were saved" "$WORK/line.out"
check "one result in the outbox" test "$(ls "$OUTBOX"/*.json 2>/dev/null | wc -l)" -eq 1
check "outbox folder 0700" test "$(stat -c %a "$OUTBOX")" = 700
check "result files 0600" bash -c "[ -z \"\$(find '$OUTBOX' -type f ! -perm 600)\" ]"
check "file names carry no patient data" bash -c "! ls -a '$OUTBOX' | grep -qiE 'L-5|Line|B-77|Vanish'"
check "operator log 0600" test "$(stat -c %a "$WORK/op.log")" = 600

# SIGTERM while a patient is in the middle of the screening on A.
keys "$A" Enter
wait_for "$A" "受付番号" # (at 40x12 the screen's title is above the top line)
keys "$A" 12 Enter
keys "$A" "山田 花子" Enter
wait_for "$A" "質問 1"
kill -TERM "$SERVER_PID"
status=0
wait "$SERVER_PID" || status=$?
SERVER_PID=
check "server exit status 0 after SIGTERM" test "$status" -eq 0
wait_for "$A" "サーバーを終了します"
check "nothing of the patient in A's scrollback" bash -c "! tmux -L '$SOCK' capture-pane -p -S - -t '$A' | grep -qE '山田|質問'"

cat "$WORK/op.log"
check "log: wrong passwords counted" grep -q "wrong password from 127.0.0.1 (3 recent)" "$WORK/op.log"
check "log: the extra terminal refused" grep -q "all 2 places in use" "$WORK/op.log"
check "log holds no patient detail, user name, PIN nor password" bash -c \
	"! grep -qE 'B-77|L-5|Vanish|Line Person|山田|kiosk@|4826|1111|front-desk|wrong-' '$WORK/op.log'"

if [ "$FAILS" -gt 0 ]; then
	echo "$FAILS check(s) failed"
	exit 1
fi
echo "all checks passed"
