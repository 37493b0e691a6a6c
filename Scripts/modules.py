#!/usr/bin/env python3
"""Prints the package's library modules, one per line: the core modules, then one per provider catalog.

Usage: python3 Scripts/modules.py            the modules, from `swift package describe` and Catalogs/*.json
       python3 Scripts/modules.py --check    exit 1 when a module cannot be placed

Scripts (public-api, docs) take the module list from here, so a provider is named in its catalog and in
Package.swift only; Fuzz/Package.swift reads the catalogs itself, and --check also fails on a catalog's
module that no fuzz target drives (FuzzEveryProvider drives every module errcat's generated adapters call). A library module is placed when it is one of CORE below or a catalog's `module`; every
catalog's module must be a library product. Anything else fails: a new module is never skipped silently.
"""
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The modules that are not a provider's: the core, its Foundation conveniences and the testing kit.
CORE = ["ErrorCatalog", "ErrorCatalogFoundation", "ErrorCatalogTesting"]


def library_modules():
    described = subprocess.run(
        ["swift", "package", "--package-path", ROOT, "describe", "--type", "json"],
        check=True, capture_output=True, text=True).stdout
    package = json.loads(described[described.index("{"):])
    modules = []
    for product in package["products"]:
        if "library" in product["type"]:
            modules += [target for target in product["targets"] if target not in modules]
    return modules


def catalog_modules():
    modules = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Catalogs", "*.json"))):
        if path.endswith(".schema.json"):
            continue
        with open(path, encoding="utf-8") as handle:
            module = json.load(handle).get("module")
        if module:
            modules.append(module)
    return modules


def fuzzed(catalogs):
    """Problems: a catalog's module that no fuzz target of Fuzz/Package.swift drives: a target that names it,
    or FuzzEveryProvider, which drives every provider in errcat's generated adapters (so a module counts when
    the adapters call it)."""
    import re
    manifest = open(os.path.join(ROOT, "Fuzz", "Package.swift"), encoding="utf-8").read()
    driven = set()
    for match in re.finditer(r'\("Fuzz\w+",\s*\[([^\]]*)\]\)', manifest):
        driven.update(re.findall(r'"(\w+)"', match.group(1)))
    if re.search(r'\("FuzzEveryProvider",\s*allProviders\)', manifest):
        adapters = os.path.join(ROOT, "Sources", "ErrcatCommand", "Generated", "ProviderAdapter+All.swift")
        text = open(adapters, encoding="utf-8").read() if os.path.exists(adapters) else ""
        driven.update(module for module in catalogs if f"{module}.classify(" in text)
    return [f"{module}: no fuzz target in Fuzz/Package.swift drives it" for module in catalogs if module not in driven]


def placed():
    """The library modules in order (core first, then providers as Package.swift lists them), and the
    problems found."""
    libraries = library_modules()
    catalogs = catalog_modules()
    problems = []
    for module in libraries:
        if module not in CORE and module not in catalogs:
            problems.append(f"{module}: a library module that is neither core (Scripts/modules.py) nor a catalog's")
    for module in catalogs:
        if module not in libraries:
            problems.append(f"{module}: a catalog's module that Package.swift has no library product for")
    for module in CORE:
        if module not in libraries:
            problems.append(f"{module}: a core module that Package.swift has no library product for")
    problems += fuzzed(catalogs)
    # .spi.yml is generated from the catalogs with the generator's own core list: the two lists must agree.
    spi = open(os.path.join(ROOT, ".spi.yml"), encoding="utf-8").read()
    documented = [line.strip()[2:] for line in spi.splitlines() if line.strip().startswith("- ") and "documentation_targets" not in line]
    if sorted(documented) != sorted(CORE + catalogs):
        problems.append(f".spi.yml documents {sorted(documented)}, not the core and catalog modules: run `swift run generate-catalogs`")
    ordered = [m for m in CORE if m in libraries] + [m for m in libraries if m not in CORE]
    return ordered, problems


def main():
    modules, problems = placed()
    if problems:
        for problem in problems:
            print(f"modules: {problem}", file=sys.stderr)
        sys.exit(1)
    if sys.argv[1:] == ["--check"]:
        print(f"modules: {len(modules)} library modules, each placed")
        return
    print("\n".join(modules))


if __name__ == "__main__":
    main()
