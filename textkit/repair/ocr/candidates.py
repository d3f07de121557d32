"""Candidate readings of a word the OCR stage suspects (the search, apart from the judge).

Two sources: the OCR confusion model (:mod:`textkit.repair.confusions`:
``rn`` read as ``m``, ``l`` as ``I`` …), filtered to readings the lexicon or
the document knows; and, for a rare word, the one-confusion readings of far
commoner words (``lias`` → ``has``). The judge (:mod:`.judge`) decides among them.
"""

from __future__ import annotations

import functools

from ...lexicon import Lexicon, frequencies
from ..confusions import MIN_COST, Confusion, Variant, derivations
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
            # A Variant made only for the few readings kept (a word has dozens).
            found = tuple(Variant(text, cost, steps) for (text, cost, steps), k
                          in zip(_derivations(word), known) if k or count(text))
            self._found[word] = found
        return found


@functools.lru_cache(maxsize=100_000)
def _derivations(word: str) -> tuple[tuple[str, float, tuple[Confusion, ...]], ...]:
    """Every reading of ``word`` the confusion model allows (cached per process: the
    same non-words recur across a volume's passes and blocks, and in other volumes)."""
    return tuple(derivations(word))


@functools.lru_cache(maxsize=100_000)
def known_variants(word: str, lex: Lexicon) -> tuple[bool, ...]:
    """For each of :func:`_derivations`, whether ``lex`` knows it (a lexicon is built
    once per set of user words, so it is a fair cache key)."""
    knows = lex.knows
    return tuple(knows(text) for text, _, _ in _derivations(word))


@functools.lru_cache(maxsize=100_000)
def variant_forms(word: str) -> frozenset[str]:
    """The case-folded texts of :func:`_derivations` and :func:`common_variants` of ``word``
    (the forms whose document counts its verdict may weigh; cached per process).

    >>> sorted(variant_forms("lias"))
    ['has', 'iias', 'ilas', 'llas']
    """
    # The one-confusion readings are among the walk's (its first level is the same walk),
    # so common_variants adds no text to them.
    return frozenset([text.lower() for text, _, _ in _derivations(word)])


def names_in_reach(word: str, vocabulary: Vocabulary, max_cost: float) -> bool:
    """Does the document spell a name or acronym (a form with a capital, not ``word``)
    that a chain of confusions costing at most ``max_cost`` turns ``word`` into?

    Exactly the forms :func:`~textkit.repair.confusions.explain` accepts: its
    alignment undoes non-overlapping confusions, as the variant walk does. So when
    none is in reach, no look-alike the edit-distance search could find would pass
    it, and the search is not made (it found one in reach for 8 of 2,704 words on
    the test split of the real OCR pairs).

    >>> names_in_reach("LAEA", Vocabulary(["IAEA", "LAEA"]), 3.6)
    True
    >>> names_in_reach("LAEA", Vocabulary(["NATO", "LAEA"]), 3.6)
    False
    """
    count = vocabulary.count
    return any(count(text) and not text.islower() for text in _reach(word, max_cost))


@functools.lru_cache(maxsize=20_000)
def _reach(word: str, max_cost: float) -> tuple[str, ...]:
    """Every text a chain of confusions costing at most ``max_cost`` makes of ``word``
    (every confusion costs at least :data:`~textkit.repair.confusions.MIN_COST`)."""
    return tuple(text for text, _, _ in derivations(word, int(max_cost // MIN_COST), max_cost))


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
    return tuple(Variant(text, cost, steps) for text, cost, steps in derivations(word, max_steps=1)
                 if not any(step.weak for step in steps) and counts.get(text.lower(), 0) >= needed)


@functools.cache
def _most_frequent() -> int:
    return max(frequencies().values())
