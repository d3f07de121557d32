"""Validate TEI against textkit's own RELAX NG schema, the official TEI schema, or another one.

``schema="textkit"`` is ``schemas/textkit.rng``, textkit's profile;
``schema="tei_all"`` the TEI Consortium's full TEI P5 schema, shipped gzipped
in the package (``schemas/tei_all.rng.gz``, licence in
``schemas/tei_all.COPYRIGHT``) and compiled the first time it is asked for
(seconds), once per process; any other value is the path of a RELAX NG file.

Parsing is :func:`textkit.xml.parse_xml`'s: it never resolves entities,
loads a DTD or touches the network, so validating an untrusted file is safe
(no XXE), and it takes text nodes over 10 MB, as textkit may write them.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ..errors import InputError, ValidationError
from ..xml import parse_xml, safe_parser

if TYPE_CHECKING:
    from .writer import Piece


@functools.cache
def project_schema() -> etree.RelaxNG:
    """``schemas/textkit.rng``, shipped in the package, compiled once per process."""
    source = importlib.resources.files("textkit") / "schemas" / "textkit.rng"
    with source.open("rb") as handle:
        return etree.RelaxNG(etree.parse(handle, safe_parser()))


@functools.cache
def tei_all_schema() -> etree.RelaxNG:
    """The official ``tei_all.rng`` (TEI P5 4.12.0), shipped gzipped; compiled once per
    process, when first asked for (about 5 s and 150 MB)."""
    source = importlib.resources.files("textkit") / "schemas" / "tei_all.rng.gz"
    with source.open("rb") as handle, gzip.open(handle) as rng:
        return etree.RelaxNG(etree.parse(rng, safe_parser()))


SCHEMAS = {"textkit": project_schema, "tei_all": tei_all_schema}
"""The schemas ``validate(schema=NAME)`` knows by name."""


@functools.cache
def schema_from_path(path: str) -> etree.RelaxNG:
    """A RELAX NG schema from a file, compiled once; :class:`InputError` naming the file
    when it cannot be read or is not a RELAX NG schema."""
    try:
        return etree.RelaxNG(etree.parse(path, safe_parser()))
    except OSError as error:
        raise InputError(f"cannot read the schema: {error.strerror or error}; give the path of "
                         f"a RELAX NG file, or one of {', '.join(sorted(SCHEMAS))}",
                         source=path) from error
    except etree.XMLSyntaxError as error:
        raise InputError(f"the schema is not well-formed XML: {error.msg}", source=path) from error
    except etree.RelaxNGParseError as error:
        raise InputError(f"not a RELAX NG schema: {error}", source=path) from error


def compiled_schema(name_or_path: str | Path) -> etree.RelaxNG:
    """The compiled schema ``name_or_path`` names (see :data:`SCHEMAS`), or the one at that path."""
    named = SCHEMAS.get(str(name_or_path))
    return named() if named is not None else schema_from_path(str(name_or_path))


def parse(xml: str | bytes, *, source: str | None = None) -> etree._ElementTree:
    """Parse ``xml`` safely (:func:`textkit.xml.parse_xml`); raise :class:`ValidationError`
    if it is not well-formed or has a DOCTYPE."""
    return parse_xml(xml, source=source)


def validate(xml: str | bytes | etree._ElementTree, *, schema: str | Path = "textkit",
             source: str | None = None) -> None:
    """Raise :class:`ValidationError` (with every problem and its line) unless ``xml`` is valid.

    ``schema`` is ``"textkit"`` for the project schema, ``"tei_all"`` for the
    official TEI schema, or a path to a RELAX NG file (:class:`InputError` if it
    cannot be read).
    """
    if not isinstance(xml, str | bytes | etree._ElementTree):
        raise TypeError(f"validate takes the TEI as str or bytes, not {type(xml).__name__}")
    rng = compiled_schema(schema)
    tree = xml if isinstance(xml, etree._ElementTree) else parse(xml, source=source)
    if not rng.validate(tree):
        problems = _problems(tree, rng.error_log)
        name = f"{schema}.rng" if str(schema) in SCHEMAS else Path(schema).name
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


def validate_piece(piece: Piece, *, schema: str | Path = "textkit", source: str | None = None) -> None:
    """Validate one piece of a TEI written a text at a time (:func:`~textkit.tei.writer.tei_pieces`).

    The piece's standalone document (the file's header and front, and this
    piece's text alone in the body) is what is checked; a
    :class:`ValidationError`'s lines are those of the file the pieces make.
    Every piece valid means the file is, for a schema whose rules hold
    within one text, as ``textkit.rng``'s do.

    A piece that brings its tree (``Piece.tree``) is checked as built, with no parse
    of its text; only one found invalid is parsed, for the lines of its problems (the
    verdict is the same: the text is that tree's serialisation, which adds only the
    indentation, whitespace that RELAX NG ignores between elements).
    """
    if piece.tree is not None and compiled_schema(schema).validate(piece.tree):
        return
    try:
        validate(piece.standalone.encode("utf-8"), schema=schema, source=source)
    except ValidationError as error:
        lines = [(line if line <= piece.body_line else piece.line + line - piece.body_line - 1, message)
                 for line, message in error.problems]
        raise ValidationError(str(error).splitlines()[0], lines, source=source) from None
