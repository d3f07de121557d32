"""Writing files so that no reader ever sees half of one: the one atomic writer of textkit.

Every file textkit writes (TEI, review pages, the index, the report, the
batch journal) goes through :func:`write_atomic`: the bytes go to a
temporary file in the same directory, are flushed to disk, and the file is
renamed over the target (``os.replace``, atomic on POSIX and Windows). A run
killed at any moment leaves the old file or the new one, never a mix, and at
worst a temporary file whose name ends in :data:`TMP_SUFFIX` (never ``.xml``),
which :func:`sweep_temporary_files` removes on the next run.

The same module says which files textkit made (:func:`made_by_textkit`),
for the one rule every file it writes follows: never onto an input, never
onto another output of the same run, never onto a file it did not make
unless the user says ``--force`` (:func:`check_overwrite`).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     write_atomic(Path(tmp, "sub", "a.xml"), "<x/>")
...     sorted(p.name for p in Path(tmp, "sub").iterdir())
['a.xml']
"""

from __future__ import annotations

import io
import itertools
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

TMP_SUFFIX = ".textkit-tmp"
"""How every temporary file textkit makes ends (a batch never converts these)."""

_TMP_NAME = re.compile(r"^\..*\.(\d+)\.[^.]*" + re.escape(TMP_SUFFIX) + "$")


def write_atomic(path: str | Path, data: bytes | str, *, durable: bool = True) -> None:
    """Write ``data`` (text is written as UTF-8) to ``path`` through a temporary file.

    Creates the parent directories. The new file gets the permissions a
    plain ``open`` would give it (``0o666`` less the umask), not
    ``mkstemp``'s ``0o600``. The temporary file is removed on any error,
    which is raised (``OSError``).

    ``durable``: flush the file to disk before the rename (``fsync``), so that
    it survives a power cut too. Without it the write is still atomic for
    every reader and against a killed process; a batch writes its outputs so
    (a ``fsync`` per small file costs more than converting it) and makes them
    durable all at once when it ends (:func:`flush_to_disk`).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_output(path, durable=durable) as out:
        out.write(payload)


@contextmanager
def atomic_output(path: str | Path, *, durable: bool = True) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new content into, piece by piece; renamed over
    ``path`` when the ``with`` block ends without an error.

    :func:`write_atomic` for an output too large to hold whole in memory (a
    volume's TEI written one text at a time): readers see the old file or
    the whole new one, never a part. If the block raises, the temporary file
    is removed, ``path`` is left as it was, and the error goes on.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with atomic_output(Path(tmp, "a.xml")) as out:
    ...         _ = out.write(b"<x>"), out.write(b"</x>")
    ...     Path(tmp, "a.xml").read_bytes()
    b'<x></x>'
    """
    fd, tmp = _temporary_file(os.fspath(path))
    try:
        with _Unbuffered(fd) as out:
            yield out  # type: ignore[misc]
            if durable:
                os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class _Unbuffered(io.FileIO):
    """The temporary file of :func:`atomic_output`: written straight through (no buffer
    to copy into and flush, nor the ``lseek`` and terminal check a buffered file's opening
    costs), each ``write`` whole even where the system writes part of it at a time."""

    def __init__(self, fd: int) -> None:
        super().__init__(fd, "wb", closefd=True)

    def write(self, data: bytes) -> int:  # type: ignore[override]
        view, total = memoryview(data), len(data)
        written = super().write(view)
        while written is not None and written < total:
            more = super().write(view[written:])
            if more is None:  # pragma: no cover (a non-blocking descriptor: never ours)
                break
            written += more
        return total


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_NUMBERS = itertools.count()


def _temporary_file(path: str) -> tuple[int, str]:
    """A new file beside ``path`` (its directory made if missing), open for writing: its
    descriptor and name.

    Named with this process's pid, which lets a later run tell a dead run's leftovers
    from a live one's, and a number of this process's; made exclusively (a leftover of
    the same name is never reused), with the mode a plain ``open`` gives (``0o666`` less
    the umask). What a batch pays for each of its thousands of small outputs is kept
    small: no random name drawn, no directory made but a missing one, no mode changed.
    """
    made = False
    directory, name = os.path.split(path)  # (strings: no Path made for its parent)
    while True:
        tmp = os.path.join(directory, f".{name}.{os.getpid()}.{next(_NUMBERS)}{TMP_SUFFIX}")
        try:
            return os.open(tmp, _NEW_FILE, 0o666), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            if made:
                raise
            os.makedirs(directory, exist_ok=True)
            made = True


def flush_to_disk(directories: Iterable[str | Path] = ()) -> None:
    """Make what was written without ``durable`` into ``directories`` durable.

    Where the system has ``syncfs`` (Linux), only the filesystems those
    directories are on are synced, once each: a whole-system ``sync`` would also
    wait for every other program's writes, which on a busy shared server can take
    long. Elsewhere, or without directories, ``sync`` (a no-op where there is none).
    """
    syncfs = _syncfs()
    if (syncfs is None or not _synced_each(directories, syncfs)) and hasattr(os, "sync"):
        os.sync()


def _synced_each(directories: Iterable[str | Path], syncfs: Callable[[int], int]) -> bool:
    """``syncfs`` once for each filesystem holding one of ``directories``: whether one
    was, and none refused."""
    devices: set[int] = set()
    for directory in directories:
        try:
            fd = os.open(directory, os.O_RDONLY)
        except OSError:
            continue  # never made (nothing was written there), or gone
        try:
            device = os.fstat(fd).st_dev
            if device not in devices:
                devices.add(device)
                if syncfs(fd) != 0:
                    return False
        finally:
            os.close(fd)
    return bool(devices)


def _syncfs() -> Callable[[int], int] | None:
    """libc's ``syncfs(fd)``, where there is one."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None


class Resolver:
    """``str(Path(path).resolve())`` of many files in few directories (a batch's): each
    file resolved once, each directory once, so that a file costs one ``lstat`` (is it a
    link?), not one per component of its path; kept and given as strings, which a batch of
    thousands of files compares and hashes at a fraction of a ``Path``'s cost.

    >>> resolve = Resolver()
    >>> resolve(Path("a/b.txt")) == str(Path("a/b.txt").resolve())
    True

    A directory asked about more than :data:`LISTED_AFTER` names is listed once
    (``os.scandir``, whose entries say which are links without an ``lstat`` each):
    the rest of its names cost a set lookup. What the resolver says is then what
    the directory held when it was listed, as an ``lstat`` says what it held when
    asked: for a resolver asked about a whole tree at once (a plan's,
    ``list_directories=True``), not one kept over a long run (a journal's).
    """

    LISTED_AFTER = 8
    """Names asked about in one directory (an ``lstat`` each) before it is listed."""

    def __init__(self, *, list_directories: bool = False) -> None:
        self._directories: dict[str, str] = {}
        self._files: dict[str, str] = {}
        self._list = list_directories
        self._asked: dict[str, int] = {}  # by real directory: names asked about, until listed
        self._links: dict[str, frozenset[str] | None] = {}  # its links (None: it cannot be listed)

    def __call__(self, path: str | os.PathLike[str]) -> str:
        name = os.fspath(path)
        found = self._files.get(name)
        if found is None:
            found = self._files[name] = self._resolve(name)
        return found

    def _resolve(self, path: str) -> str:
        parent, name = os.path.split(path)
        if name in ("", ".", ".."):
            return str(Path(path).resolve())
        directory = self._directories.get(parent)
        if directory is None:
            directory = self._directories[parent] = str(Path(parent).resolve())
        inside = os.path.join(directory, name)
        # What resolve() does: the directory's real path, then the name, followed if a link.
        return str(Path(path).resolve()) if self._is_link(directory, name, inside) else inside

    def _is_link(self, directory: str, name: str, inside: str) -> bool:
        """``os.path.islink(inside)``, ``inside`` being ``name`` in the real ``directory``."""
        if self._list:
            if directory in self._links:
                links = self._links[directory]
                if links is not None:
                    return name in links  # not listed: not there, so no link either
            else:
                asked = self._asked[directory] = self._asked.get(directory, 0) + 1
                if asked > self.LISTED_AFTER:
                    links = self._links[directory] = _links_in(directory)
                    if links is not None:
                        return name in links
        return os.path.islink(inside)


def _links_in(directory: str) -> frozenset[str] | None:
    """The names of the symbolic links in ``directory`` (none where it does not exist);
    ``None`` where it cannot be listed (no read permission: an ``lstat`` still works)."""
    try:
        with os.scandir(directory) as entries:
            return frozenset(entry.name for entry in entries if entry.is_symlink())
    except (FileNotFoundError, NotADirectoryError):
        return frozenset()
    except OSError:
        return None


def is_temporary(name: str) -> bool:
    """Whether ``name`` is one of :func:`write_atomic`'s temporary files.

    >>> is_temporary(".a.xml.123.k3j.textkit-tmp"), is_temporary("a.xml")
    (True, False)
    """
    return name.endswith(TMP_SUFFIX)


def sweep_temporary_files(root: Path) -> int:
    """Remove the temporary files that killed runs left under ``root``; return how many.

    A file whose writer (the pid in its name) is still alive is left alone:
    two batches may write into one directory at once.
    """
    removed = 0
    for directory, _, files in os.walk(root):
        for name in files:
            match = _TMP_NAME.match(name)
            if match and not _alive(int(match.group(1))):
                try:
                    os.unlink(os.path.join(directory, name))
                    removed += 1
                except OSError:
                    pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A process that has died but not yet been reaped (a killed worker whose parent died
    with it): ``kill(pid, 0)`` still finds it, but it writes nothing more."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rpartition(b")")[2].split()[:1] == [b"Z"]
    except OSError:  # no /proc (not Linux), or gone since
        return False


# What textkit writes carries its mark near the start: the TEI header's
# <application ident="textkit">, the review and index pages' generator meta
# element, the report's first key.
_MARKS = re.compile(rb'<application\b[^>]*\bident="textkit"'
                    rb'|<meta name="generator" content="textkit'
                    rb'|\A\s*\{\s*"textkit":')
_HEAD = 1 << 16


def made_by_textkit(path: str | Path) -> bool:
    """Whether the file at ``path`` is one textkit wrote (its mark is in its first 64 KB).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_atomic(Path(tmp, "a.json"), '{"textkit": "0.1.0"}')
    ...     write_atomic(Path(tmp, "b.json"), '{"mine": 1}')
    ...     made_by_textkit(Path(tmp, "a.json")), made_by_textkit(Path(tmp, "b.json"))
    (True, False)
    """
    try:
        with open(path, "rb") as handle:
            return _MARKS.search(handle.read(_HEAD)) is not None
    except OSError:
        return False


def check_overwrite(path: str | Path, *, force: bool = False) -> None:
    """Raise :class:`InputError` if writing ``path`` would replace a file textkit did not make
    (unless ``force``). A missing file, or one textkit made, may be written."""
    if force:  # nothing to check: no Path made, no stat (a batch's every file, with --force)
        return
    path = Path(path)
    if not (path.exists() or path.is_symlink()) or made_by_textkit(path):
        return
    raise InputError(f"{path} exists and textkit did not make it: move it away, or use "
                     "--force to replace it")
