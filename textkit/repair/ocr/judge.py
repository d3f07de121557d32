"""The OCR judge: whether the scan misread a word, and what the page printed.

A word is corrected only when the evidence is strong (see :mod:`textkit.repair.ocr`);
the readings it weighs come from :mod:`.candidates`.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate

from ...layout.shape import starts_sentence
from ...lexicon import Lexicon, bigram_count, frequencies
from ...model import Confidence, Correction, Rule
from ..confusions import Variant, explain
from ..spelling import Vocabulary, _near
from .candidates import COMMON, WordVariants, common_variants, names_in_reach, variant_forms

log = logging.getLogger(__name__)

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_WORDS_AND_GAPS = re.compile(f"({WORD.pattern})").split
"""A text as ``[gap, word, gap, word, …, gap]``: the gaps are what lies between the words."""
POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_ASCII_DIGIT = re.compile(r"[0-9]").search

# Thresholds. Scores are in orders of magnitude of English frequency; costs in
# "confusions" (see textkit.repair.confusions).

CLASSIC = 1.2
"""The cost of the classic confusions (rn/m, cl/d, li/h, vv/w, I/l, O/0, e/c, ii/u)."""

MARGIN = 1.5
"""How much better than the runner-up the chosen candidate must score."""

TERM_REPEATS = 3
"""A non-word spelled the same way this often in a document is a term, not a misreading..."""

DOMINANT = 10
NAME_DOMINANCE = 2
"""A name or acronym changes only into a form the document uses at least this
many times as often as the scan's form (``IAEA`` twice, ``LAEA`` once)."""
"""... unless the document spells a candidate this many times more often (``thc`` and ``the``)."""

ATTESTED_MAX_COST = 3.6
"""A name the document spells elsewhere may be reached by a longer chain of confusions."""

NUMBER_LIKE = re.compile(r"\d+(?i:st|nd|rd|th|s|am|pm|km|cm|mm|m|kg|k|bn|b|mn)?|[A-Z]+-?\d+[A-Z]?s?"
                         r"|[A-Z][a-z]+\d{1,3}")
"""Numbers with units or ordinals (``10th``, ``1990s``, ``5km``) and codes (``G7``, ``F16``,
``Col1``, ``Table2``: a capitalized word with a number is a label, not a misread ``Coll``)."""

SHORT_NONWORD = 4
"""A reading this short by one letter for another is never made by frequency alone: a
few letters are one letter from several words (``sait``: ``salt``, ``suit``, ``said``),
which only the context tells apart (the channel stage, after this one, weighs them
all); a merged glyph undone (``wam``: ``warn``, ``rn`` read as ``m``) is rarer by chance."""

SPLIT_JOIN_MIN = 6
"""A word split in two by the OCR is left to the channel stage's join from this length on
(shorter joins of a fragment and a neighbour are words by chance: ``a`` + ``wam``)."""

ODD_PAIR = 1.0
"""A pair of neighbours seen less often than their frequencies predict (pointwise
mutual information below 0) speaks against a reading (``the in function``)."""



@dataclass(frozen=True, slots=True)
class _Evidence:
    """What speaks for a candidate reading."""

    form: str
    user: bool
    """The user's lexicon lists it."""
    attested: int
    """How often the document spells it so elsewhere."""
    pairs: tuple[str, ...]
    """Its neighbours in the text that make a common English pair with it."""
    frequency: int
    known: bool

    @property
    def local(self) -> bool:
        """Evidence from this document or its user, not from English at large."""
        return self.user or self.attested > 0 or bool(self.pairs)

    def describe(self) -> str:
        out = []
        if self.user:
            out.append(f"{self.form!r} in the user lexicon")
        if self.attested:
            out.append(f"{self.form!r} {self.attested}× elsewhere in the document")
        out.extend(f"context {pair!r}" for pair in self.pairs)
        if self.frequency:
            out.append(f"English word (frequency {self.frequency:,})")
        elif self.known:
            out.append("in the lexicon")
        return "; ".join(out)


@dataclass(frozen=True, slots=True)
class Changed:
    """What a pass over a document changed: the case-folded forms whose counts moved
    (each correction's original and replacement), and whether its set of names did."""

    forms: frozenset[str]
    names: frozenset[str]
    """The case-folded forms that became or ceased to be names (written with a capital)."""


@dataclass(frozen=True, slots=True)
class _Context:
    """What surrounds a word: its neighbours and its place in the sentence."""

    previous: str = ""
    following: str = ""
    sentence_start: bool = False
    heading: bool = False
    capitals: bool = False
    """The block is set in capitals (a title): capitalized words are common words there."""


class Judge:
    """Decides, word by word, whether the scan misread it."""

    def __init__(self, lex: Lexicon, user_words: frozenset[str], vocabulary: Vocabulary,
                 suspects: dict[str, bool] | None = None) -> None:
        """``suspects`` remembers :meth:`suspect`'s answers (they depend on the word alone:
        a stage's passes share them)."""
        self.lex = lex
        self.user_words = user_words
        self.vocabulary = vocabulary
        self._variants = WordVariants(lex, vocabulary)
        self._suspects = suspects if suspects is not None else {}

    def findings(self, text: str, *, heading: bool = False,
                 changed: Changed | None = None) -> Iterator[Correction]:
        """The corrections of ``text``.

        ``changed`` (on a later pass over a document) says what the last pass changed:
        only the words whose verdict that can alter are judged again (see
        :meth:`affected`); the others got theirs with the same neighbours and counts.
        """
        # The words and the gaps between them in one split (no object made per word): word
        # i is pieces[2i + 1], the gap after it pieces[2i + 2], and it starts at ends[2i].
        pieces = _WORDS_AND_GAPS(text)
        gaps = pieces[2::2]
        ends = list(accumulate(map(len, pieces)))
        n = len(gaps)
        capitals = heading and _in_capitals(text)
        stems = [_stem(word)[0] for word in pieces[1::2]] if "'" in text or "’" in text \
            else pieces[1::2]  # (a possessive ending needs an apostrophe)
        readings = list(stems)  # each word as corrected so far: the context of its neighbours
        found: dict[int, tuple[str, Rule, Confidence, str]] = {}
        todo: Iterable[int]
        if changed is None:
            todo = range(n)
        else:
            affected: dict[str, bool] = {}  # by word: a block repeats its words
            todo = []
            for i, stem in enumerate(stems):
                hit = affected.get(stem)
                if hit is None:
                    hit = affected[stem] = self.affected(stem, changed)
                if hit:
                    todo.append(i)
        # A correction changes its neighbours' context ("0f l" -> "of l" -> "of I"): judge
        # the neighbours again until nothing changes, so that the stage is idempotent.
        suspects = self._suspects  # suspect()'s answers, asked inline for most words
        last = n - 1
        while todo:
            again = set()
            for i in todo:
                hit = suspects.get(stems[i])
                if not (self.suspect(stems[i]) if hit is None else hit):
                    continue
                if self._split_half(stems, gaps, i):
                    continue
                context = _Context(  # neighbours only across spaces (a context pair)
                    previous=readings[i - 1] if i and _blank(gaps[i - 1]) else "",
                    following=readings[i + 1] if i < last and _blank(gaps[i]) else "",
                    sentence_start=starts_sentence(text, ends[2 * i]),
                    heading=heading, capitals=capitals)
                verdict = self.judge(stems[i], context)
                if verdict is not None and verdict[0] != readings[i]:
                    found[i] = verdict
                    readings[i] = verdict[0]
                    again.add(i)
            todo = sorted({j for i in again for j in (i - 1, i + 1) if 0 <= j < n} - found.keys())
        for i in sorted(found):
            replacement, rule, confidence, note = found[i]
            start = ends[2 * i]
            yield Correction(rule, start, start + len(stems[i]), stems[i], replacement, confidence, 0, note)

    def _split_half(self, stems: list[str], gaps: list[str], i: int) -> bool:
        """``con sulting``: a half of a word the OCR split by a space, which joined with its
        neighbour is a word (``consulting``). Left as read: the channel stage, after this
        one, weighs the join against each half's readings (``sulting`` alone is one
        confusion from ``suiting``, a wrong reading of a split word)."""
        word = stems[i]
        if not word.isalpha() or not word[1:].islower():
            return False
        joins = []
        if i and gaps[i - 1] == " " and stems[i - 1].isalpha():
            joins.append(stems[i - 1] + word.lower())
        if i + 1 < len(stems) and gaps[i] == " " and stems[i + 1].isalpha() and stems[i + 1].islower():
            joins.append(word + stems[i + 1])
        return any(len(joined) >= SPLIT_JOIN_MIN and self.lex.knows(joined)
                   and not Lexicon.proper_only(joined.lower()) for joined in joins)

    def affected(self, word: str, changed: Changed) -> bool:
        """Could the last pass's changes alter the verdict on ``word``?

        A verdict depends on the word, its neighbours' readings (a pass ends with each
        word judged in its final context), and the document's counts of the word, of
        its candidate readings and of its look-alike names: only a word for which one
        of those forms changed count is judged again.
        """
        if not self.suspect(word):
            return False
        forms = changed.forms
        if word.lower() in forms or not forms.isdisjoint(variant_forms(word)):
            return True
        if _shape(word).islower():
            return False
        lower = word.lower()
        by_length = _by_length(changed.names)  # (a name more than two letters longer or
        if any(_near(lower, name, 2) for n in range(len(lower) - 2, len(lower) + 3)  # shorter
               for name in by_length.get(n, ())):  # is more than two edits away)
            return True  # the look-alike search may find another name
        return any(form.lower() in forms for form in self.vocabulary.cached_lookalikes(word))

    def suspect(self, word: str) -> bool:
        """Could ``word`` be a misreading at all? (Cheap: most words are common words.)"""
        known = self._suspects.get(word)
        if known is None:
            known = self._suspects[word] = _suspect(word, self.lex, self.user_words)
        return known

    def judge(self, word: str, context: _Context) -> tuple[str, Rule, Confidence, str] | None:
        if not word.isascii() or word in self.user_words or word.isdigit():
            return None
        if any(c.isdigit() for c in word):
            return self._judge_digits(word, context)
        if self.lex.knows(word.replace("’", "'")):
            return self._judge_rare_word(word, context)
        if "'" in word or "’" in word:
            return None
        return self._judge_nonword(word, context)

    # -- non-words ---------------------------------------------------------

    def _judge_nonword(self, word: str, context: _Context,
                       digits: bool = False) -> tuple[str, Rule, Confidence, str] | None:
        candidates = [v for v in self._variants(word) if self._admissible(word, v, context)
                      and not (digits and any(c.isdigit() for c in v.text))]
        if not candidates and not _shape(word).islower() and names_in_reach(
                word, self.vocabulary, ATTESTED_MAX_COST):
            # A name or acronym: search the document's own names by edit distance
            # (symspellpy) and keep those that a longer chain of confusions explains.
            for form in self.vocabulary.lookalikes(word):
                variant = explain(word, form, max_cost=ATTESTED_MAX_COST)
                if variant is not None and self._admissible(word, variant, context):
                    candidates.append(variant)
        if not candidates:
            return None
        candidates = _one_case_each(candidates, context)
        scored = sorted(((self._score(v, context), v) for v in candidates),
                        key=lambda sv: sv[0], reverse=True)
        score, best = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else -math.inf
        if score - runner_up < MARGIN:
            log.debug("ambiguous %r: %s", word, [(v.text, round(s, 1)) for s, v in scored[:3]])
            return None
        attested = self._attested(best.text)
        repeats = self.vocabulary.count_folded(word)
        if repeats >= TERM_REPEATS and attested < DOMINANT * repeats:
            return None  # a term of the document, spelled the same way each time
        if (not self.lex.knows(best.text.lower()) and best.text not in self.user_words
                and (attested < NAME_DOMINANCE * self.vocabulary.count(word)
                     or _shape(word).islower() and attested < TERM_REPEATS)):
            # Two names a confusion apart (Ilse, Lise), or two non-words in small letters
            # (carbou 2x, carhou 1x: both misreadings of carbon) neither of which the
            # document repeats as a term: neither is clearly misread.
            return None
        evidence = self._evidence(best, context)
        if not self._probable(best, evidence):
            return None
        rule = Rule.OCR_DOCUMENT_FORM if best.weak or not self.lex.knows(best.text) else best.rule
        strong = attested >= 2 or evidence.pairs or evidence.frequency >= COMMON // 10
        clear = score - runner_up >= 4
        confidence = Confidence.HIGH if strong and clear else Confidence.MEDIUM
        return best.text, rule, confidence, f"{best.describe()}; {evidence.describe()}"

    def _admissible(self, word: str, variant: Variant, context: _Context) -> bool:
        """May ``word`` become ``variant``? Names and acronyms only into attested forms."""
        new = variant.text
        if len(new) == 1 and new not in "aAI":
            return False
        if new == "I" and word in ("l", "1"):
            return True  # the pronoun, anywhere in a sentence
        # The user's lexicon counts as the document's own spelling (a series' names).
        exact = self.vocabulary.count(new) + (new in self.user_words)
        if variant.weak:
            return exact > 0
        if not (self.lex.knows(new) or exact > 0):
            return False
        if new.islower() and Lexicon.proper_only(new) and not exact:
            return False  # "thai" is known only as "Thai": a name, not a small word
        if not (new.islower() or new.isupper() or _capitalized(new) or new in self.lex.words
                or exact > 0):
            return False  # "tO", "ApEC": no printed word is cased so
        shape = _shape(word)
        if shape.islower():
            if new.islower():
                return True
            # Upper case introduced ("ln" -> "In"): a common word only at a sentence
            # start, a proper noun only if the lexicon or the document spells it so.
            if self.lex.knows(new.lower()):
                return context.sentence_start and _capitalized(new)
            return exact > 0 or new in self.lex.words
        if (shape[:1] == "I" and new[:1] == "l" and new.islower() and not context.sentence_start
                and _capitalized(shape) and self.lex.frequency(new) >= COMMON
                and not self._used_as_name(word)):
            return True  # "shipping Iines": a small l read as a capital I
        if context.capitals and shape.isupper():
            return self.lex.knows(new.lower()) or exact > 0
        if _capitalized(shape) and (context.sentence_start or context.heading):
            # A capitalized common word; not a name the document uses mid-sentence.
            return (_capitalized(new) and self.lex.knows(new.lower())
                    and not self._used_as_name(word)) or exact > 0
        return exact > 0

    def _used_as_name(self, word: str) -> bool:
        return self.vocabulary.count(word) > 1

    def _attested(self, form: str) -> int:
        return self.vocabulary.count(form) if not form.islower() else self.vocabulary.count_folded(form)

    def _score(self, variant: Variant, context: _Context) -> float:
        frequency = self.lex.frequency(variant.text)
        attested = self._attested(variant.text)
        pairs = (bigram_count(context.previous, variant.text)
                 + bigram_count(variant.text, context.following))
        # At a sentence start the capitalized reading is the likelier one, and vice versa.
        cased = 0.5 if variant.text[:1].isupper() == context.sentence_start else 0.0
        return (math.log10(frequency + 1) + (3 + 2 * math.log10(attested) if attested else 0)
                + (2 + 0.3 * math.log10(pairs) if pairs else 0) - 3.5 * variant.cost + cased)

    def _evidence(self, variant: Variant, context: _Context) -> _Evidence:
        pairs = tuple(f"{a} {b}" for a, b in ((context.previous, variant.text),
                                               (variant.text, context.following))
                      if bigram_count(a, b))
        return _Evidence(variant.text, variant.text in self.user_words,
                         self._attested(variant.text), pairs,
                         self.lex.frequency(variant.text), self.lex.knows(variant.text))

    def _probable(self, variant: Variant, evidence: _Evidence) -> bool:
        """Enough evidence for the candidate: document or context, or frequent for its length."""
        length = len(variant.text)
        if length <= 3 and variant.cost > CLASSIC:
            return False  # "ng" is no "rig": short words only by a classic confusion
        if evidence.local:
            return True
        if length <= 3 or length <= SHORT_NONWORD and all(
                len(step.seen) == len(step.printed) == 1 for step in variant.steps):
            # "eol" is no "col", "sait" no more "salt" than "suit" or "said": a short word
            # needs its neighbours or the document (the channel stage weighs every reading).
            return False
        if any(step.cost > CLASSIC for step in variant.steps):
            return False  # a rarer confusion ("foct" as "foot") needs more than frequency
        # A long non-word that one confusion turns into a word is rarely a coincidence;
        # a short one often is.
        needed = 0 if length >= 10 else 1_000 if length >= 8 else 100_000
        return evidence.frequency >= needed

    # -- rare real words ---------------------------------------------------

    def _judge_rare_word(self, word: str, context: _Context) -> tuple[str, Rule, Confidence, str] | None:
        """A rare word (``ln``, ``lias``) that a common word's misreading explains, in context.

        The common word must be far more frequent, supported by a neighbour
        (symspellpy's bigrams), and the rare word by neither neighbour.
        """
        candidates = common_variants(word)
        if (not candidates or not _shape(word).islower() or word in self.user_words
                or self.vocabulary.count_folded(word) >= TERM_REPEATS
                or bigram_count(context.previous, word) or bigram_count(word, context.following)):
            return None
        best: tuple[int, bool, Variant] | None = None
        for variant in candidates:
            if not self._admissible(word, variant, context) or self._odd_pair(variant.text, context):
                continue
            pairs = max(bigram_count(context.previous, variant.text),
                        bigram_count(variant.text, context.following))
            # Same counts for "in" and "In": the sentence decides the case.
            cased = variant.text[:1].isupper() == context.sentence_start
            if pairs and (best is None or (pairs, cased) > best[:2]):
                best = (pairs, cased, variant)
        if best is None:
            return None
        pairs, _, variant = best
        frequency = self.lex.frequency(word)
        evidence = "; ".join(f"context {pair!r}" for pair in self._evidence(variant, context).pairs)
        confidence = (Confidence.HIGH if pairs >= 100 * COMMON and frequency == 0
                      else Confidence.MEDIUM)
        rarity = "a word hardly used" if frequency == 0 else f"a rare word (frequency {frequency:,})"
        return (variant.text, variant.rule, confidence,
                f"{variant.describe()}; {word!r} is {rarity}; {evidence}")

    def _odd_pair(self, candidate: str, context: _Context) -> bool:
        """A neighbour makes a pair with ``candidate`` rarer than chance would (``the in``,
        ``in of``): the scan's word is likely what was printed (``the ln function``).
        Single letters (``I``) are left to the pronoun's own evidence."""
        if len(candidate) < 2:
            return False
        for first, second in ((context.previous, candidate), (candidate, context.following)):
            if not first or not second or not first.isalpha() or not second.isalpha():
                continue
            together = bigram_count(first, second)
            expected = self.lex.frequency(first) * self.lex.frequency(second) / _total_frequency()
            if expected and together < ODD_PAIR * expected:
                return True
        return False

    # -- digits ------------------------------------------------------------

    def _judge_digits(self, word: str, context: _Context) -> tuple[str, Rule, Confidence, str] | None:
        """``l994`` is a year; ``0f`` and ``c0mmunity`` are words; ``G7`` and ``10th`` stay."""
        digits = sum(c.isdigit() for c in word)
        letters = len(word) - digits
        if digits >= 3 and letters == 1 and all(c.isdigit() or c in "lIOo" for c in word):
            number = word.translate(str.maketrans("lIOo", "1100"))
            letter = next(c for c in word if not c.isdigit())
            return (number, Rule.OCR_CONFUSION, Confidence.MEDIUM,
                    f"{'1' if letter in 'lI' else '0'!r} read as {letter!r} in a number")
        if (digits > 2 or not all(c in "015" for c in word if c.isdigit())
                or NUMBER_LIKE.fullmatch(word)):
            return None
        return self._judge_nonword(word, context, digits=True)

@functools.lru_cache(maxsize=100_000)
def _suspect(word: str, lex: Lexicon, user_words: frozenset[str]) -> bool:
    """:meth:`Judge.suspect`: it depends on the word and the lexicon alone (cached per
    process, so that each of many small documents does not ask again about its words)."""
    return not (not word.isascii() or word in user_words or word.isdigit()
                or (lex.knows(word.replace("’", "'")) and not _ASCII_DIGIT(word)
                    and not common_variants(word)))


@functools.lru_cache(maxsize=16)
def _by_length(names: frozenset[str]) -> dict[int, tuple[str, ...]]:
    """``names`` by their length (a pass's :attr:`Changed.names`, asked about by every word)."""
    out: dict[int, list[str]] = {}
    for name in names:
        out.setdefault(len(name), []).append(name)
    return {n: tuple(found) for n, found in out.items()}


@functools.cache
def _total_frequency() -> int:
    """The sum of the English counts: turns word frequencies into probabilities."""
    return sum(frequencies().values())


def _one_case_each(candidates: list[Variant], context: _Context) -> list[Variant]:
    """Keep one casing of each candidate word: the one the sentence wants, else the cheapest.

    ``0f`` may be ``of`` or ``Of``: capitalized at a sentence start, small elsewhere.
    """
    best: dict[str, Variant] = {}
    for variant in sorted(candidates, key=lambda v: v.cost):
        key = variant.text.lower()
        kept = best.get(key)
        fits = _capitalized(variant.text) == context.sentence_start
        if kept is None or (fits and _capitalized(kept.text) != context.sentence_start):
            best[key] = variant
    return list(best.values())


def _capitalized(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower())


@functools.lru_cache(maxsize=100_000)
def _shape(word: str) -> str:
    """``word`` with glyphs whose case the OCR may have confused inside it made lower case.

    ``expIain`` has the shape of ``explain``, ``rivaIs`` of ``rivals``: a capital
    ``I`` or ``O`` (or a digit) between small letters is a misread small letter.
    """
    if not any(c.islower() for c in word[1:]):
        return word
    return word[0] + "".join(c.lower() if c in "IO" else "l" if c.isdigit() else c for c in word[1:])


def _in_capitals(text: str) -> bool:
    """More than 80% of the letters of ``text`` (more than 8) are capitals: a title."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 8 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


# Each word of a volume is stemmed once per pass and again when judged: the same
# few thousand forms, over and over (bounded, so a huge volume cannot grow it).
@functools.lru_cache(maxsize=1 << 16)
def _stem(token: str) -> tuple[str, str]:
    """Split a possessive ending off a word: ``Japan’s`` -> ``Japan``, ``’s``."""
    last, before = token[-1:], token[-2:-1]  # most words end in no ’s or s’: no regex then
    if not ((last == "s" and before in ("'", "’")) or (last in ("'", "’") and before == "s")):
        return token, ""
    match = POSSESSIVE.search(token)
    if match and match.start() > 0 and not token.lower().endswith(("n't", "n’t")):
        if match.group().startswith(("'", "’")):
            return token[:match.start()], match.group()
        return token[:-1], token[-1:]
    return token, ""


def _blank(gap: str) -> bool:
    """Only spaces lie between two words (a context pair)."""
    return bool(gap) and not gap.strip()


