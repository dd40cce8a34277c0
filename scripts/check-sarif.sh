#!/usr/bin/env bash
# Validates comanage's SARIF output with the SARIF Multitool and GitHub's
# ingestion rules (`validate --rule-kind "Sarif;Gh;Ghas"`): every example,
# every lint fixture in one run, and a many-findings fixture, with and
# without --include-suppressed, run from the repository root and from a
# subdirectory. Fails on any error or warning.
#
# Needs node/npm; installs @microsoft/sarif-multitool into $SARIF_TOOLS
# (default: target/sarif-tools) once. The bundled binary is called directly:
# the `npx` wrapper splits "Sarif;Gh;Ghas" at the semicolons.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tools=${SARIF_TOOLS:-$root/target/sarif-tools}
version=${SARIF_MULTITOOL_VERSION:-5.7.0}
multitool=$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$multitool" ]; then
    npm install --no-audit --no-fund --prefix "$tools" "@microsoft/sarif-multitool@$version" >&2
fi
if [ ! -x "$multitool" ]; then
    echo "check-sarif: $multitool not found after npm install (only linux-x64 is set up here)" >&2
    exit 2
fi

cargo build --locked --quiet
comanage=$root/target/debug/comanage
export COMANAGE_TODAY=${COMANAGE_TODAY:-2026-11-22}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

n=0
sarif() { # name, directory to run in, comanage arguments...
    local name=$1 dir=$2
    shift 2
    n=$((n + 1))
    # Exit 1 (findings) is expected; 2 would mean no SARIF at all.
    (cd "$dir" && "$comanage" lint --format sarif "$@") > "$out/$n-$name.sarif" || [ $? -eq 1 ]
}
for example in examples/*.scope.yaml; do
    sarif "$(basename "$example" .scope.yaml)" . "$example"
    sarif "$(basename "$example" .scope.yaml)-suppressed" . --include-suppressed "$example"
done
sarif fixtures . tests/fixtures/lint
sarif fixtures-suppressed . --include-suppressed tests/fixtures/lint
sarif many-findings . tests/fixtures/sarif/many-findings.scope.yaml
sarif many-findings-from-subdir tests/fixtures --include-suppressed sarif/many-findings.scope.yaml
sarif stdin . - < tests/fixtures/sarif/many-findings.scope.yaml

status=0
for file in "$out"/*.sarif; do
    report=$("$multitool" validate --rule-kind "Sarif;Gh;Ghas" "$file" 2>&1) || true
    # SARIF2006 (URIs should be reachable) needs the network: not checked here.
    problems=$(grep -E ': (error|warning) [A-Z]+[0-9]+:' <<<"$report" | grep -v 'SARIF2006' || true)
    results=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["runs"][0]["results"]))' "$file")
    if [ -n "$problems" ] || ! grep -q 'Analysis completed successfully' <<<"$report"; then
        echo "FAIL $(basename "$file") ($results results)"
        echo "${problems:-$report}"
        status=1
    else
        echo "ok   $(basename "$file") ($results results)"
    fi
done
exit $status
