"""Golden outputs of the sample volume, reviewed by eye whenever they change.

To accept a change on purpose: ``TEXTKIT_UPDATE_GOLDEN=1 pytest tests/test_golden.py``,
then read ``git diff tests/golden`` line by line before committing.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

import textkit

GOLDEN = Path(__file__).resolve().parent / "golden"


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("TEXTKIT_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                 str(path), "actual"))[:60])
        pytest.fail(f"{name} differs from the reviewed golden file:\n{diff}")


def test_sample_tei_matches_golden(sample_tei):
    _check("us-japan-in-asia-1994.xml", sample_tei)


def test_sample_reading_text_matches_golden(sample_doc):
    _check("us-japan-in-asia-1994.txt", textkit.clean_text(sample_doc))


def test_clean_text_ends_with_the_notes_the_tei_keeps_at_the_end() -> None:
    # Two blank-looking lines of spaces read as a separator: the note under them has no
    # numeral and nothing after it; the TEI keeps it at the end, and so does the text.
    doc = textkit.convert_text("Some words of a page.\n" + " " * 60 + "\n" + " " * 60 + "\nA note of no number.",
                               source="x.txt")
    assert [note.text for note in doc.unplaced_notes] == ["A note of no number."]
    assert "A note of no number." in textkit.clean_text(doc)
