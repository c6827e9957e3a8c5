"""Words readers use for the same thing, in either language: language knowledge, not knowledge of any
document. A reader asks for "the downsides" or "负面冲击" of what a heading calls 消极影响, for "upsides"
or 好处 where it says "Positive Impacts"; headings are matched with these equivalences (see
`assistant.retrieval.headings` and `assistant.retrieval.outline`)."""

from __future__ import annotations

import re
from functools import cache

from assistant.question.spelling import american
from assistant.text import tokenize

CLASSES = (
    # good for someone
    "积极 正面 有利 好处 利好 益处 upside upsides positive benefit benefits advantage advantages "
    "favourable favorable beneficial plus pluses good",
    # bad for someone
    "消极 负面 不利 坏处 弊端 害处 downside downsides negative harm harms disadvantage disadvantages "
    "adverse harmful detrimental minus minuses drawback drawbacks shortcoming shortcomings bad",
    # what something does to something else
    "影响 冲击 效应 作用 后果 impact impacts effect effects consequence consequences influence implication "
    "implications",
    # what the authors propose
    "建议 对策 措施 举措 办法 政策建议 recommendation recommendations suggestion suggestions proposal "
    "proposals measure measures advice remedy remedies",
    # where things are heading
    "趋势 走向 动向 态势 trend trends tendency tendencies direction directions",
    # one step of a development
    "阶段 stage stages phase phases",
    # what is to come
    "未来 将来 今后 future",
    # a change in something
    "变化 变动 演变 change changes",
    # getting smaller
    "萎缩 收缩 shrink shrinking shrinkage contraction",
    # making bigger
    "扩大 放大 expand expanding enlarge amplify",
    # production moved from one place to another
    "转移 迁移 外迁 transfer transfers relocation relocations relocate relocating migration migrating "
    "migrate offshoring",
    # how many people work somewhere
    "人数 人员数 从业人数 从业人员数 就业人数 headcount",
    # goods crossing borders, both ways
    "贸易 进出口 外贸 trade",
    # the part before the first numbered one
    "引言 导言 前言 绪论 intro introduction preface",
    # a Chinese author's own country: 我国 is China, and the adjective names it too
    "中国 我国 china chinese",
)


@cache
def _classes() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(w for word in c.split() for w in tokenize(word)) for c in CLASSES)


@cache
def alike(word: str) -> frozenset[str]:
    """`word` and the words readers use for the same thing (as BM25 tokens)."""
    out = {word}
    for c in _classes():
        if word in c:
            out |= c
    return frozenset(out)


@cache
def written_alike(word: str) -> frozenset[str]:
    """`word` and the words readers use for the same thing, as written (贸易 → 进出口, not its part 出口)."""
    return frozenset({word}.union(*(c.split() for c in CLASSES if word.lower() in c.split())))


@cache
def _chinese() -> tuple[str, ...]:
    return tuple(w for c in CLASSES for w in c.split() if not w.isascii())


def named_in(text: str) -> set[str]:
    """The words of these classes that `text` uses, found as written (a Chinese word the tokenizer
    splits because the corpus never uses it, such as 好处, is still found)."""
    return {w for w in _chinese() if w in text} | {w for w in tokenize(text) if len(alike(w)) > 1}


def opposed(one: set[str], other: set[str]) -> bool:
    """One set of words says good for someone where the other says bad ("积极影响" and "消极影响")."""
    good, bad = _classes()[0], _classes()[1]
    return bool(one & good and other & bad or one & bad and other & good)


def widened(words: set[str] | dict[str, float]) -> set[str]:
    """`words` with every word readers use for the same thing."""
    return set().union(*(alike(w) for w in words)) if words else set()


# what threatens someone: a list of these is a list of the bad effects, and a part named by them or a
# count of them ("the part about risks", "the five risks") the part on them; not a word for 消极 elsewhere
# ("the threat to it" names no part on negative impacts)
THREATS = frozenset(tokenize("danger dangers threat threats peril perils risk risks 风险 威胁"))


def alike_or_bad(word: str) -> frozenset[str]:
    """`word` and the words readers use for the same thing; a threat is something bad for someone ("the
    five risks" are a heading's "negative" impacts)."""
    return alike(word) | _classes()[1] if word in THREATS else alike(word)


def with_threats(words: set[str]) -> set[str]:
    """`words`, with the words for bad for someone when one names a threat: a part of the text named by
    its threats ("the part about risks", 讲风险的部分) is the part on what is bad for someone."""
    return words | _classes()[1] if words & THREATS else words


def with_effect(words: set[str]) -> set[str]:
    """`words`, with the words for an effect ("impact", 影响) when one says good or bad for someone: a
    list of "the benefits" or "the dangers" is a list of impacts."""
    good, bad, effect = _classes()[:3]
    if words & THREATS:
        words = words | bad
    return words | effect if words & (good | bad) else words


# readers' phrases for a thing's direction ("where are supply chains heading?", 何去何从): the words a
# text uses for it, added to what is searched
RE_WHITHER = re.compile(
    r"\bwhere\b[^?]{0,80}?\b(?:heading|headed|going|moving|evolving)(?: next| from here| in (?:the )?future)?"
    r"\s*[?.]*\s*$|\bwhat(?:'s| is| comes) next for\b|"
    r"何去何从|往哪(?:里|个方向|儿)?(?:走|发展|去|变)|走向何方|会怎么(?:变|走|发展)",
    re.I,
)
WHITHER = {"en": "future trends", "zh": "未来趋势"}


def spelled_out(question: str, lang: str) -> str:
    """`question`, with the words a text uses for what its phrases ask (a direction: its trends), in
    American spelling when English (see `assistant.question.spelling`)."""
    question = american(question) if lang == "en" else question
    return f"{question} ({WHITHER[lang]})" if RE_WHITHER.search(question) else question
