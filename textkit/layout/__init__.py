"""Layout stage: read what the printed page did to the text.

Classifies every input line (:mod:`.lines`), finds footnote blocks and the
glued reference numerals of their notes (:mod:`.footnotes`), and records
whatever it takes out of the reading text as :class:`~textkit.model.LayoutMark`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang import profile
from ..model import CONSUME, Document, LayoutMark, Line, LineKind, PageInfo, SourceLines
from ..model import changed as replace  # dataclasses.replace, at a third of its cost
from .footnotes import find_anchors, find_blocks, find_foot_anchors, find_foot_notes
from .lines import classify, raw_lines

FOOT_NOTE_FORMATS = frozenset({"tesseract", "pdftotext", "abbyy"})
"""Plain-text conventions whose footnotes stand at the page foot with no
separator line (the series' export always prints one). Only an input with
page breaks (form feeds) has page feet to look at."""

REMOVED_KINDS = frozenset({LineKind.SEPARATOR, LineKind.RUNNING_HEAD, LineKind.PAGE_NUMBER,
                           LineKind.STRAY_MARK, LineKind.LONE_INITIAL})


def analyze_layout(doc: Document) -> Document:
    """The layout stage: fill ``lines``, ``footnote_refs`` and ``layout_marks``.

    OCR with coordinates (lines with boxes) is laid out by its geometry
    (:mod:`.geometry`); plain text by its lines' shapes.
    """
    source = SourceLines(doc.source_lines)
    if source.boxed:  # geometry.has_geometry
        from .geometry import analyze_geometry  # only then: plain text never imports it

        return analyze_geometry(doc)
    line_pages = source.pages
    if "source_lines" in doc.evidence.get(CONSUME, ()):  # dropped once read (#13)
        doc = replace(doc, source_lines=())
    lines_in = raw_lines(source)
    del source
    kinds = classify(lines_in, profile(doc.options.language))
    blocks = find_blocks(lines_in, kinds)
    refs, unanchored = find_anchors(lines_in, kinds, blocks)
    if not blocks and doc.input_format in FOOT_NOTE_FORMATS and len(doc.pages) > 1:
        refs, unanchored = find_foot_anchors(lines_in, kinds, find_foot_notes(lines_in, kinds))
    lines: list[Line] = []
    marks: list[LayoutMark] = []
    page_pending = True  # the first page begins with the first text line
    # Each raw line is dropped once its Line is made: a volume's lines are not held twice.
    lines_in.reverse()
    kinds.reverse()
    while lines_in:
        raw, kind = lines_in.pop(), kinds.pop()
        page_start = raw.is_page_start or page_pending
        page_pending = page_start and kind is not LineKind.TEXT and kind is not LineKind.FOOTNOTE
        lines.append(Line(raw.number, raw.content, kind, page_start and kind is LineKind.TEXT))
        if kind in REMOVED_KINDS:
            marks.append(LayoutMark(kind, raw.number, raw.content))
    del raw
    return replace(doc, lines=tuple(lines), footnote_refs=tuple(refs), layout_marks=tuple(marks),
                   unplaced_notes=tuple(unanchored), pages=printed_pages(doc, lines, line_pages))


_FOLIO_NUMBER = re.compile(r"^(\d{1,4})\s+\S|\S\s+(\d{1,4})$")
_PAGE_DIGITS = re.compile(r"\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7}")


def printed_pages(doc: Document, lines: list[Line], line_pages: Sequence[int]) -> tuple[PageInfo, ...]:
    """The document's pages with the number each prints, where it was read.

    A page number line gives it; else a running head's folio. ``line_pages``:
    each input line's page.
    """
    pages = {info.number: info for info in doc.pages}
    found: dict[int, str] = {}
    for line in lines:
        if line.number > len(line_pages):
            continue
        page = line_pages[line.number - 1]
        if line.kind is LineKind.PAGE_NUMBER:
            match = _PAGE_DIGITS.search(line.text)
            if match:
                found[page] = match.group(0)
        elif line.kind is LineKind.RUNNING_HEAD and page not in found:
            match = _FOLIO_NUMBER.search(line.text)
            if match:
                found.setdefault(page, match.group(1) or match.group(2))
    if not found:
        return doc.pages
    return tuple(replace(info, printed=found.get(number, info.printed)) for number, info in sorted(pages.items()))
