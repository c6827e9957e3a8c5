"""Questions that ask for the parts of a section, answered from the section tree.

"Which four trends does the paper foresee?" is answered by the four subsections of
二、全球产业链未来变动趋势, one per trend, not by the paragraph that happens to score
best. A question gets an outline when it asks for a list (a count such as "four" / "哪四个",
or "which" / "哪些" / "list") about a section as a whole: a section near the retrieved ones
(above or below them) with subsections (as many as the count, when there is one), whose
heading's own words the question uses, and whose heading path holds a good share of the
question's terms. Each subsection is represented by its first chunk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import coverage
from assistant.chunking import Chunk
from assistant.retrieve import Hit, Retrieval
from assistant.text import tokenize

RE_COUNT = re.compile(
    r"\b(two|three|four|five|six|seven|[2-7])\s+(?:main\s+|key\s+|major\s+|future\s+|new\s+)?[a-z]+|"
    r"[哪这]([两二三四五六七])[个大项方种类]",
    re.I,
)
RE_LIST = re.compile(r"哪些|有哪|哪几|\bwhich\b|\bwhat are\b|\blist\b|\bname the\b|\benumerate\b", re.I)
# chosen on the dev questions: list questions about a section as a whole scored ≥ 0.67 / ≥ 0.30,
# list questions about a detail inside one ≤ 0.5 / ≤ 0.12 (or 0 named)
MIN_NAMED = 0.6  # share of the section heading's own words (not the title's) that the question uses
#                 (with a count that matches the subsections, one word is enough)
MIN_HEADING_COVERAGE = 0.25  # share of the question's terms that the heading path holds
RE_NUMBERING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、])\s*")
NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}


@dataclass
class Outline:
    parent: str  # section id
    labels: list[str]  # each subsection's heading, in order
    parts: list[Hit]  # the first chunk of each subsection (or of the first section below it)


def asked_count(question: str) -> int | None:
    m = RE_COUNT.search(question)
    if not m:
        return None
    key = (m.group(1) or m.group(2)).lower()
    return int(key) if key.isdigit() else NUMBER[key]


def _parent(section_id: str) -> str | None:
    return section_id.rsplit(".", 1)[0] if "." in section_id else None


def _ancestors(section_id: str) -> list[str]:
    out = []
    sid: str | None = section_id
    while sid:
        out.append(sid)
        sid = _parent(sid)
    return out[::-1]  # top first


@dataclass
class SectionTree:
    """The section tree as the chunks give it, built once per index."""

    first: dict[str, Chunk]  # section id → the first body chunk in it or below it
    labels: dict[str, str]  # section id → its own heading
    children: dict[str, list[str]]  # section id → its subsections (those holding body text), in order
    generic: set[str]  # words of the documents' titles: what everything is about, so they pick out nothing

    @classmethod
    def of(cls, chunks: dict[str, Chunk], title: str = "") -> SectionTree:
        first: dict[str, Chunk] = {}
        labels: dict[str, str] = {}
        for c in chunks.values():
            if c.kind != "body":
                continue
            path = c.section.split(" › ")
            for depth, sid in enumerate(_ancestors(c.section_id)):
                if depth < len(path):
                    labels.setdefault(sid, path[depth])
                if sid not in first or (c.doc_id, c.start) < (first[sid].doc_id, first[sid].start):
                    first[sid] = c
        children: dict[str, list[str]] = {}
        for sid in first:
            p = _parent(sid)
            if p and sid.rsplit(".", 1)[1].lstrip("s").isdigit():
                children.setdefault(p, []).append(sid)
        for kids in children.values():
            kids.sort(key=lambda k: first[k].start)
        return cls(first, labels, children, set(tokenize(title)))


def find_outline(retrieval: Retrieval, tree: SectionTree) -> Outline | None:
    """The section whose subsections answer a list question, or None (see the module doc)."""
    count = asked_count(retrieval.question)
    if count is None and not RE_LIST.search(retrieval.question):
        return None
    candidates: list[str] = []
    for h in retrieval.hits:  # each hit's section, the sections above it, and those below them
        for sid in _ancestors(h.chunk.section_id):
            for near in [sid, *(k for k in tree.first if k.startswith(sid + "."))]:
                if near not in candidates:
                    candidates.append(near)
    best: tuple[float, int, str] | None = None
    for p in candidates:
        kids = tree.children.get(p, [])
        if len(kids) < 2 or (count is not None and len(kids) != count):
            continue
        own = {w for w in tokenize(RE_NUMBERING.sub("", tree.labels.get(p, ""))) if w not in tree.generic}
        named = len(own & set(retrieval.terms)) / len(own) if own else 0.0
        share = coverage(retrieval.terms, " › ".join(tree.labels.get(a, "") for a in _ancestors(p)))
        enough = named > 0 if count is not None else named >= MIN_NAMED  # a matching count is evidence too
        if enough and share >= MIN_HEADING_COVERAGE and (
            best is None or (share, -p.count(".")) > best[:2]
        ):
            best = (share, -p.count("."), p)  # the best-covered heading; on a tie, the broader section
    if best is None:
        return None
    kids = tree.children[best[2]]
    return Outline(best[2], [tree.labels.get(k, "") for k in kids], [Hit(tree.first[k], 0.0) for k in kids])
