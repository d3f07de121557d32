"""Join a block's input lines into running text, recording every line break.

Joining changes no character of the scan: a line break becomes a space, or
nothing after a dash and inside a word the line end may have broken
(``fundamen-`` / ``tally`` → ``fundamen-tally``, the hyphen kept; a soft
hyphen or ABBYY's ``¬`` at the line end likewise: ``is\u00adsue``). Each
line's start is a :class:`~textkit.model.LineBreak` (kept as
:class:`~textkit.model.Breaks`); a break after a line
that ends in such a hyphen is marked ``hyphen=True``, for the hyphen stage
(:mod:`textkit.repair.hyphens`) to decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Breaks

SOFT_HYPHENS = ("\u00ad", "¬")
"""How an OCR program marks a word it saw broken at a line end (ABBYY
FineReader writes a soft hyphen U+00AD, or ``¬``); a plain ``-`` may also
be a compound's."""
HYPHENS = ("-", *SOFT_HYPHENS)
TRAILING = re.compile(r"(?<![\w’'.])([\w’'.]*\w[.]?)[-\u00ad¬]$")
"""The first half of a word broken at a line end, hyphen included. (The look-behind
starts a try only where a run of word characters starts: the same match as without
it, the leftmost, in one pass over the line's end instead of one per character.)"""
LEADING = re.compile(r"^([\w’']+)")
"""The second half, at the next line's start."""
DASH_END = ("—", "–")
TRAILING_WINDOW = 80
"""How much of a line's end may hold the first half of a broken word (a
100,000-character token must not cost seconds)."""


def broken_word(text: str) -> re.Match[str] | None:
    """The first half of a word broken by the line end of ``text``, if it ends in one.

    >>> broken_word("a fundamen-").group(1), broken_word("U.S.-").group(1), broken_word("end —")
    ('fundamen', 'U.S.', None)
    >>> broken_word("an is\u00ad").group(1), broken_word("the re¬").group(1)
    ('is', 're')
    """
    if not text.endswith(HYPHENS):
        return None
    return TRAILING.search(text[-TRAILING_WINDOW:])


def join(pieces: Iterable[tuple[str, int, bool]]) -> tuple[str, Breaks]:
    """Join ``(text, input line, page start)`` pieces; blank pieces are skipped.

    >>> text, breaks = join([("a fundamen-", 1, False), ("tally new —", 2, True), ("one", 3, False)])
    >>> text
    'a fundamen-tally new —one'
    >>> [(b.offset, b.line, b.page_start, b.hyphen) for b in breaks]
    [(0, 1, False, False), (11, 2, True, True), (22, 3, False, False)]
    """
    out = ""
    offsets: list[int] = []
    codes: list[int] = []  # no LineBreak record per line: a volume has a million
    broken = False  # the text so far ends in a word the line end may have broken
    for raw, line, page_start in pieces:
        text = raw.strip()
        if not text:
            continue
        hyphen = broken and LEADING.match(text) is not None
        if out and not broken and not out.endswith(DASH_END) and not text.startswith(DASH_END):
            out += " "
        offsets.append(len(out))
        codes.append(Breaks.code(line, page_start, hyphen))
        out += text
        broken = broken_word(text) is not None
    return out, Breaks.from_codes(offsets, codes)
