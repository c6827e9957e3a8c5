"""The naive RAG baseline a LangChain tutorial would give: 1000/200 character chunks,
Chroma, the same embedder, top-k dense search. Used by the eval report for ratios.

    .venv/bin/python evals/baseline.py evals/test.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.evaluation.runner import load_set, norm
from assistant.index.embeddings import make_embedder
from assistant.settings import Settings


def baseline_ranks(questions: list[dict], settings: Settings, k: int = 5) -> list[int | None]:
    """Rank of the first retrieved baseline chunk holding an evidence string, per answerable question."""
    text = settings.corpus.paper.read_text(encoding="utf-8")
    chunks = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_text(text)
    embedder = make_embedder(settings.embedder)
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    col = client.get_or_create_collection(
        "baseline", metadata={"hnsw:space": "cosine"}, embedding_function=None
    )
    col.upsert(
        ids=[str(i) for i in range(len(chunks))],
        documents=chunks,
        embeddings=embedder.embed_documents(chunks),
    )
    ranks = []
    for q in questions:
        if not q["answerable"]:
            continue
        res = col.query(query_embeddings=[embedder.embed_query(q["question"])], n_results=k)
        docs = res["documents"][0]
        ev = [norm(e) for e in q["evidence"]]
        ranks.append(next((i for i, d in enumerate(docs) if any(e in norm(d) for e in ev)), None))
    return ranks


if __name__ == "__main__":
    qs = load_set(Path(sys.argv[1] if len(sys.argv) > 1 else "evals/test.jsonl"))
    s = Settings()
    for lang in ("zh", "en"):
        ranks = baseline_ranks([q for q in qs if q["lang"] == lang], s)
        n = len(ranks)
        hits = {k: sum(r is not None and r < k for r in ranks) / n for k in (1, 3, 5)}
        mrr = sum(1 / (r + 1) for r in ranks if r is not None) / n
        print(
            f"baseline {lang}: n={n} hit@1 {hits[1]:.2f} hit@3 {hits[3]:.2f} hit@5 {hits[5]:.2f} "
            f"mrr {mrr:.3f}"
        )
