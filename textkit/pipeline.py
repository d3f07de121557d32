"""The conversion pipeline: named stages over one :class:`~textkit.model.Document`.

Each stage is a callable ``(Document, Options) -> Document``. The pipeline
runs them in order, checks what each returns and names the stage that
failed, as spaCy's ``Language.__call__`` does.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace

from .errors import PipelineError, TextkitError
from .model import Document, Options

log = logging.getLogger(__name__)


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
