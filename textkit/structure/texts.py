"""The texts of a volume: where each starts, its title and its authors.

A text starts with a title in capitals, one or more lines (often with single
blank lines between), after a run of blank lines or at the top of the input,
and followed by an author line (``Alan D. Romberg``; ``Ann Lee and Bo Park``;
``A, B, and C``). A title printed as ``INTRODUCTION`` or ``PREFACE`` opens
the introduction; every other text is an essay.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..layout.shape import (BYLINE_MAX_CHARS, ENGLISH, ends_with_minor_word, is_caps, is_title_case,
                            split_authors)
from ..model import Language
from ..layout.joining import HYPHENS
from .rows import Row

MAX_TITLE_LINES = 8
MAX_BYLINE_LINES = 6
MAX_TITLE_GAP = 4
"""Blank lines allowed inside a title after a line that cannot end it (``ZONE:``, ``AND``)."""


INSTITUTION_WORDS = frozenset("""
University Universität Université Institute Institution College School Center Centre Foundation
Council Ministry Department Agency Office Academy Laboratory Association Corporation Bank
Commission Society Studies Research Program Programme
""".split())
"""Words that make the line under an author's name an affiliation (``University of Hawaii``)."""


@dataclass(frozen=True, slots=True)
class TextSpan:
    title: list[Row]
    byline: list[Row]
    """The author line, or lines when each author has one."""
    body: list[Row]
    affiliation: Row | None = None


def is_affiliation(text: str) -> bool:
    """A line naming an institution, as printed under an author's name.

    >>> is_affiliation("University of Hawaii"), is_affiliation("Trade and Security")
    (True, False)
    """
    text = text.strip()
    if not text or len(text) > BYLINE_MAX_CHARS or text.endswith((".", ":", ";")):
        return False
    names = [w.strip(",") for w in text.split()]
    return any(w in INSTITUTION_WORDS for w in names) and (is_title_case(text) or is_caps(text))


def find_texts(rows: list[Row], sentinel: str, language: Language = ENGLISH
               ) -> tuple[str, str, list[TextSpan]]:
    """Split rows into texts; also return the volume title and subtitle when the input names them.

    Rows before the first title form an untitled text; a title with no author
    and nothing under it, at the top, is the volume's title, and so is the
    first line(s) of a title page (:func:`title_page`), whose other lines are
    the subtitle.
    """
    # OCR with coordinates says which lines are set as titles (Row.hint);
    # plain text shows them in capitals.
    geometry = any(row.hint for row in rows)
    titled = (lambda r: r.hint == "title") if geometry else (lambda r: is_caps(r.text))
    starts: list[tuple[int, int, Row | None]] = []  # (title start, title end, byline)
    i = 0
    while i < len(rows):
        row = rows[i]
        if (i == 0 or row.gap >= 1 or _new_page(row)) and titled(row):  # the cheap test first
            j = i + 1
            while j < len(rows) and j - i < MAX_TITLE_LINES and titled(rows[j]) and (
                    rows[j].gap <= 1 or rows[j].gap <= MAX_TITLE_GAP and _unfinished(rows[j - 1].text, language)):
                # a title in capitals, then names not in capitals set nearly as large: the byline
                if geometry and is_caps(rows[j - 1].text) and not is_caps(rows[j].text) and split_authors(
                        rows[j].plain(sentinel), language):
                    break
                j += 1
            # a title and its byline stand on one page: a row that opens the next is no byline
            byline = (rows[j] if j < len(rows) and rows[j].gap <= 2 and not rows[j].page_start
                      and split_authors(rows[j].plain(sentinel), language) else None)
            if i == 0 or row.gap >= 2 or byline is not None or (_new_page(row) and _alone(rows, j)):
                starts.append((i, j, byline))
                i = j + (1 if byline else 0)
                continue
        i += 1
    spans: list[TextSpan] = []
    volume_title = subtitle = ""
    page = title_page(rows, starts[0][0]) if starts else None
    if page:
        volume_title, subtitle = (" ".join(r.plain(sentinel).strip() for r in part) for part in page)
    if not starts:
        return volume_title, subtitle, [TextSpan([], [], rows)] if rows else []
    if starts[0][0] > 0 and not page:
        spans.append(TextSpan([], [], rows[:starts[0][0]]))
    for k, (start, end, byline) in enumerate(starts):
        body_start = end + (1 if byline else 0)
        body_end = starts[k + 1][0] if k + 1 < len(starts) else len(rows)
        bylines = [byline] if byline is not None else []
        # Each author on a line of their own, with no blank line between.
        while (bylines and body_start < body_end and rows[body_start].gap == 0
               and len(bylines) < MAX_BYLINE_LINES
               and not is_affiliation(rows[body_start].plain(sentinel))
               and split_authors(rows[body_start].plain(sentinel), language)):
            bylines.append(rows[body_start])
            body_start += 1
        affiliation = None
        if (bylines and body_start < body_end and rows[body_start].gap == 0
                and is_affiliation(rows[body_start].plain(sentinel))):
            affiliation = rows[body_start]
            body_start += 1
        spans.append(TextSpan(rows[start:end], bylines, rows[body_start:body_end], affiliation))
    first = spans[0]
    if page:
        return volume_title, subtitle, spans
    if len(spans) > 1 and first.title and not first.byline and not first.body:
        # as on a title page: the first run of lines is the title, the rest the subtitle
        end = next((k for k in range(1, len(first.title)) if first.title[k].gap), len(first.title))
        volume_title = " ".join(r.text for r in first.title[:end])
        subtitle = " ".join(r.text for r in first.title[end:])
        spans.pop(0)
    return volume_title, subtitle, spans


TITLE_PAGE_MAX_LINES = 6
TITLE_PAGE_MAX_CHARS = 70


def title_page(rows: list[Row], first_text: int) -> tuple[list[Row], list[Row]] | None:
    """The volume's title page, when the input opens with one: ``(title rows, other rows)``.

    A title page is a page of its own before the first text: a few short
    lines, none ending a sentence, and the next page starts the first text.
    Its first run of lines (no blank between) is the volume's title; the
    rest (a subtitle, the occasion) follows it.
    """
    if first_text == 0 or first_text > TITLE_PAGE_MAX_LINES or not rows[first_text - 1:first_text]:
        return None
    if first_text >= len(rows) or not rows[first_text].page_start:
        return None
    head = rows[:first_text]
    first = head[0].text.lstrip(" ‘“'\"([")[:1]
    if not (first.isupper() or first.isdigit()):  # a title is capitalised: a page with ``urveys`` is no title page
        return None
    if any(r.page_start for r in head[1:]) or any(
            len(r.text) > TITLE_PAGE_MAX_CHARS or r.text.rstrip().endswith((".", ";", ",")) for r in head):
        return None
    end = next((k for k in range(1, len(head)) if head[k].gap), len(head))
    return head[:end], head[end:]


def _new_page(row: Row) -> bool:
    """The row opens a page of an input that marks pages (a form feed): a text
    printed on a page of its own starts there, with no blank line before it."""
    return row.page_start and row.gap == 0


def _alone(rows: list[Row], j: int) -> bool:
    """Whatever follows a title that opens a page stands apart from it."""
    return j >= len(rows) or rows[j].gap >= 1


def _unfinished(text: str, language: Language) -> bool:
    stripped = text.rstrip()
    return stripped.endswith((":", ",", "–", "—", *HYPHENS)) or ends_with_minor_word(stripped, language.minor_words)


def is_introduction(title: str, language: Language = ENGLISH) -> bool:
    return title.strip().upper() in language.introduction_titles
