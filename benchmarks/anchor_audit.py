"""Every footnote of a volume's gold, and what textkit made of its anchor.

    python benchmarks/anchor_audit.py                          # the committed fixtures, txt
    python benchmarks/anchor_audit.py --corpus /tmp/heldout-txt --variant degraded
    python benchmarks/anchor_audit.py --summary                # the counts only

Each gold note is one of: ``ok`` (found, anchored after the right words),
``wrong`` (found and marked anchored, but placed elsewhere: the worst
outcome), ``kept`` (found, not anchored: placed before its block with
``anchored="false"``, which the anchored score counts as a miss), ``lost``
(its text is not among the notes: the note itself was not detected, or was
read into the running text). For ``wrong``, ``kept`` and ``lost`` the OCR
text right after the words the reference follows in print is shown, which
tells what became of the numeral (``policy.l``, ``cases?``, nothing), and
the number the note was given (a misread number skips the alignment).
A found note that matches no gold note is ``extra``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import textkit  # noqa: E402
from structure_scores import LOOSE, anchored_after, first_words, norm, pair, similarity  # noqa: E402

CORPUS = HERE.parent / "fixtures" / "ocr" / "tesseract"
CONTEXT_WORDS = 4


def _notes(doc):
    for block in doc.blocks():
        for anchor in block.notes:
            yield anchor.note, norm(block.text[:anchor.offset])


def _after_in_ocr(raw: str, after: str) -> str:
    """The OCR text that follows the last words of ``after`` in the raw input (best window)."""
    want = after.split()[-CONTEXT_WORDS:]
    if not want:
        return ""
    words, pos, i = [], [], 0
    for token in raw.split():
        i = raw.index(token, i)
        words.append(norm(token))
        pos.append((i, i + len(token)))
        i += len(token)
    target = " ".join(want)
    best, at = 0.0, None
    for k in range(len(words) - len(want) + 1):
        window = " ".join(w for w in words[k:k + len(want)] if w)
        s = similarity(target, window)
        if s > best:
            best, at = s, k + len(want) - 1
    if at is None or best < LOOSE:
        return "(words not found in the OCR)"
    start = pos[at][0]
    return raw[start:pos[at][1] + 14].replace("\n", "⏎").replace("\f", "␌")


def _ocr_text(path: Path) -> str:
    """The OCR's text: the file itself for plain text, the reader's lines for
    hOCR and ALTO (their markup splits the words), a form feed between pages."""
    if path.suffix == ".txt":
        return path.read_text(encoding="utf-8")
    from textkit.read import read_bytes

    lines = read_bytes(path.read_bytes(), source=str(path)).source_lines
    return "".join(("\f" if k and ln.page != lines[k - 1].page else "\n" if k else "") + ln.text
                   for k, ln in enumerate(lines))


def audit(path: Path, gold: dict) -> list[dict]:
    doc = textkit.convert_file(path)
    raw = _ocr_text(path)
    got = list(_notes(doc))
    want = [(t["title"], n) for t in gold["texts"] for n in t["footnotes"]]

    def match(g, h):
        _, n = g
        s = similarity(norm(first_words(n["text"])),
                       " ".join(norm(h[0].text).split()[:len(first_words(n["text"]).split())]))
        return s if s >= LOOSE else None

    pairs = dict(pair(want, got, match))
    out = []
    for i, (title, n) in enumerate(want):
        after = norm(n.get("context") or n["after"])
        row = {"text": title[:24], "n": n["n"], "after": " ".join(after.split()[-CONTEXT_WORDS:])}
        j = pairs.get(i)
        if j is None:
            row["status"] = "lost"
        else:
            note, before = got[j]
            right = anchored_after(after, before)
            row["got_n"] = note.n
            row["status"] = "ok" if right and note.anchored else (
                "wrong" if note.anchored else ("kept" if not right else "kept-right"))
            if row["status"] == "wrong":
                row["placed_after"] = before[-40:]
        if row["status"] != "ok":
            row["ocr"] = _after_in_ocr(raw, after)
        out.append(row)
    used = set(pairs.values())
    for j, (note, before) in enumerate(got):
        if j not in used:
            out.append({"status": "extra", "got_n": note.n, "anchored": note.anchored,
                        "note": note.text[:50], "placed_after": before[-40:]})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--variant", action="append", choices=("clean", "degraded"))
    parser.add_argument("--format", default="txt", choices=("txt", "hocr", "alto"))
    parser.add_argument("--summary", action="store_true", help="only the counts")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    suffix = {"txt": ".txt", "hocr": ".hocr", "alto": ".alto.xml"}[args.format]
    totals: dict[str, Counter] = {}
    results = {}
    for vol in sorted(p for p in args.corpus.iterdir() if (p / "gold.json").is_file()):
        gold = json.loads((vol / "gold.json").read_text(encoding="utf-8"))
        for variant in args.variant or ("clean", "degraded"):
            path = vol / f"{variant}{suffix}"
            if not path.is_file():
                continue
            rows = audit(path, gold)
            results[f"{vol.name}/{variant}"] = rows
            totals.setdefault(variant, Counter()).update(r["status"] for r in rows)
            if args.summary or args.json:
                continue
            print(f"## {vol.name} {variant}")
            for r in rows:
                if r["status"] == "ok":
                    continue
                if r["status"] == "extra":
                    print(f"  extra  n={r['got_n']} anchored={r['anchored']}: {r['note']}"
                          f"  placed after '{r['placed_after']}'")
                    continue
                print(f"  {r['status']:<6} n={r['n']} got={r.get('got_n', '-')} after '{r['after']}'"
                      f"  OCR: {r['ocr']}" + (f"  placed after '{r['placed_after']}'"
                                              if "placed_after" in r else ""))
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
        return 0
    for variant, counts in totals.items():
        print(f"{variant}: " + ", ".join(f"{k} {counts[k]}" for k in
                                         ("ok", "wrong", "kept", "kept-right", "lost", "extra")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
