"""The public JSON contract of an answer: `assistant ask --json`, `/v1/ask`, the OpenAI-format extras."""

from __future__ import annotations

from pydantic import BaseModel, Field

ABSTAIN = {
    "zh": "论文没有讨论这个问题：检索到的段落都不足以回答它。",
    "en": "The paper does not say. None of the passages retrieved for this question can answer it.",
}


class CitationOut(BaseModel):
    n: int
    chunk_id: str
    section_id: str
    section: str  # heading path in the text's own language
    text: str  # the whole cited chunk
    quote: str  # the sentence(s) of the chunk that the answer uses, as the text says them
    score: float  # cosine similarity of the retrieved passage this citation comes from
    kind: str
    ref: int | None = None
    lang: str = "zh"  # the language of `quote`
    quote_en: str | None = None  # `quote` in English, from the translated edition (when the text is Chinese)
    section_en: str | None = None
    quote_zh: str | None = None  # `quote` in Chinese, from the translated edition (when the text is English)
    section_zh: str | None = None
    flagged: bool = False  # a quoted sentence's translation failed an automatic check


class RetrievedOut(BaseModel):
    chunk_id: str
    section_id: str
    section: str
    section_en: str | None = None  # the heading path in English, when the passage is Chinese
    section_zh: str | None = None  # … in Chinese, when it is English
    text: str
    score: float
    kind: str


class Answer(BaseModel):
    """What the assistant answers (see docs/api.md for each field)."""

    question: str
    answer: str
    abstained: bool
    mode: str
    lang: str
    kind: str = (
        "passages"  # passages | outline | overview | list | comparison | metadata | correction | abstention
    )
    translated: bool = (
        False  # the answer shows a machine translation of the text (see each citation's original)
    )
    section_filter: str | None = None
    document_filter: str | None = None
    condensed_question: str | None = None  # what was searched for a follow-up question
    translation: str | None = None  # a model's Chinese rendering of an English question (settings.translate)
    guard: str | None = None  # the guard that decided to abstain or correct (see docs/guards.md)
    premise_rejected: str | None = None  # the question's premise, when the answer says it is wrong
    verification: list[dict] | None = None  # generated modes: each claim, its citations, supported or not
    raw_output: str | None = None  # generated modes: what the model said when it declined
    fallback_from: str | None = None  # the requested mode, when it failed and grounded answered instead
    judged_answerable: bool | None = None  # the model judge's verdict, when it ran
    items: list[dict] = Field(
        default_factory=list
    )  # the parts (or the items of an enumeration) an answer lists, in order: {label, section_id}
    citations: list[CitationOut] = Field(default_factory=list)
    retrieved: list[RetrievedOut] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    notice: str | None = None
