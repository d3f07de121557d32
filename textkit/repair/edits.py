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

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from itertools import accumulate

from ..model import Block, Breaks, Confidence, Correction, Rule


def proposal(start: int, end: int, text: str, replacement: str, rule: Rule, confidence: Confidence,
             line: int, note: str = "") -> Correction:
    """A correction of ``text[start:end]`` to propose to :func:`apply_edits`."""
    return Correction(rule, start, end, text[start:end], replacement, confidence, line, note)


def apply_edits(block: Block, edits: Iterable[Correction]) -> Block:
    """Return ``block`` with ``edits`` applied (non-overlapping among themselves).

    One pass from left to right: every offset of the block (corrections,
    anchors, breaks) is moved once, so a block with many changes costs no
    more than linear time.

    >>> from textkit.model import BlockKind
    >>> b = Block(BlockKind.PARAGRAPH, "he end", 1, 1)
    >>> fixed = apply_edits(b, [Correction(Rule.DROPPED_INITIAL, 0, 0, "", "T", Confidence.HIGH, 1)])
    >>> fixed.text, fixed.original_text()
    ('The end', 'he end')
    """
    text = block.text
    existing = sorted(block.corrections, key=lambda c: (c.start, c.end))
    absorbed_ids: set[int] = set()
    pieces: list[str] = []
    made: list[Correction] = []
    spans: list[tuple[int, int, int, int]] = []  # (start, end, new end, kept prefix), old coordinates
    pos = delta = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        start, end = edit.start, edit.end
        absorbed = [c for c in existing if c.start < end and c.end > start]
        for c in absorbed:
            start, end = min(start, c.start), max(end, c.end)
        if start < pos:  # pragma: no cover - overlaps the previous change: proposals are disjoint
            continue
        # The scan's reading of [start, end): the text with the absorbed corrections undone.
        original, cursor = [], start
        for c in absorbed:
            original.append(text[cursor:c.start])
            original.append(c.original)
            cursor = c.end
        original.append(text[cursor:end])
        replacement = text[start:edit.start] + edit.replacement + text[edit.end:end]
        pieces += [text[pos:start], replacement]
        pos = end
        made.append(replace(edit, start=start + delta, end=start + delta + len(replacement),
                            original="".join(original), replacement=replacement,
                            line=min([edit.line, *(c.line for c in absorbed)])))
        spans.append((start, end, start + len(replacement), _common_prefix(text[start:end], replacement)))
        delta += len(replacement) - (end - start)
        absorbed_ids.update(id(c) for c in absorbed)
    pieces.append(text[pos:])

    # The changes are disjoint and in order: those that start before an offset all end
    # before it but perhaps the last, and shift it by their sum (bisected, not walked).
    starts = [span[0] for span in spans]
    shifts = list(accumulate((new_end - end for _, end, new_end, _ in spans), initial=0))

    def move(offset: int, *, after_insertion: bool = False) -> int:
        k = bisect_left(starts, offset)  # the changes that start before offset
        # A correction that starts where a letter is inserted (a drop cap's supplied
        # initial before a joined hyphen) starts after it: the letter is not in its span.
        while after_insertion and k < len(spans) and spans[k][0] == spans[k][1] == offset:
            k += 1
        if k == 0:
            return offset
        start, end, new_end, kept = spans[k - 1]
        shift = shifts[k - 1]
        if offset >= end:
            return offset + shift + new_end - end
        # Inside a change: keep the place in the prefix old and new share (a break
        # inside "fundamen-tally" stays after "fundamen"), else go to its end.
        inner = offset - start
        return start + shift + (min(inner, kept) if inner <= kept + 1 else new_end - start)

    kept_corrections = [c if (start := move(c.start, after_insertion=True)) == c.start and move(c.end) == c.end
                        else replace(c, start=start, end=max(start, move(c.end)))
                        for c in existing if id(c) not in absorbed_ids]
    anchors = tuple(a if move(a.offset) == a.offset else replace(a, offset=move(a.offset))
                    for a in block.notes)
    breaks = Breaks(block.breaks).moved(move)
    return replace(block, text="".join(pieces),
                   corrections=tuple(sorted(kept_corrections + made, key=lambda c: c.start)),
                   notes=anchors, breaks=breaks)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n
