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

import bisect
import functools
import logging
import re
from dataclasses import dataclass, replace

from ..model import Footnote, FootnoteRef, LineKind
from .joining import join
from .lines import RawLine, new_block
from .shape import ends_sentence, split_authors

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


# --- notes at the page foot with no separator line (Tesseract, pdftotext, ABBYY) ----
#
# The rule above the notes is a graphic that plain text does not keep, and the
# superscript numerals are misread (``!``, ``?``, ``'``, ``”``, ``*``, ``l`` …)
# or lost. A page's notes are the blocks at its foot (or, on a page of two
# columns, at the foot of the left column, between the columns' text) that
# open with a numeral or a misread one; a block with no numeral is a note
# too where it fills a gap in the numbering or is set wider than the page's
# text (a full-width note under two columns); a block that continues an
# unfinished note is part of it.

_FOOT_HEAD = re.compile(r"(\d{1,2})(?:\s?(?=[^\W\d_])|(?=[“‘]\w|" + _YEAR + r"[,.;:]?(?:\s|$)))"
                        r"|([!?*'’”“‘\"°®$#§†|{]|[lTS](?=[A-Z][a-z]))\s?(?=[A-Z“\"‘(]|0[a-z])")
"""A note's head: its numeral glued (or spaced) to the text, or a misread one. A note may
open with a quotation (``2“The accounts``) or a year (``51937, the year``: the superscript
set closed up to the year's digits; of the digits, the year takes the last four)."""
_ONE_SHAPED = frozenset("lT|!")
"""Misreadings of a superscript 1."""
_TWO_SHAPED = frozenset("?")
"""The misreading of a superscript 2 at a note's head (Tesseract's usual one)."""
_QUOTE_HEADS = frozenset("'’”“‘\"")
"""Misread numerals that are also quotes: a note's head only in a block set like a note."""
_MID_PAGE_MARKS = frozenset("lTS|!?*$#°®§†{")
"""Misread numerals that may open a note block in the middle of a page (not
quotes: a paragraph may open with one)."""
_PROSE_FREE_MARKS = frozenset("*°®§†{#lTS")
"""Misread numerals that never open a paragraph: a block opening with one
between the columns' text is a note even after a finished sentence. The
letters are heads only glued to a capital (``TArure``, ``SMaritime``: no
word begins with two capitals and a small letter)."""
NEXT_PAGE_LINES = 12
"""How far into the next page a note's reference may have been pushed."""
MID_WIDE_SHARE = 1.3
"""A block between the columns' text this much wider than the columns is set full width."""
GAP_NOTE_MAX_LINES = 3
"""A block with no numeral fills a gap in the numbering only when it is this short."""
CITE_NOTE_MAX_LINES = 4
"""A block giving a book's imprint is a note, whatever its head became, up to this many lines."""
WIDE_NOTE_SHARE = 1.06
"""A block with no numeral is a note when its lines are this much wider than the page's text."""
QUOTE_LOOKBACK_LINES = 6
"""How far back an opening quote may make a ``”`` a closing quote, not a note reference."""


@dataclass(frozen=True, slots=True)
class FootNote:
    """A note found at a page foot: its lines, number, and how it was read."""

    lines: tuple[int, ...]
    """Indexes of its lines."""
    n: str
    marker: str
    """The misread numeral at its head (kept in its text), or ``""``."""
    inferred: bool
    page: int
    mid_page: bool
    """The note stands between the columns' text, not at the page's end."""


def _head(content: str, *, mid_page: bool) -> tuple[str | None, str] | None:
    """``(digits, misread)`` of a note's head, or ``None`` when the line opens no note."""
    match = _FOOT_HEAD.match(content)
    if match is None:
        return None
    if match.group(1):
        digits = match.group(1)
        if len(digits) == 2 and digits[1] == "0" and content[2:3].islower():
            return digits[0], ""  # 30n: note 3, its O read as a zero
        return digits, ""
    mark = match.group(2)
    if mid_page and mark not in _MID_PAGE_MARKS:
        return None
    return None, match.group(0)


def _chunks(lines: list[RawLine], kinds: list[LineKind], start: int, end: int) -> list[list[int]]:
    """Runs of text lines in ``[start, end)`` with nothing else between them."""
    out: list[list[int]] = []
    run: list[int] = []
    for i in range(start, end):
        if kinds[i] is LineKind.TEXT:
            if run and new_block(lines, i):
                out.append(run)
                run = []
            run.append(i)
        elif run:
            out.append(run)
            run = []
    if run:
        out.append(run)
    return out


def _pages(lines: list[RawLine]) -> list[tuple[int, int]]:
    starts = [0] + [i for i, line in enumerate(lines) if line.is_page_start and i]
    return [(s, e) for s, e in zip(starts, starts[1:] + [len(lines)])]


MIN_MEASURED_LINES = 6
"""A page's text width is only measured over this many lines (0: unknown)."""


def _body_width(lines: list[RawLine], chunks: list[list[int]]) -> float:
    """The median width of a page's full lines (each block's last line aside), 0 when too few."""
    lengths = sorted(len(lines[i].content) for chunk in chunks for i in chunk[:-1])
    return float(lengths[len(lengths) // 2]) if len(lengths) >= MIN_MEASURED_LINES else 0.0


def _chunk_width(lines: list[RawLine], chunk: list[int]) -> float:
    lengths = sorted(len(lines[i].content) for i in (chunk[:-1] or chunk))
    return float(lengths[len(lengths) // 2])


def find_foot_notes(lines: list[RawLine], kinds: list[LineKind]) -> list[FootNote]:
    """Find the notes at page feet of an input without separator lines; mark them ``FOOTNOTE``."""
    from .shape import ends_sentence

    notes: list[FootNote] = []
    last_n = 0
    for page, (start, end) in enumerate(_pages(lines)):
        if _text_starts(lines, kinds, start, end):
            last_n = 0
        chunks = _split_read_in(lines, _chunks(lines, kinds, start, end))
        if len(chunks) < 2:
            continue
        width = _body_width(lines, chunks)
        found: dict[int, tuple[str | None, str]] = {}  # chunk index -> head
        # The numbers of the notes this page shows above each chunk (a note
        # between the columns comes before those at the foot).
        above = [last_n]
        for chunk in chunks:
            head = _head(lines[chunk[0]].content, mid_page=True)
            number = above[-1]
            if head is not None:
                number = int(head[0]) if head[0] else (1 if head[1].strip() in _ONE_SHAPED else number)
            above.append(number)
        def self_wide(k: int) -> bool:
            """Set wider than the text: a smaller type (or the full width under two columns).

            A block of two or three lines is measured with its last line
            too (a paragraph's last line is shorter, a note's need not be).
            """
            if not width:
                return False
            chunk = chunks[k]
            if _chunk_width(lines, chunk) >= width * WIDE_NOTE_SHARE:
                return True
            return 2 <= len(chunk) <= GAP_NOTE_MAX_LINES and \
                sum(len(lines[i].content) for i in chunk) / len(chunk) >= width * WIDE_NOTE_SHARE

        def noteish(k: int) -> bool:
            """A block that opens a note on one of its lines, or is set wider than the text."""
            chunk = chunks[k]
            if self_wide(k):
                return True
            heads = [_head(lines[i].content, mid_page=False) for i in chunk]
            return any(h is not None and not (width and h[0] is None and h[1].strip() in _QUOTE_HEADS)
                       and (p == 0 or ends_sentence(lines[chunk[p - 1]].content)) for p, h in enumerate(heads))

        # The foot: note chunks from the page's end upwards.
        foot_top = len(chunks)
        bottom = len(chunks)  # the chain of notes ends above this chunk (the tail aside)
        tail = None
        k = len(chunks) - 1
        while k >= 1:
            head = _head(lines[chunks[k][0]].content, mid_page=False)
            if head is not None and head[0] is None and head[1].strip() in _QUOTE_HEADS and width \
                    and not self_wide(k) and not (len(chunks[k]) == 1 and k + 1 in found) \
                    and not _cites(lines, chunks[k]):
                head = None  # ‘The …: a paragraph opening with a quote (or one added by the scan)
            if head is not None:
                found[k] = head
                foot_top = k
            elif foot_top == k + 1 or k == bottom - 1:
                top = min(foot_top, bottom)
                # Wider than the text by a little only (a column's justified lines vary that
                # much) and cut off in mid-word or mid-sentence right above a note that kept
                # its numeral: the column's last paragraph, which the page broke; a note
                # above another ends with its stop.
                wide = self_wide(k) and not (
                    k + 1 in found and found[k + 1] != (None, "") and _MID_WORD.search(lines[chunks[k][-1]].content)
                    and _chunk_width(lines, chunks[k]) < MID_WIDE_SHARE * width)
                below = k + 1 < len(chunks) and k + 1 in found
                gap = (below and foot_top == k + 1 and len(chunks[k]) <= GAP_NOTE_MAX_LINES
                       and _fills_gap(found[k + 1], above[k])
                       and (found[k + 1][0] is not None or _ends_note(lines[chunks[k][-1]].content)))
                # The end of an unfinished note above, split off by a blank line.
                rest = (k - 1 >= 1 and top == k + 1 and noteish(k - 1)
                        and not _ends_note(lines[chunks[k - 1][-1]].content) and _note_rest(lines, chunks[k]))
                # A whole note whose numeral was lost, under one that kept its numeral.
                lost = (k - 1 >= 1 and top == k + 1 and len(chunks[k]) <= GAP_NOTE_MAX_LINES
                        and _ends_note(lines[chunks[k][-1]].content) and _numbered(lines[chunks[k - 1][0]].content))
                # A scrap of a citation read apart from its note ({1983}: 180-185.).
                scrap = below and len(chunks[k]) <= GAP_NOTE_MAX_LINES and _scrap(lines, chunks[k])
                cited = _cites(lines, chunks[k]) and (below or k == len(chunks) - 1 and k - 1 >= 1
                                                      and noteish(k - 1))
                if not (wide or gap or rest or lost or scrap or cited):
                    if k == len(chunks) - 1:
                        tail = k  # text, or the end of an unfinished note above it
                        bottom = k
                        k -= 1
                        continue
                    break
                found[k] = (None, "")
                foot_top = k
            else:
                break
            k -= 1
        if tail is not None and tail - 1 in found and (
                not _ends_note(lines[chunks[tail - 1][-1]].content) and _note_rest(lines, chunks[tail])
                or len(chunks[tail]) == 1 and _MID_WORD.search(lines[chunks[tail][0]].content)):
            found[tail] = (None, "")  # the end of the note above, or a piece of it read out of order
        # Between the columns: a block opening with a numeral, text on both sides.
        for k in range(1, foot_top - 1):
            if split_authors(lines[chunks[k - 1][-1]].content):
                continue  # under a byline: the text has not begun (an editorial note set wide)
            head = _head(lines[chunks[k][0]].content, mid_page=True)
            if head is None and width and _chunk_width(lines, chunks[k]) >= MID_WIDE_SHARE * width:
                # Set full width under two columns: any misread numeral opens a note there.
                head = _head(lines[chunks[k][0]].content, mid_page=False)
            if head is not None and (not ends_sentence(lines[chunks[k - 1][-1]].content) or k - 1 in found
                                     or head[0] is not None and int(head[0]) == last_n + 1
                                     or head[0] is None and head[1].strip() in _PROSE_FREE_MARKS):
                found[k] = head
            elif _cites(lines, chunks[k]) or _interrupts(lines, chunks, k):
                found[k] = _head(lines[chunks[k][0]].content, mid_page=False) or (None, "")
        for k in range(1, foot_top - 1):
            # A note whose numeral was lost, set wider than the column it cuts
            # (``… not a con-`` // note // ``sequence of it``).
            if k not in found and self_wide(k) and _MID_SENTENCE.search(lines[chunks[k - 1][-1]].content) \
                    and lines[chunks[k + 1][0]].content[:1].islower() \
                    and lines[chunks[k][-1]].content.endswith((".", ",")):
                found[k] = (None, "")
        for k in range(2, foot_top - 1):
            # A note whose numeral was lost, above the next one between the columns.
            head = found.get(k) or _head(lines[chunks[k][0]].content, mid_page=True)
            if (head is not None and head[0] is not None and int(head[0]) == last_n + 2
                    and k - 1 not in found and len(chunks[k - 1]) <= GAP_NOTE_MAX_LINES
                    and _ends_note(lines[chunks[k - 1][-1]].content)
                    and not ends_sentence(lines[chunks[k - 2][-1]].content)):
                found[k - 1] = (None, "")
                found[k] = head
        if (tail is not None and tail not in found and any(k < tail for k in found)
                and len(chunks[tail]) <= GAP_NOTE_MAX_LINES and _CITATION_END.search(lines[chunks[tail][-1]].content)
                and ends_sentence(lines[chunks[tail - 1][-1]].content)):
            # A whole note whose numeral was lost, alone at the end of a page with notes:
            # short, after a finished sentence, ending as a citation does (… March 1980.).
            found[tail] = (None, "")
        note_lines = {i for k in found for i in chunks[k]}
        printed = {int(h[0]) for h in found.values() if h[0] is not None}
        strong: list[RefCandidate] | None = None

        def lost_head(i: int, before: int, number: int) -> bool:
            """Line ``i`` opens note ``number`` whose numeral was lost, merged into the note above.

            The line before ends as a citation does (its stop misread: ``119-134,``), this
            one opens with a capitalised word, no head on the page prints the number, and
            the page's text holds a reference that fits it (:data:`SPLIT_SCORE`: ``caution.2``,
            ``states."``) and one candidate more than the page's notes before it need.
            """
            nonlocal strong
            if not (_CITATION_CLOSE.search(lines[before].content) and _CAPITALISED.match(lines[i].content)) \
                    or number in printed:
                return False
            if strong is None:
                strong = [c for c in ref_candidates(lines, kinds, start, end) if c.line not in note_lines]
            first = min([int(n.n) for n in notes if n.page == page] + [number - 1])
            fitting = [c for c in strong if any(glyph_score(c, str(m)) >= PLACE_SCORE
                                                for m in range(first, number + 1))]
            return len(fitting) > number - first and any(glyph_score(c, str(number)) >= SPLIT_SCORE
                                                         for c in fitting)

        for k in sorted(found):
            chunk = chunks[k]
            digits, mark = found[k]
            mid = k < foot_top
            current: list[int] = []
            notes_head: tuple[str | None, str] | None = None
            for position, i in enumerate(chunk):
                head = ((digits, mark) if digits is not None or mark else None) if position == 0 else \
                    _next_head(lines, chunk, position, mid, last_n, current, notes_head)
                if head is None and (position or notes and notes[-1].page == page) and lost_head(
                        i, chunk[position - 1] if position else notes[-1].lines[-1],
                        int(_foot_note(current, notes_head, last_n, 0, mid).n if current else notes[-1].n) + 1):
                    head = (None, "")
                    if not current:  # the note above ended in the block before: this one opens here
                        current, notes_head = [i], head
                        continue
                if position == 0 and head is None and notes and notes[-1].page == page and (
                        _MID_WORD.search(lines[notes[-1].lines[-1]].content) and lines[i].content[:1].islower()
                        or not _ends_note(lines[notes[-1].lines[-1]].content) and _scrap(lines, chunk)):
                    # A note broken across the columns goes on in lower case at the next foot,
                    # or with the figures that close its citation (… Studies, // 2001), 136-166.).
                    notes[-1] = replace(notes[-1], lines=notes[-1].lines + (i,))
                    notes_head = ("continued", "")
                    continue
                if position == 0 and head is None and notes and notes[-1].page == page and k - 1 in found \
                        and (not _ends_note(lines[notes[-1].lines[-1]].content) or _scrap(lines, chunk)
                             or not mid and k == max(found) and _MID_WORD.search(lines[chunk[-1]].content)):
                    # The block continues the unfinished note above it, up to a new note's head;
                    # so does a piece of a note at the page's end that ends in mid-sentence (the
                    # scan read a note's lines out of order: every note ends with a full stop).
                    notes[-1] = replace(notes[-1], lines=notes[-1].lines + (i,))
                    notes_head = ("continued", "")
                    continue
                if position and head is None:
                    if notes_head == ("continued", ""):
                        notes[-1] = replace(notes[-1], lines=notes[-1].lines + (i,))
                    else:
                        current.append(i)
                    continue
                if current:
                    notes.append(_foot_note(current, notes_head, last_n, page, mid))
                    last_n = int(notes[-1].n)
                current, notes_head = [i], head
            if current:
                notes.append(_foot_note(current, notes_head, last_n, page, mid))
                last_n = int(notes[-1].n)
            for i in chunk:
                kinds[i] = LineKind.FOOTNOTE
    return notes


_NOTE_END = re.compile(r"[.?!][”’\"')\]]*$")


def _ends_note(text: str) -> bool:
    """A note's last line ends with a full stop (a colon or comma leaves it open)."""
    return bool(_NOTE_END.search(text.rstrip()))


def _note_rest(lines: list[RawLine], chunk: list[int]) -> bool:
    """A block that may be the rest of an unfinished note above it: short, or going on
    in lower case (a column's text after a note that lost its full stop is neither)."""
    return len(chunk) <= GAP_NOTE_MAX_LINES or lines[chunk[0]].content[:1].islower()


def _text_starts(lines: list[RawLine], kinds: list[LineKind], start: int, end: int) -> bool:
    """A new text (and its note numbering) begins on this page: a title in capitals opens it."""
    first = [i for i in range(start, end) if kinds[i] is LineKind.TEXT][:2]
    return any(_upper_share(lines[i].content) >= TITLE_UPPER_SHARE for i in first)


TITLE_UPPER_SHARE = 0.7
"""A line this much in capitals opens a text, for the note numbering (a
degraded scan reads ``RULEs FOR COLD WaTERS``)."""


def _upper_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if len(letters) >= 4 else 0.0


def _next_head(lines: list[RawLine], chunk: list[int], position: int, mid: bool, last_n: int,
               current: list[int], head: tuple[str | None, str] | None) -> tuple[str | None, str] | None:
    """The head of a new note on line ``position`` of a note block, or ``None``: it continues the note.

    After a line that ends a sentence any note head starts a new note; after
    one that does not (``comparable,`` misread), only the next number does.
    """
    from .shape import ends_sentence

    found = _head(lines[chunk[position]].content, mid_page=mid)
    if found is None:
        return None
    if ends_sentence(lines[chunk[position - 1]].content) or _mark_head(lines[chunk[position]].content):
        return found
    if not current:
        return None
    number = _foot_note(current, head, last_n, 0, mid).n
    return found if found[0] is not None and int(found[0]) == int(number) + 1 else None


def _fills_gap(head_below: tuple[str | None, str], last_n: int) -> bool:
    """A note with no numeral above one numbered two past the last note: the missing number.

    Above a misread numeral, a gap after the first note; or before it, when
    the mark has the shape of a 2 (``?``: a text's first note is seldom read so).
    """
    digits, mark = head_below
    return digits is not None and int(digits) == last_n + 2 or (
        digits is None and bool(mark) and (last_n >= 1 or mark.strip() in _TWO_SHAPED))


_IMPRINT = re.compile(r"\([^()]*:[^()]*\b" + _YEAR + r"\)")
"""A book's imprint in a citation, place and publisher before the year: ``(Manila: Harbor
Books, 1981)``. Running text cites by author and year (``(Hirata 1991: 45)``), not so."""


def _gives_imprint(lines: list[RawLine], chunk: list[int]) -> bool:
    """The lines ``chunk``, read as one, cite a book by its imprint (:data:`_IMPRINT`)."""
    return bool(_IMPRINT.search(" ".join(lines[i].content for i in chunk)))


def _cites(lines: list[RawLine], chunk: list[int]) -> bool:
    """A short block that cites a book by its imprint: a note, whatever its head became.

    A note's misread numeral may be glued to its first letter (``Thetling Tsao``,
    ``‘Tureau``) or look like a quote (``“Daniel Ferris``), and a paragraph of
    one to three lines may open so too; a paragraph does not give an imprint.
    """
    return len(chunk) <= CITE_NOTE_MAX_LINES and (not lines[chunk[0]].content[:1].islower() or any(
        _mark_head(lines[i].content) for i in chunk[1:])) and _gives_imprint(lines, chunk)


def _interrupts(lines: list[RawLine], chunks: list[list[int]], k: int) -> bool:
    """Block ``k`` cuts a sentence of the columns' text in two and cites a book by its imprint.

    The text before it stops in mid-sentence and the text after it goes on in lower case, so
    the block stands where a column ends (a note under it), not between two paragraphs; a
    quotation that a sentence goes on after gives no imprint. Any length: the notes under a
    column may be several (``… rather`` // notes // ``than a practice``).
    """
    return (0 < k < len(chunks) - 1 and not ends_sentence(lines[chunks[k - 1][-1]].content)
            and lines[chunks[k + 1][0]].content[:1].islower() and _gives_imprint(lines, chunks[k]))


def _split_read_in(lines: list[RawLine], chunks: list[list[int]]) -> list[list[int]]:
    """Chunks with the notes under a column cut from the column's last lines read into them.

    Tesseract may read a column's last line and the notes under it as one block (no blank
    line between). Where a block that does not open as a note has a line that opens as one
    after a line that leaves its sentence open, the lines from it on cite a book by its
    imprint and end as a note does, and the next block goes on in lower case (the column's
    sentence continues after the notes), the block is two: the column's lines, then the notes.
    """
    out: list[list[int]] = []
    for k, chunk in enumerate(chunks):
        after = chunks[k + 1] if k + 1 < len(chunks) else None
        cut = None
        # Not within a note: a citation's title may open a line with a quote (‘The Fragile …).
        if (after is not None and lines[after[0]].content[:1].islower()
                and _head(lines[chunk[0]].content, mid_page=False) is None):
            for p in range(1, len(chunk) - 1):
                if (_head(lines[chunk[p]].content, mid_page=False) is not None
                        and not ends_sentence(lines[chunk[p - 1]].content)
                        and _ends_note(lines[chunk[-1]].content)
                        and _gives_imprint(lines, chunk[p:])):
                    cut = p
                    break
        out += [chunk[:cut], chunk[cut:]] if cut else [chunk]
    return out


_MARK_HEADS = frozenset("*°®§†{#")
"""Misread numerals that no line of running text opens with (:data:`_PROSE_FREE_MARKS`
less its letters): a line opening with one before a capital opens a note wherever it stands."""


def _mark_head(content: str) -> bool:
    head = _head(content, mid_page=False)
    return head is not None and head[0] is None and head[1].strip() in _MARK_HEADS


SCRAP_LETTER_SHARE = 0.5
"""A block with fewer letters than this share of its characters is no running text."""


def _scrap(lines: list[RawLine], chunk: list[int]) -> bool:
    """A block of figures and marks (pages, years, a volume's number), not of words."""
    text = "".join(lines[i].content for i in chunk).replace(" ", "")
    return bool(text) and sum(c.isalpha() for c in text) < SCRAP_LETTER_SHARE * len(text)


def _numbered(content: str) -> bool:
    """A line opens with a note's numeral: digits, or a misread one that is not a quote."""
    head = _head(content, mid_page=False)
    return head is not None and (head[0] is not None or head[1].strip() not in _QUOTE_HEADS)


SPLIT_SCORE = 0.6
"""A glyph that scores this for a note's number makes room for it in the note above."""
_CITATION_CLOSE = re.compile(r"\d[\d\-–)\]]*[.,;\-]?$")
"""A line that ends as a citation does, its full stop perhaps misread (``119-134,``, ``1992-``)."""
_CAPITALISED = re.compile(r"[A-Z][a-z]")
_CITATION_END = re.compile(r"\d[\d\-–)\]]*\.$")
"""A line that ends as a citation does: a year, a page, a range (``1980.``, ``(1983): 145-167.``)."""
_MID_WORD = re.compile(r"[^\W\d_]-?$")
"""A line that stops after a word (or in one)."""
_MID_SENTENCE = re.compile(r"[a-z,;-]$")
"""A line that leaves its sentence open (a word, a comma, a hyphen)."""
_LETTER_DIGITS = frozenset("058")
"""Digits OCR reads for a note's first letter glued to its numeral (O; S)."""
_DIGIT_MISREADS = frozenset({("7", "1"), ("8", "3"), ("6", "5"), ("8", "6"), ("9", "3"), ("2", "3")})
"""(read, printed) digits of a superscript note numeral that OCR confuses."""


def _foot_note(chunk: list[int], head: tuple[str | None, str] | None, last_n: int, page: int,
               mid: bool) -> FootNote:
    digits, mark = head or (None, "")
    if digits is not None:
        if len(digits) == 2 and int(digits) > last_n + 2 and digits[0] == str(last_n + 1) \
                and digits[1] in _LETTER_DIGITS:
            # 20 the negotiations, 38e0 Yoko after note 1 or 2: the next number, its
            # note's first letter read as a digit (O, S)
            return FootNote(tuple(chunk), digits[0], "", False, page, mid)
        if int(digits) > last_n + 2 and (digits, str(last_n + 1)) in _DIGIT_MISREADS:
            # 7On after note 0: a superscript 1 read as 7; the numeral stays in the text as its marker
            return FootNote(tuple(chunk), str(last_n + 1), digits, True, page, mid)
        return FootNote(tuple(chunk), str(int(digits)), "", False, page, mid)
    if mark and mark.strip() in _ONE_SHAPED:
        return FootNote(tuple(chunk), "1", mark, True, page, mid)
    return FootNote(tuple(chunk), str(last_n + 1), mark, True, page, mid)


def foot_note_text(note: FootNote, lines: list[RawLine]) -> Footnote:
    """The :class:`Footnote` of a note found at a page foot (a printed numeral becomes ``n``)."""
    first = lines[note.lines[0]]
    if note.inferred:
        pieces = [(lines[i].content, lines[i].number, lines[i].is_page_start) for i in note.lines]
        text, breaks = join(pieces)
        return Footnote(note.n, text, first.number, breaks=breaks, marker=note.marker, inferred=True)
    return make_note(note.n, [lines[i] for i in note.lines])


def find_foot_anchors(lines: list[RawLine], kinds: list[LineKind], notes: list[FootNote]
                      ) -> tuple[list[FootnoteRef], list[Footnote]]:
    """Place each page-foot note at its reference in the text of its page.

    A page's notes give the sequence of references its text should hold;
    the candidates are the glued numerals and the marks a superscript
    numeral is misread as (:func:`ref_candidates`). The two sequences are
    aligned in order (:func:`align`), each pair scored by how likely the
    glyph is that note's numeral misread; a pair is taken only when its
    score clears :data:`PLACE_SCORE`. A note between the columns looks only
    before itself; the page's last note may find its reference in the next
    page's first lines (a two-column page balanced after the note was set).
    A note with no certain reference is placed at the end of the last text
    line above it (or at the start of the first one below), marked not
    anchored; one with no text line anywhere is returned as unplaced,
    numeral and all.
    """
    refs: list[FootnoteRef] = []
    unplaced: list[Footnote] = []
    pages = _pages(lines)
    candidates = ref_candidates(lines, kinds, 0, len(lines))
    lows: list[int] = []
    highs: list[int] = []
    homes: list[tuple[int, int]] = []
    for k, note in enumerate(notes):
        start, end = pages[note.page]
        first = k == 0 or notes[k - 1].page != note.page
        last = k + 1 == len(notes) or notes[k + 1].page != note.page
        low, high = start, (note.lines[0] if note.mid_page else end)
        if first and note.page and not _text_starts(lines, kinds, start, end):
            # A note set on the page after its reference: the previous page's last lines.
            before = [i for i in range(pages[note.page - 1][0], start) if kinds[i] is LineKind.TEXT]
            if before:
                low = before[-NEXT_PAGE_LINES:][0]
        if last and not note.mid_page and note.page + 1 < len(pages) \
                and not _text_starts(lines, kinds, *pages[note.page + 1]):
            # A note set at the foot of the page before its reference (a
            # two-column page balanced after the note was placed).
            nxt = pages[note.page + 1]
            first_note = next((n.lines[0] for n in notes if n.page == note.page + 1), nxt[1])
            top = [i for i in range(nxt[0], first_note) if kinds[i] is LineKind.TEXT][:NEXT_PAGE_LINES]
            if top:
                high = top[-1] + 1
        lows.append(low)
        highs.append(high)
        homes.append((start, end))
    matched = _align_with_lost(lines, kinds, pages, notes, candidates, lows, highs, homes)
    by_page: dict[int, list[tuple[int, FootNote]]] = {}
    for k, note in enumerate(notes):
        by_page.setdefault(note.page, []).append((k, note))
    for page, page_notes in by_page.items():
        start, end = pages[page]
        for k, note in page_notes:
            footnote = foot_note_text(note, lines)
            c = matched.get(k)
            if c is not None:
                printed = lines[c.line].content[c.column:c.column + len(c.glyph)]
                refs.append(FootnoteRef(lines[c.line].number, c.column, footnote,
                                        None if printed == footnote.n else printed))
                continue
            footnote = replace(footnote, anchored=False)
            last = next((i for i in range(note.lines[0] - 1, start - 1, -1) if kinds[i] is LineKind.TEXT), None)
            if last is None:
                last = next((i for i in range(note.lines[0] - 1, -1, -1) if kinds[i] is LineKind.TEXT), None)
            if last is None:
                last = next((i for i in range(note.lines[-1] + 1, len(lines)) if kinds[i] is LineKind.TEXT),
                            None)
                if last is None:  # no text anywhere: the note stays in the record, unplaced
                    unplaced.append(replace(footnote, text=" ".join(lines[i].content for i in note.lines)))
                    continue
                refs.append(FootnoteRef(lines[last].number, 0, footnote, ""))
                continue
            log.info("line %d: no reference found for footnote %s; placed before it, not anchored",
                     lines[note.lines[0]].number, note.n)
            refs.append(FootnoteRef(lines[last].number, len(lines[last].content), footnote, ""))
    refs.sort(key=lambda r: (r.line, r.column))
    return refs, unplaced


MAX_LOST_NOTES = 1
"""A jump in the printed numbers of at most this many notes is notes lost; a longer one
is a misread numeral (``7`` for a superscript 2), not a run of lost notes."""


def _align_with_lost(lines: list[RawLine], kinds: list[LineKind], pages: list[tuple[int, int]],
                     notes: list[FootNote], candidates: list[RefCandidate], lows: list[int],
                     highs: list[int], homes: list[tuple[int, int]]) -> dict[int, RefCandidate]:
    """:func:`align` and :func:`weak_places` with a stand-in for each note the numbering misses.

    A text's notes are numbered 1, 2, 3 … in the order of their references.
    Where the printed numbers jump (5, then 7) or a text's first note is
    printed 2, the note between was lost at the foot (garbled, read into a
    paragraph), but its reference is still in the running text, between its
    neighbours'. A stand-in of each missing number takes part in the
    alignment on the range of the note after it, so that the note after the
    gap does not take the lost one's reference; a stand-in's reference is
    placed nowhere.

    A page whose notes all lost their numerals (their numbers counted on
    from the note before) may have lost a note before them as well. The
    page is aligned both ways, with its neighbours (:func:`_align_lost`,
    ``shift``); where the stand-in takes a reference the notes leave unused
    and the glyphs fit both readings alike (:data:`SHIFT_MARGIN`), a note
    the two place apart keeps no anchor: a wrong anchor is worse than none.
    Not where a number printed on the page (at a note or as a reference)
    or a head's mark of its number's shape (``?`` for 2) says how they run.
    """
    starts = {page for page, (start, end) in enumerate(pages) if _text_starts(lines, kinds, start, end)}
    whole = _align_lost(notes, starts, candidates, lows, highs, homes)
    matched = {k: c for k, (c, _) in whole.items()}
    by_page: dict[int, list[int]] = {}
    for k, note in enumerate(notes):
        by_page.setdefault(note.page, []).append(k)
    candidate_lines = [c.line for c in candidates]
    for page, on_page in by_page.items():
        if not all(notes[k].inferred and not _shaped_as(notes[k]) for k in on_page) or any(
                k in whole and whole[k][0].glyph.isdigit() and glyph_score(*whole[k]) == 1.0 for k in on_page):
            continue
        # The page and its neighbours only: a volume's alignment once per page would not scale.
        near = [k for p in (page - 1, page, page + 1) for k in by_page.get(p, ())]
        lo = bisect.bisect_left(candidate_lines, min(lows[k] for k in near))
        hi = bisect.bisect_left(candidate_lines, max(highs[k] for k in near))
        args = ([notes[k] for k in near], starts, candidates[lo:hi], *_at(near, lows, highs, homes))
        read = _local(_align_lost(*args), near)
        other = _local(_align_lost(*args, shift=near.index(on_page[0])), near)
        if sum(k in other for k in on_page) < sum(k in read for k in on_page) or \
                _glyphs_fit(other, on_page) < _glyphs_fit(read, on_page) - SHIFT_MARGIN:
            continue  # the page's glyphs fit their numbers better as counted
        for k in on_page:
            if k in matched and (k not in other or other[k][0] is not matched[k]):
                del matched[k]
    return matched


def _at(ks: list[int], *columns: list) -> list[list]:
    return [[column[k] for k in ks] for column in columns]


def _local(read: dict[int, tuple[RefCandidate, str]], near: list[int]) -> dict[int, tuple[RefCandidate, str]]:
    return {near[j]: value for j, value in read.items()}


def _shaped_as(note: FootNote) -> bool:
    """The misread numeral at the note's head has the shape of its number (``!`` 1, ``?`` 2)."""
    mark = note.marker.strip()
    return mark in _ONE_SHAPED and note.n == "1" or mark in _TWO_SHAPED and note.n == "2"


SHIFT_MARGIN = 0.05
"""How much better a page's glyphs must fit its notes' numbers as counted than
with one note lost before them, for the count's anchors to stand."""


def _glyphs_fit(read: dict[int, tuple[RefCandidate, str]], on_page: list[int]) -> float:
    return sum(glyph_score(*read[k]) for k in on_page if k in read)


def _align_lost(notes: list[FootNote], starts: set[int], candidates: list[RefCandidate], lows: list[int],
                highs: list[int], homes: list[tuple[int, int]], shift: int | None = None
                ) -> dict[int, tuple[RefCandidate, str]]:
    """The alignment with stand-ins for the notes the printed numbers skip; with ``shift``,
    also one before note ``shift`` (and the notes of its page whose numbers were counted
    on numbered one more), as if a note before it had been lost. Each note's reference,
    and the number it was matched as."""
    ext: list[FootNote] = []
    ext_lows: list[int] = []
    ext_highs: list[int] = []
    ext_homes: list[tuple[int, int]] = []
    real: list[int] = []  # index in ext of each note

    def add(note: FootNote, k: int) -> None:
        ext.append(note)
        ext_lows.append(lows[k])
        ext_highs.append(highs[k])
        ext_homes.append(homes[k])

    previous: FootNote | None = None
    shifting = False
    for k, note in enumerate(notes):
        same_text = previous is not None and not any(p in starts for p in range(previous.page + 1, note.page + 1))
        first = 1 if not same_text else int(previous.n) + 1
        if not note.inferred and (same_text or note.page in starts) and \
                0 < int(note.n) - first <= MAX_LOST_NOTES:
            for m in range(first, int(note.n)):
                add(replace(note, n=str(m), lines=(), marker="", inferred=True), k)
        if k == shift:
            add(replace(note, lines=(), marker=""), k)
            shifting = True
        elif shifting and (not note.inferred or note.page != notes[shift].page):
            shifting = False
        real.append(len(ext))
        add(replace(note, n=str(int(note.n) + 1)) if shifting else note, k)
        previous = note
    matched = align(ext, candidates, ext_lows, ext_highs, ext_homes)
    matched.update(weak_places(ext, candidates, ext_lows, ext_highs, matched))
    return {k: (matched[e], ext[e].n) for k, e in enumerate(real) if e in matched}


# --- references in the running text: candidates, scores, alignment ----------
#
# Tesseract reads a superscript reference numeral as a digit, as a mark that
# looks like it (¹ ``!`` ``l`` ``|`` ``)``; ² ``?`` ``”``; ³ ``*``; at 300 dpi
# ⁵ ``°`` and ⁶ ``®`` ``©``; any of them ``’`` ``'`` ``°`` ``®`` ``+``; at 120 dpi
# also ``§``, which prose never sets closed up after a full stop: ``rudimentary.§``
# for a 6 and ``statistics.§`` for a 3 on the tuning sets, nowhere else), glued
# to the punctuation or the word before it or split off by a space, or loses
# it. Marks after a sentence's or clause's punctuation (``region.’``,
# ``case.*``) are rarely printed for their own sake; after a word
# (``officials?``, ``settled!``) they often are (a question, a closing quote),
# so they score lower.

@dataclass(frozen=True, slots=True)
class RefCandidate:
    line: int
    """Index of the line."""
    column: int
    glyph: str
    """What stands where a numeral may be (``2``, ``?``, ``*?``, ``’``)."""
    after: str
    """What it is glued to: ``punct``, ``word``, ``year`` or ``space`` (split off)."""
    line_end: bool = False
    """Nothing follows it on its line."""


_CANDIDATE = re.compile(
    r"(?:(?<=[.,;:”’\"')\]])(?P<p>[1-9][°º]|[!?*'’”\"°®©º™+]?\d{1,2}|[!?*'’”\"°®©º™§+)|_]{1,2}|[lIt]_?)"
    r"|(?<=[a-z]{2})(?P<w>\d{1,2}|[!?’”'*°®©º™])"
    r"|(?<=\d[a-z])(?P<d>\d{1,2})"
    r"|(?<=\b" + _YEAR + r")(?P<y>\d{1,2})"
    r"|(?<=[.,;:] )(?P<s>\d{1,2})(?=\s|$)"
    r"|(?<=[.,;:a-z] )(?P<m>[!?*’”°®©º™+|]{1,2}))"
    r"(?=[,;.]?(?:[\s—–)]|$))")
"""A possible reference: its glyph and what it is glued to (one group each); a
stray comma or stop may follow it (``officials.?,``). Digits split off count
only after punctuation (``were 2 ports`` is a number)."""

PLACE_SCORE = 0.45
"""A reference is placed only when its glyph scores at least this (0-1)."""

OFF_PAGE_PENALTY = 0.5
"""What a reference on the page before or after its note's page loses to one on it: as
much as two numbers' scores of one glyph differ (``?`` as 2 or as 1: 0.85, 0.4), so
that one off the page is taken where it places one note more, never to trade one
reading of the page's own glyphs for another (``.?`` as note 2 and the next page's
``.?`` as note 3, where ``.”`` is note 2 and ``.?`` note 3)."""
_QUOTES = frozenset("’”'\"")


def ref_candidates(lines: list[RawLine], kinds: list[LineKind], start: int, end: int) -> list[RefCandidate]:
    """The possible reference numerals in the text lines ``[start, end)``, in reading order."""
    out: list[RefCandidate] = []
    singles = _single_quotes(lines, kinds, start, end)
    for i in range(start, end):
        if kinds[i] is not LineKind.TEXT:
            continue
        content = lines[i].content
        for match in _CANDIDATE.finditer(content):
            group = match.lastgroup or ""
            glyph = match.group(group)
            after = {"p": "punct", "w": "word", "d": "word", "y": "year", "s": "space", "m": "space"}[group]
            if after == "punct" and glyph[0] in "lIt" and not content[match.start() - 1] in ".,;:":
                continue  # ”l, )I: a letter after a quote or bracket opens a word
            if glyph[0] in _QUOTES and _open_quote(lines, kinds, i, match.start(), glyph[0], singles):
                continue  # it closes a quotation
            if glyph[0] == ")" and content[:match.start()].count("(") > content[:match.start()].count(")"):
                continue  # it closes a bracket
            out.append(RefCandidate(i, match.start(), glyph, after, not content[match.end():].strip()))
    return out


def glyph_score(candidate: RefCandidate, number: str) -> float:
    """How likely ``candidate`` is the reference numeral of note ``number`` (0-1).

    >>> [round(glyph_score(RefCandidate(0, 0, g, "punct"), n), 2) for g, n in
    ...  [("2", "2"), ("!", "1"), ("?", "2"), ("?", "1"), ("*", "3"), ("l", "2"), ("1°", "10")]]
    [1.0, 0.9, 0.85, 0.4, 0.85, 0.0, 0.9]
    """
    glyph, after = candidate.glyph, candidate.after
    if len(glyph) == 2 and glyph[0].isdigit() and glyph[1] in "°º":
        # ¹⁰ … ⁹⁰: a raised 0 read as the small circle it looks like (region.1°)
        return 0.9 if glyph[0] + "0" == number else 0.0
    if glyph[-1].isdigit():
        if glyph.lstrip("!?*'’”\"°®+") == number:
            return 1.0 if glyph.isdigit() else 0.95
        # ³ read as 2 (a digit OCR confuses with the number, after punctuation); any
        # other digit is another note's reference, or a number
        misread = (glyph.lstrip("!?*'’”\"°®+"), number) in _DIGIT_MISREADS
        return 0.5 if after == "punct" and misread else 0.0
    if after == "year":
        return 0.0
    first = glyph[0]
    one = number == "1"
    if first in "lI|":
        base = 0.8 if one else 0.0
    elif first == "t":  # a 1 with its serif read as a letter (it.t)
        base = 0.6 if one else 0.0
    elif first == "_":
        base = 0.5
    elif first == "!":
        base = 0.9 if one else 0.5
    elif first == ")":
        base = 0.6 if one else 0.35
    elif first == "?":  # the shape of a 2 (a 3 less so)
        base = {"1": 0.4, "2": 0.85, "3": 0.75}.get(number, 0.6)
    elif first == "*":  # of a 3 (a 4 less so)
        base = {"1": 0.4, "2": 0.6, "3": 0.85, "4": 0.75}.get(number, 0.6)
    elif first in "”\"":  # of a 2
        base = {"1": 0.5, "2": 0.75}.get(number, 0.6)
    elif first in "’'":
        base = 0.7
    elif first in "°º":  # of a 5 (its bowl read as the small circle)
        base = 0.75 if number == "5" else 0.6
    elif first in "®©":  # of a 6 (its loop read as the circled letter)
        base = 0.7 if number == "6" else 0.6
    else:  # ™ +
        base = 0.6
    if after == "word":
        # Mostly printed as such (a question, an exclamation, a closing quote,
        # a misread letter); only a question mark inside a line for a note
        # past the first stands for a numeral (the period and ² read as one).
        base = 0.5 if first == "?" and not one and not candidate.line_end else 0.3
    elif after == "space":
        base *= 0.8
    return base


def align(notes: list[FootNote], candidates: list[RefCandidate], lows: list[int],
          highs: list[int], homes: list[tuple[int, int]]) -> dict[int, RefCandidate]:
    """Match the notes with candidates in order (monotone): the most pairs, then the best scores.

    Note ``k`` may take a candidate on lines ``[lows[k], highs[k])`` whose
    glyph scores at least :data:`PLACE_SCORE` for its number; a note or a
    candidate may stay unmatched. A candidate off the note's own page
    (``homes[k]``) scores a little less, so that it wins only where the
    page's own text has none. Returns the matched candidate of each
    note. A sparse dynamic programme: for each allowed pair, the best chain
    of earlier pairs ending before its candidate (a prefix maximum over the
    candidates, in a Fenwick tree).
    """
    n = len(candidates)
    lines_of = [c.line for c in candidates]
    tree: list[tuple[float, int]] = [(0.0, -1)] * (n + 1)  # prefix max of (total, pair id)
    pairs: list[tuple[int, int, int]] = []  # (note, candidate, previous pair id)

    def query(j: int) -> tuple[float, int]:  # best over candidates < j
        best = (0.0, -1)
        while j > 0:
            best = max(best, tree[j])
            j -= j & -j
        return best

    def update(j: int, value: tuple[float, int]) -> None:
        j += 1
        while j <= n:
            tree[j] = max(tree[j], value)
            j += j & -j

    best_total = (0.0, -1)
    for k, note in enumerate(notes):
        lo, hi = bisect.bisect_left(lines_of, lows[k]), bisect.bisect_left(lines_of, highs[k])
        found: list[tuple[int, tuple[float, int]]] = []
        for j in range(lo, hi):
            s = glyph_score(candidates[j], note.n)
            if s < PLACE_SCORE:
                continue
            if not homes[k][0] <= candidates[j].line < homes[k][1]:
                s -= OFF_PAGE_PENALTY
            total, previous = query(j)
            pairs.append((k, j, previous))
            found.append((j, (total + 1.0 + s, len(pairs) - 1)))
        for j, value in found:  # after the note's own pairs, so that it is matched once
            update(j, value)
            best_total = max(best_total, value)
    out: dict[int, RefCandidate] = {}
    pair = best_total[1]
    while pair >= 0:
        k, j, pair = pairs[pair]
        out[k] = candidates[j]
    return out


WEAK_SCORE = 0.3
"""A glyph too weak to place on its own (a ``?`` or ``!`` after a word) is placed
at this score only where it is the one candidate left between two placed notes."""


def weak_places(notes: list[FootNote], candidates: list[RefCandidate], lows: list[int],
                highs: list[int], matched: dict[int, RefCandidate]) -> dict[int, RefCandidate]:
    """References for notes :func:`align` left unmatched, from glyphs too weak to place alone.

    A note's reference lies after the reference of the note before it and
    before that of the note after it (a text's notes are numbered in
    reading order). Where a note is the only one unmatched between two
    matched neighbours (or a neighbour and its range's end) and that
    stretch of its range holds exactly one candidate, of any score, that
    scores at least :data:`WEAK_SCORE` for it, that candidate is its
    reference: nothing else there can be. Two weak glyphs, or two notes
    without a reference, leave them all unplaced; so does a glyph at a
    line's end, where a heading's question mark stands (``Who Builds?``).
    """
    out: dict[int, RefCandidate] = {}
    order = sorted(matched)
    where = {id(c): j for j, c in enumerate(candidates)}
    for k, note in enumerate(notes):
        if k in matched:
            continue
        at = bisect.bisect_left(order, k)
        before = order[at - 1] if at else None
        after = order[at] if at < len(order) else None
        if (before is None and k > 0 and notes[k - 1].page == note.page and k - 1 not in matched) or \
                (after is None and k + 1 < len(notes) and notes[k + 1].page == note.page) or \
                (before is not None and before != k - 1) or (after is not None and after != k + 1):
            continue  # another note of the stretch has no reference either
        lo = where[id(matched[before])] + 1 if before is not None else 0
        hi = where[id(matched[after])] if after is not None else len(candidates)
        inside = [c for c in candidates[lo:hi] if lows[k] <= c.line < highs[k]]
        if len(inside) == 1 and glyph_score(inside[0], note.n) >= WEAK_SCORE and not inside[0].line_end:
            out[k] = inside[0]
    return out


SINGLE_QUOTE_NOISE = 3
"""A text with this many times more ``‘`` than closing ``’`` has no single
quotations: its ``‘`` are the scan's (a degraded page reads one before many a
capital T: ``‘The``), and open nothing."""
_OPENING_SINGLE = re.compile(r"(?<!\w)‘")
_CLOSING_SINGLE = re.compile(r"’(?!\w)")


def _single_quotes(lines: list[RawLine], kinds: list[LineKind], start: int, end: int) -> bool:
    """The text lines ``[start, end)`` may hold single quotations (see :data:`SINGLE_QUOTE_NOISE`)."""
    opening = closing = 0
    for i in range(start, end):
        if kinds[i] is LineKind.TEXT and "‘" in lines[i].content:
            opening += len(_OPENING_SINGLE.findall(lines[i].content))
        if kinds[i] is LineKind.TEXT and "’" in lines[i].content:
            closing += len(_CLOSING_SINGLE.findall(lines[i].content))
    return opening <= SINGLE_QUOTE_NOISE * max(closing, 1)


def _open_quote(lines: list[RawLine], kinds: list[LineKind], i: int, column: int, mark: str = "”",
                singles: bool = True) -> bool:
    """A quotation is open at ``column`` of line ``i``: the ``mark`` there closes it.

    A single ``’`` closes a single quotation; a ``‘`` at a line's start
    before a capital does not open one (the scan adds it there: ``‘The``),
    nor any where the text has no single quotations (``singles`` false).
    Any other mark closes a double one.
    """
    text = lines[i].content[:column]
    k, seen = i - 1, 0
    while k >= 0 and seen < QUOTE_LOOKBACK_LINES and kinds[k] in (LineKind.TEXT, LineKind.BLANK):
        if kinds[k] is LineKind.TEXT:
            text = lines[k].content + "\n" + text
            seen += 1
        k -= 1
    if mark in "’'":
        if not singles:
            return False
        opened = len(re.findall(r"(?<![\w\n])‘|(?<=[^\n])‘(?=[a-z])", "\n" + text))
        return opened - len(re.findall(r"’(?!\w)", text)) > 0
    double = text.count("“") - text.count("”")
    single = len(re.findall(r"(?<!\w)‘", text)) - len(re.findall(r"’(?!\w)", text)) if singles else 0
    return double > 0 or single > 0 or text.count('"') % 2 == 1
