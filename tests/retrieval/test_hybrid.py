from assistant.retrieval.hybrid import wants_references
from assistant.retrieval.langchain import HybridRetriever


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
    from assistant.index.lexicon import base_form
    from assistant.retrieval.hybrid import named_references

    assert named_references("参考文献[6]发表在哪里？Also reference 12 and ref. 3") == [6, 12, 3]
    assert named_references("2021年的占比") == []
    lexicon = assistant.index.lexicon
    assert base_form("digitization", lexicon) == "digitize"  # a derived form the dictionary lacks
    assert lexicon["weaponization"] == {"武器化": 1.0}  # 'weapon' + -ization = 武器 + 化, a corpus word
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


def test_a_chinese_rendering_of_an_english_question_joins_the_search(assistant):
    q = "What will technological closure driven by AI do to the job market, according to the paper?"
    zh = "本文认为人工智能驱动的技术封闭会对劳动力市场产生什么影响？"
    plain = assistant.retriever.search(q)
    r = assistant.retriever.search(q, translation=zh)
    assert r.translation == zh and {"劳动力", "市场"} <= set(r.terms) and r.terms["劳动力"] >= 0.5
    assert r.vector != plain.vector  # the rendering's embedding is added to the question's
    assert any("低技能岗位减少" in h.chunk.text for h in r.hits[:3])
    same = assistant.retriever.search("技术封闭对劳动力市场有什么影响？", translation="irrelevant")
    assert same.translation is None and "irrelevant" not in same.terms  # only English questions use one


def test_the_english_abstract_is_reached_on_purpose(assistant):
    from assistant.retrieval.hybrid import wants_english_front

    assert wants_english_front("Which keywords does the English abstract list?")
    assert wants_english_front("论文的英文标题是什么？") and wants_english_front("What are its JEL codes?")
    assert not wants_english_front("Why does the paper stress English-speaking markets?")
    en = assistant.ask("Which keywords does the English abstract list?")
    assert en.retrieved[0].section_id == "abstract.en" and "high-standard opening up" in en.answer
    assert all(c.section_id == "abstract.en" for c in en.citations)  # the English text is quoted, not its Chinese twin
    zh = assistant.ask("英文摘要把“区域联盟化”译成了什么？")
    assert "regional alliances" in zh.answer and "\n" in zh.answer  # English sentences on lines of their own
    assert "abstract.en" not in [r.section_id for r in assistant.ask("论文的关键词有哪些？").retrieved[:1]]


def test_a_section_named_by_number_is_preferred(assistant):
    from assistant.retrieval.hybrid import RE_OPENING, HybridSearch, named_sections
    from assistant.settings import RetrievalSettings

    assert named_sections("At the start of Section 2, which forces act?") == ["s2"]
    assert named_sections("Compare section 3.1 with the fourth part.") == ["s3.1", "s4"]
    assert named_sections("第三部分讲了什么？") == ["s3"] and named_sections("What sections are there?") == []
    assert RE_OPENING.search("How does Section 2 begin?") and RE_OPENING.search("第四部分开头说了什么？")
    assert not RE_OPENING.search("What does Section 4 say about opening to the outside world?")
    unweighted = HybridSearch(assistant.index.build, assistant.embedder, RetrievalSettings(section_weight=0))
    q = "At the beginning of Section 3, how are the impacts on China characterised?"
    assert assistant.retriever.search(q).hits[0].chunk.section_id == "s3"  # its own text, before (一)
    assert unweighted.search(q).hits[0].chunk.section_id != "s3"
    q = "What is the first point made in Section 1?"
    assert assistant.retriever.search(q).hits[0].chunk.section_id.split(".")[0] == "s1"
    assert unweighted.search(q).hits[0].chunk.section_id.split(".")[0] != "s1"
    assert assistant.retriever.search("第三部分开头说了什么？").hits[0].chunk.id == "s3:p0:c0"  # brought into the pool
