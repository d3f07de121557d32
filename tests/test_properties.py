"""Property tests (hypothesis) for the conversion's invariants (issue #2, point 3).

* **Valid or a clear error**: any string converts to TEI that validates
  against the project schema, or raises :class:`textkit.TextkitError` that
  is about the input (a :class:`textkit.PipelineError`, a stage that
  crashed, is a bug and fails).
* **Nothing the scan said is lost**: the letters and digits of the input
  (``doc.raw``, what the read stage decoded) are, as a multiset, exactly those
  of the TEI body read with ``sic`` (not ``corr``), without ``supplied``,
  footnotes included, plus each footnote's numeral as printed in the text
  (the ``original`` of each ``footnote-marker`` correction) and at the head
  of its note (one per footnote whose number was printed, not inferred), plus the text of what ``doc.layout_marks`` records as removed.
  Hyphens, punctuation and whitespace aside.
* **Original text in order**: the words (runs of letters and digits) of
  every ``Block.original_text()`` occur in the input's letters and digits in
  that order. Lines the layout stage classified as other than text or blank
  (a stray mark, a running head) are left out of the input first, and
  punctuation and whitespace are ignored, since joining lines may glue
  ``U.S.-`` to ``China`` or ``the`` to ``—``.
* **Only repair stages change text** (issue #8): run stage by stage, the
  structure stage's blocks and footnotes hold the letters and digits of their
  own input lines, in order (a note's numeral aside: it becomes ``n``); after
  it, every stage leaves each block's and note's ``original_text()`` as it
  was, and only the repair stages (``pipeline.REPAIRS``) change a ``text``.
* **Repair is idempotent**: converting the ``clean_text`` output again makes
  no hyphen, drop-cap or OCR correction, and keeps the paragraphs' words.
* **Generated volumes**: random prose typeset in the series' conventions
  (see the typesetter below) converts back to the texts, titles, authors,
  headings and levels, paragraphs, quotations, editorial notes, footnotes,
  joined and kept hyphens that were set, with every running head and page
  number gone and no OCR "correction".

The first three run on ``tests/data/volumes`` and the sample as well.
"""

from __future__ import annotations

import os
import random
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
VOLUMES = (sorted((HERE / "data" / "volumes").glob("*.txt")) + [HERE.parent / "fixtures" / "us-japan-in-asia-1994.txt"]
           + sorted((HERE.parent / "fixtures" / "ocr" / "tesseract").glob("*/*.txt")))  # issue #9: real Tesseract

# The same examples on every run (CI stays green or red for a reason); a seed sweep, which finds
# new inputs, sets TEXTKIT_PROPERTY_SWEEP=1 and passes --hypothesis-seed=N.
DERANDOMIZE = "TEXTKIT_PROPERTY_SWEEP" not in os.environ
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=DERANDOMIZE)

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
    # issue #9: Tesseract's pages, misread note numerals, soft hyphens
    _word_line.map(lambda s: "\f" + s),
    st.sampled_from(["?Yoko Hirata, interview, Manila, 1992.", "lArturo Salcedo, Ports (Tokyo, 1990), 71.",
                     "the region.! The", "could last.? It", "“a quote.” Then", "an is\u00ad", "re¬"]),
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
    except textkit.PipelineError:
        raise  # a stage crashed: a bug, not a clear error about the input
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
    body = _parse(xml).find("t:text", NS)  # the volume title in front, and the body
    out = _alnum(sic_reading(body))
    # Each note's numeral as printed at its head (an inferred number was not printed).
    for note in doc.footnotes():
        out += _alnum("" if note.inferred else note.n)
    for fix in doc.corrections():  # the glued reference numerals removed from the text
        if fix.rule is Rule.FOOTNOTE_MARKER:
            out += _alnum(fix.original)
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


def _pieces(doc) -> list[tuple[str, str, str]]:
    """``(kind, text, original_text)`` of every block and footnote, in reading order."""
    out = []
    for block in doc.blocks():
        out.append((block.kind.value, block.text, block.original_text()))
        for anchor in block.notes:
            note = anchor.note.as_block()
            out.append(("note", note.text, note.original_text()))
    return out


def _line_letters(doc, numbers, kinds: set) -> str:
    numbers = set(numbers)
    return "".join(c for line in doc.lines if line.number in numbers and line.kind in kinds
                   for c in line.text if c.isalnum())


def check_only_repairs_change_text(text: str) -> None:
    from dataclasses import replace as _replace

    from textkit import pipeline
    from textkit.read import read_text

    try:
        doc = read_text(text, source="prop.txt")
    except textkit.TextkitError:
        return
    before = None
    for name, stage in pipeline.stages(doc.options):
        doc = _replace(stage(doc), stages=(*doc.stages, name))
        if not doc.texts:
            continue
        pieces = _pieces(doc)
        if before is None:  # the structure stage made the blocks: they are the scan's lines
            for block in doc.blocks():
                lines = [b.line for b in block.breaks]
                if lines:  # (a quotation split off mid-line holds part of its lines)
                    want = _line_letters(doc, lines, {LineKind.TEXT})
                    got = "".join(c for c in block.text if c.isalnum())
                    assert got in want, f"{name}: block at line {block.first_line} is not its lines' text"
                for anchor in block.notes:
                    note = anchor.note
                    want = _line_letters(doc, [b.line for b in note.breaks] or [note.line], {LineKind.FOOTNOTE})
                    got = ("" if note.inferred else note.n) + "".join(c for c in note.text if c.isalnum())
                    assert got == want, f"{name}: footnote {note.n} is not its lines' text"
        else:
            assert [p[0] for p in pieces] == [p[0] for p in before], f"{name} regrouped the blocks"
            assert [p[2] for p in pieces] == [p[2] for p in before], f"{name} lost the scan's reading"
            if name not in pipeline.REPAIRS:
                assert [p[1] for p in pieces] == [p[1] for p in before], f"{name} changed the text"
        before = pieces


def _paragraph_words(doc) -> list[str]:
    """Words of the paragraphs, but for a paragraph that is a lone number or a lone
    capital: printed between blank lines, as clean_text prints it, a number alone
    is a page number and a capital alone a displaced drop cap (hypothesis found
    ``INTRODUCTION\nW``, failing on main too). A soft hyphen or ``¬`` ending a paragraph
    marks a line break it does not have and is no part of the reading: clean_text does not
    print it (see textkit.tei.plain), so its word is looked for without it."""
    from textkit.layout.lines import is_page_number

    return [w for b in doc.blocks() if b.kind.value == "p" and not is_page_number(b.text.strip())
            and not re.fullmatch(r"[A-Z]", b.text.strip()) for w in b.text.rstrip("\u00ad¬").split()]


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
    # clean_text marks footnotes inline ("word[1]"); those marks are not words of the text
    second = " ".join(re.sub(r"\[(\d+|\*)\]", "", textkit.clean_text(again)).split())
    pos = 0
    for word in _paragraph_words(doc):
        found = second.find(word, pos)
        assert found >= 0, f"paragraph word {word!r} lost on the second pass"
        pos = found + len(word)


# --- properties over generated input ------------------------------------------

@SETTINGS
@given(any_text)
@example("A0\r          \r          \nN")  # found by hypothesis: the unplaced note's paragraph
# came after the heading's section div, which TEI does not allow
def test_any_string_gives_valid_tei_or_textkit_error(text):
    check_valid(text)


@SETTINGS
@given(ocr_like)
@example(SEP + "\nSome text of the page.")
@example(SEP + "\n1Kent Calder, Japan’s Role, 1991, 32.")  # found by hypothesis: a note with no anchor and no block
@example("the\n" + SEP + "\n?Yoko Hirata, interview, Manila, 1992.\n INTRODUCTION")  # found by hypothesis:
# the note's fallback anchor is the line that became the volume title: it was dropped
def test_sic_reading_gives_back_the_input_words(text):
    check_words_recoverable(text)


@SETTINGS
@given(ocr_like)
def test_original_text_of_blocks_is_in_the_input_in_order(text):
    check_original_in_order(text)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          derandomize=DERANDOMIZE)
@given(ocr_like)
@example("\nINTRODUCTION\n12\nINTRODUCTION")  # found by hypothesis: "12 INTRODUCTION" becomes a running head
@example("n the 9")  # found by hypothesis: the second pass drops the only line, "In the 9", as a running head
@example("INTRODUCTION\nW")  # found by hypothesis: a one-letter paragraph reads as a lone drop cap the second time
@example("\n".join(["the the the the region.”1 " * 8, "1Kent Calder, Japan’s Role, 1991, 32.",
                    "the the the the the the the " * 8, " " * 60, "1Kent Calder, Japan’s Role, 1991, 32."]))
# found by hypothesis (issue #9): notes looked for at the foot of the only page on the second pass
@example("Tanaka\nre¬\nthe")  # issue #9: a heading cannot end in ABBYY's ¬, as it cannot in a hyphen
@example("\n".join(["order.2 the the the the the " * 8, " the", "1Kent Calder, Japan’s Role, 1991, 32.",
                    "?Yoko Hirata, interview, Manila, 1992.", "the the the the " * 8]))
# issue #9: a line longer than any typeset line is a paragraph on both passes, never a wide editorial note
@example("\n".join([("order.2 the the the region " * 8), " " * 60, ("region reliance region.”1 " * 8)]))
# found by hypothesis (issue #9): lines longer than any typeset line read as one paragraph per line
# on one pass only
@example("an is\xad\nan is\xad\nministries")
# found by hypothesis: the channel split "isministries" only on a second run, once the first had
# made "is" a word of the document (it now judges again what it kept back while a pass changes)
@example("urveys ln")  # found by hypothesis: the channel's short-word rivals kept 'ln' back once
# 'urveys' read as 'surveys', and the ocr stage changed it on a second run (l for i is classic)
@example("?Yoko Hirata, interview, Manila, 1992.\nan is\xad\n\nTanaka")  # found by hypothesis: a short
# line ending in a soft hyphen let the next block stand apart as a heading when its paragraph had two
# lines, not when it had one (a hyphen's broken word goes on, whichever hyphen)
@example("urveys\n" + " " * 60 + "\n" + " " * 60 + "\nurveys")  # found by hypothesis: clean_text left out
# the note kept at the end (no text to attach to), so 'urveys' was once in the second pass, not vouched for
@example("INTRODUCTION\nre¬\nthe")  # found by CI's hypothesis run: the drop-cap stage saw the joined
# 'rethe' (no word, no initial), the channel then split it into 're the', and a second pass gave 'Are'
@example("urveys\n INTRODUCTION")  # found by CI's hypothesis run: the sample's one-space page start made
# 'urveys' a title page (titles are not corrected); clean_text's 'urveys', blank, 'INTRODUCTION' then
# read as one paragraph (one unfinished line went on over the blank line into the heading), corrected
@example("order.2\n\n\x0cthe\n\n2Ibid.\nan is\xad")  # found by a hypothesis seed sweep: the note cut off
# by its soft hyphen was printed before 'the', and the second pass joined them ('is the')
@example("INTRODUCTION\n?Yoko Hirata, interview, Manila, 1992.\n\nT\nthe")  # found by a seed sweep: a
# capital alone on its line opened no drop-cap paragraph, but 'T the' as clean_text prints it did
@example("INTRODUCTION\nthe\nthe\n1Kent Calder, Japan’s Role, 1991, 32.\n1Kent Calder, Japan’s Role, 1991, 32.\n"
         "?Yoko Hirata, interview, Manila, 1992.\n\nT\nthe")  # found by a seed sweep (269): a front note
# measured in lines was too long for one on the scan's reading and short enough on clean_text's, whose
# block is one line; in words both readings measure it alike
@example("INTRODUCTION\n1Kent Calder, Japan’s Role, 1991, 32.\n Japan\nT the")  # found by a seed sweep
# (275): on the second pass the front note before the drop cap took the sub-heading 'Japan' in
def test_repair_is_idempotent_on_clean_text(text):
    check_idempotent(text)


@SETTINGS
@given(any_text)
def test_only_repair_stages_change_text(text):
    check_only_repairs_change_text(text)


# --- the same invariants on the real and synthetic volumes -----------------------

@pytest.mark.parametrize("path", VOLUMES, ids=[p.parent.name + "/" + p.name if p.parent.parent.name == "tesseract"
                                              else p.name for p in VOLUMES])
@pytest.mark.parametrize("check", [check_words_recoverable, check_original_in_order, check_idempotent,
                                   check_only_repairs_change_text],
                         ids=["words-recoverable", "original-in-order", "idempotent", "only-repairs-change"])
def test_invariants_on_volumes(path, check):
    check(path.read_text(encoding="utf-8"))


# --- generated volumes: lay out random prose in the series' conventions ---------
#
# A small typesetter: random texts (title in capitals, byline, Title Case
# headings, paragraphs of random sentences, footnotes) are set on a full-width
# first page and two-column later pages, with page-start spaces, column
# blanks, footnote blocks, line-end hyphens and, by chance, running heads or
# page numbers. The conversion must give back the structure that was set.
# Layouts that would be ambiguous to any reader (a column or page break right
# after a line that ends a sentence; a paragraph ending at a column's last
# line) are re-drawn, not asserted on.

_PROSE = ["the", "of", "and", "to", "in", "that", "is", "for", "on", "with", "as", "by", "at", "from",
          "this", "which", "be", "are", "was", "not", "or", "have", "has", "but", "they", "their", "its",
          "more", "than", "other", "will", "would", "can", "these", "those", "all", "one", "new", "most",
          "some", "only", "also", "into", "over", "such", "between", "about", "after", "under", "while",
          "because", "where", "when", "each", "both", "many", "much", "few", "same", "own", "long", "great",
          "small", "large", "public", "local", "regional", "national", "foreign", "economic", "political",
          "social", "trade", "policy", "harbor", "river", "region", "country", "government", "ministry",
          "agreement", "question", "problem", "program", "interest", "market", "security", "order", "island",
          "state", "council", "report", "committee", "project", "system", "plan", "view", "share", "cost",
          "price", "water", "power", "fishing", "industry", "treaty", "border", "century", "decade",
          "village", "city", "coast", "fleet", "vessel", "license", "debate", "reform", "support", "growth",
          "capital", "labor", "energy", "transport", "shipping", "cargo", "network", "commission",
          "development", "population", "relations", "institutions", "negotiations", "responsibility",
          "conditions", "generation", "experience"]
_NOUNS = ["Harbor", "River", "Region", "Council", "Treaty", "Border", "Energy", "Trade", "Water",
          "Fisheries", "Island", "Coast", "Fleet", "Labor", "Policy", "Reform", "Security", "Growth",
          "Capital", "Transport", "Shipping", "Ministries", "Villages", "Cities", "Markets"]
_FIRST = ["Although", "Because", "During", "Surveys", "Energy", "Hydropower"]
_GIVEN = ["Ann", "Bo", "Carl", "Dita", "Emil", "Fumiko", "Goran", "Hedda", "Ines", "Jonas", "Kiri", "Lars",
          "Mirela", "Noa", "Otto", "Pia"]
_FAMILY = ["Lee", "Park", "Dunn", "Varga", "Ostrow", "Tamura", "Brandt", "Okafor", "Lindqvist", "Sorell",
           "Mendoza", "Halloran"]
_VOWELS = set("aeiouy")


def _title_case(words):
    small = {"and", "of", "the", "in", "for"}
    return " ".join(w if (i and w.lower() in small) else w[0].upper() + w[1:] for i, w in enumerate(words))


_COMPOUNDS = ["self-reliance", "long-term", "decision-making", "cross-border", "well-known", "U.S.-Japan",
              "Asia-Pacific", "post-Cold", "twenty-year"]
_DISPLACED = ["The", "When", "This", "After"]


def _random_volume(rng: random.Random) -> dict:
    texts, titles = [], set()
    for _ in range(rng.randint(1, 3)):
        title = " ".join(rng.sample(_NOUNS, rng.randint(2, 5))).upper()
        while title in titles:  # two texts of one title at two page tops read as a running head
            title = " ".join(rng.sample(_NOUNS, rng.randint(2, 5))).upper()  # printed twice: ambiguous
        titles.add(title)
        authors = [f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}" for _ in range(rng.randint(1, 3))]
        displaced = rng.random() < 0.4
        blocks = []
        note_n = 0
        first = True
        for _ in range(rng.randint(3, 7)):
            if not first and rng.random() < 0.35:
                words = rng.sample(_NOUNS, rng.randint(1, 3))
                head = _title_case(words[:1] + ["and"] + words[1:] if len(words) > 1 else words)
                sub = rng.random() < 0.25  # a sub-heading follows its parent after a blank line
                blocks.append(("h", head, not sub and rng.random() < 0.4))
                if sub:
                    blocks.append(("h2", _title_case(rng.sample(_NOUNS, 1) + ["and"] + rng.sample(_NOUNS, 1)),
                                   rng.random() < 0.4))
            sentences = []
            quote = not first and rng.random() < 0.15
            for s_ in range(rng.randint(2, 5)):
                words = [rng.choice(_PROSE) for _ in range(rng.randint(10, 22))]
                if rng.random() < 0.3:
                    words[rng.randint(1, len(words) - 1)] = rng.choice(_COMPOUNDS)
                if rng.random() < 0.12:
                    note_n += 1
                    at = rng.randint(1, len(words) - 2)
                    words[at:at + 1] = ["in", f"{rng.randint(1950, 1999)}\x01{note_n}"]
                if first and s_ == 0:
                    words[0] = rng.choice(_DISPLACED if displaced else _FIRST)
                else:
                    words[0] = words[0][0].upper() + words[0][1:]
                sentence = " ".join(words) + "."
                if rng.random() < 0.3:
                    note_n += 1
                    sentence += f"\x01{note_n}"
                sentences.append(sentence)
            if quote:
                sentences[-1] = re.sub(r"\.(\x01\d+)?$", r":\1", sentences[-1])
            blocks.append(("p", " ".join(sentences), False))
            if quote:
                q = [" ".join(rng.choice(_PROSE) for _ in range(rng.randint(8, 16))) for _ in range(rng.randint(2, 3))]
                blocks.append(("q", " ".join(x[0].upper() + x[1:] + "." for x in q), False))
            first = False
        texts.append({"title": title, "authors": authors, "blocks": blocks, "displaced": displaced,
                      "byline": (", ".join(authors[:-1]) + " and " + authors[-1]) if len(authors) > 1 else authors[0]})
    style = rng.choice(["none", "top-number", "bottom-number", "top-head", "bottom-head"])
    cities = ["Lund", "Riga", "Suva", "Manila", "Hanoi", "Tarawa", "Halvik"]
    months = ["January", "March", "May", "June", "October"]
    notes = []
    for _ in range(40):
        kind = rng.random()
        if kind < 0.5:
            notes.append(f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}, {_title_case(rng.sample(_NOUNS, 3))} "
                         f"({rng.choice(cities)}, {rng.randint(1970, 1999)}), {rng.randint(2, 300)}.")
        elif kind < 0.7:
            notes.append(f"Ibid., {rng.randint(2, 300)}.")
        else:
            notes.append(f"Interview with an official, {rng.choice(cities)}, {rng.randint(1, 28)} "
                         f"{rng.choice(months)} {rng.randint(1990, 1999)}.")
    vol = {"texts": texts, "style": style, "notes": notes, "head": f"JOURNAL OF {rng.choice(_NOUNS).upper()} STUDIES",
            "full_w": rng.randint(84, 92), "col_w": rng.randint(44, 50),
            "full_cap": rng.randint(14, 26), "col_cap": rng.randint(12, 22), "page": rng.randint(2, 90)}
    # drawn last, so that the layouts above stay as they were for a given seed
    for text in texts:
        if len(text["authors"]) > 2 and rng.random() < 0.5:
            text["byline"] = ", ".join(text["authors"][:-1]) + ", and " + text["authors"][-1]
        text["stray"] = rng.random() < 0.3
        text["editorial"] = (" ".join(rng.choice(_PROSE) for _ in range(rng.randint(22, 34))).capitalize() + "."
                             if rng.random() < 0.3 else None)
    vol["recto"] = rng.random() < 0.5
    for text in texts:
        words = text["title"].split()
        if len(words) >= 4 and rng.random() < 0.5:  # the title over two or three lines, blanks between
            cut = sorted(rng.sample(range(1, len(words)), rng.randint(1, 2)))
            text["title_lines"] = [" ".join(words[a:b]) for a, b in zip([0, *cut], [*cut, len(words)], strict=True)]
        if rng.random() < 0.3:  # an "Introduction" heading right before the first paragraph
            text["blocks"].insert(0, ("h", "Introduction", True))
        text["split_heads"] = rng.random() < 0.4  # headings of three or more words over two lines
    return vol


class _Ambiguous(Exception):
    pass


def _splits(word):
    if not re.fullmatch(r"[a-z]{8,}", word):
        return []
    return [i for i in range(3, len(word) - 3)
            if word[i - 1] in _VOWELS and word[i] not in _VOWELS and word[i + 1] in _VOWELS]


def _set_volume(vol: dict) -> tuple[str, dict]:
    """Typeset ``vol``; return the OCR text and what was set (raise _Ambiguous)."""
    out: list[str] = []
    truth = {"texts": [], "joined": set(), "kept": set(), "marks": set()}
    st_ = {"page": vol["page"] - 1}

    def new_page(full):
        st_.update(page=st_["page"] + 1, full=full, col=0, used=0, notes=[], start=True)

    def cap():
        return vol["full_cap"] if st_["full"] else vol["col_cap"]

    def width():
        return vol["full_w"] if st_["full"] else vol["col_w"]

    def finish_page():
        if st_.get("initial") and st_["first"]:
            out.append("")
            out.append(st_.pop("initial"))
        if st_["notes"]:
            out.append("")
            out.append(" " * 60)
            for n, text in st_["notes"]:
                line = ""
                for w in f"{n}{text}".split():
                    if line and len(line) + 1 + len(w) > width():
                        out.append(line)
                        line = w
                    else:
                        line = f"{line} {w}" if line else w
                out.append(line)
        if vol["style"] == "bottom-number":
            out.append(str(st_["page"]))
            truth["marks"].add(str(st_["page"]))
        elif vol["style"] == "bottom-head" and not st_["first"]:
            out.append(f"{vol['head']} {st_['page']}")
            truth["marks"].add(vol["head"])

    def next_column():
        if not st_["full"] and st_["col"] == 0:
            out.append("")
            st_.update(col=1, used=0)
            return "column"
        finish_page()
        new_page(False)
        st_["first"] = False
        return "page"

    def put(line):
        if st_["used"] >= cap():
            next_column()
        if st_["start"]:
            st_["start"] = False
            if vol["style"] == "top-number" and not st_["first"]:
                out.append(f" {st_['page']}")
                truth["marks"].add(str(st_["page"]))
                out.append(line)
            elif vol["style"] == "top-head" and not st_["first"]:
                if vol.get("recto") and st_["page"] % 2:
                    recto = _title_case(st_["title"].lower().split())
                    out.append(f" {recto} {st_['page']}")
                    truth["marks"].add(f"{recto} {st_['page']}")  # its words may recur in a note's title
                else:
                    out.append(f" {st_['page']} {vol['head']}")
                    truth["marks"].add(vol["head"])
                out.append(line)
            else:
                out.append(" " + line)
        else:
            out.append(line)
        st_["used"] += 1

    def blank():
        if 0 < st_["used"] < cap() and not st_["start"]:
            out.append("")
            st_["used"] += 1

    for ti, text in enumerate(vol["texts"]):
        if ti:
            out.extend([""] * 4)
        new_page(True)
        st_["first"] = True
        st_["title"] = text["title"]
        for k, title_line in enumerate(text.get("title_lines", [text["title"]])):
            if k:
                out.append("")
            put(title_line)
        out.append("")
        put(text["byline"])
        out.append("")
        record = {"title": text["title"], "authors": text["authors"], "heads": [], "notes": [], "paragraphs": 0,
                  "first": None, "quotes": 0, "seen_sub": False, "editorial": 0}
        first = True
        for kind, content, noblank in text["blocks"]:
            if kind in ("h", "h2"):
                if st_["used"] + 5 > cap() and kind == "h":
                    st_["used"] = cap()
                head_words = content.split()
                if text.get("split_heads") and len(head_words) >= 3:
                    put(" ".join(head_words[:2]))
                    put(" ".join(head_words[2:]))
                else:
                    put(content)
                if not noblank:
                    blank()
                level = 2 if kind == "h2" else [1, 2] if record["seen_sub"] else 1
                record["seen_sub"] = record["seen_sub"] or kind == "h2"
                record["heads"].append([content, level])
                continue
            if kind == "q":
                record["quotes"] += 1
            else:
                record["paragraphs"] += 1
            words = content.split()
            if first:
                record["first"] = re.sub(r"\x01\d+", "", " ".join(words[:3]))
                if text["displaced"]:
                    st_["initial"] = words[0][0]
                words[0] = words[0][1:]
                first = False
            i, prev = 0, None
            while i < len(words):
                broke = None
                if st_["used"] >= cap():
                    broke = next_column()
                line, length = [], 0
                while i < len(words):
                    shown = words[i].split("\x01")[0] + ("".join(words[i].split("\x01")[1:]))
                    add = len(shown) + (1 if line else 0)
                    if length + add <= width():
                        line.append(words[i])
                        length += add
                        i += 1
                        continue
                    word = words[i]
                    hyphen = word.find("-", 1)
                    if 0 < hyphen < len(word) - 1 and "\x01" not in word:
                        if length + (1 if line else 0) + hyphen + 1 <= width():
                            truth["kept"].add(word.rstrip(".:"))
                            line.append(word[:hyphen + 1])
                            words[i] = word[hyphen + 1:]
                        break
                    cut = [p for p in _splits(word) if length + (1 if line else 0) + p + 1 <= width()]
                    if cut and width() - length > 4:
                        truth["joined"].add(word)
                        line.append(word[:cut[-1]] + "-")
                        words[i] = word[cut[-1]:]
                    break
                if broke and prev is not None and re.search(r"[.:?!]$", prev.split("\x01")[0]):
                    raise _Ambiguous("a break after a line that ends a sentence")
                for w in line:
                    if "\x01" in w:
                        word, n = w.split("\x01")
                        note = vol["notes"][(int(n) + 3 * ti) % len(vol["notes"])]
                        st_["notes"].append((n, note))
                        record["notes"].append({"n": n, "after": word, "text": note})
                put(" ".join(w.replace("\x01", "") for w in line))
                prev = line[-1]
            if st_["used"] >= cap():
                raise _Ambiguous("a paragraph ends on a column's last line")
            blank()
            if text.get("editorial") and record["paragraphs"] == 1 and kind == "p" and st_["full"]:
                lines, line = [], ""
                for w in text["editorial"].split():
                    if line and len(line) + 1 + len(w) > 116:
                        lines.append(line)
                        line = w
                    else:
                        line = f"{line} {w}" if line else w
                lines.append(line)
                if st_["used"] + len(lines) + 2 <= cap():
                    for editorial_line in lines:
                        put(editorial_line)
                    blank()
                    record["editorial"] = 1
                    record["editorial_text"] = text["editorial"]
        finish_page()
        if text.get("stray"):
            out.extend(["", " ."])
        truth["texts"].append(record)
    return "\n".join(out) + "\n", truth


def _seeded(seed: int):
    """The first unambiguous layout from ``seed`` on."""
    for attempt in range(200):
        try:
            return _set_volume(_random_volume(random.Random(seed + attempt)))
        except _Ambiguous:
            continue
    raise AssertionError("no unambiguous layout found")  # pragma: no cover


@st.composite
def generated_volumes(draw):
    return _seeded(draw(st.integers(0, 10**9)))


def check_generated(text: str, truth: dict) -> None:
    doc = textkit.convert_text(text, source="generated.txt")
    xml = textkit.to_tei(doc)
    textkit.validate(xml)
    body = _parse(xml).find("t:text/t:body", NS)
    divs = body.findall("t:div", NS)
    problems = []

    def read(el, notes=False):
        parts = [el.text or ""]
        for child in el:
            name = _local(child)
            if name == "choice":
                parts += [read(o, notes) for o in child if _local(o) in ("corr", "reg")][:1]
            elif name not in (None, "lb", "pb") and (notes or name != "note"):
                parts.append(read(child, notes))
            parts.append(child.tail or "")
        return " ".join("".join(parts).split())

    titles = [read(d.find("t:head", NS)) if d.find("t:head", NS) is not None else "" for d in divs]
    want = [t["title"] for t in truth["texts"]]
    if titles != want:
        problems.append(f"titles {titles}, expected {want}")
    for t, div in zip(truth["texts"], divs, strict=False):
        authors = [read(a) for a in div.findall("t:byline/t:docAuthor", NS)]
        if authors != t["authors"]:
            problems.append(f"{t['title']}: authors {authors}, expected {t['authors']}")
        heads = [[read(d.find("t:head", NS)), {"section": 1, "subsection": 2}.get(d.get("type"))]
                 for d in div.iter(f"{{{TEI}}}div") if d is not div]
        if len(heads) != len(t["heads"]) or any(
                g[0] != w[0] or g[1] not in (w[1] if isinstance(w[1], list) else [w[1]])
                for g, w in zip(heads, t["heads"], strict=False)):
            problems.append(f"{t['title']}: heads {heads}, expected {t['heads']}")
        editorial = [n for n in div.iter(f"{{{TEI}}}note") if n.get("type") == "editorial"]
        if len(editorial) != t["editorial"]:
            problems.append(f"{t['title']}: {len(editorial)} editorial notes, expected {t['editorial']}")
        quotes = list(div.iter(f"{{{TEI}}}quote"))
        if len(quotes) != t["quotes"]:
            problems.append(f"{t['title']}: {len(quotes)} quotations, expected {t['quotes']}")
        paras = [p for p in div.iter(f"{{{TEI}}}p")
                 if not any(_local(a) in ("note", "quote") for a in p.iterancestors())]
        if len(paras) != t["paragraphs"]:
            problems.append(f"{t['title']}: {len(paras)} paragraphs, expected {t['paragraphs']}")
        if paras and not read(paras[0]).startswith(t["first"]):
            problems.append(f"{t['title']}: first paragraph {read(paras[0])[:30]!r}, expected {t['first']!r}")
        notes = [n for n in div.iter(f"{{{TEI}}}note") if n.get("place") == "foot"]
        got = [(n.get("n"), read(n, notes=True)) for n in notes]
        wanted = [(n["n"], n["text"]) for n in t["notes"]]
        if got != wanted:
            problems.append(f"{t['title']}: notes {got}, expected {wanted}")
    everything = read(body, notes=True)
    for mark in truth["marks"]:
        if mark.isdigit():  # a page number: no paragraph or head may begin or end with it
            for el in body.iter(f"{{{TEI}}}p", f"{{{TEI}}}head"):
                words = read(el).split()
                if words and mark in (words[0], words[-1]):
                    problems.append(f"page number {mark!r} remains in {' '.join(words)[:60]!r}")
        elif re.search(rf"(?<!\w){re.escape(mark)}(?!\w)", everything):
            problems.append(f"running head {mark!r} remains")
    for word in truth["kept"]:
        if not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", everything):
            problems.append(f"compound {word!r} not kept")
    for word in truth["joined"]:
        if not re.search(rf"(?<![\w-]){word}(?![\w-])", everything):
            problems.append(f"hyphenated {word!r} not joined")
    fixes = [(c.original, c.replacement) for c in doc.corrections() if c.rule.is_ocr]
    if fixes:  # the typeset text has no misreadings: nothing may be "corrected"
        problems.append(f"OCR corrections of a text without misreadings: {fixes}")
    assert not problems, "\n".join(problems) + "\n--- input:\n" + text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          derandomize=DERANDOMIZE)
@given(generated_volumes())
# Layouts that failed once, run every time (re-find the seeds if the
# generator changes): note lines of one pattern ending in a number (the day
# of a date) on several pages, read as running heads (seed 120); a wrapped
# note whose last line is its cited page, "8." read as a note 8 (753); a
# displaced drop cap followed by the page's folio (1543); a one-word title
# line that recurs in a later title, read as a running head (723).
@example(_seeded(120))
@example(_seeded(753))
@example(_seeded(1543))
@example(_seeded(723))
def test_generated_volumes_convert_to_what_was_set(volume):
    text, truth = volume
    check_generated(text, truth)


@SETTINGS
@given(generated_volumes())
def test_only_repair_stages_change_generated_volumes(volume):
    check_only_repairs_change_text(volume[0])
