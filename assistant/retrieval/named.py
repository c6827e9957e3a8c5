"""Chunks a question asks for by number: a bibliography entry ("[6]", "reference 12") and a table ("表1",
"Table 1": its caption and rows, found by the number its caption opens with)."""

from __future__ import annotations

import re

from assistant.index.open import OpenIndex
from assistant.question.analysis import Question
from assistant.retrieval.results import Hit


def table_chunks(index: OpenIndex, document: str, number: int) -> list[str]:
    """The caption and rows of the document's table numbered `number`, in order ([] when it has none)."""
    opens = re.compile(rf"^\s*(?:表\s*{number}(?!\d)|table\s+{number}\b)", re.I)
    captions = [
        c.section_id
        for cid, c in index.chunks.items()
        if c.kind == "table" and cid.endswith(":caption") and c.doc_id == document and opens.match(c.text)
    ]
    return [cid for cid, c in index.chunks.items() if c.kind == "table" and c.section_id in captions[:1]]


def named_chunks(index: OpenIndex, question: Question, document: str) -> tuple[list[str], list[str]]:
    """The chunks the question names by number: bibliography entries, and tables' captions and rows."""
    refs = [f"refs:{n}" for n in question.named_references if f"refs:{n}" in index.chunks]
    return refs, [cid for n in question.named_tables for cid in table_chunks(index, document, n)]


def by_score(hit: Hit) -> tuple[int, float]:
    """Entries in the order asked, then a table's rows in the order the search ranks them (those the
    question is about first)."""
    return (1, -hit.score) if hit.chunk.kind == "table" else (0, 0.0)


def pinned_first(pinned: list[Hit], ranked: list[Hit], k: int) -> list[Hit]:
    """`pinned` ahead of the rest of `ranked` (scored just above its best), cut to `k`."""
    top = ranked[0].score if ranked else 1.0
    for h in pinned:
        h.score = top + 1e-6
    ids = {h.chunk.id for h in pinned}
    return (pinned + [h for h in ranked if h.chunk.id not in ids])[:k]
