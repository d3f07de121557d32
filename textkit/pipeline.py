"""The conversion pipeline: named stages over one :class:`~textkit.model.Document`.

Each stage is a callable ``(Document, Options) -> Document``. The pipeline
runs them in order, checks what each returns and names the stage that
failed, as spaCy's ``Language.__call__`` does.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .errors import PipelineError, TextkitError
from .model import Document

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """How to convert. Every field has the default a new user wants.

    ``correct_ocr``: correct OCR misreadings (True). Turn off to get only the
    layout repairs (hyphens, drop caps, footnotes), e.g. to review them alone.

    ``user_words``: names and terms to protect from OCR correction, on top of
    the shipped lexicon (empty). The CLI fills it from ``--lexicon FILE``.

    ``keep_layout``: also record page starts (``pb``) and the line breaks of
    joined hyphens (``lb break="no"``) in the TEI, for a diplomatic reading
    (False: the profile's reading text keeps no layout).
    """

    correct_ocr: bool = True
    user_words: frozenset[str] = field(default_factory=frozenset)
    keep_layout: bool = False


Stage = Callable[[Document, Options], Document]


def stages(options: Options) -> list[tuple[str, Stage]]:
    """The ordered stages for ``options`` (imported lazily: the OCR stage is heavy)."""
    from .layout import analyze_layout
    from .repair.dropcaps import restore_initials
    from .structure import build_structure

    steps: list[tuple[str, Stage]] = [
        ("layout", analyze_layout),
        ("structure", build_structure),
        ("dropcaps", restore_initials),
    ]
    if options.correct_ocr:
        from .repair.ocr import correct_ocr

        steps.append(("ocr", correct_ocr))
    return steps


def run(doc: Document, options: Options) -> Document:
    """Run every stage over ``doc``; raise :class:`PipelineError` naming a failing stage."""
    for name, stage in stages(options):
        began = time.perf_counter()
        try:
            result = stage(doc, options)
        except TextkitError:
            raise
        except Exception as error:  # a bug in a stage: say which one
            raise PipelineError(name, f"{type(error).__name__}: {error}") from error
        if not isinstance(result, Document):
            raise PipelineError(name, f"returned {type(result).__name__}, not a Document")
        doc = replace(result, stages=(*result.stages, name))
        log.debug("%s: stage %s took %.3f s", doc.source, name, time.perf_counter() - began)
    return doc
