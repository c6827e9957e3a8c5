"""Where the text says it, and what a conversation's next question leans on, on the real index."""

import pytest

from tests.answer.talk import conversation


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("关键矿产的问题在文章哪一部分讨论？", "关键矿产受制"),
        ("Which section covers critical minerals?", "minerals"),
    ],
)
def test_where_the_text_says_it_names_the_section_in_the_message(assistant, question, heading):
    a = assistant.ask(question)
    first = a.answer.splitlines()[0]
    assert a.kind == "location" and heading in first and "[1]" in first
    assert a.citations[0].section_id == "s3.2.5"


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("苹果公司在供应链管理上有什么做法？", "这是文章哪部分讲的？"),
        ("What does the paper say about Apple's suppliers?", "Which part of the paper is that from?"),
    ],
)
def test_where_the_previous_answer_came_from(assistant, first, then):
    before = assistant.ask(first)
    a = conversation(assistant, first, then)
    assert a.kind == "location" and a.condensed_question
    assert before.citations[0].section_id in {c.section_id for c in a.citations}


def test_a_follow_up_asking_only_for_an_example_leans_on_the_conversation(assistant):
    a = conversation(assistant, "采购单极化是什么意思？", "有没有哪家公司是典型例子？")
    assert a.condensed_question and "苹果" in a.answer


def test_a_follow_up_asking_for_figures_gets_only_sentences_with_figures(assistant):
    a = conversation(assistant, "壁垒武器化是什么意思？", "有没有数据能说明这个趋势？")
    sentences = [s for s in a.answer.replace("。", "。\n").splitlines() if s.strip()]
    assert sentences and all(any(ch.isdigit() for ch in s) for s in sentences)


def test_a_figure_asked_again_after_a_time_word_is_not_refused(assistant):
    a = conversation(assistant, "中国制造业增加值占全球的比重最高是多少？", "后来降到多少？")
    assert not a.abstained and "28.8" in a.answer


def test_the_second_of_two_parts_is_the_part_not_a_subsection(assistant):
    a = conversation(assistant, "作者的政策建议分为哪两大块？", "第二块包括哪些措施？")
    assert a.condensed_question and {c.section_id[:4] for c in a.citations} == {"s4.2"}


@pytest.mark.parametrize(
    "question",
    ["Which two stages of global chain layout does the paper distinguish?", "产业链布局分为哪两个阶段？"],
)
def test_parts_counted_by_what_each_calls_itself_are_listed(assistant, question):
    a = assistant.ask(question)
    assert a.kind == "outline" and [i["section_id"] for i in a.items] == ["s1.1", "s1.2"]


def test_it_after_an_answer_from_one_part_is_that_part(assistant):
    a = conversation(
        assistant, "How much does China rely on imported minerals?", "What does the author propose about it?"
    )
    assert {c.section_id for c in a.citations} == {"s4.2.5"}


def test_the_paper_asked_about_one_named_proposal_is_that_proposal_not_the_whole_paper(assistant):
    a = assistant.ask(
        "Summarise what the paper recommends on improving the business environment and foreign capital."
    )
    assert {c.section_id for c in a.citations} == {"s4.2.4"}
    whole = assistant.ask("请概括本文的结论和政策含义。")
    assert any(c.kind == "abstract" for c in whole.citations)


def test_proposals_asked_with_the_word_a_part_of_proposals_is_headed_by_come_from_the_topic(assistant):
    a = assistant.ask("作者对关键矿产问题有什么建议？")
    assert {c.section_id for c in a.citations} == {"s4.2.5"}


def test_a_trade_figure_is_found_where_the_text_says_imports_and_exports(assistant):
    a = assistant.ask("2023年我国同共建“一带一路”国家的贸易额是多少？")
    assert not a.abstained and "19.47" in a.answer


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("第二部分里讲“区域联盟化”的那一节说了什么？", "s2.1"),
        ("第四部分（二）里“内外结合，扩容市场规模”那条讲了什么？", "s4.2.3"),
        ("把第三部分概括一下，它讲了哪些影响？", "s3"),
    ],
)
def test_a_heading_named_inside_a_numbered_part_is_that_heading(assistant, question, section):
    a = assistant.ask(question)
    assert a.kind == "overview" and a.citations[0].section_id.startswith(section)
    assert section != "s3" or {c.section_id[:4] for c in a.citations} >= {"s3.1", "s3.2"}


def test_a_sentence_naming_what_it_points_back_to_brings_the_sentence_before(assistant):
    a = assistant.ask("这篇论文想要填补哪方面的研究空白？")
    assert "系统性分析" in a.answer.split("本文旨在填补这一研究空白")[0]


def test_what_the_paper_says_about_one_stage_is_that_stage(assistant):
    a = assistant.ask("Could you sum up what the paper says about the efficiency-first stage?")
    assert a.kind == "overview" and a.citations[0].section_id == "s1.1"


def test_another_item_asked_the_same_way(assistant):
    a = conversation(
        assistant, "全球产业链变化对我国有哪些积极影响？", "第二个有什么数据支撑？", "那第一个呢？"
    )
    assert "倒逼产业升级" in a.condensed_question and "数据" in a.condensed_question
    assert a.citations and all(c.section_id == "s3.1.1" for c in a.citations)
    assert any(ch.isdigit() for ch in a.answer)  # figures, as asked, not the opening again


def test_this_problem_after_an_example_is_the_problem_the_example_was_of(assistant):
    a = conversation(
        assistant,
        "在关键矿产方面我国面临什么问题？",
        "文中举了哪个国家资源国有化的例子？",
        "针对这个问题，作者建议怎么做？",
    )
    assert "关键矿产" in a.condensed_question
    assert a.citations and all(c.section_id == "s4.2.5" for c in a.citations)  # the proposals on minerals


def test_where_a_followed_up_answer_came_from_is_where_it_quoted(assistant):
    first = ["消极影响有哪些？", "第二个是什么意思？", "作者对此有什么建议？"]
    proposals = conversation(assistant, *first)
    a = conversation(assistant, *first, "这是在哪部分讲的？")
    assert a.kind == "location"
    assert {c.section_id for c in a.citations} == {c.section_id for c in proposals.citations} == {"s4.2.2"}


@pytest.mark.parametrize(
    ("first", "then", "section"),
    [
        ("政策建议分成哪两大块？", "第一块里的第三条讲什么？", "s4.1.3"),
        (
            "What are the two main parts of the policy recommendations?",
            "In the second part, what does the first point say?",
            "s4.2.1",
        ),
    ],
)
def test_a_point_of_a_listed_part_is_found_by_both_positions(assistant, first, then, section):
    a = conversation(assistant, first, then)
    assert a.citations and {c.section_id for c in a.citations} == {section}


def test_how_fast_something_grew_asks_for_its_figures(assistant):
    a = conversation(
        assistant,
        "What does the paper mean by weaponized trade barriers?",
        "How fast have they been growing?",
    )
    assert "4334" in a.answer and "99.1" in a.answer


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("文章中的“壁垒武器化”是什么意思？", "那第一个趋势呢？"),
        ("What does the paper mean by weaponization of barriers?", "And the first trend?"),
    ],
)
def test_a_position_after_one_part_of_a_list_is_a_part_of_that_list(assistant, first, then):
    a = conversation(assistant, first, then)
    assert a.citations and all(c.section_id == "s2.1" for c in a.citations)  # the first trend


def test_an_example_asked_of_what_was_said_comes_from_where_the_text_treats_it(assistant):
    a = conversation(
        assistant,
        "What future trends in global industrial chains does the paper predict?",
        "Tell me more about the second one.",
        "Any figures or examples for that?",
    )
    assert "Apple" in a.answer  # not the abstract's "such as …"


def test_figures_asked_of_a_listed_part_come_from_that_part(assistant):
    a = conversation(assistant, "全球产业链变化对我国有哪些积极影响？", "第三个有什么数据？")
    assert "13.16" in a.answer and all(c.section_id == "s3.1.3" for c in a.citations)


def test_figures_asked_of_it_come_from_the_part_just_discussed(assistant):
    a = conversation(
        assistant,
        "What negative impacts does the paper see for China?",
        "Say more about the third one",
        "Any figures for that?",
    )
    assert {c.section_id for c in a.citations} == {"s3.2.3"} and "387.7" in a.answer


def test_a_question_with_a_topic_of_its_own_is_no_pointer_to_a_part_beside_the_last(assistant):
    a = conversation(
        assistant,
        "中国产品国际竞争力被削弱，文中拿什么数据说明？",
        "为什么外资外迁的影响这么大？",  # "影响" names no part beside the one quoted
        "对此作者怎么建议？",
    )
    assert {c.section_id for c in a.citations} == {"s4.2.4"}


def test_an_item_pointed_at_by_its_place_comes_with_what_it_says_of_itself(assistant):
    a = conversation(assistant, "作者建议怎样通过产业链在国内的转移来释放创新潜力？", "那第三点具体是什么？")
    assert a.answer.startswith("第三，") and "装备制造" in a.answer and "第一，" not in a.answer


def test_figures_asked_where_the_part_gives_none_are_said_to_be_missing(assistant):
    a = conversation(assistant, "采购单极化是什么意思？", "有什么数据吗？")
    assert a.answer.startswith("论文没有给出这方面的数据") and {c.section_id for c in a.citations} == {"s2.2"}


def test_a_why_question_naming_a_part_is_answered_from_it(assistant):
    a = assistant.ask("作者为什么认为我国的海外市场会大幅收缩？")
    assert a.citations[0].section_id == "s3.2.3"


def test_proposals_to_close_a_gap_named_in_the_singular_come_from_the_part_answering_it(assistant):
    en = assistant.ask("What do the authors propose to close the technology gap?")
    zh = assistant.ask("作者对技术越追越远有什么建议？")
    assert {c.section_id for c in en.citations} == {c.section_id for c in zh.citations} == {"s4.2.2"}


@pytest.mark.parametrize(
    ("first", "why", "advice"),
    [
        (
            "What happened to jobs in China's textile and apparel industry?",
            "Why is that happening?",
            "What do the authors suggest doing about it?",
        ),
        ("纺织服装业的就业发生了什么变化？", "为什么会这样？", "作者对此有什么建议？"),
    ],
)
def test_why_and_what_to_do_about_it_mean_the_part_the_answer_came_from(assistant, first, why, advice):
    # the first question names no heading; "it" is the problem its answer's part treats
    cause = conversation(assistant, first, why)
    assert cause.citations and cause.citations[0].section_id == "s3.2.1"
    remedy = conversation(assistant, first, why, advice)
    assert remedy.citations and all(c.section_id == "s4.2.1" for c in remedy.citations)


def test_figures_asked_without_a_pronoun_are_of_the_topic_not_of_the_list_asked_before(assistant):
    a = conversation(assistant, "壁垒武器化具体有哪些表现？", "有数据支撑吗？")
    assert a.citations and all(c.section_id == "s2.4" for c in a.citations)
    assert any(ch.isdigit() for ch in a.answer) and not a.answer.startswith("论文没有给出")


def test_a_whole_question_opened_like_a_follow_up_is_searched_as_it_is(assistant):
    a = conversation(assistant, "作者说的“自带链条补位”是什么意思？", "那作者建议怎么防止产业空心化？")
    assert a.condensed_question == "那作者建议怎么防止产业空心化？"
    assert a.citations[0].section_id == "s4.2.1"


def test_asked_why_after_an_answer_the_sentence_after_it_in_the_text_is_given(assistant):
    first = assistant.ask("作者说的“自带链条补位”是什么意思？")
    a = conversation(assistant, "作者说的“自带链条补位”是什么意思？", "为什么这很危险？")
    new = [line for line in a.answer.split("。") if line and line not in first.answer]
    assert any("完整性" in line for line in new)


def test_the_same_asked_of_something_else_names_it_and_does_not_repeat_the_answer(assistant):
    first = assistant.ask("区域联盟化指的是什么？")
    a = conversation(assistant, "区域联盟化指的是什么？", "那日本呢？")
    assert "日本" in a.answer and a.answer != first.answer


def test_a_question_standing_on_its_own_leans_lightly_on_the_last_answer(assistant):
    # "resource nationalism" is not the paper's word; the part the last answer was about has its example
    a = conversation(
        assistant,
        "Why are critical minerals a concern in the paper?",
        "Any real-world example of the resource nationalism it mentions?",
    )
    assert a.condensed_question is None
    assert a.citations[0].section_id == "s3.2.5"


def test_why_after_a_part_is_asked_of_its_topic_not_the_summary_again(assistant):
    first = assistant.ask("What does the paper say about industrial hollowing-out?")
    a = conversation(assistant, "What does the paper say about industrial hollowing-out?", "Why?")
    assert first.kind == "overview" and a.kind == "passages"
    assert "Hollowing Out" in a.condensed_question and "say about" not in a.condensed_question
    assert all(c.section_id == "s3.2.1" for c in a.citations)


def test_it_after_a_question_about_a_named_thing_is_that_thing(assistant):
    a = conversation(assistant, "文章是怎么谈“一带一路”的？", "政策建议里又怎么利用它？")
    assert "一带一路" in a.condensed_question and "一带一路" in a.answer


def test_one_part_chosen_from_a_list_is_what_it_means_next(assistant):
    first = "Which of the negative impacts is about labour-intensive industries leaving China?"
    a = assistant.ask(first)
    assert a.kind == "overview" and {c.section_id for c in a.citations} == {"s3.2.1"}
    a = conversation(assistant, first, "Any numbers on it?")
    assert "Hollowing" in a.condensed_question and "7.508" in a.answer


def test_what_the_text_advises_after_an_answer_quoting_one_part_is_about_that_part(assistant):
    turns = ("“技术越追越远”指的是什么问题？", "那中国在人工智能领域的短板在哪里？", "文章建议怎么应对？")
    a = conversation(assistant, *turns)
    assert "技术越追越远" in a.condensed_question and a.citations[0].section_id == "s4.2.2"


def test_one_part_chosen_from_a_list_in_chinese(assistant):
    a = assistant.ask("消极影响里哪一个讲的是外资外迁？")
    assert a.kind == "overview" and {c.section_id for c in a.citations} == {"s3.2.4"}


def test_it_after_asking_how_the_text_treats_a_name_is_that_name(assistant):
    a = conversation(assistant, "文章是怎么谈RCEP的？", "政策建议里怎么利用它？")
    assert a.condensed_question == "政策建议里怎么利用RCEP？"


def test_a_question_naming_a_part_of_its_own_is_not_pulled_to_the_last_answers(assistant):
    first = "2021年中国在全球制造业增加值中的占比是多少？"
    then = "Which four trends does the paper foresee for global industrial chains?"
    a = conversation(assistant, first, then)
    assert a.kind == "outline" and {c.section_id for c in a.citations} == {f"s2.{k}" for k in range(1, 5)}
