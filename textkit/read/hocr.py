"""Read hOCR (Tesseract, OCRopus, Kraken) into :class:`~.lines.SourceLine`.

hOCR is HTML whose ``class`` attributes say what an element is and whose
``title`` attributes carry properties (``bbox x0 y0 x1 y1; x_wconf 96``).
What this reader takes (hOCR 1.2, kba/hocr-spec):

* pages: ``ocr_page`` (``bbox`` gives the size; ``lpageno``, the page
  number as printed, when an engine recognised one; ``ppageno`` is only the
  physical index and is not used as the folio);
* blocks: ``ocr_carea`` / ``ocrx_block`` are ordered by geometry on the
  page (:mod:`.order`); the paragraph (``ocr_par``, else the area) is the
  line's ``block``. Lines Tesseract ran across a column gutter (``--psm 4``
  or ``6``) are split at it and read column by column
  (:func:`.order.split_columns`);
* lines: ``ocr_line``, ``ocrx_line`` and Tesseract's line classes
  ``ocr_caption``, ``ocr_textfloat`` and ``ocr_header``; ``size`` is
  ``x_size`` when given, else the box height;
* words: ``ocrx_word`` (``bbox``; ``x_wconf`` / 100 as the confidence);
  a line without word elements takes its own text;
* regions: the floats ``ocr_header``, ``ocr_footer``, ``ocr_pageno`` and
  ``ocr_caption``, ``ocr_dropcap`` and ``ocr_title``, on an element around
  the line. Tesseract puts ``ocr_header`` on a *line* it takes for heading
  text, and it gives it to running heads as readily as to headings, so on
  a line it names no region.

Files that are HTML rather than XHTML (no ``<?xml`` declaration, not well
formed) are parsed with lxml's HTML parser, which fetches nothing either;
a file that declares itself XML and is not well formed is refused.
"""

from __future__ import annotations

import logging
import re

from lxml import etree

from ..errors import InputError
from ..model import Document, Options
from .lines import Box, PageInfo, SourceLine, Word, checked_box, line_from_words, union_box
from .order import join_fragments, reading_order, split_columns
from .xmlsafe import MalformedXMLError, parse_ocr_xml

log = logging.getLogger(__name__)

_LINE_CLASSES = {"ocr_line", "ocrx_line", "ocr_caption", "ocr_textfloat", "ocr_header"}
_BLOCK_CLASSES = {"ocr_carea", "ocrx_block"}
_PAR_CLASSES = {"ocr_par"}
_REGION_CLASSES = {"ocr_header": "header", "ocr_footer": "footer", "ocr_pageno": "page-number",
                   "ocr_caption": "caption", "ocr_dropcap": "drop-capital", "ocr_title": "heading",
                   "ocr_textfloat": "other"}

_SNIFF = re.compile(rb"""class\s*=\s*["'][^"']*\bocr_page\b|name\s*=\s*["']ocr-system["']""",
                    re.IGNORECASE)


def sniff(head: bytes, name: str = "") -> bool:
    """True when ``head`` (a file's first kilobytes) looks like hOCR.

    >>> sniff(b"<html><head><meta name='ocr-system' content='tesseract 5.3.0' />")
    True
    >>> sniff(b"<alto xmlns='http://www.loc.gov/standards/alto/ns-v3#'>")
    False
    """
    # Both of _SNIFF's words have "ocr" in them: where it is not, the pattern (which, in
    # any case, tries every place of the head) cannot match: a plain text's common answer.
    return b"ocr" in head.lower() and bool(_SNIFF.search(head))


def read_lines(data: bytes, *, source: str) -> tuple[list[SourceLine], list[PageInfo]]:
    """Lines in reading order and pages of an hOCR file.

    Raises :class:`InputError` when the file is not hOCR, is malformed, or
    has boxes far outside its pages.
    """
    root = _parse(data, source=source)
    pages_el = [el for el in root.iter() if "ocr_page" in _classes(el)]
    if not pages_el:
        raise InputError("no ocr_page element: this is not hOCR (or holds no page)", source=source)
    lines: list[SourceLine] = []
    pages: list[PageInfo] = []
    blocks = _Counter()
    for number, page_el in enumerate(pages_el, 1):
        props = _properties(page_el)
        size: tuple[int | None, int | None] = (None, None)
        bbox = props.get("bbox")
        if bbox and len(bbox) == 4:
            # "bbox 0 0 0 0" (some converters) means the size is not known.
            size = (_int(bbox[2], source) or None, _int(bbox[3], source) or None)
        printed = " ".join(props["lpageno"]) if props.get("lpageno") else None
        pages.append(PageInfo(number, size[0], size[1], printed))
        lines.extend(_page_lines(page_el, number, size, blocks, source))
    return split_columns(join_fragments(lines)), pages


class _Counter:
    """Running ids for the engine's blocks across the file."""

    def __init__(self) -> None:
        # Keyed by the element itself, which keeps lxml's proxy alive: an
        # id() of a proxy could be reused once the proxy is collected.
        self.ids: dict[etree._Element, int] = {}

    def of(self, element: etree._Element) -> int:
        if element not in self.ids:
            self.ids[element] = len(self.ids)
        return self.ids[element]


def _parse(data: bytes, *, source: str) -> etree._Element:
    try:
        root = parse_ocr_xml(data, source=source)
    except MalformedXMLError:
        # A file that says it is XML (Tesseract's XHTML) and is not well formed
        # is broken, perhaps cut short; only HTML hOCR is read leniently.
        if not sniff(data[:8192]) or b"<?xml" in data[:256]:
            raise
        log.info("%s: hOCR is not well-formed XML; reading it as HTML", source)
        from lxml import html  # here only: sniffing a text file imports this module

        parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
        try:
            root = html.document_fromstring(data, parser=parser)
        except (etree.ParserError, ValueError) as exc:
            raise InputError(f"cannot read this hOCR as HTML: {exc}", source=source) from None
    if etree.QName(root).localname.lower() != "html":
        raise InputError(f"this is XML with root <{etree.QName(root).localname}>, not hOCR "
                         "(an HTML document with ocr_page elements)", source=source)
    return root


def _classes(element: etree._Element) -> set[str]:
    value = element.get("class") if isinstance(element.tag, str) else None
    return set(value.split()) if value else set()


def _properties(element: etree._Element) -> dict[str, list[str]]:
    """The ``title`` properties: ``bbox 1 2 3 4; x_wconf 96`` -> ``{"bbox": [...], ...}``."""
    out: dict[str, list[str]] = {}
    for part in (element.get("title") or "").split(";"):
        tokens = part.split()
        if tokens:
            out[tokens[0]] = [t.strip('"') for t in tokens[1:]]
    return out


def _int(value: str, source: str) -> int:
    try:
        return round(float(value))
    except ValueError:
        raise InputError(f"hOCR coordinate {value!r} is not a number", source=source) from None


def _box(element: etree._Element, page: tuple[int | None, int | None], source: str) -> Box | None:
    bbox = _properties(element).get("bbox")
    if not bbox:
        return None
    if len(bbox) != 4:
        raise InputError(f"{_where(element)}: bbox needs four numbers, not {' '.join(bbox)!r}",
                         source=source)
    x0, y0, x1, y1 = (_int(v, source) for v in bbox)
    return checked_box(x0, y0, x1, y1, page=page, source=source, where=_where(element))


def _where(element: etree._Element) -> str:
    name = element.get("id") or etree.QName(element).localname
    return f"{name} (line {element.sourceline})" if element.sourceline else name


def _is_line(element: etree._Element) -> bool:
    classes = _classes(element)
    if not classes & _LINE_CLASSES:
        return False
    if classes & {"ocr_line", "ocrx_line"}:
        return True
    # ocr_header, ocr_caption, ocr_textfloat are floats around lines in the
    # spec but lines themselves in Tesseract: a line is one with no line inside.
    return not any(_classes(d) & _LINE_CLASSES for d in element.iterdescendants())


def _page_lines(page_el: etree._Element, number: int, size: tuple[int | None, int | None],
                blocks: _Counter, source: str) -> list[SourceLine]:
    groups: dict[etree._Element, list[SourceLine]] = {}
    group_boxes: dict[etree._Element, Box | None] = {}
    order: list[etree._Element] = []
    for line_el in (el for el in page_el.iterdescendants() if _is_line(el)):
        line = _line(line_el, number, size, blocks, source)
        if line is None:
            continue
        area = _ancestor(line_el, _BLOCK_CLASSES, page_el)
        key = area if area is not None else line_el
        if key not in groups:
            groups[key] = []
            order.append(key)
            group_boxes[key] = _box(area, size, source) if area is not None else None
        groups[key].append(line)
    boxes = [group_boxes[k] or union_box([ln.box for ln in groups[k]]) for k in order]
    return [line for i in reading_order(boxes) for line in groups[order[i]]]


def _ancestor(element: etree._Element, classes: set[str],
              stop: etree._Element) -> etree._Element | None:
    for parent in element.iterancestors():
        if parent is stop:
            return None
        if _classes(parent) & classes:
            return parent
    return None


def _region(line_el: etree._Element, page_el: etree._Element) -> str | None:
    own = _classes(line_el)
    for cls in ("ocr_caption", "ocr_textfloat"):
        if cls in own:
            return _REGION_CLASSES[cls]
    for parent in line_el.iterancestors():
        if parent is page_el:
            break
        for cls in _classes(parent):
            if cls in _REGION_CLASSES:
                return _REGION_CLASSES[cls]
    return None


def _line(line_el: etree._Element, number: int, size: tuple[int | None, int | None],
          blocks: _Counter, source: str) -> SourceLine | None:
    box = _box(line_el, size, source)
    props = _properties(line_el)
    x_size = None
    if props.get("x_size"):
        try:
            x_size = float(props["x_size"][0])
        except ValueError:
            x_size = None
    words: list[Word] = []
    word_els = [el for el in line_el.iterdescendants() if _classes(el) & {"ocrx_word", "ocr_word"}]
    for word_el in word_els:
        text = " ".join("".join(word_el.itertext()).split())
        if not text:
            continue
        conf = _properties(word_el).get("x_wconf")
        confidence = None
        if conf:
            try:
                confidence = min(max(float(conf[0]) / 100.0, 0.0), 1.0)
            except ValueError:
                confidence = None
        words.append(Word(text, _box(word_el, size, source), confidence))
    if not word_els:
        words = [Word(t) for t in "".join(line_el.itertext()).split()]
    page_el = next((a for a in line_el.iterancestors() if "ocr_page" in _classes(a)), line_el)
    par = _ancestor(line_el, _PAR_CLASSES | _BLOCK_CLASSES, page_el)
    return line_from_words(words, page=number, box=box, size=x_size, region=_region(line_el, page_el),
                           block=blocks.of(par if par is not None else line_el))


NAME = "hocr"


def read(data: bytes, *, source: str, options: Options) -> Document:
    """The reader seam (:mod:`textkit.read`): a document of the file's lines and pages."""
    from . import make_document

    lines, pages = read_lines(data, source=source)
    return make_document(source=source, data=data, lines=lines, pages=pages, options=options,
                         input_format=NAME)
