"""Tests of the review page (issue #5): the HTML says what the TEI says.

Two layers check the same properties:

* fast tests parse the page with ``lxml.html``;
* browser tests open it in headless Chromium (Debian's ``chromium`` and
  ``chromium-driver``, which ``.ci/run`` installs) through Selenium, hover and
  focus every change, and read what a person would see. They skip only when
  Chromium or its driver is absent.

Run as a script to refresh the screenshot under ``docs/`` and print the
sample page's weight and opening time::

    python tests/test_review.py docs/review-sample.png
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

import textkit
from textkit.errors import InputError
from textkit.review import render_index, render_review, review_counts, write_index, write_review

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "review"
SAMPLE = ROOT / "fixtures" / "us-japan-in-asia-1994.txt"
T = "http://www.tei-c.org/ns/1.0"
NS = {"t": T}
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ONE_MB = 1_000_000


# -- what the TEI says (read independently of textkit.review) ----------------------------

def squash(text: str) -> str:
    return " ".join(text.split())


def tei_heads(tei: bytes) -> list[str]:
    """Each division's head as read: corrections taken, footnotes left out."""
    root = etree.fromstring(tei)
    return [squash("".join(head.xpath(".//text()[not(ancestor::t:sic) and not(ancestor::t:note)]",
                                      namespaces=NS)))
            for head in root.xpath("//t:text//t:div/t:head", namespaces=NS)]


def tei_corrections(tei: bytes) -> Counter[tuple[str, str, str, str]]:
    """(rule, cert, sic, corr) of every choice/sic+corr of the TEI."""
    root = etree.fromstring(tei)
    return Counter((corr.get("type"), corr.get("cert"),
                    squash("".join(corr.xpath("../t:sic//text()", namespaces=NS))),
                    squash("".join(corr.itertext())))
                   for corr in root.xpath("//t:choice/t:corr", namespaces=NS))


def tei_joins(tei: bytes) -> int:
    """Words broken at a line end whose hyphen textkit removed: ``lb break="no"`` after
    no hyphen or after a soft one (``pc force="weak"``); a compound keeps its hyphen."""
    joins = 0
    for lb in etree.fromstring(tei).xpath("//t:lb[@break='no']", namespaces=NS):
        previous = lb.getprevious()
        before = (lb.getparent().text if previous is None else previous.tail) or ""
        if previous is not None and not before.strip() and etree.QName(previous).localname == "pc":
            joins += previous.get("force") == "weak"
        else:
            joins += not before.rstrip().endswith("-")
    return joins


def tei_counts(tei: bytes) -> Counter[str]:
    """Changes by rule: corr/@type, supplied/@reason and hyphen joins."""
    root = etree.fromstring(tei)
    counts = Counter(corr.get("type") for corr in root.xpath("//t:choice/t:corr", namespaces=NS))
    counts.update(s.get("reason") for s in root.xpath("//t:supplied", namespaces=NS))
    if joins := tei_joins(tei):
        counts["hyphen-join"] = joins
    return counts


# -- inputs ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_tei(sample_tei: str) -> bytes:
    """The TEI that textkit writes for the sample volume (conftest's, as bytes)."""
    return sample_tei.encode("utf-8")


@pytest.fixture(scope="module")
def sample_layout_tei(sample_doc: textkit.Document) -> bytes:
    """The sample's TEI keeping the layout: line-end joins marked ``lb break="no"``."""
    return textkit.to_tei(sample_doc.with_options(keep_layout=True)).encode("utf-8")


@pytest.fixture(scope="module")
def mini_tei() -> bytes:
    return (DATA / "mini.xml").read_bytes()


@pytest.fixture(scope="module")
def layout_tei() -> bytes:
    return (DATA / "mini-layout.xml").read_bytes()


# The layout fixture has four words broken at a line end whose hyphen textkit removed
# (fundamen|tally, Ko|rea, eco<pc force="weak">-</pc>|nomic, fairness|es) and one
# compound that keeps its hyphen (U.S.-|Japan), which is not a change.
LAYOUT_JOINS = ["fundamentally", "Korea", "economic", "es"]

CASES = ["mini", "layout", "sample", "sample_layout"]


@pytest.fixture(params=CASES)
def case(request: pytest.FixtureRequest) -> tuple[bytes, int]:
    """(TEI, number of hyphen joins it records)."""
    tei = request.getfixturevalue(f"{request.param}_tei")
    return tei, tei_joins(tei)


def reading_of(el: lxml_html.HtmlElement) -> str:
    """The text a reader sees in ``el``: tooltips left out."""
    return squash("".join(el.xpath(".//text()[not(ancestor::*[@role='tooltip'])]")))


def page_of(tei: bytes) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(render_review(tei))


# -- fast tests on the HTML --------------------------------------------------------------

def changes_in(page: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    return page.xpath("//main//span[contains(concat(' ', @class, ' '), ' chg ')]")


def test_every_corr_is_highlighted_with_its_sic_as_hover_text(case: tuple[bytes, int]) -> None:
    tei, _ = case
    page = page_of(tei)
    seen = Counter()
    for change in changes_in(page):
        mark, tip = change.find("mark"), change.find("span")
        assert mark.get("tabindex") == "0"
        assert mark.get("aria-describedby") == tip.get("id")
        assert tip.get("role") == "tooltip"
        if "kind-ocr" in change.get("class"):
            seen[(change.get("data-rule"), change.get("data-cert"),
                  squash(tip.find_class("orig")[0].text_content()), squash(mark.text_content()))] += 1
    assert seen == tei_corrections(tei)


def test_supplied_letters_are_highlighted_with_an_empty_scan_reading(case: tuple[bytes, int]) -> None:
    tei, _ = case
    supplied = etree.fromstring(tei).xpath("//t:supplied", namespaces=NS)
    marks = [c for c in changes_in(page_of(tei)) if "kind-initial" in c.get("class")]
    assert [(m.get("data-rule"), m.find("mark").text_content()) for m in marks] == [
        (s.get("reason"), s.text) for s in supplied]
    assert all(m.find_class("orig")[0].text_content() == "" for m in marks)


def test_toc_has_every_head_in_order_and_its_links_resolve(case: tuple[bytes, int]) -> None:
    tei, _ = case
    page = page_of(tei)
    toc = page.get_element_by_id("toc")
    assert [squash(a.text_content()) for a in toc.xpath(".//li[@class]/a")] == tei_heads(tei)
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids)), "ids must be unique"
    for href in page.xpath("//a/@href"):
        assert href.startswith("#") and href[1:] in ids, href


def test_toc_names_authors_and_footnotes_of_each_text(case: tuple[bytes, int]) -> None:
    tei, _ = case
    root = etree.fromstring(tei)
    toc = page_of(tei).get_element_by_id("toc")
    entries = toc.find_class("toc-text")
    divs = root.xpath("//t:body/t:div", namespaces=NS)
    assert len(entries) == len(divs)
    for entry, div in zip(entries, divs, strict=True):
        authors = [squash("".join(a.itertext())) for a in div.xpath("t:byline/t:docAuthor", namespaces=NS)]
        by = entry.find_class("toc-by")
        assert (squash(by[0].text_content()) if by else "") == ", ".join(authors)
        notes = [n.get("n") for n in div.xpath(".//t:note[@place='foot']", namespaces=NS)]
        assert [a.text for a in entry.xpath("span[@class='toc-notes']/a")] == notes


def test_summary_counts_equal_the_teis_counts(case: tuple[bytes, int]) -> None:
    tei, joins = case
    page = page_of(tei)
    rows = page.get_element_by_id("summary").xpath(".//tbody/tr[@data-rule]")
    shown = {row.get("data-rule"): int(row.find_class("count")[0].text) for row in rows}
    assert shown == dict(tei_counts(tei))
    assert int(page.get_element_by_id("total-changes").text) == sum(shown.values())
    listed = page.get_element_by_id("changes").xpath(".//tbody/tr[@data-rule]")
    assert Counter(row.get("data-rule") for row in listed) == tei_counts(tei)


def test_footnotes_follow_their_paragraph_and_link_both_ways(case: tuple[bytes, int]) -> None:
    tei, _ = case
    notes = etree.fromstring(tei).xpath("//t:note[@place='foot']", namespaces=NS)
    page = page_of(tei)
    asides = page.xpath("//aside[contains(@class, 'footnote')]")
    assert [a.find_class("fn-back")[0].text for a in asides] == [n.get("n") for n in notes]
    for aside, note in zip(asides, notes, strict=True):
        ref = page.get_element_by_id(aside.find_class("fn-back")[0].get("href")[1:])
        assert ref.get("href") == f"#{aside.get('id')}"
        # The note comes right after the block that cites it (other notes may sit between).
        block = ref.xpath("ancestor::*[contains(@class, 'blk')][1]")[0]
        after = []
        for sibling in block.itersiblings():
            if "footnote" not in sibling.get("class", ""):
                break
            after.append(sibling)
        assert aside in after
        assert reading_of(aside) == note.get("n") + " " + squash(
            "".join(note.xpath(".//text()[not(ancestor::t:sic)]", namespaces=NS)))


def test_editorial_notes_and_quotes_are_marked(case: tuple[bytes, int]) -> None:
    tei, _ = case
    root = etree.fromstring(tei)
    page = page_of(tei)
    assert len(page.find_class("editorial")) == len(root.xpath("//t:note[@type='editorial']", namespaces=NS))
    assert len(page.xpath("//main//blockquote")) == len(root.xpath("//t:body//t:quote[t:p]", namespaces=NS))


def test_page_is_self_contained_and_allows_only_its_own_css_and_script(case: tuple[bytes, int]) -> None:
    tei, _ = case
    html = render_review(tei)
    page = lxml_html.document_fromstring(html)
    assert not page.xpath("//*[@src] | //link | //iframe | //object | //embed | //img")
    assert not re.search(r"""(?:href|src|url)\s*[=(]\s*["']?(?:https?:|//)""", html)
    csp = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp
    for tag in ("style", "script"):
        (element,) = page.xpath(f"//{tag}")
        digest = base64.b64encode(hashlib.sha256(element.text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert len(html.encode("utf-8")) < ONE_MB


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from('<>&"\'\n'),
               max_size=40)


@settings(max_examples=150, deadline=None)
@given(before=TEXT, sic=TEXT, corr=TEXT, after=TEXT, rule=st.sampled_from(["rn-m", "x\"><b>", ""]),
       title=TEXT)
def test_any_tei_text_is_shown_as_text(before: str, sic: str, corr: str, after: str, rule: str,
                                      title: str) -> None:
    tei = etree.Element(f"{{{T}}}TEI", nsmap={None: NS["t"]})
    header = etree.SubElement(etree.SubElement(etree.SubElement(
        tei, f"{{{T}}}teiHeader"), f"{{{T}}}fileDesc"), f"{{{T}}}titleStmt")
    etree.SubElement(header, f"{{{T}}}title").text = title
    body = etree.SubElement(etree.SubElement(tei, f"{{{T}}}text"), f"{{{T}}}body")
    p = etree.SubElement(body, f"{{{T}}}p")
    p.text = before
    choice = etree.SubElement(p, f"{{{T}}}choice")
    etree.SubElement(choice, f"{{{T}}}sic").text = sic
    etree.SubElement(choice, f"{{{T}}}corr", type=rule, cert="low").text = corr
    choice.tail = after
    page = page_of(etree.tostring(tei))
    assert len(page.xpath("//script")) == 1 and not page.xpath("//body//b")
    (block,) = page.xpath("//main//p[contains(@class, 'blk')]")
    assert reading_of(block) == squash(before + corr + after)
    (change,) = changes_in(page)
    assert change.find_class("orig")[0].text_content() == squash(sic)
    assert change.get("data-rule") == (rule or "ocr")
    assert squash(page.find(".//h1").text_content()) == squash(title) or not squash(title)


def test_tei_text_cannot_inject_markup(mini_tei: bytes) -> None:
    page = page_of(mini_tei)
    assert len(page.xpath("//script")) == 1
    assert not page.xpath("//main//b | //*[@onmouseover]")
    assert 'alert("x")' in page.text_content()
    assert page.find(".//h1").text == "A Mini Volume & its <Friends>"


def test_hyphen_joins_in_the_keep_layout_encoding(layout_tei: bytes) -> None:
    page = page_of(layout_tei)
    joins = [c for c in changes_in(page) if "kind-hyphen" in c.get("class")]
    assert [c.find("mark").text_content() for c in joins] == LAYOUT_JOINS
    assert tei_joins(layout_tei) == len(LAYOUT_JOINS)
    assert joins[0].find_class("orig")[0].text == "fundamen-\ntally"
    text = reading_of(page.get_element_by_id("main"))
    assert "U.S.-Japan alliance" in text and "fundamentally change" in text
    assert "page 2" in text


def test_a_join_highlights_the_whole_word_not_the_quotes_around_it() -> None:
    page = page_of(f'<TEI xmlns="{T}"><text><body><p>a “fun<lb break="no"/>ny” (ex<lb break="no"/>'
                   'tra) b</p></body></text></TEI>'.encode())
    assert [c.find("mark").text for c in changes_in(page)] == ["funny", "extra"]
    assert reading_of(page.get_element_by_id("main").find_class("reading")[0]) == "a “funny” (extra) b"


def test_the_filter_is_hidden_until_its_script_runs_and_marks_low_passages(mini_tei: bytes) -> None:
    page = page_of(mini_tei)
    assert page.get_element_by_id("filter").get("hidden") is not None
    low = page.xpath("//main//*[contains(concat(' ', @class, ' '), ' has-low ')]")
    assert [reading_of(el)[:12] for el in low] == ["1 Kent Calde", "Clinton coul"]


def test_review_counts(mini_tei: bytes) -> None:
    assert review_counts(mini_tei) == {"texts": 2, "headings": 6, "footnotes": 2, "changes": 10,
                                       "low": 2}


@pytest.mark.parametrize("bad, message", [
    (b"<TEI", "not well-formed"),
    (b"<html/>", "not a TEI document"),
    (b'<TEI xmlns="urn:other"/>', "not a TEI document"),
], ids=["malformed", "html", "wrong-namespace"])
def test_bad_input_raises_input_error(bad: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        render_review(bad, source="x.xml")


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    tei = (f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&x;</p></body></text></TEI>')
    # textkit's TEI has no DOCTYPE: the one safe parser (textkit.xml) refuses it, unread.
    with pytest.raises(InputError, match="DOCTYPE") as refused:
        render_review(tei.encode())
    assert "TOP-SECRET" not in str(refused.value)


def test_write_review_and_index(tmp_path: Path) -> None:
    tei = tmp_path / "mini.xml"
    tei.write_bytes((DATA / "mini.xml").read_bytes())
    counts = write_review(tei)  # next to the TEI by default
    assert counts == review_counts(tei.read_bytes())
    assert (tmp_path / "mini.html").read_text(encoding="utf-8") == render_review(tei.read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini.html", "mini.xml"]
    write_index([
        {"source": "mini.txt", "review_href": "mini.html", "status": "ok", "counts": counts},
        {"source": "<evil>.txt", "review_href": "javascript:alert(1)", "status": "failed",
         "reason": "binary file", "counts": {}},
    ], tmp_path / "index.html")
    index = lxml_html.document_fromstring((tmp_path / "index.html").read_text(encoding="utf-8"))
    assert index.xpath("//a/@href") == ["mini.html"]
    rows = index.xpath("//tbody/tr")
    assert ["|".join(cell.text_content() for cell in r) for r in rows] == [
        "mini.txt|ok|2|6|2|10|2", "<evil>.txt|failedbinary file|–|–|–|–|–"]
    with pytest.raises(InputError, match="cannot read"):
        write_review(tmp_path / "missing.xml", tmp_path / "x.html")


def test_render_index_with_no_entries() -> None:
    page = lxml_html.document_fromstring(render_index([]))
    assert page.find(".//h1").text == "textkit reviews"


# -- browser tests -----------------------------------------------------------------------

def _have_chromium() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


needs_chromium = pytest.mark.skipif(
    not _have_chromium(),
    reason=f"needs Debian's chromium and chromium-driver ({CHROMIUM}, {CHROMEDRIVER}); "
           "`.ci/run` installs them")


def start_chromium(width: int = 1280, height: int = 1000, *, scripts: bool = True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="textkit-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--hide-scrollbars", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(flag)
    if not scripts:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver._textkit_profile = profile  # type: ignore[attr-defined]
    return driver


def stop_chromium(driver) -> None:
    driver.quit()
    shutil.rmtree(driver._textkit_profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    driver = start_chromium()
    yield driver
    stop_chromium(driver)


@pytest.fixture(scope="module")
def sample_page(sample_tei: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("review") / "sample.html"
    path.write_text(render_review(sample_tei), encoding="utf-8")
    return path


def open_page(driver, path: Path) -> float:
    """Open ``path``; return the milliseconds from navigation start to the load event."""
    driver.get(path.as_uri())
    return driver.execute_script(
        "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;")


BROWSER_CASES = CASES


@pytest.fixture(params=BROWSER_CASES)
def rendered(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[bytes, int, Path]:
    tei = request.getfixturevalue(f"{request.param}_tei")
    path = tmp_path / f"{request.param}.html"
    path.write_text(render_review(tei), encoding="utf-8")
    return tei, tei_joins(tei), path


@pytest.mark.slow
@needs_chromium
def test_browser_every_corr_shows_its_sic_on_hover_and_focus(browser, rendered) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    tei, _, path = rendered
    open_page(browser, path)
    # A real mouse over every OCR correction and supplied letter.
    seen = Counter()
    away = browser.find_element(By.TAG_NAME, "h1")
    for change in browser.find_elements(By.CSS_SELECTOR, "main .chg.kind-ocr, main .chg.kind-initial"):
        mark = change.find_element(By.TAG_NAME, "mark")
        tip = change.find_element(By.CLASS_NAME, "tip")
        assert not tip.is_displayed()
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        ActionChains(browser).move_to_element(mark).perform()
        assert tip.is_displayed(), change.get_attribute("outerHTML")
        hover = tip.find_element(By.CLASS_NAME, "orig").get_attribute("textContent")
        ActionChains(browser).move_to_element(away).perform()
        assert not tip.is_displayed()
        if "kind-ocr" in change.get_attribute("class"):
            seen[(change.get_attribute("data-rule"), change.get_attribute("data-cert"),
                  squash(hover), squash(mark.text))] += 1
    assert seen == tei_corrections(tei)
    # Keyboard focus on every change (hyphen joins too) shows its tooltip on the page.
    failures = browser.execute_script("""
        const bad = [];
        for (const mark of document.querySelectorAll('main .chg > mark')) {
          const tip = document.getElementById(mark.getAttribute('aria-describedby'));
          mark.focus();
          const box = tip.getBoundingClientRect();
          if (document.activeElement !== mark || getComputedStyle(tip).display === 'none'
              || box.width === 0 || box.left < 0 || box.right > innerWidth) bad.push(mark.id);
          mark.blur();
          if (getComputedStyle(tip).display !== 'none') bad.push(mark.id + ' stays');
        }
        return bad;""")
    assert failures == []


@pytest.mark.slow
@needs_chromium
def test_browser_keyboard_reaches_a_change_and_shows_its_tooltip(browser, sample_page: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, sample_page)
    for _ in range(300):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        active = browser.switch_to.active_element
        if active.tag_name == "mark":
            break
    else:
        pytest.fail("Tab never reached a change")
    tip = active.find_element(By.XPATH, "following-sibling::span[@role='tooltip']")
    assert tip.is_displayed()
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not tip.is_displayed()


@pytest.mark.slow
@needs_chromium
def test_browser_toc_summary_and_filter(browser, rendered) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    tei, joins, path = rendered
    open_page(browser, path)
    toc = [squash(a.text) for a in browser.find_elements(By.CSS_SELECTOR, "#toc li[class] > a")]
    assert toc == tei_heads(tei)
    link = browser.find_elements(By.CSS_SELECTOR, "#toc li[class] > a")[-1]
    link.click()
    target = browser.find_element(By.ID, link.get_attribute("hash")[1:])
    assert browser.execute_script("return location.hash") == link.get_attribute("hash")
    WebDriverWait(browser, 5).until(lambda driver: driver.execute_script(
        "const top = arguments[0].getBoundingClientRect().top; return top > -2 && top < innerHeight",
        target), "the link did not scroll its heading into view")
    counts = {row.get_attribute("data-rule"): int(row.find_element(By.CLASS_NAME, "count").text)
              for row in browser.find_elements(By.CSS_SELECTOR, "#summary tbody tr[data-rule]")}
    assert counts == dict(tei_counts(tei))

    box = browser.find_element(By.ID, "only-low")
    assert box.is_displayed()
    box.click()
    shown = [c for c in browser.find_elements(By.CSS_SELECTOR, "main .chg") if c.is_displayed()
             and c.find_element(By.TAG_NAME, "mark").value_of_css_property("background-color")
             != "rgba(0, 0, 0, 0)"]
    low = sum(1 for corr in etree.fromstring(tei).xpath("//t:corr[@cert='low']", namespaces=NS))
    assert len([c for c in shown if "cert-low" in c.get_attribute("class")]) == low
    assert len(shown) == low
    box.click()
    assert all(p.is_displayed() for p in browser.find_elements(By.CSS_SELECTOR, "main .blk"))


@pytest.mark.slow
@needs_chromium
def test_browser_sample_opens_in_under_a_second_and_weighs_under_a_megabyte(sample_page: Path) -> None:
    assert sample_page.stat().st_size < ONE_MB
    driver = start_chromium()
    try:
        assert open_page(driver, sample_page) < 1000  # the first page of a fresh browser
    finally:
        stop_chromium(driver)


@pytest.mark.slow
@needs_chromium
def test_browser_sample_fits_a_phone(browser, sample_page: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True})
    try:
        open_page(browser, sample_page)
        assert browser.execute_script("return innerWidth") == 390
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        # The contents come first but stay short; the text starts within three screens.
        first = browser.find_element(By.CSS_SELECTOR, "main .reading .blk")
        assert browser.execute_script("return arguments[0].getBoundingClientRect().top", first) < 3 * 844
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.slow
@needs_chromium
def test_browser_without_javascript_the_text_and_tooltips_still_work(sample_page: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver = start_chromium(scripts=False)
    try:
        open_page(driver, sample_page)
        assert not driver.find_element(By.ID, "filter").is_displayed()
        assert driver.find_element(By.CSS_SELECTOR, "main .blk").is_displayed()
        change = driver.find_element(By.CSS_SELECTOR, "main .chg")
        ActionChains(driver).move_to_element(change.find_element(By.TAG_NAME, "mark")).perform()
        assert change.find_element(By.CLASS_NAME, "tip").is_displayed()
    finally:
        stop_chromium(driver)


@pytest.mark.slow
@needs_chromium
def test_browser_print_shows_the_scan_readings_inline(browser, sample_page: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, sample_page)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        tips = browser.find_elements(By.CSS_SELECTOR, "main .chg .tip")
        assert tips and all(tip.is_displayed() for tip in tips)
        assert not browser.find_element(By.ID, "filter").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# -- the screenshot under docs/ ------------------------------------------------------------

def main(argv: list[str]) -> int:
    """Render the sample's page, save a screenshot, print weights and opening times.

    Times are the load event after navigation start in headless Chromium: the
    first load in a fresh browser ("cold") and five more ("warm"), for the
    sample's TEI as converted and with its layout kept (every line-end join
    marked).
    """
    out = Path(argv[0]) if argv else ROOT / "docs" / "review-sample.png"
    doc = textkit.convert_file(SAMPLE)
    measures = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, keep_layout in (("sample", False), ("sample keeping layout", True)):
            tei = textkit.to_tei(doc.with_options(keep_layout=keep_layout)).encode("utf-8")
            started = time.perf_counter()
            html = render_review(tei)
            render_ms = (time.perf_counter() - started) * 1000
            page = Path(folder) / f"{name.replace(' ', '-')}.html"
            page.write_text(html, encoding="utf-8")
            driver = start_chromium(1280, 1700)
            try:
                cold = open_page(driver, page)
                warm = [open_page(driver, page) for _ in range(5)]
                if not keep_layout:
                    # Show one tooltip in the picture: the first change on the first screen.
                    driver.execute_script(
                        "const m = document.querySelector('main .reading .chg mark');"
                        "if (m) { m.focus({preventScroll: true}); }")
                    driver.save_screenshot(str(out))
            finally:
                stop_chromium(driver)
            measures[name] = {"bytes": len(html.encode("utf-8")), "changes": html.count('class="chg '),
                              "render_ms": round(render_ms, 1), "load_ms_cold": round(cold, 1),
                              "load_ms_warm": [round(ms, 1) for ms in warm]}
    print(json.dumps({"screenshot": str(out), **measures}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
