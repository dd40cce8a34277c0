#!/usr/bin/env bash
# Checks that an independent JSON Schema validator and `comanage validate`
# agree, file by file, on every YAML file under tests/fixtures and examples:
# both call it valid, or both call it invalid.
#
# The independent validator is check-jsonschema (`pip install check-jsonschema`)
# with the committed schema/scope.schema.json. A few files are known to differ
# because JSON Schema cannot say what comanage checks; they are listed with
# the reason in scripts/schema-agreement-exceptions.txt. The script fails when
# a file disagrees without being listed, and when a listed file agrees (the
# list is then stale).
#
# Usage: scripts/check-schema-agreement.sh [path/to/comanage]
set -euo pipefail

cd "$(dirname "$0")/.."
comanage=${1:-target/debug/comanage}
schema=schema/scope.schema.json
exceptions=scripts/schema-agreement-exceptions.txt

if ! command -v check-jsonschema >/dev/null; then
    echo "check-jsonschema not found: pip install check-jsonschema" >&2
    exit 2
fi
if [ ! -x "$comanage" ]; then
    echo "$comanage not found: run cargo build first, or pass the binary's path" >&2
    exit 2
fi

# The schema itself must be acceptable to strict validators: the draft-07
# metaschema (Python jsonschema's check_schema, which check-jsonschema
# installs) and, when it is installed (`npm install -g ajv-cli`), ajv in
# strict mode, which refuses unknown keywords and formats.
python3 -c 'import json, sys, jsonschema
jsonschema.Draft7Validator.check_schema(json.load(open(sys.argv[1])))' "$schema"
if command -v ajv >/dev/null; then
    ajv compile --strict=true -s "$schema" >/dev/null
fi

verdict() { if [ "$1" -eq 0 ]; then echo valid; else echo invalid; fi; }

failures=0
checked=0
while IFS= read -r -d '' file; do
    set +e
    "$comanage" validate "$file" >/dev/null 2>&1
    ours=$?
    # A file the independent validator cannot finish in 20 s is one it
    # cannot read (an alias bomb), which counts as invalid.
    timeout 20 check-jsonschema --schemafile "$schema" "$file" >/dev/null 2>&1
    theirs=$?
    set -e
    if [ "$ours" -eq 2 ]; then
        echo "error: comanage could not read $file" >&2
        failures=$((failures + 1))
        continue
    fi
    checked=$((checked + 1))
    listed=$(grep -c "^$file	" "$exceptions" || true)
    if [ "$(verdict "$ours")" != "$(verdict "$theirs")" ]; then
        if [ "$listed" -eq 0 ]; then
            echo "DISAGREE $file: comanage says $(verdict "$ours"), check-jsonschema says $(verdict "$theirs")"
            failures=$((failures + 1))
        fi
    elif [ "$listed" -ne 0 ]; then
        echo "STALE $file: listed in $exceptions, but both now say $(verdict "$ours")"
        failures=$((failures + 1))
    fi
done < <(find tests/fixtures examples -type f \( -name '*.yaml' -o -name '*.yml' \) -print0 | sort -z)

echo "$checked files checked, $failures problems"
[ "$failures" -eq 0 ]
