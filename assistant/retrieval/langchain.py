"""The hybrid search as a LangChain `BaseRetriever`, for use in LCEL chains.

Kept apart from `assistant.retrieval.hybrid` because importing LangChain's retriever
machinery costs most of a second, which the CLI's cold start does not need.
"""

from __future__ import annotations

import contextlib

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.question.analysis import analyse
from assistant.question.translate import QueryTranslator, TranslatorUnavailable
from assistant.retrieval.hybrid import HybridSearch


class HybridRetriever(BaseRetriever):
    """Documents for a question, best first; metadata carries the chunk's citation fields
    plus `score` (cosine similarity) and `rrf` (fused rank score)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    search: HybridSearch
    section: str | None = None
    translator: QueryTranslator | None = None  # English queries: also search with its Chinese rendering

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        question = analyse(query, section=self.section)
        if self.translator is not None and question.lang == "en":
            with contextlib.suppress(TranslatorUnavailable):  # else the lexicon alone, as without one
                question.translation = self.translator.translate(query)
        result = self.search.search(question)
        return [
            Document(
                id=h.chunk.id,
                page_content=h.chunk.text,
                metadata={
                    **h.chunk.metadata(),
                    "score": h.dense,
                    "rrf": h.score,
                    **({f"text_{h.edition.lang}": h.edition.text} if h.edition else {}),
                },
            )
            for h in result.hits
        ]
