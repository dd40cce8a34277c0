#!/usr/bin/env bash
# Runs `comanage validate` on every case of the official YAML test suite
# (https://github.com/yaml/yaml-test-suite) and sorts each case into one of:
#
#   invalid-refused   invalid YAML refused as a parse error            (good)
#   invalid-by-rule   invalid YAML refused, but by a format rule (a tag,
#                     a complex key) met before the YAML error           (fair)
#   valid-accepted    valid YAML that happens to be a valid scope       (good)
#   by-design         valid YAML refused with a message naming what the
#                     scope format does not allow: tags, complex keys,
#                     several documents, no content, schema errors      (good)
#   invalid-accepted  invalid YAML that comanage read                   (bad)
#   valid-as-invalid  valid YAML refused as invalid YAML                (bad)
#   crash             a panic, or an exit code other than 0, 1 or 2     (bad)
#
# The suite's data is not part of comanage: pass a checkout of its `data`
# branch (one folder per case, sub-folders for cases with several parts, each
# with `in.yaml`, and an `error` file when the YAML is invalid), e.g.
#   git clone -b data https://github.com/yaml/yaml-test-suite /tmp/yts
#   scripts/yaml-test-suite.sh /tmp/yts
#
# Prints the counts, the by-design categories, and every bad case with
# comanage's message. Exits 1 when any case is bad (invalid-by-rule cases
# are listed but do not fail the run), 0 otherwise.
#
# Usage: scripts/yaml-test-suite.sh DATA-CHECKOUT [path/to/comanage]
set -euo pipefail

if [[ $# -lt 1 || ! -d $1 ]]; then
    echo "usage: $0 DATA-CHECKOUT [path/to/comanage]" >&2
    exit 2
fi
data=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
comanage=$(realpath "${2:-target/debug/comanage}")
if [[ ! -x $comanage ]]; then
    echo "$0: $comanage is not built; run \`cargo build\` first" >&2
    exit 2
fi

results=$(mktemp)
trap 'rm -f "$results"' EXIT

# One line per case: id, whether the suite calls it invalid, exit code, and
# comanage's JSON diagnostics (or stderr when there is no JSON).
while IFS= read -r input; do
    dir=$(dirname "$input")
    id=${dir#"$data"/}
    invalid=false
    [[ -e $dir/error ]] && invalid=true
    set +e
    out=$("$comanage" validate --format json "$input" 2>"$results.err")
    code=$?
    set -e
    err=$(cat "$results.err")
    jq -cn --arg id "$id" --argjson invalid "$invalid" --argjson code "$code" \
        --arg out "$out" --arg err "$err" \
        '{id: $id, invalid: $invalid, code: $code,
          diagnostics: ($out | try fromjson catch null), stderr: $err}' >>"$results"
done < <(find "$data" -name in.yaml -not -path '*/.git/*' | LC_ALL=C sort)
rm -f "$results.err"

python3 - "$results" <<'PY'
import json, sys

# What the scope format refuses by design, by the start of the message.
BY_DESIGN = [
    ("tags are not supported in a scope file", "tags"),
    ("a scope file's keys are plain text", "complex keys"),
    ("the file holds more than one YAML document", "several documents"),
    ("the file has no content", "no content"),
    ("duplicate key", "duplicate keys"),
]

def category(case):
    """The class of one case, and for by-design cases the reason."""
    code, diags = case["code"], case["diagnostics"]
    if code not in (0, 1, 2) or "panicked" in case["stderr"]:
        return "crash", None
    if code == 0:
        return ("invalid-accepted" if case["invalid"] else "valid-accepted"), None
    if not diags:
        # Exit 2 without diagnostics: the file could not be read (not UTF-8).
        return ("invalid-refused" if case["invalid"] else "by-design"), "not UTF-8 text"
    first = diags[0]
    parse = [d for d in diags if d["rule"] in ("parse", "duplicate-key")]
    if case["invalid"]:
        if not parse:
            return "invalid-accepted", None
        if parse[0]["message"].startswith("invalid YAML"):
            return "invalid-refused", None
        return "invalid-by-rule", None
    if not parse:
        if first["message"].startswith("a scope must be a mapping"):
            return "by-design", "not a mapping (a list or a scalar at the top)"
        return "by-design", "schema errors (a mapping, but not a scope: no `version`, ...)"
    for prefix, reason in BY_DESIGN:
        if parse[0]["message"].startswith(prefix):
            return "by-design", reason
    if not parse[0]["message"].startswith("invalid YAML"):
        return "by-design", parse[0]["message"]
    return "valid-as-invalid", None

cases = [json.loads(line) for line in open(sys.argv[1])]
counts, reasons, bad = {}, {}, []
for case in cases:
    kind, reason = category(case)
    counts[kind] = counts.get(kind, 0) + 1
    if reason:
        reasons.setdefault(reason, []).append(case["id"])
    if kind in ("invalid-accepted", "valid-as-invalid", "crash", "invalid-by-rule"):
        diags = case["diagnostics"] or []
        where = diags[0] if diags else {}
        text = where.get("message", case["stderr"].strip()[:200])
        bad.append(f"{kind:17} {case['id']:10} exit {case['code']}: "
                   f"{where.get('line', '-')}:{where.get('column', '-')} {text}")

print(f"{len(cases)} cases")
for kind in ["invalid-refused", "invalid-by-rule", "valid-accepted", "by-design",
             "invalid-accepted", "valid-as-invalid", "crash"]:
    print(f"  {kind:17} {counts.get(kind, 0)}")
print("refused by design:")
for reason, ids in sorted(reasons.items(), key=lambda r: -len(r[1])):
    if any(c["id"] in ids and not c["invalid"] for c in cases):
        shown = " ".join(ids[:12]) + (" ..." if len(ids) > 12 else "")
        print(f"  {len(ids):4}  {reason}: {shown}")
if bad:
    print("cases to look at:")
    for line in bad:
        print("  " + line)
sys.exit(1 if any(not line.startswith("invalid-by-rule") for line in bad) else 0)
PY
