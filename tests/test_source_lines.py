"""A reader's lines stored by column (``model.SourceLines``, issue #13): the same
sequence of ``SourceLine`` records as the tuple it replaces, and no record held per
input line of a plain-text volume."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import assert_same_sequence

from textkit.model import Box, SourceLine, SourceLines, Word
from textkit.read import read_text

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "us-japan-in-asia-1994.txt"

_PLAIN = st.builds(SourceLine, st.text(max_size=5), st.integers(1, 2**40), block=st.integers(0, 9))
_BOXED = st.builds(SourceLine, st.text(max_size=5), st.integers(1, 9), st.just(Box(0, 0, 9, 9)),
                   words=st.lists(st.builds(Word, st.text(max_size=3)), max_size=2).map(tuple))


@given(st.lists(st.one_of(_PLAIN, _PLAIN, _BOXED), max_size=12))
def test_source_lines_are_the_sequence_of_their_records(records: list[SourceLine]) -> None:
    old = tuple(records)
    new = SourceLines(old)
    assert_same_sequence(new, old)
    assert list(new.texts) == [line.text for line in old]
    assert list(new.pages) == [line.page for line in old]
    assert list(new.blocks) == [line.block for line in old]
    assert new.blocked == any(line.block for line in old)
    assert new.boxed == any(line.box is not None for line in old)
    assert new.worded == any(line.words for line in old)
    assert SourceLines(new) is new


def test_plain_columns_must_agree_in_length() -> None:
    with pytest.raises(ValueError, match="2 texts for 1 pages"):
        SourceLines.plain(["a", "b"], [1])


def test_a_plain_text_volume_read_holds_no_record_per_line() -> None:
    doc = read_text(SAMPLE.read_text(encoding="utf-8"), source=SAMPLE.name)
    gc.collect()
    held = sum(1 for o in gc.get_objects() if type(o) is SourceLine)
    assert len(doc.source_lines) > 1000 and held < 10  # a tuple of records held one per input line
