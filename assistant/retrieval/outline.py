"""Which section's parts a list question asks for ("Which four trends does the paper foresee?").

A question asks for a section's parts when it asks for a list (a count such as "four" / "哪四个", or
"which" / "哪些" / "what impacts" …) about a section as a whole: a section near the retrieved ones (above
or below them) with subsections (as many as the count, when there is one), whose heading's own words the
question uses (each word weighed by how rare it is among the document's headings, so that the subject
every heading names counts little), and whose heading path holds a good share of the question's terms,
headings read in the asker's language. When the count is wrong ("the three negative impacts" of five)
and the counted words are the heading's, that section is still the one: its answer says the count is
wrong. The answer is then one line per subsection (see `assistant.answer.outline`).
"""

from __future__ import annotations

import re
import weakref
from functools import lru_cache
from typing import NamedTuple

from assistant.index.open import OpenIndex
from assistant.index.sections import ancestors, bare_label
from assistant.question.intents import RE_LIST_QUESTION, asks_which_one
from assistant.question.synonyms import alike, alike_or_bad, named_in, widened, with_effect
from assistant.retrieval.headings import FAMILY, rarity
from assistant.text import EN_STOP as STOP_EN
from assistant.text import kin, tokenize

RE_COUNT = re.compile(
    r"\b(?<!part )(?<!section )(?<!chapter )(?<!table )(?<!figure )"  # "part 3 lists": a number, no count
    r"(two|three|four|five|six|seven|[2-7])\s+(?:main\s+|key\s+|major\s+|future\s+|new\s+)?[a-z]+|"
    r"[哪这]([两二三四五六七])[个大项方种类点]|(?<![第一二三四五六七八九十])([两二三四五六七])[条项点大](?=[\u4e00-\u9fff])|"
    r"(?<![第一二三四五六七八九十])([两二三四五六七])个(?=[\u4e00-\u9fff]{2})",
    re.I,
)
# weighted share of the section heading's own words the question uses (with a count, one word will do)
MIN_NAMED = 0.55
MIN_HEADING_COVERAGE = 0.25  # share of the question's terms the heading path holds
NAMED_GAP = 0.1  # more of a heading named that tells a section from one inside it
NUMBER = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
}


def asked_count(question: str) -> int | None:
    m = RE_COUNT.search(question)
    if not m:
        return None
    key = next(g for g in m.groups() if g).lower()
    return int(key) if key.isdigit() else NUMBER[key]


def counted_words(question: str) -> set[str]:
    """The words around a count: what the question counts ("three negative impacts" → negative, impact;
    "消极影响有哪三个" → 消极, 影响)."""
    m = RE_COUNT.search(question)
    if not m:
        return set()
    # in Chinese what is counted may come first ("消极影响有哪三个")
    after = question[max(m.start() - 8, 0) : m.end() + 8] if not question.isascii() else question[m.start() :]
    words = tokenize(after)
    return set(words[:3] if question.isascii() else words)


def counts_parts(question: str, kids: list[str], index: OpenIndex, lang: str) -> bool:
    """What the question counts is what each of the parts calls itself ("the two stages", 哪两个阶段:
    parts headed "…Stage One…" and "…Stage Two…")."""
    m = RE_COUNT.search(question)
    if not m:
        return False
    after = tokenize(question[m.end() : m.end() + 6] if not question.isascii() else m.group())
    noun = next((w for w in after if len(w) > 1 and not w.isdigit() and w not in NUMBER), None)
    if noun is None or noun in STOP_EN:
        return False
    return all(alike(noun) & set(tokenize(index.label(k, lang))) for k in kids)


@lru_cache(maxsize=1024)
def label_tokens(label: str) -> frozenset[str]:
    """A heading's words as BM25 tokens, its number left out."""
    return frozenset(tokenize(bare_label(label)))


# per open index (checked by a weak reference: a new build may reuse a closed one's id)
_WEIGHTS: dict[tuple[int, str, str], tuple[weakref.ref, dict[str, float]]] = {}


def heading_weights(index: OpenIndex, lang: str, document: str) -> dict[str, float]:
    """How much each heading word says about which section is meant: log(1 + n/df) over the document's
    headings, so that the document's own subject, named in most headings ("global industrial chain"),
    weighs little beside the words that tell one heading from another."""
    key = (id(index), lang, document)
    cached = _WEIGHTS.get(key)
    if cached is None or cached[0]() is not index:
        heads = [
            label_tokens(index.label(s, lang))
            for s in index.tree.first
            if index.tree.document_of(s) == document
        ]
        cached = (weakref.ref(index), rarity(heads))
        _WEIGHTS[key] = cached
    return cached[1]


def named_share(own: set[str], asked: set[str], weights: dict[str, float]) -> float:
    """The weighted share of a heading's own words that the question uses."""
    total = sum(weights.get(w, 1.0) for w in own)
    return sum(weights.get(w, 1.0) for w in own & asked) / total if total else 0.0


def share_of(terms: dict[str, float], text: str, counted: bool = False) -> float:
    """Weighted share of `terms` that `text` holds (`counted`: threats counted, "the five risks", are
    things bad for someone)."""
    if not terms:
        return 0.0
    toks, low = set(tokenize(text)), text.lower()
    like = alike_or_bad if counted else alike
    held = sum(
        w
        for t, w in terms.items()
        if like(t) & toks or (len(t) > 1 and t in low) or any(kin(t, k, FAMILY) for k in toks)
    )
    return held / sum(terms.values())


class Candidate(NamedTuple):
    """A section whose parts may answer a list question, ordered by how well it fits."""

    share: float  # of the question's terms its heading path holds
    named: float  # of its own heading's words the question names
    depth: int  # minus its depth: the broader first
    section: str


def outline_parent(
    question: str, lang: str, terms: dict[str, float], sections: list[str], index: OpenIndex
) -> str | None:
    """The section whose subsections answer a list question, or None (see the module doc)."""
    count = asked_count(question)
    if count is None and not (RE_LIST_QUESTION.search(question) or asks_which_one(question)):
        return None
    tree = index.tree
    candidates: list[str] = []
    for sid in sections:  # each found passage's section, the sections above it, and those below them
        for up in ancestors(sid):
            for near in [up, *(k for k in tree.first if k.startswith(up + "."))]:
                if near not in candidates:
                    candidates.append(near)
    # "downsides" names a heading's "negative impact", 好处 its 积极 (as written: the tokenizer may split it)
    asked = with_effect(widened(set(terms) | named_in(question)))
    for p in named_outright(sections, asked, index, lang):  # found or not: "the main risks for China …"
        if p not in candidates:
            candidates.append(p)
    best: Candidate | None = None
    other: Candidate | None = None  # a section it names outright, with another count
    for p in candidates:
        kids = tree.children.get(p, [])
        if len(kids) < 2:
            continue
        own = set(label_tokens(index.label(p, lang)))
        named = named_share(own, asked, heading_weights(index, lang, tree.document_of(p)))
        share = share_of(terms, index.heading_path(p, lang), counted=count is not None)
        key = Candidate(share, named, -p.count("."), p)
        if count is not None and len(kids) != count:
            counted = counted_words(question)  # the count is of this heading's things ("三个消极影响")
            if len(own & counted) >= MIN_NAMED * len(own) and (other is None or key > other):
                other = key
            continue
        enough = named > 0 if count is not None else named >= MIN_NAMED
        if count is not None and counts_parts(question, kids, index, lang):
            enough, share = True, max(share, MIN_HEADING_COVERAGE)  # "the two stages": each part a stage
            key = key._replace(share=share)
        if enough and share >= MIN_HEADING_COVERAGE and (best is None or better(key, best)):
            best = key
    # a count that is wrong ("the three negative impacts" of five): the section, the answer says so; what
    # the question names outweighs what its count fits (three positive impacts, but "negative" was said)
    if best and other and other.named >= MIN_NAMED and other.named > best.named:
        return other.section
    return best.section if best else other.section if other else None


def better(key: Candidate, best: Candidate) -> bool:
    """The best-covered heading; on a tie, of a section and one inside it the one whose heading the
    question names more of ("the main risks for China": the negative impacts, not all impacts), else
    the broader one, else the one found first."""
    if key.share != best.share:
        return key.share > best.share
    nested = key.section.startswith(best.section + ".") or best.section.startswith(key.section + ".")
    if nested and abs(key.named - best.named) >= NAMED_GAP:
        return key.named > best.named
    return key.depth > best.depth


def named_outright(sections: list[str], asked: set[str], index: OpenIndex, lang: str) -> list[str]:
    """The sections with parts, in the document of the passages found, whose heading's every word the
    question uses (in the words readers use for them)."""
    tree = index.tree
    if not sections:
        return []
    document = tree.document_of(sections[0])
    weights = heading_weights(index, lang, document)
    return [
        p
        for p, kids in tree.children.items()
        if len(kids) >= 2
        and tree.document_of(p) == document
        and named_share(atomic(label_tokens(index.label(p, lang))), asked, weights) >= 1.0
    ]


def atomic(words: frozenset[str]) -> set[str]:
    """A heading's words without those made of its other words (积极影响 of 积极 and 影响)."""
    return {w for w in words if not any(v != w and v in w for v in words)}
