"""Where the character errors of the ocr-pairs collections are, by kind: what a word corrector can reach.

    python benchmarks/ocr_pairs_audit.py                       # ICDAR 2017, train + dev
    python benchmarks/ocr_pairs_audit.py --collection bln600 --part dev

The OCR and the gold of each document are aligned word by word
(``difflib``); each differing stretch is put in one kind and its
characters' edit distance counted:

* ``unaligned stretch``: a run of several words replaced by a run of
  another length, longer than 40 characters in all: garbage, or text the
  gold does not cover (no word corrector reaches it);
* ``ocr only`` / ``gold only``: words one side has and the other has not;
* ``spaces only``: the same letters, spaced otherwise (``w ith``, ``whichit``);
* ``split or join + misread``: another short stretch of unequal length;
* one word for one word: ``punctuation only``, ``case only``, ``gold
  unknown`` (the lexicon does not know the gold: names, archaic forms,
  numbers), ``non-word N`` (the OCR's word is none; N edits from the gold,
  3 for three or more) and ``real word N`` (the OCR's word is another word).

The share of each kind in the collection's character errors bounds what
fixing it can give: the CER improvement of a corrector is at most the sum
of the shares of the kinds it fixes. Not a test of textkit: a map of the
data, from its own alignment (the benchmark's CER aligns characters).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import ocr_pairs  # noqa: E402
from textkit.lexicon import default_lexicon  # noqa: E402

UNALIGNED_CHARS = 40
"""A stretch of unequal word counts longer than this (both sides' characters) is unaligned."""
_EDGE = ".,;:!?\"'()[]“”‘’"


def distance(a: str, b: str) -> int:
    """Levenshtein distance (one row at a time)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            row.append(min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = row
    return previous[-1]


def kind_of_word(ocr: str, gold: str, knows) -> str:
    bare_ocr, bare_gold = ocr.strip(_EDGE), gold.strip(_EDGE)
    if bare_ocr == bare_gold:
        return "punctuation only"
    if bare_ocr.lower() == bare_gold.lower():
        return "case only"
    if not knows(bare_gold):
        return "gold unknown"
    edits = min(distance(bare_ocr, bare_gold), 3)
    return f"real word {edits}" if knows(bare_ocr) else f"non-word {edits}"


def kind_of_stretch(ocr: list[str], gold: list[str]) -> str:
    a, b = " ".join(ocr), " ".join(gold)
    if len(a) + len(b) > UNALIGNED_CHARS:
        return "unaligned stretch"
    if not b:
        return "ocr only"
    if not a:
        return "gold only"
    if a.replace(" ", "") == b.replace(" ", ""):
        return "spaces only"
    return "split or join + misread"


def audit(pairs: list[ocr_pairs.Pair]) -> tuple[Counter[str], Counter[str], dict[str, list[tuple[str, str]]]]:
    """Per kind: the stretches met, their characters' edit distance, and examples."""
    knows = default_lexicon().knows
    stretches: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    examples: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pair in pairs:
        ocr, gold = pair.ocr.split(), pair.gold.split()
        matcher = difflib.SequenceMatcher(None, ocr, gold, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and i2 - i1 == j2 - j1:
                items = [(kind_of_word(a, b, knows), a, b) for a, b in zip(ocr[i1:i2], gold[j1:j2]) if a != b]
            else:
                items = [(kind_of_stretch(ocr[i1:i2], gold[j1:j2]), " ".join(ocr[i1:i2]), " ".join(gold[j1:j2]))]
            for kind, a, b in items:
                stretches[kind] += 1
                chars[kind] += distance(a, b)
                if len(examples[kind]) < 6:
                    examples[kind].append((a[:40], b[:40]))
    return stretches, chars, examples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--collection", choices=("icdar2017", "bln600"), default="icdar2017")
    parser.add_argument("--part", choices=("train", "dev", "test", "tuning"), default="tuning",
                        help="tuning (default): train and dev; test only to read, never to tune on")
    args = parser.parse_args(argv)
    documents = ocr_pairs.icdar2017() if args.collection == "icdar2017" else ocr_pairs.bln600()
    parts = ("train", "dev") if args.part == "tuning" else (args.part,)
    pairs = [p for p in documents if p.part in parts]
    stretches, chars, examples = audit(pairs)
    total = sum(chars.values()) or 1
    print(f"{args.collection} {args.part}: {len(pairs)} documents, {total:,} character edits")
    print(f"| {'kind':24} | stretches | char edits | share  | examples (ocr -> gold) |")
    print(f"|{'-' * 26}|-----------|------------|--------|------------------------|")
    for kind, n in chars.most_common():
        shown = "; ".join(f"{a!r} -> {b!r}" for a, b in examples[kind][:3])
        print(f"| {kind:24} | {stretches[kind]:9,} | {n:10,} | {100 * n / total:5.1f}% | {shown} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
