"""Conversation memory for follow-up questions ("and in 2023?" / "那2023年呢？").

Without a language model, a follow-up is condensed by putting the previous user
question in front of it for retrieval: short questions and ones that open with a
follow-up cue lean on the turn before. The history is bounded to the last turns.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

MAX_TURNS = 6
RE_FOLLOW_UP = re.compile(
    r"^(and|also|what about|how about|and what|then|so)\b|^(那|那么|还有|另外|并且|而|其中)|呢[？?]?$", re.I
)


class Turn(BaseModel):
    role: str = Field(pattern="^(user|assistant)$")
    content: str = Field(max_length=20000)


def is_follow_up(question: str) -> bool:
    q = question.strip()
    words = len(q.split()) if q.isascii() else len(q) / 2
    return bool(RE_FOLLOW_UP.search(q)) or words <= 4


def condense(question: str, history: list[Turn] | None) -> str | None:
    """The question to retrieve with, or None when it stands on its own."""
    if not history or not is_follow_up(question):
        return None
    previous = [t.content for t in history[-MAX_TURNS:] if t.role == "user" and t.content.strip()]
    if not previous:
        return None
    return f"{previous[-1].strip()} {question.strip()}"
