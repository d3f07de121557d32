"""The review page: what textkit did to a volume, at a glance (issue #5).

An editor deciding whether to trust a conversion reads this page, not XML.
:func:`render_review` builds one self-contained HTML page (no network, no
external assets) from the TEI alone, so it shows exactly what the TEI says:

* the outline (texts, authors, headings, footnotes) as a table of contents;
* the reading text, each change highlighted by kind -- OCR misreading
  (``choice/sic+corr``), restored drop cap (``supplied``), line-end hyphen
  join (``lb break="no"``, only in the keep-layout encoding) -- and by
  confidence (``corr/@cert``), with the scan's reading shown on hover and on
  keyboard focus;
* footnotes right after the paragraph that cites them, editorial notes and
  block quotations marked as such;
* a table of changes by rule, and every change listed with a link to it;
* a filter (the page's only script) showing only low-confidence changes.

Everything taken from the TEI is text in the HTML tree (lxml escapes it); the
page's own CSS and script are package data, allowed by a Content Security
Policy that lets nothing else run or load.

>>> page = render_review(
...     '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div xml:id="d1">'
...     '<head>ONE</head><p>An <choice><sic>unfaimess</sic>'
...     '<corr type="rn-m" cert="high">unfairness</corr></choice>.</p>'
...     '</div></body></text></TEI>')
>>> '<a href="#d1">ONE</a>' in page, 'unfaimess' in page
(True, True)
>>> review_counts('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>'
...     '<supplied reason="dropped-initial">I</supplied>n</p></body></text></TEI>')
{'texts': 0, 'headings': 0, 'footnotes': 0, 'changes': 1, 'low': 0}
"""

from __future__ import annotations

import base64
import functools
import hashlib
import logging
import os
import re
import urllib.parse
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from .errors import InputError
from .model import Rule

log = logging.getLogger(__name__)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

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
}
CERTS = ("high", "medium", "low")
_HYPHENS = "-\u00ad\u2010"
_RESERVED_IDS = frozenset({"top", "toc", "main", "summary", "changes", "filter", "only-low",
                           "filter-status", "legend"})
_SAFE_SCHEMES = frozenset({"", "http", "https", "file"})
_COUNT_LABELS = {"texts": "Texts", "headings": "Headings", "footnotes": "Footnotes",
                 "changes": "Changes", "low": "Low confidence"}


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


def _local(el: etree._Element) -> str:
    """The TEI local name of ``el``, or ``""`` for comments, PIs and foreign elements."""
    if not isinstance(el.tag, str):
        return ""
    qname = etree.QName(el)
    return qname.localname if qname.namespace == TEI_NS else ""


def _squash(text: str) -> str:
    return " ".join(text.split())


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


@functools.cache
def _asset(name: str) -> str:
    return resources.files("textkit").joinpath("data", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


def _parse(tei: str | bytes | etree._Element, source: str | None = None) -> etree._Element:
    if isinstance(tei, etree._Element):
        return tei
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             remove_blank_text=False)
    data = tei.encode("utf-8") if isinstance(tei, str) else tei
    if isinstance(tei, str):
        # lxml refuses a str that declares its encoding; the bytes carry it instead.
        data = re.sub(rb"^\s*<\?xml[^>]*\?>", b"", data, count=1)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(f"not well-formed XML ({error}); the review page reads textkit's TEI",
                         source=source) from error
    if etree.QName(root).text != f"{{{TEI_NS}}}TEI":
        raise InputError(f"not a TEI document (root element {etree.QName(root).localname!r} "
                         f"in namespace {etree.QName(root).namespace!r}); "
                         "give the review the TEI that textkit wrote", source=source)
    return root


def _first(root: etree._Element, path: str) -> etree._Element | None:
    found = root.xpath(path, namespaces={"t": TEI_NS})
    return found[0] if found else None


def _text_of(el: etree._Element | None) -> str:
    return _squash("".join(el.itertext())) if el is not None else ""


def reading_text(el: etree._Element) -> str:
    """The text of a TEI element as the page reads it: corrections taken, notes left out.

    >>> reading_text(etree.fromstring('<head xmlns="http://www.tei-c.org/ns/1.0">A '
    ...     '<choice><sic>wam</sic><corr>warn</corr></choice> fun<lb break="no"/>ny'
    ...     '<note place="foot">x</note></head>'))
    'A warn funny'
    """
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        name = _local(node)
        if name in ("sic", "orig", "abbr", "note") or (name == "pc" and node.get("force") == "weak"):
            return
        if name == "lb" and node.get("break") != "no" and parts and not parts[-1][-1:].isspace():
            parts.append(" ")
        if name == "lb" and node.get("break") == "no":
            parts.append("\0")  # joins the halves: whitespace around it goes
        if isinstance(node.tag, str):
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")

    walk(el)
    return _squash(re.sub(r"\s*\0\s*", "", "".join(parts)))


def _is_join(lb: etree._Element, before: str) -> bool:
    """Whether an ``lb break="no"`` records a hyphen textkit removed.

    A hyphen the TEI still has before the break is a compound's own
    (``U.S.-Japan``), kept as printed: no change. A soft hyphen the TEI marks
    ``pc force="weak"`` or drops entirely is a join (``Rule.HYPHEN_JOIN``).
    """
    previous = lb.getprevious()
    if previous is not None and _local(previous) == "pc" and not (previous.tail or "").strip():
        return previous.get("force") == "weak"
    return not before.rstrip().endswith(tuple(_HYPHENS))


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


def _toc(root: etree._Element, page_ids: Mapping[etree._Element, str]) -> etree._Element:
    nav = _el("nav", None, id="toc", aria_label="Contents")
    details = _el("details", nav, open="open")
    _el("summary", details, "Contents", class_="ui")
    top = _el("ol", details)
    _el("li", top).append(_el("a", None, "Summary of changes", href="#summary"))
    _el("li", top).append(_el("a", None, "Every change", href="#changes"))

    def entries(div: etree._Element, ol: etree._Element, depth: int) -> None:
        li = _el("li", ol, class_="toc-text" if depth == 1 else "toc-div")
        head = _first(div, "t:head")
        label = reading_text(head) if head is not None else f"({div.get('type') or 'division'})"
        _el("a", li, label, href=f"#{page_ids[div]}")
        if depth == 1:
            authors = [_text_of(a) for a in div.xpath("t:byline//t:docAuthor", namespaces={"t": TEI_NS})]
            if authors:
                _el("span", li, ", ".join(authors), class_="toc-by")
            notes = div.xpath(".//t:note[@place='foot']", namespaces={"t": TEI_NS})
            if notes:
                line = _el("span", li, "Footnotes: ", class_="toc-notes")
                for i, note in enumerate(notes):
                    if i:
                        _add_text(line, " ")
                    _el("a", line, note.get("n") or "*", href=f"#{page_ids[note]}")
        children = div.xpath("t:div", namespaces={"t": TEI_NS})
        if children:
            sub = _el("ol", li)
            for child in children:
                entries(child, sub, depth + 1)

    for div in root.xpath("t:text/*/t:div", namespaces={"t": TEI_NS}):
        entries(div, top, 1)
    return nav


def _counts_table(changes: Sequence[Change]) -> etree._Element:
    """Changes by rule and confidence, one group of rows per kind; a rule links to its first change."""
    wrap = _el("div", None, class_="table-wrap")
    table = _el("table", wrap, class_="summary-table")
    _el("caption", table, "Changes by rule", class_="ui")
    row = _el("tr", _el("thead", table))
    for label, cls in [("Rule", None), ("What it means", "what"), ("High", "n"), ("Medium", "n"),
                       ("Low", "n"), ("Unrated", "n"), ("Total", "n")]:
        _el("th", row, label, scope="col", class_=cls)
    by_rule: dict[str, Counter[str]] = {}
    first: dict[str, str] = {}
    for change in changes:
        by_rule.setdefault(change.rule, Counter())[change.cert] += 1
        first.setdefault(change.rule, change.anchor)
    for kind, label in KINDS.items():
        rules = sorted(rule for rule in by_rule if _kind(rule) == kind)
        if not rules:
            continue
        body = _el("tbody", table)
        _el("th", _el("tr", body, class_="group"), label, colspan="7", scope="rowgroup")
        for rule in rules:
            counts = by_rule[rule]
            row = _el("tr", body, data_rule=rule)
            cell = _el("th", row, scope="row")
            _el("code", _el("a", cell, href=f"#{first[rule]}", title="the first change of this rule"),
                rule)
            _el("td", row, RULE_LABELS.get(rule, "(a rule this page does not know)"), class_="what")
            for cert in (*CERTS, ""):
                _el("td", row, str(counts[cert]) if counts[cert] else "–", class_="n")
            _el("td", row, str(sum(counts.values())), class_="n count")
    if not by_rule:
        _el("td", _el("tr", _el("tbody", table)), "The TEI records no change.", colspan="7",
            class_="none")
    foot = _el("tr", _el("tfoot", table))
    _el("th", foot, "All changes", scope="row")
    _el("td", foot, class_="what")
    totals = Counter(change.cert for change in changes)
    for cert in (*CERTS, ""):
        _el("td", foot, str(totals[cert]), class_="n")
    _el("td", foot, str(len(changes)), class_="n count", id="total-changes")
    return wrap


def _changes_table(changes: Sequence[Change]) -> etree._Element:
    wrap = _el("div", None, class_="table-wrap")
    table = _el("table", wrap, class_="changes")
    row = _el("tr", _el("thead", table))
    for label in ("#", "Where", "Rule", "Confidence", "Scan", "textkit"):
        _el("th", row, label, scope="col")
    body = _el("tbody", table)
    for i, change in enumerate(changes, 1):
        row = _el("tr", body, class_=f"cert-{change.cert or 'none'}", data_rule=change.rule)
        _el("a", _el("td", row, class_="n"), str(i), href=f"#{change.anchor}")
        _el("td", row, change.where)
        chip = _el("span", _el("td", row), class_=f"sample kind-{change.kind} cert-{change.cert or 'none'}",
                   title=KINDS[change.kind])
        _el("code", _el("mark", chip), change.rule)
        _el("td", row, change.cert or "–")
        _el("td", row, change.original.replace("\n", "⏎") or "(nothing)", class_="scan")
        _el("td", row, change.reading)
    if not changes:
        _el("td", _el("tr", body), "The TEI records no change.", colspan="6", class_="none")
    return wrap


def _legend() -> etree._Element:
    ul = _el("ul", None, class_="legend", id="legend")
    samples = [("ocr", "high", "OCR misreading, high confidence"), ("ocr", "medium", "medium"),
               ("ocr", "low", "low"), ("initial", "", "drop cap restored"),
               ("hyphen", "", "line-end hyphen joined")]
    for kind, cert, label in samples:
        li = _el("li", ul)
        chip = _el("span", li, class_=f"sample kind-{kind} cert-{cert or 'none'}")
        _el("mark", chip, label)
    _el("li", ul, "Hover over or tab to a change to see the scan's reading.")
    return ul


def render_review(tei: str | bytes, *, source: str | None = None) -> str:
    """The review page of a TEI document, as one self-contained HTML string.

    ``source`` names the file in error messages. Raises :class:`InputError`
    when ``tei`` is not well-formed XML or not a TEI document.

    >>> page = render_review('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
    ...                      '<p>&lt;script&gt;</p></body></text></TEI>')
    >>> page.startswith('<!DOCTYPE html>'), '<script>' in page.split('<body')[1].split('<script')[0]
    (True, False)
    """
    return _review(_parse(tei, source), source)[0]


def _review(root: etree._Element, source: str | None) -> tuple[str, dict[str, int]]:
    """The page of ``root`` and its :func:`review_counts`, from one walk of the TEI."""
    renderer = _Renderer(root)

    title = _text_of(_first(root, "t:teiHeader/t:fileDesc/t:titleStmt/t:title")) or (source or "TEI")
    css, js = _asset("review.css"), _asset("review.js")

    page = _el("html", None, lang=root.get("{http://www.w3.org/XML/1998/namespace}lang") or "en")
    head = _el("head", page)
    _el("meta", head, charset="utf-8")
    _el("meta", head, http_equiv="Content-Security-Policy",
        content=f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
                "img-src data:; form-action 'none'; base-uri 'none'")
    _el("meta", head, name="viewport", content="width=device-width, initial-scale=1")
    _el("meta", head, name="generator", content="textkit review")
    _el("title", head, f"Review: {title}")
    _el("style", head, css)

    body = _el("body", page)
    _el("a", body, "Skip to the text", href="#main", class_="skip")
    layout = _el("div", body, class_="page")

    # Render the reading text first: it collects the changes the other parts list.
    main = _el("main", None, id="main")
    reading = _el("div", None, class_="reading")
    renderer.render(reading)

    layout.append(_toc(root, renderer.page_ids))
    layout.append(main)
    header = _el("header", main)
    _el("p", header, "textkit review", class_="label")
    _el("h1", header, title)
    meta = _el("dl", header, class_="meta")
    authors = [_text_of(a) for a in root.xpath("t:teiHeader/t:fileDesc/t:titleStmt/t:author",
                                                namespaces={"t": TEI_NS})]
    application = _first(root, "//t:appInfo/t:application")
    facts = [
        ("Authors", ", ".join(authors)),
        ("Source", _text_of(_first(root, "//t:sourceDesc/t:bibl/t:title"))),
        ("SHA-256", _text_of(_first(root, "//t:sourceDesc/t:bibl/t:idno[@type='sha256']"))),
        ("Converted by", " ".join(filter(None, [application.get("ident"), application.get("version")]))
         if application is not None else ""),
        ("Outline", f"{len(root.xpath('t:text/*/t:div', namespaces={'t': TEI_NS}))} texts, "
                    f"{len(root.xpath('//t:text//t:head', namespaces={'t': TEI_NS}))} headings, "
                    f"{len(renderer.footnotes)} footnotes"),
        ("Changes", f"{len(renderer.changes)}, of which "
                    f"{sum(c.cert == 'low' for c in renderer.changes)} low-confidence"),
    ]
    for term, value in facts:
        if value:
            _el("dt", meta, term)
            _el("dd", meta, value)

    summary = _el("section", main, id="summary", class_="panel", aria_labelledby="summary-h")
    _el("h2", summary, "Summary of changes", id="summary-h")
    summary.append(_legend())
    declared = _el("details", summary, class_="decl")
    _el("summary", declared, "What the TEI says was normalized")
    for decl in root.xpath("//t:editorialDecl/*", namespaces={"t": TEI_NS}):
        _el("p", declared, f"{_local(decl).capitalize()}: {_text_of(decl)}")
    if not any(c.kind == "hyphen" for c in renderer.changes):
        _el("p", summary, "Line-end hyphen joins are not marked in this TEI (it keeps no line "
                          "breaks), so this page cannot show them; convert keeping the layout "
                          "to review them.", class_="decl")
    summary.append(_counts_table(renderer.changes))
    form = _el("form", summary, id="filter", hidden="hidden")
    label = _el("label", form)
    _el("input", label, type="checkbox", id="only-low")
    _add_text(label, " Show only low-confidence changes")
    _el("span", form, id="filter-status", role="status", aria_live="polite")

    main.append(reading)

    changes = _el("section", main, id="changes", class_="panel", aria_labelledby="changes-h")
    _el("h2", changes, "Every change, in reading order", id="changes-h")
    changes.append(_changes_table(renderer.changes))

    _el("script", body, js)
    html = lxml_html.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
    return html, _counts(root, renderer.changes)


def _counts(root: etree._Element, changes: Sequence[Change]) -> dict[str, int]:
    ns = {"t": TEI_NS}
    return {
        "texts": len(root.xpath("t:text/*/t:div", namespaces=ns)),
        "headings": len(root.xpath("//t:text//t:head", namespaces=ns)),
        "footnotes": len(root.xpath("//t:text//t:note[@place='foot']", namespaces=ns)),
        "changes": len(changes),
        "low": sum(change.cert == "low" for change in changes),
    }


def review_counts(tei: str | bytes, *, source: str | None = None) -> dict[str, int]:
    """What an index page lists for one file: outline sizes and change counts."""
    root = _parse(tei, source)
    renderer = _Renderer(root)
    renderer.render(_el("div"))
    return _counts(root, renderer.changes)


def _write_atomically(path: Path, text: str, what: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so no reader sees half a page."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.textkit-tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as error:
        raise InputError(f"cannot write the {what}: {error.strerror or error}",
                         source=str(path)) from error
    finally:
        tmp.unlink(missing_ok=True)


def write_review(tei_path: str | Path, html_path: str | Path | None = None) -> dict[str, int]:
    """Write the review page of the TEI file ``tei_path`` to ``html_path``.

    ``html_path`` defaults to ``tei_path`` with the suffix ``.html``; it is
    written atomically. Returns :func:`review_counts` of the file, for an
    index page. Raises :class:`InputError` when the TEI cannot be read or
    the page written.
    """
    tei_path = Path(tei_path)
    html_path = tei_path.with_suffix(".html") if html_path is None else Path(html_path)
    try:
        data = tei_path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=str(tei_path)) from error
    page, counts = _review(_parse(data, str(tei_path)), str(tei_path))
    _write_atomically(html_path, page, "review page")
    log.info("wrote %s (%d bytes)", html_path, len(page.encode("utf-8")))
    return counts


def _safe_href(href: str) -> str | None:
    scheme = urllib.parse.urlsplit(href).scheme.lower()
    return href if scheme in _SAFE_SCHEMES else None


def render_index(entries: Iterable[Mapping[str, object]], *, title: str = "textkit reviews") -> str:
    """An index page linking each file's review with its status and counts.

    Each entry is ``{"source": str, "review_href": str | None, "status": str,
    "counts": {name: int}}`` and optionally ``"reason": str`` (why a file
    failed); the columns of counts are the union of their names, in
    first-seen order. A ``review_href`` with a scheme other than http(s) or
    file is not linked.

    >>> page = render_index([{"source": "a.txt", "review_href": "a.html", "status": "ok",
    ...                       "counts": {"changes": 3}}])
    >>> '<a href="a.html">a.txt</a>' in page
    True
    """
    rows = list(entries)
    columns: list[str] = []
    for entry in rows:
        for name in dict(entry.get("counts") or {}):  # type: ignore[call-overload]
            if name not in columns:
                columns.append(str(name))
    css = _asset("review.css")
    page = _el("html", None, lang="en")
    head = _el("head", page)
    _el("meta", head, charset="utf-8")
    _el("meta", head, http_equiv="Content-Security-Policy",
        content=f"default-src 'none'; style-src {_csp_hash(css)}; base-uri 'none'")
    _el("meta", head, name="viewport", content="width=device-width, initial-scale=1")
    _el("title", head, title)
    _el("style", head, css)
    main = _el("main", _el("body", page), class_="index-page", id="main")
    _el("h1", main, title)
    statuses = Counter(str(entry.get("status", "")) for entry in rows)
    _el("p", main, f"{len(rows)} files: " + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())))
    table = _el("table", _el("div", main, class_="table-wrap"), class_="index-table")
    row = _el("tr", _el("thead", table))
    _el("th", row, "File", scope="col")
    _el("th", row, "Status", scope="col")
    for name in columns:
        _el("th", row, _COUNT_LABELS.get(name, name), scope="col", class_="n")
    body = _el("tbody", table)
    for entry in rows:
        status = str(entry.get("status", ""))
        row = _el("tr", body, class_="status-" + re.sub(r"[^\w-]", "_", status))
        cell = _el("th", row, scope="row")
        href = entry.get("review_href")
        source = str(entry.get("source", ""))
        if isinstance(href, str) and _safe_href(href):
            _el("a", cell, source, href=href)
        else:
            cell.text = source
        cell = _el("td", row, status)
        if entry.get("reason"):
            _el("span", cell, str(entry["reason"]), class_="reason")
        counts = dict(entry.get("counts") or {})  # type: ignore[call-overload]
        for name in columns:
            value = counts.get(name)
            _el("td", row, "–" if value is None else str(value), class_="n")
    return lxml_html.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode", method="html")


def write_index(entries: Iterable[Mapping[str, object]], html_path: str | Path, *,
                title: str = "textkit reviews") -> None:
    """Write :func:`render_index` of ``entries`` to ``html_path``.

    ``review_href`` should be relative to ``html_path``'s folder so the
    pages can be moved together.
    """
    _write_atomically(Path(html_path), render_index(entries, title=title), "index page")

