"""Write a :class:`~textkit.model.Document` as TEI P5 (see docs/tei-profile.md).

Built with lxml, namespace-correctly; the writer reads the document and
never changes it. A block's repaired text becomes mixed content: OCR
corrections as ``choice/sic+corr``, restored initials as ``supplied``,
footnotes as ``note place="foot"`` at their anchors. Joined line-end hyphens
leave the text plain (the header says so), or with ``keep_layout`` an
``lb break="no"`` where the line broke.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

from lxml import etree

from .. import __version__
from ..lang import profile
from ..model import (Block, BlockKind, Correction, Division, Document, Footnote, LineKind, NoteAnchor,
                     Rule, SourceLines, Text, TextKind)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
RESP = "#textkit"
_T = "{%s}" % TEI_NS
_XML_ID = "{%s}id" % XML_NS
# Characters XML 1.0 cannot carry; the read stage should have removed them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

PAGE_START = object()
"""Marks a page start among the events of :meth:`_Writer.mixed`."""

_REMOVED_NAMES = {
    LineKind.SEPARATOR: "footnote separator line",
    LineKind.RUNNING_HEAD: "running head",
    LineKind.PAGE_NUMBER: "page number",
    LineKind.STRAY_MARK: "stray mark",
    LineKind.LONE_INITIAL: "displaced drop-cap letter (restored as supplied)",
}


_INPUT_FORMATS = {
    "tesseract": "the plain text of Tesseract (form feeds between pages)",
    "abbyy": "the plain text of ABBYY FineReader (soft hyphens, or one paragraph per line)",
    "pdftotext": "the plain text of poppler's pdftotext (a form feed after each page)",
}
"""What the header says of the input's conventions; the series' own export
(``text``) needs no note, and readers of other formats add theirs here."""


def tei_tree(doc: Document) -> etree._ElementTree:
    """The TEI document as an lxml tree, as ``doc.options`` ask for it."""
    root, body, writer = _skeleton(doc)
    for number, text in enumerate(doc.texts, 1):
        writer.text(body, text, f"d{number}")
    if doc.unplaced_notes:  # no text to attach them to: kept at the end, not anchored
        if not len(body):
            _sub(body, "div", type=TextKind.ESSAY.value, xml_id="d1")
        paragraphs = body.xpath(".//t:p", namespaces={"t": TEI_NS})
        # No paragraph: one in the last division in document order, which no division
        # follows (a p after a section's div would not be valid).
        last = paragraphs[-1] if paragraphs else _sub(body.xpath(".//t:div", namespaces={"t": TEI_NS})[-1], "p")
        writer.unplaced(last, doc)
    if not len(body):
        etree.SubElement(body, _T + "p")
    return etree.ElementTree(root)


def tei_string(doc: Document) -> str:
    """The TEI document as a string with an XML declaration, indented."""
    return _DECLARATION + _serialize(tei_tree(doc))


_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _serialize(tree: etree._ElementTree | etree._Element) -> str:
    return etree.tostring(tree, encoding="unicode", pretty_print=True)


@dataclass(frozen=True, slots=True)
class Piece:
    """A consecutive part of the TEI file :func:`tei_pieces` writes, and a whole TEI
    document that holds it, to validate the part alone.

    ``standalone`` is the document with this piece's text as the only one in
    its body (the header and the front as in the file); ``line`` is the line
    of the file where ``standalone``'s line ``body_line`` + 1 falls, for
    mapping a problem found in it to the file (lines up to ``body_line``, the
    header's, are the file's own).
    """

    text: str
    standalone: str
    line: int
    body_line: int
    tree: etree._ElementTree | None = field(default=None, compare=False, repr=False)
    """The tree ``standalone`` is the serialisation of, where it stays as it was (a file
    of one text): validated as it is, not parsed from ``standalone`` again."""


def tei_pieces(doc: Document) -> Iterator[Piece]:
    """The TEI of ``doc`` in pieces, one text of the volume at a time.

    ``"".join(p.text for p in tei_pieces(doc)) == tei_string(doc)``, but no
    more than one text's elements exist at once: a large volume is written
    and validated without holding its whole tree, or its whole XML, in memory.
    Each piece's ``standalone`` document is valid exactly when the file is,
    for a schema whose rules hold per text (the header, the front and the
    body's divisions are checked as they stand in the file).
    """
    if len(doc.texts) < 2:  # nothing to stream: one piece, the document itself
        tree = tei_tree(doc)
        whole = _DECLARATION + _serialize(tree)
        yield Piece(whole, whole, 1, 0, tree)
        return
    root, body, writer = _skeleton(doc)
    last_text = None
    if doc.unplaced_notes:
        # They go into the last paragraph of the body: that of the last text, if it has one.
        last_text = _text_div(writer, doc, len(doc.texts))
        if not last_text.xpath(".//t:p", namespaces={"t": TEI_NS}):
            whole = tei_string(doc)
            yield Piece(whole, whole, 1, 0)
            return
        writer.unplaced(last_text.xpath(".//t:p", namespaces={"t": TEI_NS})[-1], doc)
    placeholder = etree.SubElement(body, _T + "div")
    head, _, tail = (_DECLARATION + _serialize(root)).rpartition("<div/>")
    body.remove(placeholder)
    body_line = head.count("\n")
    between = "\n" + head[head.rindex("\n") + 1:]  # what separates two texts: a newline, the indent
    written = 0  # newlines in the pieces yielded
    for number in range(1, len(doc.texts) + 1):
        div = last_text if number == len(doc.texts) and last_text is not None \
            else _text_div(writer, doc, number)
        body.append(div)
        standalone = _DECLARATION + _serialize(root)
        body.remove(div)
        if not (standalone.startswith(head) and standalone.endswith(tail)):  # pragma: no cover
            raise AssertionError("the TEI skeleton serialized differently around a text")
        before = head if number == 1 else between
        text = before + standalone[len(head):len(standalone) - len(tail)] \
            + (tail if number == len(doc.texts) else "")
        yield Piece(text, standalone, written + before.count("\n") + 1, body_line)
        written += text.count("\n")
        del div, standalone, text


def _skeleton(doc: Document) -> tuple[etree._Element, etree._Element, _Writer]:
    """The TEI root with its header and front, an empty body, and the writer of its texts."""
    keep_layout = doc.options.keep_layout
    root = _root(profile(doc.options.language).code).__deepcopy__(None)  # lxml's copy of the template
    _header(root[0], doc, keep_layout)
    text = etree.SubElement(root, _T + "text")
    if doc.title:  # the volume's own title, as printed at its head
        doc_title = _sub(_sub(text, "front"), "docTitle")
        _sub(doc_title, "titlePart", doc.title)
        if doc.subtitle:
            _sub(doc_title, "titlePart", doc.subtitle, type="sub")
    body = etree.SubElement(text, _T + "body")
    writer = _Writer(keep_layout, _page_numbers(doc) if keep_layout else {},
                     _furniture(doc) if keep_layout else {})
    return root, body, writer


def _text_div(writer: _Writer, doc: Document, number: int) -> etree._Element:
    """The ``div`` of the volume's text ``number`` (from 1), on its own."""
    holder = etree.Element(_T + "body", nsmap={None: TEI_NS})
    writer.text(holder, doc.texts[number - 1], f"d{number}")
    return holder[0]


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, _T + tag)
    for key, value in attrs.items():
        element.set(_XML_ID if key == "xml_id" else key, value)
    if text:
        element.text = _xml_safe(text)
    return element


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


@functools.lru_cache(maxsize=16)
def _root(lang: str) -> etree._Element:
    """What every file's TEI begins with, the same for every document of a language: the
    root, and the header's ``fileDesc`` with its fixed parts (the publication statement)
    and the elements :func:`_header` fills in (a title, the source's title and hash).
    Made once; each file's tree starts as a copy (in C: a tenth of making the elements)."""
    root = etree.Element(_T + "TEI", nsmap={None: TEI_NS})
    root.set("{%s}lang" % XML_NS, lang)
    file_desc = _sub(etree.SubElement(root, _T + "teiHeader"), "fileDesc")
    _sub(file_desc, "titleStmt")
    _sub(_sub(file_desc, "publicationStmt"), "p", "Machine conversion of an OCR text; not published.")
    bibl = _sub(_sub(file_desc, "sourceDesc"), "bibl")
    _sub(bibl, "title")
    _sub(bibl, "idno", type="sha256")
    return root


def _fill(element: etree._Element, text: str | None) -> None:
    """``element``'s text, as :func:`_sub` would have set it."""
    if text:
        element.text = _xml_safe(text)


def _header(header: etree._Element, doc: Document, keep_layout: bool) -> None:
    """Fill ``header``, a copy of :func:`_root`'s, for ``doc``."""
    file_desc = header[0]
    title_stmt, bibl = file_desc[0], file_desc[2][0]
    _sub(title_stmt, "title", doc.title or PurePath(doc.source).stem or doc.source)
    seen: list[str] = []
    for text in doc.texts:
        seen.extend(a for a in text.authors if a not in seen)
    for author in seen:
        _sub(title_stmt, "author", author)
    _fill(bibl[0], doc.source)
    _fill(bibl[1], doc.sha256)
    if doc.encoding not in ("utf-8", ""):
        _sub(bibl, "note", f"Input encoding: {doc.encoding}.", type="encoding")
    if doc.input_format in _INPUT_FORMATS:
        _sub(bibl, "note", f"Read as {_INPUT_FORMATS[doc.input_format]}.", type="input-format")

    rules = Counter(c.rule for c in doc.corrections())
    misread = sum(1 for c in doc.corrections() if c.rule is Rule.DROPPED_INITIAL and c.original) \
        if rules[Rule.DROPPED_INITIAL] else 0  # a second walk only where there is one to find
    removed = Counter(mark.kind for mark in doc.layout_marks)
    unanchored = sum(1 for note in doc.footnotes() if not note.anchored)
    inferred = sum(1 for note in doc.footnotes() if note.inferred)
    parts = tuple(f"{n} × {_REMOVED_NAMES[kind]}" for kind, n in sorted(removed.items(), key=lambda i: i[0].value)
                  if kind in _REMOVED_NAMES)
    header.append(_encoding_desc(
        keep_layout, sum(n for rule, n in rules.items() if rule.is_ocr), parts, unanchored, inferred,
        rules[Rule.FOOTNOTE_MARKER], rules[Rule.DROPPED_INITIAL] + rules[Rule.DISPLACED_INITIAL] - misread,
        rules[Rule.HYPHEN_JOIN], misread).__deepcopy__(None))  # lxml's copy, without copy.deepcopy's dispatch


@functools.lru_cache(maxsize=256)
def _encoding_desc(keep_layout: bool, ocr: int, parts: tuple[str, ...], unanchored: int, inferred: int,
                   markers: int, initials: int, joined: int, misread_initials: int = 0) -> etree._Element:
    """The header's ``encodingDesc`` for these counts: made once, copied into each file's
    header (a batch's one-page files mostly share their counts, and a copy costs a tenth
    of the making)."""
    encoding = etree.Element(_T + "encodingDesc", nsmap={None: TEI_NS})
    application = _sub(_sub(encoding, "appInfo"), "application", xml_id="textkit", ident="textkit",
                       version=__version__)
    _sub(application, "label", "textkit")
    decl = _sub(encoding, "editorialDecl")
    _sub(_sub(decl, "correction", method="markup"), "p",
         "OCR misreadings are marked choice/sic/corr: sic holds the OCR reading, not an error of the "
         f"printed source; corr/@type names the rule that made the correction ({ocr} corrected). "
         "Authors' own slips are left as printed.")
    _sub(_sub(decl, "normalization", method="markup"), "p",
         "Layout marks removed from the reading text: " + ("; ".join(parts) if parts else "none") + ". "
         "Footnotes are placed at their reference points and their glued reference numerals removed "
         f"({markers})"
         + (f"; {unanchored} whose reference was not found are kept, marked anchored=\"false\""
            if unanchored else "")
         + (f"; {inferred} note numbers (n) were not read (the numeral was misread or lost) and "
            "follow from the numbers of the notes around them" if inferred else "")
         + ". Lost drop-cap initials are marked supplied "
         f"({initials}). "
         + (f"A lost initial whose word's small capitals were misread too is a corr of type "
            f"dropped-initial, the word whole ({misread_initials}). " if misread_initials else "")
         + ("Page starts are kept as pb (with n, the page number as printed, where it was read), "
            "running heads and page numbers as fw where they stood, and the line breaks of joined "
            "words as lb break=\"no\"; other line breaks are not kept." if keep_layout
            else "Page and line breaks are not kept."))
    _sub(_sub(decl, "hyphenation", eol="hard"), "p",
         f"Line-end hyphens removed where they broke a word ({joined} joined); "
         "compound hyphens kept.")
    return encoding


_FW_TYPES = {LineKind.RUNNING_HEAD: "header", LineKind.PAGE_NUMBER: "pageNum"}


def _page_numbers(doc: Document) -> dict[int, str]:
    """Input line → the printed number of the page it opens (where one was read)."""
    printed = {info.number: info.printed for info in doc.pages if info.printed}
    return {k: printed[page] for k, page in enumerate(SourceLines(doc.source_lines).pages, 1) if page in printed}


def _furniture(doc: Document) -> dict[int, list[tuple[int, int, str, str]]]:
    """Where each running head and page number stood, for ``fw`` in keep-layout mode.

    ``id(block)`` → ``(offset, order, type, text)``: at the offset of the block's
    first line after the mark, before that line's ``pb`` (``order`` -2) when
    the mark ends the page before, after it (-0.5) when it heads the page;
    a mark between blocks opens the next block (or closes the last one).
    """
    marks = [m for m in doc.layout_marks if m.kind in _FW_TYPES]
    if not marks:
        return {}
    page_of = dict(enumerate(SourceLines(doc.source_lines).pages, 1))
    blocks = [b for b in doc.blocks() if b.breaks]
    out: dict[int, list[tuple[int, int, str, str]]] = {}
    for mark in marks:
        target, offset, line = None, 0, None
        for block in blocks:
            later = [b for b in block.breaks if b.line > mark.line]
            if later and block.breaks[0].line < mark.line:
                target, offset, line = block, later[0].offset, later[0].line
                break
        if target is None:
            following = [b for b in blocks if b.breaks[0].line > mark.line]
            if following:
                target = min(following, key=lambda b: b.breaks[0].line)
                offset, line = 0, target.breaks[0].line
            elif blocks:
                target = blocks[-1]
                offset = len(target.text)
        if target is None:
            continue
        same_page = line is not None and page_of.get(line) == page_of.get(mark.line)
        out.setdefault(id(target), []).append((offset, -0.5 if same_page else -2, _FW_TYPES[mark.kind],
                                               mark.text))
    return out


class _Writer:
    def __init__(self, keep_layout: bool, page_numbers: dict[int, str] | None = None,
                 furniture: dict[int, list[tuple[int, int, str, str]]] | None = None) -> None:
        self.keep_layout = keep_layout
        self.page_numbers = page_numbers or {}
        self.furniture = furniture or {}
        self.note_ids: set[str] = set()

    def text(self, body: etree._Element, text: Text, ident: str) -> None:
        div = _sub(body, "div", type=text.kind.value, xml_id=ident)
        if text.title.text:
            self.mixed(_sub(div, "head"), text.title, ident)
        if text.byline is not None:
            byline = _sub(div, "byline")
            self.byline(byline, text.byline, text.authors, ident)
            if text.affiliation is not None:
                _append_text(byline, " ")
                self.mixed(_sub(byline, "affiliation"), text.affiliation, ident)
        self.blocks(div, text.blocks, ident)
        self.divisions(div, text.divisions, ident)
        if not len(div):
            _sub(div, "p")

    def unplaced(self, last: etree._Element, doc: Document) -> None:
        """The notes with no place in the text, at the end of ``last`` (the body's last paragraph)."""
        for note in doc.unplaced_notes:
            self.footnote(last, note, f"d{max(len(doc.texts), 1)}")

    def divisions(self, parent: etree._Element, divisions: Iterable[Division], prefix: str) -> None:
        for number, division in enumerate(divisions, 1):
            ident = f"{prefix}-s{number}" if division.level == 1 else f"{prefix}-{number}"
            div = _sub(parent, "div", type="section" if division.level == 1 else "subsection",
                       xml_id=ident)
            self.mixed(_sub(div, "head"), division.head, prefix.split("-")[0])
            self.blocks(div, division.blocks, prefix.split("-")[0])
            self.divisions(div, division.divisions, ident)

    def byline(self, element: etree._Element, byline: Block, authors: tuple[str, ...],
               text_id: str) -> None:
        """The author line as printed, each name in its own docAuthor (notes kept)."""
        names: list[tuple[int, int, str]] = []
        cursor = 0
        for author in authors:
            found = byline.text.find(author, cursor)
            if found >= 0:
                names.append((found, found + len(author), author))
                cursor = found + len(author)
        events = sorted([(start, 1, (end, author)) for start, end, author in names]
                        + [(anchor.offset, 0, anchor) for anchor in byline.notes], key=lambda e: e[:2])
        cursor = 0
        for position, _, item in events:
            _append_text(element, byline.text[cursor:position])
            if isinstance(item, NoteAnchor):
                self.footnote(element, item.note, text_id)
                cursor = position
            else:
                end, author = item
                _sub(element, "docAuthor", author)
                cursor = end
        _append_text(element, byline.text[cursor:])

    def blocks(self, div: etree._Element, blocks: Iterable[Block], text_id: str) -> None:
        for block in blocks:
            if block.kind is BlockKind.QUOTE:
                self.mixed(_sub(_sub(div, "quote"), "p"), block, text_id)
            elif block.kind is BlockKind.EDITORIAL_NOTE:
                self.mixed(_sub(div, "note", type="editorial"), block, text_id)
            else:
                self.mixed(_sub(div, "p"), block, text_id)

    def mixed(self, element: etree._Element, block: Block, text_id: str) -> None:
        """Fill ``element`` with ``block``'s text, corrections and footnotes, in order."""
        text = block.text
        events: list[tuple[int, int, Correction | NoteAnchor | object]] = [
            (fix.start, 1, fix) for fix in block.corrections if fix.rule is not Rule.FOOTNOTE_MARKER]
        events += [(anchor.offset, 0, anchor) for anchor in block.notes]
        if self.keep_layout:
            events += [(b.offset, -1, (PAGE_START, b.line)) for b in block.breaks if b.page_start]
            events += [(offset, order, ("fw", kind, printed))
                       for offset, order, kind, printed in self.furniture.get(id(block), ())]
        events.sort(key=lambda e: (e[0], e[1]))
        cursor = 0
        for position, _, item in events:
            if position < cursor:
                # Inside the span of a correction just written: a note (or a page or
                # line mark) goes right after it, never lost; overlapping corrections
                # are merged upstream.
                if isinstance(item, Correction):  # pragma: no cover
                    continue
                position = cursor
            _append_text(element, text[cursor:position])
            if isinstance(item, tuple) and item[0] is PAGE_START:
                inside_word = 0 < position < len(text) and text[position - 1].isalnum() and text[position].isalnum()
                attrs = {"break": "no"} if inside_word else {}
                if item[1] in self.page_numbers:
                    attrs["n"] = self.page_numbers[item[1]]
                _sub(element, "pb", **attrs)
                cursor = position
            elif isinstance(item, tuple) and item[0] == "fw":
                _sub(element, "fw", item[2], type=item[1])
                cursor = position
            elif isinstance(item, Correction):
                self.correction(element, item, block)
                cursor = item.end
            else:
                self.footnote(element, item.note, text_id)
                cursor = position
        _append_text(element, text[cursor:])

    def footnote(self, parent: etree._Element, note: Footnote, text_id: str) -> None:
        base = f"{text_id}-n{note.n or 'x'}"
        ident, k = base, 1
        while ident in self.note_ids:
            k += 1
            ident = f"{base}-{k}"
        self.note_ids.add(ident)
        attrs = {"place": "foot", "xml_id": ident}
        if note.n:
            attrs["n"] = note.n
        if not note.anchored:
            attrs["anchored"] = "false"
        self.mixed(_sub(parent, "note", **attrs), note.as_block(), text_id)

    def correction(self, parent: etree._Element, fix: Correction, block: Block) -> None:
        if fix.rule in (Rule.DROPPED_INITIAL, Rule.DISPLACED_INITIAL) and not fix.original:
            _sub(parent, "supplied", fix.replacement, reason=fix.rule.value, resp=RESP,
                 cert=fix.confidence.value)
        elif fix.rule is Rule.HYPHEN_JOIN:
            cuts = [b.offset - fix.start for b in block.breaks
                    if b.hyphen and fix.start < b.offset < fix.end] if self.keep_layout else []
            cursor = 0
            for cut in cuts:  # the line ended inside the joined word
                _append_text(parent, fix.replacement[cursor:cut])
                _sub(parent, "lb", **{"break": "no"})
                cursor = cut
            _append_text(parent, fix.replacement[cursor:])
        else:
            choice = _sub(parent, "choice")
            _sub(choice, "sic", fix.original)
            _sub(choice, "corr", fix.replacement, type=fix.rule.value, resp=RESP,
                 cert=fix.confidence.value)


def _append_text(element: etree._Element, s: str) -> None:
    """Add ``s`` at the end of ``element``'s content (after its last child)."""
    if not s:
        return
    s = _xml_safe(s)
    if len(element):
        element[-1].tail = (element[-1].tail or "") + s
    else:
        element.text = (element.text or "") + s
