"""The plain-text reader: OCR text as the programs that write it lay it out.

Pages: a form feed starts a new page (Tesseract and pdftotext write one
between pages, with or without a newline after it), and so does a line that
begins with exactly one space (the sample's export). Every other character
of a line is kept as read: the layout stage decides what the line is.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from ..model import Document, Options, SourceLine

log = logging.getLogger(__name__)

NAME = "text"


def sniff(head: bytes, name: str) -> bool:
    """Plain text is what is left when no other reader recognises the input."""
    return True


def read(data: bytes, *, source: str, options: Options) -> Document:
    """Decode ``data`` and read its lines."""
    from . import decode_report

    text, encoding, wrong = decode_report(data, source=source)
    doc = from_text(text, source=source, encoding=encoding, options=options, data=data)
    return replace(doc, replaced_bytes=len(wrong)) if wrong else doc


def from_text(text: str, *, source: str, encoding: str, options: Options,
              data: bytes | str | None = None, sha256: str | None = None) -> Document:
    """A :class:`Document` of decoded ``text``: normalized, split into numbered lines and pages.

    The hash is of ``data`` (the input as given), unless ``sha256`` is known.
    """
    from . import make_document, normalize

    pieces = [normalize(piece) for piece in text.split("\f")]
    replaced = sum(n for _, n in pieces)
    if replaced:
        log.info("%s: replaced %d control or non-XML characters", source, replaced)
    lines = source_lines("\f".join(piece for piece, _ in pieces))
    doc = make_document(source=source, data=data if data is not None else b"", lines=lines,
                        options=options, input_format=NAME, encoding=encoding, raw=normalize(text)[0])
    doc = replace(doc, replaced_characters=replaced)
    return replace(doc, sha256=sha256) if sha256 is not None else doc


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
