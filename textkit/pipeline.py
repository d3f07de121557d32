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
import re
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


def run(doc: Document, options: Options | None = None, *, release: bool = False) -> Document:
    """Run every stage over ``doc``; raise :class:`PipelineError` naming a failing stage.

    ``options``, when given, replace the document's own. ``release``: drop
    from the document, as soon as no later stage reads them, the input's
    copies that only the early stages need (:func:`released`), so that a
    large volume is not held twice; for a caller that only writes the TEI.
    The TEI is the same either way.
    """
    if options is not None:
        doc = replace(doc, options=options)
    if release:
        doc = released(doc, "read")
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
        del result
        if release:
            doc = released(doc, name)
        log.debug("%s: stage %s took %.3f s", doc.source, name, time.perf_counter() - began)
    return doc


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def released(doc: Document, done: str) -> Document:
    """``doc`` without what no stage after ``done`` (or the TEI writer) reads.

    After reading, ``raw`` (the decoded input, a second copy of the lines'
    text) keeps only its private-use characters, all the structure stage
    reads it for (a sentinel that occurs nowhere in the input). After the
    structure stage, ``source_lines`` go unless the engine's word confidences
    (the channel stage's) or the layout kept in the TEI (page numbers and
    furniture) need them; after the hyphens stage, ``lines`` and
    ``footnote_refs`` (its evidence) go.
    """
    if done == "read":
        return replace(doc, raw="".join(sorted(set(_PRIVATE_USE.findall(doc.raw)))))
    if done == "structure" and not doc.options.keep_layout \
            and not any(line.words for line in doc.source_lines):
        return replace(doc, source_lines=())
    if done == "hyphens":
        return replace(doc, lines=(), footnote_refs=())
    return doc
