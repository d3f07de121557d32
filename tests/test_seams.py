"""The seams issue: what the next capabilities plug into (an executor, the one writer, the one parser)."""

from __future__ import annotations

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
