#!/usr/bin/env bash
# Fuzzes each Rust crate with the same walk for SECONDS (default 180) each.
# Usage: bench/scanners/fuzz/fuzz.sh [SECONDS] [SEED_DIR...]
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:-180}
shift || true
for crate in yaml-rust2 saphyr-parser libyaml-safer granit-parser; do
    mkdir -p "corpus/$crate" "artifacts/$crate"
    echo "== $crate"
    SCANNER=$crate nice -n 19 cargo +nightly fuzz run walk "corpus/$crate" "$@" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -dict=../../../fuzz/scope.dict -artifact_prefix="artifacts/$crate/" \
        -print_final_stats=1 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|SUMMARY|==[0-9]+== ERROR|thread .* panicked|Done)" | head -20
    echo "artifacts: $(ls "artifacts/$crate" | wc -l)"
done
