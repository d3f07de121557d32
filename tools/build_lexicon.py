"""Build the compact lexicon tables textkit loads at start-up (``textkit/data/*.keys``, ``*.counts``).

Run ``python tools/build_lexicon.py`` after changing a source word list or
upgrading symspellpy; ``tests/test_startup.py`` fails while the shipped tables
differ from what this script builds.

The sources are read as textkit used to read them at every start (each line
parsed in Python, about 1.5 s): SCOWL's word list ``textkit/data/words-en.txt.gz``
and symspellpy's unigram and bigram frequency files. Each table is written as

* ``NAME.keys``: the keys, sorted by code point, UTF-8, one per line (no trailing
  newline): a process splits it in one call and bisects it;
* ``NAME.counts`` (tables with counts): one unsigned 64-bit little-endian count
  per key, in the same order, read straight into an ``array``;
* ``NAME.offsets`` (the word pairs, looked up a few hundred times a volume):
  where each key starts in ``NAME.keys``, unsigned 32-bit little-endian, one
  more for the end, so that a process bisects the bytes as they are, without
  splitting them first.

No pickle: the tables are data any program can read, and loading them runs no code.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.resources
import sys
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "textkit" / "data"

WORD_LISTS = {"words-en": DATA / "words-en.txt.gz"}
"""Compact name -> gzipped word list (one word per line)."""

UNIGRAMS = {"unigrams-en": "frequency_dictionary_en_82_765.txt"}
BIGRAMS = {"bigrams-en": "frequency_bigramdictionary_en_243_342.txt"}
"""Compact name -> symspellpy's frequency file ("word count" / "first second count")."""


SPLIT_BY_THE_TOKENIZER = {"cannot": ("can", "not")}
"""Words the n-grams' tokenizer wrote as two (Google's splits every ``cannot`` into ``can
not``: the unigram list counts 88,737 ``cannot``, a rare word's count, against 11.5 billion
``can not`` pairs). Each gets its pair's count, scaled from the pairs' total to the words'."""


def mended_unigrams(unigrams: dict[str, int], bigrams: dict[str, int]) -> dict[str, int]:
    """``unigrams`` with each word of :data:`SPLIT_BY_THE_TOKENIZER` counted as its pair."""
    scale = sum(unigrams.values()) / sum(bigrams.values())
    out = dict(unigrams)
    for word, (first, second) in SPLIT_BY_THE_TOKENIZER.items():
        out[word] = max(out.get(word, 0), round(bigrams.get(f"{first} {second}", 0) * scale))
    return out


def read_word_list(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as words:
        return sorted({line.rstrip("\n") for line in words if line.strip()})


def read_unigrams(name: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in (importlib.resources.files("symspellpy") / name).read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        if count.strip().isdigit():
            counts[word] = int(count)
    return counts


def read_bigrams(name: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in (importlib.resources.files("symspellpy") / name).read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) == 3 and parts[2].isdigit():
            counts[f"{parts[0]} {parts[1]}"] = int(parts[2])
    return counts


def _little_endian(numbers: array) -> bytes:  # type: ignore[type-arg]
    if sys.byteorder != "little":
        numbers.byteswap()
    return numbers.tobytes()


def encode(keys: list[str], counts: list[int] | None, *, offsets: bool = False) -> dict[str, bytes]:
    """The files of one table: ``{".keys": ..., ".counts": ..., ".offsets": ...}``."""
    for key in keys:
        if not key or "\n" in key:
            raise ValueError(f"a key cannot be empty or hold a newline: {key!r}")
    files = {".keys": "\n".join(keys).encode("utf-8")}
    if counts is not None:
        files[".counts"] = _little_endian(array("Q", counts))
    if offsets:
        starts, at = [], 0
        for key in keys:
            starts.append(at)
            at += len(key.encode("utf-8")) + 1
        files[".offsets"] = _little_endian(array("I", [*starts, at]))
    return files


def tables() -> dict[str, dict[str, bytes]]:
    """Every compact table: name -> its files' bytes."""
    built: dict[str, dict[str, bytes]] = {}
    for name, path in WORD_LISTS.items():
        built[name] = encode(read_word_list(path), None)
    pairs = read_bigrams(next(iter(BIGRAMS.values())))
    for name, source in {**UNIGRAMS, **BIGRAMS}.items():
        counts = mended_unigrams(read_unigrams(source), pairs) if name in UNIGRAMS else pairs
        keys = sorted(counts)
        built[name] = encode(keys, [counts[key] for key in keys], offsets=name in BIGRAMS)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA, help="where the tables go (default: %(default)s)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, files in tables().items():
        for suffix, data in files.items():
            (args.out / f"{name}{suffix}").write_bytes(data)
            print(f"{args.out / (name + suffix)}: {len(data):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
