"""The parts of the document an answer names in passing: "… 区域联盟化、采购单极化、人工智能封闭化和壁垒
武器化等新特征" names four sibling sections by their headings. A follow-up ("第二个是什么意思？",
"the second one") can then point at one of them, as it would at the parts of a listed answer."""

from __future__ import annotations

from collections import defaultdict

from assistant.answer.contract import Answer
from assistant.index.open import OpenIndex
from assistant.index.sections import bare_label, parent_of

MIN_NAMED = 2  # sibling headings a sentence must name to be read as listing them
MIN_LABEL = 2  # characters (Chinese) or words (English) a heading needs to be looked for


def _found(label: str, text: str) -> int:
    if not label or (label.isascii() and len(label.split()) < MIN_LABEL) or len(label) < MIN_LABEL:
        return -1
    return text.lower().find(label.lower())


def headings_named(answer: Answer, index: OpenIndex, lang: str) -> list[tuple[str, str]]:
    """(heading in `lang`, section id) of the sibling sections that one cited passage names most of, in
    the order it names them; empty when none names `MIN_NAMED` siblings."""
    tree = index.tree
    found: list[tuple[int, str]] = []
    for c in answer.citations:
        quotes = [q for q in (c.quote, c.quote_zh, c.quote_en) if q]
        by_parent: dict[str | None, list[tuple[int, str]]] = defaultdict(list)
        for sid in tree.first:
            for text in quotes:
                labels = {bare_label(index.label(sid, lang)), bare_label(tree.labels.get(sid, ""))}
                at = min((p for p in (_found(x, text) for x in labels) if p >= 0), default=-1)
                if at >= 0:
                    by_parent[parent_of(sid)].append((at, sid))
                    break
        best = max(by_parent.values(), key=len, default=[])
        if len(best) > len(found):
            found = best
    if len(found) < MIN_NAMED:
        return []
    return [(bare_label(index.label(sid, lang)), sid) for _, sid in sorted(found)]
