"""The plain-text reader: OCR text as the programs that write it lay it out.

Each program has its conventions (``shared/design/ocr-engines.md``), and the
reader recognises them from the text itself (:func:`detect`), unless
``Options.input_format`` names one (``text``, ``tesseract``, ``abbyy``,
``pdftotext``). The name found is kept in ``Document.input_format``.

* ``text`` (the series' own export): a line that begins with exactly one
  space starts a new page.
* ``tesseract``: a form feed between pages, no newline after it, none after
  the last page (unless that page is blank: then the lines tell it from
  pdftotext's); a blank line between blocks.
* ``pdftotext`` (poppler): a form feed after every page, the last one too.
  With ``-layout`` the lines keep their indentation (so a leading space is
  no page start) and two columns may stand side by side: the reader then
  warns, and reads each such page's left column before its right one.
* ``abbyy`` (FineReader's text export): a soft hyphen (U+00AD) or ``¬`` at
  a kept line end, or one paragraph per line ("remove line breaks"): then
  every line is a block of its own (``SourceLine.block``).

A form feed starts a new page in every spelling (alone, before or after a
newline, or several in a row for empty pages). Every other character of a
line is kept as read: the layout stage decides what the line is.
"""

from __future__ import annotations

import hashlib
import logging
import re
from array import array
from collections.abc import Sequence
from itertools import islice

from ..model import Document, Options, SourceLine, SourceLines
from ..model import changed as replace  # dataclasses.replace, at a third of its cost

log = logging.getLogger(__name__)

NAME = "text"

CONVENTIONS = ("text", "tesseract", "abbyy", "pdftotext")
"""The plain-text conventions this reader knows (names for ``Options.input_format``)."""

PARAGRAPH_LINE_CHARS = 200
"""No typeset line is this long: when lines longer than this hold most of
the text, each line is a whole paragraph (an unwrapped export)."""

SIDE_BY_SIDE_SHARE = 0.4
"""Share of a page's lines with a wide gap at the same place that makes it a
``pdftotext -layout`` page of two columns side by side."""

_SOFT_END = re.compile("[\u00ad¬][ \t]*$", re.MULTILINE)
_KEPT_BREAK = re.compile(r"[a-z]-\n[a-z]")
_LAID_OUT = re.compile(r"^ |\S {2,}\S", re.MULTILINE)
_GUTTER = re.compile(r"\S( {3,})\S")


def sniff(head: bytes, name: str) -> bool:
    """Plain text is what is left when no other reader recognises the input."""
    return True


def read(data: bytes, *, source: str, options: Options) -> Document:
    """Decode ``data`` and read its lines."""
    from . import decode_report

    sha256 = hashlib.sha256(data).hexdigest()
    text, encoding, wrong = decode_report(data, source=source)
    del data  # handed over (read.read_bytes): the bytes go before the lines are made (#13)
    doc = from_text(text, source=source, encoding=encoding, options=options, sha256=sha256)
    return replace(doc, replaced_bytes=len(wrong)) if wrong else doc


def detect(text: str) -> str:
    """The program whose conventions ``text`` follows (one of :data:`CONVENTIONS`).

    >>> detect(" INTRODUCTION\\n\\nAnn Lee\\n"), detect("Title\\n\\fINTRODUCTION\\nText.\\n")
    ('text', 'tesseract')
    >>> detect("Page one.\\n\\fPage two.\\n\\f"), detect("an is\\u00ad\\nsue of note\\n")
    ('pdftotext', 'abbyy')
    """
    # (A soft hyphen or a not sign first found by substring search: the regex tries every place.)
    if (("\u00ad" in text or "¬" in text) and _SOFT_END.search(text)) or _unwrapped(text):
        return "abbyy"
    if "\f" in text:
        ends_in_feed = text.rstrip(" \t\n").endswith("\f")
        return "pdftotext" if ends_in_feed and not _tesseract_lines(text) else "tesseract"
    return "text"


def _tesseract_lines(text: str) -> bool:
    """Lines as Tesseract writes them, and as neither mode of pdftotext does.

    Tesseract writes its page separator *before* each page after the first, so
    a blank last page leaves the text ending in a form feed, as pdftotext's
    "after every page" does. The lines tell them apart: Tesseract keeps a
    word's line-end hyphen and writes no leading space nor a run of spaces;
    pdftotext's default mode joins a hyphenated word's two lines (poppler), and
    ``-layout`` indents lines and spaces columns and page numbers apart.

    >>> _tesseract_lines("the fun-\\ndamental issue\\nand its sec-\\nond part\\n\\f")
    True
    >>> _tesseract_lines("    the fun-\\ndamental issue\\nand its sec-\\nond part\\n\\f")
    False
    """
    return len(list(islice(_KEPT_BREAK.finditer(text), 2))) == 2 and not _LAID_OUT.search(text)


def _unwrapped(text: str) -> bool:
    """Most of the text stands in lines longer than any typeset line: one paragraph per line."""
    if max(map(len, text.split("\n")), default=0) <= PARAGRAPH_LINE_CHARS:
        return False  # no line that long (a form feed only cuts one shorter): most texts, at a split
    lengths = [len(line) for line in re.split("[\n\f]", text) if line.strip()]
    long = [n for n in lengths if n > PARAGRAPH_LINE_CHARS]
    return len(long) >= 2 and sum(long) >= 0.5 * sum(lengths)


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
    joined = "\f".join(piece for piece, _ in pieces)
    convention = options.input_format if options.input_format in CONVENTIONS else detect(joined)
    # normalize(text)[0], the same string: made from the pieces, not normalized again (a
    # large volume's peak was that second copy; without a form feed, no copy at all).
    raw = joined.replace("\f", "\n ")
    lines = source_lines(joined, space_pages=convention == "text")
    if convention == "pdftotext":
        lines, reordered = side_by_side(lines)
        if reordered:
            log.warning("%s: %d page(s) hold two columns side by side (pdftotext -layout?); each is "
                        "read left column first, and their line numbers count the lines so read. "
                        "Convert without -layout for a faithful reading.", source, reordered)
            raw = "".join(f"{line.text}\n" for line in lines)
    if convention == "abbyy" and _unwrapped(joined):
        # One paragraph per line: each line is a block of its own.
        lines = SourceLines(lines)
        lines = SourceLines.plain(lines.texts, lines.pages, range(1, len(lines) + 1))
    doc = make_document(source=source, data=data if data is not None else b"", lines=lines,
                        options=options, input_format=convention, encoding=encoding, raw=raw)
    doc = replace(doc, replaced_characters=replaced)
    return replace(doc, sha256=sha256) if sha256 is not None else doc


def source_lines(text: str, *, space_pages: bool = True) -> SourceLines:
    """Numbered lines with their pages; a form feed (or, with ``space_pages``,
    a one-space indent) starts a page.

    A form feed at a line's end or start does not make a line of its own.
    The lines are kept as columns (:class:`~textkit.model.SourceLines`): a
    volume's million lines make no record each (#13).

    >>> [(l.text, l.page) for l in source_lines("a\\n b\\nc\\fd\\n\\n\\fe\\f\\n f")]
    [('a', 1), ('b', 2), ('c', 2), ('d', 3), ('', 3), ('e', 4), ('f', 5)]
    >>> [(l.text, l.page) for l in source_lines("a\\n b\\fc", space_pages=False)]
    [('a', 1), (' b', 1), ('c', 2)]
    """
    parts = text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    texts: list[str] = []
    pages = array("i")
    add_text, add_page = texts.append, pages.append
    page, fresh = 1, True  # fresh: nothing printed on this page yet
    for part in parts:
        segments = part.split("\f") if "\f" in part else (part,)
        for k, segment in enumerate(segments):
            if k:
                page, fresh = page + 1, True
            if not segment and len(segments) > 1:
                continue  # the form feed's own place, not a line
            if (space_pages and segment.startswith(" ") and not segment.startswith("  ")
                    and len(segment.rstrip()) > 1):
                if not fresh:
                    page += 1
                segment = segment[1:]
            if segment.strip():
                fresh = False
                segment = segment.rstrip()
            add_text(segment)
            add_page(page)
    del parts
    return SourceLines.plain(texts, pages)


def side_by_side(lines: Sequence[SourceLine]) -> tuple[tuple[SourceLine, ...], int]:
    """Read each page whose lines hold two columns side by side left column first.

    Returns the lines and how many pages were so read. A page counts when
    many of its lines have a gap of three or more spaces at about the same
    place (the gutter); each of its lines is cut there.

    >>> page = [SourceLine(f"left {k} words here     right {k} words", 1) for k in range(4)]
    >>> [l.text for l in side_by_side(tuple(page))[0]][:2], side_by_side(tuple(page))[1]
    (['left 0 words here', 'left 1 words here'], 1)
    """
    out: list[SourceLine] = []
    reordered = 0
    pages: dict[int, list[SourceLine]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    for page_lines in pages.values():
        cut = _gutter(page_lines)
        if cut is None:
            out.extend(page_lines)
            continue
        reordered += 1
        left, right = [], []
        for line in page_lines:
            text = line.text
            if len(text) > cut and not text[cut - 2:cut].strip() and text[:cut].strip():
                left.append(replace(line, text=text[:cut].rstrip()))
                right.append(replace(line, text=text[cut:].strip()))
            elif text[:cut].strip() or not text.strip():
                left.append(replace(line, text=text.rstrip()))
            else:
                right.append(replace(line, text=text.strip()))
        out.extend(left)
        out.append(SourceLine("", page_lines[0].page))
        out.extend(right)
    return tuple(out), reordered


def _gutter(lines: list[SourceLine]) -> int | None:
    """The column where a page's right column starts, if it has two side by side."""
    texts = [line.text for line in lines if line.text.strip()]
    if len(texts) < 4:
        return None
    starts: dict[int, int] = {}
    for text in texts:
        for match in _GUTTER.finditer(text):
            start = match.end(1)
            starts[start] = starts.get(start, 0) + 1
    if not starts:
        return None
    # Columns are left-aligned: the right one starts at the same place on most lines.
    best = max(starts, key=lambda s: sum(n for t, n in starts.items() if abs(t - s) <= 1))
    share = sum(n for t, n in starts.items() if abs(t - best) <= 1) / len(texts)
    return best if share >= SIDE_BY_SIDE_SHARE else None
