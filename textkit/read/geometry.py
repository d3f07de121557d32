"""Guess what each line of OCR with coordinates is, from geometry alone.

Pure functions over the readers' :class:`~.lines.SourceLine` and
:class:`~.lines.PageInfo` (:mod:`.hocr`, :mod:`.alto`, :mod:`.page`); they
change nothing and say why (:attr:`Role.why`). What they look at:

* **size** against the body's median: a short line well above it is a
  heading, level 1 for the top size tier (the second too under a lone
  title), level 2 below; a short line alone in its block, set apart by
  space, not ending a sentence and not its column's last line, is a
  level-2 heading at body size too
  (Tesseract gives a 12 pt bold subheading a smaller ``x_size`` than 11 pt
  body text), as is a somewhat larger short line with space above it;
* the **page edges**: a lone number at the top or bottom is a page number;
  a top or bottom line repeated on other pages (digits ignored) is a
  running head, except where it is set larger (the chapter title on the
  chapter's first page);
* the **page foot**: the lines under the page's last wide gap, smaller than
  the body on the whole, are footnotes; a footnote line that starts with a
  numeral, or with what Tesseract makes of a superscript numeral (``!``,
  ``°``, ``®``, ``'``, ``*``), or whose first word is raised (the numeral
  read into it), or that is indented against the note lines, starts a note;
* **drop caps**: one capital letter much taller than the line's words, on
  a line of its own or glued to the front of the second line (Tesseract);
* **indents** against the column's left edge and the engine's blocks:
  paragraph starts;
* **superscript numerals** in body lines: anchor candidates for notes.

Region types a format gives (PAGE ``@type``, ALTO tags and margins, hOCR
floats) take precedence, except ``paragraph`` and ``other``, which some
engines give every region (OCR-D's Tesseract segmentation does) and so
cannot rule out a running head.
"""

from __future__ import annotations

import difflib
import enum
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from ..furniture import RUNNING_HEAD_MAX_CHARS, furniture_key, is_page_number
from .lines import PageInfo, SourceLine



class RoleKind(enum.Enum):
    TEXT = "text"
    PARAGRAPH_START = "paragraph-start"
    HEADING = "heading"
    RUNNING_HEAD = "running-head"
    PAGE_NUMBER = "page-number"
    FOOTNOTE = "footnote"
    FOOTNOTE_START = "footnote-start"
    DROP_CAP = "drop-cap"
    CAPTION = "caption"
    MARGINALIA = "marginalia"
    SEPARATOR = "separator"


@dataclass(frozen=True, slots=True)
class Role:
    """What a line is: ``level`` for headings (1 or 2); ``n`` for a footnote
    start (its numeral as the OCR read it, ``"!"`` included, or None when
    it was lost) and a page number (the number); ``why`` the evidence."""

    kind: RoleKind
    level: int | None = None
    n: str | None = None
    why: str = ""


@dataclass(frozen=True, slots=True)
class Anchor:
    """A footnote reference candidate: word ``word`` of line ``line`` holds ``numeral``.

    ``glued`` says the numeral was read as the end of the word
    (``numbers.!``) rather than as a small raised word of its own.
    """

    line: int
    word: int
    numeral: str
    glued: bool


@dataclass(frozen=True, slots=True)
class DropCap:
    """A drop cap ``letter``: word ``word`` of line ``line`` (None: the line is the
    letter alone); it begins the first word of line ``starts``."""

    line: int
    word: int | None
    letter: str
    starts: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class GeometryOptions:
    """Thresholds of the guesses; each default was checked on Tesseract 5 output.

    ``heading_ratio``: a line this much larger than the body median is a
    heading by size (1.2; Tesseract's ``x_size`` of a 14.4 pt heading over
    11 pt body is 1.32).
    ``footnote_ratio``: lines at the page foot at most this size against
    the body are footnotes (0.9; 9 pt notes under 11 pt body give 0.82).
    ``min_repeats``: a page-edge line on this many pages is a running head (2).
    ``indent_em``: a first line indented this many ems (line heights)
    starts a paragraph (0.8; TeX's 1.5 em indent gives 1.7 line heights).
    ``drop_cap_ratio``: a single capital this many times taller than the
    line's words is a drop cap (1.6; a two-line drop cap gives 2).
    ``superscript_ratio``: a word at most this height against the line's
    words, and raised, is a superscript (0.75).
    """

    heading_ratio: float = 1.2
    footnote_ratio: float = 0.9
    min_repeats: int = 2
    indent_em: float = 0.8
    drop_cap_ratio: float = 1.6
    superscript_ratio: float = 0.75


DEFAULTS = GeometryOptions()

_NOTE_MARKS = "!°®'*’‘\"†‡§¹²³⁴⁵⁶⁷⁸⁹⁰"
# A note numeral glued to the note ("3The"), or set apart before a capital
# ("1 The", "2. See"): a continuation line may start with a number too, but
# not with a small one before a capital, nor with a journal's volume before
# its year ("4 (1986): 24-45.").
_NOTE_START = re.compile(rf"^(\d{{1,3}}(?!\s*\(\d{{4}}\))|[{re.escape(_NOTE_MARKS)}]{{1,2}}|\?(?=[A-Z])|l(?=[A-Z]))"
                         r"(?:(?=[A-Za-z(\[])|[.)]?\s+(?=[A-Z\"“‘(\[])|$)")
# The O of the note's first word read as a zero after the numeral ("30n",
# "°0n": ³On; not "30s").
_NOTE_START_O = re.compile(rf"^(\d|[{re.escape(_NOTE_MARKS)}]{{1,2}})(?=0(?!s\b)[a-z]+\b)")
# A scan's specks stick to words as stray stops and colons ("2.", "numbers:.!:").
_SUPERSCRIPT = re.compile(rf"^(?P<n>\d{{1,3}}(?=[°'’*]?[.,:;]?$)|[{re.escape(_NOTE_MARKS)}]{{1,2}})"
                          r"[°'’*]?[.,:;]?$")
_GLUED = re.compile(r"^(?P<word>.*?[A-Za-z][A-Za-z)\]]*[.,;:]{0,2})(?P<n>\d{1,2}|[!°®*?]{1})[.,:;]?[—–]?$")
"""A numeral read onto a word's end: after its letters or its punctuation, a stray stop
or comma after it, and an em or en dash, which is set closed up (``year.2,—``)."""
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_AUTHORITATIVE = {"heading", "header", "footer", "page-number", "footnote", "drop-capital",
                  "caption", "marginalia"}


def classify(lines: list[SourceLine], pages: list[PageInfo],
             options: GeometryOptions = DEFAULTS) -> list[Role]:
    """A :class:`Role` for every line, in the lines' order.

    >>> from textkit.read.lines import Box
    >>> def line(text, page, y, size=40.0, x0=200, x1=1500, block=1):
    ...     return SourceLine(text, page, Box(x0, y, x1, y + 40), size, block=block)
    >>> lines = [line("THE REVIEW", 1, 100, x0=600, x1=1100, block=0),
    ...          line("Trade Along the Coast", 1, 250, 54.0, x1=900, block=1)]
    >>> lines += [line("body text of the page " * 3, 1, 400 + 60 * i, block=2) for i in range(5)]
    >>> lines += [line("41", 1, 2300, x0=850, x1=890, block=3), line("THE REVIEW", 2, 100, x0=600, x1=1100, block=4)]
    >>> [r.kind.value for r in classify(lines, [PageInfo(1, 1700, 2480), PageInfo(2, 1700, 2480)])]
    ['running-head', 'heading', 'paragraph-start', 'text', 'text', 'text', 'text', 'page-number', 'running-head']
    """
    n = len(lines)
    roles: list[Role | None] = [None] * n
    body = _body_size(lines)
    em = _body_line_height(lines)
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        by_page[ln.page].append(i)

    for i, ln in enumerate(lines):
        if ln.region in _AUTHORITATIVE:
            roles[i] = _region_role(ln, body, options)

    heights = {p.number: p.height for p in pages}
    caps = drop_caps(lines, options)
    _page_edges(lines, by_page, roles, heights, options)
    for cap in caps:
        if cap.word is None and roles[cap.line] is None:
            roles[cap.line] = Role(RoleKind.DROP_CAP, n=cap.letter, why="one tall capital alone")
    _footnotes(lines, by_page, roles, body, em, heights, options)
    _indented_note_starts(lines, by_page, roles, em)
    _headings(lines, by_page, roles, body, caps, options, em)
    _paragraph_starts(lines, by_page, roles, em, caps, options)
    return [r if r is not None else Role(RoleKind.TEXT) for r in roles]


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _body_size(lines: list[SourceLine]) -> float | None:
    """The median size of lines that look like running text (five words or more)."""
    full = [ln.size for ln in lines if ln.size and len(ln.words or ln.text.split()) >= 5]
    return _median(full) or _median([ln.size for ln in lines if ln.size])


def _body_line_height(lines: list[SourceLine]) -> float | None:
    """The median box height of running-text lines, in pixels: the em of indents."""
    full = [float(ln.box.height) for ln in lines
            if ln.box and len(ln.words or ln.text.split()) >= 5]
    return _median(full) or _median([float(ln.box.height) for ln in lines if ln.box])


def _heading_level(size: float | None, body: float | None, options: GeometryOptions) -> int:
    return 1 if size and body and size >= options.heading_ratio * body else 2


def _region_role(line: SourceLine, body: float | None, options: GeometryOptions) -> Role:
    why = f"region {line.region}"
    if line.region == "heading":
        return Role(RoleKind.HEADING, level=_heading_level(line.size, body, options), why=why)
    if line.region in ("header", "footer", "page-number"):
        if is_page_number(_folio_text(line.text)):
            return Role(RoleKind.PAGE_NUMBER, n=_folio(line.text), why=why)
        return Role(RoleKind.RUNNING_HEAD, n=_folio(line.text), why=why)
    if line.region == "footnote":
        start = _note_start(line)
        if start is not None:
            return Role(RoleKind.FOOTNOTE_START, n=start[0], why=f"{why}; {start[1]}")
        return Role(RoleKind.FOOTNOTE, why=why)
    if line.region == "drop-capital":
        return Role(RoleKind.DROP_CAP, n=line.text.strip()[:1] or None, why=why)
    if line.region == "caption":
        return Role(RoleKind.CAPTION, why=why)
    return Role(RoleKind.MARGINALIA, why=why)


def _head_key(text: str) -> str:
    """A running head's identity: case, digits, punctuation and spacing ignored.

    >>> _head_key("42 THE HARBOUR. REVIEW") == _head_key("The Harbour Review 43")
    True
    """
    words = furniture_key(re.sub(r"[^\w\s]|_", " ", text)).split()
    # a bullet or rule beside the folio is read as a letter ("… East Asia e 2")
    while words and len(words[-1]) == 1:
        words.pop()
    while words and len(words[0]) == 1:
        words.pop(0)
    return " ".join(words)


def _folio_text(text: str) -> str:
    """A lone folio without the specks a scan adds to it (``42:``, ``·43``).

    >>> _folio_text("42:"), _folio_text("- 7 -")
    ('42', '- 7 -')
    """
    return text.strip().strip(".:,;'’‘\"·_|").strip()


def _folio(text: str) -> str | None:
    match = re.search(r"\b(\d{1,4}|[ivxlcdm]{1,7}|[IVXLCDM]{1,7})\b", text)
    if match and (match.group(1).isdigit() or is_page_number(match.group(1))):
        return match.group(1)
    return None


def _top_to_bottom(lines: list[SourceLine], indexes: list[int]) -> list[int]:
    if all(lines[i].box is not None for i in indexes):
        return sorted(indexes, key=lambda i: (lines[i].box.y0, i))  # type: ignore[union-attr]
    return list(indexes)


EDGE_FRACTION = 0.2
"""A page number or running head lies in the top or bottom fifth of its page
(when the page height is known)."""


def _at_edge(line: SourceLine, height: int | None) -> bool:
    if line.box is None or not height:
        return True
    return line.box.y1 <= EDGE_FRACTION * height or line.box.y0 >= (1 - EDGE_FRACTION) * height


def _page_edges(lines: list[SourceLine], by_page: dict[int, list[int]], roles: list[Role | None],
                heights: dict[int, int | None], options: GeometryOptions) -> None:
    gap = _typical_gap(lines)
    for page, indexes in by_page.items():
        ordered = _top_to_bottom(lines, indexes)
        for i in ordered[:2] + [i for i in ordered[-2:] if i not in ordered[:2]]:
            if (roles[i] is None and is_page_number(_folio_text(lines[i].text))
                    and _at_edge(lines[i], heights.get(page))
                    and not _set_close(lines, indexes, i, gap)):
                roles[i] = Role(RoleKind.PAGE_NUMBER, n=_folio(lines[i].text),
                                why="a lone number at the page edge")
    # Only the outermost text line at each edge can be a running head: the
    # second line from the top is a running head only under a page number.
    seen: dict[str, set[int]] = defaultdict(set)
    candidates: list[tuple[int, str]] = []
    feet: set[int] = set()  # a page's last line, under others
    for page, indexes in by_page.items():
        ordered = [i for i in _top_to_bottom(lines, indexes)
                   if roles[i] is None or roles[i].kind is not RoleKind.PAGE_NUMBER]  # type: ignore[union-attr]
        feet.update(ordered[1:][-1:])
        for i in {*ordered[:1], *ordered[-1:]}:
            text = lines[i].text.strip()
            key = _head_key(text)
            if (roles[i] is None and len(text) <= RUNNING_HEAD_MAX_CHARS and len(key) >= 3
                    and _at_edge(lines[i], heights.get(page))):
                seen[key].add(page)
                candidates.append((i, key))
    # A scan misreads a head now and then ("RULES FOR COLD WATERS", "RUNES ROR
    # COUP WARERS"): keys alike enough are one head.
    canonical: dict[str, str] = {}
    for _, key in candidates:
        if key not in canonical:
            canonical[key] = next((k for k in dict.fromkeys(canonical.values())
                                   if _alike(k, key)), key)
    merged: dict[str, set[int]] = defaultdict(set)
    for key, pages_seen in seen.items():
        merged[canonical[key]] |= pages_seen
    candidates = [(i, canonical[key]) for i, key in candidates]
    seen = merged
    sizes: dict[str, list[float]] = defaultdict(list)
    for i, key in candidates:
        if lines[i].size:
            sizes[key].append(lines[i].size)
    sized = [ln.size for ln in lines if ln.size]
    floor = (_median(sized) or 0.0) * options.heading_ratio
    large = [(j, _head_key(ln.text)) for j, ln in enumerate(lines) if ln.size and ln.size >= floor]
    for i, key in candidates:
        if len(seen[key]) < options.min_repeats:
            # Once only, but the words of a title set larger (over the text it
            # opens, or on the title page): a running head repeating it.
            size = lines[i].size
            twin = [j for j, other in large if j != i and size and lines[j].size
                    and lines[j].size >= options.heading_ratio * size and _alike_start(key, other)]
            if twin and roles[i] is None:
                roles[i] = Role(RoleKind.RUNNING_HEAD, n=_folio(lines[i].text),
                                why="at the page edge over the same words set larger")
            continue
        # A chapter title that recurs as the running head of its pages is
        # set larger where the chapter opens: a heading there (never at a
        # page's foot, where it opens nothing: a scan's specks and misread
        # word boxes make a foot head measure large). Larger than
        # the lower median of the sizes it is seen at: where the head recurs
        # on one other page only, a mean of the title and the head would
        # halve the difference.
        usual = statistics.median_low(sizes[key]) if sizes[key] else None
        size = lines[i].size
        if usual and size and size >= options.heading_ratio * usual and i not in feet:
            continue
        roles[i] = Role(RoleKind.RUNNING_HEAD, n=_folio(lines[i].text),
                        why=f"repeated at the page edge on {len(seen[key])} pages")
    _folio_heads(lines, by_page, roles, candidates, heights, options)
    # An engine may read a head in pieces: the rest of its row is the head too.
    for i, role in enumerate(roles):
        if role is None or role.kind is not RoleKind.RUNNING_HEAD or lines[i].box is None:
            continue
        box = lines[i].box
        for j in by_page[lines[i].page]:
            other = lines[j].box
            if roles[j] is None and other is not None and len(lines[j].text.split()) <= 3 and (
                    min(box.y1, other.y1) - max(box.y0, other.y0) >= 0.5 * min(box.height, other.height)):
                roles[j] = Role(RoleKind.RUNNING_HEAD, why="a piece of the running head beside it")


_FOLIO_HEAD = re.compile(r"^(?P<a>\d{1,4})\s+\D.*\D$|^\D.*\D\s+(?P<b>\d{1,4})$")


def _folio_heads(lines: list[SourceLine], by_page: dict[int, list[int]], roles: list[Role | None],
                 candidates: list[tuple[int, str]], heights: dict[int, int | None],
                 options: GeometryOptions) -> None:
    """A page's top line seen once (a running head of the authors' names
    over one text's only verso: ``4 CASTILLO AND OWUSU``) is a running head
    where it begins or ends with the page's own folio: the number the other
    pages' folios give this page (printed = page + the offset most of them
    show), and it is set no larger than a heading."""
    body = _body_size(lines)
    tops = {order[0] for indexes in by_page.values()
            if (order := _top_to_bottom(lines, [i for i in indexes if roles[i] is None or roles[i].kind
                                                is not RoleKind.PAGE_NUMBER]))}  # type: ignore[union-attr]
    heads: dict[int, int] = {}  # line: the folio it begins or ends with
    for i, _ in candidates:
        match = _FOLIO_HEAD.match(lines[i].text.strip())
        size = lines[i].size
        if (roles[i] is None and i in tops and match
                and not (body and size and size >= options.heading_ratio * body)):
            heads[i] = int(match.group("a") or match.group("b"))
    if not heads:
        return
    # the pages' folios (page numbers, running heads) and these lines' own
    # say where the printed numbers stand against the pages' order
    offsets = Counter(int(r.n) - lines[i].page for i, r in enumerate(roles)
                      if r is not None and r.kind in (RoleKind.PAGE_NUMBER, RoleKind.RUNNING_HEAD)
                      and r.n and r.n.isdigit())
    offsets.update(n - lines[i].page for i, n in heads.items())
    (offset, votes), = offsets.most_common(1)
    if votes < 2:
        return
    for i, n in heads.items():
        if n == lines[i].page + offset:
            roles[i] = Role(RoleKind.RUNNING_HEAD, n=str(n), why="at the page top with the page's own folio")


def _alike(a: str, b: str) -> bool:
    """Two running-head keys that differ only by a scan's misreadings."""
    if a == b:
        return True
    if min(len(a), len(b)) < 8:
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.75


def _alike_start(key: str, other: str) -> bool:
    """``other`` begins with (about) ``key``: ``fisting`` for ``fishing in contested waters``."""
    if other.startswith(key):
        return True
    if len(key) < 5:
        return False
    return difflib.SequenceMatcher(None, key, other[:len(key)], autojunk=False).ratio() >= 0.75


def _set_close(lines: list[SourceLine], page: list[int], i: int, gap: float | None) -> bool:
    """Line ``i`` follows the line above it at the spacing of a paragraph's lines,
    and starts under it: a number that ends a text (``1993.``), not a folio."""
    box = lines[i].box
    if box is None or gap is None:
        return False
    for j in page:
        other = lines[j].box
        if j == i or other is None or other.y1 > box.y0:
            continue
        if box.y0 - other.y1 <= 1.5 * gap + 2 and abs(box.x0 - other.x0) <= max(2 * box.height, 8):
            return True
    return False


def drop_caps(lines: list[SourceLine], options: GeometryOptions = DEFAULTS) -> list[DropCap]:
    """Drop caps: a single capital much taller than the text beside it.

    Found as a line of its own (PAGE and ALTO engines that segment it) or as
    the first word of a line (Tesseract puts the letter of a two-line drop
    cap in front of the second line). ``starts`` is the line whose first
    word the letter begins: the first line to its right that it reaches.
    """
    found: list[DropCap] = []
    heights = [float(ln.box.height) for ln in lines if ln.box and len(ln.text.split()) >= 5]
    line_height = _median(heights)
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        by_page[ln.page].append(i)
    for i, ln in enumerate(lines):
        text = ln.text.strip()
        if len(text) == 1 and text.isupper() and ln.box and line_height:
            if ln.box.height >= options.drop_cap_ratio * line_height:
                found.append(DropCap(i, None, text, _begins(lines, by_page[ln.page], i, ln.box)))
            continue
        if len(ln.words) < 3 or ln.words[0].box is None:
            continue
        first = ln.words[0]
        others = [float(w.box.height) for w in ln.words[1:] if w.box is not None]
        if (len(first.text) == 1 and first.text.isupper() and others
                and first.box.height >= options.drop_cap_ratio * statistics.median(others)):
            found.append(DropCap(i, 0, first.text, _begins(lines, by_page[ln.page], i, first.box)))
    return found


def _begins(lines: list[SourceLine], page: list[int], i: int, box) -> int | None:  # noqa: ANN001 - a Box
    best = None
    for j in page:
        other = lines[j]
        if other.box is None or j == i:
            continue
        reaches = other.box.y1 > box.y0 and other.box.y0 < box.y1
        # beside the letter, in its column (not the next column's line at that height)
        right = box.x1 - 4 <= other.box.x0 <= box.x1 + max(box.width, box.height)
        if reaches and right and (best is None or other.box.y0 < lines[best].box.y0):  # type: ignore[union-attr]
            best = j
    return best


def _note_start(line: SourceLine) -> tuple[str | None, str] | None:
    """``(numeral, why)`` when a footnote line begins a note, else None."""
    text = line.text.strip()
    match = _NOTE_START_O.match(text) or _NOTE_START.match(text)
    if match:
        return match.group(1), f"starts with the note numeral {match.group(1)!r}"
    if len(line.words) >= 3 and all(w.box is not None for w in line.words[:4]):
        first, rest = line.words[0], line.words[1:4]
        tops = statistics.median(w.box.y0 for w in rest)  # type: ignore[union-attr]
        height = statistics.median(w.box.height for w in rest)  # type: ignore[union-attr]
        if tops - first.box.y0 >= 0.2 * height:  # type: ignore[union-attr]
            return None, "its first word is raised (a superscript numeral read into it)"
    return None


def _footnotes(lines: list[SourceLine], by_page: dict[int, list[int]], roles: list[Role | None],
               body: float | None, em: float | None, heights: dict[int, int | None],
               options: GeometryOptions) -> None:
    if not body:
        return
    gap = _typical_gap(lines)
    pitch = _typical_pitch(lines)
    for page, indexes in by_page.items():
        free = [i for i in _top_to_bottom(lines, indexes) if roles[i] is None]
        specks = [i for i in free if _speck(lines[i])]
        free = [i for i in free if i not in specks]
        if not _foot_notes(lines, free, roles, body, em, gap, heights.get(page), options, pitch):
            _column_feet(lines, free, roles, body, em, gap, heights.get(page), options, pitch)
        _set_aside_specks(lines, free, specks, roles)


def _column_feet(lines: list[SourceLine], free: list[int], roles: list[Role | None], body: float,
                 em: float | None, gap: float | None, height: int | None,
                 options: GeometryOptions, pitch: float | None) -> None:
    """The notes of a page of two columns, each column's at its foot (LaTeX
    ``\\twocolumn``): each column's foot on its own."""
    boxes = [lines[i].box for i in free if lines[i].box is not None]
    if len(boxes) < len(free) or not boxes:
        return
    mid = (min(b.x0 for b in boxes) + max(b.x1 for b in boxes)) / 2
    slack = 0.05 * (max(b.x1 for b in boxes) - min(b.x0 for b in boxes))
    for column in ([i for i in free if lines[i].box.x1 <= mid + slack],  # type: ignore[union-attr]
                   [i for i in free if lines[i].box.x0 >= mid - slack]):  # type: ignore[union-attr]
        if len(column) < len(free):
            _foot_notes(lines, column, roles, body, em, gap, height, options, pitch)


def _speck(line: SourceLine) -> bool:
    """A line of one or two letters or dots and nothing else (``w``, ``ee``, ``.``):
    what the engine makes of a speck, a smudge or the rule over the notes on a
    noisy scan. Not a digit or a mark that stands for a note numeral."""
    text = line.text.strip()
    return 0 < len(text) <= 2 and not any(c.isdigit() or c in _NOTE_MARKS or c == "?" for c in text)


def _set_aside_specks(lines: list[SourceLine], free: list[int], specks: list[int],
                      roles: list[Role | None]) -> None:
    """Specks among or under the notes found in ``free`` are no text: they
    would split the notes' run from the page foot or open a note of their own."""
    notes = [i for i in free if roles[i] is not None and roles[i].kind in (RoleKind.FOOTNOTE, RoleKind.FOOTNOTE_START)]
    if not notes or any(lines[i].box is None for i in notes + specks):
        return
    top = min(lines[i].box.y0 for i in notes)  # type: ignore[union-attr]
    for i in specks:
        if roles[i] is None and lines[i].box.y1 >= top:  # type: ignore[union-attr]
            roles[i] = Role(RoleKind.SEPARATOR, why="a speck by the notes")


INDENTED_NOTE = "indented against the text column, as the document's note starts are"
"""The :attr:`Role.why` (its end) of a note start found by its first-line indent."""
NOTE_INDENT_EM = 0.6
"""A note line this many body line heights right of its column's left edge is
indented (LaTeX: a note's first line 1.5 line heights in, the rest flush)."""
NOTE_FLUSH_EM = 0.3
"""A note line at most this far right of the edge is flush with it."""


def _column_edge(lines: list[SourceLine], page: list[int], roles: list[Role | None], i: int) -> float | None:
    """The left edge of the running text above note line ``i``: the 20th
    percentile of the left ends of its page's lines of five words or more that
    share its horizontal span (paragraph starts are indented; a speck may
    stand left of the rest)."""
    box = lines[i].box
    if box is None:
        return None
    xs = sorted(lines[j].box.x0 for j in page if roles[j] is None and lines[j].box  # type: ignore[union-attr]
                and len(lines[j].text.split()) >= 5
                and lines[j].box.x0 < box.x1 and box.x0 < lines[j].box.x1)  # type: ignore[union-attr]
    return float(xs[len(xs) // 5]) if len(xs) >= 3 else None


NOTE_END = re.compile(r"[.)\]][\"'”’]?$")
"""A note line that ends a sentence: a stop or a closing bracket, a quote after it."""


def _indented_note_starts(lines: list[SourceLine], by_page: dict[int, list[int]],
                          roles: list[Role | None], em: float | None) -> None:
    """Note lines indented against the running text's left edge start a note,
    where the document's notes show both: indented lines and lines flush with
    the edge (a note's first line is indented, the rest are not). The numeral
    may be lost, or the line before may not seem to end (``1992-``, ``session,``:
    a stop misread); the indent still shows."""
    if not em:
        return
    indents: dict[int, float] = {}
    for indexes in by_page.values():
        for i in indexes:
            role = roles[i]
            if role is None or role.kind not in (RoleKind.FOOTNOTE, RoleKind.FOOTNOTE_START):
                continue
            edge = _column_edge(lines, indexes, roles, i)
            if edge is not None:
                indents[i] = (lines[i].box.x0 - edge) / em  # type: ignore[union-attr]
    flush = sum(v <= NOTE_FLUSH_EM for v in indents.values())
    indented = sum(NOTE_INDENT_EM <= v <= 4 for v in indents.values())
    if flush < 2 or indented < 2:
        return
    for i, v in indents.items():
        role = roles[i]
        # a line that opens in a small letter, with no numeral, under a note
        # line that ended no sentence goes on with it: the scan lost its first
        # letters ("(Sin-" of "yapore:")
        if role is not None and role.kind is RoleKind.FOOTNOTE and lines[i].text.strip()[:1].islower() \
                and i - 1 in indents and not NOTE_END.search(lines[i - 1].text.strip()):
            continue
        if NOTE_INDENT_EM <= v <= 4 and role is not None:
            why = f"{role.why}; {INDENTED_NOTE}" if role.kind is RoleKind.FOOTNOTE_START else (
                f"small print at the page foot; {INDENTED_NOTE}")
            roles[i] = Role(RoleKind.FOOTNOTE_START, n=role.n, why=why)


def _foot_notes(lines: list[SourceLine], free: list[int], roles: list[Role | None], body: float,
                em: float | None, gap: float | None, height: int | None,
                options: GeometryOptions, pitch: float | None = None) -> bool:
    """Mark the notes at the foot of ``free`` (a page's or a column's lines, top to bottom)."""
    if _foot_notes_read(lines, free, roles, body, em, gap, height, options, pitch):
        return True
    # On a noisy scan the engine may read the rule over the notes, with the
    # tops of the first note line's letters, as a line of letters it cannot
    # read ("Peete te coe aeons", confidences 0-0.2): the notes found without
    # such lines, the one between them and the text is the rule.
    unread = [i for i in free if _unread(lines[i])]
    kept = [i for i in free if i not in unread]
    if not unread or not _foot_notes_read(lines, kept, roles, body, em, gap, height, options, pitch):
        return False
    notes = [i for i in kept if roles[i] is not None and roles[i].kind in (RoleKind.FOOTNOTE, RoleKind.FOOTNOTE_START)]
    text = [i for i in kept if i not in notes]
    if all(lines[i].box for i in notes + text + unread):
        top = min(lines[i].box.y0 for i in notes)  # type: ignore[union-attr]
        bottom = max((lines[i].box.y1 for i in text), default=0)  # type: ignore[union-attr]
        for i in unread:
            if roles[i] is None and bottom <= lines[i].box.y0 < top:  # type: ignore[union-attr]
                roles[i] = Role(RoleKind.SEPARATOR, why="a line the engine could not read over the notes")
    return True


UNREADABLE_LINE = 0.4
"""A line whose words the engine read with a median confidence under this
could not be read (Tesseract: a rule read as letters, 0.05-0.36)."""


def _unread(line: SourceLine) -> bool:
    known = [w.confidence for w in line.words if w.confidence is not None]
    return len(known) >= 2 and statistics.median(known) < UNREADABLE_LINE


def _foot_notes_read(lines: list[SourceLine], free: list[int], roles: list[Role | None], body: float,
                     em: float | None, gap: float | None, height: int | None,
                     options: GeometryOptions, pitch: float | None = None) -> bool:
    run = _foot_run(lines, free, body, gap, options, pitch, height)
    above = [i for i in free if i not in run]
    if not run or not above:
        return False
    if all(lines[i].box for i in run + above):
        top = min(lines[i].box.y0 for i in run)  # type: ignore[union-attr]
        if any(lines[i].box.y1 > top for i in above):  # type: ignore[union-attr]
            return False  # not below the text: small print inside the page, not notes
        if height and top < height / 2:
            return False  # most of the page is small print: a page of notes or an index
        last = max(lines[i].box.y1 for i in above)  # type: ignore[union-attr]
        last_top = max(lines[i].box.y0 for i in above)  # type: ignore[union-attr]
        if gap is not None and top - last < max(2 * gap, gap + 8) and not (
                pitch and top - last_top >= PITCH_SPACE * pitch) and not _set_as_notes(
                lines, run, above, pitch, options.footnote_ratio * body):
            return False  # no space (or rule) above: the text's own short last lines
    run = sorted(run)  # reading order: the notes of two columns side by side are read a column at a time
    # the rule over the notes, read as letters (_notes_above): above the first
    # line read, not a piece of it (a note line's first words read apart)
    unread = [i for i in run if _unread(lines[i])]
    read = [i for i in run if i not in unread]
    if unread and read and all(lines[i].box for i in run):
        first = min(read, key=lambda i: lines[i].box.y0)  # type: ignore[union-attr]
        for i in unread:
            if lines[i].box.y0 <= lines[first].box.y0 - 0.5 * lines[first].box.height:  # type: ignore[union-attr]
                roles[i] = Role(RoleKind.SEPARATOR, why="a line the engine could not read over the notes")
        run = [i for i in run if roles[i] is None]
    for k, i in enumerate(run):
        line = lines[i]
        start = _note_start(line)
        # the left edge of the note lines in this line's column
        # (those near it only: a skewed scan moves the left edge down the page)
        left = min((lines[j].box.x0 for j in run if lines[j].box and line.box  # type: ignore[union-attr]
                    and lines[j].box.x0 < line.box.x1 and line.box.x0 < lines[j].box.x1  # type: ignore[union-attr]
                    and (not em or abs(lines[j].box.y0 - line.box.y0) <= 3 * em)),  # type: ignore[union-attr]
                   default=None)
        if start is None and left is not None and em and line.box is not None and k > 0:
            prev = lines[run[k - 1]]
            if (line.box.x0 - left >= 0.5 * em * options.footnote_ratio
                    and _SENTENCE_END.search(prev.text)):
                start = (None, "indented against the note lines after a finished note")
        if start is not None:
            roles[i] = Role(RoleKind.FOOTNOTE_START, n=start[0],
                            why=f"small print at the page foot; {start[1]}")
        else:
            roles[i] = Role(RoleKind.FOOTNOTE, why="small print at the page foot")
    return True


def _foot_run(lines: list[SourceLine], free: list[int], body: float, gap: float | None,
              options: GeometryOptions, pitch: float | None = None, height: int | None = None) -> list[int]:
    """The lines at the page foot that may be notes: small print under a space.

    With boxes, the run is everything under the last wide gap on the page,
    taken if its lines are small on the whole (median) and none is larger
    than the body: single lines' sizes are noisy on a scan. Without boxes,
    the small lines at the end.
    """
    if gap is not None and len(free) >= 2 and all(lines[i].box for i in free):
        space = max(2 * gap, gap + 8)
        # On a skewed scan the lines' boxes grow into the space between them:
        # the distance of the lines' tops (the pitch) still shows the space.
        starts = [k for k in range(1, len(free))
                  if lines[free[k]].box.y0 - max(lines[j].box.y1  # type: ignore[union-attr]
                                                 for j in free[:k]) >= space
                  or (pitch and lines[free[k]].box.y0 - max(lines[j].box.y0  # type: ignore[union-attr]
                                                            for j in free[:k]) >= PITCH_SPACE * pitch)
                  or _set_as_notes(lines, free[k:], free[:k], pitch, options.footnote_ratio * body)]
        if not starts:
            return []
        run = _text_above_notes(lines, free[starts[-1]:], body, options)
        if not run:
            return []
        sizes = [lines[i].size for i in run]
        if any(s is None for s in sizes):
            return []
        known = [s for s in sizes if s is not None]
        # A note's last line of a word or two ("Studies, 1983).") measures
        # whatever its few letters give: only longer lines bound the run's size,
        # and the lines at least half as wide as the widest give its size.
        # Two printed lines the engine read as one (a box as tall as two of
        # the run's lines: "ingapore: Harbor Books, 195), 8t-" over the next
        # line's words) measure nothing.
        tall = statistics.median(lines[i].box.height for i in run) * TWO_LINES  # type: ignore[union-attr]
        measured = [i for i in run if lines[i].box.height < tall] or run  # type: ignore[union-attr]
        long = [lines[i].size for i in measured if len(lines[i].text.split()) >= 3] or known
        widest = max(lines[i].box.width for i in measured)  # type: ignore[union-attr]
        full = [lines[i].size for i in measured if 2 * lines[i].box.width >= widest]  # type: ignore[union-attr]
        if (statistics.median(full or known) <= options.footnote_ratio * body  # type: ignore[type-var]
                and max(long) <= NOTE_MAX_SIZE * body):  # type: ignore[type-var]
            return _notes_above(lines, free, starts, run, body, options, height)
        return []
    run: list[int] = []
    for i in reversed(free):
        size = lines[i].size
        if size is not None and size <= options.footnote_ratio * body:
            run.append(i)
        else:
            break
    return run[::-1]


NOTE_PITCH = 0.85
"""Notes are set on a smaller leading than the text: their lines follow each
other at most this share of the body's line pitch (LaTeX's footnotes: 0.75-0.8)."""
NOTE_STEP = 1.1
"""The first note line under the text stands at least this many body line
pitches under the text's last line, where the page leaves no wider space."""
NOTE_PITCH_LINES = 3


def _set_as_notes(lines: list[SourceLine], run: list[int], above: list[int], pitch: float | None,
                  small: float) -> bool:
    """``run`` (top to bottom, to the page or column foot) is set as notes are,
    though the page left no wide space over them (a full page squeezes the
    space above its notes): its first line opens a note, a step of more than
    the body's line pitch under the text's last line (larger than ``small``:
    not a note line over it), and its lines follow each other at a note's
    leading (:data:`NOTE_PITCH`), three at least.

    >>> from textkit.read.lines import Box
    >>> text = [SourceLine("running text of the column", 1, Box(90, y, 380, y + 14), 13.0) for y in (900, 920, 940)]
    >>> notes = [SourceLine(t, 1, Box(110, y, 690, y + 11), 10.0) for t, y in (
    ...     ("1 Ruth Okada, interview with the author, 1992.", 964), ("2 See Yoko Hirata, Ports", 980),
    ...     ("and Power (Tokyo, 1990).", 995))]
    >>> lines = text + notes
    >>> _set_as_notes(lines, [3, 4, 5], [0, 1, 2], 20.0, 11.7), _set_as_notes(lines, [1, 2, 3, 4, 5], [0], 20.0, 11.7)
    (True, False)
    >>> _set_as_notes(lines, [4, 5, 5], [0, 1, 2, 3], 20.0, 11.7)  # under a note line: within the notes
    False
    """
    if not pitch or len(run) < NOTE_PITCH_LINES or not above:
        return False
    boxes = [lines[i].box for i in run + above]
    if any(b is None for b in boxes):
        return False
    first = lines[run[0]]
    last = max(above, key=lambda j: lines[j].box.y0)  # type: ignore[union-attr]
    if first.box.y0 - lines[last].box.y0 < NOTE_STEP * pitch:  # type: ignore[union-attr]
        return False
    if not lines[last].size or lines[last].size <= small:
        return False
    if _note_start(first) is None:
        return False
    steps = []  # from each line to the nearest line above it in its column
    for i in run:
        box = lines[i].box
        over = [lines[j].box.y0 for j in run if lines[j].box.y0 < box.y0  # type: ignore[union-attr]
                and lines[j].box.x0 < box.x1 and box.x0 < lines[j].box.x1]  # type: ignore[union-attr]
        if over:
            steps.append(box.y0 - max(over))  # type: ignore[union-attr]
    return len(steps) >= NOTE_PITCH_LINES - 1 and statistics.median(steps) <= NOTE_PITCH * pitch


def _notes_above(lines: list[SourceLine], free: list[int], starts: list[int], run: list[int], body: float,
                 options: GeometryOptions, height: int | None) -> list[int]:
    """``run`` (from the last wide space on the page down) with the lines
    between it and the wide spaces above it, where they are notes too: small
    print whose first line opens a note, under the lines the engine could not
    read (the rule over the notes read as letters: ``ete Oa eine ae tr
    ORONO``), in the page's lower half. A line lost between two notes leaves
    a space as wide as the one over the notes."""
    k = len(starts) - 1
    while k > 0:
        part = free[starts[k - 1]:starts[k]]
        read = [i for i in part if not _unread(lines[i])]
        if not read or any(lines[i].box.y0 >= lines[read[0]].box.y0  # type: ignore[union-attr]
                           for i in part if i not in read):
            break
        small = all(lines[i].size and lines[i].size <= options.footnote_ratio * body for i in read)  # type: ignore[operator]
        lower = not height or lines[part[0]].box.y0 >= height / 2  # type: ignore[union-attr]
        if not small or not lower or _note_start(lines[read[0]]) is None:
            break
        run = part + run
        k -= 1
    return run


TWO_LINES = 1.8
"""A line of a note run this many times as tall as the run's median line is
two printed lines read as one."""
NOTE_MAX_SIZE = 1.05
"""No line of a footnote run is larger than this against the body (a scan's
specks make single small lines measure body size; larger is text)."""


def _text_above_notes(lines: list[SourceLine], run: list[int], body: float,
                      options: GeometryOptions) -> list[int]:
    """``run`` without the body-size lines that stand above every smaller line
    of their column in it, where a column has two such full lines (three words
    or more): text set above the notes with no wide space between (a heading
    and its paragraph at a column's foot, the other column's notes higher up),
    not notes. One such line is kept: a note's first line may measure body
    size on a noisy scan."""
    def big(i: int) -> bool:
        return (lines[i].size or 0) > options.footnote_ratio * body

    def over(i: int, j: int) -> bool:  # the same column
        a, b = lines[i].box, lines[j].box
        return a.x0 < b.x1 and b.x0 < a.x1  # type: ignore[union-attr]

    top = [i for i in run if big(i) and not any(
        not big(j) and over(i, j) and lines[j].box.y0 < lines[i].box.y0 for j in run)]  # type: ignore[union-attr]
    text = {i for i in top if sum(over(i, j) and len(lines[j].text.split()) >= 3 for j in top) >= 2}
    return [i for i in run if i not in text]


def _is_headline(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 12 and not text.endswith(("-", ",", ";", ".", ":"))
            and (words[0][:1].isupper() or words[0][:1].isdigit()))


def _headings(lines: list[SourceLine], by_page: dict[int, list[int]], roles: list[Role | None],
              body: float | None, caps: list[DropCap], options: GeometryOptions,
              em: float | None = None) -> None:
    block_sizes = Counter(ln.block for ln in lines)
    gaps = _typical_gap(lines)
    # A drop cap read into a line makes the line tall, not a heading.
    capped = {c.line for c in caps if c.word is not None}
    for i, ln in enumerate(lines):
        if roles[i] is not None or i in capped or not _is_headline(ln.text.strip()):
            continue
        if ln.size and body and ln.size >= options.heading_ratio * body:
            roles[i] = Role(RoleKind.HEADING, level=1,
                            why=f"size {ln.size:g} against body {body:g}")
            continue
        alone = block_sizes[ln.block] == 1
        not_small = not ln.size or not body or ln.size >= 0.85 * body
        above, below = _space_around(lines, by_page[ln.page], i, gaps)
        if (alone and not_small and above and below and _short(lines, by_page[ln.page], i, 0.85)
                and _text_below(lines, by_page[ln.page], roles, i)):
            roles[i] = Role(RoleKind.HEADING, level=2, why="a short line alone, set apart by space")
        elif (above and ln.size and body and ln.size >= 1.1 * body
              and _short(lines, by_page[ln.page], i)):
            # Engines that put a subheading in the block of the paragraph
            # under it (Tesseract on a noisy scan) still leave the space above.
            roles[i] = Role(RoleKind.HEADING, level=2,
                            why=f"a short line set apart above, size {ln.size:g} against body {body:g}")
        elif (above and not_small and _short(lines, by_page[ln.page], i, 0.85)
              and _over_indented_start(lines, by_page[ln.page], roles, i, em, options)):
            roles[i] = Role(RoleKind.HEADING, level=2, why=OVER_INDENTED_START)
    # Size tiers among the large headings: the top tier is level 1, lower
    # tiers level 2 -- unless the top tier is a single line (a volume or
    # article title), when the next tier is level 1 too.
    big = sorted({i for i, r in enumerate(roles) if r is not None and r.kind is RoleKind.HEADING
                  and r.level == 1 and lines[i].size}, key=lambda i: -(lines[i].size or 0))
    tiers: list[list[int]] = []
    for i in big:
        if tiers and (lines[i].size or 0) >= TIER_TOLERANCE * (lines[tiers[-1][0]].size or 0):
            tiers[-1].append(i)
        else:
            tiers.append([i])
    first = 2 if len(tiers) > 1 and len(tiers[0]) == 1 else 1
    for tier in tiers[first:]:
        for i in tier:
            roles[i] = replace(roles[i], level=2)  # type: ignore[arg-type]


OVER_INDENTED_START = "a short line set apart above, over an indented paragraph start"
"""The :attr:`Role.why` of a body-size heading the engine put in the block of
the paragraph under it (Tesseract on a noisy scan)."""


def _over_indented_start(lines: list[SourceLine], page: list[int], roles: list[Role | None], i: int,
                         em: float | None, options: GeometryOptions) -> bool:
    """Line ``i`` opens its engine block flush with its column, and the block's
    next line is indented against the column: a paragraph starts under it (a
    paragraph's own first line is the indented one, a heading is set flush)."""
    ln = lines[i]
    if ln.box is None or not em:
        return False
    block = [j for j in page if lines[j].block == ln.block and lines[j].box]
    if len(block) < 2 or min(block, key=lambda j: lines[j].box.y0) != i:  # type: ignore[union-attr]
        return False
    below = min((j for j in block if j != i), key=lambda j: lines[j].box.y0)  # type: ignore[union-attr]
    text = [j for j in page if roles[j] is None]
    return (roles[below] is None and len(lines[below].text.split()) >= 5
            and not _indent(lines, text, i, em, options) and _indent(lines, text, below, em, options))


TIER_TOLERANCE = 0.8
"""Headings within this ratio of a tier's largest size are one tier: Tesseract's
``x_size`` of one heading style varies by 10% with the letters (descenders)."""


PITCH_SPACE = 1.3
"""Notes stand this many line pitches (the distance of the tops of a
paragraph's lines) under the text above them, at least."""


def _typical_pitch(lines: list[SourceLine]) -> float | None:
    pitches = []
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page and a.block == b.block and a.box and b.box:
            step = b.box.y0 - a.box.y0
            if step > 0:
                pitches.append(float(step))
    return _median(pitches)


def _typical_gap(lines: list[SourceLine]) -> float | None:
    gaps = []
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page and a.block == b.block and a.box and b.box:
            gap = b.box.y0 - a.box.y1
            if gap >= 0:
                gaps.append(float(gap))
    return _median(gaps)


def _short(lines: list[SourceLine], page: list[int], i: int, ratio: float = 0.6) -> bool:
    """At most ``ratio`` as wide as the page's lines of running text."""
    widths = [lines[j].box.width for j in page  # type: ignore[union-attr]
              if lines[j].box and len(lines[j].text.split()) >= 5]
    box = lines[i].box
    return bool(widths and box and box.width <= ratio * statistics.median(widths))


def _text_below(lines: list[SourceLine], page: list[int], roles: list[Role | None], i: int) -> bool:
    """The nearest line under line ``i`` in its column is running text (not a
    note, not the page's foot): a heading is never set as a column's last line
    (typesetters keep it with its text), a quotation's first line may be."""
    box = lines[i].box
    if box is None:
        return True
    under = [j for j in page if j != i and lines[j].box and lines[j].box.y0 >= box.y1  # type: ignore[union-attr]
             and lines[j].box.x0 < box.x1 and box.x0 < lines[j].box.x1]  # type: ignore[union-attr]
    if not under:
        return False
    nearest = min(under, key=lambda j: lines[j].box.y0)  # type: ignore[union-attr]
    return roles[nearest] is None or roles[nearest].kind is RoleKind.HEADING  # type: ignore[union-attr]


def _space_around(lines: list[SourceLine], page: list[int], i: int,
                  gap: float | None) -> tuple[bool, bool]:
    """More space above, and below, the line than between the lines of a paragraph."""
    if gap is None or lines[i].box is None:
        return False, False
    box = lines[i].box
    neighbours = [lines[j] for j in page if j != i and lines[j].box
                  and lines[j].box.x0 < box.x1 and box.x0 < lines[j].box.x1]  # type: ignore[union-attr]
    above = [box.y0 - ln.box.y1 for ln in neighbours if ln.box.y1 <= box.y0]  # type: ignore[union-attr]
    below = [ln.box.y0 - box.y1 for ln in neighbours if ln.box.y0 >= box.y1]  # type: ignore[union-attr]
    space = max(gap * 2, 8.0)
    return (not above or min(above) >= space), (not below or min(below) >= space)


def _paragraph_starts(lines: list[SourceLine], by_page: dict[int, list[int]],
                      roles: list[Role | None], em: float | None, found: list[DropCap],
                      options: GeometryOptions) -> None:
    body_lines = [i for i, r in enumerate(roles) if r is None]
    body_set = set(body_lines)
    page_body = {page: [i for i in indexes if i in body_set] for page, indexes in by_page.items()}
    # On a noisy scan Tesseract may make a block of nearly every line; its
    # blocks then say nothing about paragraphs.
    blocky = {page for page, indexes in by_page.items()
              if len(indexes) >= 6 and len({lines[i].block for i in indexes}) >= 0.5 * len(indexes)}
    caps = {c.starts for c in found if c.starts is not None}
    cap_boxes = [(lines[c.line].page, lines[c.line].box if c.word is None
                  else lines[c.line].words[c.word].box) for c in found]
    for k, i in enumerate(body_lines):
        ln = lines[i]
        prev_any = next((j for j in range(i - 1, -1, -1)
                         if j in body_set or roles[j].kind in (  # type: ignore[union-attr]
                             RoleKind.HEADING, RoleKind.DROP_CAP)), None)
        prev = body_lines[k - 1] if k else None
        why = ""
        if prev_any is not None and prev_any not in body_set:
            why = "after a heading" if roles[prev_any].kind is RoleKind.HEADING else "after a drop cap"  # type: ignore[union-attr]
        elif prev is None:
            why = "the first line of text"
        elif i in caps:
            why = "begun by a drop cap"
        elif _broken_above(lines, i, em):
            pass  # the second half of a word broken at the end of the line above
        elif _indent(lines, page_body[ln.page], i, em, options) and not _beside(ln, cap_boxes):
            why = INDENTED
        elif _same_column(lines[prev], ln) and lines[prev].page == ln.page:
            # The engine's new block, after a line that ends a sentence (a
            # noisy scan's blocks also break mid-sentence).
            if (lines[prev].block != ln.block and ln.page not in blocky
                    and _SENTENCE_END.search(lines[prev].text.strip())):
                why = "a new block of the engine's"
        elif _ends_paragraph(lines, page_body[lines[prev].page], prev, em):
            why = "the line before ends short with a full stop"
        if why:
            roles[i] = Role(RoleKind.PARAGRAPH_START, why=why)


def _broken_above(lines: list[SourceLine], i: int, em: float | None) -> bool:
    """The line right above ``i`` in its column (whatever its role: the engine
    may call running text a caption) ends a word's first part (``co-``): ``i``
    goes on with it."""
    if not i or not em:
        return False
    above, ln = lines[i - 1], lines[i]
    return (above.page == ln.page and _same_column(above, ln) and above.box is not None
            and ln.box is not None and 0 <= ln.box.y0 - above.box.y1 <= em
            and re.search(r"[^\W\d_]-$", above.text.rstrip()) is not None)


def _beside(line: SourceLine, cap_boxes: list) -> bool:  # noqa: ANN001 - (page, Box) pairs
    """The line is indented only to make room for a drop cap."""
    box = line.box
    return box is not None and any(
        page == line.page and cap is not None and box.y0 < cap.y1 and cap.y0 < box.y1
        and box.x0 >= cap.x1 - 4 for page, cap in cap_boxes)


def _same_column(a: SourceLine, b: SourceLine) -> bool:
    if a.box is None or b.box is None:
        return a.page == b.page
    return a.box.x0 < b.box.x1 and b.box.x0 < a.box.x1 and a.box.y0 <= b.box.y0


def _column(lines: list[SourceLine], body_lines: list[int], i: int) -> list[SourceLine]:
    """The body lines of ``i``'s page (``body_lines``) that share its horizontal span."""
    ln = lines[i]
    return [lines[j] for j in body_lines if lines[j].box and ln.box
            and lines[j].box.x0 < ln.box.x1 and ln.box.x0 < lines[j].box.x1]  # type: ignore[union-attr]


def _indent(lines: list[SourceLine], body_lines: list[int], i: int, em: float | None,
            options: GeometryOptions) -> bool:
    ln = lines[i]
    if ln.box is None or not em:
        return False
    column = _column(lines, body_lines, i)
    left = min(c.box.x0 for c in column)  # type: ignore[union-attr]
    # A skewed scan moves the column's left edge down the page: against the
    # lines just above and below, an indent still shows.
    near = [c.box.x0 for c in column if c is not ln  # type: ignore[union-attr]
            and abs(c.box.y0 - ln.box.y0) <= 2.5 * em]  # type: ignore[union-attr]
    if near:
        left = min(near)
    indent = ln.box.x0 - left
    return options.indent_em * em <= indent <= 6 * em


def _ends_paragraph(lines: list[SourceLine], body_lines: list[int], prev: int,
                    em: float | None) -> bool:
    ln = lines[prev]
    if not _SENTENCE_END.search(ln.text.strip()):
        return False
    if ln.box is None or not em:
        return True
    right = max(c.box.x1 for c in _column(lines, body_lines, prev))  # type: ignore[union-attr]
    return right - ln.box.x1 >= 2 * em


def anchors(lines: list[SourceLine], roles: list[Role] | None = None,
            options: GeometryOptions = DEFAULTS) -> list[Anchor]:
    """Footnote reference candidates in text lines (headings included).

    A word of its own that is a numeral or a note mark, much smaller than the
    line's words and raised; or a numeral or mark Tesseract read onto the end
    of a word after its punctuation (``numbers.!``, ``time.?``, ``years.*``)
    or after its letters (``archive3``).

    >>> from textkit.read.lines import Box, Word
    >>> words = (Word("numbers.!", Box(0, 0, 90, 40)), Word("They", Box(100, 0, 150, 40)))
    >>> anchors([SourceLine("numbers.! They", 1, Box(0, 0, 150, 40), 40.0, words=words)])
    [Anchor(line=0, word=0, numeral='!', glued=True)]
    """
    roles = roles if roles is not None else classify(lines, [], options)
    # a caption to the engine is mostly running text (Tesseract's ocr_caption
    # lines of a typeset page: a paragraph's lines it could not fit to a column)
    text_kinds = (RoleKind.TEXT, RoleKind.PARAGRAPH_START, RoleKind.HEADING, RoleKind.CAPTION)
    found: list[Anchor] = []
    for i, ln in enumerate(lines):
        if roles[i].kind not in text_kinds:
            continue
        boxed = [w for w in ln.words if w.box is not None]
        height = statistics.median(w.box.height for w in boxed) if len(boxed) >= 3 else None  # type: ignore[union-attr]
        bottom = statistics.median(w.box.y1 for w in boxed) if len(boxed) >= 3 else None  # type: ignore[union-attr]
        for k, word in enumerate(ln.words):
            alone = _SUPERSCRIPT.match(word.text)
            if alone and word.box and height and bottom:
                small = word.box.height <= options.superscript_ratio * height
                raised = bottom - word.box.y1 >= 0.25 * height
                if small and raised:
                    found.append(Anchor(i, k, alone.group("n"), glued=False))
                continue
            match = _GLUED.match(word.text)
            if match and _glued_plausible(match.group("word"), match.group("n")):
                found.append(Anchor(i, k, match.group("n"), glued=True))
                continue
            mark = _MARKED.match(word.text)
            if mark and (is_raised(ln.words, k) or (word.confidence is not None
                                                  and word.confidence < UNSURE_CONFIDENCE)):
                found.append(Anchor(i, k, mark.group("n"), glued=True))
    return found


INDENTED = "indented against the column"
"""The :attr:`Role.why` of a paragraph start found by its first-line indent."""

UNSURE_CONFIDENCE = 0.7
"""An engine's confidence in a word under which its trailing mark may be a
misread superscript (Tesseract: median 0.60 for such words, 0.96 for others)."""

# A clause's end with a mark after it that may be a misread superscript
# (``region.+``, ``program.’``, ``1984.2``, ``controversy.©``, a 1 read as a
# letter: ``it.t``; a speck after it: ``1984.2.``, ``ipated.!_``): the mark is
# the numeral as read. (The marks Tesseract makes of a superscript numeral,
# as the plain-text path lists them: :data:`textkit.layout.footnotes._CANDIDATE`;
# and ``>``, ``Chittagong.>``: three times on the tuning volumes' degraded
# hOCR, every time where a numeral was printed; ``§`` glued to a clause's end,
# ``statis-tics.§``, as the plain-text path takes it.)
_MARKED = re.compile(r"^(?P<word>.*?\w[)\]]?[.,;:])(?P<n>[\d!°®©º™§*?+’'\"”‘“>]{1,2}|[lIt|])[.,:_]?$")
_ASCENDING = re.compile(r"[A-Zbdfhklt0-9]")


def is_raised(words: tuple, k: int) -> bool:  # noqa: ANN001 - Words
    """Word ``k`` reaches above the tops of the nearest tall words on both sides
    (capitals and ascenders): a superscript glued to it raises its box."""
    box = words[k].box
    if box is None:
        return False
    tops = []
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(words):
            other = words[j]
            if other.box is not None and _ASCENDING.search(other.text) and not _MARKED.match(other.text):
                tops.append(other.box.y0)
                break
            j += step
    if not tops:
        return False
    height = max(w.box.height for w in words if w.box is not None)
    return box.y0 <= min(tops) - max(2.0, 0.1 * height)


def _glued_plausible(word: str, numeral: str) -> bool:
    """``numbers.!`` yes, ``Really?`` or ``B12`` no."""
    if numeral.isdigit():
        letters = re.sub(r"[^A-Za-z]", "", word)
        return len(letters) >= 3 and not word.isupper()
    # A mark after a letter is ordinary punctuation ("Really?"); after a
    # full stop or comma it is a misread superscript.
    return word[-1:] in ".,;:" or numeral in "°®*"


def printed_pages(lines: list[SourceLine], pages: list[PageInfo],
                  roles: list[Role]) -> list[PageInfo]:
    """``pages`` with ``printed`` filled from page numbers and folios in running heads.

    A number the format gave is kept.
    """
    found: dict[int, str] = {}
    for ln, role in zip(lines, roles):
        if role.kind is RoleKind.PAGE_NUMBER and role.n:
            found.setdefault(ln.page, role.n)
    for ln, role in zip(lines, roles):
        if role.kind is RoleKind.RUNNING_HEAD and role.n:
            found.setdefault(ln.page, role.n)
    return [p if p.printed or p.number not in found else replace(p, printed=found[p.number])
            for p in pages]
