"""The hybrid search as a LangChain `BaseRetriever`, for use in LCEL chains.

Kept apart from `assistant.retrieve` because importing LangChain's retriever
machinery costs most of a second, which the CLI's cold start does not need.
"""

from __future__ import annotations

import contextlib

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.retrieve import HybridSearch
from assistant.text import language_of
from assistant.translate import QueryTranslator, TranslatorUnavailable


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
        translation = None
        if self.translator is not None and language_of(query) == "en":
            with contextlib.suppress(TranslatorUnavailable):  # else the lexicon alone, as without one
                translation = self.translator.translate(query)
        result = self.search.search(query, section=self.section, translation=translation)
        return [
            Document(
                id=h.chunk.id,
                page_content=h.chunk.text,
                metadata={**h.chunk.metadata(), "score": h.dense, "rrf": h.score},
            )
            for h in result.hits
        ]
