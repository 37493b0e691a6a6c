#!/usr/bin/env python3
"""Fails when a catalog explanation or remedy sentence stays too close to a sentence of the seed documents.

Usage: seed-similarity.py [SEEDS-DIR] [--threshold 0.6] [--report N]

Explanations and remedies are ours, written from the providers' documentation; the wire message is a fact and
stays verbatim, but the providers' prose is not copied. Each sentence of every entry's explanation and remedy
is compared with every sentence of the seed documents (../shared/seeds beside the clone by default), word by
word, lower-cased: the score is difflib's ratio over the two word sequences (2 x matching words / total
words). A pair scoring above the threshold fails, unless the catalog sentence is no longer than the entry's
verbatim message plus three words (a sentence that only names the message). `--report N` prints the N
closest pairs even when all pass.
"""
import argparse
import difflib
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def words(text):
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())


def sentences(text):
    parts = re.split(r"(?<=[.!?;:])\s+|\n+", text)
    return [p.strip() for p in parts if len(words(p)) >= 4]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("seeds", nargs="?", default=os.path.join(os.path.dirname(ROOT), "shared", "seeds"))
    parser.add_argument("--threshold", type=float, default=0.6)
    parser.add_argument("--report", type=int, default=0)
    args = parser.parse_args()
    seed_files = sorted(glob.glob(os.path.join(args.seeds, "*.txt")))
    if not seed_files:
        print(f"seed-similarity: no seeds in {args.seeds}; nothing checked")
        return
    seed_sentences = []
    for path in seed_files:
        with open(path, encoding="utf-8") as handle:
            for sentence in sentences(handle.read()):
                seed_sentences.append((os.path.basename(path), sentence, words(sentence)))
    pairs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Catalogs", "*.json"))):
        if path.endswith("catalog.schema.json"):
            continue
        with open(path, encoding="utf-8") as handle:
            catalog = json.load(handle)
        for table in catalog["tables"]:
            for entry in table["entries"]:
                message_words = len(words(entry["message"]))
                for field in ("explanation", "remedy"):
                    for sentence in sentences(entry[field]):
                        ours = words(sentence)
                        if len(ours) <= message_words + 3:
                            continue
                        matcher = difflib.SequenceMatcher(None, ours, autojunk=False)
                        best = (0.0, None)
                        for seed, text, theirs in seed_sentences:
                            if abs(len(theirs) - len(ours)) > max(len(ours), len(theirs)) * 0.6:
                                continue
                            matcher.set_seq2(theirs)
                            if matcher.quick_ratio() <= best[0]:
                                continue
                            score = matcher.ratio()
                            if score > best[0]:
                                best = (score, (seed, text))
                        if best[1]:
                            label = f"{catalog['provider']}/{table['id']}/{entry['name']}.{field}"
                            pairs.append((best[0], label, sentence, best[1][0], best[1][1]))
    pairs.sort(reverse=True)
    failures = [p for p in pairs if p[0] > args.threshold]
    for score, label, ours, seed, theirs in (failures or pairs[: args.report]):
        print(f"{score:.2f} {label}\n  ours: {ours}\n  seed ({seed}): {theirs}")
    checked = len(pairs)
    if failures:
        print(f"seed-similarity: {len(failures)} of {checked} sentences score above {args.threshold}: reword them")
        sys.exit(1)
    top = pairs[0][0] if pairs else 0
    print(f"seed-similarity: {checked} sentences checked, highest score {top:.2f} (limit {args.threshold})")


main()
