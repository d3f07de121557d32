"""The English lexicon textkit consults: which words exist, and how common.

Two sources ship with the package, nothing is downloaded:

* ``data/words-en.txt.gz``: the union of SCOWL's large American and British
  word lists (Debian ``wamerican-large`` and ``wbritish-large``; licence in
  ``data/words-en.COPYRIGHT``), so both spellings are words
  (``neighbors``/``neighbours``, ``labor``/``labour``).
* symspellpy's bundled frequency lists, for how common a word and a word
  pair are.
* ``data/field-terms.txt``: general words of policy writing and Latin tags
  the word lists lack (``hegemon``, ``alia``).

A process does not parse those sources (about 1.5 s of Python per line):
it reads the compact tables ``tools/build_lexicon.py`` builds from them
(``data/NAME.keys``, the sorted keys, one per line, split in one call;
``data/NAME.counts``, their counts as an array of 64-bit integers, read
as they are), each once, when first needed: the word pairs only when a
repair asks for one. No pickle.

A user lexicon (one word per line, ``#`` comments) adds names and terms a
project wants protected.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import sys
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from .errors import InputError

FREQUENCY_FILE = "frequency_dictionary_en_82_765.txt"
"""symspellpy's unigram counts, the source of the ``unigrams-en`` table."""


class Counts(Mapping[str, int]):
    """A read-only table of counts by key, bisected in its sorted keys.

    Built from the compact form (:func:`load_counts`); it costs one
    ``str.split`` to load and holds one list and one array (no dict of
    hundreds of thousands of entries to build).

    >>> table = Counts(["a", "b b", "c"], array("Q", [5, 2, 9]))
    >>> table.get("b b"), table.get("x", 0), "c" in table, len(table), max(table.values())
    (2, 0, True, 3, 9)
    """

    __slots__ = ("_keys", "_counts")

    def __init__(self, keys: list[str], counts: array) -> None:  # type: ignore[type-arg]
        if len(keys) != len(counts):
            raise ValueError(f"{len(keys)} keys but {len(counts)} counts")
        self._keys = keys
        self._counts = counts

    def __getitem__(self, key: str) -> int:
        keys = self._keys
        i = bisect_left(keys, key)
        if i < len(keys) and keys[i] == key:
            return self._counts[i]  # type: ignore[no-any-return]
        raise KeyError(key)

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        keys = self._keys
        i = bisect_left(keys, key)
        if i < len(keys) and keys[i] == key:
            return self._counts[i]  # type: ignore[no-any-return]
        return default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def values(self) -> array:  # type: ignore[override, type-arg]
        """The counts, in the order of the keys (an ``array``: ``max`` of it is quick)."""
        return self._counts


_UNASKED = object()

ANSWERS_KEPT = 1 << 17
"""Look-ups a :class:`PackedCounts` remembers (a few MB at most)."""


class PackedCounts(Mapping[str, int]):
    """A read-only table of counts by key, bisected in its keys' bytes as they were read.

    For a large table looked up rarely (the word pairs): loading it costs no
    split at all, a look-up a few microseconds. ``offsets`` holds where each
    key starts in ``keys`` (and, last, where the last one ends plus one).
    UTF-8 sorts as code points do, so the bytes are in the keys' order.

    >>> table = PackedCounts(b"a\\nb b\\nc", array("I", [0, 2, 6, 8]), array("Q", [5, 2, 9]))
    >>> table.get("b b"), table.get("b"), table.get("x", 0), len(table), list(table)
    (2, None, 0, 3, ['a', 'b b', 'c'])
    """

    __slots__ = ("_keys", "_offsets", "_counts", "_answers")

    def __init__(self, keys: bytes, offsets: array, counts: array) -> None:  # type: ignore[type-arg]
        if len(offsets) != len(counts) + 1:
            raise ValueError(f"{len(offsets)} offsets for {len(counts)} counts")
        self._keys, self._offsets, self._counts = keys, offsets, counts
        self._answers: dict[str, int | None] = {}
        """Keys looked up so far and what was found (a text asks for the same pairs again
        and again, and a corrector once a pass): a dict hit, not a bisection in Python."""

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        answers = self._answers
        found = answers.get(key, _UNASKED)
        if found is _UNASKED:
            if len(answers) >= ANSWERS_KEPT:
                answers.clear()  # bounded: a long volume asks for ever new pairs
            found = answers[key] = self._search(key)
        return default if found is None else found  # type: ignore[return-value]

    def _search(self, key: str) -> int | None:
        wanted = key.encode("utf-8")
        keys, offsets = self._keys, self._offsets
        low, high = 0, len(self._counts)
        while low < high:
            middle = (low + high) // 2
            if keys[offsets[middle]:offsets[middle + 1] - 1] < wanted:
                low = middle + 1
            else:
                high = middle
        if low < len(self._counts) and keys[offsets[low]:offsets[low + 1] - 1] == wanted:
            return self._counts[low]  # type: ignore[no-any-return]
        return None

    def __getitem__(self, key: str) -> int:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        keys, offsets = self._keys, self._offsets
        return (keys[offsets[i]:offsets[i + 1] - 1].decode("utf-8") for i in range(len(self)))

    def __len__(self) -> int:
        return len(self._counts)

    def values(self) -> array:  # type: ignore[override, type-arg]
        """The counts, in the order of the keys."""
        return self._counts


def _numbers(name: str, typecode: str) -> array:  # type: ignore[type-arg]
    numbers = array(typecode)
    numbers.frombytes(_data(name))
    if sys.byteorder != "little":
        numbers.byteswap()
    return numbers


def _data(name: str) -> bytes:
    return (importlib.resources.files("textkit") / "data" / name).read_bytes()


def _keys(name: str) -> list[str]:
    data = _data(f"{name}.keys")
    return data.decode("utf-8").split("\n") if data else []


def load_counts(name: str) -> Counts:
    """The compact table ``data/NAME.keys`` + ``data/NAME.counts`` (see ``tools/build_lexicon.py``)."""
    return Counts(_keys(name), _numbers(f"{name}.counts", "Q"))


def load_packed_counts(name: str) -> PackedCounts:
    """The compact table ``data/NAME.keys``, ``.offsets`` and ``.counts``, not split."""
    return PackedCounts(_data(f"{name}.keys") + b"\n", _numbers(f"{name}.offsets", "I"),
                        _numbers(f"{name}.counts", "Q"))


def _compact_name(word_list: str) -> str:
    """The compact table built from a word list of the package data (``words-en.txt.gz``)."""
    return word_list.split(".", 1)[0]


ENGLISH_WORDS = "words-en.txt.gz"


@functools.cache
def _word_list(name: str) -> frozenset[str]:
    """A word list of the package data: its compact table when there is one (once per
    process: callers pass the name, so that no default argument makes a second cache
    entry of the same list)."""
    return frozenset(_sorted_words(name))


@functools.cache
def _sorted_words(name: str) -> list[str]:
    """The words of a word list of the package data, sorted: its compact table as it is
    read (one split), or the list itself when it has none."""
    try:
        return _keys(_compact_name(name))
    except FileNotFoundError:  # a word list without a compact table: read it as it is
        data = importlib.resources.files("textkit") / "data" / name
        with data.open("rb") as raw:
            text = gzip.decompress(raw.read()).decode("utf-8") if name.endswith(".gz") \
                else raw.read().decode("utf-8")
        return sorted({word for word in text.splitlines() if word.strip()})


def _listed(words: list[str], word: str) -> bool:
    """``word`` is in the sorted list ``words`` (bisected: no set to build for a few look-ups)."""
    i = bisect_left(words, word)
    return i < len(words) and words[i] == word


@functools.cache
def frequencies() -> Counts:
    """symspellpy's English unigram counts (lower case), loaded once per process."""
    return load_counts("unigrams-en")


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
        words = _sorted_words(ENGLISH_WORDS)
        return not _listed(words, word) and (_listed(words, word.capitalize())
                                             or _listed(words, word.upper()))


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

    # One set built from the lists as read (not the word list's set, then a copy of it
    # with the frequency list's words added).
    return Lexicon(frozenset(chain(_sorted_words(profile(language).lexicon), frequencies(),
                                   field_terms())))


def prefix_reach(words: frozenset[str]) -> Callable[[str], int]:
    """How far into a string the words of ``words`` reach: the length of its longest prefix
    that some word of ``words`` begins with (``reach("governrnent")`` is 6, for ``govern``).

    An edit at a string's place ``i`` can make a word only where the ``i`` letters before
    it begin one, so a candidate search need not try the places past the reach. Built from
    the sorted lists the shipped lexicon is made of (nothing to sort or index: a bisection
    per list, the longest common prefix with the neighbours); a lexicon with a user's words
    adds theirs, sorted; any other set is sorted once.

    >>> reach = prefix_reach(default_lexicon().words)
    >>> reach("governrnent"), reach("the"), reach("xqz")
    (6, 3, 1)
    """
    return _prefix_reach(words)


@functools.lru_cache(maxsize=8)
def _prefix_reach(words: frozenset[str]) -> Callable[[str], int]:
    from .lang import profile

    shipped = default_lexicon()
    if words is shipped.words or shipped.words <= words:
        # The shipped set is the union of these (_shipped_lexicon), each sorted as read.
        extra = field_terms() if words is shipped.words else field_terms() | (words - shipped.words)
        lists = [_sorted_words(profile("en").lexicon), frequencies()._keys, sorted(extra)]
    else:
        lists = [sorted(words)]

    def reach(text: str) -> int:
        best, size = 0, len(text)
        for keys in lists:
            i = bisect_left(keys, text)
            # The longest common prefix with any key is with one of the two around text.
            for key in keys[max(0, i - 1):i + 1]:
                n = 0
                for a, b in zip(text, key):
                    if a != b:
                        break
                    n += 1
                if n > best:
                    if n == size:
                        return n
                    best = n
        return best
    return reach


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
"""symspellpy's bigram counts, the source of the ``bigrams-en`` table."""


@functools.cache
def bigram_frequencies() -> PackedCounts:
    """symspellpy's English bigram counts (``"in september"`` → count), loaded once,
    when a repair first asks for a pair."""
    return load_packed_counts("bigrams-en")


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
