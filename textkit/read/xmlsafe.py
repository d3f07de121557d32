"""Parse OCR XML (hOCR, ALTO, PAGE) without trusting it.

A DOCTYPE is accepted (Tesseract's hOCR names the XHTML DTD by URL) but
nothing it points at is loaded: no DTD, no external entity, no network. A
document that declares entities of its own in an internal subset is
refused outright, since OCR output never needs them and they are how
entity-expansion bombs ("billion laughs") and external-entity tricks (XXE)
are built.
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import InputError, ValidationError
from ..xml import parse_xml


class MalformedXMLError(InputError):
    """The bytes are not well-formed XML (the hOCR reader then tries HTML)."""


_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


def parse_ocr_xml(data: bytes, *, source: str) -> etree._Element:
    """The root element of ``data``, parsed safely; :class:`InputError` if refused.

    >>> parse_ocr_xml(b'<!DOCTYPE html SYSTEM "http://example.invalid/x.dtd"><html/>', source="f").tag
    'html'
    >>> parse_ocr_xml(b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', source="f")
    Traceback (most recent call last):
    ...
    textkit.errors.InputError: f: the file declares XML entities (<!ENTITY ...>), which OCR output never needs; refused because entities can expand without bound or read other files
    """
    start = data[:256].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    if not start:
        raise InputError("the file is empty: no OCR to read", source=source)
    if not start.startswith(b"<"):
        raise InputError("this is not XML, so not hOCR, ALTO or PAGE XML "
                         "(plain OCR text is read by the text reader)", source=source)
    if _ENTITY_DECLARATION.search(data):
        raise _entity_error(source)
    try:  # the package's one safe parser, in the mode that accepts hOCR's DOCTYPE
        root = parse_xml(data, source=source, allow_doctype=True).getroot()
    except ValidationError as exc:
        line, message = exc.problems[0] if exc.problems else (0, str(exc))
        message = message.removeprefix("not well-formed XML: ").split(", line ")[0].strip()
        raise MalformedXMLError(f"malformed XML at line {line}: {message}", source=source) from None
    if root is None:
        raise MalformedXMLError("the file holds no XML element", source=source)
    # The byte scan cannot see declarations in UTF-16 or UTF-32; the parsed
    # internal subset can. Nothing was expanded (resolve_entities=False).
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise _entity_error(source)
    return root


def _entity_error(source: str) -> InputError:
    return InputError("the file declares XML entities (<!ENTITY ...>), which OCR output never "
                      "needs; refused because entities can expand without bound or read other files",
                      source=source)
