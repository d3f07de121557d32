"""The pipeline and the document model: stages, errors, and what a Document keeps."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

import textkit
from textkit import pipeline
from textkit.model import Block, BlockKind, Confidence, Correction, Rule


def test_stages_run_in_order_and_are_recorded(sample_doc):
    assert sample_doc.stages == ("layout", "structure", "notes", "hyphens", "dropcaps", "ocr", "channel")


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
