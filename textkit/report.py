"""What a batch did, for people (:func:`summary`) and for programs (:func:`report`).

The JSON report (``textkit convert --report FILE``) has one entry per input:
its status and one-line reason, time taken, size, the encoding it was read
in, control characters replaced, corrections by rule, the structure found
(texts, headings, paragraphs, notes) and the validation result; and totals
for the whole run. Skipped files carry the facts recorded when they were
converted.

>>> from textkit.batch import BatchResult, FileResult, Status
>>> done = BatchResult([FileResult("a.txt", "out/a.xml", Status.CONVERTED, bytes=10),
...                     FileResult("b.txt", None, Status.FAILED, "binary file")], 1.5, "f00")
>>> summary(done)
'textkit: 1 converted, 0 skipped, 1 failed (2 files, 10 bytes in 1.5 s)'
>>> report(done)["totals"]["failed"]
1
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from .batch import BatchResult, Status
from .files import write_atomic


def summary(result: BatchResult) -> str:
    """One line: how many files converted, skipped and failed, and how fast."""
    counts = result.counts()
    size = sum(r.bytes for r in result.results if r.status is Status.CONVERTED)
    line = (f"textkit: {counts['converted']} converted, {counts['skipped']} skipped, "
            f"{counts['failed']} failed ({len(result.results)} files, {_size(size)} "
            f"in {result.seconds:.1f} s)")
    if result.interrupted:
        return f"{line}; interrupted with {result.pending} not started: rerun to finish them"
    return line


def warnings_line(result: BatchResult, *, report: Path | None = None, show: int = 5) -> str | None:
    """One line naming the files that converted with warnings (the first ``show``), or ``None``.

    >>> from textkit.batch import BatchResult, FileResult, Status
    >>> done = BatchResult([FileResult("a.txt", "a.xml", Status.CONVERTED, warning_count=2),
    ...                     FileResult("b.txt", "b.xml", Status.CONVERTED)], 1.0, "f00")
    >>> warnings_line(done)
    'textkit: 1 converted with warnings (--report FILE lists them): a.txt'
    """
    warned = [r.input for r in result.results
              if r.status is Status.CONVERTED and r.warning_count]
    if not warned:
        return None
    where = f"listed in {report}" if report is not None else "--report FILE lists them"
    names = ", ".join(warned[:show]) + (f" and {len(warned) - show} more" if len(warned) > show
                                        else "")
    return f"textkit: {len(warned)} converted with warnings ({where}): {names}"


def report(result: BatchResult, *, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON-ready report of ``result``."""
    import textkit

    corrections: Counter[str] = Counter()
    structure: Counter[str] = Counter()
    for entry in result.results:
        corrections.update(entry.corrections)
        structure.update(entry.structure)
    converted = [r for r in result.results if r.status is Status.CONVERTED]
    seconds = result.seconds or 1e-9
    return {
        "textkit": textkit.__version__,
        "fingerprint": result.fingerprint,
        "options": options or {},
        "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "interrupted": result.interrupted,
        "seconds": round(result.seconds, 3),
        "totals": {
            **result.counts(),
            "files": len(result.results),
            "not_started": result.pending,
            "bytes_converted": sum(r.bytes for r in converted),
            "words_converted": sum(r.words for r in converted),
            "mb_per_second": round(sum(r.bytes for r in converted) / 1e6 / seconds, 3),
            "corrections": dict(sorted(corrections.items())),
            "structure": dict(sorted(structure.items())),
            "files_with_warnings": sum(1 for r in result.results if r.warning_count),
        },
        "files": [_entry(r) for r in sorted(result.results, key=lambda r: r.input)],
    }


def _entry(result: Any) -> dict[str, Any]:
    return {
        "input": result.input,
        "output": result.output,
        "status": result.status.value,
        "reason": result.reason or None,
        "seconds": result.seconds,
        "bytes": result.bytes,
        "words": result.words,
        "encoding": result.encoding,
        "input_format": result.input_format,
        "replaced_characters": result.replaced_characters,
        "replaced_bytes": result.replaced_bytes,
        "corrections": dict(sorted(result.corrections.items())),
        "structure": result.structure,
        "validation": result.validation,
        "review": result.review,
        "warning_count": result.warning_count,
        "warnings": list(result.warnings),
        "suggestions": list(result.suggestions),
    }


def write_report(path: Path, result: BatchResult, *, options: dict[str, Any] | None = None) -> None:
    """Write the JSON report to ``path`` (atomically; raises ``OSError``)."""
    data = report(result, options=options)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not UTF-8: escape it
        text = json.dumps(data, indent=2) + "\n"
    write_atomic(path, text)


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    raise AssertionError
