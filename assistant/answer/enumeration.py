"""Enumerations inside a paragraph: a sentence that announces items ("体现在三个方面：", "in three
ways:", "表现在多个层面。") and the items that follow it ("一是…", "第二，…", "Second, …", "(iii) …", or
units set off by semicolons), read in the text's own language; the other items of an enumeration
one item of which was found; and questions that ask for a number of things ("哪三个方面", "which four
trends") or for several ("哪几条办法", "What are the measures")."""

from __future__ import annotations

import re

from assistant.answer.sentences import Sentence, sentence_of
from assistant.retrieval.results import Retrieval
from assistant.text import content_tokens

# a sentence that announces items: a count and what is counted at its end ("体现在三个方面。", "主要有以下
# 四点：", "Our interviews point to three main barriers."), or a colon
RE_ANNOUNCE = re.compile(
    r"(?:[两一二三四五六七八九十\d]+|多|几|若干)\s*[个大项点种条类]?.{0,4}?(?:方面|因素|阶段|层面|特征|途径|类别|措施|"
    r"趋势|问题|形式|原因|部分)[。：:]$|(?:[两二三四五六七八九十]|多|几|若干)\s*[个大项点种条类][\u4e00-\u9fff]{1,4}[。：:]$|"
    r"[：:]$|\b(?:two|three|four|five|six|several|multiple|many|various)\s+(?:\w+\s+){0,2}\w+s\b.{0,30}[.:]$|"
    r"\bas follows[.:]$",
    re.I,
)
RE_ITEM = re.compile(
    r"^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、]|其[一二三四五][，,、]|首先|其次|再次|最后|"
    r"(?:first|second|third|fourth|fifth|finally|lastly|firstly|secondly|thirdly)\b[,:]?|\((?:[ivx]{1,4}|"
    r"[a-e1-9])\))",
    re.I,
)
MAX_ITEMS = 16  # an enumeration comes whole (the paper lists thirteen forms of weaponised barriers)
RE_SEMICOLON = re.compile(r"[；;]")
RE_MANY = re.compile(
    r"哪些|哪几|有哪|几[条项点个种方]|分别|列举|\b(?:what|which) are\b|\blist\b|\bname the\b|\benumerate\b|"
    r"\bexamples\b|"
    r"\bwhat (?:kinds?|forms?|types?|ways?)\b|"
    r"\bwhat (?:\w+ ){0,2}(?:measures|steps|recommendations|proposals|suggestions|policies|ways|forms|"
    r"features|factors|risks|impacts|trends|upsides|downsides|benefits|advantages|disadvantages|drawbacks|"
    r"costs|harms|threats|dangers)\b",
    re.I,
)
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
RE_COUNT_QUESTION = re.compile(  # N things asked for, not a span of time ("over the past two decades")
    r"\b(two|three|four|five|six|[2-6])\s+(?:main\s+|key\s+|major\s+)?"
    r"(?!(?:years?|decades?|months?|weeks?|days?|centur(?:y|ies)|times|percent|per)\b)[a-z]+|"
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


# a unit that announces a list and gives its first item, the rest following it after semicolons
# ("相关措施主要包括：选择性采购，指…；技术集成，即…；…")
RE_OPENS_RUN = re.compile(
    r"(?:包括|如下|主要有|分别是|分别为|有以下[几\d]?[个种类点项]?)[：:]|\b(?:include|are as follows):"
)


def list_items(sentence: Sentence, context, retrieval: Retrieval) -> list[Sentence]:
    """The items after a sentence that announces them, up to the paragraph's end (across its chunks)."""
    if not RE_ANNOUNCE.search(sentence.text):
        opens = RE_OPENS_RUN.search(sentence.text) and RE_SEMICOLON.search(sentence.text.rstrip()[-1:])
        return semicolon_run(sentence, context, retrieval) if opens else []
    items: list[Sentence] = []
    hit, after = sentence.hit, sentence.end
    while hit is not None and len(items) < MAX_ITEMS:
        for k, (s, e) in enumerate(hit.chunk.sentence_spans()):
            if s >= after and RE_ITEM.match(hit.chunk.text[s:e]) and len(items) < MAX_ITEMS:
                items.append(sentence_of(hit, k, sentence.hit_rank))
        nxt = paragraph_chunk(hit.chunk.id, 1, context)
        hit, after = (context.view(nxt, retrieval, like=sentence.hit), 0) if nxt else (None, 0)
    return with_bodies(items, context, retrieval) or semicolon_run(sentence, context, retrieval)


MAX_HEAD = 16  # characters (a Chinese text) or words (an English one) of an item that only names itself
MAX_BODY = 3  # sentences after such an item that say what it is


def is_head(sentence: Sentence) -> bool:
    """An item that only names itself ("一是企业层面的战略调整。", "Second, government policy.")."""
    rest = RE_ITEM.sub("", sentence.text.strip(), count=1)
    return len(rest.split()) <= MAX_HEAD // 2 if rest.isascii() else len(rest) <= MAX_HEAD


def with_bodies(items: list[Sentence], context, retrieval: Retrieval) -> list[Sentence]:
    """The items, each that only names itself followed by the sentences saying what it is (up to the
    next item, at most `MAX_BODY`)."""
    out: list[Sentence] = []
    for item in items:
        out.append(item)
        after = next_sentence(item, context, retrieval) if is_head(item) else None
        for _ in range(MAX_BODY):
            if after is None or RE_ITEM.match(after.text) or any(after.text == i.text for i in items):
                break
            out.append(after)
            after = next_sentence(after, context, retrieval)
    return out


def item_body(item: Sentence, context, retrieval: Retrieval) -> list[Sentence]:
    """An item of an enumeration ("第三，…") with the sentences after it that say more of it, up to the next
    item (at most `MAX_BODY`); [] when `item` is no such item."""
    if not RE_ITEM.match(item.text):
        return []
    out, after = [item], next_sentence(item, context, retrieval)
    while after is not None and len(out) <= MAX_BODY and not RE_ITEM.match(after.text):
        out.append(after)
        after = next_sentence(after, context, retrieval)
    return out


def paragraph_chunk(chunk_id: str, k: int, context, absolute: bool = False):
    """The chunk `k` after `chunk_id` in its paragraph (ids end in ":c<n>"), or its `k`-th chunk with
    `absolute`; None past the paragraph's end."""
    neighbour = paragraph_chunk_id(chunk_id, k, absolute)
    return context.index.chunks.get(neighbour) if neighbour else None


def paragraph_chunk_id(chunk_id: str, k: int, absolute: bool = False) -> str | None:
    """The id of the chunk `k` after `chunk_id` in its paragraph (or of its `k`-th with `absolute`);
    None when the id names no chunk of a paragraph or `k` goes before its first."""
    head, _, n = chunk_id.rpartition(":c")
    if not n.isdigit():
        return None
    at = k if absolute else int(n) + k
    return f"{head}:c{at}" if at >= 0 else None


def semicolon_run(sentence: Sentence, context, retrieval: Retrieval) -> list[Sentence]:
    """Items set off by semicolons after an announcing sentence ("例如，A；B；C。"): the units up to the
    one that closes the run, when at least two end with a semicolon."""
    run: list[Sentence] = []
    after = next_sentence(sentence, context, retrieval)
    while after is not None and len(run) < MAX_ITEMS:
        run.append(after)
        if not RE_SEMICOLON.search(after.text.rstrip()[-1:]):
            break
        after = next_sentence(after, context, retrieval)
    return run if sum(bool(RE_SEMICOLON.search(u.text.rstrip()[-1:])) for u in run) >= 2 else []


MIN_RUN = 2  # units ending in a semicolon that make a run of items


def semicolon_siblings(sentence: Sentence, context, retrieval: Retrieval) -> list[Sentence]:
    """The run of semicolon-separated items `sentence` belongs to (across its paragraph's chunks), with
    the unit announcing it when that ends in a colon; [] when it belongs to none."""
    units: list[tuple[object, int, str]] = []  # (chunk, unit index, text), the paragraph in order
    n = 0
    while chunk := paragraph_chunk(sentence.hit.chunk.id, n, context, absolute=True):
        units += [(chunk, k, chunk.text[a:b].rstrip()) for k, (a, b) in enumerate(chunk.sentence_spans())]
        n += 1
    here = (sentence.hit.chunk.id, sentence.index)
    at = next((i for i, (c, k, _) in enumerate(units) if (c.id, k) == here), -1)
    ends = [RE_SEMICOLON.search(t[-1:]) is not None for _, _, t in units]
    if at < 0 or not (ends[at] or at > 0 and ends[at - 1]):
        return []
    first = at if ends[at] else at - 1
    while first > 0 and ends[first - 1]:
        first -= 1
    last = at
    while ends[last] and last + 1 < len(units):
        last += 1
    if sum(ends[first : last + 1]) < MIN_RUN:
        return []
    if first > 0 and units[first - 1][2][-1:] in "：:":
        first -= 1
    out = []
    for chunk, k, _ in units[first : last + 1]:
        same = chunk.id == sentence.hit.chunk.id
        hit = sentence.hit if same else context.view(chunk, retrieval, like=sentence.hit)
        out.append(sentence_of(hit, k, sentence.hit_rank))
    return out


def semicolon_items(chunk) -> set[int]:
    """The units of `chunk` that are items set off by semicolons ("包括：A，指…；B，即…；C…。"): each run
    of at least `MIN_RUN` units ending in one, with the unit that closes it."""
    units = [chunk.text[s:e].rstrip() for s, e in chunk.sentence_spans()]
    out: set[int] = set()
    k = 0
    while k < len(units):
        j = k
        while j < len(units) and RE_SEMICOLON.search(units[j][-1:]):
            j += 1
        if j - k >= MIN_RUN:
            out.update(range(k, min(j + 1, len(units))))
        k = j + 1
    return out


def next_sentence(sentence: Sentence, context, retrieval: Retrieval) -> Sentence | None:
    """The unit after `sentence` in its paragraph (in the next chunk when it ends its own)."""
    if sentence.index + 1 < len(sentence.hit.chunk.sentence_spans()):
        return sentence_of(sentence.hit, sentence.index + 1, sentence.hit_rank)
    nxt = paragraph_chunk(sentence.hit.chunk.id, 1, context)
    return sentence_of(context.view(nxt, retrieval, like=sentence.hit), 0, sentence.hit_rank) if nxt else None


def asks_many(question: str) -> bool:
    """The question asks for several things ("哪几条办法", "What are the measures", "list …"), not one."""
    return RE_MANY.search(question) is not None


def names_item(sentence: Sentence, terms: dict[str, float]) -> bool:
    """The question names the item itself and asks what is inside it."""
    words = set(content_tokens(sentence.shown))
    return bool(words) and len(words & set(terms)) >= 0.5 * len(words)


def sibling_items(sentence: Sentence, context, retrieval: Retrieval) -> list[Sentence]:
    """For a question asking for several things whose best sentence is one item of an enumeration
    ("第五，…", or one of a run set off by semicolons) it does not itself name, the other items of its
    paragraph (across its chunks), in order; [] otherwise."""
    if not asks_many(retrieval.question.searched) or names_item(sentence, retrieval.terms):
        return []
    if not RE_ITEM.match(sentence.text):  # an item of a run set off by semicolons: the whole run
        return semicolon_siblings(sentence, context, retrieval)
    items: list[Sentence] = []
    n = 0
    while (chunk := paragraph_chunk(sentence.hit.chunk.id, n, context, absolute=True)) and len(
        items
    ) < MAX_ITEMS:
        hit = context.view(chunk, retrieval, like=sentence.hit)
        for j, (s, e) in enumerate(chunk.sentence_spans()):
            if RE_ITEM.match(chunk.text[s:e]) and len(items) < MAX_ITEMS:
                items.append(sentence_of(hit, j, sentence.hit_rank))
        n += 1
    return items if len(items) > 1 else []


MAX_LABEL = 40  # characters of an item's label
RE_LABEL_END = re.compile(r"[，,；;：:。.!?！？]")


def item_label(sentence: Sentence) -> str:
    """An item's few words, to point at it later ("二是深化农业水价综合改革，…" → 深化农业水价综合改革):
    in the asker's language, without its ordinal, up to its first comma."""
    shown = sentence.shown.strip()
    m = RE_ITEM.match(shown)
    rest = shown[m.end() :].lstrip(" ，,、:：") if m else shown
    label = RE_LABEL_END.split(rest, maxsplit=1)[0].strip()
    if len(label) > MAX_LABEL:  # whole words in Latin text
        label = label[:MAX_LABEL].rsplit(" ", 1)[0] if label.isascii() else label[:MAX_LABEL]
    return label


def items_of(sentences: list[Sentence]) -> list[dict]:
    """The enumerated items among an answer's sentences, for a follow-up to point at ("第二条")."""
    found = [s for s in sentences if RE_ITEM.match(s.text)]
    if len(found) < 2:
        return []
    return [{"label": item_label(s), "section_id": s.hit.chunk.section_id} for s in found if item_label(s)]
