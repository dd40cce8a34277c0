#!/usr/bin/env python3
"""Generate the hostile scopes that BENCHMARKS.md times (cost per input size).

Usage: python3 scripts/gen-hostile.py KIND N > scope.yaml

KIND is one of:
  unknown-owners  N functions whose owners are all undefined parties
                  (N unknown-party findings, a snippet each in human output)
  unknown-keys    one function with N unknown keys (N schema errors)
  party-name      a party whose name is N bytes long (`report --format table`)
  who             N functions in services of 1,000, all named "Monitoring
                  task ...", a decision per service (`who monitoring`)
  alias           one N-byte string anchored as one function's name and
                  aliased as 1,000 other functions' names (the alias memory case)

The shapes are the same as the hang-guard tests' (tests/hostile/time.rs,
tests/yaml.rs, tests/report.rs, tests/who.rs), at any size.
"""

import sys


def unknown_owners(n):
    yield "version: 1\nengagement: { client: Q, renewal: 2099-01-01 }\nparties:\n"
    yield "  msp: { name: M, role: provider }\n  internal: { name: I, role: internal }\nservices:\n"
    for f in range(n):
        if f % 50 == 0:
            yield f"  s{f // 50}:\n    owner: msp\n    functions:\n"
        yield f"      f{f}: {{ owner: ghost{f}, backup: internal }}\n"


def unknown_keys(n):
    yield "version: 1\nengagement: { client: H }\nparties:\n  msp: { name: M, role: provider }\n"
    yield "services:\n  s:\n    owner: msp\n    functions:\n      f:\n"
    for key in range(n):
        yield f"        k{key}: 1\n"


def party_name(n):
    yield "version: 1\nengagement: { client: Acme }\nparties:\n"
    yield f"  it: {{ name: {'A' * n}, role: internal }}\n"
    yield "services:\n  ops:\n    owner: it\n    functions:\n      patching: { critical: true }\n"


def who(n):
    yield "version: 1\nengagement: { client: Big }\nparties:\n"
    yield "  msp: { name: MSP, role: provider }\n  internal: { name: Internal IT, role: internal }\n"
    yield "services:\n"
    for s in range(n // 1000):
        yield f"  svc-{s}:\n    owner: msp\n    functions:\n"
        for f in range(1000):
            yield f"      fn-{s}-{f}: {{ name: Monitoring task {f}, backup: internal }}\n"
    yield "decisions:\n"
    for s in range(n // 1000):
        yield f"  d-{s}: {{ decides: msp, service: svc-{s} }}\n"
    yield "escalation:\n  default:\n    - { tier: 1, party: msp }\n"


def alias(n):
    yield "version: 1\nengagement: { client: Acme }\nparties:\n"
    yield "  it: { name: IT, role: internal }\n"
    yield "services:\n  ops:\n    owner: it\n    functions:\n"
    yield f"      anchor: {{ name: &big \"{'x' * n}\" }}\n"
    for f in range(1000):
        yield f"      f{f}: {{ name: *big }}\n"


KINDS = {
    "unknown-owners": unknown_owners,
    "unknown-keys": unknown_keys,
    "party-name": party_name,
    "who": who,
    "alias": alias,
}

if len(sys.argv) != 3 or sys.argv[1] not in KINDS or not sys.argv[2].isdigit():
    sys.exit(__doc__)
sys.stdout.writelines(KINDS[sys.argv[1]](int(sys.argv[2])))
