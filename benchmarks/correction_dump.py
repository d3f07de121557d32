"""Everything the OCR correction decides, written out to compare two trees.

A speed change to the correction stages must not change one correction.
This writes, one line each, to ``--out``:

* for every document of ``ocr_pairs.py`` (train, dev and test): every
  correction and suggestion (all fields) that the ``marks``, ``ocr`` and
  ``channel`` stages make over it as one paragraph (as
  ``correction_benchmark.py``'s ``textkit pipeline`` row runs them), and every
  finding of :func:`textkit.repair.ocr.find_misreadings`;
* for every input in ``fixtures/``, ``tests/data/volumes/`` and
  ``benchmarks/data/``: the sha1 of its TEI and its suggestions.

Run it in each tree (``cd TREE && python benchmarks/correction_dump.py --out
F``) and ``diff`` the files: identical output means the same corrections.
It prints the CPU seconds the pairs took (cold caches, one process).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocr_pairs import ROOT, pairs  # noqa: E402

import textkit  # noqa: E402
from textkit.model import Block, BlockKind, Document, Text, TextKind  # noqa: E402
from textkit.repair.channel.stage import correct_with_channel  # noqa: E402
from textkit.repair.marks import remove_scan_marks  # noqa: E402
from textkit.repair.ocr import correct_ocr, find_misreadings  # noqa: E402

INPUTS = ("*.txt", "*.hocr", "*.alto.xml", "*.page.xml")


def _fields(c: object) -> str:
    return repr(tuple(getattr(c, name) for name in c.__slots__))  # type: ignore[attr-defined]


def pair_lines() -> list[str]:
    lines = []
    for doc in pairs():
        block = Block(BlockKind.PARAGRAPH, doc.ocr, 1, 1)
        text = Text(TextKind.ESSAY, Block(BlockKind.HEAD, "", 0, 0), (), None, (block,))
        fixed = correct_with_channel(correct_ocr(remove_scan_marks(
            Document("bench.txt", "", doc.ocr, texts=(text,)))))
        name = f"{doc.collection}:{doc.key}"
        lines += [f"{name} fix {_fields(c)}" for c in fixed.texts[0].blocks[0].corrections]
        lines += [f"{name} low {_fields(c)}" for c in fixed.suggestions]
        lines += [f"{name} find {_fields(f)}" for f in find_misreadings(doc.ocr)]
    return lines


def inputs() -> list[Path]:
    found = set()
    for folder in (ROOT / "fixtures", ROOT / "tests" / "data" / "volumes", ROOT / "benchmarks" / "data"):
        for pattern in INPUTS:
            found.update(folder.rglob(pattern))
    return sorted(found)


def fixture_lines() -> list[str]:
    lines = []
    for path in inputs():
        doc = textkit.convert_file(path)
        tei = textkit.to_tei(doc).encode("utf-8")
        name = path.relative_to(ROOT)
        lines.append(f"{name} tei {hashlib.sha1(tei).hexdigest()}")
        lines += [f"{name} low {_fields(c)}" for c in doc.suggestions]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    began = time.process_time()
    lines = pair_lines()
    seconds = time.process_time() - began
    lines += fixture_lines()
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines; the pairs' correction took {seconds:.1f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
