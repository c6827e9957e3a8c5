"""A name in capitals the corpus never says in any form: a question about "TSMC" or "CATL" finds
passages about chips and batteries, and quoting them would answer as if the text spoke of those.
A name is known when any text of the corpus or its translated edition has it as a word (its plural
too: "PCs"), or when it is the initials of words the corpus uses ("NBS": National Bureau of Statistics).
Two-letter names ("PV", "EV") stand for too many things to judge.

A question asking what the text says of a named thing ("What does the paper say about the Inflation
Reduction Act?") names it in the topic: an English name of several capitalised words is known when a
text of the corpus or its edition says it as a phrase, or says each of its own words with a capital
("the CHIPS Act": the "Chips and Science Act"); words every such name may end in ("Act", "Mechanism")
tell nothing."""

from __future__ import annotations

import re

from assistant.corpus.entities import names
from assistant.guards.base import Guard, Verdict, passed
from assistant.question import asked
from assistant.question.analysis import Question
from assistant.retrieval.results import Retrieval
from assistant.text import EN_STOP, content_tokens, stem

# a name in capitals of three letters or more ("TSMC", "CATL"): two ("PV", "EV") are too many things
RE_NAME = re.compile(r"(?<![A-Za-z0-9&])[A-Z][A-Z0-9&]{1,}[A-Z](?:'?s)?(?![A-Za-z0-9&])")


# words a name of several words may end in or hold, which tell one such name from another not at all
NAME_WORDS = frozenset(
    "act acts law laws initiative mechanism agreement agreements plan program programme policy strategy "
    "section union organization organisation bank fund the of and for on in".split()
)


MAX_TOPIC_WORDS = 6  # a topic asked about, not a claim stated before the question


class NamesGuard(Guard):
    name = "names"

    def texts(self) -> tuple[str, str]:
        """The corpus's text outside the bibliography and its edition, with their heading paths: as written,
        and in lower case."""
        if "names-texts" not in self.context.extra:
            index = self.context.index
            body = {cid for cid, c in index.chunks.items() if c.kind != "bibliography"}
            # with the heading paths, in both languages (a follow-up may name a part by its heading)
            written = " ".join(f"{index.chunks[cid].section} {index.chunks[cid].text}" for cid in body)
            edition = " ".join(f"{e.section} {e.text}" for cid, e in index.editions.items() if cid in body)
            self.context.extra["names-texts"] = (f"{written} {edition}", f"{written} {edition}".lower())
        return self.context.extra["names-texts"]

    def unknown_topic(self, question: Question) -> list[str]:
        """The names of the topic a question asks the text's view of that no text of the corpus says
        (see the module doc)."""
        topic = asked.topic_asked(question.searched)
        # English names only: Chinese ones, told by the tokenizer's tags, are written too many ways
        # (东盟, 东南亚国家联盟) and tagged too loosely to say the text lacks one
        if not topic or question.lang != "en" or question.is_follow_up:  # a follow-up is about the text
            return []
        if len(content_tokens(topic)) > MAX_TOPIC_WORDS:  # a claim stated first: the premise guard's to read
            return []
        written, lower = self.texts()
        out = []
        for name in names(topic, question.lang):
            # two letters ("EV") stand for too many things to tell
            words = [w for w in re.findall(r"[A-Za-z][\w-]{2,}", name) if w.lower() not in NAME_WORDS]
            if len(name.split()) < 2 or not words:
                continue  # one word (the acronym check above), or generic words and a number ("Section 232")
            key = re.sub(r"(?:'|’)s\b", "", name)
            if key.lower() in lower or all(
                re.search(rf"\b{re.escape(w[0])}(?i:{re.escape(w[1:])})\b", written) for w in words
            ):
                continue
            out.append(name)
        return out

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
        if not (unknown := self.unknown(question.searched) or self.unknown_topic(question)):
            return passed(self.name)
        listed = ", ".join(unknown)
        return self.abstain(
            "unknown-name",
            f"论文中没有提到{'、'.join(unknown)}。",
            f"The text never mentions {listed}.",
            question,
        )
