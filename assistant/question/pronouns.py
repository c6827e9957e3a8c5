"""Pronouns that point back at what the conversation said before ("对此", "这个问题", "it", "those"), as
opposed to pronouns for the text itself ("the upsides it mentions"). Language knowledge only."""

from __future__ import annotations

import re

RE_ANAPHORA_ZH = re.compile(
    r"对此|对这一点|对这个问题|这一点|这个|这些|这种|这类|这样的?|这一|这方面|(?<!因|如|由|彼)此(?![外后前])|它们?|"
    r"其(?![他它余中次实])|(?<!应)该"
)
# "it" or "they" saying something: the text or its authors ("the upsides it mentions", "How do they propose
# helping private firms?"), about what the conversation is about
SAYING = (
    r"mentions?|says?|said|discuss(?:es)?|argues?|recommends?|proposes?|suggests?|lists?|gives?|cites?|"
    r"describes?|talks?|thinks?|claims?|notes?|concludes?|sees?|identif(?:y|ies)|highlights?|predicts?|"
    r"opens?|covers?|points? (?:to|out)"
)
RE_TEXT_PRONOUN = re.compile(rf"\b(?:it|they)\s+(?:{SAYING})\b", re.I)
RE_NARROWING = re.compile(r"\b(?:specifically|in particular|particularly|exactly)\b", re.I)


def narrows_text(question: str) -> bool:
    """What the text says, asked of something narrower than what the conversation was about ("How do
    they propose helping private firms specifically?")."""
    return bool(RE_TEXT_PRONOUN.search(question) and RE_NARROWING.search(question))


# a pronoun that points back; "that", "which" and "who" after a noun and before a verb open a
# relative clause ("households that weren't connected") and point at nothing
RE_ANAPHORA_EN = re.compile(
    r"(?:^|\b(?:is|was|are|were|does|did|do|about|of|on|for|to|with|by|behind|after|before|caused?|"
    r"explains?|means?|drives?|why|how|will|would|could|can|might|may|should|has|have|had)\s+)?"
    r"\b(?P<p>this|these|those|it|its|they|them|their|that)\b(?!\s+(?:paper|report|article|study))"
    rf"(?!\s+(?:{SAYING})\b)",
    re.I,
)


def anaphora_en(question: str) -> re.Match | None:
    """The first English pronoun that points back ("that" only after a verb or a preposition, or at
    the end)."""
    for m in RE_ANAPHORA_EN.finditer(question):
        lead = m.start("p") > m.start() or m.start() == 0
        if m.group("p").lower() != "that" or lead or not question[m.end() :].strip(" ?.!"):
            return m
    return None


# a pointer to what the last two answers said ("这两组数据", "both figures")
RE_TWO = re.compile(r"[这那]两|二者|两者|\b(?:both|these two|those two)\b", re.I)
# a pointer to a problem ("针对这个问题", "this issue"): the problem the previous answer's part treats
RE_PROBLEM = re.compile(
    r"(?:这个|这一|此|该|这些|上述)(?:问题|挑战|困境|风险|现象|难题)|"
    r"\b(?:this|that|these|those) (?:kinds? of |sort of )?"
    r"(?:problems?|issues?|challenges?|risks?|threats?)\b",
    re.I,
)
# what points back in a question asking where something was said ("这两组数据在哪部分讲的？")
RE_POINTER = re.compile(r"这|那|上述|上面|前面|刚才|\b(?:this|that|these|those|it|above)\b", re.I)
