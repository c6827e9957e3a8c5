"""``POST /v1/chat/completions``: the OpenAI wire format.

``model`` picks the answer mode; ``messages`` are the conversation (the last user message is the
question, the earlier turns its history); ``stream: true`` sends server-sent events, the first
carrying the evidence, the last the checked answer with its citations. Clients that show only the
message text (the `llm` CLI, chat front ends) get the sources in the text too: a short "Sources"
list after the answer, one line per marker (switch off with ``"sources": false`` or
``serve.chat_sources``). Citations also come as data, on the response and on the final chunk.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from assistant.answer.contract import Answer
from assistant.question.followup import Turn
from assistant.serving.api.answers import answer_of, open_stream
from assistant.serving.api.errors import APIError
from assistant.serving.api.models import ChatRequest

router = APIRouter()
STREAM_PIECE = 24  # characters per streamed content chunk
QUOTE_CHARS = 110
HEADING = {"zh": "出处：", "en": "Sources:"}


def _short(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def sources_text(answer: Answer) -> str:
    """The Sources list for text-only clients: section path and quote per marker, in the answer's
    language (with the original of a translated quote)."""
    if not answer.citations:
        return ""
    lines = [f"\n\n{HEADING[answer.lang]}"]
    for c in answer.citations:
        section = getattr(c, f"section_{answer.lang}", None) or c.section
        shown = getattr(c, f"quote_{answer.lang}", None)
        line = f"[{c.n}] {section}: “{_short(shown or c.quote)}”"
        if shown:
            line += f" (original: “{_short(c.quote, 60)}”)"
        lines.append(line)
    return "\n".join(lines)


def chat_question(req: ChatRequest) -> tuple[str, list[Turn]]:
    turns = [m for m in req.messages if m.role in ("user", "assistant")]
    if not turns or turns[-1].role != "user":
        raise APIError(400, "the last message must come from the user", param="messages")
    history = [Turn(role=m.role, content=strip_sources(m.text())[:20000]) for m in turns[:-1]]
    return turns[-1].text(), history


def strip_sources(text: str) -> str:
    """An earlier answer without the Sources list this endpoint appended to it."""
    for heading in HEADING.values():
        text = text.split(f"\n\n{heading}\n[1] ")[0]
    return text


def sse(events: Iterator[dict], ident: str, created: int, model: str, with_sources: bool) -> Iterator[str]:
    """OpenAI stream chunks: the evidence first (before any text), the words as the model writes
    them, the Sources list, then a final chunk with the checked answer, its citations and notices."""

    def chunk(delta: dict, finish: str | None = None, **fields: Any) -> str:
        body = {
            "id": ident,
            "object": "chat.completion.chunk",
            "created": created,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **fields,
        }
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    started = streamed = False
    for event in events:
        if event["type"] == "evidence":
            started = True
            yield chunk({"role": "assistant", "content": ""}, citations=event["citations"])
        elif event["type"] == "token":
            streamed = True
            yield chunk({"content": event["text"]})
        else:
            answer = event["answer"]
            if not started:
                yield chunk({"role": "assistant", "content": ""}, citations=[])
            text = "" if streamed else answer.answer
            text += sources_text(answer) if with_sources else ""
            for i in range(0, len(text), STREAM_PIECE):
                yield chunk({"content": text[i : i + STREAM_PIECE]})
            yield chunk(
                {},
                "stop",
                citations=[c.model_dump() for c in answer.citations],
                abstained=answer.abstained,
                notice=answer.notice,
                answer=answer.model_dump(),
            )
    yield "data: [DONE]\n\n"


@router.post("/v1/chat/completions", summary="OpenAI-compatible chat completions")
def chat(req: ChatRequest, request: Request):
    assistant = request.app.state.assistant
    question, history = chat_question(req)
    with_sources = assistant.settings.serve.chat_sources if req.sources is None else req.sources
    ident, created = f"chatcmpl-{uuid.uuid4().hex[:24]}", int(time.time())
    events = open_stream(assistant, question, req.model, req.section, history, req.document)
    if req.stream:
        return StreamingResponse(
            sse(events, ident, created, req.model, with_sources), media_type="text/event-stream"
        )
    answer = answer_of(events)
    content = answer.answer + (sources_text(answer) if with_sources else "")
    return {
        "id": ident,
        "object": "chat.completion",
        "created": created,
        "model": answer.mode,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
        "usage": {
            "prompt_tokens": len(question),
            "completion_tokens": len(content),
            "total_tokens": len(question) + len(content),
        },
        "citations": [c.model_dump() for c in answer.citations],
        "abstained": answer.abstained,
        "notice": answer.notice,
        "answer": answer.model_dump(),
    }
