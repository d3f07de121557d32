"""The document model: every stage of textkit reads and returns these types.

A conversion flows one way::

    read -> layout -> structure -> repair (drop caps, OCR) -> TEI -> validate

* ``read`` decodes the input bytes into a :class:`Document` holding ``raw``.
* ``layout`` classifies every input line (:class:`Line`): text, blank, page
  start, footnote separator and footnote text, running head, page number,
  stray mark, displaced drop-cap letter; it collects the :class:`Footnote`
  texts and where their glued reference numerals sit (:class:`FootnoteRef`).
* ``structure`` groups the text lines into the texts of the volume
  (:class:`Text`), their titles, authors, headings (:class:`Division`) and
  blocks (:class:`Block`), joining lines (and line-end hyphens) on the way.
* ``repair`` stages restore dropped initials and correct OCR misreadings.

Every change to the scan's text is a :class:`Correction` of a closed set of
rules (:class:`Rule`). A block's ``text`` is the repaired reading; each
correction says which span of it replaced what the scan had, so the scan's
reading can always be rebuilt (:meth:`Block.original_text`). Whatever the
layout stage removes (separator lines, stray marks, running heads, page
numbers) is kept as a :class:`LayoutMark`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


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
class Footnote:
    """A footnote: its number as printed and its text (glued numeral removed)."""

    n: str
    text: str
    line: int
    corrections: tuple[Correction, ...] = ()


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """Where a footnote's reference numeral is glued into a text line.

    ``column`` is the 0-based offset of the numeral in the line's text.
    """

    line: int
    column: int
    note: Footnote


@dataclass(frozen=True, slots=True)
class NoteAnchor:
    """A footnote placed at ``offset`` in its block's repaired text."""

    offset: int
    note: Footnote


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
    pages: tuple[int, ...] = ()
    """Offsets in ``text`` where a new printed page begins."""

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


@dataclass(frozen=True, slots=True)
class LayoutMark:
    """Something the layout stage removed from the reading text."""

    kind: LineKind
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """A volume on its way through the pipeline.

    ``raw`` is the decoded input; ``lines``, ``footnote_refs`` and
    ``layout_marks`` are filled by the layout stage, ``texts`` by the
    structure stage and the repair stages.
    """

    source: str
    sha256: str
    raw: str
    encoding: str = "utf-8"
    title: str = ""
    lines: tuple[Line, ...] = ()
    footnote_refs: tuple[FootnoteRef, ...] = ()
    layout_marks: tuple[LayoutMark, ...] = ()
    texts: tuple[Text, ...] = ()
    stages: tuple[str, ...] = field(default=())
    """Names of the stages that have run, in order."""

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

    def footnotes(self) -> Iterator[Footnote]:
        for block in self.blocks():
            for anchor in block.notes:
                yield anchor.note

    def corrections(self) -> Iterator[Correction]:
        """Every correction, in reading order (footnotes after their block)."""
        for block in self.blocks():
            yield from block.corrections
            for anchor in block.notes:
                yield from anchor.note.corrections


def _division_blocks(divisions: tuple[Division, ...]) -> Iterator[Block]:
    for division in divisions:
        yield division.head
        yield from division.blocks
        yield from _division_blocks(division.divisions)


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
    """

    correct_ocr: bool = True
    user_words: frozenset[str] = field(default_factory=frozenset)
    keep_layout: bool = False

    def __post_init__(self) -> None:
        # Checked here, where the mistake is made: a string "no" is true, and a
        # set of words failed deep in a stage with a message about the stage.
        for name in ("correct_ocr", "keep_layout"):
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise TypeError(f"Options({name}=...) takes True or False, not {value!r}")
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
