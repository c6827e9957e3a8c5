"""What a reader asks after the facts, on the real index: a count the text does not have, two parts side
by side, a whole enumeration, what a follow-up asks for anew, the proposals for a problem, metadata."""

import pytest

from assistant.text import cjk_share
from tests.answer.talk import conversation


@pytest.mark.parametrize(
    ("question", "listed"), [("论文讲的两个消极影响是什么？", "5"), ("Name the four negative impacts.", "5")]
)
def test_a_wrong_count_is_corrected_and_the_list_given(assistant, question, listed):
    a = assistant.ask(question)
    assert a.premise_rejected and listed in a.answer.splitlines()[0]
    assert {c.section_id for c in a.citations} == {f"s3.2.{k}" for k in range(1, 6)}


def test_a_right_count_is_not_corrected(assistant):
    a = assistant.ask("What are the five negative impacts?")
    assert a.kind == "outline" and not a.premise_rejected


def test_two_parts_named_together_come_side_by_side(assistant):
    a = assistant.ask("What are the positive impacts and the negative impacts for China?")
    assert a.kind == "comparison"
    cited = {c.section_id for c in a.citations}
    assert any(s.startswith("s3.1.") for s in cited) and any(s.startswith("s3.2.") for s in cited)


def test_a_list_question_gets_the_whole_enumeration_and_nothing_else(assistant):
    a = assistant.ask("关键矿产方面，文章给出了哪几条应对办法？")
    assert all(f"第{n}，" in a.answer for n in "一二三四五六")
    assert {c.section_id for c in a.citations} == {"s4.2.5"}


def test_a_question_naming_one_item_is_not_given_the_list(assistant):
    a = assistant.ask("推动实现产业数字化与数字产业化，要整合哪些机构的数据资源？")
    assert "国家统计局" in a.answer and "第一，" not in a.answer


def test_items_set_off_by_semicolons_follow_the_sentence_announcing_them(assistant):
    a = assistant.ask("In what forms does the weaponization of barriers show itself?")
    assert a.answer.count(";") >= 3 and "export" in a.answer.lower()


def test_a_unit_opening_a_list_after_a_colon_brings_the_items_after_it(assistant):
    a = assistant.ask("What specific practices make up the single-supplier sourcing model in the paper?")
    quoted = " ".join(c.quote for c in a.citations)
    assert all(item in quoted for item in ("选择性采购", "技术集成", "定制化合作", "质量控制"))


def test_a_question_about_one_year_is_not_answered_first_by_another_years_figures(assistant):
    a = assistant.ask("Which grew faster in 2023: exports of the 'new three', or power batteries installed?")
    assert "2023" in a.citations[0].quote and "645" not in a.answer  # 645 GWh: 2024's


def test_a_follow_up_asking_for_an_example_gets_one_not_the_same_answer(assistant):
    first = assistant.ask("采购单极化是什么意思？")
    a = conversation(assistant, "采购单极化是什么意思？", "能举个企业的例子吗？")
    assert "苹果" in a.answer and a.answer != first.answer


def test_proposals_about_a_problem_come_from_the_section_that_answers_it(assistant):
    zh = assistant.ask("针对产业空心化，作者提出了什么对策？")
    assert zh.kind == "overview" and {c.section_id for c in zh.citations} == {"s4.2.1"}
    en = conversation(
        assistant,
        "What does the paper mean by escalating technology gaps?",
        "How should China respond to it?",
    )
    assert {c.section_id for c in en.citations} == {"s4.2.2"} and cjk_share(en.answer) < 0.02


def test_a_detailed_question_about_a_proposal_is_not_turned_into_a_summary(assistant):
    a = assistant.ask("作者建议制定关键技术清单目录，清单内企业申请外迁时要满足什么条件？")
    assert a.kind == "passages" and "保留" in a.answer


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("What is the English title of the paper?", "Global Industrial Chain Restructuring"),
        ("这篇文章的研究经费从哪来？", "青启计划"),
        ("What are the authors' job titles?", "CASS"),
    ],
)
def test_metadata_however_asked(assistant, question, wanted):
    a = assistant.ask(question)
    assert a.kind == "metadata" and wanted in a.answer


def test_an_english_summary_starts_with_the_abstract_not_the_title(assistant):
    a = assistant.ask("Sum up the paper in two sentences.")
    lines = [line for line in a.answer.splitlines() if "[" in line]
    assert a.kind == "overview" and not lines[0].startswith("Global Industrial Chain Restructuring")


@pytest.mark.parametrize(
    "question",
    [
        "讲讲“区域联盟化”那一小节都说了些什么",
        "What is the subsection on single-level procurement about?",
        "Could you sum up the section on the negative impacts?",
    ],
)
def test_a_section_named_by_its_heading_is_summarised(assistant, question):
    assert assistant.ask(question).kind == "overview"


def test_a_summary_of_nothing_in_particular_is_the_whole_paper_and_off_topic_ones_are_not(assistant):
    assert assistant.ask("Big picture, please?").kind == "overview"
    assert assistant.ask("Summarize the history of the Roman Empire.").kind != "overview"
    assert assistant.ask("Summarise the part about the Roman Empire's aqueducts.").abstained


def test_a_section_named_by_its_bare_number_is_summarised_not_refused(assistant):
    a = assistant.ask("3.1积极影响这一节能帮我梳理一下吗")
    assert a.kind == "overview" and not a.abstained
    assert {c.section_id for c in a.citations} >= {"s3.1.1", "s3.1.2", "s3.1.3"}


def test_what_the_paper_says_about_a_topic_with_a_section_is_that_section(assistant):
    a = assistant.ask("What does the paper say about market shrinkage?")
    assert a.kind == "overview" and {c.section_id for c in a.citations} == {"s3.2.3"}


def test_a_comparison_that_names_no_table_is_not_answered_from_the_table(assistant):
    a = assistant.ask("How does single-level procurement differ from buying from many suppliers?")
    assert not any(c.section_id.endswith(".t1") for c in a.citations)
    assert "multiple suppliers" in a.answer


def test_proposals_for_a_whole_chapter_come_from_the_chapter_of_proposals(assistant):
    a = conversation(assistant, "全球产业链变化对我国有什么影响？", "那作者对此有什么建议？")
    assert a.kind == "overview" and all(c.section_id.startswith("s4") for c in a.citations)


def test_a_part_named_by_number_in_loose_words_is_summarised_and_listed(assistant):
    assert assistant.ask("第一部分讲的什么？").kind == "overview"
    a = assistant.ask("What are the recommendations in part 4?")
    assert a.kind == "outline" and all(c.section_id.startswith("s4.") for c in a.citations)


def test_an_item_inside_a_paragraph_can_be_pointed_at_in_a_follow_up(assistant):
    listed = assistant.ask("面对关键矿产博弈，作者给出了哪些做法？")
    assert len(listed.items) == 6 and all(i["section_id"] == "s4.2.5" for i in listed.items)
    a = conversation(assistant, "面对关键矿产博弈，作者给出了哪些做法？", "第四个具体指什么？")
    assert a.condensed_question.startswith(listed.items[3]["label"]) and "第四，" in a.answer


def test_proposals_for_a_problem_named_in_other_words_come_from_its_section(assistant):
    a = assistant.ask("What measures does the paper propose for critical minerals?")
    assert {c.section_id for c in a.citations} == {"s4.2.5"}


@pytest.mark.parametrize("question", ["论文第五部分讲了什么？", "Summarize section 7."])
def test_a_part_the_text_does_not_have_is_said_not_to_exist(assistant, question):
    a = assistant.ask(question)
    assert a.premise_rejected and a.kind == "overview"
    assert {c.section_id for c in a.citations} == {"s1", "s2", "s3", "s4"}


def test_whether_the_paper_mentions_a_name_is_answered_from_where_it_does(assistant):
    a = assistant.ask("Does the paper discuss India?")
    assert not a.abstained and "India" in a.answer
    assert assistant.ask("Does the paper mention bitcoin?").abstained


def test_a_part_number_is_only_called_missing_where_the_parts_are_numbered():
    from types import SimpleNamespace

    from assistant.answer.compose import numbered

    def context(labels):
        tree = SimpleNamespace(top=lambda document: list(labels), labels=labels)
        return SimpleNamespace(index=SimpleNamespace(tree=tree))

    assert numbered("d", context({"d.s1": "1. Introduction", "d.s2": "2. Findings"}))
    assert not numbered("d", context({"d.s1": "Introduction", "d.s2": "Findings"}))


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("What is the part on shrinking markets about?", "s3.2.3"),
        ("讲“只依赖少数几家供应商”的那部分，主要说了什么？", "s2.2"),
        (
            "Summarise what the policy part proposes about moving industry to the central and western "
            "regions.",
            "s4.1.1",
        ),
        ("Main points of the section on regionalisation?", "s2.1"),  # in British spelling
    ],
)
def test_a_part_named_by_what_it_is_about_is_summarised(assistant, question, section):
    a = assistant.ask(question)
    assert a.kind == "overview" and {c.section_id for c in a.citations} == {section}


def test_a_part_named_by_what_its_parts_have_in_common(assistant):
    a = assistant.ask("What does the theory section argue?")  # each part of section I is a theory
    cited = [c.section_id for c in a.citations]
    assert a.kind == "overview" and cited[0] == "s1" and all(c.startswith("s1") for c in cited)


@pytest.mark.parametrize(
    ("question", "parent"),
    [
        ("What are the drawbacks for China?", "s3.2"),
        ("这对中国有哪些好处？", "s3.1"),
        ("列出不利影响", "s3.2"),
    ],
)
def test_a_heading_asked_for_in_other_words_lists_its_parts(assistant, question, parent):
    a = assistant.ask(question)
    assert a.kind == "outline" and {c.section_id.rsplit(".", 1)[0] for c in a.citations} == {parent}


def test_items_set_off_by_semicolons_are_all_in_a_summary_of_their_section(assistant):
    a = assistant.ask("采购单极化这一小节讲了些什么？")
    assert sum(line.rstrip().endswith(("；[1]", "；[2]")) for line in a.answer.splitlines()) >= 5


def test_the_parts_a_sentence_names_can_be_pointed_at_next(assistant):
    # the four trends, named inside one sentence of the answer, not listed as its parts
    a = conversation(assistant, "文章认为全球产业链以后会呈现什么新特征？", "第三个指的是什么？")
    assert "封闭化" in a.condensed_question and all(c.section_id.startswith("s2") for c in a.citations)


@pytest.mark.parametrize(
    "question", ["On balance, does the reshuffle help or hurt China?", "整体来看，这对我国是利大还是弊大？"]
)
def test_which_side_outweighs_is_answered_with_the_authors_verdict(assistant, question):
    a = assistant.ask(question)
    assert any("弊大于利" in (c.quote + (c.quote_zh or "")) for c in a.citations)


@pytest.mark.parametrize(
    "question", ["What is meant by single-level procurement here?", "采购单极化指的是什么？"]
)
def test_a_term_asked_about_is_answered_with_the_sentence_defining_it(assistant, question):
    a = assistant.ask(question)
    first = a.citations[0]
    assert not a.abstained and first.section_id == "s2.2" and "一种" in first.quote


def test_proposals_for_a_problem_named_with_the_texts_home_name(assistant):
    a = assistant.ask("What measures does the paper recommend so that China avoids industrial hollowing out?")
    assert a.kind == "overview" and {c.section_id for c in a.citations} == {"s4.2.1"}


@pytest.mark.parametrize(
    "question", ["What should China do, according to the paper?", "作者有哪些建议？", "我国应该怎么做？"]
)
def test_what_the_text_proposes_asked_of_no_topic_is_its_part_of_proposals(assistant, question):
    a = assistant.ask(question)
    assert a.kind == "overview" and all(c.section_id.startswith("s4") for c in a.citations)


def test_proposals_asked_about_a_topic_are_not_the_whole_part(assistant):
    a = assistant.ask("What does the paper recommend on critical minerals?")
    assert not all(c.section_id == "s4" or c.section_id.count(".") < 2 for c in a.citations)


def test_a_bare_why_after_an_overview_is_not_given_the_overview_again(assistant):
    questions = ["Which trends does the paper foresee?", "Say more about the second one."]
    before = conversation(assistant, *questions)
    a = conversation(assistant, *questions, "Why?")
    assert a.kind != "overview" and a.answer != before.answer


def test_a_follow_up_pointing_back_with_zhe_zhong_is_read_as_one(assistant):
    a = conversation(assistant, "全球产业链布局经历了哪几个阶段？", "为什么会发生这种转变？")
    assert a.condensed_question and not a.abstained


def test_two_parts_without_parts_of_their_own_are_compared_by_more_than_their_openings(assistant):
    a = assistant.ask("人工智能封闭化和采购单极化有什么区别？")
    cited = [c.section_id for c in a.citations]
    assert a.kind == "comparison" and {"s2.2", "s2.3"} <= set(cited)
    assert sum(line.startswith("- ") for line in a.answer.splitlines()) >= 4  # sentences of each side


@pytest.mark.parametrize(
    "question",
    [
        "全球产业链布局的第一阶段和第二阶段有什么本质区别？",
        "How does the paper compare the first and second stages of industrial chain layout?",
    ],
)
def test_two_parts_named_by_their_order_are_compared(assistant, question):
    a = assistant.ask(question)
    cited = {c.section_id for c in a.citations}
    assert a.kind == "comparison" and {"s1.1", "s1.2"} <= cited and not cited & {"s2", "s3"}


@pytest.mark.parametrize(
    ("first", "then", "after"),
    [
        ("全球产业链未来有哪些变动趋势？", "那人工智能封闭化呢？", "它会带来哪些影响？"),
        ("What are the future trends of global industrial chains?", "What about AI closure?", "Why is it?"),
    ],
)
def test_a_follow_up_naming_one_listed_item_is_about_that_item(assistant, first, then, after):
    a = conversation(assistant, first, then)
    assert {c.section_id for c in a.citations} == {"s2.3"}
    condensed = conversation(assistant, first, then, after).condensed_question or ""
    assert "人工智能封闭化" in condensed or "Closure" in condensed  # "it" is that item


def test_a_span_of_time_is_no_count_of_items_asked():
    from assistant.answer.enumeration import announces_count

    said = "It shows in two aspects."
    assert not announces_count("How has the share moved over the past two decades?", said)
    assert announces_count("What are the two aspects?", said)


def test_a_part_without_parts_is_summarised_with_both_sides_it_weighs(assistant):
    a = assistant.ask("“技术越追越远”那一节主要讲了什么？")
    assert "一方面" in a.answer and "另一方面" in a.answer


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("what's the 'technology falling further behind' part about?", "s3.2.2"),  # a name in quotes
        ("Summarize why the paper thinks China's technology gap might widen.", "s3.2.2"),  # "gap" names it
        (
            "How does the paper explain the regional-alliance trend at the company and the government level?",
            "s2.1",
        ),
    ],
)
def test_a_part_named_in_the_readers_own_words_is_summarised(assistant, question, section):
    a = assistant.ask(question)
    assert a.kind == "overview" and {c.section_id for c in a.citations} == {section}


def test_which_side_outweighs_of_what_a_part_with_the_authors_verdict_treats_is_that_verdict(assistant):
    a = assistant.ask("全球产业链重构对中国来说利大还是弊大？")
    assert a.kind == "overview" and "弊大于利" in a.answer.splitlines()[0]
    # a part without a verdict of the authors' own is not given the paper's
    assert "弊大于利" not in assistant.ask("区域联盟化对中国是利大还是弊大？").answer


def test_proposals_asked_with_a_quoted_term_the_text_does_not_use_come_from_their_section(assistant):
    a = assistant.ask("关于引导国内企业“走出去”布局产业链，作者具体怎么建议的？")
    assert not a.abstained and a.citations[0].section_id == "s4.1.2"


def test_a_titled_law_given_another_country_is_corrected(assistant):
    a = assistant.ask(
        "Why does the paper single out the EU's Chips and Science Act as the key push behind alliances?"
    )
    assert a.kind == "correction" and "United States" in a.answer


def test_a_heading_named_in_quotes_is_answered_and_a_quote_naming_none_is_not(assistant):
    a = assistant.ask("What's 'weaponization of barriers' and what forms does it take?")
    assert not a.abstained and {c.section_id for c in a.citations} == {"s2.4"}
    assert assistant.ask("How do you say 'good morning' in Japanese?").abstained


@pytest.mark.parametrize(
    "question",
    [
        "既然作者认为利大于弊，那么最大的好处是什么？",
        "Since the authors conclude the positives outweigh the negatives, which gains matter most?",
    ],
)
def test_a_premise_weighing_the_sides_the_wrong_way_is_corrected(assistant, question):
    a = assistant.ask(question)
    assert a.premise_rejected and "弊大于利" in a.citations[0].quote


def test_a_verdict_premise_about_what_the_text_never_treats_is_not_corrected_by_its_verdict(assistant):
    a = assistant.ask("既然作者认为元宇宙对农民利大于弊，原因是什么？")
    assert not a.premise_rejected


def test_after_the_correction_the_rest_of_the_question_is_answered(assistant):
    a = assistant.ask(
        "The paper says industrial robots grew tenfold from 2000 to 2019. What does it expect by 2030?"
    )
    assert a.premise_rejected and "As for the rest of the question:" in a.answer
    rest = a.answer.split("As for the rest of the question:")[1]
    assert "2030" in rest and "threefold" not in rest  # the correction is not said again


@pytest.mark.parametrize(
    "question", ["这篇论文分成哪几个部分？各部分讲什么？", "How many parts is the paper divided into?"]
)
def test_the_parts_of_the_whole_paper(assistant, question):
    a = assistant.ask(question)
    assert a.kind == "overview" and [i["section_id"] for i in a.items] == ["s1", "s2", "s3", "s4"]


@pytest.mark.parametrize(
    ("question", "lang"), [("What are the three negative impacts?", "en"), ("消极影响有哪三个？", "zh")]
)
def test_a_wrong_count_of_the_part_named_is_corrected_not_given_another_part(assistant, question, lang):
    a = assistant.ask(question)
    assert a.premise_rejected and {c.section_id for c in a.citations} == {f"s3.2.{k}" for k in range(1, 6)}


def test_a_part_number_before_a_verb_is_no_count(assistant):
    a = assistant.ask("What does part 3 list?")
    assert not a.premise_rejected and a.kind == "outline"


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("What's the paper's take on AI turning into a closed, walled-off technology?", "s2.3"),
        ("What's the authors' view on regional alliances?", "s2.1"),
    ],
)
def test_the_texts_view_of_a_part_is_that_part(assistant, question, section):
    a = assistant.ask(question)
    assert a.kind == "overview" and a.citations[0].section_id.startswith(section)


def test_proposals_asked_of_a_term_come_from_the_response_to_its_part(assistant):
    a = conversation(assistant, "文中说的“自带链条补位”是什么意思？", "对此作者提出了什么对策？")
    assert {c.section_id for c in a.citations} == {"s4.2.1"}


def test_why_after_figures_asks_why_the_text_gives_them_not_a_premise(assistant):
    a = conversation(
        assistant,
        "What figures does the paper give for Chinese firms' R&D spending in 2023?",
        "Why does it mention that?",
    )
    assert not a.premise_rejected and not a.abstained


def test_a_part_of_proposals_and_one_inside_it_named_by_its_words(assistant):
    a = conversation(assistant, "文章的政策建议分成哪两大块？", "那第二块里关于扩大市场规模是怎么说的？")
    assert {c.section_id for c in a.citations} == {"s4.2.3"}


@pytest.mark.parametrize(
    "question", ["Did anyone fund this research?", "Was this work supported by a grant?"]
)
def test_funding_asked_in_other_words_is_front_matter(assistant, question):
    a = assistant.ask(question)
    assert a.kind == "metadata" and "2024QQJH164" in " ".join(c.quote for c in a.citations)


def test_a_premise_of_benefit_outweighing_hurt_is_corrected(assistant):
    a = assistant.ask("Why does the paper conclude the restructuring will benefit China more than hurt it?")
    assert a.premise_rejected and "弊大于利" in a.citations[0].quote


def test_a_premise_that_a_law_encourages_what_it_restricts_is_corrected(assistant):
    a = assistant.ask(
        "Why do the authors say the US CHIPS and Science Act encourages chip investment in China?"
    )
    assert a.premise_rejected


def test_how_a_part_is_organised_is_its_outline(assistant):
    a = assistant.ask("How are the policy recommendations organized?")
    assert a.kind == "overview" and {i["section_id"] for i in a.items} >= {"s4.1", "s4.2"}


@pytest.mark.parametrize(
    ("first", "then", "section"),
    [
        (
            "What future trends does the paper predict?",
            "Can you explain the second one in more detail?",
            "s2.2",
        ),
        ("全球产业链重构对我国有哪些好处？", "那坏处呢？", "s3.2"),
        ("全球产业链重构对我国有哪些好处？", "那消极影响有哪些？", "s3.2"),
    ],
)
def test_a_follow_up_about_the_part_beside_or_an_item_gets_that_part(assistant, first, then, section):
    a = conversation(assistant, first, then)
    assert a.kind in ("overview", "outline") and all(c.section_id.startswith(section) for c in a.citations)


def test_the_forms_a_topic_takes_are_its_sections_items(assistant):
    a = assistant.ask("产业空心化具体表现在哪些方面？")
    assert {c.section_id for c in a.citations} == {"s3.2.1"} and "449.2" in a.answer


def test_what_prior_research_lacks_is_the_papers_aim(assistant):
    a = assistant.ask("作者认为现有研究有什么不足？")
    assert a.kind == "overview" and "研究空白" in a.answer


@pytest.mark.parametrize("question", ["RCEP在文中起了什么作用？", "What role does RCEP play in the paper?"])
def test_the_role_of_a_name_is_what_the_text_says_of_it(assistant, question):
    a = assistant.ask(question)
    assert not a.abstained and all("RCEP" in (c.quote + (c.quote_en or "")) for c in a.citations)


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("Walk me through the first stage the paper describes.", "s1.1"),
        ("Explain the first trend.", "s2.1"),
        ("What does the second negative impact say?", "s3.2.2"),
        ("第一个趋势讲了什么？", "s2.1"),
        ("第二个消极影响是什么？", "s3.2.2"),
        ("第三个积极影响讲了什么？", "s3.1.3"),  # not the third proposal widening the positive impacts
    ],
)
def test_a_part_named_by_its_place_among_parts_of_its_kind(assistant, question, section):
    a = assistant.ask(question)
    assert a.kind == "overview" and all(c.section_id.startswith(section) for c in a.citations)


def test_two_parts_named_by_place_are_both_compared(assistant):
    a = assistant.ask("第一阶段和第二阶段相比有什么不同？")
    cited = {c.section_id[:4] for c in a.citations}
    assert {"s1.1", "s1.2"} <= cited


def test_what_an_example_is_for_comes_with_the_claim_it_illustrates(assistant):
    a = assistant.ask("文中举吉尔吉斯斯坦的例子是想说明什么？")
    assert "国有化等措施" in a.answer and "吉尔吉斯斯坦" in a.answer


@pytest.mark.parametrize(
    "question",
    [
        "Is the paper empirical? What data or model does it use to test its claims?",
        "What did previous research miss, according to the authors?",
        "What's the point of the introduction - what gap does the paper say it fills?",
    ],
)
def test_method_and_gap_questions_are_answered_from_the_papers_aim(assistant, question):
    a = assistant.ask(question)
    assert a.kind == "overview" and "systematic" in a.answer


def test_optimistic_or_pessimistic_weighs_the_sides(assistant):
    a = assistant.ask("Is the paper optimistic or pessimistic about what restructuring means for China?")
    assert "弊大于利" in a.citations[0].quote


def test_a_part_named_by_a_paraphrase_of_what_it_is_about_is_not_refused(assistant):
    a = assistant.ask("What's the point of the section about Apple and relying on just a few suppliers?")
    assert a.kind == "overview" and a.citations[0].section_id == "s2.2"


def test_it_saying_something_is_the_paper_not_the_last_topic(assistant):
    a = conversation(
        assistant,
        "Overall, does the paper think supply chain restructuring is good or bad for China?",
        "What are the upsides it mentions, then?",
    )
    assert {c.section_id for c in a.citations} == {f"s3.1.{k}" for k in range(1, 4)}


def test_asking_the_text_of_something_narrower_stays_in_the_part(assistant):
    a = conversation(
        assistant,
        "What are the recommendations for expanding market scale?",
        "How do they propose helping private firms specifically?",
    )
    assert {c.section_id for c in a.citations} == {"s4.2.3"} and "private" in a.answer.lower()


@pytest.mark.parametrize(
    ("question", "section"),
    [("What does the part about risks say?", "s3.2"), ("论文中讲风险的部分说了什么？", "s3.2")],
)
def test_a_part_named_by_its_threats_is_the_part_on_negative_impacts(assistant, question, section):
    a = assistant.ask(question)
    assert a.kind == "overview" and {c.section_id.rsplit(".", 1)[0] for c in a.citations} == {section}



@pytest.mark.parametrize("question", ["What are the five risks?", "论文说的五大风险是什么？"])
def test_threats_counted_are_the_list_of_negative_impacts(assistant, question):
    a = assistant.ask(question)
    assert a.kind == "outline" and {c.section_id for c in a.citations} == {f"s3.2.{k}" for k in range(1, 6)}


@pytest.mark.parametrize(
    "question",
    [
        "What is the 'relocating with its own chain' phenomenon the paper talks about?",
        "作者说的“自带链条补位”是什么意思？",
    ],
)
def test_a_terms_meaning_comes_with_the_example_the_text_gives_right_after(assistant, question):
    a = assistant.ask(question)
    assert "Foxconn" in a.answer or "富士康" in a.answer
