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

import re
from collections import defaultdict
from collections.abc import Callable

from assistant.index.sections import ancestors
from assistant.question import asked, intents
from assistant.question.analysis import Question
from assistant.question.synonyms import widened
from assistant.retrieval.results import Hit

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


RE_QUOTED = re.compile(r"[“\"‘]([^”\"’]{2,30})[”\"’]")


def narrowed(
    sections: list[str], matched: list[str], asked: set[str], headings, question: Question
) -> list[str]:
    """One part named by number, and a heading below it named by words of its own, not the numbered
    part's ("第二部分里“区域联盟化”那一节"; not "第三部分的影响" for a part on 积极影响), or holding a phrase
    the question quotes ("第一部分里讲的“第一阶段”"): that one. `headings` gives each section's heading
    words (`assistant.retrieval.headings.Headings`)."""
    if len(sections) != 1:
        return sections
    top, lang = sections[0], question.lang
    own = lambda m: headings.words(m, lang) - headings.words(top, lang)  # noqa: E731
    quoted = [q for q in RE_QUOTED.findall(question.searched) if q not in headings.index.label(top, lang)]
    below_top = [m for m in headings.index.tree.first if m.startswith(top + ".")]
    holding = [m for m in below_top if any(q in headings.index.label(m, lang) for q in quoted)]
    return [
        next(
            (m for m in matched if m.startswith(top + ".") and own(m) & asked), holding[0] if holding else top
        )
    ]


def below(named: str, hits: list[Hit], valid: set[str]) -> str | None:
    """The section, below `named`, of the best passage found inside it."""
    for h in hits:
        sid = h.chunk.section_id
        if sid != named and sid.startswith(named + "."):
            chain = [s for s in ancestors(sid) if s in valid and s.startswith(named + ".")]
            return chain[-1] if chain else None
    return None


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
    summary, part = question.intent == "summary", intents.names_part(question.searched)
    if not summary and not (question.intent == "conclusion" and part):  # a conclusion: the whole text's
        return None
    own = intents.topic_words(question.searched) - {w.lower() for w in home}
    if matched:
        named = matched[0]
        if len(own - widened(words_of(named))) >= MIN_OWN_WORDS and (deeper := below(named, hits, valid)):
            return deeper
        return named
    # "what the paper says about X" is about X, though it names the paper
    whole = question.whole and not asked.says_about(question.searched)
    if part or summary and not whole and not intents.bare_summary(question.searched):
        return gathered(hits, valid)
    return None
