"""A false premise, answered: the question takes the text to say something it contradicts, so the answer
says the premise is wrong and quotes the sentence that says otherwise."""

from __future__ import annotations

import re

from assistant.answer import render
from assistant.answer.base import AnswerContext, empty
from assistant.answer.citer import Citer
from assistant.answer.contract import Answer
from assistant.answer.sentences import sentence_of
from assistant.guards.base import Verdict
from assistant.question import intents
from assistant.retrieval.results import Retrieval

WHY = {
    "figures": ("数字不对", "the figure is not the paper's"),
    "direction": ("方向相反", "it went the other way"),
    "contrast": ("正好说反了", "the paper says it the other way round"),
    "negation": ("论文的说法是否定的", "the paper says the opposite"),
    "absolute": ("论文没有说得这么绝对", "the paper does not say it that absolutely"),
    "verdict": ("论文的结论正好相反", "the paper weighs it the other way"),
    "names": ("论文说的是另一方", "the paper names someone else"),
}


REST_HEAD = {"zh": "至于问题的其余部分：", "en": "As for the rest of the question:"}
RE_LEAD = re.compile(r"^[\s,，。.;；:：—–-]*(?:那么|那|所以|\band\b|\bso\b|\bthen\b)?[\s,，]*", re.I)


def rest_of(question: str, premise: str) -> str:
    """What a question asks besides the premise it states ("…grew tenfold. What does it forecast for
    2030?"): the words after the premise, empty when the premise ends it ("Why did X rise?")."""
    at = question.find(premise)
    return "" if at < 0 else RE_LEAD.sub("", question[at + len(premise) :])


def asks_more(rest: str) -> bool:
    """The rest of the question names something of its own ("What does it forecast for 2030?"; not
    "what was that about?", "为什么？")."""
    return bool(intents.topic_words(rest))


def compose_correction(verdict: Verdict, retrieval: Retrieval, context: AnswerContext) -> Answer:
    fix = verdict.correction
    assert fix is not None
    answer = empty(retrieval.question, retrieval)
    s = sentence_of(fix.hit, fix.unit)
    citer = Citer()
    quoted = render.line(s, citer, context.settings.answer.max_sentence_chars)
    zh, en = WHY.get(fix.why, ("与论文不符", "the paper says otherwise"))
    if retrieval.lang == "zh":
        head = f"问题的前提有误（{zh}）：论文并没有说“{fix.premise}”。论文的原话是："
    else:
        head = (
            f"The question's premise is wrong ({en}): the paper does not say “{fix.premise}”. What it says:"
        )
    label = render.label(retrieval.lang, [s])
    answer.answer = "\n".join([head, *([label] if label else []), quoted])
    answer.abstained, answer.kind = False, "correction"
    answer.premise_rejected, answer.guard, answer.notice = fix.premise, verdict.guard, verdict.notice
    answer.citations, answer.translated = citer.citations, s.translated
    return answer
