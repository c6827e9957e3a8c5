"""What the service holds: answer modes, sections, documents, chunks, health."""

from __future__ import annotations

import platform
from importlib import metadata

from fastapi import APIRouter, Request

from assistant.pipeline import MODES
from assistant.serving.api.errors import APIError

router = APIRouter()


@router.get("/v1/models", summary="The answer modes, as OpenAI models")
def models():
    return {
        "object": "list",
        "data": [{"id": m, "object": "model", "created": 0, "owned_by": "paper-assistant"} for m in MODES],
    }


@router.get("/v1/sections", summary="The paper's section tree")
def sections(request: Request):
    paper = request.app.state.assistant.paper
    return {
        "sections": [
            {"id": s.id, "label": s.label, "level": s.level, "parent": s.parent, "path": s.path}
            for s in paper.sections
        ]
    }


@router.get("/v1/documents", summary="The documents a question can be scoped to")
def documents(request: Request):
    return {"documents": [{"id": d, "title": t} for d, t in request.app.state.assistant.documents.items()]}


@router.get("/v1/chunks/{chunk_id}", summary="One indexed chunk with its section, text and translation")
def chunk(chunk_id: str, request: Request):
    index = request.app.state.assistant.index
    found = index.chunks.get(chunk_id)
    if found is None:
        raise APIError(404, f"no chunk {chunk_id!r}", "not_found_error", "chunk_id")
    edition = index.editions.get(chunk_id)
    return {
        **found.model_dump(),
        "edition": edition and {"lang": edition.lang, "text": edition.text, "section": edition.section},
    }


@router.get("/healthz", summary="Index, embedder, generator and versions")
def healthz(request: Request):
    from assistant.index.embeddings import describe
    from assistant.index.fingerprint import status

    assistant = request.app.state.assistant
    info = assistant.index.info
    return {
        "status": "ok",
        "index": {
            "state": status(assistant.settings),
            "chunks": info.chunks,
            "bibliography": info.bibliography,
            "editions": info.editions,
            "built_at": info.built_at,
            "fingerprint": info.fingerprint,
            "build": info.build,
            "store": assistant.settings.chroma_url or "embedded",
        },
        "embedder": describe(assistant.settings.embedder),
        "generator": {"default_mode": assistant.settings.answer.mode, "modes": list(MODES)},
        "guards": list(assistant.settings.guards.enabled),
        "judge": assistant.settings.judge.mode,
        "translate": assistant.settings.translate.mode,
        "versions": {
            "paper-assistant": metadata.version("paper-assistant"),
            "python": platform.python_version(),
            **{p: metadata.version(p) for p in ("chromadb", "langchain-core", "fastapi", "gradio")},
        },
    }
