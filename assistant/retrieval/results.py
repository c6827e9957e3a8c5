"""What the retrieval stage returns: the passages found for a question, best first."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.corpus.chunking import Chunk
from assistant.index.open import ChunkEdition
from assistant.question.analysis import Question


@dataclass
class Hit:
    chunk: Chunk
    score: float  # fused RRF score
    dense: float = 0.0  # cosine similarity to the question
    bm25: float = 0.0  # weighted BM25 score
    dense_rank: int | None = None
    bm25_rank: int | None = None
    edition: ChunkEdition | None = None  # the chunk in the asker's language, when it is in the other one
    sentence_similarity: list[float] | None = (
        None  # cosine per quotable unit (of the edition, when there is one)
    )
    sentence_tokens: list[list[str]] | None = None  # BM25 tokens per quotable unit (likewise)
    tokens: list[str] | None = None  # BM25 tokens of the chunk with its heading (likewise)

    @property
    def units(self) -> list[str]:
        """The chunk's quotable units in its own language."""
        return [self.chunk.text[s:e] for s, e in self.chunk.sentence_spans()]


@dataclass
class Retrieval:
    question: Question
    hits: list[Hit]
    best_dense: float  # highest cosine similarity among all candidates
    terms: dict[str, float] = field(default_factory=dict)  # BM25 terms searched in the asker's language
    bridged: dict[str, float] = field(default_factory=dict)  # an English question's Chinese terms (CC-CEDICT)
    named: list[str] = field(default_factory=list)  # bibliography chunks the question asks for by number
    tables: list[str] = field(default_factory=list)  # chunks of a table it names by number ("Table 1")
    sections: list[str] = field(default_factory=list)  # sections the question names by number
    document: str = "paper"  # the document it is about (its scope, else that of the best passage)
    matched: list[str] = field(default_factory=list)  # sections whose headings it names, best first
    paraphrased: str | None = None  # the one it names by a paraphrase of its heading (no heading's words)
    outline: str | None = None  # the section whose parts a list question asks for
    focus: str | None = None  # the section a summary question means (see assistant.retrieval.focus)
    advice: str | None = None  # the part of proposals, for "What does the paper recommend?" (no topic)
    responses: list[str] = field(default_factory=list)  # the section answering a topic's proposals
    vector: list[float] | None = None  # the question's embedding (with its translation's, when given)

    @property
    def lang(self) -> str:
        return self.question.lang

    @property
    def target(self) -> str | None:
        """The section the question is about: named by number, its scope, where a summary question
        points (its focus), or its heading."""
        if self.sections:
            return self.sections[0]
        if self.question.section:
            return self.question.section
        if self.focus:
            return self.focus
        return self.matched[0] if self.matched else None

    def sentences(self) -> list[str]:
        """Every quotable unit of the retrieved chunks in its own language, best chunk first."""
        return [u for h in self.hits for u in h.units]

    def asker_sentences(self) -> list[str]:
        """The same units in the asker's language where the edition has them."""
        return [s for h in self.hits for s in (h.edition.sentences if h.edition else h.units)]
