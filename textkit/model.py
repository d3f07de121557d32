"""The document model: every stage of textkit reads and returns these types.

A conversion flows one way (``textkit.pipeline.STAGES``; docs/architecture.md)::

    read -> layout -> structure -> notes -> hyphens -> dropcaps -> ocr -> channel -> TEI

* ``read``: a reader for the input's format (plain text of each OCR program,
  hOCR, ALTO, PAGE XML) turns the bytes into a :class:`Document` holding its
  :class:`SourceLine` s (text, page, and where the format knows them box,
  size, confidence, region type) and the :class:`Options` it is read with.
* ``layout`` classifies every input line (:class:`Line`): text, blank, page
  start, footnote separator and footnote text, running head, page number,
  stray mark, displaced drop-cap letter; it collects the :class:`Footnote`
  texts and where their reference numerals sit (:class:`FootnoteRef`).
* ``structure`` groups the text lines into the texts of the volume
  (:class:`Text`), their titles, authors, headings (:class:`Division`) and
  blocks (:class:`Block`), recording each block's line breaks
  (:class:`LineBreak`) and each footnote's anchor (:class:`NoteAnchor`).
  Layout and structure classify and group: they change no character.
* the repair stages change the text: ``notes`` takes out glued reference
  numerals, ``hyphens`` joins words broken at line ends, ``dropcaps``
  supplies lost initials, ``ocr`` and ``channel`` correct misreadings.

Every change to the scan's text is a :class:`Correction` of a closed set of
rules (:class:`Rule`). A block's ``text`` is the repaired reading; each
correction says which span of it replaced what the scan had, so the scan's
reading can always be rebuilt (:meth:`Block.original_text`). Whatever the
layout stage removes (separator lines, stray marks, running heads, page
numbers) is kept as a :class:`LayoutMark`.
"""
from __future__ import annotations

import enum
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import repeat
from typing import Any, TypeVar, overload


class Rule(enum.Enum):
    """The closed set of changes textkit makes to the text.

    The value is what TEI records (``corr/@type``, ``supplied/@reason``).
    """

    HYPHEN_JOIN = "hyphen-join"
    """A line-end hyphen was removed and the two halves of the word joined."""
    DROPPED_INITIAL = "dropped-initial"
    """The drop cap of a text's first word was lost; the letter is supplied."""
    DISPLACED_INITIAL = "displaced-initial"
    """The drop cap stood alone on a line elsewhere; it is supplied in place."""
    FOOTNOTE_MARKER = "footnote-marker"
    """A footnote numeral glued to the text was removed; the note sits there."""
    # OCR misreadings (textkit.repair.ocr). Each names the confusion that
    # explains the change, so a reviewer can judge a whole class at once.
    OCR_RN_M = "rn-m"
    """``rn`` read as ``m`` (``unfaimess`` -> ``unfairness``)."""
    OCR_I_L = "I-l"
    """Capital ``I`` read as ``l`` or ``1`` (``ln addition`` -> ``In addition``)."""
    OCR_CONFUSION = "ocr-confusion"
    """Another character confusion of the OCR model (cl/d, li/h, vv/w, e/c …)."""
    OCR_DOCUMENT_FORM = "document-form"
    """A misread form of a word the same document spells right elsewhere."""
    # The learned noisy channel (textkit.repair.channel): other confusions,
    # misreadings that made another word, and spaces lost or added.
    OCR_CHANNEL = "ocr-channel"
    """Characters misread within a word, explained by the learned confusion model (``tbe``)."""
    OCR_REAL_WORD = "real-word"
    """A misreading that made another word, undone by its context (``modem`` -> ``modern``)."""
    OCR_SPLIT = "word-split"
    """A space the OCR lost, restored (``ofher`` -> ``of her``)."""
    OCR_JOIN = "word-join"
    """A space the OCR put inside a word, removed (``con sulting``)."""
    HYPHEN_MIDLINE = "hyphen-midline"
    """A line-end hyphen left mid-line where the line breaks were lost (``pecu- niary``)."""
    SCAN_MARK = "scan-mark"
    """A mark a degraded scan added, removed (``‘The`` -> ``The``: a ``‘`` that opens nothing)."""

    @property
    def is_ocr(self) -> bool:
        return self.value not in _LAYOUT_RULES


_LAYOUT_RULES = {"hyphen-join", "dropped-initial", "displaced-initial", "footnote-marker"}


class Confidence(enum.Enum):
    """How sure textkit is of a correction (TEI ``@cert``)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True, slots=True)
class Correction:
    """One change to the scan's text.

    ``start``/``end`` delimit the replacement in the repaired text of the
    block that holds the correction; ``original`` is what the scan had there
    (``""`` for a supplied letter, ``"fundamen-\\ntally"`` for a joined
    hyphen). ``line`` is the 1-based input line where the original starts.
    """

    rule: Rule
    start: int
    end: int
    original: str
    replacement: str
    confidence: Confidence
    line: int
    note: str = ""
    """Why: the evidence, in a few words (shown in reviews and reports)."""


@dataclass(frozen=True, slots=True)
class LineBreak:
    """Where an input line begins in a block's text.

    ``hyphen``: the line before ended in a hyphen that may break a word; the
    text holds it (``fundamen-tally``) until the hyphen stage decides.
    ``page_start``: the line begins a new printed page.
    """

    offset: int
    line: int
    page_start: bool = False
    hyphen: bool = False


_T = TypeVar("_T")


def _machine_ints(values: Iterable[int]) -> array[int]:
    """``values`` as an array of C ints, or of 64-bit ones where a value does not fit."""
    if isinstance(values, array):
        return values
    values = values if isinstance(values, list) else list(values)
    try:
        return array("i", values)
    except OverflowError:
        return array("q", values)


class _Packed(Sequence[_T]):
    """A sequence of records kept compactly (:class:`Breaks`, :class:`SourceLines`): equal
    to the tuple of its records, and hashed, shown and pickled as that tuple."""

    __slots__ = ()

    def _same(self, other: _Packed[_T]) -> bool:
        """Equal to ``other`` of the same class (a subclass compares its storage)."""
        return tuple(self) == tuple(other)

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._same(other)  # type: ignore[arg-type]
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))  # as the equal tuple's

    def __repr__(self) -> str:
        return f"{type(self).__name__}({tuple(self)!r})"

    def __reduce__(self) -> tuple[type[_Packed[_T]], tuple[tuple[_T, ...]]]:
        return type(self), (tuple(self),)


class Breaks(_Packed[LineBreak]):
    """The line breaks of a block or footnote (:attr:`Block.breaks`), stored compactly.

    A volume has one break per input line: as :class:`LineBreak` records (and
    their two integers) they were half of a large volume's memory (#13); here
    each is two machine integers in one array, the offsets first, then the
    codes (``line << 2 | page_start << 1 | hyphen``). A sequence of
    :class:`LineBreak` s all the same: indexing or iterating makes the
    records; :attr:`offsets`, :meth:`line_at`, :meth:`with_hyphen` and
    :meth:`moved` read the array without making them. Equal to the tuple of
    the same records. :class:`Block` and :class:`Footnote` turn whatever
    sequence of breaks they are given into one.

    >>> breaks = Breaks([LineBreak(0, 4), LineBreak(9, 5, hyphen=True)])
    >>> breaks[1], len(breaks), list(breaks.offsets), breaks.line_at(8, 0)
    (LineBreak(offset=9, line=5, page_start=False, hyphen=True), 2, [0, 9], 4)
    >>> breaks == (LineBreak(0, 4), LineBreak(9, 5, False, True))
    True
    """

    __slots__ = ("_data",)
    _data: array[int]

    def __new__(cls, breaks: Iterable[LineBreak] = ()) -> Breaks:
        if type(breaks) is cls:
            return breaks
        offsets: list[int] = []
        codes: list[int] = []
        for brk in breaks:
            offsets.append(brk.offset)
            codes.append(brk.line << 2 | brk.page_start << 1 | brk.hyphen)
        return cls._packed(offsets, codes)

    @classmethod
    def _packed(cls, offsets: list[int], codes: list[int]) -> Breaks:
        self = object.__new__(cls)
        self._data = _machine_ints(offsets + codes)  # wider past a line 2**29, an offset 2**31
        return self

    @staticmethod
    def code(line: int, page_start: bool = False, hyphen: bool = False) -> int:
        """How a break's line and flags are stored (for :meth:`from_codes`)."""
        return line << 2 | page_start << 1 | hyphen

    @classmethod
    def from_codes(cls, offsets: list[int], codes: list[int]) -> Breaks:
        """The breaks at ``offsets``, each with its line and flags as :meth:`code` stores them
        (for a stage that makes many: no record is made).

        >>> Breaks.from_codes([0, 5], [Breaks.code(1), Breaks.code(2, page_start=True)])[1]
        LineBreak(offset=5, line=2, page_start=True, hyphen=False)
        """
        if len(offsets) != len(codes):
            raise ValueError(f"{len(offsets)} offsets for {len(codes)} codes")
        return cls._packed(offsets, codes)

    def __len__(self) -> int:
        return len(self._data) >> 1

    @overload
    def __getitem__(self, index: int) -> LineBreak: ...
    @overload
    def __getitem__(self, index: slice) -> Breaks: ...

    def __getitem__(self, index: int | slice) -> LineBreak | Breaks:
        n = len(self._data) >> 1
        if isinstance(index, slice):
            return Breaks._packed(self._data[:n][index].tolist(), self._data[n:][index].tolist())
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("line break index out of range")
        code = self._data[n + index]
        return LineBreak(self._data[index], code >> 2, bool(code & 2), bool(code & 1))

    def __iter__(self) -> Iterator[LineBreak]:
        n = len(self._data) >> 1
        for offset, code in zip(self._data[:n], self._data[n:]):
            yield LineBreak(offset, code >> 2, bool(code & 2), bool(code & 1))

    def _same(self, other: _Packed[LineBreak]) -> bool:
        return self._data == other._data  # type: ignore[attr-defined]

    @property
    def offsets(self) -> array[int]:
        """Each break's offset, in order (a new array)."""
        return self._data[:len(self._data) >> 1]

    def line_at(self, offset: int, default: int) -> int:
        """The line of the last break at or before ``offset`` (``default`` if none)."""
        n = len(self._data) >> 1
        k = bisect_right(self._data, offset, 0, n)
        return self._data[n + k - 1] >> 2 if k else default

    def with_hyphen(self) -> Iterator[LineBreak]:
        """The breaks after a line that ended in a hyphen (``hyphen``), in order."""
        n = len(self._data) >> 1
        for k in range(n):
            code = self._data[n + k]
            if code & 1:
                yield LineBreak(self._data[k], code >> 2, bool(code & 2), True)

    def moved(self, move: Callable[[int], int]) -> Breaks:
        """These breaks with each offset ``o`` at ``move(o)``, lines and flags kept."""
        n = len(self._data) >> 1
        return Breaks._packed([move(offset) for offset in self._data[:n]], self._data[n:].tolist())


_NO_BREAKS = Breaks()


def _compact_breaks(record: Block | Footnote) -> None:
    """Store ``record.breaks`` as :class:`Breaks` (called by the frozen record's ``__post_init__``)."""
    breaks = record.breaks
    if type(breaks) is not Breaks:
        object.__setattr__(record, "breaks", Breaks(breaks) if breaks else _NO_BREAKS)


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote: its number as printed and its text (glued numeral removed)."""

    n: str
    text: str
    line: int
    corrections: tuple[Correction, ...] = ()
    breaks: Sequence[LineBreak] = ()
    """Where each of the note's input lines begins in ``text`` (kept as :class:`Breaks`)."""
    anchored: bool = True
    """False when its reference in the text was not found: the note stands at
    the end of the text before its block (or the start of the one after), or
    at the end of the document (TEI ``anchored="false"``)."""
    marker: str = ""
    """A misread numeral still at the head of ``text`` (``?`` in ``?Yoko Hirata``),
    until the footnote stage takes it out as a :attr:`Rule.FOOTNOTE_MARKER`
    correction (``""`` after that, or when the numeral was read as ``n``)."""
    inferred: bool = False
    """``n`` is not printed as such: the OCR misread or lost the numeral and
    the number follows from the notes around it."""

    def __post_init__(self) -> None:
        _compact_breaks(self)

    def as_block(self) -> Block:
        """The note's text as a paragraph block (for stages that repair blocks)."""
        last = self.breaks[-1].line if self.breaks else self.line
        return Block(BlockKind.PARAGRAPH, self.text, self.line, last, self.corrections, (), self.breaks)

    def with_block(self, block: Block) -> Footnote:
        """This note with the text, corrections and breaks of ``block`` (see :meth:`as_block`)."""
        return replace(self, text=block.text, corrections=block.corrections, breaks=block.breaks)


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """Where a footnote's reference numeral is glued into a text line.

    ``column`` is the 0-based offset of the numeral in the line's text.
    """

    line: int
    column: int
    note: Footnote
    marker: str | None = None
    """The reference as printed when it is not the note's number (a misread
    ``!``, ``?`` or ``”``); ``None``: the numeral ``note.n`` (or nothing)."""


@dataclass(frozen=True, slots=True)
class NoteAnchor:
    """A footnote placed at ``offset`` in its block's text.

    ``marker`` is the reference numeral the scan glued into the text there
    (``text[offset:offset + len(marker)]``), until the footnote stage takes
    it out as a :attr:`Rule.FOOTNOTE_MARKER` correction (``""`` after that,
    or when the note had no numeral in the text).
    """

    offset: int
    note: Footnote
    marker: str = ""


class BlockKind(enum.Enum):
    PARAGRAPH = "p"
    HEAD = "head"
    BYLINE = "byline"
    QUOTE = "quote"
    EDITORIAL_NOTE = "editorial"


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text: a paragraph, heading, block quotation or editorial note."""

    kind: BlockKind
    text: str
    first_line: int
    last_line: int
    corrections: tuple[Correction, ...] = ()
    notes: tuple[NoteAnchor, ...] = ()
    breaks: Sequence[LineBreak] = ()
    """Where each input line of the block begins in ``text`` (the first at 0), in order;
    kept as :class:`Breaks`."""

    def __post_init__(self) -> None:
        _compact_breaks(self)

    @property
    def pages(self) -> tuple[int, ...]:
        """Offsets in ``text`` where a new printed page begins."""
        return tuple(b.offset for b in self.breaks if b.page_start)

    def line_at(self, offset: int) -> int:
        """The input line that holds ``text[offset]`` (the first line when unknown).

        >>> b = Block(BlockKind.PARAGRAPH, "one two", 4, 5, breaks=(LineBreak(0, 4), LineBreak(4, 5)))
        >>> b.line_at(2), b.line_at(4)
        (4, 5)
        """
        return Breaks(self.breaks).line_at(offset, self.first_line)

    def reading(self) -> str:
        """The text without the reference numerals the footnote stage will take out.

        >>> note = Footnote("8", "Ibid.", 9)
        >>> Block(BlockKind.PARAGRAPH, "as follows:8", 1, 1, notes=(NoteAnchor(11, note, "8"),)).reading()
        'as follows:'
        """
        text = self.text
        for anchor in sorted(self.notes, key=lambda a: a.offset, reverse=True):
            if anchor.marker:
                text = text[:anchor.offset] + text[anchor.offset + len(anchor.marker):]
        return text

    def original_text(self) -> str:
        """The scan's reading of this block: every correction undone.

        >>> fix = Correction(Rule.OCR_RN_M, 4, 8, "wam", "warn", Confidence.HIGH, 1)
        >>> Block(BlockKind.PARAGRAPH, "not warn me", 1, 1, (fix,)).original_text()
        'not wam me'
        """
        out, pos = [], 0
        for fix in sorted(self.corrections, key=lambda c: c.start):
            out.append(self.text[pos:fix.start])
            out.append(fix.original)
            pos = fix.end
        out.append(self.text[pos:])
        return "".join(out)


class TextKind(enum.Enum):
    INTRODUCTION = "introduction"
    ESSAY = "essay"


@dataclass(frozen=True, slots=True)
class Division:
    """A section (``level`` 1) or sub-section (``level`` 2) with its heading."""

    level: int
    head: Block
    blocks: tuple[Block, ...] = ()
    divisions: tuple[Division, ...] = ()


@dataclass(frozen=True, slots=True)
class Text:
    """One text of the volume: the introduction or an essay."""

    kind: TextKind
    title: Block
    authors: tuple[str, ...]
    byline: Block | None
    """The author line as printed (names joined by "and" or commas), if any."""
    blocks: tuple[Block, ...] = ()
    """Blocks before the first heading."""
    divisions: tuple[Division, ...] = ()
    affiliation: Block | None = None
    """The authors' institution, printed on the line under their names."""


class LineKind(enum.Enum):
    TEXT = "text"
    BLANK = "blank"
    SEPARATOR = "footnote-separator"
    FOOTNOTE = "footnote"
    RUNNING_HEAD = "running-head"
    PAGE_NUMBER = "page-number"
    STRAY_MARK = "stray-mark"
    LONE_INITIAL = "lone-initial"


@dataclass(frozen=True, slots=True)
class Line:
    """One input line as the layout stage read it."""

    number: int
    text: str
    """The line without its page-start indent and trailing whitespace."""
    kind: LineKind
    page_start: bool = False
    """The line begins a new page (the OCR marks this with one leading space)."""
    heading: int = 0
    """A heading of this level (1 or 2) by the page's geometry (0: no hint;
    OCR with coordinates only, see :mod:`textkit.layout.geometry`)."""
    hint: str = ""
    """What the geometry says the line's block is, for the structure stage:
    ``"paragraph"`` (a paragraph starts here for sure: an indent, the engine's
    block), ``"title"`` (a text's title, set large), ``"quote"`` (a block
    inset on both sides), ``"editorial"`` (small print under a title); ``""``
    for none (plain text never has one)."""


@dataclass(frozen=True, slots=True)
class LayoutMark:
    """Something the layout stage removed from the reading text."""

    kind: LineKind
    line: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """How to convert. Every field has the default a new user wants.

    ``correct_ocr``: correct OCR misreadings (True). Turn off to get only the
    layout repairs (hyphens, drop caps, footnotes), e.g. to review them alone.

    ``user_words``: names and terms to protect from OCR correction, on top of
    the shipped lexicon (empty). The CLI fills it from ``--lexicon FILE``.

    ``keep_layout``: also record page starts (``pb``) and the line breaks of
    joined hyphens (``lb break="no"``) in the TEI, for a diplomatic reading
    (False: the profile's reading text keeps no layout).

    ``language``: the code of the language profile (:mod:`textkit.lang`) whose
    lexicon and function words the stages use, and whose ``xml:lang`` the TEI
    declares ("en").

    ``input_format``: the name of the reader (:mod:`textkit.read`) to use, or
    of a plain-text program's conventions (``text``, ``tesseract``, ``abbyy``,
    ``pdftotext``: :mod:`textkit.read.text`), or None to recognise the format
    and the program from the content (None).
    """

    correct_ocr: bool = True
    user_words: frozenset[str] = field(default_factory=frozenset)
    keep_layout: bool = False
    language: str = "en"
    input_format: str | None = None

    def __post_init__(self) -> None:
        # Checked here, where the mistake is made: a string "no" is true, and a
        # set of words failed deep in a stage with a message about the stage.
        for name in ("correct_ocr", "keep_layout"):
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise TypeError(f"Options({name}=...) takes True or False, not {value!r}")
        if not isinstance(self.language, str):
            raise TypeError(f"Options(language=...) takes a language code such as 'en', not {self.language!r}")
        if self.input_format is not None and not isinstance(self.input_format, str):
            raise TypeError("Options(input_format=...) takes a reader's name such as 'text' or 'hocr', "
                            f"or None, not {self.input_format!r}")
        words = self.user_words
        if isinstance(words, str | bytes) or not isinstance(words, Iterable):
            raise TypeError("Options(user_words=...) takes a collection of words (a set, list "
                            f"or frozenset of str), not {type(words).__name__}")
        try:
            words = frozenset(words)
        except TypeError:
            raise TypeError("Options(user_words=...) takes words (str); it was given something "
                            "unhashable") from None
        for word in words:
            if not isinstance(word, str):
                raise TypeError(f"Options(user_words=...) takes words (str), not {word!r}")
        object.__setattr__(self, "user_words", words)


@dataclass(frozen=True, slots=True, kw_only=True)
class Language:
    """What is particular to one language: registered in :mod:`textkit.lang`.

    ``code`` is what the TEI declares (``xml:lang``); ``lexicon`` names the
    word list in the package data (word and count per line, gzipped) and
    ``bigrams`` the word-pair counts; ``minor_words`` are those a Title Case
    heading may leave in lower case; ``function_words`` the short words that
    are never names; ``introduction_titles`` the titles of a volume's
    introduction; ``author_joiners`` the words that join authors' names;
    ``elisions`` the words written after an apostrophe where letters were left
    out (``‘tis``, ``‘em``), whose ``‘`` opens no quotation.
    """

    code: str
    name: str
    lexicon: str
    bigrams: str
    minor_words: frozenset[str]
    function_words: frozenset[str]
    introduction_titles: frozenset[str]
    author_joiners: tuple[str, ...]
    elisions: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the page image, in pixels, origin top left."""

    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    def union(self, other: Box) -> Box:
        """The smallest box holding both.

        >>> Box(0, 0, 10, 10).union(Box(5, 5, 20, 12))
        Box(x0=0, y0=0, x1=20, y1=12)
        """
        return Box(min(self.x0, other.x0), min(self.y0, other.y0),
                   max(self.x1, other.x1), max(self.y1, other.y1))


@dataclass(frozen=True, slots=True)
class Word:
    """A word as an engine with coordinates read it."""

    text: str
    box: Box | None = None
    confidence: float | None = None
    """The engine's confidence, 0 to 1."""


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line as a reader produced it: what every input format comes down to.

    Plain text knows only ``text`` and ``page``; hOCR, ALTO and PAGE XML also
    know the line's ``box``, its ``size`` (height in pixels), the engine's
    ``confidence``, the ``region`` type the format names (``heading``,
    ``footnote``, ``page-number``, ``header``, ``footer``, ``drop-capital`` …),
    the ``block`` the engine grouped it in, and for a word broken at the line
    end the whole word (``hyphen_end``).
    """

    text: str
    page: int = 1
    box: Box | None = None
    size: float | None = None
    confidence: float | None = None
    region: str | None = None
    block: int = 0
    hyphen_end: str | None = None
    words: tuple[Word, ...] = ()


class SourceLines(_Packed[SourceLine]):
    """A reader's lines (:attr:`Document.source_lines`), stored by column where they are plain.

    A volume has a million input lines. As :class:`SourceLine` records (nine
    slots each) they were a third of a large plain-text volume's peak memory
    (#13). Lines that know only their text, page and block (plain text) are
    kept as columns: the texts, and the pages and blocks as arrays of machine
    integers. Lines that know more (a box, a size, words: hOCR, ALTO, PAGE) are
    kept as their records. Either way a sequence of :class:`SourceLine` s:
    indexing or iterating makes the records of plain lines. :attr:`texts`,
    :attr:`pages`, :attr:`blocks`, :attr:`boxed` and :attr:`worded` read the
    columns without making them. Equal to the tuple of the same records.

    >>> lines = SourceLines.plain(["A TITLE", "", "Text."], [1, 1, 2])
    >>> lines[2], len(lines), list(lines.pages), lines.boxed
    (SourceLine(text='Text.', page=2, box=None, size=None, confidence=None, region=None, block=0, hyphen_end=None, words=()), 3, [1, 1, 2], False)
    >>> lines == (SourceLine("A TITLE"), SourceLine(""), SourceLine("Text.", 2))
    True
    """

    __slots__ = ("_texts", "_pages", "_blocks", "_records")
    _texts: Sequence[str]
    _pages: array[int]
    _blocks: array[int] | None
    _records: tuple[SourceLine, ...] | None

    def __new__(cls, lines: Iterable[SourceLine] = ()) -> SourceLines:
        if type(lines) is cls:
            return lines
        records = tuple(lines)
        if all(_plain(line) for line in records):
            return cls.plain([line.text for line in records], [line.page for line in records],
                             [line.block for line in records])
        self = object.__new__(cls)
        self._texts, self._pages, self._blocks, self._records = (), array("i"), None, records
        return self

    @classmethod
    def plain(cls, texts: Sequence[str], pages: Iterable[int],
              blocks: Iterable[int] | None = None) -> SourceLines:
        """Lines that know only their text, page and block, given as columns (``texts``
        is kept as given, not copied: handed over).

        >>> SourceLines.plain(["a", "b"], [1, 2], [1, 2])[1].block
        2
        """
        self = object.__new__(cls)
        self._texts, self._pages, self._records = texts, _machine_ints(pages), None
        self._blocks = _machine_ints(blocks) if blocks is not None else None
        if self._blocks is not None and not any(self._blocks):
            self._blocks = None
        if len(self._pages) != len(texts) or self._blocks is not None and len(self._blocks) != len(texts):
            raise ValueError(f"{len(texts)} texts for {len(self._pages)} pages "
                             f"and {len(self._blocks) if self._blocks is not None else 'no'} blocks")
        return self

    def __len__(self) -> int:
        return len(self._records) if self._records is not None else len(self._texts)

    @overload
    def __getitem__(self, index: int) -> SourceLine: ...
    @overload
    def __getitem__(self, index: slice) -> SourceLines: ...

    def __getitem__(self, index: int | slice) -> SourceLine | SourceLines:
        if self._records is not None:
            return SourceLines(self._records[index]) if isinstance(index, slice) else self._records[index]
        if isinstance(index, slice):
            blocks = self._blocks[index] if self._blocks is not None else None
            return SourceLines.plain(self._texts[index], self._pages[index], blocks)
        block = self._blocks[index] if self._blocks is not None else 0
        return SourceLine(self._texts[index], self._pages[index], None, None, None, None, block)

    def __iter__(self) -> Iterator[SourceLine]:
        if self._records is not None:
            yield from self._records
            return
        blocks = self._blocks if self._blocks is not None else repeat(0)
        for text, page, block in zip(self._texts, self._pages, blocks):
            yield SourceLine(text, page, None, None, None, None, block)

    def _same(self, other: _Packed[SourceLine]) -> bool:
        assert isinstance(other, SourceLines)
        if self._records is None and other._records is None:
            return (list(self._texts) == list(other._texts) and self._pages == other._pages
                    and self._blocks == other._blocks)
        return tuple(self) == tuple(other)

    @property
    def texts(self) -> Sequence[str]:
        """Each line's text, in order."""
        return self._texts if self._records is None else [line.text for line in self._records]

    @property
    def pages(self) -> Sequence[int]:
        """Each line's page, in order."""
        return self._pages if self._records is None else [line.page for line in self._records]

    @property
    def blocks(self) -> Sequence[int]:
        """Each line's block (0: none said), in order."""
        if self._records is not None:
            return [line.block for line in self._records]
        return self._blocks if self._blocks is not None else array("i", bytes(4 * len(self._texts)))

    @property
    def blocked(self) -> bool:
        """Some line is in a block the reader marked."""
        if self._records is not None:
            return any(line.block for line in self._records)
        return self._blocks is not None

    @property
    def boxed(self) -> bool:
        """Some line has a box on the page (OCR with coordinates)."""
        return self._records is not None and any(line.box is not None for line in self._records)

    @property
    def worded(self) -> bool:
        """Some line has the engine's words."""
        return self._records is not None and any(line.words for line in self._records)


def _plain(line: SourceLine) -> bool:
    return (line.box is None and line.size is None and line.confidence is None and line.region is None
            and line.hyphen_end is None and not line.words)


@dataclass(frozen=True, slots=True)
class PageInfo:
    """A page of the input: its index, size if known, and its number as printed."""

    number: int
    width: int | None = None
    height: int | None = None
    printed: str | None = None


CONSUME = "consume"
"""The key of ``Document.evidence`` under which ``pipeline.run(release=True)`` hands a
stage the names (a frozenset) of the document's fields it may drop as soon as it has
read them: the pipeline holds no other reference to the document, and drops those
fields after the stage anyway. A stage that keeps them is as right, only larger."""

def drained(items: list[_T]) -> Iterator[_T]:
    """The items of ``items`` in order, each taken out of the list as it is given
    (for a stage that sheds its input record by record, :data:`CONSUME`)."""
    items.reverse()
    while items:
        yield items.pop()


@dataclass(frozen=True, slots=True)
class Document:
    """A volume on its way through the pipeline.

    A reader fills ``raw``, ``source_lines`` and ``pages``; ``lines``,
    ``footnote_refs`` and ``layout_marks`` are filled by the layout stage, ``texts`` by the
    structure stage and the repair stages.
    """

    source: str
    sha256: str
    raw: str
    """The input as text (a text reader's decoded input; an XML reader's lines)."""
    encoding: str = "utf-8"
    replaced_bytes: int = 0
    """Bytes of the input that were not valid in its encoding, read as U+FFFD."""
    replaced_characters: int = 0
    """Control and non-XML characters the reader replaced."""
    options: Options = field(default_factory=Options)
    """What the user asked for: travels with the document to the writer."""
    input_format: str = "text"
    """The reader that read the input (:mod:`textkit.read`); for plain text, the
    program whose conventions it follows (``text``, ``tesseract``, ``abbyy``, ``pdftotext``)."""
    source_lines: Sequence[SourceLine] = ()
    """The input's lines as the reader produced them (line ``k`` is input line ``k + 1``);
    a reader's are :class:`SourceLines` (by column where they are plain)."""
    pages: tuple[PageInfo, ...] = ()
    unplaced_notes: tuple[Footnote, ...] = ()
    suggestions: tuple[Correction, ...] = ()
    """Corrections whose evidence did not clear the threshold: not applied, listed
    for review (``Confidence.LOW``; offsets in the text of the block holding them
    when they were made, which later repairs may shift)."""
    """Footnotes with no text anywhere to attach to (kept: written at the end)."""
    title: str = ""
    subtitle: str = ""
    """What the volume's title page prints under its title (a subtitle, the occasion)."""
    lines: tuple[Line, ...] = ()
    footnote_refs: tuple[FootnoteRef, ...] = ()
    layout_marks: tuple[LayoutMark, ...] = ()
    texts: tuple[Text, ...] = ()
    stages: tuple[str, ...] = field(default=())
    """Names of the stages that have run, in order."""
    evidence: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False, repr=False)
    """What a stage learned from the whole volume, by the stage's name, when the pipeline
    runs it one text at a time (``pipeline.PER_TEXT``): computed once, so that
    each text is judged by the volume's evidence, not its own alone."""

    def blocks(self) -> Iterator[Block]:
        """Every block of every text, titles and headings included, in order."""
        for text in self.texts:
            yield text.title
            if text.byline is not None:
                yield text.byline
            if text.affiliation is not None:
                yield text.affiliation
            yield from text.blocks
            yield from _division_blocks(text.divisions)

    def with_options(self, **changes: object) -> Document:
        """This document with some options changed (``doc.with_options(keep_layout=True)``)."""
        return replace(self, options=replace(self.options, **changes))

    def map_blocks(self, change: Callable[[Block], Block]) -> Document:
        """This document with ``change`` applied to every block, in the order of :meth:`blocks`.

        The one walk that rebuilds the tree: repair stages use it instead of
        walking texts and divisions themselves.
        """
        # A record none of whose blocks changed is kept as it is, not copied (they are frozen).
        def division(d: Division) -> Division:
            head, blocks = change(d.head), tuple(change(b) for b in d.blocks)
            divisions = tuple(division(c) for c in d.divisions)
            if head is d.head and _same_items(blocks, d.blocks) and _same_items(divisions, d.divisions):
                return d
            return changed(d, head=head, blocks=blocks, divisions=divisions)

        def text(t: Text) -> Text:
            title = change(t.title)
            byline = change(t.byline) if t.byline is not None else None
            affiliation = change(t.affiliation) if t.affiliation is not None else None
            blocks, divisions = tuple(change(b) for b in t.blocks), tuple(division(d) for d in t.divisions)
            if title is t.title and byline is t.byline and affiliation is t.affiliation \
                    and _same_items(blocks, t.blocks) and _same_items(divisions, t.divisions):
                return t
            return changed(t, title=title, byline=byline, affiliation=affiliation, blocks=blocks,
                           divisions=divisions)

        texts = tuple(text(t) for t in self.texts)
        return self if _same_items(texts, self.texts) else changed(self, texts=texts)

    def map_footnotes(self, change: Callable[[Footnote], Footnote]) -> Document:
        """This document with ``change`` applied to every footnote (unplaced ones too)."""
        def block(b: Block) -> Block:
            if not b.notes:
                return b
            return replace(b, notes=tuple(changed(a, note=change(a.note)) for a in b.notes))

        doc = self.map_blocks(block)
        if not doc.unplaced_notes:
            return doc
        return changed(doc, unplaced_notes=tuple(change(note) for note in doc.unplaced_notes))

    def footnotes(self) -> Iterator[Footnote]:
        """Every footnote, in reading order; those with no place in the text last."""
        for block in self.blocks():
            for anchor in block.notes:
                yield anchor.note
        yield from self.unplaced_notes

    def corrections(self) -> Iterator[Correction]:
        """Every correction, in reading order (footnotes after their block)."""
        for block in self.blocks():
            yield from block.corrections
            for anchor in block.notes:
                yield from anchor.note.corrections


def _same_items(new: tuple[object, ...], old: tuple[object, ...]) -> bool:
    return all(a is b for a, b in zip(new, old)) and len(new) == len(old)


def _division_blocks(divisions: tuple[Division, ...]) -> Iterator[Block]:
    for division in divisions:
        yield division.head
        yield from division.blocks
        yield from _division_blocks(division.divisions)


def moved_offset(offset: int, start: int, end: int, new_end: int) -> int:
    """Where ``offset`` lands after ``text[start:end]`` became ``[start, new_end)``.

    >>> moved_offset(2, 4, 6, 5), moved_offset(7, 4, 6, 5), moved_offset(5, 4, 6, 4)
    (2, 6, 4)
    """
    if offset <= start:
        return offset
    return offset + new_end - end if offset >= end else new_end


_R = TypeVar("_R")
_COPIERS: dict[type, Callable[[Any, dict[str, object]], Any] | None] = {}


def changed(record: _R, /, **changes: object) -> _R:
    """``dataclasses.replace(record, **changes)``, at about a third of its cost for a frozen,
    slotted record of this module whose fields are all set by ``__init__`` (and that has
    no ``__post_init__``): the new one's slots are set one by one, as that ``__init__``
    would, by a function made once for the class (:func:`_copier`). The pipeline replaces
    a document some thirty times on its way (for a one-page file, a few percent of its
    time). Any other record goes to ``dataclasses.replace``.

    >>> doc = Document("a.txt", "0", "text")
    >>> changed(doc, stages=("layout",)) == replace(doc, stages=("layout",))
    True
    """
    cls = type(record)
    try:
        copy = _COPIERS[cls]
    except KeyError:
        copy = _COPIERS[cls] = _copier(cls)
    if copy is None:
        return replace(record, **changes)  # type: ignore[type-var]
    return copy(record, changes)  # type: ignore[no-any-return]


def _copier(cls: type) -> Callable[[Any, dict[str, object]], Any] | None:
    """A function ``(record, changes) -> copy`` for :func:`changed`, or ``None`` where
    ``cls`` is not such a record: every slot set through its descriptor (no attribute
    lookup, no ``in`` test per field), then the changed ones."""
    names = _copied_slots(cls)
    if not names:
        return None
    setters = {name: getattr(cls, name).__set__ for name in names}
    lines = ["def copy(record, changes):", "    new = new_(cls)"]
    lines += [f"    set_{k}(new, record.{name})" for k, name in enumerate(names)]
    lines += ["    for name, value in changes.items():",
              "        try:",
              "            setters[name](new, value)",
              "        except KeyError:",
              "            raise TypeError(f'{cls.__name__} has no field {name!r}') from None",
              "    return new"]
    scope: dict[str, Any] = {"new_": object.__new__, "cls": cls, "setters": setters,
                             **{f"set_{k}": setters[name] for k, name in enumerate(names)}}
    exec("\n".join(lines), scope)  # noqa: S102 (names of the class's own fields only)
    return scope["copy"]  # type: ignore[no-any-return]


def _copied_slots(cls: type) -> tuple[str, ...]:
    """The fields :func:`changed` may copy slot by slot for ``cls``, or ``()``."""
    import dataclasses

    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__"):
        return ()
    fields = dataclasses.fields(cls)
    names = tuple(f.name for f in fields)
    if not all(f.init for f in fields) or set(getattr(cls, "__slots__", ())) != set(names) \
            or not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        return ()
    return names
