"""What page furniture looks like in a line's text: page numbers, running heads.

Shared by the plain-text layout (:mod:`textkit.layout.lines`) and the
geometry of OCR with coordinates (:mod:`textkit.read.geometry`), which must
not import each other: one definition of the rules for both.
"""

from __future__ import annotations

import re

RUNNING_HEAD_MAX_CHARS = 70
"""A running head is at most this long."""

_PAGE_NUMBER = re.compile(r"(?:[-–—]\s*)?(?:\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})(?:\s*[-–—])?")
_PAGE_WORD = re.compile(r"(?i)page\s+\d{1,4}")


def is_page_number(content: str) -> bool:
    """A line that is only a page number (``12``, ``- 12 -``, ``xiv``, ``Page 3``).

    >>> is_page_number("12"), is_page_number("- 7 -"), is_page_number("1994."), is_page_number("I")
    (True, True, False, False)
    """
    if content in {"I", "i"}:  # a pronoun or a lone drop cap, not page one
        return False
    return bool(_PAGE_NUMBER.fullmatch(content) or _PAGE_WORD.fullmatch(content))


def furniture_key(content: str) -> str:
    """A running head's identity: case, digits and spacing ignored.

    >>> furniture_key("THE REVIEW 43"), furniture_key("The  Review 44")
    ('the review', 'the review')
    """
    return " ".join(_DIGITS.sub(" ", content).lower().split())


_DIGITS = re.compile(r"\d+")
