"""The batch's shortcuts (#13 point 4) give what the long way gives.

Each skips work whose result cannot matter, or looks up what it found before:
these tests check that it is the same result, on inputs made for the edge cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.batch.convert import Task
from textkit.layout import analyze_layout
from textkit.read import read_text
from textkit.repair import hyphens


@pytest.mark.parametrize("name", ["a/b.txt", "b.txt", "/x/y/z.hocr", "a//b", "a/b/", "a/.", "a/..",
                                  "..", ".", "/", "a/b/./", "./a", "x\\y.txt", "a/ b ", "é/ü.txt"])
def test_task_source_is_the_path_name(name: str) -> None:
    assert Task(name, Path("out.xml")).source == Path(name).name


def _laid_out(text: str):
    return analyze_layout(read_text(text, source="t.txt"))


def test_no_hyphen_no_evidence_needed() -> None:
    """Without a hyphen in any line, the evidence is empty, and the hyphen stage (which
    reads it only at a line-end hyphen) finds nothing to decide."""
    doc = _laid_out("A TITLE\n\nAnn Lee\n\nThe words of a page without any\nbroken word at all.\n")
    evidence = hyphens.volume_evidence(doc)
    assert not evidence.words and not evidence.compounds
    full = hyphens.HyphenEvidence.from_lines(hyphens._running_lines(doc))
    assert full.words  # the long way counts words, which nothing reads here


def test_a_hyphen_anywhere_gives_the_evidence() -> None:
    for text in ("A TITLE\n\nThe long-term view of a fundamen-\ntally new order.\n",
                 "A TITLE\n\nA soft is\u00ad\nsue here.\n", "A TITLE\n\nABBYY's re\u00ac\nturn.\n"):
        doc = _laid_out(text)
        got = hyphens.volume_evidence(doc)
        full = hyphens.HyphenEvidence.from_lines(hyphens._running_lines(doc))
        assert (got.words, got.compounds) == (full.words, full.compounds)
