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
4. cp1252, the legacy encoding OCR tools on Windows write (a superset of the
   printable part of Latin-1);
5. a statistical guess by ``charset-normalizer`` when that package is
   installed (it is optional: textkit does not depend on it).

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
from collections.abc import Sequence
from types import ModuleType

from ..errors import InputError
from ..model import Document, Options, PageInfo, SourceLine

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
_LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")


def decode(data: bytes, *, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``data``; raise :class:`InputError` if it is not text.

    >>> decode("caf\\u00e9".encode("cp1252"), source="a.txt")
    ('café', 'cp1252')
    >>> decode(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9", source="a.txt")
    ('café', 'utf-8-sig')
    >>> decode("# coding: iso-8859-2\\n\\u0141\\u00f3d\\u017a".encode("iso-8859-2"), source="a.txt")[1]
    'iso8859-2'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError as error:
                raise InputError(f"starts with a {encoding} byte-order mark but is not {encoding} "
                                 f"({error.reason} at byte {error.start + len(bom)})",
                                 source=source) from error
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise InputError("binary file (contains NUL bytes), not OCR text", source=source)
        return data.decode(utf16), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(data)
    if declared is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            log.info("%s: declares %s but is not; trying cp1252", source, declared)
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        guessed = _guess(data)
        if guessed is not None:
            return guessed
        raise InputError(f"not UTF-8 or cp1252 text ({error.reason} at byte {error.start}); "
                         "re-encode it as UTF-8", source=source) from error


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
    head = b"\n".join(data.split(b"\n", 2)[:2])
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
    try:
        import charset_normalizer
    except ImportError:
        return None
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
    text, separators = _LINE_SEPARATORS.subn("\n", text)
    text, controls = _CONTROLS.subn(" ", text)
    text, illegal = _NOT_XML.subn("\ufffd", text)
    return text, separators + controls + illegal


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF; a form feed starts a new page (a leading space)."""
    return normalize(text)[0]


READERS: dict[str, str] = {
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
    return importlib.import_module(module)


def choose_reader(data: bytes, *, source: str, options: Options) -> ModuleType:
    """The reader for ``data``: the one ``options`` names, else the first that recognises it."""
    if options.input_format is not None:
        return reader(options.input_format)
    head = data[:SNIFF_BYTES]
    for name in sorted(READERS, key=lambda name: name == FALLBACK):
        module = reader(name)
        if module.sniff(head, source):
            return module
    return reader(FALLBACK)  # pragma: no cover - the text reader takes anything


def make_document(*, source: str, data: bytes | str, lines: Sequence[SourceLine],
                  pages: Sequence[PageInfo] = (), options: Options, input_format: str,
                  encoding: str = "utf-8", raw: str | None = None) -> Document:
    """The document a reader returns: its lines, pages, and the hash of the input.

    ``raw`` defaults to the lines' text, one per line. Raises
    :class:`InputError` when no line holds any text.
    """
    if not any(line.text.strip() for line in lines):
        raise InputError("empty input: no text to convert (only blanks or control characters)",
                         source=source)
    digest = hashlib.sha256(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
    if not pages:
        pages = [PageInfo(n) for n in range(1, max(line.page for line in lines) + 1)]
    return Document(source=source, sha256=digest.hexdigest(),
                    raw=raw if raw is not None else "".join(f"{line.text}\n" for line in lines),
                    encoding=encoding, options=options, input_format=input_format,
                    source_lines=tuple(lines), pages=tuple(pages))


def read_bytes(data: bytes, *, source: str, options: Options | None = None) -> Document:
    """The read stage: a :class:`Document` of ``data`` read by its format's reader."""
    if not data:
        raise InputError("empty file: no text to convert", source=source)
    options = options or Options()
    doc = choose_reader(data, source=source, options=options).read(data, source=source, options=options)
    return doc


def read_text(text: str, *, source: str, encoding: str = "utf-8", sha256: str | None = None,
              options: Options | None = None) -> Document:
    """The read stage for text already decoded; raises :class:`InputError` when it is blank."""
    from .text import from_text

    return from_text(text, source=source, encoding=encoding, options=options or Options(),
                     data=text if sha256 is None else None, sha256=sha256)
