#!/usr/bin/env bash
# Sums the test time recorded by surefire and failsafe (the `time` of every testsuite XML report under
# */target/surefire-reports and */target/failsafe-reports) and lists the slowest classes.
# Usage: scripts/test-time.sh [number of slowest classes, default 15]   (run from the repository root after mvn verify)
set -euo pipefail
cd "$(dirname "$0")/.."
top="${1:-15}"
shopt -s nullglob
reports=(*/target/surefire-reports/TEST-*.xml */target/failsafe-reports/TEST-*.xml)
if [ ${#reports[@]} -eq 0 ]; then
  echo "no test reports: run mvn -B verify first" >&2
  exit 1
fi
for report in "${reports[@]}"; do
  # The first <testsuite ...> element carries the class name and its total time (seconds, maybe with commas).
  head -c 4096 "$report" | tr '\n' ' ' | grep -o '<testsuite [^>]*>' | head -1 | {
    read -r suite || exit 0
    name=$(sed -E 's/.* name="([^"]*)".*/\1/' <<<"$suite")
    time=$(sed -E 's/.* time="([^"]*)".*/\1/' <<<"$suite" | tr -d ,)
    tests=$(sed -E 's/.* tests="([^"]*)".*/\1/' <<<"$suite")
    printf '%s %s %s %s\n' "$time" "${name##*.}" "$tests" "${report%%/*}"
  }
done | sort -rn | awk -v top="$top" '
  { total += $1; classes++; tests += $3; row[NR] = $0 }
  END {
    printf "test time: %.1f s in %d classes, %d tests\n", total, classes, tests
    printf "%d slowest classes:\n", (classes < top ? classes : top)
    for (i = 1; i <= NR && i <= top; i++) { split(row[i], f, " "); printf "  %7.1f s  %s (%s, %s tests)\n", f[1], f[2], f[4], f[3] }
  }'
