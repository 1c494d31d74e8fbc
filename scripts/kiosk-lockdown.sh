#!/usr/bin/env bash
# Lockdown of the real kiosk in tmux: ctrl+c, ctrl+z, ctrl+\, esc and ctrl+d never leave it,
# on the welcome screen or mid-screening; signals a patient could cause are ignored; staff
# leave with F12 and the PIN; a wrong PIN keeps it running and three lock the prompt.
source "$(dirname "$0")/kiosk-lib.sh"
build
start_kiosk --outbox "$WORK/outbox" --details none --lang en

pid=$(pid_of_kiosk)
keys C-c C-z 'C-\' Escape C-d
sleep 0.5
check "welcome: ctrl+c ctrl+z ctrl+\\ esc ctrl+d do not leave" kiosk_alive
check "welcome screen still shown" bash -c "tmux capture-pane -p -t $SESSION | grep -qF ようこそ"

keys Enter
wait_for "Question 1"
keys C-c; sleep 0.2; keys C-z; sleep 0.2; keys 'C-\'; sleep 0.2; keys C-d; sleep 0.3
check "mid-screening: ctrl+c ctrl+z ctrl+\\ ctrl+d do not leave" kiosk_alive
check "mid-screening: still on question 1" bash -c "tmux capture-pane -p -t $SESSION | grep -qF 'Question 1'"
keys Escape
wait_for "ようこそ"
check "esc on the first question goes back to the welcome screen" kiosk_alive

kill -INT "$pid"; kill -QUIT "$pid"; kill -TSTP "$pid"
sleep 0.5
check "SIGINT, SIGQUIT and SIGTSTP from outside are ignored" kill -0 "$pid"
check "process not stopped" bash -c "[ \"\$(ps -o stat= -p $pid | cut -c1)\" != T ]"

# Staff: wrong PIN, then the right one.
keys F12
wait_for "Staff only"
keys 1111 Enter
wait_for "Wrong PIN (2 tries left)"
check "wrong PIN: still running" kiosk_alive
keys Escape
wait_for "ようこそ"
keys F12
wait_for "Staff only"
keys 0000 Enter 0000 Enter 0000 Enter
wait_for "locked for"
keys $PIN Enter
sleep 0.3
check "locked prompt refuses even the right PIN" bash -c "tmux capture-pane -p -t $SESSION | grep -qF 'locked for'"
check "locked: still running" kiosk_alive
screen | grep -F "locked for" || true

# A fresh kiosk to leave with the right PIN (the lockout lasts 30 s).
kill -TERM "$pid"
sleep 0.5
check "SIGTERM ends the kiosk" test -f "$WORK/exit"
check "SIGTERM: exit status 0" test "$(cat "$WORK/exit" 2>/dev/null)" = 0
start_kiosk --outbox "$WORK/outbox" --details none --lang en
keys F12
wait_for "Staff only"
keys $PIN Enter
wait_for "Staff menu"
keys Down Enter
sleep 0.5
check "right PIN + Quit the kiosk: it ends" test -f "$WORK/exit"
check "staff quit: exit status 0" test "$(cat "$WORK/exit" 2>/dev/null)" = 0
check "terminal restored (no kiosk text left on the main screen)" bash -c "! tmux capture-pane -p -t $SESSION | grep -qF 'ようこそ'"

# SIGHUP (the terminal went away) ends it cleanly too.
start_kiosk --outbox "$WORK/outbox" --details none
kill -HUP "$(pid_of_kiosk)"
sleep 0.5
check "SIGHUP ends the kiosk, status 0" test "$(cat "$WORK/exit" 2>/dev/null)" = 0
finish
