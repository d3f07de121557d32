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
