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

from collections import Counter
from collections.abc import Sequence

from .lines import Box, SourceLine, line_from_words

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
    """Join a band to the band above when it continues the columns above.

    It does when it lies close under the band above, that band has a
    gutter, and nothing in it crosses that gutter: the two columns' blocks
    (or lines) merely end at the same height. A page number or footnote far
    below the columns stays a band of its own.
    """
    out = [bands[0]]
    for band in bands[1:]:
        above = out[-1]
        gutters = _gutters(above)
        close = (min(b.y0 for _, b in band) - max(b.y1 for _, b in above)
                 <= 2 * min(b.height for _, b in above + band))
        if gutters and close and not any(_crosses(b, g) for _, b in band for g in gutters):
            out[-1] = above + band
        else:
            out.append(band)
    return out


def _crosses(box: Box, gutter: tuple[int, int]) -> bool:
    """The box reaches from one side of the gutter to the other (a narrow
    heading above makes a gutter look wider than the columns' own)."""
    left, right = gutter
    return box.x0 < left - GAP_TOLERANCE and box.x1 > right + GAP_TOLERANCE


def join_fragments(lines: list[SourceLine]) -> list[SourceLine]:
    """Pieces of one printed line that the engine put in two blocks, joined.

    On a noisy scan Tesseract may cut the end of a line off into a block of
    its own, read after the lines below. A line that stands level with
    another, just right of it (at most :data:`FRAGMENT_GAP` word heights
    away) and in another block is joined to it -- unless the page has many
    such pairs, which is two columns side by side, not fragments.
    """
    pages: dict[int, list[SourceLine]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    out: list[SourceLine] = []
    for group in pages.values():
        pairs = _fragment_pairs(group)
        if not pairs or len(pairs) > max(MAX_FRAGMENTS, 0.15 * len(group)):
            out.extend(group)
            continue
        joined = {right for _, right in pairs}
        extend = dict(pairs)
        for k, line in enumerate(group):
            if k in joined:
                continue
            parts = [line]
            while k in extend:
                k = extend[k]
                parts.append(group[k])
            if len(parts) == 1:
                out.append(line)
                continue
            merged = line_from_words([w for p in parts for w in p.words], page=line.page, box=None,
                                     size=line.size, region=line.region, block=line.block,
                                     hyphen_end=parts[-1].hyphen_end)
            out.append(merged if merged is not None else line)
    return out


FRAGMENT_GAP = 1.5
"""Word heights between a line and a fragment of it (interword space is a third)."""
FRAGMENT_GAP_TO_MEASURE = 3.0
"""The same when the two pieces together span the page's lines of text."""
MAX_FRAGMENTS = 3
"""More level pairs than this (or than 15% of a page's lines) are columns."""


def _fragment_pairs(group: list[SourceLine]) -> list[tuple[int, int]]:
    heights = sorted(w.box.height for ln in group for w in ln.words if w.box is not None)
    if not heights or any(ln.box is None for ln in group):
        return []
    em = heights[len(heights) // 2]
    # Where the page's lines of text begin and end: a fragment joined back
    # fills its line to the measure, so words lost between the two pieces
    # may leave a wider gap there.
    full = [ln.box for ln in group if ln.box is not None and len(ln.words) >= 5]
    starts = sorted(b.x0 for b in full)
    ends = sorted(b.x1 for b in full)
    left_edge = starts[len(starts) // 2] if starts else None
    right_edge = ends[len(ends) // 2] if ends else None
    pairs = []
    taken: set[int] = set()
    for a, left in enumerate(group):
        best = None
        for b, right in enumerate(group):
            if b == a or b in taken or right.block == left.block or right.region != left.region:
                continue
            lb, rb = left.box, right.box
            assert lb is not None and rb is not None
            level = min(lb.y1, rb.y1) - max(lb.y0, rb.y0) >= 0.6 * min(lb.height, rb.height)
            gap = rb.x0 - lb.x1
            fills = (left_edge is not None and right_edge is not None
                     and abs(lb.x0 - left_edge) <= em and abs(rb.x1 - right_edge) <= em)
            limit = (FRAGMENT_GAP_TO_MEASURE if fills else FRAGMENT_GAP) * em
            if (level and 0 <= gap <= limit and len(left.text) > 1 and len(right.text) > 1
                    and (best is None or gap < group[best].box.x0 - lb.x1)):  # type: ignore[union-attr]
                best = b
        if best is not None:
            pairs.append((a, best))
            taken.add(best)
    return pairs


def split_columns(lines: list[SourceLine]) -> list[SourceLine]:
    """Lines that run across a column gutter split in two, and the page read by column.

    Told to read a page as one block (``--psm 4`` or ``6``), Tesseract makes
    one line of the two lines side by side in two columns. The gutter shows
    as a gap between words that many lines have at the same place while few
    lines have a word there (on the page, or between the lines with the gap,
    where as many lines end before it or start after it: Tesseract also joins
    a few lines of two columns beside a drop cap, under a title that runs
    across the gutter's place); lines with such a gap are split at it and the
    page's pieces put in reading order (:func:`reading_order`). Pages
    without a gutter, or with a line lacking a box, are left as they are.
    """
    out: list[SourceLine] = []
    pages: dict[int, list[SourceLine]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    for group in pages.values():
        gutters = _line_gutters(group)
        if not gutters or any(ln.box is None for ln in group):
            out.extend(group)
            continue
        pieces = [piece for ln in group for piece in _split_line(ln, gutters)]
        if len(pieces) == len(group):
            out.extend(group)
            continue
        out.extend(pieces[i] for i in reading_order([p.box for p in pieces]))
    return out


_BUCKET = 2
"""Pixels per step when gaps and words are counted across the page."""
MIN_GUTTER_LINES = 3
"""A gutter is a gap in at least this many lines (and in twice as many lines as
have a word there)."""


def _word_gaps(line: SourceLine, least: float) -> list[tuple[int, int]]:
    boxes = [w.box for w in line.words]
    if len(boxes) < 2 or any(b is None for b in boxes):
        return []
    return [(a.x1, b.x0) for a, b in zip(boxes, boxes[1:])  # type: ignore[union-attr]
            if b.x0 - a.x1 >= least]  # type: ignore[union-attr]


def _line_gutters(lines: list[SourceLine]) -> list[tuple[int, int]]:
    heights = sorted(w.box.height for ln in lines for w in ln.words if w.box is not None)
    if not heights:
        return []
    em = heights[len(heights) // 2]
    gaps: Counter[int] = Counter()
    words: Counter[int] = Counter()
    spans: dict[int, tuple[int, int]] = {}  # per step: the top and bottom of the lines with a gap there
    for ln in lines:
        for x0, x1 in _word_gaps(ln, 0.75 * em):
            for x in range(x0 // _BUCKET, x1 // _BUCKET):
                gaps[x] += 1
                top, bottom = spans.get(x, (ln.box.y0, ln.box.y1))  # type: ignore[union-attr]
                spans[x] = (min(top, ln.box.y0), max(bottom, ln.box.y1))  # type: ignore[union-attr]
        for w in ln.words:
            if w.box is not None:
                words.update(range(w.box.x0 // _BUCKET, w.box.x1 // _BUCKET + 1))
    # A title over the columns or notes under them run across the gutter's
    # place but not through it: between the lines that show it, the words
    # count, if as many lines there stand on either side of it (a river of
    # wide spaces down a justified column has none beside it). Judged once
    # for each stretch of such steps, at its middle.
    pending = sorted(x for x, n in gaps.items() if n >= MIN_GUTTER_LINES and n < 2 * words[x])
    marked = {x for x, n in gaps.items() if n >= MIN_GUTTER_LINES and n >= 2 * words[x]}
    for stretch in _stretches(pending):
        x = stretch[len(stretch) // 2]
        if _gutter_between(lines, x, spans[x], gaps[x], em):
            marked.update(stretch)
    return [(run[0] * _BUCKET, (run[-1] + 1) * _BUCKET) for run in _stretches(sorted(marked))
            if (run[-1] + 1 - run[0]) * _BUCKET >= em / 2]


def _stretches(steps: list[int]) -> list[list[int]]:
    """Sorted steps in runs of neighbours: ``[1, 2, 3, 7]`` -> ``[[1, 2, 3], [7]]``."""
    out: list[list[int]] = []
    for x in steps:
        if out and x == out[-1][-1] + 1:
            out[-1].append(x)
        else:
            out.append([x])
    return out


def _gutter_between(lines: list[SourceLine], x: int, span: tuple[int, int], gaps: int, em: float) -> bool:
    """Step ``x``, where ``gaps`` lines between ``span`` (top, bottom) have a gap,
    is a gutter there: as many lines in that height end just before it or
    start just after it, and half as many words or fewer run over it."""
    top, bottom = span
    at = x * _BUCKET
    near = over = 0
    for ln in lines:
        box = ln.box
        if box is None or not top <= box.y0 <= bottom:
            continue
        if box.x0 <= at <= box.x1:
            over += sum(1 for w in ln.words if w.box is not None
                        and w.box.x0 // _BUCKET <= x <= w.box.x1 // _BUCKET)
        elif at - 3 * em <= box.x1 < at or at < box.x0 <= at + 3 * em:
            near += 1
    return near >= gaps and gaps >= 2 * over


def _split_line(line: SourceLine, gutters: list[tuple[int, int]]) -> list[SourceLine]:
    words = list(line.words)
    cuts = []
    for k, (a, b) in enumerate(zip(words, words[1:])):
        if a.box is None or b.box is None:
            continue
        # the space between the words spans the gutter (not a word space
        # where a title over the columns crosses its middle)
        if any(a.box.x1 <= (g0 + g1) / 2 <= b.box.x0
               and min(b.box.x0, g1) - max(a.box.x1, g0) >= (g1 - g0) / 2 for g0, g1 in gutters):
            cuts.append(k + 1)
    if not cuts:
        return [line]
    pieces = []
    for start, end in zip([0, *cuts], [*cuts, len(words)]):
        last = end == len(words)
        piece = line_from_words(words[start:end], page=line.page, box=None, size=line.size,
                                region=line.region, block=line.block,
                                hyphen_end=line.hyphen_end if last else None)
        if piece is not None:
            pieces.append(piece)
    return pieces
