"""The structure scorer of ``benchmarks/structure_scores.py``, on hand-made documents.

These test the scorer itself (what a perfect, a damaged and an empty reading
score), never textkit's current scores on the Tesseract corpus: those are
the benchmark's business (``benchmarks/structure_benchmark.py``) and change.
"""

from __future__ import annotations

import doctest
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from textkit.model import (Block, BlockKind, Division, Document, Footnote, NoteAnchor, Text,
                           TextKind)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "ocr" / "tesseract"


def _load():
    spec = importlib.util.spec_from_file_location("structure_scores",
                                                  ROOT / "benchmarks" / "structure_scores.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["structure_scores"] = module
    spec.loader.exec_module(module)
    return module


ss = _load()


# --- building documents -----------------------------------------------------

def block(text: str, kind: BlockKind = BlockKind.PARAGRAPH, notes: tuple = ()) -> Block:
    return Block(kind, text, 1, 1, notes=notes)


def with_notes(*pieces) -> Block:
    """A paragraph from text pieces and ``(n, note text)`` pairs, each anchored where it stands."""
    text, anchors = "", []
    for piece in pieces:
        if isinstance(piece, tuple):
            anchors.append(NoteAnchor(len(text), Footnote(piece[0], piece[1], 1)))
        else:
            text += piece
    return block(text, notes=tuple(anchors))


def document(texts: list[Text], title: str = "") -> Document:
    return Document(source="t.txt", sha256="0", raw="", title=title, texts=tuple(texts))


def text(title: str, authors: tuple[str, ...], blocks=(), divisions=(),
         kind: TextKind = TextKind.ESSAY) -> Text:
    return Text(kind, block(title, BlockKind.HEAD), authors, None, tuple(blocks), tuple(divisions))


def section(head: str, level: int = 1, blocks=(), divisions=()) -> Division:
    return Division(level, block(head, BlockKind.HEAD), tuple(blocks), tuple(divisions))


def document_from_gold(gold: dict) -> Document:
    """The document a perfect reader would return for ``gold`` (paragraphs by their first
    words only, each footnote anchored right after its ``context`` or ``after`` words)."""
    texts = []
    for t in gold["texts"]:
        paras = [p["first_words"] for p in t["paragraphs"]]
        notes: list[list] = [[] for _ in paras]
        for k, note in enumerate(t["footnotes"]):
            notes[k % len(paras)].append(note)
        blocks = []
        for first, mine in zip(paras, notes, strict=True):
            pieces: list = [first]
            for note in mine:
                pieces += [" " + (note.get("context") or note["after"]), (note["n"], note["text"])]
            blocks.append(with_notes(*pieces))
        blocks += [block(q["text"], BlockKind.QUOTE) for q in t["quotes"]]
        blocks += [block(e["text"], BlockKind.EDITORIAL_NOTE) for e in t["editorial"]]
        divisions: list[Division] = []
        for head, level in t["heads"]:
            if level == 2 and divisions:
                parent = divisions[-1]
                divisions[-1] = Division(parent.level, parent.head, parent.blocks,
                                         parent.divisions + (section(head, 2),))
            else:
                divisions.append(section(head, level))
        kind = TextKind.INTRODUCTION if t["kind"] == "introduction" else TextKind.ESSAY
        texts.append(text(t["title"], tuple(t["authors"]), blocks, divisions, kind))
    return document(texts, gold["title"])


GOLD = {
    "title": "Harbors and Hinterlands",
    "texts": [
        {"kind": "introduction", "title": "INTRODUCTION", "authors": ["Ann Lee", "Bo Chen"],
         "heads": [["The Questions", 1]],
         "paragraphs": [{"first_words": "Since 1985, private shippers have argued"},
                        {"first_words": "Nothing in the history of Pusan"}],
         "footnotes": [{"n": "1", "text": "Ruth Okada, Ports and Power (Tokyo, 1990), 12.",
                        "after": "could settle the matter."}],
         "quotes": [], "editorial": []},
        {"kind": "essay", "title": "WHO PAYS FOR THE HARBOR?", "authors": ["Luis Marcelo"],
         "heads": [["Three Models", 1], ["Landlord Ports", 2], ["Conclusion", 1]],
         "paragraphs": [{"first_words": "The case for patience rests on"},
                        {"first_words": "Public opinion in Osaka has moved"},
                        {"first_words": "What the negotiators of 1980 could"}],
         "footnotes": [{"n": "1", "text": "Figures from the annual reports of the ministry.",
                        "after": "the precedent is important."},
                       {"n": "2", "text": "The point was made most forcefully by Ruth Okada.",
                        "after": "being left behind."}],
         "quotes": [{"first_words": "It is easy to agree on", "text": "It is easy to agree on goals."}],
         "editorial": [{"first_words": "This essay was first presented at",
                        "text": "This essay was first presented at the workshop."}]},
    ],
}


def perfect() -> Document:
    return document_from_gold(GOLD)


def scores(doc: Document) -> dict:
    return ss.score(doc, GOLD).as_dict()


# --- tests ------------------------------------------------------------------

def test_doctests():
    assert doctest.testmod(ss).failed == 0


def test_perfect_document_scores_one_everywhere():
    s = scores(perfect())
    assert s["texts"] == {"got": 2, "gold": 2}
    assert s["volume_title"] == 1
    assert s["levels"] == 1.0
    for name in ss.Scores.PRF_FIELDS:
        assert s[name]["f1"] == 1.0, name


@pytest.mark.parametrize("volume", sorted(p.name for p in CORPUS.glob("*/") if (p / "gold.json").is_file()))
def test_each_fixture_gold_scores_one_on_itself(volume):
    """The committed golds are consistent with the scorer: a perfect reading gets 1.0."""
    gold = json.loads((CORPUS / volume / "gold.json").read_text(encoding="utf-8"))
    s = ss.score(document_from_gold(gold), gold).as_dict()
    assert s["volume_title"] == 1 and s["levels"] == 1.0
    for name in ss.Scores.PRF_FIELDS:
        assert s[name]["f1"] in (1.0, None), (name, s[name])
    assert s["paragraphs"]["gold"] > 0 and s["notes"]["gold"] > 0


def test_missing_footnote_lowers_footnote_recall_only():
    doc = perfect()
    essay = doc.texts[1]
    first, *rest = essay.blocks
    stripped = Block(first.kind, first.text, 1, 1, notes=())  # this paragraph held note 1
    doc = document([doc.texts[0], Text(essay.kind, essay.title, essay.authors, None,
                                       (stripped, *rest), essay.divisions)], GOLD["title"])
    s = scores(doc)
    assert s["notes"]["tp"] == 2 and s["notes"]["gold"] == 3 and s["notes"]["got"] == 2
    assert s["notes"]["precision"] == 1.0
    assert s["notes"]["f1"] == pytest.approx(0.8)
    assert s["notes_anchored"]["f1"] == pytest.approx(0.8)
    assert s["paragraphs"]["f1"] == 1.0


def test_footnote_at_the_wrong_place_is_found_but_not_anchored():
    doc = document([text("INTRODUCTION", ("Ann Lee", "Bo Chen"), [
        with_notes("Since 1985, private shippers have argued", ("1", GOLD["texts"][0]["footnotes"][0]["text"]),
                   " that no one could settle the matter."),
        block("Nothing in the history of Pusan"),
    ], [section("The Questions")], TextKind.INTRODUCTION)], GOLD["title"])
    s = ss.score(doc, {**GOLD, "texts": GOLD["texts"][:1]}).as_dict()
    assert s["notes"]["f1"] == 1.0
    assert s["notes_anchored"]["f1"] == 0.0


def test_anchor_tolerates_ocr_damage_and_a_stray_numeral():
    assert ss.anchored_after(ss.norm("could settle the matter."), ss.norm("that cou1d settle the matter.!"))
    assert ss.anchored_after(ss.norm("could settle the matter."), ss.norm("could settle the matter. l"))
    assert not ss.anchored_after(ss.norm("could settle the matter."),
                                 ss.norm("could settle the matter. Then we went on home"))


def test_footnote_text_must_roughly_match():
    note = {"first": ss.first_words("Ruth Okada, Ports and Power (Tokyo, 1990), 12."), "after": "the matter"}
    match = ss._note_match(anchor=True)
    assert match(note, ss.FoundNote(ss.norm("Ruth 0kada, Ports and Power (Tokyo, 1990)"), "of the matter"))
    assert match(note, ss.FoundNote(ss.norm("Figures from the annual reports"), "of the matter")) is None


def test_heading_with_a_misread_letter_matches_and_a_wrong_level_counts():
    doc = perfect()
    essay = doc.texts[1]
    divisions = (section("Three ModeIs"), section("Landlord Ports", 1), section("Conclusion"))
    doc = document([doc.texts[0], Text(essay.kind, essay.title, essay.authors, None, essay.blocks,
                                       divisions)], GOLD["title"])
    s = scores(doc)
    assert s["heads"]["f1"] == 1.0
    assert s["levels"] == pytest.approx(3 / 4)


def test_a_different_heading_does_not_match():
    doc = perfect()
    essay = doc.texts[1]
    divisions = (section("Three Models"), section("Conclusions and Outlook"))
    doc = document([doc.texts[0], Text(essay.kind, essay.title, essay.authors, None, essay.blocks,
                                       divisions)], GOLD["title"])
    s = scores(doc)
    assert s["heads"]["tp"] == 2 and s["heads"]["gold"] == 4 and s["heads"]["got"] == 3
    assert s["levels"] == 1.0


def test_paragraphs_split_or_misread():
    doc = perfect()
    intro = doc.texts[0]
    blocks = (intro.blocks[0], block("Nothing in the hist0ry of Pusan"), block("suggests that reform is easy"))
    doc = document([Text(intro.kind, intro.title, intro.authors, None, blocks, intro.divisions),
                    doc.texts[1]], GOLD["title"])
    s = scores(doc)
    assert s["paragraphs"]["tp"] == 5  # the misread one still matches
    assert s["paragraphs"]["got"] == 6 and s["paragraphs"]["precision"] == pytest.approx(5 / 6)


def test_a_quotation_read_as_a_paragraph_counts_against_both():
    doc = perfect()
    essay = doc.texts[1]
    blocks = tuple(block(b.text) if b.kind is BlockKind.QUOTE else b for b in essay.blocks)
    doc = document([doc.texts[0], Text(essay.kind, essay.title, essay.authors, None, blocks,
                                       essay.divisions)], GOLD["title"])
    s = scores(doc)
    assert s["quotes"]["f1"] == 0.0
    assert s["paragraphs"]["recall"] == 1.0 and s["paragraphs"]["precision"] < 1.0


def test_titles_authors_and_volume_title():
    doc = perfect()
    intro, essay = doc.texts
    doc = document([Text(intro.kind, intro.title, ("Ann Lee",), None, intro.blocks, intro.divisions),
                    Text(essay.kind, block("WHO PAYS FOR THE HARB0R?", BlockKind.HEAD), ("Luts Marcelo",),
                         None, essay.blocks, essay.divisions)], "")
    s = scores(doc)
    assert s["titles"]["f1"] == 1.0
    assert s["authors"]["tp"] == 2 and s["authors"]["recall"] == pytest.approx(2 / 3)
    assert s["volume_title"] == 0


def test_duplicates_count_once():
    assert ss.prf(["a b c"], ["a b c", "a b c"], ss.STRICT) == ss.PRF(1, 1, 2)


def test_empty_sides():
    assert ss.PRF(0, 0, 0).f1 is None
    assert ss.PRF(0, 2, 0).f1 == 0.0 and ss.PRF(0, 2, 0).recall == 0.0
    assert ss.PRF(0, 0, 3).f1 == 0.0 and ss.PRF(0, 0, 3).precision == 0.0
    s = ss.score(document([]), GOLD).as_dict()
    assert s["texts"] == {"got": 0, "gold": 2}
    assert s["levels"] is None
    assert all(s[name]["f1"] == 0.0 for name in ss.Scores.PRF_FIELDS)


def test_markup_read_as_text_is_recognised():
    hocr = ("<div class='ocr_page' id='page_1'> <span class='ocr_line' id='line_1_1'> "
            "<span class='ocrx_word' id='word_1_1' title='bbox 1 2 3 4; x_wconf 96'>The</span> ") * 4
    assert ss.read_as_markup(document([text("T", (), [block(hocr)])]))
    plain = "The results were <uneven> and, in 1994, 3 < 4 but a > b."
    assert not ss.read_as_markup(document([text("T", (), [block(plain)] * 5)]))


def test_misses_lists_what_went_wrong():
    doc = perfect()
    essay = doc.texts[1]
    doc = document([doc.texts[0], Text(essay.kind, essay.title, essay.authors, None, essay.blocks[1:],
                                       (section("Three Models"), section("Landlord Ports"),
                                        section("Conclusion"), section("Stray Line")))], GOLD["title"])
    m = ss.misses(doc, GOLD)
    assert m["paragraphs"]["missing"] == [ss.first_words("The case for patience rests on")]
    assert m["heads"]["extra"] == [("stray line", 1)]
    assert m["levels"]["wrong"] == [["landlord ports", 2, 1]]
    assert [n["first"] for n in m["notes"]["missing"]] == [ss.first_words("Figures from the annual reports of the ministry.")]


@pytest.mark.slow
def test_benchmark_runs_and_reports_every_row():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "structure_benchmark.py"),
                           "--format", "txt", "--format", "hocr", "--variant", "clean", "--json"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(done.stdout)["results"]
    volumes = {p.name for p in CORPUS.glob("*/") if (p / "gold.json").is_file()}
    assert {(r["volume"], r["format"]) for r in results} == {(v, f) for v in volumes for f in ("txt", "hocr")}
    for r in results:
        assert r["status"] in ("ok", "n/a")
        if r["status"] == "ok":
            assert set(r["scores"]) >= {"titles", "heads", "paragraphs", "notes_anchored", "levels"}
    assert any(r["status"] == "ok" for r in results if r["format"] == "txt")


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("structure_benchmark",
                                                  ROOT / "benchmarks" / "structure_benchmark.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_table_has_na_rows_and_means_of_the_scored_rows_only():
    bench = _load_benchmark()
    good = ss.score(perfect(), GOLD).as_dict()
    bad = ss.score(document([]), GOLD).as_dict()
    results = [
        {"volume": "a", "variant": "clean", "format": "txt", "status": "ok", "scores": good},
        {"volume": "b", "variant": "clean", "format": "txt", "status": "ok", "scores": bad},
        {"volume": "a", "variant": "clean", "format": "hocr", "status": "n/a", "reason": "x"},
    ]
    lines = bench.table(results).splitlines()
    row = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[2:-1]] for line in lines[2:]}
    columns = [name for name, _ in bench.COLUMNS]
    assert row["a clean hocr"] == ["n/a"] * len(columns)
    assert row["a clean txt"][columns.index("paras")] == "1.00"
    assert row["b clean txt"][columns.index("levels")] == "-"
    mean = row["mean clean txt (2)"]
    assert mean[columns.index("paras")] == "0.50"
    assert mean[columns.index("levels")] == "1.00"  # the volume with no heading found does not count
    assert mean[columns.index("texts")] == "2/4"
    assert not any(key.startswith("mean clean hocr") for key in row)


def test_committed_corpus_is_what_the_generator_writes():
    """``volume.tex`` and ``gold.json`` are regenerated whenever make_corpus.py changes
    (no TeX needed here: only the LaTeX source and the gold are compared)."""
    spec = importlib.util.spec_from_file_location("make_corpus",
                                                  ROOT / "benchmarks" / "corpus" / "make_corpus.py")
    make = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = make  # dataclasses look their module up
    spec.loader.exec_module(make)
    vols = make.build_volumes()
    assert sorted(v.slug for v in vols) == sorted(
        p.name for p in CORPUS.glob("*/") if (p / "gold.json").is_file())
    for vol in vols:
        committed = json.loads((CORPUS / vol.slug / "gold.json").read_text(encoding="utf-8"))
        assert make.gold(vol, committed["pages"]) == committed, vol.slug
        assert make.volume_tex(vol) == (CORPUS / vol.slug / "volume.tex").read_text(encoding="utf-8")


def test_context_tells_apart_two_anchors_after_the_same_words():
    """The same sentence closes two paragraphs; the words before it say which holds the note."""
    first = "Budgets in Osaka were cut in 1990. The debate will continue for some time."
    second = "Public opinion in Pusan has moved slowly. The debate will continue for some time."
    gold = {"title": "", "texts": [{
        "kind": "essay", "title": "T", "authors": [], "heads": [], "quotes": [], "editorial": [],
        "paragraphs": [{"first_words": ss.first_words(first)}, {"first_words": ss.first_words(second)}],
        "footnotes": [{"n": "1", "text": "Ruth Okada, Ports and Power (Tokyo, 1990), 12.",
                       "after": "for some time.", "context": " ".join(second.split()[-12:])}]}]}
    note = ("1", "Ruth Okada, Ports and Power (Tokyo, 1990), 12.")
    right = document([text("T", (), [block(first), with_notes(second, note)])])
    wrong = document([text("T", (), [with_notes(first, note), block(second)])])
    assert ss.score(right, gold).notes_anchored.f1 == 1.0
    assert ss.score(wrong, gold).notes_anchored.f1 == 0.0
    assert ss.score(wrong, gold).notes.f1 == 1.0
    no_context = {**gold, "texts": [{**gold["texts"][0], "footnotes": [
        {k: v for k, v in gold["texts"][0]["footnotes"][0].items() if k != "context"}]}]}
    assert ss.score(wrong, no_context).notes_anchored.f1 == 1.0  # "after" alone cannot tell


def test_anchor_in_a_block_cut_short_compares_what_there_is():
    context = ss.norm("Pusan were cut and the debate will continue for some time.")
    assert ss.anchored_after(context, ss.norm("debate will continue for some time."))
    assert not ss.anchored_after(context, ss.norm("some time."))  # fewer than four words
    assert not ss.anchored_after(context, ss.norm("debate will end quite soon now."))
