"""Converting one file of a batch: the unit of work an executor runs, and its result.

:func:`convert_one` takes a :class:`Task` (an input and where its TEI goes)
and a :class:`Job` (what to do with every file) and returns a
:class:`FileResult`; all three are small frozen dataclasses that pickle, so
any executor (:mod:`textkit.batch.executors`) can send them to another
process or machine. Every failure of the file becomes a failed result with
a one-line reason: nothing a file does stops the others.
"""

from __future__ import annotations

import enum
import hashlib
import logging
import operator
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .. import logs
from ..errors import TextkitError, ValidationError
from ..files import atomic_output, check_overwrite
from ..model import Options

log = logging.getLogger("textkit.batch")

STDIN = "-"
_POSIX = os.sep == "/" and os.altsep is None


class Status(enum.Enum):
    CONVERTED = "converted"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Task:
    """One input to convert and where its TEI goes.

    ``input`` is the path as the user would name it (or ``-`` for standard
    input, whose bytes are in ``data``).
    """

    input: str
    output: Path
    data: bytes | None = None
    parts: tuple[str, ...] = ()
    """The files of a volume given as a directory of pages (``--volume-per-dir``),
    in order; ``input`` is then the directory."""

    @property
    def source(self) -> str:
        """The name the TEI header gives the input (``Path(input).name``)."""
        if self.input == STDIN:
            return "stdin"
        name = self.input.rpartition("/")[2]  # on POSIX Path's last part, where that is a name
        return name if _POSIX and name and name != "." else Path(self.input).name


@dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    """What to do with every file of a batch (sent to the worker processes).

    ``options``: how to convert (:class:`~textkit.model.Options`).
    ``max_bytes``: refuse larger inputs unread (``None``: no limit).
    ``review``: also write the review page (:mod:`textkit.review`) next to each TEI.
    ``force``: replace an output (or review page) even if textkit did not make it.
    """

    options: Options = field(default_factory=Options)
    max_bytes: int | None = None
    review: bool = False
    force: bool = False


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one input. ``reason`` is one line, set when it failed."""

    input: str
    output: str | None
    status: Status
    reason: str = ""
    seconds: float = 0.0
    bytes: int = 0
    words: int = 0
    encoding: str | None = None
    input_format: str | None = None
    """The reader that read the input (``text``, ``hocr``, ``alto``, ``page`` …)."""
    replaced_characters: int = 0
    """Control or non-XML characters the read stage replaced (see :mod:`textkit.read`)."""
    replaced_bytes: int = 0
    """Bytes wrong in the input's encoding, each read as U+FFFD (see :mod:`textkit.read`)."""
    sha256: str | None = None
    """The SHA-256 of the input's bytes, as read (what resuming compares)."""
    output_sha256: str | None = None
    """The SHA-256 of the TEI written (an output replaced since is not up to date)."""
    corrections: dict[str, int] = field(default_factory=dict)
    """Number of corrections by rule (``Rule.value``)."""
    structure: dict[str, int] = field(default_factory=dict)
    """Texts, headings, paragraphs and notes found."""
    validation: dict[str, Any] | None = None
    """``{"valid": True}``, or ``{"valid": False, "problems": [[line, message], ...]}``."""
    warnings: tuple[str, ...] = ()
    """The first warnings the stages logged about this file."""
    warning_count: int = 0
    review: dict[str, int] | None = None
    """The counts of the review page written (``--review``), else ``None``."""
    suggestions: tuple[dict[str, Any], ...] = ()
    """Corrections below the threshold, not applied (line, original, replacement, rule, evidence)."""

    def __reduce__(self) -> tuple[Callable[..., FileResult], tuple[Any, ...]]:
        # Pickled as its values, the status as its string: what a worker sends back for
        # every file, and the batch's process unpickles, at a third of the cost of
        # dataclasses' state of a slotted class and of an Enum member's lookup by value.
        values = _result_values(self)
        return _unpickled, (values[2].value, *values[:2], *values[3:])

    def summary(self) -> dict[str, Any]:
        """The facts a later run copies into its report when it skips this file."""
        return {"bytes": self.bytes, "words": self.words, "encoding": self.encoding,
                "replaced_characters": self.replaced_characters,
                "replaced_bytes": self.replaced_bytes,
                "corrections": self.corrections, "structure": self.structure,
                "validation": self.validation, "warnings": list(self.warnings[:3]),
                "warning_count": self.warning_count, "review": self.review}


_RESULT_FIELDS = tuple(f.name for f in fields(FileResult))
_result_values = operator.attrgetter(*_RESULT_FIELDS)
_STATUSES = {status.value: status for status in Status}


def _unpickled(status: str, *values: Any) -> FileResult:
    """The :class:`FileResult` that :meth:`FileResult.__reduce__` pickled."""
    result = object.__new__(FileResult)
    for name, value in zip(_RESULT_FIELDS, (*values[:2], _STATUSES[status], *values[2:])):
        object.__setattr__(result, name, value)
    return result


def failed(input_: str, reason: str, output: Path | None = None) -> FileResult:
    """A failed result for ``input_``."""
    return FileResult(input_, str(output) if output else None, Status.FAILED, reason)


def convert_one(task: Task, job: Job) -> FileResult:
    """Convert one input and write its TEI; every failure becomes a failed result.

    Reads, converts (the pipeline), writes the TEI one text at a time
    (:func:`textkit.tei.writer.tei_pieces`), each validated against the
    project schema before it is written, atomically (and its review page, if ``job.review``). An
    input larger than ``job.max_bytes`` is refused before it is read. Warnings the stages log about the file are
    kept in the result (not printed).
    """
    began = time.perf_counter()
    facts: dict[str, Any] = {}

    def result(status: Status, reason: str = "", **more: Any) -> FileResult:
        return FileResult(task.input, str(task.output), status, reason,
                          seconds=round(time.perf_counter() - began, 4), **{**facts, **more})

    try:
        if task.parts:
            if job.max_bytes is not None:
                size = os.stat(task.input).st_size
                if size > job.max_bytes:
                    return result(Status.FAILED, _too_large(size, job.max_bytes), bytes=size)
            return _convert_volume(task, job, facts, result)
        # Held in a list the conversion empties: the bytes go once read (a volume is not held twice).
        if task.data is not None:
            data = [task.data]
        else:  # one open: its size (refused unread when too large), then its bytes
            size, content = _read_input(task.input, job.max_bytes)
            if content is None:
                return result(Status.FAILED, _too_large(size, job.max_bytes or 0), bytes=size)
            data = [content]
    except OSError as error:
        return result(Status.FAILED, f"cannot read: {error.strerror or error}")
    except MemoryError:
        return result(Status.FAILED, "out of memory reading it: the file is too large for this machine")
    with _collect_warnings() as warnings, logs.about(task.input):
        converted = _convert_data(task, job, data, facts, result)
    if warnings.count:
        return replace(converted, warnings=tuple(warnings.messages), warning_count=warnings.count)
    return converted


def _read_input(path: str, max_bytes: int | None) -> tuple[int, bytes | None]:
    """The size of the file at ``path`` and its bytes (``None`` when it is larger than
    ``max_bytes``: not read). One descriptor, no buffered file object: the open, one
    ``fstat`` and the reads to the end are all the system calls a batch's small file costs."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        if max_bytes is not None and size > max_bytes:
            return size, None
        chunks = []
        while chunk := os.read(fd, max(size + 1, 1 << 16) if not chunks else 1 << 20):
            chunks.append(chunk)  # to the end, however the size has changed since the fstat
        return size, chunks[0] if len(chunks) == 1 else b"".join(chunks)  # b"": empty
    finally:
        os.close(fd)


def _too_large(size: int, max_bytes: int) -> str:
    return (f"too large ({size / 1e6:.1f} MB, more than {max_bytes / 1e6:g} MB): raise --max-size "
            "to convert it")


def _convert_volume(task: Task, job: Job, facts: dict[str, Any],
                    result: Callable[..., FileResult]) -> FileResult:
    """A directory of page files, converted as one volume (``--volume-per-dir``)."""
    parts = []
    for name in task.parts:
        try:
            parts.append((Path(name).name, Path(name).read_bytes()))
        except OSError as error:
            return result(Status.FAILED, f"{Path(name).name}: cannot read: {error.strerror or error}")
    if job.max_bytes is not None and sum(len(d) for _, d in parts) > job.max_bytes:
        return result(Status.FAILED, f"too large (more than {job.max_bytes / 1e6:g} MB): raise "
                                     "--max-size to convert it")
    with _collect_warnings() as warnings:
        converted = _convert_data(task, job, [b"".join(d for _, d in parts)], facts, result, parts)
    if warnings.count:
        return replace(converted, warnings=tuple(warnings.messages), warning_count=warnings.count)
    return converted


def _convert_data(task: Task, job: Job, held: list[bytes], facts: dict[str, Any],
                  result: Callable[..., FileResult],
                  parts: list[tuple[str, bytes]] | None = None) -> FileResult:
    """Convert the input bytes ``held`` (taken out of the list: they are released
    once read), validate the TEI as it is written, and write it atomically."""
    from ..pipeline import run
    from ..read import read_bytes, read_volume
    from ..tei.validate import validate_piece
    from ..tei.writer import tei_pieces

    options = job.options
    facts["bytes"] = len(held[0])
    facts["words"] = word_count(held[0])
    try:
        # The review page is made from the document with its layout kept: it needs it all.
        release = not job.review
        # No name holds the bytes nor the document read: each goes when no longer needed.
        if parts is not None:
            held.clear()
            doc = run(read_volume(parts, source=task.source, options=options), release=release)
        else:
            doc = run(read_bytes(held.pop(), source=task.source, options=options), release=release)
        facts["encoding"] = doc.encoding
        facts["input_format"] = doc.input_format
        facts["replaced_bytes"] = doc.replaced_bytes
        facts["replaced_characters"] = doc.replaced_characters
        facts["corrections"] = dict(Counter(c.rule.value for c in doc.corrections()))
        facts["structure"] = structure_counts(doc)
        if doc.suggestions:  # below the threshold: not applied, listed for a reviewer
            facts["suggestions"] = tuple({"line": s.line, "original": s.original, "replacement": s.replacement,
                                     "rule": s.rule.value, "evidence": s.note}
                                    for s in doc.suggestions[:200])
        check_overwrite(task.output, force=job.force)
        if job.review:
            check_overwrite(review_path(task.output), force=job.force)
        digest = hashlib.sha256()
        try:
            # One text at a time: each piece is validated (its lines the file's) before it
            # is written; an invalid one removes the temporary file, the output is untouched.
            with atomic_output(task.output, durable=False) as out:  # the batch syncs at its end
                for piece in tei_pieces(doc):
                    validate_piece(piece, source=task.source)
                    chunk = piece.text.encode("utf-8")
                    out.write(chunk)
                    digest.update(chunk)
                    del piece, chunk
        except ValidationError as error:
            problems = [[line, message] for line, message in error.problems[:20]]
            first = f": line {problems[0][0]}: {problems[0][1]}" if problems else ""
            return result(Status.FAILED, f"the TEI made is not valid (a textkit bug){first}",
                          validation={"valid": False, "problems": problems})
        facts["validation"] = {"valid": True}
        facts["sha256"] = doc.sha256
        facts["output_sha256"] = digest.hexdigest()
        if job.review:
            import textkit
            from ..review import write_review

            try:
                # The same document with its layout kept: the page shows every hyphen
                # join (recorded corrections) even when the TEI written keeps no lb.
                shown = None if options.keep_layout else textkit.to_tei(
                    doc.with_options(keep_layout=True)).encode("utf-8")
                facts["review"] = write_review(task.output, review_path(task.output),
                                               force=job.force, tei=shown)
            except TextkitError as error:
                return result(Status.FAILED, f"converted, but the review page failed: "
                                             f"{one_line(error, str(task.output))}")
    except TextkitError as error:
        return result(Status.FAILED, one_line(error, task.source))
    except OSError as error:
        return result(Status.FAILED, f"cannot write {task.output}: {error.strerror or error}")
    except MemoryError:
        return result(Status.FAILED, "out of memory: the file is too large for this machine")
    except RecursionError:
        return result(Status.FAILED, "internal error: recursion too deep (a textkit bug)")
    except Exception as error:  # a bug: report it on this file and go on with the others
        log.debug("%s: internal error", task.input, exc_info=True)
        return result(Status.FAILED, f"internal error (a textkit bug): {type(error).__name__}: {error}")
    return result(Status.CONVERTED)


class _Warnings(logging.Handler):
    """Collects what textkit logs at WARNING and above while one file converts."""

    KEEP = 20

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if len(self.messages) < self.KEEP:
            self.messages.append(record.getMessage())


@contextmanager
def _collect_warnings() -> Iterator[_Warnings]:
    logger = logging.getLogger("textkit")
    handler = _Warnings()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def one_line(error: BaseException, source: str | None = None) -> str:
    """The message of ``error`` on one line, without the file name prefix it may carry."""
    text = str(error)
    for prefix in (getattr(error, "source", None), source):
        if isinstance(prefix, str) and text.startswith(f"{prefix}: "):
            text = text[len(prefix) + 2:]
    lines = [line for line in text.splitlines() if line.strip()]
    return "; ".join(lines[:2]) if lines else type(error).__name__


_SPACE = re.compile(rb"[ \t\n\r\x0b\x0c]")
_CHUNK = 1 << 20


def word_count(data: bytes) -> int:
    """``len(data.split())``, a megabyte at a time (not a list of every word of a volume).

    >>> word_count(b"two words"), word_count(b" a\\nb  c "), word_count(b"")
    (2, 3, 0)
    """
    count, start = 0, 0
    while start < len(data):
        found = _SPACE.search(data, min(start + _CHUNK, len(data)))  # cut where no word is
        end = found.start() if found else len(data)
        count += len(data[start:end].split())
        start = end + 1
    return count


def review_path(output: Path) -> Path:
    """Where ``--review`` puts the review page of ``output``: beside it, ``.html``."""
    return output.with_suffix(".html")


def structure_counts(doc: Any) -> dict[str, int]:
    """How many texts, section headings (any level), paragraphs and notes ``doc`` has."""
    from ..model import BlockKind

    def divisions(items: Any) -> Iterator[Any]:
        for division in items:
            yield division
            yield from divisions(division.divisions)

    kinds = Counter(block.kind for block in doc.blocks())
    return {"texts": len(doc.texts),
            "headings": sum(1 for text in doc.texts for _ in divisions(text.divisions)),
            "paragraphs": kinds[BlockKind.PARAGRAPH], "quotes": kinds[BlockKind.QUOTE],
            "editorial_notes": kinds[BlockKind.EDITORIAL_NOTE],
            "notes": sum(1 for _ in doc.footnotes()),
            "unanchored_notes": sum(1 for note in doc.footnotes() if not note.anchored)}


WARM_UP_TEXT = (b"THE WARM-UP VOLUME\n\nESSAYS ON WORDS\n\nAnn Lee\n\n"
                b"n the beginning there was a scan of tbe printed page, and its conver-\n"
                b"sion into a text.1 The rnodern reader sees what the page said.\n\n"
                b"1 A note at the foot of the page.\n\n2\n")
"""What :func:`warm_up` converts: a page as OCR reads one (a title, an author, a drop cap
read as a missing letter, a word broken at a line's end, a reference numeral and a note's
line, a page number, two classic misreadings), so that the stages a file goes through
have run once."""


def warm_up(options: Options) -> None:
    """Load what every file needs, once for this process, before the first file: the
    lexicon and OCR dictionaries, the modules of every stage and reader, the regular
    expressions they compile, the schema (each is kept once built).

    :data:`WARM_UP_TEXT` goes the way a batch's file goes (its bytes read as a reader
    reads them, the pipeline, the TEI in pieces, each validated) but is written nowhere.
    What a stage learns of the words it sees is cached by word, so a batch's own words
    are still new to it; only its first file no longer pays for the rest."""
    from ..pipeline import run
    from ..read import read_bytes
    from ..tei.validate import validate_piece
    from ..tei.writer import tei_pieces

    try:
        doc = run(read_bytes(WARM_UP_TEXT, source="warm-up.txt", options=options), release=True)
        for piece in tei_pieces(doc):
            validate_piece(piece, source="warm-up.txt")
        structure_counts(doc)
    except Exception:  # a broken stage shows on the first real file, with its name
        log.debug("warm-up failed", exc_info=True)
