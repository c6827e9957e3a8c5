"""The words of a statement as the premise reading compares them: its content words, its clauses, what a
verb of direction moves, the names it gives, the two sides of a contrast. Language knowledge only."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.corpus.entities import names
from assistant.figures import EN_WORDS
from assistant.guards.reading import polarity
from assistant.guards.reading.frames import RE_CLAUSE_END
from assistant.text import EN_STOP, ZH_STOP, english_words, tokenize

RE_DIGITS = re.compile(r"^\d+(?:\.\d+)?%?$")
RE_ACRONYM = re.compile(r"^[A-Z&.\-]{2,8}s?$")
RE_SENTENCE_END = re.compile(r"(?<=[a-z)])\.\s+(?=[A-Z])")  # an edition's unit may hold two sentences
RE_CELL = re.compile(r"\s\|\s")  # a table row's unit: its cells are clauses of their own
RE_YEARISH = re.compile(r"^(?:19|20)\d\d年?$")
RE_ZH_COUNT = re.compile(r"[一二两三四五六七八九十百千]+[个项条种大位席]?")


JOINING = frozenset({"and", "of", "the", "for"})


def spelt_out(name: str, text: str) -> bool:
    """An acronym the text spells out in plain words ("R&D": "research and development")."""
    if not RE_ACRONYM.match(name) or len(name) < 2:
        return False
    letters = [c.lower() for c in name.rstrip("s") if c.isalpha()]
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in JOINING | EN_STOP]
    n = len(letters)
    return n >= 2 and any([w[0] for w in words[i : i + n]] == letters for i in range(len(words) - n + 1))


@lru_cache(maxsize=8192)
def content_words(text: str, lang: str) -> tuple[str, ...]:
    """The words that carry a statement's meaning, as BM25 tokens (English stems; Chinese words of two
    characters or more), figures (in digits or words) left out (read once per text: a sentence is
    compared clause by clause and way by way)."""
    words = (
        english_words(text)
        if lang == "en"
        else [w for w in tokenize(text) if len(w) > 1 and w not in ZH_STOP]
    )
    return tuple(
        dict.fromkeys(
            w for w in words if not RE_DIGITS.match(w) and w not in EN_WORDS and not RE_ZH_COUNT.fullmatch(w)
        )
    )


@lru_cache(maxsize=4096)
def clauses_of(sentence: str, lang: str) -> tuple[str, ...]:
    """The sentence's clauses, one that says no more than a year or a connective ("For example",
    "in 2023", "2023年") joined to the next (read once per sentence: each way of comparing asks again)."""
    out, carry = [], ""
    for c in RE_CLAUSE_END.split(RE_CELL.sub(";", RE_SENTENCE_END.sub(";", sentence))):
        if not c.strip():
            continue
        words = [w for w in content_words(c, lang) if not RE_YEARISH.match(w)]
        if len(words) <= 1:
            carry += c + ","
            continue
        out.append(carry + c)
        carry = ""
    if carry:
        out.append(carry.rstrip(","))
    return tuple(out)


def contrast_items(text: str, lang: str) -> list[tuple[set[str], set[str]]]:
    """The two items of each contrast in `text` as words (preferred, rejected): the rejected side, and as
    many words of the preferred side where it meets it ("村集体而非企业": 村集体 against 企业)."""
    out = []
    for preferred, rejected, first in polarity.contrasts(text):
        b = content_words(rejected, lang)
        a = content_words(preferred, lang)
        k = max(1, len(b))
        out.append((set(a[-k:] if first else a[:k]), set(b)))
    return out


def moved_words(text: str, lang: str) -> list[str]:
    """What the premise says moves: the words after its verb of direction ("raised tariffs"), or before
    it when none follow ("companies' share of R&D spending dropped in 2023")."""
    m = verb_of(text)
    if not m:
        return []
    after = [w for w in content_words(text[m.end() :], lang) if not RE_YEARISH.match(w)]
    return after or list(content_words(text[: m.start()], lang))


def verb_words(text: str, lang: str) -> set[str]:
    """The words of a multi-word verb of direction ("went down", "stepped up"): a sentence saying the
    other way does not use them, so they are not words it must name."""
    m = verb_of(text)
    return set(content_words(m.group(), lang)) if m and " " in m.group() else set()


def verb_of(text: str) -> re.Match | None:
    """The premise's first verb of direction, up before down (what `moved_words` and `verb_words` read)."""
    return polarity.RE_UP.search(text) or polarity.RE_DOWN.search(text)


RE_GLOSSED = re.compile(r"\s*[(（]\s*([A-Z][A-Z&]{1,7})\s*[)）]")


def named_of(text: str, lang: str) -> set[str]:
    """The names a premise gives: a possessor apart from what it owns ("Japan's Production Linked
    Incentive": Japan), and a name glossed by an acronym ("Production Linked Incentive (PLI)") by the
    acronym alone, which a translation keeps where it may render the words otherwise."""
    out = set()
    for n in names(text, lang):
        out.update(p for p in re.split(r"['’]s\s+", n) if p)
    glossed = {n for n in out if (m := RE_GLOSSED.match(text[text.find(n) + len(n) :])) and m.group(1) != n}
    return out - glossed
