"""Request bodies of the HTTP API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.pipeline import MODES
from assistant.question.followup import Turn


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
    sources: bool | None = Field(
        None,
        description="Extension: append a Sources list to the message text (default: serve.chat_sources).",
    )
