"""The benchmark scripts still run (smallest settings; their numbers are not asserted).

Timing never goes in an assertion: these only check that each script runs to
the end and prints its table, so a model change cannot silently break them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.parametrize("script, args, expect", [
    ("convert_timing.py", ["--repeat", "1"], "warm, OCR on: total"),
    ("ocr_benchmark.py", ["--corpus", "untuned", "--seeds", "1", "--no-symspell"], "precision"),
    ("batch_benchmark.py", ["--quick", "--repeat", "1"], "--jobs 2"),
    ("scale_benchmark.py", ["--quick"], "24 samples, --jobs 2"),
], ids=["convert-timing", "ocr", "batch", "scale"])
def test_benchmark_runs(script, args, expect):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert expect in done.stdout


def test_tesseract_word_scoring_counts_right_wrong_fixed_and_missed():
    # The degraded-scan benchmark's scoring on a hand-made case: the scan misread three
    # words (tbe, rnany, wam); the correction fixed two, changed a right word, and left one.
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from correction_benchmark import score_words

    gold = "The cat saw the dog and many birds warn us, Ruiz said.".split()
    scan = "The cat saw tbe dog and rnany birds wam us, Ruiz said.".split()
    fixed = "The cat saw the dog and many birds wan us, Ruis said.".split()
    tally = score_words([(scan[:6], fixed[:6]), (scan[6:], fixed[6:])], gold)
    assert (tally.misread, tally.fixed) == (3, 2)
    assert (tally.changes, tally.right, tally.wrong, tally.names_changed) == (4, 2, 2, 1)


def test_tesseract_word_scoring_finds_a_changed_word_in_a_stretch_that_runs_on():
    # The gold has a note (or running head) the scan has elsewhere: the scanned word is
    # scored against the gold word of that stretch it reads like, not the whole stretch;
    # a split word stays scored against the words it stands for.
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from correction_benchmark import score_words

    gold = "a new program. Ruth Okada, interview, 1981. It is a start".split()
    scan = "a new progran It isa start".split()
    right = score_words([(scan, "a new program It is a start".split())], gold)
    assert (right.changes, right.right, right.wrong) == (2, 2, 0)
    wrong = score_words([(scan, "a new programs It is start".split())], gold)
    assert (wrong.changes, wrong.right, wrong.wrong) == (2, 0, 2)


def test_held_out_volumes_are_new_and_the_structure_benchmark_scores_another_corpus(tmp_path):
    """The held-out volumes are none of the committed fixtures (else they are tuning data),
    their TeX is written from their definitions, and --corpus scores a directory of them."""
    sys.path.insert(0, str(ROOT / "benchmarks" / "corpus"))
    import heldout
    import heldout_txt

    slugs = [v.slug for v in heldout.build_volumes()]
    committed = {p.name for p in (ROOT / "fixtures" / "ocr" / "tesseract").iterdir() if p.is_dir()}
    assert len(set(slugs)) == len(slugs) >= 6 and not set(slugs) & committed
    newer = [v.slug for v in heldout_txt.build_volumes()]
    assert len(set(newer)) == len(newer) == 3 and not set(newer) & (committed | set(slugs))
    one = tmp_path / "corpus" / slugs[0]
    one.mkdir(parents=True)
    fixture = ROOT / "fixtures" / "ocr" / "tesseract" / "coastal-cities-1996"
    for name in ("gold.json", "clean.txt"):
        (one / name).write_bytes((fixture / name).read_bytes())
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "structure_benchmark.py"),
                           "--corpus", str(tmp_path / "corpus")], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"{slugs[0]} clean txt" in done.stdout and "mean clean txt (1)" in done.stdout


def test_anchor_audit_gives_each_gold_note_one_status():
    """The audit lists every gold note once; on a volume whose notes the structure
    benchmark finds all anchored, every one is ``ok`` and nothing is extra."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import json

    from anchor_audit import audit

    fixture = ROOT / "fixtures" / "ocr" / "tesseract" / "coastal-cities-1996"
    gold = json.loads((fixture / "gold.json").read_text(encoding="utf-8"))
    rows = audit(fixture / "clean.txt", gold)
    want = sum(len(t["footnotes"]) for t in gold["texts"])
    assert [r["n"] for r in rows] == [n["n"] for t in gold["texts"] for n in t["footnotes"]]
    assert len(rows) == want and {r["status"] for r in rows} == {"ok"}


def test_ocr_pairs_audit_puts_each_difference_in_its_kind():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from ocr_pairs_audit import kind_of_stretch, kind_of_word

    from textkit.lexicon import default_lexicon

    knows = default_lexicon().knows
    assert kind_of_word("tbe", "the", knows) == "non-word 1"
    assert kind_of_word("tlte", "the", knows) == "non-word 2"
    assert kind_of_word("he", "be", knows) == "real word 1"
    assert kind_of_word("By,", "By", knows) == "punctuation only"
    assert kind_of_word("Small", "small", knows) == "case only"
    assert kind_of_word("Tsugarn", "Tsugaru", knows) == "gold unknown"
    assert kind_of_stretch(["construc", "tion,"], ["construction,"]) == "spaces only"
    assert kind_of_stretch(["har", "e"], ["have"]) == "split or join + misread"
    assert kind_of_stretch(["•"], []) == "ocr only"
    assert kind_of_stretch(["a"] * 30, ["b"] * 3) == "unaligned stretch"
