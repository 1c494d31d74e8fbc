#!/usr/bin/env bash
# Mutation testing with gremlins v0.6.0, one package at a time, and a table of the results:
#
#   scripts/mutation.sh                       # the four packages below
#   scripts/mutation.sh internal/outbox      # some of them
#
# Install gremlins first (pinned; its --test-cpu flag is broken in v0.6.0, so it is not used):
#   go install github.com/go-gremlins/gremlins/cmd/gremlins@v0.6.0
#
# Settings that work on a small shared machine: --timeout-coefficient 3 (a mutant's tests may
# take 3x the normal test time before it counts as timed out; raise it with
# MUTATION_TIMEOUT_COEFFICIENT when the machine is busy and many mutants time out), one
# package per run, each run bounded by MUTATION_TIMEOUT seconds (default 1800): a run stopped
# by it is reported as partial, with what it had done. MUTATION_WORKERS sets gremlins'
# --workers (default: its own, the number of CPUs). Logs and JSON reports go to MUTATION_OUT
# (default /tmp/exoscreen-mutation).
#
# Efficacy is gremlins': killed / (killed + lived); timed-out and not-covered mutants are
# outside it. The surviving (LIVED) mutants are listed under the table.
set -uo pipefail
# The whole script is one block, read before it runs: editing it during a long run is safe.
{
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH:$(go env GOPATH 2>/dev/null)/bin"

if ! command -v gremlins >/dev/null; then
  echo "gremlins not found: go install github.com/go-gremlins/gremlins/cmd/gremlins@v0.6.0" >&2
  exit 2
fi

out=${MUTATION_OUT:-/tmp/exoscreen-mutation}
limit=${MUTATION_TIMEOUT:-1800}
mkdir -p "$out"
pkgs=("$@")
if [ ${#pkgs[@]} -eq 0 ]; then
  pkgs=(screening screening/export internal/outbox internal/atomicfile)
fi

# excludes are the sub-packages and test helpers under a package's folder (gremlins mutates
# everything below the path it is given): each package is counted on its own files.
excludes() {
  case "$1" in
    screening) echo "-E ^export/" ;;
    internal/outbox) echo "-E ^outboxtest/" ;;
  esac
}

workers=()
if [ -n "${MUTATION_WORKERS:-}" ]; then
  workers=(--workers "$MUTATION_WORKERS")
fi

rows=()
for p in "${pkgs[@]}"; do
  name=${p//\//_}
  log="$out/$name.log"
  echo "== gremlins $p (log $log, at most ${limit}s)" >&2
  start=$(date +%s)
  # shellcheck disable=SC2046
  timeout --signal=INT --kill-after=30 "$limit" \
    gremlins unleash --timeout-coefficient "${MUTATION_TIMEOUT_COEFFICIENT:-3}" "${workers[@]}" $(excludes "$p") \
    -o "$out/$name.json" "./$p" >"$log" 2>&1
  rc=$?
  secs=$(($(date +%s) - start))
  state=done
  if [ $rc -eq 124 ] || [ $rc -eq 130 ] || [ $rc -eq 137 ]; then
    state="partial (stopped after ${limit}s)"
  elif ! grep -q '^Mutation testing completed' "$log"; then
    state="failed (exit $rc, see $log)"
  fi
  # Count from the log, which also holds what a stopped run had done.
  read -r killed lived nc timed < <(awk '
    /^ *KILLED /      {k++}
    /^ *LIVED /       {l++}
    /^ *NOT COVERED / {n++}
    /^ *TIMED OUT /   {t++}
    END {print k+0, l+0, n+0, t+0}' "$log")
  eff=$(awk -v k="$killed" -v l="$lived" 'BEGIN { if (k + l == 0) print "-"; else printf "%.1f %%", 100 * k / (k + l) }')
  rows+=("| $p | $killed | $lived | $nc | $timed | $eff | ${secs}s $state |")
done

echo
echo "| package | killed | lived | not covered | timed out | efficacy | time |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
for p in "${pkgs[@]}"; do
  log="$out/${p//\//_}.log"
  if grep -q '^ *LIVED ' "$log"; then
    echo "Surviving mutants in $p:"
    grep '^ *LIVED ' "$log" | sed 's/^ *LIVED */  /'
  fi
done
exit 0
}
