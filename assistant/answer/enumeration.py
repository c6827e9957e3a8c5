"""Enumerations inside a paragraph: a sentence that announces items ("体现在三个方面：", "in three
ways:") and the items that follow it ("一是…", "第二，…", "Second, …", "(iii) …"), read in the text's own
language; and questions that ask for a number of things ("哪三个方面", "which four trends")."""

from __future__ import annotations

import re

from assistant.answer.sentences import Sentence, sentence_of
from assistant.retrieval.results import Retrieval

RE_ANNOUNCE = re.compile(
    r"[两一二三四五六七八九十\d]+\s*[个大项点]?.{0,4}?(?:方面|因素|阶段|层面|特征|途径|类别|措施|趋势|问题|"
    r"原因|部分)[。：:]$|[：:]$|"
    r"\b(?:two|three|four|five|six|several)\s+(?:\w+\s+){0,2}(?:ways|aspects|reasons|factors|stages|levels|"
    r"measures|"
    r"trends|problems|steps|parts|areas|lessons|findings|recommendations)\b.{0,30}[.:]$|\bas follows[.:]$",
    re.I,
)
RE_ITEM = re.compile(
    r"^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、]|其[一二三四五][，,、]|首先|其次|再次|最后|"
    r"(?:first|second|third|fourth|fifth|finally|lastly|firstly|secondly|thirdly)\b[,:]?|\((?:[ivx]{1,4}|"
    r"[a-e1-9])\))",
    re.I,
)
MAX_ITEMS = 8
NUMERALS = {
    "two": "两二2",
    "three": "三3",
    "four": "四4",
    "five": "五5",
    "six": "六6",
    "2": "两二2",
    "3": "三3",
    "4": "四4",
    "5": "五5",
    "6": "六6",
    "两": "两二2",
    "二": "两二2",
    "三": "三3",
    "四": "四4",
    "五": "五5",
    "六": "六6",
}
EN_NUMERALS = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six"}
RE_COUNT_QUESTION = re.compile(
    r"\b(two|three|four|five|six|[2-6])\s+(?:main\s+|key\s+|major\s+)?[a-z]+|"
    r"[哪这]([两二三四五六])[个大项方点]",
    re.I,
)


def announces_count(question: str, sentence: str) -> bool:
    """The question asks for N things and the sentence announces N ('哪三个方面' / '体现在三个方面')."""
    m = RE_COUNT_QUESTION.search(question)
    if not m or not RE_ANNOUNCE.search(sentence):
        return False
    key = (m.group(1) or m.group(2)).lower()
    word = EN_NUMERALS.get(key) or (key if key.isascii() and key.isalpha() else None)
    return any(ch in sentence for ch in NUMERALS[key]) or bool(
        word and re.search(rf"\b{word}\b", sentence, re.I)
    )


def list_items(sentence: Sentence, context, retrieval: Retrieval) -> list[Sentence]:
    """The items after a sentence that announces them, up to the paragraph's end (across its chunks)."""
    if not RE_ANNOUNCE.search(sentence.text):
        return []
    items: list[Sentence] = []
    hit, after = sentence.hit, sentence.end
    while hit is not None and len(items) < MAX_ITEMS:
        for k, (s, e) in enumerate(hit.chunk.sentence_spans()):
            if s >= after and RE_ITEM.match(hit.chunk.text[s:e]) and len(items) < MAX_ITEMS:
                items.append(sentence_of(hit, k, sentence.hit_rank))
        head, _, k = hit.chunk.id.rpartition(":c")  # the next chunk of the same paragraph
        nxt = context.index.chunks.get(f"{head}:c{int(k) + 1}") if k.isdigit() else None
        hit, after = (context.view(nxt, retrieval, like=sentence.hit), 0) if nxt else (None, 0)
    return items
