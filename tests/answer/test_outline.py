"""List questions about a section as a whole are answered from its subsections."""

import pytest

from assistant.retrieval.outline import asked_count

TRENDS = ["s2.1", "s2.2", "s2.3", "s2.4"]


def _outline(assistant, question):
    q, _ = assistant.understand(question, "grounded", None, None, [])
    return assistant.retriever.search(q).outline


@pytest.mark.parametrize(
    ("question", "parent"),
    [
        ("Which four trends does the paper foresee?", "s2"),
        ("论文预测了全球产业链的哪四个趋势？", "s2"),
        ("全球产业链变化对我国有哪些消极影响？", "s3.2"),
        # in readers' words, with words of the whole paper around them, found passages elsewhere or not
        ("What are the main risks the authors see for China from the reshuffling of supply chains?", "s3.2"),
        ("Does the paper see any upside for China in all this?", "s3.1"),
        ("产业链重组给我国带来了哪些好处？", "s3.1"),  # 好处 as written, though the tokenizer splits it
        ("What future trends do the authors expect?", "s2"),  # the subject's words left unsaid
    ],
)
def test_section_questions_get_its_subsections(assistant, question, parent):
    assert _outline(assistant, question) == parent


@pytest.mark.parametrize(
    "question",
    [
        "目前全球产业链的数字化特征主要体现在哪三个方面？",  # a list inside one paragraph
        "Which three trends does the paper foresee?",  # the count does not match the subsections
        "2021年中国在全球制造业增加值中的占比是多少？",  # not a list question
    ],
)
def test_other_questions_get_none(assistant, question):
    assert _outline(assistant, question) is None


def test_counts_in_both_languages():
    assert asked_count("Which four trends?") == 4 and asked_count("哪五个方面") == 5
    assert asked_count("What is the share?") is None


def test_grounded_answer_cites_each_subsection_in_order(assistant):
    answer = assistant.ask("论文预测了全球产业链的哪四个趋势？")
    assert [c.section_id for c in answer.citations] == TRENDS
    for label in ("区域联盟化", "采购单极化", "人工智能封闭化", "壁垒武器化"):
        assert label in answer.answer
    assert [i["section_id"] for i in answer.items] == TRENDS


def test_an_english_list_is_in_english(assistant):
    answer = assistant.ask("Which four trends does the paper foresee?")
    assert [c.section_id for c in answer.citations] == TRENDS
    assert answer.lang == "en" and answer.translated
    assert all(c.quote_en for c in answer.citations)
