#!/usr/bin/env bash
# Whole-process benchmark of rendering many findings (BENCHMARKS.md):
# `lint` on scopes whose every function names an undefined owner, human
# output (a snippet per finding) against JSON in the same hyperfine run.
# 200,000 findings is ten times what the hang-guard test
# (tests/hostile/time.rs) checks.
#
#   scripts/bench-findings.sh [OUT_DIR] [BINARY]
#
# Needs python3 and hyperfine. BINARY defaults to a fresh release build.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/target/bench}
bin=${2:-}
mkdir -p "$out"
cd "$root"
if [ -z "$bin" ]; then
    cargo build --release --quiet
    bin=$root/target/release/comanage
fi
export COMANAGE_TODAY=2026-11-22 NO_COLOR=1 COLUMNS=100

sizes=(2000 20000 200000)
for n in "${sizes[@]}"; do
    [ -s "$out/unknown-owners-$n.yaml" ] || python3 - "$n" > "$out/unknown-owners-$n.yaml" <<'PY'
import sys
n = int(sys.argv[1])
print("version: 1\nengagement: { client: Q, renewal: 2099-01-01 }\nparties:")
print("  msp: { name: M, role: provider }\n  internal: { name: I, role: internal }\nservices:")
for f in range(n):
    if f % 50 == 0:
        print(f"  s{f // 50}:\n    owner: msp\n    functions:")
    print(f"      f{f}: {{ owner: ghost{f}, backup: internal }}")
PY
done

echo "== comanage lint, N unknown-party findings: human vs json (hyperfine, wall time)"
args=()
for n in "${sizes[@]}"; do
    args+=(-n "human $n" "$bin lint $out/unknown-owners-$n.yaml")
    args+=(-n "json $n" "$bin lint --format json $out/unknown-owners-$n.yaml")
done
# lint exits 1 on these scopes: that is the expected result, not a failure.
hyperfine --warmup 1 --min-runs 3 --style basic -N -i \
    --export-json "$out/findings.json" "${args[@]}"
