"""Readers of OCR with coordinates (hOCR, ALTO, PAGE XML) and the geometry roles.

Fixtures (fixtures/ocr/xml/, see its README): real Tesseract 5.3 hOCR and
ALTO of three typeset pages, an ALTO v4 written the way ABBYY writes it,
and PAGE XML written the way OCR-D (2019) and Transkribus (2013) write it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from textkit.errors import InputError
from textkit.read import alto, geometry, hocr, page
from textkit.read.geometry import RoleKind
from textkit.read.lines import Box, SourceLine, Word
from textkit.read.order import reading_order

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ocr" / "xml"
TESS_HOCR = FIXTURES / "tesseract-5.3.hocr"
TESS_ALTO = FIXTURES / "tesseract-5.3.alto.xml"
ABBYY_ALTO = FIXTURES / "abbyy-like-v4.alto.xml"
OCRD_PAGE = FIXTURES / "ocrd-2019.page.xml"
TRANSKRIBUS_PAGE = FIXTURES / "transkribus-2013.page.xml"

READERS = {"hocr": hocr, "alto": alto, "page": page}
FILES = [(TESS_HOCR, "hocr"), (TESS_ALTO, "alto"), (ABBYY_ALTO, "alto"), (OCRD_PAGE, "page"),
         (TRANSKRIBUS_PAGE, "page")]


def read(path: Path):
    data = path.read_bytes()
    kind = next(name for name, mod in READERS.items() if mod.sniff(data[:4096]))
    return READERS[kind].read_lines(data, source=path.name)


def texts(lines: list[SourceLine]) -> list[str]:
    return [ln.text for ln in lines]


# ---------------------------------------------------------------- sniffing

@pytest.mark.parametrize(("path", "kind"), FILES, ids=[p.name for p, _ in FILES])
def test_each_file_is_sniffed_by_its_reader_only(path: Path, kind: str) -> None:
    head = path.read_bytes()[:4096]
    assert {name for name, mod in READERS.items() if mod.sniff(head)} == {kind}


@pytest.mark.parametrize("head", [
    b"<?xml version='1.0'?><TEI xmlns='http://www.tei-c.org/ns/1.0'/>",
    b"THE HARBOUR REVIEW\n\nTrade Along the Coast\n",
    b"<html><body><p>a web page, not OCR</p></body></html>",
], ids=["tei", "plain-text", "html"])
def test_other_files_are_sniffed_by_no_reader(head: bytes) -> None:
    assert not any(mod.sniff(head) for mod in READERS.values())


# ------------------------------------------------------------ line model

@pytest.mark.parametrize(("path", "kind"), FILES, ids=[p.name for p, _ in FILES])
def test_every_line_is_its_words_joined_and_inside_its_page(path: Path, kind: str) -> None:
    lines, pages = read(path)
    sizes = {p.number: (p.width, p.height) for p in pages}
    assert lines
    for ln in lines:
        assert ln.text == " ".join(w.text for w in ln.words)
        assert ln.box is not None and ln.size and ln.size > 0
        width, height = sizes[ln.page]
        assert 0 <= ln.box.x0 < ln.box.x1 <= width and 0 <= ln.box.y0 < ln.box.y1 <= height
        assert ln.confidence is None or 0 <= ln.confidence <= 1


def test_tesseract_hocr_pages_lines_and_sizes() -> None:
    lines, pages = read(TESS_HOCR)
    assert [(p.number, p.width, p.height, p.printed) for p in pages] == [
        (1, 1749, 2481, None), (2, 1749, 2481, None), (3, 1749, 2481, None)]
    assert len(lines) == 77
    first = lines[0]
    assert (first.text, first.page, first.box) == ("THE HARBOUR REVIEW", 1, Box(621, 111, 1127, 142))
    assert first.size == pytest.approx(38.666668)            # x_size
    assert first.words[1] == Word("HARBOUR", Box(723, 111, 938, 142), 0.96)   # x_wconf 96
    heading = lines[1]
    assert heading.text == "Trade Along the Coast" and heading.size == 54
    notes = [ln for ln in lines if ln.page == 1][31:33]
    assert [ln.size for ln in notes] == [34, 33]              # 9 pt notes under 41 px body
    # Paragraph breaks are block changes: the second paragraph is a new block.
    historians = next(ln for ln in lines if ln.text.startswith("Historians"))
    before = lines[lines.index(historians) - 1]
    assert before.block != historians.block and before.page == historians.page


def test_tesseract_reads_a_page_number_between_columns_but_the_reader_puts_it_last() -> None:
    raw = TESS_HOCR.read_text(encoding="utf-8")
    # Tesseract's own order on page 3: left column, page number, right column.
    assert raw.index("id='block_3_4'") < raw.index("id='block_3_5'")
    lines, _ = read(TESS_HOCR)
    page3 = [ln.text for ln in lines if ln.page == 3]
    assert page3[0] == "THE HARBOUR REVIEW" and page3[1] == "The Harbour Board"
    assert page3.index("ning aground.") + 1 == page3.index("The merchants answered")
    assert page3[-1] == "43"


def test_lines_tesseract_ran_across_two_columns_are_split_and_read_by_column() -> None:
    from lxml import etree

    path = FIXTURES / "tesseract-5.3-psm6-columns.hocr"
    tree = etree.parse(str(path), etree.XMLParser(load_dtd=False, no_network=True))
    raw = [" ".join("".join(el.itertext()).split())
           for el in tree.iter() if el.get("class") == "ocr_line"]
    assert "The board met every month in ten years while the number of" in raw  # Tesseract's line
    lines, _ = read(path)
    got = texts(lines)
    assert got[:3] == ["THE HARBOUR REVIEW", "The Harbour Board", "The board met every month in"]
    assert got.index("ning aground.") + 1 == got.index("The merchants answered")
    assert got[got.index("The merchants answered") + 1] == "that the fees had doubled in"
    assert got[-2:] == ["the ship.", "43"]
    # Every piece lies in one column, and no word is lost or doubled.
    assert all(ln.box.x1 <= 900 or ln.box.x0 >= 850 for ln in lines[1:])
    assert sorted(" ".join(got).split()) == sorted(" ".join(raw).split())


def test_clean_pages_are_neither_split_nor_joined() -> None:
    from textkit.read.order import join_fragments, split_columns

    lines, _ = read(TESS_HOCR)       # page 3: two columns, lines level across the gutter
    assert split_columns(lines) == lines
    assert join_fragments(lines) == lines


def test_tesseract_alto_reads_as_its_hocr() -> None:
    from_hocr, _ = read(TESS_HOCR)
    from_alto, pages = read(TESS_ALTO)
    assert texts(from_alto) == texts(from_hocr)
    assert [ln.box for ln in from_alto] == [ln.box for ln in from_hocr]
    assert from_alto[0].words[0].confidence == 0.96          # WC
    assert [p.width for p in pages] == [1749] * 3


def test_alto_styles_tags_margins_and_hyphens() -> None:
    lines, pages = read(ABBYY_ALTO)
    assert pages[0].printed == "41"                          # PRINTED_IMG_NR
    assert (lines[0].text, lines[0].region) == ("THE HARBOUR REVIEW", "header")   # TopMargin
    assert (lines[-1].text, lines[-1].region) == ("41", "page-number")  # BottomMargin, tagged
    regions = {ln.text: ln.region for ln in lines}
    assert regions["Trade Along the Coast"] == "heading"      # LayoutTag via TAGREFS
    assert regions["The Grain Trade"] == "heading"
    assert [ln.region for ln in lines[31:33]] == ["footnote", "footnote"]  # StructureTag
    assert regions[lines[5].text] is None                      # untagged body
    # FONTSIZE through STYLEREFS (every line has one, so sizes are points).
    assert {ln.text: ln.size for ln in lines}["Trade Along the Coast"] == 14.4
    assert lines[5].size == 11 and lines[31].size == 9
    # HypPart1 + HYP: the hyphen is kept in the text, the whole word is known.
    expan = next(ln for ln in lines if ln.text.startswith("Historians"))
    assert expan.text.endswith("this expan-") and expan.hyphen_end == "expansion"
    assert [ln.hyphen_end for ln in lines if ln.hyphen_end] == [
        "expansion", "waterfront", "extraordinarily", "government"]
    # The bottom margin comes before the print space in the file, not in the reading.
    assert ABBYY_ALTO.read_text().index("TB_FOLIO") < ABBYY_ALTO.read_text().index('"TB1"')


def test_alto_without_font_sizes_uses_the_words_height() -> None:
    lines, _ = read(TESS_ALTO)
    body = lines[4]                           # "survive in considerable numbers.! ..."
    assert body.box.height == 47              # the line box grows with the superscript
    assert body.size == 33                    # the words' median height does not


def test_ocrd_page_reading_order_types_and_confidences() -> None:
    lines, pages = read(OCRD_PAGE)
    assert pages[0].printed == "41"           # a page-number region's text
    # The footnote region is first in the file; ReadingOrder puts it after the text.
    assert OCRD_PAGE.read_text().index('id="r_note"') < OCRD_PAGE.read_text().index('id="r_head"')
    assert [ln.region for ln in lines[:4]] == ["header", "heading", "drop-capital", "paragraph"]
    assert lines[2].text == "T" and lines[3].text.startswith("HE merchants")
    assert [ln.region for ln in lines[-3:]] == ["footnote", "footnote", "page-number"]
    assert len({ln.block for ln in lines}) == 10
    word = lines[3].words[1]
    assert word.text == "merchants" and word.confidence == 0.94   # Word TextEquiv@conf
    assert lines[3].confidence == pytest.approx(sum(w.confidence for w in lines[3].words)
                                                / len(lines[3].words))


def test_transkribus_page_custom_structure_and_region_text() -> None:
    lines, pages = read(TRANSKRIBUS_PAGE)
    # @type="paragraph" custom="structure {type:heading;}": Transkribus' tag wins.
    assert (lines[1].text, lines[1].region) == ("The Harbour Board", "heading")
    assert (lines[0].region, lines[-1].region, pages[0].printed) == ("header", "page-number", "43")
    # The right column comes before the left one in the file; ReadingOrder fixes it.
    left = texts(lines).index("The board met every month in")
    right = texts(lines).index("The merchants answered")
    assert left < right and texts(lines)[right - 1] == "ning aground."
    # The left column's lines carry no TextEquiv: the region's text is split by line.
    assert texts(lines)[left:left + 2] == ["The board met every month in",
                                           "the old customs house and kept"]
    assert lines[left].box is not None


PAGE_NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"


def page_xml(body: str, *, ns: str = PAGE_NS, width: int = 1000, height: int = 1400) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><PcGts xmlns="{ns}"><Metadata/>'
            f'<Page imageFilename="p.png" imageWidth="{width}" imageHeight="{height}">'
            f"{body}</Page></PcGts>").encode()


def region(rid: str, y: int, lines: str, *, text: str | None = None, kind: str = "paragraph",
           x: int = 100) -> str:
    equiv = f"<TextEquiv><Unicode>{text}</Unicode></TextEquiv>" if text is not None else ""
    return (f'<TextRegion id="{rid}" type="{kind}"><Coords points="{x},{y} {x + 300},{y} '
            f'{x + 300},{y + 100} {x},{y + 100}"/>{lines}{equiv}</TextRegion>')


def text_line(lid: str, y: int, text: str | None, words: str = "", x: int = 100) -> str:
    equiv = f"<TextEquiv conf='0.8'><Unicode>{text}</Unicode></TextEquiv>" if text is not None else ""
    return (f'<TextLine id="{lid}"><Coords points="{x},{y} {x + 300},{y} {x + 300},{y + 30} '
            f'{x},{y + 30}"/>{words}{equiv}</TextLine>')


def word(wid: str, x: int, y: int, text: str, conf: float) -> str:
    return (f'<Word id="{wid}"><Coords points="{x},{y} {x + 50},{y} {x + 50},{y + 30} {x},{y + 30}"/>'
            f'<TextEquiv conf="{conf}"><Unicode>{text}</Unicode></TextEquiv></Word>')


PAGE_TEXT_CASES = [
    # (id, region xml, expected texts, expected confidences)
    ("line-text-wins", region("r", 100, text_line("l", 100, "line reading",
                                                  word("w1", 100, 100, "word", 0.5)), text="region"),
     ["line reading"], [0.8]),
    ("words-when-no-line-text", region("r", 100, text_line("l", 100, None, word("w1", 100, 100, "one", 0.5)
                                                           + word("w2", 160, 100, "two", 0.7))),
     ["one two"], [pytest.approx(0.6)]),
    ("region-text-split-by-newline", region("r", 100, text_line("l1", 100, None)
                                            + text_line("l2", 140, None), text="first\nsecond"),
     ["first", "second"], [None, None]),
    ("region-text-without-lines", region("r", 100, "", text="only\nregion"), ["only", "region"],
     [None, None]),
]


@pytest.mark.parametrize(("body", "expected", "confs"), [c[1:] for c in PAGE_TEXT_CASES],
                         ids=[c[0] for c in PAGE_TEXT_CASES])
def test_page_text_comes_from_line_then_words_then_region(body, expected, confs) -> None:
    lines, _ = page.read_lines(page_xml(body), source="case.xml")
    assert texts(lines) == expected
    assert [ln.confidence for ln in lines] == confs


def test_page_without_reading_order_reads_columns_by_geometry() -> None:
    body = (region("right", 100, text_line("r1", 100, "right column"), x=600)
            + region("left", 100, text_line("l1", 100, "left column"), x=100)
            + region("foot", 1200, text_line("f1", 1200, "foot"), x=400))
    lines, _ = page.read_lines(page_xml(body), source="case.xml")
    assert texts(lines) == ["left column", "right column", "foot"]


def test_page_nested_reading_order_groups_are_flattened_by_index() -> None:
    order = ('<ReadingOrder><OrderedGroup id="g0">'
             '<UnorderedGroupIndexed id="g2" index="2"><RegionRef regionRef="c"/></UnorderedGroupIndexed>'
             '<RegionRefIndexed index="0" regionRef="a"/>'
             '<OrderedGroupIndexed id="g1" index="1" regionRef="b">'
             '<RegionRefIndexed index="1" regionRef="e"/><RegionRefIndexed index="0" regionRef="d"/>'
             '</OrderedGroupIndexed></OrderedGroup></ReadingOrder>')
    body = order + "".join(region(rid, 100 + 120 * k, text_line(f"{rid}1", 100 + 120 * k, rid.upper()))
                           for k, rid in enumerate("edcbaf"))
    lines, _ = page.read_lines(page_xml(body), source="case.xml")
    # f is in no group: it follows, in geometric order.
    assert texts(lines) == ["A", "B", "D", "E", "C", "F"]


def test_page_reading_order_through_a_table_and_a_nested_region() -> None:
    cell = region("cell", 400, text_line("c1", 400, "in the table"))
    inner = region("inner", 200, text_line("i1", 200, "nested"))
    outer = (f'<TextRegion id="outer"><Coords points="100,100 900,100 900,300 100,300"/>'
             f'{text_line("o1", 100, "outer")}{inner}</TextRegion>')
    table = f'<TableRegion id="tab"><Coords points="100,400 900,400 900,500 100,500"/>{cell}</TableRegion>'
    order = ('<ReadingOrder><OrderedGroup id="g"><RegionRefIndexed index="0" regionRef="tab"/>'
             '<RegionRefIndexed index="1" regionRef="outer"/></OrderedGroup></ReadingOrder>')
    lines, _ = page.read_lines(page_xml(order + outer + table), source="case.xml")
    assert texts(lines) == ["in the table", "outer", "nested"]


def test_transkribus_line_structure_type_is_the_line_region() -> None:
    body = ('<TextRegion id="r" type="paragraph"><Coords points="100,100 400,100 400,200 100,200"/>'
            '<TextLine id="l1" custom="readingOrder {index:0;} structure {type:heading;}">'
            '<Coords points="100,100 400,100 400,130 100,130"/>'
            '<TextEquiv><Unicode>Chapitre I</Unicode></TextEquiv></TextLine>'
            '<TextLine id="l2" custom="readingOrder {index:1;}">'
            '<Coords points="100,140 400,140 400,170 100,170"/>'
            '<TextEquiv><Unicode>Il etait une fois</Unicode></TextEquiv></TextLine></TextRegion>')
    lines, _ = page.read_lines(page_xml(body), source="case.xml")
    assert [(ln.text, ln.region) for ln in lines] == [("Chapitre I", "heading"),
                                                      ("Il etait une fois", "paragraph")]


def test_page_2013_and_point_elements_are_read() -> None:
    ns = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15"
    body = ('<TextRegion id="r" custom="structure {type:footnote;}"><TextLine id="l"><Coords>'
            '<Point x="10" y="20"/><Point x="200" y="20"/><Point x="200" y="50"/></Coords>'
            '<TextEquiv><Unicode>1 A note.</Unicode></TextEquiv></TextLine></TextRegion>')
    lines, _ = page.read_lines(page_xml(body, ns=ns), source="case.xml")
    assert (lines[0].text, lines[0].region, lines[0].box) == ("1 A note.", "footnote",
                                                              Box(10, 20, 200, 50))


def test_alto_v2_without_namespace_in_mm10() -> None:
    data = b"""<alto><Description><MeasurementUnit>mm10</MeasurementUnit></Description>
      <Layout><Page ID="p" WIDTH="1480" HEIGHT="2100"><PrintSpace>
      <TextBlock ID="b" HPOS="254" VPOS="254" WIDTH="1000" HEIGHT="50">
      <TextLine ID="l" HPOS="254" VPOS="254" WIDTH="1000" HEIGHT="50">
      <String CONTENT="Ten" HPOS="254" VPOS="254" WIDTH="100" HEIGHT="50" CC="0 0 9"/><SP/>
      <String CONTENT="tenths" HPOS="400" VPOS="254" WIDTH="200" HEIGHT="50"/>
      </TextLine></TextBlock></PrintSpace></Page></Layout></alto>"""
    assert alto.sniff(data)
    lines, pages = alto.read_lines(data, source="v2.xml")
    assert (pages[0].width, pages[0].height) == (1748, 2480)   # 300 dpi
    assert lines[0].text == "Ten tenths" and lines[0].box == Box(300, 300, 1481, 359)
    assert lines[0].words[0].confidence == pytest.approx(2 / 3)  # CC 0 0 9


def test_hocr_written_as_html_is_read() -> None:
    data = b"""<html><head><meta name="ocr-system" content="kraken"><title>x</title></head><body>
      <div class="ocr_page" title="bbox 0 0 1000 1400; lpageno 7"><br>
      <span class="ocr_line" title="bbox 100 100 600 140; x_size 40">
      <span class="ocrx_word" title="bbox 100 100 200 140; x_wconf 90">Loose</span>
      <span class="ocrx_word" title="bbox 210 100 400 140; x_wconf 80">HTML&nbsp;</span></span>
      <div class="ocr_footer"><span class="ocr_line" title="bbox 450 1300 550 1340">7</span></div>
      </div></body></html>"""
    lines, pages = hocr.read_lines(data, source="kraken.html")
    assert pages[0].printed == "7"                      # lpageno, not ppageno
    assert texts(lines) == ["Loose HTML", "7"]
    assert lines[0].confidence == pytest.approx(0.85) and lines[0].size == 40
    assert lines[1].region == "footer"


def test_tesseract_heading_class_on_a_line_names_no_region() -> None:
    lines, _ = read(TESS_HOCR)
    assert "class='ocr_header' id='line_3_1'" in TESS_HOCR.read_text()
    assert next(ln for ln in lines if ln.page == 3).region is None


# --------------------------------------------------------------- geometry

@pytest.fixture(scope="module")
def tesseract_roles():
    lines, pages = read(TESS_HOCR)
    return lines, pages, geometry.classify(lines, pages)


def role_of(lines, roles, start: str, page_no: int | None = None):
    for ln, role in zip(lines, roles):
        if ln.text.startswith(start) and (page_no is None or ln.page == page_no):
            return role
    raise AssertionError(start)


def test_geometry_running_heads_and_page_numbers(tesseract_roles) -> None:
    lines, pages, roles = tesseract_roles
    heads = [ln.page for ln, r in zip(lines, roles) if r.kind is RoleKind.RUNNING_HEAD]
    assert heads == [1, 2, 3]
    numbers = [(ln.page, r.n) for ln, r in zip(lines, roles) if r.kind is RoleKind.PAGE_NUMBER]
    assert numbers == [(1, "41"), (2, "42"), (3, "43")]
    assert [p.printed for p in geometry.printed_pages(lines, pages, roles)] == ["41", "42", "43"]


def test_geometry_headings_by_size_and_by_isolation(tesseract_roles) -> None:
    lines, _, roles = tesseract_roles
    headings = [(ln.text, r.level) for ln, r in zip(lines, roles) if r.kind is RoleKind.HEADING]
    assert headings == [("Trade Along the Coast", 1), ("The Grain Trade", 2),
                        ("Timber and Iron", 2), ("The Harbour Board", 2)]
    # The short last line of a paragraph is not a heading.
    assert role_of(lines, roles, "at once.").kind is RoleKind.TEXT


def test_geometry_footnotes_and_their_misread_numerals(tesseract_roles) -> None:
    lines, _, roles = tesseract_roles
    notes = [(ln.text[:12], r.kind, r.n) for ln, r in zip(lines, roles)
             if r.kind in (RoleKind.FOOTNOTE, RoleKind.FOOTNOTE_START)]
    assert notes == [
        ("'The largest", RoleKind.FOOTNOTE_START, "'"),    # superscript 1 read as '
        ("See the disc", RoleKind.FOOTNOTE_START, None),   # 2 swallowed into a raised "See"
        ("3The canal o", RoleKind.FOOTNOTE_START, "3"),
    ]


def test_geometry_drop_cap_and_paragraph_starts(tesseract_roles) -> None:
    lines, _, roles = tesseract_roles
    caps = geometry.drop_caps(lines)
    assert len(caps) == 1
    cap = caps[0]
    assert (cap.letter, cap.word, lines[cap.line].text[:7]) == ("T", 0, "T cargo")
    assert lines[cap.starts].text.startswith("HE merchants")
    # The tall letter does not make its line a heading.
    assert roles[cap.line].kind is RoleKind.TEXT
    starts = [ln.text[:14] for ln, r in zip(lines, roles) if r.kind is RoleKind.PARAGRAPH_START]
    assert starts == ["HE merchants o", "Historians hav", "Grain was the ", "Later writers ",
                      "Timber came do", "The board met ", "The merchants "]
    # Page 2 opens mid-paragraph: not a start.
    assert role_of(lines, roles, "by contrast").kind is RoleKind.TEXT


def synthetic_page(page_no: int, top: str, *, top_size: float = 38.0, last: str | None = None,
                   last_y: int = 1100, last_size: float = 41.0, block: int = 0) -> list[SourceLine]:
    """A page of body lines (41 px, 57 px pitch) under a top line."""
    out = [SourceLine(top, page_no, Box(600, 110, 1130, 150), top_size, block=block)]
    out += [SourceLine("the merchants of the northern ports kept careful records", page_no,
                       Box(213, 300 + 57 * k, 1534, 341 + 57 * k), 41.0, block=block + 1)
            for k in range(14)]
    if last is not None:
        out.append(SourceLine(last, page_no, Box(213, last_y, 600, last_y + 38), last_size,
                              block=block + 1))
    return out


def test_geometry_a_chapter_title_repeated_as_running_head_is_a_heading_where_it_opens() -> None:
    from textkit.read.lines import PageInfo

    lines = (synthetic_page(1, "Trade Along the Coast", top_size=54.0)
             + synthetic_page(2, "Trade Along the Coast", block=3)
             + synthetic_page(3, "Trade Along the Coast", block=6))
    roles = geometry.classify(lines, [PageInfo(n, 1749, 2481) for n in (1, 2, 3)])
    tops = [r.kind for ln, r in zip(lines, roles) if ln.text.startswith("Trade")]
    assert tops == [RoleKind.HEADING, RoleKind.RUNNING_HEAD, RoleKind.RUNNING_HEAD]


def test_geometry_a_small_last_line_without_space_above_is_not_a_footnote() -> None:
    from textkit.read.lines import PageInfo

    pages = [PageInfo(1, 1749, 2481)]
    close = synthetic_page(1, "THE REVIEW", last="at once.", last_y=300 + 57 * 14, last_size=35.0)
    assert geometry.classify(close, pages)[-1].kind is RoleKind.TEXT
    apart = synthetic_page(1, "THE REVIEW", last="1 A note.", last_y=2150, last_size=33.0)
    assert geometry.classify(apart, pages)[-1] == geometry.Role(
        RoleKind.FOOTNOTE_START, n="1",
        why="small print at the page foot; starts with the note numeral '1'")


@pytest.mark.parametrize(("sizes", "levels"), [
    ([54, 48, 52], [1, 1, 1]),            # one tier (x_size varies with the letters)
    ([69, 54, 48], [1, 1, 1]),            # an article title over one tier of sections
    ([70, 68, 54, 48], [1, 1, 2, 2]),     # chapters over sections
], ids=["one-tier", "title-and-sections", "chapters-and-sections"])
def test_geometry_heading_levels_by_size_tier(sizes, levels) -> None:
    lines = []
    y = 100
    for k, size in enumerate(sizes):
        lines.append(SourceLine(f"Heading {k}", 1, Box(200, y, 700, y + int(size)), float(size),
                                block=2 * k))
        y += 200
        for _ in range(4):
            lines.append(SourceLine("body text of a page body text of a page", 1,
                                    Box(200, y, 1500, y + 40), 40.0, block=2 * k + 1))
            y += 57
        y += 60
    roles = geometry.classify(lines, [])
    assert [r.level for r in roles if r.kind is RoleKind.HEADING] == levels


def test_geometry_on_a_noisy_scan() -> None:
    lines, pages = read(FIXTURES / "tesseract-5.3-degraded.hocr")
    roles = geometry.classify(lines, pages)
    kinds = [(ln.page, ln.text[:16], r.kind, r.level, r.n) for ln, r in zip(lines, roles)
             if r.kind not in (RoleKind.TEXT, RoleKind.PARAGRAPH_START)]
    assert kinds == [
        (1, "THE HARBOUR REVI", RoleKind.RUNNING_HEAD, None, None),
        (1, "Trade Along the ", RoleKind.HEADING, 1, None),
        (1, "The Grain Trade", RoleKind.HEADING, 2, None),      # Tesseract put it in the next block
        (1, "'The lat gest co", RoleKind.FOOTNOTE_START, None, "'"),
        (1, "2See-the discuss", RoleKind.FOOTNOTE_START, None, "2"),
        (1, "41", RoleKind.PAGE_NUMBER, None, "41"),
        (2, "THE HARBOUR REVI", RoleKind.RUNNING_HEAD, None, None),   # x_size 38 here, 27 on p. 3
        (2, "Timber and-Iron", RoleKind.HEADING, 2, None),
        (2, "3The-canal opene", RoleKind.FOOTNOTE_START, None, "3"),
        (2, "42:", RoleKind.PAGE_NUMBER, None, "42"),             # a speck after the folio
        (3, "THE HARBOUR REVI", RoleKind.RUNNING_HEAD, None, None),
        (3, "The Harbour. Boa", RoleKind.HEADING, 2, None),
        (3, "43", RoleKind.PAGE_NUMBER, None, "43"),
    ]
    # Tesseract cut "journey. that:" and "3° Both trades" off their lines into a
    # block read after them; the reader joins them back.
    assert any(ln.text.endswith("cost! journey. that:") for ln in lines)
    assert any(ln.text.endswith("‘yea: 3° Both trades") for ln in lines)
    found = [(lines[a.line].words[a.word].text, a.numeral) for a in geometry.anchors(lines, roles)]
    assert ("mumnbers:.!:", "!") in found and ("2.", "2") in found and ("3°", "3") in found


def test_geometry_anchor_candidates(tesseract_roles) -> None:
    lines, _, roles = tesseract_roles
    found = [(lines[a.line].words[a.word].text, a.numeral, a.glued)
             for a in geometry.anchors(lines, roles)]
    assert found == [("numbers.!", "!", True), ("time.?", "?", True), ("years.*", "*", True)]


def test_geometry_raised_small_numeral_word_is_an_anchor() -> None:
    words = (Word("the", Box(0, 10, 60, 40)), Word("harbours", Box(70, 0, 230, 40)),
             Word("closed.", Box(240, 10, 360, 40)), Word("2", Box(362, 0, 375, 18)),
             Word("They", Box(390, 0, 470, 40)))
    line = SourceLine("the harbours closed. 2 They", 1, Box(0, 0, 470, 40), 40.0, words=words)
    assert geometry.anchors([line], [geometry.Role(RoleKind.TEXT)]) == [
        geometry.Anchor(0, 3, "2", glued=False)]


@pytest.mark.parametrize("word_text", ["Really?", "B12", "said.'", "1994"])
def test_geometry_ordinary_words_are_not_anchors(word_text: str) -> None:
    words = tuple(Word(t, Box(i * 100, 0, i * 100 + 90, 40))
                  for i, t in enumerate(["so", word_text, "they", "went"]))
    line = SourceLine(" ".join(w.text for w in words), 1, Box(0, 0, 400, 40), 40.0, words=words)
    assert geometry.anchors([line], [geometry.Role(RoleKind.TEXT)]) == []


@pytest.mark.parametrize(("path", "kind"), FILES[2:], ids=[p.name for p, _ in FILES[2:]])
def test_geometry_region_types_take_precedence(path: Path, kind: str) -> None:
    lines, pages = read(path)
    roles = geometry.classify(lines, pages)
    for ln, role in zip(lines, roles):
        expected = {"header": RoleKind.RUNNING_HEAD, "page-number": RoleKind.PAGE_NUMBER,
                    "heading": RoleKind.HEADING, "drop-capital": RoleKind.DROP_CAP}.get(ln.region)
        if expected is not None:
            assert role.kind is expected, ln.text
        if ln.region == "footnote":
            assert role.kind in (RoleKind.FOOTNOTE, RoleKind.FOOTNOTE_START)


def test_geometry_ignores_the_drop_cap_indent_in_page_xml() -> None:
    lines, pages = read(OCRD_PAGE)
    roles = geometry.classify(lines, pages)
    beside = next(i for i, ln in enumerate(lines) if ln.text.startswith("cargo that"))
    assert roles[beside].kind is RoleKind.TEXT
    assert roles[beside - 1].kind is RoleKind.PARAGRAPH_START   # "HE merchants", after the cap


_WORDS = st.sampled_from(["the", "Harbour", "41", "!", "T", "numbers.!", "3The", "xiv", "-", "Board"])


@st.composite
def ocr_lines(draw):
    out = []
    for _ in range(draw(st.integers(0, 25))):
        words = draw(st.lists(_WORDS, min_size=1, max_size=8))
        boxed = draw(st.booleans())
        x, y = draw(st.integers(0, 1500)), draw(st.integers(0, 2400))
        box = Box(x, y, x + draw(st.integers(1, 200)), y + draw(st.integers(1, 80))) if boxed else None
        ws = tuple(Word(t, Box(x + 10 * k, y, x + 10 * k + 9, y + 30) if boxed else None)
                   for k, t in enumerate(words))
        out.append(SourceLine(" ".join(words), draw(st.integers(1, 3)), box,
                              draw(st.one_of(st.none(), st.floats(5, 80))),
                              region=draw(st.sampled_from([None, "heading", "footnote", "header",
                                                           "paragraph", "drop-capital"])),
                              block=draw(st.integers(0, 5)), words=ws))
    return out


@given(ocr_lines())
@example([SourceLine("xiv", 1, None, None, words=(Word("xiv", None),))])  # a page of its folio only
def test_geometry_gives_every_line_one_role_and_never_fails(lines) -> None:
    from textkit.read.lines import PageInfo

    pages = [PageInfo(n, 1800, 2500) for n in (1, 2, 3)]
    roles = geometry.classify(lines, pages)
    assert len(roles) == len(lines)
    assert all(r.level in (1, 2) for r in roles if r.kind is RoleKind.HEADING)
    for anchor in geometry.anchors(lines, roles):
        assert 0 <= anchor.word < len(lines[anchor.line].words)


# ----------------------------------------------------------------- order

@given(st.lists(st.tuples(st.integers(0, 900), st.integers(0, 900), st.integers(1, 300),
                          st.integers(1, 300)), max_size=12))
def test_reading_order_is_a_permutation(raw) -> None:
    boxes = [Box(x, y, x + w, y + h) for x, y, w, h in raw]
    assert sorted(reading_order(boxes)) == list(range(len(boxes)))


def test_reading_order_columns_with_aligned_gaps_are_read_down() -> None:
    # Both columns have a gap at the same height: not a band cut across them.
    l1, l2 = Box(100, 100, 500, 400), Box(100, 450, 500, 800)
    r1, r2 = Box(600, 100, 1000, 400), Box(600, 450, 1000, 800)
    assert reading_order([l1, r1, l2, r2]) == [0, 2, 1, 3]


# ----------------------------------------------------------------- errors

HOCR_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
             b'<html xmlns="http://www.w3.org/1999/xhtml"><head>'
             b"<meta name='ocr-system' content='tesseract 5.3.0' /></head><body>\n")


def hocr_page(line_bbox: str = "100 100 600 140", page_bbox: str = "0 0 1000 1400") -> bytes:
    return HOCR_HEAD + (f"<div class='ocr_page' title='bbox {page_bbox}'>"
                        f"<span class='ocr_line' title='bbox {line_bbox}'>"
                        "<span class='ocrx_word' title='bbox 100 100 200 140'>Word</span>"
                        "</span></div></body></html>").encode()


def test_malformed_xml_names_the_line() -> None:
    data = ABBYY_ALTO.read_bytes().replace(b"</TextLine>", b"</TextLin>", 1)
    with pytest.raises(InputError, match=r"malformed XML at line \d+") as err:
        alto.read_lines(data, source="broken.xml")
    assert str(err.value).startswith("broken.xml: ")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(("reader", "path", "message"), [
    (alto, OCRD_PAGE, "not ALTO"),
    (page, ABBYY_ALTO, "not PAGE XML"),
    (hocr, TESS_ALTO, "not hOCR"),
], ids=["page-to-alto", "alto-to-page", "alto-to-hocr"])
def test_another_xml_kind_is_refused(reader, path: Path, message: str) -> None:
    with pytest.raises(InputError, match=message):
        reader.read_lines(path.read_bytes(), source=path.name)


def test_tei_is_refused_by_every_reader() -> None:
    data = b"<?xml version='1.0'?><TEI xmlns='http://www.tei-c.org/ns/1.0'><text/></TEI>"
    for reader in READERS.values():
        with pytest.raises(InputError, match="root <TEI>"):
            reader.read_lines(data, source="doc.tei.xml")


@pytest.mark.parametrize(("data", "message"), [
    (b"THE HARBOUR REVIEW\n\nTrade Along the Coast\n", "not XML"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not XML"),
    (b"", "empty"),
    (b"  \n", "empty"),
], ids=["plain-text", "png", "empty", "blank"])
def test_a_file_that_is_not_xml_is_not_ocr(data: bytes, message: str) -> None:
    for reader in READERS.values():
        with pytest.raises(InputError, match=message):
            reader.read_lines(data, source="page.txt")


def test_truncated_tesseract_hocr_is_refused_not_read_as_html() -> None:
    data = TESS_HOCR.read_bytes()[:20000]
    with pytest.raises(InputError, match=r"malformed XML at line \d+"):
        hocr.read_lines(data, source="cut.hocr")


def test_unknown_alto_unit_is_refused() -> None:
    data = TESS_ALTO.read_bytes().replace(b"<MeasurementUnit>pixel", b"<MeasurementUnit>cm", 1)
    with pytest.raises(InputError, match="unknown ALTO MeasurementUnit 'cm'"):
        alto.read_lines(data, source="cm.xml")


def test_html_without_pages_is_not_hocr() -> None:
    data = b"<html><head><meta name='ocr-system' content='x'/></head><body><p>hi</p></body></html>"
    with pytest.raises(InputError, match="no ocr_page"):
        hocr.read_lines(data, source="x.html")


@pytest.mark.parametrize(("line_bbox", "message"), [
    ("-500 100 600 140", "negative coordinate"),
    ("100 100 9000 140", "outside the page"),
    ("600 100 100 140", r"x1 < x0"),
], ids=["negative", "beyond-page", "x1-before-x0"])
def test_absurd_coordinates_are_refused(line_bbox: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as err:
        hocr.read_lines(hocr_page(line_bbox), source="bad.hocr")
    assert "bad.hocr" in str(err.value)


def test_a_page_of_no_size_is_a_page_of_unknown_size() -> None:
    lines, pages = hocr.read_lines(hocr_page(page_bbox="0 0 0 0"), source="nosize.hocr")
    assert (pages[0].width, pages[0].height) == (None, None)
    assert lines[0].box == Box(100, 100, 600, 140)


def test_small_overshoots_are_clamped_to_the_page() -> None:
    lines, _ = hocr.read_lines(hocr_page("-2 100 1010 140"), source="edge.hocr")
    assert lines[0].box == Box(0, 100, 1000, 140)


def test_alto_box_beyond_the_page_is_refused() -> None:
    data = TESS_ALTO.read_bytes().replace(b'HPOS="621" VPOS="113"', b'HPOS="62100" VPOS="113"', 1)
    with pytest.raises(InputError, match="outside the page"):
        alto.read_lines(data, source="far.xml")


def test_page_coords_beyond_the_page_are_refused() -> None:
    body = region("r", 100, text_line("l", 100, "text", x=5000))
    with pytest.raises(InputError, match="outside the page"):
        page.read_lines(page_xml(body), source="far.xml")


# Entity tricks and external references: refused, or (a DTD named in the
# DOCTYPE, which hOCR always has) accepted without being fetched.
UNROUTABLE = "http://10.255.255.1/never.dtd"     # a connection attempt would hang


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOPSECRET")
    return path


def test_external_entity_is_refused(secret: Path) -> None:
    data = (f'<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page WIDTH="9" '
            'HEIGHT="9"><PrintSpace><TextBlock><TextLine><String CONTENT="&x;"/></TextLine>'
            '</TextBlock></PrintSpace></Page></Layout></alto>').encode()
    with pytest.raises(InputError, match="declares XML entities"):
        alto.read_lines(data, source="xxe.xml")


def test_network_entity_is_refused_quickly() -> None:
    data = (f'<?xml version="1.0"?><!DOCTYPE PcGts [<!ENTITY % remote SYSTEM "{UNROUTABLE}">'
            f'%remote;]><PcGts xmlns="{PAGE_NS}"/>').encode()
    started = time.monotonic()
    with pytest.raises(InputError, match="declares XML entities"):
        page.read_lines(data, source="remote.xml")
    assert time.monotonic() - started < 1.0


def test_entity_bomb_is_refused() -> None:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    data = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">{levels}]>'
            '<html><body><div class="ocr_page" title="bbox 0 0 9 9">&l9;</div></body></html>').encode()
    started = time.monotonic()
    with pytest.raises(InputError, match="declares XML entities"):
        hocr.read_lines(data, source="bomb.hocr")
    assert time.monotonic() - started < 1.0


def test_entity_declared_in_utf16_is_refused() -> None:
    text = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY e "x">]>'
            f'<PcGts xmlns="{PAGE_NS}">&e;</PcGts>')
    with pytest.raises(InputError, match="declares XML entities"):
        page.read_lines(text.encode("utf-16"), source="utf16.xml")


def test_external_dtd_is_accepted_but_never_fetched(secret: Path, tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY leak SYSTEM "file://{secret}">')
    for system_id in (UNROUTABLE, f"file://{dtd}"):
        data = hocr_page().replace(
            b"<html", f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
                      f'"{system_id}">\n<html'.encode(), 1).replace(b">Word<", b">Word&leak;<")
        started = time.monotonic()
        lines, _ = hocr.read_lines(data, source="dtd.hocr")
        assert time.monotonic() - started < 1.0
        assert "TOPSECRET" not in " ".join(texts(lines))
        assert lines[0].text.startswith("Word")


def test_the_real_tesseract_doctype_is_not_fetched() -> None:
    # Tesseract names the W3C DTD over http; reading must not go there.
    assert b"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd" in TESS_HOCR.read_bytes()[:300]
    started = time.monotonic()
    read(TESS_HOCR)
    assert time.monotonic() - started < 2.0


def _alto_with(software: str, wc: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">'
            f'<Description><MeasurementUnit>pixel</MeasurementUnit><OCRProcessing ID="OCR_0">'
            f'<ocrProcessingStep><processingSoftware><softwareName>{software}</softwareName>'
            f'</processingSoftware></ocrProcessingStep></OCRProcessing></Description>'
            f'<Layout><Page WIDTH="1000" HEIGHT="1400" PHYSICAL_IMG_NR="0" ID="p0">'
            f'<PrintSpace HPOS="0" VPOS="0" WIDTH="1000" HEIGHT="1400">'
            f'<TextBlock ID="b0" HPOS="100" VPOS="100" WIDTH="400" HEIGHT="40">'
            f'<TextLine ID="l0" HPOS="100" VPOS="100" WIDTH="400" HEIGHT="40">'
            f'<String ID="s0" HPOS="100" VPOS="100" WIDTH="150" HEIGHT="40" WC="{wc}" CONTENT="story."/>'
            f'<SP WIDTH="20" VPOS="100" HPOS="250"/>'
            f'<String ID="s1" HPOS="270" VPOS="100" WIDTH="230" HEIGHT="40" WC="0.96" CONTENT="Then"/>'
            f'</TextLine></TextBlock></PrintSpace></Page></Layout></alto>').encode()


@pytest.mark.parametrize(("software", "wc", "confidence"), [
    ("tesseract 5.3.0", "0.9", 0.09),  # Tesseract <= 5.5 writes "0." + its percent
    ("tesseract 5.3.0", "0.100", 1.0),
    ("tesseract 5.3.0", "0.90", 0.90),
    ("ABBYY FineReader Engine 12", "0.9", 0.9),
])
def test_alto_word_confidence_as_tesseract_writes_it(software: str, wc: str, confidence: float) -> None:
    lines, _ = alto.read_lines(_alto_with(software, wc), source="x.alto.xml")
    assert lines[0].words[0].confidence == pytest.approx(confidence)
    assert lines[0].words[1].confidence == pytest.approx(0.96)


def test_geometry_a_rule_read_as_letters_over_the_notes_is_set_aside() -> None:
    # a noisy scan: Tesseract reads the rule over the notes, with the tops of
    # the first note line's letters, as a tall line of words it cannot read
    def line(text: str, y: int, height: int, conf: float, x0: int = 100, x1: int = 1500) -> SourceLine:
        words, step = text.split(), (x1 - x0) // max(len(text.split()), 1)
        boxes = [Word(w, Box(x0 + k * step, y, x0 + (k + 1) * step - 10, y + height), conf)
                 for k, w in enumerate(words)]
        return SourceLine(text, 1, Box(x0, y, x1, y + height), float(height), block=1, words=tuple(boxes))
    lines = [line("the body text of the page runs on and on here", 200 + 50 * k, 38, 0.95) for k in range(20)]
    lines.append(line("Peete te coe aeons oe eee", 2300, 60, 0.05, x1=700))
    lines.append(line("For a contrary view, see Daniel Ferris, Regional Order After", 2350, 28, 0.9))
    lines.append(line("Meridian Press, 1987).", 2390, 28, 0.9, x1=600))
    from textkit.read.lines import PageInfo

    roles = geometry.classify(lines, [PageInfo(1, 1700, 2500)])
    assert roles[20].kind is RoleKind.SEPARATOR
    assert [r.kind for r in roles[21:]] == [RoleKind.FOOTNOTE, RoleKind.FOOTNOTE]
    assert all(r.kind in (RoleKind.TEXT, RoleKind.PARAGRAPH_START) for r in roles[:20])
    # read without the unread line, the same page has the same notes
    clean = geometry.classify(lines[:20] + lines[21:], [])
    assert [r.kind for r in clean[20:]] == [RoleKind.FOOTNOTE, RoleKind.FOOTNOTE]


def _row(parts: list[tuple[int, str]], y: int) -> SourceLine:
    """A line of words at ``y``: each part's words from its x on, 20 pixels a letter."""
    words = []
    for x, text in parts:
        for w in text.split():
            words.append(Word(w, Box(x, y, x + 20 * len(w), y + 30)))
            x += 20 * len(w) + 15
    box = words[0].box
    for w in words[1:]:
        box = box.union(w.box)
    return SourceLine(" ".join(w.text for w in words), 1, box, 30.0, words=tuple(words))


def test_a_few_lines_run_across_the_gutter_under_a_title_over_both_columns_are_split() -> None:
    from textkit.read.order import split_columns

    # Tesseract (psm 3) made one line of the two columns' first lines beside a
    # drop cap; the title over the columns and a note under them run across
    # the gutter's place, but between them every other line keeps to its column
    left, right = "words of the left hand column", "and words on the right side"
    title = _row([(300, "A TITLE SET ACROSS THE TWO COLUMNS")], 100)
    lines = [title]
    for k in range(12):
        y = 300 + 50 * k
        if k < 4:
            lines.append(_row([(100, left), (800, right)], y))
        else:
            lines += [_row([(100, left)], y), _row([(800, right)], y)]
    note = _row([(100, "1 A note at the foot of the page that runs across both columns")], 1000)
    out = split_columns(lines + [note])
    assert len(out) == len(lines) + 1 + 4
    assert all(ln.box.x1 < 760 or ln.box.x0 >= 800 for ln in out[1:-1])
    assert [ln.text for ln in out[1:13]] == [left] * 12  # the left column first
    # a river of wide spaces down four lines of the left column, the right
    # column's lines well away from it, is no gutter
    river = [title]
    for k in range(12):
        y = 300 + 50 * k
        row = _row([(100, "words of"), (360, "the left")], y) if k < 4 else _row([(100, left)], y)
        river += [row, _row([(800, right)], y)]
    assert split_columns(river + [note]) == river + [note]
