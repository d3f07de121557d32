"""The repaired reading text as plain text, for people who want text, not XML.

Titles, author lines, headings and paragraphs are separated by blank lines;
a block quotation is indented by four spaces. A footnote's reference is
``[n]`` at its anchor, and the note follows its paragraph as ``[n] text``;
notes with no text to attach to (kept at the end of the TEI) end the text so.
A soft hyphen or ``¬`` that ends a block marks a line break the block does not
have (a note cut off at its page's foot): it is no part of the reading, and
printed before the next block it would join the two on a second reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..layout.joining import SOFT_HYPHENS
from ..model import Block, BlockKind, Division, Document


def plain_text(doc: Document) -> str:
    """The reading text of ``doc``: blocks separated by blank lines."""
    return "\n\n".join(_paragraphs(doc)) + "\n" if doc.texts or doc.title or doc.unplaced_notes else ""


def _paragraphs(doc: Document) -> Iterator[str]:
    if doc.title:
        yield doc.title
    for text in doc.texts:
        if text.title.text:
            yield from _block(text.title)
        if text.byline is not None:
            yield from _block(text.byline)
        if text.affiliation is not None:
            yield from _block(text.affiliation)
        yield from _blocks(text.blocks)
        yield from _divisions(text.divisions)
    for note in doc.unplaced_notes:  # no text to attach them to: at the end, as in the TEI
        yield f"[{note.n or '*'}] {_reading(note.text)}"


def _divisions(divisions: Iterable[Division]) -> Iterator[str]:
    for division in divisions:
        yield from _block(division.head)
        yield from _blocks(division.blocks)
        yield from _divisions(division.divisions)


def _blocks(blocks: Iterable[Block]) -> Iterator[str]:
    for block in blocks:
        yield from _block(block)


def _block(block: Block) -> Iterator[str]:
    text, notes = block.text, []
    for anchor in sorted(block.notes, key=lambda a: a.offset, reverse=True):
        label = f"[{anchor.note.n}]" if anchor.note.n else "[*]"
        text = text[:anchor.offset] + label + text[anchor.offset:]
        notes.append(f"{label} {_reading(anchor.note.text)}")
    if block.kind is BlockKind.QUOTE:
        text = "    " + text
    yield _reading(text)
    yield from reversed(notes)


def _reading(text: str) -> str:
    """``text`` without the line-end marks of a line break it does not hold (see the module)."""
    return text.rstrip("".join(SOFT_HYPHENS)) if text.endswith(SOFT_HYPHENS) else text
