"""The grounded answer in place of a generated one, when the model is missing, fails or is too slow."""

from __future__ import annotations

from assistant.answer.base import AnswerContext
from assistant.answer.compose import compose
from assistant.answer.contract import Answer
from assistant.guards.stage import GuardReport
from assistant.retrieval.results import Retrieval


def grounded_fallback(
    retrieval: Retrieval, report: GuardReport, context: AnswerContext, mode: str, why: str
) -> Answer:
    answer = compose(retrieval, report, context)
    answer.notice = (
        f"Mode '{mode}' is unavailable ({why}); this is the grounded answer instead."
        if retrieval.lang == "en"
        else f"模式“{mode}”不可用（{why}），以下为原文摘录式回答。"
    )
    answer.fallback_from = mode
    return answer
