"""Retrieval too weak to answer from: no passage's embedding comes near the question's."""

import math

from assistant.figures import RE_YEAR, years_of
from assistant.guards.base import Guard, Verdict, passed, structural
from assistant.guards.reading import polarity
from assistant.guards.reading.premise import premise_of
from assistant.index.sections import bare_label
from assistant.question import asked, intents
from assistant.question.analysis import Question
from assistant.retrieval.headings import quoted_names
from assistant.retrieval.results import Retrieval
from assistant.text import content_tokens, kin

TOP = 3  # passages searched for the topic's words
MIN_LOOSE = 4  # words of a topic of which one may be missing from the passage
MIN_QUOTED = 2  # words of a quoted name that name a heading
MIN_HALF = 3  # words of a part's paraphrase of which half will do


def names_found(question: Question, retrieval: Retrieval) -> bool:
    """The question asks the text's view of a topic, or the meaning of a term, whose every word a top
    passage holds: a short question about a name embeds far from any passage, yet the text speaks of it."""
    topic = asked.topic_asked(question.searched) or asked.term_asked(question.searched)
    words = set(content_tokens(topic or ""))
    # every word, or all but one of four or more ("the US CHIPS and Science Act": "United States" in the text)
    need = len(words) - (len(words) >= MIN_LOOSE)
    part = question.intent == "summary" and intents.names_part(question.searched)
    if topic is None and (part or asked.asks_point(question.searched)):  # "苹果公司的例子是想说明什么？"
        # a part named by what it is about ("the section about Apple and relying on just a few suppliers"):
        # half its words, the reader's paraphrase of the part
        words = set(content_tokens(" ".join(intents.topic_words(question.searched))))
        need = len(words) if len(words) < MIN_HALF else math.ceil(len(words) / 2)
    return bool(words) and any(len(words & set(h.tokens or [])) >= need for h in retrieval.hits[:TOP])


def premise_named(question: Question, retrieval: Retrieval) -> bool:
    """The question states a premise naming things a top passage names ("RCEP took effect in 2020. What
    changed after?"): whether the text holds it is the premise guard's to say."""
    premise = premise_of(question.searched, question.lang)
    if premise is not None and premise.verdict and not polarity.weighed_topic(premise.text):
        return True  # "既然作者认为利大于弊…": the text's own verdict, for the premise guard to read
    if premise is None or not premise.names:
        return False
    names = {n.lower() for n in premise.names}
    for h in retrieval.hits[:TOP]:
        text = " ".join([h.chunk.text, h.edition.text if h.edition else "", *(h.tokens or [])]).lower()
        if all(n in text for n in names):
            return True
    return False


# words that ask about figures or compare them, naming no topic
ASKING_FIGURES = asked.FIGURE_WORDS | frozenset("compare comparison change changed how did".split())


def years_found(question: Question, retrieval: Retrieval) -> bool:
    """The question asks about figures of given years ("Compare the battery figures for 2023 and 2024") and
    a top passage holds every year and all its other words, or all but one of three or more: a short
    question about figures embeds far from the sentence that gives them."""
    years = set(years_of(question.searched))
    words = set(content_tokens(RE_YEAR.sub(" ", question.searched))) - ASKING_FIGURES
    if not years or not words:
        return False
    need = len(words) - (len(words) >= 3)
    for h in retrieval.hits[:TOP]:
        text = " ".join([h.chunk.text, h.edition.text if h.edition else ""])
        if years <= set(years_of(text)) and len(words & set(content_tokens(text))) >= need:
            return True
    return False


def heading_quoted(question: Question, retrieval: Retrieval, label) -> bool:
    """A name the question quotes is a heading it found, by two words or more of that heading ("What's
    'weaponization of barriers'?"): a question naming a part of the text in quotes is about the text.
    `label` gives a section's heading in the asker's language."""
    for name in quoted_names(question.searched):
        words = set(content_tokens(name))
        for sid in retrieval.matched if len(words) >= MIN_QUOTED else ():
            heading = set(content_tokens(label(sid)))
            if all(any(kin(w, h) for h in heading) for w in words):
                return True
    return False


MIN_NAMED_HAN = 4  # characters of a Chinese heading a question names whole


def heading_named(question: Question, retrieval: Retrieval, label) -> bool:
    """The question names the heading it found best whole (四个字 or more, or two English words or more:
    "壁垒武器化表现在哪些层面？请列举文中提到的具体做法。"): a question about that part, however much
    else it says dilutes its embedding."""
    if not retrieval.matched:
        return False
    heading = bare_label(label(retrieval.matched[0]))
    if question.lang == "zh":
        return len(heading) >= MIN_NAMED_HAN and heading in question.searched
    words, asked_words = set(content_tokens(heading)), set(content_tokens(question.searched))
    return len(words) >= MIN_QUOTED and all(any(kin(w, a) for a in asked_words) for w in words)


class SimilarityGuard(Guard):
    name = "similarity"

    def check(self, question: Question, retrieval: Retrieval) -> Verdict:
        floor = self.context.settings.guards.min_score
        if (
            retrieval.named
            or retrieval.tables
            or retrieval.best_dense >= floor
            or structural(question, retrieval)
        ):
            return passed(self.name)
        if question.condensed is not None:  # a follow-up made whole from an answered turn is about the text
            return passed(self.name)
        label = lambda sid: self.context.index.label(sid, question.lang)  # noqa: E731
        if (
            heading_quoted(question, retrieval, label)
            or heading_named(question, retrieval, label)
            or names_found(question, retrieval)
            or premise_named(question, retrieval)
            or years_found(question, retrieval)
        ):
            return passed(self.name)  # "What does the paper say about RCEP?", RCEP in a passage
        return self.abstain(
            "weak-retrieval", "检索到的段落与问题都不相近。", "No passage is close to the question.", question
        )
