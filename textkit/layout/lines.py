"""Classify each input line by what the printed page did with it.

The OCR of this series writes a page start as a line that begins with one
space, a footnote separator as a line of spaces only, and leaves page
furniture (running heads, page numbers), stray marks and displaced drop-cap
letters on lines of their own. Footnote blocks are found later
(:mod:`textkit.layout.footnotes`); this module looks at one line, or at a
line and its neighbours, at a time.
"""

from __future__ import annotations

import difflib
import re
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat

from ..model import Language, Line, LineKind, SourceLine, SourceLines
from ..furniture import RUNNING_HEAD_MAX_CHARS, furniture_key, is_page_number
from .shape import ENGLISH, is_caps, is_title_case, split_authors

SEPARATOR_MIN_SPACES = 10
"""A whitespace-only line at least this long is a footnote separator (the
sample's are exactly 60 spaces; an empty line is a blank)."""

RUNNING_HEAD_MIN_REPEATS = 3
"""A line at a page edge that recurs this often (digits ignored) is a running head."""
RUNNING_HEAD_NEAR_PAGES = 2
"""A line at a page edge met only twice is a running head when the two pages
are this close (a short essay's heads; two essays' "Conclusion" are not)."""
SIMILAR_HEAD = 0.88
"""Two edge lines this similar (difflib ratio of their keys) are one running
head misread differently (``East Asia e 2``, ``East Asia e« 3``)."""

_LONE_INITIAL = re.compile(r"[A-Z]")
_LETTER_OR_DIGIT = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class RawLine:
    number: int
    text: str
    """The line with trailing whitespace removed (leading kept)."""
    is_page_start: bool = False
    """The line is the first of a new page."""
    block: int = 0
    """The block the reader put the line in (0: none said; see ``SourceLine.block``)."""
    content: str = field(init=False)
    """The line without leading and trailing whitespace (made once: the rules read it
    often). Also the record's fifth slot, which makes it the size of the
    :class:`~textkit.model.Line` made from it: the layout's lines take the memory
    of the raw lines they replace instead of new memory (#13)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "content", self.text.strip())


def raw_lines(lines: Sequence[SourceLine]) -> list[RawLine]:
    """A reader's lines, numbered from 1, each marked when it opens a new page.

    >>> from textkit.model import SourceLine
    >>> [(l.number, l.text, l.is_page_start) for l in raw_lines([SourceLine("a", 1), SourceLine("b", 2)])]
    [(1, 'a', False), (2, 'b', True)]

    The first line is not marked: nothing shows where the first page began.
    The lines' columns are read (:class:`~textkit.model.SourceLines`), no record made.
    """
    source = SourceLines(lines)
    pages = source.pages
    blocks = source.blocks if source.blocked else repeat(0)
    out: list[RawLine] = []
    previous = pages[0] if len(pages) else 0
    for number, (text, page, block) in enumerate(zip(source.texts, pages, blocks), 1):
        out.append(RawLine(number, text, page != previous, block))
        previous = page
    return out


def new_block(lines: Sequence[RawLine], i: int) -> bool:
    """Line ``i`` opens a block the reader marked (a paragraph of its own, as a blank line would set it)."""
    return 0 < i < len(lines) and lines[i].block != lines[i - 1].block and bool(lines[i].block)


def basic_kind(line: RawLine) -> LineKind:
    """What a line is on its own: blank, separator, stray mark, or text."""
    if not line.text.strip():
        return LineKind.SEPARATOR if len(line.text) >= SEPARATOR_MIN_SPACES else LineKind.BLANK
    if not _LETTER_OR_DIGIT.search(line.content) and len(line.content) <= 3:
        return LineKind.STRAY_MARK
    return LineKind.TEXT


_ORNAMENT = re.compile(r"(?:\s+(?:[^\w\s]+\w?|\w[^\w\s]+|[^\W\d]|[^\w\s]+\d{1,4}))+$")


def head_key(content: str, *, fold_case: bool = True) -> str:
    """A running head's words: :func:`furniture_key`, its folio's ornament aside.

    A bullet or dot before a folio is read as ``e``, ``e«``, ``+`` or ``•``.

    >>> head_key("Grain, Markets and Diplomacy in East Asia e« 3"), head_key("4 Coastal Cities")
    ('grain markets and diplomacy in east asia', 'coastal cities')
    """
    bare = _folio_free(content)
    bare = _ORNAMENT.sub("", " " + bare).strip() or bare
    key = " ".join(re.sub(r"[^\w\s]+|\d+", " ", bare).split())
    return key.lower() if fold_case else key


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > max(len(a), len(b)) * (1 - SIMILAR_HEAD) + 1:
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= SIMILAR_HEAD


def page_edges(lines: list[RawLine], kinds: list[LineKind]) -> set[int]:
    """Indexes of lines at a page's top or bottom edge.

    The top edge is a page-start line (and the line after it, where a running
    head sits before the text); the bottom edge is the last text-like line
    before a page start or a footnote separator, blanks skipped.
    """
    edges: set[int] = set()
    for i, line in enumerate(lines):
        if line.is_page_start or i == 0:
            edges.add(i)
            nxt = _next_nonblank(kinds, i)
            if nxt is not None:
                edges.add(nxt)
            prev = _prev_nonblank(kinds, i)
            if prev is not None:
                edges.add(prev)
        elif kinds[i] is LineKind.SEPARATOR:
            prev = _prev_nonblank(kinds, i)
            if prev is not None:
                edges.add(prev)
    last = _prev_nonblank(kinds, len(lines))
    if last is not None:
        edges.add(last)
    return edges


def _before_break(lines: list[RawLine], kinds: list[LineKind], i: int) -> bool:
    """The next non-blank line after ``i`` starts a page or a footnote block."""
    j = _next_nonblank(kinds, i)
    return j is not None and (lines[j].is_page_start or kinds[j] is LineKind.SEPARATOR)


def _next_nonblank(kinds: list[LineKind], i: int) -> int | None:
    for j in range(i + 1, len(kinds)):
        if kinds[j] is not LineKind.BLANK:
            return j
    return None


def _prev_nonblank(kinds: list[LineKind], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if kinds[j] is not LineKind.BLANK:
            return j
    return None


def classify(lines: list[RawLine], language: Language = ENGLISH) -> list[LineKind]:
    """Kinds for every line except footnote text (see :mod:`.footnotes`).

    Page numbers are number-only lines at a page edge or beside a blank line.
    Running heads are short lines in capitals or Title Case: with a folio
    (``THE MEKONG REVIEW 43``), at a page edge or twice anywhere (digits
    ignored); without one, recurring at page edges.
    """
    kinds = [basic_kind(line) for line in lines]
    edges = page_edges(lines, kinds)
    breaks = {i for i in edges if lines[i].is_page_start or _before_break(lines, kinds, i)}
    texts = _text_indices(kinds)
    anywhere = Counter(furniture_key(lines[i].content) for i in texts if _FOLIO.search(lines[i].content))
    # Without a folio a running head must recur exactly (case too): a title
    # line SHIPPING and a heading Shipping at page tops are not one. The
    # volume title on a page of its own is what the verso heads repeat, not one.
    title_page = _title_page(lines, texts)
    at_edges = Counter(lines[i].content for i in edges
                       if kinds[i] is LineKind.TEXT and not _FOLIO.search(lines[i].content))
    for i in texts:
        content = lines[i].content
        if is_page_number(content):
            if i in edges or (i == 0 or kinds[i - 1] is LineKind.BLANK or lines[i].is_page_start
                              or i + 1 == len(lines) or kinds[i + 1] is LineKind.BLANK
                              or new_block(lines, i) or new_block(lines, i + 1)):  # beside a blank
                kinds[i] = LineKind.PAGE_NUMBER
            continue
        folio = _FOLIO.search(content)
        # A head has a folio or recurs at page edges: the shape tests below (pure, and
        # the costly part) only for a line that may be one, most lines having neither.
        if not folio and not (i in edges and at_edges[content] >= RUNNING_HEAD_MIN_REPEATS
                              and i not in title_page):
            continue
        if _is_furniture_text(content) and _is_title(content, language.minor_words):
            key = furniture_key(content)
            # Met once, a head with a folio must stand at a real page break, or
            # be words in capitals at the input's first or last line.
            bare = _folio_free(content)
            once = i in breaks or (i in edges and is_caps(bare) and len(bare.split()) >= 2)
            if (folio and (anywhere[key] >= 2 or once)) or (
                    i in edges and at_edges[content] >= RUNNING_HEAD_MIN_REPEATS):
                kinds[i] = LineKind.RUNNING_HEAD
    del texts  # a volume's worth of indices: not held while _paged_heads makes its own (#13)
    _paged_heads(lines, kinds, edges, language)
    _titles_over_bylines(lines, kinds, language)
    furniture = (LineKind.PAGE_NUMBER, LineKind.RUNNING_HEAD, LineKind.STRAY_MARK)
    for i, line in enumerate(lines):
        if kinds[i] is LineKind.TEXT and len(line.content) == 1 and _LONE_INITIAL.fullmatch(line.content):
            # Look past page furniture to the lines that frame the letter.
            j = i + 1
            while j < len(lines) and kinds[j] in furniture and not lines[j].is_page_start:
                j += 1
            k = i - 1
            while k >= 0 and kinds[k] in furniture:
                k -= 1
            next_is_page = j < len(lines) and lines[j].is_page_start
            after_blank = j < len(lines) and kinds[j] is LineKind.BLANK
            # The input's last line, set apart from text above it, stands as a blank would set it.
            at_end = j >= len(lines) and k >= 0 and kinds[k] is LineKind.BLANK
            if next_is_page or at_end or (after_blank and (k < 0 or kinds[k] is LineKind.BLANK)):
                kinds[i] = LineKind.LONE_INITIAL
    return kinds


_FOLIO = re.compile(r"^(?:\d{1,4}\s+\S|(?s:.*)\S\s+\d{1,4}$)")  # anchored: one try per line


def _paged_heads(lines: list[RawLine], kinds: list[LineKind], edges: set[int], language: Language) -> None:
    """Running heads that the folio and exact-repeat rules above miss.

    * a line at a page edge whose words (:func:`head_key`) recur at the edge
      of other pages: three times anywhere, or twice on pages close together
      (a short essay's head); misreadings allowed (:data:`SIMILAR_HEAD`);
    * a page's first line repeated at once as the start of the next lines
      (``INTRODUCTION`` / ``INTRODUCTION``: the head repeats the title of the
      text that begins on that page);
    * a line with a folio whose words are a title printed elsewhere (the
      recto head of an essay, ``Who Pays for the Harbor? 5``), or a number
      alone standing after such a head.
    """
    pages = _page_numbers(lines)
    texts = _text_indices(kinds)
    # A page number at the edge: the head or foot stands beside it.
    beside = {j for i in edges if kinds[i] is LineKind.PAGE_NUMBER
              for j in (_prev_nonblank(kinds, i), _next_nonblank(kinds, i)) if j is not None}
    candidates = sorted(i for i in edges | beside if kinds[i] is LineKind.TEXT
                        and _is_furniture_text(lines[i].content) and _is_title(lines[i].content, language.minor_words))
    # Of a page's lines with the same words only the first is a head: the next
    # is the title the head repeats (OIL, ICE AND INSURANCE / OIL, ICE AND INSURANCE).
    seen: set[tuple[int, str]] = set()
    firsts = []
    for i in candidates:
        key = (pages[i], head_key(lines[i].content))
        if key not in seen:
            firsts.append(i)
        seen.add(key)
    candidates = firsts
    # Case counts: a title line SHIPPING and a heading Shipping are not one head.
    # Heads the rules above found already are the others' partners too
    # (``… in East Asia`` // ``6`` beside the feet ``… in East Asia e 5``).
    found = [i for i in edges if kinds[i] is LineKind.RUNNING_HEAD]
    # Only for a page's foot (a title at a page's top may be what the heads
    # repeat), and not on a title page: the volume title the heads repeat.
    title_page = _title_page(lines, texts)
    candidates = [i for i in candidates if i not in title_page or _FOLIO.search(lines[i].content)]
    feet = {i for i in candidates if _at_foot(lines, kinds, i)}
    keys = {i: head_key(lines[i].content, fold_case=False) for i in candidates + found}
    extremes = _page_extremes(lines, kinds)
    opening = texts[0] if texts else None
    for i in candidates:
        if len(keys[i]) < 3:
            continue
        others = [j for j in candidates + (found if i in feet else [])
                  if j != i and pages[j] != pages[i] and _similar(keys[i], keys[j])]
        # Met twice, both must be a page's very first or very last line, and
        # neither the document's first line: that is a title, which a later
        # text's title may begin with (ENERGY FISHERIES / ENERGY FISHERIES LABOR ...).
        outer = [j for j in others if j in extremes and j != opening]
        if len(others) + 1 >= RUNNING_HEAD_MIN_REPEATS or i in extremes and i != opening and any(
                abs(pages[j] - pages[i]) <= RUNNING_HEAD_NEAR_PAGES for j in outer):
            kinds[i] = LineKind.RUNNING_HEAD
    for i in candidates:
        if kinds[i] is not LineKind.TEXT or not lines[i].is_page_start and i != 0:
            continue
        key = head_key(lines[i].content)
        later = [j for j in texts if j > i and kinds[j] is LineKind.TEXT][:2]
        if key and later and head_key(lines[later[0]].content).startswith(key) and _mostly_caps(lines[i].content):
            kinds[i] = LineKind.RUNNING_HEAD
    # A page's first line misread from a head found elsewhere (RULES FoR Cop Warers).
    heads = {head_key(lines[i].content) for i in range(len(lines)) if kinds[i] is LineKind.RUNNING_HEAD}
    for i in extremes:
        if (kinds[i] is LineKind.TEXT and lines[i].is_page_start and _is_furniture_text(lines[i].content)
                and _mostly_caps_or_title(lines[i].content, language.minor_words)):
            key = head_key(lines[i].content)
            if key not in heads and any(_similar_folded(key, h) for h in heads):
                kinds[i] = LineKind.RUNNING_HEAD
    _volume_title_heads(lines, kinds, title_page, extremes, language)
    # The title a head repeats on its text's first page is not the head.
    for i in edges:
        j = _next_nonblank(kinds, i)
        if (kinds[i] is LineKind.RUNNING_HEAD and j is not None and kinds[j] is LineKind.RUNNING_HEAD
                and pages[i] == pages[j] and head_key(lines[j].content) == head_key(lines[i].content)):
            kinds[j] = LineKind.TEXT
    titles = _Titles(lines, texts)
    for i in texts:
        content = lines[i].content
        if (kinds[i] is LineKind.TEXT and _FOLIO.search(content) and _is_furniture_text(content)
                and _is_title(content, language.minor_words) and head_key(content) in titles.keys
                and not is_caps(content)):
            kinds[i] = LineKind.RUNNING_HEAD
    _small_caps_heads(lines, kinds, pages, titles)


def _volume_title_heads(lines: list[RawLine], kinds: list[LineKind], title_page: set[int],
                        extremes: set[int], language: Language) -> None:
    """A page's first line in the words of the volume's title (its title page's first lines) is a
    verso running head: also met once (a short volume) or misread (``Lights, Charts and Sofe
    Passage``). Not over a byline: there it is a text's title that repeats the volume's."""
    if not title_page:
        return
    first = min(title_page)
    run = [first]
    while run[-1] + 1 in title_page and kinds[run[-1] + 1] is LineKind.TEXT:
        run.append(run[-1] + 1)
    title = head_key(" ".join(lines[i].content for i in run))
    if len(title) < 6:
        return
    for i in extremes:
        content = lines[i].content
        if (kinds[i] is not LineKind.TEXT or not lines[i].is_page_start or i in title_page
                or not _is_furniture_text(content) or not _mostly_caps_or_title(content, language.minor_words)):
            continue
        key = head_key(content)
        if key != title and not _similar_folded(key, title):
            continue
        j = _next_nonblank(kinds, i)
        if j is None or not split_authors(lines[j].content, language):
            kinds[i] = LineKind.RUNNING_HEAD


class _Titles:
    """The words (:func:`head_key`) of the text lines in capitals, made when first asked for:
    only a line with a folio or a page's first line in mixed case asks (a one-page file
    mostly has neither, and the test reads every line)."""

    def __init__(self, lines: list[RawLine], texts: Sequence[int]) -> None:
        self._lines, self._texts = lines, texts
        self._keys: set[str] | None = None

    @property
    def keys(self) -> set[str]:
        if self._keys is None:
            lines = self._lines
            self._keys = {head_key(lines[i].content) for i in self._texts if is_caps(lines[i].content)}
            del self._lines, self._texts
        return self._keys


def _titles_over_bylines(lines: list[RawLine], kinds: list[LineKind], language: Language) -> None:
    """A page's first line over an author line is a text's title, not the running head it matches.

    A text's title in capitals opening a page is printed in the same words as the head at the top
    of its later pages: a short essay's two heads and the title make three alike at page tops,
    which the repeat rules count as a head (``WATER AND POWER`` // ``Ann Lee``). A head stands
    over running text, never over a byline, and repeats a title printed before it: only the first
    of its words at a page top can be the title (a later head over a heading in Title Case,
    ``RULES FOR COLD WATERS`` // ``Coastal State Jurisdiction``, stays a head)."""
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if kinds[i] is not LineKind.RUNNING_HEAD or not (line.is_page_start or i == 0):
            continue
        key = head_key(line.content)
        first = key not in seen
        seen.add(key)
        if not first or _FOLIO.search(line.content) or not is_caps(line.content):
            continue
        j = _next_nonblank(kinds, i)
        # In capitals the line under it is a title's line, which the author-line shape admits too.
        if (j is not None and kinds[j] is LineKind.TEXT and not lines[j].is_page_start
                and not is_caps(lines[j].content) and split_authors(lines[j].content, language)):
            kinds[i] = LineKind.TEXT


SMALL_CAPS_HEAD = 0.7
"""A page's first line this similar (case folded) to the start of a title is that title's head,
misread from small capitals (``Runes ror Coup Warers``, ``RvLes PoR Coup Wares``, ``Fisting``)."""


def _small_caps_heads(lines: list[RawLine], kinds: list[LineKind], pages: list[int], titles: _Titles) -> None:
    """Running heads in small capitals that the scan read as mixed case, words misread.

    A page's first line (not in capitals: that is a title) set apart by a
    blank line is a head when it reads like the start of a title printed in
    capitals and either that title follows it at once (the head over its
    text's first page) or another page opens with the same misread head.
    """
    matches: dict[int, str] = {}
    for i, line in enumerate(lines):
        if kinds[i] is not LineKind.TEXT or not (line.is_page_start or i == 0) or is_caps(line.content):
            continue
        j = _next_nonblank(kinds, i)
        # A head's rule may be read as a stop after it (Rent ann Irs Conrrot.).
        if j is None or j == i + 1 or lines[j].is_page_start or not _is_furniture_text(line.content.removesuffix(".")):
            continue
        key = head_key(line.content)
        tail = _head_tail(lines, kinds, i, j)
        if tail is not None:  # the head's last word broken, its end read in capitals under it
            k = _next_nonblank(kinds, tail)
            if _prefix_ratio(head_key(line.content + lines[tail].content), head_key(lines[k].content)) >= SMALL_CAPS_HEAD:
                kinds[i] = kinds[tail] = LineKind.RUNNING_HEAD
                continue
        best = max(((_small_caps_ratio(key, t), t) for t in titles.keys if t), default=(0.0, ""))
        if best[0] < SMALL_CAPS_HEAD:
            continue
        if is_caps(lines[j].content) and _small_caps_ratio(key, head_key(lines[j].content)) >= SMALL_CAPS_HEAD:
            kinds[i] = LineKind.RUNNING_HEAD
        matches[i] = best[1]
    for i, title in matches.items():
        if kinds[i] is LineKind.TEXT and any(t == title and pages[k] != pages[i] for k, t in matches.items()):
            kinds[i] = LineKind.RUNNING_HEAD


def _head_tail(lines: list[RawLine], kinds: list[LineKind], i: int, j: int) -> int | None:
    """Line ``j`` when it may be the end of head ``i``'s last word: one short word
    in capitals alone between blank lines, and a title in capitals after it
    (``On. Ice ann Inst`` / ``ANCE`` / ``OIL, ICE AND INSURANCE``)."""
    content = lines[j].content.strip()
    if kinds[j] is not LineKind.TEXT or " " in content or not 2 <= len(content) <= 8 or not content.isupper():
        return None
    k = _next_nonblank(kinds, j)
    if k is None or k == j + 1 or lines[k].is_page_start or not is_caps(lines[k].content):
        return None
    return j


def _prefix_ratio(key: str, title: str) -> float:
    """How like ``key`` is to the start of ``title`` (as many words)."""
    start = " ".join(title.split()[:len(key.split())])
    return difflib.SequenceMatcher(None, key, start, autojunk=False).ratio()


_SMALL_CAPS_FOLD = str.maketrans("rlxpb", "ttndd")
"""Small capitals read as small letters of their shape: T as r, L as t, N as x, D as p or b
(``Ixrropucrion``, ``Warer anp Power``, ``Conrrot``): each pair one letter for the comparison."""


def _small_caps_ratio(key: str, title: str) -> float:
    """:func:`_prefix_ratio`, the letters small capitals are misread as folded together."""
    return max(_prefix_ratio(key, title),
               _prefix_ratio(key.translate(_SMALL_CAPS_FOLD), title.translate(_SMALL_CAPS_FOLD)))


TITLE_PAGE_MAX_LINES = 6
"""An input's first page with at most this many text lines is a title page."""


def _title_page(lines: list[RawLine], texts: Sequence[int]) -> set[int]:
    """The text lines of the input's first page when it is a title page: a page of its own
    (a later page follows), at most :data:`TITLE_PAGE_MAX_LINES` text lines, no page number.
    Its lines are the volume's title, which the verso running heads repeat: never a head."""
    if not texts:
        return set()
    end = texts[0] + 1
    while end < len(lines) and not lines[end].is_page_start:
        end += 1
    if end == len(lines):
        return set()  # one page: no title page of its own
    first = [i for i in texts if i < end]
    if len(first) > TITLE_PAGE_MAX_LINES or any(is_page_number(lines[i].content) for i in first):
        return set()
    return set(first)


def _at_foot(lines: list[RawLine], kinds: list[LineKind], i: int) -> bool:
    """Line ``i`` is its page's last, a page number alone aside."""
    j = _next_nonblank(kinds, i)
    if j is not None and kinds[j] is LineKind.PAGE_NUMBER and not lines[j].is_page_start:
        j = _next_nonblank(kinds, j)
    return j is None or lines[j].is_page_start


MISREAD_HEAD = 0.8
"""A page's first line this similar (case folded) to a running head is that head, misread."""


def _similar_folded(a: str, b: str) -> bool:
    """Misread letters, not a line that is part of the head (a title's first line the head repeats)."""
    if len(a) < 6 or b.startswith(a) or a.startswith(b) or abs(len(a) - len(b)) > 0.15 * max(len(a), len(b)):
        return False
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= MISREAD_HEAD


def _mostly_caps_or_title(text: str, minor_words: frozenset[str]) -> bool:
    return _mostly_caps(text) or _is_title(text, minor_words)


def _mostly_caps(text: str) -> bool:
    """In capitals but for a few misread letters (``RULEs FOR COLD WaTERS``)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.75 * len(letters)


def _page_extremes(lines: list[RawLine], kinds: list[LineKind]) -> set[int]:
    """Each page's first and last text line."""
    out: set[int] = set()
    last = None
    for i, line in enumerate(lines):
        if kinds[i] is not LineKind.TEXT:
            continue
        if line.is_page_start or last is None:
            out.add(i)
            if last is not None:
                out.add(last)
        last = i
    if last is not None:
        out.add(last)
    return out


def _page_numbers(lines: list[RawLine]) -> list[int]:
    out, page = [], 0
    for line in lines:
        if line.is_page_start:  # a page's lines share its number (``page + False`` is a new int)
            page += 1
        out.append(page)
    return out


def _text_indices(kinds: list[LineKind]) -> array[int]:
    """The indices of the text lines, as machine integers (a volume has a million: #13)."""
    return array("q", (i for i, kind in enumerate(kinds) if kind is LineKind.TEXT))


def _folio_free(content: str) -> str:
    if not (content[:1].isdigit() or content[-1:].isdigit() or content.endswith("\n")):
        return content.strip()  # no folio at either end: the common case, no regex
    return _FOLIO_AT_ENDS.sub("", content).strip()


_FOLIO_AT_ENDS = re.compile(r"^\d{1,4}\s+|\s+\d{1,4}$")


def _is_title(content: str, minor_words: frozenset[str]) -> bool:
    """A running head's words: a title in capitals or Title Case, the folio aside."""
    words = _folio_free(content)
    if words.endswith((".", ",", ";", ":")) or words[:1].isdigit():
        return False
    return is_caps(words) or is_title_case(words, minor_words)


def _is_furniture_text(content: str) -> bool:
    """Short, not a sentence, with a few letters: what a running head looks like."""
    return (len(content) <= RUNNING_HEAD_MAX_CHARS  # the cheap tests first
            and not content.rstrip().endswith((".", ",", ";", "-", "\u00ad", "¬"))
            and len(furniture_key(content)) >= 3)


def to_line(raw: RawLine, kind: LineKind, page_start: bool) -> Line:
    return Line(raw.number, raw.content if kind is not LineKind.BLANK else "", kind, page_start)
