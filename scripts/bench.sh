#!/usr/bin/env bash
# Whole-process benchmarks of the release binary (BENCHMARKS.md).
#
#   scripts/bench.sh [OUT_DIR]
#   BEFORE=path/to/old/comanage scripts/bench.sh [OUT_DIR]
#
# With BEFORE, every hyperfine run also times that binary on the same
# inputs, so before and after are measured side by side in one run (these
# machines differ by 2x from one day to the next).
#
# Needs python3, hyperfine (Debian: apt-get install hyperfine), GNU time
# (/usr/bin/time) and, for the schema comparison, check-jsonschema
# (pip install check-jsonschema). Writes generated scopes and hyperfine's
# JSON exports to OUT_DIR (default: target/bench) and prints a summary.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/target/bench}
mkdir -p "$out"
cd "$root"

cargo build --release --quiet
bin=$root/target/release/comanage
export COMANAGE_TODAY=2026-11-22 NO_COLOR=1

sizes=(100 1000 10000 100000)
for n in "${sizes[@]}"; do
    [ -s "$out/scope-$n.yaml" ] || python3 scripts/gen-scope.py "$n" > "$out/scope-$n.yaml"
    # Every generated scope must be valid and lint clean, or the figures
    # would measure error reporting instead.
    "$bin" lint --deny-warnings --quiet "$out/scope-$n.yaml"
done

echo "== machine"
uname -srm
grep -m1 'model name' /proc/cpuinfo || true
echo "cores: $(nproc)"
"$bin" --version

before=${BEFORE:-}
for command in lint validate; do
    echo "== comanage $command (hyperfine, wall time)"
    args=()
    for n in "${sizes[@]}"; do
        args+=(-n "$command $n" "$bin $command $out/scope-$n.yaml")
        [ -n "$before" ] && args+=(-n "before $command $n" "$before $command $out/scope-$n.yaml")
    done
    hyperfine --warmup 3 --min-runs 10 --style basic -N \
        --export-json "$out/$command.json" "${args[@]}"
done

echo "== peak memory (/usr/bin/time -f %M, KiB; the largest of 3 runs)"
for which in "$bin" $before; do
    for command in lint validate; do
        for n in "${sizes[@]}"; do
            peak=0
            for _ in 1 2 3; do
                /usr/bin/time -f %M -o "$out/time.txt" "$which" "$command" "$out/scope-$n.yaml" >/dev/null 2>&1
                kib=$(tail -1 "$out/time.txt")
                [ "$kib" -gt "$peak" ] && peak=$kib
            done
            echo "$which $command $n: $peak KiB"
        done
    done
done

echo "== binary size (bytes)"
for which in "$bin" $before; do
    echo "$which: $(stat -c %s "$which")"
done

if command -v check-jsonschema >/dev/null; then
    echo "== comanage validate vs check-jsonschema, 1,000 functions (one hyperfine run)"
    hyperfine --warmup 2 --min-runs 10 --style basic -N \
        --export-json "$out/vs-check-jsonschema.json" \
        -n "comanage validate" "$bin validate $out/scope-1000.yaml" \
        -n "check-jsonschema" "check-jsonschema --schemafile schema/scope.schema.json $out/scope-1000.yaml"
    # check-jsonschema takes seconds on the large file: three runs each.
    echo "== comanage lint vs check-jsonschema, 10,000 functions (one hyperfine run)"
    hyperfine --warmup 1 --runs 3 --style basic -N \
        --export-json "$out/lint-vs-check-jsonschema.json" \
        -n "comanage lint" "$bin lint $out/scope-10000.yaml" \
        -n "check-jsonschema" "check-jsonschema --schemafile schema/scope.schema.json $out/scope-10000.yaml"
else
    echo "== check-jsonschema not installed: skipped the schema comparison"
fi

echo "== medians (ms)"
python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
for name in ("lint", "validate", "vs-check-jsonschema", "lint-vs-check-jsonschema"):
    path = os.path.join(out, name + ".json")
    if not os.path.exists(path):
        continue
    results = json.load(open(path))["results"]
    for r in results:
        print(f"{r['command']:<24} median {r['median'] * 1000:9.2f}  mean {r['mean'] * 1000:9.2f} ± {r['stddev'] * 1000:7.2f}")
    if name.endswith("vs-check-jsonschema") and len(results) == 2:
        print(f"check-jsonschema / {results[0]['command']} = {results[1]['median'] / results[0]['median']:.1f}x")
    if name == "lint":
        by = {r["command"]: r["median"] for r in results}
        if "lint 10000" in by and "lint 100000" in by:
            print(f"lint 100000 / lint 10000 = {by['lint 100000'] / by['lint 10000']:.1f}x")
PY
