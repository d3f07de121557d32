"""How a batch's files get done: one :class:`Executor` interface, chosen by name.

An executor calls one function on every item and yields an :class:`Outcome`
for each as it finishes, in any order. It never raises because of one item:
what ``fn`` raised, a worker process that died, an item that ran past the
time limit, each becomes that item's ``Outcome.error``. The batch
(:func:`textkit.batch.run`) does not know how the work is spread; it asks
the executor it is given, or the one :data:`EXECUTORS` names.

Two come with textkit:

* :class:`SerialExecutor`: in this process, one item after another.
* :class:`ProcessExecutor`: a pool of worker processes, each doing its items
  in order (short ones given a few at a time). A worker that dies (killed by the out-of-memory killer, a crash in a
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
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, runtime_checkable

from ..repair.frozen import frozen_heap

if TYPE_CHECKING:  # imported when a pool starts: a serial run (one file) needs none of it
    import multiprocessing.connection
    import multiprocessing.context

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

FILES_PER_WORKER = 2000
"""A :class:`ProcessExecutor` worker is replaced after this many items. New
workers are forked from the parent, which holds the dictionaries already
built, so replacing them costs little, but not nothing: the fork (about 18 ms of
this process's time with the dictionaries loaded) and, in the new worker, the
pages of the parent's heap it writes to copied as it first touches them (about 50
page faults and 0.3-0.6 ms more for each of its first 25 one-page files). The
word caches that a worker fills are bounded (least recently used)."""


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

# What the parent sends a worker: (_WORK, [items]) to do in order after what it holds,
# (_DROP, None) to forget the items it has not started (it answers (None, how many)),
# or (_STOP, None) to finish. A worker answers with a list of answers, each pickled on
# its own: (ok, result or error, seconds), one for each item, in order (see _work).
_WORK, _DROP, _STOP = 0, 1, 2

# A worker's shared state (a RawArray of doubles the parent reads at any time): how many
# items it has started, how many it has finished (its answer made, not necessarily sent),
# and when (time.monotonic) it started the last one.
_STARTED, _FINISHED, _SINCE = 0, 1, 2

LOOKAHEAD_SECONDS = 0.05
"""About how much work a :class:`ProcessExecutor` worker holds beyond the item it is on,
judged by the CPU time the items have taken so far: short items (one-page files) go to it
several at a time, so that it never waits for this process between two of them, and
this process is woken less often; an item longer than this goes to a worker only when
it is free, so that no item waits behind another at the end of a batch."""

MAX_AHEAD = 32
"""At most this many items given to a worker beyond the one it is on."""

UNSENT_SECONDS = 0.05
"""A worker does not send the answer of each item as it is done: it keeps them and sends
several in one message, when it holds no more items, when the parent has something to
say, or when it has done as many as it still holds (so that the parent gives it more
while half its work is ahead; :data:`MAX_UNSENT` at most). One-page files then cost the
parent one waking for several of them, not one each (each waking takes a core from a
worker, on a machine with as many cores as workers). Answers kept this long (the item
after them is a long one) are sent while it runs, by the worker's watching thread.
Which item a worker is on, and since when, the parent reads from the worker's shared
state, not from its answers: a timeout or a death fails that item. (The answers of
items done but not yet sent when a worker dies are lost with it: those items go to
another worker, which converts them again.)"""

MAX_UNSENT = 16
"""At most this many answers kept by a worker before it sends them."""


class ProcessExecutor:
    """A pool of ``jobs`` worker processes, each given its items in order.

    Each worker has its own pipe and answers for each item as it finishes
    it, in the order it was given them, so the pool always knows which item
    a worker is on: a worker that dies, or runs past the ``timeout`` (it is
    killed), fails that item alone and is replaced; the items it held but had
    not started go to another. (``concurrent.futures`` breaks the whole pool
    instead, and its ``submit`` races with the breaking.) Short items are
    given a few at a time (:data:`LOOKAHEAD_SECONDS`). Workers are forked
    where the platform can, sharing what the parent built (the
    ``initializer`` is run in the parent first for that).

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
        if self.context.get_start_method() == "fork" and self.initializer is not None:
            self.initializer()  # once here: the forked workers inherit what it built
        pool = _Pool(self, fn, iter(items), timeout)
        clean = False
        try:
            while True:
                try:
                    finished = pool.step()
                except KeyboardInterrupt:
                    if pool.interrupted:
                        raise
                    pool.interrupted = first_interrupt()
                    pool.drop_unstarted()
                    continue
                if finished is None:
                    break
                yield from finished
            clean = True
        finally:
            pool.close(gently=clean)
        if pool.interrupted:
            raise KeyboardInterrupt


class _Pool(Generic[T, R]):
    """The workers of one :meth:`ProcessExecutor.map_unordered` and the items they hold."""

    def __init__(self, executor: ProcessExecutor, fn: Callable[[T], R], pending: Iterator[T],
                 timeout: float | None) -> None:
        import selectors

        self.executor, self.fn, self.pending, self.timeout = executor, fn, pending, timeout
        self.again: deque[T] = deque()  # items a dead worker held but had not started
        self.workers: list[_Worker] = []
        self.exhausted = self.interrupted = False
        self.mean: float | None = None  # seconds an item takes, a running average
        self.failed_starts = 0
        self.selector = selectors.DefaultSelector()
        self.leaving: list[_Worker] = []  # told to stop, not yet waited for

    def step(self) -> list[Outcome[T, R]] | None:
        """Start what can be started, wait for answers; their outcomes (``None``: all done)."""
        finished: list[Outcome[T, R]] = []
        self.fill(finished)
        if not any(w.held for w in self.workers):
            return finished or None
        finished.extend(self.collect())
        self.fill(finished)  # the workers just done go on now, before the caller's bookkeeping
        return finished

    def ahead(self) -> int:
        if self.mean is None:
            return 0  # how long an item takes is not known yet: one at a time
        return min(MAX_AHEAD, int(LOOKAHEAD_SECONDS / max(self.mean, 1e-6)))

    def take(self) -> T | None:
        if self.again:
            return self.again.popleft()
        if self.exhausted:
            return None
        try:
            return next(self.pending)
        except StopIteration:
            self.exhausted = True
            return None

    def fill(self, finished: list[Outcome[T, R]]) -> None:
        """Give every worker that runs short (and every missing one) its next items."""
        if self.interrupted:
            return
        budget = self.executor.files_per_worker
        for worker in [w for w in self.workers if not w.held and w.given >= budget]:
            self.retire(worker, gently=True)  # its budget of items done: a fresh one follows
        ahead = self.ahead()
        while not self.exhausted or self.again:
            worker = next((w for w in self.workers
                           if len(w.held) <= ahead // 2 and w.given < budget), None)
            chunk: list[T] = []
            if worker is None:
                if len(self.workers) >= self.executor.jobs:
                    return
                item = self.take()  # first: no worker is started for nothing
                if item is None:
                    return
                worker = self.start()
                if worker is None:
                    finished.append(Outcome(item, error=WorkerDied(
                        "no worker process could be started for it")))
                    continue
                chunk.append(item)
            while len(worker.held) + len(chunk) <= ahead and worker.given + len(chunk) < budget:
                item = self.take()
                if item is None:
                    break
                chunk.append(item)
            if not chunk:
                return
            if worker.give(chunk):
                continue
            self.again.extendleft(reversed(chunk))  # it died: another takes them
            if worker.held:
                return  # collect() tells what became of the item it was on
            fresh = worker.given == 0
            self.retire(worker, gently=False)
            if fresh:  # a new worker dead before its first item: twice, and that item fails
                self.failed_starts += 1
                if self.failed_starts >= 2:
                    self.failed_starts = 0
                    finished.append(Outcome(self.again.popleft(), error=WorkerDied(
                        "no worker process could be started for it")))

    def start(self) -> _Worker | None:
        for _ in range(2):
            forked = self.executor.context.get_start_method() == "fork"
            # A forked worker has what the initializer built here: it is not run again.
            worker = _Worker(self.executor.context, self.fn,
                             None if forked else self.executor.initializer)
            self.workers.append(worker)  # before it starts: whatever happens, it is stopped
            self.executor.workers_started += 1
            worker.start()
            if worker.process.is_alive():
                self.selector.register(worker.conn, 1, worker)
                self.selector.register(worker.process.sentinel, 1, worker)
                return worker
            self.workers.remove(worker)
            worker.stop(gently=False)
        return None

    def retire(self, worker: _Worker, *, gently: bool) -> None:
        """Take ``worker`` out of the pool and stop it. ``gently``: it is told to stop and
        left to end by itself (it holds no item), waited for only when the pool closes, so
        that this process and the fresh worker taking its place wait for no process's exit."""
        self.workers.remove(worker)
        for handle in (worker.conn, worker.process.sentinel):
            try:
                self.selector.unregister(handle)
            except (KeyError, ValueError):
                pass
        if gently:
            worker.tell_to_stop()
            self.leaving.append(worker)
        else:
            worker.stop(gently=False)
        for gone in [w for w in self.leaving if not w.process.is_alive()]:  # reaped
            self.leaving.remove(gone)
            gone.stop(gently=False)  # its pipe closed; it has exited

    def collect(self) -> list[Outcome[T, R]]:
        """Wait until a worker answers, dies or runs out of time; the outcomes."""
        timeout = self.timeout
        wait_for = None
        if timeout:
            # A worker between two items may start its next at once: counted from now.
            now = time.monotonic()
            wait_for = max(0.0, min(w.since(now) for w in self.workers if w.held)
                           + timeout - now)
        ready = {key.data for key, _ in self.selector.select(wait_for)}
        outcomes: list[Outcome[T, R]] = []
        for worker in ready:
            if worker.held:
                outcomes.extend(self.answers(worker))
            elif not worker.process.is_alive():  # died between two items
                self.retire(worker, gently=False)
        if timeout:
            now = time.monotonic()
            for worker in [w for w in self.workers if w.held]:
                if now - worker.since(now) >= timeout:
                    worker.process.kill()  # what it said before is still read: then its item fails
                    worker.process.join(timeout=5)
                    outcomes.extend(self.answers(worker, error=TimedOut(
                        f"ran longer than {timeout:g} s")))
                    if worker in self.workers:  # it had just answered for all it held
                        self.retire(worker, gently=False)
        return outcomes

    def answers(self, worker: _Worker, *,
                error: WorkFailed | None = None) -> list[Outcome[T, R]]:
        """What ``worker`` has said (every answer waiting); if it died, its item fails.
        ``error``: it was stopped (killed) for that reason: what it said before is read,
        then the item it was on fails so."""
        outcomes: list[Outcome[T, R]] = []
        while worker.held:
            answers = worker.receive()
            if answers is None:  # no answer: nothing more yet, or the process is gone
                if error is None and worker.process.is_alive():
                    return outcomes
                if error is None:
                    error = WorkerDied(f"the worker process died (exit code "
                                       f"{worker.process.exitcode})")
                on = worker.on()
                outcomes.append(Outcome(worker.held[on], error=error))
                del worker.held[on]
                self.lost(worker)
                return outcomes
            for ok, value, seconds in answers:
                if ok is None:  # it dropped the items it had not started: it holds none now
                    worker.held.clear()
                    break
                item = worker.held.popleft()
                worker.answered += 1
                self.mean = seconds if self.mean is None else 0.8 * self.mean + 0.2 * seconds
                outcomes.append(Outcome(item, value) if ok else Outcome(item, error=value))
        return outcomes

    def lost(self, worker: _Worker) -> None:
        """``worker`` is stopped (the item it was on has its outcome); the other items it
        held go to another, those it had done but not told included (unless the batch is
        interrupted: then they are left)."""
        if not self.interrupted:
            self.again.extendleft(reversed(worker.held))
        worker.held.clear()
        self.retire(worker, gently=False)

    def drop_unstarted(self) -> None:
        """Ctrl-C: each worker is to finish the item it is on and forget the others."""
        for worker in self.workers:
            if worker.held:
                worker.drop()

    def close(self, *, gently: bool) -> None:
        for worker in list(self.workers):  # all told first: they end at once, not in turn
            self.retire(worker, gently=gently)
        for worker in self.leaving:  # told to stop, holding nothing: ending, or (not gently) killed
            worker.stop(gently=gently)
        self.leaving.clear()
        self.selector.close()


class _Worker:
    """One worker process, its end of the pipe, and the items it holds, in order: those
    it has not answered for (the first ones may be done, their answers not yet sent; see
    :meth:`on`)."""

    def __init__(self, context: multiprocessing.context.BaseContext, fn: Callable[[Any], Any],
                 initializer: Callable[[], object] | None) -> None:
        self._ours, self._theirs = context.Pipe()
        self.state = context.RawArray("d", 3)  # _STARTED, _FINISHED, _SINCE: the worker writes
        self.process = context.Process(target=_work,
                                       args=(self._theirs, fn, initializer, os.getpid(),
                                             self.state),
                                       daemon=True, name="textkit-worker")
        self.conn = self._ours
        self._waiting: Any = None  # a poll object on our end: is an answer waiting?
        self.held: deque[Any] = deque()
        self.answered = 0  # items it has answered for (or dropped), of the ``given``
        self.given = 0
        self._told = False  # asked to stop

    def on(self) -> int:
        """The position in :attr:`held` of the item the worker is on, or was on when it
        stopped: the last it started (the first it holds if it has started none of them)."""
        started = int(self.state[_STARTED])
        return min(max(started - 1 - self.answered, 0), len(self.held) - 1)

    def since(self, now: float) -> float:
        """When the worker started the item it is on; ``now`` when it is between two."""
        started, since = self.state[_STARTED], self.state[_SINCE]
        if self.state[_FINISHED] >= started or started <= self.answered:
            return now
        return since

    def start(self) -> None:
        # Started with what this process holds (the dictionaries) frozen: a forked worker's
        # collections then never walk it, nor write to the pages it shares with this
        # process (copy-on-write); here it is collectable again once the worker is started.
        with _signals_held(), frozen_heap():
            self.process.start()
            self._theirs.close()  # so that our end reads EOF when the worker dies

    def give(self, items: list[Any]) -> bool:
        if not self.process.is_alive():
            return False
        try:
            self.conn.send((_WORK, items))
        except (OSError, EOFError):  # it died before it could take work
            return False
        self.held.extend(items)
        self.given += len(items)
        return True

    def drop(self) -> None:
        try:
            self.conn.send((_DROP, None))
        except (OSError, EOFError):
            pass  # it is gone: what it held is lost with it

    def receive(self) -> list[tuple[Any, Any, float]] | None:
        """The worker's next answers (one message), or ``None`` if there is none now (or
        it died)."""
        try:
            if self._waiting is None:
                import select

                if hasattr(select, "poll"):  # not on Windows: there conn.poll each time
                    self._waiting = select.poll()
                    self._waiting.register(self.conn.fileno(), select.POLLIN)
            if not (self._waiting.poll(0) if self._waiting is not None else self.conn.poll()):
                return None
            message = self.conn.recv_bytes()
        except (OSError, EOFError):
            return None
        return [_answer(pickled) for pickled in _loads(message)]

    def tell_to_stop(self) -> None:
        """Ask the worker to end once done with what it holds (:meth:`stop` waits for it)."""
        if self.process.pid is not None and self.process.is_alive() and not self._told:
            self._told = True
            try:
                self.conn.send((_STOP, None))
            except (OSError, EOFError):
                pass

    def stop(self, *, gently: bool) -> None:
        if self.process.pid is None:  # never started
            self.conn.close()
            return
        if gently and self.process.is_alive():
            self.tell_to_stop()
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


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


def _answer(pickled: bytes) -> tuple[Any, Any, float]:
    """One answer of a worker's message."""
    try:
        return _loads(pickled)  # type: ignore[no-any-return]
    except Exception as error:  # an answer that cannot be unpickled here
        return (False, RuntimeError(f"its result could not be read: {error!r}"), 0.0)


def _loads(data: bytes) -> Any:
    import pickle

    return pickle.loads(data)


def _work(conn: multiprocessing.connection.Connection, fn: Callable[[Any], Any],
          initializer: Callable[[], object] | None, parent: int, state: Any) -> None:
    """A worker's life: take items, and for each in turn answer ``(True, result,
    seconds)`` or ``(False, error, seconds)``, several answers to a message (see
    :data:`UNSENT_SECONDS`), telling ``state`` which item it is on."""
    # Ctrl-C is the parent's to handle (it finishes what is in flight); a kill
    # of this process ends it without ceremony.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    import gc

    from ..repair import frozen

    # Forked inside frozen_heap(), the parent's objects stay frozen here: asked once.
    frozen.HELD_FROZEN = gc.get_freeze_count() > 0
    answers = _Answers(conn)
    threading.Thread(target=_watch, args=(parent, answers), daemon=True).start()
    held: deque[Any] = deque()
    started = finished = 0
    told_after = 1  # answers kept before they are sent
    try:
        if initializer is not None:
            try:
                initializer()
            except Exception:  # the items will show what is broken, each with its name
                log.debug("worker initializer failed", exc_info=True)
        while True:
            while not held or conn.poll():  # what the parent says comes before the next item
                answers.send()  # what is done is told before the parent is waited for, or heard
                kind, items = conn.recv()
                if kind == _STOP:
                    return
                if kind == _DROP:
                    answers.add((None, len(held), 0.0), now=True)
                    held.clear()
                else:
                    held.extend(items)
                    # Told when half of what it holds now is done: the parent, which
                    # gives more when a worker holds half its lookahead, then gives
                    # more while the other half is ahead.
                    told_after = min(max(1, len(held) // 2), MAX_UNSENT)
            item = held.popleft()
            state[_SINCE] = time.monotonic()
            started += 1
            state[_STARTED] = started
            began = time.thread_time()  # what the item costs, however loaded the machine
            try:
                ok, value = True, fn(item)
            except Exception as error:
                ok, value = False, error
            answer = (ok, value, time.thread_time() - began)
            del value
            answers.add(answer, now=not held or answers.waiting() + 1 >= told_after)
            del answer
            finished += 1
            state[_FINISHED] = finished
    except (EOFError, OSError, KeyboardInterrupt):
        return  # the parent is gone or stopped us: nothing to say


class _Answers:
    """A worker's answers not yet sent, each pickled as it is made; sent in one message
    by the worker between two items, or by its watching thread (:func:`_watch`) when
    they have waited :data:`UNSENT_SECONDS` (the item after them is a long one)."""

    def __init__(self, conn: multiprocessing.connection.Connection) -> None:
        from multiprocessing.reduction import ForkingPickler

        self.conn, self.dumps = conn, ForkingPickler.dumps
        self.lock = threading.Lock()
        self.unsent: list[bytes] = []
        self.since = 0.0  # when the first of them was made

    def waiting(self) -> int:
        return len(self.unsent)

    def add(self, answer: tuple[Any, Any, float], *, now: bool) -> None:
        try:
            pickled = bytes(self.dumps(answer))
        except Exception as error:  # a result or an error that cannot be pickled
            pickled = bytes(self.dumps((False, RuntimeError(
                f"{type(answer[1]).__name__} could not be sent back from the worker: {error}"),
                answer[2])))
        with self.lock:
            if not self.unsent:
                self.since = time.monotonic()
            self.unsent.append(pickled)
            if now:
                self._send()

    def send(self, *, older_than: float | None = None) -> None:
        """Send the answers waiting (``older_than``: only if the first has waited that long)."""
        with self.lock:
            if self.unsent and (older_than is None
                                or time.monotonic() - self.since >= older_than):
                self._send()

    def _send(self) -> None:
        unsent, self.unsent = self.unsent, []
        self.conn.send_bytes(self.dumps(unsent))


def _watch(parent: int, answers: _Answers) -> None:
    # Answers done before a long item are sent while it runs, not after it.
    # And a parent killed with SIGKILL cannot stop its workers; they would wait
    # forever on their pipes (they would read EOF, unless a sibling holds it open).
    looks = 0
    while True:
        time.sleep(UNSENT_SECONDS)
        try:
            answers.send(older_than=UNSENT_SECONDS)
        except (OSError, EOFError):
            pass  # the parent is gone: the worker finds out
        looks += 1
        if looks * UNSENT_SECONDS >= 0.5:
            looks = 0
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
