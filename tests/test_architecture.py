"""The package's shape (issue #8): no import circle, and seams that take one module and one line.

The import graph is read from the source (every ``import`` statement,
including those inside functions: a lazy import is still a dependency), at
module granularity; importing ``a.b.c`` also runs ``a/__init__`` and
``a/b/__init__``, so those count as imported too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import textkit

PACKAGE = Path(textkit.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = ("textkit", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _with_packages(name: str, modules: dict[str, Path]) -> list[str]:
    """``name`` and the packages whose ``__init__`` importing it runs."""
    parts = name.split(".")
    return [".".join(parts[:k]) for k in range(1, len(parts) + 1) if ".".join(parts[:k]) in modules]


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = package.split(".")
                if node.level:
                    base = base[:len(base) - node.level + 1]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                else:
                    prefix = node.module or ""
                targets = [prefix]
                targets += [f"{prefix}.{alias.name}" for alias in node.names]
            for target in targets:
                if target.split(".")[0] != "textkit":
                    continue
                for dep in _with_packages(target, modules):
                    # A module's own packages run before it anyway: not an edge.
                    if dep != name and not name.startswith(dep + "."):
                        graph[name].add(dep)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_package_has_no_import_circle():
    assert _cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# --- seams: a reader and a language profile are one module and one registry line ---

TOY_READER = '''
"""A toy format: a first line "TOY", then one line per printed line, "page|text"."""
from textkit.model import SourceLine
from textkit.read import make_document

NAME = "toy"


def sniff(head, name):
    return head.startswith(b"TOY\\n")


def read(data, *, source, options):
    rows = [row.split("|", 1) for row in data.decode("utf-8").splitlines()[1:]]
    lines = [SourceLine(text, int(page)) for page, text in rows]
    return make_document(source=source, data=data, lines=lines, options=options, input_format=NAME)
'''

TOY_LANGUAGE = '''
from dataclasses import replace
from textkit.lang.en import PROFILE as ENGLISH

PROFILE = replace(ENGLISH, code="xx", name="Toy", introduction_titles=frozenset({"VORWORT"}))
'''


def _plug_in(tmp_path, monkeypatch, name: str, source: str) -> None:
    (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))


def test_a_toy_reader_plugs_in_with_one_registry_line(tmp_path, monkeypatch):
    from textkit import read

    _plug_in(tmp_path, monkeypatch, "toy_reader", TOY_READER)
    monkeypatch.setitem(read.READERS, "toy", "toy_reader")  # the one registry line
    data = b"TOY\n1|ESSAY ONE\n1|\n1|Ann Lee\n1|\n1|The first page ends in the middle of a fundamen-\n2|tally long sentence.\n"
    doc = textkit.convert_bytes(data, source="vol.toy")
    assert doc.input_format == "toy"
    assert [t.title.text for t in doc.texts] == ["ESSAY ONE"]
    [block] = doc.texts[0].blocks
    assert block.text == "The first page ends in the middle of a fundamentally long sentence."
    # The first page starts with the title; page 2 inside the word.
    assert doc.texts[0].title.pages == (0,)
    assert block.pages == (block.text.index("fundamentally") + len("fundamen"),)
    # Plain text is still read as plain text, and a forced format wins over sniffing.
    assert textkit.convert_bytes(b"ESSAY\n\nSome text.\n", source="x.txt").input_format == "text"
    forced = textkit.convert_bytes(data, source="vol.toy", options=textkit.Options(input_format="text"))
    assert forced.input_format == "text"


def test_a_toy_language_plugs_in_with_one_registry_line(tmp_path, monkeypatch):
    from textkit import lang

    _plug_in(tmp_path, monkeypatch, "toy_language", TOY_LANGUAGE)
    monkeypatch.setitem(lang.PROFILES, "xx", "toy_language")  # the one registry line
    text = "VORWORT\n\nAnn Lee\n\nThe volume opens here.\n"
    doc = textkit.convert_text(text, options=textkit.Options(language="xx"))
    assert doc.texts[0].kind.value == "introduction"  # the profile's titles reach the structure stage
    assert 'xml:lang="xx"' in textkit.to_tei(doc)     # and its code reaches the writer
    english = textkit.convert_text(text)
    assert english.texts[0].kind.value == "essay" and 'xml:lang="en"' in textkit.to_tei(english)


def test_unknown_reader_or_language_is_a_clear_error():
    import pytest

    with pytest.raises(textkit.InputError, match="no reader for input format 'hocrx'"):
        textkit.convert_bytes(b"text", source="a.txt", options=textkit.Options(input_format="hocrx"))
    with pytest.raises(textkit.InputError, match="no language profile 'zz'"):
        textkit.convert_text("ESSAY\n\nSome text.\n", options=textkit.Options(language="zz"))


def test_options_reach_the_writer():
    doc = textkit.convert_text(" ESSAY\n\nAnn Lee\n\nA fundamen-\ntally new page.\n",
                               options=textkit.Options(keep_layout=True))
    tei = textkit.to_tei(doc)
    assert "fundamen<lb break=\"no\"/>tally" in tei and "<pb" in tei
    assert "<lb" not in textkit.to_tei(doc.with_options(keep_layout=False))


def test_clean_offers_only_options_that_act(capsys):
    from textkit.cli import main

    assert main(["clean", "--keep-layout", "x.txt"]) == 2  # not offered: it prints text, no TEI
    assert "unrecognized arguments: --keep-layout" in capsys.readouterr().err


def test_review_page_shows_hyphen_joins_of_the_default_tei(tmp_path):
    from textkit.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("ESSAY\n\nAnn Lee\n\nA fundamen-\ntally new text.\n")
    assert main(["convert", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--review", "-q"]) == 0
    tei = (tmp_path / "out" / "a.xml").read_text(encoding="utf-8")
    assert "<lb" not in tei and "fundamentally" in tei  # the TEI keeps no layout ...
    page = (tmp_path / "out" / "a.html").read_text(encoding="utf-8")
    assert 'data-rule="hyphen-join"' in page             # ... and the page still shows the join
