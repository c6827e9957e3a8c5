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
from assistant.answer.overview import Lines, leaf_sentences, thesis_sentences
from assistant.answer.sentences import coverage, sentence_of
from assistant.index.sections import heading_words, parent_of
from assistant.question import intents
from assistant.retrieval.results import Retrieval
from assistant.text import content_tokens

MAX_ROWS = 6
ROW_FLOOR = 0.75  # part of the best row's share of the question's words another row needs
# a comparison asking which side weighs more ("哪一方面更重", "作者如何权衡", "Which weighs heavier?")
RE_WEIGHS = re.compile(
    r"权衡|孰轻孰重|哪一?(?:方面|个|边|方)更(?:重|大|多|突出|重要)|\bweigh\w*\b|\bheavier\b|\boutweigh", re.I
)
MAX_WHOLE = 16  # rows of a table asked for as a whole ("What does Table 1 show?")
# a table named as such: "表1", "对比表", "表里" (in the table; not 代表, 发表)
RE_TABLE = re.compile(r"表\s*\d|表格|对比表|(?<![代发外列])表[里中内]|\btables?\b", re.I)
NAMED = 0.8  # share of a heading's words a question uses to name that section
SIDE = 3  # sentences of a side without parts: its opening and what it says of it
ORDINALS = {"first": "one", "second": "two", "third": "three", "fourth": "four", "fifth": "five"}
# what tells two parts of one kind apart when a question names them by their order ("第一阶段和第二阶段",
# "the first and second stages"): a heading's ordinal, in words
ORDER_WORDS = frozenset(ORDINALS) | frozenset(ORDINALS.values()) | {f"第{n}" for n in "一二三四五六七八九"}


def without_caption(row: str) -> str:
    for sep in ("｜", " | "):
        head, found, rest = row.partition(sep)
        if found and rest:
            return rest
    return row


def compose_table(retrieval: Retrieval, context: AnswerContext, whole: bool = False) -> Answer | None:
    """The table rows the question is about (`whole`: all its rows, up to `MAX_WHOLE`), when it names a
    table or a table row is the best passage."""
    rows = [h for h in retrieval.hits if h.chunk.kind == "table" and not h.chunk.id.endswith(":caption")]
    named = RE_TABLE.search(retrieval.question.searched) is not None
    if not rows or not (named or retrieval.hits[0].chunk.kind == "table"):
        return None
    table = rows[0].chunk.section_id
    out = Lines(retrieval, context)
    caption = context.index.chunks.get(f"{table}:caption")
    kept = [c for c in context.index.chunks.values() if c.section_id == table and c.kind == "table"]
    if whole:  # the caption quoted whole (its title and its source), then every row
        rows = [context.view(c, retrieval) for c in kept if c is not caption][:MAX_WHOLE]
    else:  # the rows holding most of the question's words ("竞争优势这一项"), then by the search's rank
        found = {h.chunk.id: h for h in rows}
        if retrieval.tables:  # named by number: any of its rows (its caption too: its source), found or not
            rows += [context.view(c, retrieval) for c in kept if c.id not in found]
        units = {h.chunk.id: sentence_of(h, 0) for h in rows}
        held = {cid: coverage(retrieval.terms, u.shown, u.tokens) for cid, u in units.items()}
        top = max(held.values(), default=0.0)
        rows = sorted((h for h in rows if h.chunk.section_id == table), key=lambda h: -held[h.chunk.id])
        rows = [h for h in rows if held[h.chunk.id] >= ROW_FLOOR * top][:MAX_ROWS]
    if whole and caption is not None:
        out.quote(sentence_of(context.view(caption, retrieval), 0))
    else:
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


def asked_words(retrieval: Retrieval) -> set[str]:
    """The question's words, an English ordinal with its number ("second stage" names "Stage Two")."""
    words = set(retrieval.terms) | set(content_tokens(retrieval.question.searched))
    return words | {ORDINALS[w] for w in words if w in ORDINALS}


def contrasted(retrieval: Retrieval, context: AnswerContext, asked: set[str]) -> tuple[str, str] | None:
    """Two sibling sections the question sets against each other by their order: both headings share a
    word it uses (what kind of thing the two are: 阶段, "stage") and each has an ordinal of it the other
    lacks (第一 / 第二, "first" / "two"); the pair naming most of its words (`asked`)."""
    valid = set(context.search.headings.sections(retrieval.document))
    groups = [[k for k in kids if k in valid] for kids in context.index.tree.children.values()]
    pairs = [(a, b) for kids in groups for i, a in enumerate(kids) for b in kids[i + 1 :]]
    scored = [(contrast(pair, retrieval, context, asked), pair) for pair in pairs]
    most, best = max(scored, default=(0, None))
    return best if most else None


def contrast(pair: tuple[str, str], retrieval: Retrieval, context: AnswerContext, asked: set[str]) -> int:
    """How many of the question's words (`asked`) two headings name when they share one of them and each
    has an ordinal of it the other lacks (0 when they do not)."""
    a, b = (context.search.headings.words(s, retrieval.lang) & asked for s in pair)
    common, only_a, only_b = a & b, a - b, b - a
    ordered = all(side & ORDER_WORDS for side in (only_a, only_b))
    return len(common) + len(only_a) + len(only_b) if common and ordered else 0


def compose_sections(retrieval: Retrieval, context: AnswerContext, named: bool = False) -> Answer | None:
    """Two sibling sections the question names by their headings, each with its parts (`named`: only
    sections it names word for word, "积极影响和消极影响分别是什么？"; else the two it sets against each
    other, see `contrasted`)."""
    found = [s for s in retrieval.matched if not named or names(s, retrieval, context)]
    pairs = [(a, b) for i, a in enumerate(found) for b in found[i + 1 :] if parent_of(a) == parent_of(b)]
    asked = asked_words(retrieval) if not named else set()
    if not named and not any(contrast(p, retrieval, context, asked) for p in pairs[:1]):
        # the headings it matched are not two sides it sets against each other: look for two that are
        pairs = [pair] if (pair := contrasted(retrieval, context, asked)) else pairs
    if not pairs:
        return None
    return side_by_side(pairs[0], retrieval, context)


def side_by_side(pair: tuple[str, str], retrieval: Retrieval, context: AnswerContext) -> Answer:
    """Two sections, each under its heading with its parts (a side without parts: its opening and what it
    says of it)."""
    out = Lines(retrieval, context)
    tree = context.index.tree
    question = retrieval.question.searched
    weighs = RE_WEIGHS.search(question) or intents.RE_WEIGHING.search(question)
    if weighs:  # which side weighs more: the authors' verdict first
        for s in thesis_sentences(retrieval.document, retrieval, context):
            out.quote(s)
    for sid in sorted(pair, key=lambda s: tree.first[s].start):
        kids = tree.children.get(sid, [])
        out.heading(sid, with_opening=False)
        for kid in kids:
            out.heading(kid, "- ")
        for s in [] if kids else leaf_sentences(sid, retrieval, context)[:SIDE]:  # a side without parts
            out.quote(s, "- ")
    return out.answer("comparison")


def counted_pair(retrieval: Retrieval, context: AnswerContext) -> Answer | None:
    """The two parts of the section a question counts ("How do the two stages compare?", 新旧两个阶段有什么
    不同: the section whose two parts are stages, see `assistant.retrieval.outline`), side by side."""
    kids = context.index.tree.children.get(retrieval.outline or "", [])
    return side_by_side((kids[0], kids[1]), retrieval, context) if len(kids) == 2 else None


def compose_comparison(retrieval: Retrieval, context: AnswerContext) -> Answer | None:
    if RE_TABLE.search(retrieval.question.searched):  # "in the table, how do the two stages differ"
        return compose_table(retrieval, context) or compose_sections(retrieval, context)
    return (
        compose_sections(retrieval, context)
        or compose_table(retrieval, context)
        or counted_pair(retrieval, context)
    )
