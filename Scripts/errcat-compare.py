#!/usr/bin/env python3
"""Compares `errcat classify --json` of two revisions, byte for byte, on a corpus built from the catalogs.

    Scripts/errcat-compare.py BASE [--head REV] [--configuration debug|release]

BASE and REV are git revisions (REV defaults to the working tree as it stands). Each side's errcat is built
in its own worktree under .build-compare/ (git-ignored), then both classify every case:

- every catalog sample (kind, status, headers and body as the catalog gives them; GENIQ's template table's
  samples as `--kind template`, the answers they are);
- every WhatsApp sample through 360dialog and Cequens (they pass Meta's bodies through) and, for failures,
  through GENIQ's template kind;
- every response (and template answer) sample again with HTTP 200, with HTTP 503 and a `Retry-After`, cut
  in half, and as the body of a raw HTTP answer;
- the hand-written cases of Tests/Fixtures/errcat-corpus.json (non-JSON bodies, empty bodies, escapes,
  nesting, numbers RFC 8259 refuses).

Each case runs with `--json` and with `--json --reveal`. The script prints the number of cases and every
difference (first lines of both outputs), and exits 1 on any difference. Use it around any change that
is meant to change nothing for users: a refactoring of the readers, the error's layout, the generator.
"""

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCRATCH = ROOT / ".build-compare"
WHATSAPP_RESELLERS = ["360dialog", "cequens"]


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def build(revision, configuration):
    """Builds errcat at `revision` (None: the working tree) and returns the binary's path."""
    if revision is None:
        tree = ROOT
        scratch = SCRATCH / "head-build"
    else:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--verify", revision + "^{commit}"],
            check=True, capture_output=True, text=True).stdout.strip()
        tree = SCRATCH / commit[:12]
        if not tree.exists():
            run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        scratch = tree / ".build"
    print(f"errcat-compare: building errcat at {revision or 'the working tree'} ({configuration})", file=sys.stderr)
    run(["swift", "build", "--package-path", str(tree), "--scratch-path", str(scratch),
         "-c", configuration, "--product", "errcat"], stdout=subprocess.DEVNULL)
    binary = scratch / configuration / "errcat"
    if not binary.exists():
        sys.exit(f"errcat-compare: no binary at {binary}")
    return binary


def samples():
    """(provider, table id, sample) for every catalog sample."""
    for path in sorted((ROOT / "Catalogs").glob("*.json")):
        if path.name == "catalog.schema.json":
            continue
        catalog = json.loads(path.read_text())
        provider = catalog["provider"]
        for table in catalog["tables"]:
            for entry in table["entries"]:
                sample = entry.get("sample")
                if isinstance(sample, dict) and "body" in sample:
                    yield provider, table["id"], sample


def corpus():
    """Every case: (label, provider, kind, status, headers, body bytes, raw HTTP)."""
    cases = []
    for index, (provider, table, sample) in enumerate(samples()):
        body = sample["body"].encode()
        kind = sample.get("kind", "response")
        if provider == "geniq" and table == "template" and kind == "response":
            kind = "template"
        status = sample.get("status")
        headers = sample.get("headers", {})
        label = f"{provider}#{index}"
        cases.append((label, provider, kind, status, headers, body, False))
        if provider == "whatsapp":
            for reseller in WHATSAPP_RESELLERS:
                cases.append((label + f" via {reseller}", reseller, kind, status, headers, body, False))
            if kind == "response" and status and status >= 400:
                cases.append((label + " as geniq template", "geniq", "template", 200, {}, body, False))
        if kind in ("response", "template"):
            cases.append((label + " 200", provider, kind, 200, headers, body, False))
            cases.append((label + " 503", provider, kind, 503, {"Retry-After": "120"}, body, False))
            cases.append((label + " half", provider, kind, status, headers, body[: len(body) // 2], False))
            head = f"HTTP/1.1 {status or 200} X\r\nContent-Type: application/json\r\n"
            head += "".join(f"{name}: {value}\r\n" for name, value in headers.items())
            cases.append((label + " raw", provider, kind, None, {}, (head + "\r\n").encode() + body, True))
    extra = ROOT / "Tests" / "Fixtures" / "errcat-corpus.json"
    for index, case in enumerate(json.loads(extra.read_text())):
        body = case["body"].encode()
        for provider in case.get("providers", ["wolkvox", "360dialog", "cequens", "yeastar", "geniq", "whatsapp"]):
            cases.append((f"corpus#{index} {provider}", provider, case.get("kind", "response"),
                          case.get("status"), case.get("headers", {}), body, False))
    return cases


def arguments(case, reveal):
    _, provider, kind, status, headers, _, raw = case
    command = ["classify", provider, "--kind", kind, "--json"]
    if status is not None and not raw:
        command += ["--status", str(status)]
    for name, value in headers.items():
        command += ["--header", f"{name}: {value}"]
    if reveal:
        command.append("--reveal")
    return command


def outputs(binary, cases, reveal, directory):
    results = []
    for index, case in enumerate(cases):
        path = pathlib.Path(directory) / f"{index}.body"
        path.write_bytes(case[5])
        with open(path, "rb") as stdin:
            done = subprocess.run([str(binary)] + arguments(case, reveal), stdin=stdin, capture_output=True)
        results.append((done.returncode, done.stdout, done.stderr))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("--head", default=None)
    parser.add_argument("--configuration", default="debug", choices=["debug", "release"])
    options = parser.parse_args()
    SCRATCH.mkdir(exist_ok=True)
    base = build(options.base, options.configuration)
    head = build(options.head, options.configuration)
    cases = corpus()
    differences = 0
    with tempfile.TemporaryDirectory() as directory:
        for reveal in (False, True):
            before = outputs(base, cases, reveal, directory)
            after = outputs(head, cases, reveal, directory)
            for case, old, new in zip(cases, before, after):
                if old != new:
                    differences += 1
                    if differences <= 20:
                        print(f"DIFFERENT {case[0]} ({'--reveal' if reveal else 'masked'}): "
                              f"exit {old[0]} -> {new[0]}")
                        for name, a, b in (("stdout", old[1], new[1]), ("stderr", old[2], new[2])):
                            if a != b:
                                # The text around the first differing byte (a JSON answer may be one long line).
                                at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
                                start = max(0, at - 60)
                                print(f"  {name} differs at byte {at}:")
                                print(f"    before: {a[start:at + 100].decode(errors='replace')!r}")
                                print(f"    after:  {b[start:at + 100].decode(errors='replace')!r}")
    runs = 2 * len(cases)
    print(f"errcat-compare: {len(cases)} cases x 2 (masked, --reveal) = {runs} runs; {differences} different")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
