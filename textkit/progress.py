"""A one-line progress bar for batch conversion: files done, rate, time left.

Drawn on a terminal only (the CLI decides: standard error is a TTY and
``--quiet`` is off); redrawn at most ten times a second so that 100,000
small files do not spend their time painting. Messages printed while it
runs (:meth:`Progress.write`) appear above it.

>>> import io
>>> out = io.StringIO()
>>> now = [0.0]
>>> bar = Progress(4, stream=out, clock=lambda: now[0])
>>> bar.advance(failed=False)
>>> now[0] = 2.0
>>> bar.advance(failed=True)
>>> bar.line()
'[#############-------------]  2/4 files  1 failed  1.0 files/s  ETA 0:02'
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


class Progress:
    def __init__(self, total: int, *, stream: TextIO | None = None, width: int = 26,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self._clock = clock
        self._began = clock()
        self._drawn = float("-inf")
        self._shown = False

    def advance(self, *, failed: bool) -> None:
        """One more file is done; redraw if the last drawing is old enough."""
        self.done += 1
        self.failed += failed
        now = self._clock()
        if now - self._drawn >= 0.1 or self.done == self.total:
            self._drawn = now
            self._draw()

    def line(self) -> str:
        elapsed = max(self._clock() - self._began, 1e-9)
        rate = self.done / elapsed
        filled = self.width * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (self.width - filled)
        left = (self.total - self.done) / rate if rate > 0 else None
        digits = len(str(self.total))
        failed = f"  {self.failed} failed" if self.failed else ""
        return (f"[{bar}] {self.done:>{digits + 1}}/{self.total} files{failed}"
                f"  {rate:.1f} files/s  ETA {_clock_time(left)}")

    def write(self, message: str) -> None:
        """Print ``message`` above the bar."""
        self._clear()
        print(message, file=self.stream)
        if self._shown:
            self._draw()

    def close(self) -> None:
        """Take the bar off the screen."""
        self._clear()
        self._shown = False

    def _draw(self) -> None:
        self.stream.write("\r" + self.line() + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def _clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _clock_time(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
