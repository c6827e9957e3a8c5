"""The question stage: what was asked, in which language, about what, and what to search.

`analyse` reads a question once, before anything is searched: its language, whether it asks
about sources or the English front matter, which sections or references it names by number, and,
for a follow-up, the question it stands for (see `assistant.question.followup`). Every later stage
takes the `Question` it returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.question import asked, intents, numbering
from assistant.question.followup import Turn
from assistant.question.synonyms import spelled_out
from assistant.text import language_of

# how the asker wants it said, not what they ask ("Briefly, …", "简单来说，…"): not searched
RE_REGISTER = re.compile(
    r"^(?:briefly|in short|in brief|quickly|simply put|put simply|in a word|in plain terms|"
    r"简单(?:来|地)?说|简要(?:地)?(?:说|讲)?|简而言之|长话短说)\s*[,，:：]\s*",
    re.I,
)


@dataclass
class Question:
    text: str  # as asked, whitespace tidied
    lang: str  # "zh" or "en"
    searched: str  # what is searched: the question, or the follow-up made whole
    mode: str = "grounded"
    section: str | None = None  # scope: only this section (and its subsections)
    document: str | None = None  # scope: only this document
    history: list[Turn] = field(default_factory=list)
    references: bool = False  # asks about sources: the bibliography joins the search
    english_front: bool = False  # asks about the English title, abstract, keywords or JEL codes
    section_numbers: list[str] = field(default_factory=list)  # "Section 2", 第三部分 → ["2"], ["3"]
    opening: bool = False  # asks for the opening of a section
    named_references: list[int] = field(default_factory=list)  # "[6]", "reference 12"
    named_tables: list[int] = field(default_factory=list)  # "表1", "Table 1"
    orders: bool = False  # an order to the system or a chit-chat task, not a question
    intent: str = "fact"  # what kind of answer it wants (see assistant.question.intents.intent)
    whole: bool = False  # it is about the whole document ("this paper", 本文)
    translation: str | None = None  # a model's Chinese rendering of an English question, when one ran
    condensed: str | None = None  # the whole question a follow-up stands for, when it is one
    steer: list[str] = field(default_factory=list)  # sections of the previous answer a follow-up leans on
    # the section the previous answer was about, when the question stands on its own in a conversation:
    # leaned on lightly ("Any real-world example of the resource nationalism it mentions?")
    context: list[str] = field(default_factory=list)

    @property
    def is_follow_up(self) -> bool:
        return self.condensed is not None


def _intent(text: str, searched: str) -> str:
    """What the question wants: a follow-up's own words say it ("两相比较，总体判断是？" asks for the
    verdict), else the question it stands for does ("第二个呢？": what was asked of the first)."""
    own = intents.intent(text)
    if own != "fact" or searched == text or asked.asks_content(text):  # "Why?" asks for a reason
        return own
    return intents.intent(searched)


def analyse(
    text: str,
    mode: str = "grounded",
    section: str | None = None,
    document: str | None = None,
    history: list[Turn] | None = None,
    condensed: str | None = None,
    steer: list[str] | None = None,
    context: list[str] | None = None,
) -> Question:
    """The `Question` for `text` (a follow-up's whole question, `condensed`, is what is searched)."""
    text = " ".join(text.split())
    searched = condensed or spelled_out(RE_REGISTER.sub("", text) or text, language_of(text))
    return Question(
        text=text,
        lang=language_of(text),
        searched=searched,
        mode=mode,
        section=section,
        document=document,
        history=list(history or []),
        references=intents.wants_references(searched),
        english_front=intents.wants_english_front(searched),
        section_numbers=numbering.section_numbers(searched),
        opening=intents.asks_opening(searched),
        named_references=intents.named_references(searched),
        named_tables=intents.named_tables(searched),
        orders=intents.gives_orders(text),
        intent=_intent(text, searched),
        whole=intents.about_whole(searched),
        condensed=condensed,
        steer=list(steer or []),
        context=list(context or []),
    )
