"""How a batch's files get done: one :class:`Executor` interface, chosen by name.

An executor calls one function on every item and yields an :class:`Outcome`
for each as it finishes, in any order. It never raises because of one item:
what ``fn`` raised, a worker process that died, an item that ran past the
time limit, each becomes that item's ``Outcome.error``. The batch
(:func:`textkit.batch.run`) does not know how the work is spread; it asks
the executor it is given, or the one :data:`EXECUTORS` names.

Two come with textkit:

* :class:`SerialExecutor`: in this process, one item after another.
* :class:`ProcessExecutor`: a pool of worker processes, one item at a time
  each. A worker that dies (killed by the out-of-memory killer, a crash in a
  C extension) costs only the item it held; it is replaced and the others go
  on. A worker is also replaced after :data:`FILES_PER_WORKER` items, so that
  what a process accumulates cannot grow without bound over a night's run.

Adding another (a cluster, say) is one module with a class that has
:meth:`Executor.map_unordered`, plus one line in :data:`EXECUTORS`.

>>> outcomes = SerialExecutor().map_unordered(lambda n: 10 // n, [5, 0])
>>> [(o.item, o.result, type(o.error).__name__ if o.error else None) for o in outcomes]
[(5, 2, None), (0, None, 'ZeroDivisionError')]

The contract, for whoever writes the next one:

* ``fn`` and the items are picklable (a module-level function, or a
  ``functools.partial`` of one; frozen dataclasses); so are the results.
* ``initializer`` (a picklable callable without arguments) runs once in
  each worker before its first item: the batch loads its dictionaries there.
* ``timeout``: an item still running after that many seconds is stopped
  (if the executor can) and its outcome is :class:`TimedOut`.
* Ctrl-C (``KeyboardInterrupt`` in the caller's process): no new item is
  started, the outcomes of the items in flight are still yielded, then
  ``KeyboardInterrupt`` is raised; a second one stops at once. Workers never
  print a traceback for it.
"""

from __future__ import annotations

import importlib
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, runtime_checkable

if TYPE_CHECKING:  # imported when a pool starts: a serial run (one file) needs none of it
    import multiprocessing.connection
    import multiprocessing.context

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

FILES_PER_WORKER = 500
"""A :class:`ProcessExecutor` worker is replaced after this many items. New
workers are forked from the parent, which holds the dictionaries already
built, so replacing them costs little."""


def first_interrupt() -> bool:
    """A first Ctrl-C: the items in progress are finished (the user is told); returns ``True``,
    interrupted. The executors raise a second one, which stops at once."""
    log.warning("interrupted; finishing the files in progress (Ctrl-C again stops at once)")
    return True


class WorkFailed(Exception):
    """An item has no result, and not because ``fn`` raised: the executor stopped it."""


class WorkerDied(WorkFailed):
    """The worker process running the item died (out of memory, a crash)."""


class TimedOut(WorkFailed):
    """The item ran longer than the ``timeout`` it was given and was stopped."""


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T, R]):
    """What became of one item: its ``result``, or the ``error`` that stopped it."""

    item: T
    result: R | None = None
    error: BaseException | None = None


@runtime_checkable
class Executor(Protocol):
    """Calls a function on every item; see the module's docstring for the contract."""

    def map_unordered(self, fn: Callable[[T], R], items: Iterable[T], *,
                      timeout: float | None = None) -> Iterator[Outcome[T, R]]:
        """``fn(item)`` for every item; an :class:`Outcome` for each, as each finishes."""
        ...


ExecutorFactory = Callable[..., Executor]
"""How :data:`EXECUTORS` makes an executor: called with the keyword arguments
``jobs`` (how many items at once) and ``initializer`` (or ``None``)."""


def lazy(module: str, name: str) -> ExecutorFactory:
    """A factory that imports ``module`` only when an executor is asked for: a registry
    line for an executor whose dependencies (a cluster client) are heavy or optional."""
    def make(**kwargs: Any) -> Executor:
        return getattr(importlib.import_module(module), name)(**kwargs)  # type: ignore[no-any-return]

    return make


# --- in this process ------------------------------------------------------------------------


class SerialExecutor:
    """Every item in this process, one after another.

    A ``timeout`` is enforced with ``SIGALRM`` (POSIX, main thread), which
    stops Python code but not a long call into C; elsewhere it is not
    enforced (logged once). Ctrl-C stops the item in progress at once.
    """

    def __init__(self, *, jobs: int = 1, initializer: Callable[[], object] | None = None) -> None:
        self.initializer = initializer
        self._initialized = False

    def map_unordered(self, fn: Callable[[T], R], items: Iterable[T], *,
                      timeout: float | None = None) -> Iterator[Outcome[T, R]]:
        if self.initializer is not None and not self._initialized:
            self._initialized = True
            self.initializer()
        for item in items:
            try:
                with _alarm(timeout):
                    result = fn(item)
            except _Alarm:
                yield Outcome(item, error=TimedOut(f"ran longer than {timeout:g} s"))
            except Exception as error:
                yield Outcome(item, error=error)
            else:
                yield Outcome(item, result)


class _Alarm(BaseException):
    # Not an Exception: the function being timed may catch every Exception
    # (textkit's convert_one turns them into results), and must not catch this.
    pass


_WARNED_TIMEOUT = False


@contextmanager
def _alarm(timeout: float | None) -> Iterator[None]:
    global _WARNED_TIMEOUT
    if not timeout:
        yield
        return
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        if not _WARNED_TIMEOUT:
            _WARNED_TIMEOUT = True
            log.warning("the time limit cannot be enforced here (not the main thread of a POSIX "
                        "process); use the process executor")
        yield
        return

    def ring(signum: int, frame: object) -> None:
        raise _Alarm

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- worker processes ------------------------------------------------------------------------

# What the parent sends a worker: (True, item) to work on, or (False, None) to finish
# (an item may itself be None).
_STOP = (False, None)


class ProcessExecutor:
    """A pool of ``jobs`` worker processes, each given one item at a time.

    Each worker has its own pipe, so the pool always knows which item a
    worker holds: a worker that dies, or runs past the ``timeout`` (it is
    killed), fails that item alone and is replaced. (``concurrent.futures``
    breaks the whole pool instead, and its ``submit`` races with the
    breaking.) Workers are forked where the platform can, sharing what the
    parent built (the ``initializer`` is run in the parent first for that).

    ``workers_started`` counts the worker processes started so far.
    """

    def __init__(self, *, jobs: int = 2, initializer: Callable[[], object] | None = None,
                 files_per_worker: int | None = None,
                 context: multiprocessing.context.BaseContext | None = None) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {jobs}")
        self.jobs = jobs
        self.initializer = initializer
        self.files_per_worker = files_per_worker or FILES_PER_WORKER
        self.context = context or _default_context()
        self.workers_started = 0

    def map_unordered(self, fn: Callable[[T], R], items: Iterable[T], *,
                      timeout: float | None = None) -> Iterator[Outcome[T, R]]:
        pending = iter(items)
        if self.context.get_start_method() == "fork" and self.initializer is not None:
            self.initializer()  # once here: the forked workers inherit what it built
        workers: list[_Worker] = []
        exhausted = interrupted = False
        clean = False

        def fill(finished: list[Outcome[T, R]]) -> None:
            """Give every idle worker (and every missing one) its next item."""
            nonlocal exhausted
            while not interrupted and not exhausted:
                idle = next((w for w in workers if w.item is _IDLE), None)
                if idle is None and len(workers) >= self.jobs:
                    return
                try:
                    item = next(pending)
                except StopIteration:
                    exhausted = True
                    return
                finished.extend(self._give(item, idle, workers, fn))

        try:
            while True:
                finished: list[Outcome[T, R]] = []
                try:
                    fill(finished)
                    busy = [w for w in workers if w.item is not _IDLE]
                    if busy:
                        finished.extend(self._collect(busy, workers, timeout))
                        # The workers just done start their next item now, not once the
                        # caller has dealt with these outcomes (its journal, its progress).
                        fill(finished)
                    elif not finished:
                        break  # nothing running, nothing to start: done
                except KeyboardInterrupt:
                    if interrupted:
                        raise
                    interrupted = first_interrupt()
                yield from finished
            clean = True
        finally:
            for worker in workers:
                worker.stop(gently=clean)
        if interrupted:
            raise KeyboardInterrupt

    def _give(self, item: T, worker: _Worker | None, workers: list[_Worker],
              fn: Callable[[T], R]) -> list[Outcome[T, R]]:
        """Send ``item`` to ``worker`` (or a new one); a worker found dead is replaced once."""
        for _ in range(2):
            if worker is None:
                worker = _Worker(self.context, fn, self.initializer)
                workers.append(worker)  # before it starts: whatever happens, it is stopped
                self.workers_started += 1
                worker.start()
            if worker.give(item):
                return []
            workers.remove(worker)
            worker.stop(gently=False)
            worker = None
        return [Outcome(item, error=WorkerDied("no worker process could be started for it"))]

    def _collect(self, busy: list[_Worker], workers: list[_Worker],
                 timeout: float | None) -> list[Outcome[T, R]]:
        """Wait until a busy worker finishes, dies or runs out of time; their outcomes."""
        wait_for = None
        if timeout:
            wait_for = max(0.0, min(w.started for w in busy) + timeout - time.monotonic())
        handles: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        from multiprocessing.connection import wait

        ready = set(wait(handles, timeout=wait_for))
        outcomes: list[Outcome[T, R]] = []
        now = time.monotonic()
        for worker in busy:
            item = worker.item
            if worker.conn in ready or worker.process.sentinel in ready:
                message = worker.receive()
                if message is None:  # no answer: the process is gone
                    code = worker.process.exitcode
                    workers.remove(worker)
                    worker.stop(gently=False)
                    outcomes.append(Outcome(item, error=WorkerDied(
                        f"the worker process died (exit code {code})")))
                    continue
                ok, value = message
                outcomes.append(Outcome(item, value) if ok else Outcome(item, error=value))
                if worker.done >= self.files_per_worker:
                    workers.remove(worker)
                    worker.stop(gently=True)
            elif timeout and now - worker.started >= timeout:
                workers.remove(worker)
                worker.stop(gently=False)
                outcomes.append(Outcome(item, error=TimedOut(f"ran longer than {timeout:g} s")))
        return outcomes


_IDLE: Any = object()


class _Worker:
    """One worker process, its end of the pipe, and the item it holds."""

    def __init__(self, context: multiprocessing.context.BaseContext, fn: Callable[[Any], Any],
                 initializer: Callable[[], object] | None) -> None:
        self._ours, self._theirs = context.Pipe()
        self.process = context.Process(target=_work,
                                       args=(self._theirs, fn, initializer, os.getpid()),
                                       daemon=True, name="textkit-worker")
        self.conn = self._ours
        self.item: Any = _IDLE
        self.started = 0.0
        self.done = 0

    def start(self) -> None:
        with _signals_held(), _heap_frozen():
            self.process.start()
            self._theirs.close()  # so that our end reads EOF when the worker dies

    def give(self, item: Any) -> bool:
        if not self.process.is_alive():
            return False
        try:
            self.conn.send((True, item))
        except (OSError, EOFError):  # it died before it could take work
            return False
        self.item, self.started = item, time.monotonic()
        return True

    def receive(self) -> tuple[bool, Any] | None:
        """The worker's answer for its item, or ``None`` if it died without one."""
        try:
            if not self.conn.poll():
                return None
            message = self.conn.recv()
        except (OSError, EOFError):
            return None
        except Exception as error:  # an answer that cannot be unpickled here
            message = (False, RuntimeError(f"its result could not be read: {error!r}"))
        self.item = _IDLE
        self.done += 1
        return message  # type: ignore[no-any-return]

    def stop(self, *, gently: bool) -> None:
        if self.process.pid is None:  # never started
            self.conn.close()
            return
        if gently and self.process.is_alive():
            try:
                self.conn.send(_STOP)
            except (OSError, EOFError):
                pass
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


@contextmanager
def _heap_frozen() -> Iterator[None]:
    """Start a worker with what this process holds (the dictionaries) out of the garbage
    collector's sight (``gc.freeze``): a forked worker's collections then never walk it,
    nor write to the pages it shares with this process (copy-on-write); here it is
    collectable again as soon as the worker is started."""
    import gc

    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _signals_held() -> Iterator[None]:
    """Block SIGINT and SIGTERM while a worker starts: it inherits them blocked, sets its
    own dispositions, then unblocks. Ctrl-C, which the terminal sends to the whole
    process group, cannot then reach a worker before it is ready to ignore it (and
    print a traceback); here, a signal that came meanwhile is delivered right after."""
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _work(conn: multiprocessing.connection.Connection, fn: Callable[[Any], Any],
          initializer: Callable[[], object] | None, parent: int) -> None:
    """A worker's life: take an item, send back ``(True, result)`` or ``(False, error)``."""
    # Ctrl-C is the parent's to handle (it finishes what is in flight); a kill
    # of this process ends it without ceremony.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    try:
        if initializer is not None:
            try:
                initializer()
            except Exception:  # the items will show what is broken, each with its name
                log.debug("worker initializer failed", exc_info=True)
        while True:
            work, item = conn.recv()
            if not work:
                return
            try:
                message: tuple[bool, Any] = (True, fn(item))
            except Exception as error:
                message = (False, error)
            try:
                conn.send(message)
            except (OSError, EOFError):
                raise
            except Exception as error:  # a result or an error that cannot be pickled
                conn.send((False, RuntimeError(f"{type(message[1]).__name__} could not be sent "
                                               f"back from the worker: {error}")))
    except (EOFError, OSError, KeyboardInterrupt):
        return  # the parent is gone or stopped us: nothing to say


def _watch_parent(parent: int) -> None:
    # A parent killed with SIGKILL cannot stop its workers; they would wait
    # forever on their pipes (they would read EOF, unless a sibling holds it open).
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _default_context() -> multiprocessing.context.BaseContext:
    # fork where there is one: workers then share the dictionaries the
    # parent built (copy-on-write) instead of each building its own.
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


EXECUTORS: dict[str, ExecutorFactory] = {
    "serial": SerialExecutor,
    "processes": ProcessExecutor,
    "dask": lazy("textkit.batch.dask_executor", "DaskExecutor"),  # pip install 'textkit[dask]'
}
"""Executors by the name a user gives (``textkit convert --executor NAME``)."""
