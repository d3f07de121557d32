"""The OCR repairs run with what already exists out of the cyclic garbage collector's sight.

The two correction stages (``ocr``, ``channel``) allocate hundreds of thousands of small
objects per document, so the collector runs often; each full collection walks every
tracked object of the process, the lexicon's sets and lists of hundreds of thousands of
words among them (a few milliseconds each time, cache misses over every word): on the
correction benchmark's test documents that walk was a sixth of the stages' time, and
found nothing (the tables live as long as the process).

:func:`frozen_heap` moves the objects that exist when a stage starts into the permanent
generation (``gc.freeze``) and back into the oldest one when it ends (``gc.unfreeze``),
so the collections during the stage walk only what the stage made. That is fair to a
host program: its objects are neither changed nor leaked, only a cycle of its garbage
made before the stage is collected after it rather than during it; the collector's
thresholds, which are the host's, are left alone. Where something else holds objects
frozen already (a forking server, textkit's own batch workers), this leaves the
freeze alone, so as not to undo it. (One race remains: a freeze another thread makes
while a stage runs is undone with the stage's; collection stays correct, that thread
only loses what its freeze saved.)
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager

HELD_FROZEN = False
"""Set in a process whose heap its maker froze for good (textkit's own batch workers,
forked with the dictionaries frozen): there :func:`frozen_heap` leaves the freeze alone
without asking ``gc.get_freeze_count()``, which walks the whole permanent generation
(tens of thousands of objects: asked twice per one-page file, it cost a worker more than
the freeze saved, 10,000 one-page files taking twice the CPU)."""

ASK_AGAIN_SECONDS = 1.0
"""A host that froze its heap without saying so (:data:`HELD_FROZEN`) is asked again,
whether it still holds the freeze, at most this often: ``gc.get_freeze_count()`` walks
the permanent generation (about 9 ms for a forking server's 300,000 frozen objects, more
than a one-page file's stages), and it is asked only when something is frozen. Meanwhile
the stages run without a freeze of their own: never one that would undo the host's."""

_host_froze_at: float | None = None  # when a freeze not ours was last seen
_ours = 0  # stages running inside the freeze this module made


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Run a stage with the objects that exist when it starts frozen (see above)."""
    global _host_froze_at, _ours
    if HELD_FROZEN or _ours:  # frozen by the process's maker, or by us (a stage in a stage)
        yield
        return
    if _host_froze_at is not None and time.monotonic() - _host_froze_at < ASK_AGAIN_SECONDS:
        yield  # the host held a freeze a moment ago: theirs to undo
        return
    if gc.get_freeze_count():  # the count is cheap where nothing is frozen
        _host_froze_at = time.monotonic()
        yield  # frozen by someone else: theirs to undo
        return
    _host_froze_at = None
    gc.freeze()
    _ours += 1
    try:
        yield
    finally:
        _ours -= 1
        gc.unfreeze()
