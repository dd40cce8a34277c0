#!/usr/bin/env bash
# Before/after figures of two release binaries in the same hyperfine runs
# (BENCHMARKS.md, "Before and after"): the inputs that were quadratic, the
# alias memory case, what-if against lint, and the headline load-path
# figures (lint, validate, log).
#
#   scripts/bench-before-after.sh BEFORE_BIN AFTER_BIN [OUT_DIR]
#
# Build each binary with `cargo build --release --locked` in its own work
# tree and target directory. Needs python3, hyperfine, git and GNU time
# (/usr/bin/time). SLOW_RUNS (default 2) is the run count of the hyperfine
# runs whose "before" takes many seconds a run.
set -euo pipefail

before=${1:?usage: bench-before-after.sh BEFORE_BIN AFTER_BIN [OUT_DIR]}
after=${2:?usage: bench-before-after.sh BEFORE_BIN AFTER_BIN [OUT_DIR]}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${3:-$root/target/bench-before-after}
slow=${SLOW_RUNS:-2}
mkdir -p "$out"
export COMANAGE_TODAY=2026-11-22 NO_COLOR=1 COLUMNS=100

gen() { # KIND N FILE
    [ -s "$out/$3" ] || python3 "$root/scripts/gen-hostile.py" "$1" "$2" > "$out/$3"
}
gen unknown-owners 20000 unknown-owners-20000.yaml
gen unknown-keys 20000 unknown-keys-20000.yaml
gen party-name 200000 party-name-200k.yaml
gen who 40000 who-40000.yaml
gen alias 1000000 alias-1mb.yaml
for n in 1000 10000; do
    [ -s "$out/scope-$n.yaml" ] || python3 "$root/scripts/gen-scope.py" "$n" > "$out/scope-$n.yaml"
done

# hyperfine with the options every run shares; -i because lint and validate
# exit 1 on scopes with findings, which is the expected result.
hf() { hyperfine -N -i --style basic "$@"; }

echo "== machine"
uname -srm
grep -m1 'model name' /proc/cpuinfo || true
echo "cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "before: $("$before" --version)"
echo "after:  $("$after" --version)"

echo "== lint, 20,000 unknown-party findings: human vs json"
f=$out/unknown-owners-20000.yaml
hf --runs "$slow" --export-json "$out/lint-findings.json" \
    -n "before human" "$before lint $f" -n "before json" "$before lint --format json $f" \
    -n "after human" "$after lint $f" -n "after json" "$after lint --format json $f"

echo "== validate, 20,000 unknown keys: human vs json"
f=$out/unknown-keys-20000.yaml
hf --runs "$slow" --export-json "$out/validate-keys.json" \
    -n "before human" "$before validate $f" -n "before json" "$before validate --format json $f" \
    -n "after human" "$after validate $f" -n "after json" "$after validate --format json $f"

echo "== report --format table, a 200 KB party name (json as the peer)"
f=$out/party-name-200k.yaml
hf --runs "$slow" --export-json "$out/report-table.json" \
    -n "before table" "$before report --format table $f" -n "before json" "$before report --format json $f" \
    -n "after table" "$after report --format table $f" -n "after json" "$after report --format json $f"

echo "== who monitoring, 40,000 matching functions (validate as the load-alone peer)"
f=$out/who-40000.yaml
hf --runs "$slow" --export-json "$out/who.json" \
    -n "before human" "$before -f $f who monitoring" -n "before json" "$before -f $f who monitoring --format json" \
    -n "after human" "$after -f $f who monitoring" -n "after json" "$after -f $f who monitoring --format json" \
    -n "after validate" "$after validate $f"

echo "== alias case: a 1 MB string anchored once and aliased 1,000 times (peak RSS, exit code)"
for bin in before after; do
    for command in validate show; do
        /usr/bin/time -v -o "$out/time.txt" "${!bin}" "$command" "$out/alias-1mb.yaml" \
            > "$out/alias-$bin-$command.out" 2>&1 || true
        rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time.txt")
        wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$out/time.txt")
        code=$(sed -n 's/.*Exit status: //p' "$out/time.txt")
        echo "$bin $command: peak $((rss / 1024)) MiB, wall $wall, exit $code"
    done
done

echo "== what-if against lint, 10,000 functions (after only)"
f=$out/scope-10000.yaml
hf --warmup 1 --runs 10 --export-json "$out/what-if.json" \
    -n "lint" "$after lint $f" \
    -n "what-if --without msp" "$after what-if --without msp $f" \
    -n "what-if --without msp --format json" "$after what-if --without msp --format json $f" \
    -n "what-if --without secvendor" "$after what-if --without secvendor $f" \
    -n "what-if (no change)" "$after what-if $f"

echo "== headline: lint 10,000 functions, validate 1,000 functions"
hf --warmup 3 --runs 15 --export-json "$out/headline.json" \
    -n "before lint 10000" "$before lint $out/scope-10000.yaml" \
    -n "after lint 10000" "$after lint $out/scope-10000.yaml" \
    -n "before validate 1000" "$before validate $out/scope-1000.yaml" \
    -n "after validate 1000" "$after validate $out/scope-1000.yaml"
echo "== peak memory of lint, 10,000 functions (/usr/bin/time -f %M, the largest of 3 runs)"
for bin in before after; do
    peak=0
    for _ in 1 2 3; do
        /usr/bin/time -f %M -o "$out/time.txt" "${!bin}" lint "$out/scope-10000.yaml" > /dev/null
        kib=$(tail -1 "$out/time.txt")
        [ "$kib" -gt "$peak" ] && peak=$kib
    done
    echo "$bin lint 10000: $((peak / 1024)) MiB ($peak KiB)"
done

echo "== log over 1,000 commits (scripts/bench-log.sh), before, after and git"
COMANAGE_BIN=$after COMANAGE_PEER_BIN=$before SKIP_BUILD=1 "$root/scripts/bench-log.sh" 1000
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
