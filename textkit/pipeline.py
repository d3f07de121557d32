"""The conversion pipeline: named stages over one :class:`~textkit.model.Document`.

Each stage is a callable ``Document -> Document``; what the user asked for
rides on the document (``Document.options``). The pipeline runs the stages
in order, checks what each returns and names the stage that failed, as
spaCy's ``Language.__call__`` does. Only the repair stages (:data:`REPAIRS`)
change the text; layout and structure classify and group it.

Nothing below this module imports it.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable
from dataclasses import replace

from .errors import PipelineError, TextkitError
from .model import Document, Options

log = logging.getLogger(__name__)

Stage = Callable[[Document], Document]

STAGES: tuple[tuple[str, str], ...] = (
    ("layout", "textkit.layout:analyze_layout"),
    ("structure", "textkit.structure:build_structure"),
    ("notes", "textkit.repair.markers:remove_markers"),
    ("hyphens", "textkit.repair.hyphens:join_hyphens"),
    ("dropcaps", "textkit.repair.dropcaps:restore_initials"),
    ("ocr", "textkit.repair.ocr:correct_ocr"),
    ("channel", "textkit.repair.channel.stage:correct_with_channel"),
)
"""Every stage, in order: its name and where it lives (imported when it runs)."""

REPAIRS = frozenset({"notes", "hyphens", "dropcaps", "ocr", "channel"})
"""The stages that may change the text (each change a Correction)."""

OCR_STAGES = frozenset({"ocr", "channel"})
"""The stages ``Options(correct_ocr=False)`` leaves out."""


def _load(target: str) -> Stage:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def stages(options: Options) -> list[tuple[str, Stage]]:
    """The ordered stages for ``options`` (OCR correction only when asked for)."""
    return [(name, _load(target)) for name, target in STAGES
            if name not in OCR_STAGES or options.correct_ocr]


def run(doc: Document, options: Options | None = None) -> Document:
    """Run every stage over ``doc``; raise :class:`PipelineError` naming a failing stage.

    ``options``, when given, replace the document's own.
    """
    if options is not None:
        doc = replace(doc, options=options)
    for name, stage in stages(doc.options):
        began = time.perf_counter()
        try:
            result = stage(doc)
        except TextkitError:
            raise
        except Exception as error:  # a bug in a stage: say which one
            raise PipelineError(name, f"{type(error).__name__}: {error}") from error
        if not isinstance(result, Document):
            raise PipelineError(name, f"returned {type(result).__name__}, not a Document")
        doc = replace(result, stages=(*result.stages, name))
        log.debug("%s: stage %s took %.3f s", doc.source, name, time.perf_counter() - began)
    return doc
