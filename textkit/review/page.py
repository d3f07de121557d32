"""The review page of one TEI document: header, outline, summary, reading text, every change."""

from __future__ import annotations

import base64
import functools
import hashlib
import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from ..errors import InputError
from ..files import check_overwrite, write_atomic
from .render import CERTS, KINDS, RULE_LABELS, Change, _add_text, _el, _kind, _Renderer
from .tei import TEI_NS, _first, _local, _parse, _text_of, reading_text

log = logging.getLogger("textkit.review")


@functools.cache
def _asset(name: str) -> str:
    return resources.files("textkit").joinpath("data", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"


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
    """Write ``text`` to ``path`` atomically (:func:`textkit.files.write_atomic`): no reader
    sees half a page."""
    try:
        write_atomic(path, text)
    except OSError as error:
        raise InputError(f"cannot write the {what}: {error.strerror or error}",
                         source=str(path)) from error


def write_review(tei_path: str | Path, html_path: str | Path | None = None, *,
                 force: bool = False, tei: bytes | None = None) -> dict[str, int]:
    """Write the review page of the TEI file ``tei_path`` to ``html_path``.

    ``html_path`` defaults to ``tei_path`` with the suffix ``.html``; it is
    written atomically, never onto the TEI itself, and onto an existing file
    only if textkit made it or ``force`` (:func:`textkit.files.check_overwrite`).
    ``tei``, when given, is the TEI to show instead of the file's (the batch
    passes the same document encoded with its layout kept, so that the page
    shows the line-end hyphens it joined even when the TEI written does not
    mark them). Returns :func:`review_counts` of the file, for an index page. Raises
    :class:`InputError` when the TEI cannot be read or the page written.
    """
    tei_path = Path(tei_path)
    html_path = tei_path.with_suffix(".html") if html_path is None else Path(html_path)
    if html_path.resolve() == tei_path.resolve():
        raise InputError("the review page would replace the TEI it reviews: give the page "
                         "another name", source=str(tei_path))
    check_overwrite(html_path, force=force)
    try:
        data = tei_path.read_bytes() if tei is None else tei
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=str(tei_path)) from error
    page, counts = _review(_parse(data, str(tei_path)), str(tei_path))
    _write_atomically(html_path, page, "review page")
    log.info("wrote %s (%d bytes)", html_path, len(page.encode("utf-8")))
    return counts
