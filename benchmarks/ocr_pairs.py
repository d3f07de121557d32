"""Real OCR/gold pairs for learning and measuring the noisy-channel corrector.

Reads the two collections in ``../shared/ocr-pairs`` (see its README) into
:class:`Pair` documents, splits them deterministically into train, dev and
test, aligns OCR and gold character by character, and measures the character
error rate. Used by ``learn_channel.py`` (learns on *train*) and
``correction_benchmark.py`` (calibrates on *dev*, reports on *test*).

The split: a document's part is ``sha1(key) % 10``: 0–5 train, 6–7 dev,
8–9 test, where the key is ``bln600:<Sample ID>`` for a BLN600 article (all
its sentences stay together) and ``icdar2017:<line number>`` for an ICDAR
document. Nothing depends on the order of the files or on a random seed.

Gold is normalised the way a reader of the OCR would expect it: the ``@``
alignment padding is removed, ligatures (``ﬁ``, ``ﬃ``) are spelled out,
long ``ſ`` is ``s`` and the Unicode hyphen ``‐`` is ``-``; whitespace runs are
one space. No corrector can produce a ligature glyph the OCR never emits.
ICDAR's gold keeps the hyphen of a word broken at a line end, with the space
where the break was (``construc- tion``); BLN600's joins it (``property``),
as textkit's output does: ICDAR's is joined the same way, so that both
collections ask for the word a reader reads.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("/work/shared/ocr-pairs")
if not DATA.exists():
    DATA = ROOT.parent / "shared" / "ocr-pairs"

GOLD_FIXES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl",
                            "ſ": "s", "‐": "-", "@": None})
SPACES = re.compile(r"\s+")
LINE_BREAK_HYPHEN = re.compile(r"(?<=[^\W\d_])- (?=[a-z])")
MAX_CELLS = 60_000
"""A differing stretch longer than this (OCR chars × gold chars) is not aligned
char by char: it is garbage on one side (a region the gold does not cover)."""


@dataclass(frozen=True, slots=True)
class Pair:
    """One document: what the OCR read and what the page says."""

    collection: str
    key: str
    ocr: str
    gold: str

    @property
    def part(self) -> str:
        return split_of(f"{self.collection}:{self.key}")


def split_of(key: str) -> str:
    """``train``, ``dev`` or ``test`` for a document key (see the module docstring).

    >>> split_of("bln600:3200797029") in {"train", "dev", "test"}
    True
    """
    bucket = int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 10
    return "train" if bucket < 6 else "dev" if bucket < 8 else "test"


def normalise(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def bln600(data: Path = DATA) -> list[Pair]:
    """BLN600 articles: the sentences of one ``Sample ID``, in file order, one document."""
    docs: dict[str, tuple[list[str], list[str]]] = {}
    with (data / "bln600-train.csv").open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows):
            ocr, gold = docs.setdefault(row["Sample ID"], ([], []))
            ocr.append(normalise(row["OCR Text"]))
            gold.append(normalise(row["Ground Truth"].translate(GOLD_FIXES)))
    return [Pair("bln600", key, "\n".join(o), "\n".join(g)) for key, (o, g) in docs.items()]


def icdar2017(data: Path = DATA) -> list[Pair]:
    """ICDAR 2017 English periodicals: one document a line, ``@`` removed from the gold."""
    ocr = (data / "icdar2017-eng-periodicals.ocr.txt").read_text(encoding="utf-8").split("\n")
    gold = (data / "icdar2017-eng-periodicals.gold.txt").read_text(encoding="utf-8").split("\n")
    return [Pair("icdar2017", str(n), normalise(o),
                 LINE_BREAK_HYPHEN.sub("", normalise(g.translate(GOLD_FIXES))))
            for n, (o, g) in enumerate(zip(ocr, gold, strict=True)) if o.strip() and g.strip()]


def pairs(part: str | None = None) -> list[Pair]:
    """Both collections, or the documents of one part of the split."""
    return [p for p in bln600() + icdar2017() if part is None or p.part == part]


# -- alignment -------------------------------------------------------------

Aligned = list[tuple[str, str]]
"""(OCR, gold) pairs of at most one character each; ``""`` on one side is an
insertion or deletion; ``None`` stretches (too long to align) are left out."""


def align(ocr: str, gold: str) -> Iterator[Aligned | None]:
    """Character alignment of ``ocr`` with ``gold``, stretch by stretch.

    Words are matched first (difflib over whitespace tokens); each stretch
    that differs is aligned by Levenshtein over characters. A stretch too long
    to align yields ``None`` in place of its pairs.

    >>> [a for a in align("tbe cat", "the cat")]
    [[('t', 't'), ('b', 'h'), ('e', 'e'), (' ', ' ')], [('c', 'c'), ('a', 'a'), ('t', 't')]]
    """
    for _, _, _, pairs in stretches(ocr, gold):
        yield pairs


def stretches(ocr: str, gold: str) -> Iterator[tuple[bool, str, str, Aligned | None]]:
    """``(equal, ocr part, gold part, pairs or None)`` in order; the parts rebuild the texts."""
    o_tokens, g_tokens = _tokens(ocr), _tokens(gold)
    matcher = difflib.SequenceMatcher(a=o_tokens, b=g_tokens, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        o = "".join(o_tokens[i1:i2])
        g = "".join(g_tokens[j1:j2])
        if op == "equal":
            yield True, o, g, list(zip(o, g))
        elif len(o) * len(g) > MAX_CELLS:
            yield False, o, g, None
        else:
            yield False, o, g, levenshtein_pairs(o, g)


def gold_offsets(ocr: str, gold: str) -> tuple[list[int | None], list[tuple[int, int]]]:
    """For each OCR character (and the end), the gold offset it aligns to
    (``None`` inside a stretch too long to align); and the spans of the OCR
    words that the alignment finds unchanged in the gold (the correct words).

    >>> where, right = gold_offsets("tbe cat", "the cat")
    >>> where[4], right
    (4, [(4, 7)])
    """
    where: list[int | None] = []
    right: list[tuple[int, int]] = []
    o_at = g_at = 0
    for equal, o, g, pairs in stretches(ocr, gold):
        if equal:
            for m in re.finditer(r"\S+", o):
                right.append((o_at + m.start(), o_at + m.end()))
        if pairs is None:
            where.extend([None] * len(o))
        else:
            at = g_at
            for oc, gc in pairs:
                if oc:
                    where.append(at)
                at += len(gc)
        o_at += len(o)
        g_at += len(g)
    where.append(g_at)
    return where, right


def _tokens(text: str) -> list[str]:
    """Whitespace tokens each with its following space (so joining them rebuilds the text)."""
    return re.findall(r"\S+\s*|\s+", text)


def levenshtein_pairs(o: str, g: str) -> Aligned:
    """A minimal alignment of ``o`` and ``g`` (ties prefer substitution, then deletion)."""
    n, m = len(o), len(g)
    if not n:
        return [("", c) for c in g]
    if not m:
        return [(c, "") for c in o]
    prev = list(range(m + 1))
    rows = [prev]
    for i in range(1, n + 1):
        cur = [i] + [0] * m
        oc = o[i - 1]
        for j in range(1, m + 1):
            cur[j] = min(prev[j - 1] + (oc != g[j - 1]), prev[j] + 1, cur[j - 1] + 1)
        rows.append(cur)
        prev = cur
    out: Aligned = []
    i, j = n, m
    while i or j:
        if i and j and rows[i][j] == rows[i - 1][j - 1] + (o[i - 1] != g[j - 1]):
            out.append((o[i - 1], g[j - 1]))
            i, j = i - 1, j - 1
        elif i and rows[i][j] == rows[i - 1][j] + 1:
            out.append((o[i - 1], ""))
            i -= 1
        else:
            out.append(("", g[j - 1]))
            j -= 1
    out.reverse()
    return out


def edit_distance(ocr: str, gold: str) -> int:
    """Character edit distance, computed stretch by stretch (see :func:`align`).

    A stretch too long to align counts as its longer side (an upper bound):
    the same for the OCR and for every corrector, so comparisons stay fair.

    >>> edit_distance("tbe cat", "the cat"), edit_distance("the cat", "the cat")
    (1, 0)
    """
    o_tokens, g_tokens = _tokens(ocr), _tokens(gold)
    matcher = difflib.SequenceMatcher(a=o_tokens, b=g_tokens, autojunk=False)
    total = 0
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        o = "".join(o_tokens[i1:i2])
        g = "".join(g_tokens[j1:j2])
        if len(o) * len(g) > MAX_CELLS:
            total += max(len(o), len(g))
        else:
            total += _distance(o, g)
    return total


def _distance(o: str, g: str) -> int:
    if not o or not g:
        return len(o) or len(g)
    prev = list(range(len(g) + 1))
    for i, oc in enumerate(o, 1):
        cur = [i]
        for j, gc in enumerate(g, 1):
            cur.append(min(prev[j - 1] + (oc != gc), prev[j] + 1, cur[j - 1] + 1))
        prev = cur
    return prev[-1]
