"""Typeset small volumes of the series with LaTeX, OCR them with Tesseract, write the gold.

    python benchmarks/corpus/make_corpus.py            # all volumes, into fixtures/ocr/tesseract/
    python benchmarks/corpus/make_corpus.py --only coastal-cities-1996 --keep /tmp/corpus-work

What it makes, per volume ``fixtures/ocr/tesseract/<volume>/``:

* ``volume.tex``: the LaTeX source (pdflatex; article class, ``fancyhdr``
  running heads, ``multicol`` or ``twocolumn`` pages, ``lettrine`` drop caps,
  ``\\footnote`` under a rule, ``quote`` blocks, real TeX hyphenation);
* ``gold.json``: the structure as typeset (see :func:`gold` for the keys);
* ``clean.txt`` / ``clean.hocr`` / ``clean.alto.xml``: Tesseract 5 (``--psm 3``,
  ``-l eng``, one run over the list of 300 dpi page images, so the text has a
  form feed between pages, as ``tesseract list.txt out`` writes it);
* ``degraded.*``: the same OCR of a worse scan: pages rendered at 120 dpi in
  grey, slightly rotated (0.5-1 degree, seeded), blurred a little and with
  gaussian noise.

The LaTeX and the gold are both written from one Python structure
(:func:`build_volumes`, from the seeded prose generator :class:`Prose`), so
they cannot disagree. All prose is written for this corpus (no third-party
text); the generator only varies it. Everything is seeded: the same run gives
the same .tex and gold; the OCR output is the same as long as the TeX Live,
poppler and Tesseract versions are.

Needs (not textkit dependencies; benchmark only): ``pdflatex`` with
``lettrine``, ``multicol``, ``fancyhdr`` (Debian ``texlive-latex-extra``,
``texlive-fonts-recommended``), ``pdftoppm`` (poppler-utils), ``tesseract``
5 with ``eng``, and Python ``numpy`` + ``Pillow`` for the degraded scans
(``pip install numpy pillow`` into a venv). Takes about a minute or two on two
cores.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "fixtures" / "ocr" / "tesseract"
FIRST_WORDS = 6
AFTER_WORDS = 4
CONTEXT_WORDS = 12
DEGRADED_DPI = 120
NOISE_SIGMA = 20
"""Gaussian noise of the degraded scans (grey levels). At 150 dpi and 28, Tesseract
read nothing at all on pages with little text (title pages, short last pages)."""


# --- the structure ----------------------------------------------------------

@dataclass
class Note:
    """A footnote; it stands in a paragraph right after the text before it."""

    text: str


@dataclass
class Para:
    parts: list  # str and Note, in order

    def plain(self) -> str:
        return "".join(p for p in self.parts if isinstance(p, str))


@dataclass
class Head:
    text: str
    level: int  # 1 section, 2 sub-section


@dataclass
class Quote:
    text: str


@dataclass
class Editorial:
    text: str


@dataclass
class TextSpec:
    kind: str  # "introduction" | "essay"
    title: str  # as printed (capitals); "\n" where the title page breaks the line
    authors: list[str]
    short: str  # running-head title
    body: list = field(default_factory=list)
    columns: int = 1
    drop_cap: bool = False


@dataclass
class VolumeSpec:
    slug: str
    title: str
    subtitle: str
    layout: str  # "multicol-heads" | "twocolumn-feet" | "multicol-centre" | "author-heads" | "title-heads"
    texts: list[TextSpec]


# --- prose ------------------------------------------------------------------

ACTORS = ["coastal provinces", "the port authorities", "national ministries", "private shippers",
          "local cooperatives", "foreign investors", "national planners", "municipal governments",
          "the larger exporters", "smaller member states", "regional banks", "the customs services",
          "provincial legislatures", "farm associations", "labor unions", "the treasury officials"]
ADJ = ["uneven", "fragile", "considerable", "modest", "durable", "surprising", "persistent",
       "limited", "remarkable", "contested", "gradual", "decisive"]
ABSTRACT = ["cooperation", "confidence", "accountability", "transparency", "investment", "reform",
            "stability", "coordination", "legitimacy", "competition", "compliance", "restraint"]
YEARS = [str(y) for y in range(1978, 1996)]

OPENERS = [
    "Since {Y}, {A} have argued that {I} cannot be settled by any single government.",
    "The record of {I} in {P} is more {ADJ} than most observers admit.",
    "Few questions divided the participants as sharply as {I}.",
    "It is tempting to treat {I} as a technical matter for {A}.",
    "Consider first the experience of {P}, where {A} took the lead after {Y}.",
    "Any account of {I} must begin with the demands of {A}.",
    "Nothing in the history of {P} suggests that {X} comes easily.",
    "A second argument concerns the role of {A} in {I}.",
    "The decade after {Y} brought {ADJ} change to {P}.",
    "Critics of the present arrangements point to {I} as their strongest case.",
    "Several speakers returned to the question of {X} in {P}.",
    "What the negotiators of {Y} could not foresee was the growth of {I}.",
    "Much depends on whether {A} are willing to share information about {I}.",
    "The figures for {P} tell another story.",
    "Those who favor a regional approach to {I} face three difficulties.",
    "In practice, {X} has meant different things to different governments.",
    "There is a simpler explanation for the {ADJ} progress in {P}.",
    "Public opinion in {P} has moved slowly on {I}.",
    "The most {ADJ} proposal came from {A}.",
    "Looking back from the vantage point of {Y2}, the early optimism about {I} seems misplaced.",
    "One lesson of the past decade is that {X} must be built from below.",
    "Neither side expected the talks on {I} to end so quickly.",
    "By the end of {Y}, {A} in {P} had begun to organize on their own.",
    "Earlier studies of {I} relied almost entirely on official statistics.",
    "The case for patience rests on the record of {P}.",
    "Experience elsewhere offers some guidance on {I}.",
]
SENTENCES = [
    "The results were {ADJ}, and they were not evenly distributed among {A}.",
    "In several cases {A} simply ignored the agreements their governments had signed in {Y}.",
    "This is not a reason for despair about {I}, but it is a reason for caution.",
    "The responsibilities for {I} were divided among too many agencies to be effective.",
    "Without reliable data, {X} remains an aspiration rather than a practice.",
    "Each government preferred bilateral arrangements on {I} it could control to multilateral institutions it could not.",
    "The burden of adjustment fell disproportionately on {A} in {P}.",
    "Meanwhile the costs of inaction in {P} continued to rise, year after year.",
    "Observers in {P} were quick to notice the contradiction.",
    "The underlying problem in {P}, however, was one of incentives rather than information.",
    "A modest investment in monitoring {I} would have prevented much of the later controversy.",
    "Officials described the outcome as a compromise; {A} described it as a retreat.",
    "The commission on {I} met only twice in its first {NW} years.",
    "Some of these difficulties were foreseen by the authors of the {Y} agreement.",
    "Others arose from circumstances in {P} that no one could reasonably have anticipated.",
    "It would be a mistake to conclude that {X} has failed in {P}.",
    "The evidence from {P} points in a different direction.",
    "Here the contrast between rhetoric and practice on {I} is especially striking.",
    "The question is not whether {A} will cooperate on {I}, but on what terms.",
    "Even sympathetic observers in {P} conceded that the timetable was unrealistic.",
    "The infrastructure built in {P} during the {DEC} has proved remarkably durable.",
    "Such arrangements depend on a degree of {X} that is still {RARE} in the region.",
    "Reformers in {P} drew exactly the opposite conclusion.",
    "The discussion of {I} that followed was long and occasionally heated.",
    "What emerged from the {Y} meetings was a set of principles rather than a program.",
    "These principles have nonetheless shaped every negotiation on {I} since {Y}.",
    "A great deal of the disagreement between {A} and {A2} was about timing rather than substance.",
    "The smaller economies worried, with some justification, about {I}.",
    "Transparency about {I} is a condition of {X}, not a consequence of it.",
    "The machinery for settling disputes over {I} remains rudimentary.",
    "Local knowledge in {P} was too often treated as an obstacle rather than a resource.",
    "The sums involved in {P} are small, but the precedent is important.",
    "Budgets for enforcement in {P} were cut just as the need for them became obvious.",
    "Governments that had opposed the measures in {Y} supported them {NW} years later.",
    "No single model of {X} will suit every country in the region.",
    "The implications for {I} are considerable and largely unexplored.",
    "The same pattern has repeated itself in {P} with remarkable consistency.",
    "The experience of {P} suggests that the obstacles are political rather than technical.",
    "The debate over {I} is therefore likely to continue for some time.",
    "Few of the {A} we interviewed believed that the status quo could last.",
    "By {Y2} the {A} of {P} had lost patience with the process.",
    "The decision to delay reform of {I} was taken quietly in {Y}.",
    "Nobody in {P} disputed the diagnosis; the remedy was another matter.",
    "Neither {A} nor {A2} had much to gain from an early settlement.",
    "The figures published in {Y2} confirm the impression of {ADJ} progress.",
    "Much of the work on {I} was done by {A} rather than by governments.",
    "The lesson was not lost on {A} elsewhere in the region.",
    "The reforms of {Y} were {ADJ} in scope but important in their effects.",
]
LEAD_INS = [
    "The final communique of the meeting put the matter plainly:",
    "One delegate summarized the prevailing mood in these words:",
    "The principle was set out in the declaration adopted that year:",
    "A senior official later described the dilemma as follows:",
]
QUOTES = [
    "We do not ask that every government adopt the same policy. We ask only that each government "
    "tell its neighbors what it intends to do, and do what it has said. Everything else follows "
    "from this modest beginning, and nothing useful can be achieved without it.",
    "The parties recognize that the resources of the region are shared, that their use by one "
    "affects the welfare of all, and that no lasting arrangement can rest on the interests of the "
    "strongest alone. They therefore undertake to consult before they act.",
    "It is easy to agree on goals and very hard to agree on who will pay for them. The meetings "
    "of the past ten years have produced many goals and very few budgets, and the public has "
    "noticed the difference.",
]
NOTE_TEMPLATES = [
    "{NAME}, {WORK} ({CITY}: {PRESS}, {Y}), {N}.",
    "See {NAME}, “{ARTICLE},” {JOURNAL} {V}, no. {IS} ({Y}): {N}-{N2}.",
    "{MINISTRY}, Annual Report {Y2} ({CITY}, {Y2}), table {IS}; earlier figures are not comparable.",
    "{NAME}, interview with the author, {CITY}, {MONTH} {Y}.",
    "{NAME} made the point most forcefully in the discussion of the {ORD} session.",
    "For a contrary view, see {NAME}, {WORK} ({CITY}: {PRESS}, {Y}).",
    "On the negotiations of {Y}, see {NAME} and {NAME2}, {WORK} ({CITY}: {PRESS}, {Y2}), {N}-{N2}.",
    "Figures for {P} are estimates; the {MINISTRY} published none before {Y2}.",
]
NAMES = ["Ruth Okada", "Daniel Ferris", "Mei-ling Tsao", "Arturo Salcedo", "Hannah Brodsky",
         "Tomas Villareal", "Ingrid Halvorsen", "Samuel Achebe", "Yoko Hirata", "Peter Lindgren"]
WORKS = ["The Politics of Shared Waters", "Ports and Power", "Markets Without Borders",
         "The Fragile Consensus", "Regional Order After the Cold War", "Negotiating the Commons"]
ARTICLES = ["Who Pays for the Harbor?", "Rules Without Rulers", "The Limits of Consultation",
            "Grain Reserves and Regional Security", "Ice, Oil and Shipping Lanes"]
JOURNALS = ["Pacific Affairs Quarterly", "Journal of Regional Policy", "Asian Survey Review",
            "Maritime Studies"]
MINISTRIES = ["Ministry of Transport", "Ministry of Agriculture", "Bureau of Statistics",
              "Maritime Safety Agency", "Ministry of Finance", "Planning Commission"]
ORDINALS = ["first", "second", "third", "closing"]
DECADES = ["1960s", "1970s", "1980s"]
CITIES = ["Honolulu", "Singapore", "Berkeley", "Tokyo", "Seoul", "Manila", "Bangkok"]
PRESSES = ["University Press", "Institute of Policy Studies", "Harbor Books", "Meridian Press"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


class Prose:
    """Seeded policy-essay prose on a volume's theme, every paragraph opening differently.

    The template banks are class attributes, so that a held-out round can bring prose of its
    own (a subclass with other banks) while every earlier volume stays byte-identical."""

    OPENERS, SENTENCES, LEAD_INS, QUOTES, NOTE_TEMPLATES = (OPENERS, SENTENCES, LEAD_INS, QUOTES,
                                                            NOTE_TEMPLATES)
    ACTORS, ADJ, ABSTRACT, YEARS, NAMES, WORKS = ACTORS, ADJ, ABSTRACT, YEARS, NAMES, WORKS
    ARTICLES, JOURNALS, MINISTRIES, CITIES, PRESSES = ARTICLES, JOURNALS, MINISTRIES, CITIES, PRESSES

    def __init__(self, seed: int, issues: list[str], places: list[str]):
        self.rng = random.Random(seed)
        self.issues, self.places = issues, places
        self.openings: set[str] = set()
        self.used: set[str] = set()
        self.decks: dict[int, list[str]] = {}

    def draw(self, templates: list[str]) -> str:
        """The next template of a shuffled deck, so that none repeats before all are used."""
        deck = self.decks.setdefault(id(templates), [])
        if not deck:
            deck.extend(templates)
            self.rng.shuffle(deck)
        return deck.pop()

    def fill(self, template: str) -> str:
        r = self.rng
        y = r.choice(self.YEARS)
        values = {"A": r.choice(self.ACTORS), "I": r.choice(self.issues), "P": r.choice(self.places),
                  "ADJ": r.choice(self.ADJ), "X": r.choice(self.ABSTRACT), "Y": y,
                  "Y2": str(int(y) + r.randint(3, 9)), "NAME": r.choice(self.NAMES),
                  "WORK": r.choice(self.WORKS), "ARTICLE": r.choice(self.ARTICLES),
                  "JOURNAL": r.choice(self.JOURNALS), "CITY": r.choice(self.CITIES),
                  "PRESS": r.choice(self.PRESSES), "MONTH": r.choice(MONTHS),
                  "N": str(r.randint(3, 180)), "V": str(r.randint(2, 30)), "IS": str(r.randint(1, 4))}
        values["N2"] = str(int(values["N"]) + r.randint(5, 30))
        values.update({"A2": r.choice([a for a in self.ACTORS if a != values["A"]]),
                       "NAME2": r.choice([n for n in self.NAMES if n != values["NAME"]]),
                       "MINISTRY": r.choice(self.MINISTRIES), "ORD": r.choice(ORDINALS),
                       "DEC": r.choice(DECADES), "NW": r.choice(["two", "three", "four", "five"]),
                       "RARE": r.choice(["rare", "uncommon", "unusual", "hard to find"])})
        out = template.format(**values)
        return out[0].upper() + out[1:]

    def opener(self) -> str:
        for _ in range(200):
            s = self.fill(self.draw(self.OPENERS))
            key = " ".join(s.split()[:FIRST_WORDS]).lower()
            if key not in self.openings:
                self.openings.add(key)
                return s
        raise RuntimeError("ran out of distinct openings")

    def sentence(self) -> str:
        """A body sentence not used before in this volume."""
        for _ in range(200):
            out = self.fill(self.draw(self.SENTENCES))
            if out not in self.used:
                self.used.add(out)
                return out
        raise RuntimeError("ran out of distinct sentences")

    def para(self, sentences: tuple[int, int] = (4, 7), note: bool = False,
             lead_in: bool = False) -> Para:
        n = self.rng.randint(*sentences)
        words = [self.opener()] + [self.sentence() for _ in range(n - 1)]
        parts: list = []
        if note:
            at = self.rng.randint(1, len(words) - 1)
            parts = [" ".join(words[:at]), Note(self.fill(self.draw(self.NOTE_TEMPLATES))),
                     " " + " ".join(words[at:])]
        else:
            parts = [" ".join(words)]
        if lead_in:
            parts.append(" " + self.draw(self.LEAD_INS))
        return Para(parts)


def section(prose: Prose, head: str, paras: int, notes: int = 0, quote: bool = False,
            level: int = 1) -> list:
    """A heading and ``paras`` paragraphs, ``notes`` of them with a footnote."""
    body: list = [Head(head, level)]
    with_note = set(prose.rng.sample(range(paras), min(notes, paras)))
    quote_after = prose.rng.randrange(paras - 1) if quote and paras > 1 else None
    for i in range(paras):
        body.append(prose.para(note=i in with_note, lead_in=i == quote_after))
        if i == quote_after:
            body.append(Quote(prose.draw(prose.QUOTES)))
    return body


def opening(prose: Prose, paras: int, notes: int = 0) -> list:
    with_note = set(prose.rng.sample(range(paras), min(notes, paras)))
    return [prose.para(note=i in with_note) for i in range(paras)]


def build_volumes() -> list[VolumeSpec]:
    vols = []

    p = Prose(11, ["harbor dredging", "the cost of port expansion", "coastal pollution",
                   "the licensing of ferries", "urban water supply", "land reclamation"],
              ["Manila Bay", "the Pearl River delta", "Osaka", "Jakarta", "Pusan", "Haiphong"])
    vols.append(VolumeSpec(
        "coastal-cities-1996", "Coastal Cities and Regional Order", "Papers from a Workshop, 1996",
        "multicol-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Margaret Ellison", "Kenji Watanabe"],
                  "Introduction", columns=1, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "The Workshop and Its Questions", 3, 1)),
         TextSpec("essay", "WHO PAYS FOR THE HARBOR?\nPORT FINANCE IN SOUTHEAST ASIA",
                  ["Luis Marcelo"], "Who Pays for the Harbor?", columns=2, drop_cap=True,
                  body=[Editorial("This essay was first presented at the workshop's opening session; "
                                  "the author has revised it for publication.")]
                  + opening(p, 2, 1) + section(p, "Public Money and Private Ships", 3, 1, quote=True)
                  + section(p, "Three Models of Port Finance", 0)
                  + section(p, "Landlord Ports", 2, 1, level=2)
                  + section(p, "Concessions", 2, level=2)
                  + section(p, "Who Decides?", 3, 1)
                  + section(p, "Conclusion", 2)),
         TextSpec("essay", "WATER FOR GROWING CITIES", ["Anh Nguyen", "Robert Castellano"],
                  "Water for Growing Cities", columns=1, drop_cap=False,
                  body=opening(p, 2, 1) + section(p, "Supply and Demand", 3, 2)
                  + section(p, "The Politics of Tariffs", 3, 1, quote=True)),
         ]))

    p = Prose(23, ["grain reserves", "the price of rice", "import quotas", "food aid",
                   "fertilizer subsidies", "the grain trade"],
              ["Luzon", "the Mekong delta", "Hokkaido", "Java", "Sichuan", "central Thailand"])
    vols.append(VolumeSpec(
        "grain-and-diplomacy-1999", "Grain, Markets and Diplomacy in East Asia", "",
        "twocolumn-feet",
        [TextSpec("introduction", "INTRODUCTION", ["Catherine Mbeki"], "Introduction", columns=2,
                  drop_cap=True, body=opening(p, 3, 1) + section(p, "Markets and Governments", 3, 1)),
         TextSpec("essay", "THE RICE QUESTION: TRADE AND FOOD SECURITY", ["Hiroshi Tanabe",
                  "Elena Ruiz"], "The Rice Question", columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Prices and Politics", 4, 2, quote=True)
                  + section(p, "Reserves", 3, 1)),
         TextSpec("essay", "FOOD AID AND ITS DISCONTENTS", ["Samir Haddad"], "Food Aid",
                  columns=2, drop_cap=True,
                  body=[Editorial("The following essay is reprinted, with minor changes, from a "
                                  "working paper circulated before the conference.")]
                  + opening(p, 2, 1) + section(p, "Donors and Recipients", 0)
                  + section(p, "The View from the Ministries", 2, 1, level=2)
                  + section(p, "The View from the Villages", 2, 1, level=2)
                  + section(p, "Recommendations", 2)),
         ]))

    p = Prose(37, ["shipping through the northern straits", "the law of the sea", "fishing rights",
                   "icebreaker escorts", "port state control", "oil spill liability"],
              ["the Sea of Okhotsk", "the Bering Strait", "Sakhalin", "the Tsugaru Strait",
               "the Kuril Islands", "Vladivostok"])
    vols.append(VolumeSpec(
        "northern-sea-routes-2002", "Northern Sea Routes: Law, Trade and Security",
        "Proceedings of a Conference", "multicol-centre",
        [TextSpec("introduction", "INTRODUCTION", ["Olga Petrova", "James Whitfield"],
                  "Introduction", columns=1, drop_cap=True,
                  body=opening(p, 3, 1) + section(p, "Why the North Matters", 2)),
         TextSpec("essay", "RULES FOR COLD WATERS:\nTHE LAW OF THE SEA IN THE NORTH PACIFIC",
                  ["Yuki Morimoto"], "Rules for Cold Waters", columns=2,
                  body=opening(p, 2, 1) + section(p, "The Legal Framework", 1)
                  + section(p, "Straits and Passage", 2, 1, level=2)
                  + section(p, "Coastal State Jurisdiction", 2, 1, level=2)
                  + section(p, "Enforcement", 3, 1, quote=True)),
         TextSpec("essay", "OIL, ICE AND INSURANCE", ["Daniel Kovacs", "Mi-young Park",
                  "Arne Solberg"], "Oil, Ice and Insurance", columns=2,
                  body=opening(p, 2) + section(p, "Who Bears the Risk?", 3, 2)
                  + section(p, "Lessons from Other Seas", 2, 1)),
         TextSpec("essay", "FISHING IN CONTESTED WATERS", ["Tomoko Arai"], "Fishing",
                  columns=1, drop_cap=False,
                  body=[Editorial("Editor's note: this paper reflects the situation at the time of "
                                  "the conference and has not been updated.")]
                  + opening(p, 2, 1) + section(p, "Stocks and Quotas", 2, 1)
                  + section(p, "A Joint Commission?", 2)),
         ]))
    return vols


# --- LaTeX ------------------------------------------------------------------

_TEX_SPECIAL = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_"}


def tex(s: str) -> str:
    return re.sub(r"[&%$#_]", lambda m: _TEX_SPECIAL[m.group()], s)


def surnames(authors: list[str]) -> str:
    """The verso running head of ``author-heads``: the authors' last names (Okada and Ferris)."""
    return authors_line([a.split()[-1] for a in authors])


def authors_line(authors: list[str]) -> str:
    return authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]


PREAMBLE = r"""\documentclass[10pt,twoside%(twocol)s]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\usepackage{lmodern}
\usepackage[paperwidth=6.5in,paperheight=9.5in,top=0.9in,bottom=0.9in,inner=0.8in,outer=0.7in,headsep=0.2in,footskip=0.35in]{geometry}
\usepackage{multicol}
\usepackage{lettrine}
\usepackage{fancyhdr}
\setlength{\columnsep}{0.25in}
\setlength{\parskip}{0pt}
\setlength{\emergencystretch}{1.5em}
\newcommand{\essayhead}{}
\makeatletter
\renewcommand\section{\@startsection{section}{1}{0pt}{2.2ex plus .5ex}{1ex}{\normalfont\large\bfseries}}
\renewcommand\subsection{\@startsection{subsection}{2}{0pt}{1.6ex plus .4ex}{.6ex}{\normalfont\normalsize\bfseries\itshape}}
\makeatother
\pagestyle{fancy}
\fancyhf{}
%(heads)s
\begin{document}
"""

HEADS = {
    # verso: page number and volume title; recto: essay title and page number, at the head
    "multicol-heads": r"""\fancyhead[LE]{\small\thepage\quad\itshape %(vol)s}
\fancyhead[RO]{\small\itshape\essayhead\quad\upshape\thepage}
\renewcommand{\headrulewidth}{0pt}""",
    # at the foot: the volume title and the page number, centred
    "twocolumn-feet": r"""\fancyfoot[C]{\small %(vol)s\quad\textbullet\quad\thepage}
\renewcommand{\headrulewidth}{0pt}""",
    # the essay title centred at the head with a rule, page number at the foot's outer edge
    "multicol-centre": r"""\fancyhead[C]{\small\scshape\essayhead}
\fancyfoot[LE,RO]{\small\thepage}
\renewcommand{\headrulewidth}{0.4pt}""",
    # verso: page number and the authors' surnames; recto: essay title and page number, in small
    # capitals at the head (a text's first page: number centred at the foot)
    "author-heads": r"""\newcommand{\essayauthor}{}
\fancyhead[LE]{\small\thepage\qquad\scshape\essayauthor}
\fancyhead[RO]{\small\scshape\essayhead\qquad\upshape\thepage}
\renewcommand{\headrulewidth}{0pt}""",
    # verso: the volume title, recto: the essay title, in italics at the head with no number;
    # the page number alone, centred at the foot of every page
    "title-heads": r"""\fancyhead[LE]{\small\itshape %(vol)s}
\fancyhead[RO]{\small\itshape\essayhead}
\fancyfoot[C]{\small\thepage}
\renewcommand{\headrulewidth}{0pt}""",
}


def para_tex(para: Para, text: TextSpec, first: bool) -> str:
    out = []
    for part in para.parts:
        if isinstance(part, Note):
            out.append(r"\footnote{" + tex(part.text) + "}")
        else:
            out.append(tex(part))
    body = "".join(out)
    if first and text.drop_cap:
        word, rest = re.match(r"(\S+)(.*)", body, re.S).groups()
        body = r"\lettrine{" + word[0] + "}{" + word[1:] + "}" + rest
    return ("\\noindent " if first and not text.drop_cap else "") + body + "\n\n"


def text_tex(vol: VolumeSpec, text: TextSpec) -> str:
    title = r"\\".join(tex(t) for t in text.title.split("\n"))
    top = [r"\begin{center}", r"{\Large\bfseries " + title + r"\par}", r"\vspace{1.2ex}",
           r"{\large\itshape " + tex(authors_line(text.authors)) + r"\par}", r"\end{center}",
           r"\vspace{1ex}"]
    body = list(text.body)
    if body and isinstance(body[0], Editorial):
        top += [r"\begin{center}\begin{minipage}{0.85\textwidth}\small\itshape "
                + tex(body.pop(0).text) + r"\end{minipage}\end{center}", r"\vspace{1ex}"]
    lines = [r"\clearpage" if vol.layout != "twocolumn-feet" else "",
             r"\renewcommand{\essayhead}{" + tex(text.short) + "}",
             r"\setcounter{footnote}{0}"]
    if vol.layout == "author-heads":
        lines.append(r"\renewcommand{\essayauthor}{" + tex(surnames(text.authors)) + "}")
    if vol.layout == "twocolumn-feet":
        if text.columns == 2:
            lines.append(r"\twocolumn[" + "\n".join(top) + "]")
        else:
            lines += [r"\onecolumn"] + top
        lines.append(r"\thispagestyle{fancy}")
    else:
        lines += [r"\thispagestyle{plain}" if vol.layout in ("multicol-heads", "author-heads", "title-heads")
                  else ""]
        lines += top
        if text.columns == 2:
            lines.append(r"\begin{multicols}{2}")
    first = True
    for item in body:
        if isinstance(item, Head):
            lines.append((r"\section*{" if item.level == 1 else r"\subsection*{") + tex(item.text) + "}")
        elif isinstance(item, Para):
            lines.append(para_tex(item, text, first))
            first = False
        elif isinstance(item, Quote):
            lines.append(r"\begin{quote}" + tex(item.text) + r"\end{quote}" + "\n")
        elif isinstance(item, Editorial):
            lines.append(r"\begin{center}\small\itshape " + tex(item.text) + r"\end{center}")
    if text.columns == 2 and vol.layout != "twocolumn-feet":
        lines.append(r"\end{multicols}")
    return "\n".join(lines) + "\n"


def volume_tex(vol: VolumeSpec) -> str:
    heads = HEADS[vol.layout] % {"vol": tex(vol.title)}
    out = [PREAMBLE % {"twocol": "", "heads": heads}]
    out.append(r"\thispagestyle{empty}\null\vspace*{1.6in}\begin{center}"
               r"{\huge\bfseries " + tex(vol.title) + r"\par}"
               + (r"\vspace{3ex}{\large " + tex(vol.subtitle) + r"\par}" if vol.subtitle else "")
               + r"\end{center}\clearpage" + "\n")
    for text in vol.texts:
        out.append(text_tex(vol, text))
    out.append(r"\end{document}" + "\n")
    return "\n".join(out)


# --- gold -------------------------------------------------------------------

def first_words(s: str, n: int = FIRST_WORDS) -> str:
    return " ".join(s.split()[:n])


def gold(vol: VolumeSpec, pages: int) -> dict:
    """The structure as typeset.

    Keys: ``volume`` (slug), ``title`` (the volume title), ``pages``,
    ``layout`` (a few words), ``running_heads`` (strings printed at the head or
    foot of pages besides page numbers), ``page_numbers`` (as printed; the
    title page has none), ``texts``: per text ``kind``,
    ``title`` (lines joined by a space), ``authors``, ``byline`` (as printed),
    ``columns``, ``drop_cap`` (the letter set as a ``lettrine``, or null),
    ``heads`` (``[text, level]`` in order, 1 = section, 2 = sub-section),
    ``paragraphs`` (in order, each ``first_words`` and ``words``; quotations and
    editorial notes are not paragraphs), ``footnotes`` (``n`` as printed,
    ``text``, ``first_words``, ``after``: the four words right before the
    anchor, ``context``: the twelve (fewer at a paragraph's start), which tell
    apart two anchors after the same words),
    ``quotes`` and ``editorial`` (each ``first_words`` and ``text``).
    """
    texts = []
    for text in vol.texts:
        heads, paras, notes, quotes, eds = [], [], [], [], []
        for item in text.body:
            if isinstance(item, Head):
                heads.append([item.text, item.level])
            elif isinstance(item, Para):
                plain = " ".join(item.plain().split())
                paras.append({"first_words": first_words(plain), "words": len(plain.split())})
                before = ""
                for part in item.parts:
                    if isinstance(part, Note):
                        notes.append({"n": str(len(notes) + 1), "text": part.text,
                                      "first_words": first_words(part.text),
                                      "after": " ".join(before.split()[-AFTER_WORDS:]),
                                      "context": " ".join(before.split()[-CONTEXT_WORDS:])})
                    else:
                        before += part
            elif isinstance(item, Quote):
                quotes.append({"first_words": first_words(item.text), "text": item.text})
            elif isinstance(item, Editorial):
                eds.append({"first_words": first_words(item.text), "text": item.text})
        texts.append({"kind": text.kind, "title": " ".join(text.title.split()),
                      "authors": text.authors, "byline": authors_line(text.authors),
                      "columns": text.columns,
                      "drop_cap": (paras and text.drop_cap and paras[0]["first_words"][0]) or None,
                      "heads": heads, "paragraphs": paras, "footnotes": notes,
                      "quotes": quotes, "editorial": eds})
    running = {"multicol-heads": [vol.title] + [t.short for t in vol.texts],
               "twocolumn-feet": [vol.title],
               "multicol-centre": [t.short for t in vol.texts],
               "author-heads": [surnames(t.authors) for t in vol.texts] + [t.short for t in vol.texts],
               "title-heads": [vol.title] + [t.short for t in vol.texts],
               }[vol.layout]
    layout = {"multicol-heads": "running heads at the head (verso: page number + volume title, "
                                "recto: essay title + page number; first pages: number at the foot); "
                                "multicol for two-column texts, titles full width",
              "twocolumn-feet": "running feet (volume title, bullet, page number, centred); "
                                "\\twocolumn pages with the title block full width; footnotes per column",
              "multicol-centre": "essay title centred at the head over a rule, page number at the "
                                 "foot's outer edge; multicol for two-column texts",
              "author-heads": "running heads in small capitals (verso: page number + the authors' "
                              "surnames, recto: essay title + page number; first pages: number at "
                              "the foot); multicol for two-column texts",
              "title-heads": "running heads in italics with no page number (verso: volume title, "
                             "recto: essay title); the page number alone, centred at the foot of "
                             "every page; multicol for two-column texts"}[vol.layout]
    return {"volume": vol.slug, "title": vol.title, "subtitle": vol.subtitle, "pages": pages,
            "layout": layout, "running_heads": running,
            "page_numbers": [str(n) for n in range(2, pages + 1)], "texts": texts}


# --- rendering and OCR ------------------------------------------------------

def run(cmd: list[str], cwd: Path, **kw) -> None:
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed in {cwd}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def typeset(vol: VolumeSpec, work: Path) -> int:
    (work / "volume.tex").write_text(volume_tex(vol), encoding="utf-8")
    for _ in range(2):  # twice, so that marks and float placement settle
        run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "volume.tex"], work)
    info = subprocess.run(["pdfinfo", "volume.pdf"], cwd=work, capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def degrade(src: Path, dst: Path, rng: random.Random) -> None:
    import numpy as np
    from PIL import Image, ImageFilter

    img = Image.open(src).convert("L")
    angle = rng.uniform(0.5, 1.0) * rng.choice((-1, 1))
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    arr = np.asarray(img, dtype=np.float32)
    noise = np.random.default_rng(rng.randrange(2**32)).normal(0, NOISE_SIGMA, arr.shape)
    arr = np.clip(arr + noise, 0, 255).astype(np.uint8)
    Image.fromarray(arr).save(dst)


def ocr(pages: list[Path], out_base: Path) -> None:
    listing = out_base.with_suffix(".list")
    # names relative to the work directory, so that the hOCR and ALTO name no temporary path
    listing.write_text("".join(f"{p.name}\n" for p in pages))
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    run(["tesseract", listing.name, out_base.name, "--psm", "3", "-l", "eng", "txt", "hocr", "alto"],
        out_base.parent, env=env)


def make(vol: VolumeSpec, work: Path, pool: ThreadPoolExecutor) -> None:
    work.mkdir(parents=True, exist_ok=True)
    pages = typeset(vol, work)
    run(["pdftoppm", "-r", "300", "-gray", "-png", "volume.pdf", "clean"], work)
    run(["pdftoppm", "-r", str(DEGRADED_DPI), "-gray", "-png", "volume.pdf", "low"], work)
    clean = sorted(work.glob("clean-*.png"))
    rng = random.Random(vol.slug)
    degraded = []
    for low in sorted(work.glob("low-*.png")):
        dst = low.with_name(low.name.replace("low-", "degraded-"))
        degrade(low, dst, rng)
        degraded.append(dst)
    jobs = [pool.submit(ocr, clean, work / "clean"), pool.submit(ocr, degraded, work / "degraded")]
    for job in jobs:
        job.result()
    dest = OUT / vol.slug
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(work / "volume.tex", dest / "volume.tex")
    for variant in ("clean", "degraded"):
        shutil.copy(work / f"{variant}.txt", dest / f"{variant}.txt")
        shutil.copy(work / f"{variant}.hocr", dest / f"{variant}.hocr")
        shutil.copy(work / f"{variant}.xml", dest / f"{variant}.alto.xml")
    (dest / "gold.json").write_text(json.dumps(gold(vol, pages), indent=1, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
    print(f"{vol.slug}: {pages} pages -> {dest.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", help="volume slug (repeatable)")
    parser.add_argument("--keep", type=Path, help="keep the work files (PDF, PNG) in this directory")
    parser.add_argument("--tex-only", action="store_true", help="write volume.tex and gold only, no OCR")
    args = parser.parse_args(argv)
    vols = [v for v in build_volumes() if not args.only or v.slug in args.only]
    tools = ["pdflatex", "pdfinfo"] + ([] if args.tex_only else ["pdftoppm", "tesseract"])
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        sys.exit(f"not installed: {', '.join(missing)} (see the top of {Path(__file__).name})")
    if not args.tex_only:
        try:
            import numpy  # noqa: F401
            import PIL  # noqa: F401
        except ImportError:
            sys.exit("the degraded scans need numpy and Pillow: pip install numpy pillow")
    base = args.keep or Path(tempfile.mkdtemp(prefix="textkit-corpus-"))
    try:
        if args.tex_only:
            for vol in vols:
                (base / vol.slug).mkdir(parents=True, exist_ok=True)
                pages = typeset(vol, base / vol.slug)
                print(f"{vol.slug}: {pages} pages in {base / vol.slug}")
            return 0
        with ThreadPoolExecutor(max_workers=2) as pool:
            for vol in vols:
                make(vol, base / vol.slug, pool)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
