"""What a rerun of a batch may skip: the record of outputs already made.

A batch writes into its output directory a journal, ``.textkit-state.jsonl``:
one JSON line per output written, appended as soon as the output is in
place. A run killed at any moment leaves at worst a truncated last line,
which the next run ignores; an output written but not yet journaled is
simply converted again. A rerun skips an input when

* the journal says its output was made from this input path, by this
  textkit version with these options (:func:`fingerprint`),
* the input's content is what it was then (its SHA-256: a size and a
  modification time can stay the same while the text changes), and
* the output's content is what textkit wrote (its SHA-256: a file put in
  its place is not "up to date").

A batch holds its records a little before it appends them, several in one
write (:data:`HOLD_SECONDS`): a run killed at that moment loses the records
of its last fraction of a second, whose outputs the next run converts again.

Two batches may write into one output directory at once: every append,
and the compaction at the end of a run (to one line per output, written to
a temporary file and renamed, like the outputs), hold an exclusive lock on
``.textkit-state.lock`` (``fcntl.flock``; where there is none, as on
Windows, run one batch per directory at a time). An append opens the
journal anew, so it never writes into a file a compaction has replaced.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .files import Resolver, write_atomic
from .model import Options

log = logging.getLogger(__name__)

STATE_FILE = ".textkit-state.jsonl"
LOCK_FILE = ".textkit-state.lock"

HOLD_SECONDS = 0.5
"""How long a batch's journal may hold a record before it appends it (with those that
came meanwhile, at the next record or when the run ends): one write and one lock for
many small files, not one each."""
HOLD_RECORDS = 256
"""A journal holding this many records appends them at once, however new."""


def fingerprint(options: Options, version: str) -> str:
    """A short hash of the textkit version and every conversion option.

    >>> fingerprint(Options(), "0.1.0") == fingerprint(Options(), "0.1.0")
    True
    >>> fingerprint(Options(), "0.1.0") == fingerprint(Options(correct_ocr=False), "0.1.0")
    False
    """
    fields = {}
    for field in dataclasses.fields(options):
        value = getattr(options, field.name)
        fields[field.name] = sorted(value) if isinstance(value, (set, frozenset)) else value
    blob = json.dumps({"textkit": version, "options": fields}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of the file at ``path``, read in blocks; ``None`` if it cannot be read."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


class Journal:
    """The state of one output directory: read at start, appended to as outputs land.

    ``hold``: seconds a record may wait to be appended with later ones
    (:data:`HOLD_SECONDS` for a batch; 0, the default: each at once).
    """

    def __init__(self, out_dir: Path, fingerprint: str, *, hold: float = 0.0) -> None:
        self.path = out_dir / STATE_FILE
        self.lock_path = out_dir / LOCK_FILE
        self.fingerprint = fingerprint
        self.hold = hold
        self._held: list[str] = []  # records not yet appended
        self._held_since = 0.0
        # Output -> its journal line, kept as text (parsed when asked): a
        # hundred thousand outputs then cost tens of MB, not hundreds.
        self.records: dict[str, str] = {}
        self._added = 0
        self._warned = False
        self._lock: Any = None  # the lock file, opened at the first append, kept open
        self._journal: Any = None  # the journal as last appended to, kept open
        # Whether the journal holds this run's lines alone (it was empty when first appended
        # to, and has grown by this run's writes only), and its size after the last of them:
        # then it has one line per output already, unless one was added twice.
        self._alone = True
        self._size = 0
        # The inputs' real paths (few directories, each listed once: a record names the
        # input as its directory held it then; one stale since is no longer fresh()).
        self._resolve = Resolver(list_directories=True)
        self._base: str | None = None
        self._load()

    def _load(self) -> None:
        try:
            self.records, _ = _read_lines(self.path)
        except OSError as error:
            log.warning("%s: cannot read the batch state (%s); converting everything", self.path,
                        error.strerror)

    def _key(self, output: Path) -> str:
        """``os.path.relpath(output, out_dir)``, at a string's cost for an output inside it."""
        if self._base is None:
            self._base = os.path.join(os.path.abspath(self.path.parent), "")
        full = os.path.abspath(output)
        if full.startswith(self._base):
            return full[len(self._base):]
        return os.path.relpath(full, self._base)

    def fresh(self, input_path: Path, output: Path) -> dict[str, Any] | None:
        """The record of ``output`` if it is up to date for ``input_path``, else ``None``.

        Reads (hashes) the input and the output; see the module's docstring.
        """
        line = self.records.get(self._key(output)) if self.records else None
        if line is None:
            return None
        record = json.loads(line)
        if record.get("fingerprint") != self.fingerprint:
            return None
        if record.get("input") != str(input_path.resolve()):
            return None
        wanted_input, wanted_output = record.get("input_sha256"), record.get("output_sha256")
        if not wanted_input or not wanted_output:
            return None  # a journal from before content hashes: convert once more
        if file_sha256(output) != wanted_output or file_sha256(input_path) != wanted_input:
            return None
        return record

    def add(self, input_path: str | os.PathLike[str], output: Path, summary: dict[str, Any], *,
            input_sha256: str | None, output_sha256: str | None) -> None:
        """Record that ``output`` (content ``output_sha256``) was just made from
        ``input_path`` (content ``input_sha256``); on disk under the lock, at once or,
        with ``hold``, with the records that follow within that time. (``input_path`` may
        be a string: a batch's are, and a ``Path`` made for each would only be read back.)"""
        key = self._key(output)
        record = {"output": key, "input": self._resolve(input_path),
                  "input_sha256": input_sha256, "output_sha256": output_sha256,
                  "fingerprint": self.fingerprint, "summary": summary}
        # ASCII: file names that are not UTF-8 (lone surrogates) stay representable.
        line = json.dumps(record) + "\n"
        self.records[key] = line
        if not self._held:
            self._held_since = time.monotonic()
        self._held.append(line)
        if (self.hold <= 0 or len(self._held) >= HOLD_RECORDS
                or time.monotonic() - self._held_since >= self.hold):
            self.flush()

    def flush(self) -> None:
        """Append the records held (one write, under the lock)."""
        if not self._held:
            return
        lines, count = "".join(self._held), len(self._held)
        self._held = []
        try:
            if self._lock is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._locked():
                # One write of whole lines, to the journal as it is now (a compaction by
                # another run may have replaced the file since we last wrote: then the
                # one kept open is not the journal any more, and the journal is opened anew).
                journal = self._journal
                if journal is None or _replaced(journal, self.path):
                    if journal is not None:
                        journal.close()
                        self._alone = False  # the file now is another run's compaction
                    journal = self._journal = self.path.open("a", encoding="utf-8")
                if os.fstat(journal.fileno()).st_size != self._size:
                    self._alone = False  # lines of another run (or of an earlier one)
                journal.write(lines)
                journal.flush()
                self._size = os.fstat(journal.fileno()).st_size
            self._added += count
        except OSError as error:
            if not self._warned:
                self._warned = True
                log.warning("%s: cannot record the batch state (%s); a rerun will convert again",
                            self.path, error.strerror)

    def close(self) -> None:
        """Append what is held, then compact the journal to one line per output, keeping
        what other runs added."""
        try:
            self.flush()
            if not self._added:
                return
            try:
                with self._locked():
                    if self._only_ours():
                        return  # one line per output already: nothing to read or rewrite
                    lines, count = _read_lines(self.path)
                    if lines and count != len(lines):  # else one line per output already
                        write_atomic(self.path, "".join(lines.values()))
            except OSError as error:
                log.warning("%s: cannot compact the batch state (%s)", self.path, error.strerror)
        finally:
            for handle in (self._journal, self._lock):
                if handle is not None:
                    handle.close()
            self._journal = self._lock = None

    def _only_ours(self) -> bool:
        """(Under the lock.) The journal holds this run's lines alone, one per output."""
        journal = self._journal
        return (self._alone and journal is not None and len(self.records) == self._added
                and not _replaced(journal, self.path)
                and os.fstat(journal.fileno()).st_size == self._size)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            import fcntl
        except ImportError:  # no flock here: one batch per output directory at a time
            yield
            return
        if self._lock is None:
            self._lock = open(self.lock_path, "a")  # noqa: SIM115 (kept open for the run)
        lock = self._lock
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _replaced(handle: Any, path: Path) -> bool:
    """The file open as ``handle`` is no longer the one at ``path`` (renamed over, removed)."""
    try:
        now = os.stat(path)
    except FileNotFoundError:
        return True
    mine = os.fstat(handle.fileno())
    return (now.st_ino, now.st_dev) != (mine.st_ino, mine.st_dev)


def _read_lines(path: Path) -> tuple[dict[str, str], int]:
    """The journal's complete lines by output, the last line of each output winning, and
    how many lines the file has (a line cut short or not ours included)."""
    records: dict[str, str] = {}
    number = 0
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.endswith("\n"):
                    continue  # the last line, cut short by a kill
                try:
                    records[json.loads(line)["output"]] = line
                except (ValueError, KeyError, TypeError):
                    continue  # not ours
    except FileNotFoundError:
        pass
    return records, number
