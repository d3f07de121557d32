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

from ..files import Resolver, is_temporary, made_by_textkit
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


OCR_SUFFIXES = (".hocr", ".html", ".htm", ".xml")
"""Names that may hold OCR with coordinates; what the file holds decides (:func:`is_ocr_input`)."""


def is_ocr_input(path: str | Path) -> bool:
    """The file is OCR with coordinates a reader knows: hOCR (``*.hocr``, or
    ``*.html`` that is hOCR), ALTO or PAGE XML (``*.xml``), found by the
    readers' ``sniff`` of its first kilobytes -- never TEI (textkit's own output).

    >>> is_ocr_input("notes.md")
    False
    """
    path = Path(path)
    if not path.name.lower().endswith(OCR_SUFFIXES):
        return False
    from ..read import READERS, SNIFF_BYTES, reader

    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return path.name.lower().endswith(".hocr")  # let the conversion report why it cannot be read
    return any(reader(name).sniff(head, path.name) for name in READERS if name != "text")


def _selected(name: str, path: str, glob: str | None) -> bool:
    """``glob`` given: names it matches, whatever their case (``VOL.TXT`` matches ``*.txt``);
    ``None`` (the default): ``*.txt`` and OCR inputs."""
    if glob is not None:
        return fnmatch.fnmatchcase(name.casefold(), glob.casefold())
    return fnmatch.fnmatchcase(name.casefold(), "*.txt") or is_ocr_input(path)


def plan(paths: Sequence[str], *, out: Path, glob: str | None = None, stdin: bytes | None = None,
         review: bool = False, volume_per_dir: bool = False) -> tuple[list[Task], list[FileResult]]:
    """The tasks for ``paths``, and a failed result for each path that cannot be used.

    A file ``x/y.txt`` goes to ``out/y.xml``; a directory is searched
    recursively for names matching ``glob`` (default: ``*.txt`` and the OCR
    inputs :func:`is_ocr_input` recognises; whatever their case: ``VOL.TXT``
    matches ``*.txt``) and mirrored, ``d/x/y.txt`` going to ``out/x/y.xml``;
    ``-`` (standard input, whose bytes are ``stdin``) goes to
    ``out/stdin.xml``. The output directory is never searched, and neither
    are textkit's own files anywhere (its journal, temporary files, and the
    TEI, pages and reports it made). No output (nor, with ``review``, review
    page) may be an input of the run or another input's output.

    ``volume_per_dir``: the files of each directory are the pages of one
    volume, in name order: one task per directory (``d/x/`` to ``out/x.xml``,
    ``d`` itself to ``out/d.xml``), its files in :attr:`Task.parts`.
    """
    out_resolved = out.resolve()
    tasks: list[Task] = []
    problems: list[FileResult] = []
    owners: dict[str, str] = {}  # real paths (strings: see Resolver)
    seen: set[str] = set()
    resolve = Resolver(list_directories=True)  # remembers each path's real one: asking again costs nothing

    def written(output: Path) -> list[Path]:
        """What a task writes: its output, and its review page with ``review``."""
        return [output, review_path(output)] if review else [output]

    def add(input_: str, output: Path, data: bytes | None = None) -> None:
        writes = written(output)
        real_targets = [resolve(target) for target in writes]
        if input_ != STDIN:
            real = resolve(input_)
            if real in seen:
                return
            seen.add(real)
            if real == real_targets[0]:
                problems.append(_failed(input_, "would overwrite itself: choose another --out"))
                return
        for target, real_target in zip(writes, real_targets):
            owner = owners.get(real_target)
            if owner is not None:
                problems.append(_failed(input_, f"its output {target} is also the output of "
                                                f"{owner}; convert them to different --out"))
                return
        for real_target in real_targets:
            owners[real_target] = input_
        tasks.append(Task(input_, output, data))

    for path in paths:
        if path == STDIN:
            add(STDIN, out / "stdin.xml", stdin if stdin is not None else b"")
            continue
        where = Path(path)
        if where.is_dir() and volume_per_dir:
            groups: dict[str, list[str]] = {}
            for found, error in _walk(where, glob, skip=out_resolved):
                if error is not None:
                    problems.append(_failed(found, error))
                else:
                    groups.setdefault(os.path.dirname(found), []).append(found)
            for directory, files in groups.items():
                relative = Path(os.path.relpath(directory, where))
                name = (where.resolve().name or "volume") if relative == Path(".") else relative.name
                target = out / relative.parent / f"{name}.xml" if relative != Path(".") else out / f"{name}.xml"
                key = resolve(target)
                if key in owners:
                    problems.append(_failed(directory, f"its output {target} is also the output of "
                                                       f"{owners[key]}; convert them to different --out"))
                    continue
                owners[key] = directory
                tasks.append(Task(directory, target, parts=tuple(sorted(files))))
        elif where.is_dir():
            inside = os.path.join(where, "")  # what each path found starts with (os.walk's)
            folders: dict[str, Path] = {}  # out/folder, made once for the folder's files
            for found, error in _walk(where, glob, skip=out_resolved):
                if error is not None:
                    problems.append(_failed(found, error))
                else:
                    relative = found[len(inside):] if found.startswith(inside) \
                        else os.path.relpath(found, where)
                    folder, name = os.path.split(relative)
                    base = folders.get(folder)
                    if base is None:
                        base = folders[folder] = Path(out, folder)
                    add(found, base / output_name(name))
        elif where.exists() or where.is_symlink():
            add(path, out / output_name(where.name))
        else:
            problems.append(_failed(path, "no such file or directory"))

    # Never onto an input: one input's output may be another input of the run.
    kept: list[Task] = []
    for task in tasks:
        clash = next((target for target in written(task.output) if resolve(target) in seen), None)
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


def _walk(root: Path, glob: str | None, *, skip: Path) -> Iterator[tuple[str, str | None]]:
    """``(path, None)`` for each matching file under ``root``, sorted; ``(dir, reason)`` for unreadable dirs."""
    errors: list[OSError] = []
    for directory, dirs, files in os.walk(root, onerror=errors.append):
        while errors:
            error = errors.pop()
            yield str(error.filename), f"cannot read directory: {error.strerror}"
        dirs[:] = sorted(d for d in dirs if Path(directory, d).resolve() != skip)
        for name in sorted(files):
            path = os.path.join(directory, name)
            if not is_our_own(directory, name) and _selected(name, path, glob):
                yield path, None
    while errors:
        error = errors.pop()
        yield str(error.filename), f"cannot read directory: {error.strerror}"
