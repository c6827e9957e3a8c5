"""Which section a summary question means when its heading alone does not say.

A reader often names a part by what it is about rather than by its heading ("the subsection on
shrinking markets", "讲只找一两家供应商的那部分"), or names a broad part and then narrows it ("what the
policy part says about moving industry inland"). The passages the question finds say where it is:

- no heading named, and a part named as such ("the subsection on …") or a summary asked of something
  other than the whole text: the deepest section holding at least two of the best passages, else the best
  passage's own section;
- a heading named, and the question says more than that heading (at least two words of its own): the
  section, below the named one, of the best passage found there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from assistant.index.sections import ancestors
from assistant.question import asked, intents
from assistant.question.analysis import Question
from assistant.question.synonyms import alike, widened
from assistant.retrieval.headings import RE_QUOTED
from assistant.retrieval.results import Hit
from assistant.text import kin

TOP = 5  # the best passages that vote for a section
MIN_VOTES = 2  # passages a section needs among them to be where the question gathers
MIN_OWN_WORDS = 2  # words besides the named heading's that make a question ask for a part below it


def gathered(hits: list[Hit], valid: set[str]) -> str | None:
    """The deepest section of `valid` holding `MIN_VOTES` of the best passages, else the best passage's
    section (the nearest valid one above it)."""
    votes: dict[str, int] = defaultdict(int)
    weight: dict[str, float] = defaultdict(float)
    best: str | None = None
    for h in hits[:TOP]:
        chain = [s for s in ancestors(h.chunk.section_id) if s in valid]
        if chain and best is None:
            best = chain[-1]
        for s in chain:
            votes[s] += 1
            weight[s] += h.score
    many = [s for s, n in votes.items() if n >= MIN_VOTES]
    return max(many, key=lambda s: (s.count("."), weight[s])) if many else best


def narrowed(
    sections: list[str], matched: list[str], asked: set[str], headings, question: Question
) -> list[str]:
    """One part named by number, and a heading below it named by words of its own, not the numbered
    part's ("第二部分里“区域联盟化”那一节"; not "第三部分的影响" for a part on 积极影响), or holding a phrase
    the question quotes ("第一部分里讲的“第一阶段”"): that one; and the one part inside that which words of
    its own name ("the 'forcing upgrading' point among the positive impacts in part three"). `headings`
    gives each section's heading words (`assistant.retrieval.headings.Headings`)."""
    if len(sections) != 1:
        return sections
    top, lang = sections[0], question.lang
    own = lambda m: headings.words(m, lang) - headings.words(top, lang)  # noqa: E731
    quoted = [q for q in RE_QUOTED.findall(question.searched) if q not in headings.index.label(top, lang)]
    below_top = [m for m in headings.index.tree.first if m.startswith(top + ".")]
    holding = [m for m in below_top if any(q in headings.index.label(m, lang) for q in quoted)]
    named = [m for m in matched if m in below_top and own(m) & asked]
    # of a heading and one inside it that it names, the inner ("the last negative impact, the one about
    # critical minerals": the part on minerals, inside the part on negative impacts)
    inner = [m for m in named if not any(o.startswith(m + ".") for o in named)]
    chosen = inner[0] if inner else holding[0] if holding else top
    # inside the part chosen the bar is lower: the one heading that words of its own name
    inside = [
        m
        for m in below_top
        if m.startswith(chosen + ".") and names_inside(m, [top, chosen], asked, headings, lang)
    ]
    return [inside[0] if len(inside) == 1 else chosen]


def names_inside(section: str, above: list[str], asked: set[str], headings, lang: str) -> bool:
    """`asked` names `section` by a word of its heading (or one of its family) that the headings
    `above` it do not already say ("industry" of "industrial chain", 应对 of 有效应对…挑战)."""
    shared = set().union(*(headings.words(a, lang) for a in above))
    said = "".join(headings.index.label(a, lang) for a in above)
    own = [
        w
        for w in headings.words(section, lang)
        if not any(a in said for a in alike(w)) and not any(kin(w, x) for x in shared)  # 迁移 of 转移
    ]
    return any(kin(w, t) for w in own for t in asked)


def below(named: str, hits: list[Hit], valid: set[str], naming: bool = True) -> str | None:
    """The section, below `named`, of the best passage found inside it; when that passage is the named
    section's own (its introduction), only if the question's words name a part inside (`naming`)."""
    for h in hits:
        sid = h.chunk.section_id
        if sid == named and not naming:
            return None
        if sid.startswith(named + "."):
            chain = [s for s in ancestors(sid) if s in valid and s.startswith(named + ".")]
            return chain[-1] if chain else None
    return None


def names_below(named: str, extra: set[str], valid: set[str], words_of: Callable[[str], set[str]]) -> bool:
    """Words of the question besides the named heading's name a heading inside it by a word that not all
    of its parts share ("加大创新" names one part of the proposals; "theory" names every part of section
    I, so it names none)."""
    kids = [s for s in valid if s.startswith(named + ".") and s.count(".") == named.count(".") + 1]
    common = set.intersection(*(words_of(k) for k in kids)) if kids else set()
    inside = set().union(*(words_of(s) for s in valid if s.startswith(named + "."))) - words_of(named)
    return any(kin(w, t) for w in inside - common for t in extra)


def summary_focus(
    question: Question,
    matched: list[str],
    hits: list[Hit],
    valid: set[str],
    words_of: Callable[[str], set[str]],
    home: frozenset[str] = frozenset(),
) -> str | None:
    """The section a summary question means, when no number or scope says (see the module doc);
    `words_of` gives a section's heading-path words in the asker's language, `home` the name the text
    may leave unsaid (China, for a paper about China)."""
    if intents.asks_its_parts(question.searched):
        return None  # "各部分讲什么？": the whole text's parts
    summary, part = question.intent == "summary", intents.names_part(question.searched)
    if not summary and not (question.intent == "conclusion" and part):  # a conclusion: the whole text's
        return None
    own = intents.topic_words(question.searched) - {w.lower() for w in home}
    if matched:
        named = matched[0]
        extra = own - widened(words_of(named))
        naming = names_below(named, extra, valid, words_of)
        if len(extra) >= MIN_OWN_WORDS and (deeper := below(named, hits, valid, naming)):
            return deeper
        return named
    # "what the paper says about X" is about X, though it names the paper
    whole = question.whole and not asked.says_about(question.searched)
    if part or summary and not whole and not intents.bare_summary(question.searched):
        return gathered(hits, valid)
    return None
