"""The footnote stage: take each glued reference numeral out of the text.

The structure stage places each footnote at its reference numeral and
leaves the numeral in the text, as printed (``order.2 What``); this stage
removes it as a :attr:`~textkit.model.Rule.FOOTNOTE_MARKER` correction, so
the note stands where the numeral was and the scan's reading can be rebuilt.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Block, Confidence, Correction, Document, Footnote, Rule
from .edits import apply_edits


def remove_markers(doc: Document) -> Document:
    """The footnote stage over every block of ``doc``, and the head of every note."""
    return doc.map_blocks(remove_block_markers).map_footnotes(remove_note_marker)


def remove_note_marker(note: Footnote) -> Footnote:
    """``note`` without the misread numeral at its head (``?Yoko`` → ``Yoko``), recorded.

    >>> fixed = remove_note_marker(Footnote("2", "?Yoko Hirata, interview.", 9, marker="?", inferred=True))
    >>> fixed.text, fixed.marker, fixed.as_block().original_text()
    ('Yoko Hirata, interview.', '', '?Yoko Hirata, interview.')
    """
    if not note.marker or not note.text.startswith(note.marker):
        return note
    block = note.as_block()
    edit = Correction(Rule.FOOTNOTE_MARKER, 0, len(note.marker), note.marker, "", Confidence.MEDIUM,
                      note.line, f"footnote {note.n}'s numeral, misread {note.marker.strip()!r}")
    return replace(note.with_block(apply_edits(block, [edit])), marker="")


def remove_block_markers(block: Block) -> Block:
    """``block`` without its glued reference numerals, each removal recorded.

    >>> from textkit.model import BlockKind, Footnote, NoteAnchor
    >>> note = Footnote("2", "Ibid.", 9)
    >>> b = remove_block_markers(Block(BlockKind.PARAGRAPH, "order.2 What", 3, 3, notes=(NoteAnchor(6, note, "2"),)))
    >>> b.text, b.notes[0].offset, b.original_text()
    ('order. What', 6, 'order.2 What')
    """
    edits = [Correction(Rule.FOOTNOTE_MARKER, a.offset, a.offset + len(a.marker), a.marker, "",
                        Confidence.HIGH, block.line_at(a.offset), f"reference to footnote {a.marker}")
             for a in block.notes if a.marker]
    if not edits:
        return block
    fixed = apply_edits(block, edits)
    return replace(fixed, notes=tuple(replace(a, marker="") for a in fixed.notes))
