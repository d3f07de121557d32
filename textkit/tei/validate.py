"""Validate TEI against textkit's own RELAX NG schema (or another one).

Parsing is :func:`textkit.xml.parse_xml`'s: it never resolves entities,
loads a DTD or touches the network, so validating an untrusted file is safe
(no XXE), and it takes text nodes over 10 MB, as textkit may write them.
"""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path

from lxml import etree

from ..errors import ValidationError
from ..xml import parse_xml, safe_parser


@functools.cache
def project_schema() -> etree.RelaxNG:
    """``schemas/textkit.rng``, shipped in the package, compiled once per process."""
    source = importlib.resources.files("textkit") / "schemas" / "textkit.rng"
    with source.open("rb") as handle:
        return etree.RelaxNG(etree.parse(handle, safe_parser()))


@functools.cache
def schema_from_path(path: str) -> etree.RelaxNG:
    """A RELAX NG schema from a file (e.g. the official ``tei_all.rng``), compiled once."""
    return etree.RelaxNG(etree.parse(path, safe_parser()))


def parse(xml: str | bytes, *, source: str | None = None) -> etree._ElementTree:
    """Parse ``xml`` safely (:func:`textkit.xml.parse_xml`); raise :class:`ValidationError`
    if it is not well-formed or has a DOCTYPE."""
    return parse_xml(xml, source=source)


def validate(xml: str | bytes | etree._ElementTree, *, schema: str | Path = "textkit",
             source: str | None = None) -> None:
    """Raise :class:`ValidationError` (with every problem and its line) unless ``xml`` is valid.

    ``schema`` is ``"textkit"`` for the project schema, or a path to a RELAX NG file.
    """
    tree = xml if isinstance(xml, etree._ElementTree) else parse(xml, source=source)
    rng = project_schema() if str(schema) == "textkit" else schema_from_path(str(schema))
    if not rng.validate(tree):
        problems = _problems(tree, rng.error_log)
        name = "textkit.rng" if str(schema) == "textkit" else Path(schema).name
        raise ValidationError(f"not valid against {name}", problems, source=source)


def _problems(tree: etree._ElementTree, log: etree._ListErrorLog) -> list[tuple[int, str]]:
    """``(line, message)`` for each error; libxml2 leaves some lines at 0, which
    are looked up from the error's node path, or dropped when other errors
    already point at a line."""
    problems = []
    for entry in log:
        line = entry.line
        if not line and entry.path:
            found = tree.xpath(entry.path)
            line = found[0].sourceline or 0 if found and hasattr(found[0], "sourceline") else 0
        problems.append((line, entry.message))
    located = [p for p in problems if p[0]]
    return located or problems
