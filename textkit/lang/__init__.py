"""Language profiles: what is particular to a language, in one object per language.

A profile (:class:`~textkit.model.Language`) names the lexicon and word-pair
counts the repair stages consult, the minor words of Title Case headings, the
function words, the titles of a volume's introduction, the words that join
authors' names, and the ``xml:lang`` the TEI declares. The options choose one
by its code (``Options(language="en")``); stages ask :func:`profile`.

Adding a language is one new module here (``fr.py`` with ``PROFILE``) and one
line in :data:`PROFILES`.

>>> profile("en").code, profile("en").name
('en', 'English')
"""

from __future__ import annotations

import importlib
import sys

from ..errors import InputError
from ..model import Language

PROFILES: dict[str, str] = {
    "en": "textkit.lang.en",
}
"""Language code → the module whose ``PROFILE`` describes it."""


def profile(code: str) -> Language:
    """The profile of the language ``code``; raise :class:`InputError` for an unknown one."""
    module = PROFILES.get(code)
    if module is None:
        raise InputError(f"no language profile {code!r}; known: {', '.join(sorted(PROFILES))}")
    # Once imported, from sys.modules: a batch asks four times a file, and import_module's
    # locks and checks cost more than the rest of the call.
    return (sys.modules.get(module) or importlib.import_module(module)).PROFILE
