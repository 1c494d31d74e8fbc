# Shared by the serve scripts (serve-two-patients.sh, serve-clinic.sh): checks and waits on
# tmux panes. The caller defines t (tmux on its private server), STEP_TIMEOUT and FAILS=0,
# then sources this file.
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; FAILS=$((FAILS + 1)); }
check() { # check DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}

# Panes are named by their tmux pane id (%N), which stays the same when panes are added.
screen() { t capture-pane -p -t "$1"; }
keys() { local p=$1; shift; t send-keys -t "$p" "$@"; }

# wait_for PANE TEXT [SECONDS]: waits until TEXT is on the pane's screen.
wait_for() {
	local deadline=$((SECONDS + ${3:-$STEP_TIMEOUT}))
	while ! screen "$1" | grep -qF -- "$2"; do
		if [ $SECONDS -ge $deadline ]; then
			echo "--- pane $1 while waiting for: $2"
			screen "$1"
			fail "pane $1: timed out waiting for: $2"
			return 1
		fi
		sleep 0.05
	done
}
