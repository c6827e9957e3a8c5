"""The section tree of every indexed document, as its chunks give it: built once per index.

Section ids are hierarchical (``s2.1`` is under ``s2``; an added document's ``notes.s3.2`` under
``notes.s3`` under ``notes``), and each chunk carries its heading path, so the tree needs no other
source. It answers: the parts of a section in order, the first passage of each, a section's own
heading, and which section a reader means by its number ("Section 2", 第三部分, "part II") in the
way the document numbers its headings (二、…, (一)…, 2. …, 2.1 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.corpus.chunking import Chunk
from assistant.text import tokenize

LABEL_SEP = " › "
ZH_NUMERALS = {ch: i for i, ch in enumerate("〇一二三四五六七八九十", 0)}
RE_LABEL_NUMBER = re.compile(
    r"^\s*(?:(?P<zh>[一二三四五六七八九十]+)、|[(（](?P<zhsub>[一二三四五六七八九十]+)[)）]|"
    r"[(（](?P<paren>\d+)[)）]|"
    r"(?P<dotted>\d+(?:\.\d+)*)[.、]?\s|(?:section|part|chapter)\s+(?P<word>\d+)|(?P<roman>[IVX]{1,4})\.\s)",
    re.I,
)
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
RE_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(](?:[一二三四五六七八九十]+|\d+|[IVX]{1,4}|one|two|three|four|"
    r"five|six)[)）]|"
    r"\d+(?:\.\d+)*[.、:]?\s|[IVX]{1,4}[.:]\s|(?:one|two|three|four|five|six)[.:]\s)\s*",
    re.I,
)
FRONT = {"meta", "abstract", "abstract.en", "refs"}  # the paper's parts that are not its body


def zh_number(text: str) -> int:
    """一 → 1, 十二 → 12 (the numbers headings use)."""
    if len(text) == 1:
        return ZH_NUMERALS[text]
    tens, _, ones = text.partition("十")
    return (ZH_NUMERALS[tens] if tens else 1) * 10 + (ZH_NUMERALS[ones] if ones else 0)


def label_number(label: str) -> str | None:
    """The number a heading gives itself: "二、全球…" → "2", "(一) 区域…" → "1", "2.1 Financing" → "2.1"."""
    m = RE_LABEL_NUMBER.match(label)
    if not m:
        return None
    if m.group("zh") or m.group("zhsub"):
        return str(zh_number(m.group("zh") or m.group("zhsub")))
    if m.group("roman"):
        return str(ROMAN.get(m.group("roman").upper(), 0)) or None
    return m.group("dotted") or m.group("word") or m.group("paren")


def bare_label(label: str) -> str:
    """A heading without its number: "二、全球产业链未来变动趋势" → "全球产业链未来变动趋势"."""
    return RE_NUMBERING.sub("", label).strip() or label


def heading_words(label: str) -> set[str]:
    """The words of a heading that name its topic (its number left out), two characters or more."""
    return {w for w in tokenize(bare_label(label)) if len(w) > 1}


def parent_of(section_id: str) -> str | None:
    return section_id.rsplit(".", 1)[0] if "." in section_id else None


def ancestors(section_id: str) -> list[str]:
    """The section and those above it, top first."""
    out = []
    sid: str | None = section_id
    while sid:
        out.append(sid)
        sid = parent_of(sid)
    return out[::-1]


@dataclass
class SectionTree:
    first: dict[str, Chunk]  # section id → its first body chunk (its own, or its first subsection's)
    labels: dict[str, str]  # section id → its own heading
    children: dict[str, list[str]]  # section id → its subsections holding text, in reading order
    chunks: dict[str, list[Chunk]] = field(default_factory=dict)  # section id → its own body chunks, in order
    documents: set[str] = field(default_factory=set)  # the added documents (each its own root section)

    @classmethod
    def of(cls, chunks: dict[str, Chunk]) -> SectionTree:
        first: dict[str, Chunk] = {}
        labels: dict[str, str] = {}
        own: dict[str, list[Chunk]] = {}
        for c in sorted(chunks.values(), key=lambda c: (c.doc_id, c.start)):
            if c.kind not in ("body", "abstract"):
                continue
            own.setdefault(c.section_id, []).append(c)
            path = c.section.split(LABEL_SEP)
            chain = ancestors(c.section_id)
            for depth, sid in enumerate(chain):
                if len(path) == len(chain):
                    labels.setdefault(sid, path[depth])
                elif depth == len(chain) - 1:
                    labels.setdefault(sid, path[-1])
                first.setdefault(sid, c)
        children: dict[str, list[str]] = {}
        for sid in first:
            p = parent_of(sid)
            if p is not None and sid.rsplit(".", 1)[1].lstrip("s").isdigit():
                children.setdefault(p, []).append(sid)
        for kids in children.values():
            kids.sort(key=lambda k: first[k].start)
        docs = {c.doc_id for c in chunks.values() if c.doc_id != "paper" and c.kind == "body"}
        return cls(first, labels, children, own, docs)

    def top(self, document: str) -> list[str]:
        """A document's numbered top-level parts, in order (the paper: s1…s4)."""
        if document == "paper":
            return sorted((s for s in self.first if re.fullmatch(r"s\d+", s)), key=lambda s: int(s[1:]))
        return [
            s for s in self.children.get(document, []) if label_number(self.labels.get(s, "")) is not None
        ] or self.children.get(document, [])

    def by_number(self, document: str, number: str) -> str | None:
        """The section of `document` a reader names by `number` ("2", "3.1"), read from its headings."""
        head, _, rest = number.partition(".")
        found = next((s for s in self.top(document) if label_number(self.labels.get(s, "")) == head), None)
        for part in filter(None, rest.split(".")):
            if found is None:
                return None
            kids = self.children.get(found, [])
            numbered = [
                k for k in kids if (label_number(self.labels.get(k, "")) or "").split(".")[-1] == part
            ]
            found = numbered[0] if numbered else None
        return found

    def document_of(self, section_id: str) -> str:
        root = ancestors(section_id)[0]
        return root if root in self.documents else "paper"

    def path(self, section_id: str) -> str:
        return LABEL_SEP.join(self.labels.get(s, s) for s in ancestors(section_id))
