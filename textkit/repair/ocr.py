"""OCR misreading correction (issue #3). Placeholder: changes nothing yet."""

from __future__ import annotations

from ..model import Document
from ..pipeline import Options


def correct_ocr(doc: Document, options: Options) -> Document:
    return doc
