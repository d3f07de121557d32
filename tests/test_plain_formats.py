"""Issue #9: the plain text that real OCR programs write, read with its structure.

The fixtures are small cases in each program's documented conventions
(``shared/design/ocr-engines.md``): ABBYY FineReader's text export with lines
kept (soft hyphen U+00AD and ``¬`` at a line end) and with one paragraph per
line; poppler's ``pdftotext`` (a form feed after every page; ``-layout``
with two columns side by side); Tesseract's form feeds in every spelling.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import textkit
from textkit.model import Rule
from textkit.read.text import detect

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ocr"


@pytest.mark.parametrize("path, name", [
    ("abbyy/lines-kept.txt", "abbyy"),
    ("abbyy/paragraphs.txt", "abbyy"),
    ("pdftotext/default.txt", "pdftotext"),
    ("pdftotext/layout.txt", "pdftotext"),
    ("tesseract/coastal-cities-1996/clean.txt", "tesseract"),
    ("tesseract/northern-sea-routes-2002/degraded.txt", "tesseract"),  # a blank last page: ends in \f
    ("../us-japan-in-asia-1994.txt", "text"),
])
def test_each_program_is_recognised_from_its_text(path, name):
    doc = textkit.convert_file(FIXTURES / path)
    assert doc.input_format == name
    tei = textkit.to_tei(doc)
    textkit.validate(tei)
    # The header says which program's text was read (the series' own export needs no note).
    assert ('<note type="input-format">' in tei) == (name != "text")


def test_a_forced_format_wins_and_changes_the_page_convention():
    text = "ESSAY ONE\n\nAnn Lee\n\nThe first line of the page\n and an indented second one.\n"
    assert len(textkit.convert_text(text).pages) == 2          # the series' one-space page start
    forced = textkit.convert_text(text, options=textkit.Options(input_format="tesseract"))
    assert forced.input_format == "tesseract" and len(forced.pages) == 1


def test_abbyy_soft_hyphens_and_not_signs_are_recorded_joins_or_kept_compounds():
    doc = textkit.convert_file(FIXTURES / "abbyy/lines-kept.txt")
    fixes = {(c.original, c.replacement) for c in doc.corrections() if c.rule is Rule.HYPHEN_JOIN}
    assert ("is\u00adsue", "issue") in fixes and ("neigh¬bors", "neighbors") in fixes
    assert ("capi\u00adtals", "capitals") in fixes
    # A real compound keeps a hyphen: before a capital, or as the document writes it elsewhere.
    assert ("U.S.\u00adJapan", "U.S.-Japan") in fixes and ("self¬governance", "self-governance") in fixes
    text = textkit.clean_text(doc)
    assert "\u00ad" not in text and "¬" not in text
    for block in doc.blocks():  # the scan's reading is kept
        assert "\u00ad" not in block.text and "¬" not in block.text
    assert any("is\u00adsue" in b.original_text() for b in doc.blocks())


@pytest.mark.parametrize("mark", ["\u00ad", "¬"])
def test_a_line_end_mark_that_ends_a_note_is_no_part_of_the_clean_text(mark):
    """A note cut off at its page's foot by a soft hyphen (found by hypothesis): printed before the
    next paragraph, the mark joined the two on a second reading ('is\xad' // 'the' -> 'is the')."""
    doc = textkit.convert_text(f"order.2\n\n\fthe\n\n2Ibid.\nan concil{mark}", source="cut.txt")
    assert [n.text for n in doc.footnotes()] == [f"Ibid. an concil{mark}"]  # the TEI keeps the scan's mark
    text = textkit.clean_text(doc)
    assert "[2] Ibid. an concil\n\nthe" in text and mark not in text
    assert not list(textkit.convert_text(text, source="again.txt").corrections())


def test_abbyy_one_paragraph_per_line_keeps_paragraphs_headings_and_notes_apart():
    doc = textkit.convert_file(FIXTURES / "abbyy/paragraphs.txt")
    [text] = doc.texts
    assert text.title.text == "WATER AND POWER IN THE MEKONG BASIN" and text.authors == ("Ann Lee", "Bo Park")
    assert [d.head.text for d in text.divisions] == ["Introduction", "Dams and Their Critics"]
    first, second = text.divisions[0].blocks
    assert first.kind.value == second.kind.value == "p"
    assert first.text.startswith("The rivers") and second.text.startswith("A second difficulty")
    [anchor] = first.notes
    assert anchor.note.n == "1" and anchor.note.text.startswith("Kent Calder")
    assert first.text[:anchor.offset].endswith("since the 1950s.")
    assert [m.text for m in doc.layout_marks] == ["12"]                  # the page number, removed
    assert text.divisions[1].blocks[0].text.startswith("The critics")


@pytest.mark.parametrize("separator", ["\f", "\n\f", "\f\n", "\n\f\n", "\n\f\f", "\f\n\f\n"],
                         ids=["ff", "nl-ff", "ff-nl", "nl-ff-nl", "empty-page", "empty-page-nl"])
def test_form_feeds_are_page_breaks_in_every_spelling(separator):
    text = ("ESSAY ONE\n\nAnn Lee\n\nThe first page ends in the middle of a long"
            + separator + "sentence that the second page ends.\n")
    doc = textkit.convert_text(text)
    [block] = doc.texts[0].blocks
    assert block.text == "The first page ends in the middle of a long sentence that the second page ends."
    assert block.pages == (block.text.index("sentence"),)
    tei = textkit.to_tei(doc.with_options(keep_layout=True))
    assert tei.count("<pb") == 2  # the title's page and the second one


def test_pdftotext_pages_end_with_a_form_feed():
    doc = textkit.convert_file(FIXTURES / "pdftotext/default.txt")
    [text] = doc.texts
    [p1] = text.blocks
    assert p1.text.endswith("the data it needed were held by ministries that would not share them with their "
                            "neighbors.")
    assert p1.pages == (p1.text.index("needed"),)
    assert [d.head.text for d in text.divisions] == ["Dams and Their Critics"]


def test_pdftotext_layout_columns_side_by_side_warn_and_read_left_first(caplog):
    with caplog.at_level(logging.WARNING, logger="textkit.read.text"):
        doc = textkit.convert_file(FIXTURES / "pdftotext/layout.txt")
    assert "two columns side by side" in caplog.text
    [text] = doc.texts
    assert text.title.text == "WATER AND POWER IN THE MEKONG BASIN" and text.authors == ("Ann Lee", "Bo Park")
    first, second = (b.text for b in text.blocks)
    assert first.startswith("The rivers of the region") and first.endswith("would not share them.")
    assert second.startswith("The critics of the dams") and second.endswith("no one priced the fish.")


@pytest.mark.parametrize("text, name", [
    (" INTRODUCTION\n\nAnn Lee\n", "text"),
    ("Title\n\fINTRODUCTION\nText.\n", "tesseract"),
    ("Page one.\n\fPage two.\n\f", "pdftotext"),
    # Tesseract's blank last page ends in a form feed too; its lines keep their hyphens and no
    # leading space, where pdftotext joins hyphenated words (default) or indents (-layout).
    ("the fun-\ndamental issue\n\fand its sec-\nond part\n\f", "tesseract"),
    ("the fun-\ndamental issue\n\fand its sec-\nond part\n\n     2\n\f", "pdftotext"),
    ("the fundamental issue\n\fand its second part\n\f", "pdftotext"),
    ("an is\u00ad\nsue of note\n", "abbyy"),
    ("the re¬\nmains\n", "abbyy"),
])
def test_detect(text, name):
    assert detect(text) == name


def test_cli_input_format_forces_a_convention(tmp_path):
    from textkit.cli import main

    source = tmp_path / "vol.txt"
    source.write_text("ESSAY ONE\n\nAnn Lee\n\nThe first line of the page\n and an indented second one.\n",
                      encoding="utf-8")
    assert main(["convert", str(source), "--out", str(tmp_path / "out"), "--input-format", "tesseract",
                 "--quiet"]) == 0
    tei = (tmp_path / "out" / "vol.xml").read_text(encoding="utf-8")
    assert 'type="input-format">Read as the plain text of Tesseract' in tei
    assert main(["convert", str(source), "--out", str(tmp_path / "bad"), "--input-format", "nonesuch",
                 "--quiet"]) == 1


def test_keep_layout_keeps_running_heads_and_page_numbers_as_fw_and_numbers_pages():
    text = ("ESSAY ONE\n\nAnn Lee\n\nThe first page ends in the middle of a long\n\n3\n"
            "\f4 Journal of Harbor Studies\n\nsentence that the second page ends.\n")
    doc = textkit.convert_text(text, options=textkit.Options(keep_layout=True))
    tei = textkit.to_tei(doc)
    textkit.validate(tei)
    assert ('of a long <fw type="pageNum">3</fw><pb n="4"/><fw type="header">4 Journal of Harbor Studies</fw>'
            'sentence') in tei
    plain = textkit.to_tei(doc.with_options(keep_layout=False))
    assert "<fw" not in plain and "<pb" not in plain and "Journal of Harbor" not in plain.split("</teiHeader>")[1]


def test_misread_footnote_numerals_are_recorded_removals():
    text = ("WATER AND POWER\n\nAnn Lee\n\n"
            "In the spring of 1994 the committee met four times and heard evidence from a wide range\n"
            "of witnesses, including port managers, shipping agents and the officials of three ministries.!\n"
            "Its report, published in the spring, recommended that the ministries publish their plans\n"
            "together and that no new terminal be approved without a review of its regional effects.? The\n"
            "ministries have not yet replied to the committee, and the harbors of the north are waiting.\n\n"
            "1Figures from the annual reports of the ministry for 1992 and 1995.\n"
            "?Yoko Hirata, interview with the author, Manila, January 1992.\n"
            "\fThe second page of the essay goes on with more of the same kind of text, as before.\n")
    doc = textkit.convert_text(text)
    assert doc.input_format == "tesseract"
    removed = [(c.original, c.replacement) for c in doc.corrections() if c.rule is Rule.FOOTNOTE_MARKER]
    assert removed == [("!", ""), ("?", ""), ("?", "")]  # two references, and the second note's head
    notes = list(doc.footnotes())
    assert [(n.n, n.inferred) for n in notes] == [("1", False), ("2", True)]
    assert notes[1].text.startswith("Yoko Hirata") and notes[1].as_block().original_text().startswith("?Yoko")
    block = doc.texts[0].blocks[0]
    assert "ministries. Its report" in block.text and "effects. The" in block.text
    assert "ministries.! Its" in block.original_text()
