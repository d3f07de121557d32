"""Shared fixtures: the sample volume, its conversion, and the official TEI schema."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import textkit

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "us-japan-in-asia-1994.txt"
TEI_ALL = Path(os.environ.get("TEXTKIT_TEI_ALL", ROOT.parent / "shared" / "tei" / "tei_all.rng"))


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_doc(sample_text: str) -> textkit.Document:
    return textkit.convert_text(sample_text, source=SAMPLE.name)


@pytest.fixture(scope="session")
def sample_tei(sample_doc: textkit.Document) -> str:
    return textkit.to_tei(sample_doc)


@pytest.fixture(scope="session")
def tei_all_schema():
    """The official TEI P5 schema, compiled once per session (about 5-10 s)."""
    if not TEI_ALL.is_file():
        pytest.skip(f"official TEI schema not found at {TEI_ALL} (set TEXTKIT_TEI_ALL to its path)")
    from textkit.tei.validate import schema_from_path

    return schema_from_path(str(TEI_ALL))
