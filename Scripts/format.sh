#!/usr/bin/env bash
# Formats the hand-written Swift in place, then lints it strictly.
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=(); for d in Sources Tests Fuzz Benchmarks Examples; do [ -d "$d" ] && dirs+=("$d"); done
find "${dirs[@]}" -name '*.swift' -not -path '*/Generated/*' -not -path '*/.build*' \
  | xargs swift format --in-place
exec Scripts/lint.sh
