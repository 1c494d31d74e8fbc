#!/usr/bin/env bash
# Two patients at once over SSH, with the real OpenSSH client in tmux: `exoscreen serve` on
# loopback, two panes of different sizes connecting with `ssh -tt` (one with a key, one with
# the shared password), one patient in English and one in Japanese, both results in the
# outbox, and the staff inbox in a third pane beside them listing both. Runs on a private
# tmux server (-L), never the user's.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${EXOSCREEN_BIN:-}
WORK=$(mktemp -d /tmp/exoscreen-serve.XXXXXX)
SOCK="exoscreen-serve-$$"
S=serve
STEP_TIMEOUT=${STEP_TIMEOUT:-10}
FAILS=0
SERVER_PID=

t() { tmux -L "$SOCK" "$@"; }

cleanup() {
	t kill-server 2>/dev/null || true
	if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -TERM "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

. "$ROOT/scripts/serve-lib.sh" # pass, fail, check, screen, keys, wait_for

# answer_all PANE REVIEW: the first option (its number key, then enter: nothing is chosen for
# the patient) for every question until the review, then confirm it.
answer_all() {
	local i
	for i in $(seq 1 60); do
		if screen "$1" | grep -qF "$2"; then
			keys "$1" End
			sleep 0.3
			keys "$1" Enter
			return 0
		fi
		keys "$1" 1 Enter
		sleep 0.2
	done
	fail "pane $1: never reached the review"
}

if [ -z "$BIN" ]; then
	BIN="$WORK/exoscreen"
	(cd "$ROOT" && go build -o "$BIN" ./cmd/exoscreen)
fi

# The server: loopback, a new host key, one terminal's key and the shared password.
ssh-keygen -q -t ed25519 -N '' -C terminal-1 -f "$WORK/terminal_key"
cp "$WORK/terminal_key.pub" "$WORK/authorized_keys"
chmod 600 "$WORK/authorized_keys"
PASSWORD="waiting-room-$$"
EXOSCREEN_STAFF_PIN=2468 EXOSCREEN_SERVE_PASSWORD="$PASSWORD" "$BIN" serve \
	--listen 127.0.0.1:0 --outbox "$WORK/outbox" --host-key "$WORK/host_key" \
	--authorized-keys "$WORK/authorized_keys" --details reception --clinic "Test Clinic" \
	>"$WORK/server.out" 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 200); do
	grep -q "listening on" "$WORK/server.out" 2>/dev/null && break
	sleep 0.05
done
PORT=$(sed -n 's/^exoscreen serve: listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$WORK/server.out")
FP=$(sed -n 's/^host key fingerprint: //p' "$WORK/server.out")
check "server listening on loopback (port $PORT)" test -n "$PORT"
check "host key created with mode 0600" test "$(stat -c %a "$WORK/host_key")" = 600
check "host key fingerprint printed ($FP)" test "$FP" = "$(ssh-keygen -lf "$WORK/host_key" | awk '{print $2}')"

SSH="ssh -tt -p $PORT -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=$WORK/known_hosts -o LogLevel=ERROR"
# Two panes of different sizes (pane 0: 100 columns, pane 1: 79), each a terminal in the clinic.
A=$(t new-session -d -P -F '#{pane_id}' -s "$S" -x 180 -y 34 "$SSH -i $WORK/terminal_key -o IdentitiesOnly=yes -o PreferredAuthentications=publickey reception@127.0.0.1; sleep 3600")
B=$(t split-window -h -P -F '#{pane_id}' -l 79 -t "=$S:0" "$SSH -o PreferredAuthentications=password -o PubkeyAuthentication=no room2@127.0.0.1; sleep 3600")
wait_for "$B" "password:"
keys "$B" "$PASSWORD" Enter
wait_for "$A" "Welcome"
wait_for "$B" "Welcome"
w0=$(t display -p -t "$A" '#{pane_width}')
w1=$(t display -p -t "$B" '#{pane_width}')
check "the panes have different sizes ($w0 and $w1 columns)" test "$w0" != "$w1"
check "the host key was accepted and remembered" bash -c "ssh-keygen -F '[127.0.0.1]:$PORT' -f '$WORK/known_hosts' >/dev/null"

# Both patients at once: pane 0 in English, pane 1 in Japanese.
keys "$A" Right Enter
keys "$B" Enter
wait_for "$A" "Please enter your details"
wait_for "$B" "受付の情報を入力してください"
keys "$A" QK-501 Enter
keys "$B" QK-502 Enter
wait_for "$A" "Question 1"
wait_for "$B" "質問 1"
for i in $(seq 1 60); do # alternate keys between the two screenings
	done0=0 done1=0
	screen "$A" | grep -qF "Review your answers" && done0=1
	screen "$B" | grep -qF "回答の確認" && done1=1
	[ $done0 = 1 ] && [ $done1 = 1 ] && break
	[ $done0 = 0 ] && keys "$A" 1 Enter
	[ $done1 = 0 ] && keys "$B" 1 Enter
	sleep 0.2
done
answer_all "$A" "Review your answers"
answer_all "$B" "回答の確認"
wait_for "$A" "Please tell the reception"
wait_for "$B" "受付に「終わりました」"
check "both results in the outbox" test "$(ls "$WORK"/outbox/*.json 2>/dev/null | wc -l)" -eq 2
check "result files are 0600" bash -c "[ -z \"\$(find '$WORK/outbox' -type f ! -perm 600)\" ]"
check "file names carry no patient data" bash -c "! ls '$WORK/outbox' | grep -qE 'QK-50[12]'"

# The staff inbox beside them.
C=$(t split-window -v -P -F '#{pane_id}' -t "$A" "'$BIN' inbox --outbox '$WORK/outbox' --lang en; sleep 3600")
wait_for "$C" "Screening inbox"
check "the inbox lists patient QK-501" bash -c "tmux -L '$SOCK' capture-pane -p -t '$C' | grep -qF QK-501"
check "the inbox lists patient QK-502" bash -c "tmux -L '$SOCK' capture-pane -p -t '$C' | grep -qF QK-502"
screen "$C" | head -8

# The operator log: sessions with address and how they came in; no patient detail.
cat "$WORK/server.log"
check "log: a session by key" grep -q "start: 127.0.0.1:[0-9]*, key SHA256:" "$WORK/server.log"
check "log: a session by password" grep -q "start: 127.0.0.1:[0-9]*, password" "$WORK/server.log"
check "log: two results saved" test "$(grep -c 'completed, saved ' "$WORK/server.log")" -eq 2
check "log holds no patient detail nor password" bash -c "! grep -qE 'QK-50[12]|reception@|room2|$PASSWORD' '$WORK/server.log'"

# SIGTERM: the patients are told, the server exits 0.
kill -TERM "$SERVER_PID"
status=0
wait "$SERVER_PID" || status=$?
SERVER_PID=
check "server exit status 0 after SIGTERM" test "$status" -eq 0
wait_for "$A" "The server is closing"

if [ "$FAILS" -gt 0 ]; then
	echo "$FAILS check(s) failed"
	exit 1
fi
echo "all checks passed"
