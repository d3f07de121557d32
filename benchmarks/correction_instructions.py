"""Instructions of the OCR correction stages, counted by callgrind (exact, unlike a clock).

Only the ``marks``, ``ocr`` and ``channel`` stages run inside ``functools.reduce``, so
callgrind's ``--toggle-collect=functools_reduce`` counts them and nothing else::

    PYTHONHASHSEED=0 valgrind --tool=callgrind --collect-atstart=no \\
        --toggle-collect=functools_reduce --callgrind-out-file=OUT \\
        python benchmarks/correction_instructions.py tesseract fixtures/ocr/tesseract /tmp/heldout-corr-r7
    PYTHONHASHSEED=0 valgrind ... python benchmarks/correction_instructions.py icdar2017

``tesseract DIR ...``: every ``*/degraded.txt`` under the directories, converted whole
(the stages in the pipeline's order). ``bln600`` or ``icdar2017``: that collection of the
ocr-pairs test split in ``correction_stages.py``'s order (the benchmark's channel row
first, uncounted; then the three stages over each document). Compare the ``I refs`` of
two trees (issue #11, session 8).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _counted(stage):
    return lambda doc: functools.reduce(lambda d, f: f(d), [stage], doc)


def tesseract(roots: list[str]) -> None:
    import textkit
    from textkit import pipeline

    real = pipeline._load

    def load(target: str):
        stage = real(target)
        name = target.split(":")[1]
        return _counted(stage) if name in ("remove_scan_marks", "correct_ocr", "correct_with_channel") else stage

    pipeline._load = load
    pipeline._STAGES_FOR.clear()
    textkit.convert_text("A warm up of tbe lexicon.\n")
    files = sorted(f for r in roots for f in Path(r).glob("*/degraded.txt"))
    words = 0
    for f in files:
        doc = textkit.convert_file(f)
        words += sum(len(b.text.split()) for b in doc.blocks())
    print(len(files), "files", words, "words")


def ocr_pairs(collection: str) -> None:
    from correction_benchmark import SPACE_WORDS, channel_corrector
    from ocr_pairs import pairs

    from textkit.lexicon import default_lexicon
    from textkit.model import Block, BlockKind, Document, Text, TextKind
    from textkit.repair.channel import Channel
    from textkit.repair.channel.stage import correct_with_channel
    from textkit.repair.marks import remove_scan_marks
    from textkit.repair.ocr import correct_ocr

    channel = Channel.load()
    channel.suggest("warm up tbe dictionaries", lexicon=default_lexicon())
    chosen = [d for d in pairs("test") if d.collection == collection]
    for d in chosen:
        channel_corrector(channel)(d)
    for d in chosen:
        block = Block(BlockKind.PARAGRAPH, d.ocr, 1, 1)
        text = Text(TextKind.ESSAY, Block(BlockKind.HEAD, "", 0, 0), (), None, (block,))
        document = Document("bench.txt", "", d.ocr, texts=(text,))
        functools.reduce(lambda doc, f: f(doc), [remove_scan_marks, correct_ocr, correct_with_channel],
                         document)
    print(len(chosen), "docs", sum(len(SPACE_WORDS.findall(d.ocr)) for d in chosen), "words")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if sys.argv[1] == "tesseract":
        tesseract(sys.argv[2:])
    else:
        ocr_pairs(sys.argv[1])
