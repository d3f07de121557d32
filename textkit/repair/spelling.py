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
from collections.abc import Iterable, Mapping
from itertools import filterfalse

from symspellpy import SymSpell, Verbosity



class Vocabulary:
    """The words of one document, counted by exact form and case-folded.

    >>> v = Vocabulary(["IAEA", "the", "IAEA", "LAEA", "The"])
    >>> v.count("IAEA"), v.count_folded("the")
    (2, 2)
    >>> v.lookalikes("LAEA")
    ['IAEA']
    """

    def __init__(self, words: Iterable[str] | Mapping[str, int]) -> None:
        """``words``: the document's word forms, or their counts (form -> count)."""
        self.exact: Counter[str] = Counter(words)
        folded: dict[str, int] = {}  # summed in a plain dict (no Counter method per form)
        get = folded.get
        for form, n in self.exact.items():
            lower = form.lower()
            folded[lower] = get(lower, 0) + n
        self.folded: Counter[str] = Counter(folded)
        self._forms: dict[str, list[str]] | None = None
        """The forms of each case-folded form, as :meth:`lookalikes` needs them (made then)."""
        self.names = frozenset(map(str.lower, filterfalse(str.islower, self.exact)))
        """The case-folded forms that the document writes with a capital (names, acronyms)."""
        self._index: SymSpell | None = None
        self._indexed: set[str] = set()
        self._found: dict[str, list[str]] = {}
        self.searches: dict[str, object] = {}
        """What a corrector's search derived from these words, kept with them (by name)."""

    def share_lookalikes(self, other: Vocabulary) -> frozenset[str]:
        """Reuse ``other``'s look-alike index and answers (the same document, a pass later).

        The index grows by the names ``other`` lacked (an answer is filtered by this
        vocabulary's names, so an index of more names answers the same); an answer is
        kept unless a name that came or went lies within two edits of its word.
        Returns those names (case-folded).
        """
        moved = self.names ^ other.names
        self._index, self._indexed = other._index, other._indexed
        self._found = {key: forms for key, forms in other._found.items()
                       if not any(_near(key.split(" ", 1)[1].lower(), name, int(key[0]))
                                  for name in moved)}
        return moved

    def count(self, form: str) -> int:
        """How often the document has exactly ``form``."""
        return self.exact.get(form, 0)

    def count_folded(self, form: str) -> int:
        """How often the document has ``form`` in any capitalization."""
        return self.folded.get(form.lower(), 0)

    def cached_lookalikes(self, word: str, max_distance: int = 2) -> list[str]:
        """What :meth:`lookalikes` answered for ``word`` so far (nothing if it was not asked)."""
        return self._found.get(f"{max_distance} {word}", [])

    def lookalikes(self, word: str, max_distance: int = 2) -> list[str]:
        """The document's names and acronyms within ``max_distance`` edits of ``word``.

        Forms with a capital letter only (lower-case words are the lexicon's
        business), most frequent first.
        """
        key = f"{max_distance} {word}"
        if key in self._found:  # perhaps a pass ago: the counts of now
            return sorted((f for f in self._found[key] if self.exact.get(f)),
                          key=lambda f: (-self.exact[f], f))
        if self._index is None:
            # A symspellpy index of this document's capitalized forms: small, so fast to build.
            self._index = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        if len(self._indexed) < len(self.names) or not self.names <= self._indexed:
            for folded in sorted(self.names - self._indexed):
                self._index.create_dictionary_entry(folded, 1)
            self._indexed |= self.names
        found = self._index.lookup(word.lower(), Verbosity.ALL, max_distance,
                                   include_unknown=False)
        if self._forms is None:
            self._forms = {}
            for form in self.exact:
                self._forms.setdefault(form.lower(), []).append(form)
        forms = [form for item in found if item.term in self.names
                 for form in self._forms.get(item.term, ()) if form != word and not form.islower()]
        self._found[key] = sorted(forms, key=lambda f: (-self.exact[f], f))
        return self._found[key]


def _near(a: str, b: str, most: int) -> bool:
    """``a`` and ``b`` are at most ``most`` edits apart (Levenshtein)."""
    if abs(len(a) - len(b)) > most:
        return False
    # Each edit settles at most one letter that one word has more often than the other.
    if sum(max(0, a.count(c) - b.count(c)) for c in set(a)) > most:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > most:
            return False
        previous = current
    return previous[-1] <= most
