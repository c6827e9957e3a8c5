"""``POST /v1/ask``: the CLI's JSON contract."""

from __future__ import annotations

from fastapi import APIRouter, Request

from assistant.answer.contract import Answer
from assistant.serving.api.answers import answer_of, open_stream
from assistant.serving.api.models import AskRequest

router = APIRouter()


@router.post("/v1/ask", response_model=Answer, summary="Answer a question (the CLI's JSON contract)")
def ask(req: AskRequest, request: Request) -> Answer:
    events = open_stream(
        request.app.state.assistant, req.question, req.mode, req.section, req.history, req.document
    )
    return answer_of(events)
