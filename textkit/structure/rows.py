"""Rows: the text lines of a document in reading order, ready to be grouped.

A :class:`Row` is a text line with its glued footnote numerals taken out
(a sentinel marks where each note goes) and the number of blank lines that
separated it from the row before. Turning rows into a :class:`Block` joins
their lines, resolves line-end hyphens and places the footnotes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..lexicon import Lexicon
from ..model import (Block, BlockKind, Confidence, Correction, Document, FootnoteRef, LineKind,
                     NoteAnchor, Rule)
from ..repair.dehyphenate import Piece, Vocabulary, join_lines
from ..repair.edits import moved_offset


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

    def plain(self, sentinel: str) -> str:
        """The text without sentinels, for judging what the line looks like."""
        return self.text.replace(sentinel, "")


def pick_sentinel(raw: str) -> str:
    """A private-use character that does not occur in ``raw``."""
    for code in range(0xE000, 0xF8FF):
        if chr(code) not in raw:
            return chr(code)
    raise ValueError("input uses every private-use character")  # pragma: no cover


def make_rows(doc: Document, sentinel: str) -> list[Row]:
    """The document's text rows, in order, with their gaps and footnote sentinels."""
    refs_by_line: dict[int, list[FootnoteRef]] = defaultdict(list)
    for ref in doc.footnote_refs:
        refs_by_line[ref.line].append(ref)
    rows: list[Row] = []
    gap = 0
    for line in doc.lines:
        if line.kind is LineKind.BLANK:
            gap += 1
            continue
        if line.kind is not LineKind.TEXT:
            continue
        text = line.text
        placed: list[tuple[FootnoteRef, str]] = []
        for ref in sorted(refs_by_line.get(line.number, ()), key=lambda r: r.column, reverse=True):
            n = ref.note.n if text[ref.column:ref.column + len(ref.note.n)] == ref.note.n else ""
            text = text[:ref.column] + sentinel + text[ref.column + len(n):]
            placed.append((ref, n))
        rows.append(Row(line.number, text, gap, line.page_start, tuple(reversed(placed))))
        gap = 0
    return rows


def make_block(kind: BlockKind, rows: Sequence[Row], sentinel: str, vocabulary: Vocabulary,
               lexicon: Lexicon) -> Block:
    """Join ``rows`` into one block: hyphens resolved, footnotes at their anchors."""
    starts: list[int] = []
    text, fixes = join_lines([Piece(row.text, row.number) for row in rows], vocabulary, lexicon, starts)
    pages = [start for start, row in zip(starts, rows) if row.page_start]
    anchors: list[NoteAnchor] = []
    corrections = list(fixes)
    for ref, original in (placed for row in rows for placed in row.refs):
        offset = text.find(sentinel)
        if offset < 0:  # pragma: no cover - every ref left a sentinel
            break
        text = text[:offset] + text[offset + 1:]
        # The sentinel [offset, offset + 1) is gone: move what follows it.
        corrections = [replace(c, start=moved_offset(c.start, offset, offset + 1, offset),
                               end=moved_offset(c.end, offset, offset + 1, offset)) for c in corrections]
        pages = [moved_offset(p, offset, offset + 1, offset) for p in pages]
        anchors.append(NoteAnchor(offset, ref.note))
        if original:
            corrections.append(Correction(Rule.FOOTNOTE_MARKER, offset, offset, original, "",
                                          Confidence.HIGH, ref.line, f"reference to footnote {original}"))
    corrections.sort(key=lambda c: (c.start, c.end))
    return Block(kind, text, rows[0].number, rows[-1].number, tuple(corrections), tuple(anchors),
                 tuple(pages))
