"""Reading textkit's TEI for the review page: parsing it safely, and its text as read."""

from __future__ import annotations

import re

from lxml import etree

from ..errors import InputError, ValidationError
from ..xml import parse_xml

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_HYPHENS = "-\u00ad\u2010"


def _local(el: etree._Element) -> str:
    """The TEI local name of ``el``, or ``""`` for comments, PIs and foreign elements."""
    if not isinstance(el.tag, str):
        return ""
    qname = etree.QName(el)
    return qname.localname if qname.namespace == TEI_NS else ""


def _squash(text: str) -> str:
    return " ".join(text.split())


def _parse(tei: str | bytes | etree._Element, source: str | None = None) -> etree._Element:
    if isinstance(tei, etree._Element):
        return tei
    try:
        root = parse_xml(tei, source=source).getroot()
    except ValidationError as error:
        detail = "; ".join(message for _, message in error.problems) or str(error)
        raise InputError(f"{detail}; the review page reads textkit's TEI",
                         source=source) from error
    if etree.QName(root).text != f"{{{TEI_NS}}}TEI":
        raise InputError(f"not a TEI document (root element {etree.QName(root).localname!r} "
                         f"in namespace {etree.QName(root).namespace!r}); "
                         "give the review the TEI that textkit wrote", source=source)
    return root


def _first(root: etree._Element, path: str) -> etree._Element | None:
    found = root.xpath(path, namespaces={"t": TEI_NS})
    return found[0] if found else None


def _text_of(el: etree._Element | None) -> str:
    return _squash("".join(el.itertext())) if el is not None else ""


def reading_text(el: etree._Element) -> str:
    """The text of a TEI element as the page reads it: corrections taken, notes left out.

    >>> reading_text(etree.fromstring('<head xmlns="http://www.tei-c.org/ns/1.0">A '
    ...     '<choice><sic>wam</sic><corr>warn</corr></choice> fun<lb break="no"/>ny'
    ...     '<note place="foot">x</note></head>'))
    'A warn funny'
    """
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        name = _local(node)
        if name in ("sic", "orig", "abbr", "note") or (name == "pc" and node.get("force") == "weak"):
            return
        if name == "lb" and node.get("break") != "no" and parts and not parts[-1][-1:].isspace():
            parts.append(" ")
        if name == "lb" and node.get("break") == "no":
            parts.append("\0")  # joins the halves: whitespace around it goes
        if isinstance(node.tag, str):
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")

    walk(el)
    return _squash(re.sub(r"\s*\0\s*", "", "".join(parts)))


def _is_join(lb: etree._Element, before: str) -> bool:
    """Whether an ``lb break="no"`` records a hyphen textkit removed.

    A hyphen the TEI still has before the break is a compound's own
    (``U.S.-Japan``), kept as printed: no change. A soft hyphen the TEI marks
    ``pc force="weak"`` or drops entirely is a join (``Rule.HYPHEN_JOIN``).
    """
    previous = lb.getprevious()
    if previous is not None and _local(previous) == "pc" and not (previous.tail or "").strip():
        return previous.get("force") == "weak"
    return not before.rstrip().endswith(tuple(_HYPHENS))
