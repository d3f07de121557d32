"""Branch shim (``readers`` branch only): make ``textkit.read`` a package.

The integrator is turning ``textkit/read.py`` into this package. Until that
lands, this file loads the old module under its own name and re-exports it,
so ``from textkit.read import read_text`` keeps working beside the new
``textkit.read.lines``, ``.hocr``, ``.alto``, ``.page`` and ``.geometry``.
Drop this file in favour of the integrator's ``__init__.py`` when merging.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "textkit._read_text", Path(__file__).resolve().parent.parent / "read.py")
assert _spec is not None and _spec.loader is not None
_module = importlib.util.module_from_spec(_spec)
sys.modules["textkit._read_text"] = _module
_spec.loader.exec_module(_module)

for _name in dir(_module):
    if not _name.startswith("__"):
        globals()[_name] = getattr(_module, _name)
