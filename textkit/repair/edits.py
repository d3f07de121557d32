"""Apply replacements to a block's repaired text, keeping every record in step.

A repair stage finds spans to change in ``Block.text``; :func:`apply_edits`
makes the changes and shifts the block's existing corrections and footnote
anchors so that each still points at its own span. An edit that overlaps an
earlier correction absorbs it: the new correction's ``original`` is the
scan's reading of the whole merged span, so nothing the scan said is lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..model import Block, BlockKind, Confidence, Correction, Footnote, Rule


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` (of the block's current text) by ``replacement``."""

    start: int
    end: int
    replacement: str
    rule: Rule
    confidence: Confidence
    line: int
    note: str = ""


def apply_edits(block: Block, edits: Iterable[Edit]) -> Block:
    """Return ``block`` with ``edits`` applied (non-overlapping among themselves).

    >>> b = Block(BlockKind.PARAGRAPH, "he end", 1, 1)
    >>> e = Edit(0, 0, "T", Rule.DROPPED_INITIAL, Confidence.HIGH, 1)
    >>> fixed = apply_edits(b, [e])
    >>> fixed.text, fixed.original_text()
    ('The end', 'he end')
    """
    text = block.text
    corrections = list(block.corrections)
    anchors = list(block.notes)
    pages = list(block.pages)
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text, corrections, span = _apply_one(text, corrections, edit)
        anchors = [replace(a, offset=moved_offset(a.offset, *span)) for a in anchors]
        pages = [moved_offset(p, *span) for p in pages]
    return replace(block, text=text, corrections=tuple(sorted(corrections, key=lambda c: c.start)),
                   notes=tuple(anchors), pages=tuple(pages))


def edit_footnote(note: Footnote, edits: Iterable[Edit]) -> Footnote:
    """Apply ``edits`` to a footnote's text (see :func:`apply_edits`)."""
    as_block = Block(BlockKind.PARAGRAPH, note.text, note.line, note.line, note.corrections)
    fixed = apply_edits(as_block, edits)
    return replace(note, text=fixed.text, corrections=fixed.corrections)


def _apply_one(text: str, corrections: list[Correction], edit: Edit
               ) -> tuple[str, list[Correction], tuple[int, int, int]]:
    """Apply one edit; return the new text and corrections, and the replaced
    span ``(start, old end, new end)`` for moving offsets (see :func:`moved_offset`)."""
    start, end = edit.start, edit.end
    absorbed = [c for c in corrections if c.start < end and c.end > start]
    for c in absorbed:
        start, end = min(start, c.start), max(end, c.end)
    # The scan's reading of [start, end): the current text with absorbed corrections undone.
    original, pos = [], start
    for c in sorted(absorbed, key=lambda c: c.start):
        original.append(text[pos:c.start])
        original.append(c.original)
        pos = c.end
    original.append(text[pos:end])
    replacement = text[start:edit.start] + edit.replacement + text[edit.end:end]
    delta = len(replacement) - (end - start)
    shifted = [c if c.end <= start else replace(c, start=c.start + delta, end=c.end + delta)
               for c in corrections if c not in absorbed]
    line = min([edit.line, *(c.line for c in absorbed)])
    new_end = start + len(replacement)
    new = Correction(edit.rule, start, new_end, "".join(original), replacement,
                     edit.confidence, line, edit.note)
    return text[:start] + replacement + text[end:], [*shifted, new], (start, end, new_end)


def moved_offset(offset: int, start: int, end: int, new_end: int) -> int:
    """Where ``offset`` lands after ``[start, end)`` became ``[start, new_end)``."""
    if offset <= start:
        return offset
    return offset + new_end - end if offset >= end else new_end
