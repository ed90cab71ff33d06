#!/usr/bin/env bash
# Test time of the last build: the sum of the `time` of every testsuite XML report under
# */target/surefire-reports and */target/failsafe-reports, and the slowest classes.
#   scripts/test-time.sh [repository root, default this one] [number of slowest classes, default 15]
# A report whose test class is no longer in target/test-classes (a renamed or deleted test: `verify` without
# `clean` leaves its old report behind) is listed as stale and left out of the sum.
set -euo pipefail
root="${1:-$(dirname "$0")/..}"
top="${2:-15}"
cd "$root"
shopt -s nullglob
reports=(*/target/surefire-reports/TEST-*.xml */target/failsafe-reports/TEST-*.xml)
if [ ${#reports[@]} -eq 0 ]; then
  echo "no test reports under $(pwd): run mvn -B verify first" >&2
  exit 1
fi
for report in "${reports[@]}"; do
  module="${report%%/*}"
  # The first <testsuite ...> element carries the class name and its total time in seconds.
  suite=$(head -c 4096 "$report" | tr '\n' ' ' | grep -o '<testsuite [^>]*>' | head -1 || true)
  [ -n "$suite" ] || continue
  name=$(sed -E 's/.* name="([^"]*)".*/\1/' <<<"$suite")
  time=$(sed -E 's/.* time="([^"]*)".*/\1/' <<<"$suite" | tr -d ,)
  tests=$(sed -E 's/.* tests="([^"]*)".*/\1/' <<<"$suite")
  kind=unit; [[ "$report" == */failsafe-reports/* ]] && kind=it
  state=current; [ -f "$module/target/test-classes/${name//.//}.class" ] || state=stale
  printf '%s %s %s %s %s %s\n' "$time" "$name" "$tests" "$module" "$kind" "$state"
done | sort -rn | awk -v top="$top" '
  $6 == "stale" { stale[++ns] = $0; next }
  { total += $1; by[$5] += $1; classes++; tests += $3; row[++n] = $0 }
  END {
    printf "test time: %.1f s (unit %.1f s, IT %.1f s) in %d classes, %d tests\n", total, by["unit"], by["it"], classes, tests
    printf "%d slowest classes:\n", (n < top ? n : top)
    for (i = 1; i <= n && i <= top; i++) {
      split(row[i], f, " "); c = f[2]; sub(/.*\./, "", c)
      printf "  %7.1f s  %-34s %s %s, %s tests\n", f[1], c, f[4], f[5], f[3]
    }
    for (i = 1; i <= ns; i++) {
      split(stale[i], f, " ")
      printf "  stale report left out (%.1f s): %s in %s\n", f[1], f[2], f[4]
    }
  }'
