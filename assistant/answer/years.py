"""A comparison across years ("Compare the battery figures for 2023 and 2024"): for each year, the
sentence giving its figure, from the one part that gives every year's (the same thing compared)."""

from __future__ import annotations

import re

from assistant.answer.sentences import Sentence
from assistant.figures import RE_YEAR, years_of
from assistant.retrieval.results import Retrieval

RE_CITED_YEAR = re.compile(r"[（(][^（）()]*?(?:19|20)\d\d[^（）()]*[）)]")  # "(Sun Yu et al., 2024)"
RE_FIGURE = re.compile(r"\d")
YEAR_FLOOR = 0.5  # part of the best sentence's score each year's sentence needs


def stated_years(sentence: Sentence) -> set[str]:
    """The years a sentence gives figures of, not those of the works it cites ("(Sun Yu et al., 2024)")."""
    return set(years_of(RE_CITED_YEAR.sub(" ", sentence.text)))


def by_year(sentences: list[Sentence], retrieval: Retrieval) -> list[Sentence]:
    """A comparison of two years or more: for each year, the best sentence giving a figure of it, from
    the one part that gives figures of every year (the same thing compared), else from anywhere, when
    each comes within `YEAR_FLOOR` of the best sentence; [] otherwise."""
    years = list(dict.fromkeys(years_of(retrieval.question.searched)))
    if retrieval.question.intent != "comparison" or len(years) < 2:
        return []
    floor = YEAR_FLOOR * max(s.score for s in sentences)
    giving = [s for s in sentences if s.score >= floor and gives_figure(s)]

    def best_of(pool: list[Sentence]) -> list[Sentence] | None:
        found = [
            max((s for s in pool if y in stated_years(s)), key=lambda s: s.score, default=None) for y in years
        ]
        return None if None in found else list({s.text: s for s in found}.values())

    parts = {s.hit.chunk.section_id for s in giving}
    within = [b for p in parts if (b := best_of([s for s in giving if s.hit.chunk.section_id == p]))]
    return max(within, key=lambda b: sum(s.score for s in b), default=None) or best_of(giving) or []


def gives_figure(s: Sentence) -> bool:
    """The sentence, in the original or as shown, gives a figure besides its years."""
    return any(RE_FIGURE.search(RE_YEAR.sub(" ", t)) for t in (s.text, s.shown))
