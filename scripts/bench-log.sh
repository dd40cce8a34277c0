#!/usr/bin/env bash
# Times `comanage log` on a 1,000-commit history of a realistic scope against
# `git log -p --follow` on the same file.
#
# The history is built with `git fast-import` (seconds, not minutes): the
# 40-function example scope, one owner (of a service or a function) handed
# to another party in every commit, and the file moved into a folder
# halfway, so `--follow` has a rename to cross.
#
# Usage: scripts/bench-log.sh [COMMITS]   (default 1000)
# Uses hyperfine when installed, else the mean of 10 timed runs.
# COMANAGE_BIN picks the binary (SKIP_BUILD=1 skips the build); with
# hyperfine, COMANAGE_PEER_BIN adds a second comanage (an older build, say)
# to the same run.
set -euo pipefail

commits=${1:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${COMANAGE_BIN:-$root/target/release/comanage}
if [[ ${SKIP_BUILD:-} != 1 ]]; then
    (cd "$root" && cargo build --release --quiet)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
git init -q -b main "$repo"

export LC_ALL=C # ${#text} counts bytes, as fast-import's `data` wants
mapfile -t lines < "$root/examples/northwind-manufacturing.scope.yaml"
# Every owner line (services' defaults and functions' own) is a candidate.
owners=()
for i in "${!lines[@]}"; do
    [[ ${lines[$i]} =~ ^\ +owner:\ (msp|internal|secvendor|plant)$ ]] && owners+=("$i")
done
parties=(msp internal secvendor plant)

{
    path=scope.yaml
    for ((n = 1; n <= commits; n++)); do
        # Hand one owner line to the next party in turn; a comment with the
        # commit number keeps every version's blob distinct.
        line=${owners[$(((n * 7) % ${#owners[@]}))]}
        indent=${lines[$line]%%owner:*}
        current=${lines[$line]##*: }
        for k in "${!parties[@]}"; do
            [[ ${parties[$k]} == "$current" ]] && next=${parties[$(((k + 1) % 4))]}
        done
        lines[$line]="${indent}owner: $next"
        lines[0]="# revision $n"
        subject="Hand line $line from $current to $next"
        text=$(printf '%s\n' "${lines[@]}")$'\n'
        when=$((1700000000 + n * 3600))
        printf 'commit refs/heads/main\nmark :%d\n' "$n"
        printf 'author Dana Ruiz <dana@example.com> %d +0000\n' "$when"
        printf 'committer Dana Ruiz <dana@example.com> %d +0000\n' "$when"
        printf 'data %d\n%s\n' "${#subject}" "$subject"
        if ((n > 1)); then printf 'from :%d\n' $((n - 1)); fi
        if ((n == commits / 2)); then
            printf 'R %s clients/northwind/scope.yaml\n' "$path"
            path=clients/northwind/scope.yaml
        fi
        printf 'M 100644 inline %s\ndata %d\n%s\n' "$path" "${#text}" "$text"
    done
} | git -C "$repo" fast-import --quiet
git -C "$repo" reset -q --hard main
file=clients/northwind/scope.yaml
echo "history: $(git -C "$repo" rev-list --count HEAD) commits of $file ($(wc -c < "$repo/$file") bytes)"

cd "$repo"
ours="$bin log -f $file"
theirs="git log -p --follow -- $file"
# Both must succeed before they are timed.
$ours > "$work/ours.txt"
$theirs > "$work/theirs.txt"
echo "comanage log: $(grep -c '^[0-9a-f]\{7,\} ' "$work/ours.txt") entries"

if command -v hyperfine > /dev/null; then
    peer=()
    if [[ -n ${COMANAGE_PEER_BIN:-} ]]; then
        peer=("${COMANAGE_PEER_BIN} log -f $file")
        ${peer[0]} > /dev/null
    fi
    hyperfine -N --warmup 2 --style basic "$ours" "${peer[@]}" "$theirs" --output=null
else
    mean() {
        local start end runs=10
        start=$(date +%s.%N)
        for ((i = 0; i < runs; i++)); do $1 > /dev/null; done
        end=$(date +%s.%N)
        echo "$start $end $runs" | awk '{ printf "%.3f s", ($2 - $1) / $3 }'
    }
    $ours > /dev/null # warm the page cache
    echo "comanage log           mean of 10: $(mean "$ours")"
    echo "git log -p --follow    mean of 10: $(mean "$theirs")"
fi
