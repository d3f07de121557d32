"""Data-driven cases for each layout, structure and repair rule (issue #2, point 3).

Each ``tests/data/rules/<rule>.json`` holds cases: a ``label``, a ``comment``,
the OCR snippet as ``lines`` (joined with newlines; a snippet is a tiny
volume: a title, a byline, a full-width first paragraph and, where the rule
needs it, two-column pages whose first line begins with one space) and what
a correct conversion gives. Keys, all optional:

* ``contains``: phrases that lie within one ``p`` (or ``head``) of the TEI's
  reading text (``corr`` taken, ``supplied`` kept, footnotes left out);
* ``excludes``: strings in neither the ``textkit.clean_text`` output (its
  footnote lines ``[n] …`` aside) nor the TEI's reading text (whole words
  where they begin/end with a letter or digit); ``excludes_anywhere``: not
  in the footnotes either;
* ``heads``: every section head of the document, ``[text, level]``;
* ``texts``: every text, ``[title, [authors]]``;
* ``volume_title``: the front's ``titlePart`` s, in order (the volume title, a subtitle);
* ``notes``: every ``note[@place="foot"]``: ``n``, ``text`` and the word
  (with punctuation) its anchor follows, ``after``;
* ``first_words`` / ``supplied``: the first paragraph's start and restored
  initial (``null``: nothing is ``supplied`` anywhere);
* ``paragraph_starts``: paragraphs that must begin with these words;
* ``no_paragraph``: no ``p`` may read exactly this;
* ``quotes``: the text of every ``quote``, in order;
* ``editorial``: the text of every ``note[@type="editorial"]``, in order;
* ``notes_loose``: like ``notes`` without the anchor (``n`` and ``text``), for
  notes whose anchor is not in a paragraph (a note on the author's name).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree

import textkit

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
RULES = Path(__file__).resolve().parent / "data" / "rules"
MARK = "\u2063"


def _cases():
    for path in sorted(RULES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}:{case['label']}")


def _local(el):
    return etree.QName(el).localname if isinstance(el.tag, str) else None


def reading(el, *, notes=False, mark=None) -> str:
    parts = [el.text or ""]
    for child in el:
        name = _local(child)
        if child is mark:
            parts.append(MARK)
        elif name is None or name in ("lb", "pb") or (name == "note" and not notes):
            pass
        elif name == "choice":
            parts += [reading(o, notes=notes, mark=mark) for o in child if _local(o) in ("corr", "reg")][:1]
        else:
            parts.append(reading(child, notes=notes, mark=mark))
        parts.append(child.tail or "")
    return "".join(parts)


def norm(text: str) -> str:
    return " ".join(text.split())


def _whole(phrase: str) -> re.Pattern:
    left = r"(?<![\w])" if phrase[:1].isalnum() else ""
    right = r"(?![\w])" if phrase[-1:].isalnum() else ""
    return re.compile(left + re.escape(phrase) + right)


def _convert(case):
    text = "\n".join(case["lines"]) + "\n"
    doc = textkit.convert_text(text, source=f"{case['label']}.txt")
    xml = textkit.to_tei(doc)
    textkit.validate(xml)
    data = xml.split("?>", 1)[1].lstrip() if xml.startswith("<?xml") else xml
    body = etree.fromstring(data.encode("utf-8")).find("t:text/t:body", NS)
    return doc, body


@pytest.mark.parametrize("case", list(_cases()))
def test_rule(case):
    doc, body = _convert(case)
    clean_lines = textkit.clean_text(doc).splitlines()
    clean = norm("\n".join(line for line in clean_lines if not re.match(r"\s*\[\d+\]", line)))
    clean_all = norm("\n".join(clean_lines))
    paras = [p for p in body.iter(f"{{{TEI}}}p") if not any(_local(a) == "note" for a in p.iterancestors())]
    para_texts = [norm(reading(p)) for p in paras]
    blocks = para_texts + [norm(reading(h)) for h in body.iter(f"{{{TEI}}}head")]
    running = norm(reading(body))
    everything = norm(reading(body, notes=True))
    problems = []

    for phrase in case.get("contains", []):
        if not any(phrase in b for b in blocks):
            problems.append(f"no block contains {phrase!r}")
    for bad in case.get("excludes", []):
        pattern = _whole(bad)
        if pattern.search(clean):
            problems.append(f"clean_text contains {bad!r}")
        if pattern.search(running):
            problems.append(f"TEI reading text contains {bad!r}")
    for bad in case.get("excludes_anywhere", []):
        pattern = _whole(bad)
        if pattern.search(clean_all):
            problems.append(f"clean_text (footnotes included) contains {bad!r}")
        if pattern.search(everything):
            problems.append(f"TEI reading text (footnotes included) contains {bad!r}")

    if "heads" in case:
        got = []
        for div in body.iter(f"{{{TEI}}}div"):
            level = {"section": 1, "subsection": 2}.get(div.get("type"))
            if level:
                head = div.find("t:head", NS)
                got.append([norm(reading(head)) if head is not None else "", level])
        if got != case["heads"]:
            problems.append(f"heads {got}, expected {case['heads']}")

    if "volume_title" in case:  # the title page: every titlePart of the front, in order
        front = body.getparent().find("t:front", NS)
        got = [norm(reading(t)) for t in front.iter(f"{{{TEI}}}titlePart")] if front is not None else []
        if got != case["volume_title"]:
            problems.append(f"volume title {got}, expected {case['volume_title']}")

    if "texts" in case:
        got = [[norm(reading(d.find("t:head", NS))) if d.find("t:head", NS) is not None else "",
                [norm(reading(a)) for a in d.findall("t:byline/t:docAuthor", NS)]]
               for d in body.findall("t:div", NS)]
        if got != case["texts"]:
            problems.append(f"texts {got}, expected {case['texts']}")

    if "notes" in case:
        notes = [n for n in body.iter(f"{{{TEI}}}note") if n.get("place") == "foot"]
        got = []
        for note in notes:
            holder = note.getparent()
            while holder is not None and _local(holder) not in ("p", "head"):
                holder = holder.getparent()
            before = reading(holder, mark=note).partition(MARK)[0] if holder is not None else ""
            got.append({"n": note.get("n"), "text": norm(reading(note, notes=True)),
                        "after": (norm(before).split() or [""])[-1]})
        if got != case["notes"]:
            problems.append(f"notes {got}\n   expected {case['notes']}")

    if "first_words" in case:
        first = para_texts[0] if para_texts else ""
        if not first.startswith(case["first_words"]):
            problems.append(f"first paragraph starts {first[:40]!r}, expected {case['first_words']!r}")
    if "supplied" in case:
        supplied = [s.text for s in body.iter(f"{{{TEI}}}supplied")]
        want = [case["supplied"]] if case["supplied"] else []
        if supplied != want:
            problems.append(f"supplied {supplied}, expected {want}")

    if "notes_loose" in case:
        got = [{"n": n.get("n"), "text": norm(reading(n, notes=True))}
               for n in body.iter(f"{{{TEI}}}note") if n.get("place") == "foot"]
        if got != case["notes_loose"]:
            problems.append(f"notes {got}\n   expected {case['notes_loose']}")
    if "editorial" in case:
        got = [norm(reading(n, notes=True)) for n in body.iter(f"{{{TEI}}}note") if n.get("type") == "editorial"]
        if got != case["editorial"]:
            problems.append(f"editorial notes {got}, expected {case['editorial']}")
    if "quotes" in case:
        got = [norm(reading(q)) for q in body.iter(f"{{{TEI}}}quote")]
        if got != case["quotes"]:
            problems.append(f"quotes {got}, expected {case['quotes']}")
    for start in case.get("paragraph_starts", []):
        if not any(t.startswith(start) for t in para_texts):
            problems.append(f"no paragraph starts with {start!r}: {[t[:30] for t in para_texts]}")
    for bad in case.get("no_paragraph", []) + case.get("excludes_paragraph", []):
        if bad in para_texts:
            problems.append(f"a paragraph reads {bad!r}")

    assert not problems, case["comment"] + "\n" + "\n".join(problems) + f"\n--- clean_text:\n{textkit.clean_text(doc)}"
