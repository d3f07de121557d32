"""The index page of a batch's review pages: each file, its status and counts, linked."""

from __future__ import annotations

import re
import urllib.parse
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from lxml import html as lxml_html

from .page import _asset, _csp_hash, _write_atomically
from .render import _el

_SAFE_SCHEMES = frozenset({"", "http", "https", "file"})
_COUNT_LABELS = {"texts": "Texts", "headings": "Headings", "footnotes": "Footnotes",
                 "changes": "Changes", "low": "Low confidence"}


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
    _el("meta", head, name="generator", content="textkit review index")
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
