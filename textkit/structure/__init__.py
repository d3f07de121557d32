"""Structure stage: texts, titles, authors, headings, paragraphs, quotes, notes.

Rows (text lines in reading order, :mod:`.rows`) are cut into texts
(:mod:`.texts`); each text's rows into *chunks*, runs with no blank line
inside. A chunk continues the open paragraph when the paragraph's last line
did not end a sentence (the blank was a column or page break, even inside a
hyphenated word); otherwise it starts a new one, or a heading
(:mod:`.headings`). Chunks in lines far wider than a full page are editorial
notes. A paragraph that follows one ending in a colon is a block quotation,
which ends at a footnote reference that closes a sentence when more text
follows it on the line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from ..lang import profile
from ..model import CONSUME, drained, Block, BlockKind, Division, Document, Language, SourceLines, Text, TextKind
from ..model import changed as replace  # dataclasses.replace, at a third of its cost
from .headings import MAX_HEADING_LINES, heading_length
from ..layout.joining import HYPHENS
from ..layout.shape import Widths, ends_sentence, is_title_case, words
from .rows import Row, make_block, make_rows, pick_sentinel
from .texts import TextSpan, find_texts, is_introduction, split_authors

log = logging.getLogger(__name__)

MAX_FRONT_NOTE_BLOCKS = 2
MAX_FRONT_NOTE_WORDS = 48
"""An editorial note under the byline is short: a block or two (Tesseract cuts
a centred note in two), a few lines. It is measured in words, not lines: a
reading whose lines were unwrapped (:func:`textkit.clean_text` prints a block on
one line) must find the same note as the scan's own."""
NARROWER_SHARE = 0.97
"""A justified line's length plus the next line's first word stays above this share of
the measure (the spacing a line may shrink by); a line set narrower does not."""


def _capitalised(text: str) -> bool:
    """A line that opens with a capitalised word (a sentence's start), quotes aside.

    >>> _capitalised("Public opinion"), _capitalised("‘The case"), _capitalised("A way"), _capitalised("and has")
    (True, True, True, False)
    >>> _capitalised("UN agencies")
    False
    """
    first = text.lstrip("‘“'\" ").split(" ", 1)[0].rstrip(",;:")
    return first[:1].isalpha() and first[:1].isupper() and (first[1:] == "" or first[1:].isalpha()
                                                            and first[1:].islower())


OVER_COLUMNS = 1.6
"""A block under the byline whose lines are this much longer than the paragraph's after
it is set across a page of two columns: an editorial note, not the text's opening."""
MIN_COLUMN_LINES = 4
"""The paragraph measured against it has at least this many lines (a column's, not a heading's)."""

_DROP_CAP_WORD = re.compile(r"^(?:[A-Z]\s)?[A-Z]{1,}[’']?[A-Z]*\b[,.]?\s+[a-z0-9]")


def _drop_cap_start(text: str) -> bool:
    """A first line that opens with a drop cap's word read in capitals (``HE case``, ``N practice``).

    >>> _drop_cap_start("HE case for patience"), _drop_cap_start("INCE 1984, the port"), _drop_cap_start("The case")
    (True, True, False)
    >>> _drop_cap_start("A modest proposal"), _drop_cap_start("UN agencies have")
    (False, True)
    """
    match = _DROP_CAP_WORD.match(text.strip())
    return bool(match) and len(text.split()[0]) >= 1 and text.split()[0].isupper() and (
        len(text.split()[0].strip(",.’'")) >= 2 or text.split()[0] not in {"A", "I"})


_NOTE_LABEL = re.compile(r"^(?:[A-Z][^\s:]*\s+){0,2}(?:note|Note|NOTE)\s*[:.—–]\s*\S")
"""A note's label: ``Editor's note:``, ``Translator's Note.``, ``Note —`` (a word or two, then *note*)."""


def _note_label(text: str) -> bool:
    """A line that opens with the label editors give a note.

    >>> _note_label("Editor’s note: this paper reflects"), _note_label("Note: the figures are")
    (True, True)
    >>> _note_label("Edditor’s note: this paper"), _note_label("Notes on the text follow")
    (True, False)
    >>> _note_label("The Bank's note issue was"), _note_label("Editor's note")
    (False, False)
    """
    return bool(_NOTE_LABEL.match(text.strip()))


TYPESET_SCANS = frozenset({"tesseract", "pdftotext", "abbyy"})
"""Plain-text conventions of OCR programs reading typeset (justified) pages."""
SHORT_LAST_LINE = 0.85
ONE_COLUMN_CHARS = 70
"""A paragraph with a line this long is set in one column across the page."""
"""A paragraph's last line this much shorter than its longest ended it."""

UNWRAPPED_LINE_CHARS = 200
"""No typeset line is longer (the reader's ``PARAGRAPH_LINE_CHARS``)."""

EDITORIAL_WIDTH_SHARE = 1.12
"""Lines this much wider than a full-width page's are an editorial note's."""

_QUOTE_END = re.compile(r"[.?!][”’\"')]*$")


def build_structure(doc: Document) -> Document:
    """The structure stage: fill ``Document.texts`` (and ``title``) from the layout."""
    sentinel = pick_sentinel(doc.raw)
    language = profile(doc.options.language)
    text_lines = [line for line in doc.lines if line.text]
    # OCR with coordinates shows block quotations by their inset (Row.hint):
    # a colon before a paragraph is no evidence there.
    geometry = any(line.hint for line in doc.lines)
    builder = _Builder(sentinel, Widths.measure(text_lines), language, _unwrapped(doc),
                       colon_quotes=not geometry, typeset=doc.input_format in TYPESET_SCANS)
    del text_lines
    if "lines" in doc.evidence.get(CONSUME, ()):  # each line dropped once its row is made (#13)
        lines = list(doc.lines)
        doc = replace(doc, lines=())
        rows = make_rows(doc, sentinel, drained(lines))
    else:
        rows = make_rows(doc, sentinel)
    volume_title, subtitle, spans = find_texts(rows, sentinel, language)
    del rows
    spans.reverse()  # each text's rows dropped once its blocks are made (a volume's lines, not twice)
    texts = tuple(builder.text(spans.pop()) for _ in range(len(spans)))
    doc = replace(doc, texts=texts, title=volume_title, subtitle=subtitle)
    return _keep_unplaced(doc)


def _keep_unplaced(doc: Document) -> Document:
    """A note whose anchor fell in no block (a line that became the volume's title
    page) is kept with the notes that have no text, not anchored: no note is dropped."""
    if not doc.footnote_refs:
        return doc
    placed = {id(anchor.note) for block in doc.blocks() for anchor in block.notes}
    lost = [replace(ref.note, anchored=False) for ref in doc.footnote_refs if id(ref.note) not in placed]
    if not lost:
        return doc
    log.warning("%d footnote(s) referenced from the title page kept at the end, not anchored", len(lost))
    notes = sorted((*doc.unplaced_notes, *lost), key=lambda note: note.line)
    return replace(doc, unplaced_notes=tuple(notes))


@dataclass
class _Section:
    head: Block
    level: int
    blocks: list[Block] = field(default_factory=list)
    children: list[_Section] = field(default_factory=list)
    hinted: bool = False
    """The geometry named the heading and its level."""

    def freeze(self, colon_quotes: bool = True, typeset: bool = False) -> Division:
        return Division(self.level, self.head, tuple(_mark_quotes(self.blocks, colon_quotes, typeset)),
                        tuple(child.freeze(colon_quotes, typeset) for child in self.children))


def _unwrapped(doc: Document) -> bool:
    """The reader found one paragraph per line (ABBYY's "remove line breaks"):
    it put every line in a block of its own, and width says nothing of
    editorial notes."""
    if doc.input_format != "abbyy":
        return False
    source = SourceLines(doc.source_lines)
    return all(block for text, block in zip(source.texts, source.blocks) if text.strip())


@dataclass(frozen=True, slots=True)
class _Builder:
    sentinel: str
    widths: Widths
    language: Language
    unwrapped: bool = False
    """Each line is a paragraph (no typeset widths to compare)."""
    colon_quotes: bool = True
    """A paragraph after one ending in a colon is a quotation (plain text)."""
    typeset: bool = False
    """The OCR of a typeset page: a quotation is indented on both sides, so a
    paragraph as wide as the one before is none (:func:`_as_wide`)."""

    def block(self, kind: BlockKind, rows: list[Row]) -> Block:
        return make_block(kind, rows, self.sentinel)

    def text(self, span: TextSpan) -> Text:
        title = self.block(BlockKind.HEAD, span.title) if span.title else Block(BlockKind.HEAD, "", 0, 0)
        byline = self.block(BlockKind.BYLINE, span.byline) if span.byline else None
        kind = TextKind.INTRODUCTION if is_introduction(title.reading(), self.language) else TextKind.ESSAY
        front: list[Block] = []
        sections: list[_Section] = []
        current: list[Block] = front  # where the next block goes
        paragraph: list[Row] = []
        deferred: list[Block] = []  # editorial notes met inside an open paragraph
        ended = True  # the last paragraph ended (or nothing is open)
        after_heading: _Section | None = None
        quote: tuple[Block, list[Row]] | None = None  # the last quotation made and its rows, while it may go on

        def close() -> None:
            nonlocal paragraph
            if paragraph:
                current.append(self.block(BlockKind.PARAGRAPH, paragraph))
                paragraph = []
            current.extend(deferred)
            deferred.clear()

        chunks = _chunks(span.body)
        notes = self._front_notes(chunks) if span.title else 0
        if notes:  # one note, though the OCR cut it into blocks
            front.append(self.block(BlockKind.EDITORIAL_NOTE, [row for chunk, _ in chunks[:notes] for row in chunk]))
            del chunks[:notes]
        for chunk, soft in chunks:
            if not ended and paragraph and not soft and (self._stands_apart(paragraph, chunk)
                                                         or self._comma_for_stop(paragraph, chunk)):
                ended = True  # the paragraph's short last line ended it (its stop misread)
            # A heading, and maybe its sub-heading on the next line; with OCR that has
            # coordinates, the geometry names headings and their levels (Row.heading).
            while chunk and (ended or _hinted_heading(chunk)):
                hinted = _hinted_heading(chunk)
                count = hinted or heading_length(chunk, self.widths, self.sentinel,
                                                 text_start=not sections and not front, language=self.language)
                if not count:
                    break
                close()
                head = self.block(BlockKind.HEAD, chunk[:count])
                if hinted:  # the geometry's level
                    section = _Section(head, chunk[0].heading, hinted=True)
                    if section.level == 2 and sections:
                        sections[-1].children.append(section)
                    else:
                        section.level = 1
                        sections.append(section)
                    ended = True  # a heading ends what came before: a paragraph or heading may follow
                elif after_heading is not None and after_heading.level == 1:
                    section = _Section(head, 2)
                    after_heading.children.append(section)
                else:
                    section = _Section(head, 1)
                    sections.append(section)
                current = section.blocks
                after_heading = section
                chunk = chunk[count:]
            if not chunk:
                continue
            if self._is_editorial(chunk) or _all_hinted(chunk, "editorial"):
                note = self.block(BlockKind.EDITORIAL_NOTE, chunk)
                (deferred if paragraph else current).append(note)
                continue
            after_heading = None
            if _all_hinted(chunk, "quote"):  # inset on both sides (OCR with coordinates)
                if soft and not paragraph and quote is not None and current and current[-1] is quote[0]:
                    rows = quote[1] + chunk  # the quotation goes on over the page break
                    current.pop()
                else:
                    close()
                    rows = list(chunk)
                quote = (self.block(BlockKind.QUOTE, rows), rows)
                current.append(quote[0])
                ended = True
                continue
            if paragraph and not ended and not soft and self._colon_lost(paragraph, chunk):
                close()
                quote = (self.block(BlockKind.QUOTE, list(chunk)), list(chunk))
                current.append(quote[0])
                ended = True
                continue
            if paragraph and chunk[0].hint == "paragraph":  # the geometry shows a new paragraph
                close()
                paragraph = list(chunk)
            elif paragraph and (soft or not ended):
                paragraph.extend(chunk)
            else:
                close()
                paragraph = list(chunk)
            ended = ends_sentence(paragraph[-1].plain(self.sentinel))
            if ended and len(paragraph) == 1 and not sections and not any(
                    b.kind is BlockKind.PARAGRAPH for b in front) and _drop_cap_start(paragraph[0].plain(self.sentinel)):
                ended = False  # a drop cap spans two lines at least: its paragraph goes on
        close()
        if not any(row.heading for row in span.body):  # the geometry names its own levels
            if not _levels_by_style(sections):
                _second_subsections(sections)
        else:  # where a degraded scan lost a heading's size, the plain text's rule for it
            _second_subsections(sections)
        authors = tuple(name for row in span.byline for name in split_authors(row.plain(self.sentinel), self.language) or ())
        affiliation = self.block(BlockKind.BYLINE, [span.affiliation]) if span.affiliation else None
        return Text(kind, title, authors, byline,
                    tuple(_mark_quotes(front, self.colon_quotes, self.typeset)),
                    tuple(s.freeze(self.colon_quotes, self.typeset) for s in sections), affiliation)

    def _front_notes(self, chunks: list[tuple[list[Row], bool]]) -> int:
        """How many blocks under the byline are an editorial note: those before
        the paragraph that opens with the text's drop cap.

        A note that opens with its label (``Editor's note:``) needs no drop
        cap after it. The drop cap's word is read in capitals (``HE case``, ``INCE 1984``,
        ``N practice``): that paragraph begins the text, and a short block
        before it (a note on the essay's origin, set apart in small type) is
        not part of it.
        """
        # the label may end its line (``Editor's note:`` // ``an earlier version``): read it with the next
        labelled = bool(chunks) and _note_label(" ".join(row.plain(self.sentinel) for row in chunks[0][0][:2]))
        for k in range(1, min(len(chunks), MAX_FRONT_NOTE_BLOCKS + 1)):
            if k > 1 and self._whole_heading(chunks[k - 1][0]):
                return 0  # a heading under the first block opens a section: no note holds it
            before = [row for chunk, _ in chunks[:k] for row in chunk]
            if sum(len(row.plain(self.sentinel).split()) for row in before) > MAX_FRONT_NOTE_WORDS:
                return 0
            last = before[-1].plain(self.sentinel).rstrip()
            if k == 1 and not labelled and self._set_narrower(before, chunks[1][0]):
                return 1
            if labelled and self._note_ends(last, chunks[k][0]):
                return k  # a labelled note (``Editor's note:``), whole, with the text after it
            if _drop_cap_start(self._opening(chunks[k][0])) or self._over_columns(before, chunks[k][0]):
                first = self._opening(chunks[0][0])
                if heading_length(chunks[0][0], self.widths, self.sentinel, text_start=False,
                                  language=self.language) or _drop_cap_start(first):
                    return 0
                return k
        return 0

    def _set_narrower(self, note: list[Row], after: list[Row]) -> bool:
        """A block under the byline set to a narrower measure than the text after it: a
        note on the essay's origin in a type of its own, with no label and no drop cap after it.

        On a typeset page every line of a justified paragraph but its last is full: the next
        line's first word would not have fitted (:data:`NARROWER_SHARE` of the measure of the
        block after it, three lines at least). A block of two lines or more each of whose lines
        but the last would have had room for it, ending a sentence, was set narrower (a degraded
        scan reads the stop as a comma, as for a labelled note). A line ending in a hyphen was
        full; a heading or a drop cap's paragraph is no note.
        """
        if not self.typeset or len(note) < 2 or len(after) < 3:
            return False
        lines = [row.plain(self.sentinel).strip() for row in note]
        if not self._note_ends(lines[-1], after) or not _capitalised(lines[0]) \
                or _drop_cap_start(self._opening(note)) or self._whole_heading(note) \
                or any(line.endswith(HYPHENS) for line in lines[:-1]):
            return False
        measure = max(len(row.plain(self.sentinel).strip()) for row in after[:-1])
        return all(len(line) + 1 + len((following.split() or [""])[0]) <= NARROWER_SHARE * measure
                   for line, following in zip(lines, lines[1:]))

    def _note_ends(self, last: str, after: list[Row]) -> bool:
        """A note's last line ``last`` ends it before the block ``after``: a sentence's end, or
        a comma that a degraded scan read for the full stop (``not been revised,``) where the
        text after it opens a sentence."""
        last = last.rstrip()
        return ends_sentence(last) or last.endswith(",") and _capitalised(after[0].plain(self.sentinel))

    def _whole_heading(self, rows: list[Row]) -> bool:
        """A block that is a heading and nothing else (a section's title set apart)."""
        return heading_length(rows, self.widths, self.sentinel, text_start=False,
                              language=self.language) == len(rows)

    def _colon_lost(self, paragraph: list[Row], chunk: list[Row]) -> bool:
        """A block quotation after its lead-in, the colon that ends the lead-in lost.

        On a typeset page a block set narrower than the paragraph before it (:data:`QUOTE_WIDTH_SHARE`,
        three lines at least), opening with a capital after a blank line where that paragraph's
        sentence stops with no mark at all (``… put the matter plainly`` // ``We do not ask``),
        is a quotation: a column's or a page's next lines go on at the paragraph's measure.
        """
        if not self.typeset or len(chunk) < 3 or not _capitalised(chunk[0].plain(self.sentinel)):
            return False
        last = paragraph[-1].plain(self.sentinel).rstrip()
        if not last[-1:].isalpha():
            return False
        mine = [len(row.plain(self.sentinel).strip()) for row in chunk]
        theirs = [len(row.plain(self.sentinel).strip()) for row in paragraph]
        return len(theirs) >= 3 and max(mine) <= QUOTE_WIDTH_SHARE * max(theirs)

    def _over_columns(self, before: list[Row], after: list[Row]) -> bool:
        """A short block set across the page over a text in columns (:data:`OVER_COLUMNS`).

        Where the scan lost the drop cap (``He case`` for ``THE case``), the note on the
        essay's origin still stands apart by its measure: a full-width line is two columns'.
        Only on one page, and not for a block that opens in lower case (``he tuna``: the
        text's own first words, its initial lost).
        """
        if len(after) < MIN_COLUMN_LINES or any(row.page_start for row in after) \
                or not _capitalised(before[0].plain(self.sentinel)):
            return False  # the text's first page set wide, its next page in columns; a lost initial's rest
        wide = sorted(len(row.plain(self.sentinel).strip()) for row in (before[:-1] or before))
        narrow = sorted(len(row.plain(self.sentinel).strip()) for row in after[:-1])
        return wide[len(wide) // 2] >= OVER_COLUMNS * narrow[len(narrow) // 2]

    def _opening(self, rows: list[Row]) -> str:
        """A block's first line, with its second where the first is a capital alone: a
        drop cap or its word's rest read on a line of its own (``T`` / ``the``), which
        clean_text prints on one line (``T the``), so that both readings open alike."""
        first = rows[0].plain(self.sentinel)
        if len(rows) > 1 and re.fullmatch(r"\s*[A-Z]\s*", first):
            return f"{first.strip()} {rows[1].plain(self.sentinel).strip()}"
        return first

    def _stands_apart(self, paragraph: list[Row], chunk: list[Row]) -> bool:
        """A whole block that is a heading after a paragraph whose last line is short.

        A column or page break leaves a paragraph's line full; a short last
        line ended the paragraph even when the scan misread its full stop
        (``conclusion,``). Only a block that is a heading and nothing else
        counts: a paragraph's next line is never taken for one.
        """
        last = paragraph[-1].plain(self.sentinel).rstrip()
        if last.endswith(("—", "–", *HYPHENS)):  # ABBYY's soft ones too: a word goes on
            return False
        # A paragraph of one line is measured against the document's column width: one
        # much shorter than any typeset line was not cut by a break (``surveys`` // ``INTRODUCTION``).
        width = max(len(row.plain(self.sentinel).strip()) for row in paragraph) if len(paragraph) > 1 \
            else self.widths.column
        # A page set in one wide column has no column break: a blank line in
        # the middle of it ends the paragraph, however full its last line.
        one_column = width >= ONE_COLUMN_CHARS and not chunk[0].page_start
        if len(last) > SHORT_LAST_LINE * width and not one_column:
            return False
        return self._all_heading(chunk)

    def _all_heading(self, chunk: list[Row]) -> bool:
        """``chunk`` is a heading, or a heading and its sub-heading, and nothing else."""
        count = heading_length(chunk, self.widths, self.sentinel, text_start=False, language=self.language)
        return count == len(chunk) or (count > 0 and chunk[count].gap == 0 and count < len(chunk)
                                       and heading_length(chunk[count:], self.widths, self.sentinel,
                                                          text_start=False, language=self.language)
                                       == len(chunk) - count)

    def _comma_for_stop(self, paragraph: list[Row], chunk: list[Row]) -> bool:
        """A paragraph whose short last line ends in a comma, before a block that opens a sentence.

        A degraded scan reads a paragraph's full stop as a comma. A column or
        page break inside a sentence leaves the line full, whatever word the
        next column opens with (a name, say); a short line ending in a comma
        before a capitalised word (``direction,`` // ``Earlier studies``) is
        a paragraph's end. So is a full one before a block that is a heading and
        nothing else (``information,`` // ``Members``): a sentence run on over
        a column break would not end at once in a line of its own.
        """
        last = paragraph[-1].plain(self.sentinel).rstrip()
        if not last.endswith(",") or len(paragraph) < 2:
            return False
        width = max(len(row.plain(self.sentinel).strip()) for row in paragraph)
        if len(last) > SHORT_LAST_LINE * width:
            return self._all_heading(chunk)
        return _capitalised(chunk[0].plain(self.sentinel))

    def _is_editorial(self, chunk: list[Row]) -> bool:
        if self.unwrapped:
            return False
        threshold = self.widths.full * EDITORIAL_WIDTH_SHARE
        body = chunk[:-1] or chunk
        # A line longer than any typeset line is a whole paragraph, not a wide note's line.
        return all(threshold < len(row.text) <= UNWRAPPED_LINE_CHARS for row in body)


_DECIMAL = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S")
_ROMAN = re.compile(r"^(?:I|[IVX]{2,})[.)]\s+\S")
_LETTER = re.compile(r"^[A-Z][.)]\s+\S")


def heading_style(text: str) -> tuple[str, int]:
    """How a heading is set, as plain text shows it: its numbering, else its case.

    ``("decimal", depth)`` for ``1.`` and ``2.1`` (the depth is the level);
    else ``(kind, 0)``: ``roman`` (``II.``), ``letter`` (``B.``), ``capitals``
    or ``mixed`` (Title Case).

    >>> heading_style("2.1 Landlord Ports"), heading_style("3. Conclusion"), heading_style("II. Harbors")
    (('decimal', 2), ('decimal', 1), ('roman', 0))
    >>> heading_style("B. Irrigation"), heading_style("HARBORS AND PORTS"), heading_style("A Perspective from Japan")
    (('letter', 0), ('capitals', 0), ('mixed', 0))
    >>> heading_style("1994 and After"), heading_style("ASEAN")
    (('mixed', 0), ('mixed', 0))
    """
    text = " ".join(text.split())
    decimal = _DECIMAL.match(text)
    if decimal and (decimal.group(0)[len(decimal.group(1)):][:1] == "." or "." in decimal.group(1)):
        return "decimal", decimal.group(1).count(".") + 1
    if _ROMAN.match(text):
        return "roman", 0
    if _LETTER.match(text):
        return "letter", 0
    letters = [c for c in text if c.isalpha()]
    if len(words(text)) >= 2 and all(c.isupper() for c in letters):  # one word may be an acronym (ASEAN)
        return "capitals", 0
    return "mixed", 0


def _levels_by_style(sections: list[_Section]) -> bool:
    """Set a text's heading levels by how its headings are set, where they differ.

    Plain text has no type size, but a text that numbers its headings says
    their levels: ``1.1`` is under ``1.``, and of two ways of numbering
    (``II.`` and ``B.``) the first met is the sections'; a heading with no
    number among numbered ones (``Introduction``) keeps its level. A text
    with no numbers that sets its headings in capitals and in Title Case
    uses the first way met for its sections, where a heading set the other
    way directly under one of them confirms it. False (nothing changed)
    where plain text shows no such difference.
    """
    flat: list[_Section] = []
    for section in sections:
        flat.append(section)
        flat.extend(section.children)
    styles = [heading_style(section.head.reading()) for section in flat]
    numbered = list(dict.fromkeys(kind for kind, _ in styles if kind not in ("capitals", "mixed")))
    cases = list(dict.fromkeys(kind for kind, _ in styles))
    levels: list[int | None] = []
    if numbered:
        if len(numbered) < 2 and not any(depth > 1 for _, depth in styles):
            return False
        for kind, depth in styles:
            if kind == "decimal":
                levels.append(min(depth, 2))
            elif kind in numbered and "decimal" not in numbered:
                levels.append(min(numbered.index(kind) + 1, 2))
            else:
                levels.append(None)  # unnumbered (or another way among decimals): as it stood
    else:
        if len(cases) != 2 or not any(section.level == 2 and style[0] == cases[1]
                                      for section, style in zip(flat, styles)):
            return False
        levels = [cases.index(kind) + 1 for kind, _ in styles]
    _nest(sections, flat, levels)
    return True


def _nest(sections: list[_Section], flat: list[_Section], levels: list[int | None]) -> None:
    """Rebuild ``sections`` from ``flat`` in order, each at its level (``None``: as it stood)."""
    rebuilt: list[_Section] = []
    for section, level in zip(flat, levels):
        section.children = []
        section.level = level or section.level
        if section.level == 2 and rebuilt:
            rebuilt[-1].children.append(section)
        else:
            section.level = 1
            rebuilt.append(section)
    sections[:] = rebuilt


def _second_subsections(sections: list[_Section]) -> None:
    """A section divided into sub-sections has two at least: the heading after a lone one is its sibling.

    In plain text a sub-heading shows only where it follows its section's
    heading at once (the second is one level deeper). Sections are never
    divided into one sub-section alone (the convention of house styles), so
    the next heading, after that sub-section's paragraphs, is the second
    sub-section, unless a sub-heading follows it at once (then it opens a
    section of its own), or the geometry named its level. Only the second: which of the later headings
    return to the upper level, plain text does not show. (Where a degraded
    scan lost the second sub-heading, the heading after it is taken for it.)
    """
    k = 0
    while k + 1 < len(sections):
        section, following = sections[k], sections[k + 1]
        if (len(section.children) == 1 and not section.children[0].children and not following.children
                and not following.hinted):
            following.level = 2
            section.children.append(sections.pop(k + 1))
        k += 1


def _hinted_heading(chunk: list[Row]) -> int:
    """How many leading rows the geometry sets as one heading (0: no hint)."""
    count = 0
    while count < len(chunk) and chunk[count].heading and chunk[count].heading == chunk[0].heading:
        count += 1
    if count and count < len(chunk) and _heading_broken_at(chunk[:count], chunk[count]):
        count += 1  # the end of its last word, read apart (Fi- // nance)
    return count


def _all_hinted(chunk: list[Row], hint: str) -> bool:
    return all(row.hint == hint for row in chunk)


def _chunks(rows: list[Row]) -> list[tuple[list[Row], bool]]:
    """Runs of rows without a blank line between them.

    A page start with no blank line before it opens a *soft* chunk: it may
    hold a heading printed at the top of the page, but otherwise continues
    the paragraph (the OCR gives no sign of a paragraph break there).
    """
    chunks: list[tuple[list[Row], bool]] = []
    for row in rows:
        if chunks and row.gap == 1 and not row.page_start and _heading_broken_at(chunks[-1][0], row):
            chunks[-1][0].append(row)
        elif row.gap or not chunks:
            chunks.append(([row], False))
        elif row.page_start:
            chunks.append(([row], True))
        else:
            chunks[-1][0].append(row)
    return chunks


def _heading_broken_at(chunk: list[Row], row: Row) -> bool:
    """A heading's word broken at a line's end and the OCR's blank line put
    between its halves (``Three Models of Port Fi-`` // ``nance``): ``row``,
    opening in lower case, ends the chunk's heading, which goes on after it."""
    first, last = chunk[0].text.strip(), chunk[-1].text.rstrip()
    return (len(chunk) < MAX_HEADING_LINES and last.endswith(HYPHENS) and is_title_case(first)
            and row.text[:1].islower() and len(row.text.split()) <= 2)


QUOTE_WIDTH_SHARE = 0.85
"""A block quotation is set narrower: its lines at most this share of the paragraph before it."""
FULL_WIDTH_SHARE = 0.95
"""A block whose longest line is this share of the paragraph's before it is set full width:
no quotation (an indented one is about 0.9 of a one-column page)."""


def _line_lengths(block: Block) -> list[int]:
    offsets = [b.offset for b in block.breaks] + [len(block.text)]
    return [end - start for start, end in zip(offsets, offsets[1:])]


def _narrower(block: Block, previous: Block) -> bool:
    """``block``'s lines (three at least) are all clearly shorter than ``previous``'s longest."""
    mine, theirs = _line_lengths(block), _line_lengths(previous)
    return len(mine) >= 3 and bool(theirs) and max(mine) <= QUOTE_WIDTH_SHARE * max(theirs)


def _as_wide(block: Block, before: list[Block]) -> bool:
    """Both ``block`` and the last paragraph of ``before`` that does (a lead-in of a line or two
    cannot show the measure) run three lines at least, ``block``'s first three as wide as that
    paragraph's: a paragraph, not a quotation indented on both sides (the colon before it
    misread). Only the first lines count: the paragraph after a quotation may have been run
    into it."""
    mine = _line_lengths(block)
    if len(mine) < 3:
        return False
    for previous in reversed(before):
        theirs = _line_lengths(previous)
        if previous.kind is BlockKind.PARAGRAPH and len(theirs) >= 3:
            return max(mine[:3]) >= FULL_WIDTH_SHARE * max(theirs)
    return False


def _mark_quotes(blocks: list[Block], colon: bool = True, typeset: bool = False) -> list[Block]:
    """A paragraph after one that ends with a colon is a block quotation; so is a
    narrower one after a semicolon (the scan misread the colon); on a typeset
    page, not one as wide as the paragraph before (the scan misread its stop). Without ``colon``
    (OCR with coordinates: the geometry marks quotations) only the quotations are
    ended at a note reference that closes a sentence when text follows."""
    out: list[Block] = []
    for block in blocks:
        if not colon:
            out.extend(_split_quote(block) if block.kind is BlockKind.QUOTE else [block])
            continue
        previous = out[-1] if out else None
        end = previous.reading().rstrip()[-1:] if previous is not None else ""
        if (block.kind is BlockKind.PARAGRAPH and previous is not None
                and previous.kind is BlockKind.PARAGRAPH
                and (end == ":" and not (typeset and _as_wide(block, out))
                     or end == ";" and _narrower(block, previous))):
            out.extend(_split_quote(replace(block, kind=BlockKind.QUOTE)))
        else:
            out.append(block)
    return out


def _split_quote(quote: Block) -> list[Block]:
    """End the quotation at a note reference that closes a sentence, if text follows."""
    for anchor in quote.notes:
        cut = anchor.offset + len(anchor.marker)
        head, tail = quote.text[:anchor.offset], quote.text[cut:]
        if _QUOTE_END.search(head) and tail.strip():
            return list(split_block(quote, cut, BlockKind.PARAGRAPH))
    return [quote]


def split_block(block: Block, offset: int, second_kind: BlockKind) -> tuple[Block, Block]:
    """Cut ``block`` at ``offset``; notes at the cut stay with the first part.

    The whitespace at the cut goes with neither part: a paragraph break.
    """
    skip = len(block.text[offset:]) - len(block.text[offset:].lstrip())
    cut = offset + skip
    first = replace(block, text=block.text[:offset],
                    corrections=tuple(c for c in block.corrections if c.end <= offset),
                    notes=tuple(a for a in block.notes if a.offset <= offset),
                    breaks=tuple(b for b in block.breaks if b.offset < offset))
    before = [b for b in block.breaks if b.offset <= cut]
    second_breaks = [replace(b, offset=max(b.offset - cut, 0)) for b in block.breaks if b.offset > cut]
    if before and (not second_breaks or second_breaks[0].offset > 0):
        # The second part starts inside the line that holds the cut.
        second_breaks.insert(0, replace(before[-1], offset=0, hyphen=False))
    second = replace(block, kind=second_kind, text=block.text[cut:], first_line=second_breaks[0].line
                     if second_breaks else block.first_line,
                     corrections=tuple(replace(c, start=c.start - cut, end=c.end - cut)
                                       for c in block.corrections if c.end > offset),
                     notes=tuple(replace(a, offset=a.offset - cut) for a in block.notes if a.offset > offset),
                     breaks=tuple(second_breaks))
    first = replace(first, last_line=first.breaks[-1].line if first.breaks else block.first_line)
    return first, second
