"""A list question about a section as a whole ("Which four trends does the paper foresee?"), answered
from the section tree: one line per subsection, its heading in the asker's language and the first
sentence of its text, cited; not the paragraph that happens to score best. Which section: see
`assistant.retrieval.outline`.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer import render
from assistant.answer.base import AnswerContext, empty
from assistant.answer.citer import Citer
from assistant.answer.contract import Answer
from assistant.answer.sentences import Sentence, sentence_of
from assistant.index.sections import bare_label
from assistant.retrieval.outline import RE_COUNT, asked_count
from assistant.retrieval.results import Retrieval

MISCOUNT = {
    "zh": "问题的前提有误：论文列出的是{n}项，不是{asked}项。",
    "en": "The question's premise is wrong: the text lists {n}, not {asked}.",
}


@dataclass
class Outline:
    parent: str  # section id
    labels: list[str]  # each subsection's heading in the asker's language, in order
    parts: list[Sentence]  # the first sentence of each subsection


def label_of(section_id: str, lang: str, context: AnswerContext) -> str:
    return context.index.label(section_id, lang)


def find_outline(retrieval: Retrieval, context: AnswerContext) -> str | None:
    """The section whose subsections answer a list question (found by retrieval), or None."""
    return retrieval.outline


def part_found(parent: str, retrieval: Retrieval, context: AnswerContext) -> str | None:
    """Of the parts of `parent`, the one holding the best passage found inside it ("Which of the
    negative impacts is about labour-intensive industries leaving?": the part the passage on them is in)."""
    kids = context.index.tree.children.get(parent, [])
    for h in retrieval.hits:
        sid = h.chunk.section_id
        if (kid := next((k for k in kids if sid == k or sid.startswith(k + ".")), None)) is not None:
            return kid
    return None


def outline_of(parent: str, retrieval: Retrieval, context: AnswerContext) -> Outline:
    tree = context.index.tree
    kids = tree.children[parent]
    parts = [sentence_of(context.view(tree.first[k], retrieval), 0) for k in kids]
    return Outline(parent, [label_of(k, retrieval.lang, context) for k in kids], parts)


def compose_outline(parent: str, retrieval: Retrieval, context: AnswerContext) -> Answer:
    """One line per subsection: its heading, then the first sentence of its text, cited."""
    outline = outline_of(parent, retrieval, context)
    answer = empty(retrieval.question, retrieval)
    citer, lines = Citer(), []
    sep = "：" if retrieval.lang == "zh" else ": "
    limit = context.settings.answer.max_sentence_chars
    tree = context.index.tree
    quoted = list(outline.parts)
    for kid, heading, s in zip(tree.children[parent], outline.labels, outline.parts, strict=True):
        grand = tree.children.get(kid, [])
        if not grand:
            lines.append(f"{heading}{sep}{render.line(s, citer, limit)}")
            continue
        lines.append(heading)  # a part with parts of its own: those, not its first part's first sentence
        for g in grand:
            first = sentence_of(context.view(tree.first[g], retrieval), 0)
            quoted.append(first)
            lines.append(f"  - {label_of(g, retrieval.lang, context)}{sep}{render.line(first, citer, limit)}")
    answer.answer = render.block(retrieval.lang, lines, quoted)
    asked = asked_count(retrieval.question.searched)
    if asked is not None and asked != len(outline.parts):  # "the three negative impacts" of five: say so
        answer.premise_rejected = RE_COUNT.search(retrieval.question.searched).group()
        answer.answer = (
            MISCOUNT[retrieval.lang].format(n=len(outline.parts), asked=asked) + "\n" + answer.answer
        )
    answer.abstained, answer.kind, answer.citations = False, "outline", citer.citations
    answer.items = [
        {"label": bare_label(label), "section_id": k}
        for label, k in zip(outline.labels, context.index.tree.children[parent], strict=True)
    ]
    answer.translated = any(s.translated for s in quoted)
    return answer
