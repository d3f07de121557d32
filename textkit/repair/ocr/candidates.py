"""Candidate readings of a word the OCR stage suspects (the search, apart from the judge).

Two sources: the OCR confusion model (:mod:`textkit.repair.confusions`:
``rn`` read as ``m``, ``l`` as ``I`` …), filtered to readings the lexicon or
the document knows; and, for a rare word, the one-confusion readings of far
commoner words (``lias`` → ``has``). The judge (:mod:`.judge`) decides among them.
"""

from __future__ import annotations

import functools

from ...lexicon import Lexicon, frequencies
from ..confusions import Variant, variants
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
            found = tuple(v for v, k in zip(raw_variants(word), known) if k or count(v.text))
            self._found[word] = found
        return found


@functools.lru_cache(maxsize=100_000)
def raw_variants(word: str) -> tuple[Variant, ...]:
    """Every reading of ``word`` the confusion model allows (cached per process: the
    same non-words recur across a volume's passes and blocks, and in other volumes)."""
    return tuple(variants(word))


@functools.lru_cache(maxsize=100_000)
def known_variants(word: str, lex: Lexicon) -> tuple[bool, ...]:
    """For each of :func:`raw_variants`, whether ``lex`` knows it (a lexicon is built
    once per set of user words, so it is a fair cache key)."""
    return tuple(lex.knows(v.text) for v in raw_variants(word))


@functools.lru_cache(maxsize=200_000)
def common_variants(word: str) -> tuple[Variant, ...]:
    """One-confusion readings of a known ``word`` far more common than it (cached per process).

    >>> [v.text for v in common_variants("lias")]
    ['has']
    >>> common_variants("the")
    ()
    """
    frequency = frequencies().get(word.lower(), 0)
    if frequency * RARE_RATIO > _most_frequent():
        return ()  # nothing is common enough to be misread as this word
    needed = max(COMMON, RARE_RATIO * frequency)
    return tuple(v for v in variants(word, max_steps=1)
                 if not v.weak and frequencies().get(v.text.lower(), 0) >= needed)


@functools.cache
def _most_frequent() -> int:
    return max(frequencies().values())
