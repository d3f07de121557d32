"""Rendering a TEI document's text as the review page's HTML, collecting its changes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..model import Rule
from .tei import (
    _HYPHENS,
    TEI_NS,
    XML_ID,
    _first,
    _is_join,
    _local,
    _text_of,
    reading_text,
)

KINDS = {
    "ocr": "OCR misreading",
    "initial": "Drop cap restored",
    "hyphen": "Line-end hyphen joined",
}
"""The kinds of change, in the order the page lists them."""

RULE_LABELS = {
    Rule.HYPHEN_JOIN.value: "A line-end hyphen was removed and the halves of the word joined",
    Rule.DROPPED_INITIAL.value: "The drop cap was lost by the OCR; the letter is supplied",
    Rule.DISPLACED_INITIAL.value: "The drop cap stood alone elsewhere; the letter is supplied in place",
    Rule.FOOTNOTE_MARKER.value: "A footnote numeral glued to the text was removed",
    Rule.OCR_RN_M.value: "“rn” read as “m”",
    Rule.OCR_I_L.value: "Capital “I” read as “l” or “1”",
    Rule.OCR_CONFUSION.value: "Another character confusion of the OCR",
    Rule.OCR_DOCUMENT_FORM.value: "A misread form of a word the document spells right elsewhere",
    Rule.SCAN_MARK.value: "A mark the scan added was removed",
}
CERTS = ("high", "medium", "low")
_RESERVED_IDS = frozenset({"top", "toc", "main", "summary", "changes", "filter", "only-low",
                           "filter-status", "legend"})


@dataclass(frozen=True, slots=True)
class Change:
    """One change the TEI records, as the review page shows it."""

    kind: str
    """A key of :data:`KINDS`."""
    rule: str
    """``corr/@type``, ``supplied/@reason`` or ``hyphen-join``."""
    cert: str
    """``high``, ``medium``, ``low`` or ``""`` when the TEI gives none."""
    original: str
    """The scan's reading (``sic``; ``""`` for a supplied letter)."""
    reading: str
    """textkit's reading (``corr``, the supplied letter, the joined word)."""
    anchor: str
    """The page's ``id`` of the highlighted element."""
    where: str
    """The headings above the change, outermost first, joined by " › "."""


def _kind(rule: str) -> str:
    if rule == Rule.HYPHEN_JOIN.value:
        return "hyphen"
    if rule in (Rule.DROPPED_INITIAL.value, Rule.DISPLACED_INITIAL.value):
        return "initial"
    return "ocr"


def _el(tag: str, parent: etree._Element | None = None, text: str | None = None,
        **attrs: str | None) -> etree._Element:
    """A new HTML element (``class_`` for ``class``; ``_`` in names become ``-``)."""
    attrib = {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()
              if value is not None}
    el = etree.Element(tag, attrib) if parent is None else etree.SubElement(parent, tag, attrib)
    if text:
        el.text = text
    return el


def _add_text(parent: etree._Element, text: str | None) -> None:
    """Append ``text`` at the end of ``parent``'s content."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _take_end_text(parent: etree._Element) -> str:
    """The text at the end of ``parent``'s content (removed from it)."""
    if len(parent):
        text, parent[-1].tail = parent[-1].tail or "", None
    else:
        text, parent.text = parent.text or "", None
    return text


class _Renderer:
    """Walks one TEI document once, building the page's reading text and its indexes."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.used_ids: set[str] = set(_RESERVED_IDS) | set(root.xpath("//@xml:id"))
        self._counter = 0
        # Ids of divisions and footnotes are fixed first, so the contents can link them.
        self.page_ids: dict[etree._Element, str] = {}
        for el in root.xpath("//t:div | //t:note[@place='foot']", namespaces={"t": TEI_NS}):
            self.page_ids[el] = self._own_id(el, "div-" if _local(el) == "div" else "fn-")
        self.changes: list[Change] = []
        self.pending_notes: list[tuple[etree._Element, str, str]] = []
        self.footnotes: list[tuple[str, str]] = []
        self.where: list[str] = []
        """The headings above the place being rendered (texts' titles shortened)."""

    # -- ids -------------------------------------------------------------------------
    def new_id(self, prefix: str) -> str:
        while True:
            self._counter += 1
            candidate = f"{prefix}{self._counter}"
            if candidate not in self.used_ids:
                self.used_ids.add(candidate)
                return candidate

    def _own_id(self, el: etree._Element, prefix: str) -> str:
        """The TEI ``xml:id`` of ``el`` (stable links into the page) or a new one."""
        xml_id = el.get(XML_ID)
        if xml_id and re.fullmatch(r"[A-Za-z][\w.\-]*", xml_id) and xml_id not in _RESERVED_IDS:
            return xml_id
        return self.new_id(prefix)

    def id_of(self, el: etree._Element, prefix: str) -> str:
        return self.page_ids.get(el) or self._own_id(el, prefix)

    def render(self, out: etree._Element) -> None:
        """Render the whole text (front, body, back) into ``out``."""
        text_root = _first(self.root, "t:text")
        for part in (text_root if text_root is not None else []):
            if _local(part) in ("front", "body", "back"):
                self.blocks(part, out, 0)
        if self.pending_notes:
            self.flush_notes(out)
        # The filter keeps only the passages holding a low-confidence change.
        for block in out.iter():
            if "blk" in (block.get("class") or "").split() and any(
                    "cert-low" in (el.get("class") or "").split() for el in block.iter("span")):
                block.set("class", block.get("class") + " has-low")

    # -- changes -----------------------------------------------------------------------
    def change(self, parent: etree._Element, *, rule: str, cert: str, original: str,
               reading: str, why: str) -> etree._Element:
        """Append a highlighted change to ``parent``; return the ``mark`` to fill."""
        kind = _kind(rule)
        cert = cert if cert in CERTS else ""
        anchor = self.new_id("chg-")
        tip_id = f"{anchor}-tip"
        self.used_ids.add(tip_id)
        wrapper = _el("span", parent, class_=f"chg kind-{kind} cert-{cert or 'none'}",
                      data_rule=rule, data_cert=cert or None)
        mark = _el("mark", wrapper, id=anchor, tabindex="0", aria_describedby=tip_id)
        tip = _el("span", wrapper, role="tooltip", id=tip_id, class_="tip")
        tip.text = "Scan: "
        _el("span", tip, original, class_="orig")
        if not original:
            _add_text(tip, "(nothing)")
        confidence = f"{cert} confidence" if cert else "unrated"
        _el("span", tip, f" · {rule}" + (f", {cert}" if cert else ""), class_="print-only")
        _el("span", tip, f"{KINDS[kind]} · rule {rule} · {confidence}. {why}".strip(),
            class_="why")
        self.changes.append(Change(kind, rule, cert, original, reading, anchor,
                                   " › ".join(self.where)))
        return mark

    # -- inline content ------------------------------------------------------------------
    def inline(self, tei: etree._Element, out: etree._Element) -> None:
        """Append the mixed content of TEI element ``tei`` to HTML element ``out``."""
        _add_text(out, tei.text)
        for child in tei:
            tail = self.inline_element(child, out)
            _add_text(out, tail)

    def inline_element(self, tei: etree._Element, out: etree._Element) -> str | None:
        """Append one inline TEI element; return the tail text still to append."""
        name = _local(tei)
        tail = tei.tail
        if name == "choice":
            self.choice(tei, out)
        elif name == "supplied":
            reason = tei.get("reason") or "supplied"
            mark = self.change(out, rule=reason, cert=tei.get("cert", ""), original="",
                               reading=_text_of(tei), why="The letter is not in the scan.")
            self.inline(tei, mark)
        elif name == "note" and tei.get("place") == "foot":
            note_id = self.id_of(tei, "fn-")
            ref_id = self.new_id(f"{note_id}-ref")
            number = tei.get("n") or "*"
            sup = _el("sup", out, class_="fnref")
            _el("a", sup, number, href=f"#{note_id}", id=ref_id,
                aria_label=f"footnote {number}")
            self.pending_notes.append((tei, note_id, ref_id))
        elif name == "note":
            span = _el("span", out, class_=f"inline-note note-{tei.get('type') or 'other'}")
            _el("span", span, "Note", class_="label")
            self.inline(tei, span)
        elif name == "lb":
            return self.line_break(tei, out)
        elif name == "pb":
            label = f"page {tei.get('n')}" if tei.get("n") else "page break"
            _el("span", out, label, class_="pb", role="note")
        elif name == "pc" and tei.get("force") == "weak":
            pass  # a soft hyphen: only the join's tooltip shows it
        elif name in ("quote", "q"):
            q = _el("q", out)
            self.inline(tei, q)
        elif name == "p":  # a paragraph inside inline content (quote/p within p)
            span = _el("span", out, class_="tei-p")
            self.inline(tei, span)
            _add_text(out, " ")
        elif not name:  # comment, processing instruction, foreign element: text only
            if isinstance(tei.tag, str):
                _add_text(out, "".join(tei.itertext()))
        else:
            rend = " ".join(f"rend-{token}" for token in (tei.get("rend") or "").split()
                            if re.fullmatch(r"[\w-]+", token))
            span = _el("span", out, class_=f"tei-{name} {rend}".strip())
            self.inline(tei, span)
        return tail

    def choice(self, tei: etree._Element, out: etree._Element) -> None:
        options = {_local(child): child for child in tei}
        original = options.get("sic", options.get("orig", options.get("abbr")))
        reading = options.get("corr", options.get("reg", options.get("expan")))
        if reading is None:  # nothing to show as a change: show what there is
            self.inline(original if original is not None else tei, out)
            return
        note = reading.get("type") or ""
        mark = self.change(out, rule=note or "ocr", cert=reading.get("cert", ""),
                           original=_text_of(original), reading=_text_of(reading),
                           why=RULE_LABELS.get(note, "") + ("." if note in RULE_LABELS else ""))
        self.inline(reading, mark)

    def line_break(self, lb: etree._Element, out: etree._Element) -> str | None:
        """``lb``: a word boundary, or with ``break="no"`` a word broken at the line end."""
        tail = lb.tail or ""
        if lb.get("break") != "no":
            end = (out[-1].tail if len(out) else out.text) or ""
            after_content = not end[-1:].isspace() if end else len(out) > 0
            return " " + tail if after_content and not tail[:1].isspace() else tail
        end = _take_end_text(out)
        if not _is_join(lb, end):
            _add_text(out, end.rstrip())
            return tail.lstrip()
        head = re.search(r"[^\s\-\u00ad\u2010“‘(\[]*[\-\u00ad\u2010]?\s*$", end)
        assert head is not None  # the pattern matches the empty string
        _add_text(out, end[: head.start()])
        first = head.group().strip().rstrip(_HYPHENS)
        rest = re.match(r"\s*(\S*?)(?=[\s,.;:!?”’)\]]|$)", tail)
        assert rest is not None
        second = rest.group(1)
        mark = self.change(out, rule=Rule.HYPHEN_JOIN.value, cert=lb.get("cert", ""),
                           original=f"{first}-\n{second}", reading=first + second,
                           why="The word was broken at a line end.")
        mark.text = first + second
        return tail[rest.end():]

    # -- blocks ------------------------------------------------------------------------
    def blocks(self, tei: etree._Element, out: etree._Element, depth: int) -> None:
        """Render the block children of a TEI ``div`` (or ``body``) into ``out``."""
        for child in tei:
            name = _local(child)
            if not name:
                continue
            if name == "div":
                self.division(child, out, depth + 1)
                continue
            block = self.block(child, out, depth)
            if block is not None and self.pending_notes:
                self.flush_notes(out)

    def block(self, tei: etree._Element, out: etree._Element, depth: int,
              blk: str | None = "blk") -> etree._Element | None:
        """Render one block; ``blk`` marks the passages the filter may hide (not nested ones)."""
        name = _local(tei)
        if name == "head":
            heading = _el(f"h{min(depth + 1, 6)}", out, class_="head")
            self.inline(tei, heading)
            return heading
        if name == "byline":
            byline = _el("p", out, class_="byline")
            self.inline(tei, byline)
            return byline
        if name == "p":
            p = _el("p", out, class_=blk)
            self.inline(tei, p)
            return p
        if name == "quote":
            quote = _el("blockquote", out, class_="blk")
            if any(_local(c) in ("p", "lg", "list") for c in tei):
                for child in tei:
                    if _local(child):
                        self.block(child, quote, depth, blk=None)
            else:
                self.inline(tei, _el("p", quote))
            return quote
        if name == "note" and tei.get("type") == "editorial":
            aside = _el("aside", out, class_="blk editorial", aria_label="editorial note")
            _el("span", aside, "Editorial note", class_="label")
            self.inline(tei, aside)
            return aside
        if name == "note" and tei.get("place") == "foot":
            holder = _el("p", out, class_="blk")
            self.inline_element(tei, holder)
            return holder
        if name == "pb":
            label = f"page {tei.get('n')}" if tei.get("n") else "page break"
            return _el("div", out, label, class_="pb", role="note")
        if name == "lb":
            return None
        other = _el("div", out, class_=f"{blk or ''} tei-{name}".strip())
        self.inline(tei, other)
        return other

    def division(self, tei: etree._Element, out: etree._Element, depth: int) -> None:
        section = _el("article" if depth == 1 else "section", out,
                      class_=f"div div-{tei.get('type') or 'div'}", id=self.id_of(tei, "div-"))
        head = _first(tei, "t:head")
        title = reading_text(head) if head is not None else f"({tei.get('type') or 'division'})"
        self.where.append(title if len(title) <= 32 else title[:30].rstrip() + "…")
        self.blocks(tei, section, depth)
        self.where.pop()

    def flush_notes(self, out: etree._Element) -> None:
        notes, self.pending_notes = self.pending_notes, []
        for tei, note_id, ref_id in notes:
            number = tei.get("n") or "*"
            aside = _el("aside", out, class_="blk footnote", id=note_id, role="note",
                        aria_label=f"footnote {number}")
            _el("a", aside, number, class_="fn-back", href=f"#{ref_id}",
                title="back to the reference")
            _add_text(aside, " ")
            self.inline(tei, aside)
            self.footnotes.append((note_id, number))
            if self.pending_notes:  # a note inside a note: rare, but keep it
                self.flush_notes(out)
