"""A released run hands the layout and structure stages what they may drop once read
(``Document.evidence[CONSUME]``, issue #13): the layout's raw lines hold the text once
the reader's records are read, the structure's rows once the layout's lines are read.

Dropping them early must change nothing written, on every kind of input we have, and
must lower what the stage holds at once.
"""

from __future__ import annotations

import sys
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest

import textkit
from textkit import pipeline
from textkit.layout import analyze_layout
from textkit.model import CONSUME, Document, Options
from textkit.read import read_bytes, read_text
from textkit.structure import build_structure

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "us-japan-in-asia-1994.txt"
OCR = ROOT / "fixtures" / "ocr"
INPUTS = [SAMPLE, *sorted((ROOT / "tests" / "data" / "volumes").glob("*.txt")),
          *sorted((OCR / "tesseract").glob("*/*.txt")), *sorted((OCR / "tesseract").glob("*/*.hocr"))[:2],
          *sorted((OCR / "tesseract").glob("*/*.alto.xml"))[:2],
          *sorted((OCR / "abbyy").glob("*.txt")), *sorted((OCR / "pdftotext").glob("*.txt"))]


def _told(doc: Document, *fields: str) -> Document:
    return replace(doc, evidence={**doc.evidence, CONSUME: frozenset(fields)})


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_released_run_writes_the_same_tei_on_every_input(path: Path) -> None:
    data = path.read_bytes()
    full = pipeline.run(read_bytes(data, source=path.name))
    lean = pipeline.run(read_bytes(data, source=path.name), release=True)
    assert textkit.to_tei(lean) == textkit.to_tei(full)
    assert not lean.lines and CONSUME not in lean.evidence and not lean.evidence


@pytest.mark.parametrize("path", INPUTS[:6], ids=lambda p: p.name)
def test_stages_told_they_may_drop_their_input_make_the_same_result(path: Path) -> None:
    doc = read_text(path.read_text(encoding="utf-8"), source=path.name)
    laid = analyze_layout(doc)
    laid_lean = analyze_layout(_told(doc, "source_lines"))
    assert doc.source_lines and not laid_lean.source_lines  # dropped: the stage was told it may
    assert (laid_lean.lines, laid_lean.footnote_refs, laid_lean.layout_marks, laid_lean.pages,
            laid_lean.unplaced_notes) == (laid.lines, laid.footnote_refs, laid.layout_marks,
                                          laid.pages, laid.unplaced_notes)
    built = build_structure(laid)
    built_lean = build_structure(_told(laid, "lines"))
    assert laid.lines and not built_lean.lines and built.lines == laid.lines  # kept unless told
    assert (built_lean.texts, built_lean.title, built_lean.subtitle) == (built.texts, built.title, built.subtitle)


def _peak(stage, make, *fields: str) -> int:
    """What ``stage`` holds at most beyond its input, handed the document ``make()`` alone."""
    tracemalloc.start()
    try:
        held = [_told(make(), *fields)]
        tracemalloc.reset_peak()
        start = tracemalloc.get_traced_memory()[0]
        stage(held.pop())  # handed over: the stage alone holds the document
        return tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()


def test_the_stages_told_to_drop_their_input_hold_less_at_once() -> None:
    text = SAMPLE.read_text(encoding="utf-8") * 6

    def read() -> Document:
        return pipeline.released(read_text(text, source="v.txt"), "read")

    laid = lambda: analyze_layout(read())  # noqa: E731
    build_structure(laid())  # what a first run loads once (the language's lists) is not counted
    # Each record goes as the next is made: the rows cost about nothing more.
    assert _peak(build_structure, laid, "lines") < 0.6 * _peak(build_structure, laid)


def test_plain_text_is_read_into_columns_not_a_record_per_line() -> None:
    # A reader's record per line (nine slots) was a third of a large volume's peak (#13):
    # plain lines are held as their texts and arrays of pages, a few bytes a line more.
    text = SAMPLE.read_text(encoding="utf-8") * 6
    read_text(text, source="v.txt")  # what a first run loads once is not counted
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        doc = read_text(text, source="v.txt")
        held = tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()
    lines = len(doc.source_lines)
    strings = sum(sys.getsizeof(line) for line in doc.source_lines.texts)
    assert lines > 10_000
    assert held - sys.getsizeof(doc.raw) - strings < 24 * lines
