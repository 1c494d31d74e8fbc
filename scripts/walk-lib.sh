# Shared by the tmux walkthroughs (tui-, keyboard-, languages-walkthrough.sh): a private tmux
# server per run, checks that wait for the screen, and clean-up. The caller sets work (a
# temporary folder), base (a unique tmux socket name) and STEP_TIMEOUT, then sources this file.
sock=$base
runs=0
fails=0
sockdir="${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)"
endterm() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -f "$sockdir/$sock"
}
# newterm W H COMMAND: a fresh private tmux server with one W x H window.
newterm() {
	endterm
	runs=$((runs + 1))
	sock="$base-$runs"
	tmux -L "$sock" new-session -d -s walk -x "$1" -y "$2" "$3"
	tmux -L "$sock" set-option -t walk status off >/dev/null
}
cleanup() {
	endterm
	if [[ -z "${KEEP:-}" ]]; then rm -rf "$work"; else echo "work directory kept: $work"; fi
}
trap cleanup EXIT

pass() { printf '  ok    %s\n' "$1"; }
fail() {
	printf '  FAIL  %s\n' "$1"
	printf '  ---- screen ----\n'
	screen | sed 's/^/  | /'
	fails=$((fails + 1))
	return 1
}
screen() { tmux -L "$sock" capture-pane -p -t walk 2>/dev/null || true; }
keys() { tmux -L "$sock" send-keys -t walk "$@"; }
# literal text (tmux would read "Enter" or "Space" as key names otherwise)
typetext() { tmux -L "$sock" send-keys -t walk -l "$1"; }

# expect TEXT...: wait until the screen shows every TEXT (fixed strings).
expect() {
	local deadline=$((SECONDS + STEP_TIMEOUT)) s t ok
	while :; do
		s=$(screen)
		ok=1
		for t in "$@"; do
			grep -qF -- "$t" <<<"$s" || { ok=0; break; }
		done
		((ok)) && return 0
		((SECONDS >= deadline)) && { fail "screen shows: $*"; return 1; }
		sleep 0.05
	done
}
# lacks TEXT...: the screen shows none of TEXT.
lacks() {
	local t
	for t in "$@"; do
		if screen | grep -qF -- "$t"; then fail "screen does not show: $t"; return 1; fi
	done
}
# answer KEY...: send keys, then wait for the first line (the progress) to change.
answer() {
	local before after deadline
	before=$(screen | head -1)
	keys "$@"
	deadline=$((SECONDS + STEP_TIMEOUT))
	while :; do
		after=$(screen | head -1)
		[[ "$after" != "$before" ]] && return 0
		((SECONDS >= deadline)) && { fail "the screen did not move on after: $*"; return 1; }
		sleep 0.05
	done
}
