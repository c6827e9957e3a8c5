"""Answering over HTTP: bad input is refused before any response is sent."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from assistant.answer.contract import Answer
from assistant.pipeline import MODES, Assistant, QuestionError
from assistant.question.followup import Turn
from assistant.serving.api.errors import APIError


def open_stream(
    assistant: Assistant,
    question: str,
    mode: str | None,
    section: str | None,
    history: list[Turn],
    document: str | None = None,
) -> Iterator[dict]:
    """The answer events, with bad input raised as an APIError here (before any response is sent)."""
    if mode is not None and mode not in MODES:
        raise APIError(
            404,
            f"unknown model/mode {mode!r}; available: {', '.join(MODES)}",
            param="model",
            code="model_not_found",
        )
    events = assistant.stream(question, mode=mode, section=section, history=history, document=document)
    try:
        first = next(events)
    except QuestionError as exc:
        raise APIError(400, str(exc), param="question") from exc
    return itertools.chain([first], events)


def answer_of(events: Iterator[dict]) -> Answer:
    return next(e["answer"] for e in events if e["type"] == "answer")
