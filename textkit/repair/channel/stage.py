"""The ``channel`` repair stage: the learned noisy-channel corrector over a whole document.

It runs after the ``ocr`` stage (whose confusion table and document forms
are tuned to the series' scans): what that stage left, the channel judges
with the confusion model learned from real OCR, the language model and the
document's own counts. A change whose evidence clears the calibrated
threshold is applied as a :class:`~textkit.model.Correction`; one below it
is only kept in ``Document.suggestions`` (``Confidence.LOW``), for review.
Word confidences from hOCR, ALTO or PAGE XML (``SourceLine.words``) raise
or lower the evidence. After a first pass, the confusions that the
document's sure corrections (both stages', ``cert="high"``) show at least
twice are this scan's own (:meth:`~.model.ChannelModel.adapted`): the
blocks where a word the lexicon lacks holds a scanned string whose rule they
made cheaper, or a word was kept back, are judged again with them.
"""

from __future__ import annotations

import re
from collections import Counter

from ...lexicon import lexicon_for
from ...model import Block, BlockKind, Confidence, Correction, Document, Footnote, Rule, SourceLines
from ...model import changed as replace  # dataclasses.replace, at a third of its cost
from ..edits import Moved, apply_edits_noted, recount
from ..frozen import frozen_heap
from . import Channel, Kind, Suggestion, count_words
from .judge import WORD, long_s_readings, long_s_share, prints_long_s, unknown_share
from .model import ADAPT_MIN, ChannelModel, confusions

RULES = {Kind.CONFUSION: Rule.OCR_CHANNEL, Kind.REAL_WORD: Rule.OCR_REAL_WORD,
         Kind.SPLIT: Rule.OCR_SPLIT, Kind.JOIN: Rule.OCR_JOIN, Kind.HYPHEN: Rule.HYPHEN_MIDLINE}

MAX_PASSES = 4
"""Passes over the document at most (see :func:`correct_with_channel`): the first, one with
the channel adapted to the scan (when its sure corrections show confusions), and those
that judge again the blocks where a word was kept back."""

SURE_RULES = frozenset({Rule.OCR_CONFUSION, Rule.OCR_CHANNEL})
"""The corrections whose confusions the adapted channel learns, at ``Confidence.HIGH``
(a misreading into a non-word, read as a word; not a real word's, nor a split)."""

HIGH_LOG_ODDS = 5.0
"""An applied change this sure (log-odds, nats) is ``cert="high"``; else ``medium``."""

_TOKEN = re.compile(r"\S+")


def correct_with_channel(doc: Document) -> Document:
    """The channel stage over every block and footnote of ``doc``."""
    with frozen_heap():  # the tables out of the collector's walks (see ..frozen)
        return _correct_with_channel(doc)


def _correct_with_channel(doc: Document) -> Document:
    options = doc.options
    channel = Channel.load()
    lexicon = lexicon_for(frozenset(options.user_words), options.language)
    counts = count_words(_texts(doc))
    noise = unknown_share(counts, lexicon)  # how noisy the scan is: once per document
    total = max(1, sum(counts.values()))
    long_s = prints_long_s(long_s_share(counts, lexicon))  # an old print's ſ read as f
    words = _line_words(doc)
    held: dict[int, list[Correction]] = {}  # by block (its place in the walk), in reading order
    again: set[int] | None = None  # the blocks to judge again (None: all)
    verdicts: dict[tuple[object, ...], object] | None = None  # from the second pass on
    edited = walked = 0
    moved: list[Moved] = []  # the texts a pass edited (to move the counts by)

    def block(b: Block, *, note: bool = False) -> Block:
        nonlocal edited, walked
        key, walked = walked, walked + 1  # every pass walks the same blocks in the same order
        if b.kind is BlockKind.BYLINE or not b.text or (again is not None and key not in again):
            return b  # an author line's names are left alone
        found = channel.suggest(b.text, lexicon=lexicon, document_counts=counts,
                                confidences=_confidences(b, words) if words else None,
                                protected=options.user_words | _names(b.text, every=note,
                                                                      long_s=long_s, words=lexicon.words),
                                kept_hyphens=frozenset(br.offset for br in b.breaks if br.hyphen),
                                noise=noise, total=total, long_s=long_s, verdicts=verdicts)
        held[key] = [_correction(s, b, Confidence.LOW) for s in found if not s.applied]
        edits = [_correction(s, b, Confidence.HIGH if s.log_odds >= HIGH_LOG_ODDS else Confidence.MEDIUM)
                 for s in found if s.applied]
        edited += len(edits)
        return apply_edits_noted(b, edits, moved) if edits else b

    def note(n: Footnote) -> Footnote:
        fixed = block(n.as_block(), note=True)
        return n.with_block(fixed) if fixed is not n.as_block() and fixed.text != n.text else n

    # A change is evidence for the next (a split that writes "is" makes "is" a word this
    # document uses): while a pass changes something, the blocks that kept a word back are
    # judged again with the document's new counts, so that a second run changes nothing.
    # After the first pass, the confusions the document's sure corrections show (both
    # stages') are this scan's own: with them in the channel, every block is judged again.
    base = channel.model if long_s else channel.model.without_long_s()
    for passes in range(MAX_PASSES):
        edited = walked = 0
        moved.clear()
        doc = doc.map_blocks(block).map_footnotes(note)
        if passes == 0:
            verdicts = {}  # kept by the later passes, for the next (see Judge.verdicts)
            model = _adapted(doc, base)
            if model is not base:  # again, with the scan's own confusions, where they may tell
                kept = {key for key, found in held.items() if found}
                channel, again = replace(channel, model=model), {
                    key for key, text in enumerate(_texts(doc))
                    if key in kept or _cued(text, model.cues, lexicon.words)}
                recount(counts, moved, _count)
                continue
        if not edited:
            break
        again = {key for key, kept in held.items() if kept}
        if not again:
            break
        recount(counts, moved, _count)
    return replace(doc, suggestions=(*doc.suggestions, *(c for kept in held.values() for c in kept)))


def _cued(text: str, cues: tuple[str, ...], known: frozenset[str]) -> bool:
    """Has ``text`` a word the lexicon lacks with one of ``cues`` in it (a word an adapted
    model's cheaper rules may read otherwise)?"""
    return any(lower not in known and any(c in lower for c in cues)
               for lower in (m.group().lower() for m in WORD.finditer(text)))


def _count(text: str) -> Counter[str]:
    return count_words([text])


def _texts(doc: Document) -> list[str]:
    """The text of every block and footnote, in the order the stage walks them."""
    return [b.text for b in doc.blocks()] + [n.text for n in doc.footnotes()]


TESSERACT_CONFUSIONS = (("c", "e"), ("e", "c"), ("rn", "m"), ("m", "rn"), ("in", "m"),
                        ("li", "h"), ("h", "li"), ("cl", "d"), ("d", "cl"), ("ii", "u"),
                        ("u", "n"), ("n", "u"), ("h", "b"), ("b", "h"), ("m", "n"), ("n", "m"))
"""``(seen, printed)``: the glyph confusions Tesseract is known for on a degraded page (round
letters e/c, merged and split strokes rn/m, in/m, li/h, cl/d, ii/u, n/u, h/b and the minims of
m/n: on the Tesseract tuning volumes, the fixtures and #11's round 7, m for n and n for m are
19 of 377 misread letters, beside n/u's 65 and in/m's 29), taken as a
Tesseract scan's own from the start (at their rate in the document as for its sure
corrections' own, never dearer than learned): their bars are the own ones."""


def _engine_conventions(doc: Document) -> tuple[tuple[str, str], ...]:
    """The confusions of the OCR program that read ``doc``, where its plain text says which
    (:mod:`textkit.read.text`'s conventions: Tesseract's)."""
    return TESSERACT_CONFUSIONS if doc.input_format == "tesseract" else ()


def _adapted(doc: Document, model: ChannelModel) -> ChannelModel:
    """``model`` with the confusions of the document's sure corrections (both OCR stages'),
    and those of the program that read it (:func:`_engine_conventions`; where there are, a
    long word may take a second confusion through one of them: ``second_step``)."""
    sure = [(c.original, c.replacement)
            for b in (*doc.blocks(), *(n.as_block() for n in doc.footnotes()))
            for c in b.corrections if c.rule in SURE_RULES and c.confidence is Confidence.HIGH]
    seen = Counter({pair: n for pair, n in confusions(sure).items() if n >= ADAPT_MIN})
    for pair in _engine_conventions(doc):
        seen[pair] = max(seen[pair], ADAPT_MIN)
    if not seen:
        return model
    text = "\n".join(_texts(doc)).lower()
    return model.adapted(seen, {p: text.count(p) for _, p in seen},
                         second_step=bool(_engine_conventions(doc)))


_CAPITALIZED = re.compile(r"[A-Z](?<!\w[A-Z])[\w’'-]*")
"""A capitalized word: a capital with no word character before it (``\\b[A-Z]``, the test
made after the capital, so that the search skips to the capitals instead of trying every
place of the text)."""


def _names(text: str, *, every: bool, long_s: bool = False,
           words: frozenset[str] = frozenset()) -> frozenset[str]:
    """Capitalized words that read as names: two or more in a row (``Dita Dunn``), or, in a
    footnote (authors, titles, places of publication), every one. In a print that sets the
    long s, a name is set with it too: one that reads as a known word with ``s`` for its
    ``f`` (``Princefs Louifa``) is not kept as printed."""
    found = [m for m in _CAPITALIZED.finditer(text)
             if not (long_s and long_s_readings(m.group().lower(), words))]
    if every:
        return frozenset(m.group() for m in found)
    names = set()
    for first, second in zip(found, found[1:]):
        if text[first.end():second.start()] == " ":
            names.update((first.group(), second.group()))
    return frozenset(names)


def _correction(s: Suggestion, block: Block, confidence: Confidence) -> Correction:
    return Correction(RULES[s.kind], s.start, s.end, s.original, s.replacement, confidence,
                      block.line_at(s.start), s.evidence)


def _line_words(doc: Document) -> dict[int, list[float | None]]:
    """Input line number → the engine's confidence of each of its words (formats that have them)."""
    out: dict[int, list[float | None]] = {}
    if not SourceLines(doc.source_lines).worded:  # plain text: no record made per line
        return out
    for number, line in enumerate(doc.source_lines, 1):
        if line.words and any(w.confidence is not None for w in line.words):
            out[number] = [w.confidence for w in line.words]
    return out


def _confidences(block: Block, words: dict[int, list[float | None]]) -> dict[int, float]:
    """Word start offset in ``block.text`` → confidence, where a line's words line up with its tokens."""
    out: dict[int, float] = {}
    ends = [b.offset for b in block.breaks[1:]] + [len(block.text)]
    for brk, end in zip(block.breaks, ends):
        line = words.get(brk.line)
        if not line:
            continue
        tokens = list(_TOKEN.finditer(block.text, brk.offset, end))
        if len(tokens) != len(line):
            continue  # repairs or the reader changed the words: no safe alignment
        for token, confidence in zip(tokens, line):
            if confidence is not None:
                out[token.start()] = confidence
    return out
