"""Planning a batch: which inputs, and where each one's TEI goes.

A file ``x/y.txt`` goes to ``OUT/y.xml``; a directory is searched
recursively for the names a glob matches and mirrored under ``OUT``; ``-``
(standard input) goes to ``OUT/stdin.xml``. Inputs that cannot be used
become failed results, not exceptions.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..files import is_temporary, made_by_textkit
from ..resume import LOCK_FILE, STATE_FILE
from .convert import STDIN, FileResult, Task, review_path
from .convert import failed as _failed


def output_name(name: str) -> str:
    """The output file name for an input file name.

    >>> output_name("vol.txt"), output_name("README"), output_name("a.b.txt")
    ('vol.xml', 'README.xml', 'a.b.xml')
    """
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    return f"{stem}.xml"


def plan(paths: Sequence[str], *, out: Path, glob: str = "*.txt", stdin: bytes | None = None,
         review: bool = False) -> tuple[list[Task], list[FileResult]]:
    """The tasks for ``paths``, and a failed result for each path that cannot be used.

    A file ``x/y.txt`` goes to ``out/y.xml``; a directory is searched
    recursively for names matching ``glob`` (whatever their case: ``VOL.TXT``
    matches ``*.txt``) and mirrored, ``d/x/y.txt`` going to ``out/x/y.xml``;
    ``-`` (standard input, whose bytes are ``stdin``) goes to
    ``out/stdin.xml``. The output directory is never searched, and neither
    are textkit's own files anywhere (its journal, temporary files, and the
    TEI, pages and reports it made). No output (nor, with ``review``, review
    page) may be an input of the run or another input's output.
    """
    out_resolved = out.resolve()
    tasks: list[Task] = []
    problems: list[FileResult] = []
    owners: dict[Path, str] = {}
    seen: set[Path] = set()

    def add(input_: str, output: Path, data: bytes | None = None) -> None:
        if input_ != STDIN:
            real = Path(input_).resolve()
            if real in seen:
                return
            seen.add(real)
            if real == output.resolve():
                problems.append(_failed(input_, "would overwrite itself: choose another --out"))
                return
        writes = [output, review_path(output)] if review else [output]
        for target in writes:
            owner = owners.get(target.resolve())
            if owner is not None:
                problems.append(_failed(input_, f"its output {target} is also the output of "
                                                f"{owner}; convert them to different --out"))
                return
        for target in writes:
            owners[target.resolve()] = input_
        tasks.append(Task(input_, output, data))

    for path in paths:
        if path == STDIN:
            add(STDIN, out / "stdin.xml", stdin if stdin is not None else b"")
            continue
        where = Path(path)
        if where.is_dir():
            for found, error in _walk(where, glob, skip=out_resolved):
                if error is not None:
                    problems.append(_failed(found, error))
                else:
                    relative = Path(os.path.relpath(found, where))
                    add(found, out / relative.parent / output_name(relative.name))
        elif where.exists() or where.is_symlink():
            add(path, out / output_name(where.name))
        else:
            problems.append(_failed(path, "no such file or directory"))

    # Never onto an input: one input's output may be another input of the run.
    kept: list[Task] = []
    for task in tasks:
        clash = next((target for target in ([task.output, review_path(task.output)] if review
                                            else [task.output]) if target.resolve() in seen), None)
        if clash is not None:
            problems.append(_failed(task.input, f"its output {clash} is an input of this run: "
                                                "choose another --out"))
        else:
            kept.append(task)
    return kept, problems


_OWN_NAMES = frozenset({STATE_FILE, LOCK_FILE})
_OWN_SUFFIXES = (".xml", ".html", ".json")


def is_our_own(directory: str, name: str) -> bool:
    """Whether ``directory/name`` is a file textkit keeps or made (never an input)."""
    if name in _OWN_NAMES or is_temporary(name):
        return True
    return name.lower().endswith(_OWN_SUFFIXES) and made_by_textkit(os.path.join(directory, name))


def _walk(root: Path, glob: str, *, skip: Path) -> Iterator[tuple[str, str | None]]:
    """``(path, None)`` for each matching file under ``root``, sorted; ``(dir, reason)`` for unreadable dirs."""
    errors: list[OSError] = []
    pattern = glob.casefold()
    for directory, dirs, files in os.walk(root, onerror=errors.append):
        while errors:
            error = errors.pop()
            yield str(error.filename), f"cannot read directory: {error.strerror}"
        dirs[:] = sorted(d for d in dirs if Path(directory, d).resolve() != skip)
        for name in sorted(files):
            if fnmatch.fnmatchcase(name.casefold(), pattern) and not is_our_own(directory, name):
                yield os.path.join(directory, name), None
    while errors:
        error = errors.pop()
        yield str(error.filename), f"cannot read directory: {error.strerror}"
