"""The HTTP API (FastAPI), served by `assistant serve` next to the web chat.

- ``POST /v1/chat/completions``: OpenAI chat-completions wire format; ``model`` picks
  the answer mode; ``messages`` are the conversation (the last user message is the
  question, earlier ones its memory); ``stream: true`` sends SSE chunks, the first
  of which carries the citations, before any text. Citations also come as data
  (``citations`` on the response and on the final chunk).
- ``POST /v1/ask``: the CLI's JSON contract.
- ``GET /v1/models``, ``/v1/sections``, ``/v1/documents``, ``/v1/chunks/{id}``, ``/healthz``.

Errors use OpenAI's shape: ``{"error": {"message", "type", "param", "code"}}``.
"""

from __future__ import annotations

import itertools
import json
import platform
import secrets
import time
import uuid
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from assistant.answer import Answer
from assistant.memory import Turn
from assistant.pipeline import MODES, Assistant, QuestionError
from assistant.ratelimit import RateLimit
from assistant.settings import ServeSettings
from assistant.store import StoreError

STREAM_PIECE = 24  # characters per streamed content chunk


class APIError(Exception):
    def __init__(
        self, status: int, message: str, type_: str = "invalid_request_error", param=None, code=None
    ):
        self.status, self.message, self.type, self.param, self.code = status, message, type_, param, code


def error_body(message: str, type_: str, param=None, code=None) -> dict:
    return {"error": {"message": message, "type": type_, "param": param, "code": code}}


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(description="The question, in Chinese or English.")
    mode: str | None = Field(None, description=f"Answer mode: {', '.join(MODES)}.")
    section: str | None = Field(None, description="Only search this section and its subsections (e.g. s4).")
    document: str | None = Field(None, description="Only search this document (see /v1/documents).")
    history: list[Turn] = Field(
        default_factory=list, max_length=50, description="Earlier turns, oldest first."
    )


class ContentPart(BaseModel):
    type: str
    text: str | None = None


class ChatMessage(BaseModel):
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[ContentPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(p.text or "" for p in self.content if p.type == "text")
        return self.content or ""


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # temperature, top_p … are accepted and ignored

    model: str = Field(description=f"The answer mode: {', '.join(MODES)}.")
    messages: list[ChatMessage] = Field(min_length=1, max_length=200)
    stream: bool = False
    section: str | None = Field(None, description="Extension: only search this section.")
    document: str | None = Field(None, description="Extension: only search this document.")


def _citations(answer: Answer) -> list[dict]:
    return [c.model_dump() for c in answer.citations]


def _chat_question(req: ChatRequest) -> tuple[str, list[Turn]]:
    turns = [m for m in req.messages if m.role in ("user", "assistant")]
    if not turns or turns[-1].role != "user":
        raise APIError(400, "the last message must come from the user", param="messages")
    history = [Turn(role=m.role, content=m.text()[:20000]) for m in turns[:-1]]
    return turns[-1].text(), history


def sse(events: Iterator[dict], ident: str, created: int, model: str) -> Iterator[str]:
    """OpenAI stream chunks: the evidence first (before any text), the words as the model writes
    them, then a final chunk with the verified answer, its citations and notices."""

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
            if not streamed:
                for i in range(0, len(answer.answer), STREAM_PIECE):
                    yield chunk({"content": answer.answer[i : i + STREAM_PIECE]})
            yield chunk(
                {},
                "stop",
                citations=_citations(answer),
                abstained=answer.abstained,
                notice=answer.notice,
                answer=answer.model_dump(),
            )
    yield "data: [DONE]\n\n"


def install_guards(app: FastAPI, cfg: ServeSettings, data_dir: Path) -> None:
    """Bearer token, per-client rate limit (shared by the processes using `data_dir`) and
    body-size limit on /v1, and optional CORS."""
    token = cfg.api_token.get_secret_value() if cfg.api_token else None
    limiter = RateLimit(data_dir / "ratelimit.sqlite3", cfg.rate_limit_per_minute) if cfg.rate_limit_per_minute else None

    def refuse(status: int, message: str, type_: str, code: str, headers: dict | None = None) -> JSONResponse:
        return JSONResponse(error_body(message, type_, None, code), status_code=status, headers=headers)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if not request.url.path.startswith("/v1"):
            return await call_next(request)
        if token and not secrets.compare_digest(request.headers.get("authorization", ""), f"Bearer {token}"):
            return refuse(
                401,
                "missing or wrong API token (send 'Authorization: Bearer <token>')",
                "authentication_error",
                "invalid_api_key",
            )
        if limiter:
            wait = limiter.wait_for(request.client.host if request.client else "?")
            if wait:
                seconds = int(wait) + 1
                return refuse(
                    429,
                    f"rate limit of {cfg.rate_limit_per_minute} requests per minute reached; retry in {seconds} s",
                    "rate_limit_error",
                    "rate_limit_exceeded",
                    {"Retry-After": str(seconds)},
                )
        if request.method == "POST":
            length = request.headers.get("content-length")
            if length is None or not length.isdigit():
                return refuse(
                    411,
                    "send the request body with a Content-Length header",
                    "invalid_request_error",
                    "length_required",
                )
            if int(length) > cfg.max_body_bytes:
                return refuse(
                    413,
                    f"the request body is {length} bytes; the limit is {cfg.max_body_bytes}",
                    "invalid_request_error",
                    "request_too_large",
                )
        return await call_next(request)

    if cfg.cors_origins:  # added last, so it runs first and answers preflight requests itself
        app.add_middleware(
            CORSMiddleware,
            allow_origins=cfg.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )


def create_app(assistant: Assistant) -> FastAPI:
    app = FastAPI(
        title="Paper assistant API",
        version=metadata.version("paper-assistant"),
        description="Citation-first answers from 《全球产业链再布局：演进、影响及应对》.",
    )

    install_guards(app, assistant.settings.serve, assistant.settings.data_dir)

    @app.exception_handler(StoreError)
    async def _store_down(_request: Request, exc: StoreError):
        return JSONResponse(error_body(f"{exc}; try again shortly", "server_error", None, "index_unavailable"),
                            status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception):
        message = f"unexpected {type(exc).__name__}; the server logged it"
        return JSONResponse(error_body(message, "server_error", None, "internal_error"), status_code=500)

    @app.exception_handler(APIError)
    async def _api_error(_request: Request, exc: APIError):
        return JSONResponse(error_body(exc.message, exc.type, exc.param, exc.code), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = (
            f"{where}: {first.get('msg', 'invalid request')}"
            if where
            else first.get("msg", "invalid request")
        )
        return JSONResponse(error_body(message, "invalid_request_error", where or None), status_code=400)

    @app.exception_handler(HTTPException)
    async def _http(_request: Request, exc: HTTPException):
        kind = "not_found_error" if exc.status_code == 404 else "invalid_request_error"
        return JSONResponse(error_body(str(exc.detail), kind), status_code=exc.status_code)

    def open_stream(
        question: str, mode: str | None, section: str | None, history: list[Turn], document: str | None = None
    ) -> Iterator[dict]:
        """The answer events, with bad input raised here (before any response is sent)."""
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

    def ask(
        question: str, mode: str | None, section: str | None, history: list[Turn], document: str | None = None
    ) -> Answer:
        events = open_stream(question, mode, section, history, document)
        return next(e["answer"] for e in events if e["type"] == "answer")

    @app.post("/v1/ask", response_model=Answer, summary="Answer a question (the CLI's JSON contract)")
    def ask_route(req: AskRequest) -> Answer:
        return ask(req.question, req.mode, req.section, req.history, req.document)

    @app.post("/v1/chat/completions", summary="OpenAI-compatible chat completions")
    def chat(req: ChatRequest):
        question, history = _chat_question(req)
        ident, created = f"chatcmpl-{uuid.uuid4().hex[:24]}", int(time.time())
        if req.stream:
            return StreamingResponse(
                sse(open_stream(question, req.model, req.section, history, req.document), ident, created, req.model),
                media_type="text/event-stream",
            )
        answer = ask(question, req.model, req.section, history, req.document)
        extra = {"citations": _citations(answer), "abstained": answer.abstained, "notice": answer.notice}
        return {
            "id": ident,
            "object": "chat.completion",
            "created": created,
            "model": answer.mode,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": answer.answer},
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": len(question),
                "completion_tokens": len(answer.answer),
                "total_tokens": len(question) + len(answer.answer),
            },
            **extra,
            "answer": answer.model_dump(),
        }

    @app.get("/v1/models", summary="The answer modes, as OpenAI models")
    def models():
        return {
            "object": "list",
            "data": [
                {"id": m, "object": "model", "created": 0, "owned_by": "paper-assistant"} for m in MODES
            ],
        }

    @app.get("/v1/sections", summary="The paper's section tree")
    def sections():
        return {
            "sections": [
                {"id": s.id, "label": s.label, "level": s.level, "parent": s.parent, "path": s.path}
                for s in assistant.paper.sections
            ]
        }

    @app.get("/v1/documents", summary="The documents a question can be scoped to")
    def documents():
        return {"documents": [{"id": d, "title": t} for d, t in assistant.documents.items()]}

    @app.get("/v1/chunks/{chunk_id}", summary="One indexed chunk with its section and text")
    def chunk_route(chunk_id: str):
        chunk = assistant.index.chunks.get(chunk_id)
        if chunk is None:
            raise APIError(404, f"no chunk {chunk_id!r}", "not_found_error", "chunk_id")
        return chunk.model_dump()

    @app.get("/healthz", summary="Index, embedder, generator and versions")
    def healthz():
        from assistant.embeddings import describe
        from assistant.index import status

        info = assistant.index.info
        return {
            "status": "ok",
            "index": {
                "state": status(assistant.settings),
                "chunks": info.chunks,
                "bibliography": info.bibliography,
                "built_at": info.built_at,
                "fingerprint": info.fingerprint,
                "build": info.build,
                "store": assistant.settings.chroma_url or "embedded",
            },
            "embedder": describe(assistant.settings.embedder),
            "generator": {"default_mode": assistant.settings.answer.mode, "modes": list(MODES)},
            "judge": assistant.settings.judge.mode,
            "translate": assistant.settings.translate.mode,
            "versions": {
                "paper-assistant": metadata.version("paper-assistant"),
                "python": platform.python_version(),
                **{p: metadata.version(p) for p in ("chromadb", "langchain-core", "fastapi", "gradio")},
            },
        }

    return app
