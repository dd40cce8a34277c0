#!/usr/bin/env bash
# Times `comanage log` on two 1,000-commit histories of a realistic scope
# against `git log -p --follow` on the same file, all in one hyperfine run.
#
# The histories are built with `git fast-import` (seconds, not minutes) from
# the 40-function example scope, one owner (of a service or a function)
# handed to another party in every commit, and the file moved into a folder
# halfway, so `--follow` has a rename to cross:
#
# - linear: one branch, and a comment with the commit number keeps every
#   version's blob distinct (each version is loaded once, none is shared);
# - shared: versions share blobs as real histories do: every 10th commit
#   reverts the one before it, and every 50th starts a side branch of three
#   commits that is merged back while the main line moved on (the merge's
#   parent version is named by the merge, the same blob as the main line's
#   last commit).
#
# Usage: scripts/bench-log.sh [COMMITS]   (default 1000)
# Uses hyperfine when installed, else the mean of 10 timed runs.
# COMANAGE_BIN picks the binary (SKIP_BUILD=1 skips the build); with
# hyperfine, COMANAGE_PEER_BIN adds a second comanage (an older build, say)
# to the same run. KEEP=DIR leaves the two repositories in DIR/linear and
# DIR/shared (for profiling) instead of deleting them.
set -euo pipefail

commits=${1:-1000}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${COMANAGE_BIN:-$root/target/release/comanage}
if [[ ${SKIP_BUILD:-} != 1 ]]; then
    (cd "$root" && cargo build --release --quiet)
fi

if [[ -n ${KEEP:-} ]]; then
    work=$KEEP
    mkdir -p "$work"
    rm -rf "$work/linear" "$work/shared"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi

export LC_ALL=C # ${#text} counts bytes, as fast-import's `data` wants
mapfile -t original < "$root/examples/northwind-manufacturing.scope.yaml"
# Every owner line (services' defaults and functions' own) is a candidate.
owners=()
for i in "${!original[@]}"; do
    [[ ${original[$i]} =~ ^\ +owner:\ (msp|internal|secvendor|plant)$ ]] && owners+=("$i")
done
parties=(msp internal secvendor plant)

# hand N: hands owner line number N (mod the candidates) of `lines` to the
# next party; sets `line`, `current` and `next`.
hand() {
    line=${owners[$((($1 * 7) % ${#owners[@]}))]}
    local indent=${lines[$line]%%owner:*}
    current=${lines[$line]##*: }
    local k
    for k in "${!parties[@]}"; do
        [[ ${parties[$k]} == "$current" ]] && next=${parties[$(((k + 1) % 4))]}
    done
    lines[$line]="${indent}owner: $next"
}

# emit MARK BRANCH SUBJECT PARENT [MERGE]: a commit of `lines` at `path`
# (PARENT 0: none); the file moves into a folder halfway.
emit() {
    local text when=$((1700000000 + $1 * 3600))
    text=$(printf '%s\n' "${lines[@]}")$'\n'
    printf 'commit refs/heads/%s\nmark :%d\n' "$2" "$1"
    printf 'author Dana Ruiz <dana@example.com> %d +0000\n' "$when"
    printf 'committer Dana Ruiz <dana@example.com> %d +0000\n' "$when"
    printf 'data %d\n%s\n' "${#3}" "$3"
    if [[ $4 != 0 ]]; then printf 'from :%d\n' "$4"; fi
    if [[ -n ${5:-} ]]; then printf 'merge :%d\n' "$5"; fi
    if (($1 >= commits / 2)) && [[ $path == scope.yaml ]]; then
        printf 'R %s clients/northwind/scope.yaml\n' "$path"
        path=clients/northwind/scope.yaml
    fi
    printf 'M 100644 inline %s\ndata %d\n%s\n' "$path" "${#text}" "$text"
}

linear() {
    lines=("${original[@]}")
    path=scope.yaml
    local n
    for ((n = 1; n <= commits; n++)); do
        hand "$n"
        lines[0]="# revision $n"
        emit "$n" main "Hand line $line from $current to $next" "$((n - 1))"
    done
}

shared() {
    lines=("${original[@]}")
    path=scope.yaml
    local n=0 tip=0 before side_tip k
    while ((n < commits)); do
        n=$((n + 1))
        if ((n % 10 == 0 && tip > 0)); then
            # Revert the previous commit: its parent's blob again.
            lines=("${before[@]}")
            emit "$n" main "Revert the previous commit" "$tip"
        elif ((n % 50 == 1 && n > 1 && n + 4 <= commits)); then
            # A side branch of three commits, then the main line moves on,
            # then the merge takes both (they touch different lines).
            local base=("${lines[@]}") fork=$tip
            for k in 0 1 2; do
                hand $((n * 3 + k))
                lines[0]="# revision $n side"
                emit "$n" side "Side: hand line $line from $current to $next" "$fork"
                fork=$n
                n=$((n + 1))
            done
            side_tip=$fork
            local side=("${lines[@]}")
            lines=("${base[@]}")
            hand $((n * 3 + 5))
            while [[ ${side[$line]} != "${base[$line]}" ]]; do hand $((RANDOM)); done
            lines[0]="# revision $n"
            emit "$n" main "Hand line $line from $current to $next" "$tip"
            tip=$n
            n=$((n + 1))
            for k in "${!side[@]}"; do
                [[ ${side[$k]} != "${base[$k]}" ]] && lines[$k]=${side[$k]}
            done
            lines[0]="# revision $n merge"
            emit "$n" main "Merge the side branch" "$tip" "$side_tip"
            tip=$n
            continue
        else
            before=("${lines[@]}")
            hand "$n"
            lines[0]="# revision $n"
            emit "$n" main "Hand line $line from $current to $next" "$tip"
        fi
        tip=$n
    done
}

for kind in linear shared; do
    git init -q -b main "$work/$kind"
    $kind | git -C "$work/$kind" fast-import --quiet
    git -C "$work/$kind" reset -q --hard main
done
file=clients/northwind/scope.yaml

for kind in linear shared; do
    cd "$work/$kind"
    echo "$kind history: $(git rev-list --count HEAD) commits of $file ($(wc -c < "$file") bytes)," \
        "$(git log --follow --format=%H -- "$file" | wc -l) that change it," \
        "$(git rev-list --objects --all | cut -d' ' -f1 | git cat-file --batch-check='%(objecttype)' | grep -c blob) distinct blobs"
    # Both must succeed before they are timed.
    "$bin" log -f "$file" > "$work/ours.txt"
    git log -p --follow -- "$file" > "$work/theirs.txt"
    echo "comanage log: $(grep -c '^[0-9a-f]\{7,\} ' "$work/ours.txt") entries"
    if [[ -n ${COMANAGE_PEER_BIN:-} ]]; then "$COMANAGE_PEER_BIN" log -f "$file" > /dev/null; fi
done

if command -v hyperfine > /dev/null; then
    commands=()
    names=()
    for kind in linear shared; do
        dir="$work/$kind"
        commands+=("$bin log -f $dir/$file")
        names+=("comanage log ($kind)")
        if [[ -n ${COMANAGE_PEER_BIN:-} ]]; then
            commands+=("$COMANAGE_PEER_BIN log -f $dir/$file")
            names+=("peer comanage log ($kind)")
        fi
        commands+=("git -C $dir log -p --follow -- $file")
        names+=("git log -p --follow ($kind)")
    done
    args=()
    for i in "${!commands[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
    hyperfine -N --warmup 2 --style basic --output=null "${args[@]}"
else
    mean() {
        local start end runs=10
        start=$(date +%s.%N)
        for ((i = 0; i < runs; i++)); do $1 > /dev/null; done
        end=$(date +%s.%N)
        echo "$start $end $runs" | awk '{ printf "%.3f s", ($2 - $1) / $3 }'
    }
    for kind in linear shared; do
        dir="$work/$kind"
        "$bin" log -f "$dir/$file" > /dev/null # warm the page cache
        echo "comanage log ($kind)        mean of 10: $(mean "$bin log -f $dir/$file")"
        echo "git log -p --follow ($kind) mean of 10: $(mean "git -C $dir log -p --follow -- $file")"
    done
fi
