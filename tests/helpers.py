"""Small helpers the test modules share (importable: pyproject.toml puts ``tests/`` on pytest's path)."""

from __future__ import annotations

from pathlib import Path


def write(path: Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path``, making its directory; return ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path
