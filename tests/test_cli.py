"""The ``textkit`` command, in-process (``main([...])``) and as a subprocess (issues #2 and #4)."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import write

import textkit
from textkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "us-japan-in-asia-1994.txt"
VOLUME = "INTRODUCTION\n\nAnn Lee\n\nn the beginning there was a scan of {n} pages.\n"


def textkit_process(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    """``python -m textkit ARGS`` with this checkout's package first on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "textkit", *args], capture_output=True,
                          text=True, env=env, timeout=120, **kwargs)


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- convert ------------------------------------------------------------------------------


def test_readme_command_converts_the_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SAMPLE), "--out", str(tmp_path / "out")]) == 0
    output = tmp_path / "out" / "us-japan-in-asia-1994.xml"
    textkit.validate(output.read_bytes())
    assert "INTRODUCTION" in output.read_text()
    err = capsys.readouterr().err
    assert "1 converted, 0 skipped, 0 failed" in err
    assert "\r" not in err  # no progress bar: stderr is not a terminal


def test_convert_tree_with_bad_files_report_and_rerun(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    scans, out, report = tmp_path / "scans", tmp_path / "tei", tmp_path / "report.json"
    write(scans / "a.txt", VOLUME.format(n=1))
    write(scans / "x" / "y.txt", VOLUME.format(n="2 café “quoted”").encode("cp1252"))
    write(scans / "x" / "crlf.txt", VOLUME.format(n=3).replace("\n", "\r\n").encode())
    write(scans / "x" / "markup.txt", VOLUME.format(n="<&]]>") + "a < b && c ]]> d\n")
    write(scans / "empty.txt", b"")
    write(scans / "bin.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00")
    code = main(["convert", str(scans), "--out", str(out), "--jobs", "2", "--report", str(report)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"textkit: {scans / 'empty.txt'}: empty file: no text to convert" in err
    assert f"textkit: {scans / 'bin.txt'}: binary file" in err
    assert err.rstrip().splitlines()[-1].startswith("textkit: 4 converted, 0 skipped, 2 failed")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.xml")) == [
        "a.xml", "x/crlf.xml", "x/markup.xml", "x/y.xml"]
    assert "a &lt; b &amp;&amp; c ]]&gt; d" in (out / "x" / "markup.xml").read_text()

    data = json.loads(report.read_text())
    files = {Path(f["input"]).name: f for f in data["files"]}
    assert files["y.txt"]["encoding"] == "cp1252"
    assert files["a.txt"]["structure"]["texts"] == 1
    assert files["a.txt"]["validation"] == {"valid": True}
    assert files["a.txt"]["corrections"] == {"dropped-initial": 1}
    assert files["bin.txt"]["status"] == "failed"
    assert data["totals"]["converted"] == 4 and data["options"]["jobs"] == 2

    # The rerun skips what is done and still fails the bad files.
    assert main(["convert", str(scans), "--out", str(out), "--quiet"]) == 1
    assert "0 converted, 4 skipped, 2 failed" in capsys.readouterr().err
    (scans / "empty.txt").unlink()
    (scans / "bin.txt").unlink()
    assert main(["convert", str(scans), "--out", str(out), "--force"]) == 0
    assert "4 converted, 0 skipped, 0 failed" in capsys.readouterr().err


def test_convert_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, VOLUME.format(n=1).encode())
    assert main(["convert", "-", "--out", str(tmp_path)]) == 0
    textkit.validate((tmp_path / "stdin.xml").read_bytes())


def test_options_reach_the_conversion(tmp_path: Path) -> None:
    lexicon = write(tmp_path / "words.txt", "# protected\nNakanishi\n")
    src = write(tmp_path / "v.txt", VOLUME.format(n=1))
    assert main(["convert", str(src), "--out", str(tmp_path / "a"), "--no-ocr", "--keep-layout",
                 "--lexicon", str(lexicon), "--report", str(tmp_path / "r.json")]) == 0
    options = json.loads((tmp_path / "r.json").read_text())["options"]
    assert options["correct_ocr"] is False and options["keep_layout"] is True
    assert options["user_words"] == 1


@pytest.mark.parametrize("argv", [
    ["convert", "x.txt"],                               # no --out
    ["convert", "x.txt", "--out", "o", "--jobs", "0"],
    ["convert", "x.txt", "--out", "o", "--jobs", "many"],
    ["convert", "--out", "o"],                          # no path
    ["frobnicate"],
    [],
], ids=["no-out", "jobs-0", "jobs-word", "no-path", "unknown-command", "nothing"])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_usage_error_for_out_that_is_a_file_and_bad_lexicon(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "v.txt", VOLUME.format(n=1))
    assert main(["convert", str(src), "--out", str(src)]) == 2
    assert "is not a directory" in capsys.readouterr().err
    assert main(["convert", str(src), "--out", str(tmp_path / "o"),
                 "--lexicon", str(tmp_path / "missing.txt")]) == 2
    assert "cannot read lexicon" in capsys.readouterr().err


def test_missing_input_fails_with_its_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o")]) == 1
    assert f"textkit: {tmp_path / 'nope.txt'}: no such file or directory" in capsys.readouterr().err


def test_empty_directory_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Issue #12, point 9: a run that converts nothing says so and fails.
    (tmp_path / "scans").mkdir()
    assert main(["convert", str(tmp_path / "scans"), "--out", str(tmp_path / "o")]) == 1
    assert "no files matching '*.txt'" in capsys.readouterr().err


# --- validate -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_tei(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tei") / "good.xml"
    doc = textkit.convert_text(VOLUME.format(n=1), source="v.txt")
    path.write_text(textkit.to_tei(doc), encoding="utf-8")
    return path


def test_validate_reports_each_file(good_tei: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    broken = write(tmp_path / "broken.xml", "<TEI>\n<teiHeader>\n</TEI>\n")
    wrong = write(tmp_path / "wrong.xml", good_tei.read_text().replace(
        "<publicationStmt>", "<publicationStmt><bogus/>"))
    assert main(["validate", str(good_tei)]) == 0
    assert capsys.readouterr().out == f"{good_tei}: valid\n"
    assert main(["validate", str(good_tei), str(broken), str(wrong), str(tmp_path / "no.xml")]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert f"{good_tei}: valid" in lines
    assert any(line.startswith(f"{broken}:3: not well-formed XML") for line in lines)
    line_of_bogus = next(i for i, text in enumerate(wrong.read_text().splitlines(), 1)
                         if "<bogus/>" in text)
    assert any(line.startswith(f"{wrong}:{line_of_bogus}: ") for line in lines)
    assert f"textkit: {tmp_path / 'no.xml'}: cannot read: No such file or directory" in captured.err


def test_validate_never_resolves_external_entities(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    secret = write(tmp_path / "secret.txt", "TOP-SECRET-VALUE")
    attack = write(tmp_path / "xxe.xml", (
        f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file://{secret}">\n'
        '<!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0">&xxe;&net;</TEI>\n'))
    bomb = write(tmp_path / "bomb.xml", (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">'
                  for i in range(9))
        + ']>\n<TEI>&lol8;</TEI>\n'))
    began = time.monotonic()
    assert main(["validate", str(attack), str(bomb)]) == 1
    out = capsys.readouterr().out
    assert "TOP-SECRET-VALUE" not in out
    assert f"{attack}:1: has a DOCTYPE" in out
    # libxml2 refuses the entity bomb itself (amplification limit), or we do for its DOCTYPE.
    assert f"{bomb}:" in out and f"{bomb}: valid" not in out
    assert time.monotonic() - began < 5


def test_library_validate_is_xxe_safe_too(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", "TOP-SECRET-VALUE")
    attack = (f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file://{secret}">]>'
              '<TEI xmlns="http://www.tei-c.org/ns/1.0">&xxe;</TEI>')
    with pytest.raises(textkit.ValidationError) as caught:
        textkit.validate(attack.encode())
    assert "TOP-SECRET-VALUE" not in str(caught.value)


# --- clean ---------------------------------------------------------------------------------


def test_clean_file_and_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "v.txt", VOLUME.format(n=7))
    assert main(["clean", str(src)]) == 0
    from_file = capsys.readouterr().out
    assert "In the beginning there was a scan of 7 pages." in from_file
    assert from_file.startswith("INTRODUCTION\n\nAnn Lee\n\n")
    set_stdin(monkeypatch, src.read_bytes())
    assert main(["clean", "-"]) == 0
    assert capsys.readouterr().out == from_file


def test_clean_refuses_bad_input_with_the_file_name(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "bin.txt", b"\x00\x01\x02")
    assert main(["clean", str(src)]) == 1
    assert capsys.readouterr().err == "textkit: bin.txt: binary file (contains NUL bytes), not OCR text\n"


# --- as a subprocess ----------------------------------------------------------------------------


@pytest.mark.slow
def test_subprocess_convert_validate_clean(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = textkit_process("convert", str(SAMPLE), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and "1 converted" in done.stderr
    checked = textkit_process("validate", str(out / "us-japan-in-asia-1994.xml"))
    assert checked.returncode == 0 and checked.stdout.endswith(": valid\n")
    cleaned = textkit_process("clean", "--no-ocr", "-", input=SAMPLE.read_text(encoding="utf-8"))
    assert cleaned.returncode == 0 and cleaned.stdout.startswith("INTRODUCTION\n")
    assert "In September, 1994" in cleaned.stdout
    assert textkit_process("convert", str(SAMPLE)).returncode == 2
    assert textkit_process("--version").stdout.strip() == f"textkit {textkit.__version__}"


def run_command(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``textkit ARGS`` through :func:`textkit.cli.command` (the program's entry point),
    after ``script`` ran in the same process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    code = f"{script}\nimport sys\nsys.argv = ['textkit', *{list(args)!r}]\n" \
           "from textkit.cli import command\ncommand()\n"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=120)


def test_command_exits_with_mains_code_after_the_exit_handlers(tmp_path: Path) -> None:
    handler = "import atexit; atexit.register(lambda: print('handler ran', flush=True))"
    done = run_command(handler, "--version")
    assert done.returncode == 0
    assert done.stdout == f"textkit {textkit.__version__}\nhandler ran\n"
    failed = run_command(handler, "validate", str(tmp_path / "missing.xml"))
    assert failed.returncode == 1 and failed.stdout == "handler ran\n"
    assert "missing.xml" in failed.stderr
    assert run_command("", "convert", str(SAMPLE)).returncode == 2  # no --out: usage


def test_command_waits_for_a_thread_still_running() -> None:
    # The thread says it is done only once the main thread has finished (not after a
    # sleep, which a loaded machine can outlast): it is heard from only if the exit waits.
    thread = ("import threading\n"
              "threading.Thread(target=lambda: (threading.main_thread().join(), "
              "print('thread done'))).start()")
    done = run_command(thread, "--version")
    assert done.returncode == 0 and done.stdout.endswith("thread done\n")


@pytest.mark.slow
def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    import pty

    for i in range(3):
        write(tmp_path / "scans" / f"v{i}.txt", VOLUME.format(n=i))
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "textkit", "convert", str(tmp_path / "scans"),
                                "--out", str(tmp_path / "out"), "--jobs", "1", "--no-ocr"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave,
                               env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert process.wait(timeout=60) == 0
    screen = b"".join(chunks).decode()
    assert "3/3 files" in screen and "files/s" in screen and "ETA" in screen
    quiet = textkit_process("convert", str(tmp_path / "scans"), "--out", str(tmp_path / "q"),
                            "--no-ocr")
    assert "files/s" not in quiet.stderr


def _corpus(root: Path, count: int) -> list[Path]:
    text = SAMPLE.read_text(encoding="utf-8")
    return [write(root / f"d{i % 3}" / f"vol{i:03}.txt", text.replace("1994", str(1900 + i)))
            for i in range(count)]


@pytest.mark.slow
@pytest.mark.parametrize("how", ["kill", "interrupt"])
def test_interrupted_run_leaves_no_partial_output_and_rerun_finishes(tmp_path: Path, how: str) -> None:
    inputs = _corpus(tmp_path / "scans", 48)
    out = tmp_path / "tei"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        # --no-ocr: the OCR stage's dictionaries take seconds to build, and
        # what is tested here is the batch, not the conversion.
        [sys.executable, "-m", "textkit", "convert", str(tmp_path / "scans"), "--out", str(out),
         "--jobs", "2", "--no-ocr"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
        start_new_session=True,
        # Ctrl-C as a terminal gives it, even when the tests run in a background job
        # (which starts with SIGINT ignored, and Python would keep ignoring it).
        preexec_fn=_default_sigint)
    deadline = time.monotonic() + 60
    while len(list(out.rglob("*.xml"))) < 3:
        assert process.poll() is None, "the batch finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    if how == "kill":  # the whole process group, at once, as a crash or `kill -9` would
        os.killpg(process.pid, signal.SIGKILL)
    else:
        os.kill(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    if how == "interrupt":
        assert process.returncode == 130, err
        assert b"not started: rerun to finish them" in err
    written = list(out.rglob("*.xml"))
    assert 3 <= len(written) < len(inputs), (len(written), err)
    for path in written:  # each one complete and valid: no partial .xml
        textkit.validate(path.read_bytes())

    rerun = textkit_process("convert", str(tmp_path / "scans"), "--out", str(out),
                            "--jobs", "2", "--no-ocr", "--report", str(tmp_path / "r.json"))
    assert rerun.returncode == 0, rerun.stderr
    totals = json.loads((tmp_path / "r.json").read_text())["totals"]
    assert totals["converted"] + totals["skipped"] == len(inputs)
    # Only outputs written but not yet journaled when the run died are redone:
    # at most the tasks in flight (two per worker).
    assert totals["skipped"] >= len(written) - 4, totals
    assert len(list(out.rglob("*.xml"))) == len(inputs)
    assert not [p for p in out.rglob("*") if p.name.endswith(".textkit-tmp")]


def test_max_size_and_warnings_in_the_report_not_on_screen(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    src = write(tmp_path / "v.txt", VOLUME.format(n=1) + " " * 60 + "\n7A note nobody cites.\n")
    big = write(tmp_path / "big.txt", VOLUME.format(n=2) * 100)
    report = tmp_path / "r.json"
    assert main(["convert", str(src), str(big), "--out", str(tmp_path / "o"), "--max-size", "0.001",
                 "--report", str(report), "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert f"textkit: {big}: too large (" in err and "raise --max-size" in err
    assert "footnote" not in err  # the stage's warning went to the report
    files = {Path(f["input"]).name: f for f in json.loads(report.read_text())["files"]}
    assert files["v.txt"]["warning_count"] >= 1
    assert main(["convert", str(src), "--out", str(tmp_path / "o"), "--max-size", "0"]) == 2


def test_file_names_that_are_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scans = tmp_path / "scans"
    scans.mkdir()
    try:
        with open(os.path.join(os.fsencode(scans), b"caf\xe9.txt"), "wb") as raw:
            raw.write(VOLUME.format(n=1).encode())
    except OSError:
        pytest.skip("this file system only takes UTF-8 names")
    out, report = tmp_path / "tei", tmp_path / "r.json"
    assert main(["convert", str(scans), "--out", str(out), "--report", str(report)]) == 0
    assert main(["convert", str(scans), "--out", str(out)]) == 0
    assert "0 converted, 1 skipped" in capsys.readouterr().err
    [entry] = json.loads(report.read_text(encoding="utf-8"))["files"]
    assert entry["input"].endswith("caf\udce9.txt")
    [xml] = list(out.glob("*.xml"))
    assert main(["validate", str(xml)]) == 0
    assert capsys.readouterr().out.endswith("caf\ufffd.xml: valid\n")


# --- review ----------------------------------------------------------------------------------


def test_review_writes_a_page_per_tei_file(good_tei: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    tei = write(tmp_path / "v.xml", good_tei.read_bytes())
    assert main(["review", str(tei)]) == 0
    assert "<html" in (tmp_path / "v.html").read_text(encoding="utf-8")
    assert main(["review", str(tei), "--out", str(tmp_path / "elsewhere.html")]) == 0
    assert (tmp_path / "elsewhere.html").is_file()
    assert main(["review", str(tei), str(tei), "--out", str(tmp_path / "x.html")]) == 2
    not_tei = write(tmp_path / "n.xml", "<html/>")
    assert main(["review", str(not_tei)]) == 1
    assert f"textkit: {not_tei}: not a TEI document" in capsys.readouterr().err


def test_convert_review_pages_and_their_index(tmp_path: Path) -> None:
    scans, out, report = tmp_path / "scans", tmp_path / "tei", tmp_path / "report.json"
    write(scans / "a.txt", VOLUME.format(n=1))
    write(scans / "x" / "y.txt", VOLUME.format(n=2))
    write(scans / "bad.txt", b"")
    argv = ["convert", str(scans), "--out", str(out), "--review", "--report", str(report), "--no-ocr"]
    assert main(argv) == 1
    assert (out / "a.html").is_file() and (out / "x" / "y.html").is_file()
    index = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'href="tei/x/y.html"' in index and "bad.txt" in index
    files = {Path(f["input"]).name: f for f in json.loads(report.read_text())["files"]}
    assert files["a.txt"]["review"]["changes"] == 1  # the supplied initial

    # A rerun skips what is done; a missing review page is made again.
    (out / "x" / "y.html").unlink()
    assert main(argv) == 1
    statuses = {Path(f["input"]).name: f["status"] for f in json.loads(report.read_text())["files"]}
    assert statuses == {"a.txt": "skipped", "y.txt": "converted", "bad.txt": "failed"}
    assert (out / "x" / "y.html").is_file()


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
