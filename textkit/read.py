"""Read stage: turn input bytes into text, or refuse them with a clear reason.

UTF-8 (with or without a byte-order mark) is tried first, then cp1252, the
legacy encoding OCR tools on Windows write. Line ends are normalized to
``\\n``; form feeds become page starts.
"""

from __future__ import annotations

import hashlib

from .errors import InputError
from .model import Document


def decode(data: bytes, *, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``data``; raise :class:`InputError` if it is not text.

    >>> decode("caf\\u00e9".encode("cp1252"), source="a.txt")
    ('café', 'cp1252')
    """
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not OCR text", source=source)
    if data.startswith(b"\xef\xbb\xbf"):
        data, bom = data[3:], True
    else:
        bom = False
    try:
        return data.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 or cp1252 text ({error.reason} at byte {error.start})",
                         source=source) from error


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF; a form feed starts a new page (a leading space)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\f", "\n ")


def read_bytes(data: bytes, *, source: str) -> Document:
    """The read stage: a :class:`Document` holding the decoded input."""
    text, encoding = decode(data, source=source)
    return read_text(text, source=source, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def read_text(text: str, *, source: str, encoding: str = "utf-8", sha256: str | None = None) -> Document:
    if sha256 is None:
        sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if not text.strip():
        raise InputError("empty input: no text to convert", source=source)
    return Document(source=source, sha256=sha256, raw=normalize_newlines(text), encoding=encoding)
