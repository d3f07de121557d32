"""Drop caps set with their word's rest in capitals (LaTeX ``lettrine``), as Tesseract reads them.

The big letter is lost (``HOSE who favor``) or read as the first word of the
second line (``HE case ... / T record``). Issues #9 and #11: supplied only
where the page shows a drop cap, never onto an acronym or a word printed so.
"""

from __future__ import annotations

import pytest

import textkit


def _first_paragraph(first: str, second: str = "of the region and its ports, which grew.") -> textkit.Document:
    return textkit.convert_text(f"THE PORTS OF THE NORTH\n\nAnn Lee\n\n{first}\n{second}\n",
                                options=textkit.Options(correct_ocr=False))


def _opening(doc: textkit.Document) -> str:
    return doc.texts[0].blocks[0].text


@pytest.mark.parametrize("first, expected", [
    ("HOSE who favor a regional approach to the harbors face three difficulties", "THOSE who favor"),
    ("OOKING back on the decade of negotiations about the harbors and the cargo", "LOOKING back"),
    ("N practice, stability has meant different things to different governments", "IN practice"),
])
def test_a_lost_initial_before_capitals_is_supplied(first, expected):
    doc = _first_paragraph(first)
    assert _opening(doc).startswith(expected)
    assert doc.texts[0].blocks[0].original_text().startswith(first.split()[0])


def test_a_letter_read_on_the_second_line_is_moved_back_and_recorded():
    doc = _first_paragraph("HE case for patience rests on the", "T record of Pusan and of the other ports.")
    block = doc.texts[0].blocks[0]
    assert block.text.startswith("THE case for patience rests on the record of Pusan")
    assert block.original_text().startswith("HE case for patience rests on the T record")
    tei = textkit.to_tei(doc)
    textkit.validate(tei)
    assert '<supplied reason="displaced-initial"' in tei and "<sic>T </sic>" in tei


@pytest.mark.parametrize("first, expected, original", [
    ("HE case for patience rests on the record of the ports", "THE case for", "HE case"),
    ("NY account of rural schools must begin with the ports", "ANY account of", "NY account"),
])
def test_issue_11_two_small_capitals_take_the_letter_the_next_word_demands(first, expected, original):
    """Tesseract's reading of a lost drop cap before a word's two small capitals (the
    round-7 held-out scans: ``HE case``, ``NY account``): restored where the pair counts
    all but demand the letter, the scan's form recorded."""
    doc = _first_paragraph(first)
    assert _opening(doc).startswith(expected)
    assert doc.texts[0].blocks[0].original_text().startswith(original)
    [fix] = [c for c in doc.corrections() if "initial" in c.rule.value]
    assert fix.rule.value == "dropped-initial"
    textkit.validate(textkit.to_tei(doc))


def test_a_lone_initial_completes_a_capitals_word():
    """A PAGE drop-capital region (a lone ``T``) before ``HE merchants``: the letter is the
    region's, recorded as displaced."""
    from pathlib import Path

    doc = textkit.convert_file(Path(__file__).parent.parent / "fixtures/ocr/xml/ocrd-2019.page.xml")
    [fix] = [c for c in doc.corrections() if "initial" in c.rule.value]
    assert (fix.rule.value, fix.replacement) == ("displaced-initial", "T")
    assert "THE merchants of the northern ports" in textkit.clean_text(doc)


@pytest.mark.parametrize("first", [
    "UN agencies have met in the region every year since the war ended in the north",
    "He said that the harbors of the north would need a common authority soon",
    "In practice, stability has meant different things to different governments",
    "IN practice, stability has meant different things to different governments",
    "My account of the harbors of the north is a short one, and a partial one",
    "US policy towards the harbors of the north has changed since the war",
    "NATO members agree that the harbors of the north need a common authority",
    "A modest proposal for the harbors of the north came from the regional banks",
    "HE said that the harbors of the north would need a common authority soon",
])
def test_acronyms_and_words_printed_in_capitals_get_nothing(first):
    doc = _first_paragraph(first)
    assert _opening(doc).startswith(first.split()[0] + " ")
    assert not [c for c in doc.corrections() if "initial" in c.rule.value]
