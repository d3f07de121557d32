"""Which file a log record is about: the stages log "line 12: ...", this adds the file.

The ``convert_*`` functions (and the batch, for each file) run the stages
inside :func:`about`; :class:`SourceFilter`, added to a logging handler, sets
``record.source`` on each record and prefixes its message with the file's
name when the message does not start with it already. The ``textkit``
command adds it to its handler; a program can add it to its own.

>>> import logging, io
>>> stream = io.StringIO()
>>> handler = logging.StreamHandler(stream)
>>> handler.addFilter(SourceFilter())
>>> logger = logging.getLogger("textkit.example")
>>> logger.addHandler(handler)
>>> with about("vol.txt"):
...     logger.warning("line %d: a footnote nobody cites", 12)
>>> logger.removeHandler(handler)
>>> stream.getvalue()
'vol.txt: line 12: a footnote nobody cites\\n'
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_SOURCE: ContextVar[str | None] = ContextVar("textkit_source", default=None)


@contextmanager
def about(source: str | None, *, replace: bool = True) -> Iterator[None]:
    """Log records made inside are about ``source``; ``replace=False`` keeps a source
    an outer caller set (the batch names a file by its path, the stages by its name)."""
    if not replace and _SOURCE.get() is not None:
        yield
        return
    token = _SOURCE.set(source)
    try:
        yield
    finally:
        _SOURCE.reset(token)


def current_source() -> str | None:
    """The file the records made now are about, if any."""
    return _SOURCE.get()


class SourceFilter(logging.Filter):
    """Sets ``record.source`` and puts the file's name in front of textkit's messages."""

    def filter(self, record: logging.LogRecord) -> bool:
        source = getattr(record, "source", None) or _SOURCE.get()
        record.source = source
        if source and record.name.split(".")[0] == "textkit":
            message = record.getMessage()
            if not message.startswith(f"{source}:"):
                record.msg, record.args = f"{source}: {message}", None
        return True
