"""Batch conversion: many OCR text files to TEI, in parallel, resumable, one result per file.

:func:`plan` (:mod:`~textkit.batch.plan`) turns the paths a user gives into
:class:`Task` s, the input tree mirrored under the output directory;
:func:`run` converts them with an executor (:mod:`~textkit.batch.executors`:
in this process, in a pool of worker processes, or whatever a plugin
registers) and returns one :class:`FileResult` per input: converted,
skipped (up to date, see :mod:`textkit.resume`) or failed with a one-line
reason. One file (:mod:`~textkit.batch.convert`) never stops the others:
what it raises, a worker process that dies with it, a time limit it runs
past, each fails that file alone. Outputs are written atomically
(:mod:`textkit.files`), so a killed run leaves no partial ``.xml``.

This package turns the errors of single files into results (data); it does
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

import functools
import logging
import os  # noqa: F401  (tests stand in for os functions through this module)
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..files import TMP_SUFFIX, flush_to_disk, sweep_temporary_files, write_atomic
from ..model import Options
from ..resume import HOLD_SECONDS, Journal, fingerprint
from .convert import (STDIN, FileResult, Job, Status, Task, convert_one, failed, one_line,
                      review_path, structure_counts, warm_up)
from .executors import (EXECUTORS, Executor, Outcome, ProcessExecutor, SerialExecutor, TimedOut,
                        WorkerDied)
from .plan import output_name, plan

__all__ = [
    "EXECUTORS", "STDIN", "TMP_SUFFIX", "BatchResult", "Executor", "FileResult", "Job",
    "ProcessExecutor", "SerialExecutor", "Status", "Task", "convert_one", "make_executor",
    "one_line", "output_name", "plan", "review_path", "run", "structure_counts",
    "sweep_temporary_files", "warm_up", "write_atomic",
]

log = logging.getLogger(__name__)

WORKER_DIED = "the worker process died converting it (out of memory, or a crash)"


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


OnResult = Callable[[FileResult], None]


def make_executor(name: str, *, jobs: int, options: Options) -> Executor:
    """The executor :data:`EXECUTORS` registers under ``name``, whose workers load the
    dictionaries for ``options`` before their first file."""
    try:
        factory = EXECUTORS[name]
    except KeyError:
        raise ValueError(f"no executor named {name!r}; there are: "
                         f"{', '.join(sorted(EXECUTORS))}") from None
    # Serial work needs no warm-up: the dictionaries load when the first file needs them.
    warm = None if name == "serial" else functools.partial(warm_up, options)
    return factory(jobs=jobs, initializer=warm)


def run(tasks: Sequence[Task], *, out: Path, options: Options | None = None,
        executor: Executor | str | None = None, jobs: int = 1, force: bool = False,
        max_bytes: int | None = None, review: bool = False, timeout: float | None = None,
        on_result: OnResult | None = None) -> BatchResult:
    """Convert every task (outputs under ``out``); call ``on_result`` as each file is done.

    ``executor`` is an :class:`Executor`, or the name of one in
    :data:`EXECUTORS`; by default, ``"processes"`` with ``jobs`` workers when
    ``jobs`` > 1 and there is more than one file to convert, else
    ``"serial"``. Outputs that are up to date (:mod:`textkit.resume`) are
    skipped unless ``force``, which also lets an output replace a file textkit
    did not make (:func:`textkit.files.check_overwrite`). ``timeout``: a file still converting after that
    many seconds fails (``None``: no limit). On ``KeyboardInterrupt`` the
    files in progress are finished, the rest left, and the result says
    ``interrupted``.
    """
    import textkit

    options = options or Options()
    job = Job(options=options, max_bytes=max_bytes, review=review, force=force)
    began = time.perf_counter()
    mark = fingerprint(options, textkit.__version__)
    results: list[FileResult] = []
    journal = Journal(out, mark, hold=HOLD_SECONDS)
    if out.is_dir():
        swept = sweep_temporary_files(out)
        if swept:
            log.info("%s: removed %d temporary files a killed run left", out, swept)

    def done(task: Task, result: FileResult) -> None:
        results.append(result)
        if result.status is Status.CONVERTED and task.input != STDIN and not task.parts:
            journal.add(task.input, task.output, result.summary(),
                        input_sha256=result.sha256, output_sha256=result.output_sha256)
        if on_result is not None:
            on_result(result)

    todo: list[Task] = []
    for task in tasks:
        if not force and task.input != STDIN and not task.parts:
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
        if todo:
            if executor is None:
                executor = "processes" if jobs > 1 and len(todo) > 1 else "serial"
            if isinstance(executor, str):
                executor = make_executor(executor, jobs=min(jobs, len(todo)), options=options)
            # convert_one is looked up here, at call time: a stand-in set on this
            # module (the tests' crashing worker) is the one the executor runs.
            work = functools.partial(convert_one, job=job)
            for outcome in executor.map_unordered(work, todo, timeout=timeout):
                done(outcome.item, _result(outcome, timeout))
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if todo:
            # the outputs were written without a fsync each: sync them here
            flush_to_disk({task.output.parent for task in todo})
        journal.close()
    return BatchResult(results, time.perf_counter() - began, mark, interrupted,
                       pending=len(tasks) - len(results))


def _result(outcome: Outcome[Task, FileResult], timeout: float | None) -> FileResult:
    """The file's result, or a failed one saying why the executor has none."""
    task, error = outcome.item, outcome.error
    if error is None and isinstance(outcome.result, FileResult):
        return outcome.result
    if isinstance(error, WorkerDied):
        return failed(task.input, WORKER_DIED, task.output)
    if isinstance(error, TimedOut):
        return failed(task.input, f"stopped after {timeout:g} s (--timeout): too slow to "
                                  "convert; raise --timeout to give it longer", task.output)
    # convert_one turns every error of the file into a result: this is a bug here.
    return failed(task.input, f"internal error (a textkit bug): {error!r}", task.output)


def _newer(path: Path, than: Path) -> bool:
    try:
        return path.stat().st_mtime_ns >= than.stat().st_mtime_ns
    except OSError:
        return False
