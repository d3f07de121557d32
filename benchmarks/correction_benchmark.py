"""Real-OCR correction benchmark: textkit's noisy-channel corrector on held-out scans.

Measures, on the *test* split of BLN600 (19th-century newspapers) and ICDAR
2017 (English periodicals) — documents the channel was not learned from nor
calibrated on (the split is in ``ocr_pairs.py``) — three correctors:

* ``channel``: :mod:`textkit.repair.channel` (applied changes only);
* ``textkit today``: :func:`textkit.repair.ocr.find_misreadings`, the
  pipeline's fixed-confusion corrector, over each document;
* ``symspell word``: symspellpy used directly: every word looked up in its
  bundled English dictionary (``lookup``, max edit distance 2, the top
  suggestion, the scan's casing kept), punctuation left as it was.

For each: CER before and after (edits summed over documents / gold
characters), the improvement, documents made better and worse, the share of
the words the OCR had right that the corrector changed ("damage"), and words
per second of correction (dictionaries already loaded; one core; CPU time of
this process, so that a busy machine does not slow the count).

ICDAR's gold keeps a hyphen where a line was broken (``construc- tion``):
it is joined, as BLN600's gold and textkit's output join it (``ocr_pairs.py``).

Also counts what the channel changes on text that has no OCR errors to fix:
the sample volume (``fixtures/us-japan-in-asia-1994.txt``) and two untuned
essays (``benchmarks/data/untuned-*.txt``): every change there is damage
unless it repairs a misreading, and each is printed.

``--calibrate`` instead scores every suggestion on the *dev* split by
log-odds band (how often the replacement is the gold), which is how the
thresholds in :class:`textkit.repair.channel.Thresholds` were chosen.

Run ``python benchmarks/correction_benchmark.py`` (a few minutes;
``--quick`` takes a tenth of the documents, ``--no-symspell`` skips the
slow symspell setup).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocr_pairs import ROOT, Pair, edit_distance, gold_offsets, pairs  # noqa: E402

from textkit.lexicon import default_lexicon  # noqa: E402
from textkit.repair.channel import Channel, Thresholds, count_words  # noqa: E402
from textkit.repair.ocr import find_misreadings  # noqa: E402

Edit = tuple[int, int, str]
Corrector = Callable[[Pair], list[Edit]]
SPACE_WORDS = re.compile(r"\S+")


@dataclass
class Tally:
    before: int = 0
    after: int = 0
    gold: int = 0
    better: int = 0
    worse: int = 0
    docs: int = 0
    right_words: int = 0
    damaged: int = 0
    changes: int = 0
    words: int = 0
    seconds: float = 0.0
    worst: list[tuple[int, str]] = field(default_factory=list)

    def row(self, name: str) -> str:
        cer_before = self.before / self.gold
        cer_after = self.after / self.gold
        gain = (self.before - self.after) / self.before if self.before else 0.0
        damage = self.damaged / self.right_words if self.right_words else 0.0
        speed = self.words / self.seconds if self.seconds else float("inf")
        return (f"| {name:<15} | {cer_before:7.2%} | {cer_after:7.2%} | {gain:+8.1%} | "
                f"{self.better:4d} / {self.worse:<4d} of {self.docs:<4d} | {damage:7.3%} | "
                f"{self.changes:7d} | {speed:9,.0f} |")


HEADER = ("| corrector       | CER OCR | CER out | improved | docs better/worse  | damage  "
          "| changes | words/s   |\n"
          "|-----------------|---------|---------|----------|--------------------|---------"
          "|---------|-----------|")


def apply_edits(text: str, edits: list[Edit]) -> str:
    out, at = [], 0
    for start, end, replacement in sorted(edits):
        if start < at:
            continue
        out.append(text[at:start])
        out.append(replacement)
        at = end
    out.append(text[at:])
    return "".join(out)


def measure(docs: list[Pair], corrector: Corrector) -> Tally:
    tally = Tally()
    for doc in docs:
        began = time.process_time()
        edits = corrector(doc)
        tally.seconds += time.process_time() - began
        fixed = apply_edits(doc.ocr, edits)
        before = edit_distance(doc.ocr, doc.gold)
        after = edit_distance(fixed, doc.gold)
        tally.before += before
        tally.after += after
        tally.gold += len(doc.gold)
        tally.docs += 1
        tally.better += after < before
        tally.worse += after > before
        tally.words += len(SPACE_WORDS.findall(doc.ocr))
        tally.changes += len(edits)
        _, right = gold_offsets(doc.ocr, doc.gold)
        tally.right_words += len(right)
        touched = sorted((s, e) for s, e, _ in edits)
        tally.damaged += _overlapping(right, touched)
    return tally


def _overlapping(spans: list[tuple[int, int]], edits: list[tuple[int, int]]) -> int:
    """How many of ``spans`` (sorted) some edit overlaps."""
    hit, k = 0, 0
    for start, end in spans:
        while k < len(edits) and edits[k][1] <= start:
            k += 1
        if k < len(edits) and edits[k][0] < end:
            hit += 1
    return hit


# -- the correctors -----------------------------------------------------------

def channel_corrector(channel: Channel) -> Corrector:
    lexicon = default_lexicon()

    def correct(doc: Pair) -> list[Edit]:
        found = channel.suggest(doc.ocr, lexicon=lexicon, document_counts=count_words([doc.ocr]))
        return [(s.start, s.end, s.replacement) for s in found if s.applied]
    return correct


def textkit_pipeline(doc: Pair) -> list[Edit]:
    """The pipeline's two OCR repair stages (``ocr``, then ``channel``) over the document as one
    paragraph, as ``textkit convert`` runs them; its names protections included."""
    from textkit.model import Block, BlockKind, Document, Text, TextKind
    from textkit.repair.channel.stage import correct_with_channel
    from textkit.repair.ocr import correct_ocr

    block = Block(BlockKind.PARAGRAPH, doc.ocr, 1, 1)
    text = Text(TextKind.ESSAY, Block(BlockKind.HEAD, "", 0, 0), (), None, (block,))
    fixed = correct_with_channel(correct_ocr(Document("bench.txt", "", doc.ocr, texts=(text,))))
    edits, shift = [], 0  # the corrections in the scan's coordinates
    for c in sorted(fixed.texts[0].blocks[0].corrections, key=lambda c: c.start):
        start = c.start - shift
        edits.append((start, start + len(c.original), c.replacement))
        shift += len(c.replacement) - len(c.original)
    return edits


def textkit_today(doc: Pair) -> list[Edit]:
    return [(f.start, f.end, f.replacement) for f in find_misreadings(doc.ocr)]


def symspell_corrector() -> Corrector:
    import importlib.resources

    from symspellpy import SymSpell, Verbosity

    sym = SymSpell(max_dictionary_edit_distance=2)
    sym.load_dictionary(str(importlib.resources.files("symspellpy")
                            / "frequency_dictionary_en_82_765.txt"), 0, 1)
    cache: dict[str, str] = {}

    def word(w: str) -> str:
        hit = cache.get(w)
        if hit is None:
            found = sym.lookup(w.lower(), Verbosity.TOP, max_edit_distance=2)
            hit = found[0].term if found else w.lower()
            cache[w] = hit
        return hit

    def correct(doc: Pair) -> list[Edit]:
        edits = []
        for m in re.finditer(r"[A-Za-z]+", doc.ocr):
            w = m.group()
            new = word(w)
            if new != w.lower():
                new = new.upper() if w.isupper() and len(w) > 1 else (
                    new[:1].upper() + new[1:] if w[:1].isupper() else new)
                edits.append((m.start(), m.end(), new))
        return edits
    return correct


# -- runs ---------------------------------------------------------------------

def benchmark(args: argparse.Namespace) -> None:
    channel = Channel.load()
    began = time.perf_counter()
    channel.suggest("warm up tbe dictionaries", lexicon=default_lexicon())
    print(f"channel model, lexicon and word-pair counts loaded in {time.perf_counter() - began:.2f} s\n")
    correctors: list[tuple[str, Corrector]] = [("channel", channel_corrector(channel)),
                                               ("textkit pipeline", textkit_pipeline),
                                               ("textkit today", textkit_today)]
    if not args.no_symspell:
        began = time.perf_counter()
        correctors.append(("symspell word", symspell_corrector()))
        print(f"symspell dictionary loaded in {time.perf_counter() - began:.1f} s\n")
    test = pairs("test")
    for collection in ("bln600", "icdar2017"):
        docs = [d for d in test if d.collection == collection]
        if args.quick:
            docs = docs[::10]
        print(f"### {collection} test split: {len(docs)} documents, "
              f"{sum(len(SPACE_WORDS.findall(d.ocr)) for d in docs):,} words\n")
        print(HEADER)
        for name, corrector in correctors:
            print(measure(docs, corrector).row(name), flush=True)
        print()
    clean_texts(channel)


def clean_texts(channel: Channel) -> None:
    """Changes on text with (next to) nothing to fix: each one printed for review."""
    lexicon = default_lexicon()
    texts = [("sample volume", _sample_blocks())]
    texts += [(p.stem, [b for b in p.read_text(encoding="utf-8").split("\n\n") if b.strip()])
              for p in sorted((ROOT / "benchmarks" / "data").glob("untuned-*.txt"))]
    for name, blocks in texts:
        counts = count_words(blocks)
        began = time.process_time()
        found = [s for block in blocks
                 for s in channel.suggest(block, lexicon=lexicon, document_counts=counts)]
        seconds = time.process_time() - began
        text = "\n\n".join(blocks)
        applied = [s for s in found if s.applied]
        words = len(SPACE_WORDS.findall(text))
        print(f"### {name}: {words:,} words, {len(applied)} changes applied, "
              f"{len(found) - len(applied)} suggested, {words / seconds:,.0f} words/s\n")
        for s in applied:
            print(f"- applied {s.original!r} -> {s.replacement!r} ({s.kind.value}): {s.evidence}")
        for s in found:
            if not s.applied:
                print(f"- suggested {s.original!r} -> {s.replacement!r}: {s.evidence}")
        print()


def _sample_blocks() -> list[str]:
    """The sample's blocks as the pipeline's ``ocr`` stage would get them: laid out,
    structured, line-end hyphens joined, not yet OCR-corrected."""
    import textkit
    from textkit.model import Options

    doc = textkit.convert_file(ROOT / "fixtures" / "us-japan-in-asia-1994.txt",
                               options=Options(correct_ocr=False))
    return [b.text for b in doc.blocks() if b.text.strip()] + [n.text for n in doc.footnotes()]


def calibrate(args: argparse.Namespace) -> None:
    """Every suggestion on dev, by kind and log-odds band: how often it is the gold reading."""
    base = Channel.load()
    channel = Channel(base.model, Thresholds(apply=99.0, real_word=99.0, suggest=-20.0), base.priors)
    lexicon = default_lexicon()
    bands: dict[tuple[str, float], list[int]] = {}
    docs = pairs("dev")
    if args.quick:
        docs = docs[::4]
    for doc in docs:
        where, right = gold_offsets(doc.ocr, doc.gold)
        right_starts = {s for s, _ in right}
        for s in channel.suggest(doc.ocr, lexicon=lexicon, document_counts=count_words([doc.ocr])):
            g0, g1 = where[s.start], where[s.end]
            if g0 is None or g1 is None:
                continue
            gold = doc.gold[g0:g1].strip()
            kind = "real-word" if s.kind.value == "ocr-real-word" else "non-word"
            band = min(10.0, max(-4.0, float(int(s.log_odds * 2) / 2)))
            tally = bands.setdefault((kind, band), [0, 0, 0])
            tally[0] += 1
            tally[1] += s.replacement == gold
            tally[2] += s.start in right_starts  # the scan had it right: a change would damage
    for kind in ("non-word", "real-word"):
        print(f"\n{kind} suggestions on the dev split\n")
        print("| log-odds ≥ | suggestions | gold | was right | precision | precision at or above |")
        print("|-----------|-------------|------|-----------|-----------|-----------------------|")
        above = [0, 0]
        rows = []
        for band in sorted((b for k, b in bands if k == kind), reverse=True):
            n, good, damage = bands[kind, band]
            above[0] += n
            above[1] += good
            rows.append(f"| {band:9.1f} | {n:11d} | {good:4d} | {damage:9d} | {good / n:9.2f} | "
                        f"{above[1] / above[0]:21.2f} |")
        print("\n".join(reversed(rows)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the documents")
    parser.add_argument("--no-symspell", action="store_true", help="skip symspellpy (slow to load)")
    parser.add_argument("--calibrate", action="store_true",
                        help="score suggestions on the dev split by log-odds band")
    parser.add_argument("--clean-only", action="store_true",
                        help="only the sample volume and untuned essays")
    args = parser.parse_args(argv)
    if args.calibrate:
        calibrate(args)
    elif args.clean_only:
        clean_texts(Channel.load())
    else:
        benchmark(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
