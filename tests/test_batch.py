"""Batch conversion (issue #4): planning, one result per file, atomic writes, resuming, the pool."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import umask, write

import textkit
from textkit import batch
from textkit.batch import Status, Task, plan, run
from textkit.model import Options
from textkit.resume import STATE_FILE, Journal, file_sha256, fingerprint
from textkit.tei import writer

VOLUME = "INTRODUCTION\n\nAnn Lee\n\nn the beginning there was a scan of {n} pages.\n"


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """scans/a.txt, scans/x/y.txt, scans/x/z/w.txt and a file the glob leaves out."""
    root = tmp_path / "scans"
    for i, name in enumerate(["a.txt", "x/y.txt", "x/z/w.txt"]):
        write(root / name, VOLUME.format(n=i))
    write(root / "notes.md", "not OCR")
    return root


# --- planning ---------------------------------------------------------------------------


def test_plan_mirrors_a_directory_tree(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "tei"
    tasks, problems = plan([str(tree)], out=out)
    assert problems == []
    assert sorted(t.output.relative_to(out).as_posix() for t in tasks) == [
        "a.xml", "x/y.xml", "x/z/w.xml"]


def test_plan_glob_selects_files(tree: Path, tmp_path: Path) -> None:
    tasks, _ = plan([str(tree)], out=tmp_path / "tei", glob="*.md")
    assert [Path(t.input).name for t in tasks] == ["notes.md"]


def test_plan_file_goes_to_the_top_of_out(tree: Path, tmp_path: Path) -> None:
    tasks, _ = plan([str(tree / "x" / "y.txt")], out=tmp_path / "tei")
    assert [t.output for t in tasks] == [tmp_path / "tei" / "y.xml"]


def test_plan_never_searches_the_output_directory(tree: Path) -> None:
    write(tree / "tei" / "old.txt", VOLUME.format(n=9))
    tasks, _ = plan([str(tree)], out=tree / "tei")
    assert all("tei" not in Path(t.input).parts for t in tasks)


def test_plan_reports_missing_paths_and_collisions(tree: Path, tmp_path: Path) -> None:
    write(tmp_path / "other" / "a.txt", VOLUME.format(n=5))
    tasks, problems = plan([str(tree / "a.txt"), str(tmp_path / "other" / "a.txt"),
                            str(tmp_path / "nope.txt"), str(tree / "a.txt")],
                           out=tmp_path / "tei")
    assert len(tasks) == 1  # the repeated path is converted once
    reasons = {Path(p.input).name: p.reason for p in problems}
    assert reasons["nope.txt"] == "no such file or directory"
    assert "also the output of" in reasons["a.txt"]


def test_plan_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    src = write(tmp_path / "vol.xml", VOLUME.format(n=1))
    tasks, problems = plan([str(src)], out=tmp_path, glob="*.xml")
    assert tasks == [] and "overwrite itself" in problems[0].reason


def test_plan_reports_an_unreadable_directory(tree: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):  # what os.walk does on a directory it may not list
        for entry in real_walk(top, onerror=onerror, **kwargs):
            if entry[0].endswith("z"):
                onerror(PermissionError(13, "Permission denied", entry[0]))
                entry[2].clear()
            yield entry

    monkeypatch.setattr(batch.os, "walk", walk)
    tasks, problems = plan([str(tree)], out=tmp_path / "tei")
    assert len(tasks) == 2
    assert [(Path(p.input).name, p.reason) for p in problems] == [
        ("z", "cannot read directory: Permission denied")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads directories without read permission")
def test_unreadable_directory_for_real(tree: Path, tmp_path: Path) -> None:
    (tree / "x" / "z").chmod(0)
    try:
        tasks, problems = plan([str(tree)], out=tmp_path / "tei")
    finally:
        (tree / "x" / "z").chmod(0o755)
    assert len(tasks) == 2 and "cannot read directory" in problems[0].reason


# --- converting ---------------------------------------------------------------------------


def test_run_converts_every_file_to_valid_tei(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "tei"
    tasks, _ = plan([str(tree)], out=out)
    seen = []
    result = run(tasks, out=out, on_result=seen.append)
    assert result.ok and result.counts() == {"converted": 3, "skipped": 0, "failed": 0}
    assert len(seen) == 3
    for task in tasks:
        textkit.validate(task.output.read_bytes())
    entry = next(r for r in result.results if r.input.endswith("a.txt"))
    assert entry.structure["texts"] == 1
    assert entry.corrections == {"dropped-initial": 1}
    assert entry.validation == {"valid": True} and entry.encoding == "utf-8"


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"\x00\x01binary", "binary file"),
    (b"  \n\t\n", "empty input"),
], ids=["empty", "binary", "blank"])
def test_a_bad_file_fails_alone(tree: Path, tmp_path: Path, data: bytes, reason: str) -> None:
    write(tree / "bad.txt", data)
    out = tmp_path / "tei"
    tasks, _ = plan([str(tree)], out=out)
    result = run(tasks, out=out)
    failed = [r for r in result.results if r.status is Status.FAILED]
    assert [Path(r.input).name for r in failed] == ["bad.txt"]
    assert reason in failed[0].reason and "\n" not in failed[0].reason
    assert not (out / "bad.xml").exists()
    assert result.counts()["converted"] == 3 and not result.ok


def test_a_bug_in_a_stage_fails_the_file_not_the_run(tree: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc, **kwargs):  # the TEI writer (what convert_one writes the file with)
        if doc.source == "y.txt":
            raise KeyError("oops")
        return real(doc, **kwargs)

    real = writer.tei_pieces
    monkeypatch.setattr(writer, "tei_pieces", broken)
    out = tmp_path / "tei"
    tasks, _ = plan([str(tree)], out=out)
    result = run(tasks, out=out)
    reasons = {Path(r.input).name: r.reason for r in result.results}
    assert reasons["y.txt"] == "internal error (a textkit bug): KeyError: 'oops'"
    assert reasons["a.txt"] == "" and reasons["w.txt"] == ""


def test_invalid_tei_is_never_written(tree: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    empty = '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'
    monkeypatch.setattr(writer, "tei_pieces", lambda doc, **kw: iter([writer.Piece(empty, empty, 1, 0)]))
    out = tmp_path / "tei"
    tasks, _ = plan([str(tree / "a.txt")], out=out)
    [result] = run(tasks, out=out).results
    assert result.status is Status.FAILED and "not valid" in result.reason
    assert result.validation is not None and result.validation["valid"] is False
    assert result.validation["problems"][0][0] == 1
    assert not (out / "a.xml").exists()


def test_stdin_task(tmp_path: Path) -> None:
    out = tmp_path / "tei"
    tasks, _ = plan(["-"], out=out, stdin=VOLUME.format(n=1).encode())
    result = run(tasks, out=out)
    assert result.ok and (out / "stdin.xml").is_file()
    assert "<bibl>\n          <title>stdin</title>" in (out / "stdin.xml").read_text()


# --- atomic writes --------------------------------------------------------------------------


def test_write_atomic_leaves_nothing_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch.os, "replace", fail)
    with pytest.raises(OSError):
        batch.write_atomic(tmp_path / "a.xml", b"<x/>")
    assert list(tmp_path.iterdir()) == []


def test_write_atomic_replaces_and_keeps_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "d" / "a.xml"
    batch.write_atomic(target, b"one")
    batch.write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask()
    assert [p.name for p in target.parent.iterdir()] == ["a.xml"]


def test_sweep_removes_only_dead_runs_temporary_files(tmp_path: Path) -> None:
    dead = tmp_path / f".a.xml.{2**22 + 12345}.k3j{batch.TMP_SUFFIX}"
    mine = tmp_path / f".b.xml.{os.getpid()}.q9z{batch.TMP_SUFFIX}"
    for path in (dead, mine):
        path.write_bytes(b"<partial")
    assert batch.sweep_temporary_files(tmp_path) == 1
    assert not dead.exists() and mine.exists()


# --- resuming -----------------------------------------------------------------------------


def test_rerun_skips_what_is_up_to_date(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "tei"
    tasks, _ = plan([str(tree)], out=out)
    assert run(tasks, out=out).counts()["converted"] == 3
    again = run(tasks, out=out)
    assert again.counts() == {"converted": 0, "skipped": 3, "failed": 0}
    skipped = next(r for r in again.results if r.input.endswith("a.txt"))
    assert skipped.structure["texts"] == 1  # the facts of the run that made it

    # An input touched but not changed: still up to date (resuming compares contents).
    future = (tree / "a.txt").stat().st_mtime + 10
    os.utime(tree / "a.txt", (future, future))
    assert run(tasks, out=out).counts()["skipped"] == 3
    # An input changed since: converted again; the others still skipped.
    write(tree / "a.txt", VOLUME.format(n=100))
    third = run(tasks, out=out)
    assert {Path(r.input).name: r.status.value for r in third.results} == {
        "a.txt": "converted", "y.txt": "skipped", "w.txt": "skipped"}

    # Other options, or --force: everything again.
    assert run(tasks, out=out, options=Options(correct_ocr=False)).counts()["converted"] == 3
    assert run(tasks, out=out, options=Options(correct_ocr=False),
               force=True).counts()["converted"] == 3


def test_rerun_converts_a_deleted_output(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "tei"
    tasks, _ = plan([str(tree)], out=out)
    run(tasks, out=out)
    (out / "x" / "y.xml").unlink()
    assert {Path(r.input).name: r.status.value for r in run(tasks, out=out).results}["y.txt"] \
        == "converted"


def test_journal_survives_a_truncated_line(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", "x")
    out = tmp_path / "tei"
    write(out / "a.xml", "<x/>")
    mark = fingerprint(Options(), textkit.__version__)
    journal = Journal(out, mark)
    journal.add(src, out / "a.xml", {}, input_sha256=file_sha256(src),
                output_sha256=file_sha256(out / "a.xml"))
    with (out / STATE_FILE).open("a") as state:
        state.write('{"output": "b.xml", "inp')  # the run was killed mid-line
    reread = Journal(out, mark)
    assert reread.fresh(src, out / "a.xml") is not None
    assert "b.xml" not in reread.records
    journal.close()
    assert len((out / STATE_FILE).read_text().splitlines()) == 1


def test_fingerprint_covers_every_option() -> None:
    base = fingerprint(Options(), "0.1.0")
    assert len({base, fingerprint(Options(), "0.2.0"),
                fingerprint(Options(correct_ocr=False), "0.1.0"),
                fingerprint(Options(keep_layout=True), "0.1.0"),
                fingerprint(Options(user_words=frozenset({"Nakanishi"})), "0.1.0")}) == 5


# --- the pool -------------------------------------------------------------------------------


def test_pool_gives_the_same_results_as_in_process(tree: Path, tmp_path: Path) -> None:
    for i in range(5):
        write(tree / "more" / f"v{i}.txt", VOLUME.format(n=10 + i))
    write(tree / "more" / "bad.txt", b"\x00")
    serial, pooled = tmp_path / "one", tmp_path / "two"
    tasks1, _ = plan([str(tree)], out=serial)
    tasks2, _ = plan([str(tree)], out=pooled)
    r1, r2 = run(tasks1, out=serial, jobs=1), run(tasks2, out=pooled, jobs=2)
    assert r1.counts() == r2.counts() == {"converted": 8, "skipped": 0, "failed": 1}
    for task in tasks1:
        if task.output.exists():
            twin = pooled / task.output.relative_to(serial)
            assert twin.read_bytes() == task.output.read_bytes()


def _crash_on_poison(task: Task, job: batch.Job):
    if task.input.endswith("poison.txt"):
        os._exit(3)  # a worker killed, as by the kernel's out-of-memory killer
    return _real_convert_one(task, job)


_real_convert_one = batch.convert_one


def test_a_dying_worker_fails_only_its_file(tree: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(4):
        write(tree / "more" / f"v{i}.txt", VOLUME.format(n=10 + i))
    write(tree / "more" / "poison.txt", VOLUME.format(n=99))
    # Pickled by name: let the pool find the stand-in under convert_one's name.
    _crash_on_poison.__module__, _crash_on_poison.__qualname__ = "textkit.batch", "convert_one"
    monkeypatch.setattr(batch, "convert_one", _crash_on_poison)
    out = tmp_path / "tei"
    tasks, _ = plan([str(tree)], out=out)
    result = run(tasks, out=out, jobs=2)
    status = {Path(r.input).name: (r.status.value, r.reason) for r in result.results}
    assert status.pop("poison.txt") == ("failed", "the worker process died converting it "
                                                  "(out of memory, or a crash)")
    assert {s for s, _ in status.values()} == {"converted"} and len(status) == 7


def test_report_is_json_with_every_file(tree: Path, tmp_path: Path) -> None:
    from textkit.report import write_report

    write(tree / "bad.txt", b"")
    out = tmp_path / "tei"
    tasks, _ = plan([str(tree)], out=out)
    write_report(tmp_path / "r.json", run(tasks, out=out))
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["totals"]["converted"] == 3 and data["totals"]["failed"] == 1
    assert data["totals"]["corrections"] == {"dropped-initial": 3}
    bad = next(f for f in data["files"] if f["input"].endswith("bad.txt"))
    assert bad["status"] == "failed" and bad["reason"].startswith("empty file")


def test_too_large_files_are_refused_before_reading(tree: Path, tmp_path: Path) -> None:
    write(tree / "big.txt", VOLUME.format(n=1) * 200)
    out = tmp_path / "tei"
    tasks, _ = plan([str(tree)], out=out)
    result = run(tasks, out=out, max_bytes=10_000)
    status = {Path(r.input).name: r for r in result.results}
    assert status["big.txt"].status is Status.FAILED
    assert status["big.txt"].reason.startswith("too large (0.0 MB, more than 0.01 MB)")
    assert status["a.txt"].status is Status.CONVERTED


def test_warnings_of_the_stages_go_to_the_result(tmp_path: Path) -> None:
    # A footnote block whose numeral is nowhere in the text: the layout stage warns.
    src = write(tmp_path / "v.txt", VOLUME.format(n=1) + " " * 60 + "\n7A note nobody cites.\n")
    tasks, _ = plan([str(src)], out=tmp_path / "tei")
    [result] = run(tasks, out=tmp_path / "tei").results
    assert result.status is Status.CONVERTED
    assert result.warning_count == len(result.warnings) >= 1
    assert any("footnote" in w for w in result.warnings)


def test_workers_are_replaced_after_their_budget_of_files(tree: Path, tmp_path: Path) -> None:
    for i in range(6):
        write(tree / "more" / f"v{i}.txt", VOLUME.format(n=10 + i))
    executor = batch.ProcessExecutor(jobs=2, files_per_worker=2)
    out = tmp_path / "tei"
    tasks, _ = plan([str(tree)], out=out)
    result = run(tasks, out=out, executor=executor)
    assert result.counts()["converted"] == 9
    assert executor.workers_started == 5  # 9 files, 2 per worker


def test_a_line_of_100000_characters_converts(tmp_path: Path) -> None:
    src = write(tmp_path / "long.txt", "INTRODUCTION\n\nAnn Lee\n\n" + "word " * 20_000 + "\n")
    tasks, _ = plan([str(src)], out=tmp_path / "tei")
    [result] = run(tasks, out=tmp_path / "tei").results
    assert result.status is Status.CONVERTED and result.validation == {"valid": True}
    assert result.words == 20_003


def test_a_token_of_100000_characters_converts_whole() -> None:
    # Once quadratic in the line's length (minutes); benchmarks/convert_timing.py
    # measures speed, this test only what comes out.
    token = "x" * 99_999 + "-"
    doc = textkit.convert_text("INTRODUCTION\n\nAnn Lee\n\n" + token + "\nend of it.\n", source="t.txt",
                               options=Options(correct_ocr=False))
    [paragraph] = doc.texts[0].blocks
    assert paragraph.text == token[:-1] + "end of it."  # a word broken at the line end, joined
    assert paragraph.original_text().replace("-\n", "-") == token + "end of it."


@pytest.mark.parametrize("listed", [False, True], ids=["lstat", "listed"])
def test_plan_resolves_paths_as_path_resolve_does(tmp_path: Path, listed: bool) -> None:
    """The plan's resolver (directories resolved once) agrees with ``Path.resolve`` on
    links to files, to directories, dangling links, missing files and dot names, whether
    it asks each name (an ``lstat``) or lists the directories it is asked about."""
    from textkit.files import Resolver

    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "a.txt").write_text("a")
    (tmp_path / "dirlink").symlink_to(real)
    (real / "filelink.txt").symlink_to(real / "a.txt")
    (real / "dangling.xml").symlink_to(tmp_path / "nowhere" / "x.xml")
    (real / "up").symlink_to("..")
    resolve = Resolver(list_directories=listed)
    if listed:
        resolve.LISTED_AFTER = 0  # each directory listed at its first name
    for path in [real / "a.txt", tmp_path / "dirlink" / "a.txt", real / "filelink.txt",
                 tmp_path / "dirlink" / "filelink.txt", real / "dangling.xml",
                 real / "missing.xml", tmp_path / "dirlink" / "sub" / "new.xml",
                 real / "nodir" / "x.xml", real / "a.txt" / "x.xml",
                 real / "up" / "real" / "a.txt", real / "sub" / ".." / "a.txt", real / "sub" / ".",
                 Path("relative.txt")]:
        assert resolve(path) == str(path.resolve()), path
        assert resolve(path) == str(path.resolve()), path  # and again, from what it remembers
        assert resolve(str(path)) == str(path.resolve()), path


def test_journal_appends_after_another_run_compacted_it(tmp_path: Path) -> None:
    """A journal kept open for appending follows the file another run's compaction put in
    its place (renamed over the one it had open): no record is written into the old one."""
    out = tmp_path / "tei"
    sources = [write(tmp_path / f"{name}.txt", name) for name in "abc"]
    for source in sources:
        write(out / f"{source.stem}.xml", f"<{source.stem}/>")

    def add(journal: Journal, source: Path) -> None:
        journal.add(source, out / f"{source.stem}.xml", {}, input_sha256=file_sha256(source),
                    output_sha256=file_sha256(out / f"{source.stem}.xml"))

    mine, other = Journal(out, "f"), Journal(out, "f")
    add(mine, sources[0])
    add(other, sources[1])
    add(other, sources[1])  # twice: its close has a line to drop
    other.close()  # compacts: a new file renamed over the journal
    add(mine, sources[2])
    assert len(Journal(out, "f").records) == 3  # before this run closes, too
    mine.close()
    after = Journal(out, "f")
    assert all(after.fresh(s, out / f"{s.stem}.xml") is not None for s in sources)


@pytest.mark.parametrize("case", ["alone", "twice", "other", "earlier"])
def test_journal_compacts_only_what_is_not_one_line_per_output(
        tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that appended each output once to a journal it found empty leaves the file as
    it wrote it, without reading it again (one line per output already); one that added an
    output twice, or whose file another run appended to or an earlier run's lines were in,
    reads it and compacts it to one line per output."""
    from textkit import resume

    out = tmp_path / "tei"
    sources = [write(tmp_path / f"{name}.txt", name) for name in "abc"]
    for source in sources:
        write(out / f"{source.stem}.xml", f"<{source.stem}/>")

    def add(journal: Journal, source: Path) -> None:
        journal.add(source, out / f"{source.stem}.xml", {}, input_sha256=file_sha256(source),
                    output_sha256=file_sha256(out / f"{source.stem}.xml"))

    if case == "earlier":
        earlier = Journal(out, "f")
        add(earlier, sources[0])
        earlier.close()
    mine = Journal(out, "f")
    add(mine, sources[0])
    add(mine, sources[1])
    if case == "twice":
        add(mine, sources[1])
    if case == "other":
        other = Journal(out, "f")
        add(other, sources[1])  # the same output, from another run
        other.flush()
    reads = []
    real_read = resume._read_lines
    monkeypatch.setattr(resume, "_read_lines", lambda path: reads.append(path) or real_read(path))
    inode = (out / STATE_FILE).stat().st_ino
    mine.close()
    lines = (out / STATE_FILE).read_text().splitlines()
    assert (not reads) is (case == "alone")
    assert ((out / STATE_FILE).stat().st_ino == inode) is (case == "alone")  # rewritten or not
    assert sorted(json.loads(line)["output"] for line in lines) == ["a.xml", "b.xml"]
    assert all(Journal(out, "f").fresh(s, out / f"{s.stem}.xml") is not None for s in sources[:2])
    if case == "other":
        other.close()


def test_warm_up_loads_what_a_first_file_needs_and_writes_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    script = ("import os, sys\n"
              f"os.chdir({str(tmp_path)!r})\n"
              "from textkit.batch import warm_up\n"
              "from textkit.model import Options\n"
              "warm_up(Options())\n"
              "print(' '.join(sorted(m for m in sys.modules if m.startswith('textkit.'))))\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          timeout=120, check=True)
    loaded = set(done.stdout.split())
    # the readers a file's bytes are sniffed by, every stage, the TEI writer and its validation
    assert {"textkit.read.hocr", "textkit.read.alto", "textkit.read.page", "textkit.layout",
            "textkit.repair.ocr", "textkit.repair.channel.stage", "textkit.tei.writer",
            "textkit.tei.validate"} <= loaded
    assert list(tmp_path.iterdir()) == []


def test_a_warmed_up_process_writes_the_same_tei(tmp_path: Path) -> None:
    src = tmp_path / "in" / "page.txt"
    write(src, "THE GIFT\n\nAnn Lee\n\nn the year the tbe harbour froze, the rnodern ships wait-\n"
               "ed outside for a week.\n")
    tasks, _ = plan([str(src)], out=tmp_path / "cold")
    run(tasks, out=tmp_path / "cold")
    batch.warm_up(Options())
    tasks, _ = plan([str(src)], out=tmp_path / "warm")
    run(tasks, out=tmp_path / "warm")
    assert (tmp_path / "warm" / "page.xml").read_bytes() == (tmp_path / "cold" / "page.xml").read_bytes()


def test_journal_close_compacts_only_a_journal_with_lines_to_drop(tmp_path: Path) -> None:
    out = tmp_path / "tei"
    sources = [write(tmp_path / f"{name}.txt", name) for name in "abc"]
    for source in sources:
        write(out / f"{source.stem}.xml", f"<{source.stem}/>")
    state = out / STATE_FILE

    def add(journal: Journal, source: Path) -> None:
        journal.add(source, out / f"{source.stem}.xml", {}, input_sha256=file_sha256(source),
                    output_sha256=file_sha256(out / f"{source.stem}.xml"))

    journal = Journal(out, "f")
    add(journal, sources[0])
    add(journal, sources[1])
    journal.flush()
    appended = state.read_text(encoding="utf-8"), state.stat().st_ino
    journal.close()  # one line per output already: left as it is
    assert (state.read_text(encoding="utf-8"), state.stat().st_ino) == appended
    journal = Journal(out, "f")
    add(journal, sources[1])  # converted again: its first line is out of date
    journal.close()
    compacted = state.read_text(encoding="utf-8").splitlines()
    assert state.stat().st_ino != appended[1]  # written anew
    assert len(compacted) == 2 and compacted[0] == appended[0].splitlines()[0]
    with state.open("a", encoding="utf-8") as other:
        other.write("not a record of ours\n")
    journal = Journal(out, "f")
    add(journal, sources[2])
    journal.close()
    assert len(state.read_text(encoding="utf-8").splitlines()) == 3  # the stranger's line gone
    after = Journal(out, "f")
    assert all(after.fresh(s, out / f"{s.stem}.xml") is not None for s in sources)


@pytest.mark.parametrize("status", list(Status))
def test_a_result_comes_back_from_a_worker_as_it_was(status: Status) -> None:
    import copy
    import pickle
    from dataclasses import fields

    from textkit.batch import FileResult

    values = {"reason": "why", "seconds": 0.25, "bytes": 10, "words": 2, "encoding": "cp1252",
              "input_format": "hocr", "replaced_characters": 1, "replaced_bytes": 3, "sha256": "a" * 64,
              "output_sha256": "b" * 64, "corrections": {"rn-m": 2}, "structure": {"texts": 1},
              "validation": {"valid": True}, "warnings": ("w",), "warning_count": 4,
              "review": {"changes": 1}, "suggestions": ({"line": 3},)}
    result = FileResult("in/a.txt", "out/a.xml", status, **values)
    assert {f.name for f in fields(FileResult)} == {"input", "output", "status", *values}  # all set
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(result, protocol=protocol))
        assert back == result and back.status is status and type(back) is FileResult
    assert copy.deepcopy(result) == result
    assert pickle.loads(pickle.dumps(FileResult("b.txt", None, status))) == FileResult("b.txt", None, status)
