#!/usr/bin/env bash
# Figures of the staff inbox at scale (issue 11 item 8), on the real binary: results planted
# by the test helper (one real result copied with its own ID, time and reception number),
# 50 (the peer, for ratios), 5,000 and 50,000 of them. Measures only; not a CI check.
#   inbox on a pty (scripts/inbox-pty.py): first frame, first result, whole list, a key, idle
#   inbox --format text: wall and CPU time, ROUNDS rounds interleaved with the peer
# OLD_BIN=path compares --format text with another build (say, of main) in the same rounds.
source "$(dirname "$0")/kiosk-lib.sh"
build
ROUNDS=${ROUNDS:-3}
SIZES=${SIZES:-"50 5000 50000"}
for n in $SIZES; do
	(cd "$ROOT" && EXOSCREEN_PLANT="$WORK/o$n" EXOSCREEN_PLANT_N=$n go test ./ui/inbox -run '^TestPlant$' -count=1 >/dev/null)
done
cpu() { # cpu BIN DIR: "wall user+sys" in seconds of `BIN inbox --format text`
	/usr/bin/time -f "%e %U %S" "$1" inbox --outbox "$2" --format text 2>&1 >/dev/null | awk '{printf "%s %.2f", $1, $2 + $3}'
}
for n in $SIZES; do
	[ "$n" = 50 ] || [ "$n" = 5000 ] || continue
	for r in $(seq 1 "$ROUNDS"); do
		line="--format text over $n: new $(cpu "$BIN" "$WORK/o$n") s (wall, CPU)"
		if [ -n "${OLD_BIN:-}" ]; then line+="; old $(cpu "$OLD_BIN" "$WORK/o$n") s"; fi
		echo "$line"
	done
done
for r in $(seq 1 "$ROUNDS"); do
	for n in $SIZES; do
		echo -n "new: "
		python3 "$ROOT/scripts/inbox-pty.py" "$BIN" "$WORK/o$n" "$n" "${IDLE_SECONDS:-10}"
		if [ -n "${OLD_BIN:-}" ] && [ "$n" != 50000 ]; then
			echo -n "old: "
			python3 "$ROOT/scripts/inbox-pty.py" "$OLD_BIN" "$WORK/o$n" "$n" "${IDLE_SECONDS:-10}" || true
		fi
	done
done
uptime
