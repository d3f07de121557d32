"""The English lexicon textkit consults: which words exist, and how common.

Two sources ship with the package, nothing is downloaded:

* ``data/words-en.txt.gz``: the union of SCOWL's large American and British
  word lists (Debian ``wamerican-large`` and ``wbritish-large``; licence in
  ``data/words-en.COPYRIGHT``), so both spellings are words
  (``neighbors``/``neighbours``, ``labor``/``labour``).
* symspellpy's bundled frequency list, for how common a word is.
* ``data/field-terms.txt``: general words of policy writing and Latin tags
  the word lists lack (``hegemon``, ``alia``).

A user lexicon (one word per line, ``#`` comments) adds names and terms a
project wants protected.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

FREQUENCY_FILE = "frequency_dictionary_en_82_765.txt"


ENGLISH_WORDS = "words-en.txt.gz"


@functools.cache
def _word_list(name: str) -> frozenset[str]:
    """The word list ``name`` of the package data (once per process: callers pass the name,
    so that no default argument makes a second cache entry of the same list)."""
    data = importlib.resources.files("textkit") / "data" / name
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as words:
        return frozenset(line.rstrip("\n") for line in words if line.strip())


@functools.cache
def frequencies() -> dict[str, int]:
    """symspellpy's English unigram counts (lower case), loaded once per process."""
    data = importlib.resources.files("symspellpy") / FREQUENCY_FILE
    counts: dict[str, int] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        if count.strip().isdigit():
            counts[word] = int(count)
    return counts


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Known words, case-aware.

    A lower-case entry admits any capitalization (``the``, ``The``, ``THE``);
    an entry with capitals (``Japan``, ``IAEA``) admits that form and its
    all-capitals form only.

    >>> lex = default_lexicon()
    >>> lex.knows("neighbors"), lex.knows("neighbours"), lex.knows("Fundamentally")
    (True, True, True)
    >>> lex.knows("unfaimess")
    False
    """

    words: frozenset[str]

    def knows(self, word: str) -> bool:
        if not word:
            return False
        if word in self.words or word.lower() in self.words:
            return True
        if word.isupper() or word[:1].isupper():
            # "JAPAN" and "Japan" for the entry "Japan".
            return word.capitalize() in self.words or word.title() in self.words
        return False

    def frequency(self, word: str) -> int:
        """How common ``word`` is in English text (0 when unknown)."""
        return frequencies().get(word.lower(), 0)

    def with_words(self, extra: Iterable[str]) -> Lexicon:
        return Lexicon(self.words | frozenset(w for w in extra if w))

    @staticmethod
    def proper_only(word: str) -> bool:
        """The word lists know ``word`` only capitalized (``thai``: only ``Thai``).

        symspellpy's frequency list is all lower case, so :meth:`knows` admits
        names in lower case too; the SCOWL lists keep their capitals.

        >>> Lexicon.proper_only("thai"), Lexicon.proper_only("tie")
        (True, False)
        """
        words = _word_list(ENGLISH_WORDS)
        return word not in words and (word.capitalize() in words or word.upper() in words)


@functools.cache
def field_terms() -> frozenset[str]:
    """General words of policy writing missing from the word lists.

    >>> "hegemon" in field_terms()
    True
    """
    data = importlib.resources.files("textkit") / "data" / "field-terms.txt"
    words = (line.split("#", 1)[0].strip() for line in data.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w)


def default_lexicon(language: str = "en") -> Lexicon:
    """The shipped lexicon of ``language``'s profile (built once per process)."""
    return _shipped_lexicon(language)


@functools.cache
def _shipped_lexicon(language: str) -> Lexicon:
    from .lang import profile

    return Lexicon(_word_list(profile(language).lexicon) | frozenset(frequencies()) | field_terms())


@functools.cache
def lexicon_for(user_words: frozenset[str] = frozenset(), language: str = "en") -> Lexicon:
    """The shipped lexicon plus a project's protected words (built once per set).

    >>> lexicon_for(frozenset({"Nakanishi"})).knows("Nakanishi")
    True
    """
    lexicon = default_lexicon(language)
    return lexicon.with_words(user_words) if user_words else lexicon


def load_user_lexicon(path: str | Path) -> frozenset[str]:
    """Read a user lexicon: one word per line, ``#`` starts a comment.

    Raises :class:`InputError` naming the file when it cannot be read.
    """
    try:
        # utf-8-sig: a byte-order mark (Notepad writes one) is not part of the first word.
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read lexicon: {error}", source=str(path)) from error
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(w for w in words if w)


BIGRAM_FILE = "frequency_bigramdictionary_en_243_342.txt"


@functools.cache
def bigram_frequencies() -> dict[str, int]:
    """symspellpy's English bigram counts (``"in september"`` → count), loaded once."""
    data = importlib.resources.files("symspellpy") / BIGRAM_FILE
    counts: dict[str, int] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) == 3 and parts[2].isdigit():
            counts[f"{parts[0]} {parts[1]}"] = int(parts[2])
    return counts


def bigram_count(first: str, second: str) -> int:
    """How often ``first second`` occurs in English (0 when not among the common
    pairs: symspellpy's list holds only the most common, so a missing pair says
    little and a present one is good evidence).

    >>> bigram_count("In", "addition") > 10**8, bigram_count("ln", "addition")
    (True, 0)
    """
    if not first or not second:
        return 0
    return bigram_frequencies().get(f"{first.lower()} {second.lower()}", 0)
