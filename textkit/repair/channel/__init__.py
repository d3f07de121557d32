"""A noisy-channel OCR word corrector learned from real OCR/gold pairs.

Standalone (not yet a pipeline stage): give it a text and it returns
:class:`Suggestion` objects with character offsets, each applied or only
suggested, each with its evidence.

* :mod:`.model`: the learned confusion counts (``data/ocr-channel.json``);
* :mod:`.candidates`: what a scanned word may have been (search only);
* :mod:`.language`: English word and word-pair probabilities;
* :mod:`.judge`: the decision, its thresholds and protections.

>>> from textkit.lexicon import default_lexicon
>>> channel = Channel.load()
>>> text = "It was veiy cold, and tbe wind blew irom the north."
>>> [(s.original, s.replacement, s.applied) for s in channel.suggest(text, lexicon=default_lexicon())]
[('veiy', 'very', True), ('tbe', 'the', True), ('irom', 'from', True)]
>>> apply(text, channel.suggest(text, lexicon=default_lexicon()))
'It was very cold, and the wind blew from the north.'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ...lexicon import Lexicon
from .judge import Judge, Kind, Priors, Suggestion, Thresholds, count_words, protected_words
from .model import ChannelModel

__all__ = ["Channel", "Kind", "Priors", "Suggestion", "Thresholds", "apply", "count_words",
           "protected_words"]


@dataclass(frozen=True, slots=True)
class Channel:
    """The learned channel with the judge's settings (immutable; share it freely)."""

    model: ChannelModel
    thresholds: Thresholds = field(default_factory=Thresholds)
    priors: Priors = field(default_factory=Priors)

    @staticmethod
    @functools.cache
    def load() -> Channel:
        """The shipped model with the calibrated defaults (loaded once per process)."""
        return Channel(ChannelModel.load())

    def suggest(self, text: str, *, lexicon: Lexicon,
                document_counts: Mapping[str, int] | None = None,
                confidences: Mapping[int, float] | None = None,
                protected: frozenset[str] = frozenset(),
                join_hyphens: bool = True,
                kept_hyphens: frozenset[int] = frozenset(),
                noise: tuple[int, int] | None = None,
                total: int | None = None,
                long_s: bool | None = None,
                verdicts: dict[tuple[object, ...], object] | None = None) -> list[Suggestion]:
        """The corrections of ``text``, in order, none overlapping.

        ``lexicon`` vouches for words (pass the pipeline's, with the user's
        words); ``document_counts`` are the whole document's case-folded word
        counts (:func:`count_words`; this text's own when omitted);
        ``confidences`` maps a word's start offset in ``text`` to the OCR
        engine's confidence in it (0..1, from hOCR ``x_wconf``/ALTO ``WC``);
        ``protected`` are words never to change, as printed (the user's
        lexicon: names, terms); ``join_hyphens`` joins ``pecu- niary`` (a hyphen and a space between
        the halves of a word, left where a line break was lost); ``kept_hyphens`` are the
        offsets just after the line-end hyphens a hyphen stage kept (``prob-Jem``: a half
        misread); ``noise`` is
        ``unknown_share(document_counts, lexicon)`` when the caller has it (a
        document's blocks share it), ``total`` the sum of ``document_counts``; ``long_s`` says whether
        the document prints the long s (:func:`~.judge.prints_long_s`; found from ``document_counts``
        when omitted); ``verdicts`` is a dict the caller keeps for one document's passes
        (:attr:`~.judge.Judge.verdicts`: a verdict whose inputs are the same is not weighed again).
        """
        counts = document_counts if document_counts is not None else count_words([text])
        judge = Judge(self.model, lexicon, counts, self.thresholds, self.priors,
                      join_hyphens=join_hyphens, kept_hyphens=kept_hyphens,
                      protected=protected, noise=noise,
                      total=total or 0, long_s=long_s, verdicts=verdicts)  # type: ignore[arg-type]
        return judge.suggestions(text, confidences)

    def correct(self, text: str, *, lexicon: Lexicon,
                document_counts: Mapping[str, int] | None = None,
                confidences: Mapping[int, float] | None = None,
                join_hyphens: bool = True) -> str:
        """``text`` with the applied suggestions made (a convenience for benchmarks)."""
        return apply(text, self.suggest(text, lexicon=lexicon, document_counts=document_counts,
                                        confidences=confidences, join_hyphens=join_hyphens))


def apply(text: str, suggestions: Iterable[Suggestion], *, all_suggestions: bool = False) -> str:
    """``text`` with the applied suggestions (or all, with ``all_suggestions``) made."""
    out, at = [], 0
    for s in sorted(suggestions, key=lambda s: s.start):
        if not (s.applied or all_suggestions) or s.start < at:
            continue
        out.append(text[at:s.start])
        out.append(s.replacement)
        at = s.end
    out.append(text[at:])
    return "".join(out)
