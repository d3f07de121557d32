"""Small helpers the test modules share (importable: pyproject.toml puts ``tests/`` on pytest's path)."""

from __future__ import annotations

import os
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
