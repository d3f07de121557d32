"""A block's line breaks stored compactly (``model.Breaks``, issue #13): the same
sequence of ``LineBreak`` records as the tuple it replaces, for every use a stage
makes of it, and no record held per input line once a volume is converted."""

from __future__ import annotations

import gc
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from helpers import assert_same_sequence

import textkit
from textkit.model import Block, BlockKind, Breaks, Footnote, LineBreak
from textkit.read import normalize

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "us-japan-in-asia-1994.txt"

_BREAK = st.builds(LineBreak, st.integers(0, 2**40), st.integers(-5, 2**40), st.booleans(), st.booleans())


def _walked_line(breaks: tuple[LineBreak, ...], offset: int, first: int) -> int:
    """The line at ``offset`` as ``Block.line_at`` found it before (a walk over the records)."""
    line = first
    for brk in breaks:
        if brk.offset > offset:
            break
        line = brk.line
    return line


@given(st.lists(_BREAK, max_size=12))
def test_breaks_are_the_sequence_of_their_records(records: list[LineBreak]) -> None:
    old = tuple(records)
    new = Breaks(old)
    assert_same_sequence(new, old)
    assert list(new.offsets) == [b.offset for b in old]
    assert list(new.with_hyphen()) == [b for b in old if b.hyphen]
    assert new.moved(lambda o: o * 2 + 1) == tuple(LineBreak(b.offset * 2 + 1, b.line, b.page_start, b.hyphen)
                                                   for b in old)
    assert Breaks.from_codes([b.offset for b in old],
                             [Breaks.code(b.line, b.page_start, b.hyphen) for b in old]) == new


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10**6), st.booleans(), st.booleans()), max_size=12),
       st.integers(-1, 60), st.integers(1, 9))
def test_line_at_is_the_walk_over_sorted_breaks(rows: list[tuple[int, int, bool, bool]], offset: int,
                                               first: int) -> None:
    old = tuple(LineBreak(*row) for row in sorted(rows))
    block = Block(BlockKind.PARAGRAPH, "x" * 60, first, first, breaks=old)
    assert block.line_at(offset) == _walked_line(old, offset, first)


def test_blocks_and_footnotes_keep_any_sequence_of_breaks_compactly() -> None:
    old = (LineBreak(0, 3), LineBreak(5, 4, page_start=True))
    block = Block(BlockKind.PARAGRAPH, "some text", 3, 4, breaks=old)
    note = Footnote("1", "some text", 3, breaks=list(old))
    assert type(block.breaks) is Breaks and type(note.breaks) is Breaks
    assert block.breaks == old and note.breaks == old and note.as_block().breaks == old
    assert block.pages == (5,) and block == Block(BlockKind.PARAGRAPH, "some text", 3, 4, breaks=old)
    assert type(Block(BlockKind.PARAGRAPH, "", 1, 1).breaks) is Breaks


def test_a_converted_volume_holds_no_record_per_line() -> None:
    doc = textkit.convert_text(SAMPLE.read_text(encoding="utf-8"), source=SAMPLE.name)
    gc.collect()
    held = sum(1 for o in gc.get_objects() if type(o) is LineBreak)
    lines = sum(len(block.breaks) for block in doc.blocks())
    assert lines > 1000 and held < 10  # a tuple of records per block held one per input line


@given(st.text(alphabet="ab \n\r\f\x0b\x85\u2028\x07\ue000\ud800", max_size=40))
def test_the_raw_text_made_from_the_normalized_pages_is_the_text_normalized(text: str) -> None:
    # read.text makes Document.raw from the pages it normalized, not by normalizing again.
    pages = "\f".join(normalize(piece)[0] for piece in text.split("\f"))
    assert pages.replace("\f", "\n ") == normalize(text)[0]
