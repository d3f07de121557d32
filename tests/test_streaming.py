"""A volume converted one text at a time (issue #13): the TEI written in pieces, each
validated before it is written, and the input's copies released once no stage reads them.

What is written must be what the whole-tree writer (the golden-tested ``to_tei``) writes,
byte for byte; an invalid text anywhere must still fail the file and leave no output.
"""

from __future__ import annotations

import os
import random
import subprocess
import time
from pathlib import Path

import pytest
from helpers import umask
from lxml import etree

import textkit
from textkit import batch, pipeline
from textkit.batch import Status, Task, convert
from textkit.files import TMP_SUFFIX, atomic_output, sweep_temporary_files
from textkit.model import Block, BlockKind, Document, Footnote, Options, Text, TextKind
from textkit.read import read_text
from textkit.tei import writer
from textkit.tei.validate import validate_piece

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "us-japan-in-asia-1994.txt"
GOLDEN = ROOT / "tests" / "golden" / "us-japan-in-asia-1994.xml"
VOLUMES = sorted((ROOT / "tests" / "data" / "volumes").glob("*.txt"))


def _joined(doc: Document) -> str:
    return "".join(piece.text for piece in writer.tei_pieces(doc))


# --- the pieces make the file the whole-tree writer makes -----------------------------------

@pytest.mark.parametrize("keep_layout", [False, True])
@pytest.mark.parametrize("path", [SAMPLE, *VOLUMES[:3]], ids=lambda p: getattr(p, "stem", p))
def test_pieces_join_to_the_whole_tei(path: Path, keep_layout: bool) -> None:
    doc = textkit.convert_file(path, options=Options(keep_layout=keep_layout))
    pieces = list(writer.tei_pieces(doc))
    assert len(pieces) == len(doc.texts) > 1  # one piece per text: streamed
    assert "".join(p.text for p in pieces) == textkit.to_tei(doc)


def test_a_converted_file_is_the_golden_tei(tmp_path: Path) -> None:
    # The reviewed golden file, not a second run of the writer.
    out = tmp_path / "a.xml"
    result = convert.convert_one(Task(str(SAMPLE), out), batch.Job())
    assert result.status is Status.CONVERTED, result.reason
    assert out.read_bytes() == GOLDEN.read_bytes()


def _text(title: str, *paragraphs: str) -> Text:
    blocks = tuple(Block(BlockKind.PARAGRAPH, p, 3, 3) for p in paragraphs)
    return Text(TextKind.ESSAY, Block(BlockKind.HEAD, title, 1, 1), (), None, blocks)


@pytest.mark.parametrize("last", [("LAST", "Its own paragraph."), ("LAST",)],
                         ids=["last-text-has-a-paragraph", "last-text-has-none"])
def test_notes_with_no_place_end_the_last_paragraph_as_before(last: tuple[str, ...]) -> None:
    notes = (Footnote("1", "Kent Calder, 1996.", 9, anchored=False), Footnote("2", "Ibid.", 10, anchored=False))
    doc = Document("v.txt", "0" * 64, "", texts=(_text("ONE", "First text."), _text(*last)),
                   unplaced_notes=notes)
    tei = _joined(doc)
    assert tei == textkit.to_tei(doc)
    textkit.validate(tei)
    # where the notes went: after the last paragraph of the body, wherever it is
    paragraph = "Its own paragraph." if len(last) > 1 else "First text."
    assert tei.index(paragraph) < tei.index("Kent Calder") < tei.index("Ibid.")
    assert tei.count('anchored="false">') == 2


# --- releasing the input's copies changes no output -----------------------------------------

def test_private_use_characters_still_pick_the_same_sentinel() -> None:
    # The structure stage marks notes with a private-use character absent from the input:
    # the released document keeps those it has, so the choice does not change.
    text = SAMPLE.read_text(encoding="utf-8").replace("Japan", "Japan\ue000", 3)
    full = pipeline.run(read_text(text, source="pua.txt"))
    lean = pipeline.run(read_text(text, source="pua.txt"), release=True)
    assert textkit.to_tei(lean) == textkit.to_tei(full)
    assert "\ue000" in textkit.to_tei(lean)


@pytest.mark.parametrize("options", [Options(), Options(keep_layout=True), Options(correct_ocr=False)],
                         ids=["default", "keep-layout", "no-ocr"])
def test_a_released_run_writes_the_same_tei(options: Options) -> None:
    for path in (SAMPLE, *VOLUMES[:2]):
        text = path.read_text(encoding="utf-8")
        full = pipeline.run(read_text(text, source=path.name, options=options))
        lean = pipeline.run(read_text(text, source=path.name, options=options), release=True)
        assert textkit.to_tei(lean) == textkit.to_tei(full), path.name
        assert len(lean.raw) < 10 and not lean.lines and full.lines  # the copies are gone
        assert bool(lean.source_lines) == options.keep_layout  # kept only where the writer needs them


# --- validation of a streamed output still catches an invalid text ---------------------------

def test_an_invalid_later_text_fails_the_file_and_writes_nothing(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real = writer._Writer.text

    def text(self, body, item, ident):  # a writer bug in the third text only
        real(self, body, item, ident)
        if ident == "d3":
            writer._sub(body[-1], "bogus")

    monkeypatch.setattr(writer._Writer, "text", text)
    out = tmp_path / "a.xml"
    out.write_bytes(GOLDEN.read_bytes())  # an earlier run's output stays as it was
    result = convert.convert_one(Task(str(SAMPLE), out), batch.Job())
    assert result.status is Status.FAILED and "not valid" in result.reason
    assert out.read_bytes() == GOLDEN.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["a.xml"]  # no temporary file left
    # The problem's line is the line of the whole file where the bad element stands.
    whole = textkit.to_tei(textkit.convert_file(SAMPLE))
    bogus_line = whole[:whole.index("<bogus")].count("\n") + 1
    assert any(line == bogus_line for line, _ in result.validation["problems"]), result.validation
    with pytest.raises(textkit.ValidationError):
        textkit.validate(whole)  # and the whole file is indeed invalid there


def test_validate_piece_reports_lines_of_the_file() -> None:
    doc = textkit.convert_file(SAMPLE)
    pieces = list(writer.tei_pieces(doc))
    for piece in pieces:
        validate_piece(piece)
    broken = pieces[1]
    at = broken.standalone.index("<head>", broken.standalone.index("<body>"))
    bad = writer.Piece(broken.text, broken.standalone[:at] + "<oops/>" + broken.standalone[at:],
                       broken.line, broken.body_line)
    with pytest.raises(textkit.ValidationError) as caught:
        validate_piece(bad, source="a.xml")
    whole = "".join(p.text for p in pieces)
    div_line = whole[:whole.index('xml:id="d2"')].count("\n") + 1  # where text 2 begins in the file
    assert [line for line, _ in caught.value.problems] == [div_line + 1]  # its head's line



_T = "{%s}" % writer.TEI_NS
_ONE_TEXT = ("ESSAYS ON WORDS\n\nAnn Lee\n\nn the beginning there was a scan of tbe printed page, and its "
             "conver-\nsion into a text.1 The rnodern reader sees it.\n\n1 A note at the foot.\n")
_BREAKS = [  # what a writer's bug could leave in a tree built in memory
    ("nothing", lambda root: None),
    ("foreign element", lambda root: etree.SubElement(root.find(f".//{_T}p"), _T + "hi")),
    ("division type", lambda root: root.find(f".//{_T}div").set("type", "chapter")),
    ("text in element-only content", lambda root: setattr(root.find(f".//{_T}body"), "text", "stray")),
    ("whitespace in element-only content", lambda root: setattr(root.find(f".//{_T}body"), "text", "\n  ")),
    ("no title", lambda root: root.find(f".//{_T}titleStmt").remove(root.find(f".//{_T}titleStmt/{_T}title"))),
    ("a hash that is not one", lambda root: setattr(root.find(f".//{_T}idno"), "text", "x")),
    ("empty body", lambda root: [root.find(f".//{_T}body").remove(c) for c in list(root.find(f".//{_T}body"))]),
    ("note without id", lambda root: setattr(etree.SubElement(root.find(f".//{_T}p"), _T + "note",
                                                              place="foot"), "text", "A note.")),
    ("carriage return in a heading", lambda root: setattr(root.find(f".//{_T}head"), "text", "A\rB\tC")),
    ("attribute with a newline", lambda root: root.find(f".//{_T}div").set("type", "essay\n")),
]


@pytest.mark.parametrize("label, damage", _BREAKS, ids=[label for label, _ in _BREAKS])
def test_a_tree_built_in_memory_has_the_verdict_of_its_text(label: str, damage) -> None:
    from textkit.tei.validate import parse, project_schema

    tree = writer.tei_tree(textkit.convert_text(_ONE_TEXT, source="a.txt"))
    damage(tree.getroot())
    text = writer._DECLARATION + writer._serialize(tree)
    schema = project_schema()
    assert schema.validate(tree) == schema.validate(parse(text)), label
    piece = writer.Piece(text, text, 1, 0, tree)
    try:
        validate_piece(writer.Piece(text, text, 1, 0), source="a.txt")  # parsed from its text
    except textkit.ValidationError as error:
        with pytest.raises(textkit.ValidationError) as caught:
            validate_piece(piece, source="a.txt")
        assert caught.value.problems == error.problems and str(caught.value) == str(error)
    else:
        validate_piece(piece, source="a.txt")
        # (a choice of values is of tokens: "essay\n" is "essay")
        assert label in ("nothing", "whitespace in element-only content", "carriage return in a heading",
                         "attribute with a newline")


def test_a_file_of_one_text_is_one_piece_with_its_tree() -> None:
    doc = textkit.convert_text(_ONE_TEXT, source="a.txt")
    [piece] = writer.tei_pieces(doc)
    assert piece.tree is not None and piece.text == textkit.to_tei(doc)
    assert writer._DECLARATION + writer._serialize(piece.tree) == piece.standalone


# --- the file writer ----------------------------------------------------------------------

def test_atomic_output_leaves_the_old_file_on_an_error(tmp_path: Path) -> None:
    target = tmp_path / "a.xml"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(target) as out:
        out.write(b"half of a new")
        raise RuntimeError("stop")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["a.xml"]
    with atomic_output(target, durable=False) as out:
        out.write(b"new, ")
        out.write(b"whole")
    assert target.read_bytes() == b"new, whole"
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask()


def test_a_dead_unreaped_writer_s_temporary_file_is_swept(tmp_path: Path) -> None:
    child = subprocess.Popen(["sleep", "0"])  # exits, and stays a zombie until waited for
    deadline = time.monotonic() + 10
    while Path(f"/proc/{child.pid}/stat").exists() and b") Z" not in Path(f"/proc/{child.pid}/stat").read_bytes():
        assert time.monotonic() < deadline
        time.sleep(0.01)
    try:
        left = tmp_path / f".a.xml.{child.pid}.k3j{TMP_SUFFIX}"
        left.write_bytes(b"<partial")
        assert sweep_temporary_files(tmp_path) == 1 and not left.exists()
    finally:
        child.wait()


def test_word_count_is_the_count_of_split_words(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(13)
    monkeypatch.setattr(convert, "_CHUNK", 7)  # many chunk edges, some inside words
    for _ in range(200):
        data = bytes(rng.choice(b"ab \n\t\r\x0b\x0c\xa0") for _ in range(rng.randrange(60)))
        assert convert.word_count(data) == len(data.split()), data


if not hasattr(os, "fork"):  # pragma: no cover
    pytestmark = pytest.mark.skip("POSIX processes")


# --- the hyphen stage, one text at a time -------------------------------------------------

def test_each_text_is_judged_by_the_volume_s_hyphen_evidence() -> None:
    first = " FIRST ESSAY\n\nAnn Lee\n\nThe {} of the first text is spelled in the middle of a line.\n\n"
    second = (" SECOND ESSAY\n\nBob Ray\n\nThe second text breaks the same word at the end of a line, "
              "zorbl-\nfrap, and goes on.\n")
    compound = textkit.convert_text(first.format("zorbl-frap") + second)
    joined = textkit.convert_text(first.format("zorblfrap") + second)
    assert len(compound.texts) == 2
    assert "zorbl-frap, and goes on" in compound.texts[1].blocks[0].text  # as the first text writes it
    assert "zorblfrap, and goes on" in joined.texts[1].blocks[0].text


@pytest.mark.parametrize("path", [SAMPLE, *VOLUMES], ids=lambda p: p.stem)
def test_hyphens_one_text_at_a_time_equal_the_whole_volume_at_once(path: Path) -> None:
    from textkit.repair.hyphens import join_hyphens

    doc = read_text(path.read_text(encoding="utf-8") * 2, source=path.name)
    for name, stage in pipeline.stages(doc.options):
        if name == "hyphens":
            break
        doc = stage(doc)
    whole = join_hyphens(doc)
    per_text = pipeline._per_text("hyphens", join_hyphens, [doc], release=False)
    assert per_text.texts == whole.texts and per_text.unplaced_notes == whole.unplaced_notes
    assert per_text.lines == whole.lines and not per_text.evidence


def test_a_per_text_stage_that_loses_a_text_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    monkeypatch.setattr(pipeline, "_load", lambda target: (lambda doc: replace(doc, texts=()))
                        if target.endswith("join_hyphens") else _real_load(target))
    with pytest.raises(textkit.PipelineError, match="hyphens.*0 texts for one"):
        textkit.convert_text(SAMPLE.read_text(encoding="utf-8"))


_real_load = pipeline._load


def test_writing_in_pieces_holds_one_text_not_the_volume() -> None:
    # What the writer holds while it writes (Python's allocations: the strings made)
    # does not grow with the number of texts: eight times the volume, about the same peak.
    import tracemalloc

    def peak(doc: Document) -> int:
        tracemalloc.start()
        try:
            tracemalloc.reset_peak()
            for piece in writer.tei_pieces(doc):
                validate_piece(piece)
                del piece
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    text = SAMPLE.read_text(encoding="utf-8")
    one, eight = (textkit.convert_text(text * n, source="v.txt") for n in (1, 8))
    assert len(eight.texts) > 4 * len(one.texts)
    assert peak(eight) < 2 * peak(one)
    whole = len(textkit.to_tei(eight))
    assert peak(eight) < whole  # less than the whole file's text alone
