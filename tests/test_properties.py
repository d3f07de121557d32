"""Property tests (hypothesis) for the conversion's invariants (issue #2, point 3).

* **Valid or a clear error**: any string converts to TEI that validates
  against the project schema, or raises :class:`textkit.TextkitError`.
* **Nothing the scan said is lost**: the letters and digits of the input
  (``doc.raw``, what the read stage decoded) are, as a multiset, exactly those
  of the TEI body read with ``sic`` (not ``corr``), without ``supplied``,
  footnotes included, plus each footnote's numeral as printed in the text
  (one per ``doc.footnote_refs``) and at the head of its note (one per
  footnote), plus the text of what ``doc.layout_marks`` records as removed.
  Hyphens, punctuation and whitespace aside.
* **Original text in order**: the words (runs of letters and digits) of
  every ``Block.original_text()`` occur in the input's letters and digits in
  that order. Lines the layout stage classified as other than text or blank
  (a stray mark, a running head) are left out of the input first, and
  punctuation and whitespace are ignored, since joining lines may glue
  ``U.S.-`` to ``China`` or ``the`` to ``—``.
* **Repair is idempotent**: converting the ``clean_text`` output again makes
  no hyphen, drop-cap or OCR correction, and keeps the paragraphs' words.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

import textkit
from textkit.model import LineKind, Rule

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
HERE = Path(__file__).resolve().parent
VOLUMES = sorted((HERE / "data" / "volumes").glob("*.txt")) + [HERE.parent / "fixtures" / "us-japan-in-asia-1994.txt"]

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies ---------------------------------------------------------------

WORDS = ["the", "region", "policy", "of", "and", "Japan", "harbor", "ministries", "security", "U.S.-",
         "China", "self-", "reliance", "eco-", "nomic", "pol-", "icy", "Ta-", "naka", "Tanaka", "19853",
         "1994", "region.”1", "order.2", "Ibid.", "“quoted”", "—", "(e.g.,", "50%", "n", "he", "urveys",
         "In", "The", "Asia-", "Pacific", "Region?", "China:", "wam", "unfaimess", "ln", "Korea", "11Ibid.",
         "A", "T", "Mekong", "Euro-", "Atlantic", "long-", "range", "á", "naïve", "Σ", "ﬁ", "9", "10"]
SEP = " " * 60

_word_line = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)
_line = st.one_of(
    _word_line,
    _word_line.map(lambda s: " " + s),                      # page start
    st.just(""), st.just(" ."), st.just(SEP),
    st.sampled_from(["1Kent Calder, Japan’s Role, 1991, 32.", "2Ibid.", "12Ibid., 45.", "3See above."]),
    st.sampled_from(["INTRODUCTION", " INTRODUCTION", "THE HARBORS OF THE NORTH", "WATER AND POWER"]),
    st.sampled_from(["Ann Lee", "Ann Lee and Bo Park", "Ann Lee, Bo Park and Carl Dunn", "A, B, and C"]),
    st.sampled_from(["Introduction", "Security Dynamics in the", "Asia Pacific Region", "Who Pays?"]),
    st.sampled_from(["12", " 13", "THE PACIFIC REVIEW 41", " Asian Security 37", "T", "W"]),
    _word_line.map(lambda s: (s + " ") * 8),                # a long line
)
ocr_like = st.lists(_line, min_size=1, max_size=40).map("\n".join)
any_text = st.one_of(st.text(max_size=400), ocr_like)


# --- helpers -------------------------------------------------------------------

def _local(el):
    return etree.QName(el).localname if isinstance(el.tag, str) else None


def sic_reading(el) -> str:
    """The scan's words: ``sic``/``orig`` of each ``choice``, no ``supplied``, notes included."""
    parts = [el.text or ""]
    for child in el:
        name = _local(child)
        if name is None or name == "supplied":
            pass
        elif name == "choice":
            parts += [sic_reading(o) for o in child if _local(o) in ("sic", "orig")][:1]
        else:
            parts.append(sic_reading(child))
        parts.append(child.tail or "")
    return " ".join(parts)


def _parse(xml: str):
    data = xml.split("?>", 1)[1].lstrip() if xml.startswith("<?xml") else xml
    return etree.fromstring(data.encode("utf-8"))


def _alnum(text: str) -> Counter:
    return Counter(c for c in text if c.isalnum())


def _convert(text: str):
    """``(doc, xml)`` or ``None`` when textkit refuses the input with its own error."""
    try:
        doc = textkit.convert_text(text, source="prop.txt")
        xml = textkit.to_tei(doc)
    except textkit.TextkitError:
        return None
    return doc, xml


def check_valid(text: str) -> None:
    result = _convert(text)
    if result is not None:
        textkit.validate(result[1])


def check_words_recoverable(text: str) -> None:
    result = _convert(text)
    if result is None:
        return
    doc, xml = result
    body = _parse(xml).find("t:text/t:body", NS)
    out = _alnum(sic_reading(body))
    notes = [n for n in body.iter(f"{{{TEI}}}note") if n.get("place") == "foot"]
    for note in notes:
        out += _alnum(note.get("n") or "")
    for ref in doc.footnote_refs:
        out += _alnum(ref.note.n)
    for mark in doc.layout_marks:
        out += _alnum(mark.text)
    want = _alnum(doc.raw)
    missing, extra = want - out, out - want
    assert not missing and not extra, f"lost {dict(missing)}, added {dict(extra)}"


def check_original_in_order(text: str) -> None:
    result = _convert(text)
    if result is None:
        return
    doc, _ = result
    kept = {LineKind.TEXT, LineKind.BLANK}
    raw = "".join(c for line in doc.lines if line.kind in kept for c in line.text if c.isalnum())
    for block in doc.blocks():
        pos = 0
        for word in re.findall(r"[^\W_]+", block.original_text()):
            found = raw.find(word, pos)
            assert found >= 0, (f"block at line {block.first_line}: {word!r} not found in the input "
                                f"after the block's previous words; original_text={block.original_text()[:200]!r}")
            pos = found + len(word)


_REPAIRS = {Rule.HYPHEN_JOIN, Rule.DROPPED_INITIAL, Rule.DISPLACED_INITIAL}


def _paragraph_words(doc) -> list[str]:
    return [w for b in doc.blocks() if b.kind.value == "p" for w in b.text.split()]


def check_idempotent(text: str) -> None:
    result = _convert(text)
    if result is None:
        return
    doc, _ = result
    clean = textkit.clean_text(doc)
    if not clean.strip():
        return
    again = textkit.convert_text(clean, source="again.txt")
    fixes = [c for c in again.corrections() if c.rule in _REPAIRS or c.rule.is_ocr]
    assert not fixes, f"second pass changed: {[(c.rule.value, c.original, c.replacement) for c in fixes]}"
    second = " ".join(w for w in textkit.clean_text(again).split())
    pos = 0
    for word in _paragraph_words(doc):
        found = second.find(word, pos)
        assert found >= 0, f"paragraph word {word!r} lost on the second pass"
        pos = found + len(word)


# --- properties over generated input ------------------------------------------

@SETTINGS
@given(any_text)
def test_any_string_gives_valid_tei_or_textkit_error(text):
    check_valid(text)


@SETTINGS
@given(ocr_like)
@example(SEP + "\nSome text of the page.")
@example(SEP + "\n1Kent Calder, Japan’s Role, 1991, 32.")  # found by hypothesis: a note with no anchor and no block
def test_sic_reading_gives_back_the_input_words(text):
    check_words_recoverable(text)


@SETTINGS
@given(ocr_like)
def test_original_text_of_blocks_is_in_the_input_in_order(text):
    check_original_in_order(text)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ocr_like)
def test_repair_is_idempotent_on_clean_text(text):
    check_idempotent(text)


# --- the same invariants on the real and synthetic volumes -----------------------

@pytest.mark.parametrize("path", VOLUMES, ids=[p.name for p in VOLUMES])
@pytest.mark.parametrize("check", [check_words_recoverable, check_original_in_order, check_idempotent],
                         ids=["words-recoverable", "original-in-order", "idempotent"])
def test_invariants_on_volumes(path, check):
    check(path.read_text(encoding="utf-8"))
