"""Batch conversion: many OCR text files to TEI, in parallel, resumable, one result per file.

:func:`plan` turns the paths a user gives into :class:`Task` s (the input
tree mirrored under the output directory); :func:`run` converts them, in
this process or in a pool of worker processes, and returns one
:class:`FileResult` per input: converted, skipped (up to date, see
:mod:`textkit.resume`) or failed with a one-line reason. A failing file never
stops the others, a worker process that dies is replaced, and an output is
written atomically (temporary file in the same directory, then
``os.replace``), so a killed run leaves no partial ``.xml``.

This module turns the errors of single files into results (data); it does
not print. ``textkit.cli`` reports them.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     src = Path(tmp, "vol.txt")
...     _ = src.write_text("INTRODUCTION\\n\\nAnn Lee\\n\\nn the beginning there was a scan.\\n")
...     tasks, problems = plan([str(src)], out=Path(tmp, "tei"))
...     [r.status.value for r in run(tasks, out=Path(tmp, "tei")).results]
['converted']
"""

from __future__ import annotations

import enum
import fnmatch
import logging
import multiprocessing
import multiprocessing.context
import os
import re
import signal
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent import futures
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import TextkitError, ValidationError
from .model import Options
from .resume import Journal, fingerprint

log = logging.getLogger(__name__)

STDIN = "-"
TMP_SUFFIX = ".textkit-tmp"
_UMASK = os.umask(0)
os.umask(_UMASK)


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

    @property
    def source(self) -> str:
        """The name the TEI header gives the input."""
        return "stdin" if self.input == STDIN else Path(self.input).name


@dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    """What to do with every file of a batch (sent to the worker processes).

    ``options``: how to convert (:class:`~textkit.model.Options`).
    ``max_bytes``: refuse larger inputs unread (``None``: no limit).
    ``review``: also write the review page (:mod:`textkit.review`) next to each TEI.
    """

    options: Options = field(default_factory=Options)
    max_bytes: int | None = None
    review: bool = False


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
    replaced_characters: int = 0
    """Control or non-XML characters the read stage replaced (see :mod:`textkit.read`)."""
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

    def summary(self) -> dict[str, Any]:
        """The facts a later run copies into its report when it skips this file."""
        return {"bytes": self.bytes, "words": self.words, "encoding": self.encoding,
                "replaced_characters": self.replaced_characters,
                "corrections": self.corrections, "structure": self.structure,
                "validation": self.validation, "warnings": list(self.warnings[:3]),
                "warning_count": self.warning_count, "review": self.review}


@dataclass(frozen=True, slots=True)
class BatchResult:
    results: list[FileResult]
    seconds: float
    fingerprint: str
    interrupted: bool = False
    pending: int = 0
    """Inputs an interrupted run did not get to (they have no result; a rerun does them)."""

    def counts(self) -> dict[str, int]:
        counts = Counter(r.status.value for r in self.results)
        return {status.value: counts.get(status.value, 0) for status in Status}

    @property
    def ok(self) -> bool:
        return not self.interrupted and all(r.status is not Status.FAILED for r in self.results)


# --- planning ---------------------------------------------------------------------------


def output_name(name: str) -> str:
    """The output file name for an input file name.

    >>> output_name("vol.txt"), output_name("README"), output_name("a.b.txt")
    ('vol.xml', 'README.xml', 'a.b.xml')
    """
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return f"{stem}.xml"


def plan(paths: Sequence[str], *, out: Path, glob: str = "*.txt",
         stdin: bytes | None = None) -> tuple[list[Task], list[FileResult]]:
    """The tasks for ``paths``, and a failed result for each path that cannot be used.

    A file ``x/y.txt`` goes to ``out/y.xml``; a directory is searched
    recursively for names matching ``glob`` and mirrored, ``d/x/y.txt`` going
    to ``out/x/y.xml``; ``-`` (standard input, whose bytes are ``stdin``)
    goes to ``out/stdin.xml``. The output directory is never searched.
    """
    out_resolved = out.resolve()
    tasks: list[Task] = []
    problems: list[FileResult] = []
    owners: dict[Path, str] = {}
    seen: set[Path] = set()

    def add(input_: str, output: Path, data: bytes | None = None) -> None:
        if input_ != STDIN:
            real = Path(input_).resolve()
            if real in seen:
                return
            seen.add(real)
            if real == output.resolve():
                problems.append(_failed(input_, "would overwrite itself: choose another --out"))
                return
        key = output.resolve()
        if key in owners:
            problems.append(_failed(input_, f"its output {output} is also the output of "
                                            f"{owners[key]}; convert them to different --out"))
            return
        owners[key] = input_
        tasks.append(Task(input_, output, data))

    for path in paths:
        if path == STDIN:
            add(STDIN, out / "stdin.xml", stdin if stdin is not None else b"")
            continue
        where = Path(path)
        if where.is_dir():
            for found, error in _walk(where, glob, skip=out_resolved):
                if error is not None:
                    problems.append(_failed(found, error))
                else:
                    relative = Path(os.path.relpath(found, where))
                    add(found, out / relative.parent / output_name(relative.name))
        elif where.exists() or where.is_symlink():
            add(path, out / output_name(where.name))
        else:
            problems.append(_failed(path, "no such file or directory"))
    return tasks, problems


def _walk(root: Path, glob: str, *, skip: Path) -> Iterator[tuple[str, str | None]]:
    """``(path, None)`` for each matching file under ``root``, sorted; ``(dir, reason)`` for unreadable dirs."""
    errors: list[OSError] = []
    for directory, dirs, files in os.walk(root, onerror=errors.append):
        while errors:
            error = errors.pop()
            yield str(error.filename), f"cannot read directory: {error.strerror}"
        dirs[:] = sorted(d for d in dirs if Path(directory, d).resolve() != skip)
        for name in sorted(files):
            if fnmatch.fnmatch(name, glob) and not name.endswith(TMP_SUFFIX):
                yield os.path.join(directory, name), None
    while errors:
        error = errors.pop()
        yield str(error.filename), f"cannot read directory: {error.strerror}"


def _failed(input_: str, reason: str, output: Path | None = None) -> FileResult:
    return FileResult(input_, str(output) if output else None, Status.FAILED, reason)


# --- converting one file ---------------------------------------------------------------


def convert_one(task: Task, job: Job) -> FileResult:
    """Convert one input and write its TEI; every failure becomes a failed result.

    Reads, converts (``textkit.convert_bytes``), writes TEI
    (``textkit.to_tei``), validates it against the project schema, and only
    then writes it, atomically (and its review page, if ``job.review``). An
    input larger than ``job.max_bytes`` is refused before it is read. Warnings the stages log about the file are
    kept in the result (not printed).
    """
    began = time.perf_counter()
    facts: dict[str, Any] = {}

    def result(status: Status, reason: str = "", **more: Any) -> FileResult:
        return FileResult(task.input, str(task.output), status, reason,
                          seconds=round(time.perf_counter() - began, 4), **{**facts, **more})

    try:
        if task.data is None and job.max_bytes is not None:
            size = Path(task.input).stat().st_size
            if size > job.max_bytes:
                return result(Status.FAILED, f"too large ({size / 1e6:.1f} MB, more than "
                                             f"{job.max_bytes / 1e6:g} MB): raise --max-size to "
                                             "convert it",
                              bytes=size)
        data = task.data if task.data is not None else Path(task.input).read_bytes()
    except OSError as error:
        return result(Status.FAILED, f"cannot read: {error.strerror or error}")
    except MemoryError:
        return result(Status.FAILED, "out of memory reading it: the file is too large for this machine")
    with _collect_warnings() as warnings:
        converted = _convert_data(task, job, data, facts, result)
    if warnings.count:
        return replace(converted, warnings=tuple(warnings.messages), warning_count=warnings.count)
    return converted


def _convert_data(task: Task, job: Job, data: bytes, facts: dict[str, Any],
                  result: Callable[..., FileResult]) -> FileResult:
    import textkit

    from .read import decode, normalize

    options = job.options
    facts["bytes"] = len(data)
    facts["words"] = len(data.split())
    try:
        doc = textkit.convert_bytes(data, source=task.source, options=options)
        facts["encoding"] = doc.encoding
        facts["replaced_characters"] = normalize(decode(data, source=task.source)[0])[1]
        facts["corrections"] = dict(Counter(c.rule.value for c in doc.corrections()))
        facts["structure"] = structure_counts(doc)
        xml = textkit.to_tei(doc).encode("utf-8")
        try:
            # Bytes, as written: the problems' line numbers are the file's.
            textkit.validate(xml, source=task.source)
        except ValidationError as error:
            problems = [[line, message] for line, message in error.problems[:20]]
            first = f": line {problems[0][0]}: {problems[0][1]}" if problems else ""
            return result(Status.FAILED, f"the TEI made is not valid (a textkit bug){first}",
                          validation={"valid": False, "problems": problems})
        facts["validation"] = {"valid": True}
        write_atomic(task.output, xml)
        if job.review:
            from .review import write_review

            try:
                facts["review"] = write_review(task.output, review_path(task.output))
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


def review_path(output: Path) -> Path:
    """Where ``--review`` puts the review page of ``output``: beside it, ``.html``."""
    return output.with_suffix(".html")


def structure_counts(doc: Any) -> dict[str, int]:
    """How many texts, section headings (any level), paragraphs and notes ``doc`` has."""
    from .model import BlockKind

    def divisions(items: Any) -> Iterator[Any]:
        for division in items:
            yield division
            yield from divisions(division.divisions)

    kinds = Counter(block.kind for block in doc.blocks())
    return {"texts": len(doc.texts),
            "headings": sum(1 for text in doc.texts for _ in divisions(text.divisions)),
            "paragraphs": kinds[BlockKind.PARAGRAPH], "quotes": kinds[BlockKind.QUOTE],
            "editorial_notes": kinds[BlockKind.EDITORIAL_NOTE],
            "notes": sum(1 for _ in doc.footnotes())}


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory.

    The temporary name ends in ``.textkit-tmp``, never ``.xml``; it is
    removed on any error, and a later run sweeps those a killed run left.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.",
                               suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_TMP_NAME = re.compile(r"^\..*\.(\d+)\.[^.]*" + re.escape(TMP_SUFFIX) + "$")


def sweep_temporary_files(out: Path) -> int:
    """Remove temporary files that killed runs left under ``out``; return how many."""
    removed = 0
    for directory, _, files in os.walk(out):
        for name in files:
            match = _TMP_NAME.match(name)
            if match and not _alive(int(match.group(1))):
                try:
                    os.unlink(os.path.join(directory, name))
                    removed += 1
                except OSError:
                    pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --- running a batch ---------------------------------------------------------------------

OnResult = Callable[[FileResult], None]


def run(tasks: Sequence[Task], *, out: Path, options: Options | None = None, jobs: int = 1,
        force: bool = False, max_bytes: int | None = None, review: bool = False,
        on_result: OnResult | None = None) -> BatchResult:
    """Convert every task (outputs under ``out``); call ``on_result`` as each file is done.

    With ``jobs`` > 1 and more than one task, files are converted in a pool of
    ``jobs`` worker processes, each of which loads the dictionaries once.
    Outputs that are up to date (:mod:`textkit.resume`) are skipped unless
    ``force``. On ``KeyboardInterrupt`` the files in progress are finished,
    the rest left, and the result says ``interrupted``.
    """
    import textkit

    options = options or Options()
    job = Job(options=options, max_bytes=max_bytes, review=review)
    began = time.perf_counter()
    mark = fingerprint(options, textkit.__version__)
    results: list[FileResult] = []
    journal = Journal(out, mark)
    if out.is_dir():
        swept = sweep_temporary_files(out)
        if swept:
            log.info("%s: removed %d temporary files a killed run left", out, swept)

    def done(task: Task, result: FileResult) -> None:
        results.append(result)
        if result.status is Status.CONVERTED and task.input != STDIN:
            journal.add(Path(task.input), task.output, result.summary())
        if on_result is not None:
            on_result(result)

    todo: list[Task] = []
    for task in tasks:
        if not force and task.input != STDIN:
            record = journal.fresh(Path(task.input), task.output)
            if record is not None and review and not _newer(review_path(task.output), task.output):
                record = None  # up to date, but its review page is missing or stale
            if record is not None:
                summary = {k: v for k, v in record.get("summary", {}).items()
                           if k in FileResult.__slots__}  # type: ignore[attr-defined]
                summary["warnings"] = tuple(summary.get("warnings", ()))
                done(task, FileResult(task.input, str(task.output), Status.SKIPPED, **summary))
                continue
        todo.append(task)

    interrupted = False
    try:
        if jobs <= 1 or len(todo) <= 1:
            if todo:  # charge the dictionaries to the run, not to its first file's time
                warm_up(options)
            for task in todo:
                done(task, convert_one(task, job))
        else:
            _run_pool(todo, job, jobs, done)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        journal.close()
    return BatchResult(results, time.perf_counter() - began, mark, interrupted,
                       pending=len(tasks) - len(results))


# --- the worker pool ---------------------------------------------------------------------


def _init_worker(options: Options, parent: int) -> None:
    """Start a worker: ignore Ctrl-C (the parent decides), die with the parent, load dictionaries."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    warm_up(options)


def warm_up(options: Options) -> None:
    """Build the lexicon and OCR dictionaries and compile the schema of this process now
    (each is cached once built)."""
    import textkit

    try:
        doc = textkit.convert_text("WARM UP\n\nA B\n\nn a small text about words.\n",
                                   source="warm-up", options=options)
        textkit.validate(textkit.to_tei(doc))  # compiles the schema
    except Exception:  # a broken stage shows on the first real file, with its name
        log.debug("warm-up failed", exc_info=True)


def _pool_context() -> multiprocessing.context.BaseContext:
    # fork where there is one: workers then share the dictionaries the
    # parent built (copy-on-write) instead of each building its own.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _watch_parent(parent: int) -> None:
    # A killed parent cannot shut the pool down; its orphaned workers would
    # wait forever on the task queue.
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _newer(path: Path, than: Path) -> bool:
    try:
        return path.stat().st_mtime_ns >= than.stat().st_mtime_ns
    except OSError:
        return False


def _run_pool(todo: Sequence[Task], job: Job, jobs: int,
              done: Callable[[Task, FileResult], None]) -> None:
    queue = list(reversed(todo))
    suspects: list[Task] = []
    context = _pool_context()
    if context.get_start_method() == "fork":
        warm_up(job.options)
    while queue or suspects:
        executor = futures.ProcessPoolExecutor(max_workers=min(jobs, len(queue) or 1),
                                               mp_context=context, initializer=_init_worker,
                                               initargs=(job.options, os.getpid()))
        try:
            if suspects:
                # After a worker died, retry each file that was in flight alone:
                # the one that kills a worker again fails, the others convert.
                task = suspects.pop()
                try:
                    done(task, executor.submit(convert_one, task, job).result())
                except futures.process.BrokenProcessPool:
                    done(task, _failed(task.input, "the worker process died converting it "
                                       "(out of memory, or a crash)", task.output))
                continue
            suspects = _drain(executor, queue, job, jobs, done)
        except KeyboardInterrupt:
            _stop_workers(executor)
            raise
        finally:
            executor.shutdown(wait=True, cancel_futures=True)


FILES_PER_WORKER = 500
"""Workers are replaced after about this many files each, so that whatever a
process accumulates (caches of the words it has seen) cannot grow without
bound over a night's run. New workers are forked from the parent, which holds
the dictionaries already built, so replacing them costs little."""


def _drain(executor: futures.ProcessPoolExecutor, queue: list[Task], job: Job,
           jobs: int, done: Callable[[Task, FileResult], None]) -> list[Task]:
    """Feed ``queue`` to ``executor`` a few tasks ahead, up to its workers' budget of files;
    return the tasks in flight if the pool breaks."""
    running: dict[futures.Future[FileResult], Task] = {}
    budget = FILES_PER_WORKER * jobs
    try:
        while (queue and budget) or running:
            while queue and budget and len(running) < 2 * jobs:
                task = queue.pop()
                running[executor.submit(convert_one, task, job)] = task
                budget -= 1
            finished, _ = futures.wait(running, return_when=futures.FIRST_COMPLETED)
            for future in finished:
                task = running.pop(future)
                error = future.exception()
                if isinstance(error, futures.process.BrokenProcessPool):
                    running[future] = task
                    return list(running.values())
                if error is not None:  # convert_one catches everything; this is a bug here
                    done(task, _failed(task.input, f"internal error: {error!r}", task.output))
                else:
                    done(task, future.result())
    except KeyboardInterrupt:
        # Finish what is in flight (it is written atomically) and stop.
        for future in running:
            future.cancel()
        log.warning("interrupted; finishing the files in progress (Ctrl-C again stops at once)")
        try:
            for future in futures.as_completed(running):
                if not future.cancelled() and future.exception() is None:
                    done(running[future], future.result())
        except KeyboardInterrupt:
            pass
        raise
    return []


def _stop_workers(executor: futures.ProcessPoolExecutor) -> None:
    # No public API stops a pool's workers at once; shutdown() waits for them.
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.terminate()
        except (OSError, ValueError):  # already gone, or closed
            continue
