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
from collections.abc import Iterator
from contextlib import contextmanager

HELD_FROZEN = False
"""Set in a process whose heap its maker froze for good (textkit's own batch workers,
forked with the dictionaries frozen): there :func:`frozen_heap` leaves the freeze alone
without asking ``gc.get_freeze_count()``, which walks the whole permanent generation
(tens of thousands of objects: asked twice per one-page file, it cost a worker more than
the freeze saved, 10,000 one-page files taking twice the CPU)."""


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Run a stage with the objects that exist when it starts frozen (see above)."""
    if HELD_FROZEN or gc.get_freeze_count():  # the count is cheap where nothing is frozen
        yield  # frozen by someone else: theirs to undo
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
