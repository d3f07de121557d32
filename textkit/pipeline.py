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
import sys
import time
from collections.abc import Callable, Mapping

from .errors import PipelineError, TextkitError
from .model import CONSUME, Document, Options, SourceLines
from .model import changed as replace  # dataclasses.replace, at half the cost

log = logging.getLogger(__name__)

Stage = Callable[[Document], Document]

STAGES: tuple[tuple[str, str], ...] = (
    ("layout", "textkit.layout:analyze_layout"),
    ("structure", "textkit.structure:build_structure"),
    ("notes", "textkit.repair.markers:remove_markers"),
    ("marks", "textkit.repair.marks:remove_scan_marks"),
    ("hyphens", "textkit.repair.hyphens:join_hyphens"),
    ("dropcaps", "textkit.repair.dropcaps:restore_initials"),
    ("ocr", "textkit.repair.ocr:correct_ocr"),
    ("channel", "textkit.repair.channel.stage:correct_with_channel"),
)
"""Every stage, in order: its name and where it lives (imported when it runs)."""

REPAIRS = frozenset({"notes", "hyphens", "dropcaps", "marks", "ocr", "channel"})
"""The stages that may change the text (each change a Correction)."""

OCR_STAGES = frozenset({"marks", "ocr", "channel"})
"""The stages ``Options(correct_ocr=False)`` leaves out."""

PER_TEXT: dict[str, str] = {"hyphens": "textkit.repair.hyphens:volume_evidence"}
"""The stages run one text at a time, and where the evidence they take from the whole
volume is computed (once, before the first text; given to each in ``Document.evidence``).

A stage here changes every block (a volume's every hyphen): run over the
whole volume, it would hold the volume's blocks twice, the old and the new.
Its result for a text must depend only on that text and the evidence.
The evidence reads only what the layout stage makes: a released run computes
it right after layout, so that the layout's lines go with the structure stage.
"""


def _load(target: str) -> Stage:
    module, _, name = target.partition(":")
    return getattr(sys.modules.get(module) or importlib.import_module(module), name)  # once imported, no locks


def stages(options: Options) -> list[tuple[str, Stage]]:
    """The ordered stages for ``options`` (OCR correction only when asked for).

    Looked up once per process for each choice (a batch's thousands of one-page files
    would otherwise import every stage's module by name twice a file), but again if
    :data:`STAGES` or the loader changed since (a test's stand-in)."""
    key = (options.correct_ocr, STAGES, _load)
    found = _STAGES_FOR.get(key)
    if found is None:
        found = _STAGES_FOR[key] = tuple((name, _load(target)) for name, target in STAGES
                                         if name not in OCR_STAGES or options.correct_ocr)
    return list(found)


_STAGES_FOR: dict[tuple[object, ...], tuple[tuple[str, Stage], ...]] = {}


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
    ordered = stages(doc.options)
    names = [name for name, _ in ordered]
    for name, stage in ordered:
        began = time.perf_counter()
        try:
            if name in PER_TEXT:  # handed over, not kept here: the old texts go one by one
                held, doc = [doc], None
                result = _per_text(name, stage, held, release=release)
            elif release:  # handed over: the stage alone holds the document, and may shed its input
                held, doc = [_consumable(doc, name)], None
                result = stage(held.pop())
            else:
                result = stage(doc)
        except TextkitError:
            raise
        except Exception as error:  # a bug in a stage: say which one
            raise PipelineError(name, f"{type(error).__name__}: {error}") from error
        if not isinstance(result, Document):
            raise PipelineError(name, f"returned {type(result).__name__}, not a Document")
        if not release:
            doc = result
        else:  # at most one copy: what no later stage reads dropped, CONSUME said
            evidence = result.evidence
            if name == "layout":  # the per-text stages' evidence, while the layout's lines are here
                evidence = {**evidence, **{later: _load(PER_TEXT[later])(result)
                                           for later in PER_TEXT if later in names}}
            if CONSUME in evidence:  # said to one stage only
                evidence = {k: v for k, v in evidence.items() if k != CONSUME}
            dropped = _dropped(result, name, evidence)
            doc = replace(result, evidence=evidence, **dropped) \
                if dropped or evidence is not result.evidence else result
        del result
        log.debug("%s: stage %s took %.3f s", doc.source, name, time.perf_counter() - began)
    # The stages that ran are recorded once, at the end (no stage reads them): not a
    # copy of the document after each.
    if release:
        return replace(doc, stages=(*doc.stages, *names),
                       evidence={key: value for key, value in doc.evidence.items()
                                 if key not in PER_TEXT and key != CONSUME})
    return replace(doc, stages=(*doc.stages, *names))


def _consumable(doc: Document, name: str) -> Document:
    """``doc`` telling stage ``name`` which of its fields it may drop once read
    (``evidence[CONSUME]``): those :func:`released` would drop after it."""
    dropped = _dropped(doc, name)
    fields = frozenset(field for field in ("source_lines", "lines")
                       if getattr(doc, field) and field in dropped and not dropped[field])
    if not fields and CONSUME not in doc.evidence:
        return doc
    evidence = {key: value for key, value in doc.evidence.items() if key != CONSUME}
    if fields:
        evidence[CONSUME] = fields
    return replace(doc, evidence=evidence)


def _per_text(name: str, stage: Stage, held: list[Document], *, release: bool) -> Document:
    """``stage`` over the document ``held`` (taken out of the list, so that this
    function alone holds it), one text at a time and then the notes with no
    place, each with the volume's evidence; each old text is dropped once
    repaired."""
    doc = held.pop()
    evidence = {**doc.evidence}
    if name not in evidence:  # a released run computed it after layout
        evidence[name] = _load(PER_TEXT[name])(doc)
    texts = list(doc.texts)
    unplaced, volume_evidence = doc.unplaced_notes, doc.evidence
    volume_evidence = {key: value for key, value in volume_evidence.items() if key != name}
    base = replace(doc, texts=(), unplaced_notes=(), evidence=evidence)
    del doc
    if release:
        base = released(base, name)  # the stage's evidence is in hand: its sources can go
    for k in range(len(texts)):
        repaired = stage(replace(base, texts=(texts[k],)))
        if not isinstance(repaired, Document):
            return repaired  # run() says what went wrong
        if len(repaired.texts) != 1:
            raise PipelineError(name, f"returned {len(repaired.texts)} texts for one")
        texts[k] = repaired.texts[0]
        del repaired
    rest = stage(replace(base, unplaced_notes=unplaced))
    if not isinstance(rest, Document):
        return rest
    return replace(rest, texts=tuple(texts), evidence=volume_evidence)


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def released(doc: Document, done: str) -> Document:
    """``doc`` without what no stage after ``done`` (or the TEI writer) reads.

    After reading, ``raw`` (the decoded input, a second copy of the lines'
    text) keeps only its private-use characters, all the structure stage
    reads it for (a sentinel that occurs nowhere in the input).
    ``source_lines`` go unless the engine's word confidences (the channel
    stage's) or the layout kept in the TEI (page numbers and furniture) need
    them: after the structure stage, or already after the layout stage when
    they tell the structure stage nothing the layout's ``lines`` do not (no
    reader's blocks, not ABBYY's one paragraph per line). After the hyphens
    stage, ``lines`` and ``footnote_refs`` (its evidence) go; already after
    the structure stage when the evidence of every stage in :data:`PER_TEXT`
    is in hand (a released run computes it after layout).
    """
    dropped = _dropped(doc, done)
    return replace(doc, **dropped) if dropped else doc


def _dropped(doc: Document, done: str, evidence: Mapping[str, object] | None = None) -> dict[str, object]:
    """The fields :func:`released` changes, and their new values (``evidence``: the
    document's evidence as it is about to be, if not ``doc.evidence``)."""
    if done == "read":
        return {"raw": "".join(sorted(set(_PRIVATE_USE.findall(doc.raw))))}
    if done in ("layout", "structure") and doc.source_lines and not doc.options.keep_layout \
            and not (source := SourceLines(doc.source_lines)).worded:
        if done == "structure" or (doc.input_format != "abbyy" and not source.blocked):
            return {"source_lines": ()}
    if evidence is None:
        evidence = doc.evidence
    if done == "hyphens" or (done == "structure" and all(name in evidence for name in PER_TEXT)):
        return {"lines": (), "footnote_refs": ()}
    return {}
