"""The seams issue: what the next capabilities plug into (an executor, the one writer, the one parser)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

import textkit
from textkit import batch
from textkit.batch.executors import EXECUTORS, Outcome

VOLUME = "INTRODUCTION\n\nAnn Lee\n\nn the beginning there was a scan of {n} pages.\n"


class ToyExecutor:
    """Does the items last to first, in this process: an order no built-in executor uses."""

    made: list[ToyExecutor] = []

    def __init__(self, *, jobs: int = 1, initializer: Callable[[], object] | None = None) -> None:
        self.seen: list[str] = []
        ToyExecutor.made.append(self)

    def map_unordered(self, fn: Callable, items: Iterable, *,
                      timeout: float | None = None) -> Iterator[Outcome]:
        for item in reversed(list(items)):
            self.seen.append(Path(item.input).name)
            yield Outcome(item, fn(item))


def test_a_toy_executor_plugs_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(EXECUTORS, "toy", ToyExecutor)  # the one line a plugin adds
    for i in range(3):
        (tmp_path / "scans").mkdir(exist_ok=True)
        (tmp_path / "scans" / f"v{i}.txt").write_text(VOLUME.format(n=i), encoding="utf-8")
    out = tmp_path / "tei"
    tasks, _ = batch.plan([str(tmp_path / "scans")], out=out)
    result = batch.run(tasks, out=out, executor="toy", jobs=4)
    assert result.ok and result.counts()["converted"] == 3
    assert ToyExecutor.made[-1].seen == ["v2.txt", "v1.txt", "v0.txt"]
    assert [Path(r.input).name for r in result.results] == ["v2.txt", "v1.txt", "v0.txt"]
    for task in tasks:
        textkit.validate(task.output.read_bytes())
    # and the command line offers it by name
    from textkit.cli import main

    assert main(["convert", str(tmp_path / "scans"), "--out", str(tmp_path / "cli"),
                 "--executor", "toy", "--quiet"]) == 0
    assert len(list((tmp_path / "cli").glob("*.xml"))) == 3


def test_an_unknown_executor_is_a_clear_error(tmp_path: Path) -> None:
    src = tmp_path / "v.txt"
    src.write_text(VOLUME.format(n=1), encoding="utf-8")
    tasks, _ = batch.plan([str(src)], out=tmp_path / "tei")
    with pytest.raises(ValueError, match="no executor named 'nope'; there are: dask, processes, serial"):
        batch.run(tasks, out=tmp_path / "tei", executor="nope")


PACKAGE = Path(textkit.__file__).resolve().parent


def _modules_using(*needles: str) -> set[str]:
    found = set()
    for module in PACKAGE.rglob("*.py"):
        source = "\n".join(line for line in module.read_text(encoding="utf-8").splitlines()
                           if not line.lstrip().startswith((">>>", "...")))  # not doctests
        if any(needle in source for needle in needles):
            found.add(module.relative_to(PACKAGE).as_posix())
    return found


def test_one_atomic_writer_for_the_whole_package() -> None:
    # (the journal appends its lines; the writer replaces whole files)
    assert _modules_using("os.replace(", "mkstemp(", ".write_text(", ".write_bytes(") == {"files.py"}


def test_one_xml_parser_configuration_for_the_whole_package() -> None:
    assert _modules_using("XMLParser(") == {"xml.py"}
    # and every parse goes through it (a schema file is parsed with safe_parser() too)
    assert _modules_using("etree.fromstring(", "etree.parse(", "etree.XML(") == {
        "xml.py", "tei/validate.py"}  # the schemas, parsed with safe_parser()


def test_the_shared_parser_is_strict_and_takes_huge_text() -> None:
    from textkit.xml import parse_xml

    with pytest.raises(textkit.ValidationError, match="DOCTYPE"):
        parse_xml(b'<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd"><x/>', source="x.xml")
    assert parse_xml(b'<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd"><x/>', source="x.xml",
                     allow_doctype=True).getroot().tag == "x"
    big = b"<x>" + b"a" * 11_000_000 + b"</x>"
    assert len(parse_xml(big, source="big.xml").getroot().text) == 11_000_000


def _work_or_die(n: int) -> int:
    import os

    if n == 13:
        os._exit(9)  # as the out-of-memory killer would
    if n == 7:
        raise ValueError("seven")
    return n * n


def _slow_square(n: int) -> int:
    time.sleep(0.02)
    return n * n


@pytest.mark.parametrize("jobs", [1, 3])
def test_the_process_executor_keeps_one_outcome_per_item_whatever_happens(jobs: int) -> None:
    from textkit.batch.executors import ProcessExecutor, WorkerDied

    executor = ProcessExecutor(jobs=jobs, files_per_worker=4)
    outcomes = {o.item: o for o in executor.map_unordered(_work_or_die, range(30))}
    assert sorted(outcomes) == list(range(30))
    assert isinstance(outcomes.pop(13).error, WorkerDied)
    assert str(outcomes.pop(7).error) == "seven"
    assert {n: o.result for n, o in outcomes.items()} == {n: n * n for n in outcomes}
    assert executor.workers_started >= 30 // 4


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts open files in /proc")
def test_replaced_workers_are_let_go_during_the_run_and_waited_for_at_its_end() -> None:
    import multiprocessing

    from textkit.batch.executors import ProcessExecutor

    executor = ProcessExecutor(jobs=2, files_per_worker=1)  # a worker for each item
    before, most = _open_files(), 0
    for outcome in executor.map_unordered(_slow_square, range(24)):
        assert outcome.result == outcome.item ** 2
        most = max(most, _open_files())
    assert executor.workers_started == 24
    # the two at work and those still ending hold pipes: not one pipe for every item
    assert most - before <= 16
    assert _open_files() == before
    assert multiprocessing.active_children() == []


def test_a_worker_dying_with_short_items_given_ahead_fails_only_the_one_it_was_on() -> None:
    from textkit.batch.executors import ProcessExecutor, WorkerDied

    # Short items go to a worker several at a time: those it held behind 13 go to another.
    executor = ProcessExecutor(jobs=2, files_per_worker=1000)
    outcomes = {o.item: o for o in executor.map_unordered(_work_or_die, range(300))}
    assert sorted(outcomes) == list(range(300))
    assert isinstance(outcomes.pop(13).error, WorkerDied)
    assert str(outcomes.pop(7).error) == "seven"
    assert {n: o.result for n, o in outcomes.items()} == {n: n * n for n in outcomes}
    # The two, and at most one in place of the dead (none when the survivor had room for
    # the rest): the items it held cost no other worker.
    assert executor.workers_started <= 3


def _quick_then_stuck(n: int) -> int:
    if n == 40:  # after 40 short items given several at a time: never ends by itself
        time.sleep(600)
    return n


def test_a_timeout_after_short_items_fails_the_item_running_not_one_done_before() -> None:
    from textkit.batch.executors import ProcessExecutor, TimedOut

    # One worker: the items before 40 are done (some answers perhaps not yet sent when
    # 40 runs out of time); the worker's shared state, not its answers, says it is on 40.
    outcomes = {o.item: o for o in ProcessExecutor(jobs=1).map_unordered(
        _quick_then_stuck, range(60), timeout=3)}
    assert sorted(outcomes) == list(range(60))
    assert isinstance(outcomes.pop(40).error, TimedOut)
    assert {n: o.result for n, o in outcomes.items()} == {n: n for n in outcomes}


def _waits_for_the_parent_to_see_19(item: tuple[str, int]) -> bool:
    folder, n = item
    if n != 20:
        return True
    for _ in range(3000):  # 60 s: far longer than the answers may wait (UNSENT_SECONDS)
        if Path(folder, "seen-19").exists():
            return True
        time.sleep(0.02)
    return False


def test_answers_done_before_a_long_item_are_told_while_it_runs(tmp_path: Path) -> None:
    from textkit.batch.executors import ProcessExecutor

    # One worker, short items given several at a time: 20 waits until the parent has the
    # answer of 19 (which the worker keeps while it has more to do, but not behind 20).
    results = {}
    for outcome in ProcessExecutor(jobs=1).map_unordered(
            _waits_for_the_parent_to_see_19, [(str(tmp_path), n) for n in range(40)]):
        results[outcome.item[1]] = outcome.result
        (tmp_path / f"seen-{outcome.item[1]}").touch()
    assert results == {n: True for n in range(40)}


def _wait_until_parent_waits() -> None:
    """Return once the parent is asleep in its wait for an answer (not still in the
    caller's loop, where a Ctrl-C is the caller's): on Linux, its state has been
    ``S`` at five looks in a row; elsewhere, after 0.2 s."""
    import os
    import time

    stat = Path(f"/proc/{os.getppid()}/stat")
    if not stat.exists():
        time.sleep(0.2)
        return
    asleep = 0
    for _ in range(1000):
        asleep = asleep + 1 if stat.read_text().rsplit(")", 1)[1].split()[0] == "S" else 0
        if asleep == 5:
            return
        time.sleep(0.02)


def _mark_and_interrupt(item: tuple[str, int]) -> int:
    import os
    import signal
    import time

    folder, n = item
    Path(folder, str(n)).touch()  # started
    if n == 20:  # Ctrl-C while this one runs (the parent idle, waiting for it)
        seen_all_before = Path(folder, "seen-19")
        for _ in range(500):  # a loaded machine: wait until the parent has taken 0-19
            if seen_all_before.exists():
                break
            time.sleep(0.02)
        _wait_until_parent_waits()
        os.kill(os.getppid(), signal.SIGINT)  # it wakes (state R) to handle it
        _wait_until_parent_waits()  # asleep again: it has told this worker to drop the rest
    return n


def test_ctrl_c_starts_no_item_the_process_workers_held_but_had_not_started(tmp_path: Path) -> None:
    from textkit.batch.executors import ProcessExecutor

    seen = []
    with pytest.raises(KeyboardInterrupt):
        for outcome in ProcessExecutor(jobs=1).map_unordered(
                _mark_and_interrupt, [(str(tmp_path), n) for n in range(300)]):
            seen.append(outcome.result)
            (tmp_path / f"seen-{outcome.result}").touch()
    started = sorted(int(p.name) for p in tmp_path.iterdir() if p.name.isdigit())
    # One worker, items in order: the one running (20) finished, none after it started.
    assert seen == started == list(range(21))
