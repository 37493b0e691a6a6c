#!/usr/bin/env python3
"""Validates every Catalogs/*.json against Catalogs/catalog.schema.json (JSON Schema 2020-12)."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent / "Catalogs"
schema = json.loads((root / "catalog.schema.json").read_text())
validator = jsonschema.Draft202012Validator(schema)
failed = False
for path in sorted(root.glob("*.json")):
    if path.name == "catalog.schema.json":
        continue
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    for error in errors:
        failed = True
        print(f"{path.name}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    count = sum(len(t["entries"]) for t in json.loads(path.read_text())["tables"])
    print(f"{path.name}: {'invalid' if errors else 'valid'} ({count} entries)")
sys.exit(1 if failed else 0)
