"""The common line model every reader of OCR with coordinates returns.

hOCR, ALTO and PAGE XML readers (:mod:`.hocr`, :mod:`.alto`, :mod:`.page`)
each turn a file into a list of :class:`SourceLine` in reading order and a
list of :class:`PageInfo`; :mod:`.geometry` guesses what each line is from
these alone. Coordinates are page pixels with the origin at the top left.

This module also holds what the readers share about the model: the closed
set of region names (:data:`REGIONS`, :func:`region_name`) and the checked
construction of boxes (:func:`checked_box`).
"""

from __future__ import annotations

import re

from ..errors import InputError


# The line model itself lives in the document model, where every stage reads it.
from ..model import Box, PageInfo, SourceLine, Word  # noqa: E402

__all__ = ["REGIONS", "Box", "PageInfo", "SourceLine", "Word", "checked_box", "line_from_words",
           "region_name"]


REGIONS = frozenset({"heading", "paragraph", "footnote", "page-number", "header", "footer",
                     "drop-capital", "caption", "marginalia", "other"})
"""The region names a :class:`SourceLine` may carry."""

_REGION_ALIASES = {
    # PAGE XML TextRegion/@type (2013 and 2019 schemas) and Transkribus' tags.
    "heading": "heading", "title": "heading", "subtitle": "heading", "headline": "heading",
    "paragraph": "paragraph", "text": "paragraph", "body": "paragraph",
    "footnote": "footnote", "footnote-continued": "footnote", "note": "footnote",
    "page-number": "page-number", "pagenumber": "page-number", "page_number": "page-number",
    "folio": "page-number", "numbering": "page-number",
    "header": "header", "running-title": "header", "running-head": "header",
    "runningtitle": "header", "runninghead": "header",
    "footer": "footer", "running-foot": "footer",
    # Signature marks and catchwords sit at the page foot and are not
    # reading text: treat them as page furniture.
    "signature-mark": "footer", "catch-word": "footer", "catchword": "footer",
    "drop-capital": "drop-capital", "dropcapital": "drop-capital", "drop-cap": "drop-capital",
    "dropcap": "drop-capital", "initial": "drop-capital",
    "caption": "caption", "marginalia": "marginalia", "margin": "marginalia",
    "marginal-note": "marginalia",
    "credit": "other", "floating": "other", "endnote": "other", "toc-entry": "other",
    "list-label": "other", "other": "other", "signature": "other",
    # SegmOnto zone names (eScriptorium ALTO tags).
    "mainzone": "paragraph", "runningtitlezone": "header", "numberingzone": "page-number",
    "margintextzone": "marginalia", "dropcapitalzone": "drop-capital",
    "quiremarkszone": "footer", "titlepagezone": "heading",
}


def region_name(label: str | None) -> str | None:
    """The normalised region name for a format's label, or None if unknown.

    Case, spaces and underscores do not matter; a SegmOnto subtype
    (``MainZone:footnote``) is looked at first.

    >>> region_name("page-number"), region_name("Running Title"), region_name("MainZone:footnote")
    ('page-number', 'header', 'footnote')
    >>> region_name("table-of-weird") is None
    True
    """
    if not label:
        return None
    key = re.sub(r"[\s_]+", "-", label.strip().lower())
    if ":" in key:
        zone, _, sub = key.partition(":")
        return region_name(sub) or region_name(zone)
    return _REGION_ALIASES.get(key) or _REGION_ALIASES.get(key.replace("-", ""))


OVERSHOOT_FRACTION = 0.02
"""A box may reach this fraction of the page size (plus :data:`OVERSHOOT_PIXELS`)
beyond the page edge and is clamped to the page; further out, the file is
refused. Engines and hand correction leave boxes a few pixels off the page
(Transkribus writes ``-1``), but a box far outside means wrong units or a
broken file."""
OVERSHOOT_PIXELS = 4


def checked_box(x0: float, y0: float, x1: float, y1: float, *, page: tuple[int | None, int | None],
                source: str, where: str) -> Box:
    """A :class:`Box` from raw coordinates, clamped or refused.

    ``page`` is the page's ``(width, height)`` when known. A box reaching a
    little beyond the page is clamped to it, one far outside (or with its
    right edge left of its left edge) raises :class:`InputError` naming
    ``where``. A box of no width or height gets one pixel.

    >>> checked_box(-1, 5, 30, 40, page=(100, 100), source="f", where="line 1")
    Box(x0=0, y0=5, x1=30, y1=40)
    >>> checked_box(10, 5, 3, 40, page=(100, 100), source="f", where="line 1")
    Traceback (most recent call last):
    ...
    textkit.errors.InputError: f: line 1: box 10,5,3,40 has its right edge left of its left edge (x1 < x0)
    """
    coords = f"{_num(x0)},{_num(y0)},{_num(x1)},{_num(y1)}"
    if x1 < x0 or y1 < y0:
        axis = "x1 < x0" if x1 < x0 else "y1 < y0"
        edge = "right edge left of its left edge" if x1 < x0 else "bottom edge above its top edge"
        raise InputError(f"{where}: box {coords} has its {edge} ({axis})", source=source)
    width, height = page
    lo = [x0, y0]
    hi = [x1, y1]
    limits = [width, height]
    for axis in (0, 1):
        limit = limits[axis]
        slack = OVERSHOOT_PIXELS + OVERSHOOT_FRACTION * (limit or 0)
        if lo[axis] < -slack:
            raise InputError(f"{where}: box {coords} has a negative coordinate "
                             "(coordinates are pixels from the page's top left corner)",
                             source=source)
        if limit is not None and hi[axis] > limit + slack:
            raise InputError(f"{where}: box {coords} lies outside the page "
                             f"({width}x{height} pixels); are the units or the page size wrong?",
                             source=source)
        lo[axis] = max(lo[axis], 0)
        if limit is not None:
            hi[axis] = min(hi[axis], limit)
            lo[axis] = min(lo[axis], limit)
    bx0, by0, bx1, by1 = (round(v) for v in (lo[0], lo[1], hi[0], hi[1]))
    return Box(bx0, by0, max(bx1, bx0 + 1), max(by1, by0 + 1))


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def union_box(boxes: list[Box | None]) -> Box | None:
    """The box around every known box, or None if none is known.

    >>> union_box([Box(0, 0, 2, 2), None, Box(1, 1, 5, 3)])
    Box(x0=0, y0=0, x1=5, y1=3)
    """
    known = [b for b in boxes if b is not None]
    if not known:
        return None
    out = known[0]
    for box in known[1:]:
        out = out.union(box)
    return out


def mean_confidence(words: tuple[Word, ...] | list[Word]) -> float | None:
    """The mean of the words' confidences, or None if no word has one.

    >>> mean_confidence([Word("a", confidence=0.5), Word("b"), Word("c", confidence=1.0)])
    0.75
    """
    known = [w.confidence for w in words if w.confidence is not None]
    return sum(known) / len(known) if known else None


_ASCENDING = re.compile(r"^[A-Za-z]*[A-Zbdfhklt][A-Za-z]*$")
_DESCENDING = re.compile(r"[gjpqyQ]")


def _typical_height(words: list[Word], box: Box | None) -> float | None:
    """The words' height from baseline to ascender line, else their median height.

    A line box grows with whatever sticks out of it (a superscript, a drop
    cap read into the line, descenders), and a word's box with its letters:
    ``some`` is x-height tall, ``holy`` reaches from ascender to descender.
    Words of letters only (a stop or comma after them aside), with an
    ascender or capital and no descender (``the``, ``held,``, ``The``), are
    all one height for one type size. With
    fewer than two of them, the median height of all words (three or more),
    else the line box's.

    >>> w = lambda t, h: Word(t, Box(0, 0, 10, h))
    >>> _typical_height([w("some", 20), w("the", 30), w("holy", 40), w("held", 31)], None)
    30.0
    """
    letters = [(w, re.sub(r"[^A-Za-z]", "", w.text)) for w in words]
    clean = sorted(w.box.height for w, t in letters if w.box is not None and len(t) >= 2
                   and t == w.text.strip(".,;:!?'\"’”)")
                   and _ASCENDING.match(t) and not _DESCENDING.search(t))
    if len(clean) >= 2:
        # The lower quartile: specks on a scan only ever make a box taller.
        return float(clean[(len(clean) - 1) // 4])
    heights = sorted(w.box.height for w in words if w.box is not None)
    if len(heights) >= 3:
        return float(heights[len(heights) // 2])
    return float(box.height) if box is not None else None


def line_from_words(words: list[Word], *, page: int, box: Box | None, size: float | None,
                    region: str | None, block: int, hyphen_end: str | None = None,
                    confidence: float | None = None) -> SourceLine | None:
    """A :class:`SourceLine` whose text is ``words`` joined by spaces (None if empty).

    Without a ``size`` the line's size is its words' median box height.
    """
    words = [w for w in words if w.text]
    if not words:
        return None
    if box is None:
        box = union_box([w.box for w in words])
    if size is None:
        size = _typical_height(words, box)
    conf = mean_confidence(words)
    return SourceLine(text=" ".join(w.text for w in words), page=page, box=box, size=size,
                      confidence=conf if conf is not None else confidence, region=region,
                      block=block, hyphen_end=hyphen_end, words=tuple(words))
