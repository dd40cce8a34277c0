#!/usr/bin/env python3
"""Writes N client scopes the size of the Northwind example into DIR, for
benchmarking `comanage report DIR` and `comanage lint DIR`.

Each copy gets its own client name, party names, party ids (`internal` ->
`internal-7`, ...), renewal date and review date, so no two scopes are the
same text; every copy stays schema-valid and lints like the original.

    python3 scripts/gen-portfolio.py 500 /tmp/clients
"""

import datetime
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "northwind-manufacturing.scope.yaml"


def party_ids(text):
    """The party ids of the example: the keys under `parties:`."""
    block = text.split("\nparties:\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^  ([a-z][a-z0-9-]*):", block, flags=re.M)


def variant(text, ids, n):
    out = text.replace("Northwind Precision Manufacturing", f"Client {n:04d} Manufacturing")
    out = out.replace("Northwind IT", f"Client {n:04d} IT")
    out = out.replace("Bluewater Managed Services", f"Bluewater Managed Services ({n % 7})")
    for pid in ids:
        # Whole-word ids only (not `role: internal`, which is a role word).
        out = re.sub(
            rf"(?<![a-z0-9-])(?<!role: ){re.escape(pid)}(?![a-z0-9-])", f"{pid}-{n}", out
        )
    renewal = datetime.date(2027, 1, 1) + datetime.timedelta(days=(n * 37) % 700)
    out = re.sub(r"renewal: \d{4}-\d\d-\d\d", f"renewal: {renewal}", out, count=1)
    reviewed = datetime.date(2026, 6, 1) + datetime.timedelta(days=(n * 11) % 170)
    out = re.sub(r"reviewed: \d{4}-\d\d-\d\d", f"reviewed: {reviewed}", out, count=1)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    count, target = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    target.mkdir(parents=True, exist_ok=True)
    text = EXAMPLE.read_text()
    ids = party_ids(text)
    for n in range(1, count + 1):
        (target / f"client-{n:04d}.scope.yaml").write_text(variant(text, ids, n))


if __name__ == "__main__":
    main()
