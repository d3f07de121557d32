"""Small helpers the test modules share (importable: pyproject.toml puts ``tests/`` on pytest's path)."""

from __future__ import annotations

import os
import pickle
from collections.abc import Sequence
from pathlib import Path


def write(path: Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path``, making its directory; return ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def umask() -> int:
    """This process's umask (read by setting it, then put back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def assert_same_sequence(new: Sequence[object], old: tuple[object, ...]) -> None:
    """``new``, a compact sequence of records (``model.Breaks``, ``SourceLines``), is the
    tuple ``old`` for every use: equality, length, truth, indexing, slices, pickle, hash."""
    assert new == old and tuple(new) == old and len(new) == len(old) and bool(new) == bool(old)
    assert [new[k] for k in range(-len(old), len(old))] == [old[k] for k in range(-len(old), len(old))]
    assert new[1:-1] == old[1:-1] and new[::2] == old[::2]
    assert pickle.loads(pickle.dumps(new)) == new and hash(new) == hash(old)
