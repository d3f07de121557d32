"""Rows: the text lines of a document in reading order, ready to be grouped.

A :class:`Row` is a text line with its glued footnote numerals taken out
(a sentinel marks where each note goes) and the number of blank lines that
separated it from the row before. Turning rows into a :class:`Block` joins
their lines (recording the breaks) and places the footnotes.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..layout.joining import join
from ..model import Block, BlockKind, Document, FootnoteRef, Line, LineKind, NoteAnchor, SourceLines


@dataclass(frozen=True, slots=True)
class Row:
    number: int
    text: str
    """The line's text, each glued note numeral replaced by the sentinel."""
    gap: int
    """Blank lines between this row and the previous text row."""
    page_start: bool
    refs: tuple[tuple[FootnoteRef, str], ...] = ()
    """Each footnote placed on this line, with the numeral removed for it
    (``""`` when the note had no numeral here and sits at the line's end)."""
    heading: int = 0
    """The line's heading level by the page's geometry (0: no hint; :attr:`Line.heading`)."""
    hint: str = ""
    """The geometry's word on the line's block (:attr:`Line.hint`)."""

    def plain(self, sentinel: str) -> str:
        """The text without sentinels, for judging what the line looks like."""
        return self.text.replace(sentinel, "")


def pick_sentinel(raw: str) -> str:
    """A private-use character that does not occur in ``raw``."""
    for code in range(0xE000, 0xF8FF):
        if chr(code) not in raw:
            return chr(code)
    raise ValueError("input uses every private-use character")  # pragma: no cover


def make_rows(doc: Document, sentinel: str, lines: Iterable[Line] | None = None) -> list[Row]:
    """The document's text rows, in order, with their gaps and footnote sentinels
    (of ``lines`` instead of the document's, when given)."""
    refs_by_line: dict[int, list[FootnoteRef]] = defaultdict(list)
    for ref in doc.footnote_refs:
        refs_by_line[ref.line].append(ref)
    rows: list[Row] = []
    gap = 0
    # (OCR with coordinates: the geometry layout has decided the blocks, with
    # blank lines; the engine's blocks also break at every column's end)
    source = SourceLines(doc.source_lines)
    blocks = source.blocks if source.blocked and not source.boxed else ()
    previous_block = 0
    for line in doc.lines if lines is None else lines:
        if line.kind is LineKind.BLANK:
            gap += 1
            continue
        if line.kind is not LineKind.TEXT:
            continue
        # A block the reader marked (one paragraph per line) stands apart as after a blank line.
        block = blocks[line.number - 1] if line.number <= len(blocks) else 0
        if block and previous_block and block != previous_block and not gap:
            gap = 1
        previous_block = block
        text = line.text
        placed: list[tuple[FootnoteRef, str]] = []
        # From the line's end back, so that the columns before stay put; notes at one
        # column (kept unanchored at a line's end) keep their order.
        for ref in reversed(sorted(refs_by_line.get(line.number, ()), key=lambda r: r.column)):
            printed = ref.note.n if ref.marker is None else ref.marker
            n = printed if text[ref.column:ref.column + len(printed)] == printed else ""
            text = text[:ref.column] + sentinel + text[ref.column + len(n):]
            placed.append((ref, n))
        rows.append(Row(line.number, text, gap, line.page_start, tuple(reversed(placed)),
                        line.heading, line.hint))
        gap = 0
    return rows


def make_block(kind: BlockKind, rows: Sequence[Row], sentinel: str) -> Block:
    """Join ``rows`` into one block, every line break recorded and each footnote at its anchor.

    The text is the scan's: a glued reference numeral stays where it was
    printed, and the anchor records it (``NoteAnchor.marker``) for the
    footnote stage to take out.
    """
    joined, breaks = join((row.text, row.number, row.page_start) for row in rows)
    placed = [p for row in rows for p in row.refs]
    if not placed:  # no note here: no sentinel in the text (it occurs nowhere in the input)
        return Block(kind, joined, rows[0].number, rows[-1].number, (), (), breaks)
    parts = joined.split(sentinel)
    out: list[str] = []
    anchors: list[NoteAnchor] = []
    sentinels: list[int] = []  # where each sentinel stood in the joined text
    shift: list[int] = [0]     # how far a break after the k-th sentinel moves
    old = new = 0
    for k, part in enumerate(parts):
        out.append(part)
        old, new = old + len(part), new + len(part)
        if k + 1 < len(parts):  # a sentinel: the numeral as printed goes back in its place
            ref, numeral = placed[k]
            out.append(numeral)
            anchors.append(NoteAnchor(new, ref.note, numeral))
            sentinels.append(old)
            shift.append(shift[-1] + len(numeral) - 1)
            old, new = old + 1, new + len(numeral)
    text = "".join(out)
    # One pass over the breaks: each moves by what the sentinels before it became.
    if sentinels:
        breaks = breaks.moved(lambda offset: offset if offset <= sentinels[0]
                              else offset + shift[bisect.bisect_left(sentinels, offset)])
    return Block(kind, text, rows[0].number, rows[-1].number, (), tuple(anchors), breaks)
