"""How much of a volume's structure textkit recovers from real Tesseract output.

    python benchmarks/structure_benchmark.py                      # every volume, variant, format
    python benchmarks/structure_benchmark.py --format txt --variant clean
    python benchmarks/structure_benchmark.py --json > scores.json
    python benchmarks/structure_benchmark.py --format txt --explain   # what was missed, per file
    python benchmarks/structure_benchmark.py --corpus /tmp/textkit-heldout  # volumes nobody tuned on

The volumes are ``fixtures/ocr/tesseract/<volume>/``: typeset with LaTeX and
OCRed by Tesseract 5 (``benchmarks/corpus/make_corpus.py``), each with its
``gold.json``, in two variants (``clean``: 300 dpi; ``degraded``: 150 dpi,
rotated, noisy) and three formats (``txt``, ``hocr``, ``alto``). Each file
is converted with ``textkit.convert_file``; a format textkit cannot read
yet (the conversion fails, or the markup came through as text) is ``n/a``.

Columns (scores from ``benchmarks/structure_scores.py``; F1 unless said):
``texts`` found/gold, ``vol`` the volume title (1/0), ``titles`` essay
titles, ``authors``, ``heads`` headings, ``levels`` share of the headings
found that have the printed level, ``paras`` paragraphs by their first words,
``notes`` footnote texts found anywhere, ``anchored`` footnotes found and
anchored after the right words, ``quotes``, ``editorial``. ``-`` means
nothing to find and nothing found. The ``mean`` rows average the volumes
per variant and format: plain text beside hOCR and ALTO of the same pages.
A second table gives the conversion speed per variant and format (pages
per second of ``textkit.convert_file``).

Benchmark-only needs: none beyond textkit (the fixtures are committed).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import textkit  # noqa: E402
from structure_scores import misses, read_as_markup, score  # noqa: E402

CORPUS = HERE.parent / "fixtures" / "ocr" / "tesseract"
FORMATS = {"txt": ".txt", "hocr": ".hocr", "alto": ".alto.xml"}
VARIANTS = ("clean", "degraded")
COLUMNS = [("texts", 7), ("vol", 3), ("titles", 6), ("authors", 7), ("heads", 5), ("levels", 6),
           ("paras", 5), ("notes", 5), ("anchored", 8), ("quotes", 6), ("editorial", 9)]


def volumes(corpus: Path = CORPUS) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if (p / "gold.json").is_file())


def _shown(path: Path) -> str:
    """The file as the table names it: relative to the repository when it is inside."""
    try:
        return str(path.resolve().relative_to(HERE.parent))
    except ValueError:
        return str(path)


def run_one(path: Path, gold: dict, explain: bool = False) -> dict:
    """Convert one file and score it; ``{"status": "n/a", "reason": …}`` when textkit cannot read it."""
    start = time.perf_counter()
    try:
        doc = textkit.convert_file(path)
    except textkit.TextkitError as error:
        return {"status": "n/a", "reason": f"{type(error).__name__}: {error}"}
    seconds = time.perf_counter() - start
    if path.suffix != ".txt" and read_as_markup(doc):
        return {"status": "n/a", "reason": "read as plain text (markup in the reading text)"}
    out = {"status": "ok", "seconds": round(seconds, 3), "pages": len(doc.pages),
           "pages_per_second": round(len(doc.pages) / seconds, 2) if seconds else None,
           "scores": score(doc, gold).as_dict()}
    if explain:
        out["misses"] = misses(doc, gold)
    return out


def row_values(scores: dict) -> dict[str, float | str | None]:
    f1 = {name: scores[key]["f1"] for name, key in [
        ("titles", "titles"), ("authors", "authors"), ("heads", "heads"), ("paras", "paragraphs"),
        ("notes", "notes"), ("anchored", "notes_anchored"), ("quotes", "quotes"),
        ("editorial", "editorial")]}
    return {"texts": f"{scores['texts']['got']}/{scores['texts']['gold']}",
            "vol": scores["volume_title"], "levels": scores["levels"], **f1}


def cell(value, width: int) -> str:
    if value is None:
        text = "-"
    elif isinstance(value, str):
        text = value
    elif isinstance(value, int):
        text = str(value)
    else:
        text = f"{value:.2f}"
    return f"{text:>{width}}"


def mean_values(rows: list[dict]) -> dict:
    out: dict = {}
    for name, _ in COLUMNS:
        if name == "texts":
            got = sum(int(r["texts"].split("/")[0]) for r in rows)
            gold = sum(int(r["texts"].split("/")[1]) for r in rows)
            out[name] = f"{got}/{gold}"
            continue
        values = [r[name] for r in rows if r[name] is not None]
        out[name] = sum(values) / len(values) if values else None
    return out


def table(results: list[dict]) -> str:
    name_width = max([len(f"{r['volume']} {r['variant']} {r['format']}") for r in results] + [30])
    header = f"| {'volume variant format':<{name_width}} | " + " | ".join(
        f"{name:>{width}}" for name, width in COLUMNS) + " |"
    rule = "|" + "-" * (name_width + 2) + "|" + "|".join("-" * (w + 2) for _, w in COLUMNS) + "|"
    lines = [header, rule]
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in results:
        label = f"{r['volume']} {r['variant']} {r['format']}"
        if r["status"] != "ok":
            lines.append(f"| {label:<{name_width}} | " + " | ".join(
                cell("n/a", w) for _, w in COLUMNS) + " |")
            continue
        values = row_values(r["scores"])
        groups.setdefault((r["variant"], r["format"]), []).append(values)
        lines.append(f"| {label:<{name_width}} | " + " | ".join(
            cell(values[name], w) for name, w in COLUMNS) + " |")
    for (variant, fmt), rows in groups.items():
        label = f"mean {variant} {fmt} ({len(rows)})"
        values = mean_values(rows)
        lines.append(f"| {label:<{name_width}} | " + " | ".join(
            cell(values[name], w) for name, w in COLUMNS) + " |")
    return "\n".join(lines)


def speed_table(results: list[dict]) -> str:
    """Conversion speed per variant and format: pages, seconds, pages per second
    (``textkit.convert_file``: reading, layout, structure, repairs; OCR correction included)."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in results:
        if r["status"] == "ok":
            groups.setdefault((r["variant"], r["format"]), []).append(r)
    lines = ["| variant  | format | files | pages | seconds | pages/s |",
             "|----------|--------|-------|-------|---------|---------|"]
    for (variant, fmt), rows in sorted(groups.items()):
        pages = sum(r["pages"] for r in rows)
        seconds = sum(r["seconds"] for r in rows)
        rate = f"{pages / seconds:.1f}" if seconds else "-"
        lines.append(f"| {variant:<8} | {fmt:<6} | {len(rows):>5} | {pages:>5} | {seconds:>7.2f} | {rate:>7} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--format", action="append", choices=sorted(FORMATS),
                        help="only this format (repeatable; default: all)")
    parser.add_argument("--variant", action="append", choices=VARIANTS,
                        help="only this variant (repeatable; default: both)")
    parser.add_argument("--volume", action="append", help="only this volume (repeatable)")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="a directory of volumes (<volume>/gold.json and its OCR files); default: the "
                             "committed fixtures. The held-out volumes: benchmarks/corpus/heldout.py")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--explain", action="store_true",
                        help="also list, per file, the gold items missed and the items found in excess")
    args = parser.parse_args(argv)
    results = []
    for vol in volumes(args.corpus):
        if args.volume and vol.name not in args.volume:
            continue
        gold = json.loads((vol / "gold.json").read_text(encoding="utf-8"))
        for variant in args.variant or VARIANTS:
            for fmt in args.format or FORMATS:
                path = vol / f"{variant}{FORMATS[fmt]}"
                if not path.is_file():
                    continue
                results.append({"volume": vol.name, "variant": variant, "format": fmt,
                                "file": _shown(path), **run_one(path, gold, args.explain)})
    if not results:
        print("no volumes matched", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"textkit": textkit.__version__, "results": results}, indent=1))
    else:
        print(f"textkit {textkit.__version__}: structure recovered from Tesseract 5 output "
              f"({len({r['volume'] for r in results})} volumes)\n")
        print(table(results))
        print("\nConversion speed (the first file of a run also builds the OCR lexicon):\n")
        print(speed_table(results))
        skipped = {(r["format"], r["reason"]) for r in results if r["status"] != "ok"}
        for fmt, reason in sorted(skipped):
            print(f"\n{fmt}: n/a, {reason}")
        if args.explain:
            for r in results:
                if r["status"] != "ok":
                    continue
                print(f"\n## {r['file']}")
                for name, lists in r["misses"].items():
                    for kind, items in lists.items():
                        for item in items:
                            print(f"  {name} {kind}: {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
