#!/usr/bin/env bash
# Runs every fuzz target of the repository for a bounded time (FUZZTIME, default 10s each),
# on top of its seeds, one `go test -fuzz` per target (go test fuzzes one target at a time).
# .ci/run calls it; run it by hand with a longer FUZZTIME to search harder:
#
#   scripts/fuzz.sh                 # every target, 10 s each
#   FUZZTIME=5m scripts/fuzz.sh screening/export:FuzzWrap
#
# A failure found here fails the script. go test has written the failing input to
# PACKAGE/testdata/fuzz/FuzzNAME/...: fix the bug, and commit that file with the fix, so the
# input stays a seed that every `go test` runs.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"
fuzztime=${FUZZTIME:-10s}
# go test minimizes every new interesting input for up to 60 s by default (-fuzzminimizetime),
# during which the target is not fuzzed and no execs are counted: with seeds of 30-260 KB
# (FHIR bundles, rule sets) that took the whole short run (18 execs in 6 s). Minimizing each
# for at most FUZZMINIMIZE runs keeps the time for fuzzing (about 50,000-76,000 execs in 6 s
# there); a failing input is still written, only less minimized.
minimize=${FUZZMINIMIZE:-200x}

# Every fuzz target in the repository, as package:Target, found in the code (so a new target
# is fuzzed without editing this script).
mapfile -t targets < <(git ls-files -co --exclude-standard '*_test.go' | xargs grep -H -o -E '^func Fuzz[A-Za-z0-9_]*' |
  sed -E 's#^(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)$#\1:\2#' | sort)
if [ ${#targets[@]} -eq 0 ]; then
  echo "scripts/fuzz.sh: no fuzz targets found" >&2
  exit 1
fi

run=("${targets[@]}")
if [ $# -gt 0 ]; then
  run=("$@")
fi
failed=()
log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
for t in "${run[@]}"; do
  pkg=${t%%:*}
  name=${t#*:}
  echo "== fuzz $pkg $name ($fuzztime)"
  # Go 1.26's fuzzing coordinator can fail a target with "context deadline exceeded" as
  # -fuzztime runs out, having found nothing (go.dev/issue/75804, fixed in Go 1.27). Such a
  # run, and only such a run (no failing input written), is tried once more.
  before=$(git status --porcelain --untracked-files=all -- "$pkg/testdata/fuzz/$name")
  for try in 1 2; do
    if go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimize" "./$pkg" 2>&1 | tee "$log"; then
      break
    fi
    after=$(git status --porcelain --untracked-files=all -- "$pkg/testdata/fuzz/$name")
    if [ "$try" = 1 ] && [ "$after" = "$before" ] && grep -q '^    context deadline exceeded$' "$log"; then
      echo "== fuzz $pkg $name: the coordinator's deadline race, no input found; once more"
      continue
    fi
    failed+=("$t")
    break
  done
done
echo "fuzzing took $(($(date +%s) - start)) s for ${#run[@]} targets"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing failed: ${failed[*]}" >&2
  echo "new failing inputs (commit them as seeds with the fix):" >&2
  git status --porcelain --untracked-files=all -- '*testdata/fuzz/*' >&2
  exit 1
fi
