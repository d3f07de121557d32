"""The document's own words, the strongest evidence an OCR correction weighs.

(The lexicon, word frequencies and word-pair counts it also weighs are in
:mod:`textkit.lexicon`.)

* :class:`Vocabulary` is the document's own words: a form spelled the same
  way elsewhere in the volume is the strongest evidence there is. Its
  look-alike search is a symspellpy index over the document's capitalized
  forms (names, acronyms), which is small and so builds in milliseconds.
  The full-dictionary index takes seconds and is never built during a
  conversion: :func:`variants <textkit.repair.confusions.variants>` generates
  the OCR model's candidates and the lexicon checks them directly.

Everything read from package data is loaded once per process, lazily.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from symspellpy import SymSpell, Verbosity



class Vocabulary:
    """The words of one document, counted by exact form and case-folded.

    >>> v = Vocabulary(["IAEA", "the", "IAEA", "LAEA", "The"])
    >>> v.count("IAEA"), v.count_folded("the")
    (2, 2)
    >>> v.lookalikes("LAEA")
    ['IAEA']
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.exact: Counter[str] = Counter(words)
        self.folded: Counter[str] = Counter()
        self._forms: dict[str, list[str]] = {}
        for form, n in self.exact.items():
            folded = form.lower()
            self.folded[folded] += n
            self._forms.setdefault(folded, []).append(form)
        self.names = frozenset(form.lower() for form in self.exact if not form.islower())
        """The case-folded forms that the document writes with a capital (names, acronyms)."""
        self._index: SymSpell | None = None
        self._found: dict[str, list[str]] = {}

    def share_lookalikes(self, other: Vocabulary) -> None:
        """Reuse ``other``'s look-alike answers: valid while both have the same names.

        Its look-alike index too, when it holds every name of this one (a
        correction took a misread name away, say): the search finds the same
        names, the ones this document lacks are never among the forms
        :meth:`lookalikes` returns, and those are ordered by this document's counts.
        """
        if other.names == self.names:
            self._found = other._found
        if other._index is not None and self.names <= other.names:
            self._index = other._index

    def count(self, form: str) -> int:
        """How often the document has exactly ``form``."""
        return self.exact.get(form, 0)

    def count_folded(self, form: str) -> int:
        """How often the document has ``form`` in any capitalization."""
        return self.folded.get(form.lower(), 0)

    def lookalikes(self, word: str, max_distance: int = 2) -> list[str]:
        """The document's names and acronyms within ``max_distance`` edits of ``word``.

        Forms with a capital letter only (lower-case words are the lexicon's
        business), most frequent first.
        """
        key = f"{max_distance} {word}"
        if key in self._found:
            return self._found[key]
        if self._index is None:
            # A symspellpy index of this document's capitalized forms: small, so fast to build.
            self._index = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
            for folded, forms in self._forms.items():
                if any(not form.islower() for form in forms):
                    self._index.create_dictionary_entry(folded, self.folded[folded])
        found = self._index.lookup(word.lower(), Verbosity.ALL, max_distance,
                                   include_unknown=False)
        forms = [form for item in found for form in self._forms.get(item.term, ())
                 if form != word and not form.islower()]
        self._found[key] = sorted(forms, key=lambda f: -self.exact[f])
        return self._found[key]
