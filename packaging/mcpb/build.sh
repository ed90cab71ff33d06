#!/usr/bin/env bash
# Builds the MCP Bundle server/target/hook0-mcp.mcpb (manifest + the server jar) with the official MCPB CLI
# pinned in package-lock.json, and the MCP registry's server/target/server.json describing it with its SHA-256.
#   packaging/mcpb/build.sh                    builds the jar first if server/target/hook0-mcp.jar is missing
#   HOOK0_MCP_GITHUB_REPO=owner/repo ...       the GitHub repository whose releases host the bundle (server.json)
# Needs Java 17+, Node 18+ with npm (the CLI is installed with npm ci under server/target/mcpb/cli).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$root/server/target"
jar="$target/hook0-mcp.jar"
work="$target/mcpb"
stage="$work/bundle"
cli="$work/cli"
bundle="$target/hook0-mcp.mcpb"
# Placeholder until the project has its public GitHub home: the name and download URL in server.json follow it.
github_repo="${HOOK0_MCP_GITHUB_REPO:-hook0/hook0-mcp}"

fail() { echo "mcpb build: $*" >&2; exit 1; }

command -v java >/dev/null 2>&1 || fail "java not found on the PATH (Java 17+ is needed)"
command -v node >/dev/null 2>&1 || fail "node not found on the PATH (Node 18+ with npm is needed for the MCPB CLI)"
command -v npm >/dev/null 2>&1 || fail "npm not found on the PATH (needed to install the MCPB CLI)"

if [ ! -f "$jar" ]; then
  echo "mcpb build: $jar is missing, building it" >&2
  (cd "$root" && mvn -B -q -DskipTests package -pl server -am)
fi
version="$(java -jar "$jar" --version | awk '{ print $NF }')"
[ -n "$version" ] || fail "could not read the version from java -jar $jar --version"
[ "$version" != dev ] || fail "$jar reports version 'dev' (its version.properties was not found): rebuild it with mvn package"

# The CLI, installed once per lock file (like the TypeScript SDK client of the tests).
mkdir -p "$cli"
cp "$here/package.json" "$here/package-lock.json" "$cli/"
if ! cmp -s "$cli/package-lock.json" "$cli/node_modules/.installed-package-lock.json" 2>/dev/null; then
  (cd "$cli" && npm ci --no-audit --no-fund >"$work/npm-ci.log" 2>&1) \
    || fail "npm ci of the MCPB CLI failed (registry unreachable?); see $work/npm-ci.log"
  cp "$cli/package-lock.json" "$cli/node_modules/.installed-package-lock.json"
fi
mcpb="$cli/node_modules/.bin/mcpb"

rm -rf "$stage" && mkdir -p "$stage/server"
cp "$jar" "$stage/server/hook0-mcp.jar"
node "$here/manifest.mjs" "$here/manifest.template.json" \
  "$root/tools-schema/src/main/resources/hook0-tools" "$version" "$stage/manifest.json"

# validate's output is kept: McpbBundleIT checks it passed.
if ! "$mcpb" validate "$stage/manifest.json" 2>&1 | tee "$work/validate.log" >&2; then
  fail "mcpb validate rejected $stage/manifest.json"
fi
rm -f "$bundle"
"$mcpb" pack "$stage" "$bundle" >"$work/pack.log" 2>&1 || { cat "$work/pack.log" >&2; fail "mcpb pack failed"; }
[ -f "$bundle" ] || fail "mcpb pack wrote no $bundle"

node "$here/server-json.mjs" "$stage/manifest.json" "$bundle" "$github_repo" "$target/server.json"
echo "mcpb build: $bundle and $target/server.json (version $version)" >&2
