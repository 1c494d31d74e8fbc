#!/usr/bin/env bash
# Idle wipe of the real kiosk in tmux, with a short timeout: a patient who walks away
# mid-screening gets "are you still there?", a key brings the screening back, and when nobody
# answers the countdown the screening is wiped and the welcome screen returns.
source "$(dirname "$0")/kiosk-lib.sh"
build
start_kiosk --outbox "$WORK/outbox" --details name --idle-timeout 4s

keys Enter
wait_for "お名前"
keys "Walkaway Person" Enter
wait_for "質問 1"
keys 1 Enter
wait_for "質問 2"
t0=$SECONDS
wait_for "まだ続けますか？" 8
echo "idle prompt after ~$((SECONDS - t0)) s"
screen | grep -E "秒後" || true
keys Space
wait_for "質問 2"
pass "a key brings the screening back at the same question"
wait_for "まだ続けますか？" 8
wait_for "ようこそ" 5
echo "wiped after the 2 s countdown"
check "nothing was saved" test -z "$(ls -A "$WORK/outbox")"
check "the name is gone from the screen and the scrollback" bash -c "! tmux capture-pane -p -S - -E - -t $SESSION | grep -qF Walkaway"
keys Enter
wait_for "お名前"
check "the details screen is empty again" bash -c "! tmux capture-pane -p -t $SESSION | grep -qF Walkaway"
# The welcome screen itself never times out (there is nothing to wipe).
keys Escape
wait_for "ようこそ"
sleep 6
check "welcome screen stays without a prompt" bash -c "! tmux capture-pane -p -t $SESSION | grep -qF 'まだ続けますか'"
finish
