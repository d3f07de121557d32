"""The marks stage: take out the opening quotes a degraded scan adds to the text.

Tesseract's reading of a degraded page puts a ``‘`` before many a word, most
often a capital at a line's start (``‘The Workshop``, a paragraph or a note
that starts ``‘The``): a speck of noise before a letter reads as the quote.
Such a document has many ``‘`` and few closing ``’``; a text with real single
quotations closes about as many as it opens (British ``‘…’``, a quotation
inside a double one). So the stage acts only where the whole document's
single quotes are unbalanced that way (more than
:data:`~textkit.layout.footnotes.SINGLE_QUOTE_NOISE` times as many opening as
closing, the same test the footnote layout uses), and then only on a ``‘``
that nothing closes: in its block, the next single quote after it is another
opening one, or there is none. A ``‘`` before a digit or an elided word of the
language (``‘tis``, ``‘em``, ``‘90s``) is an apostrophe, never counted nor
removed. Each removal is a :attr:`~textkit.model.Rule.SCAN_MARK` correction,
so the scan's reading stays in the TEI (``sic``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lang import profile
from ..layout.footnotes import SINGLE_QUOTE_NOISE
from ..layout.joining import LEADING, broken_word
from ..model import Block, Breaks, Confidence, Document, Footnote, Rule
from ..model import changed as replace
from .edits import apply_edits, proposal

_QUOTES = re.compile(r"(?<!\w)‘(?=([^\W\d_]+))|(?<=\S)[’'](?!\w)")
"""An opening ``‘`` (at a word's start, before a letter: the word is the group) or a
closing ``’`` (one no letter follows: ``workshop’s`` holds an apostrophe, ``case.’``
closes; a straight ``'`` too, which a scan may read for the closing one)."""


def remove_scan_marks(doc: Document) -> Document:
    """The marks stage over every block and footnote of ``doc``.

    >>> from textkit.model import BlockKind, Text, TextKind
    >>> paras = tuple(Block(BlockKind.PARAGRAPH, t, n, n) for n, t in enumerate(
    ...     ["‘The port grew.", "It said ‘no’ twice.", "‘The town ‘Then", "‘tis so.", "‘The end."], 2))
    >>> text = Text(TextKind.ESSAY, Block(BlockKind.HEAD, "‘The Ports", 1, 1), (), None, paras)
    >>> fixed = remove_scan_marks(Document("x.txt", "", "", texts=(text,)))
    >>> [b.text for b in fixed.blocks()]
    ['The Ports', 'The port grew.', 'It said ‘no’ twice.', 'The town Then', '‘tis so.', 'The end.']
    >>> [b.original_text() for b in fixed.blocks()][0]
    '‘The Ports'
    """
    elisions = profile(doc.options.language).elisions
    opening = closing = 0
    for text in _texts(doc):
        if "‘" in text or "’" in text:
            for match in _QUOTES.finditer(text):
                if match.group(1) is None:
                    closing += 1
                elif not _elided(match.group(1), elisions):
                    opening += 1
    if opening <= SINGLE_QUOTE_NOISE * max(closing, 1):
        return doc  # the document's single quotes may be real: every one is kept
    note = f"a mark the scan added: the document opens {opening} single quotes and closes {closing}"

    def block(b: Block) -> Block:
        if "‘" not in b.text:
            return b
        edits = [proposal(start, start + 1, b.text, "", Rule.SCAN_MARK, Confidence.MEDIUM,
                          b.line_at(start), note)
                 for start in unclosed_quotes(b.text, elisions)]
        return _rebroken(apply_edits(b, edits)) if edits else b

    def footnote(n: Footnote) -> Footnote:
        fixed = block(n.as_block())
        return n.with_block(fixed) if fixed.corrections is not n.corrections else n

    return doc.map_blocks(block).map_footnotes(footnote)


def _rebroken(block: Block) -> Block:
    """``block`` with the line breaks a removed mark opened marked as the joining marks a
    word broken at a line end (``diag-`` / ``‘nosis``: the hyphen stage now decides it)."""
    removed = {c.start for c in block.corrections if c.rule is Rule.SCAN_MARK}
    breaks = Breaks(block.breaks)
    if not any(b.offset in removed and not b.hyphen for b in breaks):
        return block
    text = block.text
    return replace(block, breaks=Breaks(
        replace(b, hyphen=True) if b.offset in removed and not b.hyphen and broken_word(text[:b.offset])
        and LEADING.match(text[b.offset:b.offset + 1]) else b for b in breaks))


def unclosed_quotes(text: str, elisions: Iterable[str] = ()) -> list[int]:
    """The offsets of the opening ``‘`` of ``text`` that no ``’`` closes: the next
    single quote after each is another opening one, or there is none.

    >>> unclosed_quotes("‘The town. He said ‘no’ and ‘yes’.")
    [0]
    >>> unclosed_quotes("‘tis ‘em ‘1990 ‘Then", {"tis", "em"})
    [15]
    """
    elided = frozenset(elisions)
    events = [(m.start(), m.group(1) is not None) for m in _QUOTES.finditer(text)
              if m.group(1) is None or not _elided(m.group(1), elided)]
    return [at for (at, opens), (_, then_opens) in zip(events, [*events[1:], (len(text), True)])
            if opens and then_opens]


def _elided(word: str, elisions: Iterable[str]) -> bool:
    """``‘word`` is an apostrophe where letters were left out (``‘tis``, ``‘Twas``)."""
    return word.lower() in elisions


def _texts(doc: Document) -> Iterable[str]:
    for b in doc.blocks():
        yield b.text
        for anchor in b.notes:
            yield anchor.note.text
    for n in doc.unplaced_notes:
        yield n.text
