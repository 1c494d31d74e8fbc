#!/usr/bin/env bash
# An outbox that cannot be written (made immutable, then removed, while the kiosk runs): the
# patient is asked to fetch staff, the result stays in memory, staff retry or save it in
# another folder from the staff screen. Needs root for chattr +i (root ignores chmod).
source "$(dirname "$0")/kiosk-lib.sh"
build
start_kiosk --outbox "$WORK/outbox" --details reception --lang en

chattr +i "$WORK/outbox"
keys Enter
wait_for "Please enter your details"
keys 5150 Enter
wait_for "Question 1"
answer_all
wait_for "ask a member of staff"
check "patient sees no verdict and no details" bash -c "! tmux capture-pane -p -t $SESSION | grep -qE '5150|relative|none|absolute'"
sleep 2
check "the failure screen stays (no reset, no wipe)" bash -c "tmux capture-pane -p -t $SESSION | grep -qF 'ask a member of staff'"
keys F12
wait_for "Staff only"
keys $PIN Enter
wait_for "One result is not saved"
screen | grep -F "not saved" || true
keys Down Enter
wait_for "Could not save"
pass "retry while still read-only: fails, result kept"
chattr -i "$WORK/outbox"
rm -rf "$WORK/outbox"
keys Down Enter
wait_for "Folder to save in"
keys "$WORK/usb" Enter
wait_for "Saved ("
check "saved in the other folder" test "$(ls "$WORK"/usb/*.json | wc -l)" -eq 1
check "other folder is 0700" test "$(stat -c %a "$WORK/usb")" = 700
keys Escape
wait_for "ようこそ"
pass "staff back to a fresh welcome screen"
check "kiosk still running" kiosk_alive
finish
