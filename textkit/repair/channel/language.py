"""How probable a word is in English and beside its neighbours (the language model).

The counts are symspellpy's bundled lists, which :mod:`textkit.lexicon`
already loads for the rest of textkit (MIT licence, shipped in the wheel, no
download): 82,765 word counts and 243,342 word-pair counts, both from Google
Books n-grams. ``wordfreq`` was the other candidate: its counts are
CC BY-SA (a share-alike term for anything derived and shipped) and loading
its large English list takes longer than these, which the pipeline loads
anyway; it would add nothing a one-edit corrector needs.

* :func:`log_unigram` is ``ln P(word)``; a word the lexicon knows without a
  count gets the smallest count in the list;
* :func:`association` is ``ln(1 + PMI ratio)`` of a pair: how much more
  often the two words stand together than by chance. It is 0 for a pair the
  list lacks (it holds only the common pairs), so context only ever speaks
  *for* a reading, never against one.
"""

from __future__ import annotations

import functools
import math

from ...lexicon import bigram_frequencies, frequencies


@functools.cache
def _totals() -> tuple[float, float, int]:
    counts = frequencies()
    return float(sum(counts.values())), float(sum(bigram_frequencies().values())), min(counts.values())


# The judge asks for the same words and pairs over and over (a candidate beside its
# neighbours, once a pass): each answer is kept, per process (bounded).
@functools.lru_cache(maxsize=1 << 16)
def log_unigram(word: str) -> float:
    """``ln P(word)`` for a lower-case word (known or not: unknown ones get the floor).

    >>> log_unigram("the") > log_unigram("modern") > log_unigram("modem")
    True
    """
    total, _, floor = _totals()
    return math.log(frequencies().get(word, floor) / total)


def count(word: str) -> int:
    """The word's English count (0 when not in the list)."""
    return frequencies().get(word, 0)


@functools.lru_cache(maxsize=1 << 17)
def association(first: str, second: str) -> float:
    """``ln(1 + P(first second) / (P(first) P(second)))``, 0 when the pair is not listed.

    >>> association("modern", "world") > 2 > association("modem", "world")
    True
    """
    pair = bigram_frequencies().get(f"{first} {second}")
    if not pair:
        return 0.0
    uni_total, bi_total, floor = _totals()
    counts = frequencies()
    expected = (counts.get(first, floor) / uni_total) * (counts.get(second, floor) / uni_total)
    return math.log1p((pair / bi_total) / expected)
