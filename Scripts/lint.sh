#!/usr/bin/env bash
# Formats nothing: checks that hand-written Swift is formatted (generated files are checked by a test).
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=(); for d in Sources Tests Fuzz Benchmarks Examples; do [ -d "$d" ] && dirs+=("$d"); done
find "${dirs[@]}" -name '*.swift' -not -path '*/Generated/*' -not -path '*/.build*' \
  | xargs swift format lint --strict
