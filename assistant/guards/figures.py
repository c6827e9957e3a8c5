"""A year or figure the question names that no retrieved passage gives: "in 2019" asked of passages
that speak of 2021 and 2023. Figures are compared as values, in either language ("17,000" is 1.7万)."""

from __future__ import annotations

import re

from assistant.figures import figures, holds_figure, years_of
from assistant.guards.base import Guard, Verdict, passed
from assistant.question.analysis import Question
from assistant.question.intents import RE_REFERENCE_NUMBER
from assistant.question.numbering import RE_NAMED_SECTION
from assistant.retrieval.results import Retrieval


class FiguresGuard(Guard):
    name = "figures"

    def check(self, question: Question, retrieval: Retrieval) -> Verdict:
        if retrieval.named:
            return passed(self.name)
        asked = RE_REFERENCE_NUMBER.sub(" ", RE_NAMED_SECTION.sub(" ", question.searched))
        for number in question.section_numbers:  # "3.2消极影响这节" names a section, not a figure
            asked = re.sub(rf"(?<![\d.]){re.escape(number)}(?![\d.])", " ", asked)
        texts = [h.chunk.text + " " + h.chunk.section for h in retrieval.hits]
        texts += [h.edition.text + " " + h.edition.section for h in retrieval.hits if h.edition]
        joined = " ".join(texts)
        for year in years_of(asked):
            if year not in joined:
                return self.abstain(
                    "year-absent",
                    f"检索到的段落都没有提到{year}年。",
                    f"No passage found speaks of {year}.",
                    question,
                )
        for figure in figures(asked, words=False):
            if (figure.kind or figure.value >= 100 or "." in figure.text) and not any(
                holds_figure(figure, t) for t in texts
            ):
                return self.abstain(
                    "figure-absent",
                    f"检索到的段落都没有给出{figure.text}这个数字。",
                    f"No passage found gives the figure {figure.text}.",
                    question,
                )
        return passed(self.name)
