#!/usr/bin/env python3
"""Prints the public API of the library modules, one declaration per line, sorted, from their symbol graphs.

Usage: public-api.py SYMBOLGRAPH-DIR            print the API
       public-api.py SYMBOLGRAPH-DIR --check F  exit 1 with a diff when the API differs from baseline file F
       public-api.py SYMBOLGRAPH-DIR --write F  write the API to F
Each line is `Module  Path.To.Symbol  declaration`; extensions a module adds to another module's types are
listed under the module that declares them.
"""
import difflib
import glob
import json
import os
import sys

MODULES = ["ErrorCatalog", "ErrorCatalogFoundation", "ErrorCatalogTesting", "Wolkvox", "Dialog360", "Cequens", "Yeastar", "GENIQ", "WhatsApp"]


def lines(directory):
    out = set()
    for module in MODULES:
        files = [os.path.join(directory, f"{module}.symbols.json")]
        files += sorted(glob.glob(os.path.join(directory, f"{module}@*.symbols.json")))
        if not os.path.exists(files[0]):
            sys.exit(f"public-api: no symbol graph for {module} in {directory}")
        for path in files:
            with open(path, encoding="utf-8") as handle:
                graph = json.load(handle)
            paths = {}
            for symbol in graph.get("symbols", []):
                if symbol.get("accessLevel") not in ("public", "open"):
                    continue
                declaration = "".join(f["spelling"] for f in symbol.get("declarationFragments", []))
                declaration = " ".join(declaration.split())
                where = ".".join(symbol.get("pathComponents", []))
                paths[symbol["identifier"]["precise"]] = where
                out.add(f"{module}  {where}  {declaration}")
            # Conformances are API too: dropping `Sendable` or `Encodable` breaks clients.
            for relation in graph.get("relationships", []):
                if relation.get("kind") == "conformsTo" and relation.get("source") in paths:
                    target = relation.get("targetFallback") or relation.get("target")
                    out.add(f"{module}  {paths[relation['source']]}  conforms to {target}")
    return sorted(out)


def main():
    if len(sys.argv) not in (2, 4) or (len(sys.argv) == 4 and sys.argv[2] not in ("--check", "--write")):
        sys.exit(__doc__)
    api = lines(sys.argv[1])
    text = "\n".join(api) + "\n"
    if len(sys.argv) == 2:
        sys.stdout.write(text)
        return
    baseline = sys.argv[3]
    if sys.argv[2] == "--write":
        with open(baseline, "w", encoding="utf-8") as handle:
            handle.write(text)
        print(f"public-api: wrote {len(api)} declarations to {baseline}")
        return
    with open(baseline, encoding="utf-8") as handle:
        committed = handle.read()
    if committed == text:
        print(f"public-api: {len(api)} declarations, as in {baseline}")
        return
    diff = difflib.unified_diff(
        committed.splitlines(), api, fromfile=f"{baseline} (committed)", tofile="public API (built)", lineterm="")
    print("\n".join(diff))
    print(f"public-api: the public API differs from {baseline}; if the change is meant, run "
          "Scripts/public-api.sh --write and commit the file with the reason in the message")
    sys.exit(1)


main()
