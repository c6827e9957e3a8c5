"""What an index build depends on, and whether the served build is still current.

The fingerprint hashes the corpus (the paper, its manifest, reference texts, added documents and
the translated editions, file names included, so adding or removing a file changes it), the code
that turns the corpus into chunks and tokens, the chunk settings and the embedder. A change to any
of them makes the served build stale, and `assistant ingest` rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import BaseModel

from assistant.corpus.chunking import CHUNKER_VERSION
from assistant.corpus.edition import edition_folders
from assistant.index.embeddings import describe
from assistant.index.store import StoreError, store_for
from assistant.settings import Settings

PACKAGE = Path(__file__).resolve().parent.parent
INDEX_CODE = ("corpus", "index", "text.py")  # the code that decides what goes into the index


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
    editions: dict[str, int] = {}  # language → chunks with a translated edition in it


def _files(folder: Path, recursive: bool = True) -> list[Path]:
    if not folder.is_dir():
        return []
    found = folder.rglob("*") if recursive else folder.iterdir()
    return sorted(p for p in found if p.is_file() and not p.name.startswith("."))


def _hash_files(digest, files: list[Path], root: Path) -> None:
    for f in files:
        digest.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes() + b"\0")


def fingerprint_parts(settings: Settings) -> dict[str, str]:
    """What the index depends on (see the module doc), each part hashed on its own."""
    c = settings.corpus
    corpus = hashlib.sha256(c.paper.read_bytes())
    if c.manifest.exists():
        corpus.update(c.manifest.read_bytes())
    _hash_files(corpus, _files(c.references_dir), c.references_dir)
    documents = hashlib.sha256()
    _hash_files(documents, _files(c.documents_dir, recursive=False), c.documents_dir)
    editions = hashlib.sha256()
    for folder in edition_folders(settings):
        _hash_files(editions, _files(folder, recursive=False), folder)
    code = hashlib.sha256()
    for name in INDEX_CODE:
        path = PACKAGE / name
        _hash_files(code, [path] if path.is_file() else _files(path), PACKAGE)
    return {
        "corpus": corpus.hexdigest(),
        "documents": documents.hexdigest(),
        "editions": editions.hexdigest(),
        "chunker": CHUNKER_VERSION,
        "code": code.hexdigest(),
        "chunking": settings.chunking.model_dump_json(),
        "embedder": describe(settings.embedder),
    }


def fingerprint_of(parts: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def fingerprint(settings: Settings) -> str:
    return fingerprint_of(fingerprint_parts(settings))


def served_folder(settings: Settings) -> Path | None:
    store = store_for(settings)
    try:
        name = store.current()
        return store.fetch(name) if name else None
    except StoreError as exc:
        raise IndexError_(str(exc)) from exc


def read_info(settings: Settings) -> IndexInfo | None:
    """Facts of the served build, or None when there is none (or it cannot be read)."""
    folder = served_folder(settings)
    if folder is None:
        return None
    try:
        return IndexInfo.model_validate_json((folder / "index.json").read_text())
    except (OSError, ValueError):
        return None


def status(settings: Settings) -> str:
    """'ready', 'stale' (something the build depends on changed), 'missing', or 'unreachable'
    (the Chroma server does not answer)."""
    try:
        info = read_info(settings)
    except IndexError_:
        return "unreachable"
    if info is None:
        return "missing"
    return "ready" if info.fingerprint == fingerprint(settings) else "stale"
