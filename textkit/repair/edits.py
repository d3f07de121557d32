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
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
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


Moved = tuple[str, str, Sequence[tuple[int, int, str]]]
"""A text as it was and as it is, with the edits (``(start, end, replacement)`` in the old
text, in order and disjoint) that made the one of the other."""


def apply_edits_noted(block: Block, edits: Sequence[Correction], moved: list[Moved]) -> Block:
    """:func:`apply_edits`, the block's text as it was and as it is, with the edits, noted in
    ``moved`` (for :func:`recount`)."""
    fixed = apply_edits(block, edits)
    moved.append((block.text, fixed.text, [(c.start, c.end, c.replacement) for c in edits]))
    return fixed


def recount(counts: Counter[str], moved: Iterable[Moved], count: Callable[[str], Counter[str]]) -> None:
    """Bring ``counts`` (the sum of ``count`` over a document's texts) up to date with
    ``moved``, texts of it that edits changed: a stage's counts of the words of a document
    after a pass over it, without counting every text again.

    ``count`` must split a text into words that hold no white space (as the stages' word
    patterns do): then outside the stretches between the white space around the edits both
    texts split into the same words, and only those stretches are counted again (the new
    text is checked to be the old with them replaced; where it is not, it is counted again
    whole). A form whose count falls to nothing is removed, as a count made anew lacks it.

    >>> from collections import Counter
    >>> counts = Counter("tbe cat sat on tbe mat".split())
    >>> recount(counts, [("tbe cat sat on tbe mat", "the cat sat on tbe mat", [(0, 3, "the")])],
    ...         lambda text: Counter(text.split()))
    >>> counts == Counter("the cat sat on tbe mat".split())
    True
    """
    for old, new, edits in moved:
        spans: list[list[int]] = []  # [start, end, length change] of stretches of the old text
        for start, end, replacement in edits:
            change = len(replacement) - (end - start)
            while start and not old[start - 1].isspace():
                start -= 1
            while end < len(old) and not old[end].isspace():
                end += 1
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
                spans[-1][2] += change
            else:
                spans.append([start, end, change])
        pieces, stretches, at, shift = [], [], 0, 0
        for start, end, change in spans:
            stretch = new[start + shift:end + shift + change]
            pieces += [old[at:start], stretch]
            stretches.append((old[start:end], stretch))
            at, shift = end, shift + change
        pieces.append(old[at:])
        if "".join(pieces) != new:
            stretches = [(old, new)]
        for before, after in stretches:
            counts.subtract(count(before))
            counts.update(count(after))
    for form in [form for form, n in counts.items() if n <= 0]:
        del counts[form]
