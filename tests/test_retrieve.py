from assistant.langchain_retriever import HybridRetriever
from assistant.retrieve import wants_references


def test_chinese_question_finds_its_passage(assistant):
    r = assistant.retriever.search("2021年中国在全球制造业增加值中的占比是多少？")
    assert r.lang == "zh"
    assert r.hits[0].chunk.section_id == "s3"
    assert "30.5%" in r.hits[0].chunk.text


def test_english_question_finds_the_chinese_passage(assistant):
    r = assistant.retriever.search("What share of global manufacturing value added did China have in 2021?")
    assert r.lang == "en"
    assert "制造业" in " ".join(r.terms)  # translated query terms
    assert any("30.5%" in h.chunk.text for h in r.hits[:5])


def test_section_filter(assistant):
    r = assistant.retriever.search("关键矿产", section="s4")
    assert r.hits and all(h.chunk.section_id.startswith("s4") for h in r.hits)


def test_bibliography_only_on_purpose(assistant):
    plain = assistant.retriever.search("What does the paper say about robots?")
    assert all(h.chunk.kind != "bibliography" for h in plain.hits)
    assert wants_references("Which journal published the study by Liu Ya?")
    cited = assistant.retriever.search("参考文献中刘娅等人的文章发表在哪本期刊？")
    assert cited.references
    assert any(h.chunk.id == "refs:6" for h in cited.hits)


def test_langchain_retriever(assistant):
    docs = HybridRetriever(search=assistant.retriever).invoke("壁垒武器化是什么意思？")
    assert docs and docs[0].metadata["section_id"] == "s2.4"
    assert {"id", "section", "section_id", "score", "rrf"} <= set(docs[0].metadata)
    assert docs[0].id == docs[0].metadata["id"]


def test_named_references_and_english_base_forms(assistant):
    from assistant.lexicon import base_form
    from assistant.retrieve import named_references

    assert named_references("参考文献[6]发表在哪里？Also reference 12 and ref. 3") == [6, 12, 3]
    assert named_references("2021年的占比") == []
    lexicon = assistant.index.lexicon
    assert base_form("weaponization", lexicon) == "weapon" and "武器" in lexicon["weapon"]
    r = assistant.retriever.search("What does the paper mean by the weaponization of barriers?")
    assert any(h.chunk.section_id == "s2.4" for h in r.hits[:3])


def test_a_question_about_a_source_is_matched_in_english(assistant):
    q = "In what year and which volume of Econometrica did Eaton and Kortum publish 'Technology, geography, and trade'?"
    r = assistant.retriever.search(q)
    assert r.references and {"econometrica", "kortum"} <= set(r.sourced)  # "eaton" is in the body too
    assert "Econometrica, 2002, 70(5)" in r.hits[0].chunk.text
    ans = assistant.ask(q)
    assert not ans.abstained and "70(5)" in ans.answer and ans.citations[0].kind == "bibliography"
    body_only = assistant.retriever.search("What does the paper say about Econometrica models of trade?")
    assert not body_only.references and body_only.sourced == {}  # not a question about sources
