"""The learned OCR channel: how likely the scan shows ``seen`` where ``printed`` was.

The counts come from ``data/ocr-channel.json``, written by
``benchmarks/learn_channel.py`` from the train split of real OCR/gold pairs
(BLN600 newspapers, ICDAR 2017 periodicals). Each rule is a printed sequence
of up to three characters and what the OCR showed for it, with its count and
the count of the printed sequence; its cost is ``-ln P(seen | printed)`` in
nats. An edit no rule covers is priced by :meth:`ChannelModel.unseen_cost`.

Loading parses a 50 KB JSON file (a few milliseconds), once per process.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import math
import re
from dataclasses import dataclass
from types import MappingProxyType
from collections.abc import Mapping

MODEL_FILE = "ocr-channel.json"
_SPACE = re.compile(r"\s").search  # what str.isspace calls a space (one search, not a loop)

MAX_RULE_COST = 9.5
"""Rules dearer than this (P < 1 in 13,000) are dropped: no candidate they make
would clear the threshold anyway, and fewer rules make the search faster."""

MAX_INSERTION_COST = 8.0
"""A letter the OCR dropped may be restored anywhere in a word, so those rules
multiply the search: only the likelier ones are kept."""

OPTIONS_PER_SEEN = 4
"""What one seen letter may have printed: the likeliest this many (the search
grows with it, and the tail rarely wins)."""

INSERTIONS = 8
"""Letters the OCR may have dropped: the likeliest this many (each is tried at every position)."""

UNSEEN_COUNT = 0.5
"""An edit never seen in training counts as half an observation of its printed character."""


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one per process
class ChannelModel:
    """Learned confusions, indexed by what the scan shows."""

    rules: Mapping[str, tuple[tuple[str, float], ...]]
    """``seen`` -> ``((printed, cost), ...)`` cheapest first; ``seen`` may be ``""``
    (the OCR dropped ``printed``)."""
    char_counts: Mapping[str, int]
    """How often each (lower-case) character occurs in the training gold."""
    space_deleted: float
    """Cost of a printed space the OCR lost (``of her`` -> ``ofher``)."""
    space_inserted: float
    """Cost of a space the OCR put inside a word (``con sulting``)."""
    longest: int
    unknown_share: float
    """The training scans' share of words the lexicon does not know (their noise)."""

    def unseen_cost(self, printed: str) -> float:
        """The cost of misreading ``printed`` in a way training never showed.

        >>> model = ChannelModel.load()
        >>> model.unseen_cost("e") > model.unseen_cost("q") > 5
        True
        """
        return -math.log(UNSEEN_COUNT / max(1, self.char_counts.get(printed, 1)))

    def cost(self, seen: str, printed: str) -> float | None:
        """The learned cost of one rule, ``None`` when no rule says so.

        >>> round(ChannelModel.load().cost("b", "h"), 1), ChannelModel.load().cost("b", "zz")
        (4.3, None)
        """
        for p, cost in self.rules.get(seen, ()):
            if p == printed:
                return cost
        return None

    @staticmethod
    @functools.cache
    def load() -> ChannelModel:
        """The shipped model (parsed once per process)."""
        data = importlib.resources.files("textkit") / "data" / MODEL_FILE
        raw = json.loads(data.read_text(encoding="utf-8"))
        # Case is folded: the judge restores the scanned word's case on the
        # candidate, and a case-only "confusion" (e/E) is no misreading.
        best: dict[tuple[str, str], float] = {}
        for seen, printed, count, occurrences in raw["rules"]:
            seen, printed = seen.lower(), printed.lower()
            if seen == printed or not _word_side(printed) or _SPACE(seen):
                continue
            cost = -math.log(count / occurrences)
            limit = MAX_INSERTION_COST if not seen else MAX_RULE_COST
            if cost <= limit and cost < best.get((seen, printed), math.inf):
                best[seen, printed] = cost
        rules: dict[str, list[tuple[str, float]]] = {}
        for (seen, printed), cost in best.items():
            rules.setdefault(seen, []).append((printed, cost))
        for seen, options in rules.items():
            options.sort(key=lambda pc: (pc[1], pc[0]))
            # Single-letter substitutions are many and mostly rare; merges and
            # splits of glyphs (d/il, m/rn) are few and the typical OCR error.
            singles = [pc for pc in options if len(pc[0]) == len(seen) == 1]
            drop = {pc for pc in singles[OPTIONS_PER_SEEN:]}
            if not seen:
                drop |= set(options[INSERTIONS:])
            options[:] = [pc for pc in options if pc not in drop]
        spaces = raw["spaces"]
        return ChannelModel(
            rules=MappingProxyType({s: tuple(sorted(r, key=lambda pc: pc[1])) for s, r in rules.items()}),
            char_counts=MappingProxyType(_folded_counts(raw["identity"])),
            space_deleted=-math.log(spaces["deleted"] / spaces["gold_spaces"]),
            space_inserted=-math.log(spaces["inserted"] / spaces["gold_chars"]),
            longest=max(len(s) for s in rules),
            unknown_share=raw["unknown_share"])


def _word_side(printed: str) -> bool:
    """A rule may print only what words are made of (letters, an apostrophe)."""
    return all(c.isalpha() or c in "'’" for c in printed)


def _folded_counts(counts: Mapping[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for char, n in counts.items():
        out[char.lower()] = out.get(char.lower(), 0) + n
    return out
