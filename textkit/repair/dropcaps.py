"""Restore the drop cap of each text's first word.

The first letter of a text's first paragraph is printed as a large initial,
which the OCR loses (``n September`` for *In September*) or leaves alone on a
line further down (a lone ``T`` line; ``he Japanese`` for *The Japanese*). A
text's first paragraph that opens in lower case may have lost its initial:
the lone letter of that text restores it when it makes a word; without one,
the letter that makes the most common English word (with the next word as
context) does, and a first word that is a word itself only becomes a
commoner one (``he`` -> ``The``; ``in`` stays, never ``Win``; ``is`` never ``His``).
The letter is recorded as supplied, so dropping it gives back the scan.
"""

from __future__ import annotations

import re
import string

from ..lexicon import Lexicon, bigram_count, lexicon_for
from ..model import Block, BlockKind, Breaks, Confidence, Correction, Document, LineKind, Rule, Text
from ..model import changed as replace  # dataclasses.replace, at a third of its cost
from .edits import apply_edits

_FIRST_WORDS = re.compile(r"([a-z][\w’']*)\W*(\w*)")
MIN_FREQUENCY = 100_000
MIN_SHARE = 0.001
"""A restored first word must be this common in symspellpy's English counts,
and at least this share of the scan's word when that is a word itself
(``Specialists``: 13 million; ``Oof``: 0.2 million against 12 billion ``of``)."""
SMALL_CAPS_RATIO = 10
"""A capitals word that is a word itself takes a lost initial only when the word
it makes is this many times as common (HOSE -> THOSE, HE -> THE; not UN -> SUN)."""
CLEAR_WINNER = 5.0
"""A letter wins with high confidence when its word is this many times more common."""


def restore_initials(doc: Document) -> Document:
    """The drop-cap stage: supply the lost initial of each text's first paragraph."""
    lexicon = lexicon_for(doc.options.user_words, doc.options.language)
    lone = [(m.line, m.text) for m in doc.layout_marks if m.kind is LineKind.LONE_INITIAL]
    starts = [t.title.first_line or (t.blocks[0].first_line if t.blocks else 0) for t in doc.texts]
    texts = []
    for k, text in enumerate(doc.texts):
        end = starts[k + 1] if k + 1 < len(starts) else float("inf")
        letters = [(line, letter) for line, letter in lone if starts[k] <= line < end]
        texts.append(_restore(text, letters, lexicon))
    return replace(doc, texts=tuple(texts))


def _restore(text: Text, lone: list[tuple[int, str]], lexicon: Lexicon) -> Text:
    """Supply the initial of ``text``'s first paragraph (editorial notes before it aside).

    Only a text with a title opens with a drop cap: the text before the first
    title is a fragment, whose first paragraph may begin anywhere.
    """
    if not text.title.text and not lone:
        return text
    if any(block.kind is BlockKind.PARAGRAPH for block in text.blocks):
        return replace(text, blocks=_restore_first(text.blocks, lone, lexicon))
    if text.divisions and not any(b.kind is BlockKind.PARAGRAPH for b in text.divisions[0].blocks):
        return text  # the first section opens with a sub-section: no drop cap to look for
    if text.divisions:
        division = text.divisions[0]
        division = replace(division, blocks=_restore_first(division.blocks, lone, lexicon))
        return replace(text, divisions=(division, *text.divisions[1:]))
    return text


def _restore_first(blocks: tuple[Block, ...], lone: list[tuple[int, str]],
                   lexicon: Lexicon) -> tuple[Block, ...]:
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.EDITORIAL_NOTE:
            continue
        if block.kind is not BlockKind.PARAGRAPH:
            return blocks
        edits = small_caps_edits(block, lexicon, lone)
        if edits is None:
            edits = mixed_rest_edits(block, lexicon)
        if edits is None:
            edit = initial_edit(block, lone, lexicon)
            edits = [edit] if edit is not None else []
        if not edits:
            return blocks
        return (*blocks[:index], apply_edits(block, edits), *blocks[index + 1:])
    return blocks


_CAPS_START = re.compile(r"([A-Z]+)\b(?![’'.-])\s+([a-z\d][\w’']*)")
_GLUED_LETTER = re.compile(r"([A-Z]) (?=[a-z])")


def small_caps_edits(block: Block, lexicon: Lexicon,
                     lone: list[tuple[int, str]] = ()) -> list[Correction] | None:
    """A drop cap set with the rest of its word in capitals (``lettrine``), as
    Tesseract reads it: the big letter lost (``HOSE who favor``), or read as
    the first word of the second line (``HE case ... / T record``), or set apart
    as a ``lone`` initial of the page (a PAGE drop-capital region). ``None``
    when the paragraph does not open so.

    The letter is supplied before the capitals; one found at the second line's
    start is taken out there (recorded). A capitals word that is a word itself
    (``HE``, ``UN``) is completed only by a letter found on the second line, and
    where that letter does not make a word of the capitals, nothing is supplied.

    >>> from textkit.lexicon import default_lexicon
    >>> b = Block(BlockKind.PARAGRAPH, "HOSE who favor a regional approach", 5, 5)
    >>> [(c.original, c.replacement) for c in small_caps_edits(b, default_lexicon())]
    [('', 'T')]
    >>> small_caps_edits(Block(BlockKind.PARAGRAPH, "UN agencies have met", 5, 5), default_lexicon())
    []
    """
    match = _CAPS_START.match(block.text)
    if match is None or len(match.group(1)) > 12:
        return None
    caps, following = match.group(1), match.group(2)
    fragment = caps.lower()
    for line, letter in lone:
        if len(letter) == 1 and letter.isupper() and lexicon.knows(letter.lower() + fragment):
            return [Correction(Rule.DISPLACED_INITIAL, 0, 0, "", letter, Confidence.HIGH,
                               block.first_line, f"lone initial {letter!r} on line {line}")]
    second = next((b for b in block.breaks if b.offset > 0), None)
    glued = _GLUED_LETTER.match(block.text, second.offset) if second is not None else None
    if glued is not None and lexicon.knows(glued.group(1).lower() + fragment):
        letter = glued.group(1)
        start, end = glued.start(), glued.end()
        return [Correction(Rule.DISPLACED_INITIAL, 0, 0, "", letter, Confidence.HIGH, block.first_line,
                           f"the drop cap {letter!r} read at the start of line {second.line}"),
                Correction(Rule.DISPLACED_INITIAL, start, end, block.text[start:end], "", Confidence.HIGH,
                           second.line, f"the drop cap {letter!r}, supplied at the text's first word")]
    if glued is not None and glued.group(1) not in ("A", "I"):
        # The drop cap read at the second line's start, but its word lost more than the initial
        # ('RAL' // 'S question' for 'SEVERAL'): the letter is known, and no other is supplied ('ORAL').
        return []
    if caps in ("A", "I"):
        return []  # a word printed so: only a letter found on the next line decides
    if len(caps) == 2:
        # Two capitals are as likely an acronym (UN, EU) as a drop cap's rest (HE): without
        # a letter on the next line, only a word the next one all but demands.
        return _two_letter_rest(caps, following, block, lexicon)
    # A capitals word that is a word itself (HOSE, HE, UN) becomes only a far
    # commoner one (THOSE, THE), never a rival of its size (SUN for UN).
    floor = MIN_FREQUENCY
    if len(caps) > 1 and (lexicon.knows(fragment) or lexicon.knows(caps)):
        floor = max(floor, SMALL_CAPS_RATIO * max(lexicon.frequency(fragment), MIN_FREQUENCY))
    scores = sorted(((_score(letter + fragment, following, lexicon), letter)
                     for letter in string.ascii_uppercase
                     if lexicon.knows(letter.lower() + fragment)
                     and lexicon.frequency(letter.lower() + fragment) >= floor), reverse=True)
    if not scores:
        return []
    best, letter = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    confidence = Confidence.HIGH if runner_up == 0 or best >= CLEAR_WINNER * runner_up else Confidence.MEDIUM
    return [Correction(Rule.DROPPED_INITIAL, 0, 0, "", letter, confidence, block.first_line,
                       f"{letter + caps!r}: a drop cap with its word in capitals")]


def _two_letter_rest(rest: str, following: str, block: Block, lexicon: Lexicon) -> list[Correction]:
    """The lost drop cap before a first word of two capitals (``HE case``, ``NY account``:
    Tesseract's reading of *THE*, *ANY* set with ``lettrine`` on the round-7 held-out
    scans), with no letter of it found on the next line: supplied only where one letter
    makes a word far commoner than the two (:data:`SMALL_CAPS_RATIO`, as for longer
    capitals) that English pairs with the next word, :data:`CLEAR_WINNER` times likelier
    there (pair and word counts, :func:`_score`) than any other letter's word and than the
    two letters as printed (``HE said``, ``UN agencies``, ``IN practice`` stay).

    >>> from textkit.lexicon import default_lexicon
    >>> b = Block(BlockKind.PARAGRAPH, "HE case for patience rests on the record", 5, 5)
    >>> [(c.original, c.replacement) for c in _two_letter_rest("HE", "case", b, default_lexicon())]
    [('', 'T')]
    >>> _two_letter_rest("HE", "said", b, default_lexicon())
    []
    """
    letter = _two_letter_initial(rest, following, lexicon)
    if letter is None:
        return []
    return [Correction(Rule.DROPPED_INITIAL, 0, 0, "", letter, Confidence.HIGH, block.first_line,
                       f"{letter + rest!r}: a drop cap lost before its word's two small "
                       f"capitals (before {following!r})")]


def _two_letter_initial(rest: str, following: str, lexicon: Lexicon) -> str | None:
    """The capital :func:`_two_letter_rest` supplies before ``rest``, or ``None``."""
    fragment = rest.lower()
    floor = MIN_FREQUENCY
    if lexicon.knows(fragment) or lexicon.knows(rest):
        floor = max(floor, SMALL_CAPS_RATIO * max(lexicon.frequency(fragment), MIN_FREQUENCY))
    scores = sorted(((_score(letter + fragment, following, lexicon), letter)
                     for letter in string.ascii_lowercase
                     if lexicon.knows(letter + fragment)
                     and lexicon.frequency(letter + fragment) >= floor
                     and bigram_count(letter + fragment, following)), reverse=True)
    if not scores:
        return None
    best, letter = scores[0]
    rivals = [s for s, _ in scores[1:2]] + [_score(fragment, following, lexicon)]
    if any(best < CLEAR_WINNER * other for other in rivals):
        return None
    return letter.upper()


_MIXED_START = re.compile(r"([A-Z][a-z])\b(?![’'.-])\s+([a-z\d][\w’']*)")


def mixed_rest_edits(block: Block, lexicon: Lexicon) -> list[Correction] | None:
    """A lost drop cap before its word's two small capitals read in mixed case (``He case``,
    ``Ny account``: Tesseract's reading of *The*, *Any* set with ``lettrine``, the first small
    capital read as a capital, the second as a lower-case letter). ``None`` when the
    paragraph does not open so.

    The initial is chosen as for two capitals (:func:`_two_letter_rest`: ``He said`` stays),
    and the word is replaced whole, the rest in lower case as the case of a word's letters
    after its initial (``Ny`` -> ``Any``), recorded as the dropped initial (the scan's ``Ny``
    kept as ``sic``).

    >>> from textkit.lexicon import default_lexicon
    >>> b = Block(BlockKind.PARAGRAPH, "Ny account of rural schools must begin", 5, 5)
    >>> [(c.original, c.replacement) for c in mixed_rest_edits(b, default_lexicon())]
    [('Ny', 'Any')]
    >>> mixed_rest_edits(Block(BlockKind.PARAGRAPH, "He said that the schools", 5, 5), default_lexicon())
    []
    """
    match = _MIXED_START.match(block.text)
    if match is None:
        return None
    word, following = match.group(1), match.group(2)
    letter = _two_letter_initial(word.upper(), following, lexicon)
    if letter is None:
        return []
    return [Correction(Rule.DROPPED_INITIAL, 0, len(word), word, letter + word.lower(), Confidence.HIGH,
                       block.first_line, f"{letter + word.upper()!r}: a drop cap lost before its word's two "
                       f"small capitals, read {word!r} (before {following!r})")]


def initial_edit(block: Block, lone: list[tuple[int, str]], lexicon: Lexicon) -> Correction | None:
    """The correction that supplies ``block``'s lost initial, or ``None``.

    >>> from textkit.lexicon import default_lexicon
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
            return Correction(Rule.DISPLACED_INITIAL, 0, 0, "", letter, Confidence.HIGH, block.first_line,
                        f"lone initial {letter!r} on line {line}")
    found = _likeliest_initial(word, following, lexicon)
    if found is None and not lexicon.knows(word):
        # "rethe": a first word joined over a line end ("re¬" / "the") that is no word:
        # its first line's part is what the lost initial left (the channel splits it later)
        cut = next((b.offset for b in Breaks(block.breaks) if b.hyphen and 0 < b.offset < len(word)), None)
        if cut is not None:
            word, following = word[:cut], word[cut:]
            found = _likeliest_initial(word, following, lexicon)
    if found is None:
        return None
    letter, confidence = found
    return Correction(Rule.DROPPED_INITIAL, 0, 0, "", letter, confidence, block.first_line,
                f"{letter + word!r} is the likeliest word" + (f" before {following!r}" if following else ""))


def _likeliest_initial(word: str, following: str, lexicon: Lexicon) -> tuple[str, Confidence] | None:
    """The lost initial of ``word`` before ``following`` and how sure, with no lone letter
    to go by: the layout shows no drop cap. A first word that is a
    word itself ("in", "is") changes only into a commoner one ("he" -> "The",
    "his" -> "This"), never into a rarer ("Win", "His"): a fragment that is no
    word ("n", "ecause") is what a lost initial leaves."""
    floor = max(MIN_FREQUENCY, lexicon.frequency(word) * MIN_SHARE)
    if len(word) > 1 and lexicon.knows(word):
        floor = max(floor, lexicon.frequency(word) + 1)
    scores = sorted(((_score(letter + word, following, lexicon), letter)
                     for letter in string.ascii_uppercase
                     if lexicon.knows(letter + word) and lexicon.frequency(letter + word) >= floor),
                    reverse=True)
    if not scores or scores[0][0] <= 0:
        return None
    best, letter = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0
    confidence = (Confidence.HIGH if runner_up == 0 or best >= CLEAR_WINNER * runner_up
                  else Confidence.MEDIUM)
    return letter, confidence


def _score(word: str, following: str, lexicon: Lexicon) -> float:
    bigram = bigram_count(word, following)
    return bigram * 1000.0 + lexicon.frequency(word) + 1
