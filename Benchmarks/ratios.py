#!/usr/bin/env python3
"""Runs the G benchmarks (issue #12's table) and prints each row as a ratio of two medians from one run.

    Benchmarks/ratios.py                 # one run: the table, goals and allocation counts
    Benchmarks/ratios.py --runs 3        # three runs: median and spread (min-max) of each ratio
    Benchmarks/ratios.py --strict        # also fail on a missed goal or a row 10% slower than its baseline
    Benchmarks/ratios.py --filter 'G3.*' # only the rows whose benchmarks match (here the GENIQ report's)

Each ratio divides the p50 of `Time (wall clock)` of an operation by the p50 of its baseline, both measured
in the same run. The limits are checked in, per toolchain, in Thresholds/<major>.<minor>.json (the file of
the running `swift`, else the newest older one, with a warning): allocation counts are deterministic, so
they are checked on every run and the script exits with status 1 when one is exceeded; each ratio is
shown against its goal and against the baseline recorded for the toolchain. Timings on a shared machine
are noisy; with --strict a missed goal, or a median more than the file's tolerance (10%) slower than its
baseline, fails too.
"""

import argparse
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

SMALL = [
    ("a", "Wolkvox 403"),
    ("b", "Yeastar 10004"),
    ("c", "GENIQ responseCode 1"),
    ("d", "WhatsApp Graph 131047"),
    ("e", "Dialog360 Graph 131047"),
]



def toolchain_version(named=None):
    """(major, minor) of `named` ("6.3"), else of the `swift` on the path."""
    if named:
        match = re.fullmatch(r"(\d+)\.(\d+)(?:\.\d+)?", named)
        if not match:
            sys.exit(f"ratios: --toolchain wants MAJOR.MINOR, not {named!r}")
        return int(match.group(1)), int(match.group(2))
    try:
        output = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout
    except FileNotFoundError:
        sys.exit("ratios: no `swift` on the path; name the toolchain with --toolchain MAJOR.MINOR")
    match = re.search(r"Swift version (\d+)\.(\d+)", output)
    if not match:
        sys.exit("ratios: cannot tell the Swift version from `swift --version`; use --toolchain MAJOR.MINOR")
    return int(match.group(1)), int(match.group(2))


def load_thresholds(named=None):
    """The thresholds file of the toolchain (--toolchain, else the `swift` on the path), else of the newest
    older toolchain that has one."""
    version = toolchain_version(named)
    files = {}
    for path in (HERE / "Thresholds").glob("*.json"):
        major, minor = path.stem.split(".")
        files[(int(major), int(minor))] = path
    usable = [known for known in files if known <= version]
    if not usable:
        sys.exit(f"ratios: no Thresholds/*.json for Swift {version[0]}.{version[1]} or older")
    chosen = max(usable)
    if chosen != version:
        sys.stderr.write(
            f"ratios: no Thresholds/{version[0]}.{version[1]}.json; using {files[chosen].name}. Measure, then add"
            " one for this toolchain.\n")
    return json.loads(files[chosen].read_text())


# Set by main() from Thresholds/<toolchain>.json: the allocation limits per benchmark, and the limit on
# allocations that grow with the body (G5a1, 1 MiB, minus G5b1, 2 KB: same classifier, same harness).
THRESHOLDS = {}
ALLOCATION_LIMITS = {}
GROWTH_LIMIT = 0

UNIT_NS = {"ns": 1, "μs": 1_000, "us": 1_000, "ms": 1_000_000, "s": 1_000_000_000}
SCALE = {"": 1, "K": 1_000, "M": 1_000_000, "G": 1_000_000_000}


def run_benchmarks(filter_regex):
    command = ["swift", "package", "--disable-sandbox", "benchmark", "--filter", filter_regex, "--no-progress"]
    result = subprocess.run(command, cwd=HERE, capture_output=True, text=True)
    (HERE / ".build").mkdir(exist_ok=True)
    (HERE / ".build" / "ratios-last-run.txt").write_text(result.stdout)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        sys.exit(f"benchmark run failed ({result.returncode})")
    return result.stdout


ROW = re.compile(r"^│\s*(?P<metric>[^│]*?)\s*(?:\((?P<unit>[^)]*)\))?\s*(?:\((?P<scale>[KMG])\))?\s*\*?\s*│(?P<values>.*)$")


def parse(output):
    """Benchmark name -> {"time": p50 in ns, "mallocs": p50, "mallocs_min": p0, "mallocs_max": p100}."""
    results = {}
    name = None
    for line in output.splitlines():
        if re.match(r"^G\d", line):
            name = line.split(" ", 1)[0]
            results[name] = {"title": line.strip()}
            continue
        if name is None or not line.startswith("│"):
            continue
        cells = [cell.strip() for cell in line.strip("│").split("│")]
        label = cells[0]
        values = cells[1:]
        if len(values) < 7 or not re.match(r"^[\d.,e+-]+$", values[2]):
            continue
        scale = 1
        unit_match = re.search(r"\((ns|μs|us|ms|s)\)", label)
        scale_match = re.search(r"\(([KMG])\)", label)
        if scale_match:
            scale = SCALE[scale_match.group(1)]
        p0 = float(values[0].replace(",", "")) * scale
        p50 = float(values[2].replace(",", "")) * scale
        p100 = float(values[6].replace(",", "")) * scale
        if label.startswith("Time (wall clock)"):
            results[name]["time"] = p50 * UNIT_NS[unit_match.group(1) if unit_match else "ns"]
        elif label.startswith("Malloc (total)"):
            results[name]["mallocs"] = p50
            results[name]["mallocs_min"] = p0
            results[name]["mallocs_max"] = p100
    return results


def growth(results):
    """Allocations the 1 MiB classification makes beyond the 2 KB one.

    One call per sample: each sample's count includes the harness's own allocations (16 here), and in some
    runs most samples of the 1 MiB benchmark count two more of them. The harness only adds: allocations
    that grew with the body would be in every sample, the one with the fewest included, so those compare.
    """
    return results["G5a1"]["mallocs_min"] - results["G5b1"]["mallocs_min"]


def rows(results):
    """(row title, case, value, key): key is "op/base" for a ratio (lower is better), "count:NAME" for an
    allocation count (checked against ALLOCATION_LIMITS, or GROWTH_LIMIT for "count:growth")."""
    out = []

    def ratio(op, base):
        return lambda: (results[op]["time"] / results[base]["time"], f"{op}/{base}")

    def add(title, case, measured):
        # A row whose benchmarks --filter left out is not shown.
        try:
            out.append((title, case, *(measured() if callable(measured) else measured)))
        except KeyError:
            pass

    for case, title in SMALL:
        add("small body ÷ JSONSerialization", title, ratio(f"G1{case}1", f"G1{case}2"))
    for case, title in SMALL:
        add("small body ÷ bare byte loop", title, ratio(f"G1{case}1", f"G1{case}3"))
    for case, title in SMALL:
        add("small body ÷ JSONDecoder + dictionary", title, ratio(f"G1{case}1", f"G1{case}4"))
    for case, title in SMALL:
        # The worst sample, as check_allocations reads it.
        add("heap allocations per small-body classify", title,
            lambda case=case: (results[f"G1{case}1"]["mallocs_max"], f"count:G1{case}1"))
    add("~1 KB delivered webhook ÷ JSONSerialization", "WhatsApp.classifyWebhook", ratio("G2a1", "G2a2"))
    add("Yeastar errcode 0 + 2 KB data ÷ JSONSerialization", "Yeastar.classify", ratio("G2b1", "G2b2"))
    add("~1 KB delivered webhook ÷ JSONDecoder + dictionary", "WhatsApp.classifyWebhook", ratio("G2a1", "G2a4"))
    add("Yeastar errcode 0 + 2 KB data ÷ JSONDecoder + dictionary", "Yeastar.classify", ratio("G2b1", "G2b4"))
    add("GENIQ report as query string ÷ JSONSerialization of it as JSON", "GENIQ.classifyReport", ratio("G3a1", "G3a2"))
    add("unknown Wolkvox message ÷ known (lookup)", "Wolkvox.lookup", ratio("G4a1", "G4a2"))
    add("1 MiB body ÷ JSONSerialization", "Yeastar.classify", ratio("G5a1", "G5a2"))
    add("allocations growing with body size (1 MiB − 2 KB)", "Yeastar.classify", lambda: (growth(results), "count:growth"))
    return out


def check_allocations(results):
    failures = []
    for name, limit in ALLOCATION_LIMITS.items():
        if name not in results:
            continue  # left out by --filter
        count = results[name]["mallocs_max"]
        if count > limit:
            failures.append(f"{name} ({results[name]['title']}): {count:g} allocations, threshold {limit}")
    extra = growth(results) if "G5a1" in results and "G5b1" in results else 0
    if extra > GROWTH_LIMIT:
        failures.append(f"G5a1 allocates {extra:g} more for 1 MiB than for 2 KB, threshold {GROWTH_LIMIT}")
    return failures


def fmt(value):
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--strict", action="store_true", help="also fail when a median misses its goal or is slower than its baseline")
    parser.add_argument("--filter", default="G.*")
    parser.add_argument("--from", dest="saved", type=Path, action="append", default=[],
                        help="read a saved `swift package benchmark` output instead of running (repeat per run)")
    parser.add_argument("--toolchain", help="the Swift version whose thresholds apply (MAJOR.MINOR); default: "
                        "the `swift` on the path (name it when reading --from outputs measured elsewhere)")
    arguments = parser.parse_args()
    global THRESHOLDS, ALLOCATION_LIMITS, GROWTH_LIMIT
    THRESHOLDS = load_thresholds(arguments.toolchain)
    ALLOCATION_LIMITS = THRESHOLDS["allocations"]
    GROWTH_LIMIT = THRESHOLDS["growth"]

    tables = []
    failures = []
    outputs = [path.read_text() for path in arguments.saved]
    for run in range(len(outputs) or arguments.runs):
        results = parse(outputs[run] if outputs else run_benchmarks(arguments.filter))
        tables.append(rows(results))
        for failure in check_allocations(results):
            failures.append(f"run {run + 1}: {failure}")
        sys.stderr.write(f"run {run + 1} of {len(outputs) or arguments.runs} done\n")

    goals = THRESHOLDS["goals"]
    baseline = THRESHOLDS["baseline"]
    tolerance = THRESHOLDS["tolerance"]
    print(f"Thresholds for Swift {THRESHOLDS['toolchain']}; baseline: each ratio's recorded median.\n")
    header = "| row | case | median | spread (min–max) | goal | met | vs baseline |"
    print(header)
    print("| --- | --- | --- | --- | --- | --- | --- |")
    missed = []
    slower = []
    for index, (title, case, _, pair) in enumerate(tables[0]):
        values = [table[index][2] for table in tables]
        median = statistics.median(values)
        spread = f"{fmt(min(values))}–{fmt(max(values))}" if len(values) > 1 else "–"
        if pair.startswith("count:"):
            name = pair.removeprefix("count:")
            limit = GROWTH_LIMIT if name == "growth" else ALLOCATION_LIMITS[name]
            worst = max(values)
            spread = f"{min(values):g}–{worst:g}" if len(values) > 1 else "–"
            print(f"| {title} | {case} | {median:g} | {spread} | ≤ {limit} | {'yes' if worst <= limit else 'NO'} | – |")
            continue
        goal = goals.get(pair)
        goal_text = "–" if goal is None else f"≤ {goal}×"
        met = "" if goal is None else ("yes" if median <= goal else "NO")
        if goal is not None and median > goal:
            missed.append(f"{title}, {case}: {fmt(median)}× (goal ≤ {goal}×)")
        change = "–"
        if pair in baseline:
            delta = median / baseline[pair] - 1
            change = f"{delta:+.0%}"
            if delta > tolerance:
                slower.append(f"{title}, {case}: {fmt(median)}× against {fmt(baseline[pair])}× ({delta:+.0%})")
        print(f"| {title} | {case} | {fmt(median)}× | {spread} | {goal_text} | {met} | {change} |")

    if failures:
        print("\nAllocation thresholds exceeded:")
        for failure in failures:
            print(f"- {failure}")
    if missed:
        print("\nTiming goals missed (median):")
        for miss in missed:
            print(f"- {miss}")
    if slower:
        print(f"\nMore than {tolerance:.0%} slower than the baseline (median):")
        for row in slower:
            print(f"- {row}")
    if failures or (arguments.strict and (missed or slower)):
        sys.exit(1)


if __name__ == "__main__":
    main()
