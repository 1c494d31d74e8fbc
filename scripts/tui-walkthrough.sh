#!/usr/bin/env bash
# tui-walkthrough.sh: drives the REAL exoscreen binary in a real terminal (tmux) through full
# screenings, the way a person does, and checks what the screen shows and what is saved.
#
#   scripts/tui-walkthrough.sh            # both languages at 80x24, English at 40x12
#   KEEP=1 scripts/tui-walkthrough.sh     # keep the work directory (screen captures) for a look
#   scripts/tui-walkthrough.sh --figures  # instead: measure the binary (needs python3; ~2 min)
#
# --figures measures, on the real binary in a pseudo-terminal (80x24): the time from start to
# the first frame, from a keystroke to the next frame (cursor moves and new questions), and
# the CPU used while idle on a question for IDLE seconds (default 60) in tmux, read from
# /proc/PID/stat (utime + stime).
#
# Needs: go, tmux. Exit status 0 when every check passed; on a failure it prints the check and
# the last screen. Each step waits for the screen it expects (polling capture-pane), so the
# script does not depend on the speed of the machine; a step that never shows up fails after
# $STEP_TIMEOUT seconds (default 10).
set -euo pipefail

cd "$(dirname "$0")/.."
STEP_TIMEOUT=${STEP_TIMEOUT:-10}
work=$(mktemp -d)
base="exoscreen-walk-$$"
. scripts/walk-lib.sh # the private tmux server, expect/answer/keys, clean-up

go build -o "$work/exoscreen" ./cmd/exoscreen
# The walk answers question by question, so it runs on the frozen test rule set
# (internal/testrules), not on the clinic's content/, which may gain or lose questions.
rules="$PWD/internal/testrules/testdata"

# walk LANG WIDTH HEIGHT: one full screening.
walk() {
	local lang=$1 w=$2 h=$3
	local out="$work/summary-$lang-${w}x$h.txt"
	local -A T
	if [[ $lang == ja ]]; then
		T=([welcome]="exoscreen" [q1]="現在、妊娠していますか。" [years]="何年たちます" [meds]="薬の名前"
			[review]="回答の確認" [confirm]="確定して結果を見る" [verdict]="絶対禁忌" [saved]="保存しました"
			[changed]="3年" [line]="判定: 絶対禁忌" [notice]="お知らせ" [allergy]="アレルギー"
			[need]="答えをお選びください")
	else
		T=([welcome]="exoscreen" [q1]="Are you pregnant now?" [years]="How many years" [meds]="medicines you take"
			[review]="Review your answers" [confirm]="Confirm and see the result" [verdict]="Absolute contraindication"
			[saved]="Saved:" [changed]="3 years" [line]="Verdict: Absolute contraindication" [notice]="Notices"
			[allergy]="allerg" [need]="Please choose an answer")
	fi
	echo "walkthrough: --lang $lang at ${w}x$h"
	newterm "$w" "$h" \
		"cd '$work' && env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 ./exoscreen --content '$rules' --lang $lang --export '$out'; echo EXIT=\$?; sleep 600"

	expect "${T[welcome]}" && pass "welcome screen with the language choice" || return 1
	answer Enter
	expect "${T[q1]}" && pass "first question" || return 1
	# Nothing is chosen for the person: enter alone says an answer is needed and stays.
	keys Enter
	expect "${T[need]}" && pass "enter with nothing chosen asks for an answer" || return 1
	answer 1 Enter                 # pregnancy: no (by its number key)
	answer 1 Enter                 # pregnancy_planned (shown because of "no"): no
	answer Down Enter              # breastfeeding: no (down highlights the first option)
	answer 4 Enter                 # cancer: treatment and follow-up ended
	expect "${T[years]}" && pass "follow-up question appears (cancer_years)" || return 1
	typetext 3                     # a digit goes straight into the number field
	sleep 0.2
	answer Enter                   # 3 years -> absolute
	answer 1 Enter                 # infection: no
	answer 1 Enter                 # product_reaction: never treated
	answer 2 Enter                 # allergy: yes
	expect "${T[allergy]}" && pass "allergy follow-ups" || return 1
	answer 1 Enter                 # allergy_severe: no
	keys 2                         # allergy_to: food (by its number)
	sleep 0.2
	answer Enter
	answer 1 Enter                 # anticoagulant: no
	answer 1 Enter                 # bleeding_disorder: no
	answer 1 Enter                 # immunosuppressant: no
	answer 2 Enter                 # other_medication: yes
	expect "${T[meds]}" && pass "follow-up free text (medication_names)" || return 1
	typetext "アムロジピン amlodipine"
	sleep 0.2
	answer Enter
	answer 1 Enter                 # autoimmune: no
	answer 1 Enter                 # chronic_disease: none
	answer 1 Enter                 # doctor_advised_against: no
	answer 1 Enter                 # blood_donation: no
	expect "${T[review]}" && pass "review screen" || return 1
	answer Escape                  # back from the review to the last question ...
	answer Enter                   # ... and forward again, answer kept
	expect "${T[review]}" && pass "back from the review and forward again" || return 1
	keys End
	expect "${T[confirm]}" || return 1
	keys Enter
	expect "${T[verdict]}" "${T[saved]}" && pass "summary with the verdict; --export saved it" || return 1

	# Scroll through the summary with page down until the notices show.
	local i
	for i in $(seq 1 60); do
		screen | grep -qF "${T[notice]}" && break
		keys PageDown
		sleep 0.05
	done
	expect "${T[notice]}" && pass "summary scrolls to the notices" || return 1

	# The saved file: mode 0600, the verdict line, the answers, no escape sequences.
	[[ -f $out ]] || { fail "no file at $out"; return 1; }
	[[ $(stat -c %a "$out") == 600 ]] && pass "saved file has mode 0600" || fail "mode $(stat -c %a "$out")"
	grep -qF "${T[line]}" "$out" && pass "saved file has the verdict line" || fail "verdict line missing in $out"
	grep -qF "${T[changed]}" "$out" && pass "saved file has the answer to the follow-up" || fail "cancer_years answer missing"
	grep -qF "アムロジピン amlodipine" "$out" && pass "saved file has the free text" || fail "free text missing"
	if grep -q $'\x1b' "$out"; then fail "escape sequences in $out"; fi
	# The shared renderer: the TUI's file is what `evaluate --format text` prints for the same answers
	# apart from the date line (the interactive screening records when it was done).
	local json='{"pregnancy":"no","pregnancy_planned":"no","breastfeeding":"no","cancer":"treatment_ended","cancer_years":3,"infection":"no","product_reaction":"never_treated","allergy":"yes","allergy_severe":"no","allergy_to":["food"],"anticoagulant":"no","bleeding_disorder":"no","immunosuppressant":"no","other_medication":"yes","medication_names":"アムロジピン amlodipine","autoimmune":"no","chronic_disease":"none","doctor_advised_against":"no","blood_donation":"no"}'
	if diff <(grep -v -e '^日時:' -e '^Date:' "$out") <(echo "$json" | "$work/exoscreen" evaluate --content "$rules" --lang "$lang" --format text | grep -v -e '^日時:' -e '^Date:') >"$work/diff-$lang.txt"; then
		pass "saved file = evaluate --format text for the same answers"
	else
		fail "saved file differs from evaluate --format text (see $work/diff-$lang.txt)"
	fi

	keys q                         # saved, so it quits without asking
	expect "EXIT=0" && pass "quits with status 0 and restores the terminal" || return 1
	# The alternate screen is gone: the summary is no longer on the terminal.
	if screen | grep -qF "${T[confirm]}"; then fail "screen not restored"; fi
	return 0
}

# quitflow: ctrl+c with answers asks first; "n" goes on; ctrl+c twice quits.
quitflow() {
	echo "walkthrough: ctrl+c"
	newterm 80 24 "cd '$work' && TERM=xterm-256color ./exoscreen --content '$rules' --lang en; echo EXIT=\$?; sleep 600"
	expect "English" || return 1
	answer Enter
	answer 1 Enter
	keys C-c
	expect "Quit?" "have not been saved" && pass "ctrl+c asks first once answers exist" || return 1
	keys n
	expect "Question 2" && pass "n goes on where it was" || return 1
	keys C-c
	expect "Quit?" || return 1
	keys C-c
	expect "EXIT=2" && pass "a second ctrl+c quits, exit status 2 (quit before the summary)" || return 1
}

# figures: the measurements described at the top.
figures() {
	local idle=${IDLE:-60}
	echo "figures: first frame and keystroke latency (pty, 80x24)"
	python3 - "$work/exoscreen" <<'PY'
import os, re, sys, time, fcntl, termios, struct, select, statistics, subprocess, random
binary = sys.argv[1]

def spawn():
    m, s = os.openpty()
    fcntl.ioctl(s, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LANG="en_US.UTF-8")
    env.pop("NO_COLOR", None)
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "--lang", "en"], stdin=s, stdout=s, stderr=s, env=env, start_new_session=True)
    os.close(s)
    return p, m, t0

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")

def read_until(m, needle, timeout=5):
    # Matched on the text without its escape sequences: styles split "> " from "1. No".
    buf, end = b"", time.perf_counter() + timeout
    while time.perf_counter() < end:
        if select.select([m], [], [], 0.002)[0]:
            buf += os.read(m, 65536)
            if needle in ANSI.sub(b"", buf):
                return time.perf_counter()
    sys.exit("timeout waiting for %r" % needle)

def drain(m, quiet=0.05):
    while select.select([m], [], [], quiet)[0]:
        os.read(m, 65536)

def latency(m, key):
    drain(m)
    # The renderer draws on a 60 Hz ticker: send at a random phase of it, or every key would
    # wait the same (arbitrary) part of a frame.
    time.sleep(random.uniform(0, 1 / 60))
    t = time.perf_counter()
    os.write(m, key)
    if not select.select([m], [], [], 1)[0]:
        return None
    d = (time.perf_counter() - t) * 1000
    os.read(m, 65536)
    return d

def summ(xs):
    xs = sorted(x for x in xs if x is not None)
    return "median %.1f ms, p95 %.1f ms, max %.1f ms (n=%d)" % (
        statistics.median(xs), xs[max(0, int(len(xs) * 0.95) - 1)], xs[-1], len(xs))

firsts = []
for _ in range(20):
    p, m, t0 = spawn()
    firsts.append((read_until(m, b"Language") - t0) * 1000)
    p.kill(); p.wait(); os.close(m)
p, m, _ = spawn()
read_until(m, b"Language")
os.write(m, b"\r")
read_until(m, b"Are you pregnant")
os.write(m, b"1")                      # nothing is chosen until the person chooses
read_until(m, b"> 1.")
moves = [latency(m, b"\x1b[B" if i % 2 == 0 else b"\x1b[A") for i in range(200)]
nexts = []
for _ in range(20):
    nexts.append(latency(m, b"\r"))   # answer: the next question
    drain(m, 0.1)
    os.write(m, b"\x1b")               # back (esc needs a pause to be read as esc)
    drain(m, 0.3)
p.kill(); p.wait()
print("  first frame (process start -> welcome drawn):", summ(firsts))
print("  keystroke -> frame, cursor move:            ", summ(moves))
print("  keystroke -> frame, enter to next question:  ", summ(nexts))
PY
	echo "figures: CPU while idle on a question for ${idle}s (tmux, /proc/PID/stat)"
	newterm 80 24 "cd '$work' && TERM=xterm-256color ./exoscreen --content '$rules' --lang ja; sleep 600"
	expect "English" || return 1
	answer Enter
	local pid hz t0 t1
	pid=$(pgrep -P "$(tmux -L "$sock" display -p -t walk '#{pane_pid}')" -x exoscreen)
	hz=$(getconf CLK_TCK)
	sleep 1
	t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
	sleep "$idle"
	t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
	awk -v d=$((t1 - t0)) -v hz="$hz" -v s="$idle" \
		'BEGIN { printf "  %d ticks = %.2f s CPU in %d s = %.2f%% of a core\n", d, d / hz, s, 100 * d / hz / s }'
}

if [[ ${1:-} == --figures ]]; then
	figures
	exit
fi

walk en 80 24 || true
walk ja 80 24 || true
walk en 40 12 || true
walk ja 40 12 || true
quitflow || true

if ((fails > 0)); then
	echo "tui-walkthrough: $fails check(s) failed"
	exit 1
fi
echo "tui-walkthrough: all checks passed"
