"""Build the Chroma index aside and swap it in, only when its fingerprint changed.

Layout under ``<data_dir>/index``::

    CURRENT                 name of the build being served (replaced atomically)
    build-<fp12>-<time>/    one complete build
        chroma/             Chroma PersistentClient: "paper", "bibliography", one per added document,
                            and "edition" (each chunk's text in the other language, when translated)
        chunks.jsonl        every chunk with its metadata, BM25 tokens and edition
        sentences.npy       an embedding per quotable sentence (answers rank sentences with it)
        edition.npy         the same for the sentences of the editions
        home.json           the name each language's text uses most (China), for the guards
        chunk-vectors.*     each chunk's vector as put into Chroma (a BM25-only hit's cosine without
                            a round trip)
        lexicon.json        English → Chinese query terms for this corpus (CC-CEDICT)
        jieba.dict          the jieba words that occur in the corpus (fast to load)
        index.json          the fingerprint and build facts, written last

A build goes into a fresh folder and CURRENT points at it only once it is complete, so an
interrupted ingest leaves the previous index serving.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import numpy as np

from assistant.corpus.chunking import Chunk
from assistant.corpus.edition import Edition, edition_folders
from assistant.corpus.entities import home_names
from assistant.corpus.loader import load_corpus
from assistant.corpus.units import LABEL_SEP
from assistant.index.fingerprint import (
    IndexError_,
    IndexInfo,
    fingerprint_of,
    fingerprint_parts,
    read_info,
    status,
)
from assistant.index.store import StoreError, store_for
from assistant.settings import Settings

PAPER = "paper"
BIBLIOGRAPHY = "bibliography"
EDITION = "edition"
Progress = Callable[[str, int, int], None]  # (stage, done, total); total 0 = a note, not a count


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


def chunk_editions(chunks: list[Chunk], settings: Settings) -> dict[str, dict]:
    """Each chunk's text in the other language, where the editions have all of it: {lang, text,
    sentences (aligned with the chunk's quotable units), section (its heading path), flagged}."""
    editions = {lang: Edition.load(edition_folders(settings), lang) for lang in ("en", "zh")}
    out = {}
    for c in chunks:
        lang = "en" if c.lang == "zh" else "zh"
        edition = editions[lang]
        sentences = edition.sentences(c)
        section = edition.label(c.section)
        if sentences is None or not len(edition):
            continue
        units = [c.text] if c.kind == "table" else [c.text[s:e] for s, e in c.sentence_spans()]
        out[c.id] = {
            "lang": lang,
            "text": " ".join(sentences) if c.kind != "table" else sentences[0],
            "sentences": sentences,
            "section": section or c.section,
            "flagged": [edition.flagged(u) for u in units],
        }
    return out


def _embed_collections(
    client, build: str, groups: dict[str, list[tuple[str, str, dict]]], embedder, say: Progress
) -> dict[str, list[float]]:
    """One Chroma collection per group of (id, text, metadata); the vectors by "<collection>/<id>"."""
    vectors: dict[str, list[float]] = {}
    for name, group in groups.items():
        col = client.create_collection(
            f"{build}.{name}", metadata={"hnsw:space": "cosine"}, embedding_function=None
        )
        for i in range(0, len(group), 16):
            part = group[i : i + 16]
            embedded = embedder.embed_documents([p[1] for p in part])
            col.add(
                ids=[p[0] for p in part],
                documents=[p[1] for p in part],
                metadatas=[p[2] for p in part],
                embeddings=embedded,
            )
            vectors.update({f"{name}/{p[0]}": v for p, v in zip(part, embedded, strict=True)})
            say(f"embed {name}", min(i + 16, len(group)), len(group))
    return vectors


def _embed_sentences(texts: list[str], embedder, say: Progress, label: str) -> np.ndarray:
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    vectors: list[list[float]] = []
    for i in range(0, len(texts), 64):
        vectors += embedder.embed_documents(texts[i : i + 64])
        say(label, min(i + 64, len(texts)), len(texts))
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)


def _write_side_files(
    folder, chunks: list[Chunk], editions: dict[str, dict], embedder, say: Progress
) -> None:
    """chunks.jsonl (with BM25 tokens and editions), the sentence vectors of both languages, lexicon.json,
    home.json."""
    from assistant.index.lexicon import build_lexicon
    from assistant.text import tokenize

    body = [c for c in chunks if c.kind != "bibliography"]
    sentences, rows = [], {}
    for c in body:
        rows[c.id] = len(sentences)
        sentences += [c.text[s:e] for s, e in c.sentence_spans()]
    np.save(folder / "sentences.npy", _embed_sentences(sentences, embedder, say, "embed sentences"))
    alt, alt_rows = [], {}
    for cid, e in editions.items():
        alt_rows[cid] = len(alt)
        alt += e["sentences"]
    np.save(folder / "edition.npy", _embed_sentences(alt, embedder, say, "embed edition"))
    tokens = {c.id: tokenize(c.context_text) for c in chunks}
    with (folder / "chunks.jsonl").open("w", encoding="utf-8") as f:
        for c in chunks:
            row = {
                **c.model_dump(),
                "tokens": tokens[c.id],
                "sentence_row": rows.get(c.id),
                "sentence_tokens": [tokenize(c.text[s:e]) for s, e in c.sentence_spans()],
                "edition": None,
            }
            if e := editions.get(c.id):
                heading = e["section"].split(LABEL_SEP)[-1]
                row["edition"] = {
                    **e,
                    "row": alt_rows[c.id],
                    "tokens": tokenize(f"{heading} {e['text']}"),
                    "sentence_tokens": [tokenize(s) for s in e["sentences"]],
                }
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    say("lexicon", 0, 1)
    lexicon = build_lexicon((tokens[c.id] for c in body), (c.text for c in body))
    (folder / "lexicon.json").write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
    prose = [c for c in body if c.kind in ("body", "abstract")]
    texts = [(c.lang, c.text) for c in prose] + [
        (e["lang"], e["text"]) for c in prose if (e := editions.get(c.id))
    ]
    (folder / "home.json").write_text(json.dumps(home_names(texts), ensure_ascii=False), encoding="utf-8")
    say("lexicon", 1, 1)


def _collection_groups(chunks: list[Chunk], editions: dict[str, dict]) -> dict[str, list]:
    """What goes into each Chroma collection, as (id, text, metadata): every chunk in its own
    collection, and each translated chunk's edition text in "edition"."""
    groups: dict[str, list] = {PAPER: [], BIBLIOGRAPHY: []}
    for c in chunks:
        groups.setdefault(collection_of(c), []).append((c.id, c.context_text, c.metadata()))
    if editions:
        groups[EDITION] = [
            (
                c.id,
                editions[c.id]["text"],
                {"lang": editions[c.id]["lang"], "collection": collection_of(c)},
            )
            for c in chunks
            if c.id in editions
        ]
    return groups


def _save_vectors(folder, vectors: dict[str, list[float]]) -> None:
    """Each chunk's vector as put into Chroma: chunk-vectors.npy, with its keys in chunk-vectors.json."""
    keys = sorted(vectors)
    np.save(folder / "chunk-vectors.npy", np.asarray([vectors[k] for k in keys], dtype=np.float32))
    (folder / "chunk-vectors.json").write_text(json.dumps(keys), encoding="utf-8")


def _build(settings: Settings, store, say: Progress) -> IndexInfo:
    from assistant.index.embeddings import make_embedder
    from assistant.text import corpus_dictionary, use_dictionary

    t0 = time.perf_counter()
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    parts = fingerprint_parts(settings)
    fp = fingerprint_of(parts)
    name = f"build-{fp[:12]}-{int(time.time() * 1000)}"
    tmp = settings.index_dir / f".tmp-{name}"
    tmp.mkdir()
    try:
        say("parse", 0, 1)
        corpus = load_corpus(settings)
        chunks = corpus.chunks
        editions = chunk_editions(chunks, settings)
        say("parse", 1, 1)
        embedder = make_embedder(settings.embedder)
        groups = _collection_groups(chunks, editions)
        client = store.client(tmp)
        vectors = _embed_collections(client, name, groups, embedder, say)
        del client
        _save_vectors(tmp, vectors)
        texts = [c.context_text for c in chunks] + [e["text"] for e in editions.values()]
        use_dictionary(corpus_dictionary(texts, tmp / "jieba.dict"))
        _write_side_files(tmp, chunks, editions, embedder, say)
        langs = [e["lang"] for e in editions.values()]
        info = IndexInfo(
            fingerprint=fp,
            parts=parts,
            chunks=sum(c.kind != "bibliography" for c in chunks),
            bibliography=len(groups[BIBLIOGRAPHY]),
            built_at=time.time(),
            build_seconds=round(time.perf_counter() - t0, 3),
            build=name,
            warnings=corpus.warnings,
            collections={n: len(g) for n, g in groups.items()},
            documents=corpus.documents,
            editions={lang: langs.count(lang) for lang in sorted(set(langs))},
        )
        (tmp / "index.json").write_text(info.model_dump_json(indent=2), encoding="utf-8")
        say("publish", 0, 1)
        store.publish(name, tmp)
        say("publish", 1, 1)
    except BaseException:
        store.discard(name, tmp)
        raise
    use_dictionary(settings.index_dir / name / "jieba.dict")
    return info
