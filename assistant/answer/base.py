"""What every composer of an answer shares: the index, the search (to view any passage in the
asker's language) and the settings, and the empty answer it fills in."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answer.contract import ABSTAIN, Answer, RetrievedOut
from assistant.corpus.chunking import Chunk
from assistant.index.open import OpenIndex
from assistant.question.analysis import Question
from assistant.retrieval.hybrid import HybridSearch
from assistant.retrieval.results import Hit, Retrieval
from assistant.settings import Settings


@dataclass
class AnswerContext:
    index: OpenIndex
    search: HybridSearch
    settings: Settings
    cache: dict = field(default_factory=dict)  # per-build helpers (heading embeddings)

    def view(self, chunk: Chunk, retrieval: Retrieval, like: Hit | None = None) -> Hit:
        """A hit for any chunk, seen in the asker's language (the retrieved one when it was found)."""
        for h in retrieval.hits:
            if h.chunk.id == chunk.id:
                return h
        hit = Hit(chunk, 0.0, dense=like.dense if like else 0.0)
        self.search.describe([hit], retrieval.question, retrieval.vector or [0.0])
        return hit


def retrieved_out(hits: list[Hit]) -> list[RetrievedOut]:
    """The `retrieved` list of the contract."""
    return [
        RetrievedOut(
            chunk_id=h.chunk.id,
            section_id=h.chunk.section_id,
            section=h.chunk.section,
            **({f"section_{h.edition.lang}": h.edition.section} if h.edition else {}),
            text=h.chunk.text,
            score=round(h.dense, 4),
            kind=h.chunk.kind,
        )
        for h in hits
    ]


def empty(question: Question, retrieval: Retrieval, mode: str = "grounded") -> Answer:
    """An abstention, to be filled in by a composer."""
    return Answer(
        question=question.text,
        answer=ABSTAIN[question.lang],
        abstained=True,
        mode=mode,
        lang=question.lang,
        kind="abstention",
        retrieved=retrieved_out(retrieval.hits),
    )
