import pytest

from assistant.index.build import build
from assistant.index.fingerprint import IndexError_, fingerprint, read_info, status
from assistant.index.open import open_index
from assistant.settings import ChunkSettings, CorpusSettings, EmbedderSettings, Settings


def test_index_is_built_once_and_reused(settings):
    assert status(settings) == "ready"
    first = read_info(settings)
    again = build(settings)
    assert again.build == first.build  # nothing rebuilt
    assert first.chunks > 80 and first.bibliography == 24
    assert first.parts["embedder"].startswith("use:")
    assert set(first.parts) == {"corpus", "documents", "editions", "chunker", "code", "chunking", "embedder"}


def test_open_index_has_both_collections(settings):
    idx = open_index(settings)
    assert idx.collection("paper").count() == idx.info.chunks
    assert idx.collection("bibliography").count() == 24
    assert all(c.kind != "bibliography" for c in idx.chunks.values() if c.id.startswith("s"))


def test_fingerprint_follows_chunking_and_embedder(settings):
    base = fingerprint(settings)
    assert fingerprint(settings.model_copy(update={"chunking": ChunkSettings(size=200)})) != base
    other = settings.model_copy(update={"embedder": EmbedderSettings(kind="sentence-transformers")})
    assert fingerprint(other) != base
    assert status(settings.model_copy(update={"chunking": ChunkSettings(size=200)})) == "stale"


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(IndexError_, match="assistant ingest"):
        open_index(Settings(data_dir=tmp_path))


def test_interrupted_build_keeps_the_old_index(tmp_path, monkeypatch):
    s = Settings(data_dir=tmp_path)
    old = build(s)
    import assistant.index.embeddings as emb_mod

    def broken(*_a, **_k):
        raise RuntimeError("power cut")

    monkeypatch.setattr(emb_mod, "make_embedder", broken)
    with pytest.raises(RuntimeError, match="power cut"):
        build(s, force=True)
    assert read_info(s).build == old.build
    assert open_index(s).collection("paper").count() == old.chunks
    assert not [p for p in s.index_dir.iterdir() if p.name.startswith(".tmp")]


def test_sentence_transformers_index(tmp_path):
    # the paper's front matter, first part and bibliography: every kind of unit, for a quick build
    paper = tmp_path / "paper.txt"
    lines = CorpusSettings().paper.read_text(encoding="utf-8").splitlines()
    second = next(k for k, x in enumerate(lines) if x.startswith("二、"))
    refs = next(k for k, x in enumerate(lines) if x.strip().startswith("参考文献"))
    paper.write_text("\n".join(lines[:second] + lines[refs:]) + "\n", encoding="utf-8")
    (tmp_path / "documents").mkdir()
    s = Settings(
        data_dir=tmp_path / "data",
        embedder=EmbedderSettings(kind="sentence-transformers"),
        corpus=CorpusSettings(paper=paper, documents_dir=tmp_path / "documents"),
    )
    info = build(s)
    assert info.parts["embedder"].startswith("st:")
    idx = open_index(s)
    assert idx.collection("paper").count() == info.chunks
