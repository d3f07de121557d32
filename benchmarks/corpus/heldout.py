"""Held-out volumes: the structure benchmark on pages nobody tuned the rules on.

    python benchmarks/corpus/heldout.py [--round6 | --round7 | --round8] [--out DIR] [--only SLUG ...]
    python benchmarks/structure_benchmark.py --corpus DIR

The committed fixtures (``fixtures/ocr/tesseract/``) are what the plain-text
and geometry rules were developed on, so their scores say little about a new
volume. These six volumes use the same three page layouts of
``make_corpus.py`` (the generator, its TeX and its degradation) with other
seeds, themes, titles, bylines and structures (sub-sections, a section with
no paragraph of its own, editorial notes, three-author bylines). They are
not committed: generate them (a few minutes; pdflatex, poppler, Tesseract,
numpy and Pillow, as ``make_corpus.py`` says), score them, and keep them out
of the fixtures, so that they stay held out. When one has been looked at
while changing a rule, make a new one (another seed) rather than keeping
score on it.

Issue #9/#10 session (2026-12-01): ``rivers-and-roads-1993``,
``power-and-policy-1997``, ``rivers-and-power-1994`` and
``trade-and-borders-2004`` were looked at while tuning; ``shared-rivers-2004``
and ``forests-and-law-1998`` were scored only (one fix came from the latter).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_corpus
from make_corpus import Editorial, Prose, TextSpec, VolumeSpec, opening, section

DEFAULT_OUT = Path("/tmp/textkit-heldout")


def build_volumes() -> list[VolumeSpec]:
    vols = []
    p = Prose(101, ["river transport", "the cost of bridges", "flood control", "rail freight",
                    "inland ports", "toll roads"],
              ["the Yangtze valley", "Mindanao", "Hanoi", "Chiang Mai", "Kyushu", "Sumatra"])
    vols.append(VolumeSpec(
        "rivers-and-roads-1993", "Rivers, Roads and Regional Growth", "Essays from a Seminar, 1993",
        "multicol-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Ingrid Larsen"], "Introduction", columns=1,
                  drop_cap=True, body=opening(p, 2, 1) + section(p, "Scope of the Seminar", 3, 2)),
         TextSpec("essay", "BRIDGES AND BUDGETS:\nFINANCING INFRASTRUCTURE", ["Paolo Bianchi", "Sun-hee Kim"],
                  "Bridges and Budgets", columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Costs and Benefits", 3, 2, quote=True)
                  + section(p, "Who Builds?", 3, 2) + section(p, "Lessons", 2, 1)),
         TextSpec("essay", "THE RAILWAY QUESTION", ["Amir Karimi"], "The Railway Question",
                  columns=1, drop_cap=False,
                  body=opening(p, 2, 1) + section(p, "Freight and Passengers", 3, 2)
                  + section(p, "Tariffs", 2, 1, level=2) + section(p, "Subsidies", 2, 1, level=2)),
         ]))
    p = Prose(202, ["energy security", "the price of coal", "nuclear power", "electricity grids",
                    "oil imports", "gas pipelines"],
              ["Taiwan", "the Korean peninsula", "Luzon", "Guangdong", "Borneo", "Hokkaido"])
    vols.append(VolumeSpec(
        "power-and-policy-1997", "Power and Policy in the Pacific", "",
        "twocolumn-feet",
        [TextSpec("introduction", "INTRODUCTION", ["Helen Carter", "Toshio Mori"], "Introduction",
                  columns=2, drop_cap=True, body=opening(p, 3, 2) + section(p, "The Questions", 3, 1)),
         TextSpec("essay", "COAL, OIL AND THE GRID", ["Nadia Volkova"], "Coal, Oil and the Grid",
                  columns=2, drop_cap=True,
                  body=[Editorial("This paper was presented at the second session and revised "
                                  "after the discussion that followed.")]
                  + opening(p, 2, 1) + section(p, "Demand", 3, 2, quote=True)
                  + section(p, "Supply", 3, 2) + section(p, "Outlook", 2, 1)),
         ]))
    p = Prose(303, ["water rights", "the cost of dams", "irrigation", "river pollution",
                    "hydropower", "drought relief"],
              ["the Mekong basin", "Yunnan", "Cambodia", "the Salween valley", "Laos", "Assam"])
    vols.append(VolumeSpec(
        "shared-rivers-2004", "Shared Rivers: Water, Power and Law", "Proceedings of a Symposium",
        "multicol-centre",
        [TextSpec("introduction", "INTRODUCTION", ["Lena Hoffmann", "Ravi Menon"], "Introduction",
                  columns=1, drop_cap=True, body=opening(p, 3, 2) + section(p, "Why Rivers Divide", 2, 1)),
         TextSpec("essay", "DAMS AND DIPLOMACY", ["Chen Wei"], "Dams and Diplomacy", columns=2,
                  body=opening(p, 2, 1) + section(p, "The Upstream View", 3, 2, quote=True)
                  + section(p, "The Downstream View", 3, 2)),
         TextSpec("essay", "DROUGHT AND ITS POLITICS", ["Maria Santos", "Kofi Mensah"], "Drought",
                  columns=1, drop_cap=False,
                  body=[Editorial("Editor's note: this paper was written before the drought of the "
                                  "following year and has not been revised.")]
                  + opening(p, 2, 1) + section(p, "Relief", 2, 1) + section(p, "Reform", 2, 1)),
         ]))
    p = Prose(101, ["river transport", "the cost of electricity", "hydropower dams",
                    "flood control", "irrigation networks", "the silting of channels"],
              ["the Red River", "Mindanao", "the Chao Phraya", "Sulawesi", "Kyushu", "Cebu"])
    vols.append(VolumeSpec(
        "rivers-and-power-1994", "Rivers, Power and the State", "Essays from a Seminar",
        "multicol-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Helen Okafor"], "Introduction", columns=1,
                  drop_cap=True, body=opening(p, 2, 1) + section(p, "The Seminar and Its Aims", 2, 1)),
         TextSpec("essay", "DAMS AND THEIR CRITICS", ["Paolo Ferrante", "Min-jun Seo"],
                  "Dams and Their Critics", columns=2, drop_cap=False,
                  body=opening(p, 2, 1) + section(p, "Early Projects", 3, 2, quote=True)
                  + section(p, "Costs and Benefits", 0)
                  + section(p, "Direct Costs", 2, 1, level=2)
                  + section(p, "Hidden Costs", 2, 1, level=2)
                  + section(p, "Conclusion", 2)),
         TextSpec("essay", "THE WATER COURTS:\nSETTLING DISPUTES ON THE DELTA",
                  ["Ingrid Salo"], "The Water Courts", columns=1, drop_cap=True,
                  body=[Editorial("An earlier version of this paper was read at the seminar's "
                                  "second meeting; it has been shortened for this volume.")]
                  + opening(p, 2, 1) + section(p, "Claims and Counterclaims", 3, 2)
                  + section(p, "What Courts Can Do", 2, 1)),
         ]))
    p = Prose(202, ["customs unions", "tariff reductions", "the rules of origin",
                    "trade in services", "currency swaps", "border inspections"],
              ["Penang", "Busan", "Haiphong", "Davao", "Kaohsiung", "Surabaya"])
    vols.append(VolumeSpec(
        "trade-and-borders-2004", "Trade Across Borders in the Pacific", "",
        "twocolumn-feet",
        [TextSpec("introduction", "INTRODUCTION", ["Ravi Chandran", "Lucia Moreno"],
                  "Introduction", columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Why Borders Matter", 3, 1)),
         TextSpec("essay", "RULES OF ORIGIN AND THEIR USES", ["Kwame Mensah"],
                  "Rules of Origin", columns=2, drop_cap=False,
                  body=opening(p, 2, 1) + section(p, "A Short History", 3, 1)
                  + section(p, "Current Practice", 0)
                  + section(p, "In the Ports", 2, 1, level=2)
                  + section(p, "At the Land Borders", 2, 1, level=2)),
         TextSpec("essay", "MONEY AT THE FRONTIER", ["Anna Lindqvist", "Tuan Pham", "Sara Klein"],
                  "Money at the Frontier", columns=2, drop_cap=True,
                  body=[Editorial("This essay draws on interviews conducted in the spring before "
                                  "the conference; names of officials are withheld.")]
                  + opening(p, 2, 1) + section(p, "Swaps and Credits", 3, 2, quote=True)
                  + section(p, "Open Questions", 2)),
         ]))
    p = Prose(303, ["forest concessions", "the timber trade", "land titles", "logging bans",
                    "plantation labor", "carbon accounting"],
              ["Borneo", "Palawan", "Hainan", "the Mekong uplands", "Papua", "Luzon"])
    vols.append(VolumeSpec("forests-and-law-1998", "Forests, Law and Development", "Papers of a Symposium",
                   "multicol-centre",
                   [TextSpec("introduction", "INTRODUCTION", ["Nadia Rahman", "Peter Holm"], "Introduction",
                             columns=1, drop_cap=True,
                             body=opening(p, 2, 1) + section(p, "What the Symposium Asked", 3, 1)),
                    TextSpec("essay", "WHO OWNS THE FOREST?\nTENURE AND ITS LIMITS", ["Julio Santos"],
                             "Who Owns the Forest?", columns=2, drop_cap=False,
                             body=opening(p, 2, 1) + section(p, "Customary Claims", 3, 2, quote=True)
                             + section(p, "State Claims", 0)
                             + section(p, "Concessions", 2, 1, level=2)
                             + section(p, "Reserves", 2, 1, level=2)),
                    TextSpec("essay", "TIMBER AND TRADE", ["Aiko Mori", "Lars Berg"], "Timber and Trade",
                             columns=1, drop_cap=True,
                             body=[Editorial("This paper was prepared for the symposium's final session "
                                             "and is printed here as it was read.")]
                             + opening(p, 2, 1) + section(p, "Export Bans", 3, 2)
                             + section(p, "Certification", 2, 1)),
                    ]))
    return vols


ROUND6_OUT = Path("/tmp/heldout-corr-r6")


def build_round6_volumes() -> list[VolumeSpec]:
    """Three more (``--round6``), made at the start of #11's sixth round (the corrector's recall
    on Tesseract's misreadings) before any correction rule changed, scored before and after and
    not looked at while tuning: other seeds, themes, places, bylines and layouts."""
    vols = []
    p = Prose(60601, ["fishing cooperatives", "the price of fuel", "cold storage",
                      "the marketing of catch", "harbour fees", "credit for boat owners"],
              ["Zamboanga", "the Andaman coast", "Madura", "Negros", "Trengganu", "Sibu"])
    vols.append(VolumeSpec(
        "boats-and-markets-1989", "Boats, Markets and Coastal Credit", "Papers of a Workshop, 1989",
        "twocolumn-feet",
        [TextSpec("introduction", "INTRODUCTION", ["Miriam Osei", "Lukas Brandt"], "Introduction",
                  columns=2, drop_cap=True,
                  body=opening(p, 3, 1) + section(p, "The Workshop's Questions", 3, 2)),
         TextSpec("essay", "CREDIT ON THE WATERFRONT", ["Haruto Abe"], "Credit on the Waterfront",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Lenders", 3, 2, quote=True)
                  + section(p, "Borrowers", 3, 1) + section(p, "Defaults", 2, 1)),
         TextSpec("essay", "FUEL AND ITS PRICE", ["Sofia Marin", "Dae-ho Park"], "Fuel and Its Price",
                  columns=2, drop_cap=False,
                  body=[Editorial("This paper was revised after the workshop in the light of "
                                  "the discussion; its figures are those of the year before.")]
                  + opening(p, 2, 1) + section(p, "Subsidies", 3, 2)
                  + section(p, "Smuggling", 2, 1)),
         ]))
    p = Prose(60602, ["railway electrification", "the cost of signalling", "freight tariffs",
                      "commuter services", "the maintenance of track", "station property"],
              ["Bandung", "Ipoh", "the Punjab", "Hsinchu", "Lampang", "Sendai"])
    vols.append(VolumeSpec(
        "tracks-and-tariffs-1996", "Tracks, Tariffs and Public Transport", "",
        "multicol-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Eleanor Pryce"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 3, 2) + section(p, "Purpose of the Volume", 2, 1)),
         TextSpec("essay", "SIGNALS AND SAFETY:\nTHE COST OF MODERN TRACK", ["Omar Haddad", "Ying Zhou"],
                  "Signals and Safety", columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Old Equipment", 3, 2, quote=True)
                  + section(p, "New Equipment", 3, 2) + section(p, "Findings", 2, 1)),
         TextSpec("essay", "THE COMMUTER'S FARE", ["Beatrix Lund"], "The Commuter's Fare",
                  columns=1, drop_cap=False,
                  body=opening(p, 2, 1) + section(p, "Fares", 0)
                  + section(p, "Peak Fares", 3, 2, level=2)
                  + section(p, "Concessions", 2, 1, level=2)),
         ]))
    p = Prose(60603, ["seed distribution", "agricultural extension", "fertilizer subsidies",
                      "the storage of grain", "farm credit", "the consolidation of holdings"],
              ["Isabela", "the Deccan", "Khon Kaen", "East Java", "Sylhet", "Mymensingh"])
    vols.append(VolumeSpec(
        "seeds-and-subsidies-2000", "Seeds, Subsidies and the Small Farm", "Proceedings of a Conference",
        "multicol-centre",
        [TextSpec("introduction", "INTRODUCTION", ["Walter Grieve", "Ama Boateng"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Why Small Farms", 3, 1)),
         TextSpec("essay", "EXTENSION AGENTS AND THEIR FARMERS", ["Rahul Verma"],
                  "Extension Agents", columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Training the Agents", 3, 2, quote=True)
                  + section(p, "Reaching the Farmers", 3, 2) + section(p, "Results", 2, 1)),
         TextSpec("essay", "GRAIN IN STORE", ["Ines Moreau", "Tomasz Zielinski"], "Grain in Store",
                  columns=1, drop_cap=False,
                  body=[Editorial("Editor's note: the tables of this paper have been left out; "
                                  "they are available from the authors.")]
                  + opening(p, 2, 2) + section(p, "Losses", 3, 2)
                  + section(p, "Remedies", 2, 1)),
         ]))
    return vols


ROUND7_OUT = Path("/tmp/heldout-corr-r7")


def build_round7_volumes() -> list[VolumeSpec]:
    """Four more (``--round7``), made at the start of #11's seventh round before any correction
    rule changed, scored before and after and not looked at while tuning: other seeds, themes,
    places and bylines, and all four page layouts (``author-heads`` too)."""
    vols = []
    p = Prose(70701, ["school enrolment", "the training of teachers", "textbook supply",
                      "rural schools", "examination reform", "vocational courses"],
              ["Cotabato", "Kerala", "Chiang Rai", "Lombok", "Kelantan", "Bohol"])
    vols.append(VolumeSpec(
        "schools-and-teachers-1991", "Schools, Teachers and the State", "Papers of a Seminar, 1991",
        "author-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Gregor Lindt"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 3, 2) + section(p, "The Seminar's Themes", 2, 1)),
         TextSpec("essay", "TEACHERS IN THE VILLAGES", ["Priya Nair", "Henrik Dahl"],
                  "Teachers in the Villages", columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Recruitment", 3, 2, quote=True)
                  + section(p, "Pay and Housing", 3, 1) + section(p, "Turnover", 2, 1)),
         TextSpec("essay", "EXAMINATIONS AND THEIR CRITICS", ["Yusuf Demir"], "Examinations",
                  columns=1, drop_cap=False,
                  body=[Editorial("This paper was circulated before the seminar and is printed "
                                  "with minor corrections.")]
                  + opening(p, 2, 1) + section(p, "Reform", 3, 2)),
         ]))
    p = Prose(70702, ["rural clinics", "the cost of medicines", "malaria control",
                      "the training of nurses", "hospital finance", "clean water supply"],
              ["Samar", "Orissa", "Nakhon Phanom", "Flores", "Sabah", "Kandy"])
    vols.append(VolumeSpec(
        "clinics-and-costs-1995", "Clinics, Costs and Public Health", "",
        "twocolumn-feet",
        [TextSpec("introduction", "INTRODUCTION", ["Clara Whitfield", "Kenji Ota"], "Introduction",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "What We Asked", 3, 2)),
         TextSpec("essay", "MEDICINES AND MARKETS", ["Adebayo Okonkwo"], "Medicines and Markets",
                  columns=2, drop_cap=False,
                  body=opening(p, 2, 2) + section(p, "Prices", 3, 1, quote=True)
                  + section(p, "Supply Chains", 0)
                  + section(p, "Importers", 2, 1, level=2)
                  + section(p, "Pharmacies", 2, 1, level=2)),
         ]))
    p = Prose(70703, ["housing finance", "the clearance of slums", "urban land prices",
                      "public transport", "squatter settlements", "municipal taxation"],
              ["Cebu City", "Pune", "Surakarta", "Medan", "Johor Bahru", "Colombo"])
    vols.append(VolumeSpec(
        "cities-and-housing-2002", "Cities, Housing and the Urban Poor", "Proceedings of a Workshop",
        "multicol-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Fiona Gallagher", "Arjun Rao"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Why Cities", 3, 1)),
         TextSpec("essay", "LAND, PRICES AND THE POOR", ["Mei Lin Tan"], "Land and Prices",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "The Land Market", 3, 2, quote=True)
                  + section(p, "Who Gains", 3, 2) + section(p, "Policy", 2, 1)),
         TextSpec("essay", "TAXING THE CITY", ["Jonas Eriksen", "Layla Hassan"], "Taxing the City",
                  columns=1, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Property Rates", 3, 2)
                  + section(p, "Collection", 2, 1)),
         ]))
    p = Prose(70704, ["mining licences", "the price of tin", "mine safety",
                      "royalties and rents", "the closure of pits", "smelting"],
              ["Bangka", "Perak", "Benguet", "Jharkhand", "Phuket", "Kalimantan"])
    vols.append(VolumeSpec(
        "mines-and-royalties-1987", "Mines, Royalties and Regional Revenue", "Essays",
        "multicol-centre",
        [TextSpec("introduction", "INTRODUCTION", ["Oskar Nilsen"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 3, 1) + section(p, "The Essays", 2, 1)),
         TextSpec("essay", "TIN AND THE TREASURY", ["Rosa Delgado", "Wen Hui"], "Tin and the Treasury",
                  columns=2, drop_cap=False,
                  body=[Editorial("Editor's note: the figures of this essay are those of the "
                                  "year it was written and have not been brought up to date.")]
                  + opening(p, 2, 1) + section(p, "Royalties", 3, 2, quote=True)
                  + section(p, "Rents", 3, 2)),
         TextSpec("essay", "WHEN THE PITS CLOSE", ["Tariq Hussain"], "When the Pits Close",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Workers", 3, 1)
                  + section(p, "Towns", 2, 1)),
         ]))
    return vols


ROUND8_OUT = Path("/tmp/heldout-corr-r8")


class Round8Prose(Prose):
    """Prose none of the earlier rounds has: new openers, sentences, actors, notes and
    quotations (written for round 8 and given to the public domain; the block quotations are
    public-domain classics: Smith 1776, Mill 1848 and 1859, Bagehot 1873, Lincoln 1861), so
    that a rule tuned on the old template bank's words meets words it has not seen."""

    ACTORS = ["the district councils", "small traders", "the central bank", "village headmen",
              "the railway companies", "mission hospitals", "the chambers of commerce",
              "dock workers", "the tax collectors", "rice millers", "the colonial authorities",
              "independent surveyors", "moneylenders", "the planning boards", "school inspectors",
              "the harbour masters"]
    ADJ = ["slow", "patchy", "steady", "striking", "meagre", "lasting", "unexpected", "halting",
           "substantial", "doubtful", "welcome", "costly"]
    ABSTRACT = ["thrift", "credit", "discipline", "trust", "enterprise", "regulation", "solvency",
                "fairness", "prudence", "efficiency", "self-government", "public order"]
    YEARS = [str(y) for y in range(1948, 1972)]
    OPENERS = [
        "When the survey of {P} was completed in {Y}, {A} found themselves with a new grievance.",
        "Nobody who travelled through {P} in those years could have mistaken the signs of {X}.",
        "The story of {I} is usually told from the capital, but it looks different from {P}.",
        "Two misunderstandings have long obscured the debate about {I}.",
        "At first sight, the complaints of {A} about {I} seem exaggerated.",
        "The arithmetic of {I} is simple enough; its politics are not.",
        "Our inquiry began with a plain question about {I}: who was paying, and for what?",
        "In the spring of {Y}, {A} petitioned the governor for relief.",
        "Visitors to {P} were often struck by the absence of {X}.",
        "It has become fashionable to blame {A} for the failures of {I}.",
        "Between {Y} and {Y2} the population of {P} nearly doubled.",
        "No chapter of this report was harder to write than the one on {I}.",
        "The reader may wonder why so much space is given here to {I}.",
        "We owe much of what we know about {P} to the diaries of {NAME}.",
        "Whatever its merits elsewhere, {X} was never popular with {A}.",
        "The ledgers kept by {A} in {P} survive almost complete.",
        "A word must be said at the outset about the sources for {I}.",
        "Seen from {P}, the reforms of {Y} looked less like progress than interference.",
        "The commissioners who visited {P} in {Y} left a vivid record of what they saw.",
        "For most of the period, {I} was a matter left to {A}.",
        "An old proverb of {P} holds that a debt forgiven is a debt remembered.",
        "Here we must distinguish between {X} as a slogan and {X} as a habit.",
        "The census of {Y} gives us our first reliable picture of {P}.",
        "Opinions about {I} changed very little in the course of the decade.",
        "Nearly every witness who appeared before the committee spoke of {I}.",
        "If one figure dominates the history of {P}, it is {NAME}.",
    ]
    SENTENCES = [
        "The rains failed twice in four years, and {A} were the first to feel it.",
        "Prices in the market towns of {P} rose by a third within a single season.",
        "It was the ordinary clerk, not the minister, who decided how the rules on {I} were applied.",
        "Few of the promises made in {Y} were kept, and fewer still were remembered.",
        "The roads were so poor that a cart took nine days to reach the coast from {P}.",
        "What {A} wanted above all was a predictable rate of tax.",
        "A good harvest could hide a great many weaknesses in the system of {I}.",
        "Much of the correspondence about {I} is taken up with complaints about delay.",
        "By the standards of the time, the wages paid in {P} were generous.",
        "The new regulations on {I} were printed, posted and, for the most part, ignored.",
        "There is no evidence that {A} were consulted before the decision was announced.",
        "The accounts for {Y2} show a deficit that nobody in {P} could explain.",
        "Credit was cheap for the landlord and ruinous for the tenant.",
        "On paper the scheme for {I} was admirable; in practice it was starved of money.",
        "The officials who drafted the ordinance of {Y} had never seen {P}.",
        "Such figures must be treated with caution, for they were collected by {A}.",
        "The quarrel between {A} and {A2} was as much about pride as about money.",
        "Several of the older men in {P} could still recall the famine of their childhood.",
        "The inspectors reported that the granaries of {P} were half empty by midsummer.",
        "A bridge over the river at {P} would have halved the cost of carriage.",
        "The committee on {I} recommended an inquiry, which is what committees usually recommend.",
        "Whether {X} could survive the loss of its founders was an open question.",
        "The gap between the wealthiest and the poorest households in {P} widened steadily.",
        "A surprising number of {A} kept their savings in silver rather than in the banks.",
        "The debate in the assembly turned on a single clause about {I}.",
        "In {P} the reform of {I} was welcomed by the young and resisted by the old.",
        "Our own estimate, which is rough, puts the loss at one year's revenue.",
        "The schools of {P} were crowded, cold, and short of books.",
        "Every attempt to fix the price of rice by decree ended in smuggling.",
        "The weight of the evidence favours a more cautious reading of {I}.",
        "It is worth asking why {A} tolerated the arrangement for so long.",
        "The telegraph reached {P} in {Y}, and the markets changed almost overnight.",
        "Merchants in {P} complained that the currency was both scarce and debased.",
        "The government's reply to the petition of {Y} was courteous and entirely negative.",
        "The lesson drawn in {P} was that {X} begins at home.",
        "Not every innovation in {I} came from above; many were borrowed from neighbours.",
        "The harbour at {P} silted up faster than it could be dredged.",
        "Taxes on salt and tobacco fell heaviest on those least able to pay them.",
        "A later generation of {A} would judge these efforts more kindly.",
        "The minutes of the council record a long and bitter argument about {I}.",
        "When the floods came in {Y2}, the embankments in {P} held for only two days.",
        "It took {NW} years of negotiation to settle the boundary of the new district.",
        "The surveyors measured the fields of {P} with chains borrowed from the railway.",
        "Few of the villagers could read the notices, so the headmen read them aloud.",
        "The price of land near the new station in {P} rose tenfold.",
        "Each report on {I} repeated the recommendations of the one before it.",
        "The returns from the cooperative stores in {P} were modest but reliable.",
        "In the end it was the weather, not the ministry, that decided the outcome.",
    ]
    LEAD_INS = [
        "An economist of an earlier century had put the principle bluntly:",
        "The argument is an old one, and it was stated long ago in these terms:",
        "It is worth recalling a passage that every student of the subject once knew:",
        "The point had been made, in a classic text, as follows:",
    ]
    QUOTES = [  # public domain: Smith (1776), Mill (1859), Bagehot (1873), Lincoln (1861), Mill (1848)
        "It is not from the benevolence of the butcher, the brewer, or the baker, that we expect "
        "our dinner, but from their regard to their own interest. We address ourselves, not to "
        "their humanity but to their self-love, and never talk to them of our own necessities "
        "but of their advantages.",
        "The only purpose for which power can be rightfully exercised over any member of a "
        "civilized community, against his will, is to prevent harm to others. His own good, "
        "either physical or moral, is not a sufficient warrant.",
        "The peculiar essence of our banking system is an unprecedented trust between man and "
        "man; and when that trust is much weakened by hidden causes, a small accident may greatly "
        "hurt it, and a great accident for a moment may almost destroy it.",
        "Labor is prior to, and independent of, capital. Capital is only the fruit of labor, and "
        "could never have existed if labor had not first existed. Labor is the superior of "
        "capital, and deserves much the higher consideration.",
        "It is only in the backward countries of the world that increased production is still "
        "an important object: in those most advanced, what is economically needed is a better "
        "distribution.",
    ]
    NOTE_TEMPLATES = [
        "{NAME}, {WORK}, {ORD} edition ({CITY}: {PRESS}, {Y2}), pp. {N}-{N2}.",
        "Evidence of {NAME} before the select committee, {MONTH} {Y}, question {N}.",
        "The figures are taken from the district gazetteer of {Y}; they exclude the hill tracts.",
        "{NAME}, letter to {NAME2}, {MONTH} {Y}, in the archives of the {MINISTRY}.",
        "Compare the somewhat different account in {NAME}, “{ARTICLE},” {JOURNAL} {V} ({Y2}).",
        "I am grateful to {NAME} for allowing me to consult these papers.",
        "{MINISTRY}, Returns for the Year {Y} ({CITY}, {Y2}), appendix {IS}.",
        "On this point the sources disagree; see {NAME}, {WORK} ({CITY}: {PRESS}, {Y}), ch. {IS}.",
    ]
    NAMES = ["Agnes Morrow", "Julius Mbeki", "Lakshmi Iyer", "Cornelius Vos", "Teodora Ruiz",
             "Hamish Crawford", "Nguyen Van Thanh", "Beatrice Kwan", "Oswald Pemberton", "Ilse Richter"]
    WORKS = ["The Village and the Market", "Rice, Rent and Revenue", "A History of Local Credit",
             "The Ledger and the Plough", "Merchants of the Delta", "Famine and the State"]
    ARTICLES = ["The Price of Salt", "Moneylenders and Their Clients", "Roads Before the Railway",
                "The Census as Evidence", "Silver, Paper and Trust"]
    JOURNALS = ["Economic History Notes", "Journal of Agrarian Studies", "Colonial Finance Review",
                "Bulletin of Rural Affairs"]
    MINISTRIES = ["Board of Revenue", "Department of Public Works", "Office of the Registrar",
                  "Famine Commission", "Treasury Department", "Irrigation Board"]
    CITIES = ["Calcutta", "Rangoon", "London", "Batavia", "Colombo", "Saigon", "Edinburgh"]
    PRESSES = ["Clarendon Press", "Longmans", "Oriental Books", "Harbour Street Press"]


def build_round8_volumes() -> list[VolumeSpec]:
    """Four more (``--round8``), made at the start of #11's eighth round before any correction
    rule changed, scored before and after and not looked at while tuning: the prose of
    ``Round8Prose`` (none of the earlier rounds' templates), other seeds, themes, places and
    bylines, all four page layouts."""
    vols = []
    p = Round8Prose(80801, ["the rice trade", "land revenue", "famine relief",
                            "the salt tax", "village credit", "the tenancy laws"],
                    ["Bassein", "the Irrawaddy delta", "Mandalay", "Akyab", "Pegu", "Moulmein"])
    vols.append(VolumeSpec(
        "rice-and-revenue-1958", "Rice, Revenue and the Village", "Lectures Given in 1958",
        "author-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Walter Ashdown"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 3, 1) + section(p, "The Lectures", 2, 1)),
         TextSpec("essay", "THE RICE TRADE AND ITS MASTERS", ["Maung Tin", "Edith Carver"],
                  "The Rice Trade", columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Millers and Brokers", 3, 2, quote=True)
                  + section(p, "The Export Duty", 3, 1) + section(p, "After the War", 2, 1)),
         TextSpec("essay", "RELIEF IN A BAD YEAR", ["Harold Finch"], "Relief in a Bad Year",
                  columns=1, drop_cap=False,
                  body=[Editorial("These lectures are printed as they were delivered, with a few "
                                  "references added.")]
                  + opening(p, 2, 1) + section(p, "The Relief Works", 3, 2)),
         ]))
    p = Round8Prose(80802, ["the harbour dues", "coastal shipping", "the pilgrim traffic",
                            "the coal bunkers", "the quarantine station", "lighthouse finance"],
                    ["Penang", "Chittagong", "Galle", "Malacca", "Cochin", "Trincomalee"])
    vols.append(VolumeSpec(
        "ships-and-harbours-1966", "Ships, Harbours and the Coastal Trade", "",
        "twocolumn-feet",
        [TextSpec("introduction", "INTRODUCTION", ["Rosalind Greaves", "Anand Pillai"], "Introduction",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "The Scope of This Book", 3, 2)),
         TextSpec("essay", "PILGRIMS AND PASSENGERS", ["Farouk Siddiqi"], "Pilgrims and Passengers",
                  columns=2, drop_cap=False,
                  body=opening(p, 2, 2) + section(p, "Fares", 3, 1, quote=True)
                  + section(p, "The Ports", 0)
                  + section(p, "Quarantine", 2, 1, level=2)
                  + section(p, "The Lighthouses", 2, 1, level=2)),
         ]))
    p = Round8Prose(80803, ["the cooperative societies", "rural indebtedness", "the sale of land",
                            "crop loans", "the registration of deeds", "the usury laws"],
                    ["Mysore", "the Konkan", "Dharwar", "Bellary", "Coimbatore", "Madura"])
    vols.append(VolumeSpec(
        "debt-and-the-land-1962", "Debt and the Land", "Essays in Rural Economics",
        "multicol-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Gwendolyn Parry", "Suresh Menon"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Why Debt Matters", 3, 1)),
         TextSpec("essay", "THE MONEYLENDER'S LEDGER", ["Ignatius Bell"], "The Moneylender's Ledger",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Rates of Interest", 3, 2, quote=True)
                  + section(p, "Mortgages", 3, 2) + section(p, "Remedies", 2, 1)),
         TextSpec("essay", "DEEDS AND DISPUTES", ["Clementine Hart", "Ravi Shankar"], "Deeds and Disputes",
                  columns=1, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "The Registry", 3, 2)
                  + section(p, "The Courts", 2, 1)),
         ]))
    p = Round8Prose(80804, ["the tin dredges", "estate labour", "the rubber market",
                            "the export quotas", "the planters' associations", "the price of tin"],
                    ["Selangor", "Kinta", "Negri Sembilan", "Pahang", "Kedah", "Larut"])
    vols.append(VolumeSpec(
        "rubber-and-tin-1954", "Rubber, Tin and the Colonial Treasury", "Papers",
        "multicol-centre",
        [TextSpec("introduction", "INTRODUCTION", ["Archibald Moir"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 3, 1) + section(p, "The Papers", 2, 1)),
         TextSpec("essay", "QUOTAS AND PRICES", ["Lim Boon Keng", "Dorothy Vance"], "Quotas and Prices",
                  columns=2, drop_cap=False,
                  body=[Editorial("Editor's note: the author's tables are summarised in the text; "
                                  "the originals are in the library of the association.")]
                  + opening(p, 2, 1) + section(p, "The Quotas", 3, 2, quote=True)
                  + section(p, "Smuggling", 3, 2)),
         TextSpec("essay", "LABOUR ON THE ESTATES", ["Kumar Rajan"], "Labour on the Estates",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Recruitment", 3, 1)
                  + section(p, "Wages", 2, 1)),
         ]))
    return vols


def main(argv: list[str] | None = None, *, build=None, default_out: Path = DEFAULT_OUT) -> int:
    """Generate the volumes ``build()`` defines (default: these six) into ``--out``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--round6" in argv:  # #11 round 6's held-out set: /tmp/heldout-corr-r6
        argv.remove("--round6")
        build, default_out = build_round6_volumes, ROUND6_OUT
    if "--round7" in argv:  # #11 round 7's held-out set: /tmp/heldout-corr-r7
        argv.remove("--round7")
        build, default_out = build_round7_volumes, ROUND7_OUT
    if "--round8" in argv:  # #11 round 8's held-out set: /tmp/heldout-corr-r8
        argv.remove("--round8")
        build, default_out = build_round8_volumes, ROUND8_OUT
    out = default_out
    if "--out" in argv:
        k = argv.index("--out")
        out = Path(argv[k + 1])
        del argv[k:k + 2]
    out.mkdir(parents=True, exist_ok=True)
    make_corpus.OUT, make_corpus.ROOT = out, out.parent  # where the volumes go
    make_corpus.build_volumes = build or build_volumes
    return make_corpus.main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
