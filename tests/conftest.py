"""Shared fixtures: the sample volume, its conversion, and the official TEI schema."""

from __future__ import annotations

from pathlib import Path

import pytest

import textkit

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "us-japan-in-asia-1994.txt"


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
    """The official TEI P5 schema, as textkit ships it, compiled once (about 5-10 s)."""
    from textkit.tei.validate import tei_all_schema

    return tei_all_schema()
