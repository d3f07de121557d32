"""Section headings: Title Case lines at the start of a paragraph's place.

A heading is one to three short Title Case lines with no final period. It
only counts where a paragraph could start (after a paragraph has ended, at a
text's start or after another heading), so a Title Case line inside a
paragraph (``China: Participants were …``) or ending a sentence
(``Pacific Region?``) is never one. The paragraph may follow at once, on
the next line.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..layout.shape import ENGLISH, MINOR_WORDS, Widths, ends_sentence, ends_with_minor_word, is_title_case, words
from ..model import Language
from ..layout.joining import HYPHENS
from .rows import Row

MAX_HEADING_LINES = 3
HEADING_WIDTH_SHARE = 0.92
"""A heading line is shorter than this share of a column's width (or 60 characters)."""


def heading_length(chunk: Sequence[Row], widths: Widths, sentinel: str, *, text_start: bool,
                   language: Language = ENGLISH) -> int:
    """How many leading rows of ``chunk`` form a heading (0: none).

    ``chunk`` is a run of rows with no blank line between them, starting
    where a paragraph could start. ``text_start``: this is the first chunk
    of a text, whose paragraph may begin in lower case (a lost drop cap).
    """
    limit = max(widths.column * HEADING_WIDTH_SHARE, 60.0)
    count = 0
    for k, row in enumerate(chunk[:MAX_HEADING_LINES]):
        text = row.plain(sentinel).strip()
        if row.refs or len(text) > limit or text.endswith((".", ",", ";")):
            break
        if k == 0:
            if not is_title_case(text, language.minor_words):
                break
        else:
            previous = chunk[k - 1].plain(sentinel)
            if ends_sentence(previous) or not _continues_title(text, language.minor_words):
                break
            if _could_not_wrap(previous, text, _local_width(chunk, widths, sentinel), language.minor_words):
                break  # a short line ends the heading: what follows is another one (a sub-heading)
        count = k + 1
        if text.endswith(("?", "!")):
            break
    # The heading must end complete, and what follows in the chunk must read
    # as a paragraph's first line.
    while count:
        last = chunk[count - 1].plain(sentinel)
        if ends_with_minor_word(last, language.minor_words) or last.rstrip().endswith((":", *HYPHENS)):
            count -= 1
            continue
        if count < len(chunk):
            first = chunk[count].plain(sentinel).lstrip()
            if not (first[:1].isupper() or (text_start and first[:1].islower())):
                count -= 1
                continue
        break
    return count


WRAP_SHARE = 0.6
"""A heading line wraps only when the next word would not fit: its line
plus that word must exceed this share of the text's width (heading type is
larger than the text's, so it wraps sooner)."""


def _could_not_wrap(line: str, following: str, width: float, minor_words: frozenset[str]) -> bool:
    """``line`` ended by choice, not for want of room: the heading ends with it.

    >>> _could_not_wrap("Donors and Recipients", "The View from the Ministries", 85, MINOR_WORDS)
    True
    >>> _could_not_wrap("Public Money and Private", "Ships", 38, MINOR_WORDS)
    False
    >>> _could_not_wrap("Security Dynamics in the", "Asia Pacific Region", 85, MINOR_WORDS)
    False
    >>> _could_not_wrap("Korea: The Tiger", "at the Gate", 48, MINOR_WORDS)
    False
    """
    line = line.strip()
    if ends_with_minor_word(line, minor_words) or line.endswith((":", ",", "–", "—", *HYPHENS)):
        return False
    first = following.split()[0] if following.split() else ""
    if not first[:1].isupper():  # "at the Gate" continues "Korea: The Tiger"
        return False
    return len(line) + 1 + len(first) <= WRAP_SHARE * width


def _local_width(chunk: Sequence[Row], widths: Widths, sentinel: str) -> float:
    """The width of the text around a heading: its chunk's longest line, else the column's."""
    longest = max((len(row.plain(sentinel).strip()) for row in chunk), default=0)
    return max(longest, widths.column)


def _continues_title(text: str, minor_words: frozenset[str] = MINOR_WORDS) -> bool:
    """A heading's later line may open with a minor word (``at the Gate``).

    >>> _continues_title("at the Gate"), _continues_title("was similarly contentious")
    (True, False)
    """
    found = words(text)
    if not found:
        return False
    first = text.index(found[0])
    return is_title_case(found[0].capitalize() + text[first + len(found[0]):], minor_words)
