"""The OCR confusion model: which glyph sequences a scanner reads as which.

An OCR engine does not make typing errors. It reads ``rn`` as ``m``, ``cl``
as ``d``, a capital ``I`` as ``l`` or ``1``, ``e`` as ``c``. This module
holds those confusions as a table of :class:`Confusion` (what the scan shows,
what was printed, a cost, and the :class:`~textkit.model.Rule` that names
it), and two ways to use it:

* :func:`variants` turns a scanned word into the words it could have been
  printed as, cheapest first (a generator, no dictionary needed);
* :func:`explain` aligns a scanned word with a proposed reading and says
  which confusions turn one into the other, or ``None`` when no chain of
  confusions does (a candidate found by plain edit distance must pass it).

Costs are in "confusions": 1.0 for the classic, frequent ones, more for the
rarer ones. A ``weak`` confusion (``L`` for ``I`` in an acronym) is only
trusted when the document itself attests the corrected form.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Rule


@dataclass(frozen=True, slots=True)
class Confusion:
    """The scan shows ``seen`` where the page printed ``printed``."""

    seen: str
    printed: str
    cost: float
    rule: Rule
    weak: bool = False
    """Trusted only when the corrected form is attested in the document."""

    def __str__(self) -> str:
        return f"{self.printed}→{self.seen}"


def _pairs() -> list[Confusion]:
    rn, il, other = Rule.OCR_RN_M, Rule.OCR_I_L, Rule.OCR_CONFUSION
    table = [
        # Merged or split strokes.
        Confusion("m", "rn", 1.0, rn),
        Confusion("rn", "m", 1.0, rn),
        Confusion("m", "in", 1.6, other),
        Confusion("m", "ni", 1.8, other),
        Confusion("m", "nn", 1.8, other),
        Confusion("ri", "n", 1.6, other),
        Confusion("n", "ri", 1.8, other),
        Confusion("d", "cl", 1.0, other),
        Confusion("cl", "d", 1.0, other),
        Confusion("h", "li", 1.2, other),
        Confusion("li", "h", 1.2, other),
        Confusion("h", "b", 1.5, other),
        Confusion("b", "h", 1.5, other),
        Confusion("vv", "w", 1.0, other),
        Confusion("u", "ii", 1.2, other),
        Confusion("ii", "u", 1.2, other),
        Confusion("n", "ii", 1.2, other),
        Confusion("ii", "n", 1.2, other),
        # Vertical strokes: capital I, small l, one, small i.
        Confusion("l", "I", 1.0, il),
        Confusion("1", "I", 1.0, il),
        Confusion("L", "I", 2.0, il, weak=True),
        Confusion("I", "l", 1.0, other),
        Confusion("1", "l", 1.0, other),
        Confusion("l", "i", 1.2, other),
        Confusion("i", "l", 1.2, other),
        Confusion("t", "f", 1.6, other),
        Confusion("f", "t", 1.6, other),
        # Round letters.
        Confusion("0", "O", 1.0, other),
        Confusion("0", "o", 1.0, other),
        Confusion("O", "0", 1.0, other),
        Confusion("o", "0", 1.2, other),
        Confusion("c", "e", 1.0, other),
        Confusion("e", "c", 1.0, other),
        Confusion("o", "c", 1.6, other),
        Confusion("c", "o", 1.6, other),
        Confusion("5", "S", 1.4, other),
        Confusion("S", "5", 1.4, other),
    ]
    # Upper-case forms of the letter pairs: "CL" for "D" in a heading set in capitals.
    upper = [Confusion(c.seen.upper(), c.printed.upper(), c.cost + 0.2, c.rule, c.weak)
             for c in table if c.seen.islower() and c.printed.islower()]
    known = {(c.seen, c.printed) for c in table}
    return table + [c for c in upper if (c.seen, c.printed) not in known]


CONFUSIONS: tuple[Confusion, ...] = tuple(_pairs())
"""Every confusion textkit knows, in the direction scan → print."""

MAX_COST = 2.6
"""The most a correction may cost: two classic confusions, or one rare one."""

MIN_COST = min(c.cost for c in CONFUSIONS)
"""The cheapest confusion: a chain costing at most ``c`` has at most ``c // MIN_COST`` steps."""


@functools.cache
def confusion_index() -> dict[str, tuple[Confusion, ...]]:
    """The confusions by the first character of what the scan shows, in table order."""
    index: dict[str, list[Confusion]] = {}
    for confusion in CONFUSIONS:
        index.setdefault(confusion.seen[0], []).append(confusion)
    return {k: tuple(v) for k, v in index.items()}


@functools.cache
def _by_first_letter() -> dict[str, tuple[tuple[Confusion, ...], bool]]:
    """:func:`confusion_index` with, for each letter, whether some of its confusions' scanned
    forms are longer than the letter (those need a look at the letters after it)."""
    return {letter: (options, any(len(c.seen) > 1 for c in options))
            for letter, options in confusion_index().items()}


@dataclass(frozen=True, slots=True)
class Variant:
    """A reading of a scanned word and the confusions that lead to it."""

    text: str
    cost: float
    steps: tuple[Confusion, ...]

    @property
    def weak(self) -> bool:
        return any(step.weak for step in self.steps)

    @property
    def rule(self) -> Rule:
        """The rule naming the change: the one confusion class used, else the generic one."""
        rules = {step.rule for step in self.steps}
        return rules.pop() if len(rules) == 1 else Rule.OCR_CONFUSION

    def describe(self) -> str:
        return ", ".join(f"{s.printed!r} read as {s.seen!r}" for s in self.steps)


def variants(word: str, *, max_steps: int = 2, max_cost: float = MAX_COST) -> Iterator[Variant]:
    """The readings ``word`` could have had before the OCR confused it.

    Each variant undoes up to ``max_steps`` non-overlapping confusions. The
    word itself is not yielded. Order is by position, not cost.

    >>> sorted(v.text for v in variants("wam"))
    ['wain', 'wani', 'wann', 'warn']
    >>> [(v.text, v.rule.value) for v in variants("unfaimess") if v.text == "unfairness"]
    [('unfairness', 'rn-m')]
    >>> [v.text for v in variants("ln") if v.rule.value == "I-l"]
    ['In']
    """
    return (Variant(text, cost, steps) for text, cost, steps in derivations(word, max_steps, max_cost))


def derivations(word: str, max_steps: int = 2,
             max_cost: float = MAX_COST) -> list[tuple[str, float, tuple[Confusion, ...]]]:
    """:func:`variants` as ``(text, cost, steps)``, in the same order (no :class:`Variant`
    made: a caller that keeps few of them makes only those).

    The walk: at each position, each confusion whose scanned form is there is undone,
    and the walk goes on after its replacement (so that steps never overlap); a text
    reached twice keeps its first derivation.

    >>> [(text, cost) for text, cost, _ in derivations("ln", max_steps=1)][:2]
    [('In', 1.0), ('in', 1.2)]
    """
    # What follows a step is the word's own tail, so the confusions that apply at each
    # of its positions are found once, in the word: at[p] are those at places[p] (a
    # one-letter scanned form applies wherever its letter is, no test made; the table's
    # own tuple then).
    by_first = _by_first_letter()
    places: list[int] = []
    at: list[tuple[Confusion, ...] | list[Confusion]] = []
    for k, letter in enumerate(word):
        options = by_first.get(letter)
        if options is None:
            continue
        here, longer = options
        if longer:
            here = [c for c in here if len(c.seen) == 1 or word.startswith(c.seen, k)]
            if not here:
                continue
        places.append(k)
        at.append(here)
    seen: set[str] = set()
    out: list[tuple[str, float, tuple[Confusion, ...]]] = []
    add, found = seen.add, out.append

    def walk(first: int, head: str, start: int, cost: float, steps: tuple[Confusion, ...]) -> None:
        # ``head`` is the text made of word[:start], steps undone; ``first`` the first place
        # at or after ``start``.
        deeper = len(steps) + 1 < max_steps
        for p in range(first, len(places)):
            k = places[p]
            before = None  # head + word[start:k], made when a step here is affordable
            for confusion in at[p]:
                total = cost + confusion.cost
                if total > max_cost:
                    continue
                if before is None:
                    before = head + word[start:k]
                end = k + len(confusion.seen)
                done = before + confusion.printed
                new = done + word[end:]
                taken = (*steps, confusion)
                if new != word and new not in seen:
                    add(new)
                    found((new, total, taken))
                # (no step is cheaper than MIN_COST: past max_cost - MIN_COST, none is taken)
                if deeper and total + MIN_COST <= max_cost:
                    walk(bisect_left(places, end, p), done, end, total, taken)

    if max_steps > 0:
        walk(0, "", 0, 0.0, ())
    return out


def explain(seen: str, printed: str, *, max_cost: float = MAX_COST) -> Variant | None:
    """The cheapest chain of confusions that turns ``printed`` into ``seen``, if any.

    Used to vet candidates found by edit distance: only a difference that
    the OCR model explains counts as a misreading.

    >>> explain("LAEA", "IAEA").describe()
    "'I' read as 'L'"
    >>> explain("Tianenmen", "Tiananmen") is None   # a/e is no OCR confusion
    True
    """
    n, m = len(seen), len(printed)
    inf = float("inf")
    best: list[list[tuple[float, tuple[Confusion, ...]]]] = [[(inf, ())] * (m + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, ())
    for i in range(n + 1):
        for j in range(m + 1):
            cost, steps = best[i][j]
            if cost == inf:
                continue
            if i < n and j < m and seen[i] == printed[j] and cost < best[i + 1][j + 1][0]:
                best[i + 1][j + 1] = (cost, steps)
            if i == n:
                continue
            for confusion in confusion_index().get(seen[i], ()):
                a, b = len(confusion.seen), len(confusion.printed)
                if (seen.startswith(confusion.seen, i) and printed.startswith(confusion.printed, j)
                        and cost + confusion.cost < best[i + a][j + b][0]):
                    best[i + a][j + b] = (cost + confusion.cost, (*steps, confusion))
    cost, steps = best[n][m]
    if cost > max_cost or not steps:
        return None
    return Variant(printed, cost, steps)
