#!/usr/bin/env python3
"""Prints the public API of the library modules, one declaration per line, sorted, from their symbol graphs.

Usage: public-api.py SYMBOLGRAPH-DIR            print the API
       public-api.py SYMBOLGRAPH-DIR --check F  exit 1 with a diff when the API differs from baseline file F
       public-api.py SYMBOLGRAPH-DIR --write F  write the API to F
Each line is `Module  Path.To.Symbol  declaration`; extensions a module adds to another module's types are
listed under the module that declares them.

The code enums' cases, generated from the catalogs (files under a `Generated/` folder), are kept apart in
F's sibling `public-api-cases.txt`: a case added for a newly documented code is data, not an API review, so
`--check` accepts added cases (and says so); a removed or renamed case breaks the clients that name it, so
`--check` fails on it as on any other API change. `--write` rewrites both files.
"""
import difflib
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import modules  # noqa: E402  (Scripts/modules.py: the library modules, from Package.swift and Catalogs/)


def library_modules():
    found, problems = modules.placed()
    if problems:
        sys.exit("public-api: " + "; ".join(problems))
    return found


def lines(directory):
    """The hand-written API and the generated code cases, each sorted."""
    out = set()
    cases = set()
    for module in library_modules():
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
                generated = "/Generated/" in symbol.get("location", {}).get("uri", "")
                if generated and symbol.get("kind", {}).get("identifier") == "swift.enum.case":
                    cases.add(f"{module}  {where}  {declaration}")
                else:
                    out.add(f"{module}  {where}  {declaration}")
            # Conformances are API too: dropping `Sendable` or `Encodable` breaks clients.
            for relation in graph.get("relationships", []):
                if relation.get("kind") == "conformsTo" and relation.get("source") in paths:
                    target = relation.get("targetFallback") or relation.get("target")
                    out.add(f"{module}  {paths[relation['source']]}  conforms to {target}")
    return sorted(out), sorted(cases)


def main():
    if len(sys.argv) not in (2, 4) or (len(sys.argv) == 4 and sys.argv[2] not in ("--check", "--write")):
        sys.exit(__doc__)
    api, cases = lines(sys.argv[1])
    text = "\n".join(api) + "\n"
    cases_text = "\n".join(cases) + "\n"
    if len(sys.argv) == 2:
        sys.stdout.write(text + cases_text)
        return
    baseline = sys.argv[3]
    cases_baseline = os.path.join(os.path.dirname(baseline), "public-api-cases.txt")
    if sys.argv[2] == "--write":
        with open(baseline, "w", encoding="utf-8") as handle:
            handle.write(text)
        with open(cases_baseline, "w", encoding="utf-8") as handle:
            handle.write(cases_text)
        print(f"public-api: wrote {len(api)} declarations to {baseline} and {len(cases)} code cases to {cases_baseline}")
        return
    with open(baseline, encoding="utf-8") as handle:
        committed = handle.read()
    with open(cases_baseline, encoding="utf-8") as handle:
        committed_cases = handle.read().splitlines()
    failed = False
    if committed != text:
        diff = difflib.unified_diff(
            committed.splitlines(), api, fromfile=f"{baseline} (committed)", tofile="public API (built)", lineterm="")
        print("\n".join(diff))
        print(f"public-api: the public API differs from {baseline}; if the change is meant, run "
              "Scripts/public-api.sh --write and commit the file with the reason in the message")
        failed = True
    removed = sorted(set(committed_cases) - set(cases))
    added = sorted(set(cases) - set(committed_cases))
    if removed:
        print("\n".join("-" + line for line in removed))
        print(f"public-api: {len(removed)} code case(s) of {cases_baseline} are gone: clients that name them no longer "
              "compile. If a code really left a catalog, run Scripts/public-api.sh --write and say why in the commit")
        failed = True
    if added:
        print(f"public-api: {len(added)} code case(s) added since {cases_baseline} (catalog data, not an API change; "
              "--write records them)")
    if failed:
        sys.exit(1)
    print(f"public-api: {len(api)} declarations, as in {baseline}; {len(cases)} code cases, none removed")


main()
