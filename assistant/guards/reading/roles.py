"""Who does what: the name standing just before a thing a statement names is the one acting on it
("美国通过《芯片和科学法案》…", "the United States, through the CHIPS and Science Act, …"). A premise that
gives the thing another actor than the text does ("Why did China pass the CHIPS Act?") is wrong about
who, even when the text names its actor elsewhere in the sentence ("…限制对中国的技术出口")."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.corpus.entities import named_in, names, same_name

RE_TITLE = re.compile(r"《[^》]*》")
RE_OWNED_EN = re.compile(r"['’]s\s+")  # between an owner and what it owns
# characters between an actor and what it acts on: a verb or a short phrase ("通过", ", through the ")
GAP = {"en": 32, "zh": 6}
RE_BREAK = re.compile(r"[。；;!?！？]|\.\s")


def things(text: str, lang: str, exclude: frozenset[str]) -> list[str]:
    """The titles and names of `text` (but `exclude`), in the order it gives them; a name with its owner
    ("Japan's CHIPS Act") is two: the owner and what it owns."""
    found = RE_TITLE.findall(text) + [
        part for n in names(text, lang) if n not in exclude for part in RE_OWNED_EN.split(n) if part
    ]
    return sorted(found, key=lambda t: text.find(t))


@lru_cache(maxsize=256)
def titled(text: str, lang: str, exclude: frozenset[str]) -> tuple[str, ...]:
    """The titles of `text` and its names of two words or more (a law, a programme)."""
    return tuple(t for t in things(text, lang, exclude) if t.startswith("《") or len(t.split()) > 1)


def place(thing: str, text: str) -> int:
    """Where `text` names `thing` (a Latin name as a whole word), or -1."""
    m = re.search(rf"(?<![A-Za-z]){re.escape(thing)}(?![A-Za-z])", text, re.I)
    return m.start() if m else -1


RE_POSSESSOR = re.compile(r"^(.+?)['’]s\s+\S")  # "Japan's Production Linked Incentive": Japan


def actor(text: str, lang: str, thing: str, depth: int = 0) -> str | None:
    """The name just before `thing` in `text` (at most `GAP` characters before it, in its sentence),
    the possessor of a name that owns it ("Japan's X"); for a thing glossing the name before it ("X (PLI)"),
    that name's actor."""
    at = place(thing, text)
    if at <= 0:
        return None
    before = text[:at]
    found = [(before.rfind(n), n) for n in names(before, lang) if before.rfind(n) >= 0]
    if not found:
        return None
    pos, name = max(found)
    gap = before[pos + len(name) :]
    if len(gap) > GAP[lang] or RE_BREAK.search(gap):
        return None
    if re.search(r"[A-Za-z\u4e00-\u9fff]", gap) is None:  # a gloss in brackets: who acts on what it glosses
        owner = RE_POSSESSOR.match(name)
        return owner.group(1) if owner else (actor(text, lang, name, depth + 1) if depth < 2 else None)
    owner = RE_POSSESSOR.match(name)
    return owner.group(1) if owner else name


RE_CLAUSE_SEP = re.compile(r"[。；;，,!?！？]|\.\s")


SUBJECT = {"en": 12, "zh": 3}  # characters into its clause a name may start to be the clause's subject


def clause_actor(text: str, lang: str, at: int) -> str | None:
    """The name opening the clause that reaches position `at`, however far before `at`: who acts in that
    clause ("The American manufacturers moved their assembly lines to Mexico": American; not "Chinese" of
    "where they retain Chinese production while moving some to India")."""
    start = max((m.end() for m in RE_CLAUSE_SEP.finditer(text, 0, at)), default=0)
    before = text[start:at]
    found = [(before.find(n), n) for n in names(before, lang) if 0 <= before.find(n) <= SUBJECT[lang]]
    return min(found)[1] if found else None


def other_actor(premise: str, sentence: str, lang: str, home: frozenset[str]) -> str | None:
    """The actor `sentence` gives the first thing both have someone act on, where the premise gives
    another which the sentence does not name before that thing (None when the two agree)."""
    for thing in things(premise, lang, home):
        at = place(thing, sentence)
        if at < 0:
            continue
        mine = actor(premise, lang, thing)
        # the clause's own actor, when none stands just before the thing ("BMW moved lines to Mexico" of
        # "American manufacturers moved their assembly lines to Mexico … BMW increased its R&D")
        theirs = actor(sentence, lang, thing) or (clause_actor(sentence, lang, at) if mine else None)
        if not mine or not theirs:  # nobody acts on this one: the next thing the premise names
            continue
        if same_name(mine, theirs):
            return None
        before = sentence[:at]
        said = named_in(mine, before, lang) or (mine in home and any(named_in(h, before, lang) for h in home))
        return None if said else theirs
    return None


# a thing owned: "一家中国企业的库姆托尔金矿项目" (the owner, then 的, then what it owns)
RE_OWNED_ZH = re.compile(r"([\u4e00-\u9fff]{2,12}?)的([\u4e00-\u9fff]{4,12})")
MIN_OWNED = 4  # characters of the owned thing both must give


def other_owner(premise: str, sentence: str, lang: str) -> str | None:
    """The name the sentence gives the owner of a thing the premise gives another owner ("一家中国企业的
    库姆托尔金矿项目" where the text says "加拿大森特拉黄金公司的库姆托尔金矿项目"), else None."""
    if lang != "zh":  # English possessives are read by `actor`
        return None
    for m in RE_OWNED_ZH.finditer(premise):
        mine = names(m.group(1), lang)
        thing = m.group(2)[:MIN_OWNED]
        at = sentence.find(thing)
        if not mine or at < 1 or sentence[at - 1] != "的":
            continue
        owner = re.split(r"[，。；、对在和与]", sentence[: at - 1])[-1][-12:]
        theirs = names(owner, lang)
        if theirs and not any(same_name(a, b) for a in mine for b in theirs):
            return min(theirs, key=len)
    return None
