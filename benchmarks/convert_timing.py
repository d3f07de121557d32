"""Time the conversion of the sample volume: whole process and in-process.

Run ``python benchmarks/convert_timing.py [FILE] [--repeat N]``. Prints a
table: a cold process (interpreter start, imports, dictionaries, one
conversion, TEI, validation), then warm in-process conversions, stage by
stage, with and without OCR correction. Numbers vary by machine: rerun
before comparing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import textkit  # noqa: E402
from textkit import pipeline  # noqa: E402
from textkit.read import read_text  # noqa: E402

SAMPLE = ROOT / "fixtures" / "us-japan-in-asia-1994.txt"


def cold_process(path: Path, *extra: str) -> float:
    """Seconds for ``textkit convert`` in a new interpreter, from start to exit."""
    with tempfile.TemporaryDirectory() as out:
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "textkit", "convert", str(path), "--out", out,
                        "--quiet", "--jobs", "1", *extra], check=True, cwd=ROOT)
        return time.perf_counter() - began


def warm(text: str, options: textkit.Options, repeat: int) -> dict[str, float]:
    """Median seconds of each stage over ``repeat`` warm conversions (after one warm-up)."""
    timings: dict[str, list[float]] = {}
    for round_ in range(repeat + 1):
        doc = read_text(text, source=SAMPLE.name, options=options)
        for name, stage in pipeline.stages(options):
            began = time.perf_counter()
            doc = stage(doc)
            if round_:
                timings.setdefault(name, []).append(time.perf_counter() - began)
        began = time.perf_counter()
        xml = textkit.to_tei(doc)
        if round_:
            timings.setdefault("tei", []).append(time.perf_counter() - began)
        began = time.perf_counter()
        textkit.validate(xml)
        if round_:
            timings.setdefault("validate", []).append(time.perf_counter() - began)
    return {name: statistics.median(values) for name, values in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    text = args.file.read_text(encoding="utf-8")
    words = len(text.split())
    print(f"input: {args.file.name}, {len(text):,} characters, {words:,} words\n")
    print(f"{'measure':<44}{'seconds':>10}")
    print("-" * 54)
    for label, extra in [("cold process, OCR correction on", ()), ("cold process, --no-ocr", ("--no-ocr",))]:
        runs = [cold_process(args.file, *extra) for _ in range(3)]
        print(f"{label:<44}{statistics.median(runs):>10.3f}")
    for label, options in [("warm, OCR on", textkit.Options()), ("warm, OCR off", textkit.Options(correct_ocr=False))]:
        stages = warm(text, options, args.repeat)
        for name, seconds in stages.items():
            print(f"{label + ': ' + name:<44}{seconds:>10.4f}")
        print(f"{label + ': total':<44}{sum(stages.values()):>10.4f}")


if __name__ == "__main__":
    main()
