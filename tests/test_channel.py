"""The noisy-channel OCR corrector (textkit.repair.channel): behaviour on cases with ids.

Cases live in ``tests/data/channel/cases.json``: a text and the changes that
must be *applied* (original, replacement), in order; anything else may at
most be suggested.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from textkit.lexicon import default_lexicon, lexicon_for
from textkit.repair.channel import Channel, Kind, Thresholds, apply, count_words

CASES = json.loads((Path(__file__).parent / "data" / "channel" / "cases.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def channel() -> Channel:
    return Channel.load()


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_case(channel, case):
    found = channel.suggest(case["text"], lexicon=default_lexicon())
    applied = [[s.original, s.replacement] for s in found if s.applied]
    assert applied == case["applied"], case["comment"]
    for s in found:
        assert case["text"][s.start:s.end] == s.original
        assert s.evidence


def test_repeated_misreading_of_a_frequent_word_is_still_corrected(channel):
    # 23 "tbe" in a book of 800 "the": repetition alone does not make it a word.
    counts = Counter({"the": 800, "tbe": 23, "man": 5, "woman": 5, "and": 300})
    found = channel.suggest("tbe man and tbe woman", lexicon=default_lexicon(),
                            document_counts=counts)
    assert [(s.replacement, s.applied) for s in found] == [("the", True), ("the", True)]
    assert "'tbe' 23×" in found[0].evidence


def test_a_term_the_document_repeats_is_kept(channel):
    # A form the document repeats, with no very frequent neighbour to explain it.
    counts = Counter({"sorghums": 12, "grow": 3, "here": 3})
    found = channel.suggest("sorghums grow here", lexicon=default_lexicon(), document_counts=counts)
    assert not [s for s in found if s.applied]


def test_modem_alone_is_only_a_suggestion(channel):
    # "modem" is a word: without the document's support the context alone only suggests.
    found = channel.suggest("Japan entered the modem world after 1868.", lexicon=default_lexicon())
    assert [(s.original, s.replacement, s.applied, s.kind) for s in found] == [
        ("modem", "modern", False, Kind.REAL_WORD)]
    assert 0 < found[0].certainty < 1


def test_uncertain_change_is_a_suggestion_not_applied(channel):
    strict = Channel(channel.model, Thresholds(apply=50.0), channel.priors)
    text = "It was veiy cold."
    found = strict.suggest(text, lexicon=default_lexicon())
    assert [(s.replacement, s.applied) for s in found] == [("very", False)]
    assert apply(text, found) == text
    assert apply(text, found, all_suggestions=True) == "It was very cold."


def test_confident_ocr_word_blocks_a_marginal_change(channel):
    text = "He said it, whde we waited outside."
    at = text.index("whde")
    plain = channel.suggest(text, lexicon=default_lexicon())
    sure = channel.suggest(text, lexicon=default_lexicon(), confidences={at: 0.99})
    unsure = channel.suggest(text, lexicon=default_lexicon(), confidences={at: 0.2})
    assert plain[0].applied
    assert not [s for s in sure if s.applied]
    assert unsure[0].applied and unsure[0].log_odds > plain[0].log_odds
    assert "OCR confidence 0.99" in (sure[0].evidence if sure else "OCR confidence 0.99")


def test_user_words_are_protected(channel):
    text = "The Tbe river is long."
    assert not channel.suggest(text, lexicon=lexicon_for(frozenset({"Tbe"})), protected=frozenset({"Tbe"}))


def test_deterministic(channel):
    text = " ".join(case["text"] for case in CASES)
    runs = [channel.suggest(text, lexicon=default_lexicon(), document_counts=count_words([text]))
            for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]
    fresh = Channel(channel.model).suggest(text, lexicon=default_lexicon(),
                                          document_counts=count_words([text]))
    assert fresh == runs[0]


def test_offsets_rebuild_the_text(channel):
    text = "It was veiy cold, and tbe wind blew irom the north; a pecu- niary loss."
    found = channel.suggest(text, lexicon=default_lexicon())
    assert all(text[s.start:s.end] == s.original for s in found)
    fixed = apply(text, found)
    # Undo the applied changes from the end: the scan's reading comes back.
    shift = 0
    for s in found:
        if s.applied:
            start = s.start + shift
            assert fixed[start:start + len(s.replacement)] == s.replacement
            shift += len(s.replacement) - (s.end - s.start)


def test_real_word_in_a_clean_volume_is_kept(channel):
    # "the pipeline would tie three governments": "would the" and "the three" are
    # common pairs, but in a clean scan a real word is seldom a misreading.
    path = Path(__file__).parent / "data" / "volumes" / "energy-security-1997.txt"
    text = path.read_text(encoding="utf-8")
    sentence = "the pipeline would tie three governments to a single route"
    found = channel.suggest(sentence, lexicon=default_lexicon(), document_counts=count_words([text]))
    assert not [s for s in found if s.applied]
    for s in found:
        assert "for this scan's noise" in s.evidence


def test_real_word_by_the_scans_own_confusion_has_a_lower_bar(channel):
    # "aud" for "and" in a clean volume is only suggested (the real-word bar); in a scan whose
    # sure corrections read u for n all through it, that confusion is its own: applied. A
    # scan with another confusion of its own (c for e) does not lower it.
    text = (Path(__file__).parent / "data" / "volumes" / "energy-security-1997.txt").read_text("utf-8")
    counts = count_words([text])
    sentence = "The implications for urban water supply are considerable aud largely unexplored."
    model = channel.model.without_long_s()

    def applied(model):
        found = Channel(model, channel.thresholds, channel.priors).suggest(
            sentence, lexicon=default_lexicon(), document_counts=counts)
        assert [(s.original, s.replacement) for s in found] == [("aud", "and")]
        return found[0].applied
    assert not applied(model)
    assert applied(model.adapted({("u", "n"): 3}, {"n": 300}))
    assert not applied(model.adapted({("c", "e"): 3}, {"e": 300}))


def test_non_word_by_the_scans_own_confusion_has_a_lower_bar(channel):
    # "reuts" is "rents" at log-odds 2.3, under the bar (2.5), in a clean volume; where the
    # scan's sure corrections read u for n (at a rate no cheaper than the learned one), that
    # confusion is its own: applied from 2.0.
    text = (Path(__file__).parent / "data" / "volumes" / "energy-security-1997.txt").read_text("utf-8")
    counts = count_words([text])
    model = channel.model.without_long_s()

    def applied(model):
        found = Channel(model, channel.thresholds, channel.priors).suggest(
            "The reuts were paid late.", lexicon=default_lexicon(), document_counts=counts)
        assert [(s.original, s.replacement) for s in found] == [("reuts", "rents")]
        assert channel.thresholds.apply_own <= found[0].log_odds < channel.thresholds.apply
        return found[0].applied
    assert not applied(model)
    assert applied(model.adapted({("u", "n"): 2}, {"n": 3000}))
    assert not applied(model.adapted({("c", "e"): 2}, {"e": 3000}))


def test_sample_volume_is_not_damaged(channel):
    """The sample volume's OCR text: only misreadings change (reviewed by eye)."""
    path = Path(__file__).parent.parent / "fixtures" / "us-japan-in-asia-1994.txt"
    text = path.read_text(encoding="utf-8")
    found = channel.suggest(text, lexicon=default_lexicon(), document_counts=count_words([text]))
    applied = {(s.original, s.replacement) for s in found if s.applied}
    right = {("faimess", "fairness"), ("unfaimess", "unfairness"), ("govemance", "governance"),
             ("ln", "In"), ("wam", "war"),  # "wam" is "warn" misread; "war" is the LM's pick
             ("pecialists", "specialists")}  # the drop cap S stood apart (the dropcaps stage's)
    assert applied <= right, applied - right


ROOT = Path(__file__).resolve().parent.parent
PAIRS = [Path("/work/shared/ocr-pairs"), ROOT.parent / "shared" / "ocr-pairs"]


@pytest.mark.slow
@pytest.mark.skipif(not any((p / "bln600-train.csv").exists() for p in PAIRS),
                    reason="the OCR/gold pairs of shared/ocr-pairs are not here")
def test_correction_benchmark_runs():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "correction_benchmark.py"),
                           "--quick", "--no-symspell"], capture_output=True, text=True,
                          timeout=900, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| channel " in done.stdout and "sample volume" in done.stdout


def test_shipped_rivals_table_is_what_the_search_finds():
    # The table is precomputed from the model (benchmarks/build_channel_rivals.py):
    # a model relearned without rebuilding it fails here.
    from textkit.lexicon import frequencies
    from textkit.repair.channel.candidates import _shipped_rivals, search_rivals

    floor, table = _shipped_rivals()
    counts = frequencies()
    common = sorted(w for w in counts if counts[w] >= floor)
    for word in common[::97] + ["modem", "tile", "ail"]:
        if counts.get(word, 0) < floor:
            continue
        want = [(c, round(cost, 4)) for c, cost in search_rivals(word)]
        assert [(c, round(cost, 4)) for c, cost in table.get(word, ())] == want, word


LONG_S_PRINT = ("It is alfo faid that the Houfe of Commons has postponed the fecond reading, "
                "becaufe his Majefty's Minifters thought it fafe to wait; John Smith, Efq. "
                "fpoke firft, and fuch was the cafe. Thefe perfons were himfelf and his friends, "
                "who, it feems, fhall not confent. ")


def test_a_print_that_sets_the_long_s_is_read_with_it(channel):
    # The long s (ſ) of an old print read as f: the document's many "fuch", "thefe" show it,
    # and then names and repeated forms are read with it too (Efq, Houfe of Commons).
    text = LONG_S_PRINT * 2
    found = channel.suggest(text, lexicon=default_lexicon())
    fixed = apply(text, found)
    for word in ("also said", "House of Commons", "second", "because", "Majesty's", "Ministers",
                 "safe", "Esq.", "first", "such", "These persons", "himself", "shall", "consent"):
        assert word in fixed, word
    assert "spoke" in fixed
    # Real f stays f: in words as printed and at a word's end (the long s is never final).
    assert fixed.count(" of ") == text.count(" of ") and "his friends" in fixed
    assert all("long s" in s.evidence for s in found if s.applied and "f" in s.original.lower()
               and s.original.lower().replace("f", "s") == s.replacement.lower())


def test_a_few_f_for_s_misreadings_do_not_make_a_print_with_the_long_s(channel):
    # A modern text with an odd "fome": one word alone is no convention of the print.
    text = ("The Stafford committee found fome evidence that the fund was fafe, and a chief "
            "official said so. ") * 3
    found = channel.suggest(text, lexicon=default_lexicon())
    assert not any("long s" in s.evidence for s in found)
    assert "Stafford" in apply(text, found) and "chief" in apply(text, found)


def test_the_stage_learns_the_confusions_of_the_documents_own_sure_corrections():
    # A scan that reads 'm' as 'in' all through (ininistries, inembers, ...) makes 'inet' a
    # likely 'met' there; in a text without that habit 'inet' is left alone.
    import textkit

    clean = ("The committee sat in the spring. Its members said the budget was remarkable and "
             "the ministries agreed. The delegates inet only twice before the summer.")
    noisy = (clean.replace("remarkable", "reinarkable").replace("ministries", "ininistries")
             .replace("members", "inembers").replace("committee", "coinmittee"))

    def changes(text):
        doc = textkit.convert_text(text + "\n")
        return [(c.original, c.replacement) for b in doc.blocks() for c in b.corrections]
    assert changes(clean) == []
    assert ("inet", "met") in changes(noisy)


@pytest.mark.parametrize("word", ["govemment", "tbe", "rnodern", "cornmittee", "ofher", "iu"])
def test_an_adapted_model_reads_an_uncued_word_as_its_origin(word: str) -> None:
    """The judge searches a word the adapted model's cues are not in with the model it was
    adapted from (its readings cached once for all documents): they must be the same."""
    from textkit.repair.channel.candidates import readings
    from textkit.repair.channel.model import ChannelModel

    base = ChannelModel.load()
    adapted = base.adapted({("tn", "m"): 3, ("c", "e"): 2}, {"m": 300, "e": 400})
    known = default_lexicon().knows
    assert {"c", "tn"} <= set(adapted.cues)  # and the other broken m's (model._broken_m)
    if any(cue in word for cue in adapted.cues):
        assert adapted.reading(word) is adapted
    else:
        assert adapted.reading(word) is base
        assert readings(word, known, adapted) == readings(word, known, base)


@pytest.mark.parametrize("word", ["governtnent", "tbe", "cornmittee", "rnodern", "fuch", "thefe",
                                  "ofher", "iu", "bauks", "lias", "cxcellent", "tliis", "ivliich"])
def test_an_adapted_search_starts_from_its_origins(word: str) -> None:
    """Under an adapted model only the cues' rules are applied to the origin's search of a
    word: the readings must be those of the whole search under the adapted model."""
    from textkit.repair.channel.candidates import adapted_search, merged, readings, search
    from textkit.repair.channel.model import ChannelModel

    known = default_lexicon().words.__contains__
    base = ChannelModel.load()
    for origin in (base, base.without_long_s()):
        adapted = origin.adapted({("tn", "m"): 3, ("", "e"): 3, ("u", "n"): 4, ("f", "s"): 3,
                                  ("li", "h"): 2, ("c", "e"): 2},
                                 {"m": 300, "e": 400, "n": 200, "s": 100, "h": 50})
        assert {"", "c", "f", "li", "tn", "u"} <= set(adapted.cues)  # and the broken m's
        for model in (adapted, adapted.without_long_s()):
            whole = readings(word, known, model)
            assert merged(adapted_search(word, known, model, search(word, known, model.adapted_from)),
                          word) == whole
    assert readings("governtnent", known, adapted)["government"] < readings(
        "governtnent", known, base)["government"]


def test_an_adapted_model_reads_a_cued_word_otherwise() -> None:
    from textkit.repair.channel.candidates import readings
    from textkit.repair.channel.model import ChannelModel

    base = ChannelModel.load()
    adapted = base.adapted({("tn", "m"): 3}, {"m": 300})
    known = default_lexicon().knows
    assert adapted.reading("governtnent") is adapted
    assert readings("governtnent", known, adapted) != readings("governtnent", known, base)
    assert adapted.without_long_s().reading("ofher") is base.without_long_s()


def test_a_name_misread_by_the_scans_own_confusion_is_the_documents_name(channel):
    # "Luzom" mid-sentence is a name by its capital, kept; where the document prints "Luzon"
    # ten times and the scan reads m for n all through, it is that name. Not where the name is
    # printed only twice, nor with another confusion of the scan's own. "Luzou" is that name
    # by a likely confusion (u for n, P = 1/125) even where the scan's own corrections do not
    # show it, since "Luzon" is a name the lexicon knows; m for n (P = 1/600) is not likely.
    text = (Path(__file__).parent / "data" / "volumes" / "energy-security-1997.txt").read_text("utf-8")
    model = channel.model.without_long_s()

    def applied(model, luzon, word="Luzom"):
        sentence = f"The farmers of {word} sold their rice."
        counts = count_words([text, "Luzon " * luzon, sentence])
        found = Channel(model, channel.thresholds, channel.priors).suggest(
            sentence, lexicon=default_lexicon(), document_counts=counts)
        return [(s.original, s.replacement) for s in found if s.applied]
    own = model.adapted({("m", "n"): 3}, {"n": 300})
    assert applied(own, 10) == [("Luzom", "Luzon")]
    assert applied(own, 2) == []
    assert applied(model, 10) == []
    assert applied(model.adapted({("c", "e"): 3}, {"e": 300}), 10) == []
    assert applied(model, 10, "Luzou") == [("Luzou", "Luzon")]
    assert applied(model, 2, "Luzou") == []


def test_halves_of_a_word_one_of_them_misread_are_joined(channel):
    # A space the scan put inside a word at a damaged glyph, misread where it split: joined
    # into the word. Halves of one or two letters, an edit far from the space ("ina tion" is
    # no "nation"), and two words one of which is misread ("long timne") are not.
    found = channel.suggest(
        "She was made the happy recio ient of a gold guard, and served penal sersi tude. "
        "The firm had a long timne of ina tion and the tl ing was lost.",
        lexicon=default_lexicon())
    joins = [(s.original, s.replacement) for s in found if s.applied and s.kind is Kind.JOIN]
    assert joins == [("recio ient", "recipient"), ("sersi tude", "servitude")]


def test_a_scan_that_breaks_m_into_two_narrow_letters_breaks_it_all_through(channel):
    # Its sure corrections read "in" for "m" (inet: met): "tn", "ti", "ut" may be "m" too,
    # at that rate and a little more. A scan with another confusion of its own: not read.
    sentence = "Their optimistn faded as the stialler states lost alutost everything."
    model = channel.model.without_long_s()

    def applied(model):
        found = Channel(model, channel.thresholds, channel.priors).suggest(
            sentence, lexicon=default_lexicon())
        return [(s.original, s.replacement) for s in found if s.applied]
    broken = [("optimistn", "optimism"), ("stialler", "smaller"), ("alutost", "almost")]
    assert applied(model.adapted({("in", "m"): 3}, {"m": 300})) == broken
    assert applied(model) == []
    assert applied(model.adapted({("u", "n"): 3}, {"n": 300})) == []


def test_a_verdict_is_given_again_only_where_its_inputs_are_the_same(channel):
    """The stage's later passes keep the verdicts of earlier ones (``verdicts``): a word
    whose neighbours, place and counts read are the same gets the verdict it got, at its
    new place; one whose counts moved is weighed again."""
    lexicon = default_lexicon()
    text = "It was veiy cold, and tbe wind blew irom the north."
    counts = count_words([text])
    settings = dict(lexicon=lexicon, noise=(3, 11), total=11)

    def fresh(text: str, counts: Counter[str]) -> list:
        return channel.suggest(text, document_counts=counts, **settings)
    memo: dict = {}
    first = channel.suggest(text, document_counts=counts, verdicts=memo, **settings)
    assert first == fresh(text, counts) and memo
    moved = "Then " + text  # the same words five characters on
    assert channel.suggest(moved, document_counts=counts, verdicts=memo, **settings) == fresh(moved, counts)
    repeated = counts + Counter({"tbe": 40})  # the document repeats the form: a term's odds
    again = channel.suggest(text, document_counts=repeated, verdicts=memo, **settings)
    assert again == fresh(text, repeated)
    assert [s.log_odds for s in again if s.original == "tbe"] != [
        s.log_odds for s in first if s.original == "tbe"]


def _edited(old: str, changes: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """``old`` with each ``(found, replacement)`` made at the first place after the last."""
    edits, at = [], 0
    for found, replacement in changes:
        start = old.index(found, at)
        edits.append((start, start + len(found), replacement))
        at = start + len(found)
    return apply_spans(old, edits), edits


def apply_spans(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, at = [], 0
    for start, end, replacement in edits:
        out += [text[at:start], replacement]
        at = end
    return "".join(out + [text[at:]])


@pytest.mark.parametrize("changes", [
    [("Tbe", "The"), ("con sulting", "consulting"), ("l0ng", "long"), ("tbe", "the")],
    [("cat’s", "cats"), ("hat,", "hat"), ("Its", "It is")],  # a form the text loses, one it gains
    [("s  h", "sh"), ("list. Its", "list.Its")],  # edits across white space, stretches merged
], ids=["words", "forms-gone-and-new", "across-spaces"])
def test_recount_equals_a_count_made_anew(changes: list[tuple[str, str]]) -> None:
    """The channel stage's counts after a pass, moved by its edits only, are those counted anew."""
    from textkit.repair.channel.stage import _count
    from textkit.repair.edits import recount

    old = "Tbe cat’s  hat, con sulting\nthe l0ng-list. Its tbe café"
    new, edits = _edited(old, changes)
    counts = count_words([old, "other tbe"])
    recount(counts, [(old, new, edits)], _count)
    assert dict(counts) == dict(count_words([new, "other tbe"]))


def test_recount_counts_anew_where_the_edits_do_not_make_the_text() -> None:
    from textkit.repair.channel.stage import _count
    from textkit.repair.edits import recount

    counts = count_words(["tbe cat sat"])
    recount(counts, [("tbe cat sat", "the dog sat", [(0, 3, "the")])], _count)
    assert dict(counts) == dict(count_words(["the dog sat"]))


def test_a_doubled_letter_read_once_is_no_prefixed_word(channel):
    # "comission" reads as co + mission, but a doubled letter read as one is a misreading
    # the channel knows: the prefix vouches for it no more, and the judge reads it.
    # A prefixed word with no doubled reading ("coworkers") is still vouched for.
    found = channel.suggest("The comission met the coworkers of the board in the morning.",
                            lexicon=default_lexicon())
    assert [(s.original, s.replacement) for s in found if s.applied] == [("comission", "commission")]


def test_a_capital_j_before_small_letters_is_tesseracts_l(channel):
    # Tesseract reads a degraded small l at a word's start as J ("Jand", "Jong"): read as l
    # where that makes a word the document prints and a neighbour supports, in small letters
    # mid-sentence. Not a name (no word with l), nor a form whose l-word the document lacks
    # (there the channel's own reading weighs it as any capitalized word).
    text = ("The land was long held by the state, and the land reform took a long time. "
            "The Jand reform was Jong delayed. Jarvis and Jeno came.")
    found = channel.suggest(text, lexicon=default_lexicon())
    assert [(s.original, s.replacement) for s in found if s.applied] == [
        ("Jand", "land"), ("Jong", "long")]
    lone = channel.suggest("The Jand reform was delayed.", lexicon=default_lexicon())
    assert ("Jand", "land") not in [(s.original, s.replacement) for s in lone]


def test_a_kept_line_end_hyphen_whose_half_is_misread_is_joined(channel):
    # The hyphen stage keeps "prob-Jem" and "conn-try" (their joins are no words); the
    # channel, told where those hyphens are, reads the join as the word. A compound the
    # stage kept (its join a word: "ice-breaker" is "icebreaker") and a hyphen no line
    # end left ("mid-Jem") are not its business.
    text = "The prob-Jem of the conn-try was clear when the ice-breaker and the mid-Jem came."
    kept = frozenset(text.index(half) for half in ("Jem of", "try", "breaker"))
    found = channel.suggest(text, lexicon=default_lexicon(), kept_hyphens=kept)
    assert [(s.original, s.replacement) for s in found if s.applied] == [
        ("prob-Jem", "problem"), ("conn-try", "country")]
    assert not [s for s in channel.suggest(text, lexicon=default_lexicon()) if s.applied
                and "-" in s.original]


def test_tesseracts_known_confusions_are_a_tesseract_scans_own_from_the_start():
    # A plain text that follows Tesseract's conventions gets its documented confusions
    # (in/m, rn/m, li/h, cl/d, e/c, n/u) as the scan's own before its sure corrections show
    # them: "optimisin" (in for m) clears the own bar there, not in a text of no known program.
    from textkit.model import Block, BlockKind, Document, Text, TextKind
    from textkit.repair.channel.stage import correct_with_channel

    paras = ("The port planners and the coastal authorities met in the spring of that year.",
             "The early optimisin about the price of coal seems misplaced now.")

    def fixed(fmt: str) -> list[tuple[str, str]]:
        blocks = tuple(Block(BlockKind.PARAGRAPH, p, i + 2, i + 2) for i, p in enumerate(paras))
        doc = Document("t.txt", "", "", input_format=fmt, texts=(
            Text(TextKind.ESSAY, Block(BlockKind.HEAD, "A TITLE", 1, 1), (), None, blocks),))
        return [(c.original, c.replacement) for c in correct_with_channel(doc).corrections()]
    assert fixed("tesseract") == [("optimisin", "optimism")]
    assert fixed("text") == []


def test_a_long_word_two_misreadings_away_is_read_through_the_scans_own_confusion():
    # "conchision": 'h' for 'li' (one of Tesseract's documented confusions, a Tesseract
    # scan's own) and 'i' for 'u' (a learned one): two steps, out of one step's reach. The
    # second step is taken only through the scan's own confusions and in words of seven
    # letters or more, so a text of no known program keeps it (its evidence says so).
    from textkit.model import Block, BlockKind, Document, Text, TextKind
    from textkit.repair.channel.stage import correct_with_channel

    paras = ("The committee reached its conchision after a long debate about the harbour.",
             "The public and the coastal authorities met in the spring to discuss the policy.")

    def fixed(fmt: str) -> list[tuple[str, str, str]]:
        blocks = tuple(Block(BlockKind.PARAGRAPH, p, i + 2, i + 2) for i, p in enumerate(paras))
        doc = Document("t.txt", "", "", input_format=fmt, texts=(
            Text(TextKind.ESSAY, Block(BlockKind.HEAD, "A TITLE", 1, 1), (), None, blocks),))
        return [(c.original, c.replacement, c.note) for c in correct_with_channel(doc).corrections()]
    [(original, replacement, note)] = fixed("tesseract")
    assert (original, replacement) == ("conchision", "conclusion")
    assert "two misreadings, one this scan's own ('h' for 'li')" in note
    assert fixed("text") == []


def test_a_short_word_read_through_the_scans_own_confusion_is_weighed_against_unseen_rivals():
    # "ou the grain trade": 'u' for 'n' is a Tesseract scan's own (documented) confusion; the
    # words one letter away (our, out, you...) compete at an unseen edit's cost, not at most
    # a few nats above the reading's own (as for a classic confusion): applied there, only
    # suggested in a text of no known program.
    from textkit.model import Block, BlockKind, Document, Text, TextKind
    from textkit.repair.channel.stage import correct_with_channel

    paras = ("The government preferred bilateral arrangements ou the grain trade it could control.",
             "The public and the coastal authorities met in the spring to discuss the policy.")

    def run(fmt: str) -> Document:
        blocks = tuple(Block(BlockKind.PARAGRAPH, p, i + 2, i + 2) for i, p in enumerate(paras))
        return correct_with_channel(Document("t.txt", "", "", input_format=fmt, texts=(
            Text(TextKind.ESSAY, Block(BlockKind.HEAD, "A TITLE", 1, 1), (), None, blocks),)))
    [fixed] = run("tesseract").corrections()
    assert (fixed.original, fixed.replacement) == ("ou", "on")
    assert "'u' for 'n' is this scan's own confusion" in fixed.note
    plain = run("text")
    assert not list(plain.corrections())
    assert [(c.original, c.replacement) for c in plain.suggestions] == [("ou", "on")]


def _tesseract_paras(paras: tuple[str, ...], fmt: str):
    from textkit.model import Block, BlockKind, Document, Text, TextKind
    from textkit.repair.channel.stage import correct_with_channel

    blocks = tuple(Block(BlockKind.PARAGRAPH, p, i + 2, i + 2) for i, p in enumerate(paras))
    return correct_with_channel(Document("t.txt", "", "", input_format=fmt, texts=(
        Text(TextKind.ESSAY, Block(BlockKind.HEAD, "A TITLE", 1, 1), (), None, blocks),)))


def test_issue_11_m_and_n_are_a_tesseract_scans_own_confusion():
    # The minims of m and n, merged or split: on the Tesseract tuning volumes (fixtures and
    # round 7) 'm' for 'n' and 'n' for 'm' are 19 of 377 misread letters, beside u/n and in/m.
    # "govermients": 'm' for 'n' and 'i' for 'm', out of one step's reach without it.
    paras = ("Reform was left to the national govermients of the region after the war.",
             "The public and the coastal authorities met in the spring to discuss the policy.")
    fixed = [(c.original, c.replacement, c.note) for c in _tesseract_paras(paras, "tesseract").corrections()]
    assert [(o, r) for o, r, _ in fixed] == [("govermients", "governments")]
    assert "('m' for 'n')" in fixed[0][2]
    assert not list(_tesseract_paras(paras, "text").corrections())


def test_issue_11_a_reading_two_misreadings_away_needs_the_second_step_bar():
    # "contimed" (continued: 'm' for 'nu', which no rule reads) is 'confined' through 'm' for
    # 'n' and 't' for 'f' at log-odds 2.5-2.9: above the first bar, below the second step's 3.0,
    # whose rivals two steps away through other confusions the search never weighs.
    from textkit.repair.channel.judge import Thresholds

    # (A volume's length of other text: the own confusion's rate is its count among the
    # document's letters, dearer in a long text than in two sentences.)
    filler = "The public and the coastal authorities met in the spring to discuss the national policy on ports."
    paras = ("The pressure on the harbour contimed to rise after the war and the floods.",) + (filler,) * 60
    doc = _tesseract_paras(paras, "tesseract")
    assert not [c for c in doc.corrections() if c.original == "contimed"]
    [held] = [s for s in doc.suggestions if s.original == "contimed"]
    assert "two misreadings" in held.note
    assert Thresholds().apply <= float(held.note.rsplit("log-odds ", 1)[1].split(";")[0]) < Thresholds().second_step


def test_prefix_reach_is_the_longest_beginning_of_a_known_word():
    # The search's prune (issue 11, point 4): it must never stop short of a known word's beginning,
    # for the shipped lexicon with a user's words (its sorted lists and theirs) and any other set.
    from textkit.lexicon import prefix_reach

    texts = ["governrnent", "govermnents", "the", "", "xqz", "Nakanishii", "zyxwvut", "qu", "aardvarks",
             "zzzz", "conchision", "tbe", "ofher", "rnodern", "'tis", "über"]
    with_user = lexicon_for(frozenset({"Nakanishi", "zyxwv"})).words
    for words in (with_user, frozenset(sorted(with_user)[::3])):
        beginnings = {w[:k] for w in words for k in range(len(w) + 1)}
        reach = prefix_reach(words)
        for text in texts:
            n = reach(text)
            assert text[:n] in beginnings and (n == len(text) or text[:n + 1] not in beginnings), (text, n)
    assert prefix_reach(with_user)("Nakanishii") == 9 and prefix_reach(default_lexicon().words)("Nakanishii") < 9


@pytest.mark.parametrize("word", ["conchision", "govermients", "aninistries", "governtnent", "tbe", "rnodern",
                                  "cornmittee", "ofher", "iu", "bauks", "lias", "cxcellent", "tliis", "xqzvw",
                                  "contimed", "speculatiug", "accordinglv", "wansparency", "Refations".lower()])
def test_a_search_pruned_by_the_lexicons_reach_finds_the_same_readings(word: str) -> None:
    """The reach only spares strings no known word can be: the same readings, in the same order."""
    from textkit.lexicon import prefix_reach
    from textkit.repair.channel.candidates import adapted_search, search
    from textkit.repair.channel.model import ChannelModel

    words = default_lexicon().words
    known, reach = words.__contains__, prefix_reach(words)
    base = ChannelModel.load()
    adapted = base.adapted({("h", "li"): 3, ("in", "m"): 3, ("u", "n"): 4, ("m", "n"): 2, ("c", "e"): 2},
                           {"li": 100, "m": 100, "n": 200, "e": 300}, second_step=True)
    for model in (base, adapted, adapted.without_long_s()):
        whole, pruned = search(word, known, model), search(word, known, model, reach=reach)
        assert [list(part.items()) for part in pruned] == [list(part.items()) for part in whole]
    origin = search(word, known, base)
    whole, pruned = adapted_search(word, known, adapted, origin), adapted_search(word, known, adapted, origin,
                                                                                  reach=reach)
    assert [list(part.items()) for part in pruned] == [list(part.items()) for part in whole]


def test_capitalized_words_are_those_at_a_word_boundary():
    """The stage's capitalized-word search (the capital tested after it is found) finds what
    ``\\b[A-Z][\\w’'-]*`` finds, in every text of letters, marks and spaces."""
    import random
    import re

    from textkit.repair.channel.stage import _CAPITALIZED

    boundary = re.compile(r"\b[A-Z][\w’'-]*")
    pick = random.Random(11).choice
    texts = ["", "A", "aB", "x-Abc", "aB-Cd", "Dita Dunn", "McArthur and O'Neill", "_Ab 1Ab éAb ’Ab"]
    texts += ["".join(pick("aAbBZ ’'-_.1é\nÉxX") for _ in range(n % 13)) for n in range(5000)]
    for text in texts:
        assert [m.span() for m in _CAPITALIZED.finditer(text)] == \
            [m.span() for m in boundary.finditer(text)], text
