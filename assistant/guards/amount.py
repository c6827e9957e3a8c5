"""An amount question ("how many jobs …", "多少家") whose passages give no figure for the thing it
counts: a figure for something else it names (robots, 2030) is no answer (see
`assistant.guards.reading.quantity`). The best three passages are read in the asker's language."""

from __future__ import annotations

from dataclasses import replace

from assistant.guards.base import Guard, Verdict, hit_units, passed, structural
from assistant.guards.reading.quantity import quantity_of
from assistant.index.lexicon import translation_units
from assistant.question.analysis import Question
from assistant.retrieval.results import Retrieval

PASSAGES = 3


class AmountGuard(Guard):
    """An English question is read against the English edition first; a translation may drop a word
    ("manufacturing value added" → "manufacturing value"), so the Chinese original counts too, its words
    reached through the corpus dictionary."""

    name = "amount"

    def given_in_original(self, quantity, retrieval: Retrieval, share: float) -> bool:
        units = [set(unit) for _, unit in translation_units(quantity.phrase, self.context.index.lexicon)]
        if not units:
            return False
        bridged = replace(quantity, lang="zh", words=[f"\0{k}" for k in range(len(units))])
        for h in retrieval.hits[:PASSAGES]:
            if h.chunk.lang != "zh":
                continue
            for s in h.units:
                marked = s
                for k, unit in enumerate(units):  # each unit's Chinese terms stand for its word
                    for term in sorted(unit, key=len, reverse=True):
                        marked = marked.replace(term, f" \0{k} ")
                if bridged.given_in(marked, share):
                    return True
        return False

    def check(self, question: Question, retrieval: Retrieval) -> Verdict:
        share = self.context.settings.guards.min_quantity_coverage
        if share <= 0 or retrieval.named or question.references or structural(question, retrieval):
            return passed(self.name)
        quantity = quantity_of(
            question.searched, question.lang, self.context.home.get(question.lang, frozenset())
        )
        if quantity is None:
            return passed(self.name)
        if any(quantity.given_in(s, share) for h in retrieval.hits[:PASSAGES] for s in hit_units(h)):
            return passed(self.name)
        if question.lang == "en" and self.given_in_original(quantity, retrieval, share):
            return passed(self.name)
        return self.abstain(
            "amount-absent",
            f"检索到的段落没有给出“{quantity.phrase}”的具体数字。",
            f"No passage found gives a figure for “{quantity.phrase}”.",
            question,
        )
