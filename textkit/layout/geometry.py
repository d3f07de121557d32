"""Layout of OCR with coordinates (hOCR, ALTO, PAGE XML): the geometry decides.

Plain text shows a page's structure only in its blank lines and its words;
a reader of OCR with coordinates knows each line's box, size and the
engine's blocks. :func:`textkit.read.geometry.classify` turns these into a
:class:`~textkit.read.geometry.Role` per line; this module turns the roles
into what the structure stage reads, the same lines the text path makes:

* running heads, page numbers and drop caps alone on a line are set aside
  (:class:`~textkit.model.LayoutMark`); footnote lines are ``FOOTNOTE``,
  grouped into notes where a note starts, each note placed at its reference
  (a superscript numeral in the text above, :func:`~textkit.read.geometry.anchors`,
  matched to the notes in order);
* between body lines a *virtual* blank line (text ``""``, the number of the
  line after it) stands wherever the page shows a boundary: a paragraph's
  first line (indent, the engine's new block), around headings, titles,
  block quotations and editorial notes;
* each text line carries the geometry's hint (:attr:`Line.heading`,
  :attr:`Line.hint`), which the structure stage honours.

Every line's text is the reader's, unchanged (only a footnote's numeral moves
into ``Footnote.n``, as on the text path). Thresholds are relative to the
document: its body size and line height (medians).
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..model import Box, Document, Footnote, FootnoteRef, LayoutMark, Line, LineKind, SourceLine, Word
from ..read.geometry import (INDENTED, INDENTED_NOTE, NOTE_END, OVER_INDENTED_START, Anchor, Role, RoleKind,
                             anchors, classify, is_raised, printed_pages)
from .footnotes import OFF_PAGE_PENALTY, PLACE_SCORE, RefCandidate, glyph_score
from .joining import join
from .shape import is_title_case

log = logging.getLogger(__name__)

TITLE_RATIO = 1.35
"""A line this much larger than the body (its median size) is a text's title
(Tesseract on LaTeX: titles 1.38-1.62, section heads 1.15-1.31, measured)."""
HEADING_BLOCK_RATIO = 1.05
"""An engine block of a few short lines this much larger than the body is a heading."""
MAX_HEADING_LINES = 3
LEVEL_GAP = 1.1
"""Heading sizes split into two levels where one is this much larger than the next."""
BODY_TIER = 1.1
"""A heading measured under this times the body's size is set at the body's
size (Tesseract 5 on the tuning volumes, measured against the body: level 2
0.92-1.08 on degraded scans and 0.95-1.02 clean, level 1 1.12-1.31; a
sub-heading whose italic f descends measures 1.12-1.25)."""
LEVEL_STEP = 0.1
"""Two tiers of heading sizes are a type size apart: sizes of one tier (all
level 1 in the gold) measured 15, 15, 15, 15.4, 16 and 17 px over a 13-px
body, one pixel from each other, as a 120-dpi scan's noise goes; two type
sizes (1.2 and 1.44 times the body) differ by a quarter of it. Where no such
step between the sizes is found, every heading is level 1 (tuning volumes'
degraded hOCR: 10 wrong levels of 164 -> 4; 0.08-0.15 alike)."""
BODY_TIER_GAP = 1.05
"""How much larger the headings above :data:`BODY_TIER` must be on average."""
SMALL_RATIO = 0.92
"""Body lines at most this size against the body, under a title, are an editorial note."""
EDITORIAL_CENTERED_RATIO = 0.96
"""Centred lines at most this size against the body, under a title, are an editorial note too."""
INSET_EM = 0.8
"""A block quotation is inset this many line heights on both sides of its column."""

_HEADLINE_END = re.compile(r"[.,;:]$")
_REMOVED = {RoleKind.RUNNING_HEAD: LineKind.RUNNING_HEAD, RoleKind.PAGE_NUMBER: LineKind.PAGE_NUMBER,
            RoleKind.DROP_CAP: LineKind.LONE_INITIAL, RoleKind.SEPARATOR: LineKind.SEPARATOR}
_NOTE_KINDS = (RoleKind.FOOTNOTE, RoleKind.FOOTNOTE_START)


def has_geometry(doc: Document) -> bool:
    """The document's lines come with boxes (an hOCR, ALTO or PAGE reader read it)."""
    return any(line.box is not None for line in doc.source_lines)


@dataclass
class _Body:
    """What the layout decided about one body line (an index into the source lines)."""

    index: int
    heading: int = 0
    hint: str = ""
    start: bool = False
    """A new block starts here (a blank line goes before it)."""
    apart: bool = False
    """A title at a page's top: two blank lines (a new text, or the title page's end)."""


def analyze_geometry(doc: Document) -> Document:
    """The layout stage for OCR with coordinates: ``lines``, ``footnote_refs``, ``layout_marks``."""
    src = _measured(deskewed(list(doc.source_lines)))
    pages = list(doc.pages)
    roles = classify(src, pages)
    body_size = _median([ln.size for ln in src if ln.size and len(ln.text.split()) >= 5])
    em = _median([float(ln.box.height) for ln in src if ln.box and len(ln.text.split()) >= 5])
    body = _body_lines(src, roles, body_size, em)
    starts = {b.index: b for b in body}
    notes = _notes(src, roles)
    # superscripts by the engine's own word boxes: neighbours are compared, and
    # levelling them would only add rounding
    title_pages = {src[b.index].page for b in body if b.hint == "title"}
    refs, unplaced = _anchor_notes(src, roles, notes, set(starts), list(doc.source_lines), title_pages)

    lines: list[Line] = []
    marks: list[LayoutMark] = []
    page = None
    page_pending = True
    for i, ln in enumerate(src):
        number = i + 1
        if ln.page != page:
            page, page_pending = ln.page, True
        role = roles[i]
        if role.kind in _REMOVED:
            kind = _REMOVED[role.kind]
            lines.append(Line(number, ln.text.strip(), kind))
            marks.append(LayoutMark(kind, number, ln.text.strip()))
            continue
        if role.kind in _NOTE_KINDS:
            lines.append(Line(number, ln.text.strip(), LineKind.FOOTNOTE))
            continue
        info = starts[i]
        if info.start and lines:
            lines.extend([Line(number, "", LineKind.BLANK)] * (2 if info.apart else 1))
        lines.append(Line(number, ln.text.strip(), LineKind.TEXT, page_pending, info.heading, info.hint))
        page_pending = False
    pages_out = printed_pages(src, pages, roles)
    return replace(doc, lines=tuple(lines), footnote_refs=tuple(refs), layout_marks=tuple(marks),
                   unplaced_notes=tuple(unplaced), pages=tuple(pages_out))


_TALL = frozenset("bdfhkl") | frozenset("ABCDEFGHIJKLMNOPRSTUVWXYZ0123456789")
_DEEP = frozenset("gjpqyQ()[]{}/|")


def measured_size(line: SourceLine) -> float | None:
    """The line's type size as its words' boxes show it: the median height of
    its words that reach the cap height and go no lower than the baseline
    (``The``, ``INTRODUCTION``, ``1984``; not ``copy`` or ``one``).

    Engines' own size estimates (hOCR ``x_size``, ALTO ``HEIGHT``) drift with
    skew and noise: on a scan rotated by a degree a line's box is a third
    taller than its words, while a word's box hardly changes; and a word's
    height mixes descenders in. None when no word is of that shape.
    """
    heights = []
    for word in line.words:
        if word.box is None:
            continue
        if any(c in ",;" for c in word.text):  # a comma's tail descends below the baseline
            continue
        text = word.text.strip(".:!?'\"‘’“”-–—*°")
        # a hyphen or dash sits between the baseline and the x-height: "24-45", "Anglo-Saxon"
        parts = re.split("[-–]", text)
        if len(text) < 2 or not all(parts) or any(c in _DEEP for c in text):
            continue
        if not all(p.isalpha() for p in parts) and not all(p.isdigit() for p in parts):
            continue  # "3For": a superscript glued on raises the box
        if any(c in _TALL for c in text):
            heights.append(float(word.box.height))
    return statistics.median(heights) if heights else None


SKEW_MIN = 0.002
"""Pages skewed less than this slope (0.1 degree) are left as they are."""
_DESCENDING = frozenset("gjpqyQ,;()[]{}/|")


def deskewed(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with their boxes turned level, page by page, for judging the layout.

    A scan rotated by a degree puts the end of a 1,500-pixel line 26 pixels
    lower than its start: line boxes grow into the space between lines, and
    a column's left edge drifts. The slope of a page is the median slope of
    its lines' baselines (the bottoms of words that do not descend); each
    word box moves up or down by it, and a line's box is its words' boxes.
    The text is untouched.
    """
    slopes: dict[int, list[float]] = defaultdict(list)
    for ln in lines:
        points = [((w.box.x0 + w.box.x1) / 2, float(w.box.y1)) for w in ln.words
                  if w.box is not None and w.text and not any(c in _DESCENDING for c in w.text)]
        if len(points) >= 4:
            mx = statistics.mean(x for x, _ in points)
            my = statistics.mean(y for _, y in points)
            var = sum((x - mx) ** 2 for x, _ in points)
            if var > 0:
                slopes[ln.page].append(sum((x - mx) * (y - my) for x, y in points) / var)
    page_slope = {page: statistics.median(values) for page, values in slopes.items() if len(values) >= 5}
    out = []
    for ln in lines:
        slope = page_slope.get(ln.page, 0.0)
        if abs(slope) < SKEW_MIN or ln.box is None or not ln.words or any(w.box is None for w in ln.words):
            out.append(ln)
            continue

        def level(box: Box) -> Box:
            shift = round(slope * (box.x0 + box.x1) / 2)
            # a column's left edge leans the other way: x moves by the slope times y
            across = round(slope * (box.y0 + box.y1) / 2)
            return Box(max(0, box.x0 + across), box.y0 - shift, max(0, box.x1 + across), box.y1 - shift)
        words = tuple(replace(w, box=level(w.box)) for w in ln.words)  # type: ignore[arg-type]
        tops = sorted(w.box.y0 for w in words)  # type: ignore[union-attr]
        bottoms = sorted(w.box.y1 for w in words)  # type: ignore[union-attr]
        if len(words) >= 4:  # a speck glued to one word does not make the line tall
            y0, y1 = tops[len(tops) // 4], bottoms[(3 * len(bottoms)) // 4]
        else:
            y0, y1 = tops[0], bottoms[-1]
        x0, x1 = min(w.box.x0 for w in words), max(w.box.x1 for w in words)  # type: ignore[union-attr]
        out.append(replace(ln, box=Box(x0, y0, x1, max(y1, y0 + 1)), words=words))
    return out


def _descending_height(line: SourceLine) -> float | None:
    """The median height of the line's words that reach the cap height and go
    below the baseline (``Early``, ``Projects``): cap height plus descender."""
    heights = []
    for word in line.words:
        if word.box is None or any(c in ",;" for c in word.text):
            continue
        text = word.text.strip(".:!?'\"‘’“”-–—*°")
        # a capital Q reaches the cap height and its tail descends (measured_size leaves it out)
        if len(text) >= 2 and text.isalpha() and any(c in _TALL or c == "Q" for c in text) \
                and any(c in "gjpqyQ" for c in text):
            heights.append(float(word.box.height))
    return statistics.median(heights) if heights else None


_X_HEIGHT = frozenset("acemnorsuvwxz")


def _x_height(line: SourceLine) -> float | None:
    """The median height of the line's words of small letters only, none
    rising above the x-height or going below the baseline (``ian``, ``were``)."""
    heights = []
    for word in line.words:
        if word.box is None or any(c in ",;" for c in word.text):
            continue
        text = word.text.rstrip(".:")
        if len(text) >= 2 and all(c in _X_HEIGHT for c in text):
            heights.append(float(word.box.height))
    return statistics.median(heights) if heights else None


def _measured(lines: list[SourceLine]) -> list[SourceLine]:
    """The lines with the sizes :func:`measured_size` finds. A line with no
    word to measure is measured by its words with descenders, scaled by the
    document's median ratio of the two heights (the depth of the font's
    descenders), or else by its words of small letters (the font's x-height
    against its cap height); a line with none of these keeps the engine's
    size, brought to the same scale (the document's median ratio of the
    engine's to the measured). Engines' sizes differ: hOCR's ``x_size``
    leaves out the descenders, an ALTO line's ``HEIGHT`` takes them in."""
    sizes = [measured_size(ln) for ln in lines]
    deep = [_descending_height(ln) for ln in lines]
    small = [_x_height(ln) for ln in lines]
    ratios = [m / ln.size for m, ln in zip(sizes, lines) if m and ln.size]
    ratio = statistics.median(ratios) if ratios else None
    depth = _depth(sizes, deep)
    xs = [x / m for m, x in zip(sizes, small) if m and x]
    x_ratio = statistics.median(xs) if len(xs) >= 3 else None
    out = []
    for m, d, x, ln in zip(sizes, deep, small, lines):
        if m is None and d and depth:
            m = d / depth
        elif m is None and x and x_ratio:
            m = x / x_ratio
        elif m is None and ln.size and ratio:
            m = ln.size * ratio
        out.append(replace(ln, size=m) if m else ln)
    return out


def _depth(sizes: list[float | None], deep: list[float | None]) -> float | None:
    """The font's descender depth: the median ratio of a line's
    :func:`_descending_height` to its :func:`measured_size` (None unless three
    lines show both)."""
    depths = [d / m for m, d in zip(sizes, deep) if m and d]
    return statistics.median(depths) if len(depths) >= 3 else None


def _median(values: list[float]) -> float | None:
    values = [v for v in values if v]
    return statistics.median(values) if values else None


# ------------------------------------------------------------------ body lines

def _body_lines(src: list[SourceLine], roles: list[Role], body: float | None,
                em: float | None) -> list[_Body]:
    """Every body line (not furniture, not a note) with its hints and block starts."""
    out = [_Body(i) for i, role in enumerate(roles) if role.kind not in _REMOVED
           and role.kind not in _NOTE_KINDS]
    if not out:
        return out
    _mark_titles(src, out, body)
    _mark_headings(src, roles, out, body)
    _mark_editorial(src, out, body)
    _mark_quotes(src, out, em)
    pieces = _pieces(src, out)
    previous: _Body | None = None
    alone = _lone_title_paragraphs(src, out)
    for b in out:
        role = roles[b.index]
        if b.index in pieces and previous is not None:
            # the rest of the printed line above, read apart: as that line
            b.heading, b.hint, b.start = previous.heading, previous.hint if previous.hint != "paragraph" else "", False
        elif previous is None:
            b.start = True
        elif src[b.index].page != src[previous.index].page and b.hint == "title":
            # a title at a page's top: a new text (or the title page's end),
            # whether or not its byline can be read as one
            b.start = b.apart = True
        elif b.hint in ("title", "quote", "editorial", "byline") or b.heading:
            same_run = (previous.hint == b.hint and previous.heading == b.heading
                        and src[previous.index].block == src[b.index].block
                        if b.heading and not b.hint else previous.hint == b.hint)
            if same_run and b.hint == "title" and _steps_down(src[previous.index], src[b.index]):
                same_run = False  # a title's subtitle, set smaller: a block of its own
            if b.hint == "quote" and role.kind is RoleKind.PARAGRAPH_START and _indented_in_quote(src, out, b, em):
                same_run = False
            b.start = not same_run
        elif previous.hint in ("title", "quote", "editorial", "byline") or previous.heading:
            b.start = True
        elif role.kind is RoleKind.PARAGRAPH_START:
            b.start = not _hanging(src, roles, previous, b, em)
        elif role.kind in (RoleKind.CAPTION, RoleKind.MARGINALIA):
            # a caption or marginal note is a block of its own (of its region's lines)
            before = roles[previous.index]
            b.start = before.kind is not role.kind or src[previous.index].block != src[b.index].block
        elif b.index in alone:
            b.start = True  # the text's rules judge it a heading or not, as on plain text's blank lines
        if b.start and not b.hint and not b.heading:
            b.hint = "paragraph"
        previous = b
    return out


def _pieces(src: list[SourceLine], body: list[_Body]) -> set[int]:
    """Body lines that are the rest of the body line before them, which the
    engine read as a line of its own (a short line split at a word: ``Ines
    Duarte and Ka`` / ``to Sato``): on its row, right after its end."""
    out = set()
    for a, b in zip(body, body[1:]):
        x, y = src[a.index], src[b.index]
        if x.page != y.page or x.box is None or y.box is None:
            continue
        overlap = min(x.box.y1, y.box.y1) - max(x.box.y0, y.box.y0)
        height = min(x.box.height, y.box.height)
        if overlap >= 0.5 * height and x.box.x1 - 4 <= y.box.x0 <= x.box.x1 + height:
            out.add(b.index)
    return out


SUBTITLE_RATIO = 0.8
"""A title line this much smaller than the title line above it is a subtitle
(a title page's occasion line: 0.57 of the title, clean or degraded scan; a
title's own lines measure within 0.9 of each other)."""


def _steps_down(above: SourceLine, line: SourceLine) -> bool:
    """``line`` is set clearly smaller than the title line ``above`` it."""
    return bool(above.size and line.size and line.size < SUBTITLE_RATIO * above.size)


def _lone_title_paragraphs(src: list[SourceLine], body: list[_Body]) -> set[int]:
    """Body lines in Title Case, without a final stop, that the engine made a paragraph of their own
    (``block`` differs from the lines on both sides): a heading its size did not tell (a degraded
    scan), which Tesseract's plain text sets between blank lines."""
    out = set()
    for a, b, c in zip(body, body[1:], body[2:]):
        line = src[b.index]
        text = line.text.strip()
        if (line.block and src[a.index].block != line.block != src[c.index].block
                and not _HEADLINE_END.search(text) and is_title_case(text)):
            out.add(b.index)
    return out


def _hanging(src: list[SourceLine], roles: list[Role], previous: _Body, b: _Body, em: float | None) -> bool:
    """A line indented like the full line above it, itself indented: the
    room a drop cap the engine lost leaves beside a text's first lines, not
    a paragraph's first-line indent."""
    role, before = roles[b.index], roles[previous.index]
    a, c = src[previous.index], src[b.index]
    if (not em or role.why != INDENTED or a.box is None or c.box is None
            or a.page != c.page or before.kind is not RoleKind.PARAGRAPH_START):
        return False
    same_indent = abs(a.box.x0 - c.box.x0) <= em
    full = a.box.x1 >= c.box.x1 - em  # the line above runs to the column's end: no paragraph end
    return same_indent and full


def _mark_titles(src: list[SourceLine], body: list[_Body], size: float | None) -> None:
    """Lines set far larger than the body are titles; so is every line of a page
    that holds nothing but large lines (a title page)."""
    if not size:
        return
    by_page: dict[int, list[_Body]] = defaultdict(list)
    for b in body:
        by_page[src[b.index].page].append(b)
    for b in body:
        ln = src[b.index]
        measured = measured_size(ln)  # not an engine's estimate: a word like "Ships" may not measure
        if measured and measured >= TITLE_RATIO * size and _headline(ln.text):
            b.hint = "title"
    for page_lines in by_page.values():
        if not any(b.hint == "title" for b in page_lines) or len(page_lines) > 6:
            continue
        if (all(src[b.index].size and src[b.index].size >= HEADING_BLOCK_RATIO * size for b in page_lines)
                or _title_page(src, page_lines)):
            for b in page_lines:
                b.hint = "title"


def _title_page(src: list[SourceLine], lines: list[_Body]) -> bool:
    """A page of a title and a few short lines centred on it (an occasion line,
    ``Papers of a Workshop``, that a noisy scan measures at body size)."""
    title = next(src[b.index] for b in lines if b.hint == "title")
    if title.box is None:
        return False
    middle = (title.box.x0 + title.box.x1) / 2
    for b in lines:
        ln = src[b.index]
        if ln.box is None or len(ln.text.split()) > 8 or ln.text.rstrip().endswith("."):
            return False
        if abs((ln.box.x0 + ln.box.x1) / 2 - middle) > max(ln.box.height, 0.05 * title.box.width):
            return False
    return True


def _headline(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 14 and (words[0][:1].isupper() or words[0][:1].isdigit()
                                     or not words[0][:1].isalpha())


def _mark_headings(src: list[SourceLine], roles: list[Role], body: list[_Body],
                   size: float | None) -> None:
    """Headings: the geometry's, and engine blocks of a few short, large lines
    (a heading that wraps: ``Public Money and Private`` / ``Ships``)."""
    blocks: dict[tuple[int, int], list[_Body]] = defaultdict(list)
    for b in body:
        blocks[(src[b.index].page, src[b.index].block)].append(b)
    runs: list[list[_Body]] = []
    for members in blocks.values():
        if any(b.hint for b in members) or len(members) > MAX_HEADING_LINES:
            if len(members) <= MAX_HEADING_LINES or not any(roles[b.index].kind is RoleKind.HEADING
                                                            for b in members):
                continue
            # A heading the engine put in the block of its paragraph: the heading lines only.
            run = [b for b in members if roles[b.index].kind is RoleKind.HEADING]
            if run and run == members[:len(run)]:
                runs.append(run)
            continue
        over = next((k for k, b in enumerate(members) if roles[b.index].why == OVER_INDENTED_START), None)
        if over is not None:
            # a heading found over the indented paragraph start under it in
            # its block: the lines from that start on are the paragraph's
            runs.append(members[:over + 1])
            continue
        texts = [src[b.index].text.strip() for b in members]
        first = texts[0].lstrip("‘’“”\"'*.,:;-–—([")  # a noisy scan adds a quote before a capital
        if not first[:1].isupper() and not first[:1].isdigit():
            continue
        if _HEADLINE_END.search(texts[-1]) or any(len(t.split()) > 10 for t in texts):
            continue
        if any(t.endswith((".", ",", ";", ":")) for t in texts[:-1]):
            continue
        by_role = any(roles[b.index].kind is RoleKind.HEADING for b in members)
        large = bool(size and _run_size(src, members) >= HEADING_BLOCK_RATIO * size)
        if by_role or large or _lone_line(src, roles, body, members, size):
            runs.append(members)
    depth = _depth([measured_size(ln) for ln in src], [_descending_height(ln) for ln in src])
    runs = [part for run in runs for part in _split_at_step(src, run, depth)
            if not (part is not run and _runs_on(src, body, part))]
    levels = _levels(src, runs, size)
    for run, level in zip(runs, levels):
        for b in run:
            b.heading = level


STEP_RATIO = 0.9
"""A heading's line measured this much smaller than the line above it, which
ends no word, starts a lower heading (a section heading directly followed by
its first sub-heading, read by the engine as one block: 0.81-0.87 measured;
a heading's own lines measure alike)."""


def _split_at_step(src: list[SourceLine], run: list[_Body], depth: float | None = None) -> list[list[_Body]]:
    """``run`` cut where its lines' measured size steps down (:data:`STEP_RATIO`).
    A line whose every word goes below the baseline (``Design``, ``Colleges``)
    is measured by them, scaled by the font's descender ``depth``
    (:func:`_depth`); a line of small letters only (``nance``) never cuts it."""
    parts = [run[:1]]
    for above, b in zip(run, run[1:]):
        a, m = _cap_size(src[above.index], depth), _cap_size(src[b.index], depth)
        text = src[above.index].text.rstrip()
        if a and m and m < STEP_RATIO * a and not text.endswith(("-", "–", ",")) \
                and src[b.index].text.strip()[:1].isupper():
            parts.append([b])
        else:
            parts[-1].append(b)
    return parts


RUNNING_WORDS = 5
"""A line of this many words or more that ends where the column's next line ends
is justified running text, not a heading."""


def _runs_on(src: list[SourceLine], body: list[_Body], part: list[_Body]) -> bool:
    """The last line cut off a heading at a step down (:func:`_split_at_step`)
    is a paragraph's first line, which the engine put in the heading's block
    (``Procurement`` / ``Much depends on whether local co-``): one line of
    :data:`RUNNING_WORDS` words or more, justified to the right edge of the
    next body line in its column. A sub-heading is short, or ragged."""
    if len(part) != 1:
        return False
    i = part[0].index
    ln = src[i]
    k = next((k for k, b in enumerate(body) if b.index == i), None)
    if ln.box is None or k is None or len(ln.text.split()) < RUNNING_WORDS:
        return False
    below = next((src[b.index] for b in body[k + 1:] if src[b.index].page == ln.page and src[b.index].box
                  and src[b.index].box.x0 < ln.box.x1 and src[b.index].box.x1 > ln.box.x0), None)
    if below is None or below.box is None:
        return False
    return abs(below.box.x1 - ln.box.x1) <= 0.5 * ln.box.height and ln.box.width >= 0.8 * below.box.width


def _cap_size(line: SourceLine, depth: float | None) -> float | None:
    """The line's :func:`measured_size`, else its words with descenders' height
    brought to the same scale by the font's descender ``depth``."""
    size = measured_size(line)
    if size is None and depth:
        deep = _descending_height(line)
        size = deep / depth if deep else None
    return size


def _lone_line(src: list[SourceLine], roles: list[Role], body: list[_Body], members: list[_Body],
               size: float | None) -> bool:
    """A block of one short line, not small, between other blocks, with an
    indented paragraph start right under it: a heading set at body size (a
    sub-heading whose bold the scan does not show)."""
    if len(members) != 1 or not size:
        return False
    b = members[0]
    k = body.index(b)
    if k + 1 >= len(body) or k == 0:
        return False
    ln, nxt, prev = src[b.index], src[body[k + 1].index], src[body[k - 1].index]
    if ln.box is None or nxt.box is None or nxt.page != ln.page:
        return False
    if roles[body[k + 1].index].why != INDENTED or prev.block == ln.block:
        return False
    short = ln.box.width <= 0.75 * nxt.box.width
    return short and bool(ln.size and ln.size >= 0.95 * size) and len(ln.text.split()) <= 8


def _run_size(src: list[SourceLine], run: list[_Body]) -> float:
    """A heading's size: its largest line measured from its words (a short
    word like ``Ships`` may not measure at all), else its lines' median."""
    measured = [m for b in run if (m := measured_size(src[b.index])) is not None
                and len(src[b.index].text.split()) >= 1]
    if measured:
        return max(measured)
    return _median([src[b.index].size or 0.0 for b in run]) or 0.0


def _levels(src: list[SourceLine], runs: list[list[_Body]], body: float | None = None) -> list[int]:
    """Level 1 for the larger heading sizes, 2 for the smaller.

    Where some headings are set at about the body's size (under
    :data:`BODY_TIER` times it: a sub-heading set in the text's size, in
    bold or italic) and others larger, and the two groups' means differ by
    :data:`BODY_TIER_GAP`, the cut is there. Otherwise, where the sizes fall
    in two tiers: the split of the sorted sizes in two that leaves the least
    spread within each (two-means), taken when the tiers' means differ by
    :data:`LEVEL_GAP` and the smallest of the larger is :data:`LEVEL_STEP`
    of the body's size above the largest of the smaller. (On a 120-dpi scan
    the two sizes are 13-16 and 14-15 pixels, as noise is: the body size is
    the one measure that is taken over hundreds of lines.)"""
    sizes = [_run_size(src, run) for run in runs]
    known = sorted(s for s in sizes if s)
    cut = None
    if body:
        low = [s for s in known if s < BODY_TIER * body]
        high = [s for s in known if s >= BODY_TIER * body]
        if low and high and statistics.mean(high) >= BODY_TIER_GAP * statistics.mean(low):
            cut = high[0]
    if cut is None:
        best: tuple[float, float] | None = None  # (spread, cut)
        for k in range(1, len(known)):
            low, high = known[:k], known[k:]
            spread = sum((x - statistics.mean(low)) ** 2 for x in low) + sum(
                (x - statistics.mean(high)) ** 2 for x in high)
            stepped = not body or high[0] - low[-1] >= LEVEL_STEP * body
            if statistics.mean(high) >= LEVEL_GAP * statistics.mean(low) and stepped \
                    and (best is None or spread < best[0]):
                best = (spread, high[0])
        cut = best[1] if best else None
    return [1 if cut is None or s >= cut else 2 for s in sizes]


def _mark_editorial(src: list[SourceLine], body: list[_Body], size: float | None) -> None:
    """Small print right under a title (and its byline): an editorial note."""
    if not size:
        return
    k = 0
    while k < len(body):
        if body[k].hint != "title":
            k += 1
            continue
        while k < len(body) and body[k].hint == "title":
            k += 1
        # the byline: a line or two set apart from the text (a heading by size, or short)
        j = k
        while j < len(body) and j - k < 3 and (body[j].heading or _short_alone(src, body, j)) \
                and not _small(src[body[j].index], size):
            j += 1
        run_end = j
        edges = _text_edges(src, body, src[body[max(j - 1, 0)].index].page) if j < len(body) else None
        for b in body[k:j]:  # a centred author line: not a quotation
            if not b.hint and not b.heading and _centered(src[b.index], edges):
                b.hint = "byline"
        while run_end < len(body) and src[body[run_end].index].page == src[body[max(j - 1, 0)].index].page \
                and (_small_print(src[body[run_end].index], size)
                     or _centered_small(src[body[run_end].index], size, edges)
                     # the note's last line, a few words centred under it
                     or (run_end > j and (_centered(src[body[run_end].index], edges)
                                          or _continues_line(src[body[run_end - 1].index],
                                                             src[body[run_end].index]))
                         and (src[body[run_end].index].size or 0) <= 1.05 * size)):
            run_end += 1
        # small print that runs on in the engine's block into body-size text is
        # the text's first line measured small (its words without ascenders,
        # beside a drop cap), not a note over the text
        runs_on = (j < run_end < len(body) and src[body[run_end].index].block == src[body[run_end - 1].index].block
                   and src[body[run_end].index].page == src[body[run_end - 1].index].page
                   and measured_size(src[body[run_end - 1].index]) is None)
        if run_end > j and run_end - j <= 8 and not runs_on:
            for b in body[j:run_end]:
                b.hint, b.heading = "editorial", 0
        k = max(run_end, k + 1)


def _continues_line(above: SourceLine, line: SourceLine) -> bool:
    """``line`` goes on from ``above``: flush with it, after no sentence's end."""
    if above.box is None or line.box is None:
        return False
    ended = re.search(r"[.!?][\"'”’)]?$", above.text.strip())
    return abs(above.box.x0 - line.box.x0) <= max(above.box.height, 4) and not ended


def _text_edges(src: list[SourceLine], body: list[_Body], page: int) -> tuple[int, int] | None:
    boxes = [src[b.index].box for b in body if src[b.index].page == page and src[b.index].box
             and len(src[b.index].text.split()) >= 5]
    if not boxes:
        return None
    return min(b.x0 for b in boxes), max(b.x1 for b in boxes)  # type: ignore[union-attr]


def _centered_small(ln: SourceLine, size: float, edges: tuple[int, int] | None) -> bool:
    """Set a little small and inset on both sides of the text (a noisy scan
    measures small print barely smaller than the body)."""
    if edges is None or ln.box is None or not ln.size or ln.size > EDITORIAL_CENTERED_RATIO * size:
        return False
    return _centered(ln, edges)


def _centered(ln: SourceLine, edges: tuple[int, int] | None) -> bool:
    if edges is None or ln.box is None:
        return False
    inset = max(ln.box.height, 1)
    left, right = ln.box.x0 - edges[0], edges[1] - ln.box.x1
    return left >= inset and right >= inset and abs(left - right) <= 0.1 * (edges[1] - edges[0])


def _short_alone(src: list[SourceLine], body: list[_Body], j: int) -> bool:
    ln = src[body[j].index]
    return len(ln.text.split()) <= 8 and not ln.text.rstrip().endswith(".")


def _small(ln: SourceLine, size: float) -> bool:
    return bool(ln.size and ln.size <= SMALL_RATIO * size)


def _small_print(ln: SourceLine, size: float) -> bool:
    return _small(ln, size) and not _small_caps_opening(ln, size)


def _small_caps_opening(ln: SourceLine, size: float) -> bool:
    """A text's first line that opens in small capitals (the first word or
    words after a drop cap, ``HERE is a``): the capitals measure small, the
    rest of the line at body size. Not small print."""
    k = 0
    while k < len(ln.words) and len(w := ln.words[k].text.strip(".,:;'\"‘’“”")) >= 2 \
            and w.isalpha() and w.isupper():
        k += 1
    if k == 0 or k == len(ln.words):
        return False
    rest = measured_size(replace(ln, words=ln.words[k:]))
    return rest is not None and rest > SMALL_RATIO * size


def _columns(src: list[SourceLine], body: list[_Body]) -> dict[int, tuple[int, int]]:
    """For each body line, the left and right edges of its column (the page's
    body lines that share its horizontal span)."""
    by_page: dict[int, list[int]] = defaultdict(list)
    for b in body:
        if src[b.index].box is not None and not b.hint and not b.heading:
            by_page[src[b.index].page].append(b.index)
    out: dict[int, tuple[int, int]] = {}
    for b in body:
        box = src[b.index].box
        if box is None:
            continue
        mates = [src[j].box for j in by_page[src[b.index].page]
                 if src[j].box.x0 < box.x1 and box.x0 < src[j].box.x1]  # type: ignore[union-attr]
        if len(mates) >= 3:
            lefts = sorted(m.x0 for m in mates)  # type: ignore[union-attr]
            rights = sorted(m.x1 for m in mates)  # type: ignore[union-attr]
            # the column's usual edges: most lines are flush left and right
            out[b.index] = (lefts[len(lefts) // 4], rights[len(rights) * 3 // 4])
    return out


def _mark_quotes(src: list[SourceLine], body: list[_Body], em: float | None) -> None:
    """Runs of two or more lines inset on both sides of their column: block quotations."""
    if not em:
        return
    columns = _columns(src, body)
    inset = []
    for b in body:
        ln = src[b.index]
        edges = columns.get(b.index)
        inset.append(bool(edges and ln.box and not b.hint and not b.heading
                          and ln.box.x0 - edges[0] >= INSET_EM * em
                          and edges[1] - ln.box.x1 >= INSET_EM * em))
    k = 0
    while k < len(body):
        if not inset[k]:
            k += 1
            continue
        j = k
        # the run: inset lines of one page
        while j + 1 < len(body) and inset[j + 1] and src[body[j + 1].index].page == src[body[k].index].page:
            j += 1
        if j > k:
            for b in body[k:j + 1]:
                b.hint = "quote"
        k = j + 1


def _indented_in_quote(src: list[SourceLine], body: list[_Body], b: _Body, em: float | None) -> bool:
    """A quotation's line indented against the quotation's other lines: a new paragraph of it."""
    ln = src[b.index]
    if ln.box is None or not em:
        return False
    mates = [src[o.index].box.x0 for o in body if o.hint == "quote" and o is not b  # type: ignore[union-attr]
             and src[o.index].page == ln.page and src[o.index].box is not None
             and abs(src[o.index].box.y0 - ln.box.y0) < 12 * em]  # type: ignore[union-attr]
    return bool(mates) and ln.box.x0 - min(mates) >= INSET_EM * em


# ------------------------------------------------------------------ footnotes

@dataclass
class _Note:
    lines: list[int]
    n: str
    """The note's numeral as read (stripped from its first line), or ``""``."""


def _notes(src: list[SourceLine], roles: list[Role]) -> list[list[_Note]]:
    """The footnotes, in groups of consecutive note lines (one page foot or column foot)."""
    runs: list[list[int]] = []
    for i, role in enumerate(roles):
        if role.kind not in _NOTE_KINDS:
            continue
        if runs and runs[-1][-1] == i - 1 and src[runs[-1][-1]].page == src[i].page:
            runs[-1].append(i)
        else:
            runs.append([i])
    groups: list[list[_Note]] = []
    for run in runs:
        group: list[_Note] = []
        previous_note = -1
        carried = False
        for i in _visual_order(src, run):
            role = roles[i]
            if not group and groups and role.kind is RoleKind.FOOTNOTE \
                    and (carried or _carried_over(src, groups[-1][-1])):
                groups[-1][-1].lines.append(i)  # the rest of the last note of the foot before
                carried = True
                continue
            carried = False
            if group and (_same_row(src, previous_note, i) or (
                    role.kind is RoleKind.FOOTNOTE_START and _continues(src, previous_note, i, role))):
                group[-1].lines.append(i)
            elif role.kind is RoleKind.FOOTNOTE_START or not group:
                # Only a numeral read as digits becomes the note's number; a
                # misread one (``?Ingrid``, ``lMaritime``) stays in its text.
                n = role.n or ""
                if not n.isdigit() or not src[i].text.strip().startswith(n):
                    n = ""
                group.append(_Note([i], n))
            else:
                group[-1].lines.append(i)
            previous_note = i
        if group:
            groups.append(group)
    return groups


def _carried_over(src: list[SourceLine], last: _Note) -> bool:
    """The first line of a page or column foot, a note line that no numeral, mark
    or indent starts (a note whose numeral was lost still stands indented: the
    caller asks of a ``FOOTNOTE`` line only), is the rest of the note ``last`` of
    the foot before, which TeX broke there: that note's last line ended no
    sentence (``see Yoko Hi-`` / ``rata and Tomas Villareal, …``; ``(Tokyo:
    Meridian`` / ``Press, 1994).``)."""
    return not NOTE_END.search(src[last.lines[-1]].text.strip())


def _same_row(src: list[SourceLine], prev: int, i: int) -> bool:
    """Line ``i`` is the rest of printed line ``prev``, read as a piece of its own."""
    a, b = src[prev].box, src[i].box
    if a is None or b is None:
        return False
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap >= 0.5 * min(a.height, b.height) and b.x0 >= a.x1 - 4


def _visual_order(src: list[SourceLine], run: list[int]) -> list[int]:
    """A run of note lines as they stand on the page: top to bottom, and left
    to right within a printed line that the engine read in pieces (a noisy
    scan's small print: ``lavitime`` … ``foty Agency, Annual Report``).
    Two columns of notes side by side (each column's notes at its foot) are
    read a column at a time, the left one first."""
    if any(src[i].box is None for i in run) or len(run) < 2:
        return run
    columns = _note_columns(src, run)
    if len(columns) > 1:
        return [i for column in columns for i in _visual_order(src, column)]
    widest = max(src[i].box.width for i in run)  # type: ignore[union-attr]
    rows: list[list[int]] = []
    for i in sorted(run, key=lambda i: src[i].box.y0):  # type: ignore[union-attr]
        box = src[i].box
        if rows:
            last = src[rows[-1][0]].box
            overlap = min(last.y1, box.y1) - max(last.y0, box.y0)  # type: ignore[union-attr]
            left = min(box.x0, *(src[j].box.x0 for j in rows[-1]))  # type: ignore[union-attr]
            right = max(box.x1, *(src[j].box.x1 for j in rows[-1]))  # type: ignore[union-attr]
            apart = all(box.x0 >= src[j].box.x1 - 4 or box.x1 <= src[j].box.x0 + 4  # type: ignore[union-attr]
                        for j in rows[-1])
            # pieces of one printed line: side by side, together no wider than a line
            if (overlap >= 0.5 * min(last.height, box.height) and apart  # type: ignore[union-attr]
                    and right - left <= PIECES_SLACK * widest + box.height):  # type: ignore[union-attr]
                rows[-1].append(i)
                continue
        rows.append([i])
    return [i for row in rows for i in sorted(row, key=lambda i: src[i].box.x0)]  # type: ignore[union-attr]


def _note_columns(src: list[SourceLine], run: list[int]) -> list[list[int]]:
    """The run's lines in columns: groups that share no horizontal span with
    each other, left to right, each at least :data:`NOTE_COLUMN_SHARE` of the
    run's width (else one group: the pieces of a printed line overlap the
    lines above and below them; a scrap read apart, ``41.``, is no column)."""
    spans: list[list[int]] = []  # [x0, x1, line...]
    for i in run:
        box = src[i].box
        home = [s for s in spans if box.x0 < s[1] and s[0] < box.x1]  # type: ignore[union-attr]
        if home:
            merged = [min([box.x0] + [s[0] for s in home]), max([box.x1] + [s[1] for s in home])]  # type: ignore[union-attr]
            members = sorted({j for s in home for j in s[2:]} | {i}, key=run.index)
            spans = [s for s in spans if s not in home] + [merged + members]
        else:
            spans.append([box.x0, box.x1, i])  # type: ignore[union-attr]
    width = max(s[1] for s in spans) - min(s[0] for s in spans)
    if any(s[1] - s[0] < NOTE_COLUMN_SHARE * width for s in spans):
        return [run]
    return [s[2:] for s in sorted(spans, key=lambda s: s[0])]


NOTE_COLUMN_SHARE = 0.3
"""A column of notes is at least this share of the width of the notes beside it."""


PIECES_SLACK = 1.06
"""Pieces of one printed note line together span at most this much of the
widest note line (a speck or a misread quote read in front of a piece widens
it; two columns of notes side by side span twice as much)."""


def _continues(src: list[SourceLine], prev: int, i: int, role: Role) -> bool:
    """A note start by a mark alone (``‘The``: a noisy scan adds quotes before
    capitals) that is not indented against the note line before it, which
    did not end a sentence: that note's next line."""
    if not role.n or role.n.isdigit() or role.why.endswith(INDENTED_NOTE):
        return False  # a numeral, a raised first word or an indent starts a note
    a, b = src[prev], src[i]
    if a.box is None or b.box is None:
        return False
    height = max(a.box.height, b.box.height)
    ended = NOTE_END.search(a.text.strip())
    return b.box.x0 <= a.box.x0 + 0.3 * height and not ended


def _make_note(src: list[SourceLine], note: _Note, page_starts: set[int]) -> Footnote:
    first = src[note.lines[0]].text.strip()
    if note.n:
        first = first[len(note.n):].lstrip()
    pieces = [(first, note.lines[0] + 1, note.lines[0] in page_starts),
              *((src[i].text, i + 1, i in page_starts) for i in note.lines[1:])]
    text, breaks = join(pieces)
    # A numeral the engine misread as a mark glued to the note's first word
    # (``?See``, ``’The``) stays in the text, as printed, for the footnote stage
    # to take out as a recorded correction.
    head = _MISREAD_HEAD.match(text) if not note.n else None
    return Footnote(note.n, text, note.lines[0] + 1, breaks=breaks, marker=head.group(1) if head else "")


_MISREAD_HEAD = re.compile(r"^([!?*°®’'‘\"“”+#$]|[lTS](?=[A-Z][a-z]))(?=[A-Z])")
"""A note numeral misread as a mark or a letter before the note's capital
(``S`` before a capital and a small letter: 14 times in the tuning volumes'
OCR, every time at a note's head: ``SHannah``, ``SMaritime``)."""


def _anchor_notes(src: list[SourceLine], roles: list[Role], groups: list[list[_Note]],
                  body: set[int], raw: list[SourceLine] | None = None,
                  title_pages: set[int] | None = None) -> tuple[list[FootnoteRef], list[Footnote]]:
    """Place each note at a reference candidate above it, or keep it unanchored.

    All the document's notes are aligned with all its candidates at once,
    both in reading order (:func:`_match`): a note may take a candidate on
    its own page after the notes before it, or in the next page's first
    lines; a page whose notes have too few candidates does not pull the
    next page's candidates into it."""
    words = raw or src
    found = [a for a in anchors(words, roles) if a.line in body]
    found = found + [a for a in _lost_anchors(words, roles, found) if a.line in body]
    weak = [a for a in _weak_anchors(words, roles, found) if a.line in body]
    # a mark read where the numeral was is more evidence than a raised box alone
    weights = {(a.line, a.word): WEAK if a.numeral else WEAK_LOST for a in weak}
    found = sorted(found + weak, key=lambda a: (a.line, a.word))
    first_lines = _first_body_lines(src, body)
    page_starts = {i for i in range(1, len(src)) if src[i].page != src[i - 1].page}
    notes = [note for group in groups for note in group]
    members, at = [], 0
    for group in groups:
        members.append(list(range(at, at + len(group))))
        at += len(group)
    # where a text may start, the numbering may start again
    open_groups = {g for g, group in enumerate(groups) if src[group[0].lines[0]].page in (title_pages or ())}
    # a numeral misread at the note's head in a way that names it (``?See``: 2)
    heads = {k: n for k, note in enumerate(notes) if not note.n and (n := _head_number(src[note.lines[0]].text))}
    inferred = heads | _infer_numbers([replace(note, n=heads.get(k, note.n)) for k, note in enumerate(notes)],
                                      members, open_groups)
    windows: list[tuple[int, int, int]] = []  # per note: (floor, top, page)
    floor = 0
    for group in groups:
        top = group[0].lines[0]
        windows.extend((floor, top, src[top].page) for _ in group)
        # past the group's notes (their lines are no body lines): a note's
        # last lines may be carried over to a later foot (_carried_over)
        floor = max(note.lines[0] for note in group) + 1

    def allowed(k: int, a: Anchor) -> bool:
        low, top, page = windows[k]
        # The reference may stand at the next page's head: TeX sets a note on
        # the page where its line began.
        return ((low <= a.line < top and src[a.line].page == page)
                or (a.line > top and a.line in first_lines.get(page + 1, ())))

    def at_home(k: int, a: Anchor) -> bool:
        return src[a.line].page == windows[k][2]

    numbers = [inferred.get(k, note.n) for k, note in enumerate(notes)]
    pairs = _match(notes, found, weights, allowed, numbers, at_home)
    refs: list[FootnoteRef] = []
    unplaced: list[Footnote] = []
    for k, note in enumerate(notes):
        floor, top, _ = windows[k]
        footnote = _make_note(src, note, page_starts)
        if k in inferred:
            footnote = replace(footnote, n=inferred[k], inferred=True)
        anchor = pairs.get(k)
        if anchor is not None:
            line, column, marker = _position(src, anchor)
            refs.append(FootnoteRef(line + 1, column, footnote, marker))
            continue
        footnote = replace(footnote, anchored=False)
        last = next((i for i in range(top - 1, floor - 1, -1) if i in body), None)
        after = next((i for i in range(note.lines[-1] + 1, len(src)) if i in body), None)
        if last is not None:
            refs.append(FootnoteRef(last + 1, len(src[last].text.strip()), footnote, ""))
        elif after is not None:
            refs.append(FootnoteRef(after + 1, 0, footnote, ""))
        else:
            unplaced.append(footnote)
        log.warning("line %d: no reference found for footnote %s; kept, marked not anchored",
                    note.lines[0] + 1, footnote.n or "(unnumbered)")
    refs.sort(key=lambda r: (r.line, r.column))
    return refs, unplaced


HEAD_NUMERALS = {"?": "2", "l": "1", "T": "1"}
"""A note's first letter that is a misread numeral, and the number it stands
for: Tesseract 5 on the tuning volumes' clean and degraded hOCR, notes whose
numeral was not read as a digit: ``?`` before a capital 38 times in 39 a 2,
``l`` 3 in 4 a 1, ``T`` before a capitalised word (``TFor``) 12 in 13 a 1;
the other marks (``*``, quotes, ``{``) stand for any number."""
_HEAD_NUMERAL = re.compile(r"^(?:([?l])(?=[A-Z])|(T)(?=[A-Z][a-z]))")


def _head_number(text: str) -> str:
    """The number a note's misread head numeral stands for (:data:`HEAD_NUMERALS`), or ``""``.

    >>> [_head_number(t) for t in ("?See Ruth Okada", "TFor a view", "THE PORTS", "‘The", "lMaritime")]
    ['2', '1', '', '', '1']
    """
    match = _HEAD_NUMERAL.match(text.strip())
    return HEAD_NUMERALS[match.group(1) or match.group(2)] if match else ""


def _infer_numbers(notes: list[_Note], groups: list[list[int]] | None = None,
                   open_groups: set[int] | None = None) -> dict[int, str]:
    """Numbers for notes whose numeral was lost or misread, where the notes
    around them leave no choice: a run of ``r`` such notes between notes read
    ``x`` and ``x + r + 1`` (``3``, ``?``, ``5``: the 4); and within one
    page foot's notes (``groups``: the notes' indexes, group by group), which
    are consecutive, the note before a note numbered ``x`` is ``x - 1``, and
    the note after it ``x + 1`` unless a text may start on that page (its
    index in ``open_groups``: a title there, where numbering may restart).
    Nothing else is guessed (a sequence may restart at any text).

    >>> _infer_numbers([_Note([1], "3"), _Note([2], ""), _Note([3], "5"), _Note([4], ""), _Note([5], "2")])
    {1: '4'}
    >>> _infer_numbers([_Note([1], ""), _Note([2], "2"), _Note([3], ""), _Note([4], "")], [[0, 1, 2], [3]])
    {0: '1', 2: '3'}
    >>> _infer_numbers([_Note([1], ""), _Note([2], "2"), _Note([3], "")], [[0, 1, 2]], {0})
    {0: '1'}
    """
    out: dict[int, str] = {}
    known = [(k, int(note.n)) for k, note in enumerate(notes) if note.n.isdigit()]
    for (a, x), (b, y) in zip(known, known[1:]):
        if b - a > 1 and y - x == b - a:
            for k in range(a + 1, b):
                out[k] = str(x + k - a)
    for g, group in enumerate(groups or ()):
        numbers = {k: int(notes[k].n or out.get(k, "")) if (notes[k].n or out.get(k, "")).isdigit() else None
                   for k in group}
        read = [(j, numbers[k]) for j, k in enumerate(group) if numbers[k] is not None]
        # the numbers read on one page foot agree with each other, or nothing is guessed there
        if not read or any(y - x != b - a for (a, x), (b, y) in zip(read, read[1:])):
            continue
        (first, x), (last, y) = read[0], read[-1]
        for j in range(first - 1, -1, -1):
            if x - (first - j) >= 1:
                out[group[j]] = str(x - (first - j))
        if g not in (open_groups or set()):
            for j in range(last + 1, len(group)):
                out[group[j]] = str(y + j - last)
    return out


NEXT_PAGE_LINES = 4
"""How many of the next page's first body lines may hold a note's reference: a
page of two balanced columns may push the line that held it three lines on
(``status quo could last.°`` third on the page after its note's). A reference
there counts less than one on the note's own page (:func:`_match`). Measured on
the fixtures and both round-7 sets: 4 placed one note more, rightly (clean);
12, as plain text allows, four more wrongly (degraded hOCR: wrong 13 -> 17)."""


def _first_body_lines(src: list[SourceLine], body: set[int]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = defaultdict(set)
    for i in sorted(body):
        if len(out[src[i].page]) < NEXT_PAGE_LINES:
            out[src[i].page].add(i)
    return out


LOST_CONFIDENCE = 0.3
"""A clause-ending word the engine is this unsure of, raised above its
neighbours, held a superscript it did not read."""


def _lost_anchors(src: list[SourceLine], roles: list[Role], found: list[Anchor]) -> list[Anchor]:
    """Words that end a clause and held a superscript the engine lost: raised
    above their neighbours' tops and read with almost no confidence. The
    numeral is ``""``: the note goes after the word."""
    out = []
    for i, ln, k, word in _free_words(src, roles, found):
        if not _CLAUSE_END.match(word.text):
            continue
        unsure = word.confidence is not None and word.confidence <= LOST_CONFIDENCE
        if unsure and is_raised(ln.words, k):
            out.append(Anchor(i, k, "", glued=True))
    return out


def _free_words(src: list[SourceLine], roles: list[Role], found: list[Anchor]
                ) -> Iterator[tuple[int, SourceLine, int, Word]]:
    """``(line index, line, word index, word)`` of the running text's words that no
    anchor in ``found`` holds: where other reference candidates may be."""
    taken = {(a.line, a.word) for a in found}
    text_kinds = (RoleKind.TEXT, RoleKind.PARAGRAPH_START, RoleKind.CAPTION)
    for i, ln in enumerate(src):
        if roles[i].kind not in text_kinds:
            continue
        for k, word in enumerate(ln.words):
            if (i, k) not in taken:
                yield i, ln, k, word


_CLAUSE_END = re.compile(r"^\w[\w’'-]*\w[)\]”’\"]?[.,;:]$")


WEAK = 0.8
WEAK_LOST = 0.6
"""What a weak reference candidate (:func:`_weak_anchors`) counts for against
a sure one (1) when notes are matched to candidates: about how often each
kind stood where a reference was printed (Tesseract 5, five typeset volumes,
degraded scans: a mark 12 times in 13, an unread clause end 7 in 9)."""
UNREAD_CONFIDENCE = 0.0
"""A clause-ending word read with no confidence at all held a numeral the
engine lost (Tesseract's ``x_wconf 0``: 6 times in 6; at 0.01-0.05, 1 in 5;
at 0.05-0.3, none in 14; raised words read with confidence, 2 in 35: no
evidence)."""


def _weak_anchors(src: list[SourceLine], roles: list[Role], found: list[Anchor]) -> list[Anchor]:
    """Candidates taken only when the sure ones run short: a mark after a
    clause's end with nothing else for it (``Haiphong.’`` may be a quotation's
    end); a mark after a word's letters that is raised or unsure
    (``officials?``); a clause's end the engine could hardly read."""
    out = []
    for i, ln, k, word in _free_words(src, roles, found):
        unsure = word.confidence is not None and word.confidence < UNSURE
        mark = _MARKED.match(word.text) or (
            (unsure or is_raised(ln.words, k)) and _AFTER_LETTERS.match(word.text))
        if mark:
            out.append(Anchor(i, k, mark.group("n"), glued=True))
        elif (_CLAUSE_END.match(word.text) and word.confidence is not None
              and word.confidence <= UNREAD_CONFIDENCE):
            out.append(Anchor(i, k, "", glued=True))
    return out


UNSURE = 0.7
_MARKED = re.compile(r"^(?P<word>.*?\w[)\]]?[.,;:])(?P<n>[\d!°®©º™*?+’'\"”‘“)>]{1,2}|\|)_?$")
_AFTER_LETTERS = re.compile(r"^(?P<word>.*?[a-z]{2})(?P<n>[!?*°+])$")  # not ’ or ”: closing quotes


UNLIKE_MARK = 0.2
"""What a pair counts for whose mark the glyph table finds unlike the note's
numeral (``agreement.?`` for note 1: ? is mostly a 2): a pair taken only where
it lets more notes be placed. Forbidden, it sent note 1's mark to note 2 and
shifted the page's notes (tuning volumes' degraded hOCR, eight sets: ok 276 ->
281, wrong 45 -> 44; clean unchanged; 0.2 and 0.5 alike)."""


def _match(notes: list[_Note], candidates: list[Anchor],
           weights: dict[tuple[int, int], float] | None = None,
           allowed: Callable[[int, Anchor], bool] | None = None,
           numbers: list[str] | None = None,
           at_home: Callable[[int, Anchor], bool] | None = None) -> dict[int, Anchor]:
    """Notes to candidates, both in reading order, one to one and in order
    (a monotone alignment): the greatest total weight of the pairs, a pair
    counting as much more as its glyph is likely the note's numeral
    (:func:`textkit.layout.footnotes.glyph_score`; a mark it finds unlike the
    numeral, ``?`` for note 1, little: :data:`UNLIKE_MARK`; another digit not
    at all). ``allowed(k, candidate)`` says
    where note ``k`` may stand; ``numbers`` the notes' numbers (inferred ones
    included; default: as read). A candidate off the note's own page
    (``at_home`` false: the next page's head) counts
    :data:`~textkit.layout.footnotes.OFF_PAGE_PENALTY` less, as on the
    plain-text path: it is taken where it places one note more, never to
    trade one reading of a page's own marks for another (a page whose
    reference was lost would otherwise take the next page's first one and
    leave the next page one short, every note between shifted)."""
    k, m = len(notes), len(candidates)
    if not k or not m:
        return {}
    wanted = numbers if numbers is not None else [note.n for note in notes]

    def score(a: int, b: int) -> float:
        if allowed is not None and not allowed(a, candidates[b]):
            return float("-inf")
        if at_home is not None and not at_home(a, candidates[b]):
            return glyph_value(a, b) - OFF_PAGE_PENALTY
        return glyph_value(a, b)

    def glyph_value(a: int, b: int) -> float:
        want, read = wanted[a], candidates[b].numeral
        weight = (weights or {}).get((candidates[b].line, candidates[b].word), 1.0)
        if not read:
            return weight
        # how likely the glyph read is this note's numeral (the plain-text
        # path's table of Tesseract's misreadings: ? is seldom a 1), or the
        # likeliest numeral where the note's number is unknown
        glyph = RefCandidate(0, 0, read, "punct")
        likely = (glyph_score(glyph, want) if want.isdigit()
                  else max(glyph_score(glyph, str(n)) for n in range(1, 10)))
        if likely < PLACE_SCORE:
            # a mark unlike the numeral (? for a 1) is still a mark where one
            # was printed; another digit is another note's reference
            return weight * UNLIKE_MARK if likely > 0 and not read[-1].isdigit() else float("-inf")
        return weight * (0.5 + likely)
    scores = [[score(a, b) for b in range(m)] for a in range(k)]
    # best[a][b]: the best total over notes[a:] and candidates[b:]
    best = [[0.0] * (m + 1) for _ in range(k + 1)]
    for a in range(k - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            best[a][b] = max(best[a + 1][b], best[a][b + 1], scores[a][b] + best[a + 1][b + 1])
    # Between alignments as good, the earliest pairs: a candidate goes to the
    # first note it may stand for, and a note to its own page's candidate
    # before the next page's.
    out: dict[int, Anchor] = {}
    a = b = 0
    while a < k and b < m:
        if scores[a][b] > 0 and best[a][b] == scores[a][b] + best[a + 1][b + 1]:
            out[a] = candidates[b]
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    return out


def _position(src: list[SourceLine], anchor: Anchor) -> tuple[int, int, str]:
    """(line index, column of the numeral in the line's text, the numeral as read)."""
    ln = src[anchor.line]
    text = ln.text.strip()
    words = ln.words
    column = 0
    if words and " ".join(w.text for w in words) == text:
        column = sum(len(w.text) + 1 for w in words[:anchor.word])
        word = words[anchor.word].text
        if not anchor.numeral:  # a numeral the engine lost: after the word
            return anchor.line, column + len(word), ""
        offset = word.rfind(anchor.numeral)
        if offset >= 0:
            return anchor.line, column + offset, anchor.numeral
    at = text.rfind(anchor.numeral)
    if at >= 0:
        return anchor.line, at, anchor.numeral
    return anchor.line, len(text), ""
