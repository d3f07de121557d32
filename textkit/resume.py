"""What a rerun of a batch may skip: the record of outputs already made.

A batch writes into its output directory a journal, ``.textkit-state.jsonl``:
one JSON line per output written, appended (and flushed) as soon as the
output is in place. A run killed at any moment leaves at worst a truncated
last line, which the next run ignores; an output written but not yet
journaled is simply converted again. A rerun skips an input when

* the journal says its output was made from this input, by this textkit
  version with these options (:func:`fingerprint`), and
* the output still exists and is newer than the input, which has kept the
  size it had then.

At the end of a run the journal is compacted to one line per output
(written to a temporary file and renamed, like the outputs).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import IO, Any

from .files import write_atomic
from .model import Options

log = logging.getLogger(__name__)

STATE_FILE = ".textkit-state.jsonl"


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


class Journal:
    """The state of one output directory: read at start, appended to as outputs land."""

    def __init__(self, out_dir: Path, fingerprint: str) -> None:
        self.path = out_dir / STATE_FILE
        self.fingerprint = fingerprint
        # Output -> its journal line, kept as text (parsed when asked): a
        # hundred thousand outputs then cost tens of MB, not hundreds.
        self.records: dict[str, str] = {}
        self._file: IO[str] | None = None
        self._load()

    def _load(self) -> None:
        try:
            with self.path.open(encoding="utf-8") as lines:
                for line in lines:
                    if not line.endswith("\n"):
                        continue  # the last line, cut short by a kill
                    try:
                        self.records[json.loads(line)["output"]] = line
                    except (ValueError, KeyError, TypeError):
                        continue  # not ours
        except FileNotFoundError:
            pass
        except OSError as error:
            log.warning("%s: cannot read the batch state (%s); converting everything", self.path,
                        error.strerror)

    def _key(self, output: Path) -> str:
        return os.path.relpath(output, self.path.parent)

    def fresh(self, input_path: Path, output: Path) -> dict[str, Any] | None:
        """The record of ``output`` if it is up to date for ``input_path``, else ``None``."""
        line = self.records.get(self._key(output))
        if line is None:
            return None
        record = json.loads(line)
        if record.get("fingerprint") != self.fingerprint:
            return None
        if record.get("input") != str(input_path.resolve()):
            return None
        try:
            source, made = input_path.stat(), output.stat()
        except OSError:
            return None
        if made.st_mtime_ns <= source.st_mtime_ns or source.st_size != record.get("input_size"):
            return None
        return record

    def add(self, input_path: Path, output: Path, summary: dict[str, Any]) -> None:
        """Record that ``output`` was just made from ``input_path`` (flushed at once)."""
        try:
            size = input_path.stat().st_size
        except OSError:
            return
        key = self._key(output)
        record = {"output": key, "input": str(input_path.resolve()),
                  "input_size": size, "fingerprint": self.fingerprint, "summary": summary}
        # ASCII: file names that are not UTF-8 (lone surrogates) stay representable.
        line = json.dumps(record) + "\n"
        self.records[key] = line
        try:
            if self._file is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = self.path.open("a", encoding="utf-8")
            self._file.write(line)
            self._file.flush()
        except OSError as error:
            log.warning("%s: cannot record the batch state (%s); a rerun will convert again",
                        self.path, error.strerror)

    def close(self) -> None:
        """Compact the journal to one line per output."""
        if self._file is not None:
            self._file.close()
            self._file = None
        if not self.records:
            return
        try:
            write_atomic(self.path, "".join(self.records.values()))
        except OSError as error:
            log.warning("%s: cannot compact the batch state (%s)", self.path, error.strerror)
