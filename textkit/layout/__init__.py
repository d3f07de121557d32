"""Layout stage: read what the printed page did to the text.

Classifies every input line (:mod:`.lines`), finds footnote blocks and the
glued reference numerals of their notes (:mod:`.footnotes`), and records
whatever it takes out of the reading text as :class:`~textkit.model.LayoutMark`.
"""

from __future__ import annotations

from dataclasses import replace

from ..lang import profile
from ..model import Document, LayoutMark, Line, LineKind
from .footnotes import find_anchors, find_blocks, find_foot_anchors, find_foot_notes
from .lines import classify, raw_lines

FOOT_NOTE_FORMATS = frozenset({"tesseract", "pdftotext", "abbyy"})
"""Plain-text conventions whose footnotes stand at the page foot with no
separator line (the series' export always prints one)."""

REMOVED_KINDS = frozenset({LineKind.SEPARATOR, LineKind.RUNNING_HEAD, LineKind.PAGE_NUMBER,
                           LineKind.STRAY_MARK, LineKind.LONE_INITIAL})


def analyze_layout(doc: Document) -> Document:
    """The layout stage: fill ``lines``, ``footnote_refs`` and ``layout_marks``."""
    lines_in = raw_lines(doc.source_lines)
    kinds = classify(lines_in, profile(doc.options.language))
    blocks = find_blocks(lines_in, kinds)
    refs, unanchored = find_anchors(lines_in, kinds, blocks)
    if not blocks and doc.input_format in FOOT_NOTE_FORMATS:
        refs, unanchored = find_foot_anchors(lines_in, kinds, find_foot_notes(lines_in, kinds))
    lines: list[Line] = []
    page_pending = True  # the first page begins with the first text line
    for raw, kind in zip(lines_in, kinds):
        page_start = raw.is_page_start or page_pending
        page_pending = page_start and kind is not LineKind.TEXT and kind is not LineKind.FOOTNOTE
        lines.append(Line(raw.number, raw.content, kind, page_start and kind is LineKind.TEXT))
    marks = [LayoutMark(line.kind, line.number, raw.content)
             for line, raw in zip(lines, lines_in) if line.kind in REMOVED_KINDS]
    # A note whose numeral is nowhere in the text stays in the record, unplaced.
    marks += [LayoutMark(LineKind.FOOTNOTE, note.line, note.text) for note in unanchored]
    return replace(doc, lines=tuple(lines), footnote_refs=tuple(refs), layout_marks=tuple(marks))
