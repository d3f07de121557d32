"""Fuzzing the whole conversion (issue #4): any text or bytes give valid TEI or a clear error,
and no letter or digit of the input is silently lost from the reading text.

The reading text is the TEI body read as the scan printed it: ``sic`` taken
(``corr`` left out) and ``supplied`` left out. Every letter and digit of the
input must be in it, except what the document records as removed: the
layout marks (separator lines, stray marks, running heads, page numbers,
lone drop-cap letters, unplaced footnotes) and the footnote numerals (the
glued reference, recorded as a ``footnote-marker`` correction, and the
numeral that starts the note, kept as ``note/@n``).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import textkit
from textkit.model import Rule
from textkit.read import normalize

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_LINES = (ROOT / "fixtures" / "us-japan-in-asia-1994.txt").read_text(
    encoding="utf-8").split("\n")[:400]
TEI = "{http://www.tei-c.org/ns/1.0}"

# Small and fixed for CI; TEXTKIT_FUZZ_EXAMPLES=2000 for a longer hunt.
FUZZ = settings(max_examples=int(os.environ.get("TEXTKIT_FUZZ_EXAMPLES", "60")), deadline=None,
                derandomize="TEXTKIT_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Lines that look like what the layout and structure stages look for, so that
# the fuzzer reaches them and not only the "one paragraph of noise" path.
SHAPES = [
    " INTRODUCTION", "THE UNITED STATES AND JAPAN", "Ann Lee and Bo Chen", "Ann Lee, Bo Chen and Cy Diaz",
    "", "", " ", " " * 60, " .", "1Kent Calder, Japan, 1991, 32.", "2See the appendix.",
    "n September, 1994, the talks", "pecialists do not need", "T", "he end of the war",
    "Politics and Security", "Korea: The Tiger", "the region.”1 A", "fundamen-", "tally changed",
    "U.S.-", "Japan", "eco-", "nomic", "22 THE VOLUME TITLE", "Essay Short Title 25", "17",
    "a < b & c ]]> d <!-- --> &amp;", "\f", "\t indented\ttabs", "x" * 300,
]

line = st.one_of(st.sampled_from(SHAPES), st.sampled_from(SAMPLE_LINES),
                 st.text(max_size=60),
                 st.text(alphabet=st.characters(codec="utf-8"), max_size=20))
ocr_text = st.lists(line, max_size=40).map("\n".join)


def alnum(text: str) -> Counter[str]:
    return Counter(ch for ch in text if ch.isalnum())


def reading(xml: bytes) -> str:
    """The text (the volume's title in ``front`` and the ``body``) as the scan printed
    it: ``sic`` in, ``corr`` and ``supplied`` out."""
    body = etree.fromstring(xml).find(f"{TEI}text")
    out: list[str] = []

    def walk(element: etree._Element) -> None:
        out.append(element.text or "")
        for child in element:
            if child.tag not in (f"{TEI}corr", f"{TEI}supplied"):
                walk(child)
            out.append(child.tail or "")

    walk(body)
    return "".join(out)


def check_conversion(doc: textkit.Document) -> None:
    xml = textkit.to_tei(doc).encode("utf-8")
    textkit.validate(xml)

    removed = alnum("".join(mark.text for mark in doc.layout_marks))
    for fix in doc.corrections():
        if fix.rule is Rule.FOOTNOTE_MARKER:
            removed += alnum(fix.original)
    for note in doc.footnotes():
        removed += alnum(note.n)
    printed = alnum(reading(xml))
    lost = alnum(doc.raw) - printed - removed
    assert not lost, f"letters or digits lost from the reading text: {dict(lost)}"
    invented = printed - alnum(doc.raw)
    assert not invented, f"letters or digits in the reading text the scan did not have: {dict(invented)}"

    clean = textkit.clean_text(doc)
    assert not any(ord(ch) < 0x20 and ch not in "\n\t" for ch in clean)


@FUZZ
@given(ocr_text)
def test_any_text_converts_or_fails_clearly(text: str) -> None:
    try:
        doc = textkit.convert_text(text, source="fuzz.txt")
    except textkit.InputError as error:  # only blank input is refused
        assert not normalize(text)[0].strip(), error
        return
    check_conversion(doc)


@FUZZ
@given(st.one_of(st.binary(max_size=400), ocr_text.map(lambda t: t.encode("utf-8")),
                 ocr_text.map(lambda t: t.encode("cp1252", "replace")),
                 ocr_text.map(lambda t: t.encode("utf-16"))))
def test_any_bytes_convert_or_fail_clearly(data: bytes) -> None:
    try:
        doc = textkit.convert_bytes(data, source="fuzz.txt")
    except textkit.InputError as error:
        assert str(error).startswith("fuzz.txt: ")
        return
    check_conversion(doc)


def test_sample_loses_nothing(sample_doc: textkit.Document) -> None:
    check_conversion(sample_doc)


def test_regression_repeated_title_across_a_page_start() -> None:
    check_conversion(textkit.convert_text(" INTRODUCTION\n\f\n INTRODUCTION", source="fuzz.txt"))
