"""A progress bar for batch conversion: files done, failures, rate, time left.

Drawn by ``tqdm``, the bar Python users know, which handles terminals,
notebooks and redirected output and redraws at most ten times a second (so
that 100,000 small files do not spend their time painting). The CLI shows it
on a terminal only (standard error is a TTY and ``--quiet`` is off) unless
asked (``--progress``). Messages printed while it runs
(:meth:`Progress.write`) appear above it.

>>> import io
>>> out = io.StringIO()
>>> bar = Progress(4, stream=out)
>>> for failed in (False, True, False, False):
...     bar.advance(failed=failed)
>>> bar.done, bar.failed
(4, 1)
>>> bar.close()
>>> "4/4 files, 1 failed" in out.getvalue()
True
"""

from __future__ import annotations

import shutil
import sys
from typing import TextIO

_FORMAT = "[{bar:26}] {n_fmt}/{total_fmt} files{postfix}  {rate_noinv_fmt}  ETA {remaining}"


class Progress:
    def __init__(self, total: int, *, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.stream = stream if stream is not None else sys.stderr
        from tqdm import tqdm  # imported when a bar is shown (14 ms of every start otherwise)

        size = shutil.get_terminal_size()
        self._bar = tqdm(total=total, file=self.stream, unit=" files", bar_format=_FORMAT,
                         ascii=" #", mininterval=0.1, miniters=1, leave=False,
                         # A terminal that reports no size (a fresh pty) gets 80x24,
                         # not a bar of width 0 that tqdm hides.
                         ncols=size.columns, nrows=size.lines)

    def advance(self, *, failed: bool) -> None:
        """One more file is done; redraw if the last drawing is old enough."""
        self.done += 1
        if failed:
            self.failed += 1
            self._bar.set_postfix_str(f"{self.failed} failed", refresh=False)
        self._bar.update(1)
        if self.done == self.total:  # the last file always shows, however fast it came
            self._bar.refresh()

    def write(self, message: str) -> None:
        """Print ``message`` above the bar."""
        self._bar.write(message, file=self.stream)

    def close(self) -> None:
        """Take the bar off the screen."""
        self._bar.close()
