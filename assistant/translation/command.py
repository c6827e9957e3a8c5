"""`assistant translate`: the corpus's other-language edition built with a chat model, its summary printed."""

from __future__ import annotations

from collections.abc import Callable

from assistant.llm.models import GenerationError
from assistant.settings import Settings
from assistant.translation import build


class TranslateError(RuntimeError):
    """The run stopped before the end (interrupted, or the model failed); the units translated so far
    are kept in the cache. `code` is the exit status the command line gives."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def translate_edition(
    settings: Settings,
    model: str | None = None,
    size: str | None = None,
    redo: str = "none",
    limit: int | None = None,
    echo: Callable = print,
) -> None:
    """Translate what the edition is missing with `model` and `size` (default: the configured ones),
    showing progress on one rewritten stderr line, then print the summary and the files written."""
    translator_for = build.model_translators(
        settings, model or settings.edition.model, size or settings.edition.model_size
    )

    def progress(line: str) -> None:
        echo(f"\r  {line:<90}", nl=False, err=True)

    try:
        summary = build.translate_corpus(settings, translator_for, progress=progress, redo=redo, limit=limit)
    except KeyboardInterrupt:
        raise TranslateError(
            "\ninterrupted: the units translated so far are kept in the cache; run again to resume", 130
        ) from None
    except GenerationError as exc:
        raise TranslateError(
            f"\nthe model failed ({exc}); the units translated so far are kept; run again to resume"
        ) from exc
    echo("", err=True)
    for line in summary.lines():
        echo(line)
    for f in summary.files:
        echo(f"wrote {f}")
