"""The marks stage (issue #11): a degraded scan's stray opening quotes removed, real ones kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import textkit
from textkit.model import Block, BlockKind, Confidence, Document, Footnote, NoteAnchor, Options, Rule, Text, TextKind
from textkit.repair.marks import remove_scan_marks, unclosed_quotes

ROOT = Path(__file__).resolve().parent.parent
TESSERACT = ROOT / "fixtures" / "ocr" / "tesseract"


def volume(*paragraphs: str, head: str = "ON PORTS") -> Document:
    blocks = tuple(Block(BlockKind.PARAGRAPH, p, k + 2, k + 2) for k, p in enumerate(paragraphs))
    return Document("x.txt", "", "", texts=(Text(TextKind.ESSAY, Block(BlockKind.HEAD, head, 1, 1), (), None, blocks),))


NOISY = ("‘The port grew quickly after the war.", "Its trade doubled. ‘The harbour board met monthly.",
         "‘The commission on port state control reported.", "‘Those who favor a regional approach disagree.")


def test_a_stray_quote_of_a_degraded_scan_is_removed_and_recorded():
    fixed = remove_scan_marks(volume(*NOISY, head="‘The Workshop and Its Questions"))
    blocks = list(fixed.blocks())
    assert blocks[0].text == "The Workshop and Its Questions"
    assert blocks[2].text == "Its trade doubled. The harbour board met monthly."
    assert not any("‘" in b.text for b in blocks)
    fixes = list(fixed.corrections())
    assert len(fixes) == 5
    assert all(c.rule is Rule.SCAN_MARK and c.original == "‘" and c.replacement == "" for c in fixes)
    assert all(c.confidence is Confidence.MEDIUM and "5" in c.note for c in fixes)
    assert [b.original_text() for b in blocks] == ["‘The Workshop and Its Questions", *NOISY]


def test_a_quote_that_is_closed_is_kept_in_a_noisy_document():
    fixed = remove_scan_marks(volume(*NOISY, "The minister called it ‘a matter of time’ in 1995."))
    assert list(fixed.blocks())[-1].text == "The minister called it ‘a matter of time’ in 1995."
    assert len(list(fixed.corrections())) == 4


BRITISH = ("‘The port’, he wrote, ‘grew quickly after the war.’", "‘The harbour board met monthly,’ she said.",
           "‘Then it is settled.’ ‘The commission agrees?’", "A word on the ‘new’ approach.",
           "“The Minister said ‘never’ and meant it.”", "‘The end of the matter,")


def test_balanced_british_quotes_are_all_kept():
    doc = volume(*BRITISH, "‘The rest, in a second paragraph.’")
    assert remove_scan_marks(doc) == doc


def test_elided_words_keep_their_apostrophe():
    doc = volume(*NOISY, "‘Tis a pity, said he; ‘twas ever so with ‘em.", "In the ‘90s it was ‘im again.")
    fixed = remove_scan_marks(doc)
    blocks = list(fixed.blocks())
    assert blocks[-2].text == "‘Tis a pity, said he; ‘twas ever so with ‘em."
    assert blocks[-1].text == "In the ‘90s it was ‘im again."


def test_a_few_stray_quotes_are_not_evidence_enough():
    doc = volume(*NOISY[:3])  # three openings and no closing: a text may open three quotations it never closes
    assert remove_scan_marks(doc) == doc


def test_footnotes_are_repaired_too():
    note = Footnote("1", "‘The figures for Osaka tell the same story.", 9)
    para = Block(BlockKind.PARAGRAPH, "The port grew.", 5, 5, notes=(NoteAnchor(14, note, ""),))
    doc = volume(*NOISY)
    doc = Document("x.txt", "", "", texts=(Text(TextKind.ESSAY, doc.texts[0].title, (), None,
                                                   (*doc.texts[0].blocks, para)),),
                   unplaced_notes=(Footnote("", "‘Maritime Safety Agency, Annual Report.", 12),))
    fixed = remove_scan_marks(doc)
    assert [n.text for n in fixed.footnotes()] == ["The figures for Osaka tell the same story.",
                                                   "Maritime Safety Agency, Annual Report."]
    assert [n.as_block().original_text() for n in fixed.footnotes()] == [
        "‘The figures for Osaka tell the same story.", "‘Maritime Safety Agency, Annual Report."]


@pytest.mark.parametrize(("text", "expected"), [
    ("‘The town. He said ‘no’ and ‘yes’.", [0]),
    ("‘one ‘two", [0, 5]),
    ("‘one’s two", [0]),  # an apostrophe inside a word closes nothing
    ("‘one two’", []),
    ("it‘s ‘1990", []),  # inside a word, before a digit: not an opening quote
])
def test_unclosed_quotes(text, expected):
    assert unclosed_quotes(text) == expected


def _convert(text: str, **options) -> Document:
    return textkit.convert_text(text, source="marks.txt", options=Options(**options))


LETTER = "\n\n".join(["THE HARBOUR REVIEW", "Ann Lee", "‘The Workshop and Its Questions", *NOISY,
                      "The port grew again in 1996, as the board expected."]) + "\n"


def test_the_tei_keeps_the_scan_reading_and_validates(tei_all_schema):
    doc = _convert(LETTER)
    tei = textkit.to_tei(doc)
    textkit.validate(tei)
    assert tei_all_schema.validate(etree.fromstring(tei.encode())), tei_all_schema.error_log
    assert tei.count('<corr type="scan-mark" resp="#textkit" cert="medium"/>') == 5
    assert tei.count("<sic>‘</sic>") == 5
    assert "‘" not in textkit.clean_text(doc)


def test_without_ocr_correction_the_marks_stay():
    doc = _convert(LETTER, correct_ocr=False)
    assert not [c for c in doc.corrections() if c.rule is Rule.SCAN_MARK]
    assert textkit.clean_text(doc).count("‘") == 5


def _gold_has_no_opening_quote(slug: str) -> bool:
    return "‘" not in (TESSERACT / slug / "gold.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("slug", sorted(p.name for p in TESSERACT.iterdir() if (p / "gold.json").exists()))
def test_degraded_tesseract_scans_lose_their_stray_quotes(slug):
    assert _gold_has_no_opening_quote(slug)
    scanned = (TESSERACT / slug / "degraded.txt").read_text(encoding="utf-8")
    doc = textkit.convert_text(scanned, source="degraded.txt")
    removed = [c for c in doc.corrections() if c.rule is Rule.SCAN_MARK]
    left = sum(b.text.count("‘") for b in doc.blocks()) + sum(n.text.count("‘") for n in doc.footnotes())
    assert len(removed) >= 4 * max(left, 1)  # most of them, and each one kept is closed in its block
    heads = [b for b in doc.blocks() if b.kind is BlockKind.HEAD]
    marked = [h for h in heads if h.original_text().startswith("‘")]  # two of the volumes have some
    assert not [h.text for h in marked if h.text.startswith("‘")]


def test_the_sample_and_clean_scans_have_no_scan_marks(sample_doc):
    assert not [c for c in sample_doc.corrections() if c.rule is Rule.SCAN_MARK]
    for path in sorted(TESSERACT.glob("*/clean.txt")):
        doc = textkit.convert_file(path)
        assert not [c for c in doc.corrections() if c.rule is Rule.SCAN_MARK], path


def test_a_word_broken_at_a_line_end_before_a_stray_quote_is_joined():
    text = LETTER.replace("as the board expected.", "as the board expected after a long diag-\n‘nosis.")
    doc = _convert(text)
    block = next(b for b in doc.blocks() if "diag" in b.original_text())
    assert block.text.endswith("after a long diagnosis.")
    assert block.original_text().endswith("after a long diag-‘nosis.")
    kept = _convert(text, correct_ocr=False)  # the mark kept: the line's start is no word's second half
    assert next(b for b in kept.blocks() if "diag" in b.text).text.endswith("diag-‘nosis.")


def test_a_quote_the_scan_closed_with_a_straight_apostrophe_is_kept():
    doc = volume(*(line.replace("’", "'") for line in BRITISH))
    assert remove_scan_marks(doc) == doc
