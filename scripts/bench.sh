#!/usr/bin/env bash
# Runs the benchmark of issue #13 end to end and prints its table (figure | measured | baseline | ratio | goal | met?).
#   scripts/bench.sh [extra JVM flags for the benchmark driver]
#   scripts/bench.sh triage [extra JVM flags]   issue #12's triage task only: tool calls and result bytes of the new
#                                               delivery tools next to the old one-call-at-a-time way (seconds, no Node)
# Builds the jar (and the test classes holding the harness), installs the Node baseline (official TypeScript MCP SDK,
# version pinned by server/src/test/bench-node/package-lock.json) with `npm ci` into server/target/bench-node when
# it is missing or stale, then runs dev.hook0mcp.server.bench.Benchmark from the repository root. Needs Java 17+,
# Maven, Node 18+ and npm; only loopback addresses are used; it stops by itself (a few minutes on 2 cores).
# MVN_FLAGS overrides the Maven flags (default "-B -q"; add -o to build offline). HOOK0_BENCH_SKIP_BUILD=1 skips
# the build. Knobs: -Dhook0mcp.bench.starts=5 -Dhook0mcp.bench.http.seconds=10.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${HOOK0_BENCH_SKIP_BUILD:-}" != 1 ]]; then
  # `package` also compiles the test classes; -DskipTests only skips running them
  mvn ${MVN_FLAGS:--B -q} -DskipTests package
fi

if [[ "${1:-}" == triage ]]; then
  shift
  exec java "$@" -cp server/target/hook0-mcp.jar:server/target/test-classes dev.hook0mcp.server.bench.TriageBenchmark
fi

src=server/src/test/bench-node
dst=server/target/bench-node
mkdir -p "$dst"
cp "$src/package.json" "$src/package-lock.json" "$src/server.mjs" "$dst/"
if ! cmp -s "$dst/package-lock.json" "$dst/node_modules/.installed-package-lock.json" 2>/dev/null; then
  echo "bench: installing the Node baseline with npm ci ..." >&2
  (cd "$dst" && npm ci --no-audit --no-fund --loglevel=error >&2)
  cp "$dst/package-lock.json" "$dst/node_modules/.installed-package-lock.json"
fi

# Optional extra line: the Java 24+ AOT cache (Temurin 25 here), made by the same training run as the archive.
aot_java="${HOOK0_BENCH_AOT_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
aot=server/target/hook0-mcp.aot
if [[ -x "$aot_java" && ( ! -f "$aot" || "$aot" -ot server/target/hook0-mcp.jar ) ]]; then
  echo "bench: making the AOT cache with $aot_java ..." >&2
  "$aot_java" -XX:AOTCacheOutput="$aot" -Xlog:disable -Xlog:all=error:stderr \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$PWD/server/target/hook0-mcp.jar" \
    dev.hook0mcp.server.TrainingRun >&2
fi
[[ -x "$aot_java" && -f "$aot" ]] && set -- "-Dhook0mcp.bench.aot.java=$aot_java" "-Dhook0mcp.bench.aot.cache=$PWD/$aot" "$@"

exec java "$@" -cp server/target/hook0-mcp.jar:server/target/test-classes dev.hook0mcp.server.bench.Benchmark
