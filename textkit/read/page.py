"""Read PAGE XML (PRImA; Transkribus, OCR-D, eScriptorium, Kraken).

What this reader takes (PRImA-Research-Lab/PAGE-XML, 2013-07-15 and
2019-07-15 schemas; the 2010-2018 versions share the parts read here):

* one ``Page`` per file (``imageWidth``/``imageHeight``);
* ``ReadingOrder``: ``OrderedGroup``/``UnorderedGroup`` (and their
  ``...Indexed`` children) flattened, ordered groups by ``@index``; a named
  region brings the text regions inside it (table cells, nested regions)
  that the order does not name; regions it leaves out follow in geometric
  order (:mod:`.order`). Without a
  ``ReadingOrder``, Transkribus' ``custom="readingOrder {index:N;}"`` on the
  regions is used, else geometry;
* ``TextRegion`` anywhere under the page (nested ones and table cells too),
  each one ``block``; its region type from ``@type`` or Transkribus'
  ``custom="structure {type:heading;}"`` (which wins: it is what a
  Transkribus user set), or the line's own ``custom`` structure type;
* ``TextLine`` in region order (Transkribus' line ``readingOrder`` when
  every line has one); text from the line's ``TextEquiv/Unicode``, else its
  words' (``Word/TextEquiv``), else the region's text split at newlines;
  confidence from ``TextEquiv/@conf``; box from ``Coords/@points`` (or
  PAGE 2010's ``Point`` elements); ``size`` is the line's height above its
  ``Baseline`` (the box height when there is none);
* the folio: the text of a ``page-number`` region, as ``PageInfo.printed``.

Where several ``TextEquiv`` are given, the one with the lowest ``@index``
is the reading (PAGE's convention: index 1 is the best).
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import InputError
from ..model import Document, Options
from .lines import Box, PageInfo, SourceLine, Word, checked_box, line_from_words, region_name
from .order import reading_order
from .xmlsafe import parse_ocr_xml

PAGE_NAMESPACE = re.compile(r"http://schema\.primaresearch\.org/PAGE/gts/pagecontent/"
                            r"(2009-03-16|2010-01-12|2010-03-19|2013-07-15|2016-07-15|2017-07-15"
                            r"|2018-07-15|2019-07-15)")
_SNIFF = re.compile(rb"<(?:\w+:)?PcGts\b[^>]*?http://schema\.primaresearch\.org/PAGE/gts/pagecontent/",
                    re.S)
_CUSTOM_TYPE = re.compile(r"structure\s*\{[^}]*?type\s*:\s*([^;}]+)")
_CUSTOM_INDEX = re.compile(r"readingOrder\s*\{[^}]*?index\s*:\s*(\d+)")


def sniff(head: bytes, name: str = "") -> bool:
    """True when ``head`` starts a PAGE XML document.

    >>> sniff(b'<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">')
    True
    >>> sniff(b'<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">')
    False
    """
    return bool(_SNIFF.search(head))


def read_lines(data: bytes, *, source: str) -> tuple[list[SourceLine], list[PageInfo]]:
    """Lines in reading order and the page of a PAGE XML file; :class:`InputError` if refused."""
    root = parse_ocr_xml(data, source=source)
    qname = etree.QName(root)
    if qname.localname != "PcGts" or not PAGE_NAMESPACE.fullmatch(qname.namespace or ""):
        raise InputError(f"this is XML with root <{qname.localname}> in namespace "
                         f"{qname.namespace or '(none)'}, not PAGE XML (PcGts)", source=source)
    ns = f"{{{qname.namespace}}}"
    page_el = root.find(f"{ns}Page")
    if page_el is None:
        raise InputError("PAGE XML without a Page element", source=source)
    width = _int_attr(page_el, "imageWidth", source) or None  # 0: not known
    height = _int_attr(page_el, "imageHeight", source) or None
    size = (width, height)
    regions = [r for r in page_el.iter(f"{ns}TextRegion")]
    # Any region can be in the reading order: a TableRegion stands for its
    # cells' TextRegions.
    by_id = {el.get("id"): el for el in page_el.iter()
             if isinstance(el.tag, str) and el.get("id") and etree.QName(el).localname.endswith("Region")}
    ordered = _ordered_regions(page_el, ns, regions, by_id, size, source)
    lines: list[SourceLine] = []
    printed = None
    for block, region_el in enumerate(ordered):
        kind = _region_type(region_el)
        region_lines = _region_lines(region_el, ns, size, kind, block, source)
        if kind == "page-number" and printed is None and region_lines:
            printed = " ".join(ln.text for ln in region_lines)
        lines.extend(region_lines)
    return lines, [PageInfo(1, width, height, printed)]


def _int_attr(element: etree._Element, name: str, source: str) -> int | None:
    value = element.get(name)
    if value is None:
        return None
    try:
        return round(float(value))
    except ValueError:
        raise InputError(f"Page/@{name} {value!r} is not a number", source=source) from None


def _region_type(region: etree._Element) -> str | None:
    custom = _CUSTOM_TYPE.search(region.get("custom") or "")
    if custom:
        named = region_name(custom.group(1))
        if named:
            return named
    return region_name(region.get("type"))


def _ordered_regions(page_el: etree._Element, ns: str, regions: list[etree._Element],
                     by_id: dict[str | None, etree._Element], size: tuple[int | None, int | None],
                     source: str) -> list[etree._Element]:
    order_el = page_el.find(f"{ns}ReadingOrder")
    listed: list[etree._Element] = []
    if order_el is not None:
        refs = [by_id[ref] for ref in _flatten(order_el, ns) if ref in by_id]
        named = set(refs)
        for element in refs:
            # A region brings the text regions inside it that the order does
            # not name itself, in document order, right after it.
            inside = [r for r in element.iter(f"{ns}TextRegion") if r is element or r not in named]
            listed.extend(r for r in inside if r not in listed)
    elif regions and all(_CUSTOM_INDEX.search(r.get("custom") or "") for r in regions):
        listed = sorted(regions, key=lambda r: int(_CUSTOM_INDEX.search(r.get("custom") or "")
                                                    .group(1)))  # type: ignore[union-attr]
    rest = [r for r in regions if r not in listed]
    boxes = [_coords_box(r, ns, size, source) for r in rest]
    return listed + [rest[i] for i in reading_order(boxes)]


def _flatten(group: etree._Element, ns: str) -> list[str]:
    """Region ids of a ReadingOrder (group) in order."""
    out: list[str] = []
    if group.get("regionRef"):
        out.append(group.get("regionRef", ""))
    children = [c for c in group if isinstance(c.tag, str)]
    if any(c.get("index") is not None for c in children):
        children.sort(key=lambda c: _index(c.get("index")))
    for child in children:
        name = etree.QName(child).localname
        if name in ("RegionRef", "RegionRefIndexed"):
            if child.get("regionRef"):
                out.append(child.get("regionRef", ""))
        elif name in ("OrderedGroup", "UnorderedGroup", "OrderedGroupIndexed",
                      "UnorderedGroupIndexed"):
            out.extend(_flatten(child, ns))
    return out


def _index(value: str | None) -> int:
    try:
        return int(value) if value is not None else 1 << 30
    except ValueError:
        return 1 << 30


def _coords_box(element: etree._Element, ns: str, size: tuple[int | None, int | None],
                source: str) -> Box | None:
    coords = element.find(f"{ns}Coords")
    if coords is None:
        return None
    points: list[tuple[float, float]] = []
    where = f"{element.get('id') or etree.QName(element).localname} (line {coords.sourceline})"
    if coords.get("points"):
        for pair in coords.get("points", "").split():
            try:
                x, y = pair.split(",")
                points.append((float(x), float(y)))
            except ValueError:
                raise InputError(f"{where}: Coords points {pair!r} is not 'x,y'",
                                 source=source) from None
    else:
        for point in coords.iter(f"{ns}Point"):
            try:
                points.append((float(point.get("x", "")), float(point.get("y", ""))))
            except ValueError:
                raise InputError(f"{where}: Point without numeric x and y", source=source) from None
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return checked_box(min(xs), min(ys), max(xs), max(ys), page=size, source=source, where=where)


def _size(line_el: etree._Element, ns: str, box: Box | None, words: list[Word]) -> float | None:
    """The line's height above its baseline, else its box height.

    A line box's bottom is the baseline or the descenders, depending on the
    letters the line happens to hold; the part above the baseline depends
    on the type size alone (nearly every line has a capital or an ascender).
    The top is the words' median top when they have boxes, so that a
    superscript numeral does not count.
    """
    if box is None:
        return None
    tops = sorted(w.box.y0 for w in words if w.box is not None)
    top = tops[len(tops) // 2] if tops else box.y0
    baseline = line_el.find(f"{ns}Baseline")
    ys = []
    for pair in (baseline.get("points") or "").split() if baseline is not None else []:
        try:
            ys.append(float(pair.split(",")[1]))
        except (IndexError, ValueError):
            return float(box.height)
    if not ys:
        return float(box.height)
    above = sum(ys) / len(ys) - top
    return above if above > 0 else float(box.height)


def _text_equiv(element: etree._Element, ns: str) -> tuple[str | None, float | None]:
    """The best ``TextEquiv``'s text and confidence among ``element``'s own children."""
    equivs = element.findall(f"{ns}TextEquiv")
    if not equivs:
        return None, None
    best = min(equivs, key=lambda e: _index(e.get("index")))
    unicode_el = best.find(f"{ns}Unicode")
    text = unicode_el.text if unicode_el is not None else None
    conf = best.get("conf")
    try:
        confidence = min(max(float(conf), 0.0), 1.0) if conf is not None else None
    except ValueError:
        confidence = None
    return text, confidence


def _region_lines(region: etree._Element, ns: str, size: tuple[int | None, int | None],
                  kind: str | None, block: int, source: str) -> list[SourceLine]:
    line_els = region.findall(f"{ns}TextLine")
    if line_els and all(_CUSTOM_INDEX.search(ln.get("custom") or "") for ln in line_els):
        line_els.sort(key=lambda ln: int(_CUSTOM_INDEX.search(ln.get("custom") or "")
                                         .group(1)))  # type: ignore[union-attr]
    region_text, region_conf = _text_equiv(region, ns)
    region_rows = [row for row in (region_text or "").split("\n")]
    out: list[SourceLine] = []
    if not line_els and region.find(f"{ns}TextRegion") is not None:
        return out  # its text is its nested regions' text, read with them
    if not line_els:
        for row in region_rows:
            line = line_from_words([Word(t) for t in row.split()], page=1, box=None, size=None,
                                   region=kind, block=block, confidence=region_conf)
            if line is not None:
                out.append(line)
        return out
    for i, line_el in enumerate(line_els):
        box = _coords_box(line_el, ns, size, source)
        text, conf = _text_equiv(line_el, ns)
        words = []
        for word_el in line_el.findall(f"{ns}Word"):
            word_text, word_conf = _text_equiv(word_el, ns)
            word_text = " ".join((word_text or "").split())
            if word_text:
                words.append(Word(word_text, _coords_box(word_el, ns, size, source), word_conf))
        if text is None or not text.strip():
            if not words and i < len(region_rows):
                words = [Word(t) for t in region_rows[i].split()]
                conf = conf if conf is not None else region_conf
        elif " ".join(text.split()) != " ".join(w.text for w in words):
            # The line's own reading wins; its words are another segmentation.
            words = [Word(t) for t in text.split()]
        # Transkribus users tag single lines too (a heading line in a paragraph region).
        line_kind = _region_type(line_el) if "structure" in (line_el.get("custom") or "") else None
        line = line_from_words(words, page=1, box=box, size=_size(line_el, ns, box, words),
                               region=line_kind or kind, block=block, confidence=conf)
        if line is not None:
            out.append(line)
    return out


NAME = "page"


def read(data: bytes, *, source: str, options: Options) -> Document:
    """The reader seam (:mod:`textkit.read`): a document of the file's lines and pages."""
    from . import make_document

    lines, pages = read_lines(data, source=source)
    return make_document(source=source, data=data, lines=lines, pages=pages, options=options,
                         input_format=NAME)
