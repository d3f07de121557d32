"""Start-up, size and batch scaling, and a Dask cluster beside --jobs (issue #13), before/after.

Run ``python benchmarks/scale_benchmark.py [--tree LABEL=ROOT:PYTHON ...] [--only SECTION ...]``.
Each ``--tree`` is a textkit checkout and the Python of its environment; the
current tree (``now``) is always measured, so that the numbers of another
commit sit in the same table, measured side by side on the same machine::

    git worktree add /tmp/tk-before d68dabd && python3 -m venv /tmp/venv-before \\
        && /tmp/venv-before/bin/pip install -e /tmp/tk-before
    python benchmarks/scale_benchmark.py --tree before=/tmp/tk-before:/tmp/venv-before/bin/python

Sections (``--only``), each printing a table:

* ``startup``: the sample in a new process (``textkit convert --jobs 1``) beside
  symspellpy loading its dictionary in a new process, median of ``--repeat``
  (target: 6 times faster); and warm conversion speed in words per second of
  CPU time (one core; target 100,000), median of ``--repeat``.
* ``size``: the sample 1 and 16 times in one file (target: 16x costs at most
  20x), and a volume of about ``--volume-mb`` MB with its peak resident memory
  (target: at most 8 times its size).
* ``files``: ``--small`` one-page files with ``--jobs 2`` (files/s), and 24 copies
  of the sample with ``--jobs 1`` and ``--jobs 2`` (target: at least 1.8x).
* ``cluster`` (needs ``textkit[dask]`` in the current tree): a ``dask scheduler``
  and two ``dask worker`` processes (one thread each) on this machine, beside
  ``--jobs 2``, on the 24 copies and on ``--cluster-small`` one-page files.

Wall times include the interpreter's start; "CPU s" is user+system time of the
command and its workers. The machine may be shared: read the load column.
Each tree's ``textkit`` is byte-compiled first (``compileall``), as ``pip install``
does for an installed package: where ``PYTHONDONTWRITEBYTECODE`` is set, a
checkout would otherwise compile its sources again in every new process
(symspellpy, installed, has its bytecode).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "us-japan-in-asia-1994.txt"


@dataclass(frozen=True)
class Tree:
    label: str
    root: Path
    python: str

    def env(self) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(self.root)}


# A wrapper process, so that RUSAGE_CHILDREN measures one command (and its workers) alone.
WRAPPER = """
import resource, subprocess, sys, time
began = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(code, time.perf_counter() - began, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    cpu: float


def measured(tree: Tree, command: list[str]) -> Run:
    done = subprocess.run([tree.python, "-c", WRAPPER, *command], capture_output=True, text=True,
                          env=tree.env(), cwd=tree.root, check=True)
    code, seconds, rss_kb, cpu = done.stdout.split()
    if code != "0":
        raise SystemExit(f"{tree.label}: {' '.join(command)} exited {code}")
    return Run(float(seconds), int(rss_kb) / 1024, float(cpu))


def convert(tree: Tree, inputs: Path, out: Path, *extra: str) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    return measured(tree, [tree.python, "-m", "textkit", "convert", str(inputs), "--out", str(out),
                           "--force", "--quiet", *extra])


# The command in-process, to tell its own CPU time (the parent's share) from its workers',
# ended as the tree's own program ends (through cli.command where the tree has it, d5b6dd4:
# no teardown of the heap); the shares are written by an exit handler, which runs either way.
SPLIT = """
import atexit, resource, sys
import textkit.cli as cli
where = sys.argv[1]
def shares():
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(where, "w") as out:
        out.write(f"{own.ru_utime + own.ru_stime} {workers.ru_utime + workers.ru_stime}")
atexit.register(shares)
sys.argv = ["textkit", *sys.argv[2:]]
if hasattr(cli, "command"):
    cli.command()
sys.exit(cli.main())
"""


def convert_split(tree: Tree, inputs: Path, out: Path, *extra: str) -> tuple[Run, float]:
    """:func:`convert`, and the CPU seconds of the command's own process (not its workers')."""
    shutil.rmtree(out, ignore_errors=True)
    shares = out.with_name(out.name + ".cpu")
    run = measured(tree, [tree.python, "-c", SPLIT, str(shares), "convert", str(inputs), "--out",
                          str(out), "--force", "--quiet", *extra])
    return run, float(shares.read_text().split()[0])


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def median_run(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs),
               statistics.median(r.cpu for r in runs))


# --- corpora ------------------------------------------------------------------------------

WORDS = ("the governments of the region agreed that cooperation on shared problems would "
         "require patient negotiation and a willingness to accept fundamental compromise "
         "between competing national interests over several years").split()


def one_page(rng: random.Random, i: int) -> str:
    """One printed page: a title, an author, three paragraphs (about 2 KB)."""
    lines = [f" NOTE {i} ON REGIONAL COOPERATION", "", "Hana Okada", ""]
    for _ in range(3):
        text = " ".join(" ".join(rng.sample(WORDS, k=12)).capitalize() + "." for _ in range(4))
        words, line = text.split(), ""
        for word in words:
            if line and len(line) + len(word) > 70:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines += [line, ""]
    return "\n".join(lines) + "\n"


def small_corpus(root: Path, files: int) -> int:
    rng = random.Random(files)
    size = 0
    for i in range(files):
        path = root / f"box{i % 20:02}" / f"page{i:05}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = one_page(rng, i).encode("utf-8")
        path.write_bytes(data)
        size += len(data)
    return size


def sample_copies(root: Path, copies: int) -> int:
    text = SAMPLE.read_text(encoding="utf-8")
    root.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        (root / f"copy{i:02}.txt").write_text(text.replace("1994", str(1950 + i)), encoding="utf-8")
    return copies * len(text.encode("utf-8"))


# --- sections -----------------------------------------------------------------------------

SYMSPELL = """
import importlib.resources
from symspellpy import SymSpell
s = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
s.load_dictionary(str(importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)
"""

WARM = """
import json, statistics, sys, time
import textkit
text = open(sys.argv[1], encoding="utf-8").read()
def once():
    began = time.process_time()
    textkit.validate(textkit.to_tei(textkit.convert_text(text, source="s.txt")))
    return time.process_time() - began
once(); once()
cpu = statistics.median(once() for _ in range(int(sys.argv[2])))
print(json.dumps({"cpu": cpu, "words": len(text.split())}))
"""


def startup(trees: list[Tree], tmp: Path, repeat: int) -> None:
    print(f"\n## start-up: the sample ({SAMPLE.stat().st_size / 1e3:.0f} KB, "
          f"{len(SAMPLE.read_text().split()):,} words) in a new process, median of {repeat}")
    print("(wall and CPU seconds of the whole new process; 'ratio' symspellpy / textkit; "
          "CPU time is the fairer measure on a loaded machine)")
    print(f"{'tree':<10}{'symspellpy s':>13}{'textkit s':>11}{'ratio':>8}"
          f"{'symspellpy CPU':>16}{'textkit CPU':>13}{'CPU ratio':>11}"
          f"{'warm CPU s':>12}{'words/s/core':>14}{'load':>6}")
    for tree in trees:
        before = load()
        spell, cold = [], []
        for _ in range(repeat):  # interleaved: the same load for both
            spell.append(measured(tree, [tree.python, "-c", SYMSPELL]))
            cold.append(convert(tree, SAMPLE, tmp / "startup", "--jobs", "1"))
        warm = json.loads(subprocess.run([tree.python, "-c", WARM, str(SAMPLE), str(repeat)],
                                         capture_output=True, text=True, env=tree.env(),
                                         cwd=tree.root, check=True).stdout)
        s, c = median_run(spell), median_run(cold)
        print(f"{tree.label:<10}{s.seconds:>13.3f}{c.seconds:>11.3f}{s.seconds / c.seconds:>7.1f}x"
              f"{s.cpu:>16.3f}{c.cpu:>13.3f}{s.cpu / c.cpu:>10.1f}x"
              f"{warm['cpu']:>12.4f}{warm['words'] / warm['cpu']:>14,.0f}{before:>6}")


def size(trees: list[Tree], tmp: Path, volume_mb: float) -> None:
    sample = SAMPLE.read_bytes()
    copies = max(1, round(volume_mb * 1e6 / len(sample)))
    print("\n## size: one file, the sample repeated (--jobs 1, whole process)")
    print(f"{'tree':<10}{'input':<14}{'MB':>8}{'wall s':>9}{'CPU s':>9}{'x of 1x':>9}"
          f"{'peak MB':>9}{'peak/size':>10}{'load':>6}")
    for tree in trees:
        base = None
        for times in (1, 16, copies):
            single = tmp / f"size{times}" / "volume.txt"
            if not single.exists():
                single.parent.mkdir(parents=True, exist_ok=True)
                single.write_bytes(sample * times)
            before = load()
            run = convert(tree, single, tmp / "size-out", "--jobs", "1", "--max-size", "10000")
            base = base or run.cpu
            mb = len(sample) * times / 1e6
            print(f"{tree.label:<10}{f'sample x{times}':<14}{mb:>8.2f}{run.seconds:>9.2f}"
                  f"{run.cpu:>9.2f}{run.cpu / base:>8.1f}x{run.peak_mb:>9.0f}"
                  f"{run.peak_mb / mb:>9.1f}x{before:>6}")


def files(trees: list[Tree], tmp: Path, small: int) -> None:
    small_dir, copies_dir = tmp / "small", tmp / "copies"
    small_size = small_corpus(small_dir, small) if not small_dir.exists() else 0
    copies_size = sample_copies(copies_dir, 24)
    print(f"\n## files: {small:,} one-page files ({small_size / 1e6:.1f} MB) and 24 copies of the "
          f"sample ({copies_size / 1e6:.1f} MB)")
    print("('parent CPU': the command's own process, the rest of 'CPU s' its workers'; "
          "'CPU-bound': the speed-up the CPU times allow on 2 idle cores, the parent's time\n"
          " counted whole and the workers' split over the 2 cores: on a shared machine the wall "
          "times say more about the load than about textkit)")
    print(f"{'tree':<10}{'run':<22}{'wall s':>9}{'files/s':>9}{'MB/s':>8}{'CPU s':>8}"
          f"{'parent CPU':>11}{'speed-up':>10}{'CPU-bound':>10}{'peak MB':>9}{'load':>6}")
    for tree in trees:
        before = load()
        run, own = convert_split(tree, small_dir, tmp / "small-out", "--jobs", "2")
        print(f"{tree.label:<10}{f'{small} pages, --jobs 2':<22}{run.seconds:>9.2f}"
              f"{small / run.seconds:>9.0f}{small_size / 1e6 / run.seconds:>8.3f}{run.cpu:>8.1f}"
              f"{own:>11.2f}{'':>10}{'':>10}{run.peak_mb:>9.0f}{before:>6}")
        one = None
        for jobs in (1, 2):
            before = load()
            run, own = convert_split(tree, copies_dir, tmp / "copies-out", "--jobs", str(jobs))
            one = one or run
            bound = one.cpu / (own + (run.cpu - own) / jobs)
            print(f"{tree.label:<10}{f'24 samples, --jobs {jobs}':<22}{run.seconds:>9.2f}"
                  f"{24 / run.seconds:>9.2f}{copies_size / 1e6 / run.seconds:>8.3f}{run.cpu:>8.1f}"
                  f"{own:>11.2f}{one.seconds / run.seconds:>9.2f}x{bound:>9.2f}x"
                  f"{run.peak_mb:>9.0f}{before:>6}")


class LocalDask:
    """``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1."""

    def __init__(self, tmp: Path, python: str) -> None:
        self.tmp, self.python = tmp, python
        self.processes: list[subprocess.Popen[bytes]] = []
        self.address = ""

    def __enter__(self) -> LocalDask:
        file = self.tmp / "scheduler.json"
        self._spawn("distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                    "--no-dashboard", "--scheduler-file", str(file))
        deadline = time.monotonic() + 60
        while not (file.exists() and file.read_text().strip()):
            if time.monotonic() > deadline:
                raise SystemExit("the dask scheduler did not start")
            time.sleep(0.1)
        time.sleep(0.2)
        self.address = json.loads(file.read_text())["address"]
        for i in range(2):
            self._spawn("distributed.cli.dask_worker", self.address, "--nworkers", "1",
                        "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1",
                        "--local-directory", str(self.tmp / f"w{i}"))
        import distributed

        with distributed.Client(self.address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        return self

    def _spawn(self, module: str, *args: str) -> None:
        self.processes.append(subprocess.Popen([self.python, "-m", module, *args], cwd=self.tmp,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                               env={**os.environ, "PYTHONPATH": str(ROOT)},
                                               start_new_session=True))

    def __exit__(self, *exc: object) -> None:
        for process in self.processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def cluster(tree: Tree, tmp: Path, small: int) -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("\n## cluster: skipped (pip install '.[dask]')")
        return
    copies_dir, small_dir = tmp / "copies", tmp / "cluster-small"
    copies_size = sample_copies(copies_dir, 24)
    small_size = small_corpus(small_dir, small)
    print(f"\n## cluster: dask scheduler + 2 workers (1 thread each) here, beside --jobs 2 "
          f"(tree {tree.label}; the cluster already running)")
    print(f"{'corpus':<22}{'run':<24}{'wall s':>9}{'files/s':>9}{'MB/s':>8}{'CPU s':>8}{'load':>6}")
    with LocalDask(tmp, tree.python) as dask:
        for name, inputs, count, mb in (("24 samples", copies_dir, 24, copies_size / 1e6),
                                        (f"{small} pages", small_dir, small, small_size / 1e6)):
            for label, extra in (("--jobs 2", ("--jobs", "2")),
                                 ("--scheduler (2 workers)", ("--scheduler", dask.address))):
                before = load()
                run = convert(tree, inputs, tmp / "cluster-out", *extra)
                # (CPU s counts the client only for the cluster: the workers are not its children.)
                print(f"{name:<22}{label:<24}{run.seconds:>9.2f}{count / run.seconds:>9.1f}"
                      f"{mb / run.seconds:>8.3f}{run.cpu:>8.1f}{before:>6}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", default=[], metavar="LABEL=ROOT:PYTHON",
                        help="another checkout to measure beside this one (repeatable)")
    parser.add_argument("--only", action="append", choices=["startup", "size", "files", "cluster"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--small", type=int, default=10_000, help="one-page files (default 10,000)")
    parser.add_argument("--cluster-small", type=int, default=2_000)
    parser.add_argument("--volume-mb", type=float, default=50.0)
    parser.add_argument("--quick", action="store_true", help="tiny settings, for a smoke test")
    args = parser.parse_args()
    if args.quick:
        args.repeat, args.small, args.cluster_small, args.volume_mb = 1, 40, 20, 0.5
    trees = []
    for spec in args.tree:
        label, _, rest = spec.partition("=")
        root, _, python = rest.partition(":")
        trees.append(Tree(label, Path(root).resolve(), python))
    trees.append(Tree("now", ROOT, sys.executable))
    for tree in trees:  # as installed: bytecode written once, not compiled in each process
        subprocess.run([tree.python, "-m", "compileall", "-q", str(tree.root / "textkit")],
                       stdout=subprocess.DEVNULL, check=True)
    sections = args.only or ["startup", "size", "files", "cluster"]
    print(f"{os.cpu_count()} cores; trees: " + ", ".join(f"{t.label} = {t.root}" for t in trees))
    with tempfile.TemporaryDirectory(prefix="textkit-scale-") as tmp_name:
        tmp = Path(tmp_name)
        if "startup" in sections:
            startup(trees, tmp, args.repeat)
        if "size" in sections:
            size(trees, tmp, args.volume_mb)
        if "files" in sections:
            files(trees, tmp, args.small)
        if "cluster" in sections:
            cluster(trees[-1], tmp, args.cluster_small)
    return 0


if __name__ == "__main__":
    sys.exit(main())
