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

from .index import render_index, write_index
from .page import render_review, review_counts, write_review
from .render import CERTS, KINDS, RULE_LABELS, Change
from .tei import TEI_NS, reading_text

__all__ = ["CERTS", "KINDS", "RULE_LABELS", "TEI_NS", "Change", "reading_text", "render_index",
           "render_review", "review_counts", "write_index", "write_review"]
