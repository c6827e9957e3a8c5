"""The guard interface: one check that may stop an answer before it is written.

A guard looks at the analysed question and what retrieval found, and returns a `Verdict`: whether
to abstain, a short reason, and the notice the reader sees (in the question's language). A premise
the text contradicts comes back with the sentence that corrects it. Guards share a `GuardContext`:
the open index, the search (for its vocabulary), the settings, and what the corpus says of itself
(its home names, its Latin words).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from functools import cached_property

from assistant.index.open import OpenIndex
from assistant.question import intents
from assistant.question.analysis import Question
from assistant.retrieval.hybrid import HybridSearch
from assistant.retrieval.results import Hit, Retrieval
from assistant.settings import Settings
from assistant.text import EN_STOP, RE_WORD, stem

RE_CAPITALS = re.compile(r"(?<![A-Za-z0-9&])[A-Z][A-Za-z0-9&-]*[A-Z0-9](?![A-Za-z0-9&])")


@dataclass(frozen=True)
class Correction:
    """The sentence that shows a question's premise is wrong."""

    premise: str
    hit: Hit
    unit: int  # which quotable unit of the hit's chunk
    why: str  # how it differs: "figures", "direction", "contrast", "negation", "absolute"


@dataclass(frozen=True)
class Verdict:
    guard: str
    abstain: bool
    reason: str = ""
    notice: str | None = None
    correction: Correction | None = None


def passed(guard: str) -> Verdict:
    return Verdict(guard, False)


@dataclass
class GuardContext:
    index: OpenIndex
    search: HybridSearch
    settings: Settings
    extra: dict = field(default_factory=dict)  # per-guard state (a loaded judge model)

    @property
    def home(self) -> dict[str, frozenset[str]]:
        """The name each language's text of the corpus uses most (China, for a paper about China):
        its sentences may leave it unsaid. Found at ingest."""
        return self.index.home

    @cached_property
    def latin(self) -> set[str]:
        """Every Latin word of the corpus and its editions (stemmed, lower case), and the initials of
        each run of two to five capitalised or plain words ("electric vehicles": ev)."""
        words: set[str] = set()
        texts = [c.text for c in self.index.chunks.values()] + [e.text for e in self.index.editions.values()]
        for text in texts:
            seq = [w.lower() for w in RE_WORD.findall(text) if w[0].isalpha()]
            words.update(stem(w) for w in seq)
            words.update(seq)
            words.update(m.lower() for m in RE_CAPITALS.findall(text))  # "R&D", "COVID-19" as written
            content = [w for w in seq if w not in EN_STOP]  # "National Bureau of Statistics": nbs
            for n in range(3, 6):
                words.update("".join(w[0] for w in content[i : i + n]) for i in range(len(content) - n + 1))
        return words


def structural(question: Question, retrieval: Retrieval) -> bool:
    """The question is answered from the document's structure, not from passages that share its words:
    a summary of the whole document or of a section it names, the parts of a section, its front matter."""
    several = retrieval.outline or len(retrieval.sections) > 1  # "第一阶段和第二阶段有何不同"
    if question.intent == "metadata" or question.intent in ("list", "comparison") and several:
        return True  # its front matter; the parts of the section it counts ("the two stages")
    if retrieval.advice or retrieval.responses:  # its part of proposals, or the part answering the topic
        return True
    if question.intent == "list" and retrieval.sections:  # "What are the sections of part 2?": its parts
        return True
    if question.intent not in ("summary", "conclusion"):
        return False
    if question.intent == "conclusion" and intents.RE_WEIGHING.search(question.searched):
        # "为什么作者认为整体上弊大于利？" asks for the verdict of the text; "is X good or bad?" asks
        # it of X, which the guards check like any topic
        return intents.weighs_only(question.searched)
    # a section found only from where the passages gather (see assistant.retrieval.focus) is no sign
    # that the text has it: the guards read those passages as they read any
    named = question.section_numbers or question.section or retrieval.sections or retrieval.matched
    return question.whole or bool(named) or intents.bare_summary(question.searched)


def hit_units(hit: Hit) -> list[str]:
    """A hit's quotable units in the asker's language (its edition's, when it has one)."""
    return hit.edition.sentences if hit.edition else hit.units


def notice(question: Question, zh: str, en: str) -> str:
    return zh if question.lang == "zh" else en


class Guard(ABC):
    name: str = ""

    def __init__(self, context: GuardContext):
        self.context = context

    @abstractmethod
    def check(self, question: Question, retrieval: Retrieval) -> Verdict:
        """The verdict on answering `question` from `retrieval`."""

    def abstain(
        self, reason: str, zh: str, en: str, question: Question, correction: Correction | None = None
    ) -> Verdict:
        return Verdict(self.name, True, reason, notice(question, zh, en), correction)
