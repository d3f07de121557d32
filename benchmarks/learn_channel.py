"""Learn the OCR character-confusion model from real OCR/gold pairs.

Aligns each *train* document of ``../shared/ocr-pairs`` (BLN600 articles,
ICDAR 2017 periodicals; the split is in ``ocr_pairs.py``: ``sha1`` of the
document key, 60% train, 20% dev, 20% test) character by character, and
counts what the OCR showed for what the page printed:

* substitutions of up to 3 characters on either side, with their context
  (Brill and Moore's "edits with context": ``rn``→``m``, ``h``→``li``,
  ``th``→``tb``): each stretch of at most 3 aligned pairs that holds an error
  and no space is one count of ``printed → seen``;
* how often a gold space went missing (``of her`` → ``ofher``) and how often
  the OCR put a space inside a word (``consulting`` → ``con sulting``);
* how often each printed sequence occurs at all (the denominators);
* the share of OCR words the lexicon does not know (how noisy these scans
  are: the corrector scales its channel to each document's own share).

Writes ``textkit/data/ocr-channel.json``: counts only (no text of the
collections), rules seen at least ``--min-count`` times. The corrector
(:mod:`textkit.repair.channel`) turns counts into probabilities at load.

Run ``python benchmarks/learn_channel.py`` (about a minute).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ocr_pairs import ROOT, align, pairs  # noqa: E402

sys.path.insert(0, str(ROOT))
from textkit.lexicon import default_lexicon  # noqa: E402
from textkit.repair.channel.judge import count_words, unknown_share  # noqa: E402
from textkit.repair.channel.model import MAX_INSERTION_COST, MAX_RULE_COST  # noqa: E402

OUT = ROOT / "textkit" / "data" / "ocr-channel.json"
MAX_SIDE = 3
"""Longest printed or seen sequence of a rule."""
MAX_ERROR_SHARE = 0.4
"""A differing stretch with more errors than this share of its gold is not learned from."""
MAX_RULES = 5000
"""The most frequent rules are kept (the rest are priced by the fallback for
unseen edits): the file stays under 100 KB."""


def learn(min_count: int = 3, max_rules: int = MAX_RULES) -> dict:
    rules: Counter[tuple[str, str]] = Counter()  # (seen, printed) -> count
    gold_chunks: list[str] = []
    spaces = Counter()
    documents = Counter()
    unknown = words = 0
    for pair in pairs("train"):
        documents[pair.collection] += 1
        u, w = unknown_share(count_words([pair.ocr]), default_lexicon())
        unknown, words = unknown + u, words + w
        for stretch in align(pair.ocr, pair.gold):
            if stretch is None or not _plausible(stretch):
                continue
            gold_chunks.append("".join(g for _, g in stretch))
            _count_stretch(stretch, rules, spaces)
    gold = "\x00".join(gold_chunks)
    printed = {p for _, p in rules}
    occurrences = {p: _occurrences(gold, p) for p in printed if p}
    occurrences[""] = len(gold)
    spaces["gold_spaces"] = gold.count(" ")
    spaces["gold_chars"] = len(gold)
    costs = {(s, p): math.log(occurrences[p] / n) for (s, p), n in rules.items()
             if occurrences.get(p) and _word_side(p)
             and (n >= min_count or n >= 2 and _bare_merge(s, p))}
    # Rules dearer than the corrector ever uses are not worth shipping.
    costs = {(s, p): c for (s, p), c in costs.items()
             if c <= (MAX_INSERTION_COST if not s else MAX_RULE_COST)}
    kept = sorted(((s, p, rules[s, p], occurrences[p]) for (s, p) in costs
                   if not _redundant(s, p, costs)),
                  key=lambda r: (-r[2], r[0], r[1]))[:max_rules]
    return {
        "about": "OCR confusion counts learned by benchmarks/learn_channel.py from the train "
                 "split of BLN600 and ICDAR 2017 English periodicals. Each rule: "
                 "[seen, printed, times printed was seen so, times printed occurs].",
        "documents": dict(documents),
        "min_count": min_count,
        "split": "sha1('<collection>:<document key>') % 10: 0-5 train (these counts), "
                 "6-7 dev (thresholds), 8-9 test (the benchmark)",
        "spaces": dict(spaces),
        "unknown_share": round(unknown / words, 5),
        "identity": _identity(gold),
        "rules": kept,
    }


def _plausible(stretch: list[tuple[str, str]]) -> bool:
    """A stretch that is a misreading of its gold, not text one side lacks.

    OCR of a region the gold leaves out (ICDAR's page furniture), or a gold
    passage the OCR lost, would teach that any letter may appear from nowhere.
    """
    seen = sum(bool(o) for o, _ in stretch)
    printed = sum(bool(g) for _, g in stretch)
    errors = sum(o != g for o, g in stretch)
    return seen > 0 and printed > 0 and errors <= max(2, MAX_ERROR_SHARE * printed)


def _count_stretch(stretch: list[tuple[str, str]], rules: Counter, spaces: Counter) -> None:
    windows: set[tuple[int, int]] = set()
    for k, (o, g) in enumerate(stretch):
        if o == g:
            continue
        if g == " " and o == "":
            spaces["deleted"] += 1
            continue
        if o == " " and g == "":
            spaces["inserted"] += 1
            continue
        if o.isspace() or g.isspace():
            continue
        for a in range(max(0, k - MAX_SIDE + 1), k + 1):
            for b in range(k + 1, min(len(stretch), a + MAX_SIDE) + 1):
                windows.add((a, b))
    for a, b in windows:
        seen = "".join(o for o, _ in stretch[a:b])
        printed = "".join(g for _, g in stretch[a:b])
        if (seen == printed or len(seen) > MAX_SIDE or len(printed) > MAX_SIDE
                or any(c.isspace() for c in seen + printed)):
            continue
        # Every window around an error counts: "h"->"b" alone and with its
        # context ("th"->"tb", "the"->"tbe"), so that a frequent context
        # makes its own, cheaper rule.
        rules[seen, printed] += 1


def _word_side(printed: str) -> bool:
    """The corrector only proposes words: a rule that prints punctuation is no use to it."""
    return all(c.isalpha() or c in "'’" for c in printed)


def _bare_merge(seen: str, printed: str) -> bool:
    """Glyphs merged or split, without context (``d`` for ``il``, ``m`` for ``rn``):
    the typical OCR confusion, kept even when seen only twice."""
    return bool(seen and printed) and len(seen) != len(printed) and seen[0] != printed[0] \
        and seen[-1] != printed[-1]


def _redundant(seen: str, printed: str, costs: dict[tuple[str, str], float]) -> bool:
    """A rule with context (``ie``->``he``) that is no cheaper than its core
    (``i``->``h``) adds nothing: the search takes the cheapest derivation."""
    s, p = seen, printed
    while s and p and s[0] == p[0]:
        s, p = s[1:], p[1:]
    while s and p and s[-1] == p[-1]:
        s, p = s[:-1], p[:-1]
    if (s, p) == (seen, printed) or (s, p) not in costs:
        return False
    return costs[s, p] <= costs[seen, printed]


def _occurrences(text: str, part: str) -> int:
    count, start = 0, text.find(part)
    while start >= 0:
        count += 1
        start = text.find(part, start + 1)
    return count


def _identity(gold: str) -> dict[str, int]:
    """How often each character occurs in the aligned gold (to price unseen edits)."""
    return dict(Counter(gold).most_common())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-count", type=int, default=3,
                        help="keep rules seen at least this often (default 3; a merge or "
                             "split of glyphs without context: 2)")
    parser.add_argument("--max-rules", type=int, default=MAX_RULES,
                        help=f"keep the most frequent this many (default {MAX_RULES})")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    model = learn(args.min_count, args.max_rules)
    args.out.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n",
                        encoding="utf-8")
    print(f"{len(model['rules'])} rules from {model['documents']} train documents; "
          f"spaces {model['spaces']}; wrote {args.out} ({args.out.stat().st_size:,} bytes) "
          f"in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
