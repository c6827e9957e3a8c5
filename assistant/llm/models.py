"""Chat models the stages share: the bundled Qwen GGUF through llama.cpp, or any
OpenAI-compatible endpoint, behind LangChain's chat-model interface.

The judge guard, query translation, the translation build step and generated answers all
get their model here, and call it through `stream_with_deadline`, so a slow or hung model
never holds a caller past its timeout.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Iterator
from typing import Any

from assistant.settings import REPO_ROOT, Settings

PROMPTS = REPO_ROOT / "prompts"


class GenerationError(RuntimeError):
    """The model could not produce an answer (missing, failed, timed out, empty)."""


def make_chat_model(settings: Settings, mode: str, progress=None, logprobs: int = 0):
    """The LangChain chat model for `mode` ('local' or 'openai'); raises GenerationError when unavailable.
    `logprobs` > 0 asks for that many top log-probabilities per generated token."""
    cfg = settings.llm
    if mode == "openai":
        if not cfg.openai_base_url or not cfg.openai_model:
            raise GenerationError(
                "mode 'openai' needs ASSISTANT_LLM__OPENAI_BASE_URL and ASSISTANT_LLM__OPENAI_MODEL"
            )
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:
            raise GenerationError("mode 'openai' needs the 'llm' extra (langchain-openai)") from exc
        extra = {"logprobs": True, "top_logprobs": logprobs} if logprobs else {}
        return ChatOpenAI(
            base_url=cfg.openai_base_url,
            model=cfg.openai_model,
            api_key=cfg.openai_api_key,
            temperature=cfg.temperature,
            max_tokens=cfg.max_tokens,
            timeout=cfg.timeout_s,
            max_retries=0,
            **extra,
        )
    from assistant.llm.weights import WeightsUnavailable, ensure_model

    try:
        path = cfg.model_path or ensure_model(cfg.model_size, settings.data_dir / "models", progress)
        from langchain_community.chat_models import ChatLlamaCpp
    except (WeightsUnavailable, ImportError) as exc:
        raise GenerationError(f"the local model is not available: {exc}") from exc
    if not path.is_file():
        raise GenerationError(f"no GGUF file at {path}")
    # rope_freq_*=0 means "as the GGUF says": ChatLlamaCpp's own defaults (base 10000) override Qwen2.5's
    # 1e6 and make the model worse (the judge's P(yes) on answerable dev questions fell by a quarter)
    model = ChatLlamaCpp(
        model_path=str(path),
        n_ctx=cfg.n_ctx,
        n_batch=cfg.n_batch,
        n_threads=cfg.threads,
        temperature=cfg.temperature,
        max_tokens=cfg.max_tokens,
        verbose=False,
        rope_freq_base=0.0,
        rope_freq_scale=0.0,
        logits_all=bool(logprobs),
        logprobs=1 if logprobs else None,
    )
    return model.bind(top_logprobs=logprobs) if logprobs else model


def helper_model(settings: Settings, mode: str, model_size: str, logprobs: int = 0, **llm) -> tuple[Any, str]:
    """The chat model for a helper task (the judge, the translator) and the name to report it by:
    `settings.llm` with the helper's `model_size` and the `llm` overrides. Raises GenerationError."""
    cfg = settings.llm.model_copy(update={"model_size": model_size, **llm})
    model = make_chat_model(settings.model_copy(update={"llm": cfg}), mode, logprobs=logprobs)
    if mode == "openai":
        return model, cfg.openai_model
    return model, cfg.model_path.name if cfg.model_path else f"Qwen2.5-Coder {model_size.upper()}"


def stream_with_deadline(chain, inputs: dict, timeout_s: float, lock=None) -> Iterator[str]:
    """Tokens from `chain.stream`, produced in a worker thread so that a slow model cannot hold
    the caller past `timeout_s` (the worker is left to finish on its own). With `lock`, the worker
    holds it while the model runs; time spent waiting for it counts against `timeout_s`."""
    q: queue.Queue = queue.Queue()
    done = object()

    def work() -> None:
        try:
            with lock or contextlib.nullcontext():
                for token in chain.stream(inputs):
                    q.put(token)
        except BaseException as exc:  # handed over to the caller (a Ctrl-C in the model too)
            q.put(exc)
        q.put(done)

    threading.Thread(target=work, daemon=True).start()
    deadline = time.perf_counter() + timeout_s
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            raise GenerationError(f"the model took longer than {timeout_s:g} s")
        try:
            item = q.get(timeout=left)
        except queue.Empty as exc:
            raise GenerationError(f"the model took longer than {timeout_s:g} s") from exc
        if item is done:
            return
        if isinstance(item, KeyboardInterrupt):
            raise item
        if isinstance(item, BaseException):
            raise GenerationError(f"the model failed: {type(item).__name__}: {item}") from item
        yield item
