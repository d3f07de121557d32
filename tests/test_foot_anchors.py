"""The references of notes found at a page foot (plain text with no separator line).

The alignment takes the page's notes in order and the candidate numerals of
its text in order; these tests build both by hand.
"""

import doctest

from textkit.layout import footnotes
from textkit.layout.footnotes import FootNote, RefCandidate, align, glyph_score, weak_places
from textkit.layout.lines import raw_lines
from textkit.model import LineKind, SourceLine


def _note(n: str, line: int = 99, mid: bool = False) -> FootNote:
    return FootNote((line,), n, "", False, 0, mid)


def _cand(line: int, glyph: str, after: str = "punct", line_end: bool = False) -> RefCandidate:
    return RefCandidate(line, 0, glyph, after, line_end)


def test_doctests():
    assert doctest.testmod(footnotes).failed == 0


def test_alignment_is_monotone_and_takes_the_most_pairs():
    # Note 1 may not take the digit 2 (another note's number): the order wins.
    notes = [_note("1"), _note("2")]
    cands = [_cand(1, "!"), _cand(2, "2")]
    got = align(notes, cands, [0, 0], [10, 10], [(0, 10), (0, 10)])
    assert got == {0: cands[0], 1: cands[1]}


def test_a_note_whose_reference_was_lost_stays_unmatched():
    notes = [_note("1"), _note("2"), _note("3")]
    cands = [_cand(1, "!"), _cand(5, "*")]  # ² lost; * is a 3
    got = align(notes, cands, [0] * 3, [10] * 3, [(0, 10)] * 3)
    assert got == {0: cands[0], 2: cands[1]}


def test_weak_glyphs_are_not_placed():
    # A ? ending a line after a word (a question, a heading) and a ’ after a word.
    notes = [_note("2"), _note("3")]
    cands = [_cand(1, "?", "word", line_end=True), _cand(2, "’", "word")]
    assert align(notes, cands, [0, 0], [10, 10], [(0, 10)] * 2) == {}


def test_a_weak_glyph_is_placed_where_it_is_the_only_candidate_between_placed_notes():
    # Note 2 of 1-2-3: its ! after a word (0.3) is all that stands between the
    # references of notes 1 and 3, so nothing else can be its reference.
    notes = [_note("1"), _note("2"), _note("3")]
    cands = [_cand(1, "1"), _cand(4, "!", "word"), _cand(7, "3")]
    matched = align(notes, cands, [0] * 3, [10] * 3, [(0, 10)] * 3)
    assert matched == {0: cands[0], 2: cands[2]}
    assert weak_places(notes, cands, [0] * 3, [10] * 3, matched) == {1: cands[1]}


def test_weak_glyphs_are_not_placed_where_another_could_be_the_reference():
    notes = [_note("1"), _note("2"), _note("3")]
    lows, highs = [0] * 3, [10] * 3
    two = [_cand(1, "1"), _cand(3, "!", "word"), _cand(5, "!", "word"), _cand(7, "3")]
    assert weak_places(notes, two, lows, highs, {0: two[0], 2: two[3]}) == {}
    # two notes without a reference between the same neighbours: which one's is it?
    four = [_note("1"), _note("2"), _note("3"), _note("4")]
    one = [_cand(1, "1"), _cand(4, "!", "word"), _cand(7, "4")]
    assert weak_places(four, one, [0] * 4, [10] * 4, {0: one[0], 3: one[2]}) == {}
    # a question mark ending a line (a heading's) is never placed so
    end = [_cand(1, "1"), _cand(4, "?", "word", line_end=True), _cand(7, "3")]
    assert weak_places(notes, end, lows, highs, {0: end[0], 2: end[2]}) == {}


def test_the_page_own_text_wins_over_the_next_page():
    notes = [_note("2")]
    here, there = _cand(3, "?"), _cand(12, "?")
    assert align(notes, [here, there], [0], [20], [(0, 10)]) == {0: here}


def test_glyph_scores_follow_the_numeral_shapes():
    assert glyph_score(_cand(0, "1"), "1") == 1.0
    assert glyph_score(_cand(0, "!"), "1") > glyph_score(_cand(0, "!"), "3")
    assert glyph_score(_cand(0, "?"), "2") > glyph_score(_cand(0, "?"), "1")
    assert glyph_score(_cand(0, "l"), "2") == 0.0
    assert glyph_score(_cand(0, "?", "word"), "2") < glyph_score(_cand(0, "?"), "2")


def test_a_digit_is_another_note_number_unless_ocr_confuses_the_two():
    # ³ is read as 2 after a full stop; a 1 is note 1's reference (or a number), never note 3's.
    assert glyph_score(_cand(0, "2"), "3") >= footnotes.PLACE_SCORE
    assert glyph_score(_cand(0, "1"), "3") == 0.0
    assert glyph_score(_cand(0, "4"), "2") == 0.0
    assert glyph_score(_cand(0, "2", "word"), "3") == 0.0
    notes = [_note("2"), _note("3")]
    cands = [_cand(1, "?"), _cand(2, "1")]  # the 1 of 1995.1 is no reference of note 3
    assert align(notes, cands, [0, 0], [10, 10], [(0, 10)] * 2) == {0: cands[0]}


def _candidates(text: str) -> list[tuple[str, str]]:
    lines = raw_lines([SourceLine(t, 1) for t in text.split("\n")])
    kinds = [LineKind.TEXT if l.content else LineKind.BLANK for l in lines]
    return [(c.glyph, c.after) for c in footnotes.ref_candidates(lines, kinds, 0, len(lines))]


def test_candidates_skip_closing_quotes_and_brackets():
    assert _candidates("He said “the port must pay.” Then (as in 1994) the rest.") == []
    assert _candidates("the port must pay.” Then") == [("”", "punct")]
    # a ‘ the scan put before a capital at a line start opens no quotation
    assert _candidates("‘The progress in Haiphong.’ The rest") == [("’", "punct")]
    assert _candidates("the treasury officials? Some") == [("?", "word")]
    assert _candidates("the treasury officials ? Some") == [("?", "space")]
    assert _candidates("the treasury officials.?, Some") == [("?", "punct")]  # a stray comma after it
    assert _candidates("there were 2 ports and 3 harbors") == []  # numbers, not references


def test_a_raised_zero_read_as_a_degree_sign_makes_the_tens():
    # ¹⁰ after a sentence's stop, its 0 read as the small circle it looks like; a
    # degree sign after a number is no reference.
    assert _candidates("is still hard to find in the region.1° The lesson") == [("1°", "punct")]
    assert _candidates("the water stood at 12° that year") == []
    notes = [_note("9"), _note("10")]
    cands = [_cand(1, "°"), _cand(2, "1°")]
    assert align(notes, cands, [0, 0], [10, 10], [(0, 10)] * 2) == {0: cands[0], 1: cands[1]}
    assert glyph_score(_cand(2, "1°"), "1") == 0.0


def test_a_degree_sign_is_mostly_a_five_and_a_circled_letter_a_six():
    # Tesseract at 300 dpi reads a superscript 5 after a stop as ° (the tuning
    # volumes: 9 times in 10) and a 6 as ® or © (5 in 5); any number may be
    # read so, but between two notes one mark could be, it goes to that number.
    assert glyph_score(_cand(0, "°"), "5") > glyph_score(_cand(0, "°"), "6") >= footnotes.PLACE_SCORE
    assert glyph_score(_cand(0, "®"), "6") > glyph_score(_cand(0, "®"), "5") >= footnotes.PLACE_SCORE
    assert glyph_score(_cand(0, "©"), "6") > glyph_score(_cand(0, "©"), "7")
    notes = [_note("5"), _note("6")]
    degree, circled = [_cand(1, "°")], [_cand(1, "®")]
    lows, highs, homes = [0, 0], [10, 10], [(0, 10)] * 2
    assert align(notes, degree, lows, highs, homes) == {0: degree[0]}
    assert align(notes, circled, lows, highs, homes) == {1: circled[0]}
