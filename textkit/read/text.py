"""The plain-text reader: OCR text as the programs that write it lay it out.

Pages: a form feed starts a new page (Tesseract and pdftotext write one
between pages, with or without a newline after it), and so does a line that
begins with exactly one space (the sample's export). Every other character
of a line is kept as read: the layout stage decides what the line is.
"""

from __future__ import annotations

import hashlib
import logging

from ..model import Document, Options, PageInfo, SourceLine

log = logging.getLogger(__name__)

NAME = "text"


def sniff(head: bytes, name: str) -> bool:
    """Plain text is what is left when no other reader recognises the input."""
    return True


def read(data: bytes, *, source: str, options: Options) -> Document:
    """Decode ``data`` and read its lines."""
    from . import decode

    text, encoding = decode(data, source=source)
    return from_text(text, source=source, encoding=encoding, sha256=hashlib.sha256(data).hexdigest(),
                     options=options)


def from_text(text: str, *, source: str, encoding: str, sha256: str, options: Options) -> Document:
    """A :class:`Document` of decoded ``text``: normalized, split into numbered lines and pages."""
    from ..errors import InputError
    from . import normalize

    pieces = [normalize(piece) for piece in text.split("\f")]
    replaced = sum(n for _, n in pieces)
    if replaced:
        log.info("%s: replaced %d control or non-XML characters", source, replaced)
    lines = source_lines("\f".join(piece for piece, _ in pieces))
    if not any(line.text.strip() for line in lines):
        raise InputError("empty input: no text to convert (only blanks or control characters)",
                         source=source)
    raw = normalize(text)[0]
    pages = tuple(PageInfo(n) for n in range(1, lines[-1].page + 1))
    return Document(source=source, sha256=sha256, raw=raw, encoding=encoding, options=options,
                    input_format=NAME, source_lines=lines, pages=pages)


def source_lines(text: str) -> tuple[SourceLine, ...]:
    """Numbered lines with their pages; a form feed or a one-space indent starts a page.

    A form feed at a line's end or start does not make a line of its own.

    >>> [(l.text, l.page) for l in source_lines("a\\n b\\nc\\fd\\n\\n\\fe\\f\\n f")]
    [('a', 1), ('b', 2), ('c', 2), ('d', 3), ('', 3), ('e', 4), ('f', 5)]
    """
    parts = text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    out: list[SourceLine] = []
    page, fresh = 1, True  # fresh: nothing printed on this page yet
    for part in parts:
        segments = part.split("\f")
        for k, segment in enumerate(segments):
            if k:
                page, fresh = page + 1, True
            if not segment and len(segments) > 1:
                continue  # the form feed's own place, not a line
            if segment.startswith(" ") and not segment.startswith("  ") and len(segment.rstrip()) > 1:
                if not fresh:
                    page += 1
                segment = segment[1:]
            if segment.strip():
                fresh = False
                segment = segment.rstrip()
            out.append(SourceLine(segment, page))
    return tuple(out)
