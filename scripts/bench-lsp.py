#!/usr/bin/env python3
"""Time from a didChange to its publishDiagnostics in `comanage lsp`.

Usage: python3 scripts/bench-lsp.py [--runs N] [BINARY]   (default target/release/comanage)

For the 40-function example and a generated 10,000-function scope
(scripts/gen-scope.py), it starts the server, opens the document, then
sends one full-text change at a time (a comment line toggled, so every
version is new text and the same findings) and waits for the diagnostics
of that version, spaced 400 ms apart so the 150 ms publish interval never
delays one. Two paths:

- `change`: didChange alone, so the debounce (its quiet time) is included;
- `change+save`: didChange then didSave, which publishes as soon as the
  interval allows: the check itself, without the quiet time.

Prints the median, the minimum and the maximum in milliseconds for each.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Server:
    """`comanage lsp` on pipes, with Content-Length framing."""

    def __init__(self, binary):
        env = dict(os.environ, COMANAGE_TODAY="2026-11-22")
        self.proc = subprocess.Popen(
            [binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
        )
        self.next_id = 1

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == ident and "method" not in message:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_publish(self, version):
        while True:
            message = self.receive()
            if (
                message.get("method") == "textDocument/publishDiagnostics"
                and message["params"].get("version") == version
            ):
                return message

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.wait(timeout=30)


def measure(binary, path, runs):
    text = open(path, encoding="utf-8").read()
    uri = "file://" + os.path.abspath(path)
    server = Server(binary)
    server.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    server.notify("initialized", {})
    server.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
    )
    server.wait_publish(1)
    results = {"change": [], "change+save": []}
    version = 1
    for run in range(runs):
        for path_name in results:
            version += 1
            changed = text + ("# edit %d\n" % version)
            time.sleep(0.4)
            started = time.perf_counter()
            server.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": changed}],
                },
            )
            if path_name == "change+save":
                server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
            server.wait_publish(version)
            results[path_name].append((time.perf_counter() - started) * 1000)
    server.close()
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default=os.path.join(ROOT, "target/release/comanage"))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = os.path.join(tmp, "scope-10k.scope.yaml")
        with open(big, "w") as out:
            subprocess.run(
                [sys.executable, os.path.join(ROOT, "scripts/gen-scope.py"), "10000"],
                stdout=out,
                check=True,
            )
        cases = [
            ("northwind (40 functions)", os.path.join(ROOT, "examples/northwind-manufacturing.scope.yaml")),
            ("generated (10,000 functions)", big),
        ]
        print("didChange -> publishDiagnostics, %d runs each, ms" % args.runs)
        print("%-30s %-12s %8s %8s %8s" % ("document", "path", "median", "min", "max"))
        for name, path in cases:
            for path_name, times in measure(args.binary, path, args.runs).items():
                print(
                    "%-30s %-12s %8.1f %8.1f %8.1f"
                    % (name, path_name, statistics.median(times), min(times), max(times))
                )


if __name__ == "__main__":
    main()
