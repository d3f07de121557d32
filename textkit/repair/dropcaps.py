"""Restore the drop cap of each text's first word.

The first letter of a text's first paragraph is printed as a large initial,
which the OCR loses (``n September`` for *In September*) or leaves alone on a
line further down (a lone ``T`` line; ``he Japanese`` for *The Japanese*). A
text's first paragraph that opens in lower case lost its initial: the lone
letter of that text restores it when it makes a word; otherwise the letter
that makes the most common English word (with the next word as context) does.
The letter is recorded as supplied, so dropping it gives back the scan.
"""

from __future__ import annotations

import re
import string
from dataclasses import replace

from ..lexicon import Lexicon, bigram_frequencies, default_lexicon, lexicon_for
from ..model import Block, BlockKind, Confidence, Document, LineKind, Rule, Text
from ..pipeline import Options
from .edits import Edit, apply_edits

_FIRST_WORDS = re.compile(r"([a-z][\w’']*)\W*(\w*)")
CLEAR_WINNER = 5.0
"""A letter wins with high confidence when its word is this many times more common."""


def restore_initials(doc: Document, options: Options) -> Document:
    """The drop-cap stage: supply the lost initial of each text's first paragraph."""
    lexicon = lexicon_for(options.user_words)
    lone = [(m.line, m.text) for m in doc.layout_marks if m.kind is LineKind.LONE_INITIAL]
    starts = [t.title.first_line or (t.blocks[0].first_line if t.blocks else 0) for t in doc.texts]
    texts = []
    for k, text in enumerate(doc.texts):
        end = starts[k + 1] if k + 1 < len(starts) else float("inf")
        letters = [(line, letter) for line, letter in lone if starts[k] <= line < end]
        texts.append(_restore(text, letters, lexicon))
    return replace(doc, texts=tuple(texts))


def _restore(text: Text, lone: list[tuple[int, str]], lexicon: Lexicon) -> Text:
    first = _first_paragraph(text)
    if first is None:
        return text
    edit = initial_edit(first, lone, lexicon)
    if edit is None:
        return text
    fixed = apply_edits(first, [edit])
    if text.blocks and text.blocks[0] is first:
        return replace(text, blocks=(fixed, *text.blocks[1:]))
    division = text.divisions[0]
    return replace(text, divisions=(replace(division, blocks=(fixed, *division.blocks[1:])),
                                    *text.divisions[1:]))


def _first_paragraph(text: Text) -> Block | None:
    if text.blocks:
        block = text.blocks[0]
    elif text.divisions and text.divisions[0].blocks and not text.divisions[0].divisions:
        block = text.divisions[0].blocks[0]
    else:
        return None
    return block if block.kind is BlockKind.PARAGRAPH else None


def initial_edit(block: Block, lone: list[tuple[int, str]], lexicon: Lexicon) -> Edit | None:
    """The edit that supplies ``block``'s lost initial, or ``None``.

    >>> b = Block(BlockKind.PARAGRAPH, "pecialists do not need", 5, 5)
    >>> initial_edit(b, [], default_lexicon()).replacement
    'S'
    """
    match = _FIRST_WORDS.match(block.text)
    if match is None:
        return None
    word, following = match.group(1), match.group(2)
    for line, letter in lone:
        if lexicon.knows(letter + word):
            return Edit(0, 0, letter, Rule.DISPLACED_INITIAL, Confidence.HIGH, block.first_line,
                        f"lone initial {letter!r} on line {line}")
    scores = sorted(((_score(letter + word, following, lexicon), letter)
                     for letter in string.ascii_uppercase if lexicon.knows(letter + word)), reverse=True)
    if not scores or scores[0][0] <= 0:
        return None
    best, letter = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    confidence = (Confidence.HIGH if runner_up == 0 or best >= CLEAR_WINNER * runner_up
                  else Confidence.MEDIUM)
    return Edit(0, 0, letter, Rule.DROPPED_INITIAL, confidence, block.first_line,
                f"{letter + word!r} is the likeliest word" + (f" before {following!r}" if following else ""))


def _score(word: str, following: str, lexicon: Lexicon) -> float:
    bigram = bigram_frequencies().get(f"{word.lower()} {following.lower()}", 0) if following else 0
    return bigram * 1000.0 + lexicon.frequency(word) + 1
