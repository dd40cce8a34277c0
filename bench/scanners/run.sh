#!/usr/bin/env bash
# Reproduces every figure in README.md: builds the bench, generates the
# inputs, times each crate on each input (median of RUNS walks in one
# process), measures one walk's peak RSS in a separate process per crate,
# counts instructions of one walk under callgrind (independent of load),
# scores the yaml-test-suite and prints each crate's error messages.
#
# Usage: bench/scanners/run.sh [--no-ryml] [--no-callgrind] [--build-times]
# --build-times adds a cold release build of each crate alone (its own
# dependencies included) in a fresh target folder.
# Needs: cargo, python3, /usr/bin/time, valgrind; g++ for ryml; the
# yaml-test-suite `data` branch in $YAML_TEST_SUITE (a folder), or a git
# directory in $YAML_TEST_SUITE_GIT to take it from.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
features=(--features ryml)
callgrind=1
build_times=0
for arg in "$@"; do
    case $arg in
        --no-ryml) features=() ;;
        --no-callgrind) callgrind=0 ;;
        --build-times) build_times=1 ;;
        *) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

cd "$here"
nice -n 19 cargo build --release --locked "${features[@]}"
bench=$here/target/release/scanner-bench
inputs=$here/target/inputs
mkdir -p "$inputs"

python3 "$repo/scripts/gen-scope.py" 10000 >"$inputs/scope-10k.yaml"
python3 "$repo/scripts/gen-scope.py" 100000 >"$inputs/scope-100k.yaml"
cp "$repo/examples/northwind-manufacturing.scope.yaml" "$inputs/northwind.yaml"
# The same file with non-ASCII names: shows which crates report character
# offsets where comanage needs bytes.
sed 's/Northwind/Nørthwïnd — Ünïcode/g' "$inputs/northwind.yaml" >"$inputs/northwind-unicode.yaml"

crates=$( { "$bench" 2>&1 || true; } | sed -n "s/^crates: //p" | tr -d ,)

echo "## machine"
uname -srm
grep -m1 'model name' /proc/cpuinfo
nproc
uptime

echo
echo "## throughput: crate, bytes, median ms, MiB/s, events, scalars, misplaced plain scalars"
for input in northwind:3000 scope-10k:40 scope-100k:7; do
    file=$inputs/${input%%:*}.yaml
    runs=${input##*:}
    echo "### ${input%%:*} ($(stat -c %s "$file") bytes, $runs runs)"
    for crate in $crates; do
        "$bench" "$crate" "$file" "$runs"
    done
done

echo
echo "## peak RSS of one walk, KiB (separate process per crate)"
for input in northwind scope-10k scope-100k; do
    for crate in $crates; do
        rss=$( { /usr/bin/time -f %M "$bench" "$crate" "$inputs/$input.yaml" 1 >/dev/null; } 2>&1)
        printf '%s\t%s\t%s\n' "$input" "$crate" "$rss"
    done
done

if [ "$callgrind" = 1 ]; then
    echo
    echo "## instructions of one walk of scope-10k (callgrind; includes reading the file)"
    for crate in $crates; do
        ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bench" "$crate" \
            "$inputs/scope-10k.yaml" 1 2>&1 >/dev/null | sed -n 's/.*Collected : //p')
        printf '%s\t%s\n' "$crate" "$ir"
    done
fi

echo
echo "## span check on non-ASCII text"
"$bench" --check "$inputs/northwind-unicode.yaml"

echo
echo "## yaml-test-suite (accept/reject)"
suite=${YAML_TEST_SUITE:-}
if [ -z "$suite" ] && [ -n "${YAML_TEST_SUITE_GIT:-}" ]; then
    suite=$here/target/yaml-test-suite
    rm -rf "$suite" && mkdir -p "$suite"
    git --git-dir="$YAML_TEST_SUITE_GIT" archive data | tar -x -C "$suite"
fi
if [ -n "$suite" ]; then
    "$bench" --suite "$suite"
else
    echo "(skipped: set YAML_TEST_SUITE or YAML_TEST_SUITE_GIT)"
fi

if [ "$build_times" = 1 ]; then
    echo
    echo "## cold release build in a fresh target folder: what, wall s, user+sys s"
    # Each Rust crate alone (with its own dependencies); ryml is optional, so
    # its cost is the whole bench with it less the whole bench without it.
    cold_build() {
        local what=$1 dir start end times
        shift
        dir=$(mktemp -d)
        start=$(date +%s.%N)
        times=$( { /usr/bin/time -f '%U %S' nice -n 19 cargo build --release --locked --quiet \
            --target-dir "$dir" "$@"; } 2>&1 | tail -1)
        end=$(date +%s.%N)
        rm -rf "$dir"
        printf '%s\t%.1f\t%s\n' "$what" "$(echo "$end - $start" | bc)" \
            "$(echo "$times" | awk '{print $1 + $2}')"
    }
    for crate in granit-parser saphyr-parser yaml-rust2 libyaml-safer; do
        cold_build "$crate" -p "$crate"
    done
    cold_build "bench without ryml"
    cold_build "bench with ryml" --features ryml
fi

echo
echo "## error messages"
for file in "$here"/errors/*.yaml; do
    echo "### $(basename "$file")"
    "$bench" --check "$file"
done
