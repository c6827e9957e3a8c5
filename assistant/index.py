"""Build and open the Chroma index, rebuilding only when its fingerprint changes.

Layout under ``<data_dir>/index``::

    CURRENT                 name of the build being served (replaced atomically)
    build-<fp12>-<time>/    one complete build
        chroma/             Chroma PersistentClient: collections "paper" and "bibliography"
        chunks.jsonl        every chunk with its metadata (BM25 and chunk look-ups)
        sentences.npy       an embedding per quotable sentence (answers rank sentences with it)
        lexicon.json        English → Chinese query terms for this corpus (CC-CEDICT)
        jieba.dict          the jieba words that occur in the corpus (fast to load)
        index.json          the fingerprint and build facts, written last

A build goes into a fresh folder and CURRENT points at it only once it is
complete, so an interrupted ingest leaves the previous index serving.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from assistant.chunking import CHUNKER_VERSION, Chunk
from assistant.corpus import load_corpus
from assistant.embeddings import describe
from assistant.settings import Settings
from assistant.store import StoreError, store_for

PAPER = "paper"
BIBLIOGRAPHY = "bibliography"
Progress = Callable[[str, int, int], None]  # (stage, done, total); total 0 = a note, not a count
INDEX_CODE = (
    "parser.py", "citations.py", "corpus.py", "papers.py", "chunking.py", "text.py", "lexicon.py", "index.py", "store.py",
)


class IndexError_(RuntimeError):
    """The index is missing, stale or unreadable."""


class IndexInfo(BaseModel):
    fingerprint: str
    warnings: list[str] = []
    parts: dict[str, str]
    chunks: int
    bibliography: int
    built_at: float
    build_seconds: float
    build: str = ""
    collections: dict[str, int] = {}  # Chroma collection (without the build prefix) → chunks in it
    documents: dict[str, str] = {}  # added document id → title


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fingerprint_parts(settings: Settings) -> dict[str, str]:
    """What the index depends on: corpus bytes, the code that parses, chunks and tokenises
    it, chunk settings, embedder. A change to any of them makes the index stale."""
    c = settings.corpus
    corpus = hashlib.sha256(c.paper.read_bytes())
    if c.manifest.exists():
        corpus.update(c.manifest.read_bytes())
    if c.references_dir.exists():
        for f in sorted(p for p in c.references_dir.rglob("*") if p.is_file()):
            corpus.update(f.name.encode() + f.read_bytes())
    code = hashlib.sha256()
    for module in INDEX_CODE:  # the code that decides what goes into the index
        code.update((Path(__file__).parent / module).read_bytes())
    return {
        "corpus": corpus.hexdigest(),
        "chunker": CHUNKER_VERSION,
        "code": code.hexdigest(),
        "chunking": settings.chunking.model_dump_json(),
        "embedder": describe(settings.embedder),
    }


def _fingerprint_of(parts: dict[str, str]) -> str:
    return _sha(json.dumps(parts, sort_keys=True).encode())


def fingerprint(settings: Settings) -> str:
    return _fingerprint_of(fingerprint_parts(settings))


def read_info(settings: Settings) -> IndexInfo | None:
    """Facts of the served build, or None when there is none (or it cannot be read)."""
    folder = _served_folder(settings)
    if folder is None:
        return None
    try:
        return IndexInfo.model_validate_json((folder / "index.json").read_text())
    except (OSError, ValueError):
        return None


def _served_folder(settings: Settings) -> Path | None:
    store = store_for(settings)
    try:
        name = store.current()
        return store.fetch(name) if name else None
    except StoreError as exc:
        raise IndexError_(str(exc)) from exc


def status(settings: Settings) -> str:
    """'ready', 'stale' (corpus/chunker/embedder changed), 'missing', or 'unreachable'
    (the Chroma server does not answer)."""
    try:
        info = read_info(settings)
    except IndexError_:
        return "unreachable"
    if info is None:
        return "missing"
    return "ready" if info.fingerprint == fingerprint(settings) else "stale"


def collection_of(chunk: Chunk) -> str:
    """The Chroma collection a chunk goes into: bibliography, paper (with its reference
    texts) or one per added document."""
    if chunk.kind == "bibliography":
        return BIBLIOGRAPHY
    if chunk.doc_id == "paper" or chunk.kind == "reference-text":
        return PAPER
    return f"doc-{chunk.doc_id}"


def build(settings: Settings, progress: Progress | None = None, force: bool = False) -> IndexInfo:
    """Build the index aside and swap it in. Returns the (possibly existing) index info."""
    store = store_for(settings)
    with store.lock():  # a second ingest waits, then finds the index current
        if not force and status(settings) == "ready":
            info = read_info(settings)
            assert info is not None
            return info
        try:
            return _build(settings, store, progress or (lambda *_: None))
        except StoreError as exc:
            raise IndexError_(str(exc)) from exc


def _build(settings: Settings, store, say: Progress) -> IndexInfo:
    t0 = time.perf_counter()
    root = settings.index_dir
    root.mkdir(parents=True, exist_ok=True)
    parts = fingerprint_parts(settings)
    fp = _fingerprint_of(parts)
    name = f"build-{fp[:12]}-{int(time.time() * 1000)}"
    tmp = root / f".tmp-{name}"
    tmp.mkdir()
    try:
        say("parse", 0, 1)
        corpus = load_corpus(settings)
        chunks = corpus.chunks
        say("parse", 1, 1)

        from assistant.embeddings import make_embedder
        from assistant.lexicon import build_lexicon
        from assistant.text import corpus_dictionary, tokenize, use_dictionary

        embedder = make_embedder(settings.embedder)
        body = [c for c in chunks if c.kind != "bibliography"]
        groups: dict[str, list[Chunk]] = {PAPER: [], BIBLIOGRAPHY: []}
        for c in chunks:
            groups.setdefault(collection_of(c), []).append(c)
        client = store.client(tmp)
        for name_, group in groups.items():
            col = client.create_collection(
                f"{name}.{name_}", metadata={"hnsw:space": "cosine"}, embedding_function=None
            )
            step = 16
            for i in range(0, len(group), step):
                part = group[i : i + step]
                vecs = embedder.embed_documents([c.context_text for c in part])
                col.add(
                    ids=[c.id for c in part],
                    documents=[c.text for c in part],
                    metadatas=[c.metadata() for c in part],
                    embeddings=vecs,
                )
                say(f"embed {name_}", min(i + step, len(group)), len(group))
        del client
        use_dictionary(corpus_dictionary([c.context_text for c in chunks], tmp / "jieba.dict"))
        tokens = {c.id: tokenize(c.context_text) for c in chunks}
        first_row: dict[str, int] = {}
        sentences: list[str] = []
        for c in body:
            first_row[c.id] = len(sentences)
            sentences += [c.text[s:e] for s, e in c.sentence_spans()]
        vectors: list[list[float]] = []
        for i in range(0, len(sentences), 64):
            vectors += embedder.embed_documents(sentences[i : i + 64])
            say("embed sentences", min(i + 64, len(sentences)), len(sentences))
        np.save(tmp / "sentences.npy", np.asarray(vectors, dtype=np.float32).reshape(len(sentences), -1))
        with (tmp / "chunks.jsonl").open("w", encoding="utf-8") as f:
            for c in chunks:
                row = {**c.model_dump(), "tokens": tokens[c.id], "sentence_row": first_row.get(c.id),
                       "sentence_tokens": [tokenize(c.text[s:e]) for s, e in c.sentence_spans()]}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        say("lexicon", 0, 1)
        lexicon = build_lexicon((tokens[c.id] for c in body), (c.text for c in body))
        (tmp / "lexicon.json").write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
        say("lexicon", 1, 1)
        info = IndexInfo(
            fingerprint=fp,
            parts=parts,
            chunks=len(body),
            bibliography=len(groups[BIBLIOGRAPHY]),
            built_at=time.time(),
            build_seconds=round(time.perf_counter() - t0, 3),
            build=name,
            warnings=corpus.warnings,
            collections={n: len(g) for n, g in groups.items()},
            documents=corpus.documents,
        )
        (tmp / "index.json").write_text(info.model_dump_json(indent=2), encoding="utf-8")
        say("publish", 0, 1)
        store.publish(name, tmp)
        say("publish", 1, 1)
    except BaseException:
        store.discard(name, tmp)
        raise
    use_dictionary(root / name / "jieba.dict")
    return info


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

    def count(self, collection: str) -> int:
        return self.info.collections.get(collection, 0)

    def sentence_vectors(self, chunk_id: str) -> np.ndarray | None:
        """Embeddings of a chunk's sentences (rows follow `Chunk.sentence_spans()`)."""
        if chunk_id not in self.sentence_rows:
            return None
        first = self.sentence_rows[chunk_id]
        return self.sentences[first : first + len(self.chunks[chunk_id].sentence_spans())]

    def collection(self, name: str):
        return self.collections[name]


def open_index(settings: Settings) -> OpenIndex:
    """Open the served index and check it is whole; raises `IndexError_` when it is
    missing, stale, unreachable or damaged."""
    state = status(settings)
    if state != "ready":
        raise IndexError_(
            {
                "missing": "there is no index yet: run 'assistant ingest' to build it",
                "unreachable": f"the Chroma server at {settings.chroma_url} does not answer",
                "stale": "the index is stale (corpus, indexing code, chunking or embedder changed): "
                "run 'assistant ingest'",
            }[state]
        )
    build_dir = _served_folder(settings)
    info = read_info(settings)
    assert build_dir is not None and info is not None
    chunks: dict[str, Chunk] = {}
    tokens: dict[str, list[str]] = {}
    rows: dict[str, int] = {}
    sentence_tokens: dict[str, list[list[str]]] = {}
    try:
        with (build_dir / "chunks.jsonl").open(encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                toks = row.pop("tokens")
                first = row.pop("sentence_row")
                sentence_tokens[row["id"]] = row.pop("sentence_tokens")
                chunk = Chunk(**row)
                chunks[chunk.id] = chunk
                tokens[chunk.id] = toks
                if first is not None:
                    rows[chunk.id] = first
        lexicon = json.loads((build_dir / "lexicon.json").read_text(encoding="utf-8"))
        if not (build_dir / "jieba.dict").is_file():
            raise OSError("jieba.dict is missing")
        sentences = np.load(build_dir / "sentences.npy")
        if len(chunks) != info.chunks + info.bibliography:
            raise ValueError(f"chunks.jsonl holds {len(chunks)} chunks, the build made {info.chunks + info.bibliography}")
        needed = max((first + len(chunks[cid].sentence_spans()) for cid, first in rows.items()), default=0)
        if sentences.ndim != 2 or sentences.shape[0] != needed:
            raise ValueError(f"sentences.npy holds {sentences.shape[0]} vectors, the chunks need {needed}")
        client = store_for(settings).client(build_dir)
        collections = {}
        for name, expected in info.collections.items():
            col = client.get_collection(f"{info.build}.{name}", embedding_function=None)
            if col.count() != expected:
                raise ValueError(f"collection {name} holds {col.count()} chunks, the build put {expected} there")
            collections[name] = col
    except IndexError_:
        raise
    except Exception as exc:  # unreadable files, a broken Chroma database, a server that lost the build
        raise IndexError_(f"the index {info.build} is damaged ({type(exc).__name__}: {exc})") from exc
    from assistant.text import use_dictionary

    use_dictionary(build_dir / "jieba.dict")
    return OpenIndex(
        info=info, path=build_dir, chunks=chunks, tokens=tokens, lexicon=lexicon, sentence_rows=rows,
        sentence_tokens=sentence_tokens, sentences=sentences, collections=collections,
    )
