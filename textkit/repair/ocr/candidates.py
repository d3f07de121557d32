"""Candidate readings of a word the OCR stage suspects (the search, apart from the judge).

Two sources: the OCR confusion model (:mod:`textkit.repair.confusions`:
``rn`` read as ``m``, ``l`` as ``I`` …), filtered to readings the lexicon or
the document knows; and, for a rare word, the one-confusion readings of far
commoner words (``lias`` → ``has``). The judge (:mod:`.judge`) decides among them.
"""

from __future__ import annotations

import functools

from ...lexicon import Lexicon, frequencies
from ..confusions import CONFUSIONS, MIN_COST, Variant, confusion_index, derivations
from ..spelling import Vocabulary

COMMON = 1_000_000
"""A word used at least this often (symspellpy's counts) is common English."""

RARE_RATIO = 10_000
"""A known word is taken for a misreading only of a word this many times more common
(``lias`` for ``has``, not ``polities`` for ``politics``)."""


class WordVariants:
    """The known or attested readings of each word (cached: words recur)."""

    def __init__(self, lex: Lexicon, vocabulary: Vocabulary) -> None:
        self.lex = lex
        self.vocabulary = vocabulary
        self._found: dict[str, tuple[Variant, ...]] = {}

    def __call__(self, word: str) -> tuple[Variant, ...]:
        found = self._found.get(word)
        if found is None:
            known = known_variants(word, self.lex)
            count = self.vocabulary.count
            texts, costs, steps = _derivations(word)
            # A Variant made only for the few readings kept (a word has dozens).
            found = tuple([Variant(texts[i], costs[i], tuple([CONFUSIONS[k] for k in steps[i]]))
                           for i, k in enumerate(known) if k or count(texts[i])])
            self._found[word] = found
        return found


@functools.lru_cache(maxsize=100_000)
def _derivations(word: str) -> tuple[tuple[str, ...], tuple[float, ...], tuple[tuple[int, ...], ...]]:
    """Every reading of ``word`` the confusion model allows: their texts, costs, and steps
    (numbers in :data:`~textkit.repair.confusions.CONFUSIONS`). Cached per process: the
    same non-words recur across a volume's passes and blocks, and in other volumes.

    Held as tuples of strings and numbers only, which the garbage collector stops
    tracking: a cache of tuples holding objects is tens of thousands of objects more that
    each of its full collections walks (with them, half the stage's time on the test split
    of the real OCR pairs went into collections)."""
    found = derivations(word)
    if not found:
        return (), (), ()
    # (unzipped and numbered by C calls: no generator run per reading)
    texts, costs, steps = zip(*found)
    number = _confusion_numbers().__getitem__
    return texts, costs, tuple([tuple(map(number, map(id, taken))) for taken in steps])


@functools.cache
def _confusion_numbers() -> dict[int, int]:
    """Each confusion's place in :data:`~textkit.repair.confusions.CONFUSIONS` (by identity)."""
    return {id(confusion): i for i, confusion in enumerate(CONFUSIONS)}


@functools.lru_cache(maxsize=100_000)
def known_variants(word: str, lex: Lexicon) -> tuple[bool, ...]:
    """For each of :func:`_derivations`, whether ``lex`` knows it (a lexicon is built
    once per set of user words, so it is a fair cache key)."""
    # A word in small letters is known exactly when the word list has it (Lexicon.knows'
    # other tests are for capitals): one set lookup for most of a word's dozens of readings.
    words, knows = lex.words, lex.knows
    return tuple([text in words if text.islower() else knows(text) for text in _derivations(word)[0]])


@functools.lru_cache(maxsize=100_000)
def variant_forms(word: str) -> frozenset[str]:
    """The case-folded texts of :func:`_derivations` and :func:`common_variants` of ``word``
    (the forms whose document counts its verdict may weigh; cached per process).

    >>> sorted(variant_forms("lias"))
    ['has', 'iias', 'ilas', 'llas']
    """
    # The one-confusion readings are among the walk's (its first level is the same walk),
    # so common_variants adds no text to them.
    return frozenset(map(str.lower, _derivations(word)[0]))


def names_in_reach(word: str, vocabulary: Vocabulary, max_cost: float) -> bool:
    """Does the document spell a name or acronym (a form with a capital, not ``word``)
    that a chain of confusions costing at most ``max_cost`` turns ``word`` into?

    Exactly the forms :func:`~textkit.repair.confusions.explain` accepts: its
    alignment undoes non-overlapping confusions, as the variant walk does. So when
    none is in reach, no look-alike the edit-distance search could find would pass
    it, and the search is not made (it found one in reach for 8 of 2,704 words on
    the test split of the real OCR pairs).

    The walk goes left to right and a step leaves the text before it as it is, so
    it is cut as soon as that text begins no name of the document.

    >>> names_in_reach("LAEA", Vocabulary(["IAEA", "LAEA"]), 3.6)
    True
    >>> names_in_reach("LAEA", Vocabulary(["NATO", "LAEA"]), 3.6)
    False
    """
    prefixes = _name_prefixes(vocabulary)
    if not prefixes:
        return False
    index = confusion_index()
    count = vocabulary.count
    most = int(max_cost // MIN_COST)

    def walk(start: int, text: str, cost: float, steps: int) -> bool:
        for i in range(start, len(text)):
            if text[:i] not in prefixes:
                return False  # every text made from here on begins so
            options = index.get(text[i])
            if options is None:
                continue
            for confusion in options:
                total = cost + confusion.cost
                if total > max_cost or not text.startswith(confusion.seen, i):
                    continue
                end = i + len(confusion.printed)
                new = text[:i] + confusion.printed + text[i + len(confusion.seen):]
                if new[:end] not in prefixes:
                    continue
                if new != word and count(new) and not new.islower():
                    return True
                if steps + 1 < most and walk(end, new, total, steps + 1):
                    return True
        return False

    return most > 0 and walk(0, word, 0.0, 0)


def _name_prefixes(vocabulary: Vocabulary) -> frozenset[str]:
    """Every beginning (the empty one too) of the forms ``vocabulary`` writes with a capital."""
    prefixes = vocabulary.searches.get("name prefixes")
    if prefixes is None:
        prefixes = frozenset(form[:k] for form, n in vocabulary.exact.items()
                             if n and not form.islower() for k in range(len(form) + 1))
        vocabulary.searches["name prefixes"] = prefixes
    return prefixes


@functools.lru_cache(maxsize=200_000)
def common_variants(word: str) -> tuple[Variant, ...]:
    """One-confusion readings of a known ``word`` far more common than it (cached per process).

    >>> [v.text for v in common_variants("lias")]
    ['has']
    >>> common_variants("the")
    ()
    """
    counts = frequencies()
    frequency = counts.get(word.lower(), 0)
    if frequency * RARE_RATIO > _most_frequent():
        return ()  # nothing is common enough to be misread as this word
    needed = max(COMMON, RARE_RATIO * frequency)
    get = counts.get
    found = []
    for text, cost, steps in derivations(word, max_steps=1):  # (a loop: no generator per reading)
        for step in steps:
            if step.weak:
                break
        else:
            if get(text.lower(), 0) >= needed:
                found.append(Variant(text, cost, steps))
    return tuple(found)


@functools.cache
def _most_frequent() -> int:
    return max(frequencies().values())
