#!/usr/bin/env bash
# Builds the DocC documentation of every library module from its symbol graph, with warnings as errors,
# so broken symbol links in doc comments fail CI, and fails when a module's documentation holds nothing but
# its module page. Output: .build-docs/docs/<Module>.doccarchive
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-docs
rm -rf "$scratch/docs"
mkdir -p "$scratch/docs"
# dump-symbol-graph also tries the test modules and may exit non-zero over them; the library graphs are
# checked below instead. Extension blocks are emitted so that a module's extensions to another module's types
# (ErrorCatalogFoundation's classify(_:data:now:)) are documented.
swift package --scratch-path "$scratch" dump-symbol-graph --minimum-access-level public \
  --emit-extension-block-symbols >"$scratch/symbol-graph.log" 2>&1 || true
graphs=$(find "$scratch" -type d -name symbolgraph | head -1)
[ -n "$graphs" ] && [ -f "$graphs/ErrorCatalog.symbols.json" ] || {
  tail -40 "$scratch/symbol-graph.log" >&2
  echo "docs: no symbol graphs" >&2
  exit 1
}
empty=$(mktemp -d)/Empty.docc
mkdir -p "$empty"
# Every library module, from Package.swift and Catalogs/ (Scripts/modules.py fails on one it cannot place).
modules=$(python3 Scripts/modules.py)
for module in $modules; do
  dir=$scratch/module-graphs/$module
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$graphs/$module.symbols.json" "$dir/"
  cp "$graphs/$module"@*.symbols.json "$dir/" 2>/dev/null || true
  catalog=$empty
  [ -d "Sources/$module/$module.docc" ] && catalog=Sources/$module/$module.docc
  docc convert "$catalog" --additional-symbol-graph-dir "$dir" --fallback-display-name "$module" \
    --fallback-bundle-identifier "errcat.$module" --output-path "$scratch/docs/$module.doccarchive" \
    --warnings-as-errors >"$scratch/docs/$module.log" 2>&1 || {
    cat "$scratch/docs/$module.log" >&2
    echo "docs: $module failed" >&2
    exit 1
  }
  pages=$(find "$scratch/docs/$module.doccarchive/data/documentation" -name '*.json' | wc -l)
  [ "$pages" -gt 1 ] || {
    echo "docs: $module has no documentation beyond its module page" >&2
    exit 1
  }
  echo "docs: $module ok ($pages pages)"
done
