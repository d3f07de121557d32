"""Apply corrections to a block's text, keeping every record in step.

A repair stage proposes :class:`~textkit.model.Correction` s in the
coordinates of ``Block.text`` as it stands (``original`` is the span it
replaces); :func:`apply_edits` makes the changes and shifts the block's
existing corrections, footnote anchors and line breaks so that each still
points at its own place. A proposal that overlaps an earlier correction
absorbs it: the recorded ``original`` is the scan's reading of the whole
merged span, so nothing the scan said is lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..model import Block, Confidence, Correction, Rule


def proposal(start: int, end: int, text: str, replacement: str, rule: Rule, confidence: Confidence,
             line: int, note: str = "") -> Correction:
    """A correction of ``text[start:end]`` to propose to :func:`apply_edits`."""
    return Correction(rule, start, end, text[start:end], replacement, confidence, line, note)


def apply_edits(block: Block, edits: Iterable[Correction]) -> Block:
    """Return ``block`` with ``edits`` applied (non-overlapping among themselves).

    >>> b = Block(BlockKind.PARAGRAPH, "he end", 1, 1)
    >>> fixed = apply_edits(b, [Correction(Rule.DROPPED_INITIAL, 0, 0, "", "T", Confidence.HIGH, 1)])
    >>> fixed.text, fixed.original_text()
    ('The end', 'he end')
    """
    text = block.text
    corrections = list(block.corrections)
    anchors = list(block.notes)
    breaks = list(block.breaks)
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        old = text
        text, corrections, span = _apply_one(text, corrections, edit)
        kept = _common_prefix(old[span[0]:span[1]], text[span[0]:span[2]])
        anchors = [replace(a, offset=_moved(a.offset, span, kept)) for a in anchors]
        breaks = [replace(b, offset=_moved(b.offset, span, kept)) for b in breaks]
    return replace(block, text=text, corrections=tuple(sorted(corrections, key=lambda c: c.start)),
                   notes=tuple(anchors), breaks=tuple(breaks))


def _apply_one(text: str, corrections: list[Correction], edit: Correction
               ) -> tuple[str, list[Correction], tuple[int, int, int]]:
    """Apply one edit; return the new text and corrections, and the replaced
    span ``(start, old end, new end)`` for moving offsets."""
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
    new = replace(edit, start=start, end=new_end, original="".join(original),
                  replacement=replacement, line=line)
    return text[:start] + replacement + text[end:], [*shifted, new], (start, end, new_end)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _moved(offset: int, span: tuple[int, int, int], kept: int) -> int:
    """Where ``offset`` lands after ``[start, end)`` became ``[start, new_end)``.

    An offset inside the span keeps its place in the prefix the old and new
    text share (a line break inside ``fundamen-tally`` stays after
    ``fundamen``), else moves to the span's new end.
    """
    start, end, new_end = span
    if offset <= start:
        return offset
    if offset >= end:
        return offset + new_end - end
    return start + min(offset - start, kept) if offset - start <= kept + 1 else new_end
