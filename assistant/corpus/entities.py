"""Names in a text: the places, bodies, people and works a claim is about, read without a list of them.

English: a run of capitalised words or an acronym ("the IMF", "Oxford Economics", "the United
States"), not the capital that opens a sentence. Chinese: the words jieba's dictionary tags as a
place, an organisation or another proper noun (越南, 国际货币基金组织), and Latin acronyms. Two names
match when one is in the other, when an acronym is the initials of the other ("US" and "United
States"), or, in English, when their words share a stem ("Chinese" and "China", "Indian" and
"India").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from assistant.text import EN_STOP, jieba_tags

RE_EN_NAME = re.compile(r"(?<![\w.])(?:[A-Z][A-Za-z'’.&-]*(?:\s+(?:of\s+|for\s+)?[A-Z][A-Za-z'’.&-]*)*)")
RE_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9&]{1,}s?(?![A-Za-z])")
ZH_NAME_TAGS = {"ns", "nt", "nz", "nrt"}  # places, bodies, other proper names, transliterated names
STEM = 4  # letters two forms of a name share ("Chin": China, Chinese)
# capitalised because they open a sentence, not because they name something
OPENERS = EN_STOP | set(
    [
        "since",
        "given",
        "according",
        "why",
        "how",
        "what",
        "which",
        "who",
        "when",
        "where",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "the",
        "in",
        "by",
        "as",
        "if",
        "so",
        "and",
        "but",
        "however",
        "moreover",
        "furthermore",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "finally",
        "overall",
        "although",
        "while",
        "this",
        "these",
        "those",
        "also",
        "besides",
        "then",
        "thus",
        "therefore",
        "yet",
        "still",
        "instead",
        "meanwhile",
        "notably",
        "summarise",
        "summarize",
        "explain",
        "describe",
        "please",
        "tell",
        "list",
        "name",
        "say",
        "give",
        "i",
        "we",
        "you",
        "it",
        "its",
        "they",
        "there",
        "here",
        "let",
        "suppose",
        "say",
    ]
)


def _clean(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip(" .,;:'’\"“”"))
    return re.sub(r"\.", "", name)


@lru_cache(maxsize=4096)
def english_names(text: str) -> frozenset[str]:
    out = set()
    for m in RE_EN_NAME.finditer(text):
        words = [w for w in _clean(m.group()).split() if w.lower() not in ("of", "for")]
        while words and words[0].lower() in OPENERS:
            words = words[1:]
        if words:
            out.add(" ".join(words))
    return frozenset(out)


@lru_cache(maxsize=4096)
def chinese_names(text: str) -> frozenset[str]:
    found = {w for w, tag in jieba_tags(text) if tag in ZH_NAME_TAGS and len(w) >= 2}
    found |= {_clean(m.group()) for m in RE_ACRONYM.finditer(text)}
    return frozenset(found)


def names(text: str, lang: str) -> frozenset[str]:
    return chinese_names(text) if lang == "zh" else english_names(text)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def same_name(a: str, b: str) -> bool:
    a_, b_ = a.lower(), b.lower()
    if a_ in b_ or b_ in a_:
        return True
    bare_a, bare_b = a.rstrip("s"), b.rstrip("s")
    if (
        bare_a.isupper()
        and len(bare_a) >= 2
        and _initials(b) == bare_a
        or bare_b.isupper()
        and _initials(a) == bare_b
    ):
        return True
    wa, wb = a_.split(), b_.split()
    return len(wa) == len(wb) and all(
        x[:STEM] == y[:STEM] and min(len(x), len(y)) >= STEM for x, y in zip(wa, wb, strict=False)
    )


def named_in(name: str, text: str, lang: str) -> bool:
    """`text` names `name` (see the module doc)."""
    if lang == "zh" and name in text:
        return True
    if name.lower() in text.lower():
        return True
    return any(same_name(name, other) for other in names(text, lang))


def home_names(texts: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """The name each language's text uses most, from (language, text) pairs: China, for a paper
    about China, whose sentences may leave it unsaid. Read once, at ingest."""
    counts: dict[str, Counter] = {"zh": Counter(), "en": Counter()}
    for lang, text in texts:
        counts[lang].update(names(text, lang))
    return {lang: [n for n, _ in cnt.most_common(1)] for lang, cnt in counts.items()}
