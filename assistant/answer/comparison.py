"""Comparison questions ("表1中两个阶段在成本考量上有什么区别？", "How do the positive and negative
impacts compare?"): the two sides next to each other.

A table compares by its columns: the rows the question is about (the retrieved rows of one table),
each row on its own line with its columns side by side. Two sections compare by their parts: each
section's subsections under its heading (a section without parts: its opening and what it says of
it, a few sentences). Otherwise there is no structure to put side by side, and
the question gets the passages that best answer it.
"""

from __future__ import annotations

import re

from assistant.answer.base import AnswerContext
from assistant.answer.contract import Answer
from assistant.answer.overview import Lines, leaf_sentences
from assistant.answer.sentences import sentence_of
from assistant.index.sections import heading_words, parent_of
from assistant.retrieval.results import Retrieval

MAX_ROWS = 6
RE_TABLE = re.compile(r"表\s*\d|表格|\btables?\b", re.I)
NAMED = 0.8  # share of a heading's words a question uses to name that section
SIDE = 3  # sentences of a side without parts: its opening and what it says of it


def without_caption(row: str) -> str:
    for sep in ("｜", " | "):
        head, found, rest = row.partition(sep)
        if found and rest:
            return rest
    return row


def compose_table(retrieval: Retrieval, context: AnswerContext) -> Answer | None:
    """The table rows the question is about, when it names a table or a table row is the best passage."""
    rows = [h for h in retrieval.hits if h.chunk.kind == "table" and not h.chunk.id.endswith(":caption")]
    named = RE_TABLE.search(retrieval.question.searched) is not None
    if not rows or not (named or retrieval.hits[0].chunk.kind == "table"):
        return None
    table = rows[0].chunk.section_id
    rows = [h for h in rows if h.chunk.section_id == table][:MAX_ROWS]
    out = Lines(retrieval, context)
    out.text(context.index.label(table, retrieval.lang))
    for h in sorted(rows, key=lambda h: h.chunk.paragraph):
        s = sentence_of(h, 0)
        s.shown = without_caption(s.shown)  # the caption heads the answer once, not every row
        out.quote(s, "- ")
    return out.answer("comparison")


def names(section: str, retrieval: Retrieval, context: AnswerContext) -> bool:
    """The question uses (nearly) every word of the section's heading."""
    words = heading_words(context.index.label(section, retrieval.lang))
    return bool(words) and len(words & set(retrieval.terms)) >= NAMED * len(words)


def compose_sections(retrieval: Retrieval, context: AnswerContext, named: bool = False) -> Answer | None:
    """Two sibling sections the question names by their headings, each with its parts (`named`: only
    sections it names word for word, "积极影响和消极影响分别是什么？")."""
    found = [s for s in retrieval.matched if not named or names(s, retrieval, context)]
    pairs = [(a, b) for i, a in enumerate(found) for b in found[i + 1 :] if parent_of(a) == parent_of(b)]
    if not pairs:
        return None
    out = Lines(retrieval, context)
    tree = context.index.tree
    for sid in sorted(pairs[0], key=lambda s: tree.first[s].start):
        kids = tree.children.get(sid, [])
        out.heading(sid, with_opening=False)
        for kid in kids:
            out.heading(kid, "- ")
        for s in [] if kids else leaf_sentences(sid, retrieval, context)[:SIDE]:  # a side without parts
            out.quote(s, "- ")
    return out.answer("comparison")


def compose_comparison(retrieval: Retrieval, context: AnswerContext) -> Answer | None:
    return compose_sections(retrieval, context) or compose_table(retrieval, context)
