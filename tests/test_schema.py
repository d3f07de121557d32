"""The TEI textkit writes is valid against its own schema and the official one.

Issue #2, point 2: both schemas, the official one as the package ships it
(``textkit/schemas/tei_all.rng.gz``), so nothing is skipped on a fresh clone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import textkit
from textkit.model import Rule
from textkit.tei.validate import parse

TEI_NS = "http://www.tei-c.org/ns/1.0"


def _tree(xml: str) -> etree._ElementTree:
    return parse(xml)


@pytest.mark.parametrize("keep_layout", [False, True], ids=["reading", "keep-layout"])
def test_sample_is_valid_against_both_schemas(sample_doc, tei_all_schema, keep_layout):
    xml = textkit.to_tei(sample_doc.with_options(keep_layout=keep_layout))
    textkit.validate(xml)
    tree = _tree(xml)
    assert tei_all_schema.validate(tree), tei_all_schema.error_log


def test_small_inputs_are_valid_against_tei_all(tei_all_schema):
    for text in ["x", "n", "  \n .\nA", "THE TITLE\n\nAnn Lee\n\nSome text.\n", "1Note with no anchor\n"]:
        xml = textkit.to_tei(textkit.convert_text(text))
        textkit.validate(xml)
        assert tei_all_schema.validate(_tree(xml)), (text, tei_all_schema.error_log)


def _mutate(xml: str, xpath: str, change) -> str:
    tree = _tree(xml)
    change(tree.xpath(xpath, namespaces={"t": TEI_NS})[0])
    return etree.tostring(tree, encoding="unicode")


@pytest.mark.parametrize("xpath, change, why", [
    ("//t:p[1]", lambda e: etree.SubElement(e, "{%s}hi" % TEI_NS), "an element textkit never writes"),
    ("//t:div[1]", lambda e: e.set("type", "chapter"), "a division type outside the profile"),
    ("//t:note[@place='foot'][1]", lambda e: e.attrib.pop("{http://www.w3.org/XML/1998/namespace}id"),
     "a footnote without its xml:id"),
    ("//t:supplied[1]", lambda e: e.set("reason", "guess"), "an unknown reason for a supplied letter"),
    ("//t:idno[1]", lambda e: setattr(e, "text", "not-a-hash"), "a source hash that is not sha256"),
], ids=["foreign-element", "div-type", "note-id", "supplied-reason", "hash"])
def test_project_schema_is_stricter_than_tei(sample_tei, xpath, change, why):
    bad = _mutate(sample_tei, xpath, change)
    with pytest.raises(textkit.ValidationError) as raised:
        textkit.validate(bad, source="bad.xml")
    assert "bad.xml:" in str(raised.value), why
    assert raised.value.problems and all(line > 0 for line, _ in raised.value.problems)


def test_validate_reports_malformed_xml_with_its_line():
    with pytest.raises(textkit.ValidationError) as raised:
        textkit.validate("<TEI>\n<unclosed>\n</TEI>", source="broken.xml")
    assert raised.value.problems[0][0] == 3
    assert "broken.xml:3:" in str(raised.value)


def test_validate_never_resolves_external_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xml = (f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>\n'
           f'<TEI xmlns="{TEI_NS}">&x;</TEI>')
    with pytest.raises(textkit.ValidationError, match="DOCTYPE") as refused:
        parse(xml.encode())  # textkit's TEI has none: refused, nothing in it loaded
    assert "TOP SECRET" not in str(refused.value)
    with pytest.raises(textkit.ValidationError):
        textkit.validate(xml)
    from textkit.xml import parse_xml

    tree = parse_xml(xml.encode(), allow_doctype=True)  # hOCR's mode: read, nothing resolved
    assert "TOP SECRET" not in etree.tostring(tree, encoding="unicode")


def test_schema_lists_every_rule_the_writer_can_emit():
    from importlib.resources import files

    schema = (files("textkit") / "schemas" / "textkit.rng").read_text(encoding="utf-8")
    for rule in Rule:
        if rule.is_ocr:
            assert f"<value>{rule.value}</value>" in schema, rule
    assert "<value>dropped-initial</value>" in schema and "<value>displaced-initial</value>" in schema


def test_shipped_schema_is_the_repository_schema():
    from importlib.resources import files

    root = Path(__file__).resolve().parent.parent
    shipped = (files("textkit") / "schemas" / "textkit.rng").read_bytes()
    assert (root / "schemas" / "textkit.rng").read_bytes() == shipped


def test_header_says_whether_layout_is_kept(sample_doc):
    assert "Page and line breaks are not kept." in textkit.to_tei(sample_doc)
    kept = textkit.to_tei(sample_doc.with_options(keep_layout=True))
    assert "Page starts are kept as pb" in kept and "Page and line breaks are not kept." not in kept


def test_the_shipped_tei_all_is_the_official_schema_unchanged():
    import gzip
    import hashlib
    from importlib.resources import files

    shipped = gzip.decompress((files("textkit") / "schemas" / "tei_all.rng.gz").read_bytes())
    assert hashlib.sha256(shipped).hexdigest() == (
        "b0f115095ead2ccc6933aa3365c6f4a82cba3b2ec7eee7f76bb616d7a63b7e48")
    licence = (files("textkit") / "schemas" / "tei_all.COPYRIGHT").read_text(encoding="utf-8")
    assert "CC+BY and BSD-2" in licence


def test_validate_schema_tei_all_uses_the_shipped_schema(sample_tei, tei_all_schema, tmp_path,
                                                          capsys):
    from textkit.cli import main

    path = tmp_path / "sample.xml"
    path.write_text(sample_tei, encoding="utf-8")
    assert main(["validate", str(path), "--schema", "tei_all"]) == 0
    textkit.validate(sample_tei, schema="tei_all")
    # tei_all is looser than textkit's profile: an element outside the profile passes it
    loose = _mutate(sample_tei, "//t:p[1]", lambda e: etree.SubElement(e, "{%s}hi" % TEI_NS))
    textkit.validate(loose, schema="tei_all")
    with pytest.raises(textkit.ValidationError, match="not valid against textkit.rng"):
        textkit.validate(loose)
