"""A scripted LangChain chat model for the translation tests: it answers each request with a function
of the unit asked for, and records what it was sent."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

RE_REQUEST = re.compile(
    r"Translate this (?P<kind>[\w ]+?):\n(?P<text>.*?)(?:\n\nAn earlier translation was:|$)", re.S
)


def asked(message: str) -> tuple[str, str]:
    """(kind, unit text) of a translation request."""
    m = RE_REQUEST.search(message)
    assert m, f"not a translation request: {message!r}"
    return m.group("kind"), m.group("text")


class ScriptedChat(BaseChatModel):
    """Replies `answer(last human message, number of this call from 1)`; keeps every call's messages
    and keyword arguments (temperature) in `calls`."""

    answer: Callable[[str, int], str]
    calls: list[tuple[list[BaseMessage], dict[str, Any]]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        self.calls.append((list(messages), kwargs))
        reply = self.answer(messages[-1].content, len(self.calls))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=reply))])

    @property
    def requests(self) -> list[str]:
        """The last (human) message of each call."""
        return [msgs[-1].content for msgs, _ in self.calls]


def replies(*texts: str) -> Callable[[str, int], str]:
    """The n-th call gets the n-th text (the last one from then on)."""
    return lambda _message, n: texts[min(n, len(texts)) - 1]
