"""textkit: turn the OCR text of scanned printed volumes into clean, validated TEI.

>>> import textkit
>>> doc = textkit.convert_text(" INTRODUCTION\\n\\nAnn Lee\\n\\nn the beginning there was a scan.\\n",
...                            source="vol.txt")
>>> [text.title.text for text in doc.texts]
['INTRODUCTION']
>>> print(textkit.clean_text(doc), end="")
INTRODUCTION
<BLANKLINE>
Ann Lee
<BLANKLINE>
In the beginning there was a scan.
>>> textkit.validate(textkit.to_tei(doc))
"""

from __future__ import annotations

import os
from pathlib import Path

from . import logs
from .errors import InputError, PipelineError, TextkitError, ValidationError
from .model import Document
from .model import Options
from .read import read_bytes, read_text

__version__ = "0.1.0"

__all__ = [
    "Document", "InputError", "Options", "PipelineError", "TextkitError", "ValidationError",
    "__version__", "clean_text", "convert_bytes", "convert_file", "convert_text", "convert_volume",
    "to_tei", "validate",
]


def convert_text(text: str, *, source: str = "<string>", options: Options | None = None) -> Document:
    """Convert OCR text to a :class:`Document` (layout, structure and repairs done)."""
    from .pipeline import run

    if not isinstance(text, str):
        hint = ": for undecoded input use convert_bytes(data, source=...)" \
            if isinstance(text, bytes | bytearray) else ""
        raise TypeError(f"convert_text takes the text as str, not {type(text).__name__}{hint}")
    _check_source_and_options(source, options)
    with logs.about(source, replace=False):
        return run(read_text(text, source=source, options=options))


def convert_bytes(data: bytes, *, source: str, options: Options | None = None) -> Document:
    """Convert an input file's bytes (any format a reader knows: OCR text in UTF-8, cp1252 or
    what ``charset-normalizer`` finds; hOCR, ALTO, PAGE XML) to a :class:`Document`."""
    from .pipeline import run

    if not isinstance(data, bytes | bytearray | memoryview):
        hint = ": for text already decoded use convert_text(text, source=...)" \
            if isinstance(data, str) else ""
        raise TypeError(f"convert_bytes takes bytes, not {type(data).__name__}{hint}")
    _check_source_and_options(source, options)
    with logs.about(source, replace=False):
        return run(read_bytes(bytes(data), source=source, options=options))


def convert_file(path: str | Path, *, options: Options | None = None) -> Document:
    """Convert the OCR text file at ``path``; errors name the file."""
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"convert_file takes a path (str or Path), not {type(path).__name__}")
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=str(path)) from error
    return convert_bytes(data, source=path.name, options=options)


def _check_source_and_options(source: object, options: object) -> None:
    if not isinstance(source, str):
        raise TypeError(f"source= takes the input's name as str, not {type(source).__name__}")
    if options is not None and not isinstance(options, Options):
        raise TypeError(f"options= takes textkit.Options(...), not {type(options).__name__}")


def _check_document(doc: object, function: str) -> None:
    if not isinstance(doc, Document):
        raise TypeError(f"{function} takes a textkit.Document (what convert_text, convert_bytes "
                        f"and convert_file return), not {type(doc).__name__}")


def convert_volume(paths: list[str | Path], *, source: str | None = None,
                   options: Options | None = None) -> Document:
    """Convert several files, the pages of one volume in order (one hOCR, ALTO
    or PAGE XML file per page, say), into one :class:`Document`; pages are
    renumbered across the files. Errors name the file."""
    from .pipeline import run
    from .read import read_volume

    parts = []
    for path in map(Path, paths):
        try:
            parts.append((path.name, path.read_bytes()))
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror or error}", source=str(path)) from error
    name = source or (Path(paths[0]).parent.name if paths else "volume")
    return run(read_volume(parts, source=name, options=options))


def to_tei(doc: Document) -> str:
    """The TEI P5 XML of ``doc``, as a string with an XML declaration.

    What the document's options ask for (``keep_layout``, the language)
    reaches the TEI: the options travel with the document.
    """
    from .tei.writer import tei_string

    _check_document(doc, "to_tei")
    return tei_string(doc)


def validate(xml: str | bytes, *, schema: str | Path = "textkit", source: str | None = None) -> None:
    """Validate TEI against the project schema, ``schema="tei_all"`` (the official TEI
    schema, shipped) or a RELAX NG file's path.

    Raises :class:`ValidationError` listing each problem with its line, and
    :class:`InputError` naming the schema file when it cannot be read.
    """
    from .tei.validate import validate as _validate

    if not isinstance(schema, str | os.PathLike):
        raise TypeError(f"schema= takes a name or a path, not {type(schema).__name__}")
    _validate(xml, schema=schema, source=source)


def clean_text(doc: Document) -> str:
    """The repaired reading text: titles, bylines, headings and paragraphs, blank-line separated."""
    from .tei.plain import plain_text

    _check_document(doc, "clean_text")
    return plain_text(doc)
