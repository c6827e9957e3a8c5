"""What a chosen sentence brings with it into an answer: the figures after a short finding, the example
after a definition; and the language knowledge telling those sentences apart."""

from __future__ import annotations

import re

from assistant.answer.sentences import Sentence
from assistant.question.analysis import Question

# "X是指…" / "所谓X" / "X refers to" give a definition; "…现象，即…" names what the thing is
RE_NAMES_WHAT = re.compile(r"[，,]即(?![使便将可])")
RE_DEFINES = re.compile(
    r"是指|指的是|是一种|所谓|即为|被称为|定义为|\brefers? to\b|\bis defined "
    r"as\b|\bmeans\b",
    re.I,
)

# a figure: digits, or a Chinese numeral before a unit
RE_FIGURE = re.compile(r"\d|[一二三四五六七八九十百千万亿]+(?:%|个百分点|倍|万|亿)")
# a sentence that is an example, not one naming instances of a word in passing ("such as AI, big data")
RE_IS_EXAMPLE = re.compile(
    r"^\W*(?:例如|比如|譬如|以[^，。；]{1,30}为例|for (?:example|instance)|as an example)", re.I
)
SHORT = 60  # characters: a sentence this short that gives no figure leans on the next one for its evidence
# asked what a term means: "什么是X", "What is X?", "X是什么意思"
RE_DEFINITION_QUESTION = re.compile(
    r"什么是|是什么意思|是指什么|指什么|指的是什么|啥意思|何为|什么叫|含义|定义|"
    r"^what (?:is|are) (?:the |an? )?[\w' -]{2,40}\?*$|\bwhat does .{2,60} mean\b|\bwhat is meant by\b|"
    r"\bdefin|\bmeaning of\b",
    re.I,
)
# or what a thing the reader quotes is ("What is the 'X' phenomenon the paper talks about?")
RE_ASKS_WHAT_QUOTED = re.compile(r"^what (?:is|are) (?:the |this |that )?['‘\"“][^'’\"”]{2,60}['’\"”]", re.I)


def is_example(s: Sentence) -> bool:
    return either(RE_IS_EXAMPLE, s)


def either(pattern: re.Pattern, s: Sentence) -> bool:
    """The sentence as shown (a translation, maybe) or as the text says it matches `pattern`."""
    return pattern.search(s.shown) is not None or pattern.search(s.text) is not None


def evidence_after(s: Sentence, sentences: list[Sentence]) -> list[Sentence]:
    """The next sentence of the same passage when `s` states a finding in a few words and no figure
    ("Energy poverty fell accordingly.") and the next one gives the figures."""
    if len(s.shown) > SHORT or RE_FIGURE.search(s.shown):
        return []
    after = next((t for t in sentences if t.hit is s.hit and t.index == s.index + 1), None)
    return [after] if after is not None and RE_FIGURE.search(after.shown) else []


def example_after(s: Sentence, sentences: list[Sentence], question: Question) -> list[Sentence]:
    """Asked what a term means, the example the text gives right after the sentence defining it ("…现象，
    即上下游企业集体外迁…" then "以三星和苹果公司为例…")."""
    asks = RE_DEFINITION_QUESTION.search(question.searched) or RE_ASKS_WHAT_QUOTED.search(question.searched)
    if not asks or not (either(RE_DEFINES, s) or RE_NAMES_WHAT.search(s.text)):
        return []
    after = next((t for t in sentences if t.hit is s.hit and t.index == s.index + 1), None)
    return [after] if after is not None and is_example(after) else []
