"""Line-end hyphens: join the halves of a broken word, keep a compound's hyphen.

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..lexicon import Lexicon, default_lexicon
from ..model import Confidence, Correction, Rule

_TRAILING = re.compile(r"([\w’'.]*\w[.]?)-$")
_LEADING = re.compile(r"^([\w’']+)")
_TOKEN = re.compile(r"[\w’'.]+(?:-[\w’'.]+)*-?")
_DASH_END = ("—", "–")
TRAILING_WINDOW = 80
"""How much of a line's end may hold the first half of a broken word."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """How a document writes its words mid-line (not at a line-end break)."""

    words: Counter[str]
    compounds: Counter[str]

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Vocabulary:
        """Count the words and hyphenated compounds of ``lines`` (lower case).

        >>> v = Vocabulary.from_lines(["a long-term view and a fundamen-", "tally new one"])
        >>> v.compounds["long-term"], v.words["tally"], v.words["fundamen"]
        (1, 0, 0)
        """
        words: Counter[str] = Counter()
        compounds: Counter[str] = Counter()
        after_break = False
        for line in lines:
            tokens = _TOKEN.findall(line)
            broken = line.rstrip().endswith("-") and bool(tokens)
            for k, token in enumerate(tokens):
                if (k == 0 and after_break) or (broken and k == len(tokens) - 1):
                    continue
                token = token.strip(".").lower()
                if "-" in token.strip("-"):
                    compounds[token.strip("-")] += 1
                elif token:
                    words[token] += 1
            after_break = broken
        return cls(words, compounds)


EMPTY_VOCABULARY = Vocabulary(Counter(), Counter())


@dataclass(frozen=True, slots=True)
class Decision:
    join: bool
    confidence: Confidence
    reason: str


def decide(left: str, right: str, vocabulary: Vocabulary = EMPTY_VOCABULARY,
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


@dataclass(frozen=True, slots=True)
class Piece:
    """A line's text to join, with its input line number."""

    text: str
    line: int


def join_lines(pieces: Sequence[Piece], vocabulary: Vocabulary = EMPTY_VOCABULARY,
               lexicon: Lexicon | None = None, starts: list[int] | None = None
               ) -> tuple[str, list[Correction]]:
    """Join lines into running text, resolving line-end hyphens.

    Returns the text and a ``HYPHEN_JOIN`` correction for each joined word;
    if ``starts`` is given, the offset where each piece's text begins is
    appended to it (inside the word, for the second half of a joined word).

    >>> text, fixes = join_lines([Piece("a fundamen-", 1), Piece("tally new U.S.-", 2), Piece("Japan tie", 3)])
    >>> text
    'a fundamentally new U.S.-Japan tie'
    >>> [(f.original, f.replacement, f.line) for f in fixes]
    [('fundamen-\\ntally', 'fundamentally', 1)]
    >>> starts = []
    >>> _ = join_lines([Piece("eco-", 1), Piece("nomic ties", 2)], starts=starts)
    >>> starts
    [0, 3]
    """
    out = ""
    fixes: list[Correction] = []
    pending: tuple[str, int] | None = None  # (left half, its line) awaiting its right half
    for piece in pieces:
        text = piece.text.strip()
        if not text:
            if starts is not None:
                starts.append(len(out))
            continue
        if pending is not None:
            left, left_line = pending
            pending = None
            right_match = _LEADING.match(text)
            if right_match:
                right = right_match.group(1)
                decision = decide(left, right, vocabulary, lexicon)
                if decision.join:
                    start = len(out) - len(left) - 1
                    out = out[:-1] + text
                    fixes.append(Correction(Rule.HYPHEN_JOIN, start, start + len(left) + len(right),
                                            f"{left}-\n{right}", left + right, decision.confidence,
                                            left_line, decision.reason))
                else:
                    out += text
            else:
                out += text
        elif out and not out.endswith(_DASH_END) and not text.startswith(_DASH_END):
            out += " " + text
        else:
            out += text
        if starts is not None:
            starts.append(len(out) - len(text))  # every piece's text ends the output
        # Only a line that ends in a hyphen can hold a broken word; search its
        # last characters alone (a 100,000-character token must not cost seconds).
        tail = text[-TRAILING_WINDOW:]
        trailing = _TRAILING.search(tail) if text.endswith("-") else None
        if trailing:
            # "vis-a-" / "vis": a hyphen inside the broken token makes it a compound.
            inside = tail[:trailing.start()].endswith("-")
            pending = (("-" if inside else "") + trailing.group(1), piece.line)
    return out, fixes


def join_fragments(lines: Sequence[str]) -> str:
    """Join plain lines (a footnote's) without records or document evidence.

    >>> join_fragments(["Wash-", "ington Post, 6 March"])
    'Washington Post, 6 March'
    """
    return join_lines([Piece(line, 0) for line in lines])[0]
