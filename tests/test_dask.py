"""Batches on a Dask cluster (issue #13), with real processes: a scheduler and two workers.

The cluster is ``dask scheduler`` and two ``dask worker`` processes on
127.0.0.1 (one process, one thread each, no dashboard), started here as
subprocesses whose working directory is not the tests' (so relative paths
must have been made absolute). Skipped only when dask is not installed
(``pip install '.[test,dask]'``).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="dask is not installed: "
                                  "pip install '.[test,dask]'")

import textkit  # noqa: E402
from textkit import batch  # noqa: E402
from textkit.batch.dask_executor import DaskExecutor  # noqa: E402
from textkit.cli import main  # noqa: E402
from textkit.files import is_temporary  # noqa: E402
from textkit.resume import LOCK_FILE, STATE_FILE  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "us-japan-in-asia-1994.txt"
VOLUME = ("INTRODUCTION\n\nAnn Lee\n\nn the beginning there was a scan of {n} pages, "
          "and the govemment said so.\n")
START_TIMEOUT = 45.0


class Cluster:
    """A scheduler and its workers, each a subprocess; ``address`` is the scheduler's."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.file = root / "scheduler.json"
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.address = ""

    def _spawn(self, name: str, module: str, *args: str) -> None:
        log = open(self.root / f"{name}.log", "wb")
        self.processes[name] = subprocess.Popen(
            [sys.executable, "-m", module, *args], cwd=self.root, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True)
        log.close()

    def start(self, workers: int) -> None:
        # Port 0 and a scheduler file: the scheduler picks a free port and says which.
        self._spawn("scheduler", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                    "--port", "0", "--no-dashboard", "--scheduler-file", str(self.file))
        deadline = time.monotonic() + START_TIMEOUT
        while not self.file.exists() or not self.file.read_text().strip():
            self._check_alive("scheduler")
            if time.monotonic() > deadline:
                raise RuntimeError("the dask scheduler did not start: " + self.log("scheduler"))
            time.sleep(0.1)
        time.sleep(0.2)  # the file is written in one go, but let it be complete
        self.address = json.loads(self.file.read_text())["address"]
        for i in range(workers):
            self._spawn(f"w{i}", "distributed.cli.dask_worker", self.address, "--name", f"w{i}",
                        "--nworkers", "1", "--nthreads", "1", "--no-nanny", "--no-dashboard",
                        "--host", "127.0.0.1", "--local-directory", str(self.root / f"w{i}"))
        with distributed.Client(self.address, timeout=START_TIMEOUT) as client:
            try:
                client.wait_for_workers(workers, timeout=START_TIMEOUT)
            except TimeoutError:
                raise RuntimeError("the dask workers did not register: "
                                   + " | ".join(self.log(f"w{i}") for i in range(workers)))

    def _check_alive(self, name: str) -> None:
        if self.processes[name].poll() is not None:
            raise RuntimeError(f"{name} exited: {self.log(name)}")

    def log(self, name: str) -> str:
        return (self.root / f"{name}.log").read_text(errors="replace")[-2000:]

    def kill(self, name: str) -> None:
        self.processes[name].send_signal(signal.SIGKILL)
        self.processes[name].wait(timeout=10)

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    running = Cluster(tmp_path_factory.mktemp("dask-cluster"))
    try:
        running.start(workers=2)
        yield running
    finally:
        running.stop()


def corpus(root: Path, *, samples: int, small: int) -> Path:
    """Sample variants (each takes a worker a while) and small volumes, in subdirectories."""
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(samples):
        path = root / f"shelf{i % 2}" / f"vol{i:02}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace("1994", str(1960 + i)), encoding="utf-8")
    for i in range(small):
        (root / "small").mkdir(parents=True, exist_ok=True)
        (root / "small" / f"v{i:02}.txt").write_text(VOLUME.format(n=i), encoding="utf-8")
    return root


def outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.xml"))}


def test_the_command_line_runs_a_batch_on_the_cluster(cluster: Cluster, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    corpus(tmp_path / "scans", samples=1, small=4)  # the sample variant is over --max-size
    monkeypatch.chdir(tmp_path)  # relative paths: the workers' directory is another one
    command = ["convert", "scans", "--out", "tei", "--scheduler", cluster.address,
               "--max-size", "0.05"]
    code = main([*command, "--report", "report.json", "--progress"])
    err = capsys.readouterr().err
    report = json.loads((tmp_path / "report.json").read_text())
    statuses = {f["input"]: f["status"] for f in report["files"]}
    too_large = os.path.join("scans", "shelf0", "vol00.txt")
    assert code == 1, "a file failed"
    assert statuses.pop(too_large) == "failed", "the file that fails fails alone"
    assert sorted(statuses) == [os.path.join("scans", "small", f"v{i:02}.txt") for i in range(4)]
    assert set(statuses.values()) == {"converted"}
    assert f"textkit: {too_large}: too large" in err
    assert "5/5 files" in err, "the progress bar counts the cluster's files"
    assert report["options"]["scheduler"] == cluster.address
    for name, data in outputs(tmp_path / "tei").items():
        textkit.validate(data, source=name)
    # a second run finds everything up to date (resume works through the cluster too)
    assert main([*command, "--quiet"]) == 1
    assert "0 converted, 4 skipped, 1 failed" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    corpus(tmp_path / "scans", samples=0, small=1)
    import socket

    with socket.socket() as free:  # a port nobody listens on
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    executor = DaskExecutor(scheduler=f"tcp://127.0.0.1:{port}", connect_timeout=2)
    tasks, _ = batch.plan([str(tmp_path / "scans")], out=tmp_path / "tei")
    with pytest.raises(textkit.InputError, match="cannot reach the Dask scheduler"):
        batch.run(tasks, out=tmp_path / "tei", executor=executor)


def test_scheduler_with_another_executor_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["convert", str(tmp_path), "--out", str(tmp_path / "tei"),
                 "--scheduler", "local", "--executor", "processes"]) == 2


def test_a_task_past_its_timeout_fails_alone(cluster: Cluster) -> None:
    """Dask cannot stop a running task: the item fails as timed out, the others go on."""
    from textkit.batch.executors import TimedOut

    with distributed.Client(cluster.address, timeout=START_TIMEOUT) as client:
        # Wide margins: on a loaded machine a quick task may take a second to be scheduled.
        outcomes = list(DaskExecutor(client=client).map_unordered(time.sleep, [8.0, 0.0, 0.0],
                                                                  timeout=4.0))
    assert sorted(o.item for o in outcomes) == [0.0, 0.0, 8.0]
    slow = next(o for o in outcomes if o.item == 8.0)
    assert isinstance(slow.error, TimedOut)
    assert all(o.error is None for o in outcomes if o.item == 0.0)
    time.sleep(4.5)  # the worker finishes the slow task before the next test


def test_a_worker_killed_mid_run_costs_only_its_tasks(cluster: Cluster, tmp_path: Path) -> None:
    """SIGKILL one of the two workers while it converts: its tasks are redone by the
    other, every output exists, validates and is byte for byte the local run's."""
    scans = corpus(tmp_path / "scans", samples=12, small=4)
    tasks, problems = batch.plan([str(scans)], out=tmp_path / "local")
    assert not problems
    local = batch.run(tasks, out=tmp_path / "local", executor="serial")
    assert local.ok

    out = tmp_path / "cluster"
    tasks, _ = batch.plan([str(scans)], out=out)
    killed: list[object] = []
    with distributed.Client(cluster.address, timeout=START_TIMEOUT) as watcher:
        victim = next(address for address, info in watcher.scheduler_info()["workers"].items()
                      if info["name"] == "w1")

        def on_result(result: batch.FileResult) -> None:
            if killed:
                return
            # Kill w1 at the first result that finds it holding a task (a sample
            # volume takes it a while): asked at every result, not only the first,
            # since on a loaded machine the scheduler may feed w0 first.
            holding = list(watcher.processing().get(victim, ()))
            if holding:
                killed.append(holding)
                cluster.kill("w1")

        executor = DaskExecutor(client=watcher, initializer=None)
        done = batch.run(tasks, out=out, executor=executor, on_result=on_result)

    assert killed and killed[0], "w1 was killed while it held a task"
    assert done.ok, [(r.input, r.reason) for r in done.results if r.reason]
    assert done.counts()["converted"] == len(tasks)
    assert outputs(out) == outputs(tmp_path / "local")
    for name, data in outputs(out).items():
        textkit.validate(data, source=name)
    # Nothing else but the journal and its lock, and at worst the temporary file of the
    # write the kill cut short (never an .xml), which the next run sweeps.
    others = [p.name for p in out.rglob("*") if p.is_file() and p.suffix != ".xml"]
    assert all(name in (STATE_FILE, LOCK_FILE) or is_temporary(name) for name in others), others
