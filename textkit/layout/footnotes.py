"""Footnote blocks and the reference numerals glued into the text.

A footnote block starts at a separator line and runs to the next page start
(or the end of the input, or a run of blank lines). Each note begins with its
numeral glued to the text (``1Kent Calder, …``); numbering runs on, so a line
that starts with a number is a new note only when it is the next number.

The reference numeral in the text is glued to a word or to punctuation
(``region.”1 A``, ``order.2 What``), or even to a number (``19941`` is the
year 1994 and note 1). A numeral only counts as a reference when a note of
that number sits in the block below, and the nearest candidate before the
block wins.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, replace

from ..model import Footnote, FootnoteRef, LineKind
from .joining import join
from .lines import RawLine

log = logging.getLogger(__name__)

_NOTE_START = re.compile(r"(\d{1,3})(?=\s?[^\W\d_]|\s?[“\"‘'(\[])")
"""A note's numeral, glued (or spaced) to its text: a letter, quote or bracket follows."""
_GLUED_NOTE_START = re.compile(r"(\d{1,3})(?=[^\W\d_]|[“\"‘'(\[])")
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"

ANCHOR_SEARCH_LINES = 250
"""How far above its block a reference numeral may sit: a page of two columns."""


@dataclass(frozen=True, slots=True)
class FootnoteBlock:
    separator: int
    """Index of the separator line."""
    end: int
    """Index one past the block's last line."""
    notes: tuple[tuple[int, str, list[RawLine]], ...]
    """``(line index, number, lines)`` for each note; the numeral stays in the first line."""


def find_blocks(lines: list[RawLine], kinds: list[LineKind]) -> list[FootnoteBlock]:
    """Find footnote blocks and mark their lines ``FOOTNOTE`` in ``kinds``."""
    blocks: list[FootnoteBlock] = []
    for i, kind in enumerate(kinds):
        if kind is not LineKind.SEPARATOR:
            continue
        end = i + 1
        blank_run = 0
        while end < len(lines) and not lines[end].is_page_start and kinds[end] is not LineKind.SEPARATOR:
            blank_run = blank_run + 1 if kinds[end] is LineKind.BLANK else 0
            if blank_run >= 2:
                end -= 1
                break
            end += 1
        notes: list[tuple[int, str, list[RawLine]]] = []
        body = [j for j in range(i + 1, end) if kinds[j] is LineKind.TEXT]
        glued = [_GLUED_NOTE_START.match(lines[j].content) for j in body]
        for position, j in enumerate(body):
            match = _NOTE_START.match(lines[j].content)
            number = int(match.group(1)) if match else None
            # "8 March 1994," continuing a note is not note 8 when a later
            # line of the block starts "8Noa Ostrow".
            if number is not None and not glued[position] and any(
                    g and int(g.group(1)) == number for g in glued[position + 1:]):
                number = None
            if number is not None and (not notes or number == int(notes[-1][1] or 0) + 1):
                notes.append((j, str(number), [lines[j]]))
            elif notes:
                notes[-1][2].append(lines[j])
            else:  # text before any numbered note: an unnumbered note
                notes.append((j, "", [lines[j]]))
            kinds[j] = LineKind.FOOTNOTE
        blocks.append(FootnoteBlock(i, end, tuple(notes)))
    return blocks


def make_note(number: str, note_lines: list[RawLine]) -> Footnote:
    """The note: numeral removed (it becomes ``n``), lines joined, their breaks recorded."""
    first = note_lines[0].content
    if number:
        first = first[len(number):].lstrip()
    pieces = [(first, note_lines[0].number, note_lines[0].is_page_start),
              *((l.content, l.number, l.is_page_start) for l in note_lines[1:])]
    text, breaks = join(pieces)
    return Footnote(number, text, note_lines[0].number, breaks=breaks)


@functools.lru_cache(maxsize=4096)
def anchor_patterns(number: str) -> tuple[re.Pattern[str], ...]:
    """Ways a reference numeral ``number`` is glued into running text, best first."""
    n = re.escape(number)
    end = r"(?=[\s—–)]|$)"
    return (
        # after closing punctuation or quotes: region.”1  order.2  (1994)3
        re.compile(r"(?<=[.,;:!?”’\"')\]])" + n + end),
        # after a word of two or more lower-case letters, or a decade: concern3  1990s3
        re.compile(r"(?<=[a-z]{2}|\d[a-z])" + n + end),
        # after a year: 19941 is 1994 + note 1
        re.compile(r"(?<=\b" + _YEAR + r")" + n + end),
    )


def find_anchors(lines: list[RawLine], kinds: list[LineKind], blocks: list[FootnoteBlock]
                 ) -> tuple[list[FootnoteRef], list[Footnote]]:
    """Place each note of each block at its glued numeral in the text before the block.

    A note whose numeral cannot be found is placed at the end of the last text
    line above its block, or else at the start of the first one below, marked
    not anchored (and logged); one with no text line anywhere is returned as
    unplaced. No note is ever dropped.
    """
    refs: list[FootnoteRef] = []
    unplaced: list[Footnote] = []
    floor = 0
    for block in blocks:
        limit = block.separator  # search lines before this index, nearest first
        lowest = max(floor, block.separator - ANCHOR_SEARCH_LINES)
        for index, number, note_lines in reversed(block.notes):
            note = make_note(number, note_lines)
            found = _search(lines, kinds, number, lowest, limit) if number else None
            if found is None:
                note = replace(note, anchored=False)
                last = next((i for i in range(limit - 1, lowest - 1, -1) if kinds[i] is LineKind.TEXT), None)
                after = next((i for i in range(block.end, len(lines)) if kinds[i] is LineKind.TEXT), None)
                if last is not None:
                    found = (last, len(lines[last].content))
                    where = f"at the end of line {lines[last].number}"
                elif after is not None:  # nothing above: the note opens the text below
                    found = (after, 0)
                    where = f"at the start of line {lines[after].number}"
                else:
                    unplaced.append(note)
                    where = "at the end of the document"
                log.warning("line %d: no reference numeral found for footnote %s; kept %s, "
                            "marked not anchored", lines[index].number, number or "(unnumbered)", where)
                if found is None:
                    continue
            line_index, column = found
            refs.append(FootnoteRef(lines[line_index].number, column, note))
            limit = line_index + 1
        floor = block.end
    refs.sort(key=lambda r: (r.line, r.column))
    unplaced.sort(key=lambda note: note.line)
    return refs, unplaced


def _search(lines: list[RawLine], kinds: list[LineKind], number: str, floor: int,
            limit: int) -> tuple[int, int] | None:
    patterns = anchor_patterns(number)
    for i in range(limit - 1, floor - 1, -1):
        if kinds[i] is not LineKind.TEXT:
            continue
        content = lines[i].content
        best = None
        for pattern in patterns:
            for match in pattern.finditer(content):
                if best is None or match.start() > best:
                    best = match.start()
            if best is not None:
                break
        if best is not None:
            return i, best
    return None
