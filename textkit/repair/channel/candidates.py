"""Candidate readings of a scanned word: what the page may have printed.

A pure search, no judgement: :func:`readings` applies the learned confusions
of :class:`~textkit.repair.channel.model.ChannelModel` (one or two of them,
multi-character ones included: ``rn``/``m``, ``li``/``h``, ``iu``/``in``) and
any single unseen substitution to a scanned word, keeps the strings the
lexicon knows, and prices each by its cheapest derivation (its channel cost,
``-ln P(seen | printed)``). :func:`splits` proposes two words for one
(``ofher`` -> ``of her``).

No index is built: a word of eight letters has a few thousand derivations,
each a dictionary lookup, and only words the lexicon does not know are
searched (the judge caches the result per word form).
"""

from __future__ import annotations

import functools
import heapq
import importlib.resources
import string
from collections.abc import Callable, Iterator

from ...lexicon import frequencies
from .model import ChannelModel

BUDGET = 14.0
"""Dearest channel cost considered (nats): about two ordinary confusions."""

SECOND_STEP = 6.0
"""A derivation takes a second learned confusion only if both cost at most this."""

SECOND_FROM = 0
"""... and only from the cheapest this many one-step strings (keeps the search
to a few thousand lookups a word)."""

LETTERS = string.ascii_lowercase
UNSEEN_FROM = 4
"""Words at least this long also get candidates by an unseen substitution."""
INF = float("inf")
Reach = Callable[[str], int] | None
"""How far into a string known words reach (:func:`~textkit.lexicon.prefix_reach`), or none."""


def readings(word: str, known: Callable[[str], bool], model: ChannelModel,
             budget: float = BUDGET) -> dict[str, float]:
    """Known words ``word`` may be a misreading of, each with its channel cost.

    ``word`` is in lower case (the model's rules are case-folded) and so are
    the readings.

    >>> from textkit.lexicon import default_lexicon
    >>> found = readings("tbe", default_lexicon().knows, ChannelModel.load())
    >>> round(found["the"], 1)
    4.3
    """
    return merged(search(word, known, model, budget), word)


def merged(found: tuple[dict[str, float], dict[str, float]], word: str) -> dict[str, float]:
    """:func:`readings` from :func:`search`'s two parts (``word`` itself left out)."""
    learned, unseen = found
    out = {**learned, **unseen}
    out.pop(word, None)
    return out


def search(word: str, known: Callable[[str], bool], model: ChannelModel,
           budget: float = BUDGET, reach: Reach = None) -> tuple[dict[str, float], dict[str, float]]:
    """:func:`readings` in two parts: those by learned confusions, and those (none of the
    first) by an unseen substitution (``word`` itself may be among the first).

    ``reach`` (:func:`~textkit.lexicon.prefix_reach` of the words ``known`` knows) spares
    the strings no known word can be: an edit is tried only where the letters before it
    begin a known word. The readings are the same, found in the same order."""
    learned: dict[str, float] = {}
    last = reach(word) if reach else len(word)
    first = one_step(word, model, budget, last=last)
    get = learned.get
    for text, cost in first.items():
        if known(text) and cost < get(text, INF):
            learned[text] = cost
    if SECOND_FROM:
        cheapest = heapq.nsmallest(SECOND_FROM, ((cost, text) for text, cost in first.items()
                                                 if cost <= SECOND_STEP))
        for cost, text in cheapest:
            for second, extra in one_step(text, model, min(budget - cost, SECOND_STEP)).items():
                total = cost + extra
                if total < get(second, INF) and second != word and known(second):
                    learned[second] = total
    if model.second_step and len(word) >= OWN_SECOND_FROM and not learned:
        own_second_step(word, known, model, learned, budget, reach)
    # Any one letter for another, at the price of an edit never seen: only in
    # words long enough that a chance hit is rare (a short word has dozens).
    unseen: dict[str, float] = {}
    for i, seen in enumerate(word[:last + 1] if len(word) >= UNSEEN_FROM else ""):
        head, tail = word[:i], word[i + 1:]
        for letter in LETTERS:
            if letter == seen:
                continue
            text = head + letter + tail
            if text not in learned and known(text):
                cost = model.unseen_cost(letter)
                if cost <= budget:
                    unseen[text] = cost
    return learned, unseen


def adapted_search(word: str, known: Callable[[str], bool], model: ChannelModel,
                   origin: tuple[dict[str, float], dict[str, float]],
                   budget: float = BUDGET, reach: Reach = None
                   ) -> tuple[dict[str, float], dict[str, float]]:
    """:func:`search` under an adapted ``model`` (:meth:`~.model.ChannelModel.adapted`),
    from ``origin``, the search of the same word under the model it was adapted from.

    An adapted model's rules are its origin's but at its cues, where each has every
    option its origin's has, at most as dear: a one-step reading is the origin's or
    one a cue's rule makes at one of the cue's places, whichever is cheaper. So only
    the cues are applied; a reading by an unseen substitution stays one unless a
    learned rule now reaches it (the search prices it by that rule, as it would).
    (:data:`SECOND_FROM` is 0: no second step to redo; the second step through the
    scan's own confusions, :func:`own_second_step`, is made here as in :func:`search`;
    ``reach`` as there.)

    >>> from textkit.lexicon import default_lexicon
    >>> base, known = ChannelModel.load(), default_lexicon().words.__contains__
    >>> adapted = base.adapted({("tn", "m"): 3}, {"m": 300})
    >>> search("governtnent", known, adapted) == adapted_search(
    ...     "governtnent", known, adapted, search("governtnent", known, base))
    True
    """
    assert not SECOND_FROM, "a second step would have to be redone from the cheaper first ones"
    learned, unseen = dict(origin[0]), origin[1]
    get, rules = learned.get, model.rules
    last = reach(word) if reach else len(word)
    for cue in model.cues:
        at = word.find(cue, 0, last + len(cue))
        while at >= 0:
            head, tail = word[:at], word[at + len(cue):]
            for printed, cost in rules.get(cue, ()):
                if cost > budget:
                    break
                text = head + printed + tail
                if cost < get(text, INF) and known(text):
                    learned[text] = cost
            at = word.find(cue, at + 1, last + len(cue))
    if model.second_step and len(word) >= OWN_SECOND_FROM and not learned:
        own_second_step(word, known, model, learned, budget, reach)
    return learned, {text: cost for text, cost in unseen.items() if text not in learned}


OWN_SECOND_FROM = 7
"""Words at least this long may take two confusions where one of them is the scan's own
(:func:`own_second_step`)."""


def own_second_step(word: str, known: Callable[[str], bool], model: ChannelModel,
                    learned: dict[str, float], budget: float = BUDGET, reach: Reach = None) -> None:
    """Add to ``learned`` the known words two confusions make of ``word`` where one of them
    is the scan's own (an adapted model's :attr:`~.model.ChannelModel.own`: its sure
    corrections', and the documented ones of the program that read it), at their summed cost
    (``reach`` as in :func:`search`: the second edit only where the letters before it begin
    a known word).

    Two misreadings in one word (``conchision``: ``h`` for ``li``, ``i`` for ``u``) are out of
    one step's reach, and a general second step multiplies the search (thousands of strings
    a word) and, from every learned rule, finds chance words; from the few confusions this
    scan is known to make, in a word long enough that a chance hit is rare and that no one
    step reads as a word, it is a few one-step searches a word (no letter restored in the
    second: those multiply it). Only in a scan whose program's confusions are known
    (:attr:`~.model.ChannelModel.second_step`: Tesseract's plain text): on the ocr-pairs (other
    engines, their own confusions from their sure corrections) it changed no correction of
    the test split and took a tenth of the two OCR stages' time.

    >>> from textkit.lexicon import default_lexicon
    >>> known = default_lexicon().words.__contains__
    >>> adapted = ChannelModel.load().adapted({("h", "li"): 3}, {"li": 100}, second_step=True)
    >>> found: dict[str, float] = {}
    >>> own_second_step("conchision", known, adapted, found)
    >>> round(found["conclusion"], 1), "conclusion" in search("conchision", known, adapted.adapted_from)[0]
    (12.7, False)
    """
    get = learned.get
    for _, first, text in _own_first_steps(word, model, budget):
        last = reach(text) if reach else len(text)
        for second, extra in one_step(text, model, budget - first, insertions=False, last=last).items():
            total = first + extra
            if total < get(second, INF) and second != word and known(second):
                learned[second] = total


def _own_first_steps(word: str, model: ChannelModel, budget: float = INF
                     ) -> Iterator[tuple[tuple[str, str], float, str]]:
    """Each reading of ``word`` by one of the scan's own confusions (:attr:`~.model.ChannelModel.own`)
    at one of its places, cheaper than ``budget``: ``((seen, printed), its cost, the text)``."""
    for pair, first in model.own.items():
        seen, printed = pair
        if not seen or first >= budget:
            continue
        at = word.find(seen)
        while at >= 0:
            yield pair, first, word[:at] + printed + word[at + len(seen):]
            at = word.find(seen, at + 1)


def own_second_pair(word: str, reading: str, cost: float, model: ChannelModel
                    ) -> tuple[str, str] | None:
    """The scan's own confusion through which :func:`own_second_step` reads ``word`` as
    ``reading`` at ``cost`` (None: one rule reads it so, or none of the own ones does); for
    the evidence of the winner alone.

    >>> adapted = ChannelModel.load().adapted({("h", "li"): 3}, {"li": 100}, second_step=True)
    >>> own_second_pair("conchision", "conclusion", 12.66, adapted)
    ('h', 'li')
    """
    if not model.second_step or len(word) < OWN_SECOND_FROM or reading in one_step(
            word, model, cost + 1e-9):
        return None
    for pair, first, text in _own_first_steps(word, model):
        if first + one_step(text, model, cost - first + 1e-9, insertions=False).get(reading, INF) <= cost + 1e-9:
            return pair
    return None


RIVAL_COST = 6.0
"""A real word is suspected only through a likely confusion (P >= 1 in 400)."""

RIVAL_RATIO = 2
"""... of a word at least this many times as common."""


RIVALS_FILE = "channel-rivals.txt"
"""The rivals of the commonest words, precomputed (``benchmarks/build_channel_rivals.py``):
most words a text holds are among them, and searching each in a new process cost a
tenth of a second on the sample volume."""


@functools.cache
def _shipped_rivals() -> tuple[int, dict[str, tuple[tuple[str, float], ...]]]:
    """``(floor, table)``: every word at least ``floor`` common that has rivals, with them."""
    data = importlib.resources.files("textkit") / "data" / RIVALS_FILE
    lines = data.read_text(encoding="utf-8").splitlines()
    floor = int(lines[0].split("\t")[1])
    table: dict[str, tuple[tuple[str, float], ...]] = {}
    for line in lines[1:]:
        word, *pairs = line.split("\t")
        table[word] = tuple((c, float(cost)) for c, cost in (pair.split(" ") for pair in pairs))
    return floor, table


@functools.lru_cache(maxsize=200_000)
def rivals(word: str) -> tuple[tuple[str, float], ...]:
    """Commoner English words that one likely confusion turns into ``word`` (lower case).

    The commonest words are looked up in the shipped table; others searched
    (:func:`search_rivals`).

    >>> dict(rivals("modem"))["modern"] < 6
    True
    >>> rivals("the")
    ()
    """
    floor, table = _shipped_rivals()
    if frequencies().get(word, 0) >= floor:
        return table.get(word, ())
    return search_rivals(word)


def search_rivals(word: str) -> tuple[tuple[str, float], ...]:
    """Commoner English words that one likely confusion turns into ``word`` (lower case).

    For real-word errors (``modem`` for ``modern``, ``aud`` for ``and``); the
    judge weighs them in context.

    >>> dict(search_rivals("modem"))["modern"] < 6
    True
    """
    counts = frequencies()
    own = counts.get(word, 0)
    needed = max(1, RIVAL_RATIO * own)
    if needed > _most_common():
        return ()  # no word is common enough to be its rival ("the", "and"): skip the search
    # A dropped letter (seen "") is left out: "sanction" for "sanctions" is
    # grammar, not a glyph the scanner misread.
    found = one_step(word, ChannelModel.load(), RIVAL_COST, insertions=False)
    return tuple(sorted(((c, cost) for c, cost in found.items()
                         if counts.get(c, needed - 1) >= needed and c != word
                         and not _one_more(word, c)),
                        key=lambda cc: (cc[1], cc[0])))


@functools.cache
def _most_common() -> int:
    return max(frequencies().values())


def _one_more(word: str, other: str) -> bool:
    """``other`` is ``word`` with one letter added (``auspice``/``auspices``)."""
    return len(other) == len(word) + 1 and any(other[:i] + other[i + 1:] == word
                                               for i in range(len(other)))


def one_step(word: str, model: ChannelModel, budget: float,
              insertions: bool = True, start: int = 0, stop: int | None = None,
              last: int | None = None) -> dict[str, float]:
    """Every text one rule of ``model`` within ``budget`` makes of ``word``, at its
    cheapest; only rules that read the letters of ``word[start:stop]`` (the whole word
    by default), and (``last``) that begin at most there."""
    out: dict[str, float] = {}
    get = out.get
    rules = model.rules
    n = len(word) if stop is None else stop
    shortest = 0 if insertions else 1
    for i in range(start, (n if last is None else min(n, last)) + 1):
        for length in range(shortest, min(model.longest, n - i) + 1):
            options = rules.get(word[i:i + length])
            if not options:
                continue
            head, tail = word[:i], word[i + length:]
            for printed, cost in options:
                if cost > budget:
                    break
                text = head + printed + tail
                if cost < get(text, INF):
                    out[text] = cost
    return out


def splits(word: str, known: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Ways to read ``word`` as two known words that lost the space between them.

    A one-letter part must be ``a``, ``A`` or ``I``.

    >>> from textkit.lexicon import default_lexicon
    >>> ("of", "her") in splits("ofher", default_lexicon().knows)
    True
    """
    out = []
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if len(left) == 1 and left not in "aAI" or len(right) == 1 and right not in "aAI":
            continue
        if right[:1].isupper() and not left.isupper() and not right.isupper():
            continue  # "ofSir" is two words, but the corrector leaves names alone
        if known(left) and known(right):
            out.append((left, right))
    return out
