"""A name in capitals the corpus never says in any form: a question about "TSMC" or "CATL" finds
passages about chips and batteries, and quoting them would answer as if the text spoke of those.
A name is known when any text of the corpus or its translated edition has it as a word (its plural
too: "PCs"), or when it is the initials of words the corpus uses ("NBS": National Bureau of Statistics).
Two-letter names ("PV", "EV") stand for too many things to judge."""

from __future__ import annotations

import re

from assistant.guards.base import Guard, Verdict, passed
from assistant.question.analysis import Question
from assistant.retrieval.results import Retrieval
from assistant.text import EN_STOP, stem

# a name in capitals of three letters or more ("TSMC", "CATL"): two ("PV", "EV") are too many things
RE_NAME = re.compile(r"(?<![A-Za-z0-9&])[A-Z][A-Z0-9&]{1,}[A-Z](?:'?s)?(?![A-Za-z0-9&])")


class NamesGuard(Guard):
    name = "names"

    def unknown(self, question: str) -> list[str]:
        latin = self.context.latin
        out = []
        for name in RE_NAME.findall(question):
            key = re.sub(r"'?s$", "", name) if re.search(r"[A-Z]'?s$", name) else name
            low = key.lower()
            if low in EN_STOP or low in latin or stem(low) in latin or name.lower() in latin:
                continue
            out.append(name)
        return out

    def check(self, question: Question, retrieval: Retrieval) -> Verdict:
        if not (unknown := self.unknown(question.searched)):
            return passed(self.name)
        listed = ", ".join(unknown)
        return self.abstain(
            "unknown-name",
            f"论文中没有提到{'、'.join(unknown)}。",
            f"The text never mentions {listed}.",
            question,
        )
