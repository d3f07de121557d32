"""Correct OCR misreadings (issue #3): the ``ocr`` stage of the pipeline.

A word is corrected only when the evidence is strong:

1. it is not a word (the shipped lexicon, the field terms, the user's words)
   — or it is a word almost nobody writes (``ln``) and a common word that
   the OCR model turns it into fits its neighbours (``In addition``);
2. the OCR confusion model (:mod:`textkit.repair.confusions`) turns it into
   a known word: ``unfaimess`` is ``unfairness`` with ``rn`` read as ``m``;
3. the candidate is probable: common in English, used elsewhere in the same
   document, or supported by its neighbours (symspellpy's bigram counts),
   and no other candidate comes close.

Capitalized words and acronyms are names until proven otherwise: they change
only into a form the document itself spells elsewhere (``LAEA`` → ``IAEA``),
except a capitalized common word at the start of a sentence or in a heading.
Numbers, words with non-ASCII letters and words repeated the same way three
times in the document are left alone.

A name the variant generator cannot reach (two rarer confusions) is looked
up among the document's own names with symspellpy's edit-distance search,
and kept only if the OCR model explains the difference (the search is made
only when some name of the document is within the reach of such a chain:
:func:`.candidates.names_in_reach`).

Every change is a :class:`~textkit.model.Correction` with its rule, a
confidence and a note that says what the evidence was. A correction is in
turn evidence for others (its neighbours' context, the document's spelling),
so the stage repeats until nothing changes: running it twice changes nothing
more.
"""


from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain

from ...lexicon import Lexicon, lexicon_for
from ...model import Block, BlockKind, Correction, Document, Footnote
from ...model import changed as replace  # dataclasses.replace, at a third of its cost
from ..edits import Moved, apply_edits_noted, recount
from ..frozen import frozen_heap
from ..spelling import Vocabulary
from .judge import WORD, Changed, Judge, _stem

__all__ = ["Judge", "correct_ocr", "document_words", "find_misreadings"]

log = logging.getLogger(__name__)

MAX_PASSES = 3
"""Passes over the document at most (a second one rarely finds anything)."""

def correct_ocr(doc: Document) -> Document:
    """Correct the OCR misreadings of every block and footnote of ``doc``.

    >>> from textkit.model import Text, TextKind
    >>> p = Block(BlockKind.PARAGRAPH, "ln addition, some people wam against unfaimess.", 3, 3)
    >>> text = Text(TextKind.ESSAY, Block(BlockKind.HEAD, "ON FAIRNESS", 1, 1), (), None, (p,))
    >>> doc = Document("x.txt", "", "", texts=(text,))
    >>> fixed = correct_ocr(doc)
    >>> fixed.texts[0].blocks[0].text
    'In addition, some people warn against unfairness.'
    >>> [(c.original, c.rule.value) for c in fixed.corrections()]
    [('ln', 'I-l'), ('wam', 'rn-m'), ('unfaimess', 'rn-m')]
    """
    with frozen_heap():  # the tables out of the collector's walks (see ..frozen)
        return _correct_ocr(doc)


def _correct_ocr(doc: Document) -> Document:
    options = doc.options
    lex = lexicon_for(frozenset(options.user_words), options.language)
    # A correction is evidence for the next ("of" now attested helps another "0f"):
    # repeat until nothing changes, so that running the stage again changes nothing.
    # A later pass judges again only the words the last one's changes concern (the
    # forms whose counts moved): the others would get the same verdict.
    suspects: dict[str, bool] = {}  # whether a word may be a misreading (the word alone decides)
    vocabulary: Vocabulary | None = None
    changed: Changed | None = None
    counts = _counts(doc)  # the document's words, moved by each pass's edits (recount)
    for _ in range(MAX_PASSES):
        previous, vocabulary = vocabulary, Vocabulary(counts)
        if previous is not None:
            assert changed is not None
            changed = Changed(changed.forms, vocabulary.share_lookalikes(previous))
        corrector = _Corrector(lex, options.user_words, vocabulary, suspects, changed)
        doc = doc.map_blocks(corrector.block)
        doc = replace(doc, unplaced_notes=tuple(corrector.footnote(n) for n in doc.unplaced_notes))
        if not corrector.edits:
            break
        changed = Changed(frozenset(corrector.forms), frozenset())
        recount(counts, corrector.moved, _count)
    return doc


def find_misreadings(text: str, *, vocabulary: Vocabulary | None = None,
                     user_words: frozenset[str] = frozenset(), heading: bool = False) -> list[Correction]:
    """The OCR misreadings in ``text`` (a paragraph, heading or footnote).

    ``vocabulary`` is the whole document's (this text alone when omitted).

    >>> [(f.original, f.replacement, f.confidence.value)
    ...  for f in find_misreadings("Economic unfaimess and self-govemance, Keynsian views.")]
    [('unfaimess', 'unfairness', 'high'), ('govemance', 'governance', 'high')]
    """
    if vocabulary is None:
        vocabulary = Vocabulary(document_words([text]))
    judge = Judge(lexicon_for(user_words), user_words, vocabulary)
    return list(judge.findings(text, heading=heading))


def _counts(doc: Document) -> Counter[str]:
    """The words of every block and footnote of ``doc`` (:func:`document_words`), counted."""
    counts: Counter[str] = Counter()
    for text in chain((b.text for b in doc.blocks()), (n.text for n in doc.footnotes())):
        counts.update(document_words([text]))  # a block's words at a time, not the volume's
    return counts


def _count(text: str) -> Counter[str]:
    return Counter(document_words([text]))


def document_words(texts: Iterable[str]) -> Iterator[str]:
    """Every word form in ``texts``, possessive endings removed.

    >>> list(document_words(["Japan’s IAEA, self-rule."]))
    ['Japan', 'IAEA', 'self', 'rule']
    """
    return iter([_stem(word)[0] for text in texts for word in WORD.findall(text)])


class _Corrector:
    """Applies the judge's findings to each block and footnote of a document."""

    def __init__(self, lex: Lexicon, user_words: frozenset[str], vocabulary: Vocabulary,
                 suspects: dict[str, bool], changed: Changed | None = None) -> None:
        self.judge = Judge(lex, user_words, vocabulary, suspects)
        self.changed = changed
        self.edits = 0
        """How many corrections this pass made."""
        self.forms: set[str] = set()
        """The case-folded forms whose counts this pass's corrections moved."""
        self.moved: list[Moved] = []
        """The texts this pass's corrections changed (to move the document's counts by)."""

    def block(self, block: Block) -> Block:
        """``block`` and its footnotes corrected (an author line's names are left alone)."""
        if block.kind is not BlockKind.BYLINE:
            edits = [replace(fix, line=block.line_at(fix.start))
                     for fix in self.judge.findings(block.text, heading=block.kind is BlockKind.HEAD,
                                                    changed=self.changed)]
            self.edits += len(edits)
            for fix in edits:
                self.forms.update(w.lower() for w in (*fix.original.split(), *fix.replacement.split()))
            block = apply_edits_noted(block, edits, self.moved) if edits else block
        notes = tuple(replace(anchor, note=self.footnote(anchor.note)) for anchor in block.notes)
        return replace(block, notes=notes) if notes != block.notes else block

    def footnote(self, note: Footnote) -> Footnote:
        fixed = self.block(note.as_block())
        return note.with_block(fixed) if fixed.corrections != note.corrections else note


