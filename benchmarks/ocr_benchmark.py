"""Seeded OCR-corruption benchmark for textkit's OCR correction (issue #3).

Takes clean English text, injects OCR confusions (rn->m, d->cl, h->li, w->vv,
I->l->1, O->0, e<->c, u->ii and the like) into about 0.5% of the words, then
asks three correctors to repair it:

* ``textkit``: the pipeline's ``ocr`` and ``channel`` stages (:func:`textkit.repair.ocr.correct_ocr`,
  then :func:`textkit.repair.channel.stage.correct_with_channel`)
  over a document of the text's paragraphs;
* ``symspell lookup``: symspellpy used directly, each word replaced by its top
  ``lookup`` suggestion (max edit distance 2, casing transferred);
* ``symspell compound``: ``lookup_compound`` per paragraph (it lowercases and
  drops punctuation, so it is scored case-insensitively on bare words).

Precision is the share of changed words that became the clean word; recall
is the share of injected errors that were repaired. Times are per 1,000
words, with dictionaries already loaded (their one-off setup is printed
apart).

Corpora:

* ``untuned``: ``benchmarks/data/untuned-*.txt``, two policy essays (security,
  trade) written for this benchmark, which textkit's rules were not tuned on;
* ``sample``: the reading text textkit makes of the sample volume
  (``fixtures/us-japan-in-asia-1994.txt``), which the rules were developed
  against.

Run ``python benchmarks/ocr_benchmark.py`` (``--help`` for the options;
``--unmodelled`` injects misreadings outside textkit's model, ``--timing``
times the sample's conversion with and without the stage).
"""

from __future__ import annotations

import argparse
import difflib
import importlib.resources
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from symspellpy import SymSpell, Verbosity

import textkit
from textkit.model import Block, BlockKind, Document, Text, TextKind
from textkit.model import Options
from textkit.repair.channel.stage import correct_with_channel
from textkit.repair.ocr import correct_ocr

# What the page printed -> what the scan shows, with how often each is drawn.
# Written independently of textkit's confusion table: the list.
INJECTIONS: list[tuple[str, str, int]] = [
    ("rn", "m", 4), ("m", "rn", 3), ("d", "cl", 3), ("cl", "d", 1), ("h", "li", 3),
    ("li", "h", 1), ("w", "vv", 2), ("I", "l", 3), ("l", "1", 1), ("l", "I", 2), ("I", "1", 1),
    ("O", "0", 1), ("o", "0", 1), ("e", "c", 3), ("c", "e", 3), ("u", "ii", 2), ("n", "ii", 1),
]

# Misreadings outside textkit's model (a/o, n/u, t/l …): what it does when it cannot know.
UNMODELLED: list[tuple[str, str, int]] = [
    ("a", "o", 2), ("n", "u", 2), ("t", "l", 1), ("e", "o", 1), ("s", "a", 1), ("y", "v", 1),
    ("g", "q", 1), ("f", "t", 1),
]

WORD = re.compile(r"[A-Za-z]+")


@dataclass
class Score:
    changed: int = 0
    right: int = 0
    injected: int = 0
    repaired: int = 0
    words: int = 0
    seconds: float = 0.0

    def add(self, other: Score) -> None:
        for name in ("changed", "right", "injected", "repaired", "words", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, name: str) -> str:
        precision = self.right / self.changed if self.changed else 1.0
        recall = self.repaired / self.injected if self.injected else 1.0
        per_k = 1000 * self.seconds / self.words if self.words else 0.0
        return (f"| {name:<20} | {precision:9.3f} | {recall:6.3f} | {self.changed:7d} | "
                f"{self.injected:8d} | {per_k * 1000:10.1f} |")


def corrupt(paragraphs: list[str], rate: float, rng: random.Random) -> list[str]:
    """Inject one OCR confusion into about ``rate`` of the words (of those it can hit)."""
    words = [(p, m) for p, para in enumerate(paragraphs) for m in WORD.finditer(para)]
    count = max(1, round(rate * len(words)))
    chosen = rng.sample(range(len(words)), len(words))
    out = [list(p) for p in paragraphs]
    changes: dict[int, list[tuple[int, int, str]]] = {}
    done = 0
    for k in chosen:
        if done == count:
            break
        p, match = words[k]
        options = [(printed, seen, weight) for printed, seen, weight in INJECTIONS
                   if printed in match.group()]
        if not options:
            continue
        printed, seen, _ = rng.choices(options, weights=[w for *_, w in options])[0]
        places = [i for i in range(len(match.group())) if match.group().startswith(printed, i)]
        at = match.start() + rng.choice(places)
        changes.setdefault(p, []).append((at, at + len(printed), seen))
        done += 1
    for p, edits in changes.items():
        for start, end, seen in sorted(edits, reverse=True):
            out[p][start:end] = list(seen)
    return ["".join(p) for p in out]


def score_words(clean: list[str], corrupted: list[str], fixed: list[str]) -> Score:
    """Word-aligned scoring (the three lists have the same length)."""
    score = Score(words=len(clean))
    for c, x, y in zip(clean, corrupted, fixed, strict=True):
        if x != c:
            score.injected += 1
            score.repaired += y == c
        if y != x:
            score.changed += 1
            score.right += y == c
    return score


def score_aligned(clean: list[str], corrupted: list[str], fixed: list[str]) -> Score:
    """Scoring for a corrector that may split or merge words: align output to input."""
    score = Score(words=len(clean))
    score.injected = sum(c != x for c, x in zip(clean, corrupted, strict=True))
    matcher = difflib.SequenceMatcher(a=corrupted, b=fixed, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and a1 - a0 == b1 - b0:
            for i, j in zip(range(a0, a1), range(b0, b1)):
                score.changed += 1
                if fixed[j] == clean[i]:
                    score.right += 1
                    score.repaired += corrupted[i] != clean[i]
        else:
            score.changed += max(a1 - a0, b1 - b0)
    return score


def run_textkit(paragraphs: list[str]) -> tuple[list[str], float]:
    # A short paragraph without a final stop is a heading, as the structure stage finds it.
    blocks = tuple(Block(BlockKind.HEAD if len(p) < 60 and p[-1:].isalnum() else BlockKind.PARAGRAPH,
                         p, i + 1, i + 1) for i, p in enumerate(paragraphs[1:]))
    title = Block(BlockKind.HEAD, paragraphs[0], 0, 0)
    doc = Document("bench.txt", "", "\n".join(paragraphs),
                   texts=(Text(TextKind.ESSAY, title, (), None, blocks),))
    began = time.perf_counter()
    fixed = correct_with_channel(correct_ocr(doc))
    seconds = time.perf_counter() - began
    return [b.text for b in fixed.blocks()], seconds


def run_lookup(sym: SymSpell, paragraphs: list[str]) -> tuple[list[str], float]:
    began = time.perf_counter()
    out = []
    for para in paragraphs:
        def fix(match: re.Match[str]) -> str:
            found = sym.lookup(match.group(), Verbosity.TOP, 2, transfer_casing=True)
            return found[0].term if found else match.group()
        out.append(WORD.sub(fix, para))
    return out, time.perf_counter() - began


def run_compound(sym: SymSpell, paragraphs: list[str]) -> tuple[list[str], float]:
    began = time.perf_counter()
    out = [sym.lookup_compound(p, 2)[0].term for p in paragraphs]
    return out, time.perf_counter() - began


def bare(paragraphs: list[str]) -> list[str]:
    """Lower-case words without punctuation, as ``lookup_compound`` returns them."""
    words = (re.sub(r"[^\w]", "", w).lower() for p in paragraphs for w in p.split())
    return [w for w in words if w]


def load_symspell() -> tuple[SymSpell, float]:
    began = time.perf_counter()
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    package = importlib.resources.files("symspellpy")
    with importlib.resources.as_file(package / "frequency_dictionary_en_82_765.txt") as path:
        if not sym.load_dictionary(str(path), 0, 1):
            raise SystemExit(f"cannot load {path}")
    with importlib.resources.as_file(package / "frequency_bigramdictionary_en_243_342.txt") as path:
        if not sym.load_bigram_dictionary(str(path), 0, 2):
            raise SystemExit(f"cannot load {path}")
    return sym, time.perf_counter() - began


def corpora(which: list[str]) -> dict[str, list[list[str]]]:
    """Each corpus: its documents, each a list of paragraphs (the first is the title)."""
    out = {}
    if "untuned" in which:
        out["untuned"] = []
        for path in sorted((ROOT / "benchmarks" / "data").glob("untuned-*.txt")):
            text = path.read_text(encoding="utf-8")
            out["untuned"].append([p.strip() for p in text.split("\n\n") if p.strip()])
    if "sample" in which:
        doc = textkit.convert_file(ROOT / "fixtures" / "us-japan-in-asia-1994.txt")
        out["sample"] = [[b.text for b in doc.blocks() if b.text.strip()]]
    return out


COLD = """
import sys, time
began = time.perf_counter()
import textkit
from textkit.model import Options
textkit.convert_file(sys.argv[1], options=Options(correct_ocr=sys.argv[2] == "on"))
print(time.perf_counter() - began)
"""


def timing(repeats: int = 5) -> None:
    """Conversion time of the sample with and without the OCR stage: new process, and warm."""
    import statistics
    import subprocess

    sample = ROOT / "fixtures" / "us-japan-in-asia-1994.txt"
    print("\nconversion of the sample (median of", repeats, "runs)")
    print("| stage ocr | cold process (s) | warm, in-process (s) |")
    print("|-----------|------------------|----------------------|")
    for state in ("off", "on"):
        cold = [float(subprocess.run([sys.executable, "-c", COLD, str(sample), state], check=True,
                                     capture_output=True, text=True, cwd=ROOT).stdout)
                for _ in range(repeats)]
        options = Options(correct_ocr=state == "on")
        textkit.convert_file(sample, options=options)
        warm = []
        for _ in range(repeats):
            began = time.perf_counter()
            textkit.convert_file(sample, options=options)
            warm.append(time.perf_counter() - began)
        print(f"| {state:<9} | {statistics.median(cold):16.2f} | {statistics.median(warm):20.3f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", default=["untuned", "sample"],
                        choices=["untuned", "sample"])
    parser.add_argument("--seeds", type=int, default=None,
                        help="corruptions per corpus (20 of the untuned essay, 5 of the longer sample)")
    parser.add_argument("--rate", type=float, default=0.005, help="share of words corrupted (0.005)")
    parser.add_argument("--no-symspell", action="store_true", help="score textkit only")
    parser.add_argument("--show", action="store_true", help="print every wrong or missed word")
    parser.add_argument("--unmodelled", action="store_true",
                        help="inject confusions outside textkit's model instead (a/o, n/u, t/l …)")
    parser.add_argument("--timing", action="store_true",
                        help="only time the sample's conversion with and without the stage")
    args = parser.parse_args(argv)
    if args.timing:
        timing()
        return 0
    if args.unmodelled:
        INJECTIONS[:] = UNMODELLED

    began = time.perf_counter()
    run_textkit(["Warm up", "Some people wam against it: the lexicon and bigrams load here."])
    textkit_setup = time.perf_counter() - began
    sym, sym_setup = (None, 0.0) if args.no_symspell else load_symspell()
    print(f"setup: textkit dictionaries {textkit_setup:.2f} s; "
          f"symspellpy index (edit distance 2) {sym_setup:.2f} s")

    for name, documents in corpora(args.corpus).items():
        totals = {"textkit": Score(), "symspell lookup": Score(), "symspell compound": Score()}
        # Seed 0 is the clean text itself: every change there is a false alarm.
        seeds = args.seeds if args.seeds is not None else 20 if name == "untuned" else 5
        for seed, clean in ((seed, clean) for seed in range(seeds + 1) for clean in documents):
            rng = random.Random(f"{seed} {clean[0]}")
            corrupted = clean if seed == 0 else corrupt(clean, args.rate, rng)
            clean_words = [w for p in clean for w in p.split()]
            corrupted_words = [w for p in corrupted for w in p.split()]
            fixed, seconds = run_textkit(corrupted)
            score = score_words(clean_words, corrupted_words, [w for p in fixed for w in p.split()])
            score.seconds = seconds
            totals["textkit"].add(score)
            if args.show:
                fixed_words = [w for p in fixed for w in p.split()]
                for c, x, y in zip(clean_words, corrupted_words, fixed_words, strict=True):
                    if y != c and (x != c or y != x):
                        print(f"  [{name} seed {seed}] clean {c!r} scan {x!r} textkit {y!r}")
            if sym is None:
                continue
            fixed, seconds = run_lookup(sym, corrupted)
            score = score_words(clean_words, corrupted_words, [w for p in fixed for w in p.split()])
            score.seconds = seconds
            totals["symspell lookup"].add(score)
            fixed, seconds = run_compound(sym, corrupted)
            score = score_aligned(bare(clean), bare(corrupted), bare(fixed))
            score.seconds = seconds
            totals["symspell compound"].add(score)
        words = sum(len(p.split()) for clean in documents for p in clean)
        print(f"\n{name}: {len(documents)} document(s), {words:,} words, {seeds} corruptions "
              f"at {args.rate:.1%} plus the clean text")
        print("| corrector            | precision | recall | changes | injected | ms/1k words |")
        print("|----------------------|-----------|--------|---------|----------|-------------|")
        for label, score in totals.items():
            if score.words:
                print(score.row(label))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
