"""Where index builds live: embedded Chroma in a folder, or a Chroma server.

A build is a set of Chroma collections named ``<build>.<name>`` plus side files
(chunks, sentence vectors, lexicon, jieba words, ``index.json``) in a folder
``<data_dir>/index/<build>/``. A pointer names the build being served.

- `LocalStore` (the default): the collections live in the build folder
  (``PersistentClient``) and the pointer is the file ``CURRENT``.
- `ServerStore` (``ASSISTANT_CHROMA_URL``): the collections live on a Chroma server,
  and so do the side files and the pointer (records of the ``assistant-builds``
  collection). Any API process on any host opens the build the server points at;
  its local folder is only a cache of those files, keyed by the immutable build name.

Both keep the served build and the one before it, so a process still answering
from the older build is not pulled out from under.
"""

from __future__ import annotations

import base64
import fcntl
import os
import re
import shutil
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

REGISTRY = "assistant-builds"
RE_BUILD = re.compile(r"^build-[0-9a-f]{12}-\d+$")
PART_BYTES = 512 * 1024


class StoreError(RuntimeError):
    """The store cannot be reached or read."""


def _no_telemetry():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)


class LocalStore:
    """Builds as folders under `root`, each with its own embedded Chroma."""

    where = "local"

    def __init__(self, root: Path):
        self.root = root

    def client(self, folder: Path):
        import chromadb

        return chromadb.PersistentClient(path=str(folder / "chroma"), settings=_no_telemetry())

    def current(self) -> str | None:
        pointer = self.root / "CURRENT"
        return pointer.read_text().strip() if pointer.exists() else None

    def fetch(self, build: str) -> Path | None:
        """The local folder of `build`, or None when it is not there (complete)."""
        folder = self.root / build
        return folder if (folder / "index.json").is_file() else None

    def publish(self, build: str, staged: Path) -> None:
        """Serve the complete build in `staged`: move it in place, then swap the pointer."""
        previous = self.current()
        os.replace(staged, self.root / build)
        tmp = self.root / ".CURRENT.tmp"
        tmp.write_text(build)
        os.replace(tmp, self.root / "CURRENT")
        self._prune_folders({build, previous})

    def discard(self, build: str, staged: Path) -> None:
        shutil.rmtree(staged, ignore_errors=True)

    def _prune_folders(self, keep: set[str | None]) -> None:
        for old in self.root.iterdir():  # older builds, leftovers of killed ones
            if old.is_dir() and old.name not in keep:
                shutil.rmtree(old, ignore_errors=True)

    @contextmanager
    def lock(self):
        """One build at a time per data folder (the lock dies with its process)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with (self.root / ".lock").open("w") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)


@lru_cache(maxsize=4)
def http_client(url: str):
    import chromadb

    u = urlparse(url if "://" in url else f"http://{url}")
    if not u.hostname:
        raise StoreError(f"ASSISTANT_CHROMA_URL {url!r} is not a URL like http://127.0.0.1:8000")
    try:
        return chromadb.HttpClient(
            host=u.hostname,
            port=u.port or (443 if u.scheme == "https" else 8000),
            ssl=u.scheme == "https",
            settings=_no_telemetry(),
        )
    except Exception as exc:  # connection refused, bad TLS, not a Chroma server …
        raise StoreError(f"cannot reach the Chroma server at {url}: {exc}") from exc


class ServerStore(LocalStore):
    """Builds on a Chroma server; `root` caches their side files."""

    where = "server"

    def __init__(self, url: str, root: Path):
        super().__init__(root)
        self.url = url

    def _call(self, what: str, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"Chroma server {self.url}: {what} failed: {exc}") from exc

    def client(self, folder: Path | None = None):
        return http_client(self.url)

    def _registry(self):
        return self._call(
            "opening the build registry",
            self.client().get_or_create_collection,
            REGISTRY,
            embedding_function=None,
        )

    def current(self) -> str | None:
        got = self._call("reading the pointer", self._registry().get, ids=["CURRENT"], include=["metadatas"])
        return got["metadatas"][0]["serving"] if got["ids"] else None

    def fetch(self, build: str) -> Path | None:
        folder = super().fetch(build)
        if folder is not None:
            return folder
        got = self._call(
            "reading the build files",
            self._registry().get,
            where={"build": build},
            include=["documents", "metadatas"],
        )
        if not got["ids"]:
            return None
        parts: dict[str, dict[int, str]] = {}
        for doc, meta in zip(got["documents"], got["metadatas"], strict=True):
            parts.setdefault(meta["file"], {})[meta["part"]] = doc
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.root / f".fetch-{build}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        for name, pieces in parts.items():
            (tmp / name).write_bytes(b"".join(base64.b64decode(pieces[i]) for i in sorted(pieces)))
        if not (tmp / "index.json").is_file():
            shutil.rmtree(tmp, ignore_errors=True)
            return None
        try:
            os.replace(tmp, self.root / build)
        except OSError:  # another process fetched it first
            shutil.rmtree(tmp, ignore_errors=True)
        return super().fetch(build)

    def publish(self, build: str, staged: Path) -> None:
        registry = self._registry()
        ids, docs, metas = [], [], []
        for f in sorted(p for p in staged.iterdir() if p.is_file()):
            data = f.read_bytes()
            n = max(1, -(-len(data) // PART_BYTES))
            for i in range(n):
                ids.append(f"{build}/{f.name}/{i}")
                docs.append(base64.b64encode(data[i * PART_BYTES : (i + 1) * PART_BYTES]).decode())
                metas.append({"build": build, "file": f.name, "part": i})
        for i in range(0, len(ids), 8):  # index.json was written last and goes up with the rest
            self._call(
                "uploading the build files",
                registry.upsert,
                ids=ids[i : i + 8],
                documents=docs[i : i + 8],
                metadatas=metas[i : i + 8],
                embeddings=[[1.0]] * len(ids[i : i + 8]),
            )
        previous = self.current()
        self._call(
            "swapping the pointer",
            registry.upsert,
            ids=["CURRENT"],
            documents=[build],
            metadatas=[{"serving": build}],
            embeddings=[[1.0]],
        )
        shutil.rmtree(self.root / build, ignore_errors=True)
        os.replace(staged, self.root / build)
        keep = {build, previous}
        self._prune_folders(keep)
        for name in self._call("listing collections", self.client().list_collections):
            name = getattr(name, "name", name)
            owner = name.split(".", 1)[0]
            if RE_BUILD.match(owner) and owner not in keep:
                self.drop(owner)

    def drop(self, build: str) -> None:
        """Delete a build's collections and files on the server."""
        client = self.client()
        for col in self._call("listing collections", client.list_collections):
            name = getattr(col, "name", col)
            if name.startswith(build + "."):
                self._call("deleting a collection", client.delete_collection, name)
        self._call("deleting build files", self._registry().delete, where={"build": build})

    def discard(self, build: str, staged: Path) -> None:
        super().discard(build, staged)
        with suppress(StoreError):  # the server is gone; the next build's pruning removes what is left
            self.drop(build)


def store_for(settings) -> LocalStore:
    url = settings.chroma_url.strip()
    return ServerStore(url, settings.index_dir) if url else LocalStore(settings.index_dir)
