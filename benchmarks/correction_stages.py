"""CPU time of each OCR correction stage, as ``correction_benchmark.py`` runs them.

The benchmark's ``textkit pipeline`` row times the ``marks``, ``ocr`` and
``channel`` stages together over each test-split document (one paragraph),
after the ``channel`` row has run over the same documents (so the channel's
caches are warm and the OCR stage's are cold). This does the same and
prints each stage's CPU seconds and words per second, per collection; with
``--profile`` it also prints the functions that took the most time
(cProfile, by own time: it slows small Python calls, so time a change alone).

Run ``python benchmarks/correction_stages.py [--split test] [--profile]``.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from correction_benchmark import SPACE_WORDS, channel_corrector  # noqa: E402
from ocr_pairs import pairs  # noqa: E402

from textkit.lexicon import default_lexicon  # noqa: E402
from textkit.model import Block, BlockKind, Document, Text, TextKind  # noqa: E402
from textkit.repair.channel import Channel  # noqa: E402
from textkit.repair.channel.stage import correct_with_channel  # noqa: E402
from textkit.repair.marks import remove_scan_marks  # noqa: E402
from textkit.repair.ocr import correct_ocr  # noqa: E402

STAGES = (("marks", remove_scan_marks), ("ocr", correct_ocr), ("channel", correct_with_channel))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    channel = Channel.load()
    channel.suggest("warm up tbe dictionaries", lexicon=default_lexicon())
    profile = cProfile.Profile(time.process_time) if args.profile else None
    docs = pairs(args.split)
    for collection in ("bln600", "icdar2017"):
        chosen = [d for d in docs if d.collection == collection]
        for doc in chosen:  # the benchmark's 'channel' row, first
            channel_corrector(channel)(doc)
        seconds = dict.fromkeys((name for name, _ in STAGES), 0.0)
        for doc in chosen:
            block = Block(BlockKind.PARAGRAPH, doc.ocr, 1, 1)
            text = Text(TextKind.ESSAY, Block(BlockKind.HEAD, "", 0, 0), (), None, (block,))
            document = Document("bench.txt", "", doc.ocr, texts=(text,))
            for name, stage in STAGES:
                if profile:
                    profile.enable()
                began = time.process_time()
                document = stage(document)
                seconds[name] += time.process_time() - began
                if profile:
                    profile.disable()
        words = sum(len(SPACE_WORDS.findall(d.ocr)) for d in chosen)
        total = sum(seconds.values())
        print(f"{collection}: {words:,} words; "
              + "; ".join(f"{name} {s:.3f} s" for name, s in seconds.items())
              + f"; together {total:.3f} s ({words / total:,.0f} words/s)", flush=True)
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
