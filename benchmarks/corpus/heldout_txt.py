"""Three more held-out volumes, made before the plain-text footnote work of issue #9.

    python benchmarks/corpus/heldout_txt.py [--fresh | --round6 | --round7 | --round8 | --round9] [--out DIR] [--only SLUG ...]
    python benchmarks/structure_benchmark.py --corpus DIR --format txt

The six volumes of ``heldout.py`` have been looked at while tuning rules, so
their scores are no longer quite held out. These three were written (other
seeds, themes, places, titles, bylines and structures: more footnotes, a
section of sub-sections only, a four-section essay, three layouts) and
generated before any rule of that session changed, scored before and after,
and not looked at while changing a rule. As with ``heldout.py`` they are
never committed; when one has been looked at, make a new one rather than
keeping score on it. Same tools as ``make_corpus.py``.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import heldout
from make_corpus import Editorial, Prose, TextSpec, VolumeSpec, opening, section

DEFAULT_OUT = Path("/tmp/heldout-txt-new")
FRESH_OUT = Path("/tmp/heldout-txt-fresh")
ROUND6_OUT = Path("/tmp/heldout-txt-r6")
ROUND7_OUT = Path("/tmp/heldout-txt-r7")
ROUND8_OUT = Path("/tmp/heldout-txt-r8")
ROUND9_OUT = Path("/tmp/heldout-txt-r9")
TUNING9_OUT = Path("/tmp/heldout-txt-t9")
TUNING9B_OUT = Path("/tmp/heldout-txt-t9b")


def build_volumes() -> list[VolumeSpec]:
    vols = []
    p = Prose(4141, ["fisheries management", "the cost of patrol boats", "reef protection",
                     "coastal tourism", "maritime boundaries", "the licensing of trawlers"],
              ["the Sulu Sea", "Palau", "the Banda Sea", "Okinawa", "Fiji", "the Gulf of Tonkin"])
    vols.append(VolumeSpec(
        "reefs-and-fleets-1991", "Reefs, Fleets and the Regional Commons", "A Colloquium, 1991",
        "multicol-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Agnes Whitley", "Hamid Farouk"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 3, 2) + section(p, "The Colloquium", 2, 1)),
         TextSpec("essay", "PATROLLING THE SEA:\nENFORCEMENT AND ITS COSTS", ["Bao Tran"],
                  "Patrolling the Sea", columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Boats and Budgets", 3, 2)
                  + section(p, "Sharing the Burden", 3, 2, quote=True)
                  + section(p, "Courts at Sea", 2, 1) + section(p, "Conclusions", 2, 1)),
         TextSpec("essay", "THE TRAWLER LICENCE", ["Ewa Nowak", "Ian Fraser", "Kenta Ishii"],
                  "The Trawler Licence", columns=1, drop_cap=False,
                  body=opening(p, 2, 1) + section(p, "Quotas", 3, 2)
                  + section(p, "Open Access", 2, 2)),
         ]))
    p = Prose(5252, ["public health", "the price of medicines", "hospital finance",
                     "vaccination campaigns", "the training of nurses", "rural clinics"],
              ["Mindoro", "Sabah", "Chittagong", "the Irrawaddy delta", "Cebu", "Timor"])
    vols.append(VolumeSpec(
        "clinics-and-costs-2001", "Clinics, Costs and the Public Purse", "",
        "twocolumn-feet",
        [TextSpec("introduction", "INTRODUCTION", ["Clara Jensen"], "Introduction",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "What Was Asked", 3, 2)),
         TextSpec("essay", "MEDICINES AND MARKETS", ["Joseph Otieno", "Lin Mei"],
                  "Medicines and Markets", columns=2, drop_cap=False,
                  body=[Editorial("This paper was circulated to the participants in advance "
                                  "and is printed with the changes they suggested.")]
                  + opening(p, 2, 2) + section(p, "Prices", 3, 2)
                  + section(p, "Patents and Generics", 0)
                  + section(p, "In the Cities", 2, 1, level=2)
                  + section(p, "In the Provinces", 2, 2, level=2)),
         TextSpec("essay", "THE NURSE SHORTAGE", ["Rosa Delgado"], "The Nurse Shortage",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Training", 3, 2, quote=True)
                  + section(p, "Migration", 3, 2) + section(p, "Retention", 2, 1)),
         ]))
    p = Prose(6363, ["school enrollment", "teacher salaries", "textbook supply",
                     "vocational training", "university autonomy", "examination reform"],
              ["Bohol", "Kerala", "the Shan hills", "Sarawak", "Hue", "Mandalay"])
    vols.append(VolumeSpec(
        "schools-and-states-1995", "Schools and States in Southeast Asia", "Proceedings of a Workshop",
        "multicol-centre",
        [TextSpec("introduction", "INTRODUCTION", ["Martin Aldous", "Priya Raman"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Why Schools", 3, 2)),
         TextSpec("essay", "WHO PAYS THE TEACHER?", ["Grace Mwangi"], "Who Pays the Teacher?",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Salaries", 3, 2, quote=True)
                  + section(p, "Transfers", 3, 2) + section(p, "A Proposal", 2, 1)),
         TextSpec("essay", "EXAMINATIONS AND THEIR CRITICS", ["Hugo Lambert", "Yuna Cho"],
                  "Examinations", columns=1, drop_cap=False,
                  body=[Editorial("Editor's note: the authors presented this paper at the "
                                  "closing session; the tables have been omitted.")]
                  + opening(p, 2, 1) + section(p, "The Old System", 3, 2)
                  + section(p, "The Reform", 2, 2)),
         ]))
    return vols


def build_fresh_volumes() -> list[VolumeSpec]:
    """Three more (``--fresh``), made at the start of the third round of #9 before any rule
    changed, scored before and after and not looked at: other seeds, themes, bylines, a section
    of sub-sections only in a one-column text, editorial notes in two layouts."""
    vols = []
    p = Prose(7474, ["monsoon forecasting", "the cost of sea walls", "crop insurance",
                     "typhoon shelters", "coastal erosion", "the drainage of lowlands"],
              ["Bangladesh", "Samar", "the Pearl River delta", "Java", "Leyte", "Guam"])
    vols.append(VolumeSpec(
        "storms-and-harvests-1999", "Storms, Harvests and Public Risk", "Papers of a Conference",
        "twocolumn-feet",
        [TextSpec("introduction", "INTRODUCTION", ["Olga Petrova", "Samuel Adeyemi"], "Introduction",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "The Conference", 3, 2)),
         TextSpec("essay", "INSURING THE HARVEST", ["Diego Ramirez"], "Insuring the Harvest",
                  columns=2, drop_cap=False,
                  body=opening(p, 2, 2) + section(p, "Premiums", 3, 2, quote=True)
                  + section(p, "Claims and Payments", 3, 2) + section(p, "Reform", 2, 1)),
         TextSpec("essay", "WALLS AGAINST THE SEA", ["Mei Ling Tan", "Jonas Berg"],
                  "Walls Against the Sea", columns=2, drop_cap=True,
                  body=[Editorial("This paper was read at the conference's last session and "
                                  "is printed with a few corrections.")]
                  + opening(p, 2, 1) + section(p, "Engineering", 3, 2)
                  + section(p, "Who Pays?", 2, 1)),
         ]))
    p = Prose(8585, ["labor migration", "remittances", "the recruitment of seamen",
                     "domestic workers", "visa regimes", "the return of migrants"],
              ["Kerala", "the Visayas", "Nepal", "Sri Lanka", "Sabah", "Ilocos"])
    vols.append(VolumeSpec(
        "migrants-and-money-2003", "Migrants, Money and the Sending State", "Essays from a Workshop",
        "multicol-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Teresa Lim"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 3, 2) + section(p, "Questions for the Workshop", 2, 1)),
         TextSpec("essay", "SENDING MONEY HOME:\nREMITTANCES AND THE VILLAGE", ["Arjun Nair", "Keiko Sato"],
                  "Sending Money Home", columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Channels", 3, 2, quote=True)
                  + section(p, "Spending", 3, 2) + section(p, "Savings", 2, 1)),
         TextSpec("essay", "THE SEAMEN'S CONTRACT", ["Paul Mercier"], "The Seamen's Contract",
                  columns=1, drop_cap=False,
                  body=opening(p, 2, 1) + section(p, "Agencies", 0)
                  + section(p, "Licensed Agencies", 3, 2, level=2)
                  + section(p, "Unlicensed Agencies", 2, 1, level=2)),
         ]))
    p = Prose(9696, ["urban housing", "rent control", "squatter settlements",
                     "the price of land", "public transport", "municipal finance"],
              ["Jakarta", "Quezon City", "Dhaka", "Ho Chi Minh City", "Rangoon", "Penang"])
    vols.append(VolumeSpec(
        "cities-and-tenants-1992", "Cities, Tenants and the Law", "",
        "multicol-centre",
        [TextSpec("introduction", "INTRODUCTION", ["Fatima Hassan", "George Miller"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Why Housing", 3, 1)),
         TextSpec("essay", "RENT AND ITS CONTROL", ["Nguyen Thi Hoa"], "Rent and Its Control",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Early Laws", 3, 2, quote=True)
                  + section(p, "Evictions", 3, 2) + section(p, "Outcomes", 2, 1)),
         TextSpec("essay", "LAND FOR THE POOR", ["Carlos Reyes", "Anna Kowalski"], "Land for the Poor",
                  columns=1, drop_cap=False,
                  body=[Editorial("Editor's note: the second author revised this paper after "
                                  "the meeting; the maps have been left out.")]
                  + opening(p, 2, 2) + section(p, "Titles", 3, 2)
                  + section(p, "Settlements", 2, 1)),
         ]))
    return vols


def build_round6_volumes() -> list[VolumeSpec]:
    """Three more (``--round6``), made at the start of round 6 of #9 before any rule changed,
    scored at the start and at the end and not looked at (only the means and the audit's
    --summary): other seeds, themes and places; bylines with initials and hyphens; a new layout
    (``author-heads``: the authors' surnames as the verso running head, in small capitals);
    more notes per section, a one-column text in a two-column volume, a two-line title in the
    centred layout."""
    vols = []
    p = Prose(17281, ["forest concessions", "the price of timber", "illegal logging",
                      "watershed protection", "community forestry", "the replanting of slopes"],
              ["Kalimantan", "Mindanao", "the Chittagong hills", "Sarawak", "Negros", "Papua"])
    vols.append(VolumeSpec(
        "timber-and-tenure-1996", "Timber, Tenure and the Upland Poor", "Papers of a Seminar",
        "author-heads",
        [TextSpec("introduction", "INTRODUCTION", ["J. K. Mensah", "Lucia Ferrante"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "The Seminar and Its Papers", 3, 2)),
         TextSpec("essay", "CONCESSIONS AND THEIR CRITICS", ["Anne-Marie Dubois"],
                  "Concessions and Their Critics", columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "The Terms of a Lease", 3, 3, quote=True)
                  + section(p, "Royalties", 3, 2) + section(p, "Enforcement", 2, 2)),
         TextSpec("essay", "VILLAGE FORESTS", ["R. S. Iyer", "Pham Van Duc"], "Village Forests",
                  columns=1, drop_cap=False,
                  body=[Editorial("This paper was prepared for the seminar's second day and "
                                  "is printed as it was read.")]
                  + opening(p, 2, 1) + section(p, "Rights of Use", 3, 2)
                  + section(p, "Replanting", 2, 2)),
         ]))
    p = Prose(18397, ["inland shipping", "the cost of canals", "ferry safety",
                      "the dredging of channels", "port fees", "river tolls"],
              ["the Chao Phraya", "the Red River delta", "Bengal", "Mekong towns", "Hubei", "Luzon"])
    vols.append(VolumeSpec(
        "canals-and-commerce-1988", "Canals, Commerce and the River State", "",
        "twocolumn-feet",
        [TextSpec("introduction", "INTRODUCTION", ["Margaret O'Neill"], "Introduction",
                  columns=1, drop_cap=False,
                  body=opening(p, 3, 2) + section(p, "Waterways in History", 2, 2)),
         TextSpec("essay", "TOLLS ON THE RIVER", ["Hans-Peter Vogel", "Amina Yusuf"], "Tolls on the River",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Who Collects", 3, 3)
                  + section(p, "Rates and Exemptions", 3, 2, quote=True)
                  + section(p, "Smuggling", 2, 1)),
         TextSpec("essay", "SAFE FERRIES", ["T. W. Okonkwo"], "Safe Ferries",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Accidents", 0)
                  + section(p, "On the Rivers", 3, 2, level=2)
                  + section(p, "At Sea", 2, 2, level=2)),
         ]))
    p = Prose(19403, ["pension reform", "the cost of old age", "civil service pensions",
                      "provident funds", "family support", "the retirement age"],
              ["Singapore", "Thailand", "Malaysia", "the Philippines", "Korea", "Java"])
    vols.append(VolumeSpec(
        "pensions-and-promises-2006", "Pensions, Promises and the Ageing State",
        "Essays from a Round Table", "multicol-centre",
        [TextSpec("introduction", "INTRODUCTION", ["Sofia Lindqvist", "Kwame Boateng", "Li Na"],
                  "Introduction", columns=1, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Why Pensions Now", 3, 2)),
         TextSpec("essay", "THE PROVIDENT FUND:\nSAVING BY LAW", ["Jean-Luc Martin"],
                  "The Provident Fund", columns=2, drop_cap=False,
                  body=[Editorial("Editor's note: the author revised this paper in the year "
                                  "after the round table; two tables have been dropped.")]
                  + opening(p, 2, 2) + section(p, "Contributions", 3, 3)
                  + section(p, "Withdrawals", 3, 2, quote=True) + section(p, "Returns", 2, 1)),
         TextSpec("essay", "RETIRING LATER", ["M. A. Rahman", "Ellen Sorensen"], "Retiring Later",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "The Age Question", 3, 2)
                  + section(p, "Work After Sixty", 2, 2)),
         ]))
    return vols


def build_round7_volumes() -> list[VolumeSpec]:
    """Three more (``--round7``), made at the start of round 7 of #9 before any rule changed,
    scored at the start and at the end and not looked at (only the means and the audit's
    --summary): other seeds, themes and places; bylines with particles, a Mc and three authors
    with initials; a fifth layout (``title-heads``: italic running heads with no page number, the
    number alone centred at the foot); three notes in a three-paragraph section, a two-column
    introduction in the small-capitals layout, a question for a title."""
    vols = []
    p = Prose(27113, ["mangrove clearing", "the cost of fish ponds", "shrimp exports",
                      "coastal villages", "the leasing of foreshore", "storm surges"],
              ["Aceh", "the Mekong mouths", "Zamboanga", "Tamil Nadu", "Kampot", "Sulawesi"])
    vols.append(VolumeSpec(
        "mangroves-and-markets-1990", "Mangroves, Markets and the Coastal Poor", "A Symposium",
        "title-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Maria de la Cruz", "Owen Pritchard"],
                  "Introduction", columns=1, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "The Symposium", 3, 2)),
         TextSpec("essay", "PONDS FOR EXPORT:\nTHE SHRIMP BOOM AND ITS COSTS", ["Siobhan McCarthy"],
                  "Ponds for Export", columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Prices and Yields", 3, 3)
                  + section(p, "Who Owns the Shore?", 3, 2, quote=True)
                  + section(p, "Remedies", 2, 1)),
         TextSpec("essay", "THE FORESHORE LEASE", ["D. H. Kowalczyk", "Aung Min Thu"],
                  "The Foreshore Lease", columns=1, drop_cap=False,
                  body=[Editorial("This essay was written after the symposium at the editors' "
                                  "request and was not discussed there.")]
                  + opening(p, 2, 1) + section(p, "Terms", 3, 2)
                  + section(p, "Renewals", 2, 2)),
         ]))
    p = Prose(28229, ["grain reserves", "the price of rice", "food subsidies",
                      "famine relief", "the storage of harvests", "market towns"],
              ["Bihar", "the Deccan", "Yunnan", "Isan", "Panay", "the Tonle Sap"])
    vols.append(VolumeSpec(
        "granaries-and-governments-1985", "Granaries and Governments", "Papers of a Meeting",
        "author-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Ruth Abernathy", "Tomasz Zielinski"],
                  "Introduction", columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "What the Meeting Asked", 3, 2)),
         TextSpec("essay", "WHO HOLDS THE RICE?", ["Ananya Bose"], "Who Holds the Rice?",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Public Stocks", 3, 3, quote=True)
                  + section(p, "Private Traders", 3, 2) + section(p, "Releases", 2, 1)),
         TextSpec("essay", "SUBSIDIES AND THEIR LIMITS", ["K. L. Ng", "B. T. Osei", "F. M. Ruiz"],
                  "Subsidies and Their Limits", columns=1, drop_cap=False,
                  body=opening(p, 2, 2) + section(p, "The Ration Card", 0)
                  + section(p, "In the Towns", 3, 2, level=2)
                  + section(p, "In the Villages", 2, 1, level=2)),
         ]))
    p = Prose(29347, ["mine safety", "the cost of tailings dams", "mineral royalties",
                      "small-scale mining", "the closure of pits", "mining towns"],
              ["Bougainville", "Benguet", "Bangka", "the Shan plateau", "Surigao", "Kalgoorlie"])
    vols.append(VolumeSpec(
        "mines-and-ministries-2002", "Mines, Ministries and the Public Interest",
        "Essays from a Workshop, 2002", "multicol-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Beatrix Holm"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 3, 2) + section(p, "A Workshop on Mining", 2, 1)),
         TextSpec("essay", "ROYALTIES AND REVENUE", ["Victor Almeida", "Hye-jin Park"],
                  "Royalties and Revenue", columns=2, drop_cap=False,
                  body=[Editorial("Editor's note: an earlier version of this paper was read at "
                                  "the workshop; the appendix has been omitted.")]
                  + opening(p, 2, 2) + section(p, "Rates", 3, 3)
                  + section(p, "Collection", 3, 2, quote=True) + section(p, "Disputes", 2, 1)),
         TextSpec("essay", "CLOSING THE PITS", ["Eamon Doyle"], "Closing the Pits",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Dams and Tailings", 3, 2)
                  + section(p, "After the Mine", 3, 2) + section(p, "Towns", 2, 1)),
         ]))
    return vols


def build_round8_volumes() -> list[VolumeSpec]:
    """Three more (``--round8``), made at the start of session 8 (footnote anchors, #9 and #10)
    before any rule changed, scored at the start and at the end and not looked at (only the means
    and the audit's --summary): other seeds, themes and places; layouts combined in ways no
    earlier set has (``title-heads`` over two-column essays with four notes in a section, a
    one-column introduction with a note in every paragraph under running feet, ``author-heads``
    with a three-line title and a section of sub-sections only); bylines of four authors and a
    name with an apostrophe."""
    vols = []
    p = Prose(31337, ["lighthouse dues", "the cost of buoys", "harbour pilots",
                      "the charting of reefs", "coastal radio", "salvage rights"],
              ["the Torres Strait", "Batangas", "the Riau islands", "Trincomalee", "Sandakan", "Hainan"])
    vols.append(VolumeSpec(
        "lights-and-charts-1986", "Lights, Charts and Safe Passage", "Papers of a Conference, 1986",
        "title-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Ingeborg Sand", "Rafael Quispe"],
                  "Introduction", columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "The Conference and Its Papers", 3, 3)),
         TextSpec("essay", "CHARTING THE REEFS", ["Niamh O'Sullivan"], "Charting the Reefs",
                  columns=2, drop_cap=False,
                  body=opening(p, 2, 2) + section(p, "Old Surveys", 4, 4)
                  + section(p, "New Soundings", 3, 2, quote=True) + section(p, "Errors", 2, 2)),
         TextSpec("essay", "WHO PAYS FOR THE LIGHT?", ["Chidi Eze", "Marta Sokol", "Ren Tanaka",
                                                      "Aroha Ngata"],
                  "Who Pays for the Light?", columns=1, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Dues", 3, 3) + section(p, "Exemptions", 2, 1)),
         ]))
    p = Prose(32441, ["groundwater rights", "the price of pumps", "well drilling",
                      "aquifer depletion", "village water boards", "the metering of wells"],
              ["Rajasthan", "the Central Plain", "Nusa Tenggara", "Balochistan", "Ilocos", "Shandong"])
    vols.append(VolumeSpec(
        "pumps-and-aquifers-1999", "Pumps, Aquifers and the Village", "",
        "twocolumn-feet",
        [TextSpec("introduction", "INTRODUCTION", ["Deborah Kestrel"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 3, 3) + section(p, "Why Groundwater", 3, 3)),
         TextSpec("essay", "METERS AND THEIR ENEMIES", ["Anil Kapoor", "Jette Madsen"],
                  "Meters and Their Enemies", columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Installing Meters", 3, 3, quote=True)
                  + section(p, "Reading Them", 2, 2) + section(p, "Tampering", 2, 1, level=2)),
         TextSpec("essay", "THE WATER BOARD", ["L. M. Achterberg"], "The Water Board",
                  columns=2, drop_cap=False,
                  body=[Editorial("This paper was written for the volume and was not read at "
                                  "the meeting; the survey it reports ended the year before.")]
                  + opening(p, 2, 2) + section(p, "Members", 3, 2) + section(p, "Fees", 2, 2)),
         ]))
    p = Prose(33547, ["silk weaving", "the price of yarn", "handloom cooperatives",
                      "dye works", "export quotas", "the training of weavers"],
              ["Varanasi", "Khon Kaen", "Kelantan", "Mandalay", "Cebu", "Surakarta"])
    vols.append(VolumeSpec(
        "looms-and-ledgers-1993", "Looms, Ledgers and the Weaving Town", "Essays from a Seminar",
        "author-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Hedda Lund", "Kwabena Owusu"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "The Seminar", 3, 2)),
         TextSpec("essay", "YARN, DYE\nAND THE MIDDLEMAN:\nTHE COST OF A SARONG", ["Sita Ramaswamy"],
                  "Yarn, Dye and the Middleman", columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Inputs", 0)
                  + section(p, "Yarn", 3, 3, level=2) + section(p, "Dyes", 2, 2, level=2)
                  + section(p, "Selling", 3, 2, quote=True)),
         TextSpec("essay", "THE COOPERATIVE LOOM", ["J. P. Fonseca", "Mai Thi Lan"],
                  "The Cooperative Loom", columns=1, drop_cap=False,
                  body=[Editorial("Editor's note: the authors revised this essay after the "
                                  "seminar; the appendix of prices is not printed.")]
                  + opening(p, 2, 2) + section(p, "Shares", 3, 3) + section(p, "Profits", 2, 1)),
         ]))
    return vols


class Round9Prose(heldout.Round8Prose):
    """Prose for round 9 of the footnote-anchor work (session 9, anch9, 2026-12-02), written
    for it and given to the public domain: round 8's openers and body sentences with a dozen
    new ones, and new actors, names, works, notes and block quotations (public-domain classics:
    Ricardo 1817, Malthus 1798, Jevons 1865, Say 1803 in Prinsep's 1821 translation, Marshall
    1890), so that a rule tuned on earlier rounds meets notes and words it has not seen. Notes
    open in ways none of the earlier banks' do (a year, "Ibid.", a quotation, a long gloss)."""

    ACTORS = ["the irrigation engineers", "the tea brokers", "the provincial treasury",
              "ferrymen", "the boards of health", "cattle dealers", "the land surveyors",
              "the cotton ginners", "municipal clerks", "the shipping agents", "village schoolmasters",
              "the forest officers", "the salt merchants", "the district magistrates"]
    ADJ = ["gradual", "uneven", "marked", "sharp", "scanty", "durable", "sudden", "hesitant",
           "considerable", "questionable", "timely", "wasteful"]
    ABSTRACT = ["frugality", "solidarity", "public credit", "self-help", "oversight", "probity",
                "forethought", "local custom", "free trade", "common ownership"]
    YEARS = [str(y) for y in range(1921, 1947)]
    OPENERS = heldout.Round8Prose.OPENERS + [
        "Long before the first ordinance on {I}, {A} had settled their own rules for it.",
        "The papers of {NAME} tell us more about {P} than any official report.",
        "Three features of {I} deserve attention before the figures are examined.",
        "In the hot season of {Y}, {A} in {P} stopped work for eleven days.",
        "Historians of {P} have been unkind to {A}, and not always fairly.",
        "What follows is an attempt to reckon the cost of {I} to the ordinary household.",
    ]
    SENTENCES = heldout.Round8Prose.SENTENCES + [
        "The district officer wrote that {A} paid their dues in grain rather than in coin.",
        "Most of the wells dug in {P} after {Y} were dry within a decade.",
        "The returns for {Y2} were lost in a fire, and the estimates that replaced them are guesses.",
        "A single bad season in {P} could undo the savings of twenty years.",
        "The reformers underestimated how much {A} depended on the old arrangement.",
        "It was said in {P} that the new tax on {I} was collected twice and spent once.",
        "Nothing in the records suggests that {X} was ever discussed in the council.",
        "The market at {P} was held on the river bank, and moved whenever the river did.",
        "The men who ran {I} were seldom trained for it and often paid late.",
        "Whether the change helped {A} depends on which year one chooses to compare.",
        "The cost of carriage from {P} fell by half once the light railway opened.",
        "The petition was signed by {N} householders, most of them with a thumbprint.",
    ]
    LEAD_INS = [
        "The classical economists had already seen the difficulty, and one of them wrote:",
        "A passage from an old treatise states the case better than we can:",
        "The principle at stake was set out more than a century earlier:",
        "An older writer, whose words are still worth reading, put it thus:",
    ]
    QUOTES = [  # public domain: Ricardo (1817), Malthus (1798), Jevons (1865), Say (1803/1821), Marshall (1890)
        "The produce of the earth, all that is derived from its surface by the united application "
        "of labour, machinery, and capital, is divided among three classes of the community; "
        "namely, the proprietor of the land, the owner of the stock or capital necessary for its "
        "cultivation, and the labourers by whose industry it is cultivated.",
        "The power of population is indefinitely greater than the power in the earth to produce "
        "subsistence for man. Population, when unchecked, increases in a geometrical ratio. "
        "Subsistence increases only in an arithmetical ratio.",
        "It is wholly a confusion of ideas to suppose that the economical use of fuel is "
        "equivalent to a diminished consumption. The very contrary is the truth.",
        "It is worth while to remark, that a product is no sooner created, than it, from that "
        "instant, affords a market for other products to the full extent of its own value.",
        "Political economy or economics is a study of mankind in the ordinary business of life; "
        "it examines that part of individual and social action which is most closely connected "
        "with the attainment and with the use of the material requisites of wellbeing.",
    ]
    NOTE_TEMPLATES = [
        "Ibid., pp. {N}-{N2}; the same figures are given, without a source, in {WORK}.",
        "{Y}, the year of the second survey, is the first for which the returns of {P} survive.",
        "“The accounts were never balanced,” wrote {NAME} in {Y}; see {WORK} ({CITY}, {Y2}), {N}.",
        "{NAME}, {WORK}, vol. {IS} ({CITY}: {PRESS}, {Y}), {N}.",
        "Minutes of the {MINISTRY}, {MONTH} {Y}, item {V}.",
        "The term is used here in its older sense, for the whole of what a household owed.",
        "A fuller account will appear in {NAME}, “{ARTICLE},” {JOURNAL} {V} ({Y2}).",
        "Not all of the villages of {P} were surveyed; the totals are therefore too low.",
        "Cf. {NAME2}, {WORK} ({CITY}: {PRESS}, {Y2}), ch. {IS}, where a lower estimate is preferred.",
    ]
    NAMES = ["Winifred Lacey", "Obafemi Adeyemi", "Kamala Nair", "Pieter de Graaf", "Consuelo Ibarra",
             "Duncan MacLeod", "Tran Thi Hoa", "Evelyn Chu", "Reginald Ashworth", "Greta Lindqvist"]
    WORKS = ["The Canal and the Village", "Tea, Tax and Tenure", "A Century of Local Finance",
             "The Broker's Book", "Cotton and the Coast", "Water and the State"]
    ARTICLES = ["The Cost of a Well", "Brokers and Growers", "Tracks Before the Road",
                "The Survey as Evidence", "Coin, Grain and Credit"]
    JOURNALS = ["Agrarian History Papers", "Journal of Provincial Studies", "Imperial Revenue Review",
                "Bulletin of Irrigation History"]
    MINISTRIES = ["Revenue Board", "Public Health Department", "Survey Office",
                  "Irrigation Commission", "Finance Department", "Forest Board"]
    CITIES = ["Madras", "Mandalay", "Bristol", "Surabaya", "Kandy", "Hue", "Glasgow"]
    PRESSES = ["Provincial Press", "Blackwood", "Eastern Book Company", "Quayside Press"]


def build_round9_volumes(seed_offset: int = 0, layouts: dict[str, str] | None = None
                         ) -> list[VolumeSpec]:
    """Three more (``--round9``), made at the start of session 9 (footnote anchors in degraded and
    plain-text OCR, #9 and #10, branch anch9) before any rule changed, scored at the start and
    at the end and not looked at: ``Round9Prose`` (new notes, words and quotations), other
    seeds, themes and places; layouts combined in ways no earlier set has (``multicol-heads``
    over a two-column introduction with a note in every paragraph, ``author-heads`` over
    two-column essays with five notes in one section, running feet over a one-column essay
    with sub-sections only); bylines of three authors and a name with a particle.

    ``seed_offset`` and ``layouts`` (a layout for each layout) make the tuning look-alike of
    ``--tuning9``: the same kinds of text in other prose and other page layouts, so that the
    round-9 prose's notes can be looked into without looking at the held-out three."""
    vols = []
    _seed = seed_offset
    p = Round9Prose(90901 + _seed, ["canal irrigation", "the water rate", "silting of channels",
                            "the canal colonies", "tail-end villages", "the distribution of water"],
                    ["the Punjab", "Sind", "the Godavari delta", "Lyallpur", "Montgomery", "Multan"])
    vols.append(VolumeSpec(
        "canals-and-colonies-1931", "Canals, Colonies and the Water Rate", "Papers Read in 1931",
        "multicol-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Beatrix Holloway", "Gurdial Singh"],
                  "Introduction", columns=2, drop_cap=True,
                  body=opening(p, 3, 3) + section(p, "The Papers and the Canals", 3, 3)),
         TextSpec("essay", "THE TAIL OF THE CHANNEL", ["Pieter van der Berg"], "The Tail of the Channel",
                  columns=2, drop_cap=False,
                  body=opening(p, 2, 1) + section(p, "Silt", 5, 5)
                  + section(p, "Rotations", 3, 2, quote=True)),
         TextSpec("essay", "WHO SETS THE RATE?", ["Nasreen Qureshi", "Owen Pritchard", "Ama Mensah"],
                  "Who Sets the Rate?", columns=1, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Assessment", 3, 2) + section(p, "Remissions", 2, 1)),
         ]))
    p = Round9Prose(91913 + _seed, ["tea gardens", "the price of tea", "plantation labour",
                            "the tea auctions", "garden hospitals", "the tea cess"],
                    ["Assam", "the Dooars", "Darjeeling", "Uva", "Dimbula", "Cachar"])
    vols.append(VolumeSpec(
        "gardens-and-auctions-1938", "Gardens, Auctions and the Tea Cess", "Essays",
        "author-heads",
        [TextSpec("introduction", "INTRODUCTION", ["Lavinia Stroud"], "Introduction",
                  columns=1, drop_cap=True,
                  body=opening(p, 3, 2) + section(p, "The Essays", 2, 1)),
         TextSpec("essay", "THE AUCTION ROOM", ["Hemanta Barua", "Colin Threlfall"], "The Auction Room",
                  columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Brokers", 5, 5, quote=True)
                  + section(p, "Buyers", 3, 1)),
         TextSpec("essay", "THE GARDEN AND ITS WORKERS", ["Sunita Kaur"], "The Garden and Its Workers",
                  columns=2, drop_cap=False,
                  body=[Editorial("Editor's note: the wage tables of the original paper are "
                                  "summarised in the text.")]
                  + opening(p, 2, 1) + section(p, "Recruitment", 3, 3) + section(p, "Wages", 3, 2)),
         ]))
    p = Round9Prose(92927 + _seed, ["the cotton gins", "the cotton cess", "ginning factories",
                            "the cotton markets", "seed distribution", "the grading of cotton"],
                    ["Berar", "Khandesh", "the Gezira", "Tinnevelly", "Broach", "Akola"])
    vols.append(VolumeSpec(
        "gins-and-markets-1929", "Gins, Markets and the Cotton Cess", "",
        "twocolumn-feet",
        [TextSpec("introduction", "INTRODUCTION", ["Mildred Oakes", "Vasant Deshpande"],
                  "Introduction", columns=2, drop_cap=False,
                  body=opening(p, 2, 2) + section(p, "Why Cotton", 3, 2)),
         TextSpec("essay", "GRADING AND PRICE", ["Abdel Rahman Osman"], "Grading and Price",
                  columns=1, drop_cap=True,
                  body=opening(p, 2, 1) + section(p, "Grades", 0)
                  + section(p, "Staple", 3, 3, level=2)
                  + section(p, "Colour", 2, 2, level=2)
                  + section(p, "Trash", 2, 1, level=2)),
         TextSpec("essay", "THE GINNING FACTORY", ["Dorothea Wilkes", "Ramesh Patil"],
                  "The Ginning Factory", columns=2, drop_cap=True,
                  body=opening(p, 2, 2) + section(p, "Owners", 3, 2, quote=True)
                  + section(p, "Pools", 3, 3)),
         ]))
    if seed_offset:
        vols = [replace(v, slug=v.slug + "-t", layout=(layouts or {}).get(v.layout, v.layout)) for v in vols]
    return vols


def build_tuning9_volumes() -> list[VolumeSpec]:
    """The tuning look-alike of round 9 (``--tuning9``, /tmp/heldout-txt-t9): other seeds, and
    each volume in another layout."""
    return build_round9_volumes(7, {"multicol-heads": "title-heads", "author-heads": "multicol-centre",
                                    "twocolumn-feet": "author-heads"})


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--tuning9b" in argv:  # round 9's layouts, other seeds: /tmp/heldout-txt-t9b
        argv.remove("--tuning9b")
        return heldout.main(argv, build=lambda: build_round9_volumes(13), default_out=TUNING9B_OUT)
    if "--tuning9" in argv:  # round 9's tuning look-alike: /tmp/heldout-txt-t9
        argv.remove("--tuning9")
        return heldout.main(argv, build=build_tuning9_volumes, default_out=TUNING9_OUT)
    if "--round9" in argv:  # the seventh set: /tmp/heldout-txt-r9 (session 9, anch9)
        argv.remove("--round9")
        return heldout.main(argv, build=build_round9_volumes, default_out=ROUND9_OUT)
    if "--round8" in argv:  # the sixth set: /tmp/heldout-txt-r8 (session 8, anch8)
        argv.remove("--round8")
        return heldout.main(argv, build=build_round8_volumes, default_out=ROUND8_OUT)
    if "--round7" in argv:  # the fifth set: /tmp/heldout-txt-r7
        argv.remove("--round7")
        return heldout.main(argv, build=build_round7_volumes, default_out=ROUND7_OUT)
    if "--round6" in argv:  # the fourth set: /tmp/heldout-txt-r6
        argv.remove("--round6")
        return heldout.main(argv, build=build_round6_volumes, default_out=ROUND6_OUT)
    if "--fresh" in argv:  # the third set: /tmp/heldout-txt-fresh
        argv.remove("--fresh")
        return heldout.main(argv, build=build_fresh_volumes, default_out=FRESH_OUT)
    return heldout.main(argv, build=build_volumes, default_out=DEFAULT_OUT)


if __name__ == "__main__":
    raise SystemExit(main())
