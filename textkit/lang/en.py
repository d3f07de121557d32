"""English: the first language profile (American and British spellings alike)."""

from __future__ import annotations

from ..model import Language

MINOR_WORDS = frozenset("""
a an the and or nor but of in on at to for from by with without into onto upon over under
out as vs via between among about after before through toward towards against within beyond
up off per than de la le du des van von der den y e da del di al bin
""".split())
"""Words a Title Case heading may leave in lower case."""

FUNCTION_WORDS = frozenset("""
a an the and or nor but if of in on at to for from by with as is are was were be been it its
this that these those not no he she we they you i his her our their my your which who whom
""".split())
"""Short words that are never names or misreadings of one."""

ELISIONS = frozenset("""
tis twas twere twill twould em til till cause cos bout round gainst neath mongst midst tween
twixt fore un n im er ave ad alf ome ead ouse ere
""".split())
"""Words printed with an apostrophe before them where letters were left out (``‘tis``,
``‘em``, a dropped h: ``‘im``): its ``‘`` opens no quotation (:mod:`textkit.repair.marks`)."""

PROFILE = Language(
    code="en",
    name="English",
    lexicon="words-en.txt.gz",
    bigrams="frequency_bigramdictionary_en_243_342.txt",
    minor_words=MINOR_WORDS,
    function_words=FUNCTION_WORDS,
    introduction_titles=frozenset({"INTRODUCTION", "PREFACE", "FOREWORD", "EDITORS' INTRODUCTION",
                                   "EDITORS’ INTRODUCTION", "OVERVIEW"}),
    author_joiners=("and", "&"),
    elisions=ELISIONS,
)
