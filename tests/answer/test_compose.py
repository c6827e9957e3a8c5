"""The answer stage on the real index: each kind of answer, in the asker's language, cited."""

import re

from assistant.text import cjk_share


def markers_match(answer) -> bool:
    return {int(n) for n in re.findall(r"\[(\d{1,3})\]", answer.answer)} == {c.n for c in answer.citations}


def test_a_chinese_answer_quotes_the_paper(assistant):
    a = assistant.ask("2021年中国在全球制造业增加值中的占比是多少？")
    assert a.kind == "passages" and not a.translated and "30.5%" in a.answer and markers_match(a)
    assert a.citations[0].section_id == "s3" and a.citations[0].quote_en  # the English is there for the panel


def test_an_english_answer_is_english_with_the_original_in_its_citations(assistant):
    a = assistant.ask("What was China's share of global manufacturing value added in 2021?")
    assert a.lang == "en" and a.translated and not a.abstained and markers_match(a)
    body = "\n".join(line for line in a.answer.splitlines()[1:] if line)
    assert "30.5%" in body and cjk_share(body) < 0.02
    assert a.answer.splitlines()[0].startswith("From the paper, machine-translated")
    first = a.citations[0]
    assert first.quote and cjk_share(first.quote) > 0.3 and first.quote_en and cjk_share(first.quote_en) == 0
    assert first.section_en and first.section_en != first.section


def test_padding_from_other_sections_is_left_out(assistant):
    a = assistant.ask("2023年中国在全球制造业增加值中的占比是多少？")
    assert "28.8%" in a.answer and {c.section_id for c in a.citations} == {"s3"}


def test_a_summary_of_the_whole_paper_is_its_abstract_and_its_parts(assistant):
    zh = assistant.ask("用三句话概括这篇文章")
    assert (
        zh.kind == "overview" and len(re.findall(r"\[\d+\]", zh.answer)) == 3
    )  # three sentences, each cited
    assert all(c.section_id == "abstract" for c in zh.citations)
    en = assistant.ask("What is the paper's main argument?")
    assert en.kind == "overview" and "abstract.en" in {
        c.section_id for c in en.citations
    }  # the authors' English
    assert [i["section_id"] for i in en.items] == ["s1", "s2", "s3", "s4"]


def test_a_section_by_number_lists_its_parts(assistant):
    a = assistant.ask("第二部分主要讲了什么？")
    assert a.kind == "overview" and [i["section_id"] for i in a.items] == ["s2.1", "s2.2", "s2.3", "s2.4"]
    assert {"s2.1", "s2.2", "s2.3", "s2.4"} <= {c.section_id for c in a.citations} and markers_match(a)
    en = assistant.ask("What does section 4 recommend?")
    labels = [i["label"] for i in en.items]
    assert len(labels) == 10 and cjk_share(" ".join(labels)) == 0  # two groups of 3 and 5, in English


def test_a_list_question_about_a_section_gets_its_subsections(assistant):
    a = assistant.ask("What positive impacts does the paper see for China?")
    assert a.kind == "outline" and [i["section_id"] for i in a.items] == ["s3.1.1", "s3.1.2", "s3.1.3"]


def test_metadata_however_it_is_asked(assistant):
    journal = assistant.ask("这篇文章发表在哪个期刊？")
    assert journal.kind == "metadata" and "国际贸易" in journal.answer and "itrade" in journal.answer
    en = assistant.ask("Who are the authors and where do they work?")
    assert en.kind == "metadata" and "GUO Ruonan" in en.answer and "CASS" in en.answer
    assert all(c.section_id in ("abstract.en", "meta") for c in en.citations)
    # a reference: authors, title, issue and DOI, in that order
    cite = assistant.ask("How should I cite this article?")
    shown = [cite.answer.find(s) for s in ("GUO Ruonan", "Global Industrial Chain", "2025", "itrade")]
    assert cite.kind == "metadata" and -1 not in shown and shown == sorted(shown)


def test_a_comparison_puts_the_table_rows_side_by_side(assistant):
    a = assistant.ask("表1中两个阶段在成本考量上有什么区别？")
    assert (
        a.kind == "comparison" and all(c.section_id == "s2.t1" for c in a.citations) and len(a.citations) >= 2
    )


def test_a_false_premise_is_corrected_with_its_sentence(assistant):
    a = assistant.ask("Why does the paper say the US share of imports from China rose between 2018 and 2023?")
    assert a.kind == "correction" and a.premise_rejected and not a.abstained and a.guard == "premise"
    assert "premise is wrong" in a.answer and "7.4" in a.answer and markers_match(a)


def test_a_premise_is_read_against_the_passages_found_for_it(assistant):
    a = assistant.ask(
        "论文说RCEP在2020年生效，此后中国对RCEP成员国贸易有何变化？"
    )  # the search finds trade figures
    assert a.kind == "correction" and "2022" in a.answer


def test_an_abstention_names_its_guard(assistant):
    a = assistant.ask("Who won the 2022 World Cup?")
    assert a.abstained and a.kind == "abstention" and a.guard in ("similarity", "coverage") and a.notice


def test_a_part_named_inside_a_part_named_by_number(assistant):
    # the number names the part, words of a heading inside it name the one asked about
    a = assistant.ask(
        "In section three, what does the last negative impact, the one about critical minerals, argue?"
    )
    assert a.kind == "overview" and a.citations[0].section_id == "s3.2.5"
    b = assistant.ask(
        "Summarise the 'forcing industrial upgrading' point among the positive impacts in part three."
    )
    assert b.kind == "overview" and b.citations[0].section_id == "s3.1.1"


def test_the_introduction_and_how_a_part_opens(assistant):
    intro = assistant.ask("What's the intro about?")
    assert intro.kind == "overview" and {c.section_id for c in intro.citations} == {"intro"}
    opening = assistant.ask("第二部分一开头是怎么铺垫未来趋势的？")
    lines = opening.answer.splitlines()
    before_parts = next(k for k, line in enumerate(lines) if line.startswith("- "))
    assert opening.kind == "overview" and before_parts > 3  # its own opening, more than its first lines


def test_a_comparison_of_two_years_gives_each_years_figure_of_the_same_thing(assistant):
    a = assistant.ask("Compare the battery figures the paper gives for 2023 and for 2024.")
    assert "387.7" in a.answer and "645" in a.answer  # both years' battery figures, from one part
    assert {c.section_id for c in a.citations} == {"s3.2.3"}


def test_the_conclusion_in_one_sentence_is_the_authors_verdict(assistant):
    a = assistant.ask("这篇文章最后的结论，一句话怎么说？")
    assert a.kind == "overview" and "弊大于利" in a.answer.splitlines()[1]


def test_the_papers_policy_prescription_is_its_part_of_proposals(assistant):
    a = assistant.ask("What is the paper's overall policy prescription for China, at the highest level?")
    assert a.kind == "overview" and a.citations[0].section_id == "s4"


def test_the_title_in_both_languages_when_asked_for_the_original(assistant):
    a = assistant.ask("What's the exact title, both the Chinese original and the English version?")
    assert a.kind == "metadata" and "Global Industrial Chain" in a.answer and "全球产业链再布局" in a.answer
    assert "全球产业链再布局" not in assistant.ask("What is the title of the paper?").answer


def test_a_short_question_about_figures_of_given_years_is_not_refused(assistant):
    a = assistant.ask("How did battery installations change from 2023 to 2024?")
    assert not a.abstained and "387.7" in a.answer
