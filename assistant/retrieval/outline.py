"""Which section's parts a list question asks for ("Which four trends does the paper foresee?").

A question asks for a section's parts when it asks for a list (a count such as "four" / "哪四个", or
"which" / "哪些" / "what impacts" …) about a section as a whole: a section near the retrieved ones (above
or below them) with subsections (as many as the count, when there is one), whose heading's own words the
question uses, and whose heading path holds a good share of the question's terms, headings read in the
asker's language. The answer is then one line per subsection (see `assistant.answer.outline`).
"""

from __future__ import annotations

import re

from assistant.index.open import OpenIndex
from assistant.index.sections import ancestors, bare_label
from assistant.question.intents import RE_LIST_QUESTION
from assistant.text import tokenize

RE_COUNT = re.compile(
    r"\b(two|three|four|five|six|seven|[2-7])\s+(?:main\s+|key\s+|major\s+|future\s+|new\s+)?[a-z]+|"
    r"[哪这]([两二三四五六七])[个大项方种类点]|(?<![第一二三四五六七八九十])([两二三四五六七])[条项点大](?=[\u4e00-\u9fff])",
    re.I,
)
# list questions about a section as a whole named ≥ 0.67 / covered ≥ 0.30 of its heading on the dev
# questions, list questions about a detail inside one ≤ 0.5 / ≤ 0.12
MIN_NAMED = (
    0.6  # share of the section heading's own words the question uses (with a matching count, one word)
)
MIN_HEADING_COVERAGE = 0.25  # share of the question's terms the heading path holds
NUMBER = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
}


def asked_count(question: str) -> int | None:
    m = RE_COUNT.search(question)
    if not m:
        return None
    key = next(g for g in m.groups() if g).lower()
    return int(key) if key.isdigit() else NUMBER[key]


def share_of(terms: dict[str, float], text: str) -> float:
    """Weighted share of `terms` that `text` holds."""
    if not terms:
        return 0.0
    toks, low = set(tokenize(text)), text.lower()
    return sum(w for t, w in terms.items() if t in toks or (len(t) > 1 and t in low)) / sum(terms.values())


def outline_parent(
    question: str, lang: str, terms: dict[str, float], sections: list[str], index: OpenIndex
) -> str | None:
    """The section whose subsections answer a list question, or None (see the module doc)."""
    count = asked_count(question)
    if count is None and not RE_LIST_QUESTION.search(question):
        return None
    tree = index.tree
    candidates: list[str] = []
    for sid in sections:  # each found passage's section, the sections above it, and those below them
        for up in ancestors(sid):
            for near in [up, *(k for k in tree.first if k.startswith(up + "."))]:
                if near not in candidates:
                    candidates.append(near)
    best: tuple[float, int, str] | None = None
    for p in candidates:
        kids = tree.children.get(p, [])
        if len(kids) < 2 or (count is not None and len(kids) != count):
            continue
        own = set(tokenize(bare_label(index.label(p, lang))))
        named = len(own & set(terms)) / len(own) if own else 0.0
        share = share_of(terms, index.heading_path(p, lang))
        enough = named > 0 if count is not None else named >= MIN_NAMED
        if enough and share >= MIN_HEADING_COVERAGE and (best is None or (share, -p.count(".")) > best[:2]):
            best = (share, -p.count("."), p)  # the best-covered heading; on a tie, the broader section
    return best[2] if best else None
