"""The HTTP API (FastAPI), served by `assistant serve` next to the web chat.

- ``POST /v1/chat/completions`` (`chat`): the OpenAI wire format, streaming or not;
- ``POST /v1/ask`` (`ask`): the CLI's JSON contract;
- ``GET /v1/models``, ``/v1/sections``, ``/v1/documents``, ``/v1/chunks/{id}``, ``/healthz`` (`info`).

Errors use OpenAI's shape (`errors`); /v1 has a token, rate and size limits and CORS (`limits`).
"""

from __future__ import annotations

from importlib import metadata

from fastapi import FastAPI

from assistant.pipeline import Assistant
from assistant.serving.api import ask, chat, info
from assistant.serving.api.errors import install_errors
from assistant.serving.api.limits import install_limits


def create_app(assistant: Assistant) -> FastAPI:
    app = FastAPI(
        title="Paper assistant API",
        version=metadata.version("paper-assistant"),
        description="Citation-first answers from 《全球产业链再布局：演进、影响及应对》, in "
        "Chinese or English.",
    )
    app.state.assistant = assistant
    install_limits(app, assistant.settings.serve, assistant.settings.data_dir)
    install_errors(app)
    for module in (ask, chat, info):
        app.include_router(module.router)
    return app
