"""The hyphen stage: join the halves of a word broken at a line end, keep a compound's hyphen.

The structure stage leaves ``fundamen-tally`` as printed, with the line
break recorded after the hyphen (:class:`~textkit.model.LineBreak`
``hyphen=True``); this stage decides each such break, in every block and
footnote, and records each join as a :attr:`~textkit.model.Rule.HYPHEN_JOIN`
correction (``fundamen-tally`` → ``fundamentally``).

The decision for ``left-`` / ``right`` weighs, in order:

1. the form of the halves: a hyphen after a non-letter (``U.S.-``,
   ``1994-``) or before a capital (``-Japan``, ``-Pacific``) is a compound's;
2. how the same document writes the word elsewhere, mid-line: ``self-governance``
   hyphenated, or ``fundamentally`` joined;
3. the lexicon: the joined word is English (``fundamentally``, ``Korea``);
4. two words whose join is not a word stay a compound (``foot-dragging``,
   ``long-term``); anything else is a word broken by the line end
   (``Fu-``/``kuda``), joined with less confidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicon import Lexicon, default_lexicon, lexicon_for
from ..model import Block, Breaks, Confidence, Correction, Document, LineKind, Rule
from ..layout.joining import HYPHENS, LEADING, SOFT_HYPHENS, TRAILING_WINDOW, broken_word
from .edits import apply_edits

_TOKEN = re.compile(r"[\w’'.]+(?:-[\w’'.]+)*-?")


@dataclass(frozen=True, slots=True)
class HyphenEvidence:
    """How a document writes its words mid-line (not at a line-end break)."""

    words: Counter[str]
    compounds: Counter[str]

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> HyphenEvidence:
        """Count the words and hyphenated compounds of ``lines`` (lower case).

        >>> v = HyphenEvidence.from_lines(["a long-term view and a fundamen-", "tally new one"])
        >>> v.compounds["long-term"], v.words["tally"], v.words["fundamen"]
        (1, 0, 0)
        """
        words: Counter[str] = Counter()
        compounds: Counter[str] = Counter()
        after_break = False
        plain: list[str] = []  # counted at once, in order, every few thousand words
        for line in lines:
            tokens = _TOKEN.findall(line)
            broken = line.rstrip().endswith(HYPHENS) and bool(tokens)
            # Not the first token after a break, nor the last before one.
            counted = [token.strip(".").lower()
                       for token in tokens[1 if after_break else 0:len(tokens) - 1 if broken else len(tokens)]]
            if "-" not in line:  # no compound: every token is a plain word
                plain += filter(None, counted)
            else:
                for token in counted:
                    if "-" in token and "-" in token.strip("-"):
                        compounds[token.strip("-")] += 1
                    elif token:
                        plain.append(token)
            if len(plain) > 4096:
                words.update(plain)
                plain.clear()
            after_break = broken
        words.update(plain)
        return cls(words, compounds)


NO_EVIDENCE = HyphenEvidence(Counter(), Counter())


@dataclass(frozen=True, slots=True)
class Decision:
    join: bool
    confidence: Confidence
    reason: str


def decide(left: str, right: str, vocabulary: HyphenEvidence = NO_EVIDENCE,
           lexicon: Lexicon | None = None) -> Decision:
    """Join ``left-`` + ``right`` into one word, or keep the hyphen?

    >>> decide("fundamen", "tally").join, decide("U.S.", "Japan").join
    (True, False)
    >>> decide("foot", "dragging").join, decide("Fu", "kuda").join
    (False, True)
    """
    lexicon = lexicon or default_lexicon()
    if left.startswith("-"):
        return Decision(False, Confidence.HIGH, "the broken token is already a compound")
    if not left[-1:].isalpha():
        return Decision(False, Confidence.HIGH, "hyphen after a non-letter")
    if right[:1].isupper() or right[:1].isdigit():
        return Decision(False, Confidence.HIGH, "hyphen before a capital or digit")
    joined, compound = (left + right).lower(), f"{left}-{right}".lower()
    as_joined, as_compound = vocabulary.words[joined], vocabulary.compounds[compound]
    if as_compound > as_joined:
        return Decision(False, Confidence.HIGH, f"written {compound!r} elsewhere")
    if as_joined > as_compound:
        return Decision(True, Confidence.HIGH, f"written {joined!r} elsewhere")
    if lexicon.knows(left + right):
        return Decision(True, Confidence.HIGH, "the joined word is in the lexicon")
    left_word, right_word = lexicon.knows(left), lexicon.knows(right)
    if left_word and right_word and len(left) > 1 and len(right) > 1:
        return Decision(False, Confidence.MEDIUM, "two words whose join is not a word")
    if left_word or right_word:
        return Decision(True, Confidence.LOW, "one half is a word, the join is unknown")
    return Decision(True, Confidence.MEDIUM, "neither half is a word")


def decide_soft(left: str, right: str, vocabulary: HyphenEvidence = NO_EVIDENCE) -> Decision:
    """A word broken at a soft hyphen (U+00AD) or ``¬``: the OCR saw the break, so join,
    unless the halves make a compound (a hyphen after a non-letter, before a
    capital, or the document writes the compound elsewhere).

    >>> decide_soft("is", "sue").join, decide_soft("foot", "dragging").join, decide_soft("U.S.", "Japan").join
    (True, True, False)
    """
    form = decide(left, right, NO_EVIDENCE, _NO_LEXICON) if not left[-1:].isalpha() or not right[:1].islower() \
        else None
    if form is not None and not form.join:
        return form
    joined, compound = (left + right).lower(), f"{left}-{right}".lower()
    if vocabulary.compounds[compound] > vocabulary.words[joined]:
        return Decision(False, Confidence.HIGH, f"written {compound!r} elsewhere")
    return Decision(True, Confidence.HIGH, "the OCR marked the line end as a soft hyphen")


class _NoLexicon:
    def knows(self, word: str) -> bool:
        return False


_NO_LEXICON = _NoLexicon()


def join_hyphens(doc: Document) -> Document:
    """The hyphen stage: decide every line-end hyphen of every block and footnote.

    The document's own spellings are the evidence for its blocks (footnotes,
    set apart, are judged by the lexicon alone).
    """
    evidence = doc.evidence.get("hyphens")  # the volume's, when run one text at a time
    if not isinstance(evidence, HyphenEvidence):
        evidence = volume_evidence(doc)
    lexicon = lexicon_for(doc.options.user_words, doc.options.language)
    doc = doc.map_blocks(lambda block: join_block(block, evidence, lexicon))
    return doc.map_footnotes(lambda note: note.with_block(join_block(note.as_block(), NO_EVIDENCE, lexicon)))


def volume_evidence(doc: Document) -> HyphenEvidence:
    """The spellings of the whole volume's running text: what :func:`join_hyphens` judges
    by (the pipeline computes it once when it runs the stage one text at a time).

    None, when no line of the document has a hyphen (``-``, a soft hyphen, ``¬``): the
    evidence is read only for a line-end hyphen of a block, and a block's text is its
    lines' characters (layout and structure change none), so there it is never read."""
    text = "\n".join([line.text for line in doc.lines])  # each hyphen looked for once, in C
    if not any(hyphen in text for hyphen in HYPHENS):
        return HyphenEvidence(Counter(), Counter())
    return HyphenEvidence.from_lines(_running_lines(doc))


def _running_lines(doc: Document) -> list[str]:
    """The text lines of ``doc`` as printed, glued footnote numerals left out."""
    numerals: dict[int, list[tuple[int, int]]] = {}
    for ref in doc.footnote_refs:
        numerals.setdefault(ref.line, []).append((ref.column, len(ref.note.n)))
    lines = []
    for line in doc.lines:
        if line.kind is not LineKind.TEXT:
            continue
        text = line.text
        for column, width in sorted(numerals.get(line.number, ()), reverse=True):
            if text[column:column + width].isdigit():
                text = text[:column] + text[column + width:]
        lines.append(text)
    return lines


def join_block(block: Block, evidence: HyphenEvidence = NO_EVIDENCE, lexicon: Lexicon | None = None) -> Block:
    """``block`` with each word broken at a line end joined, where :func:`decide` says so.

    >>> from textkit.model import BlockKind, LineBreak
    >>> b = Block(BlockKind.PARAGRAPH, "a fundamen-tally new U.S.-Japan tie", 1, 2,
    ...           breaks=(LineBreak(0, 1), LineBreak(11, 2, hyphen=True)))
    >>> fixed = join_block(b)
    >>> fixed.text, [(c.original, c.replacement, c.line) for c in fixed.corrections]
    ('a fundamentally new U.S.-Japan tie', [('fundamen-tally', 'fundamentally', 1)])
    >>> fixed.breaks[1].offset
    10
    """
    edits = []
    for brk in Breaks(block.breaks).with_hyphen():
        before = block.text[:brk.offset]
        left_match, right_match = broken_word(before), LEADING.match(block.text[brk.offset:])
        if left_match is None or right_match is None:
            continue
        tail = before[-TRAILING_WINDOW:]
        # "vis-a-" / "vis": a hyphen inside the broken token makes it a compound.
        inside = tail[:left_match.start()].endswith("-")
        left, right = ("-" if inside else "") + left_match.group(1), right_match.group(1)
        soft = before.endswith(SOFT_HYPHENS)
        decision = decide_soft(left, right, evidence) if soft else decide(left, right, evidence, lexicon)
        start, end = brk.offset - 1 - len(left), brk.offset + len(right)
        if decision.join:
            edits.append(Correction(Rule.HYPHEN_JOIN, start, end, block.text[start:end], left + right,
                                    decision.confidence, block.line_at(start), decision.reason))
        elif soft:
            # A compound broken at the line end: its hyphen, not the OCR's mark.
            edits.append(Correction(Rule.HYPHEN_JOIN, start, end, block.text[start:end], f"{left}-{right}",
                                    decision.confidence, block.line_at(start),
                                    decision.reason + "; the compound's hyphen kept"))
    return apply_edits(block, edits) if edits else block
