#!/usr/bin/env bash
# The staff inbox of the real binary in tmux, on an outbox with planted escape sequences, a
# damaged file and a foreign file: the fields show as text (\x1b...), the pane's title is not
# changed by an OSC sequence, the list carries on, and a result written while the inbox is
# open appears in it.
source "$(dirname "$0")/kiosk-lib.sh"
build
OUT="$WORK/outbox"
mkdir -m 700 "$OUT"
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
doc = {"format": "exoscreen-result/1", "verdict": "relative", "needs_confirmation": 1, "lang": "en",
       "completed_at": "2026-11-21T09:00:00Z",
       "patient": {"reception_number": "R\x1b[31mRED\x1b]0;pwned\x07", "name": "Mallory\u202eevil"},
       "findings": [{"question": "medication_names", "class": "none", "answer_text": "aspirin\x1b[2J\x1b[H", "reason": "x"}]}
open(out + "/20261121T090000.000Z-00000000000000aa.json", "w").write(json.dumps(doc, ensure_ascii=False))
open(out + "/20261121T080000.000Z-00000000000000bb.json", "w").write('{"format":"exoscreen-result/1","verdict":')
open(out + "/holiday\x1b[5m.jpg", "wb").write(b"\xff\xd8")
PY
tmux kill-session -t "$SESSION" 2>/dev/null || true
tmux new-session -d -s "$SESSION" -x 110 -y 24 "printf '\\033]2;inbox-test\\033\\\\'; '$BIN' inbox --outbox '$OUT' --lang en; sleep 3600"
wait_for "Screening inbox"
screen | head -9
check "escape in the reception number shown as text" bash -c "tmux capture-pane -p -t $SESSION | grep -qF 'R\\x1b[31mRED\\x1b]0;pwned\\x07'"
check "damaged file listed as unreadable" bash -c "tmux capture-pane -p -t $SESSION | grep -qF 'the result file is damaged'"
check "foreign file listed with its name as text" bash -c "tmux capture-pane -p -t $SESSION | grep -qF 'holiday\\x1b[5m.jpg'"
keys Enter
wait_for "The summary file is missing"
check "free text shown as text in the open result" bash -c "tmux capture-pane -p -t $SESSION | grep -qF 'aspirin\\x1b[2J\\x1b[H'"
check "the pane title was not changed by the planted OSC" bash -c "[ \"\$(tmux display -p -t $SESSION '#{pane_title}')\" != pwned ]"
keys Escape
# A kiosk result arrives while the inbox is open.
tmux new-session -d -s "$SESSION-k" -x 100 -y 32 "EXOSCREEN_STAFF_PIN=$PIN '$BIN' --kiosk --outbox '$OUT' --details reception --lang en; sleep 3600"
( SESSION="$SESSION-k"; wait_for "Welcome"; keys Enter; wait_for "Please enter"; keys 4242 Enter; wait_for "Question 1"; answer_all; wait_for "Please tell the reception" )
wait_for "4242" 5
check "the new result appears live" bash -c "tmux capture-pane -p -t $SESSION | grep -qF 'New results: 1'"
tmux kill-session -t "$SESSION-k"
finish
