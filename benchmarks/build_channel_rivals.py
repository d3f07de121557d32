"""Precompute the rivals of the commonest English words for the channel corrector.

``textkit/repair/channel/candidates.py: rivals(word)`` lists the commoner
words one likely confusion turns into ``word`` (``modern`` for ``modem``).
Searching them costs about 65 µs a word; a text's words are mostly among the
commonest, so the rivals of the top ``--words`` of symspellpy's frequency
list are shipped in ``textkit/data/channel-rivals.txt`` (only the words that
have rivals are listed; the first line holds the frequency floor of the
table: a word at least that common and not listed has none). Rerun after
``learn_channel.py`` changes the model: ``tests/test_channel.py`` checks the
table against the search.

    python benchmarks/build_channel_rivals.py
"""

from __future__ import annotations

import argparse
from pathlib import Path

from textkit.lexicon import frequencies
from textkit.repair.channel.candidates import RIVALS_FILE, search_rivals

OUT = Path(__file__).resolve().parent.parent / "textkit" / "data" / RIVALS_FILE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=60_000, help="how many of the commonest words")
    args = parser.parse_args()
    counts = frequencies()
    top = sorted(counts, key=lambda w: (-counts[w], w))[:args.words]
    floor = counts[top[-1]]
    lines = [f"floor\t{floor}"]
    for word in sorted(w for w in counts if counts[w] >= floor):  # ties at the floor too
        found = search_rivals(word)
        if found:
            lines.append("\t".join([word, *(f"{c} {cost:.4f}" for c, cost in found)]))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(lines) - 1} words with rivals, floor {floor:,})")


if __name__ == "__main__":
    main()
