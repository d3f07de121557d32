"""The ``textkit`` command: convert, validate and clean OCR text from the shell.

::

    textkit convert scans/ --out tei/ --jobs 8 --report report.json
    textkit validate tei/*.xml
    textkit clean vol.txt > vol.clean.txt

The one place where arguments are parsed and where textkit's errors become
messages (``textkit: FILE: problem`` on standard error) and exit codes:
0 when everything converted (or was up to date) or validated, 1 when any file
failed, 2 for a usage error, 130 when interrupted.

>>> main(["--version"])  # doctest: +ELLIPSIS
textkit ...
0
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import NoReturn

import textkit

from . import batch
from .errors import TextkitError, ValidationError
from .logs import SourceFilter
from .model import Options
from .tei.validate import validate as validate_tree
from .xml import parse_xml

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


EXIT_STATUS = ("exit status: 0 all converted, up to date or valid; 1 a file failed; "
               "2 usage error; 130 interrupted")


class UsageError(Exception):
    """A command line that cannot be run as given (exit 2)."""


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return jobs


def _megabytes(value: str) -> float:
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if size <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return size


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError("must be more than 0 seconds")
    return seconds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textkit",
        description="Turn the OCR text of scanned printed volumes into clean, validated TEI XML.",
        epilog=EXIT_STATUS)
    parser.add_argument("--version", action="version", version=f"textkit {textkit.__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    convert = commands.add_parser(
        "convert", help="convert OCR text files to TEI",
        description="Convert OCR text files, directories (searched recursively) or - (standard "
                    "input) to TEI under --out, mirroring the input tree. Outputs already made "
                    "from the same input by the same textkit and options are skipped.",
        epilog=EXIT_STATUS)
    convert.add_argument("paths", nargs="+", metavar="PATH", help="a file, a directory, or -")
    convert.add_argument("--out", required=True, type=Path, metavar="DIR",
                         help="where the TEI goes (created if needed); - for standard output "
                              "(one input only)")
    convert.add_argument("--jobs", "-j", type=_jobs, default=default_jobs(), metavar="N",
                         help="worker processes (default: all cores, %(default)s here)")
    convert.add_argument("--executor", metavar="NAME", default=None,
                         help="how files are spread: "
                              + ", ".join(sorted(batch.EXECUTORS))
                              + " (default: processes with more than one job, else serial)")
    convert.add_argument("--scheduler", metavar="ADDRESS", default=None,
                         help="run the batch on a Dask cluster: the address of its scheduler "
                              "(tcp://host:8786), or 'local' for a cluster of --jobs workers "
                              "here; the workers must see the inputs and --out at the same "
                              "paths (pip install 'textkit[dask]')")
    convert.add_argument("--glob", default=None,
                         help="names of the files to convert in directories (default: *.txt, and "
                              "hOCR, ALTO and PAGE XML files, found by their content: *.hocr, "
                              "*.html that is hOCR, *.xml that is ALTO or PAGE)")
    convert.add_argument("--volume-per-dir", action="store_true",
                         help="the files of each directory are the pages of one volume, in name "
                              "order: one TEI per directory (DIR/x/ to OUT/x.xml), pages numbered "
                              "across the files")
    convert.add_argument("--force", action="store_true",
                         help="convert even what is up to date, and replace outputs and reports "
                              "that textkit did not make")
    convert.add_argument("--quiet", "-q", action="store_true",
                         help="no progress bar; print only failures and the summary")
    convert.add_argument("--progress", action="store_true",
                         help="show the progress bar even when standard error is not a terminal")
    convert.add_argument("--report", type=Path, metavar="FILE",
                         help="write a JSON report of every file to FILE")
    convert.add_argument("--review", action="store_true",
                         help="also write each file's review page beside its TEI (.html); with "
                              "--report, an index page of them beside the report (.html)")
    convert.add_argument("--max-size", type=_megabytes, default=100.0, metavar="MB",
                         help="refuse files larger than this (default: %(default)g MB; a 50 MB "
                              "file takes about 1 GB of memory and minutes to convert)")
    convert.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                         help="fail a file still converting after this long, and go on with "
                              "the others (default: no limit)")
    _conversion_options(convert)

    validate = commands.add_parser(
        "validate", help="validate TEI files against the textkit schema",
        description="Validate TEI files against textkit's schema and print each problem as "
                    "FILE:LINE: message. External entities and DTDs are never loaded.")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--schema", default="textkit", metavar="NAME|FILE",
                          help="textkit (its profile, the default), tei_all (the official TEI "
                               "P5 schema, shipped; compiling it takes seconds), or the path of "
                               "a RELAX NG file")
    validate.add_argument("--quiet", "-q", action="store_true", help="print only problems")

    review = commands.add_parser(
        "review", help="write the review page of TEI files",
        description="Write the review page of each TEI file: one self-contained HTML page "
                    "showing the outline and every change textkit made, with the scan's reading.")
    review.add_argument("files", nargs="+", metavar="FILE")
    review.add_argument("--out", type=Path, metavar="FILE.html",
                        help="where the page goes (one FILE only; default: FILE with .html)")
    review.add_argument("--force", action="store_true",
                        help="replace the page even if it is a file textkit did not make")

    clean = commands.add_parser(
        "clean", help="print the repaired reading text",
        description="Convert FILE (or - for standard input) and print its repaired reading "
                    "text, paragraphs separated by blank lines.")
    clean.add_argument("file", metavar="FILE")
    _conversion_options(clean, tei=False)
    return parser


def _conversion_options(parser: argparse.ArgumentParser, *, tei: bool = True) -> None:
    """The options that become :class:`Options`; ``tei``: the command writes TEI (so
    ``--keep-layout`` means something: ``clean`` prints text and does not offer it)."""
    parser.add_argument("--lexicon", type=Path, metavar="FILE",
                        help="words to protect from OCR correction, one per line")
    parser.add_argument("--no-ocr", action="store_true",
                        help="do not correct OCR misreadings (layout repairs only)")
    if tei:
        parser.add_argument("--keep-layout", action="store_true",
                            help="keep page starts and joined line ends in the TEI (pb, lb)")
    parser.add_argument("--input-format", metavar="NAME", default=None,
                        help="read the input as NAME (text, tesseract, abbyy, pdftotext, or another "
                             "reader's name) instead of recognising it from its content")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``textkit`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version, or a usage error (argparse printed it)
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    _configure_logging(args.verbose, batch=args.command == "convert")
    run = {"convert": _convert, "validate": _validate, "review": _review,
           "clean": _clean}[args.command]
    try:
        with _fewer_collections():
            return run(args)
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"textkit {args.command}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except TextkitError as error:
        _error(error)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("textkit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def command() -> NoReturn:
    """The ``textkit`` program (its console script, ``python -m textkit``): :func:`main`,
    then the process ends without tearing down what it holds.

    What an orderly exit does that matters is done first: the ``atexit`` handlers run
    (logging's flush, a cluster client's close) and the standard streams are flushed.
    What is skipped is the interpreter's freeing of every object, the dictionaries'
    included: 35-40 ms of CPU, a sixth of converting the sample in a new process, paid
    at the end of every command. (mypy ends so too.) Where that is not safe, a thread
    still running that an exit would wait for, or a stream that cannot be flushed,
    Python's own exit is taken, and says what went wrong.
    """
    import atexit
    import threading

    code = main()
    try:
        atexit._run_exitfuncs()  # they are then forgotten: a normal exit would not run them twice
        # Asked before the flush, not after it: a thread that wrote and ended in between
        # would lose its words.
        running = any(not thread.daemon for thread in threading.enumerate()
                      if thread is not threading.main_thread())
        if not running:
            sys.stdout.flush()
            sys.stderr.flush()
    except BaseException:
        sys.exit(code)
    if running:
        sys.exit(code)
    os._exit(code)


GC_THRESHOLDS = (10_000, 10, 10)
"""The cyclic garbage collector's thresholds while a command runs (Python's are 700, 10, 10).

Loading the dictionaries and converting allocate hundreds of thousands of
objects, nearly none of them in a reference cycle (the document's trees are
freed by reference counting): with Python's thresholds, collections that find
nothing cost a tenth of a new process's time."""


@contextmanager
def _fewer_collections() -> Iterator[None]:
    import gc

    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


_LOG_HANDLER = logging.StreamHandler()
_LOG_HANDLER.setFormatter(logging.Formatter("textkit: %(name)s: %(message)s"))


def _configure_logging(verbose: bool, *, batch: bool) -> None:
    """Log to standard error; in a batch, what the stages warn about a file goes to its
    report entry instead (thousands of files would bury the failures), unless ``-v``."""
    root = logging.getLogger()
    if _LOG_HANDLER not in root.handlers:
        root.addHandler(_LOG_HANDLER)
    _LOG_HANDLER.stream = sys.stderr
    _LOG_HANDLER.setLevel(logging.INFO if verbose else logging.WARNING)
    _LOG_HANDLER.filters.clear()
    if batch and not verbose:
        _LOG_HANDLER.addFilter(_about_the_run)
    _LOG_HANDLER.addFilter(SourceFilter())  # "line 12: ..." says which file
    logging.getLogger("textkit").setLevel(logging.INFO if verbose else logging.WARNING)


def _about_the_run(record: logging.LogRecord) -> bool:
    # The batch's own warnings (its state file, say) are shown; the stages'
    # warnings about a file are in that file's report entry.
    return (record.levelno >= logging.ERROR or record.name == "textkit.resume"
            or record.name.split(".")[:2] == ["textkit", "batch"])


def _error(error: TextkitError, file: str | None = None) -> None:
    source = getattr(error, "source", None)
    text = str(error) if source else f"{file}: {error}" if file else str(error)
    print(f"textkit: {text}", file=sys.stderr)


def _options(args: argparse.Namespace) -> Options:
    words: frozenset[str] = frozenset()
    if args.lexicon is not None:
        from .lexicon import load_user_lexicon

        try:
            words = load_user_lexicon(args.lexicon)
        except TextkitError as error:
            raise UsageError(str(error)) from error
    # The one place the command line becomes Options: they travel with each document
    # to the writer, so nothing below is told them again.
    return Options(correct_ocr=not args.no_ocr, user_words=words,
                   keep_layout=getattr(args, "keep_layout", False), input_format=args.input_format)


# --- convert -----------------------------------------------------------------------------


def _convert(args: argparse.Namespace) -> int:
    options = _options(args)
    out: Path = args.out
    if str(out) == "-":
        return _convert_to_stdout(args, options)
    if args.executor is not None and args.executor not in batch.EXECUTORS:
        raise UsageError(f"--executor: no executor named {args.executor!r}; there are: "
                         f"{', '.join(sorted(batch.EXECUTORS))}")
    executor = _executor(args, options)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out} is not a directory")
    if args.paths.count(batch.STDIN) > 1:
        raise UsageError("- (standard input) can be given only once")
    stdin = sys.stdin.buffer.read() if batch.STDIN in args.paths else None

    tasks, problems = batch.plan(args.paths, out=out, glob=args.glob, stdin=stdin,
                                 review=args.review, volume_per_dir=args.volume_per_dir)
    if args.report is not None:
        _check_report(args, tasks)
    if not tasks and not problems:
        wanted = repr(args.glob) if args.glob is not None else "'*.txt' or OCR input (hOCR, ALTO, PAGE XML)"
        print(f"textkit: no files matching {wanted} in {', '.join(args.paths)}: nothing "
              "to convert (another --glob?)", file=sys.stderr)
        return EXIT_FAILED
    show = args.progress or (not args.quiet and sys.stderr.isatty())
    bar = None
    if show and tasks:
        from .progress import Progress  # tqdm: only when a bar is shown

        bar = Progress(len(tasks) + len(problems))
    say = bar.write if bar is not None else (lambda line: print(line, file=sys.stderr))

    def on_result(result: batch.FileResult) -> None:
        if result.status is batch.Status.FAILED:
            say(f"textkit: {result.input}: {result.reason}")
        if bar is not None:
            bar.advance(failed=result.status is batch.Status.FAILED)

    for problem in problems:
        on_result(problem)
    with _sigterm_interrupts():
        done = batch.run(tasks, out=out, options=options, executor=executor,
                         jobs=args.jobs, force=args.force,
                         max_bytes=int(args.max_size * 1e6), review=args.review,
                         timeout=args.timeout, on_result=on_result)
    if bar is not None:
        bar.close()
    done = batch.BatchResult(problems + done.results, done.seconds, done.fingerprint,
                             done.interrupted, done.pending)

    from .report import summary, warnings_line, write_report

    print(summary(done), file=sys.stderr)
    warned = warnings_line(done, report=args.report)
    if warned:
        print(warned, file=sys.stderr)
    if args.report is not None:
        try:
            write_report(args.report, done, options=_describe(options, args))
        except OSError as error:
            print(f"textkit: {args.report}: cannot write the report: {error.strerror}",
                  file=sys.stderr)
            return EXIT_FAILED
        if args.review:
            try:
                _write_review_index(args.report.with_suffix(".html"), done)
            except TextkitError as error:
                _error(error)
                return EXIT_FAILED
    if done.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_OK if done.ok else EXIT_FAILED


def _convert_to_stdout(args: argparse.Namespace, options: Options) -> int:
    """``--out -``: the TEI of one input (a file, or - for standard input) on standard output."""
    if len(args.paths) != 1 or (args.paths[0] != batch.STDIN and Path(args.paths[0]).is_dir()):
        raise UsageError("--out - writes the TEI of one input to standard output: give one file "
                         "(or - for standard input), or an output directory")
    if args.report is not None or args.review:
        raise UsageError("--out - writes only the TEI: --report and --review need an output "
                         "directory")
    path = args.paths[0]
    source = "stdin" if path == batch.STDIN else Path(path).name
    try:
        data = sys.stdin.buffer.read() if path == batch.STDIN else Path(path).read_bytes()
    except OSError as error:
        print(f"textkit: {path}: cannot read: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    if len(data) > args.max_size * 1e6:
        print(f"textkit: {path}: too large ({len(data) / 1e6:.1f} MB, more than "
              f"{args.max_size:g} MB): raise --max-size to convert it", file=sys.stderr)
        return EXIT_FAILED
    try:
        doc = textkit.convert_bytes(data, source=source, options=options)
        xml = textkit.to_tei(doc)
        textkit.validate(xml.encode("utf-8"), source=source)
    except TextkitError as error:
        _error(error, path)
        return EXIT_FAILED
    try:
        _write_stdout(xml if xml.endswith("\n") else xml + "\n")
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


def _check_report(args: argparse.Namespace, tasks: list[batch.Task]) -> None:
    """Before the run: the report (and its index page) go onto no input, no output of the
    run, and no file textkit did not make (unless --force)."""
    from .files import check_overwrite
    from .resume import LOCK_FILE, STATE_FILE

    inputs = {Path(task.input).resolve() for task in tasks if task.input != batch.STDIN}
    outputs = {task.output.resolve() for task in tasks}
    if args.review:
        outputs |= {batch.review_path(task.output).resolve() for task in tasks}
    outputs |= {(args.out / STATE_FILE).resolve(), (args.out / LOCK_FILE).resolve()}
    targets = [("--report", args.report)]
    if args.review:
        targets.append(("--report with --review, the index page", args.report.with_suffix(".html")))
    for what, target in targets:
        if target.resolve() in inputs:
            raise UsageError(f"{what} {target} is an input of this run: choose another file")
        if target.resolve() in outputs:
            raise UsageError(f"{what} {target} is also an output of this run: choose another file")
        try:
            check_overwrite(target, force=args.force)
        except TextkitError as error:
            raise UsageError(f"{what}: {error}") from error


def _executor(args: argparse.Namespace, options: Options) -> batch.Executor | str | None:
    """The executor ``--executor`` and ``--scheduler`` ask for (a name, or one made here
    when it needs more than ``--jobs``: the Dask scheduler's address)."""
    if args.scheduler is None and args.executor != "dask":
        return args.executor  # type: ignore[no-any-return]
    if args.executor not in (None, "dask"):
        raise UsageError(f"--scheduler runs the batch on Dask: it cannot go with "
                         f"--executor {args.executor}")
    import functools

    try:
        return batch.EXECUTORS["dask"](jobs=args.jobs, scheduler=args.scheduler,
                                       initializer=functools.partial(batch.warm_up, options))
    except ImportError as error:
        raise UsageError(f"{error}") from None


def _write_review_index(index: Path, done: batch.BatchResult) -> None:
    """The index of a batch's review pages: each file, its status and counts, linked."""
    from .review import write_index

    entries = []
    for result in sorted(done.results, key=lambda r: r.input):
        page = batch.review_path(Path(result.output)) if result.output else None
        linked = page is not None and result.status is not batch.Status.FAILED and page.exists()
        entries.append({
            "source": result.input,
            "review_href": (Path(os.path.relpath(page, index.parent)).as_posix()
                            if linked and page is not None else None),
            "status": result.status.value, "reason": result.reason,
            "counts": result.review or {}})
    write_index(entries, index)


def _describe(options: Options, args: argparse.Namespace) -> dict[str, object]:
    return {"correct_ocr": options.correct_ocr, "keep_layout": options.keep_layout,
            "user_words": len(options.user_words),
            "lexicon": str(args.lexicon) if args.lexicon else None,
            "jobs": args.jobs, "executor": "dask" if args.scheduler else args.executor,
            "scheduler": args.scheduler, "glob": args.glob, "force": args.force, "max_size_mb": args.max_size,
            "timeout": args.timeout,
            "review": args.review}


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """Let ``kill`` stop a batch as Ctrl-C does: files in progress finish, the rest is left."""
    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# --- validate ----------------------------------------------------------------------------


def _printable(name: str) -> str:
    """``name`` with bytes that were not UTF-8 shown as U+FFFD, as ``ls`` does."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _validate(args: argparse.Namespace) -> int:
    from .tei.validate import compiled_schema

    try:
        compiled_schema(args.schema)  # a bad --schema is one message, not one per file
    except TextkitError as error:
        raise UsageError(f"--schema: {error}") from error
    failed = 0
    for file in args.files:
        try:
            data = sys.stdin.buffer.read() if file == batch.STDIN else Path(file).read_bytes()
        except OSError as error:
            print(f"textkit: {file}: cannot read: {error.strerror or error}", file=sys.stderr)
            failed += 1
            continue
        try:
            validate_tree(parse_xml(data, source=file), schema=args.schema, source=file)
            problems = []
        except ValidationError as error:
            problems = error.problems or [(0, batch.one_line(error, file))]
        shown = _printable(file)
        for line, message in problems:
            print(f"{shown}:{line}: {message}")
        if problems:
            failed += 1
        elif not args.quiet:
            print(f"{shown}: valid")
    if len(args.files) > 1 and not args.quiet:
        print(f"textkit: {len(args.files) - failed} valid, {failed} not", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


# --- review ------------------------------------------------------------------------------


def _review(args: argparse.Namespace) -> int:
    from .review import write_review

    if args.out is not None and len(args.files) > 1:
        raise UsageError("--out names one page: give one FILE, or leave --out out")
    failed = 0
    for file in args.files:
        try:
            write_review(file, args.out, force=args.force)
        except TextkitError as error:
            _error(error, file)
            failed += 1
    return EXIT_FAILED if failed else EXIT_OK


# --- clean -------------------------------------------------------------------------------


def _clean(args: argparse.Namespace) -> int:
    options = _options(args)
    if args.file == batch.STDIN:
        data, source = sys.stdin.buffer.read(), "stdin"
    else:
        try:
            data, source = Path(args.file).read_bytes(), Path(args.file).name
        except OSError as error:
            print(f"textkit: {args.file}: cannot read: {error.strerror or error}", file=sys.stderr)
            return EXIT_FAILED
    try:
        doc = textkit.convert_bytes(data, source=source, options=options)
    except TextkitError as error:
        _error(error, args.file)
        return EXIT_FAILED
    text = textkit.clean_text(doc)
    try:
        _write_stdout(text if text.endswith("\n") else text + "\n")
    except BrokenPipeError:  # `textkit clean vol.txt | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


def _write_stdout(text: str) -> None:
    # UTF-8 whatever the locale says: the text is for files and pipes.
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()


if __name__ == "__main__":
    command()
