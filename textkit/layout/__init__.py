"""Layout stage: read what the printed page did to the text.

Classifies every input line (:mod:`.lines`), finds footnote blocks and the
glued reference numerals of their notes (:mod:`.footnotes`), and records
whatever it takes out of the reading text as :class:`~textkit.model.LayoutMark`.
"""

from __future__ import annotations

from dataclasses import replace

from ..lang import profile
from ..model import Document, LayoutMark, Line, LineKind
from .footnotes import find_anchors, find_blocks
from .lines import classify, raw_lines

REMOVED_KINDS = frozenset({LineKind.SEPARATOR, LineKind.RUNNING_HEAD, LineKind.PAGE_NUMBER,
                           LineKind.STRAY_MARK, LineKind.LONE_INITIAL})


def analyze_layout(doc: Document) -> Document:
    """The layout stage: fill ``lines``, ``footnote_refs`` and ``layout_marks``.

    OCR with coordinates (lines with boxes) is laid out by its geometry
    (:mod:`.geometry`); plain text by its lines' shapes.
    """
    from .geometry import analyze_geometry, has_geometry

    if has_geometry(doc):
        return analyze_geometry(doc)
    lines_in = raw_lines(doc.source_lines)
    kinds = classify(lines_in, profile(doc.options.language))
    blocks = find_blocks(lines_in, kinds)
    refs, unanchored = find_anchors(lines_in, kinds, blocks)
    lines: list[Line] = []
    page_pending = True  # the first page begins with the first text line
    for raw, kind in zip(lines_in, kinds):
        page_start = raw.is_page_start or page_pending
        page_pending = page_start and kind is not LineKind.TEXT and kind is not LineKind.FOOTNOTE
        lines.append(Line(raw.number, raw.content, kind, page_start and kind is LineKind.TEXT))
    marks = [LayoutMark(line.kind, line.number, raw.content)
             for line, raw in zip(lines, lines_in) if line.kind in REMOVED_KINDS]
    return replace(doc, lines=tuple(lines), footnote_refs=tuple(refs), layout_marks=tuple(marks),
                   unplaced_notes=tuple(unanchored))
