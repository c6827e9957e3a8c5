"""Parts and items named by number or position: "Section 2", 第三部分, "part II", "第四部分第（二）部分",
and an item of a list by its place ("第二个", "the last one", "the fourth recommendation"). Language
knowledge only."""

from __future__ import annotations

import re

# English ordinals ("the second", "2nd", "the last" = -1) and Chinese numerals one to six
ORDINAL_WORDS = {
    **{w: k for k, w in enumerate("first second third fourth fifth sixth seventh eighth".split(), 1)},
    **{
        f"{k}{s}": k
        for k, s in zip(range(1, 9), ["st", "nd", "rd", "th", "th", "th", "th", "th"], strict=True)
    },
    "last": -1,
}
ORDINALS = {**ORDINAL_WORDS, **{c: k for k, c in enumerate("一二三四五六", 1)}}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
CARDINALS = {w: k for k, w in enumerate("one two three four five six".split(), 1)}  # "section three"
RE_NAMED_SECTION = re.compile(
    # a text's part has a number of two digits at most: "Section 301" is a law's (the US tariff review)
    r"\b(?:section|part|chapter)\s+(\d{1,2}(?:\.\d+)*(?![\d])|[ivx]{1,3}\b|(?:one|two|three|four|five|six)\b)|"
    r"\b(first|second|third|fourth|fifth|sixth)\s+"
    r"(?:section|part|chapter)\b|第\s*([一二三四五六1-6])\s*(?:部分|节|章)",
    re.IGNORECASE,
)
# a section by its bare number, "3.2消极影响这节", "4.1, the part on …", "四（二）那块", read only with a
# word for a part of the text or for a summary
RE_BARE_NUMBER = re.compile(
    r"(?<![\d.])([1-9]\.[1-9](?:\.[1-9])?)(?![\d.%‰]|\s*(?:%|倍|万|亿|个|年|pp|percent|per|million|billion))"
)
RE_ZH_NESTED = re.compile(r"([一二三四五六七八九])\s*[（(]\s*([一二三四五六七八九])\s*[)）]")
# a part's own part, numbered in brackets just after it: "第四部分第（二）部分", "section 4, part (2)"
RE_SUB_NUMBER = re.compile(
    r"\s*[,，的之中里]?\s*(?:第|\bpart\s*|\bsubsection\s*)?[（(]\s*([一二三四五六七八九]|[1-9])\s*[)）]", re.I
)
RE_PART_WORD = re.compile(
    r"节|部分|那块|这块|章|\b(?:sub)?sections?\b|\bparts?\b|\bchapters?\b|概括|总结|summar", re.I
)


def section_numbers(question: str) -> list[str]:
    """The section numbers a question names: "Section 2" → "2", "the fourth part" → "4", "第三部分" → "3",
    "section 3.1" → "3.1", "Part II" → "2"."""
    out = []
    for m in RE_NAMED_SECTION.finditer(question):
        number, word, zh = m.groups()
        if number and number.lower() in ROMAN:
            out.append(str(ROMAN[number.lower()]))
        elif number and number.lower() in CARDINALS:
            out.append(str(CARDINALS[number.lower()]))
        else:
            out.append(number or str(ORDINALS.get((word or zh).lower(), zh)))
        end = m.end()
        if sub := RE_SUB_NUMBER.match(question, end):  # "第四部分第（二）部分", "section 4, part (2)"
            out[-1] += f".{ORDINALS.get(sub.group(1), sub.group(1))}"
            end = sub.end()
        if len(out) == 1 and (k := counted_item(question[end:])):  # "section 4 (2): the fourth measure"
            out[-1] += f".{k}"
    if not out and RE_PART_WORD.search(question):
        out += RE_BARE_NUMBER.findall(question)
        out += [
            f"{ORDINALS[a]}.{ORDINALS[b]}"
            for a, b in RE_ZH_NESTED.findall(question)
            if a in ORDINALS and b in ORDINALS
        ]
    return out


def named_sections(question: str) -> list[str]:
    """The paper's section ids a question points at by number ("Section 2" → s2)."""
    return ["s" + n for n in section_numbers(question)]


RE_ORDINAL_REFERENCE = re.compile(
    r"第\s*([一二三四五六七八九十\d]+)\s*(?:个|点|条|项|种|方面|大?块|类)?(?!\s*(?:部分|节|章|期|届|次))|"
    r"\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|last|1st|2nd|3rd|"
    r"[4-8]th)\b(?:\s+(?:one|item|point|"
    r"trend|risk|impact|recommendation|measure|part|of (?:them|these|those)))?|\b(?:item|point|number|"
    r"no\.?)\s*(\d)\b",
    re.I,
)


def counted_item(text: str) -> int | None:
    """The position of an item named with what it is ("the fourth recommendation", "第四条建议"), not a
    bare ordinal ("the first")."""
    m = RE_ORDINAL_REFERENCE.search(text)
    if not m or len(m.group().split()) < 2 and not re.search(r"[个点条项种块类]", m.group()):
        return None
    if RE_PART_WORD.search(m.group()):  # "the fourth part" names a section, not an item in one
        return None
    k = ordinal_reference(m.group())
    return k if k and k > 0 else None


def ordinal_reference(question: str) -> int | None:
    """The position a question points at in a previous list ("第二个" → 2, "the last one" → -1)."""
    m = RE_ORDINAL_REFERENCE.search(question)
    if not m:
        return None
    zh, word, digit = m.groups()
    if zh:
        from assistant.figures import zh_number

        return int(zh) if zh.isdigit() else zh_number(zh)
    if word:
        return ORDINAL_WORDS[word.lower()]
    return int(digit) if digit else None


# a part named by its place among parts of one kind ("the first trend", "the second negative impact",
# 第一个阶段)
RE_NTH = re.compile(
    r"\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|last)\s+((?:(?:positive|negative|main|key|major)\s+)?"
    r"(?!one\b|time\b|half\b|place\b|part\b|section\b|chapter\b)[a-z]{3,})\b|"
    r"第([一二三四五六])(?:个|种|大|项|条|点)?+(?!部分|节|章|具体|到底|主要|是|的|讲|说)([\u4e00-\u9fff]{2,4}?)"
    r"(?=是|的|讲|说|有|呢|指|具体|和|与|及|相比|比|[、？?，,。]|$)",
    re.I,
)
