"""The judge: which scanned words to correct, into what, and how sure.

For each word neither the lexicon nor the document vouches for, the judge
weighs every candidate reading ``c`` of the scanned form ``w`` (from
:mod:`.candidates`) against keeping ``w``::

    score(c)    = -cost(w | c) + ln P(c) + context(c)
    score(keep) = ln P_keep(w) + context(w)

``cost`` is the learned channel (:mod:`.model`); ``P(c)`` mixes English
frequency with the document's own counts (a word the volume uses often is
likely here too); ``context`` is the association of ``c`` with its
neighbours (:mod:`.language`). ``P_keep`` is the chance that a word the
lexicon lacks is right as printed (a name, a term, a rare word): higher for
capitalized words and for forms the document repeats (less the repeats its
candidates explain), lower for long words (a long non-word one confusion
from a word is seldom genuine).

The log-odds of the best candidate against all other hypotheses (keeping
included) decide: at least :attr:`Thresholds.apply` and the change is
applied; at least :attr:`Thresholds.suggest`, it is only suggested. A word
confidence from the OCR engine shifts the log-odds by its logit. A known word
(``modem``) is weighed the same way against commoner words one likely
confusion away, with its neighbours' support required, the document's noise
(:func:`noise_shift`) taken into account and a higher bar
(:attr:`Thresholds.real_word`).

Left alone whatever the evidence: numbers and codes, acronyms, words with
letters outside ASCII (French, German), the archaic and foreign words of
``data/channel-keep.txt``, a word beside a foreign one, known words with an
ending or a prefix, the halves of a word broken at a line end, and the
caller's protected words.
"""

from __future__ import annotations

import enum
import functools
import importlib.resources
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import accumulate
from operator import eq

from ...layout.shape import starts_sentence
from ...lexicon import Lexicon, prefix_reach
from ..confusions import explain
from . import language
from .candidates import (BUDGET, OWN_SECOND_FROM, adapted_search, merged, one_step, own_second_pair,
                         rivals, search, splits)
from .model import DOUBLED, ChannelModel, confusions

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\|")
_WORDS_AND_GAPS = re.compile(f"({WORD.pattern})").split
"""A text as ``[gap, word, gap, word, …, gap]``: the gaps are what lies between the words."""
NUMBER_LIKE = re.compile(r"\d[\d,.]*(?i:st|nd|rd|th|s|d|l)?|[A-Z]+-?\d+[A-Z]?s?|\d+[A-Za-z]{1,2}")
HYPHEN_GAP = re.compile(r"-[ \t]+")
MISREAD_HYPHEN_GAP = re.compile(r"[.:;][ \t]+")
"""A line-end hyphen the OCR read as a stop, colon or semicolon (``regi. ment``,
``settle: ment``): on the ocr-pairs, the commonest misreading of a lost hyphen."""
MISREAD_HYPHEN_HALF = 3
"""... when both halves are words, each has at least this many letters (``Co. in``,
``or. in`` are an abbreviation and a sentence's end)."""
SYMBOL_FOR_A = re.compile(r"(?<!\S)[@#«](?=[ \t]*\n?[ \t]*([a-z]{2,})\b)")
"""A lone ``@``, ``#`` or ``«`` before a word in small letters: Tesseract's reading of a
degraded ``a`` (``not @ consequence``, ``favor # regional``, ``rather than « practice``; a
guillemet only where no ``»`` closes one in the text: in the 12 degraded Tesseract volumes
tuned on (the fixtures, ``heldout.py`` and its round 6), each of the 3 lone ``«`` before a
small-letter word was an ``a``, and none of those texts had a ``»``)."""
OPEN_GUILLEMET, CLOSE_GUILLEMET = "«", "»"
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "his", "her", "its",
                         "our", "their", "my", "your", "no", "each", "every", "any", "some"})
CENT_FOR_C = "¢"
"""Tesseract's reading of a degraded ``c`` glued to the rest of its word (``the ¢ost``): a
cent sign follows a figure, never stands before letters."""
CAPITAL_FOR_L = "J"
"""Tesseract's reading of a degraded small ``l`` at a word's start (``Jand``, ``Jater``): on
its degraded scans of the series, a capital J before small letters that is no word was an
``l`` in each of the 3 tuning fixtures and 6 older held-out volumes; the OCR of other engines
(ocr-pairs) has 7 such forms in 538 documents, names (``Jonge``)."""
SYMBOL_LOG_ODDS = 3.0
"""The odds given to a symbol read for a letter (as ``|`` for ``I``): the word it makes is
known and its neighbour supports it."""
JOIN_MISREAD_HALF = 3
"""Two halves whose join is a misreading (``recio ient``) each have this many letters or
more: on dev, of such joins from 3 nats with a half of one or two letters (``tl ing``,
``repor it``, ``Li ast``) most were not the gold."""
POSSESSIVE = ("'s", "’s")
NOT_JOINED = frozenset({"and", "or", "nor", "to"})
"""``pre- and post-war``: a hyphen before these words is a suspended compound."""


SUFFIXES = ("s", "es", "ed", "ing", "ings", "er", "ers", "ly", "ness", "ment", "ments")
PREFIXES = ("un", "re", "non", "over", "under", "pre", "co", "inter", "sub", "mis", "out",
            "anti", "counter", "multi", "post", "semi")


class Kind(enum.Enum):
    """What a suggestion changes (closed set)."""

    CONFUSION = "ocr-confusion"
    """Characters misread within one word (``tbe`` -> ``the``)."""
    REAL_WORD = "ocr-real-word"
    """A misreading that made another word (``modem`` -> ``modern``)."""
    SPLIT = "ocr-split"
    """A lost space restored (``ofher`` -> ``of her``)."""
    JOIN = "ocr-join"
    """A space the OCR put inside a word removed (``con sulting``)."""
    HYPHEN = "hyphen-join"
    """A line-end hyphen left mid-line after the line breaks were lost (``pecu- niary``)."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed change of ``text[start:end]`` (``original``) into ``replacement``."""

    start: int
    end: int
    original: str
    replacement: str
    log_odds: float
    """Natural log of the odds that the replacement is what the page printed."""
    applied: bool
    """Evidence cleared :attr:`Thresholds.apply`: change it; else only suggest."""
    kind: Kind
    evidence: str
    """Why, in a few words: channel probability, context, document counts."""

    @property
    def certainty(self) -> float:
        """The log-odds as a probability (0..1)."""
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, self.log_odds))))


@dataclass(frozen=True, slots=True, kw_only=True)
class Thresholds:
    """When evidence is enough (log-odds, nats).

    Calibrated on the dev split of BLN600 and ICDAR 2017 (documents neither
    learned from nor reported on): ``python benchmarks/correction_benchmark.py
    --calibrate`` prints, per band of log-odds, how often a suggestion is the
    gold reading and how often the scan's word was right as printed (a change
    would damage it). The log-odds are over-confident by about 1.5 nats (at
    log-odds 2 the replacement is the gold about 60% of the time, not 88%),
    so the thresholds are read off that table, not off the odds.
    """

    apply: float = 2.5
    """A non-word is changed from here: on dev, of the changes at or above it
    79% give the gold word exactly, and the scan was right in under 1% (the
    rest replace a misreading by a likelier but still wrong word). Lowering it
    to 2.0 gained 0.2 points of CER on dev for a little more damage."""
    apply_own: float = 2.0
    """... and from here where its confusion is one of the scan's own (see
    :attr:`real_word_own`): on dev (the pipeline), 2.0 instead of 2.5 adds 3 changes to
    the gold word (eusued, fhews, ths) and 1 other (iaw -> law for jaw), none to a word
    printed right; 1.5 adds 7 and 2."""
    suggest: float = 0.0
    """Reported, not applied, from here (even odds)."""
    second_step: float = 3.0
    """A reading two misreadings away (the second step, through one of the scan's own
    confusions: :func:`~.candidates.own_second_step`) is applied only from here, whatever
    the first bar: the search weighs its rivals two steps away only through the own
    confusions, so its odds leave out the others (``contimed``: ``confined`` through m for
    n at 2.5, ``continued`` through no rule). On the Tesseract tuning volumes (fixtures,
    round 7, ``heldout.py``) every second-step change from 3.0 was right."""
    known_join: float = 6.0
    """Two known words are joined into one (``ex posed``, ``Sub scribers``) from here, no
    suggestion below: on dev, of such joins at or above 6 (halves of two letters or more,
    the second in small letters), 21 give the gold word, 3 its hyphenated form, none two
    words the gold keeps apart; from 4 to 6 there are 6 more gold and 4 that are neither
    (``fer tile`` for ``for the``)."""
    join_misread: float = 3.0
    """Two halves whose join is one misreading from a word (``sys tern``) are joined into
    it from here, no suggestion below (its halves are judged instead)."""
    real_word: float = 5.0
    """A known word is changed only from here: on dev, from 3 to 4 one in seven
    such changes hit a word printed right, from 4 to 5 one in 33, at or above
    5 one in 140; and on clean modern prose ("would tie three governments") a
    word-pair model cannot always tell, so the bar is high."""
    real_word_own: float = 3.0
    """... and from here where its confusion is one of the scan's own (the adapted
    channel's: its sure corrections show it at least twice, ``aud`` for ``and`` where
    ``u`` is read for ``n`` all through the volume). On dev (the pipeline), 3 instead of
    5 adds 13 changes to the gold word (aud, bad, bis, tor) and 3 others (one to a word
    printed right: laud); 2.5 adds 21 and 4."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Priors:
    """How likely a word the lexicon lacks is right as printed (``ln``), by shape.

    ``ln P_keep = base[shape] + per_letter * len(word)``: short strings are
    often abbreviations and fragments, long ones that one confusion turns
    into a word seldom are genuine.
    """

    lower: float = -17.0
    """A lower-case word: most are misreadings."""
    after_stop: float = -13.0
    """A lower-case word right after a full stop (``ended. ither``, ``said. duced``): a
    sentence starts with a capital, so such a word is likelier a fragment, or one whose
    first letters the scan lost, than a misreading of the word its letters are nearest."""
    capitalized: float = -9.0
    """A capitalized word mid-sentence: probably a name."""
    initial: float = -15.0
    """A capitalized word at a sentence start: a name or a common word."""
    upper: float = -13.0
    """An all-capitals word longer than an acronym (a headline)."""
    mixed: float = -13.0
    """A word cased like no printed word (``tHe``, ``iiCen``), names like ``McArthur`` aside."""
    per_letter: float = -0.6
    document: float = 0.3
    """Weight of the document's own counts in ``P(word)`` (the rest is English)."""
    repeat: float = 0.1
    """Weight of the document's other occurrences of a word the lexicon lacks:
    a form repeated is likelier a term, but (unlike a known word) it is no
    proof: ``tbe`` 23 times is still ``the``."""


MIXED_NAMES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "O'")
"""Names printed in mixed case (``McArthur``): a word so cased is left alone."""

CONTRACTIONS = frozenset({"s", "t", "d", "ll", "re", "ve", "m", "em", "tis", "twas"})

SHORT = 3
"""Words up to this long weigh every one-letter change against their best reading
(:meth:`Judge._short_rivals`)."""

SHORT_RIVALS = 8
"""... the likeliest this many of them by channel and frequency (each is two word-pair lookups)."""

SHORT_RIVAL_MARGIN = 4.0
"""... each priced at most this much dearer than the best reading's own confusion (nats):
another engine's scans show confusions the learned ones lack (``ix`` is ``in`` and ``is``
in one Tesseract volume), so a short word's reading must also win on the language
(frequency and neighbours) against the words one letter away: ``supply ix a`` is no
more ``in`` than ``is``, ``published ix 2000`` is ``in``."""

LETTERS = "abcdefghijklmnopqrstuvwxyz"

DOCUMENT_NAME = 3
"""A capitalized word one of the scan's own confusions from a word the document prints at
least this many times as often (and 3 times or more) is a misreading of it, no other name:
its keep prior is a sentence start's (:attr:`Priors.initial`), not a name's."""

DOCUMENT_NAME_COST = 6.0
"""... or one likely confusion (P >= 1 in 400, the channel's :data:`~.candidates.RIVAL_COST`)
from it, where the scan's own corrections do not show that one, and the word is a name the
lexicon knows (``Kyushn`` beside 5 ``Kyushu``; not ``Vere`` beside many ``were``)."""

MAX_READINGS = 12
"""Readings weighed per word, the likeliest by channel and frequency (context
rarely lifts the thirteenth over them all, and each costs two pair lookups)."""

ACRONYM = 5
"""All-capitals words up to this long are acronyms (``IAEA``, ``APEC``): never changed."""

NEUTRAL_CONFIDENCE = 0.75
"""An OCR word confidence that neither raises nor lowers the evidence (engines
report most correct words above it)."""


@functools.cache
def _keep_list() -> tuple[frozenset[str], frozenset[str]]:
    data = importlib.resources.files("textkit") / "data" / "channel-keep.txt"
    text = data.read_text(encoding="utf-8")
    english, _, foreign = text.partition("[foreign]")

    def words(part: str) -> frozenset[str]:
        lines = (line.split("#", 1)[0] for line in part.splitlines())
        return frozenset(w.lower() for line in lines for w in line.split())
    return words(english) | words(foreign), words(foreign)


def protected_words() -> frozenset[str]:
    """Archaic and foreign words that are right as printed (``data/channel-keep.txt``).

    >>> {"shew", "connexion", "les"} <= protected_words()
    True
    """
    return _keep_list()[0]


def foreign_words() -> frozenset[str]:
    """The foreign words of ``data/channel-keep.txt``: their neighbours are foreign too.

    >>> "nous" in foreign_words(), "shew" in foreign_words()
    (True, False)
    """
    return _keep_list()[1]


NOISE_PSEUDO_WORDS = 200
"""A document's share of unknown words is estimated as if it had this many more
words at the training share (a short text says little about its scan)."""

MAX_SHIFT = 3.0
"""The most a clean document adds to the cost of every misreading (nats)."""


def unknown_share(counts: Mapping[str, int], lexicon: Lexicon) -> tuple[int, int]:
    """``(unknown, words)``: the words of a document the lexicon does not know,
    counted over alphabetic forms of two letters or more (how noisy its scan is).

    >>> from textkit.lexicon import default_lexicon
    >>> unknown_share(count_words(["tbe cat sat on tbe mat"]), default_lexicon())
    (2, 6)
    """
    known = lexicon.words
    return _share(counts, lambda form: form not in known)


def _share(counts: Mapping[str, int], test: Callable[[str], bool]) -> tuple[int, int]:
    """``(passing, words)``: the words of a document (alphabetic forms of two letters or
    more) whose form passes ``test``, and all of them."""
    passing = words = 0
    for form, n in counts.items():
        if len(form) < 2 or not form.isalpha():
            continue
        words += n
        if test(form):
            passing += n
    return passing, words


LONG_S_SHARE = 0.01
"""A document prints the long s (``ſ``, read as ``f``: ``fuch``, ``thefe``) when at least
this share of its words are non-words that ``s`` for ``f`` makes words: on the training
and dev scans, prints with it are at 2.6% or more, the rest (newspapers, modern prose,
Tesseract's degraded scans) at 0.9% or less, most under 0.1%."""

LONG_S_MIN = 10
"""... and at least this many such words (a short text says too little)."""

LONG_S_COST = 0.7
"""The channel cost of ``f`` for a printed ``s`` in such a print (P = 1/2: the long s is
set everywhere but at a word's end, and the OCR reads it as ``f`` about half the time)."""

MAX_LONG_S = 4
"""At most this many ``f`` of one word are tried as ``s`` (every combination of them)."""


def long_s_share(counts: Mapping[str, int], lexicon: Lexicon) -> tuple[int, int]:
    """``(long_s, words)``: the words of a document that read as words only with each
    non-final ``f`` read as ``s`` (``fuch``, ``thefe``: a print with the long s), and all
    its words (as :func:`unknown_share` counts them).

    >>> from textkit.lexicon import default_lexicon
    >>> long_s_share(count_words(["fuch a houfe, of thefe"]), default_lexicon())
    (3, 4)
    """
    known = lexicon.words
    return _share(counts, lambda form: "f" in form[:-1] and form not in known
                  and _long_s(form) in known)


def prints_long_s(share: tuple[int, int]) -> bool:
    """Does a document with this :func:`long_s_share` print the long s?

    >>> prints_long_s((40, 1500)), prints_long_s((4, 13000)), prints_long_s((5, 100))
    (True, False, False)
    """
    found, words = share
    return found >= LONG_S_MIN and found >= LONG_S_SHARE * words


def _long_s(form: str) -> str:
    """Every non-final ``f`` of ``form`` as ``s``."""
    return form[:-1].replace("f", "s") + form[-1:]


@functools.lru_cache(maxsize=50_000)
def long_s_readings(lower: str, words: frozenset[str]) -> tuple[tuple[str, float], ...]:
    """Known words that a long s read as ``f`` turns into ``lower``, each with its cost
    (:data:`LONG_S_COST` per ``f``): some or all of its non-final ``f`` as ``s``.

    >>> from textkit.lexicon import default_lexicon
    >>> [w for w, _ in long_s_readings("poffeffion", default_lexicon().words)]
    ['possession']
    >>> long_s_readings("of", default_lexicon().words)
    ()
    """
    where = [i for i, c in enumerate(lower[:-1]) if c == "f"][:MAX_LONG_S]
    out = []
    for mask in range(1, 1 << len(where)):
        chars = list(lower)
        for bit, i in enumerate(where):
            if mask >> bit & 1:
                chars[i] = "s"
        text = "".join(chars)
        if text in words:
            out.append((text, LONG_S_COST * bin(mask).count("1")))
    return tuple(out)


def noise_shift(document: tuple[int, int], training: float) -> float:
    """What a document's own noise adds to every channel cost, in nats.

    The learned probabilities of misreading are those of the training scans;
    in a scan with a fifth of their unknown words, each misreading is about a
    fifth as likely: the cost rises by ``ln(training / document)`` (at most
    :data:`MAX_SHIFT`; a noisier scan lowers it by at most 1).

    >>> round(noise_shift((10, 1000), 0.05), 1), round(noise_shift((50, 1000), 0.05), 1)
    (1.1, 0.0)
    """
    unknown, words = document
    share = (unknown + NOISE_PSEUDO_WORDS * training) / (words + NOISE_PSEUDO_WORDS)
    return max(-1.0, min(MAX_SHIFT, math.log(training / share)))


def count_words(texts: Iterable[str]) -> Counter[str]:
    """Case-folded word counts of a document's texts (the ``document_counts`` to pass).

    >>> count_words(["The cat", "the end"])["the"]
    2
    """
    counts: Counter[str] = Counter()
    for text in texts:
        if text.isascii():  # lower case changes no word's bounds there: one findall
            counts.update(WORD.findall(text.lower()))
        else:  # (elsewhere it may: each word found first, then lowered)
            counts.update(map(str.lower, WORD.findall(text)))
    return counts


MAX_VERDICTS = 20_000
"""Verdicts a document's :attr:`Judge.verdicts` keeps at most (each holds the few dozen
counts it read: bounded, so that a long volume cannot grow it without end)."""


class _Asked(Mapping[str, int]):
    """A document's counts that note each form a verdict asks for, with its count then."""

    __slots__ = ("counts", "asked")

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts = counts
        self.asked: dict[str, int | None] = {}

    def get(self, form: str, default: int | None = None) -> int | None:  # type: ignore[override]
        n = self.asked[form] = self.counts.get(form)
        return default if n is None else n

    def __getitem__(self, form: str) -> int:
        n = self.get(form)
        if n is None:
            raise KeyError(form)
        return n

    def __iter__(self) -> Iterator[str]:
        return iter(self.counts)

    def __len__(self) -> int:
        return len(self.counts)


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    core: str
    """The word without a possessive ending (what the lexicon is asked)."""


@dataclass
class Judge:
    """Decides over one text; built per call by :meth:`Channel.suggest`."""

    model: ChannelModel
    lexicon: Lexicon
    counts: Mapping[str, int]
    thresholds: Thresholds
    priors: Priors
    join_hyphens: bool = True
    protected: frozenset[str] = frozenset()
    kept_hyphens: frozenset[int] = frozenset()
    """Offsets of the text just after a line-end hyphen the hyphen stage kept (its join was
    no word: ``prob-Jem``, ``be-caine``): a misread half may have made it so."""
    noise: tuple[int, int] | None = None
    """The document's :func:`unknown_share`, when the caller knows it (computed once per
    document, not once per block)."""
    long_s: bool | None = None
    """The document prints the long s (:func:`prints_long_s`); found from ``counts`` when
    not given (the stage finds it once per document)."""
    total: int = 0
    verdicts: dict[tuple[object, ...], tuple[dict[str, int | None], Suggestion | None]] | None = None
    """The verdicts of earlier passes over the same document with this channel (the stage
    keeps one per document): a word judged again with the same neighbours, place in its
    sentence and model, whose counts in the document (those its verdict read) have not
    moved, gets the same verdict without its readings being weighed again."""

    def __post_init__(self) -> None:
        if not self.total:  # the caller may know it (a document's blocks share it)
            self.total = max(1, sum(self.counts.values()))
        self._known = self.lexicon.words.__contains__
        # The channel was learned on scans with many errors; in a cleaner document
        # a real word is less likely a misreading (see noise_shift). Non-words
        # are not shifted: their competitors are names and terms, which the
        # priors and protections already weigh, and on dev the shift cost them
        # more fixes than it saved.
        noise = self.noise if self.noise is not None else unknown_share(self.counts, self.lexicon)
        self.shift = noise_shift(noise, self.model.unknown_share)
        if self.long_s is None:
            self.long_s = prints_long_s(long_s_share(self.counts, self.lexicon))
        if not self.long_s:
            self.model = self.model.without_long_s()

    # -- the walk ------------------------------------------------------------

    def suggestions(self, text: str, confidences: Mapping[int, float] | None) -> list[Suggestion]:
        # The words and the gaps between them in one split (no object made per word): word
        # i is pieces[2i + 1], the gap after it pieces[2i + 2], and its bounds ends[2i] and
        # ends[2i + 1]. A _Token is made only for the words that are judged.
        pieces = _WORDS_AND_GAPS(text)
        words, gaps = pieces[1::2], pieces[2::2]
        ends = list(accumulate(map(len, pieces)))
        cores = words if not ("'s" in text or "’s" in text) else [  # no possessive ending
            word[:-2] if word.endswith(POSSESSIVE) and len(word) > 2 else word for word in words]

        def token(k: int) -> _Token:
            return _Token(ends[2 * k], ends[2 * k + 1], words[k], cores[k])

        # _vouched inlined for the common case (a known word in lower case): a walk is a few
        # lookups a word, and a document is walked two or three times. A known word may still
        # be a misreading in lower case, or capitalized as a sentence's first
        # (_lower_may_be_misread, _capital_may_be_misread).
        known, lexicon, vouched_form = self.lexicon.words, self.lexicon, _vouched_form
        join_hyphens = self.join_hyphens
        cents = CENT_FOR_C in text
        out: list[Suggestion] = []
        skip = -1
        last = len(words) - 1
        previous = ""  # the reading of the word before, for context
        for i, core in enumerate(cores):
            if i <= skip:
                continue
            vouched = core in known or vouched_form(core, lexicon)
            found: Suggestion | None = None
            gap = gaps[i] if i < last else ""
            if i < last:
                if gap == " " or gap.isspace():
                    after = cores[i + 1]
                    if not (vouched and (after in known or vouched_form(after, lexicon))):
                        found = self._join(token(i), token(i + 1), previous, gaps, i, text)
                    elif (core + after).lower() in known:  # "ex posed": two words, one
                        found = self._join(token(i), token(i + 1), previous, gaps, i, text, known=True)
                elif join_hyphens and gap[:1] == "-" and HYPHEN_GAP.fullmatch(gap):
                    found = self._hyphen(token(i), token(i + 1), text)
                elif join_hyphens and gap[:1] in ".:;" and MISREAD_HYPHEN_GAP.fullmatch(gap):
                    found = self._hyphen(token(i), token(i + 1), text, misread=gap[0])
                elif gap == "-" and ends[2 * i + 2] in self.kept_hyphens:
                    found = self._kept_hyphen(token(i), token(i + 1), previous, text)
            if found is not None:
                out.append(found)
                skip = i + 1
                previous = (found.replacement if found.applied else cores[i + 1]).split()[-1].lower()
                continue
            if cents and core.islower() and ends[2 * i] and text[ends[2 * i] - 1] == CENT_FOR_C:
                found = self._cent(token(i), text)
                if found is not None:
                    out.append(found)
                    previous = found.replacement.lower()
                    continue
            # The common case, at a lookup or two: a known word nothing commoner explains.
            if vouched and not (_lower_may_be_misread(core) if core.islower() else
                                _capital_may_be_misread(core) and starts_sentence(text, ends[2 * i])):
                previous = core.lower()
                continue
            this = token(i)
            if not (core in self.protected or self._foreign_beside(cores, i)
                    or _at_line_break(text, this)):
                before = previous if i and gaps[i - 1].isspace() else ""
                after = cores[i + 1].lower() if i < last and gap.isspace() and (
                    cores[i + 1] in known or vouched_form(cores[i + 1], lexicon)) else ""
                found = self._verdict(this, before, after, text, vouched)
            if found is not None:
                if confidences is not None and this.start in confidences:
                    found = _with_confidence(found, confidences[this.start], self.thresholds)
                if found.log_odds >= self.thresholds.suggest:
                    out.append(found)
            previous = (found.replacement if found is not None and found.applied
                        else core).split()[-1].lower()
        if "@" in text or "#" in text or OPEN_GUILLEMET in text:
            out = sorted(out + self._symbols_for_a(text), key=lambda s: s.start)
        return out

    def _cent(self, token: _Token, text: str) -> Suggestion | None:
        """``¢ost`` -> ``cost``: a cent sign glued before small letters, not after a figure,
        where ``c`` and the letters make a word the lexicon knows."""
        start = token.start - 1
        if start and (text[start - 1].isalnum() or text[start - 1] == CENT_FOR_C):
            return None
        word = "c" + token.core
        if not self._known(word):
            return None
        end = token.start + len(token.core)
        return Suggestion(start, end, text[start:end], word, SYMBOL_LOG_ODDS,
                          SYMBOL_LOG_ODDS >= self.thresholds.apply, Kind.CONFUSION,
                          f"'¢' for 'c' before letters: {word!r} is a word")

    def _symbols_for_a(self, text: str) -> list[Suggestion]:
        """``not @ consequence`` -> ``a``: a lone ``@``, ``#`` or ``«`` (none closed in the
        text) after a word (or at a line's start), before a known word in small letters that
        the word pairs have after ``a``."""
        out = []
        quotes = CLOSE_GUILLEMET in text  # guillemets that close are quotation marks
        for m in SYMBOL_FOR_A.finditer(text):
            nxt = m.group(1)
            if quotes and m.group() == OPEN_GUILLEMET:
                continue
            left = text[max(0, m.start() - 12):m.start()].rstrip(" \t")
            if (not left or left[-1].isdigit() or left[-1] in "@#$£%&*+=<>/"
                    or left.split()[-1].lower() in DETERMINERS or nxt not in self.lexicon.words):
                continue  # a block's first mark, a price (3 @ 5s.), a code, no place for an article
            support = language.association("a", nxt)
            if support < math.log(2.0):
                continue
            out.append(Suggestion(m.start(), m.end(), m.group(), "a", SYMBOL_LOG_ODDS,
                                  SYMBOL_LOG_ODDS >= self.thresholds.apply, Kind.CONFUSION,
                                  f"{m.group()!r} for 'a' before {nxt!r} (context 'a {nxt}')"
                                  + ("; no '»' closes it" if m.group() == OPEN_GUILLEMET else "")))
        return out

    def _verdict(self, token: _Token, before: str, after: str, text: str,
                 known: bool) -> Suggestion | None:
        """:meth:`_real_word` of a ``known`` word, else :meth:`_word`: given again from
        :attr:`verdicts` where its inputs are the same (a verdict reads the text only for
        the word's place in its sentence, and a bar's, never kept, for its context)."""
        judge = self._real_word if known else self._word
        memo = self.verdicts
        core, start = token.core, token.start
        if memo is None or core == "|":
            return judge(token, before, after, text)
        key = (known, core, before, after, starts_sentence(text, start), _after_stop(text, start),
               self.model, self.total, self.shift, self.long_s)
        kept = memo.get(key)
        counts = self.counts
        if kept is not None:
            asked, found = kept
            if all(map(eq, map(counts.get, asked), asked.values())):  # (C calls, no generator)
                if found is None or found.start == start:
                    return found
                return replace(found, start=start, end=start + found.end - found.start)
        reading = _Asked(counts)
        self.counts = reading
        try:
            found = judge(token, before, after, text)
        finally:
            self.counts = counts
        if len(memo) < MAX_VERDICTS:
            memo[key] = (reading.asked, found)
        return found

    @staticmethod
    def _foreign_beside(cores: list[str], i: int) -> bool:
        """A neighbour is a foreign word (``et``, ``nous``): this one may be foreign too."""
        foreign = foreign_words()  # (the two tests written out: no generator per word judged)
        return (i > 0 and cores[i - 1].lower() in foreign) or (
            i + 1 < len(cores) and cores[i + 1].lower() in foreign)

    def _vouched(self, token: _Token) -> bool:
        """The lexicon knows the word, or it is protected: nothing to judge."""
        core = token.core
        if core in self.lexicon.words:
            return True  # the common case, at one lookup
        return _vouched_form(core, self.lexicon)

    # -- one word --------------------------------------------------------------

    def _word(self, token: _Token, before: str, after: str, text: str) -> Suggestion | None:
        core = token.core
        lower = core.lower()
        if core == "|":
            return None if not _pronoun_context(text, token, before) else Suggestion(
                token.start, token.start + 1, "|", "I", 3.0, 3.0 >= self.thresholds.apply,
                Kind.CONFUSION, f"'|' for 'I' between words ({before!r} … {after!r})")
        if core[0] == CAPITAL_FOR_L and len(core) > 2 and core[1:].islower():
            found = self._capital_for_l(token, before, after, text)
            if found is not None:
                return found
        shape = _shape(core, starts_sentence(text, token.start))
        if shape == "lower" and _after_stop(text, token.start):
            shape = "after_stop"
        if shape == "mixed" and (core.startswith(MIXED_NAMES) or not core[1:].islower()
                                 and sum(c.isupper() for c in core) > 1):
            return None  # McArthur, DeGaulle, NATO-like codes: names, not misreadings
        if "'" in core or "’" in core:
            return self._apostrophe(token, before, after)
        found, two_words, _ = _readings(lower, self.lexicon.words, self.model.reading(lower))
        long_s = ()
        if self.long_s and "f" in lower[:-1]:
            long_s = long_s_readings(lower, self.lexicon.words)
            if long_s:
                cheaper = {c for c, cost in long_s}
                found = tuple(r for r in found if r[0] not in cheaper) + tuple(
                    (c, cost, Lexicon.proper_only(c)) for c, cost in long_s)
        options: list[tuple[float, str, float]] = []  # (score, reading, channel cost)
        for cand, cost, proper in found:
            if proper and shape in ("lower", "after_stop"):
                continue
            options.append((self._score(cand, cost, before, after), cand, cost))
        for left, right in two_words:
            score = (-self.model.space_deleted + self._log_p(left) + self._log_p(right)
                     + language.association(left, right)
                     + (language.association(before, left) if before else 0.0)
                     + (language.association(right, after) if after else 0.0))
            options.append((score, f"{left} {right}", -1.0))
        if not options:
            return None
        # A repeated misreading is no term: the document's copies of each
        # candidate explain some of the scanned form's repeats (800 "the" at
        # P(tbe|the) = 1.3% make 10 "tbe").
        explained = sum(self.counts.get(c, 0) * math.exp(-cost) for c, cost, _ in found)
        if long_s:
            # In a print that sets the long s, a form that reads as a word with it is that
            # word: its capital is no sign of a name, nor its repeats of a term (``Efq`` 23×).
            keep = self._keep_score(core, "lower", float(self.counts.get(lower, 0)))
        else:
            keep = self._keep_score(core, shape, explained)
        options.sort(key=lambda o: (-o[0], o[1]))
        best_score, best, best_cost = options[0]
        note = (self._note(best, best_cost, before, after) if best_cost >= 0
                else f"space lost (P={math.exp(-self.model.space_deleted):.1e})")
        second = False
        if any(c == best for c, _ in long_s):
            note = "long s read as 'f' (this print sets it); " + note
        elif best_cost >= 0 and len(lower) >= OWN_SECOND_FROM and self.model.second_step:
            pair = own_second_pair(lower, best, best_cost, self.model.reading(lower))
            if pair is not None:
                note = f"two misreadings, one this scan's own ({pair[0]!r} for {pair[1]!r}); " + note
                second = True
        rest = [keep] + [o[0] for o in options[1:]]
        log_odds = best_score - _logsumexp(rest)
        own = bool(self.model.own) and best_cost >= 0 and self._own(lower, best)
        if ((own or 0 <= best_cost <= DOCUMENT_NAME_COST and Lexicon.proper_only(best))
                and shape == "capitalized"
                and " " not in best
                and self.counts.get(best, 0) >= DOCUMENT_NAME * max(1, self.counts.get(lower, 0))):
            # The document's own name, by the scan's own confusion or a likely one (Luzou
            # beside 10 Luzon, Kyushn beside 5 Kyushu): its capital says "a name", and the
            # name it says is that one.
            rest[0] = self._keep_score(core, "initial", explained)
            log_odds = best_score - _logsumexp(rest)
            note += f"; the document's name, {self.counts.get(best, 0)}×"
        bar = self.thresholds.apply_own if own else self.thresholds.apply
        if second:
            bar = max(bar, self.thresholds.second_step)
        if log_odds >= bar and len(lower) <= SHORT:
            log_odds = best_score - _logsumexp(rest + self._short_rivals(
                lower, {o[1] for o in options}, best,
                best_cost if best_cost >= 0 else self.model.space_deleted, before, after,
                own=own))
            if own:
                seen, printed = _confusion(lower, best) or ("", "")
                note += f"; {seen!r} for {printed!r} is this scan's own confusion"
        replacement = _cased(best, core, starts_sentence(text, token.start))
        kind = Kind.SPLIT if " " in best else Kind.CONFUSION
        repeats = self.counts.get(lower, 0)
        evidence = (f"{note}; document: {best.split()[0]!r} {self.counts.get(best.split()[0], 0)}×, "
                    f"{core!r} {repeats}×; log-odds {log_odds:.1f}")
        return Suggestion(token.start, token.start + len(core), core, replacement, round(log_odds, 3),
                          log_odds >= bar, kind, evidence)

    def _capital_for_l(self, token: _Token, before: str, after: str, text: str) -> Suggestion | None:
        """``Jand`` -> ``land``: Tesseract's reading of a degraded ``l`` at a word's start as
        ``J`` (its ascender and a broken foot), where ``l`` and the rest make a known word
        (no name) that the document prints elsewhere and a neighbour supports. The capital
        is the misreading's, no sign of a name: the reading is in small letters, but at a
        sentence's start."""
        rest = token.core[1:]
        word = "l" + rest
        if not self._known(word) or Lexicon.proper_only(word) or not self.counts.get(word):
            return None
        pairs = [f"{a} {b}" for a, b in ((before, word), (word, after))
                 if a and b and language.association(a, b)]
        if not pairs:
            return None
        at_start = starts_sentence(text, token.start)
        replacement = ("L" if at_start else "l") + rest
        return Suggestion(token.start, token.start + len(token.core), token.core, replacement,
                          SYMBOL_LOG_ODDS, SYMBOL_LOG_ODDS >= self.thresholds.apply,
                          Kind.CONFUSION,
                          f"'J' for 'l' at a word's start: {word!r} is a word the document "
                          f"prints {self.counts.get(word, 0)}×; context "
                          + ", ".join(repr(p) for p in pairs))

    def _short_rivals(self, lower: str, taken: set[str], best: str, best_cost: float,
                      before: str, after: str, shift: float = 0.0, own: bool = False) -> list[float]:
        """The scores of the other words one unseen substitution from a short word.

        A word of two or three letters is a few letters from many words (``ix``: ``in``,
        ``is``, ``it``), and the confusions learned from one set of scans miss some of
        another engine's: every such reading competes, at the price of an edit never
        seen but at most :data:`SHORT_RIVAL_MARGIN` above the best reading's own
        (``best_cost``; no ceiling when ``best`` is a classic confusion, :func:`_classic`, or
        ``own``, one of the scan's own: ``ou`` is ``on`` in a scan that reads ``u`` for ``n``),
        so that the winner's odds count them. (Longer words get them as
        candidates, :data:`~.candidates.UNSEEN_FROM`.) They are weighed where they can
        decide, for a reading whose odds without them clear the bar to be applied (each
        costs two word-pair lookups); below it the odds leave them out.
        """
        if len(lower) > SHORT or not lower.isalpha():
            return []
        unseen = self.model.unseen_cost
        # A classic glyph confusion (l for i, rn for m) is every engine's, and the scan's own
        # (its sure corrections', its program's documented ones) this scan's: no ceiling.
        ceiling = math.inf if own or _classic(lower, best) else best_cost + SHORT_RIVAL_MARGIN
        others = sorted(((-min(unseen(letter), ceiling) + self._log_p(text), text, letter)
                         for text, letter in _one_substitution(lower, self.lexicon.words)
                         if text not in taken), reverse=True)[:SHORT_RIVALS]
        return [self._score(text, min(unseen(letter), ceiling), before, after, shift)
                for _, text, letter in others]

    def _apostrophe(self, token: _Token, before: str, after: str) -> Suggestion | None:
        """``that'the``: a space read as an apostrophe (a contraction is left alone)."""
        core = token.core
        left, _, right = core.replace("’", "'").partition("'")
        if (not left or not right or right.lower() in CONTRACTIONS or "'" in right
                or not (self._known(left.lower()) and self._known(right.lower()))):
            return None
        score = (-self.model.space_deleted + self._log_p(left.lower())
                 + self._log_p(right.lower())
                 + language.association(left.lower(), right.lower())
                 + (language.association(before, left.lower()) if before else 0.0)
                 + (language.association(right.lower(), after) if after else 0.0))
        keep = self._keep_score(core, "lower")
        odds = score - keep
        if odds < self.thresholds.suggest:
            return None
        return Suggestion(token.start, token.start + len(core), core, f"{left} {right}",
                          round(odds, 3), odds >= self.thresholds.apply, Kind.SPLIT,
                          f"an apostrophe between two words: a space misread; log-odds {odds:.1f}")

    def _score(self, cand: str, cost: float, before: str, after: str, shift: float = 0.0) -> float:
        left = language.association(before, cand) if before else 0.0
        right = language.association(cand, after) if after else 0.0
        return -(cost + shift) + self._log_p(cand) + left + right

    @staticmethod
    def _note(cand: str, cost: float, before: str, after: str, shift: float = 0.0) -> str:
        """The evidence for a reading, in a few words (built for the winner only)."""
        note = f"channel P={math.exp(-cost - shift):.1e}" + (
            f" (×{math.exp(-shift):.2f} for this scan's noise)" if abs(shift) > 0.05 else "")
        pairs = [p for p, a in ((f"{before} {cand}", before), (f"{cand} {after}", after))
                 if a and language.association(*p.split(" ", 1))]
        if pairs:
            note += f"; context {', '.join(repr(p) for p in pairs)}"
        return note

    def _log_p(self, word: str, scanned: bool = False) -> float:
        """``ln P(word)``: English mixed with the document (less this occurrence if ``scanned``)."""
        english = math.exp(language.log_unigram(word))
        here = max(0, self.counts.get(word, 0) - scanned) / self.total
        w = self.priors.document
        return math.log((1 - w) * english + w * here)

    def _keep_score(self, core: str, shape: str, explained: float = 0.0) -> float:
        base = getattr(self.priors, shape)
        prior = math.exp(base + self.priors.per_letter * len(core))
        others = max(0.0, self.counts.get(core.lower(), 0) - 1 - explained)
        return math.log(prior + self.priors.repeat * others / self.total)


    # -- real words ------------------------------------------------------------

    def _own(self, lower: str, reading: str) -> bool:
        """Is ``reading`` one of the scan's own confusions from ``lower`` (its only one)?"""
        own = self.model.own
        pair = _confusion(lower, reading) if _may_be_own(lower, reading, own) else None
        return pair is not None and pair in own  # (the alignment: cached per process)

    def _real_word_costs(self, lower: str, options: Iterable[tuple[str, float]]
                         ) -> list[tuple[str, float, float]]:
        """Each rival with its channel cost for this document, and the shift for the scan's
        noise (:func:`noise_shift`) in it: the learned cost shifted, or the rate of the
        confusion in this scan's own sure corrections (an adapted model's,
        :attr:`~.model.ChannelModel.own`) unshifted, whichever is lower."""
        rates = self.model.own
        out = []
        for c, cost in options:
            own = math.inf
            if rates and _may_be_own(lower, c, rates):
                pair = _confusion(lower, c)
                if pair is not None:
                    own = rates.get(pair, math.inf)
            out.append((c, own, 0.0) if own < cost + self.shift else (c, cost, self.shift))
        return out

    def _real_word(self, token: _Token, before: str, after: str, text: str) -> Suggestion | None:
        """``modem`` -> ``modern``: a commoner word, one likely confusion away, that the
        neighbours support."""
        lower = token.core.lower()
        options = rivals(lower)
        if not options or (not before and not after):
            return None
        keep = (self._log_p(lower, scanned=True)
                + (language.association(before, lower) if before else 0.0)
                + (language.association(lower, after) if after else 0.0))
        scored = sorted(((self._score(c, cost, before, after, shift), c, cost, shift)
                         for c, cost, shift in self._real_word_costs(lower, options)),
                        key=lambda o: (-o[0], o[1]))
        best_score, best, best_cost, best_shift = scored[0]
        if not ((before and language.association(before, best))
                or (after and language.association(best, after))):
            return None  # frequency alone never outweighs a word printed
        note = self._note(best, best_cost, before, after, best_shift)
        rest = [keep] + [o[0] for o in scored[1:]]
        log_odds = best_score - _logsumexp(rest)
        # A confusion this scan's sure corrections show (aud: u for n) is its own: the bar
        # for it is lower (it recurs all through the volume).
        own = bool(self.model.own) and self._own(lower, best)
        bar = self.thresholds.real_word_own if own else self.thresholds.real_word
        if log_odds >= bar and len(lower) <= SHORT:
            log_odds = best_score - _logsumexp(rest + self._short_rivals(
                lower, {o[1] for o in scored}, best, best_cost + best_shift - self.shift, before,
                after, self.shift))
        if log_odds < self.thresholds.suggest:
            return None
        # A neighbour seen with the reading less often than chance ("the in function":
        # association below ln 2) speaks for the word as printed: at most a suggestion.
        odd = any(0.0 < language.association(*pair) < math.log(2.0)
                  for pair in ((before, best), (best, after)) if pair[0] and pair[1])
        return Suggestion(token.start, token.start + len(token.core), token.core,
                          _cased(best, token.core, starts_sentence(text, token.start)),
                          round(log_odds, 3), log_odds >= bar and not odd,
                          Kind.REAL_WORD,
                          f"{note}; {token.core!r} is a word, but rarer here; document: "
                          f"{best!r} {self.counts.get(best, 0)}×, {token.core!r} "
                          f"{self.counts.get(lower, 0)}×; log-odds {log_odds:.1f}")

    # -- two tokens --------------------------------------------------------------

    def _hyphen(self, token: _Token, nxt: _Token, text: str, misread: str = "") -> Suggestion | None:
        """``pecu- niary``: a line-end hyphen stranded mid-line; or one ``misread`` as a
        stop, colon or semicolon (``regi. ment``, ``settle: ment``), where the halves must
        be letters and, when both are words, each at least :data:`MISREAD_HYPHEN_HALF`
        long and their join clear :attr:`Thresholds.known_join`."""
        if not token.core.isalpha() or not nxt.core[:1].islower() or nxt.core.lower() in NOT_JOINED:
            return None
        if misread and (token.core != token.text or not nxt.core.isalpha() or len(token.core) < 2
                        or len(nxt.core) < 2):
            return None
        joined = token.core + nxt.core
        if not self.lexicon.knows(joined):
            return None
        both = self._vouched(token) and self._vouched(nxt)
        if misread and both and min(len(token.core), len(nxt.core)) < MISREAD_HYPHEN_HALF:
            return None
        # Two words ("be- cause") or a word and a fragment ("pecu- niary"): the joined
        # word must be likelier than the halves side by side, or a fragment be involved.
        odds = (self._log_p(joined.lower())
                - (self._log_p(token.core.lower(), True) + self._log_p(nxt.core.lower(), True)
                   if both else -30.0))
        odds = min(odds, 10.0)
        if odds < self.thresholds.suggest:
            return None
        bar = self.thresholds.known_join if misread and both else self.thresholds.apply
        end = nxt.start + len(nxt.core)  # a possessive ending stays as printed
        return Suggestion(token.start, end, text[token.start:end], joined, round(odds, 3),
                          odds >= bar, Kind.HYPHEN,
                          f"{joined!r} is a word; "
                          + (f"a hyphen read as {misread!r}" if misread else "hyphen")
                          + f" and space between its halves; log-odds {odds:.1f}")

    def _kept_hyphen(self, token: _Token, nxt: _Token, before: str, text: str) -> Suggestion | None:
        """``prob-Jem``, ``be-caine``: a word broken at a line end whose halves the hyphen
        stage could not join into a word, because one is misread. The join (a capital
        after the hyphen is the misreading's: ``Jem``, ``Ples``; a leading ``J`` may be an
        ``l``, :data:`CAPITAL_FOR_L`) is judged as a word the lexicon lacks: one of its
        readings, where it clears the bar against keeping the halves as printed."""
        first, second = token.core, nxt.core
        if not (first.isalpha() and second.isalpha() and len(first) >= 2 and len(second) >= 2
                and (second[1:].islower() and first[1:].islower())):
            return None
        words, known = self.lexicon.words, self._known
        if known(first.lower() + second) or known(first + second):
            return None  # a compound the hyphen stage kept (to-day, Common-wealth): its call
        heads = [second.lower()] + (["l" + second[1:]] if second[0] == CAPITAL_FOR_L else [])
        options: list[tuple[float, str, float]] = []
        for head in heads:
            joined = first.lower() + head
            if known(joined) and not Lexicon.proper_only(joined):  # princi-Ples
                options.append((self._score(joined, 0.0, before, ""), joined, 0.0))
                continue
            found, _, _ = _readings(joined, words, self.model.reading(joined))
            options += [(self._score(c, cost, before, ""), c, cost)
                        for c, cost, proper in found if not proper]
        if not options:
            return None
        options.sort(key=lambda o: (-o[0], o[1]))
        best_score, best, cost = options[0]
        # Keeping the halves as printed: a word the lexicon lacks, in small letters.
        keep = self._keep_score(first.lower() + second.lower(), "lower")
        log_odds = best_score - _logsumexp([keep] + [o[0] for o in options[1:] if o[1] != best])
        if log_odds < self.thresholds.suggest:
            return None
        end = nxt.start + len(second)
        replacement = _cased(best, first, starts_sentence(text, token.start))
        # Two words a hyphen joins (do-pend) may be a compound: the join must be surer.
        bar = (self.thresholds.known_join if self._vouched(token) and self._vouched(nxt)
               else self.thresholds.apply)
        return Suggestion(token.start, end, text[token.start:end], replacement, round(log_odds, 3),
                          log_odds >= bar, Kind.HYPHEN,
                          f"a line-end hyphen kept, its join misread: {self._note(best, cost, before, '')}"
                          f"; log-odds {log_odds:.1f}")

    def _join(self, token: _Token, nxt: _Token, previous: str, gaps: list[str], i: int,
              text: str, known: bool = False) -> Suggestion | None:
        """``con sulting``: a space the OCR put inside a word. Two ``known`` words
        (``ex posed``) are joined only from :attr:`Thresholds.known_join`, and only when
        each has two letters or more and the second is in small letters."""
        a, b = token.core, nxt.core
        if token.core != token.text or not (a.isalpha() and b.isalpha()) or _at_line_break(text, nxt):
            return None
        if known and (len(a) < 2 or len(b) < 2 or not b.islower() or len(a) + len(b) < 5):
            return None
        if b[:1].isupper() and not (a.isupper() and b.isupper()):
            return None
        joined = a + b
        if len(a) > 1 and a.isupper() and b.islower():
            joined = a[0] + (a[1:] + b).lower()  # "OF ficials": "Officials", capitals misread
        lower = joined.lower()
        cost, misread = 0.0, ""
        if not self._known(lower) or (self.lexicon.proper_only(lower) and a.islower()):
            if known or min(len(a), len(b)) < JOIN_MISREAD_HALF or not b.islower() or not (
                    a.islower() or a[1:].islower()) or self._vouched(token):
                return None
            # "recio ient", "Trea fury": the halves of a word, misread where it split (its first
            # half no word: so were those of every such join of the ocr-pairs that was the gold's).
            found = _join_readings(lower, len(a), self.lexicon.words, self.model.reading(lower))
            if not found:
                return None
            misread = lower
            lower, cost = max(found, key=lambda cc: (self._log_p(cc[0]) - cc[1], cc[0]))
            joined = _cased(lower, joined)
        before = previous if i and gaps[i - 1].isspace() else ""
        shape_a = _shape(a, starts_sentence(text, token.start))
        score = -self.model.space_inserted - cost + self._log_p(lower) + (
            language.association(before, lower) if before else 0.0)
        keep = 0.0
        for part, shape in ((a, shape_a), (b, "lower" if b.islower() else "upper")):
            if self._vouched(_Token(0, 0, part, part)):
                keep += self._log_p(part.lower(), True)
                continue
            alone = self._keep_score(part, shape if shape != "mixed" else "lower")
            if misread:  # or two words, this half misread ("long timne": time)
                half = part.lower()
                read = _readings(half, self.lexicon.words, self.model.reading(half))[0]
                alone = _logsumexp([alone] + [self._score(c, c_cost, "", "")
                                              for c, c_cost, proper in read if not proper])
            keep += alone
        keep += language.association(a.lower(), b.lower())
        odds = score - keep
        if odds < (self.thresholds.known_join if known else self.thresholds.join_misread
                   if misread else self.thresholds.suggest):
            return None
        end = nxt.start + len(b)  # a possessive ending stays as printed
        return Suggestion(token.start, end, text[token.start:end], joined, round(odds, 3),
                          odds >= self.thresholds.apply, Kind.JOIN,
                          f"{joined!r} is a word; space inside it "
                          f"(P={math.exp(-self.model.space_inserted):.1e})"
                          + (f", {misread!r} misread (P={math.exp(-cost):.1e})" if misread else "")
                          + f"; log-odds {odds:.1f}")


@functools.lru_cache(maxsize=100_000)
def _vouched_form(core: str, lexicon: Lexicon) -> bool:
    """:meth:`Judge._vouched` of a word the lexicon lacks as printed: it depends on the word
    and the lexicon alone (cached per process, not per judge: a judge is made per block and
    pass, and a document's blocks and passes ask about the same forms)."""
    lower = core.lower()
    if lower in lexicon.words:
        return True
    if lexicon.knows(core) or not core.isascii():
        return True
    if core.isupper() and len(core) <= ACRONYM or NUMBER_LIKE.fullmatch(core):
        return True
    digits = sum(c.isdigit() for c in core)
    if digits and digits * 2 >= len(core):
        return True
    return lower in protected_words() or _derived(lower, lexicon.words)


def _derived(lower: str, known: frozenset[str]) -> bool:
    """A known word with an ending or a prefix (``handlings``, ``underdoing``):
    the word lists lack many such forms, and OCR seldom makes one."""

    def word(stem: str) -> bool:  # a name takes a plural, no other ending: "moetings" is no Moet's
        return stem in known and not Lexicon.proper_only(stem)
    if _undoubled(lower, known):
        return False
    for suffix in SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 4 and (
                lower[:-1] in known if suffix == "s" else word(lower[:-len(suffix)])):
            return True
    for prefix in PREFIXES:
        if lower.startswith(prefix) and len(lower) - len(prefix) >= 4 \
                and word(lower[len(prefix):]):
            return True
    return False


def _undoubled(lower: str, known: frozenset[str]) -> bool:
    """``lower`` is a known word with one of its doubled letters read once (``comission``,
    ``shopers``): an ending or a prefix that makes it of other words (``co`` + ``mission``)
    is no proof then, since a doubled letter read as one is a misreading the channel knows
    (:func:`~.model._doubled_letters`), and the judge weighs the two.

    >>> from textkit.lexicon import default_lexicon
    >>> words = default_lexicon().words
    >>> _undoubled("comission", words), _undoubled("coworkers", words)
    (True, False)
    """
    for i in range(1, len(lower)):
        letter = lower[i]
        if letter == lower[i - 1] or letter not in DOUBLED:
            continue
        text = lower[:i] + letter + lower[i:]
        if text in known and not Lexicon.proper_only(text):
            return True
    return False


@functools.lru_cache(maxsize=100_000)
def _lower_may_be_misread(core: str) -> bool:
    """Whether a known word in lower case may still be a misreading: it depends on the word alone
    (cached per process, as :func:`rivals` is: most words of a text are such words)."""
    return (len(core) >= 2 and core.isalpha() and core.isascii() and bool(rivals(core))
            and core not in protected_words())


@functools.lru_cache(maxsize=100_000)
def _capital_may_be_misread(core: str) -> bool:
    """Whether a known word not in lower case may still be a misreading, but for its place: a
    capitalized word that may be misread where it starts a sentence (cached per process)."""
    if len(core) < 2 or not core.isalpha() or not core.isascii():
        return False
    return (core[:1].isupper() and core[1:].islower() and bool(rivals(core.lower()))
            and core.lower() not in protected_words())


@functools.lru_cache(maxsize=50_000)
def _confusion(lower: str, reading: str) -> tuple[str, str] | None:
    """The one ``(seen, printed)`` confusion that turns ``lower`` into ``reading``, if one
    (:func:`~.model.confusions`: a word alignment each, cached per process)."""
    pairs = list(confusions([(lower, reading)]))
    return pairs[0] if len(pairs) == 1 else None


def _may_be_own(lower: str, reading: str, own: Mapping[tuple[str, str], float]) -> bool:
    """Might :func:`_confusion` of ``lower`` and ``reading`` be one of ``own``'s? (Its two sides
    are parts of the two words: where no pair of ``own`` is, no alignment need be made.)"""
    a, b = lower.lower(), reading.lower()
    return any(seen in a and printed in b for seen, printed in own)


_Found = tuple[dict[str, float], dict[str, float]]
_Rest = tuple[tuple[tuple[str, float], ...], tuple[str, ...]]
_NO_REST: _Rest = ((), ())


@functools.lru_cache(maxsize=100_000)
def _readings(lower: str, words: frozenset[str], model: ChannelModel
              ) -> tuple[tuple[tuple[str, float, bool], ...], tuple[tuple[str, str], ...], _Rest]:
    """The candidate readings of a word form: ``(reading, cost, a name only)``, the
    likeliest :data:`MAX_READINGS` by channel and frequency; its splits into
    two words; and what the search found besides (the readings beyond those, and which
    of all were by an unseen substitution: nothing, for most words), from which an
    adapted model's search of the word starts (:func:`_searched`). Cached per process:
    forms recur across the blocks of a volume (a frozenset hashes once)."""
    known, reach = words.__contains__, prefix_reach(words)
    if model.adapted_from is None:
        found = search(lower, known, model, reach=reach)
    else:  # only the cues' rules to apply (the word was searched under the origin, as a rule)
        found = adapted_search(lower, known, model, _searched(lower, words, model.adapted_from),
                               reach=reach)
    ranked = sorted(merged(found, lower).items(),
                    key=lambda rc: (rc[1] - language.log_unigram(rc[0]), rc[0]))
    two = tuple((a, b) for a, b in splits(lower, known)
                if len(a) + len(b) >= 4 or b == "a")  # "isa": "is a"
    rest = (tuple(ranked[MAX_READINGS:]), tuple(found[1]))
    return (tuple((c, cost, Lexicon.proper_only(c)) for c, cost in ranked[:MAX_READINGS]), two,
            rest if rest[0] or rest[1] else _NO_REST)


def _searched(lower: str, words: frozenset[str], model: ChannelModel) -> _Found:
    """:func:`~.candidates.search` of ``lower`` under ``model``, rebuilt from :func:`_readings`
    (cached there: an adapted model's document searched its words under its origin first;
    the word itself, which the search may find, is left out: it is never a reading)."""
    kept, _, (extra, unseen) = _readings(lower, words, model)
    learned = {c: cost for c, cost, _ in kept}
    learned.update(extra)
    if not unseen:
        return learned, {}
    by_unseen = {c: learned.pop(c) for c in unseen}
    return learned, by_unseen


CLASSIC = 1.2
"""The cost, in :mod:`~textkit.repair.confusions`' units, of its classic confusions (rn/m,
cl/d, li/h, I/l, O/0, e/c, ii/u): those every engine makes."""


@functools.lru_cache(maxsize=20_000)
def _classic(lower: str, reading: str) -> bool:
    """Is ``reading`` a classic confusion from ``lower`` (``ln``/``in``)?"""
    found = explain(lower, reading, max_cost=CLASSIC)
    return found is not None


@functools.lru_cache(maxsize=20_000)
def _one_substitution(lower: str, words: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The known words of two letters or more one letter from ``lower``, each with that letter."""
    out = []
    for i, seen in enumerate(lower):
        head, tail = lower[:i], lower[i + 1:]
        for letter in LETTERS:
            text = head + letter + tail
            if letter != seen and len(text) > 1 and text in words:
                out.append((text, letter))
    return tuple(out)


JOIN_REACH = 2
"""A word the scan split at a damaged glyph is misread where it split (``recio ient``,
``Trea fury``): every edit of a misread join lies this close to the space."""


@functools.lru_cache(maxsize=50_000)
def _join_readings(joined: str, at: int, words: frozenset[str], model: ChannelModel
                   ) -> tuple[tuple[str, float], ...]:
    """The known words (no names) one confusion turns ``joined`` (lower case) into, each with
    its cost, where the confusion lies within :data:`JOIN_REACH` of ``at``, the space the
    scan put there (``recioient``: recipient; ``ination`` is no ``nation``).

    >>> from textkit.lexicon import default_lexicon
    >>> words = default_lexicon().words
    >>> [c for c, _ in _join_readings("recioient", 5, words, ChannelModel.load())]
    ['recipient']
    >>> "nation" in dict(_join_readings("ination", 3, words, ChannelModel.load()))
    False
    """
    first, last = max(0, at - JOIN_REACH), min(len(joined), at + JOIN_REACH)
    upto = prefix_reach(words)(joined)  # no edit past it makes a word (the search's prune)
    found = {text: cost for text, cost in one_step(joined, model, BUDGET, start=first, stop=last,
                                                   last=upto).items()
             if text in words}
    for i in range(first, min(last, upto + 1)):  # any letter for another, at an unseen edit (as readings())
        head, tail = joined[:i], joined[i + 1:]
        for letter in LETTERS:
            text = head + letter + tail
            if text in words and letter != joined[i]:
                cost = model.unseen_cost(letter)
                if cost <= BUDGET and cost < found.get(text, math.inf):
                    found[text] = cost
    found.pop(joined, None)
    for text in [t for t in found if Lexicon.proper_only(t)]:
        del found[text]
    return tuple(sorted(found.items(), key=lambda tc: (tc[1], tc[0])))


LINE_END_HYPHEN = re.compile(r"-[ \t]*\r?\n")
LINE_START_AFTER_HYPHEN = re.compile(r"-[ \t]*\r?\n[ \t]*$")


def _at_line_break(text: str, token: _Token) -> bool:
    """Half of a word broken at a line end (``eco-`` / ``nomic``): the dehyphenation
    stage joins those, and each half alone is no misreading."""
    return bool(LINE_END_HYPHEN.match(text, token.end)
                or LINE_START_AFTER_HYPHEN.search(text, max(0, token.start - 8), token.start))


PRONOUN_AFTER = re.compile(r"[ \t]+(?:[a-z]+(?:['’][a-z]+)?|[a-z]*['’](?:m|ll|ve|d))\b")


def _pronoun_context(text: str, token: _Token, before: str) -> bool:
    """``|`` read for ``I``: a pronoun has a word in small letters after it (``| think``,
    ``| am``, ``| ’ll``); a bar before a capital or a figure, or after a figure
    (``Table 1 | Column A``, ``1990 | 1991``), is a rule, no pronoun."""
    if not PRONOUN_AFTER.match(text, token.end):
        return False
    left = text[max(0, token.start - 8):token.start].rstrip()[-1:]
    return not (left.isdigit() or left == "|")


STOPS = ".!?"
"""What ends a sentence for :func:`_after_stop` (a colon is often followed by a small letter)."""


def _after_stop(text: str, start: int) -> bool:
    """The word at ``start`` follows a full stop after a word (closing quotes and a space
    between; a figure's stop is as often a number's or the scan's: ``1986. mwetings``).

    >>> _after_stop("the last. ither", 10), _after_stop("as follows: the", 12), _after_stop("ither", 0)
    (True, False, False)
    >>> _after_stop("in 1986. mwetings", 9)
    False
    """
    before = text[max(0, start - 8):start].rstrip().rstrip("”’\"')")
    return len(before) > 1 and before[-1] in STOPS and before[-2].isalpha()


def _shape(word: str, sentence_start: bool) -> str:
    if word.islower():
        return "lower"
    if word.isupper():
        return "upper"
    if word[:1].isupper() and word[1:].islower():
        return "initial" if sentence_start else "capitalized"
    return "mixed"


def _cased(reading: str, like: str, sentence_start: bool = False) -> str:
    """``reading`` (lower case) cased as the scanned word: ``The``, ``THE``, ``the``.

    A capital ``I`` the scan took for ``l`` or ``1`` starts a sentence:

    >>> _cased("in", "ln", sentence_start=True), _cased("in", "ln")
    ('In', 'in')
    """
    if like.isupper() and len(like) > 1:
        return reading.upper()
    if like[:1].isupper() or (sentence_start and like[:1] in "l1|" and reading[:1] == "i"):
        return reading[:1].upper() + reading[1:]
    return reading


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def _with_confidence(found: Suggestion, confidence: float, thresholds: Thresholds) -> Suggestion:
    """The OCR engine's own confidence in the word as printed shifts the odds."""
    c = min(max(confidence, 1e-4), 1 - 1e-4)
    shift = math.log(c / (1 - c)) - math.log(NEUTRAL_CONFIDENCE / (1 - NEUTRAL_CONFIDENCE))
    odds = found.log_odds - shift
    return Suggestion(found.start, found.end, found.original, found.replacement, round(odds, 3),
                      odds >= thresholds.apply, found.kind,
                      f"{found.evidence}; OCR confidence {confidence:.2f} ({-shift:+.1f})")
