#!/usr/bin/env bash
# Checks the library modules' public API against the committed baseline Scripts/public-api.txt, so every API
# change is a visible, reviewed edit of that file. `--write` rewrites the baseline instead.
# The symbol graphs are built in .build-docs, which Scripts/docs.sh reuses.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-docs
mode=--check
[ "${1:-}" = "--write" ] && mode=--write
# dump-symbol-graph also tries the test modules and may exit non-zero over them; the library graphs are
# checked by the script.
mkdir -p "$scratch"
swift package --scratch-path "$scratch" dump-symbol-graph --minimum-access-level public >"$scratch/symbol-graph.log" 2>&1 || true
graphs=$(find "$scratch" -type d -name symbolgraph | head -1)
[ -n "$graphs" ] || { tail -40 "$scratch/symbol-graph.log" >&2; echo "public-api: no symbol graphs" >&2; exit 1; }
python3 Scripts/public-api.py "$graphs" "$mode" Scripts/public-api.txt
