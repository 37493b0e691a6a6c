#!/usr/bin/env python3
"""Runs the G benchmarks (issue #12's table) and prints each row as a ratio of two medians from one run.

    Benchmarks/ratios.py                 # one run: the table, goals and allocation counts
    Benchmarks/ratios.py --runs 3        # three runs: median and spread (min-max) of each ratio
    Benchmarks/ratios.py --strict        # also fail when a median misses its timing goal

Each ratio divides the p50 of `Time (wall clock)` of an operation by the p50 of its baseline, both measured
in the same run. Allocation counts are deterministic, so they are checked on every run against the
thresholds below, and the script exits with status 1 when one is exceeded. Timings on a shared machine are
noisy; with --strict a missed timing goal fails too.
"""

import argparse
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

# Allocation thresholds, per call. The counts do not vary from run to run, so each threshold is the count
# measured when it was set: a change that adds a heap allocation fails the run. (Issue #12's goal for small
# bodies is at most 4; the classifier makes none.)
ALLOCATION_LIMITS = {
    **{f"G1{case}1": 0 for case, _ in SMALL},
    "G2a1": 3,  # the result array (grown to one element) and the table of container ends
    "G2b1": 1,  # the table of container ends (documents of 512 bytes or more)
    "G3a1": 0,
    "G4a1": 0,
}
# Allocations that grow with the body: G5a1 (1 MiB) minus G5b1 (2 KB), same classifier, same harness.
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
    """(row title, case, value, goal, kind) where kind is 'ratio' (lower is better) or 'count'."""
    out = []

    def ratio(op, base):
        return results[op]["time"] / results[base]["time"]

    for case, title in SMALL:
        out.append(("small body ÷ JSONSerialization", title, ratio(f"G1{case}1", f"G1{case}2"), 0.25))
    for case, title in SMALL:
        out.append(("small body ÷ bare byte loop", title, ratio(f"G1{case}1", f"G1{case}3"), 25))
    for case, title in SMALL:
        out.append(("small body ÷ JSONDecoder + dictionary", title, ratio(f"G1{case}1", f"G1{case}4"), None))
    for case, title in SMALL:
        out.append(("heap allocations per small-body classify", title, results[f"G1{case}1"]["mallocs"], 4))
    out.append(("~1 KB delivered webhook ÷ JSONSerialization", "WhatsApp.classifyWebhook", ratio("G2a1", "G2a2"), 0.1))
    out.append(("Yeastar errcode 0 + 2 KB data ÷ JSONSerialization", "Yeastar.classify", ratio("G2b1", "G2b2"), 0.1))
    out.append(("~1 KB delivered webhook ÷ JSONDecoder + dictionary", "WhatsApp.classifyWebhook", ratio("G2a1", "G2a4"), None))
    out.append(("Yeastar errcode 0 + 2 KB data ÷ JSONDecoder + dictionary", "Yeastar.classify", ratio("G2b1", "G2b4"), None))
    out.append(("GENIQ report as query string ÷ JSONSerialization of it as JSON", "GENIQ.classifyReport", ratio("G3a1", "G3a2"), 1))
    out.append(("unknown Wolkvox message ÷ known (lookup)", "Wolkvox.lookup", ratio("G4a1", "G4a2"), 2))
    out.append(("1 MiB body ÷ JSONSerialization", "Yeastar.classify", ratio("G5a1", "G5a2"), 0.05))
    out.append(("allocations growing with body size (1 MiB − 2 KB)", "Yeastar.classify", growth(results), GROWTH_LIMIT))
    return out


def check_allocations(results):
    failures = []
    for name, limit in ALLOCATION_LIMITS.items():
        count = results[name]["mallocs_max"]
        if count > limit:
            failures.append(f"{name} ({results[name]['title']}): {count:g} allocations, threshold {limit}")
    extra = growth(results)
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
    parser.add_argument("--strict", action="store_true", help="fail when a median misses its timing goal")
    parser.add_argument("--filter", default="G.*")
    arguments = parser.parse_args()

    tables = []
    failures = []
    for run in range(arguments.runs):
        results = parse(run_benchmarks(arguments.filter))
        tables.append(rows(results))
        for failure in check_allocations(results):
            failures.append(f"run {run + 1}: {failure}")
        sys.stderr.write(f"run {run + 1} of {arguments.runs} done\n")

    header = "| row | case | median | spread (min–max) | goal | met |"
    print(header)
    print("| --- | --- | --- | --- | --- | --- |")
    missed = []
    for index, (title, case, _, goal) in enumerate(tables[0]):
        values = [table[index][2] for table in tables]
        median = statistics.median(values)
        spread = f"{fmt(min(values))}–{fmt(max(values))}" if len(values) > 1 else "–"
        counting = "allocations" in title
        median_text = f"{median:g}" if counting else f"{fmt(median)}×"
        goal_text = "–" if goal is None else (f"≤ {goal}" if counting else f"≤ {goal}×")
        met = "" if goal is None else ("yes" if median <= goal else "NO")
        if goal is not None and median > goal and not counting:
            missed.append(f"{title}, {case}: {fmt(median)}× (goal ≤ {goal}×)")
        print(f"| {title} | {case} | {median_text} | {spread} | {goal_text} | {met} |")

    if failures:
        print("\nAllocation thresholds exceeded:")
        for failure in failures:
            print(f"- {failure}")
    if missed:
        print("\nTiming goals missed (median):")
        for miss in missed:
            print(f"- {miss}")
    if failures or (arguments.strict and missed):
        sys.exit(1)


if __name__ == "__main__":
    main()
