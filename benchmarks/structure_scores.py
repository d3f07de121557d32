"""Score the structure textkit found in a volume against its gold (``gold.json``).

The gold is what was typeset (see ``benchmarks/corpus/make_corpus.py``): the
volume title, and per text its kind, title, authors, headings with levels,
paragraphs (first words), footnotes (text, and the words right before the
anchor), block quotations and editorial notes.

Everything is compared after :func:`norm` (case, quotes, dashes and
punctuation folded, whitespace collapsed) and fuzzily: OCR misreads a letter
now and then, so two strings match when their character similarity
(:func:`similarity`, difflib's ratio) is at least a threshold (0.9 for titles,
names and headings, 0.85 for the first words of paragraphs, notes, quotations).
Gold and found items are paired one to one, best pairs first
(:func:`pair`), so a paragraph split in two or a heading found twice counts
once and the rest are false positives.

Items are pooled over the whole volume (not per text): a volume whose texts
are cut in the wrong places still gets credit for the paragraphs and notes it
found; ``texts`` and ``titles`` say how the volume was cut.

Scores (:func:`score`): ``texts`` (found / gold), ``volume_title`` (1 or 0),
``titles``, ``authors``, ``heads``, ``paragraphs``, ``notes`` (the note's text
found, wherever it is), ``notes_anchored`` (the note's text found AND its
anchor right after the words it follows in print: the gold's ``context``,
twelve words, when it has one, else its ``after``), ``quotes``, ``editorial``:
each a :class:`PRF` (precision, recall, F1; ``None`` when there is nothing to
find and nothing was found); ``levels``: of the headings found, the share
with the printed level (``None`` when no heading was found).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from textkit.model import Block, BlockKind, Division, Document

STRICT = 0.9
LOOSE = 0.85
FIRST_WORDS = 6

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                       "\u2014": "-", "\u00ad": "", "\ufb01": "fi", "\ufb02": "fl"})


def norm(text: str) -> str:
    """Lower case, letters and digits only, one space between words.

    >>> norm("  WHO PAYS for the\\nHarbor?  ")
    'who pays for the harbor'
    >>> norm("workshop\u2019s \u201cfirst\u201d step-by-step")
    'workshop s first step by step'
    """
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).lower()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def first_words(text: str, n: int = FIRST_WORDS) -> str:
    return " ".join(norm(text).split()[:n])


def similarity(a: str, b: str) -> float:
    """Character similarity of two normalised strings, 0 to 1.

    >>> similarity("luis marcelo", "luts marcelo") > 0.9
    True
    """
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass(frozen=True)
class PRF:
    """Counts of a matching: true positives, gold items, found items."""

    tp: int
    gold: int
    got: int

    @property
    def precision(self) -> float | None:
        return self.tp / self.got if self.got else (None if not self.gold else 0.0)

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else (None if not self.got else 0.0)

    @property
    def f1(self) -> float | None:
        if not self.gold and not self.got:
            return None
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "gold": self.gold, "got": self.got, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


def pair(gold: Sequence, got: Sequence, match) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, got index)``, best first.

    ``match(g, h)`` returns a similarity (higher is better) or ``None`` when
    the two cannot be paired.

    >>> pair(["ab", "cd"], ["cd", "ab", "ab"], lambda g, h: 1.0 if g == h else None)
    [(0, 1), (1, 0)]
    """
    candidates = []
    for i, g in enumerate(gold):
        for j, h in enumerate(got):
            s = match(g, h)
            if s is not None:
                candidates.append((-s, i, j))
    candidates.sort()
    used_g, used_h, out = set(), set(), []
    for _, i, j in candidates:
        if i not in used_g and j not in used_h:
            used_g.add(i)
            used_h.add(j)
            out.append((i, j))
    return sorted(out)


def fuzzy(threshold: float):
    """A ``match`` for :func:`pair` on normalised strings."""
    def match(g: str, h: str) -> float | None:
        s = similarity(g, h)
        return s if s >= threshold else None
    return match


def prf(gold: Sequence[str], got: Sequence[str], threshold: float) -> PRF:
    return PRF(len(pair(gold, got, fuzzy(threshold))), len(gold), len(got))


# --- what textkit found -----------------------------------------------------

@dataclass(frozen=True)
class FoundNote:
    text: str
    before: str
    """The reading text of its block up to the anchor."""


def _divisions(divisions: Sequence[Division]) -> Iterator[Division]:
    for division in divisions:
        yield division
        yield from _divisions(division.divisions)


def _body_blocks(doc: Document) -> Iterator[Block]:
    """Every block in the texts' bodies (titles, bylines and headings aside)."""
    for text in doc.texts:
        yield from text.blocks
        for division in _divisions(text.divisions):
            yield from division.blocks


def found(doc: Document) -> dict:
    """What a converted document holds, in the shape the scorer compares."""
    heads = [(norm(d.head.text), d.level) for t in doc.texts for d in _divisions(t.divisions)]
    body = list(_body_blocks(doc))
    notes = [FoundNote(norm(anchor.note.text), norm(block.text[:anchor.offset]))
             for block in doc.blocks() for anchor in block.notes]
    return {
        "title": norm(doc.title),
        "texts": len(doc.texts),
        "titles": [norm(t.title.text) for t in doc.texts if norm(t.title.text)],
        "authors": [norm(a) for t in doc.texts for a in t.authors],
        "heads": heads,
        "paragraphs": [first_words(b.text) for b in body if b.kind is BlockKind.PARAGRAPH],
        "notes": notes,
        "quotes": [first_words(b.text) for b in body if b.kind is BlockKind.QUOTE],
        "editorial": [first_words(b.text) for b in body if b.kind is BlockKind.EDITORIAL_NOTE],
    }


def anchored_after(after: str, before: str) -> bool:
    """The text before an anchor ends with (about) the words the gold says it follows.

    Allows OCR damage inside the words and one stray word (a misread
    numeral, say) between them and the anchor. When the block holds fewer
    words than ``after`` (a paragraph cut in the wrong place), its words are
    compared with the end of ``after``, if there are at least four of them.

    >>> anchored_after("was to follow", "and what was to follow")
    True
    >>> anchored_after("was to follow", "and what was to follow l")
    True
    >>> anchored_after("was to follow", "was to follow and more words")
    False
    """
    if not after:
        return not before.strip()
    words, have = after.split(), before.split()
    for slack in (0, 1):
        k = min(len(words), len(have) - slack)
        if k < min(len(words), 4):
            continue
        want = " ".join(words[len(words) - k:])
        tail = " ".join(have[len(have) - slack - k:len(have) - slack])
        if similarity(want, tail) >= LOOSE:
            return True
    return False


def _note_match(anchor: bool):
    def match(g: dict, h: FoundNote) -> float | None:
        s = similarity(g["first"], " ".join(h.text.split()[:len(g["first"].split())]))
        if s < LOOSE:
            return None
        if anchor and not anchored_after(g["after"], h.before):
            return None
        return s
    return match


# --- scoring ----------------------------------------------------------------

def gold_items(gold: dict) -> dict:
    texts = gold["texts"]
    return {
        "title": norm(gold.get("title", "")),
        "texts": len(texts),
        "titles": [norm(t["title"]) for t in texts],
        "authors": [norm(a) for t in texts for a in t["authors"]],
        "heads": [(norm(h), level) for t in texts for h, level in t["heads"]],
        "paragraphs": [first_words(p["first_words"]) for t in texts for p in t["paragraphs"]],
        "notes": [{"first": first_words(n["text"]), "after": norm(n.get("context") or n["after"])}
                  for t in texts for n in t["footnotes"]],
        "quotes": [first_words(q["first_words"]) for t in texts for q in t["quotes"]],
        "editorial": [first_words(e["first_words"]) for t in texts for e in t["editorial"]],
    }


@dataclass(frozen=True)
class Scores:
    texts: tuple[int, int]
    """(texts found, texts in the gold)."""
    volume_title: int
    titles: PRF
    authors: PRF
    heads: PRF
    levels: float | None
    paragraphs: PRF
    notes: PRF
    notes_anchored: PRF
    quotes: PRF
    editorial: PRF

    PRF_FIELDS = ("titles", "authors", "heads", "paragraphs", "notes", "notes_anchored", "quotes",
                  "editorial")

    def as_dict(self) -> dict:
        out = {"texts": {"got": self.texts[0], "gold": self.texts[1]},
               "volume_title": self.volume_title, "levels": self.levels}
        out.update({name: getattr(self, name).as_dict() for name in self.PRF_FIELDS})
        return out


def score(doc_or_found: Document | dict, gold: dict) -> Scores:
    """Score a converted document (or :func:`found` of one) against a volume's gold."""
    got = found(doc_or_found) if isinstance(doc_or_found, Document) else doc_or_found
    want = gold_items(gold)
    head_pairs = pair(want["heads"], got["heads"], lambda g, h: fuzzy(STRICT)(g[0], h[0]))
    levels = (sum(want["heads"][i][1] == got["heads"][j][1] for i, j in head_pairs) / len(head_pairs)
              if head_pairs else None)
    notes = PRF(len(pair(want["notes"], got["notes"], _note_match(anchor=False))),
                len(want["notes"]), len(got["notes"]))
    anchored = PRF(len(pair(want["notes"], got["notes"], _note_match(anchor=True))),
                   len(want["notes"]), len(got["notes"]))
    return Scores(
        texts=(got["texts"], want["texts"]),
        volume_title=int(bool(want["title"]) and similarity(want["title"], got["title"]) >= STRICT),
        titles=prf(want["titles"], got["titles"], STRICT),
        authors=prf(want["authors"], got["authors"], STRICT),
        heads=PRF(len(head_pairs), len(want["heads"]), len(got["heads"])),
        levels=levels,
        paragraphs=prf(want["paragraphs"], got["paragraphs"], LOOSE),
        notes=notes,
        notes_anchored=anchored,
        quotes=prf(want["quotes"], got["quotes"], LOOSE),
        editorial=prf(want["editorial"], got["editorial"], LOOSE),
    )


# --- reading the input as what it is ---------------------------------------

_MARKUP = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s|/?>)|\bclass=['\"]ocr|\bCONTENT=['\"]|<\?xml")


def read_as_markup(doc: Document) -> bool:
    """True when the document's text is full of XML/HTML tags: an hOCR or ALTO
    file that was read as plain text rather than by a reader of its format."""
    text = "\n".join(b.text for b in doc.blocks())
    return len(_MARKUP.findall(text)) >= 10


def misses(doc_or_found: Document | dict, gold: dict) -> dict[str, dict[str, list]]:
    """Per item kind, the gold items not found (``missing``) and the found items
    that match no gold item (``extra``), for reading what went wrong."""
    got = found(doc_or_found) if isinstance(doc_or_found, Document) else doc_or_found
    want = gold_items(gold)
    matchers = {"titles": fuzzy(STRICT), "authors": fuzzy(STRICT),
                "heads": lambda g, h: fuzzy(STRICT)(g[0], h[0]), "paragraphs": fuzzy(LOOSE),
                "notes": _note_match(anchor=True), "quotes": fuzzy(LOOSE),
                "editorial": fuzzy(LOOSE)}
    out = {}
    for name, match in matchers.items():
        pairs = pair(want[name], got[name], match)
        paired_g, paired_h = {i for i, _ in pairs}, {j for _, j in pairs}
        show = (lambda n: {"text": n.text[:60], "after": n.before[-40:]}) if name == "notes" else (
            lambda x: x)
        out[name] = {"missing": [g for i, g in enumerate(want[name]) if i not in paired_g],
                     "extra": [show(h) for j, h in enumerate(got[name]) if j not in paired_h]}
        if name == "heads":
            out["levels"] = {"wrong": [[got[name][j][0], want[name][i][1], got[name][j][1]]
                                       for i, j in pairs if want[name][i][1] != got[name][j][1]]}
    return out
