"""Open the served build for querying, checking that it is whole."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from assistant.corpus.chunking import Chunk
from assistant.index.fingerprint import IndexError_, IndexInfo, read_info, served_folder, status
from assistant.index.sections import LABEL_SEP, SectionTree, ancestors
from assistant.index.store import store_for
from assistant.settings import Settings


@dataclass
class ChunkEdition:
    """A chunk in the other language: its text, its quotable units (aligned with the chunk's), its
    heading path, which units the translation checks flagged, and its BM25 tokens."""

    lang: str
    text: str
    sentences: list[str]
    section: str
    flagged: list[bool]
    row: int  # first row of its sentences in edition.npy
    tokens: list[str]
    sentence_tokens: list[list[str]]


@dataclass
class OpenIndex:
    """A ready index opened for querying."""

    info: IndexInfo
    path: Path
    chunks: dict[str, Chunk]
    tokens: dict[str, list[str]]
    lexicon: dict[str, dict[str, float]]
    sentence_rows: dict[str, int]  # chunk id → its first row in sentences.npy
    sentence_tokens: dict[str, list[list[str]]]  # chunk id → BM25 tokens of each of its sentences
    sentences: np.ndarray  # one embedding per quotable sentence
    collections: dict  # collection name (without the build prefix) → Chroma collection
    editions: dict[str, ChunkEdition]  # chunk id → the chunk in the other language
    edition_vectors: np.ndarray  # one embedding per sentence of the editions
    chunk_vectors: dict[str, np.ndarray]  # "<collection>/<chunk id>" → the vector Chroma holds for it
    home: dict[str, frozenset[str]]  # language → the name its text uses most (China), found at ingest

    def count(self, collection: str) -> int:
        return self.info.collections.get(collection, 0)

    def sentence_vectors(self, chunk_id: str) -> np.ndarray | None:
        """Embeddings of a chunk's sentences (rows follow `Chunk.sentence_spans()`)."""
        if chunk_id not in self.sentence_rows:
            return None
        first = self.sentence_rows[chunk_id]
        return self.sentences[first : first + len(self.chunks[chunk_id].sentence_spans())]

    def edition_sentence_vectors(self, chunk_id: str) -> np.ndarray | None:
        e = self.editions.get(chunk_id)
        return None if e is None else self.edition_vectors[e.row : e.row + len(e.sentences)]

    def collection(self, name: str):
        return self.collections[name]

    @cached_property
    def tree(self) -> SectionTree:
        return SectionTree.of(self.chunks)

    def label(self, section_id: str, lang: str) -> str:
        """A section's own heading in `lang`: its own, or its translated edition's."""
        own = self.tree.labels.get(section_id)
        first = self.tree.first.get(section_id)
        if own is None:  # a table's own section (s2.t1): its caption, the last part of its heading path
            first = next((c for c in self.chunks.values() if c.section_id == section_id), None)
            own = first.section.split(LABEL_SEP)[-1] if first else section_id
        e = self.editions.get(first.id) if first else None
        if e is None or e.lang != lang:
            return own
        path = e.section.split(LABEL_SEP)
        depth = len(ancestors(section_id)) - 1
        return path[depth] if depth < len(path) else own

    def heading_path(self, section_id: str, lang: str) -> str:
        return LABEL_SEP.join(self.label(s, lang) for s in ancestors(section_id))


def _read_chunks(build_dir: Path) -> tuple[dict, dict, dict, dict, dict]:
    chunks, tokens, rows, sentence_tokens, editions = {}, {}, {}, {}, {}
    with (build_dir / "chunks.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            toks = row.pop("tokens")
            first = row.pop("sentence_row")
            sentence_tokens[row["id"]] = row.pop("sentence_tokens")
            edition = row.pop("edition", None)
            chunk = Chunk(**row)
            chunks[chunk.id] = chunk
            tokens[chunk.id] = toks
            if first is not None:
                rows[chunk.id] = first
            if edition:
                editions[chunk.id] = ChunkEdition(**edition)
    return chunks, tokens, rows, sentence_tokens, editions


def _check(
    info: IndexInfo, chunks: dict, rows: dict, sentences: np.ndarray, editions: dict, alt: np.ndarray
) -> None:
    if len(chunks) != info.chunks + info.bibliography:
        raise ValueError(
            f"chunks.jsonl holds {len(chunks)} chunks, the build made {info.chunks + info.bibliography}"
        )
    needed = max((first + len(chunks[cid].sentence_spans()) for cid, first in rows.items()), default=0)
    if sentences.ndim != 2 or sentences.shape[0] != needed:
        raise ValueError(f"sentences.npy holds {sentences.shape[0]} vectors, the chunks need {needed}")
    alt_needed = max((e.row + len(e.sentences) for e in editions.values()), default=0)
    if alt.shape[0] != alt_needed:
        raise ValueError(f"edition.npy holds {alt.shape[0]} vectors, the editions need {alt_needed}")


def open_index(settings: Settings) -> OpenIndex:
    """Open the served index and check it is whole; raises `IndexError_` when it is
    missing, stale, unreachable or damaged."""
    state = status(settings)
    if state != "ready":
        raise IndexError_(
            {
                "missing": "there is no index yet: run 'assistant ingest' to build it",
                "unreachable": f"the Chroma server at {settings.chroma_url} does not answer",
                "stale": "the index is stale (the corpus, its translations, the indexing code, chunking or "
                "embedder changed): run 'assistant ingest'",
            }[state]
        )
    build_dir = served_folder(settings)
    info = read_info(settings)
    assert build_dir is not None and info is not None
    try:
        chunks, tokens, rows, sentence_tokens, editions = _read_chunks(build_dir)
        lexicon = json.loads((build_dir / "lexicon.json").read_text(encoding="utf-8"))
        home = json.loads((build_dir / "home.json").read_text(encoding="utf-8"))
        if not (build_dir / "jieba.dict").is_file():
            raise OSError("jieba.dict is missing")
        sentences = np.load(build_dir / "sentences.npy")
        alt = np.load(build_dir / "edition.npy")
        _check(info, chunks, rows, sentences, editions, alt)
        keys = json.loads((build_dir / "chunk-vectors.json").read_text(encoding="utf-8"))
        matrix = np.load(build_dir / "chunk-vectors.npy")
        if len(keys) != matrix.shape[0]:
            raise ValueError(f"chunk-vectors.npy holds {matrix.shape[0]} vectors for {len(keys)} chunks")
        client = store_for(settings).client(build_dir)
        collections = {}
        for name, expected in info.collections.items():
            col = client.get_collection(f"{info.build}.{name}", embedding_function=None)
            if col.count() != expected:
                raise ValueError(
                    f"collection {name} holds {col.count()} chunks, the build put {expected} there"
                )
            collections[name] = col
    except Exception as exc:  # unreadable files, a broken Chroma database, a server that lost the build
        raise IndexError_(f"the index {info.build} is damaged ({type(exc).__name__}: {exc})") from exc
    from assistant.text import use_dictionary

    use_dictionary(build_dir / "jieba.dict")
    return OpenIndex(
        info=info,
        path=build_dir,
        chunks=chunks,
        tokens=tokens,
        lexicon=lexicon,
        sentence_rows=rows,
        sentence_tokens=sentence_tokens,
        sentences=sentences,
        collections=collections,
        editions=editions,
        edition_vectors=alt,
        chunk_vectors=dict(zip(keys, matrix, strict=True)),
        home={lang: frozenset(found) for lang, found in home.items()},
    )
