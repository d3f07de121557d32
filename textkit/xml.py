"""The one way textkit parses XML: safe for untrusted files, and big enough for ours.

Every XML textkit reads (the TEI it checks after converting, ``validate``,
the review page, schemas, hOCR) is parsed by :func:`parse_xml` with the
parser :func:`safe_parser` configures:

* no DTD is loaded and no entity is resolved, internal or external, and
  nothing is fetched from the network: no XXE, no entity bomb;
* a DOCTYPE is refused, since textkit's TEI has none and a DOCTYPE is how
  entities get in; ``allow_doctype=True`` accepts one (XHTML-based hOCR
  carries it) without loading or resolving anything it names;
* ``huge_tree``: a text node over 10 MB (one paragraph of a large volume)
  is accepted, so what ``convert`` writes, ``validate`` and review can read.

>>> parse_xml(b"<a>x</a>", source="a.xml").getroot().text
'x'
>>> parse_xml(b'<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>', source="a.xml")
Traceback (most recent call last):
...
textkit.errors.ValidationError: has a DOCTYPE; textkit never loads DTDs or entities
a.xml:1: has a DOCTYPE; textkit never loads DTDs or entities
>>> hocr = (b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
...         b'"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html/>')
>>> parse_xml(hocr, source="p.hocr", allow_doctype=True).getroot().tag
'html'
"""

from __future__ import annotations

import re

from lxml import etree

from .errors import ValidationError

DOCTYPE_REFUSED = "has a DOCTYPE; textkit never loads DTDs or entities"
_DECLARED_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")


def safe_parser(*, allow_doctype: bool = False) -> etree.XMLParser:
    """A new parser that loads no DTD, resolves no entity and never uses the network.

    A new one per call: lxml parsers must not be shared between threads.
    ``allow_doctype`` only changes :func:`parse_xml`'s check; what the parser
    itself does with a DOCTYPE (read it, load nothing) is the same.
    """
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=True,
                           # Entity references stay nodes; keep recovering off: a broken
                           # file is an error, not a guess.
                           recover=False)


def parse_xml(data: bytes | str, *, source: str | None = None,
              allow_doctype: bool = False) -> etree._ElementTree:
    """Parse ``data`` safely; raise :class:`ValidationError` (with the line) if it is not
    well-formed, or has a DOCTYPE and ``allow_doctype`` is false.

    Bytes are parsed as they are, so reported lines are the file's lines. A
    string is parsed as UTF-8, its XML declaration kept (for the lines) with
    the encoding it names replaced by UTF-8.
    """
    if isinstance(data, str):
        data = _DECLARED_ENCODING.sub(r"\1\2UTF-8\2", data, count=1).encode("utf-8")
    elif not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"parse_xml takes bytes or str, not {type(data).__name__}")
    try:
        root = etree.fromstring(bytes(data), safe_parser(allow_doctype=allow_doctype))
    except etree.XMLSyntaxError as error:
        raise ValidationError("not well-formed XML",
                              [(error.lineno or 0, f"not well-formed XML: {error.msg}")],
                              source=source) from error
    tree = root.getroottree()
    if not allow_doctype:
        docinfo = tree.docinfo
        if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
            raise ValidationError(DOCTYPE_REFUSED, [(1, DOCTYPE_REFUSED)], source=source)
    return tree
