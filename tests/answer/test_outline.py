"""List questions about a section as a whole are answered from its subsections."""

import pytest

from assistant.answer.outline import SectionTree, asked_count, find_outline

TRENDS = ["s2.1", "s2.2", "s2.3", "s2.4"]


def _outline(assistant, question):
    r = assistant.retriever.search(question)
    return find_outline(r, SectionTree.of(assistant.index.chunks, " ".join(assistant.documents.values())))


@pytest.mark.parametrize("question, parent, parts", [
    ("Which four trends does the paper foresee?", "s2", TRENDS),
    ("论文预测了全球产业链的哪四个趋势？", "s2", TRENDS),
    ("全球产业链变化对我国有哪些消极影响？", "s3.2", ["s3.2.1", "s3.2.2", "s3.2.3", "s3.2.4", "s3.2.5"]),
])
def test_section_questions_get_its_subsections(assistant, question, parent, parts):
    o = _outline(assistant, question)
    assert o is not None and o.parent == parent
    assert [h.chunk.section_id for h in o.parts] == parts
    assert o.labels[0].startswith("(一)") or o.labels[0].startswith("1.")


@pytest.mark.parametrize("question", [
    "目前全球产业链的数字化特征主要体现在哪三个方面？",  # a list inside one paragraph
    "文章认为全球产业链布局的转变是由哪些因素驱动的？",  # names only the paper's own topic
    "Which three trends does the paper foresee?",  # the count does not match the subsections
    "2021年中国在全球制造业增加值中的占比是多少？",  # not a list question
])
def test_other_questions_get_none(assistant, question):
    assert _outline(assistant, question) is None


def test_counts_in_both_languages():
    assert asked_count("Which four trends?") == 4 and asked_count("哪五个方面") == 5
    assert asked_count("What is the share?") is None


def test_grounded_answer_cites_each_subsection_in_order(assistant):
    answer = assistant.ask("Which four trends does the paper foresee?")
    assert [c.section_id for c in answer.citations] == TRENDS
    for label in ("区域联盟化", "采购单极化", "人工智能封闭化", "壁垒武器化"):
        assert label in answer.answer
    assert answer.answer.count("\n") >= 4  # a preamble line and one line per trend
