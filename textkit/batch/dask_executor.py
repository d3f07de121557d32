"""A batch on a Dask cluster: :class:`DaskExecutor`, the ``dask`` entry of the executors.

``textkit convert scans/ --out tei/ --scheduler tcp://host:8786`` (or
``--scheduler local`` for a :class:`distributed.LocalCluster` of ``--jobs``
workers on this machine) sends each file to a worker of a running Dask
scheduler: one task per file, each running the same
:func:`~textkit.batch.convert.convert_one` as ``--jobs`` does. The workers
read the inputs and write the outputs themselves, so they must see the
client's files at the same absolute paths (a shared filesystem); relative
paths are made absolute here, in the client, before the tasks leave.

What the contract of :mod:`textkit.batch.executors` asks, and how:

* A worker that dies (killed, out of memory, its machine gone) costs only
  the tasks it held: the scheduler gives them to another worker. A task
  whose workers keep dying (``distributed.scheduler.allowed-failures``,
  3 by default) fails alone, as :class:`~textkit.batch.executors.WorkerDied`.
  Outputs are written atomically by the task, so a killed worker leaves no
  partial ``.xml``. (They are made durable by the client's ``sync`` when the
  batch ends: on a shared filesystem, that is the client's view of it; NFS
  commits a file to its server when the worker closes it.)
* ``initializer`` (loading the dictionaries) runs once per worker process,
  before its first item.
* ``timeout``: a task seen running on a worker for longer than that fails
  as :class:`~textkit.batch.executors.TimedOut`. Dask cannot stop a running
  task, so the worker finishes it in the background; its result is ignored
  (the journal does not record it, so the next run converts it again).
* Ctrl-C: nothing new is submitted, the tasks in flight are waited for and
  yielded, then ``KeyboardInterrupt``; a second Ctrl-C cancels them.
* Only a bounded window of tasks is in flight at a time, so a million files
  are never a million futures; small files travel together, up to
  :data:`CHUNK_FILES` in one task (one at a time when there is a ``timeout``).
  A worker that dies with a chunk costs the chunk its place: it is redone
  elsewhere, whole (what it had written is written again, identically); a
  chunk whose workers keep dying is split, each file alone, so that only the
  file that kills them fails.

``dask`` and ``distributed`` are imported only when this executor is made
(``pip install 'textkit[dask]'``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any, Generic, TypeVar

from .executors import Outcome, TimedOut, WorkerDied, first_interrupt

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

LOCAL = "local"
"""The scheduler address that means: start a ``LocalCluster`` on this machine."""

SCHEDULER_VARIABLE = "TEXTKIT_SCHEDULER"
"""The environment variable read when no scheduler is given (else :data:`LOCAL`)."""

CHUNK_FILES = 32
CHUNK_BYTES = 256_000
"""Small files go to the workers together, up to this many in one task and this many
bytes; a larger file goes alone (a task costs the scheduler a few milliseconds)."""

POLL_SECONDS = 0.5
"""How often the client looks at the tasks when none finishes (for timeouts, Ctrl-C)."""


class DaskExecutor:
    """Every item as a task on a Dask cluster (see the module's docstring).

    ``scheduler``: the address of a running scheduler (``tcp://host:8786``),
    or ``"local"`` to start a ``LocalCluster`` of ``jobs`` single-threaded
    worker processes here (default: ``$TEXTKIT_SCHEDULER``, else local).
    ``client``: an existing :class:`distributed.Client` to use instead (it
    is left open). ``window``: how many tasks may be in flight at once
    (default: four per worker thread, at least 32).
    """

    def __init__(self, *, jobs: int = 2, initializer: Callable[[], object] | None = None,
                 scheduler: str | None = None, client: Any = None,
                 window: int | None = None, connect_timeout: float = 30.0) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        if window is not None and window < 1:
            raise ValueError(f"window must be at least 1, not {window}")
        try:
            import distributed  # noqa: F401
        except ImportError as error:
            raise ImportError("the dask executor needs dask's distributed scheduler: "
                              "pip install 'textkit[dask]'") from error
        self.jobs = jobs
        self.initializer = initializer
        self.scheduler = scheduler or os.environ.get(SCHEDULER_VARIABLE) or LOCAL
        self.client = client
        self.window = window
        self.connect_timeout = connect_timeout

    def map_unordered(self, fn: Callable[[T], R], items: Iterable[T], *,
                      timeout: float | None = None) -> Iterator[Outcome[T, R]]:
        client, close = self._connect()
        try:
            yield from self._run(client, fn, items, timeout)
        finally:
            close()

    # --- the client's side ----------------------------------------------------------------

    def _connect(self) -> tuple[Any, Callable[[], None]]:
        from distributed import Client

        if self.client is not None:
            return self.client, lambda: None
        if self.scheduler == LOCAL:
            from distributed import LocalCluster

            cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)

            def close() -> None:
                client.close()
                cluster.close()

            return client, close
        try:
            client = Client(self.scheduler, timeout=self.connect_timeout)
        except (OSError, TimeoutError) as error:
            from ..errors import InputError

            raise InputError(f"cannot reach the Dask scheduler at {self.scheduler}: {error}",
                             source=self.scheduler) from error
        return client, client.close

    def _run(self, client: Any, fn: Callable[[T], R], items: Iterable[T],
             timeout: float | None) -> Iterator[Outcome[T, R]]:
        from distributed import wait
        from distributed.client import FutureCancelledError

        token = _token(self.initializer)
        window = self.window or max(32, 4 * max(1, sum(client.nthreads().values())))
        pending = _Lookahead(items)
        flying: dict[Any, tuple[T, ...]] = {}  # future -> its items, as the caller gave them
        running_since: dict[str, float] = {}  # key -> when first seen running (timeouts)
        exhausted = interrupted = False
        try:
            while True:
                try:
                    while not exhausted and not interrupted and len(flying) < window:
                        # One item a task when there is a time limit (it is the task's).
                        chunk = pending.chunk(1 if timeout else CHUNK_FILES, CHUNK_BYTES)
                        if not chunk:
                            exhausted = True
                            break
                        future = client.submit(_call, fn, tuple(_portable(i) for i in chunk),
                                               self.initializer, token, pure=False)
                        flying[future] = chunk
                    if not flying:
                        break
                    try:
                        done = wait(list(flying), timeout=POLL_SECONDS,
                                    return_when="FIRST_COMPLETED").done
                    except TimeoutError:
                        done = set()
                    alone: list[T] = []
                    outcomes = self._outcomes(client, done, flying, alone)
                    for item in alone:
                        future = client.submit(_call, fn, (_portable(item),), self.initializer,
                                               token, pure=False)
                        flying[future] = (item,)
                    if timeout:
                        outcomes += self._expired(client, flying, running_since, timeout)
                except KeyboardInterrupt:
                    if interrupted:
                        raise
                    interrupted = first_interrupt()
                    continue
                yield from outcomes
        finally:
            left = list(flying)
            if left:
                try:
                    client.cancel(left)
                except (FutureCancelledError, OSError, RuntimeError):
                    pass
        if interrupted:
            raise KeyboardInterrupt

    def _outcomes(self, client: Any, done: set[Any], flying: dict[Any, tuple[T, ...]],
                  alone: list[T]) -> list[Outcome[T, R]]:
        """The outcomes of the items of the finished futures (results fetched in one go);
        the items of a chunk its workers kept dying with go to ``alone``, to be redone
        one to a task."""
        from distributed import KilledWorker

        outcomes: list[Outcome[T, R]] = []
        finished = [future for future in done if future.status == "finished"]
        try:
            results = client.gather(finished) if finished else []
        except Exception:  # a result lost with its worker: the scheduler computes it again
            log.debug("gathering results failed; waiting for them again", exc_info=True)
            finished, results = [], []
        for future, answers in zip(finished, results):
            for item, (ok, value) in zip(flying.pop(future), answers):
                outcomes.append(Outcome(item, value) if ok else Outcome(item, error=value))
        for future in done:
            # "finished" but not gathered, or "lost" with its worker: the scheduler
            # computes it again, and it comes back to a later wait.
            if future not in flying or future.status not in ("error", "cancelled"):
                continue
            chunk = flying.pop(future)
            error = future.exception() if future.status == "error" else None
            if isinstance(error, KilledWorker) and len(chunk) > 1:
                # The workers died with it again and again: one of its files, maybe.
                # Each goes alone now, so that only that one fails.
                alone.extend(chunk)
                continue
            if isinstance(error, KilledWorker):
                error = WorkerDied(f"the workers running it died ({error})")
            elif error is None:
                error = WorkerDied("its task was cancelled (the client lost the scheduler?)")
            outcomes.extend(Outcome(item, error=error) for item in chunk)
        return [self._as_given(outcome) for outcome in outcomes]

    @staticmethod
    def _as_given(outcome: Outcome[T, R]) -> Outcome[T, R]:
        """The outcome with the result naming the input as the caller did (not absolute)."""
        if outcome.result is not None:
            return Outcome(outcome.item, _restore(outcome.item, outcome.result), outcome.error)
        return outcome

    def _expired(self, client: Any, flying: dict[Any, tuple[T, ...]],
                 running_since: dict[str, float],
                 timeout: float) -> list[Outcome[T, R]]:
        """Fail (and cancel) the tasks that have been running for more than ``timeout``."""
        now = time.monotonic()
        running = {key for keys in client.processing().values() for key in keys}
        for key in running:
            running_since.setdefault(str(key), now)
        outcomes: list[Outcome[T, R]] = []
        for future in list(flying):
            began = running_since.get(str(future.key))
            if began is not None and now - began >= timeout:
                outcomes.extend(Outcome(item, error=TimedOut(f"ran longer than {timeout:g} s"))
                                for item in flying.pop(future))
                future.cancel()
        return outcomes


# --- the worker's side ---------------------------------------------------------------------

_READY: set[str] = set()
_READY_LOCK = threading.Lock()


def _call(fn: Callable[[T], R], items: tuple[T, ...], initializer: Callable[[], object] | None,
          token: str) -> list[tuple[bool, Any]]:
    """Run on a worker: the initializer once per process, then ``fn`` on each item:
    ``(True, result)`` or ``(False, the exception)`` for each (one item's error is its own)."""
    if initializer is not None and token not in _READY:
        with _READY_LOCK:
            if token not in _READY:
                try:
                    initializer()
                except Exception:  # the items will show what is broken, each with its name
                    log.debug("worker initializer failed", exc_info=True)
                _READY.add(token)
    answers: list[tuple[bool, Any]] = []
    for item in items:
        try:
            answers.append((True, fn(item)))
        except Exception as error:
            answers.append((False, error))
    return answers


class _Lookahead(Generic[T]):
    """The items, taken a chunk at a time: small files together (one task for many
    pages costs the scheduler what one costs), a large one alone."""

    def __init__(self, items: Iterable[T]) -> None:
        self._items = iter(items)
        self._next: list[T] = []

    def chunk(self, files: int, size: int) -> tuple[T, ...]:
        taken: list[T] = []
        total = 0
        while len(taken) < files:
            if self._next:
                item = self._next.pop()
            else:
                try:
                    item = next(self._items)
                except StopIteration:
                    break
            cost = _size(item)
            if taken and (cost is None or total + cost > size):
                self._next.append(item)  # it starts the next chunk
                break
            taken.append(item)
            if cost is None:
                break  # not a file: one to a task
            total += cost
        return tuple(taken)


def _size(item: Any) -> int | None:
    """The bytes of a batch task's input (``None`` for anything else, or unknown)."""
    from .convert import Task

    if not isinstance(item, Task):
        return None
    if item.data is not None:
        return len(item.data)
    try:
        return os.stat(item.input).st_size
    except OSError:
        return 0  # it fails on the worker, quickly


def _token(initializer: Callable[[], object] | None) -> str:
    """A name for ``initializer`` that is the same wherever it is unpickled."""
    if initializer is None:
        return ""
    try:
        return hashlib.sha1(pickle.dumps(initializer)).hexdigest()
    except Exception:  # not picklable by value: Dask will say so when it sends it
        return repr(initializer)


def _portable(item: T) -> T:
    """``item`` as a worker elsewhere can use it: a batch task's paths made absolute."""
    from .convert import STDIN, Task

    if isinstance(item, Task):
        absolute = item.output.absolute()
        if item.input == STDIN:
            return replace(item, output=absolute)  # type: ignore[return-value]
        return replace(item, input=os.path.abspath(item.input),  # type: ignore[return-value]
                       output=absolute)
    return item


def _restore(item: Any, result: Any) -> Any:
    """``result`` naming the input and output as ``item`` (the caller's task) does."""
    from .convert import FileResult, Task

    if isinstance(item, Task) and isinstance(result, FileResult):
        return replace(result, input=item.input,
                       output=str(item.output) if result.output is not None else None)
    return result


__all__ = ["LOCAL", "SCHEDULER_VARIABLE", "DaskExecutor"]
