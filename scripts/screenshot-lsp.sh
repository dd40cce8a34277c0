#!/usr/bin/env bash
# Takes docs/lsp-neovim.png: Neovim (in tmux, at a fixed size) editing a
# scope with comanage lsp, showing a diagnostic and the hover of a function.
#
#   scripts/screenshot-lsp.sh [COMANAGE_BINARY]   # default target/debug/comanage
#
# Needs nvim, tmux, aha (ANSI to HTML) and chromium (Debian: apt-get install
# neovim tmux aha chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/debug/comanage}")
file=tests/fixtures/lint/unknown-party/fires.scope.yaml
out=docs/lsp-neovim.png
work=$(mktemp -d)
session="comanage-shot-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT

# The cursor on the function `security-monitoring`, two lines below the
# unknown backup `interal`.
tmux new-session -d -s "$session" -x 100 -y 30 \
  env COMANAGE_BIN="$bin" COMANAGE_TODAY=2026-11-22 HOVER_LINE=28 HOVER_COLUMN=7 TERM=xterm-256color \
  nvim -u scripts/screenshot-lsp/init.lua -i NONE -n "$file"
sleep "${SHOT_WAIT:-4}"
tmux capture-pane -t "$session" -e -p > "$work/screen.ans"

{
  echo '<!doctype html><meta charset="utf-8"><style>'
  echo 'body{margin:0;background:#000}pre{margin:0;padding:12px;font:15px/1.25 "DejaVu Sans Mono",monospace;color:#ddd}'
  echo '</style><pre>'
  aha --no-header --black < "$work/screen.ans"
  echo '</pre>'
} > "$work/screen.html"

chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size=940,600 --screenshot="$work/shot.png" "file://$work/screen.html" 2>/dev/null
cp "$work/shot.png" "$out"
echo "wrote $out ($(stat -c %s "$out") bytes)"
