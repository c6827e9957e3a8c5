import pytest

from assistant.question.intents import wants_references
from assistant.retrieval.langchain import HybridRetriever
from assistant.text import english_words


def search(assistant, text, section=None, translation=None, searcher=None):
    """The retrieval for `text` as the assistant runs it: the question stage first (scope included),
    then the search; `translation` stands in for a model's Chinese rendering of the question."""
    q, _ = assistant.understand(text, "grounded", section, None, [])
    if translation is not None:
        q.translation = translation
    return (searcher or assistant.retriever).search(q)


def test_chinese_question_finds_its_passage(assistant):
    r = search(assistant, "2021年中国在全球制造业增加值中的占比是多少？")
    assert r.lang == "zh"
    assert r.hits[0].chunk.section_id == "s3"
    assert "30.5%" in r.hits[0].chunk.text


def test_english_question_finds_the_chinese_passage(assistant):
    r = search(assistant, "What share of global manufacturing value added did China have in 2021?")
    assert r.lang == "en"
    assert "制造业" in " ".join(r.bridged)  # translated query terms, searched in the Chinese text
    assert any("30.5%" in h.chunk.text for h in r.hits[:5])


def test_section_filter(assistant):
    r = search(assistant, "关键矿产", section="s4")
    assert r.hits and all(h.chunk.section_id.startswith("s4") for h in r.hits)


def test_bibliography_only_on_purpose(assistant):
    plain = search(assistant, "What does the paper say about robots?")
    assert all(h.chunk.kind != "bibliography" for h in plain.hits)
    assert wants_references("Which journal published the study by Liu Ya?")
    cited = search(assistant, "参考文献中刘娅等人的文章发表在哪本期刊？")
    assert cited.question.references
    assert any(h.chunk.id == "refs:6" for h in cited.hits)


def test_langchain_retriever(assistant):
    docs = HybridRetriever(search=assistant.retriever).invoke("壁垒武器化是什么意思？")
    assert docs and docs[0].metadata["section_id"] == "s2.4"
    assert {"id", "section", "section_id", "score", "rrf"} <= set(docs[0].metadata)
    assert docs[0].id == docs[0].metadata["id"]


def test_named_references_and_english_base_forms(assistant):
    from assistant.index.lexicon import base_form
    from assistant.question.intents import named_references

    assert named_references("参考文献[6]发表在哪里？Also reference 12 and ref. 3") == [6, 12, 3]
    assert named_references("2021年的占比") == []
    lexicon = assistant.index.lexicon
    assert base_form("digitization", lexicon) == "digitize"  # a derived form the dictionary lacks
    assert lexicon["weaponization"] == {"武器化": 1.0}  # 'weapon' + -ization = 武器 + 化, a corpus word
    r = search(assistant, "What does the paper mean by the weaponization of barriers?")
    assert any(h.chunk.section_id == "s2.4" for h in r.hits[:3])


def test_a_question_about_a_source_is_matched_in_english(assistant):
    q = (
        "In what year and which volume of Econometrica did Eaton and Kortum publish "
        "'Technology, geography, and trade'?"
    )
    r = search(assistant, q)
    # matched in English: the question's own words are searched in the entries' English text
    assert r.question.references and {"econometrica", "kortum"} <= set(r.terms)
    assert "Econometrica, 2002, 70(5)" in r.hits[0].chunk.text
    ans = assistant.ask(q)
    assert not ans.abstained and "70(5)" in ans.answer and ans.citations[0].kind == "bibliography"
    body_only = search(assistant, "What does the paper say about Econometrica models of trade?")
    assert not body_only.question.references  # not a question about sources
    assert all(h.chunk.kind != "bibliography" for h in body_only.hits)


def test_a_chinese_rendering_of_an_english_question_joins_the_search(assistant):
    q = "What will technological closure driven by AI do to the job market, according to the paper?"
    zh = "本文认为人工智能驱动的技术封闭会对劳动力市场产生什么影响？"
    plain = search(assistant, q)
    r = search(assistant, q, translation=zh)
    # the rendering's words join the Chinese terms searched in the Chinese text
    assert (
        r.question.translation == zh and {"劳动力", "市场"} <= set(r.bridged) and r.bridged["劳动力"] >= 0.5
    )
    assert r.vector != plain.vector  # the rendering's embedding is added to the question's
    assert any("低技能岗位减少" in h.chunk.text for h in r.hits[:3])
    zh_plain = search(assistant, "技术封闭对劳动力市场有什么影响？")
    same = search(assistant, "技术封闭对劳动力市场有什么影响？", translation="irrelevant")
    assert "irrelevant" not in same.terms and not same.bridged  # only English questions use one
    assert same.vector == zh_plain.vector and [h.chunk.id for h in same.hits] == [
        h.chunk.id for h in zh_plain.hits
    ]


def test_the_english_abstract_is_reached_on_purpose(assistant):
    from assistant.question.intents import wants_english_front

    assert wants_english_front("Which keywords does the English abstract list?")
    assert wants_english_front("论文的英文标题是什么？") and wants_english_front("What are its JEL codes?")
    assert not wants_english_front("Why does the paper stress English-speaking markets?")
    en = assistant.ask("Which keywords does the English abstract list?")
    assert en.retrieved[0].section_id == "abstract.en" and "high-standard opening up" in en.answer
    assert all(
        c.section_id == "abstract.en" for c in en.citations
    )  # the English text is quoted, not its Chinese twin
    zh = assistant.ask("英文摘要把“区域联盟化”译成了什么？")
    assert "regional alliances" in zh.answer and "\n" in zh.answer  # English sentences on lines of their own
    assert "abstract.en" not in [r.section_id for r in assistant.ask("论文的关键词有哪些？").retrieved[:1]]


def test_a_section_named_by_number_is_preferred(assistant):
    from assistant.question.intents import RE_OPENING
    from assistant.question.numbering import named_sections
    from assistant.retrieval.hybrid import HybridSearch

    assert named_sections("At the start of Section 2, which forces act?") == ["s2"]
    assert named_sections("Compare section 3.1 with the fourth part.") == ["s3.1", "s4"]
    assert named_sections("第三部分讲了什么？") == ["s3"] and named_sections("What sections are there?") == []
    assert RE_OPENING.search("How does Section 2 begin?") and RE_OPENING.search("第四部分开头说了什么？")
    assert not RE_OPENING.search("What does Section 4 say about opening to the outside world?")
    unweighted = HybridSearch(
        assistant.index,
        assistant.embedder,
        assistant.settings.retrieval.model_copy(update={"section_weight": 0}),
    )

    def in_section(
        r, sid, own=False
    ):  # how many of the first 3 passages are in `sid` (own text, or below it)
        return sum(
            (h.chunk.section_id if own else h.chunk.section_id.split(".")[0]) == sid for h in r.hits[:3]
        )

    # (the English edition lets the plain search find these sections' text too, though less of it)
    q = "At the beginning of Section 3, how are the impacts on China characterised?"
    weighted, plain = search(assistant, q), search(assistant, q, searcher=unweighted)
    assert weighted.hits[0].chunk.section_id == "s3"  # its own text, before (一)
    assert in_section(weighted, "s3", own=True) == 3 and in_section(plain, "s3", own=True) < 3
    q = "What is the first point made in Section 1?"
    weighted, plain = search(assistant, q), search(assistant, q, searcher=unweighted)
    assert weighted.hits[0].chunk.section_id.split(".")[0] == "s1"
    assert in_section(weighted, "s1") == 3 and in_section(plain, "s1") < 3
    q = "How does Section 4 open?"
    assert search(assistant, q).hits[0].chunk.id == "s4:p0:c0"
    assert search(assistant, q, searcher=unweighted).hits[0].chunk.section_id != "s4"
    q = "第三部分开头说了什么？"
    assert search(assistant, q).hits[0].chunk.id == "s3:p0:c0"  # brought into the pool
    assert search(assistant, q, searcher=unweighted).hits[0].chunk.section_id != "s3"


def test_a_possessive_leaves_no_term_behind(assistant):
    from assistant.question.analysis import analyse

    terms = assistant.retriever.question_terms(analyse("What happened to China's share? It isn't said."))
    assert "china" in terms and "share" in terms and "s" not in terms and "t" not in terms


def test_an_english_heading_is_named_by_words_of_its_family(assistant):
    search = assistant.retriever
    document = search.index.tree.document_of("s3.2.2")
    asked = set(english_words("the technological gaps"))  # the heading says "technology gaps"
    assert "s3.2.2" in [s for _, s in search.headings.matched(asked, None, "en", document)]
    assert "s3.2.2" not in [s for _, s in search.headings.matched({"gap"}, None, "en", document)]


def test_a_heading_is_named_by_its_rare_words_and_a_noun_of_the_question_verb(assistant):
    search = assistant.retriever
    document = search.index.tree.document_of("s3.2.3")
    asked = set(english_words("the subsection about export markets shrinking"))  # "Market Shrinkage"
    assert [s for _, s in search.headings.matched(asked, None, "en", document)][:1] == ["s3.2.3"]
    # "market" alone is in two headings ("Market Shrinkage", "Expanding Market Size"): it names neither
    assert "s3.2.3" not in [s for _, s in search.headings.matched({"market"}, None, "en", document)]


@pytest.mark.parametrize(
    ("question", "section"),
    [
        # no word of the heading ("Declining Competitive Capabilities", 竞争能力衰减) but its family
        ("What's the gist of the section on China losing competitiveness?", "s3.2.4"),
        # none at all ("Escalating technology gaps", 技术越追越远)
        ("What does the paper argue about China falling further behind technologically?", "s3.2.2"),
    ],
)
def test_a_part_named_by_a_paraphrase_of_its_heading(assistant, question, section):
    r = search(assistant, question)
    assert r.paraphrased == section and r.target == section


def test_a_fact_question_is_not_given_a_paraphrased_part(assistant):
    r = search(assistant, "2021年中国在全球制造业增加值中的占比是多少？")
    assert r.paraphrased is None


def test_a_summary_of_the_proposals_on_a_topic_is_of_the_part_responding_to_it(assistant):
    r = search(assistant, "What's covered under the recommendations for expanding the positive effects of "
               "supply chain relocation?")
    assert r.target == "s4.1"
