"""Start-up (issue #13): a command imports what it needs, the lexicon loads from its compact
tables, and those tables are what ``tools/build_lexicon.py`` builds from the sources."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from textkit import lexicon

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "textkit" / "data"
SAMPLE = ROOT / "fixtures" / "us-japan-in-asia-1994.txt"


def _build_tool():
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "tools" / "build_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_shipped_tables_are_what_the_build_makes() -> None:
    """Stale tables (a word list changed, symspellpy upgraded) fail here: rerun the tool."""
    for name, files in _build_tool().tables().items():
        for suffix, data in files.items():
            shipped = (DATA / f"{name}{suffix}").read_bytes()
            assert shipped == data, f"{name}{suffix} is stale: run python tools/build_lexicon.py"


def test_the_tables_read_as_the_sources_do() -> None:
    tool = _build_tool()
    unigrams = tool.read_unigrams(lexicon.FREQUENCY_FILE)
    table = lexicon.frequencies()
    assert len(table) == len(unigrams)
    for word in ("the", "unfairness", "neighbours", "zygote"):
        assert table.get(word) == unigrams.get(word)
    assert table.get("unfaimess") is None and "unfaimess" not in table
    assert max(table.values()) == max(unigrams.values())
    bigrams = lexicon.bigram_frequencies()
    assert bigrams.get("in addition") == tool.read_bigrams(lexicon.BIGRAM_FILE)["in addition"]
    assert lexicon.bigram_count("ln", "addition") == 0
    assert lexicon._word_list(lexicon.ENGLISH_WORDS) == frozenset(tool.read_word_list(DATA / "words-en.txt.gz"))


def test_packed_counts_answer_again_as_they_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    """A remembered answer is the bisection's, found or not, also once the memory was cleared."""
    from array import array

    keys = ["a b", "a c", "b a", "of the", "zz"]
    data = "\n".join(keys).encode() + b"\n"
    offsets = array("I", [0])
    for key in keys:
        offsets.append(offsets[-1] + len(key) + 1)
    table = lexicon.PackedCounts(data, offsets, array("Q", [3, 0, 7, 9, 1]))
    monkeypatch.setattr(lexicon, "ANSWERS_KEPT", 3)
    asked = ["a c", "x", "of the", "a b", "x", "zz", "a c", "b", "b a", "of the", ""] * 2
    assert [table.get(key) for key in asked] == [0, None, 9, 3, None, 1, 0, None, 7, 9, None] * 2
    assert [table.get(key, -1) for key in asked] == [0, -1, 9, 3, -1, 1, 0, -1, 7, 9, -1] * 2
    assert len(table._answers) <= 3


def test_counts_refuse_mismatched_columns() -> None:
    from array import array

    with pytest.raises(ValueError, match="2 keys but 1 counts"):
        lexicon.Counts(["a", "b"], array("Q", [1]))


CHECK_IMPORTS = """
import sys
from textkit.cli import main
code = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'tqdm'))
bigrams = __import__('textkit.lexicon', fromlist=['x']).bigram_frequencies.cache_info().currsize
print(code, ','.join(heavy) or '-', bigrams)
"""


@pytest.mark.slow
@pytest.mark.parametrize("extra, bigrams", [((), "1"), (("--no-ocr",), "0")],
                         ids=["ocr", "no-ocr"])
def test_convert_imports_and_loads_only_what_it_needs(tmp_path: Path, extra: tuple[str, ...],
                                                      bigrams: str) -> None:
    """No dask (nor tqdm without a bar) for a local convert; the word pairs only when a
    repair asks for one (``wam against``: the OCR judge; --no-ocr asks none, as this text
    has no lost drop cap)."""
    source = tmp_path / "v.txt"
    source.write_text("INTRODUCTION\n\nAnn Lee\n\nIn the beginning some people wam against "
                      "a scan.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", CHECK_IMPORTS, "convert", str(source),
                           "--out", str(tmp_path / "tei"), "--jobs", "1", "--quiet", *extra],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "-", bigrams]


PLAIN_TEXT_IMPORTS = """
import sys
from textkit.cli import main
code = main(sys.argv[1:])
print(code, ','.join(sorted(m for m in sys.modules if m in (
    'statistics', 'lxml.html', 'textkit.layout.geometry', 'textkit.read.geometry'))) or '-')
"""


@pytest.mark.slow
def test_plain_text_imports_no_reader_of_coordinates(tmp_path: Path) -> None:
    """A text file is laid out by its lines' shapes: the geometry layout, lxml.html (the
    lenient hOCR parser) and statistics (ALTO's font sizes) stay unimported."""
    source = tmp_path / "v.txt"
    source.write_text("INTRODUCTION\n\nAnn Lee\n\n" + "A line of running text here.\n" * 30,
                      encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PLAIN_TEXT_IMPORTS, "convert", str(source),
                           "--out", str(tmp_path / "tei"), "--jobs", "1", "--quiet"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "-"]


def test_the_median_of_line_widths_is_statistics_median() -> None:
    import random
    import statistics

    from textkit.layout.shape import median

    rng = random.Random(13)
    for size in range(1, 40):
        values = [rng.randint(0, 120) for _ in range(size)]
        assert median(values) == statistics.median(values)
        assert type(median(values)) is type(statistics.median(values))


def test_a_batch_syncs_its_outputs_once_not_once_each(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A fsync per small file cost more than converting it: outputs are written atomically
    without one, and the batch syncs them all when it ends."""
    import os

    from textkit import batch

    synced: list[int] = []
    flushed: list[bool] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    monkeypatch.setattr(batch, "flush_to_disk", lambda dirs: flushed.append(set(dirs) == {tmp_path / "out"}))
    for i in range(4):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"v{i}.txt").write_text(f"TITLE\n\nAnn Lee\n\nText {i} here.\n",
                                                   encoding="utf-8")
    tasks, _ = batch.plan([str(tmp_path / "in")], out=tmp_path / "out")
    done = batch.run(tasks, out=tmp_path / "out", executor="serial")
    assert done.ok and len(list((tmp_path / "out").glob("*.xml"))) == 4
    assert flushed == [True]
    assert len(synced) <= 1, "only the journal's compaction is written durably"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_the_end_of_a_batch_syncs_its_own_filesystem_not_the_whole_system(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a shared server a whole-system ``sync`` waits for every other program's writes:
    the batch syncs only the filesystems its outputs are on, once each; where that
    cannot be said (no directory, or ``syncfs`` refused), it syncs everything."""
    import os

    from textkit import files

    calls: list[str] = []
    monkeypatch.setattr(os, "sync", lambda: calls.append("sync"))
    real = files._syncfs()
    assert real is not None
    monkeypatch.setattr(files, "_syncfs", lambda: lambda fd: (calls.append("syncfs"), real(fd))[1])
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    files.flush_to_disk([tmp_path / "a", tmp_path / "b", tmp_path / "never-made"])
    assert calls == ["syncfs"]  # one filesystem holds both directories
    calls.clear()
    files.flush_to_disk([])
    assert calls == ["sync"]
    calls.clear()
    monkeypatch.setattr(files, "_syncfs", lambda: lambda fd: (calls.append("syncfs"), -1)[1])
    files.flush_to_disk([tmp_path / "a"])
    assert calls == ["syncfs", "sync"]
