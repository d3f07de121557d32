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
    """The pipeline's OCR repair stages (``marks``, ``ocr``, then ``channel``) over the document
    as one paragraph, as ``textkit convert`` runs them; its names protections included."""
    from textkit.model import Block, BlockKind, Document, Text, TextKind
    from textkit.repair.channel.stage import correct_with_channel
    from textkit.repair.marks import remove_scan_marks
    from textkit.repair.ocr import correct_ocr

    block = Block(BlockKind.PARAGRAPH, doc.ocr, 1, 1)
    text = Text(TextKind.ESSAY, Block(BlockKind.HEAD, "", 0, 0), (), None, (block,))
    fixed = correct_with_channel(correct_ocr(remove_scan_marks(
        Document("bench.txt", "", doc.ocr, texts=(text,)))))
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
    test = pairs(args.split)
    for collection in ("bln600", "icdar2017"):
        docs = [d for d in test if d.collection == collection]
        if args.quick:
            docs = docs[::10]
        print(f"### {collection} {args.split} split: {len(docs)} documents, "
              f"{sum(len(SPACE_WORDS.findall(d.ocr)) for d in docs):,} words\n")
        print(HEADER)
        for name, corrector in correctors:
            print(measure(docs, corrector).row(name), flush=True)
        print()
    clean_texts(channel)
    tesseract(args)


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


# -- Tesseract's misreadings of degraded scans ---------------------------------------------

TESSERACT = ROOT / "fixtures" / "ocr" / "tesseract"
EDGE_PUNCTUATION = re.compile(r"^[^\w]+|[^\w]+$")
NAME = re.compile(r"[A-Z][a-z]")
LEADING_MARKS = re.compile(r"[^\w]*")
TRAILING_MARKS = re.compile(r"[^\w]*$")


@dataclass
class WordTally:
    """Changes of the OCR stages scored against the gold words (see :func:`tesseract`)."""

    words: int = 0
    misread: int = 0
    """Scanned words that differ from the gold word they align with (letters, not only
    the punctuation around them)."""
    fixed: int = 0
    changes: int = 0
    right: int = 0
    wrong: int = 0
    unknown: int = 0
    """Changes where the alignment has no gold word to tell (a stretch the scan garbled)."""
    names_changed: int = 0
    """Wrong changes of a capitalized word (a name)."""
    listing: list[str] = field(default_factory=list)

    def add(self, other: WordTally) -> None:
        for name in ("words", "misread", "fixed", "changes", "right", "wrong", "unknown",
                     "names_changed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, name: str) -> str:
        precision = self.right / (self.right + self.wrong) if self.right + self.wrong else 1.0
        recall = self.fixed / self.misread if self.misread else 1.0
        return (f"| {name:<26} | {self.words:6,d} | {self.misread:7d} | {self.fixed:5d} | "
                f"{recall:6.3f} | {self.changes:7d} | {self.right:5d} | {self.wrong:5d} | "
                f"{self.unknown:7d} | {precision:9.3f} | {self.names_changed:5d} |")


WORD_HEADER = ("| volume                     |  words | misread | fixed | recall | changes | right "
               "| wrong | no gold | precision | names |\n"
               "|----------------------------|--------|---------|-------|--------|---------|-------"
               "|-------|---------|-----------|-------|")


def _core(token: str) -> str:
    """A word without the punctuation around it, its apostrophe straight, and a word set
    in (small) capitals as its lower case: what the scoring compares."""
    core = EDGE_PUNCTUATION.sub("", token).replace("’", "'")
    return core.lower() if core.isupper() and len(core) > 1 else core


def _same(scanned: str, gold: str) -> bool:
    a, b = _core(scanned), _core(gold)
    return a == b or (a.lower() == b.lower() and EDGE_PUNCTUATION.sub("", scanned).isupper())


def gold_words(slug: str) -> list[str]:
    """Every word printed in a volume of the Tesseract corpus, in reading order, from the
    structure ``benchmarks/corpus/make_corpus.py`` typeset (titles, bylines, headings,
    paragraphs, notes, quotations, editorial notes)."""
    sys.path.insert(0, str(ROOT / "benchmarks" / "corpus"))
    import make_corpus

    vol = next(v for v in make_corpus.build_volumes() if v.slug == slug)
    out: list[str] = vol.title.split() + vol.subtitle.split()
    for text in vol.texts:
        out += text.title.split() + " ".join(text.authors).split()
        for part in text.body:
            if isinstance(part, make_corpus.Para):
                for piece in part.parts:
                    out += (piece.text if isinstance(piece, make_corpus.Note) else piece).split()
            else:
                out += part.text.split()
    return out


def _scanned_and_corrected(path: Path) -> list[tuple[list[str], list[str]]]:
    """Per block and footnote of the converted volume: its words as the OCR stages got
    them (laid out, line-end hyphens joined) and as they left them."""
    import textkit
    from textkit.model import Options

    before = textkit.convert_file(path, options=Options(correct_ocr=False))
    after = textkit.convert_file(path)
    texts = [[b.text for b in d.blocks()] + [n.text for n in d.footnotes()] for d in (before, after)]
    if len(texts[0]) != len(texts[1]):
        raise SystemExit(f"{path}: the OCR stages changed the block structure")
    return [(a.split(), b.split()) for a, b in zip(*texts)]


def score_words(blocks: list[tuple[list[str], list[str]]], gold: list[str]) -> WordTally:
    """Align the scan's words with the gold's (difflib over the words without their edge
    punctuation), and each block's scanned words with its corrected ones: every stretch
    the OCR stages changed is a change, right when it reads as the gold it aligns with;
    every scanned word aligned one to one with a different gold word is a misreading,
    fixed when the corrected word is the gold one."""
    import difflib

    tally = WordTally()
    scan = [w for s, _ in blocks for w in s]
    tally.words = len(scan)
    sm = difflib.SequenceMatcher(None, [_core(w) for w in scan], [_core(w) for w in gold],
                                 autojunk=False)
    one_to_one: dict[int, int] = {}  # scanned word -> its gold word
    spans: list[tuple[int, int, int, int]] = []  # the n:m stretches
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            one_to_one.update(zip(range(i1, i2), range(j1, j2)))
        elif i2 > i1:
            spans.append((i1, i2, j1, j2))
    corrected_word: dict[int, str] = {}
    at = 0
    for s, c in blocks:
        bm = difflib.SequenceMatcher(None, s, c, autojunk=False)
        for tag, i1, i2, j1, j2 in bm.get_opcodes():
            if tag == "equal":
                continue
            tally.changes += 1
            new = " ".join(_core(w) for w in c[j1:j2])
            g = _gold_of(at + i1, at + i2, one_to_one, spans, scan, gold, new)
            if i2 - i1 == j2 - j1:
                corrected_word.update(zip(range(at + i1, at + i2), c[j1:j2]))
            if g is None:
                tally.unknown += 1
                verdict = "?"
            elif (right := _marks_only(s[i1:i2], c[j1:j2], gold[g[0]:g[1]])) is not None:
                tally.right += right
                tally.wrong += not right
                verdict = "right" if right else "WRONG"
            elif new == " ".join(_core(w) for w in gold[g[0]:g[1]]):
                tally.right += 1
                verdict = "right"
            else:
                tally.wrong += 1
                verdict = "WRONG"
                tally.names_changed += any(NAME.match(w) for w in s[i1:i2])
            gold_text = " ".join(gold[g[0]:g[1]]) if g else "-"
            tally.listing.append(f"{verdict:5} {' '.join(s[i1:i2])!r} -> {' '.join(c[j1:j2])!r} "
                                 f"(gold {gold_text!r})")
        at += len(s)
    for i, j in one_to_one.items():
        if not _same(scan[i], gold[j]) and any(ch.isalpha() for ch in scan[i] + gold[j]):
            tally.misread += 1
            fixed = _same(corrected_word.get(i, scan[i]), gold[j])
            tally.fixed += fixed
            if not fixed:
                tally.listing.append(f"missed {scan[i]!r} (gold {gold[j]!r}"
                                     + (f", changed to {corrected_word[i]!r})" if i in corrected_word
                                        else ")"))
    return tally


def _edges(token: str) -> tuple[str, str]:
    """The marks before and after a word's letters (quotes straight, as in the gold)."""
    token = token.replace("’", "'").replace("‘", "'")
    lead = LEADING_MARKS.match(token).group()
    return lead, TRAILING_MARKS.search(token, len(lead)).group()


def _marks_only(scanned: list[str], corrected: list[str], gold: list[str]) -> bool | None:
    """Whether a change that moved only the marks around its words (a scan's ``‘`` taken
    out: ``‘Lhe`` -> ``Lhe``) is right: each mark it changed now reads as the gold word's
    (None: the change is not of that kind). Its words' letters are not the change's: where
    they are still misread, the misreading is counted as missed, not as this change."""
    if not (len(scanned) == len(corrected) == len(gold)) or \
            [_core(w) for w in scanned] != [_core(w) for w in corrected]:
        return None
    for was, now, printed in zip(scanned, corrected, gold):
        for before, after, truth in zip(_edges(was), _edges(now), _edges(printed)):
            if before != after and after != truth:
                return False
    return True


SIMILAR = 0.7
"""Two words read alike (difflib's ratio of their letters) from here: ``progran``/``program``."""


def _nearest_word(word: str, gold: list[str]) -> int | None:
    """The one word of ``gold`` that ``word`` reads most like, if it reads like it (at
    least :data:`SIMILAR`) and no other as much."""
    import difflib

    a = _core(word).lower()
    ratios = [difflib.SequenceMatcher(None, a, _core(g).lower()).ratio() if a else 0.0
              for g in gold]
    top = max(ratios, default=0.0)
    return ratios.index(top) if top >= SIMILAR and ratios.count(top) == 1 else None


def _gold_of(i1: int, i2: int, one_to_one: dict[int, int], spans: list[tuple[int, int, int, int]],
             scan: list[str], gold: list[str], new: str) -> tuple[int, int] | None:
    """The gold words a stretch of scanned words ``[i1, i2)``, changed into ``new`` (its
    words' cores), stands for, if the alignment says."""
    if i2 > i1 and all(i in one_to_one for i in range(i1, i2)):
        js = [one_to_one[i] for i in range(i1, i2)]
        if js == list(range(js[0], js[0] + len(js))):
            return js[0], js[-1] + 1
    for s1, s2, g1, g2 in spans:
        if s1 <= i1 and i2 <= s2:
            whole = " ".join(_core(w) for w in gold[g1:g2])
            if (s1, s2) == (i1, i2) and new != whole and g2 - g1 > 2:
                # The whole stretch, whose gold runs on (a note the scan has elsewhere;
                # two gold words are what a split word stands for): the gold words it
                # starts or ends with, where the change reads as them.
                k = len(new.split())
                for a, b in ((g1, g1 + k), (g2 - k, g2)):
                    if k < g2 - g1 and new == " ".join(_core(w) for w in gold[a:b]):
                        return a, b
            if (s1, s2) == (i1, i2) and (i2 - i1 > 1 or g2 - g1 <= 2 or new == whole):
                return g1, g2
            # One word of a stretch that runs on (a running head or a note the scan has
            # elsewhere): the gold word it reads like, if one does.
            j = _nearest_word(scan[i1], gold[g1:g2]) if i2 - i1 == 1 else None
            return (g1 + j, g1 + j + 1) if j is not None else None
    return None


def tesseract(args: argparse.Namespace) -> None:
    """The whole pipeline's OCR changes on Tesseract's reading of the series' degraded (and
    clean) scans, scored word by word against the words the corpus typeset.

    ``--corpus DIR --generator MODULE[:KIND]``: the volumes a held-out generator of
    ``benchmarks/corpus`` wrote into DIR instead (``heldout``, ``heldout_txt``,
    ``heldout_geo:unseen`` for its ``build_unseen_volumes``), their gold rebuilt by it."""
    root = TESSERACT
    if args.corpus:
        import importlib

        sys.path.insert(0, str(ROOT / "benchmarks" / "corpus"))
        import make_corpus

        module, _, kind = (args.generator or "make_corpus").partition(":")
        make_corpus.build_volumes = getattr(importlib.import_module(module),
                                            f"build_{kind}_volumes" if kind else "build_volumes")
        root = Path(args.corpus)
    for variant in ("degraded", "clean"):
        total = WordTally()
        print(f"### Tesseract {variant} scans ({root}/*/{variant}.txt)\n")
        print(WORD_HEADER)
        for volume in sorted(p for p in root.iterdir() if (p / "gold.json").exists()):
            tally = score_words(_scanned_and_corrected(volume / f"{variant}.txt"),
                                gold_words(volume.name))
            total.add(tally)
            print(tally.row(volume.name))
            if args.verbose:
                total.listing += [f"{volume.name}: {line}" for line in tally.listing]
        print(total.row("all"))
        print()
        for line in total.listing:
            print(f"- {line}")
        if total.listing:
            print()


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
    parser.add_argument("--tesseract", action="store_true",
                        help="only Tesseract's degraded and clean scans of the series")
    parser.add_argument("--verbose", action="store_true", help="list every change scored")
    parser.add_argument("--corpus", metavar="DIR", help="with --tesseract: held-out volumes in DIR")
    parser.add_argument("--generator", metavar="MODULE[:KIND]",
                        help="with --corpus: the benchmarks/corpus module that wrote them")
    parser.add_argument("--split", choices=("test", "dev"), default="test",
                        help="the ocr-pairs split measured (dev: the one to tune on; default test)")
    args = parser.parse_args(argv)
    if args.tesseract:
        tesseract(args)
    elif args.calibrate:
        calibrate(args)
    elif args.clean_only:
        clean_texts(Channel.load())
    else:
        benchmark(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
