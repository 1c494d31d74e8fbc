#!/usr/bin/env bash
# Two patients in a row at the real kiosk in tmux: the second sees nothing of the first, on
# screen or in the terminal's scrollback, and both results are in the outbox.
source "$(dirname "$0")/kiosk-lib.sh"
build
start_kiosk --outbox "$WORK/outbox" --details reception,name,dob

# Patient 1, in English.
keys Right Enter
wait_for "Please enter your details"
keys 771 Enter
keys "Firstpatient Secretname" Enter
keys 1961-07-30 Enter
wait_for "Question 1"
answer_all
wait_for "Please tell the reception"
check "patient 1: result written" test "$(ls "$WORK"/outbox/*.json | wc -l)" -eq 1
sleep 1.1
start=$(date +%s%N)
keys Space
wait_for "ようこそ"
end=$(date +%s%N)
echo "reset seen on screen after $(((end - start) / 1000000)) ms (key to welcome, incl. tmux polling)"

for s in Firstpatient Secretname 771 1961 "Please tell"; do
	check "welcome screen does not show '$s'" bash -c "! tmux capture-pane -p -t $SESSION | grep -qF '$s'"
	check "scrollback does not hold '$s'" bash -c "! tmux capture-pane -p -S - -E - -t $SESSION | grep -qF '$s'"
done

# Patient 2, in Japanese: empty fields, first question.
keys Enter
wait_for "受付の情報を入力してください"
for s in Firstpatient 771 1961; do
	check "patient 2's details screen does not show '$s'" bash -c "! tmux capture-pane -p -t $SESSION | grep -qF '$s'"
done
keys 772 Enter "山田 花子" Enter 19800415 Enter
wait_for "質問 1"
answer_all
wait_for "受付に「終わりました」"
check "patient 2: result written" test "$(ls "$WORK"/outbox/*.json | wc -l)" -eq 2
check "file names carry no patient data" bash -c "! ls '$WORK/outbox' | grep -qE '771|772|Secret|1961|1980'"
check "outbox is 0700" test "$(stat -c %a "$WORK/outbox")" = 700
check "files are 0600" bash -c "[ -z \"\$(find '$WORK/outbox' -type f ! -perm 600)\" ]"
"$BIN" inbox --outbox "$WORK/outbox" --format text
check "inbox lists both" test "$("$BIN" inbox --outbox "$WORK/outbox" --format text | wc -l)" -eq 2
finish
