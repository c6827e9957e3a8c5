"""Limits on /v1: a bearer token, a per-client rate limit shared by the processes using one data
folder, a body-size limit, and CORS when origins are configured."""

from __future__ import annotations

import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from assistant.serving.api.errors import error_body
from assistant.serving.ratelimit import RateLimit
from assistant.settings import ServeSettings


def refuse(status: int, message: str, type_: str, code: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse(error_body(message, type_, None, code), status_code=status, headers=headers)


def refusal(
    request: Request, cfg: ServeSettings, token: str | None, limiter: RateLimit | None
) -> JSONResponse | None:
    """Why a /v1 request is refused, or None when it may go ahead."""
    if token and not secrets.compare_digest(request.headers.get("authorization", ""), f"Bearer {token}"):
        return refuse(
            401,
            "missing or wrong API token (send 'Authorization: Bearer <token>')",
            "authentication_error",
            "invalid_api_key",
        )
    if limiter and (wait := limiter.wait_for(request.client.host if request.client else "?")):
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
    return None


def install_limits(app: FastAPI, cfg: ServeSettings, data_dir: Path) -> None:
    token = cfg.api_token.get_secret_value() if cfg.api_token else None
    limiter = (
        RateLimit(data_dir / "ratelimit.sqlite3", cfg.rate_limit_per_minute)
        if cfg.rate_limit_per_minute
        else None
    )

    @app.middleware("http")
    async def limits(request: Request, call_next):
        if request.url.path.startswith("/v1") and (refused := refusal(request, cfg, token, limiter)):
            return refused
        return await call_next(request)

    if cfg.cors_origins:  # added last, so it runs first and answers preflight requests itself
        app.add_middleware(
            CORSMiddleware,
            allow_origins=cfg.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
