"""What a reader asks of the paper as a whole or of a list, answered from the real index: what the
paper sets out to do, its verdict when a question weighs the sides, the dangers or benefits it lists,
and items that only name themselves."""

import pytest


@pytest.mark.parametrize(
    "question", ["这篇文章想解决什么问题？", "What gap in the literature does the paper fill?"]
)
def test_what_the_paper_sets_out_to_do_comes_first(assistant, question):
    a = assistant.ask(question)
    assert a.kind == "overview" and [c.section_id for c in a.citations[:2]] == ["intro", "intro"]
    # the gap, then the statement of aim that points back to it
    assert "仍显不足" in a.citations[0].text and "本文旨在" in a.citations[1].text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("总的来说，全球产业链再布局对我国是好事还是坏事？", "弊大于利"),
        ("Is it a good or bad thing for China overall?", "harm"),
    ],
)
def test_a_question_weighing_the_sides_gets_the_verdict_first(assistant, question, verdict):
    a = assistant.ask(question)
    body = [line for line in a.answer.splitlines() if "[1]" in line]
    assert body and verdict in body[0]


def test_a_premise_about_the_verdict_is_read_against_it_wherever_it_is(assistant):
    a = assistant.ask(
        "Why do the authors conclude that supply-chain restructuring is, on balance, good for China's "
        "industrial security?"
    )
    assert a.kind == "correction" and a.premise_rejected and "harm" in a.answer


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("What are the main dangers for Chinese industry that the authors identify?", "s3.2"),
        ("In what ways could China actually benefit from global supply chains being reshuffled?", "s3.1"),
    ],
)
def test_a_list_of_dangers_or_benefits_is_a_list_of_impacts(assistant, question, section):
    a = assistant.ask(question)
    assert a.kind == "outline" and {c.section_id.rsplit(".", 1)[0] for c in a.citations} == {section}


def test_items_that_only_name_themselves_come_with_what_they_are(assistant):
    a = assistant.ask("当前全球产业链区域化在企业和政府层面各有哪些表现？")
    assert "一是企业层面的战略调整" in a.answer and "中国+N" in a.answer  # the item, and what it is


def test_a_quoted_phrase_names_the_part_inside_a_numbered_one(assistant):
    a = assistant.ask("第一部分里讲的“第一阶段”是什么内容？")
    assert a.kind == "overview" and a.citations[0].section_id == "s1.1"


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("作者对采购单极化有什么建议？", "没有专门针对“采购单极化”"),
        ("What does the author propose about single-level procurement?", "no proposal specifically about"),
    ],
)
def test_a_topic_without_proposals_is_said_to_have_none(assistant, question, says):
    a = assistant.ask(question)
    assert a.answer.startswith(says) or says in a.answer.splitlines()[0]
    assert a.citations and all(c.section_id.startswith("s4") for c in a.citations)  # its proposals part


@pytest.mark.parametrize(
    "question",
    [
        "作者对产业空心化有什么建议？",
        "为了防止产业空心化，作者提出了哪几条具体措施？",
        "How can China avoid hollowing out?",
    ],
)
def test_a_topic_with_proposals_gets_them(assistant, question):
    a = assistant.ask(question)  # asked as what to do about it, or how to prevent it
    assert "没有专门" not in a.answer and {c.section_id for c in a.citations} == {"s4.2.1"}


@pytest.mark.parametrize(
    "question",
    [
        "What forms can the weaponisation of supply-chain barriers take?",  # its announcer scores lower
        "Give some concrete examples of how countries turn supply-chain barriers into weapons.",
    ],
)
def test_a_list_question_gets_the_list_a_sentence_announces(assistant, question):
    a = assistant.ask(question)
    lowered = a.answer.lower()
    assert "export" in lowered and "cyber" in lowered and len(a.citations) <= 3


def test_a_long_enumeration_comes_whole(assistant):
    a = assistant.ask("In what ways can barriers be weaponized, according to the paper?")
    lowered = a.answer.lower()
    assert "export" in lowered and "subsid" in lowered and "cyber" in lowered  # first, middle and last forms


@pytest.mark.parametrize("question", ["论文用了什么计量模型？", "What econometric model does the paper use?"])
def test_how_the_paper_works_is_its_own_statement_of_method(assistant, question):
    a = assistant.ask(question)  # it builds no model: what it says it does, a theoretical analysis
    assert a.kind == "overview" and "本文旨在" in a.citations[1].text and "学理分析" in a.citations[1].text


def test_a_sentence_listing_the_items_inline_is_not_traded_for_an_announced_list(assistant):
    a = assistant.ask("这篇文章认为未来全球产业链会出现哪几种新特征？")
    assert all(t in a.answer for t in ("区域联盟化", "采购单极化", "人工智能封闭化", "壁垒武器化"))


@pytest.mark.parametrize(
    "question", ["作者为什么要写这篇文章？研究背景是什么？", "What motivated the authors to write it?"]
)
def test_why_the_paper_was_written_is_the_situation_it_opens_with(assistant, question):
    a = assistant.ask(question)
    assert a.kind == "overview" and a.citations[0].section_id == "intro"
    assert "三中全会" in " ".join(c.text for c in a.citations)  # the opening paragraph, quoted whole


@pytest.mark.parametrize("question", ["What is Table 1 about, and what does it show?", "表1讲了什么？"])
def test_a_table_asked_for_as_a_whole_comes_whole(assistant, question):
    a = assistant.ask(question)
    assert not a.abstained and a.citations[0].text.startswith("表1")  # its caption first
    rows = [c for c in a.citations if "分类" in c.text]
    assert len(rows) >= 10 and any("风险分散" in c.text for c in rows)  # the last row too


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("针对外资，作者提了什么建议？", "s4.2.4"),
        ("What does the paper suggest to expand markets?", "s4.2.3"),
    ],
)
def test_proposals_about_a_topic_come_from_the_part_its_heading_names(assistant, question, section):
    a = assistant.ask(
        question
    )  # no heading names the topic whole; one part of proposals holds its rare words
    assert a.citations and {c.section_id for c in a.citations} == {section}


@pytest.mark.parametrize(
    "question", ["How does the paper compare the two stages?", "新旧两个阶段有什么不同？"]
)
def test_the_two_parts_a_question_counts_come_side_by_side(assistant, question):
    a = assistant.ask(question)
    assert a.kind == "comparison"
    assert {"s1.1", "s1.2"} <= {
        c.section_id.rsplit(".", 1)[0] if c.section_id.count(".") > 1 else c.section_id for c in a.citations
    }


def test_the_words_naming_the_text_itself_need_not_be_in_its_passages(assistant):
    a = assistant.ask("这篇文章用了哪些理论？")  # the text never calls itself 这篇文章
    assert not a.abstained and "理论" in a.answer


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("表1里“竞争优势”这一项在两个阶段分别是怎么描述的？", "竞争优势的重塑"),
        (
            "In Table 1, what does the paper say about the policy and regulatory environment in each stage?",
            "政策与法规环境",
        ),
        ("表1的数据/资料来源是什么？", "资料来源"),  # the caption gives it
    ],
)
def test_a_question_about_part_of_a_named_table_gets_those_rows(assistant, question, row):
    a = assistant.ask(question)
    assert not a.abstained and any(row in c.text for c in a.citations) and len(a.citations) <= 3


@pytest.mark.parametrize(
    "question",
    [
        "比较一下文章讲的积极影响和消极影响，哪一方面更重？",
        "Compare the positive and negative impacts. Which weighs heavier?",
    ],
)
def test_a_comparison_asking_which_side_weighs_more_gives_the_verdict_first(assistant, question):
    a = assistant.ask(question)
    assert a.kind == "comparison" and "弊大于利" in a.citations[0].text


def test_figures_asked_along_with_a_question_are_given(assistant):
    a = assistant.ask(
        "What does the paper say about countries using barriers as weapons? Give me the figures too."
    )
    assert "4334" in a.answer or "3,000" in a.answer or "3000" in a.answer
