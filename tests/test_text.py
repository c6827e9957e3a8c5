from assistant.corpus.chunking import chunk_paper
from assistant.text import corpus_dictionary, english_words, kin, language_of, tokenize, use_dictionary


def test_language_of():
    assert language_of("2021年中国的占比是多少？") == "zh"
    assert language_of("What was China's share in 2021?") == "en"
    assert language_of("RCEP 是什么") == "zh"


def test_english_words_drop_stopwords_and_stem():
    assert english_words("What are the supply chains of China's industries?") == [
        "supply",
        "chain",
        "china",
        "industry",
    ]
    # a plural of a word ending in e loses its s only, and so meets the singular ("matches" loses es)
    assert english_words("measures measure rates matches") == ["measure", "measure", "rate", "match"]


def test_corpus_dictionary_segments_the_corpus_like_the_full_one(paper, tmp_path):
    texts = [c.context_text for c in chunk_paper(paper, 300)]
    use_dictionary(None)
    full = [tokenize(t) for t in texts]
    use_dictionary(corpus_dictionary(texts, tmp_path / "jieba.dict"))
    try:
        assert [tokenize(t) for t in texts] == full
    finally:
        use_dictionary(None)


def test_english_words_of_one_family():
    assert kin("employment", "employee") and kin("industry", "industrial") and kin("labour", "labor")
    assert not kin("trade", "tradition") and not kin("construct", "constraint")
