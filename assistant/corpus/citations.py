"""Find in-text citations such as （朱锋，2023） or (Eaton et al., 2002) and link them to [n].

A citation resolves when exactly one bibliography entry has the same first author
(surname for Latin names, full name or organisation otherwise) and the same year.
Anything else stays unresolved (ref=None) and is reported, never guessed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.corpus.document import BibEntry, Citation

if TYPE_CHECKING:
    from assistant.corpus.document import Paper

# a parenthesis whose content ends in a year: (朱锋, 2023) / （卢进勇等，2024） / (World Bank, [2025])
RE_PAREN = re.compile(r"[(（]([^()（）]{2,200}?[,，]\s*\[?\d{4}\]?)[)）]")
RE_ONE = re.compile(r"^(?P<author>.+?)\s*(?P<etal>et al\.?|等)?\s*[,，]\s*\[?(?P<year>\d{4})\]?$")


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def entry_keys(entry: BibEntry) -> set[str]:
    """Names under which a bibliography entry may be cited in the text."""
    if not entry.authors:
        return set()
    first = entry.authors[0]
    keys = {_norm(first)}
    if re.fullmatch(r"[A-Z][A-Z'-]+ [A-Z]{1,3}", first):  # "BALDWIN R" -> "baldwin"
        keys.add(_norm(first.split()[0]))
    return keys


def parse_citation_group(content: str) -> list[tuple[str, bool, int | None, str]]:
    """'Krugman, 1991; Baldwin, 2016' -> [(author, et_al, year, text), …]."""
    out = []
    for part in re.split(r"[;；]", content):
        part = part.strip()
        m = RE_ONE.match(part)
        if m:
            out.append((m.group("author").strip(), bool(m.group("etal")), int(m.group("year")), part))
    return out


def resolve(author: str, year: int | None, bibliography: list[BibEntry]) -> int | None:
    hits = [e.n for e in bibliography if _norm(author) in entry_keys(e) and e.year == year]
    return hits[0] if len(hits) == 1 else None


def find_citations(text: str, section_id: str, bibliography: list[BibEntry]) -> list[Citation]:
    """Citations in one paragraph; offsets are relative to `text`."""
    found: list[Citation] = []
    for m in RE_PAREN.finditer(text):
        for author, et_al, year, part in parse_citation_group(m.group(1)):
            found.append(
                Citation(
                    text=part,
                    author=author,
                    year=year,
                    et_al=et_al,
                    start=m.start(),
                    end=m.end(),
                    section_id=section_id,
                    ref=resolve(author, year, bibliography),
                )
            )
    return found


def resolve_citations(paper: Paper) -> list[Citation]:
    out: list[Citation] = []
    for para in paper.paragraphs:
        if para.kind != "body":
            continue
        for c in find_citations(para.text, para.section_id, paper.bibliography):
            c.start, c.end = para.raw_offset(c.start), para.raw_offset(c.end)
            out.append(c)
    return out
