"""Read ALTO v2-v4 (libraries, ABBYY, docWorks, Tesseract, eScriptorium).

What this reader takes (altoxml/schema):

* ``Description/MeasurementUnit``: ``pixel``; ``mm10`` and ``inch1200``
  are turned into pixels at a nominal 300 dpi (ALTO records no resolution),
  which keeps every box and size of the file in one scale;
* ``Page`` (``WIDTH``/``HEIGHT``; ``PRINTED_IMG_NR`` is the folio as
  printed), read as ``TopMargin``, ``PrintSpace``, ``LeftMargin``,
  ``RightMargin``, ``BottomMargin`` (the schema lists the bottom margin
  before the print space; the page is not read that way). Lines in the top
  margin are region ``header``, in the bottom margin ``footer``, at the
  sides ``marginalia``, unless a tag says more;
* ``TextBlock`` (inside ``ComposedBlock`` too): ordered by geometry within
  each part of the page (:mod:`.order`); each is one ``block``. Lines run
  across a column gutter are split at it (:func:`.order.split_columns`). Its region
  comes from ``TAGREFS`` to a ``LayoutTag``/``StructureTag``/``OtherTag``
  (``LABEL``, else ``TYPE``), SegmOnto names included;
* ``TextLine`` of ``String`` (``CONTENT``, box, ``WC`` confidence, else
  ``CC`` character confidences), ``SP`` and ``HYP``. A ``HYP`` is added to
  the word before it (``expan`` + ``-``); a last ``String`` with
  ``SUBS_TYPE="HypPart1"`` gives ``hyphen_end`` = its ``SUBS_CONTENT``;
* ``size``: the ``FONTSIZE`` of the ``TextStyle`` that ``STYLEREFS`` (on
  the string, line or block) names, in points, when every line has one;
  otherwise every line's height in pixels. Mixing the two would make
  sizes incomparable.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import replace

from lxml import etree

from ..errors import InputError
from ..model import Document, Options
from .lines import Box, PageInfo, SourceLine, Word, checked_box, line_from_words, region_name
from .order import join_fragments, reading_order, split_columns
from .xmlsafe import parse_ocr_xml

ALTO_NAMESPACES = frozenset({
    "http://www.loc.gov/standards/alto/ns-v2#",
    "http://www.loc.gov/standards/alto/ns-v3#",
    "http://www.loc.gov/standards/alto/ns-v4#",
    "http://www.loc.gov/standards/alto/",
    "",
})
"""ALTO 2, 3 and 4, the bare namespace some v2 files use, and no namespace."""

_UNIT_TO_PIXELS = {"pixel": 1.0, "mm10": 300 / 254, "inch1200": 300 / 1200}
_PARTS = (("TopMargin", "header"), ("PrintSpace", None), ("LeftMargin", "marginalia"),
          ("RightMargin", "marginalia"), ("BottomMargin", "footer"))
_SNIFF = re.compile(rb"<(?:\w+:)?alto[\s>]")
_NS = re.compile(rb"""<(?:\w+:)?alto\b[^>]*?xmlns(?::\w+)?\s*=\s*["']([^"']*)["']""", re.S)


def sniff(head: bytes, name: str = "") -> bool:
    """True when ``head`` starts an ALTO document (v2-v4, or no namespace).

    >>> sniff(b'<?xml version="1.0"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">')
    True
    >>> sniff(b'<alto xmlns="http://example.org/other">'), sniff(b"<html class='ocr_page'>")
    (False, False)
    """
    match = _SNIFF.search(head)
    if not match:
        return False
    ns = _NS.search(head, match.start())
    return ns is None or ns.group(1).decode("ascii", "replace") in ALTO_NAMESPACES


def read_lines(data: bytes, *, source: str) -> tuple[list[SourceLine], list[PageInfo]]:
    """Lines in reading order and pages of an ALTO file; :class:`InputError` if refused."""
    root = parse_ocr_xml(data, source=source)
    qname = etree.QName(root)
    if qname.localname != "alto" or (qname.namespace or "") not in ALTO_NAMESPACES:
        raise InputError(f"this is XML with root <{qname.localname}> in namespace "
                         f"{qname.namespace or '(none)'}, not ALTO v2-v4", source=source)
    reader = _Reader(root, qname.namespace or "", source)
    return reader.read()


class _Reader:
    def __init__(self, root: etree._Element, ns: str, source: str) -> None:
        self.root = root
        self.ns = f"{{{ns}}}" if ns else ""
        self.source = source
        unit = (self._text(root, "Description/MeasurementUnit") or "pixel").strip().lower()
        if unit not in _UNIT_TO_PIXELS:
            raise InputError(f"unknown ALTO MeasurementUnit {unit!r} (expected pixel, mm10 or "
                             "inch1200)", source=source)
        self.scale = _UNIT_TO_PIXELS[unit]
        software = " ".join(e.text or "" for e in root.iter(f"{self.ns}softwareName"))
        self.concatenated_wc = _concatenates_wc(software)
        self.font_sizes: dict[str, float] = {}
        for style in root.iter(f"{self.ns}TextStyle"):
            size = _float(style.get("FONTSIZE"))
            if style.get("ID") and size:
                self.font_sizes[style.get("ID", "")] = size
        self.tags: dict[str, str | None] = {}
        tags = root.find(f"{self.ns}Tags")
        if tags is not None:
            for tag in tags:
                if isinstance(tag.tag, str) and tag.get("ID"):
                    self.tags[tag.get("ID", "")] = (region_name(tag.get("LABEL"))
                                                    or region_name(tag.get("TYPE"))
                                                    or region_name(tag.get("DESCRIPTION")))

    def _text(self, element: etree._Element, path: str) -> str | None:
        found = element.find("/".join(self.ns + p for p in path.split("/")))
        return found.text if found is not None else None

    def read(self) -> tuple[list[SourceLine], list[PageInfo]]:
        layout = self.root.find(f"{self.ns}Layout")
        page_els = list(layout.iter(f"{self.ns}Page")) if layout is not None else []
        if not page_els:
            raise InputError("ALTO file without a Layout/Page: no text to read", source=self.source)
        pages: list[PageInfo] = []
        raw: list[tuple[SourceLine, float | None]] = []
        block = 0
        for number, page_el in enumerate(page_els, 1):
            width, height = self._dim(page_el.get("WIDTH")), self._dim(page_el.get("HEIGHT"))
            printed = (page_el.get("PRINTED_IMG_NR") or "").strip() or None
            page_lines: list[tuple[SourceLine, float | None]] = []
            for part_name, part_region in _PARTS:
                for part in page_el.findall(f"{self.ns}{part_name}"):
                    blocks = list(part.iter(f"{self.ns}TextBlock"))
                    boxes = [self._box(b, (width, height)) for b in blocks]
                    for i in reading_order(boxes):
                        region = self._region(blocks[i]) or part_region
                        for line_el in blocks[i].iter(f"{self.ns}TextLine"):
                            got = self._line(line_el, blocks[i], number, (width, height), region, block)
                            if got is not None:
                                page_lines.append(got)
                        block += 1
            if printed is None:
                printed = next((ln.text for ln, _ in page_lines if ln.region == "page-number"), None)
            pages.append(PageInfo(number, width, height, printed))
            raw.extend(page_lines)
        if raw and all(font is not None for _, font in raw):
            lines = [_with_size(ln, font) for ln, font in raw]
        else:
            lines = [ln for ln, _ in raw]
        return split_columns(join_fragments(lines)), pages

    def _dim(self, value: str | None) -> int | None:
        number = _float(value)
        return round(number * self.scale) if number else None

    def _box(self, element: etree._Element, page: tuple[int | None, int | None]) -> Box | None:
        values = [element.get(a) for a in ("HPOS", "VPOS", "WIDTH", "HEIGHT")]
        if any(v is None for v in values):
            return None
        try:
            x, y, w, h = (float(v) * self.scale for v in values if v is not None)
        except ValueError:
            raise InputError(f"{_where(element)}: HPOS/VPOS/WIDTH/HEIGHT must be numbers",
                             source=self.source) from None
        return checked_box(x, y, x + w, y + h, page=page, source=self.source, where=_where(element))

    def _region(self, block: etree._Element) -> str | None:
        for element in (block, *block.iterancestors(f"{self.ns}ComposedBlock")):
            for ref in (element.get("TAGREFS") or "").split():
                if self.tags.get(ref):
                    return self.tags[ref]
        return None

    def _font_size(self, *elements: etree._Element) -> float | None:
        for element in elements:
            for ref in (element.get("STYLEREFS") or "").split():
                if ref in self.font_sizes:
                    return self.font_sizes[ref]
        return None

    def _line(self, line_el: etree._Element, block: etree._Element, number: int,
              page: tuple[int | None, int | None], region: str | None,
              block_id: int) -> tuple[SourceLine, float | None] | None:
        words: list[Word] = []
        fonts: list[float] = []
        hyphen_end = None
        last_string = None
        for child in line_el:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if name == "String":
                text = " ".join((child.get("CONTENT") or "").split())
                if not text:
                    continue
                words.append(Word(text, self._box(child, page),
                                  self._confidence(child, self.concatenated_wc)))
                font = self._font_size(child)
                if font is not None:
                    fonts.append(font)
                last_string = child
            elif name == "HYP" and words:
                mark = child.get("CONTENT") or "-"
                if not words[-1].text.endswith(mark):
                    last = words[-1]
                    words[-1] = Word(last.text + mark, last.box, last.confidence)
        if last_string is not None and last_string.get("SUBS_TYPE") == "HypPart1":
            hyphen_end = (last_string.get("SUBS_CONTENT") or "").strip() or None
        box = self._box(line_el, page)
        line = line_from_words(words, page=number, box=box, size=None, region=region,
                               block=block_id, hyphen_end=hyphen_end)
        if line is None:
            return None
        font = statistics.median(fonts) if fonts else self._font_size(line_el, block)
        return line, font

    @staticmethod
    def _confidence(string: etree._Element, concatenated: bool = False) -> float | None:
        raw = (string.get("WC") or "").strip()
        if concatenated and re.fullmatch(r"0\.(\d|100)", raw):
            return int(raw[2:]) / 100  # "0.9" is 9%, "0.100" is 100%
        wc = _float(raw)
        if wc is not None:
            return min(max(wc, 0.0), 1.0)
        cc = string.get("CC")
        if cc:
            # CC: one digit per character, 0 = sure, 9 = unsure.
            digits = [int(c) for c in cc.split() if c.isdigit()] if " " in cc else [
                int(c) for c in cc if c.isdigit()]
            if digits:
                return 1.0 - sum(digits) / (9.0 * len(digits))
        return None


def _concatenates_wc(software: str) -> bool:
    """Tesseract up to 5.5 writes ``WC`` as ``"0."`` followed by its percent
    confidence: ``0.9`` for 9%, ``0.100`` for 100% (tesseract-ocr/tesseract
    issue 4615, fixed after 5.5.2).

    >>> _concatenates_wc("tesseract 5.3.0"), _concatenates_wc("tesseract 5.6.0"), _concatenates_wc("ABBYY")
    (True, False, False)
    """
    match = re.search(r"\btesseract\b\s*v?(\d+)?(?:\.(\d+))?", software, re.IGNORECASE)
    if match is None:
        return False
    if match.group(1) is None:
        return True
    return (int(match.group(1)), int(match.group(2) or 0)) <= (5, 5)


def _with_size(line: SourceLine, size: float | None) -> SourceLine:
    return replace(line, size=size)


def _float(value: str | None) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _where(element: etree._Element) -> str:
    name = element.get("ID") or etree.QName(element).localname
    return f"{name} (line {element.sourceline})" if element.sourceline else name


NAME = "alto"


def read(data: bytes, *, source: str, options: Options) -> Document:
    """The reader seam (:mod:`textkit.read`): a document of the file's lines and pages."""
    from . import make_document

    lines, pages = read_lines(data, source=source)
    return make_document(source=source, data=data, lines=lines, pages=pages, options=options,
                         input_format=NAME)
