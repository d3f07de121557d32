"""The read stage: decoding and normalizing bad input, or refusing it clearly (issue #4)."""

from __future__ import annotations

import codecs

import pytest

from textkit.errors import InputError
from textkit.read import decode, normalize, read_bytes, read_text

WORDS = "Café naïve “quoted” — déjà vu"

DECODE_CASES = [
    # (id, bytes, expected text, expected encoding)
    ("ascii", b"plain text\n", "plain text\n", "utf-8"),
    ("utf8", WORDS.encode("utf-8"), WORDS, "utf-8"),
    ("utf8-bom", codecs.BOM_UTF8 + WORDS.encode("utf-8"), WORDS, "utf-8-sig"),
    ("utf16-le-bom", codecs.BOM_UTF16_LE + WORDS.encode("utf-16-le"), WORDS, "utf-16-le"),
    ("utf16-be-bom", codecs.BOM_UTF16_BE + WORDS.encode("utf-16-be"), WORDS, "utf-16-be"),
    ("utf32-le-bom", codecs.BOM_UTF32_LE + WORDS.encode("utf-32-le"), WORDS, "utf-32-le"),
    ("utf16-le-no-bom", "Plain OCR text of a page.\n".encode("utf-16-le"),
     "Plain OCR text of a page.\n", "utf-16-le"),
    ("cp1252", WORDS.encode("cp1252"), WORDS, "cp1252"),
    ("declared-latin2", "# -*- coding: iso-8859-2 -*-\nŁódź".encode("iso-8859-2"),
     "# -*- coding: iso-8859-2 -*-\nŁódź", "iso8859-2"),
    ("declared-charset", "<meta charset=koi8-r>\nПривет".encode("koi8-r"),
     "<meta charset=koi8-r>\nПривет", "koi8-r"),
]


@pytest.mark.parametrize(("data", "text", "encoding"), [c[1:] for c in DECODE_CASES],
                         ids=[c[0] for c in DECODE_CASES])
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data, source="a.txt") == (text, encoding)


def test_utf8_wins_over_a_false_declaration() -> None:
    data = "coding: latin-1\nCafé".encode("utf-8")
    assert decode(data, source="a.txt") == ("coding: latin-1\nCafé", "utf-8")


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"   \n\n\t \n", "empty"),
    (b"\x01\x02\x03\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"text\x00with a NUL", "binary"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "byte-order mark"),
], ids=["empty", "blank", "only-controls", "png", "nul", "broken-utf16"])
def test_refused_with_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        read_bytes(data, source="bad.txt")
    assert str(caught.value).startswith("bad.txt: ")


NORMALIZE_CASES = [
    ("crlf", "a\r\nb\r\n", "a\nb\n", 0),
    ("cr", "a\rb", "a\nb", 0),
    ("form-feed-starts-a-page", "end of page\fNext page", "end of page\n Next page", 0),
    ("tab-kept", "a\tb", "a\tb", 0),
    ("c0-to-space", "bell\x07here", "bell here", 1),
    ("escape-sequence", "\x1b[1mbold", " [1mbold", 1),
    ("del", "a\x7fb", "a b", 1),
    ("c1", "a\x80b\x9fc", "a b c", 2),
    ("vertical-tab", "a\x0bb", "a b", 1),
    ("line-separators", "a\x85b\u2028c\u2029d", "a\nb\nc\nd", 3),
    ("non-xml", "a\ufffeb\uffffc", "a\ufffdb\ufffdc", 2),
    ("lone-surrogate", "a\ud800b", "a\ufffdb", 1),
    ("markup-kept", "a < b && ]]> c", "a < b && ]]> c", 0),
]


@pytest.mark.parametrize(("raw", "text", "count"), [c[1:] for c in NORMALIZE_CASES],
                         ids=[c[0] for c in NORMALIZE_CASES])
def test_normalize(raw: str, text: str, count: int) -> None:
    assert normalize(raw) == (text, count)


def test_read_text_never_keeps_control_characters() -> None:
    doc = read_text("".join(chr(c) for c in range(0x100)) + "word", source="c.txt")
    assert not any(ord(ch) < 0x20 and ch not in "\n\t" for ch in doc.raw)
    assert not any(0x7F <= ord(ch) <= 0x9F for ch in doc.raw)
    assert doc.raw.endswith("word")


def test_read_bytes_records_encoding_and_hash_of_the_bytes() -> None:
    import hashlib

    data = WORDS.encode("cp1252")
    doc = read_bytes(data, source="v.txt")
    assert doc.encoding == "cp1252"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.raw == WORDS


def test_long_line_and_large_input_are_read() -> None:
    line = "word " * 20_000  # 100,000 characters
    doc = read_bytes((line + "\n").encode() * 3, source="long.txt")
    assert len(doc.raw.split("\n")[0]) == 100_000


def test_normalize_replaces_what_the_three_regexes_replace() -> None:
    """The fast paths (ASCII, substring search, the UTF-8 encoder's refusal of a lone
    surrogate) find what the character classes find: random text of the characters that
    matter, the regexes applied one after another as the reference."""
    import random

    from textkit.read import _CONTROLS, _LINE_SEPARATORS, _NOT_XML, normalize

    def reference(text: str) -> tuple[str, int]:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n ")
        text, separators = _LINE_SEPARATORS.subn("\n", text)
        text, controls = _CONTROLS.subn(" ", text)
        text, illegal = _NOT_XML.subn("\ufffd", text)
        return text, separators + controls + illegal

    rng = random.Random(13)
    alphabet = ["a", " ", "\n", "\r", "\f", "\t", "é", "’", "\x00", "\x07", "\x85", "\x9f",
                "\u2028", "\u2029", "\ud800", "\udfff", "\ufffe", "\uffff"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert normalize(text) == reference(text), repr(text)
