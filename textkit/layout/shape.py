"""What a line of text looks like: caps, Title Case, sentence ends, widths.

These are the small judgements the layout and structure stages make about
single lines; which of them count is decided by context. Title Case depends
on the language's minor words (:attr:`~textkit.model.Language.minor_words`).
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass

from ..lang.en import PROFILE as ENGLISH
from ..model import Language, Line

MINOR_WORDS = ENGLISH.minor_words
"""The default: English's words a Title Case heading may leave in lower case."""

_WORD = re.compile(r"[^\W\d_][\w’'.\-]*|\d[\w’'.\-]*")
_SENTENCE_END = re.compile(r"[.?!:;][”’\"')\]]*$")
_LETTERS = re.compile(r"[^\W\d_]")
_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_ASCII_CAPITALS = string.ascii_uppercase.encode("ascii")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_caps(text: str) -> bool:
    """A line in capitals, as essay titles are printed.

    >>> is_caps("IN ASIA: THE CHALLENGE"), is_caps("NPT/IAEA requirements.")
    (True, False)
    """
    if text.isascii():  # the common case, counted in C (ASCII letters are A-Z, a-z)
        data = text.encode("ascii")
        letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
        upper = len(data) - len(data.translate(None, _ASCII_CAPITALS))
    else:
        found = _LETTERS.findall(text)
        letters, upper = len(found), sum(map(str.isupper, found))
    if letters < 4:
        return False
    return upper / letters >= 0.9


def is_title_case(text: str, minor_words: frozenset[str] = MINOR_WORDS) -> bool:
    """Every word capitalized, or a minor word; the first word capitalized.

    >>> is_title_case("Security Dynamics in the"), is_title_case("Russia: Helping the Bear out")
    (True, True)
    >>> is_title_case("China: Participants were neither able to agree on")
    False
    """
    found = words(text)
    if not found or not (found[0][0].isupper() or found[0][0].isdigit()):
        return False
    letters = [w for w in found if w[0].isalpha()]
    if not letters or not any(len(w) > 1 for w in letters):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in minor_words for w in found)


def ends_sentence(text: str) -> bool:
    """The line ends a sentence (or a clause that ends a paragraph: a colon).

    >>> ends_sentence("nese market."), ends_sentence("the region.”"), ends_sentence("the fundamen-")
    (True, True, False)
    """
    return bool(_SENTENCE_END.search(text.rstrip()))


SENTENCE_LOOKBACK = 32
"""How far :func:`starts_sentence` looks back first (a block can be a whole document long:
copying everything before each word made long blocks quadratic)."""


def starts_sentence(text: str, start: int, ends: str = ".!?:") -> bool:
    """The word at ``start`` begins a sentence: nothing but opening quotes or brackets
    before it, or one of ``ends`` right before it (space aside).

    >>> starts_sentence("He left. Then", 9), starts_sentence("“Then", 1), starts_sentence("and then", 4)
    (True, True, False)
    """
    at = max(0, start - SENTENCE_LOOKBACK)
    before = text[at:start].rstrip().rstrip("“‘\"'(")
    if not before and at:
        before = text[:start].rstrip().rstrip("“‘\"'(")
    return not before or before[-1] in ends


def ends_with_minor_word(text: str, minor_words: frozenset[str] = MINOR_WORDS) -> bool:
    found = words(text)
    return bool(found) and found[-1].lower() in minor_words


DEFAULT_COLUMN_WIDTH = 48.0
DEFAULT_FULL_WIDTH = 88.0
"""The series' usual widths, used when a document is too short to measure."""


@dataclass(frozen=True, slots=True)
class Widths:
    """Typical line widths of a document, for telling kinds of lines apart.

    ``column``: a line of a two-column page; ``full``: a line of a full-width
    page. Defaults stand in when a document has no lines of that kind.
    """

    column: float = DEFAULT_COLUMN_WIDTH
    full: float = DEFAULT_FULL_WIDTH

    @classmethod
    def measure(cls, lines: Sequence[Line]) -> Widths:
        """Median widths of the document's column lines and full-width lines."""
        lengths = [len(line.text) for line in lines]
        column = [n for n in lengths if 30 <= n <= 65]
        full = [n for n in lengths if 66 <= n <= 100]
        return cls(median(column) if len(column) >= 10 else DEFAULT_COLUMN_WIDTH,
                   median(full) if len(full) >= 10 else DEFAULT_FULL_WIDTH)


def median(values: Sequence[int]) -> float:
    """``statistics.median``, the same arithmetic: the plain-text path need not import
    :mod:`statistics` (its ``fractions`` and ``decimal`` cost a new process milliseconds).

    >>> median([3, 1, 2]), median([4, 1, 2, 3])
    (2, 2.5)
    """
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


BYLINE_MAX_CHARS = 90
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;]\s*and\s+|,\s*&\s*|\s+and\s+|\s+&\s+"
                           r"|(?<!^[A-Z]\. [A-Z])(?<![\s,;][A-Z]\. [A-Z])(?<!^[A-Z])[,;]\s*)\s*")
"""Between two authors: ``and``, ``&``, a comma, or a semicolon (a comma as a degraded scan
reads it); not the comma of an initial whose stop was read so (``M. A, Rahman``, ``L, M. Achter``)."""
_NAME_PART = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z][\w’'\-]*\.?|[A-Z]\w*-[A-Z]\w*")
_MISREAD_INITIAL = re.compile(r"[A-Z],")
"""An initial whose stop a degraded scan read as a comma (``A,``): after another initial, or
first before one (``L, M. Achterberg``)."""
_INITIAL = re.compile(r"[A-Z]\.")
_MISREAD_I = re.compile(r"[l|][a-z]+")
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "del", "di", "la", "le", "bin", "al"})


def _misread_particle(part: str, minor_words: frozenset[str]) -> bool:
    """A particle with one letter misread (``ta`` for ``la``, ``vau`` for ``van``): lower
    case, the length of a particle and one letter from it, and no word of the language's
    own (``at`` stays ``at``, never read as ``al``). :func:`split_authors` admits one only
    after another particle (``de ta Cruz``), where no prose word stands.

    >>> _misread_particle("ta", frozenset()), _misread_particle("at", frozenset({"at"}))
    (True, False)
    >>> _misread_particle("dog", frozenset()), _misread_particle("Ta", frozenset())
    (False, False)
    """
    if not part.isalpha() or not part.islower() or part in minor_words:
        return False
    return any(len(known) == len(part) and sum(a != b for a, b in zip(known, part)) == 1
               for known in NAME_PARTICLES)


def split_authors(byline: str, language: Language = ENGLISH) -> list[str] | None:
    """The authors named by an author line, or ``None`` if it is not one.

    >>> split_authors("Christopher P. Twomey and Michael Stankiewicz")
    ['Christopher P. Twomey', 'Michael Stankiewicz']
    >>> split_authors("Ann Lee, Bo Park, and Carl Dunn")
    ['Ann Lee', 'Bo Park', 'Carl Dunn']
    >>> split_authors("The discussion of political issues was") is None
    True

    A later author's first name may have its I read as l or | (``lan``, ``|rene``), never
    the line's first word: prose may open so (``like Hannah Brodsky``).

    >>> split_authors("Ewa Nowak, lan Fraser and Kenta Ishii")
    ['Ewa Nowak', 'lan Fraser', 'Kenta Ishii']
    >>> split_authors("like Hannah Brodsky") is None
    True

    A degraded scan reads a comma between two authors as a semicolon, and an
    initial's stop as a comma (after another initial):

    >>> split_authors("Sofia Lindqvist; Kwame Boateng and Li Na")
    ['Sofia Lindqvist', 'Kwame Boateng', 'Li Na']
    >>> split_authors("M. A, Rahman and Ellen Sorensen")
    ['M. A, Rahman', 'Ellen Sorensen']
    >>> split_authors("L, M. Achterberg")
    ['L, M. Achterberg']
    >>> split_authors("A, Lee") is None
    True

    The second of two particles may be misread by a letter (``de ta`` for ``de la``):

    >>> split_authors("Maria de ta Cruz and Owen Pritchard")
    ['Maria de ta Cruz', 'Owen Pritchard']
    """
    text = byline.strip()
    if not text or len(text) > BYLINE_MAX_CHARS or text.endswith((",", ";", ":", "?", "!")):
        return None
    if is_caps(text) and len(text.split()) > 6:
        return None
    names = [n for n in _AUTHOR_SPLIT.split(text) if n]
    if not names:
        return None
    for k, name in enumerate(names):
        parts = name.split()
        if not 2 <= len(parts) <= 5:
            return None
        if not all(_NAME_PART.fullmatch(p) or p in NAME_PARTICLES or q == 0 < k and _MISREAD_I.fullmatch(p)
                   or 0 < q < len(parts) - 1 and _MISREAD_INITIAL.fullmatch(p) and parts[q - 1].endswith(".")
                   or q == 0 < len(parts) - 2 and _MISREAD_INITIAL.fullmatch(p) and _INITIAL.fullmatch(parts[1])
                   or 0 < q < len(parts) - 1 and parts[q - 1] in NAME_PARTICLES
                   and _misread_particle(p, language.minor_words)
                   for q, p in enumerate(parts)):
            return None
        if parts[-1].lower() in language.minor_words or parts[-1].endswith(".") and len(parts[-1]) > 3:
            return None
    return names
