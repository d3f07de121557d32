"""The pipeline and the document model: stages, errors, and what a Document keeps."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

import textkit
from textkit import pipeline
from textkit.model import Block, BlockKind, Confidence, Correction, Rule


def test_stages_run_in_order_and_are_recorded(sample_doc):
    assert sample_doc.stages == ("layout", "structure", "notes", "marks", "hyphens", "dropcaps", "ocr", "channel")


def test_a_failing_stage_is_named(monkeypatch):
    def broken(doc):
        raise KeyError("boom")

    monkeypatch.setattr(pipeline, "stages", lambda options: [("layout", broken)])
    with pytest.raises(textkit.PipelineError, match="stage 'layout': KeyError"):
        textkit.convert_text("some text")


def test_a_stage_must_return_a_document(monkeypatch):
    monkeypatch.setattr(pipeline, "stages", lambda options: [("structure", lambda doc: None)])
    with pytest.raises(textkit.PipelineError, match="stage 'structure': returned NoneType"):
        textkit.convert_text("some text")


@pytest.mark.parametrize("text", ["", "   \n\n  \n"], ids=["empty", "whitespace"])
def test_empty_input_is_refused_with_the_file_name(text):
    with pytest.raises(textkit.InputError, match="vol.txt: empty input"):
        textkit.convert_text(text, source="vol.txt")


def test_unreadable_file_names_the_file(tmp_path):
    with pytest.raises(textkit.InputError, match="missing.txt"):
        textkit.convert_file(tmp_path / "missing.txt")


def test_every_block_gives_back_the_scan_reading(sample_doc, sample_text):
    """Undoing every correction of a block yields words that stand in the input, in order."""
    # Compare with line breaks after hyphens closed up on both sides: a kept
    # compound hyphen (U.S.-Japan) also loses its line break, and that is layout.
    flat = re.sub(r"-\s+", "-", re.sub(r"[ \t]+", " ", sample_text))
    for block in sample_doc.blocks():
        original = block.original_text()
        words = original.replace("-\n", "-").split()
        position = 0
        for word in words:
            found = flat.find(word, position)
            assert found >= 0, (block.first_line, word)
            position = found + len(word)


def test_corrections_point_at_their_replacement(sample_doc):
    for block in sample_doc.blocks():
        for fix in block.corrections:
            assert block.text[fix.start:fix.end] == fix.replacement, fix


def test_every_footnote_is_kept(sample_doc):
    assert [(n.n, n.text.split()[0]) for n in sample_doc.footnotes()] == [
        ("1", "Kent"), ("1", "“Poll:"), ("2", "“Can")]


def test_original_text_undoes_overlapping_kinds_of_change():
    hyphen = Correction(Rule.HYPHEN_JOIN, 0, 9, "unfai-mess", "unfaimess", Confidence.HIGH, 3)
    block = Block(BlockKind.PARAGRAPH, "unfaimess here", 3, 4, (hyphen,))
    from textkit.repair.edits import apply_edits, proposal

    fixed = apply_edits(block, [proposal(0, 9, block.text, "unfairness", Rule.OCR_RN_M, Confidence.HIGH, 3)])
    assert fixed.text == "unfairness here"
    assert [c.original for c in fixed.corrections] == ["unfai-mess"]
    assert fixed.original_text() == block.original_text()


def test_options_are_frozen_and_keyword_only():
    options = textkit.Options(correct_ocr=False)
    with pytest.raises(Exception):
        options.correct_ocr = True  # type: ignore[misc]
    with pytest.raises(TypeError):
        textkit.Options(False)  # type: ignore[misc]
    assert replace(options, keep_layout=True).keep_layout


def _walked(spans: list[tuple[int, int, str]], offset: int, text: str) -> int:
    """Where ``offset`` goes when ``spans`` (start, end, replacement) replace ``text``'s
    pieces: the changes walked one by one, a break inside a change kept in the prefix the
    old and new text share (else at the change's end). The reference for apply_edits."""
    shift = 0
    for start, end, replacement in spans:
        if offset <= start:
            break
        if offset >= end:
            shift += len(replacement) - (end - start)
            continue
        kept = 0
        for x, y in zip(text[start:end], replacement):
            if x != y:
                break
            kept += 1
        inner = offset - start
        return start + shift + (min(inner, kept) if inner <= kept + 1 else len(replacement))
    return offset + shift


def test_edits_move_every_break_as_walking_the_changes_does() -> None:
    """Many edits and breaks in one block: each break lands where the changes before it
    put it (random disjoint edits, insertions among them, breaks anywhere)."""
    import random

    from textkit.model import Block, BlockKind, Confidence, Correction, LineBreak, Rule
    from textkit.repair.edits import apply_edits

    rng = random.Random(13)
    for _ in range(300):
        text = "".join(rng.choice("abc- ") for _ in range(rng.randint(5, 60)))
        spans, pos = [], 0
        while pos < len(text) and len(spans) < 8:
            start = rng.randint(pos, len(text))
            end = min(len(text), start + rng.choice([0, 1, 2, 3, 5]))
            replacement = "".join(rng.choice("abcx") for _ in range(rng.randint(0 if end > start else 1, 4)))
            spans.append((start, end, replacement))
            pos = end + 1
        offsets = sorted({rng.randint(0, len(text)) for _ in range(rng.randint(1, 12))})
        block = Block(BlockKind.PARAGRAPH, text, 1, 1,
                      breaks=tuple(LineBreak(offset, 1) for offset in offsets))
        edits = [Correction(Rule.OCR_CONFUSION, start, end, text[start:end], replacement,
                            Confidence.HIGH, 1) for start, end, replacement in spans]
        moved = apply_edits(block, edits)
        assert [b.offset for b in moved.breaks] == [_walked(spans, o, text) for o in offsets]


def test_a_letter_inserted_where_a_correction_starts_stays_out_of_its_span():
    """A drop cap's supplied initial before a joined hyphen (``l¬A`` → ``l-A``, then ``A`` in
    front): the join now starts after the letter, and the scan's reading is intact (found
    by the property test on ``'AAAA\\rl¬\\rA'``)."""
    from textkit.repair.edits import apply_edits

    joined = apply_edits(Block(BlockKind.PARAGRAPH, "l¬A", 2, 3),
                         [Correction(Rule.HYPHEN_JOIN, 0, 3, "l¬A", "l-A", Confidence.HIGH, 2)])
    supplied = apply_edits(joined, [Correction(Rule.DROPPED_INITIAL, 0, 0, "", "A", Confidence.HIGH, 2)])
    assert supplied.text == "Al-A"
    assert supplied.original_text() == "l¬A"
    assert [(c.rule, c.start, c.end) for c in supplied.corrections] == [
        (Rule.DROPPED_INITIAL, 0, 1), (Rule.HYPHEN_JOIN, 1, 4)]


def test_changed_is_dataclasses_replace_for_the_records_it_copies(sample_doc):
    from dataclasses import fields

    from textkit.model import Text, changed

    text = sample_doc.texts[0]
    for record, change in ((sample_doc, {"stages": ("x",), "title": "T", "evidence": {"k": 1}}),
                           (text, {"authors": ("A. B.",)}), (sample_doc, {})):
        copy, wanted = changed(record, **change), replace(record, **change)
        assert copy is not record and type(copy) is type(record)
        for field in fields(record):  # evidence is not compared by ==: every slot, by identity
            assert getattr(copy, field.name) is getattr(wanted, field.name), field.name
    with pytest.raises(TypeError, match="no field 'colour'"):
        changed(text, colour="red")
    with pytest.raises(Exception, match="cannot assign"):
        changed(text).title = None  # still frozen
    assert isinstance(changed(text), Text)
