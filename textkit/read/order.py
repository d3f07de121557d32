"""Reading order of a page's blocks from their boxes (recursive XY cut).

OCR engines list blocks mostly in reading order, but not always: Tesseract
reads a page number at the foot of a two-column page between the columns.
:func:`reading_order` cuts the page into horizontal bands at the blank gaps
that run across all blocks, each band into columns at blank vertical gaps,
and so on down; blocks no cut separates keep the engine's order.

Bands cut first means a heading over two columns and the footnotes under
them come out right; but two columns whose blocks happen to end at the same
height would be cut into bands and read across. So adjacent bands that are
cut into columns at the same gutter are joined again before the columns are
cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lines import Box

GAP_TOLERANCE = 2
"""Boxes that overlap by at most this many pixels still count as apart
(engines' block boxes touch or overlap by a pixel or two)."""


def reading_order(boxes: Sequence[Box | None]) -> list[int]:
    """Indexes of ``boxes`` in reading order (engine order where geometry cannot tell).

    Two columns, the page number listed between them by the engine:

    >>> left, folio, right = Box(200, 300, 850, 1050), Box(854, 2340, 893, 2368), Box(895, 270, 1537, 1048)
    >>> reading_order([left, folio, right])
    [0, 2, 1]

    Without a box for every block the engine's order stands:

    >>> reading_order([right, None, left])
    [0, 1, 2]
    """
    if any(b is None for b in boxes):
        return list(range(len(boxes)))
    items = [(i, b) for i, b in enumerate(boxes) if b is not None]
    return _cut(items)


def _cut(items: list[tuple[int, Box]]) -> list[int]:
    if len(items) <= 1:
        return [i for i, _ in items]
    bands = _split(items, vertical=False)
    if len(bands) > 1:
        bands = _join_shared_gutters(bands)
    if len(bands) > 1:
        return [i for band in bands for i in _cut(band)]
    columns = _split(items, vertical=True)
    if len(columns) > 1:
        return [i for column in columns for i in _cut(column)]
    return sorted(i for i, _ in items)


def _split(items: list[tuple[int, Box]], *, vertical: bool) -> list[list[tuple[int, Box]]]:
    """Groups of items separated by blank gaps along y (bands) or x (columns, ``vertical``)."""
    def span(box: Box) -> tuple[int, int]:
        return (box.x0, box.x1) if vertical else (box.y0, box.y1)

    ordered = sorted(items, key=lambda item: (span(item[1])[0], item[0]))
    groups: list[list[tuple[int, Box]]] = []
    end = None
    for item in ordered:
        start, stop = span(item[1])
        if end is None or start > end - GAP_TOLERANCE:
            groups.append([item])
            end = stop
        else:
            groups[-1].append(item)
            end = max(end, stop)
    return groups


def _gutters(band: list[tuple[int, Box]]) -> list[tuple[int, int]]:
    columns = _split(band, vertical=True)
    gutters = []
    for before, after in zip(columns, columns[1:]):
        gutters.append((max(b.x1 for _, b in before), min(b.x0 for _, b in after)))
    return gutters


def _join_shared_gutters(bands: list[list[tuple[int, Box]]]) -> list[list[tuple[int, Box]]]:
    out = [bands[0]]
    for band in bands[1:]:
        above, below = _gutters(out[-1]), _gutters(band)
        if any(a0 < b1 and b0 < a1 for a0, a1 in above for b0, b1 in below):
            out[-1] = out[-1] + band
        else:
            out.append(band)
    return out
