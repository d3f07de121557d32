"""Read stage: turn input bytes into a :class:`~textkit.model.Document`, or refuse them.

Each input format has a reader (:data:`READERS`), chosen by content (the
file name's extension only breaks ties) unless ``Options.input_format``
names one. Every reader produces the same thing: a document holding the
input's :class:`~textkit.model.SourceLine` s, with their page and, where the
format knows them, box, size, confidence and region type. Plain text
(:mod:`.text`) is read last, when no other reader recognises the input.

Adding a reader is one new module with ``NAME``, ``sniff(head, name)`` and
``read(data, *, source, options)``, and one line in :data:`READERS`.

Decoding text input:

Decoding tries, in order:

1. a byte-order mark (UTF-8, UTF-16 or UTF-32), which settles the question;
2. UTF-8 (the common case; ASCII is UTF-8);
3. an encoding the file declares in its first two lines (``coding: latin-1``,
   ``charset=iso-8859-2``), as Emacs, Vim and HTML write it;
4. UTF-8 with its few wrong bytes replaced by U+FFFD, when most of the
   file's non-ASCII bytes are valid UTF-8: one stray byte does not make a
   UTF-8 file cp1252 (which would garble every accented letter);
5. cp1252, the legacy encoding OCR tools on Windows write (a superset of the
   printable part of Latin-1), strictly, then with its few wrong bytes
   (of the five it leaves undefined) replaced;
6. a statistical guess by ``charset-normalizer``;
7. whichever of UTF-8 and cp1252 has fewer wrong bytes, when they are few
   (the file is refused otherwise).

Every byte replaced is counted and a warning names its offset in the file.

A file with NUL bytes is binary and refused, unless the NULs fall where
BOM-less UTF-16 puts them. The encoding used is kept in
:attr:`Document.encoding <textkit.model.Document.encoding>`.

Text is then normalized so that every later stage, and the XML, can take it:
CRLF and CR become LF, a form feed starts a new page (a line with one
leading space, the OCR's own page-start convention), Unicode line separators
(NEL, U+2028, U+2029) become LF, and every other control character (C0 and
C1, DEL) becomes a space — a space and not nothing, so that words a control
separated stay apart and line columns keep their place. Characters XML 1.0
cannot hold (U+FFFE, U+FFFF, lone surrogates) become U+FFFD. Tabs stay.
How many characters were replaced is logged (``INFO``) and returned by
:func:`normalize`.
"""

from __future__ import annotations

import codecs
import hashlib
import importlib
import logging
import re
import sys
import threading
from collections.abc import Sequence
from dataclasses import replace
from types import ModuleType

from ..errors import InputError
from ..model import Document, Options, PageInfo, SourceLine, SourceLines

log = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARATION = re.compile(rb"(?:en)?coding[:=]\s*[\"']?([-\w.]+)|charset\s*=\s*[\"']?([-\w.]+)",
                          re.IGNORECASE)

# C0 controls but tab and LF, DEL, and C1 controls but NEL; XML-illegal code points.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x84\x86-\x9f]")
# Control bytes text never has (not tab, LF, VT, FF, CR, nor ESC); bytes above ASCII.
_BINARY_CONTROLS = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")
_CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0e, 0x1b), *range(0x1c, 0x20)])
_HIGH_BYTES = bytes(range(0x80, 0x100))
_LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def decode(data: bytes, *, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``data``; raise :class:`InputError` if it is not text.

    Bytes that are wrong in the encoding chosen become U+FFFD, and a warning
    names how many and their byte offsets (:func:`decode_report` returns them).

    >>> decode("caf\\u00e9".encode("cp1252"), source="a.txt")
    ('café', 'cp1252')
    >>> decode(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9", source="a.txt")
    ('café', 'utf-8-sig')
    >>> decode("# coding: iso-8859-2\\n\\u0141\\u00f3d\\u017a".encode("iso-8859-2"), source="a.txt")[1]
    'iso8859-2'
    >>> decode_report("caf\\u00e9 \\u201cquoted\\u201d".encode() + b" \\xff", source="a.txt")[1:]
    ('utf-8', [19])
    """
    text, encoding, _ = decode_report(data, source=source)
    return text, encoding


def decode_report(data: bytes, *, source: str, warn: bool = True) -> tuple[str, str, list[int]]:
    """:func:`decode`, and the offsets of the bytes that were replaced by U+FFFD
    (``warn=False``: without logging the warning about them, already logged once).

    The order: a byte-order mark; NUL bytes (binary, unless BOM-less
    UTF-16); strict UTF-8; a declared encoding; UTF-8 with its few wrong
    bytes replaced, when most of the file's non-ASCII bytes are valid UTF-8
    (one stray byte must not turn a UTF-8 file into cp1252 mojibake); cp1252,
    then cp1252 with its few wrong bytes replaced (at most one in twenty of
    the non-ASCII bytes); ``charset-normalizer``'s guess; and last, whichever
    of UTF-8 and cp1252 has fewer wrong bytes, if they are few.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8-sig":
                text, wrong = _decode_replacing(data, "utf-8", start=len(bom))
                _warn_replaced(warn and source, "UTF-8", wrong)
                return text, encoding, wrong
            try:
                return data[len(bom):].decode(encoding), encoding, []
            except UnicodeDecodeError as error:
                raise InputError(f"starts with a {encoding} byte-order mark but is not {encoding} "
                                 f"({error.reason} at byte {error.start + len(bom)})",
                                 source=source) from error
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise InputError("binary file (contains NUL bytes), not OCR text", source=source)
        return data.decode(utf16), utf16, []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(data)
    if declared is not None:
        try:
            return data.decode(declared), declared, []
        except UnicodeDecodeError:
            log.info("%s: declares %s but is not; trying others", source, declared)
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > max(16, len(data) // 100):
        # Not UTF-8 and full of control bytes text never has: an executable, an
        # image, a compressed file; any 8-bit encoding would "decode" it.
        raise InputError(f"binary file ({controls} control bytes, the first at byte "
                         f"{_BINARY_CONTROLS.search(data).start()}), not OCR text",  # type: ignore[union-attr]
                         source=source)
    utf8, utf8_wrong = _decode_replacing(data, "utf-8")
    high = len(data) - len(data.translate(None, _HIGH_BYTES))  # every wrong UTF-8 byte is one
    if high - len(utf8_wrong) > len(utf8_wrong):
        _warn_replaced(warn and source, "UTF-8", utf8_wrong)
        return utf8, "utf-8", utf8_wrong
    try:
        return data.decode("cp1252"), "cp1252", []
    except UnicodeDecodeError:
        pass
    cp1252, cp1252_wrong = _decode_replacing(data, "cp1252")
    if len(cp1252_wrong) <= max(1, high // 20):
        # cp1252 but for a few of the five bytes it leaves undefined: a statistical
        # guess would trade those few for every accented letter of the file.
        _warn_replaced(warn and source, "cp1252", cp1252_wrong)
        return cp1252, "cp1252", cp1252_wrong
    guessed = _guess(data)
    if guessed is not None:
        return guessed[0], guessed[1], []
    text, encoding, wrong = min((utf8, "utf-8", utf8_wrong), (cp1252, "cp1252", cp1252_wrong),
                                key=lambda candidate: len(candidate[2]))
    if len(wrong) > max(8, len(data) // 100):
        raise InputError(f"not text in UTF-8, cp1252 or any encoding charset-normalizer knows "
                         f"({len(utf8_wrong)} of {len(data)} bytes are not UTF-8, the first at "
                         f"byte {utf8_wrong[0]}); re-encode it as UTF-8", source=source)
    _warn_replaced(warn and source, encoding, wrong)
    return text, encoding, wrong


_WRONG_BYTES = threading.local()


def _collect_wrong_bytes(error: UnicodeError) -> tuple[str, int]:
    # One U+FFFD per wrong byte, each offset kept: what a reader of the
    # warning needs to find them with a hex editor.
    assert isinstance(error, UnicodeDecodeError)
    _WRONG_BYTES.offsets.extend(range(error.start, error.end))
    return "\ufffd" * (error.end - error.start), error.end


codecs.register_error("textkit-collect", _collect_wrong_bytes)


def _decode_replacing(data: bytes, encoding: str, *, start: int = 0) -> tuple[str, list[int]]:
    """``data[start:]`` decoded, each wrong byte replaced by U+FFFD; and their offsets in ``data``."""
    _WRONG_BYTES.offsets = []
    try:
        text = data[start:].decode(encoding, errors="textkit-collect")
        return text, [start + offset for offset in _WRONG_BYTES.offsets]
    finally:
        _WRONG_BYTES.offsets = []


def _warn_replaced(source: str | bool, encoding: str, offsets: list[int]) -> None:
    if not offsets or not source:
        return
    shown = ", ".join(str(offset) for offset in offsets[:10])
    more = f" and {len(offsets) - 10} more" if len(offsets) > 10 else ""
    log.warning("%s: %d %s not valid %s, replaced by U+FFFD (at byte %s%s)", source,
                len(offsets), "byte is" if len(offsets) == 1 else "bytes are", encoding,
                shown, more)


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` if every NUL sits where BOM-less UTF-16 of Latin text puts it."""
    if len(data) % 2 or len(data) < 4:
        return None
    even, odd = data[0::2], data[1::2]
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        # Latin script: most high bytes are zero; real text has no NUL character.
        if other.count(0) == 0 and zeros.count(0) >= 0.9 * len(zeros):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return encoding
    return None


def _declared_encoding(data: bytes) -> str | None:
    # The first two lines, as editors read them, and no more than 1 KB of them.
    head = b"\n".join(data[:1024].split(b"\n", 2)[:2])
    match = _DECLARATION.search(head)
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii")
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    # A declaration of UTF-8 we already tried; UTF-16/32 declarations in ASCII are nonsense.
    return None if info.name.startswith(("utf-8", "utf-16", "utf-32")) else info.name


def _guess(data: bytes) -> tuple[str, str] | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding


def normalize(text: str) -> tuple[str, int]:
    """Normalize line ends and replace control characters; return the text and how many were replaced.

    >>> normalize("a\\r\\nb\\fc\\x07d\\te")
    ('a\\nb\\n c d\\te', 1)
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n ")
    separators = illegal = 0
    # Each regex scans the text a character at a time; what C finds faster goes first:
    # the separators and U+FFFE/U+FFFF by substring search, a lone surrogate by the
    # UTF-8 encoder (which refuses one), and none of those in ASCII.
    if not text.isascii():
        if "\x85" in text or "\u2028" in text or "\u2029" in text:
            text, separators = _LINE_SEPARATORS.subn("\n", text)
        if "\ufffe" in text or "\uffff" in text or not _encodes(text):
            text, illegal = _NOT_XML.subn("\ufffd", text)
    text, controls = _CONTROLS.subn(" ", text)
    return text, separators + controls + illegal


def _encodes(text: str) -> bool:
    """``text`` has no lone surrogate (UTF-8 cannot encode one)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF; a form feed starts a new page (a leading space)."""
    return normalize(text)[0]


READERS: dict[str, str] = {
    "hocr": "textkit.read.hocr",
    "alto": "textkit.read.alto",
    "page": "textkit.read.page",
    "text": "textkit.read.text",
}
"""Reader name → module. Each is asked in turn whether it recognises the
input; ``text``, which takes anything, is asked last."""

FALLBACK = "text"

SNIFF_BYTES = 4096
"""How much of the input a reader's ``sniff`` sees."""


TEXT_CONVENTIONS = ("tesseract", "abbyy", "pdftotext")
"""Names of plain-text conventions (:mod:`.text`) that may be forced as an input format."""


def reader(name: str) -> ModuleType:
    """The reader module called ``name``; raise :class:`InputError` for an unknown one."""
    module = READERS.get(FALLBACK if name in TEXT_CONVENTIONS else name)
    if module is None:
        raise InputError(f"no reader for input format {name!r}; known: {', '.join([*READERS, *TEXT_CONVENTIONS])}")
    return sys.modules.get(module) or importlib.import_module(module)  # once imported, no locks


def choose_reader(data: bytes, *, source: str, options: Options) -> ModuleType:
    """The reader for ``data``: the one ``options`` names, else the first that recognises it."""
    if options.input_format is not None:
        return reader(options.input_format)
    head = data[:SNIFF_BYTES]
    for name in READERS:
        if name == FALLBACK:
            continue
        module = reader(name)
        if module.sniff(head, source):
            return module
    root = markup_root(head)
    if root is not None:
        # XML or HTML that no reader recognises: TEI, a web page, another
        # schema. Read as text it would become paragraphs of tags.
        raise InputError(f"XML of another kind (root <{root}>), not OCR that textkit reads "
                         f"(hOCR, ALTO, PAGE XML or plain text); force a reader with input_format "
                         f"to read it anyway", source=source)
    return reader(FALLBACK)


_MARKUP = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,400}\?>\s*)?(?:<!--.{0,2000}?-->\s*)*"
                     rb"(?:<!DOCTYPE\s+([A-Za-z][\w:.-]*)|<([A-Za-z][\w:.-]*)[\s>/])", re.DOTALL)


def markup_root(head: bytes) -> str | None:
    """The root element's name when ``head`` begins as XML or HTML does, else None.

    >>> markup_root(b"<?xml version='1.0'?><TEI xmlns='x'/>"), markup_root(b"<html><body>")
    ('TEI', 'html')
    >>> markup_root(b"THE REVIEW <2> and <b>") is None
    True
    """
    match = _MARKUP.match(head)
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


def make_document(*, source: str, data: bytes | str, lines: Sequence[SourceLine],
                  pages: Sequence[PageInfo] = (), options: Options, input_format: str,
                  encoding: str = "utf-8", raw: str | None = None) -> Document:
    """The document a reader returns: its lines (kept as :class:`~textkit.model.SourceLines`),
    pages, and the hash of the input.

    ``raw`` defaults to the lines' text, one per line. Raises
    :class:`InputError` when no line holds any text.
    """
    lines = SourceLines(lines)
    if not any(text.strip() for text in lines.texts):
        raise InputError("empty input: no text to convert (only blanks or control characters)",
                         source=source)
    digest = hashlib.sha256(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    if not pages:
        pages = [PageInfo(n) for n in range(1, max(lines.pages) + 1)]
    return Document(source=source, sha256=digest.hexdigest(),
                    raw=raw if raw is not None else "".join(f"{text}\n" for text in lines.texts),
                    encoding=encoding, options=options, input_format=input_format,
                    source_lines=lines, pages=tuple(pages))


def read_bytes(data: bytes, *, source: str, options: Options | None = None) -> Document:
    """The read stage: a :class:`Document` of ``data`` read by its format's reader."""
    if not data:
        raise InputError("empty file: no text to convert", source=source)
    options = options or Options()
    module = choose_reader(data, source=source, options=options)
    held = [data]
    del data  # handed over: a reader may drop the bytes once decoded (a large volume's are not kept)
    return module.read(held.pop(), source=source, options=options)


def read_text(text: str, *, source: str, encoding: str = "utf-8", sha256: str | None = None,
              options: Options | None = None) -> Document:
    """The read stage for text already decoded; raises :class:`InputError` when it is blank."""
    from .text import from_text

    return from_text(text, source=source, encoding=encoding, options=options or Options(),
                     data=text if sha256 is None else None, sha256=sha256)


def read_volume(parts: Sequence[tuple[str, bytes]], *, source: str,
                options: Options | None = None) -> Document:
    """One document of several input files, the pages of one volume in order.

    ``parts`` are ``(name, bytes)`` pairs (each read by its own reader); the
    pages are renumbered across the files (a file's page 1 follows the last
    page of the file before), so a directory of one hOCR per page scanned
    makes one volume. Raises :class:`InputError` naming the file that fails.
    """
    if not parts:
        raise InputError("no input files for the volume", source=source)
    options = options or Options()
    lines: list[SourceLine] = []
    pages: list[PageInfo] = []
    raws: list[str] = []
    formats: list[str] = []
    digest = hashlib.sha256()
    for name, data in parts:
        doc = read_bytes(data, source=name, options=options)
        offset = len(pages)
        numbers = {p.number: offset + k for k, p in enumerate(doc.pages, 1)}
        pages.extend(replace(p, number=numbers[p.number]) for p in doc.pages)
        for line in doc.source_lines:
            if line.page not in numbers:  # a page the reader did not list
                numbers[line.page] = len(pages) + 1
                pages.append(PageInfo(numbers[line.page]))
            lines.append(replace(line, page=numbers[line.page]))
        raws.append(doc.raw)
        formats.append(doc.input_format)
        digest.update(hashlib.sha256(data).digest())
    fmt = formats[0] if len(set(formats)) == 1 else "mixed"
    doc = make_document(source=source, data=b"", lines=lines, pages=pages, options=options,
                        input_format=fmt, raw="".join(raws))
    return replace(doc, sha256=digest.hexdigest())
