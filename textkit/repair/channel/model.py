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

import dataclasses
import difflib
import functools
import importlib.resources
import json
import math
import re
from dataclasses import dataclass
from types import MappingProxyType
from collections import Counter
from collections.abc import Iterable, Mapping

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
    own: Mapping[tuple[str, str], float] = dataclasses.field(default_factory=dict)
    """``(seen, printed)`` -> cost: the confusions of one document's sure corrections at
    their rate there (:meth:`adapted`; none in the shipped model)."""
    cues: tuple[str, ...] = ()
    """The scanned strings whose rules :meth:`adapted` made cheaper: only a word with one
    of them may read otherwise than with the model adapted from."""
    adapted_from: ChannelModel | None = None
    """The model :meth:`adapted` made this one from (``None``: the shipped one)."""
    second_step: bool = False
    """Words of seven letters or more take a second confusion through one of :attr:`own`
    (:func:`~.candidates.own_second_step`): a scan whose program's confusions are known
    (Tesseract's, :meth:`adapted` ``second_step=True``)."""

    def reading(self, word: str) -> ChannelModel:
        """The model whose search reads ``word`` (lower case) as this one's does: the one
        it was adapted from, where none of :attr:`cues` is in the word (the rules it may
        apply are that model's). A word's readings, cached under that model, then serve
        every document's adapted model.

        >>> model = ChannelModel.load()
        >>> adapted = model.adapted({("tn", "m"): 3}, {"m": 300})
        >>> adapted.reading("ofher") is model, adapted.reading("governtnent") is adapted
        (True, True)
        """
        model = self
        while model.adapted_from is not None and not any(cue in word for cue in model.cues):
            model = model.adapted_from
        return model

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

    def without_long_s(self) -> ChannelModel:
        """The model for a print without the long s: no ``f`` read for a printed ``s``.

        The training scans include 18th-century periodicals, whose long s the OCR read
        as ``f`` (P = 0.66%, the commonest confusion of ``s``); in a print that has no long
        s that rule is no evidence, and it made ``af`` the word ``as`` where the page had
        ``of`` or ``at``. (A print that sets it gets its readings from
        :func:`~.judge.long_s_readings` as well.) One per process.

        >>> model = ChannelModel.load()
        >>> model.cost("f", "s") is not None, model.without_long_s().cost("f", "s")
        (True, None)
        >>> model.without_long_s() is model.without_long_s()
        True
        """
        if not any(printed == "s" for printed, _ in self.rules.get("f", ())):
            return self  # (a document's adapted model, made from one without it: not cached)
        return _without_long_s(self)

    def adapted(self, seen_in_document: Mapping[tuple[str, str], int],
                printed_counts: Mapping[str, int], *, second_step: bool = False) -> ChannelModel:
        """The model for one document, with the confusions its own sure corrections show.

        ``seen_in_document`` counts ``(seen, printed)`` pairs of the document's confident
        corrections (:func:`confusions`); ``printed_counts`` how often each ``printed``
        string occurs in the document. A pair seen at least :data:`ADAPT_MIN` times costs
        at most ``-ln(count / occurrences)`` (its rate in this scan: an engine misreads
        the same glyphs all through a volume; corrections found are a part of the
        misreadings, so the rate is, if anything, low); other rules are as learned.

        >>> model = ChannelModel.load()
        >>> model.cost("tn", "m") > 7
        True
        >>> round(model.adapted({("tn", "m"): 3}, {"m": 300}).cost("tn", "m"), 1)
        4.6
        """
        changed: dict[str, dict[str, float]] = {}
        own: dict[tuple[str, str], float] = {}
        for (seen, printed), n in seen_in_document.items():
            occurrences = printed_counts.get(printed, 0)
            if n < ADAPT_MIN or occurrences < n or not (printed and _word_side(printed)
                                                        and _word_side(seen)):
                continue
            own[seen, printed] = cost = -math.log(n / occurrences)
            options = changed.get(seen) or dict(self.rules.get(seen, ()))
            if cost < options.get(printed, math.inf):
                options[printed] = cost
                changed[seen] = options
        if not own:
            return self
        _broken_m(own, changed, self.rules)
        rules = dict(self.rules)
        rules.update((seen, tuple(sorted(options.items(), key=lambda pc: (pc[1], pc[0]))))
                     for seen, options in changed.items())
        return dataclasses.replace(
            self, rules=MappingProxyType(rules), longest=max(self.longest, *map(len, changed), 0),
            own=MappingProxyType(own), cues=tuple(sorted(changed)), adapted_from=self,
            second_step=second_step)

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
        _doubled_letters(best)
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


ADAPT_MIN = 2
"""A confusion counts for a document once its sure corrections show it this often."""

MAX_CONFUSION = 3
"""The longest stretch of a correction read as one confusion (``tn`` for ``m``)."""


def confusions(pairs: Iterable[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """The ``(seen, printed)`` confusions that turn each scanned word into its correction
    (lower case; aligned by :class:`difflib.SequenceMatcher`, each stretch up to
    :data:`MAX_CONFUSION` characters a side).

    >>> sorted(confusions([("Governtnents", "Governments"), ("bauks", "banks")]).items())
    [(('tn', 'm'), 1), (('u', 'n'), 1)]
    """
    found: Counter[tuple[str, str]] = Counter()
    for original, replacement in pairs:
        a, b = original.lower(), replacement.lower()
        if " " in a or " " in b:
            continue  # a split or a join: no confusion of glyphs
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag != "equal" and i2 - i1 <= MAX_CONFUSION and j2 - j1 <= MAX_CONFUSION:
                found[a[i1:i2], b[j1:j2]] += 1
    return found


DOUBLED = "bcdefglmnoprstz"
"""The letters English writes doubled (``committee``, ``success``, ``dizzy``)."""


def _doubled_letters(best: dict[tuple[str, str], float]) -> None:
    """A doubled letter read as one (``comission``) is one family of misreadings: a letter
    whose rule training lacks (``m``, ``s``: their doubles were explained otherwise, or too
    seldom seen) gets the family's median cost."""
    costs = sorted(cost for (seen, printed), cost in best.items()
                   if len(seen) == 1 and printed == seen * 2)
    if not costs:
        return
    median = costs[len(costs) // 2]
    for letter in DOUBLED:
        best.setdefault((letter, letter * 2), median)


@functools.cache
def _without_long_s(model: ChannelModel) -> ChannelModel:
    rules = dict(model.rules)
    rules["f"] = tuple(pc for pc in rules.get("f", ()) if pc[0] != "s")
    # An adapted model's differs from its origin's without the long s at its cues alone.
    origin = model.adapted_from.without_long_s() if model.adapted_from is not None else None
    return dataclasses.replace(model, rules=MappingProxyType(rules), adapted_from=origin)


NARROW = "ilnrtu"
"""Letters of one or two stems: a degraded ``m`` (three stems) breaks into two of them."""

BROKEN_M_MARGIN = 1.0
"""A broken ``m`` the scan's sure corrections do not show costs this much (nats) more than
the one they show most cheaply."""


def _broken_m(own: Mapping[tuple[str, str], float], changed: dict[str, dict[str, float]],
              rules: Mapping[str, tuple[tuple[str, float], ...]]) -> None:
    """A scan whose sure corrections read ``m`` as two narrow letters (``inet``, ``rn``) breaks
    its ``m`` so all through: every pair of :data:`NARROW` letters may be an ``m`` at the
    cheapest such rate plus :data:`BROKEN_M_MARGIN` (``optimistn``, ``stialler``), where that
    is below the learned cost. Added to ``changed`` (not to ``own``: the bars stay)."""
    seen = [cost for (s, printed), cost in own.items()
            if printed == "m" and len(s) == 2 and all(c in NARROW for c in s)]
    if not seen:
        return
    cost = min(seen) + BROKEN_M_MARGIN
    for a in NARROW:
        for b in NARROW:
            options = changed.get(a + b) or dict(rules.get(a + b, ()))
            if cost < options.get("m", math.inf):
                options["m"] = cost
                changed[a + b] = options


def _word_side(printed: str) -> bool:
    """A rule may print only what words are made of (letters, an apostrophe)."""
    return all(c.isalpha() or c in "'’" for c in printed)


def _folded_counts(counts: Mapping[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for char, n in counts.items():
        out[char.lower()] = out.get(char.lower(), 0) + n
    return out
